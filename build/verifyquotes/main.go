// Command verifyquotes checks every quote of the story against the interview
// it cites: verbatim in both languages, in the words of the paragraph's
// speaker (see build/internal/quotecheck). The interview stays outside the
// repository; give the folder that holds interview.zh.md and
// interview.en.md:
//
//	go run ./build/verifyquotes -source ../shared/source
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/parallel-lines/widget/build/internal/quotecheck"
	"github.com/parallel-lines/widget/build/internal/source"
)

func main() {
	story := flag.String("story", "data/story.yaml", "the story source")
	dir := flag.String("source", "", "folder with interview.zh.md and interview.en.md")
	flag.Parse()
	if err := run(*story, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "verifyquotes:", err)
		os.Exit(1)
	}
}

func run(story, dir string) error {
	if dir == "" {
		return fmt.Errorf("no -source folder given (the interview is not in the repository)")
	}
	src, err := os.ReadFile(story)
	if err != nil {
		return err
	}
	f, diags := source.Load(story, src)
	if len(diags) > 0 {
		return fmt.Errorf("%s", f.Format(diags[0]))
	}
	var ivs []*quotecheck.Interview
	for _, lang := range []string{"zh", "en"} {
		name := filepath.Join(dir, "interview."+lang+".md")
		r, err := os.Open(name)
		if err != nil {
			return err
		}
		iv, err := quotecheck.Parse(lang, r)
		r.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		ivs = append(ivs, iv)
	}
	ps := quotecheck.Check(f.Story, ivs[0], ivs[1])
	for _, p := range ps {
		fmt.Fprintln(os.Stderr, story+": "+p.String())
	}
	if len(ps) > 0 {
		return fmt.Errorf("%d problem(s) against %s", len(ps), dir)
	}
	fmt.Printf("verifyquotes: %d quotes verbatim in both languages and in their speakers' words; %d paragraph speakers agree with %s\n",
		len(f.Story.Quotes), len(f.Story.Paragraphs), dir)
	return nil
}

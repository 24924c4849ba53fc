// Command offline writes dist/parallel-lines-offline.html: the explorer in
// one file that opens from file:// with no server and no network, presenter
// view included (see package build/internal/offline). It reports the
// file's size.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/parallel-lines/widget/build/internal/offline"
)

func main() {
	dist := flag.String("dist", "dist", "the built explorer (make dist)")
	out := flag.String("out", "", "output file (default <dist>/parallel-lines-offline.html)")
	flag.Parse()
	if *out == "" {
		*out = filepath.Join(*dist, "parallel-lines-offline.html")
	}
	if err := run(*dist, *out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(dist, out string) error {
	story, err := os.ReadFile(filepath.Join(dist, "data", "story.json"))
	if err != nil {
		return fmt.Errorf("offline: the dataset: %w (run make dist)", err)
	}
	posters, err := offline.Previews()
	if err != nil {
		return err
	}
	b, sz, err := offline.Build(offline.Input{
		Dir:     dist,
		Extra:   []string{"presenter.css", "presenter.js"},
		Story:   story,
		Posters: posters,
	})
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return err
	}
	fmt.Printf("offline: %s: %s\n", out, sz)
	return nil
}

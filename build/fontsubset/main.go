// Command fontsubset builds assets/fonts/subset.bin, the compact font the
// widget draws with (format: package wasm/text), from the Noto Sans SC WOFF
// slices in assets/fonts/source. With -zh it splits the font in two: the
// base (-o), with what the English view draws (the inventory's "en" lines
// and printable ASCII), embedded in the wasm; and the rest (-zh), the
// Chinese view's glyphs, which the page fetches only for Chinese and the
// widget merges in (text.Font.Add). Same format, same metrics, no rune in
// both; the two files back to back load as the whole font.
//
// With -views as well (the plan build/inventory -views writes, package
// build/inventory/views) the Chinese glyphs are cut further, into one file
// per chunk the plan names and one for the rest, each named after -zh with
// the chunk's name before ".bin" (subset.zh.first.bin, ...): a glyph goes
// to the first chunk whose views draw it in its weight, else to the rest.
// The page asks only for the chunks its first view needs before the widget
// is ready. All the files back to back, base first, load as the whole
// font.
//
// It keeps every rune that occurs in the text files given as arguments,
// plus printable ASCII and common CJK punctuation, in the regular weight,
// and in the bold weight only printable ASCII and the runes of the lines
// that start with "bold" and a tab (the text inventory, build/inventory,
// writes the characters it sets in bold so). A rune that no source has is
// reported as
//
//	file:line:col: no glyph for U+XXXX 'x' [(weight)]
//
// naming the weight unless both weights lack it (columns count characters), once per rune, and nothing is written. The
// output is byte-identical for identical inputs.
//
// Usage:
//
//	go run ./build/fontsubset [-o assets/fonts/subset.bin] [-zh assets/fonts/subset.zh.bin [-views assets/fonts/views.txt]] [-src assets/fonts/source] file...
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/parallel-lines/widget/build/inventory/views"
	"github.com/parallel-lines/widget/wasm/text"
)

func main() { os.Exit(cli(os.Args[1:], os.Stdout, os.Stderr)) }

// cli runs the command and returns its exit status: 0, 1 on failure, 2 on
// bad usage.
func cli(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fontsubset", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "assets/fonts/subset.bin", "output `file` (the base subset with -zh)")
	zh := fs.String("zh", "", "write the glyphs the English view does not draw to this `file` instead")
	viewsFile := fs.String("views", "", "with -zh, cut the Chinese glyphs into the chunks this plan `file` names (build/inventory -views)")
	src := fs.String("src", "assets/fonts/source", "`folder` with the Noto Sans SC WOFF slices")
	grid := fs.Int("grid", DefaultGrid, "round outline points to this many font `units` (1 keeps them exact)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: fontsubset [-o file] [-zh file] [-src folder] [-grid units] textfile...\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	if *grid < 1 || *grid > text.MaxGrid {
		fmt.Fprintf(stderr, "fontsubset: -grid %d outside 1..%d\n", *grid, text.MaxGrid)
		return 2
	}
	if *viewsFile != "" && *zh == "" {
		fmt.Fprintf(stderr, "fontsubset: -views needs -zh\n")
		return 2
	}
	summary, err := run(*out, *zh, *viewsFile, *src, fs.Args(), *grid)
	if err != nil {
		var me *missingError
		if !errors.As(err, &me) {
			err = fmt.Errorf("fontsubset: %w", err)
		}
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintln(stdout, summary)
	return 0
}

// run builds the subset and writes it to out, or split in two to out and
// zh; it returns the summary.
func run(out, zh, viewsFile, src string, files []string, grid int) (string, error) {
	f, en, err := subset(src, files, grid)
	if err != nil {
		return "", err
	}
	type part struct {
		f    *text.Font
		path string
	}
	parts := []part{{f, out}}
	if zh != "" {
		base, rest := split(f, en)
		parts = []part{{base, out}, {rest, zh}}
		if viewsFile != "" {
			b, err := os.ReadFile(viewsFile)
			if err != nil {
				return "", err
			}
			names, sets, err := views.Parse(string(b))
			if err != nil {
				return "", fmt.Errorf("%s: %w", viewsFile, err)
			}
			parts = parts[:1]
			for i, c := range cut(rest, sets) {
				name := views.Rest
				if i < len(names) {
					name = names[i]
				}
				parts = append(parts, part{c, ChunkPath(zh, name)})
			}
		}
	}
	var lines []string
	for _, p := range parts {
		b, err := p.f.Encode()
		if err != nil {
			return "", err
		}
		if err := writeFile(p.path, b); err != nil {
			return "", err
		}
		lines = append(lines, fmt.Sprintf("fontsubset: %d regular + %d bold glyphs, %d bytes -> %s",
			len(p.f.Regular), len(p.f.Bold), len(b), p.path))
	}
	return strings.Join(lines, "\n"), nil
}

// ChunkPath is where the chunk named name of the Chinese glyphs goes, for
// -zh zh: the chunk's name before the extension.
func ChunkPath(zh, name string) string {
	ext := filepath.Ext(zh)
	return strings.TrimSuffix(zh, ext) + "." + name + ext
}

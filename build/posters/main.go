// Command posters draws every scene as a static picture: for every scene,
// language and theme, the desktop artboard (1200×675) and the phone
// artboard (390×844), each as a PNG at 1× and 2× and as an SVG, into one
// folder, with a manifest (posters.json) that lists them with their alt
// text. They are the embed's loading poster, the <noscript> image, the
// social card, the print pages and the presenter preview. It needs no
// browser and draws exactly the frame the live widget settles on (see
// build/internal/poster).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/build/internal/poster"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/typeset"
)

// maxPNG1x is the size budget of a 1× poster: it is what a reader on a slow
// phone downloads before the widget starts.
const maxPNG1x = 80 << 10

func main() {
	out := flag.String("out", "dist/posters", "output directory")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "posters:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	story, err := data.Decode(assets.Story)
	if err != nil {
		return err
	}
	fonts, err := typeset.Load(assets.Font)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	m, err := poster.Write(dir, story, fonts, maxPNG1x)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "posters.json"), append(b, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Printf("posters: %d posters (%d PNGs, %d SVGs) in %s; largest 1× PNG %d bytes\n",
		len(m.Posters), 2*len(m.Posters), len(m.Posters), dir, m.Largest1x)
	return nil
}

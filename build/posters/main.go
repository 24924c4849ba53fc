// Command posters draws every scene, in both languages and both themes, as a
// PNG with the widget's second backend (golang.org/x/image): the static
// image of each step, for print, previews and no-script readers. It needs no
// browser and draws exactly the frame the live widget settles on.
package main

import (
	"flag"
	"fmt"
	"image/png"
	"os"
	"path/filepath"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/render/imager"
	"github.com/parallel-lines/widget/wasm/typeset"
	"github.com/parallel-lines/widget/wasm/widget"
)

func main() {
	out := flag.String("out", "dist/posters", "output directory")
	w := flag.Int("w", 1200, "width in CSS pixels")
	h := flag.Int("h", 675, "height in CSS pixels")
	scale := flag.Float64("scale", 2, "device scale factor")
	flag.Parse()
	if err := run(*out, layout.Screen{W: int(float64(*w) * *scale), H: int(float64(*h) * *scale), Scale: *scale}); err != nil {
		fmt.Fprintln(os.Stderr, "posters:", err)
		os.Exit(1)
	}
}

func run(dir string, scr layout.Screen) error {
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
	n := 0
	for i, sc := range story.Scenes {
		for _, lang := range []layout.Lang{layout.Zh, layout.En} {
			for _, th := range []widget.Theme{widget.Light, widget.Dark} {
				w := widget.New(story, fonts, scr, lang, i)
				w.SetTheme(th)
				w.SetReducedMotion(true) // the settled picture, without particles
				for w.Animating() {
					w.Tick(1)
				}
				f := w.Frame()
				name := filepath.Join(dir, fmt.Sprintf("%s-%s-%s.png", sc.ID, map[layout.Lang]string{layout.Zh: "zh", layout.En: "en"}[lang], th.Name))
				if err := writePNG(name, &f, fonts); err != nil {
					return err
				}
				n++
			}
		}
	}
	fmt.Printf("posters: %d PNGs of %dx%d in %s\n", n, scr.W, scr.H, dir)
	return nil
}

func writePNG(name string, f *frame.List, g frame.GlyphSource) error {
	file, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := png.Encode(file, imager.Draw(f, g)); err != nil {
		file.Close()
		return err
	}
	return file.Close()
}

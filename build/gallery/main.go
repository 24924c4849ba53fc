// Command gallery writes dist/gallery.html: every scene's poster in both
// languages and both themes, on a desktop and a phone screen (and as
// presented in a room), side by side, for review. It draws the settled frame
// of each through the posters' renderer (build/internal/poster), into
// dist/gallery/.
package main

import (
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/build/internal/poster"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/typeset"
	"github.com/parallel-lines/widget/wasm/widget"
)

// artboard is one screen the gallery shows each scene on.
type artboard struct {
	board poster.Artboard
	scale int
	css   int // width shown in the page, CSS px
}

var boards = []artboard{
	{poster.Desktop, 1, 640},
	{poster.Phone, 2, 195},
	{poster.Artboard{Name: "present", W: 1920, H: 1080, Present: true}, 1, 640},
}

func main() {
	out := flag.String("out", "dist", "output directory (gallery.html and gallery/)")
	only := flag.String("boards", "desktop,phone", "artboards to draw: desktop, phone, present")
	scenes := flag.String("scenes", "", "scene ids to draw, comma-separated (default every scene)")
	flag.Parse()
	if err := run(*out, strings.Split(*only, ","), *scenes); err != nil {
		fmt.Fprintln(os.Stderr, "gallery:", err)
		os.Exit(1)
	}
}

func run(dir string, only []string, scenes string) error {
	story, err := data.Decode(assets.Story)
	if err != nil {
		return err
	}
	fonts, err := typeset.Load(assets.Font)
	if err != nil {
		return err
	}
	img := filepath.Join(dir, "gallery")
	if err := os.MkdirAll(img, 0o755); err != nil {
		return err
	}
	var bs []artboard
	for _, b := range boards {
		for _, o := range only {
			if o == b.board.Name {
				bs = append(bs, b)
			}
		}
	}
	var page strings.Builder
	page.WriteString(`<!doctype html><meta charset="utf-8"><title>Parallel Lines · gallery</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;background:#eee}section{margin:0 0 40px}
h2{font-size:16px;margin:0 0 8px}figure{display:inline-block;margin:0 12px 12px 0;vertical-align:top}
figcaption{font-size:12px;color:#555}img{display:block;border:1px solid #ccc}</style>
<h1>Parallel Lines: every scene</h1>
`)
	n := 0
	for i, sc := range story.Scenes {
		if scenes != "" && !slices.Contains(strings.Split(scenes, ","), sc.ID) {
			continue
		}
		form := sc.Form.Name
		if form == "" {
			form = data.FormNames[0]
		}
		fmt.Fprintf(&page, "<section id=%q><h2>%d / %d · %s · %s · form: %s</h2>\n", sc.ID, i+1, len(story.Scenes),
			html.EscapeString(sc.Title.En), html.EscapeString(sc.Title.Zh), form)
		for _, b := range bs {
			for _, lang := range []layout.Lang{layout.Zh, layout.En} {
				for _, th := range []widget.Theme{widget.Light, widget.Dark} {
					spec := poster.Spec{Scene: i, Lang: lang, Theme: th, Board: b.board, Scale: b.scale}
					ln := lang.Code()
					name := fmt.Sprintf("%s-%s-%s-%s.png", sc.ID, b.board.Name, ln, th.Name)
					png, err := poster.PNG(poster.Image(story, fonts, spec))
					if err != nil {
						return err
					}
					if err := os.WriteFile(filepath.Join(img, name), png, 0o644); err != nil {
						return err
					}
					fmt.Fprintf(&page, "<figure><img src=\"gallery/%s\" width=%d loading=lazy alt=\"%s\"><figcaption>%s · %s · %s</figcaption></figure>\n",
						name, b.css, html.EscapeString(sc.Title.En), b.board.Name, ln, th.Name)
					n++
				}
			}
		}
		page.WriteString("</section>\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "gallery.html"), []byte(page.String()), 0o644); err != nil {
		return err
	}
	fmt.Printf("gallery: %d posters in %s, index %s\n", n, img, filepath.Join(dir, "gallery.html"))
	return nil
}

package poster

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/alt"
)

// Manifest lists every poster, for the pages that show them.
type Manifest struct {
	Credit    string  `json:"credit"`
	Posters   []Entry `json:"posters"`
	Largest1x int     `json:"largest1x"` // bytes of the largest 1× PNG
}

// Entry is one scene, language, theme and artboard: its PNGs by scale, its
// SVG, and the text a page puts beside it.
type Entry struct {
	Scene    string            `json:"scene"`
	Lang     string            `json:"lang"`
	Theme    string            `json:"theme"`
	Artboard string            `json:"artboard"`
	Width    int               `json:"width"` // CSS pixels
	Height   int               `json:"height"`
	PNG      map[string]string `json:"png"` // "1x", "2x" → file name
	SVG      string            `json:"svg"`
	Title    string            `json:"title"`
	Alt      string            `json:"alt"`         // title and dek: an image's alt attribute
	Desc     string            `json:"description"` // the whole text alternative (wasm/alt)
	Bytes1x  int               `json:"bytes1x"`
}

// Write draws every poster into dir and returns the manifest. A 1× PNG
// over max1x bytes is an error: the budget is checked where it is made.
func Write(dir string, s *data.Story, f Fonts, max1x int) (*Manifest, error) {
	m := &Manifest{Credit: s.Meta.Credit}
	for i := range s.Scenes {
		for _, lang := range Langs {
			d := alt.Describe(s, i, lang)
			for _, th := range Themes {
				for _, ab := range Artboards {
					p := Spec{Scene: i, Lang: lang, Theme: th, Board: ab}
					e := Entry{Scene: s.Scenes[i].ID, Lang: lang.Code(), Theme: th.Name, Artboard: ab.Name,
						Width: ab.W, Height: ab.H, PNG: map[string]string{}, Title: d.Title, Alt: d.Alt(), Desc: d.String()}
					for _, sc := range Scales {
						p.Scale = sc
						b, err := PNG(Image(s, f, p))
						if err != nil {
							return nil, err
						}
						name := p.Name(s) + ".png"
						if sc == 1 {
							if len(b) > max1x {
								return nil, fmt.Errorf("%s is %d bytes, over the budget of %d", name, len(b), max1x)
							}
							e.Bytes1x = len(b)
							m.Largest1x = max(m.Largest1x, len(b))
						}
						if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
							return nil, err
						}
						e.PNG[fmt.Sprintf("%dx", sc)] = name
					}
					b, err := SVG(s, f, p, d.Title, d.String())
					if err != nil {
						return nil, err
					}
					e.SVG = p.Base(s) + ".svg"
					if err := os.WriteFile(filepath.Join(dir, e.SVG), b, 0o644); err != nil {
						return nil, err
					}
					m.Posters = append(m.Posters, e)
				}
			}
		}
	}
	return m, nil
}

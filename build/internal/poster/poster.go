// Package poster draws the static forms of every scene: the settled frame
// of one scene, language, theme and artboard, as a PNG (through
// wasm/render/imager) and as an SVG (through wasm/render/svgr), and the
// manifest that lists them with their alt text. The command build/posters
// writes them all; the golden tests and the browser test that compares the
// live widget with its poster draw them through the same functions, so
// there is one definition of what a poster is.
package poster

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"sort"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/render/imager"
	"github.com/parallel-lines/widget/wasm/render/svgr"
	"github.com/parallel-lines/widget/wasm/widget"
)

// Artboard is a named screen size in CSS pixels.
type Artboard struct {
	Name    string
	W, H    int
	Present bool // the stage layout, sized for a projected room
}

// The two artboards: a 16:9 desktop embed and a phone held upright.
var (
	Desktop = Artboard{Name: "desktop", W: 1200, H: 675}
	Phone   = Artboard{Name: "phone", W: 390, H: 844}
)

// Artboards, Scales, Langs and Themes span every poster.
var (
	Artboards = []Artboard{Desktop, Phone}
	Scales    = []int{1, 2}
	Langs     = []layout.Lang{layout.Zh, layout.En}
	Themes    = []widget.Theme{widget.Light, widget.Dark}
)

// Fonts is what drawing needs from the font: measuring for the layout,
// masks for the PNG, outlines for the SVG. typeset.Fonts is one.
type Fonts interface {
	layout.Measurer
	frame.GlyphSource
	svgr.Glyphs
}

// Spec names one poster.
type Spec struct {
	Scene int
	Lang  layout.Lang
	Theme widget.Theme
	Board Artboard
	Scale int
}

// Name is the file name without extension:
// <scene>-<lang>-<theme>-<artboard>@<scale>x.
func (p Spec) Name(s *data.Story) string {
	return fmt.Sprintf("%s@%dx", p.Base(s), p.Scale)
}

// Base is the name shared by a poster's PNGs and its SVG:
// <scene>-<lang>-<theme>-<artboard>.
func (p Spec) Base(s *data.Story) string {
	return fmt.Sprintf("%s-%s-%s-%s", s.Scenes[p.Scene].ID, p.Lang.Code(), p.Theme.Name, p.Board.Name)
}

// Frame is the picture the live widget settles on for p: reduced motion,
// so no particles, and every transition run to its end.
func Frame(s *data.Story, f Fonts, p Spec) frame.List {
	scr := layout.Screen{W: p.Board.W * p.Scale, H: p.Board.H * p.Scale, Scale: float64(p.Scale), Present: p.Board.Present}
	w := widget.New(s, f, scr, p.Lang, p.Scene)
	w.SetTheme(p.Theme)
	w.SetReducedMotion(true)
	for w.Animating() {
		w.Tick(1)
	}
	return w.Frame()
}

// Image draws p.
func Image(s *data.Story, f Fonts, p Spec) *image.NRGBA {
	l := Frame(s, f, p)
	return drawList(&l, f)
}

func drawList(l *frame.List, f Fonts) *image.NRGBA { return imager.Draw(l, f) }

// PNG encodes img with at most 256 colours (see Quantize), at the best
// compression: posters are downloaded by every reader of a page.
func PNG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, Quantize(img, 256)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// SVG writes p's frame at scale 1 (a vector needs no second size) with its
// title and description.
func SVG(s *data.Story, f Fonts, p Spec, title, desc string) ([]byte, error) {
	p.Scale = 1
	l := Frame(s, f, p)
	var buf bytes.Buffer
	if err := svgr.Write(&buf, &l, f, svgr.Meta{Title: title, Desc: desc, Lang: p.Lang.Tag()}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Quantize maps img onto a palette of its n (at most 256) most frequent colours, each
// pixel to the nearest. A poster is a few flat colours plus the
// anti-aliased edges between them, so the frequent colours are the fills
// and the ink and the common blends; a rare edge shade moves to a close
// neighbour, a change of a few levels at one pixel. Without dithering,
// flat areas stay flat and compress to almost nothing: a 1× poster goes
// from well over 80 KB as true colour to a fraction of it.
func Quantize(img image.Image, n int) *image.Paletted {
	b := img.Bounds()
	counts := map[color.NRGBA]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			counts[color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)]++
		}
	}
	cs := make([]color.NRGBA, 0, len(counts))
	for c := range counts {
		cs = append(cs, c)
	}
	// Most frequent first; ties by value, so the palette is deterministic.
	sort.Slice(cs, func(i, j int) bool {
		if counts[cs[i]] != counts[cs[j]] {
			return counts[cs[i]] > counts[cs[j]]
		}
		a, b := cs[i], cs[j]
		return uint32(a.R)<<24|uint32(a.G)<<16|uint32(a.B)<<8|uint32(a.A) < uint32(b.R)<<24|uint32(b.G)<<16|uint32(b.B)<<8|uint32(b.A)
	})
	n = max(1, min(n, 256))
	pal := make(color.Palette, 0, n)
	for _, c := range cs[:min(len(cs), n)] {
		pal = append(pal, c)
	}
	out := image.NewPaletted(b, pal)
	index := map[color.NRGBA]uint8{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			i, ok := index[c]
			if !ok {
				i = uint8(pal.Index(c))
				index[c] = i
			}
			out.SetColorIndex(x, y, i)
		}
	}
	return out
}

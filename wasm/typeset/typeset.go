// Package typeset puts the font behind the two interfaces that use it: the
// core's text measurer (layout.Measurer) and the backends' glyph source.
// Both see the same faces, so what the layout measured is exactly what gets
// drawn. The font may grow after start (Add: the Chinese glyphs, fetched
// only when the reader wants Chinese); the faces see the added glyphs.
package typeset

import (
	"image"
	"sync/atomic"

	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/text"
)

// Fonts is the widget's two faces, regular and bold.
type Fonts struct {
	font    *text.Font
	faces   [2]text.Face
	missing atomic.Int64 // glyphs asked for that the font lacks (Missing)
}

// Load reads a font subset.
func Load(b []byte) (*Fonts, error) {
	f, err := text.Load(b)
	if err != nil {
		return nil, err
	}
	return &Fonts{font: f, faces: [2]text.Face{f.Face(text.Regular), f.Face(text.Bold)}}, nil
}

// Add merges another subset (text.Font.Add). Call it between frames: a
// frame measured before and drawn after would mix glyph sets.
func (f *Fonts) Add(b []byte) error { return f.font.Add(b) }

// Has reports whether weight w has r (bold falling back to regular).
func (f *Fonts) Has(r rune, w frame.Weight) bool { return f.face(w).Has(r) }

// Own reports whether weight w has its own glyph for r (no fallback from
// bold to regular): a bold run whose bold glyphs are still being fetched
// would otherwise be drawn in the regular weight.
func (f *Fonts) Own(r rune, w frame.Weight) bool {
	if w.Base() == frame.Bold {
		return f.font.Own(text.Bold, r)
	}
	return f.font.Own(text.Regular, r)
}

func (f *Fonts) face(w frame.Weight) text.Face {
	fc := f.faces[0]
	if w.Base() == frame.Bold {
		fc = f.faces[1]
	}
	if w&frame.Latin != 0 {
		fc = fc.Latin()
	}
	return fc
}

// Advance is the width of s.
func (f *Fonts) Advance(s string, size float64, w frame.Weight) float64 {
	return f.face(w).Measure(s, size)
}

// Wrap breaks s into lines no wider than maxWidth, by CJK and English rules.
func (f *Fonts) Wrap(s string, size float64, w frame.Weight, maxWidth float64) []string {
	return text.Wrap(f.face(w), s, size, maxWidth)
}

// Glyph returns r's mask, the offset of its top-left corner from the pen,
// and the pen's advance. Pens stand on whole pixels (subpixel 0) so that
// each glyph is rasterised once per size.
func (f *Fonts) Glyph(r rune, w frame.Weight, size float64) (*image.Alpha, image.Point, float64, bool) {
	fc := f.face(w)
	mask, origin := fc.Glyph(r, size, 0)
	has := fc.Has(r)
	if !has && mask != nil { // the hollow box (zero-width runes draw nothing)
		f.missing.Add(1)
	}
	return mask, origin, fc.Advance(r, size), has
}

// Missing counts the glyphs asked for (drawn, or rasterised ahead) that the
// font lacks: each one a hollow box on screen. The browser tests read it
// (wasm/main.go exports it) to check from the drawing that no language is
// shown before its glyphs are loaded.
func (f *Fonts) Missing() int64 { return f.missing.Load() }

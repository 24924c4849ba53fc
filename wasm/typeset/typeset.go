// Package typeset puts the embedded font behind the two interfaces that use
// it: the core's text measurer (layout.Measurer) and the backends' glyph
// source. Both see the same faces, so what the layout measured is exactly
// what gets drawn.
package typeset

import (
	"image"

	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/text"
)

// Fonts is the widget's two faces, regular and bold.
type Fonts struct {
	faces [2]text.Face
}

// Load reads a font subset.
func Load(b []byte) (*Fonts, error) {
	f, err := text.Load(b)
	if err != nil {
		return nil, err
	}
	return &Fonts{faces: [2]text.Face{f.Face(text.Regular), f.Face(text.Bold)}}, nil
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
	return mask, origin, fc.Advance(r, size), fc.Has(r)
}

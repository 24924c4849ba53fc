package typeset

import (
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/text"
)

// Outline returns r's outline at size (device pixels) as a path whose origin
// is the pen on the baseline, y down, and the pen's advance. It is what the
// vector backend (wasm/render/svgr) draws, so an SVG shows the very
// letterforms the rasterised backends show. ok is false when the font lacks
// r or its outline cannot be read; the advance is then the fallback advance
// the layout measured.
func (f *Fonts) Outline(r rune, w frame.Weight, size float64) (p frame.Path, advance float64, ok bool) {
	fc := f.face(w)
	advance = fc.Advance(r, size)
	font := fc.Font()
	if font == nil || font.UnitsPerEm == 0 {
		return p, advance, false
	}
	g := font.Lookup(fc.Weight(), r) // bold falls back to regular, as Glyph does
	if g == nil {
		return p, advance, false
	}
	ops, xy, err := g.Path()
	if err != nil {
		return frame.Path{}, advance, false
	}
	// Path gives points in steps of the font's grid (text.Font.Grid).
	k := float32(size / float64(font.UnitsPerEm) * float64(max(font.Grid, 1)))
	dx := float32(fc.InkShift(r, size)) // a Latin face's proportional quotes
	pt := func(j int) (float32, float32) { return float32(xy[2*j])*k - dx, float32(xy[2*j+1]) * k }
	j := 0
	open := false
	for _, op := range ops {
		switch op {
		case text.OpMove:
			if open {
				p.Close()
			}
			p.MoveTo(pt(j))
			j++
			open = true
		case text.OpLine:
			p.LineTo(pt(j))
			j++
		case text.OpQuad:
			cx, cy := pt(j)
			x, y := pt(j + 1)
			p.QuadTo(cx, cy, x, y)
			j += 2
		}
	}
	if open {
		p.Close()
	}
	return p, advance, true
}

//go:build !(js && wasm)

package text

import (
	"image"
	"image/draw"
	"math"
)

// Not in main.wasm: the widget draws glyph masks itself, and this file's
// draw.DrawMask would link all of image/draw (bench/README.md, 16).

// DrawString draws one line of s with its pen starting at (x, y), y on the
// baseline, filling the glyph masks with src (draw.Over), and returns the
// pen's x after the last rune. Positions come from Advance, so the drawn
// width is exactly Measure(s). It serves static renderers (the PNG poster
// and tests); the live backend draws the same Glyph masks itself.
func (fc Face) DrawString(dst draw.Image, x, y float64, s string, sizePx float64, src image.Image) float64 {
	by := int(math.Round(y))
	units := 0 // pen offset in font units: summed exactly, converted once per rune
	for _, r := range s {
		px := x + fc.px(units, sizePx)
		fx := math.Floor(px)
		if img, o := fc.Glyph(r, sizePx, px-fx); img != nil {
			p := image.Pt(int(fx)+o.X, by+o.Y)
			rect := image.Rectangle{Min: p, Max: p.Add(img.Rect.Size())}
			draw.DrawMask(dst, rect, src, rect.Min, img, image.Point{}, draw.Over)
		}
		units += fc.units(r)
	}
	return x + fc.px(units, sizePx)
}

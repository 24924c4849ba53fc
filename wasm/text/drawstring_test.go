//go:build !(js && wasm)

package text

import (
	"image"
	"image/color"
	"image/draw"
	"testing"
)

func TestDrawString(t *testing.T) {
	fc := loadMini(t).Face(Bold)
	dst := image.NewRGBA(image.Rect(0, 0, 200, 40))
	end := fc.DrawString(dst, 5.5, 30, "中文 OpenAI", 20, image.NewUniform(color.Black))
	if want := 5.5 + fc.Measure("中文 OpenAI", 20); end != want {
		t.Errorf("pen ends at %v, want %v", end, want)
	}
	// Ink lies between the start and the end of the pen, above the
	// baseline plus descent.
	inked := image.Rectangle{}
	for y := range 40 {
		for x := range 200 {
			if dst.RGBAAt(x, y).A != 0 {
				inked = inked.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	if inked.Empty() || inked.Min.X < 5 || float64(inked.Max.X) > end+1 || inked.Max.Y > 30+6 {
		t.Errorf("ink in %v, pen from 5.5 to %v", inked, end)
	}
	// Drawing onto a smaller image clips, it does not panic.
	fc.DrawString(image.NewGray(image.Rect(0, 0, 3, 3)), -10, 2, "中文", 30, image.Black)
	var _ draw.Image = dst
}

package imgdiff

import (
	"image"
	"image/color"
	"image/draw"
	"testing"
)

func flat(w, h int, c color.NRGBA) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.Draw(m, m.Bounds(), image.NewUniform(c), image.Point{}, draw.Src)
	return m
}

func TestCompare(t *testing.T) {
	tol := Tolerance{Channel: 8, Fraction: 0.01}
	a := flat(100, 100, color.NRGBA{100, 100, 100, 255})
	b := flat(100, 100, color.NRGBA{105, 100, 96, 255}) // noise within the channel tolerance
	if r, _ := Compare(a, b, tol); !r.Within(tol) || r.Differ != 0 || r.MaxDiff != 5 {
		t.Errorf("noise: %v", r)
	}
	// 99 pixels (0.99%) far off: within; 101: not.
	for i := range 99 {
		b.SetNRGBA(i%100, i/100, color.NRGBA{A: 255})
	}
	r, m := Compare(a, b, tol)
	if !r.Within(tol) || r.Differ != 99 {
		t.Errorf("99 pixels: %v", r)
	}
	if m.NRGBAAt(0, 0).R != 0xe0 || m.NRGBAAt(0, 0).G != 0 || m.NRGBAAt(50, 50).R == 0xe0 && m.NRGBAAt(50, 50).G == 0 {
		t.Error("the map does not mark exactly the differing pixels")
	}
	b.SetNRGBA(99, 0, color.NRGBA{A: 255})
	b.SetNRGBA(0, 1, color.NRGBA{A: 255})
	if r, _ := Compare(a, b, tol); r.Within(tol) || r.Differ != 101 {
		t.Errorf("101 pixels: %v", r)
	}
	if r, _ := Compare(a, flat(10, 10, color.NRGBA{}), tol); r.Within(tol) || !r.Size {
		t.Errorf("sizes: %v", r)
	}
	// Offset bounds compare by position within each image.
	sub := a.SubImage(image.Rect(10, 10, 20, 20))
	if r, _ := Compare(sub, flat(10, 10, color.NRGBA{100, 100, 100, 255}), tol); r.Differ != 0 || r.Size {
		t.Errorf("sub-image: %v", r)
	}
}

package raster

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math/rand/v2"
	"testing"

	"golang.org/x/image/vector"
)

// path adds the same random outline to both rasterisers: moves, lines,
// quadratic and cubic curves, partly outside the canvas.
type adder interface {
	MoveTo(x, y float32)
	LineTo(x, y float32)
	QuadTo(bx, by, cx, cy float32)
	CubeTo(bx, by, cx, cy, dx, dy float32)
	ClosePath()
}

func randomPath(rng *rand.Rand, w, h int, zs ...adder) {
	pt := func() (float32, float32) {
		return float32(rng.Float64()*float64(w)*1.2 - float64(w)*0.1), float32(rng.Float64()*float64(h)*1.2 - float64(h)*0.1)
	}
	for range 1 + rng.IntN(4) {
		x, y := pt()
		for _, z := range zs {
			z.MoveTo(x, y)
		}
		for range 2 + rng.IntN(8) {
			ax, ay := pt()
			bx, by := pt()
			cx, cy := pt()
			k := rng.IntN(3)
			for _, z := range zs {
				switch k {
				case 0:
					z.LineTo(ax, ay)
				case 1:
					z.QuadTo(ax, ay, bx, by)
				default:
					z.CubeTo(ax, ay, bx, by, cx, cy)
				}
			}
		}
		for _, z := range zs {
			z.ClosePath()
		}
	}
}

// TestMatchesXImage draws random outlines with this package and with
// golang.org/x/image/vector (natively with its SIMD code on amd64) and
// wants the same bytes: fixed-point (up to 512 px) and floating-point
// sizes, both ops, every destination the widget uses (a glyph mask, the
// poster's NRGBA) and x/image's RGBA fast path, whole and part canvases.
func TestMatchesXImage(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 5))
	sizes := []image.Point{{1, 1}, {7, 13}, {40, 40}, {300, 120}, {512, 512}, {513, 90}, {700, 600}}
	srcs := []color.Color{color.White, color.NRGBA{200, 40, 10, 255}, color.NRGBA{10, 90, 200, 128}, color.Transparent}
	n := 0
	for _, sz := range sizes {
		for trial := range 6 {
			for _, op := range []Op{Src, Over} {
				for _, kind := range []string{"alpha", "nrgba", "rgba"} {
					ours, theirs := NewRasterizer(sz.X, sz.Y), vector.NewRasterizer(sz.X, sz.Y)
					ours.DrawOp = op
					if op == Src {
						theirs.DrawOp = draw.Src
					}
					randomPath(rng, sz.X, sz.Y, ours, theirs)
					r := image.Rect(0, 0, sz.X, sz.Y)
					if trial%2 == 1 { // a canvas larger than the rasteriser, drawn at an offset
						r = r.Add(image.Pt(3, 2))
					}
					canvas := image.Rect(0, 0, sz.X+5, sz.Y+4)
					if trial%2 == 0 {
						canvas = image.Rect(0, 0, sz.X, sz.Y)
					}
					var a, b image.Image
					src := image.NewUniform(srcs[trial%len(srcs)])
					switch kind {
					case "alpha":
						src = image.NewUniform(color.Opaque)
						x, y := image.NewAlpha(canvas), image.NewAlpha(canvas)
						fillNoise(rng, x.Pix, y.Pix)
						ours.Draw(x, r, src, image.Point{})
						theirs.Draw(y, r, src, image.Point{})
						a, b = x, y
					case "nrgba":
						x, y := image.NewNRGBA(canvas), image.NewNRGBA(canvas)
						fillNoise(rng, x.Pix, y.Pix)
						ours.Draw(x, r, src, image.Point{})
						theirs.Draw(y, r, src, image.Point{})
						a, b = x, y
					case "rgba":
						x, y := image.NewRGBA(canvas), image.NewRGBA(canvas)
						ours.Draw(x, r, src, image.Point{})
						theirs.Draw(y, r, src, image.Point{})
						a, b = x, y
					}
					n++
					if !bytes.Equal(pix(a), pix(b)) {
						t.Fatalf("%v %s op %d trial %d: the pixels differ from x/image/vector's", sz, kind, op, trial)
					}
				}
			}
		}
	}
	t.Logf("%d drawings, each byte-identical to x/image/vector's", n)
}

func fillNoise(rng *rand.Rand, a, b []byte) {
	for i := range a {
		a[i] = byte(rng.Uint32())
		b[i] = a[i]
	}
}

func pix(m image.Image) []byte {
	switch m := m.(type) {
	case *image.Alpha:
		return m.Pix
	case *image.NRGBA:
		return m.Pix
	case *image.RGBA:
		return m.Pix
	}
	panic(fmt.Sprintf("%T", m))
}

// Package imgdiff compares two pictures pixel by pixel within a stated
// tolerance and draws where they differ. The golden tests of the posters
// and the browser test that holds the live widget to its poster both judge
// with it, so "the same picture" means one thing.
package imgdiff

import (
	"fmt"
	"image"
	"image/color"
)

// Tolerance says when two pictures count as the same.
type Tolerance struct {
	// Channel is how far (0–255) any of R, G, B may differ before a pixel
	// counts as different: it absorbs anti-aliasing and rounding noise.
	Channel uint8
	// Fraction is the largest share of pixels that may differ.
	Fraction float64
}

// Result is what Compare found.
type Result struct {
	Pixels  int     // pixels compared
	Differ  int     // pixels beyond Tolerance.Channel
	MaxDiff uint8   // the largest channel difference anywhere
	Share   float64 // Differ / Pixels
	Size    bool    // the sizes differ (then nothing else is measured)
}

func (r Result) String() string {
	if r.Size {
		return "the images differ in size"
	}
	return fmt.Sprintf("%d of %d pixels differ (%.3f%%), largest channel difference %d", r.Differ, r.Pixels, 100*r.Share, r.MaxDiff)
}

// Within reports whether r is inside t.
func (r Result) Within(t Tolerance) bool { return !r.Size && r.Share <= t.Fraction }

// Compare measures a against b (alpha ignored: both are opaque pictures)
// and returns a map of the differences: differing pixels in red over a
// faded copy of a, so a reviewer sees at once what moved.
func Compare(a, b image.Image, t Tolerance) (Result, *image.NRGBA) {
	ab, bb := a.Bounds(), b.Bounds()
	if ab.Size() != bb.Size() {
		return Result{Size: true}, nil
	}
	r := Result{Pixels: ab.Dx() * ab.Dy()}
	out := image.NewNRGBA(image.Rect(0, 0, ab.Dx(), ab.Dy()))
	for y := 0; y < ab.Dy(); y++ {
		for x := 0; x < ab.Dx(); x++ {
			ca := color.NRGBAModel.Convert(a.At(ab.Min.X+x, ab.Min.Y+y)).(color.NRGBA)
			cb := color.NRGBAModel.Convert(b.At(bb.Min.X+x, bb.Min.Y+y)).(color.NRGBA)
			d := max(diff(ca.R, cb.R), diff(ca.G, cb.G), diff(ca.B, cb.B))
			r.MaxDiff = max(r.MaxDiff, d)
			if d > t.Channel {
				r.Differ++
				out.SetNRGBA(x, y, color.NRGBA{R: 0xe0, A: 0xff})
				continue
			}
			g := uint8((int(ca.R) + int(ca.G) + int(ca.B)) / 3)
			g = 0xff - (0xff-g)/4 // faded, so red stands out
			out.SetNRGBA(x, y, color.NRGBA{R: g, G: g, B: g, A: 0xff})
		}
	}
	r.Share = float64(r.Differ) / float64(max(1, r.Pixels))
	return r, out
}

func diff(a, b uint8) uint8 {
	if a > b {
		return a - b
	}
	return b - a
}

package imager

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"math/rand/v2"
	"testing"
)

// fill and maskOver are image/draw's Draw and DrawMask for the poster's
// case; they must give its bytes: random backgrounds (translucent too),
// colours, masks (the glyph mask and the opacity-scaled one that was passed
// before), placements partly or wholly off the image.
func TestCompositeMatchesImageDraw(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 7))
	rc := func() color.NRGBA {
		c := color.NRGBA{uint8(rng.Uint32()), uint8(rng.Uint32()), uint8(rng.Uint32()), uint8(rng.Uint32())}
		switch rng.IntN(4) {
		case 0:
			c.A = 0xff
		case 1:
			c.A = 0
		}
		return c
	}
	for trial := range 400 {
		w, h := 1+rng.IntN(40), 1+rng.IntN(30)
		bg := rc()
		ours, theirs := image.NewNRGBA(image.Rect(0, 0, w, h)), image.NewNRGBA(image.Rect(0, 0, w, h))
		fill(ours, bg)
		draw.Draw(theirs, theirs.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
		if !bytes.Equal(ours.Pix, theirs.Pix) {
			t.Fatalf("trial %d: fill with %v differs from draw.Draw", trial, bg)
		}
		for range 5 {
			if rng.IntN(3) == 0 { // an already drawn, uneven background
				for i := range ours.Pix {
					ours.Pix[i] = uint8(rng.Uint32())
				}
				copy(theirs.Pix, ours.Pix)
			}
			mw, mh := 1+rng.IntN(20), 1+rng.IntN(20)
			mask := image.NewAlpha(image.Rect(rng.IntN(5)-2, rng.IntN(5)-2, 0, 0).Add(image.Pt(mw, mh)).Canon())
			for i := range mask.Pix {
				if rng.IntN(3) > 0 {
					mask.Pix[i] = uint8(rng.Uint32())
				}
			}
			c := rc()
			src := image.NewUniform(color.NRGBA{R: c.R, G: c.G, B: c.B, A: 0xff})
			at := image.Pt(rng.IntN(w+20)-10, rng.IntN(h+20)-10)
			rect := image.Rectangle{Min: at, Max: at.Add(mask.Rect.Size())}
			maskOver(ours, rect, src, mask, mask.Rect.Min)
			var m image.Image = mask
			if a := uint8(rng.Uint32()); a != 0xff {
				m = &scaledMask{mask, a} // what text passed before
			}
			draw.DrawMask(theirs, rect, src, image.Point{}, m, mask.Rect.Min, draw.Over)
			if !bytes.Equal(ours.Pix, theirs.Pix) {
				t.Fatalf("trial %d: maskOver of %v at %v differs from draw.DrawMask", trial, c, rect)
			}
		}
	}
}

// scaledMask is the opacity-scaled mask text used to pass to draw.DrawMask
// (alphaScaled): its At scales, but it inherits RGBA64At from
// *image.Alpha, which is what DrawMask read for an NRGBA image.
type scaledMask struct {
	*image.Alpha
	a uint8
}

func (s *scaledMask) At(x, y int) color.Color {
	v := s.Alpha.AlphaAt(x, y).A
	return color.Alpha{A: uint8(uint16(v) * uint16(s.a) / 0xff)}
}

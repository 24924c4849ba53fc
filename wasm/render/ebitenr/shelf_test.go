package ebitenr

import (
	"image"
	"testing"
)

// Glyphs of one batch never overlap (padding included), stay on the page,
// and lie inside the band that is written; the next batch starts below every
// row the last one wrote, so writing its band whole erases nothing.
func TestShelfBatchesWriteFreshRows(t *testing.T) {
	s := shelf{w: 64, h: 128}
	var placed []image.Rectangle
	sizes := [][2]int{{10, 12}, {20, 8}, {30, 14}, {9, 9}, {40, 5}, {3, 20}, {12, 12}, {25, 10}}
	prevBand := image.Rectangle{}
	for batch := 0; batch < 3; batch++ {
		var mine []image.Rectangle
		for _, sz := range sizes[batch*2 : batch*2+3] {
			at, ok := s.place(sz[0], sz[1])
			if !ok {
				t.Fatalf("batch %d: no room for %v", batch, sz)
			}
			r := image.Rectangle{Min: at, Max: at.Add(image.Pt(sz[0]+glyphPad, sz[1]+glyphPad))}
			if !r.In(image.Rect(0, 0, s.w, s.h)) {
				t.Errorf("%v leaves the page", r)
			}
			for _, q := range placed {
				if r.Overlaps(q) {
					t.Errorf("%v overlaps %v", r, q)
				}
			}
			placed = append(placed, r)
			mine = append(mine, r)
		}
		band := s.pending()
		for _, r := range mine {
			if g := (image.Rectangle{Min: r.Min, Max: r.Max.Sub(image.Pt(glyphPad, glyphPad))}); !g.In(band) {
				t.Errorf("batch %d: %v outside its band %v", batch, r, band)
			}
		}
		if band.Overlaps(prevBand) {
			t.Errorf("batch %d's band %v overwrites the last one's %v", batch, band, prevBand)
		}
		for _, q := range placed[:len(placed)-len(mine)] {
			if band.Overlaps(q) {
				t.Errorf("batch %d's band %v covers an older glyph %v", batch, band, q)
			}
		}
		prevBand = band
		s.close()
		if !s.pending().Empty() {
			t.Errorf("pending after close: %v", s.pending())
		}
	}
	if _, ok := s.place(65, 2); ok {
		t.Error("a glyph wider than the page was placed")
	}
	for i := 0; ; i++ {
		if _, ok := s.place(30, 30); !ok {
			if i == 0 {
				t.Error("nothing placed on the rest of the page")
			}
			break
		}
		if i > 10 {
			t.Fatal("the page never filled")
		}
	}
}

// The band holds each mask's alpha as premultiplied white at its place, and
// nothing elsewhere.
func TestBandPixels(t *testing.T) {
	m := image.NewAlpha(image.Rect(2, 3, 5, 5)) // a sub-rectangle: Min is not 0
	for i := range m.Pix {
		m.Pix[i] = byte(10 * (i + 1))
	}
	band := image.Rect(0, 4, 8, 8)
	at := image.Pt(4, 5)
	pix := bandPixels([]byte{9, 9, 9}, band, []pendingMask{{m, at}})
	if len(pix) != 4*8*4 {
		t.Fatalf("len %d", len(pix))
	}
	for y := band.Min.Y; y < band.Max.Y; y++ {
		for x := 0; x < 8; x++ {
			var want byte
			if p := image.Pt(x, y); p.In(image.Rectangle{Min: at, Max: at.Add(m.Rect.Size())}) {
				want = m.AlphaAt(m.Rect.Min.X+x-at.X, m.Rect.Min.Y+y-at.Y).A
			}
			i := 4 * ((y-band.Min.Y)*8 + x)
			for c := 0; c < 4; c++ {
				if pix[i+c] != want {
					t.Fatalf("(%d,%d) channel %d = %d, want %d", x, y, c, pix[i+c], want)
				}
			}
		}
	}
}

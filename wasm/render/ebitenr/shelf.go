package ebitenr

// This file packs glyph masks into atlas pages, without Ebitengine. Every
// new glyph used to become an image of its own (ebiten.NewImageFromImage:
// a conversion through image/draw and an upload per glyph), which made the
// first frames of a transition, where a new scene's text appears, the
// slowest. Now the glyphs a frame needs for the first time are placed on
// fresh rows of a page and the rows go up together in one WritePixels.

import (
	"image"
)

// glyphPad keeps one empty pixel between masks, so no sample of one glyph
// can reach its neighbour.
const glyphPad = 1

// shelf places rectangles left to right in rows. A batch (one frame's new
// glyphs) starts on a fresh row at the left edge, so the rows it fills hold
// nothing older and can be written whole: pending is their band, as wide as
// the batch reached (a few glyphs upload a few glyphs' pixels).
type shelf struct {
	w, h   int
	x, y   int // where the next rectangle goes
	rowH   int // height of the current row, padding included
	batchY int // first row of the open batch
	batchW int // right edge the open batch reached
	open   bool
}

// place returns where a w×h rectangle goes, or false when the page is full
// (or the rectangle is larger than a page).
func (s *shelf) place(w, h int) (image.Point, bool) {
	if w+glyphPad > s.w || h+glyphPad > s.h {
		return image.Point{}, false
	}
	if !s.open {
		if s.x > 0 {
			s.y += s.rowH
			s.x, s.rowH = 0, 0
		}
		s.batchY, s.batchW = s.y, 0
	}
	if s.x+w+glyphPad > s.w {
		s.y += s.rowH
		s.x, s.rowH = 0, 0
	}
	if s.y+h+glyphPad > s.h {
		return image.Point{}, false
	}
	s.open = true
	p := image.Pt(s.x, s.y)
	s.x += w + glyphPad
	s.batchW = max(s.batchW, s.x)
	s.rowH = max(s.rowH, h+glyphPad)
	return p, true
}

// pending is the band written by the open batch (empty if none).
func (s *shelf) pending() image.Rectangle {
	if !s.open {
		return image.Rectangle{}
	}
	return image.Rect(0, s.batchY, min(s.w, s.batchW), min(s.h, s.y+s.rowH))
}

// close ends the batch: the next place starts a fresh row.
func (s *shelf) close() { s.open = false }

// pendingMask is a mask placed in the open batch, not yet written.
type pendingMask struct {
	mask *image.Alpha
	at   image.Point
}

// bandPixels writes masks into pix as premultiplied white RGBA (alpha
// a → a,a,a,a, as ebiten.NewImageFromImage converts an *image.Alpha) for
// the band rectangle, and returns pix resized to the band. Pixels of the
// band no mask covers are transparent.
func bandPixels(pix []byte, band image.Rectangle, masks []pendingMask) []byte {
	n := 4 * band.Dx() * band.Dy()
	if cap(pix) < n {
		pix = make([]byte, n)
	}
	pix = pix[:n]
	clear(pix)
	stride := 4 * band.Dx()
	for _, m := range masks {
		r := m.mask.Rect
		for y := 0; y < r.Dy(); y++ {
			src := m.mask.Pix[m.mask.PixOffset(r.Min.X, r.Min.Y+y):]
			row := pix[(m.at.Y-band.Min.Y+y)*stride+4*(m.at.X-band.Min.X):]
			for x := 0; x < r.Dx(); x++ {
				a := src[x]
				row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = a, a, a, a
			}
		}
	}
	return pix
}

// Package browsertest opens the built widget page (dist/) in headless Debian
// Chromium and checks the page contract: the widget reaches the state
// "ready", its canvas shows a drawing, the page logs no errors and fetches
// nothing from another origin, a corrupt dataset ends in a visible error
// message, an idle widget draws no frames, and deep links (query and
// fragment), the keys and both languages choose the right scene. Beyond
// that: every scene plays both ways in both languages and themes; Tab walks
// the items on the canvas with spoken labels and leaves the widget in a
// host page, Enter and Esc open and close cards; hover, click and tap open
// cards and press the on-canvas controls; the canvas follows a change of
// devicePixelRatio; and a widget scrolled off screen in a host page draws
// nothing (host pages in testdata/host/). Run `make dist` first; see the
// tests for the details. The browser itself is driven by
// build/internal/browser; the tests wrap it in helpers that fail the test
// and keep a screenshot of a failure in testdata/failures/.
//
// This file holds the pixel check that decides whether a screenshot of the
// canvas shows a drawing. It is pure Go so that it can be tested without a
// browser, and the browser tests prove it both ways on real pages.
package browsertest

import (
	"fmt"
	"image"
	"image/color"
	"strings"
)

// Thresholds of the pixel check.
const (
	// quantBits is how many high bits of each colour channel the check
	// keeps (16 levels per channel). A flat fill stays one colour, while the
	// anti-aliased edges of any shape still add several, so "distinct
	// colours" counts content, not rounding noise of the software
	// rasteriser.
	quantBits = 4

	// minDistinctColours is the fewest quantised colours a drawn canvas
	// has. A blank or single-colour canvas has 1; one shape on a background
	// with anti-aliasing already has well over 8, a scene with lines, dots
	// and labels has hundreds.
	minDistinctColours = 8

	// minNonDominantFraction is the smallest share of pixels that must
	// differ from the most common colour. 1% of 1280×720 is about 9,200
	// pixels, a 96×96 square. A sparse scene measured here (two 6 px lines
	// with 14 dots drawn by Ebitengine on a plain background) has 2.7%, so
	// 2% would leave little margin; a lone label, cursor or border on an
	// empty canvas stays well under 1%.
	minNonDominantFraction = 0.01
)

// PixelStats summarises the colours of one region of a screenshot.
type PixelStats struct {
	Region           image.Rectangle // the measured region, in image pixels
	Pixels           int             // the number of pixels in Region
	DistinctColours  int             // the number of distinct quantised colours
	Dominant         color.RGBA      // the most common colour (quantised, low bits zero)
	DominantFraction float64         // the share of pixels with the dominant colour
}

// MeasurePixels counts the quantised colours of img inside r (clipped to the
// image bounds). Alpha is ignored: screenshots are opaque.
func MeasurePixels(img image.Image, r image.Rectangle) PixelStats {
	r = r.Intersect(img.Bounds())
	s := PixelStats{Region: r, Pixels: r.Dx() * r.Dy()}
	if s.Pixels == 0 {
		return s
	}
	const shift = 8 - quantBits
	counts := make(map[uint32]int)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			key := uint32(c.R>>shift)<<16 | uint32(c.G>>shift)<<8 | uint32(c.B>>shift)
			counts[key]++
		}
	}
	var domKey uint32
	domCount := -1
	for k, n := range counts {
		// Break ties by key so the result does not depend on map order.
		if n > domCount || (n == domCount && k < domKey) {
			domKey, domCount = k, n
		}
	}
	s.DistinctColours = len(counts)
	s.DominantFraction = float64(domCount) / float64(s.Pixels)
	s.Dominant = color.RGBA{
		R: uint8(domKey>>16) << shift,
		G: uint8(domKey>>8) << shift,
		B: uint8(domKey) << shift,
		A: 0xff,
	}
	return s
}

// CheckDrawn returns nil when the statistics describe a drawing, and an error
// that says which threshold failed otherwise.
func (s PixelStats) CheckDrawn() error {
	if s.Pixels == 0 {
		return fmt.Errorf("pixel check: the region %v is empty", s.Region)
	}
	var problems []string
	if s.DistinctColours < minDistinctColours {
		problems = append(problems, fmt.Sprintf("%d distinct colours, want at least %d", s.DistinctColours, minDistinctColours))
	}
	if other := 1 - s.DominantFraction; other < minNonDominantFraction {
		problems = append(problems, fmt.Sprintf("%.2f%% of pixels differ from the dominant colour, want at least %.0f%%", 100*other, 100*minNonDominantFraction))
	}
	if len(problems) > 0 {
		return fmt.Errorf("pixel check: the canvas looks blank (%s): %s", s, strings.Join(problems, "; "))
	}
	return nil
}

func (s PixelStats) String() string {
	return fmt.Sprintf("%dx%d px at %v, %d colours, dominant #%02x%02x%02x on %.1f%%",
		s.Region.Dx(), s.Region.Dy(), s.Region.Min, s.DistinctColours,
		s.Dominant.R, s.Dominant.G, s.Dominant.B, 100*s.DominantFraction)
}

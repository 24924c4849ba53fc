package browsertest

import (
	"image"
	"image/color"
	"image/draw"
	"strings"
	"testing"
)

func filled(w, h int, c color.Color) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{}, draw.Src)
	return img
}

// TestMeasurePixels checks the thresholds on synthetic images, without a
// browser; the browser tests check the same function on real screenshots.
func TestMeasurePixels(t *testing.T) {
	bg := color.RGBA{0x10, 0x20, 0x30, 0xff}

	blank := filled(200, 100, bg)

	// A soft-edged disc: a flat inside and a gradient rim, as anti-aliasing
	// gives.
	disc := filled(200, 100, bg)
	for y := range 100 {
		for x := range 200 {
			dx, dy := float64(x-100), float64(y-50)
			d := dx*dx + dy*dy
			switch {
			case d < 30*30:
				disc.Set(x, y, color.RGBA{0xf0, 0xc0, 0x20, 0xff})
			case d < 40*40:
				v := uint8(0xf0 - int((d-900)/700*0xe0))
				disc.Set(x, y, color.RGBA{v, v / 2, 0x30, 0xff})
			}
		}
	}

	// Near-identical shades, as a software rasteriser may leave on a fill:
	// they must quantise to one colour.
	noisy := filled(200, 100, bg)
	for y := range 100 {
		for x := range 200 {
			if (x+y)%3 == 0 {
				noisy.Set(x, y, color.RGBA{0x11, 0x21, 0x31, 0xff})
			}
		}
	}

	// Many colours on very few pixels: a tiny label on an empty canvas.
	speck := filled(200, 100, bg)
	for i := range 20 {
		speck.Set(i, 0, color.RGBA{uint8(i * 12), 0xff, 0, 0xff})
	}

	// Two big flat colours: enough coverage, too few colours.
	halves := filled(200, 100, bg)
	draw.Draw(halves, image.Rect(100, 0, 200, 100), image.NewUniform(color.White), image.Point{}, draw.Src)

	tests := []struct {
		name    string
		img     image.Image
		r       image.Rectangle
		wantErr string // "" means CheckDrawn must pass
	}{
		{"blank", blank, blank.Bounds(), "distinct colours"},
		{"noise only", noisy, noisy.Bounds(), "distinct colours"},
		{"speck", speck, speck.Bounds(), "differ from the dominant"},
		{"two halves", halves, halves.Bounds(), "distinct colours"},
		{"disc", disc, disc.Bounds(), ""},
		{"disc cropped to its background", disc, image.Rect(0, 0, 40, 40), "distinct colours"},
		{"empty region", disc, image.Rect(500, 500, 600, 600), "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := MeasurePixels(tt.img, tt.r)
			err := s.CheckDrawn()
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("CheckDrawn() = %v, want nil", err)
			case tt.wantErr != "" && err == nil:
				t.Errorf("CheckDrawn() = nil for %s, want an error about %q", s, tt.wantErr)
			case tt.wantErr != "" && !strings.Contains(err.Error(), tt.wantErr):
				t.Errorf("CheckDrawn() = %v, want an error about %q", err, tt.wantErr)
			}
		})
	}

	s := MeasurePixels(blank, blank.Bounds())
	if s.DistinctColours != 1 || s.DominantFraction != 1 || s.Dominant != (color.RGBA{0x10, 0x20, 0x30, 0xff}) {
		t.Errorf("blank: %s, want one colour #102030 on 100%%", s)
	}
}

package widget

import (
	"image/color"
	"math"
	"testing"
)

// WCAG 2 relative luminance and contrast ratio.
func luminance(c color.NRGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

func contrast(a, b color.NRGBA) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Every colour that text is drawn in must read at 4.5:1 on every surface
// text stands on.
func TestTextContrast(t *testing.T) {
	for _, th := range []Theme{Light, Dark} {
		fgs := map[string]color.NRGBA{"ink": th.Ink, "muted": th.Muted, "us": th.US, "cn": th.CN, "market": th.Market, "focus": th.Focus}
		bgs := map[string]color.NRGBA{"background": th.Background, "card": th.Card, "band": th.Band}
		for fn, fg := range fgs {
			for bn, bg := range bgs {
				if r := contrast(fg, bg); r < 4.5 {
					t.Errorf("%s theme: %s on %s is %.2f:1, want at least 4.5:1", th.Name, fn, bn, r)
				}
			}
		}
	}
}

func TestContrastFormula(t *testing.T) {
	if r := contrast(rgb(0x000000), rgb(0xffffff)); math.Abs(r-21) > 0.01 {
		t.Fatalf("black on white = %.2f, want 21", r)
	}
}

// The two lines and the markets must stay apart for readers with the common
// colour-vision deficiencies: simulated with the Machado et al. (2009)
// matrices at full severity, every pair differs by at least minDeltaE in
// CIELAB. (Shape and position tell them apart too; colour must not be the
// weak link.)
const minDeltaE = 20

var deficiencies = map[string][9]float64{
	"protanopia":   {0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998},
	"deuteranopia": {0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.011820, 0.042940, 0.968881},
	"tritanopia":   {1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.303900},
	"none":         {1, 0, 0, 0, 1, 0, 0, 0, 1},
}

func TestLinesAndMarketsStayApartUnderColourBlindness(t *testing.T) {
	for _, th := range []Theme{Light, Dark} {
		cs := map[string]color.NRGBA{"us": th.US, "cn": th.CN, "market": th.Market}
		for name, m := range deficiencies {
			for a, ca := range cs {
				for b, cb := range cs {
					if a >= b {
						continue
					}
					if d := deltaE(simulate(ca, m), simulate(cb, m)); d < minDeltaE {
						t.Errorf("%s theme, %s: %s and %s differ by ΔE %.1f, want %d", th.Name, name, a, b, d, minDeltaE)
					}
				}
			}
		}
	}
}

func toLinear(v uint8) float64 {
	s := float64(v) / 255
	if s <= 0.04045 {
		return s / 12.92
	}
	return math.Pow((s+0.055)/1.055, 2.4)
}

// simulate returns linear RGB as seen with deficiency m.
func simulate(c color.NRGBA, m [9]float64) [3]float64 {
	r, g, b := toLinear(c.R), toLinear(c.G), toLinear(c.B)
	clamp := func(x float64) float64 { return math.Max(0, math.Min(1, x)) }
	return [3]float64{
		clamp(m[0]*r + m[1]*g + m[2]*b),
		clamp(m[3]*r + m[4]*g + m[5]*b),
		clamp(m[6]*r + m[7]*g + m[8]*b),
	}
}

// deltaE is the CIE76 distance of two linear-sRGB colours (D65).
func deltaE(a, b [3]float64) float64 {
	la, lb := lab(a), lab(b)
	return math.Sqrt((la[0]-lb[0])*(la[0]-lb[0]) + (la[1]-lb[1])*(la[1]-lb[1]) + (la[2]-lb[2])*(la[2]-lb[2]))
}

func lab(c [3]float64) [3]float64 {
	x := (0.4124*c[0] + 0.3576*c[1] + 0.1805*c[2]) / 0.95047
	y := 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	z := (0.0193*c[0] + 0.1192*c[1] + 0.9505*c[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	fx, fy, fz := f(x), f(y), f(z)
	return [3]float64{116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)}
}

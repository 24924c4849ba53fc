package text

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// Face is one weight of a Font: the unit that measures, wraps and draws
// text. The zero Face has no glyphs and measures every rune as missing.
type Face struct {
	font   *Font
	weight Weight
	latin  bool // English: proportional quote marks (latin.go)
}

// Face returns the face of weight w.
func (f *Font) Face(w Weight) Face { return Face{font: f, weight: w} }

// Font returns the font the face belongs to (nil for the zero Face).
func (fc Face) Font() *Font { return fc.font }

// Weight returns the face's weight.
func (fc Face) Weight() Weight { return fc.weight }

// Metrics are a face's vertical metrics at one size, in pixels.
type Metrics struct {
	Ascent     float64 // baseline to the top of the line box
	Descent    float64 // baseline to the bottom of the line box (positive)
	LineGap    float64 // extra space the font asks for between line boxes
	LineHeight float64 // Ascent + Descent + LineGap: baseline to baseline
}

// Metrics returns the vertical metrics at sizePx.
func (fc Face) Metrics(sizePx float64) Metrics {
	f := fc.font
	if f == nil {
		// Typical CJK values, so that layout of the zero Face is sane.
		return Metrics{Ascent: 1.16 * sizePx, Descent: 0.288 * sizePx, LineHeight: 1.448 * sizePx}
	}
	s := sizePx / float64(f.UnitsPerEm)
	m := Metrics{
		Ascent:  float64(f.Ascent) * s,
		Descent: float64(f.Descent) * s,
		LineGap: float64(f.LineGap) * s,
	}
	m.LineHeight = float64(int(f.Ascent)+int(f.Descent)+int(f.LineGap)) * s
	return m
}

// Has reports whether the face has a glyph for r: its own or, for the bold
// face, the regular one it falls back to (see Font.Lookup). Runes it lacks
// are measured with a fallback advance and drawn as a hollow box (see
// Glyph).
func (fc Face) Has(r rune) bool {
	return fc.font != nil && fc.font.Lookup(fc.weight, r) != nil
}

// Advance returns the advance width of r at sizePx.
func (fc Face) Advance(r rune, sizePx float64) float64 {
	return fc.px(fc.units(r), sizePx)
}

// Measure returns the advance width of s at sizePx: the sum of its runes'
// advances (no kerning: the subset keeps no kerning tables). s is one line;
// control characters such as '\n' have no width.
func (fc Face) Measure(s string, sizePx float64) float64 {
	u := 0
	for _, r := range s {
		u += fc.units(r)
	}
	return fc.px(u, sizePx)
}

// upm returns units per em; the zero Face uses 1000.
func (fc Face) upm() int {
	if fc.font == nil {
		return 1000
	}
	return int(fc.font.UnitsPerEm)
}

// px converts font units to pixels. Widths are summed in integer units and
// converted once, so the width of a line is exactly Measure of its text
// and grows monotonically with the text.
func (fc Face) px(units int, sizePx float64) float64 {
	if !(sizePx > 0) || math.IsInf(sizePx, 0) {
		return 0
	}
	return float64(units) * sizePx / float64(fc.upm())
}

// units returns the advance of r in font units, with a fallback for runes
// the subset lacks: zero for invisible ones, else the width of the tofu box
// that Glyph draws.
func (fc Face) units(r rune) int {
	if q, ok := fc.quote(r); ok {
		return q.adv
	}
	if fc.font != nil {
		if g := fc.font.Lookup(fc.weight, r); g != nil {
			return int(g.Advance)
		}
	}
	if zeroWidth(r) {
		return 0
	}
	if isWide(r) {
		return fc.upm()
	}
	return fc.upm() / 2
}

// zeroWidth reports runes that take no space when the font lacks them:
// controls, format characters (ZWSP, ZWJ, BOM...), combining marks and
// variation selectors.
func zeroWidth(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r < 0xa0) || r == utf8.RuneError ||
		unicode.In(r, unicode.Cf, unicode.Mn, unicode.Me) || unicode.Is(unicode.Variation_Selector, r)
}

// isWide reports East Asian wide and fullwidth characters (ideographs, kana,
// hangul, CJK and fullwidth punctuation): they take a full em and a line may
// break before or after them.
func isWide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x115f, // Hangul Jamo
		r == 0x2014 || r == 0x2026, // — and …: full-em in CJK fonts
		r >= 0x2e80 && r <= 0x303e, // CJK radicals, Kangxi, CJK symbols and punctuation
		r >= 0x3041 && r <= 0x33ff, // kana, bopomofo, hangul compatibility, CJK compatibility
		r >= 0x3400 && r <= 0x4dbf, // CJK extension A
		r >= 0x4e00 && r <= 0x9fff, // CJK unified ideographs
		r >= 0xa000 && r <= 0xa4cf, // Yi
		r >= 0xac00 && r <= 0xd7a3, // Hangul syllables
		r >= 0xf900 && r <= 0xfaff, // CJK compatibility ideographs
		r >= 0xfe10 && r <= 0xfe19, // vertical forms
		r >= 0xfe30 && r <= 0xfe6f, // CJK compatibility forms, small forms
		r >= 0xff00 && r <= 0xff60, // fullwidth forms
		r >= 0xffe0 && r <= 0xffe6,
		r >= 0x20000 && r <= 0x3fffd: // CJK extensions B and later
		return true
	}
	return false
}

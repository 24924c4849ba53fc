package text

// English set in this CJK font would get its full-width curly quotes: each
// takes a whole em with its mark at one side, which leaves a visible gap
// inside “base area”. A Latin face (Face.Latin) gives the four quote marks
// proportional widths instead, their ink plus a side bearing each side, as
// a Latin font draws them. Chinese text keeps the full em (W3C clreq).

// latinBearing is a proportional quote's side bearing, in thousandths of
// an em.
const latinBearing = 70

// quoteRunes are the marks a Latin face narrows, in the order of
// Font.quotes.
var quoteRunes = [4]rune{'“', '”', '‘', '’'}

// quoteMetric is one proportional quote: its advance and how far its ink
// moves left, in font units.
type quoteMetric struct {
	adv, shift int
	ok         bool
}

// Latin returns the face for English text (see quoteRunes).
func (fc Face) Latin() Face {
	fc.latin = true
	return fc
}

// quote returns r's proportional metric in a Latin face.
func (fc Face) quote(r rune) (quoteMetric, bool) {
	if !fc.latin || fc.font == nil || r < '‘' || r > '”' {
		return quoteMetric{}, false
	}
	for i, q := range quoteRunes {
		if q == r {
			m := fc.font.quotes[fc.weight&1][i]
			return m, m.ok
		}
	}
	return quoteMetric{}, false
}

// InkShift is how far the face moves r's outline left, in pixels at sizePx:
// non-zero only for a proportional quote. Backends that draw outlines
// themselves apply it; Glyph already has.
func (fc Face) InkShift(r rune, sizePx float64) float64 {
	if m, ok := fc.quote(r); ok {
		return fc.px(m.shift, sizePx)
	}
	return 0
}

// measureQuotes finds the ink of each quote mark of each weight.
func (f *Font) measureQuotes() {
	b := latinBearing * int(f.UnitsPerEm) / 1000
	for w := range 2 {
		for i, r := range quoteRunes {
			g := f.Lookup(Weight(w), r)
			if g == nil {
				continue
			}
			_, xy, err := g.Path()
			if err != nil || len(xy) < 2 {
				continue
			}
			x0, x1 := int(xy[0]), int(xy[0])
			for j := 0; j < len(xy); j += 2 {
				x0, x1 = min(x0, int(xy[j])), max(x1, int(xy[j]))
			}
			grid := max(int(f.Grid), 1)
			x0, x1 = x0*grid, x1*grid
			f.quotes[w][i] = quoteMetric{adv: x1 - x0 + 2*b, shift: x0 - b, ok: x1 > x0}
		}
	}
}

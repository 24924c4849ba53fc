package layout

import (
	"strconv"
	"strings"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// Notes are the scene's evidence that the stage does not draw: quotes,
// figures, contrasts and steps of the investment logic. The stage carries
// at most three short annotations (the form's); the rest are listed, whole,
// in the More card and the text alternative.

// MoreText labels the control that opens the card of what the stage leaves
// out.
var MoreText = data.Text{Zh: "更多 %d 条", En: "%d more"}

// NoteText is the one-line form of a quote, figure, contrast or logic step;
// ok is false for any other element.
func NoteText(s *data.Story, id string, l Lang) (string, bool) {
	e, ok := s.Find(id)
	if !ok {
		return "", false
	}
	sep := ": "
	if l == Zh {
		sep = "："
	}
	switch e.Kind {
	case data.KindQuote:
		return "“" + l.Pick(s.Quotes[e.Index].Text) + "”", true
	case data.KindFigure:
		f := s.Figures[e.Index]
		if n := FigureValue(f, l); n != "" {
			return n + " · " + l.Pick(f.Label), true
		}
		return l.Pick(f.Label), true
	case data.KindContrast:
		c := s.Contrasts[e.Index]
		us, cn := sideNames(s, l)
		// Each side named and set apart, so the two values never run
		// together: "Goal — United States: … · China: …".
		if l == Zh {
			return l.Pick(c.Topic) + "——" + us + sep + l.Pick(c.US) + "；" + cn + sep + l.Pick(c.CN), true
		}
		return l.Pick(c.Topic) + " — " + us + sep + l.Pick(c.US) + " · " + cn + sep + l.Pick(c.CN), true
	case data.KindLogic:
		g := s.Logic[e.Index]
		switch g.Kind {
		case data.Shift:
			return l.Pick(g.From) + " → " + l.Pick(g.To), true
		case data.Leg:
			return l.Pick(g.To) + sep + l.Pick(g.Text), true
		}
		return l.Pick(g.Text), true
	}
	return "", false
}

// FigureValue writes a figure's number with its unit, as a reader would say
// it: 30,000 employees, 2–3 years, 150+ years. It is empty for figures with
// no number, and for those whose label already says it ("2022 年底：…"),
// which would otherwise read twice.
func FigureValue(f data.Figure, l Lang) string {
	var n string
	switch f.Qualifier {
	case data.Exact:
		n = number(f.Value)
	case data.About:
		n = map[Lang]string{Zh: "约 ", En: "about "}[l] + number(f.Value)
	case data.Over:
		n = number(f.Value) + "+"
	case data.Range:
		n = number(f.Value) + "–" + number(f.Max)
	default:
		return ""
	}
	label := l.Pick(f.Label)
	plain := strconv.FormatFloat(f.Value, 'f', -1, 64)
	if strings.Contains(label, plain) || strings.Contains(label, number(f.Value)) {
		return ""
	}
	if unit := l.Pick(f.Unit); unit != "" {
		n += " " + unit
	}
	return n
}

// number writes v with thousands separators from five digits on (so years
// stay as they are written).
func number(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if len(s) <= 4 || strings.Contains(s, ".") {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// line places one unbroken run.
func (p *placer) line(s string, x, baseline, size float64, w frame.Weight, role Role, owner string, emph bool) {
	w = p.lang.Set(w)
	adv := p.m.Advance(s, size, w)
	p.out.Runs = append(p.out.Runs, Run{
		Text: s, At: frame.Point{X: float32(x), Y: float32(baseline)},
		Size: size, Weight: w, Role: role, Lang: p.lang, Owner: owner, Emphasis: emph,
		Box: Rect{X: x, Y: baseline - ascent*size, W: adv, H: (ascent + descent) * size},
	})
}

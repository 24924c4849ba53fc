package layout

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// Notes are the scene's evidence that is told in words rather than drawn:
// quotes, figures, contrasts and steps of the investment logic. Each takes
// one line of a list, cut with an ellipsis when it is longer than the list is
// wide; its card shows it whole. Emphasised notes come first, so that on a
// small screen they are the ones that fit.
const (
	noteSize = 13
	noteLead = 1.6 // line height, as a multiple of the size
	maxNotes = 6   // lines listed before the rest fold into a count
)

// MoreText is the line that stands for notes that did not fit.
var MoreText = data.Text{Zh: "另有 %d 条，见卡片与下载数据", En: "%d more in the cards and the data download"}

type note struct {
	id   string
	text string
	emph bool
}

// notes returns the scene's notes in the current language.
func (p *placer) notes() []note {
	var first, rest []note
	for _, id := range p.sc.Shows {
		t, ok := NoteText(p.s, id, p.lang)
		if !ok {
			continue
		}
		n := note{id: id, text: t, emph: p.emph[id]}
		if n.emph {
			first = append(first, n)
		} else {
			rest = append(rest, n)
		}
	}
	return append(first, rest...)
}

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
		return l.Pick(c.Topic) + sep + us + " " + l.Pick(c.US) + " / " + cn + " " + l.Pick(c.CN), true
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

// placeNotes lists the notes in the box (x, y, width, height) and returns
// the height used.
func (p *placer) placeNotes(ns []note, x, y, width, height float64) float64 {
	if len(ns) == 0 || height <= 0 {
		return 0
	}
	u := p.u
	size := noteSize * u
	lead := size * noteLead
	// A long list reads as a wall: past a handful, the rest fold.
	fit := min(int(height/lead), maxNotes)
	if fit <= 0 {
		return 0
	}
	shown := ns
	more := 0
	if len(ns) > fit {
		shown, more = ns[:fit-1], len(ns)-(fit-1)
		for _, n := range ns[fit-1:] {
			p.out.Folded = append(p.out.Folded, n.id)
		}
	}
	top := y
	for _, n := range shown {
		w := frame.Regular
		if n.emph {
			w = frame.Bold
		}
		p.line(p.clip(n.text, size, w, width), x, y+ascent*size, size, w, Note, n.id, n.emph)
		y += lead
	}
	if more > 0 {
		p.line(p.clip(fmt.Sprintf(p.lang.Pick(MoreText), more), size, frame.Regular, width), x, y+ascent*size, size, frame.Regular, More, "", false)
		y += lead
	}
	return y - top
}

// line places one unbroken run.
func (p *placer) line(s string, x, baseline, size float64, w frame.Weight, role Role, owner string, emph bool) {
	adv := p.m.Advance(s, size, w)
	p.out.Runs = append(p.out.Runs, Run{
		Text: s, At: frame.Point{X: float32(x), Y: float32(baseline)},
		Size: size, Weight: w, Role: role, Lang: p.lang, Owner: owner, Emphasis: emph,
		Box: Rect{X: x, Y: baseline - ascent*size, W: adv, H: (ascent + descent) * size},
	})
}

// clip shortens s with an ellipsis until it fits width.
func (p *placer) clip(s string, size float64, w frame.Weight, width float64) string {
	if p.m.Advance(s, size, w) <= width {
		return s
	}
	const ell = "…"
	// Binary search on the number of runes kept.
	runes := []rune(s)
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if p.m.Advance(strings.TrimRight(string(runes[:mid]), " ")+ell, size, w) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return strings.TrimRight(string(runes[:lo]), " ") + ell
}

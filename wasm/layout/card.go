package layout

import (
	"strings"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// A card tells one element whole: what kind of thing it is, its name in both
// languages, what the interview says of it, and where: the speaker, the
// paragraphs and the outlet. It opens on hover, tap or Enter.

// Words for the cards' first line.
var (
	kindWords = map[string]data.Text{
		"line":     {Zh: "生态", En: "Ecosystem"},
		"market":   {Zh: "第三方市场", En: "Third-party market"},
		"relation": {Zh: "关系", En: "Relation"},
		"flow":     {Zh: "输出", En: "What it offers"},
		"quote":    {Zh: "引语", En: "Quote"},
		"figure":   {Zh: "数字", En: "Figure"},
		"contrast": {Zh: "对比", En: "Contrast"},
		"logic":    {Zh: "投资逻辑", En: "Investment logic"},
		"more":     {Zh: "本幕其余内容", En: "More in this scene"},
	}
	actorWords = []data.Text{
		data.Company:     {Zh: "公司", En: "Company"},
		data.Buyers:      {Zh: "买方", En: "Buyers"},
		data.Institution: {Zh: "机构", En: "Institution"},
		data.Person:      {Zh: "人物", En: "Person"},
		data.Investor:    {Zh: "投资方", En: "Investor"},
		data.Group:       {Zh: "群体", En: "Group"},
	}
	relationWords = []data.Text{
		data.Alliance:    {Zh: "联盟", En: "Alliance"},
		data.Investment:  {Zh: "投资", En: "Investment"},
		data.Purchase:    {Zh: "采购", En: "Purchase"},
		data.Supply:      {Zh: "供应", En: "Supply"},
		data.Competition: {Zh: "竞争", En: "Competition"},
		data.Mapping:     {Zh: "映射", En: "Mapping"},
		data.Analogy:     {Zh: "类比", En: "Analogy"},
	}
	// An analogy is a likeness the text draws, not a tie between the two.
	analogyWord  = data.Text{Zh: "类比，不是商业关系", En: "Analogy, not a business tie"}
	speakerWords = []data.Text{
		data.Narration:   {Zh: "作者导语", En: "the author's introduction"},
		data.Summary:     {Zh: "作者对王智观点的归纳", En: "the author's summary of Wang Zhi"},
		data.Heading:     {Zh: "小标题", En: "a section heading"},
		data.Interviewer: {Zh: "《潜望》提问", En: "the interviewer's question"},
		data.WangZhi:     {Zh: "王智", En: "Wang Zhi"},
	}
	hasWord   = data.Text{Zh: "所长：", En: "Has: "}
	lacksWord = data.Text{Zh: "所短：", En: "Lacks: "}
	inWord    = data.Text{Zh: "，", En: ", "}
)

func pickAt(l Lang, ts []data.Text, i uint8) string {
	if int(i) < len(ts) {
		return l.Pick(ts[i])
	}
	return ""
}

// Content is what a card says, before it is laid out.
type Content struct {
	Kicker  string // kind and side
	Title   string
	Other   string // the title in the other language, if different
	Body    []string
	Quote   string
	Source  string
	Element string
}

// Describe composes the card of element id; ok is false if there is none.
func Describe(s *data.Story, id string, l Lang) (Content, bool) {
	e, ok := s.Find(id)
	if !ok || e.Kind == data.KindScene {
		return Content{}, false
	}
	c := Content{Element: id, Kicker: l.Pick(kindWords[e.Kind.String()])}
	var quote *data.Quote // the card's quote, if it has one
	name := func(t data.Text) {
		c.Title = l.Pick(t)
		if o := l.Other().Pick(t); o != c.Title {
			c.Other = o
		}
	}
	switch e.Kind {
	case data.KindLine:
		ln := s.Lines[e.Index]
		name(ln.Name)
		c.Body = []string{l.Pick(ln.Goal.Text), l.Pick(ln.Metaphor.Text), l.Pick(ln.Question.Text)}
	case data.KindActor:
		a := s.Actors[e.Index]
		c.Kicker = pickAt(l, actorWords, uint8(a.Kind))
		if a.Line != "" {
			c.Kicker = nameOf(s, a.Line, l) + " · " + c.Kicker
		}
		name(a.Name)
		c.Body = []string{l.Pick(a.Role)}
		c.Quote, quote = quoteOf(s, a.Quote, l)
	case data.KindRelation:
		r := s.Relations[e.Index]
		c.Kicker += " · " + pickAt(l, relationWords, uint8(r.Kind))
		if r.Kind == data.Analogy {
			c.Kicker = l.Pick(analogyWord)
		}
		c.Title = nameOf(s, r.From, l) + " — " + nameOf(s, r.To, l)
		c.Other = nameOf(s, r.From, l.Other()) + " — " + nameOf(s, r.To, l.Other())
		c.Body = []string{l.Pick(r.Label)}
		c.Quote, quote = quoteOf(s, r.Quote, l)
	case data.KindMarket:
		m := s.Markets[e.Index]
		name(m.Name)
		c.Body = []string{l.Pick(hasWord) + l.Pick(m.Has), l.Pick(lacksWord) + l.Pick(m.Lacks)}
		c.Quote, quote = quoteOf(s, m.Quote, l)
	case data.KindFlow:
		f := s.Flows[e.Index]
		c.Title, c.Other = nameOf(s, f.From, l), nameOf(s, f.From, l.Other())
		c.Body = []string{l.Pick(f.What)}
		c.Quote, quote = quoteOf(s, f.Quote, l)
	case data.KindQuote:
		q := s.Quotes[e.Index]
		// Whose words, in both languages; the outlet's say in which voice
		// (its introduction or its question).
		c.Title, c.Other = nameOf(s, q.Speaker, l), nameOf(s, q.Speaker, l.Other())
		if v, ok := s.QuoteVoice(q); ok && v != data.WangZhi {
			c.Kicker += " · " + pickAt(l, speakerWords, uint8(v))
		}
		c.Quote = "“" + l.Pick(q.Text) + "”"
	case data.KindFigure:
		f := s.Figures[e.Index]
		if c.Title = FigureValue(f, l); c.Title == "" {
			c.Title = l.Pick(f.Label)
		} else {
			c.Body = []string{l.Pick(f.Label)}
		}
	case data.KindContrast:
		x := s.Contrasts[e.Index]
		name(x.Topic)
		us, cn := sideNames(s, l)
		c.Body = []string{us + l.Pick(inWord) + l.Pick(x.US), cn + l.Pick(inWord) + l.Pick(x.CN)}
	case data.KindLogic:
		g := s.Logic[e.Index]
		c.Title, _ = NoteText(s, id, l)
		if g.Kind != data.Judgement {
			c.Body = []string{l.Pick(g.Text)}
		}
	}
	if c.Other == c.Title {
		c.Other = "" // "AMD" reads the same in both
	}
	c.Source = SourceLine(s, *e.Basis, l)
	if quote != nil {
		// The quote's own speaker and paragraphs, which the validator has
		// checked are among the element's.
		c.Quote += " — " + SourceLine(s, quote.Basis, l)
	}
	return c, true
}

// sideNames returns the names of the US and China lines.
func sideNames(s *data.Story, l Lang) (us, cn string) {
	for _, ln := range s.Lines {
		if ln.Side == data.US {
			us = l.Pick(ln.Name)
		} else {
			cn = l.Pick(ln.Name)
		}
	}
	return us, cn
}

// quoteOf returns the quote with id in quotation marks.
func quoteOf(s *data.Story, id string, l Lang) (string, *data.Quote) {
	for i := range s.Quotes {
		if q := &s.Quotes[i]; q.ID == id && id != "" {
			return "“" + l.Pick(q.Text) + "”", q
		}
	}
	return "", nil
}

// DescribeMore is the card of the folded notes: each in one line.
func DescribeMore(s *data.Story, folded []string, l Lang) (Content, bool) {
	if len(folded) == 0 {
		return Content{}, false
	}
	// Its name is its title, so it stays when a short screen drops kickers.
	c := Content{Element: "more", Title: l.Pick(kindWords["more"])}
	for _, id := range folded {
		if t, ok := NoteText(s, id, l); ok {
			c.Body = append(c.Body, t)
		}
	}
	c.Source = l.Pick(s.Meta.Outlet)
	return c, true
}

// SourceLine says where a statement comes from: the speaker of its first
// paragraph, the paragraphs, and the outlet, e.g.
// "王智 · P69 · 腾讯新闻《潜望》".
func SourceLine(s *data.Story, b data.Basis, l Lang) string {
	// Paragraphs grouped by who speaks in them, speakers in order of first
	// citation: "Wang Zhi P21 P69 · the author's introduction P5".
	var order []string
	paras := map[string][]string{}
	for _, p := range b.Cite {
		who := ""
		if i := int(p) - 1; i >= 0 && i < len(s.Paragraphs) {
			who = pickAt(l, speakerWords, uint8(s.Paragraphs[i].Speaker))
		}
		if _, seen := paras[who]; !seen {
			order = append(order, who)
		}
		paras[who] = append(paras[who], p.String())
	}
	var parts []string
	for _, who := range order {
		parts = append(parts, strings.TrimSpace(who+" "+strings.Join(paras[who], " ")))
	}
	parts = append(parts, l.Pick(s.Meta.Outlet))
	for _, id := range b.Sources {
		for _, src := range s.Sources {
			if src.ID == id {
				parts = append(parts, src.Publisher+", "+src.Title+" ("+src.Date+") "+src.URL)
			}
		}
	}
	return strings.Join(parts, " · ")
}

func nameOf(s *data.Story, id string, l Lang) string {
	if t, ok := s.Name(id); ok {
		return l.Pick(t)
	}
	return id
}

// Card is a laid-out card.
type Card struct {
	Element string
	Box     Rect
	Runs    []Run
}

const (
	cardWidth = 340 // CSS pixels, at most
	cardPad   = 14
)

// PlaceCard lays c out beside anchor (the element's box), inside the screen.
func PlaceCard(c Content, anchor Rect, scr Screen, l Lang, m Measurer) Card {
	u := unit(scr)
	width := min(cardWidth*u, float64(scr.W)-2*margin*u)
	inner := width - 2*cardPad*u
	p := placer{scr: scr, lang: l, m: m, u: u, emph: map[string]bool{}}
	// The parts in reading order, each with how much it matters: on a small
	// screen the least needed go first, so that the name and the source
	// (what was said, and where) are the last to give way.
	type part struct {
		piece
		gap  float64
		rank int // higher stays longer
	}
	parts := []part{
		{piece{c.Kicker, labelSize * u, frame.Regular, Secondary, l}, 0, 1},
		{piece{c.Title, dekSize * u, frame.Bold, Primary, l}, 6 * u, 9},
		{piece{c.Other, labelSize * u, frame.Regular, Secondary, l.Other()}, 2 * u, 2},
	}
	for i, b := range c.Body {
		parts = append(parts, part{piece{b, labelSize * u, frame.Regular, Caption, l}, 8 * u, 6 - min(i, 3)})
	}
	parts = append(parts,
		part{piece{c.Quote, labelSize * u, frame.Regular, Primary, l}, 8 * u, 4},
		part{piece{c.Source, labelSize * u, frame.Regular, Secondary, l}, 10 * u, 8})
	keep := parts[:0:0]
	for _, pt := range parts {
		if pt.s != "" {
			keep = append(keep, pt)
		}
	}
	heightOf := func(ps []part) float64 {
		h := 2 * cardPad * u
		for i, pt := range ps {
			if i > 0 {
				h += pt.gap
			}
			n := len(p.m.Wrap(pt.s, pt.size, pt.w, inner))
			h += float64(n-1)*pt.size*lineGap + (ascent+descent)*pt.size
		}
		return h
	}
	room := float64(scr.H) - 2*margin*u
	for len(keep) > 1 && heightOf(keep) > room {
		low := 0
		for i, pt := range keep {
			if pt.rank < keep[low].rank {
				low = i
			}
		}
		keep = append(keep[:low], keep[low+1:]...)
	}
	y := cardPad * u
	for i, pt := range keep {
		if i > 0 {
			y += pt.gap
		}
		// A part too tall for what is left of a tiny screen is left out
		// whole (the text alternative has it), never cut.
		used := p.fit(c.Element, Rect{0, y, inner, room - cardPad*u - y}, Left, Top, pt.piece)
		if used.H == 0 {
			continue
		}
		y = used.Y + used.H
	}
	height := min(y+cardPad*u, room)

	// Beside the anchor where there is room, else below or above it; always
	// on the screen.
	x := anchor.X + anchor.W + 12*u
	if x+width > float64(scr.W)-margin*u {
		x = anchor.X - width - 12*u
	}
	top := anchor.Y + anchor.H/2 - height/2
	if x < margin*u {
		x = anchor.X + anchor.W/2 - width/2
		top = anchor.Y + anchor.H + 10*u
		if top+height > float64(scr.H)-margin*u {
			top = anchor.Y - height - 10*u
		}
	}
	x = clamp(x, margin*u, float64(scr.W)-margin*u-width)
	top = clamp(top, margin*u, max(margin*u, float64(scr.H)-margin*u-height))
	card := Card{Element: c.Element, Box: Rect{x, top, width, height}}
	for _, r := range p.out.Runs {
		r.At.X += float32(x + cardPad*u)
		r.At.Y += float32(top)
		r.Box.X += x + cardPad*u
		r.Box.Y += top
		card.Runs = append(card.Runs, r)
	}
	return card
}

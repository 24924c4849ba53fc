// Package alt writes the text alternative of every scene: its title, its dek
// and a plain-language account of what the picture shows, in reading order,
// from the dataset alone: who stands on each line, what ties them, what
// flows where, how the lines compare, what each figure is, and who says
// what, each with the paragraphs [P#] it comes from. A screen-reader user
// reads the story from it; the posters' alt text, the page's description
// and the exports' source list come from here too.
//
// The package is pure: no drawing, no DOM, no state. It reads the same
// elements the picture draws (a scene's Shows) but not their positions, so
// it stays true whatever form a scene is drawn in.
package alt

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/layout"
)

// Description is one scene's text alternative.
type Description struct {
	Title string   // the scene's title
	Dek   string   // the scene's caption: the one-sentence point
	Lead  string   // "Scene 3 of 12", and what the picture is
	Body  []string // what the picture shows, one sentence per element or group
}

// Alt is the short form for an image's alt attribute: title and dek.
func (d Description) Alt() string {
	return strings.TrimSpace(d.Title + ". " + d.Dek)
}

// String is the whole description as one text, for a live region.
func (d Description) String() string {
	parts := append([]string{d.Title + ".", d.Dek, d.Lead}, d.Body...)
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" && p != "." {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

// Words, in both languages. Patterns take their arguments in the same order
// in both.
var (
	sceneOf     = data.Text{Zh: "第 %d 幕，共 %d 幕。", En: "Scene %d of %d."}
	picture     = data.Text{Zh: "图中两条平行线：%s与%s，两条线永不相交。", En: "The picture shows two parallel lines that never meet: %s and %s."}
	marketsMid  = data.Text{Zh: "两条线之间是第三方市场：%s。", En: "Between the lines lie the third-party markets: %s."}
	onLine      = data.Text{Zh: "%s一侧：%s。", En: "On the %s line: %s."}
	offLine     = data.Text{Zh: "不在任何一条线上：%s。", En: "On neither line: %s."}
	marketIs    = data.Text{Zh: "%s：所长是%s；所短是%s。%s", En: "%s has %s, and lacks %s. %s"}
	marketsAre  = data.Text{Zh: "%s：所长都是%s；所短都是%s。%s", En: "%s each have %s, and lack %s. %s"}
	relationIs  = data.Text{Zh: "%s—%s：%s关系，%s。%s", En: "Between %s and %s, %s: %s. %s"}
	flowIs      = data.Text{Zh: "从%s流向%s：%s。%s", En: "From %s to %s flows %s. %s"}
	contrastIs  = data.Text{Zh: "对比“%s”：%s，%s；%s，%s。%s", En: "Compared on %s: %s, %s; %s, %s. %s"}
	figureIs    = data.Text{Zh: "数字 %s：%s。%s", En: "Figure, %s: %s. %s"}
	figureBare  = data.Text{Zh: "数字：%s。%s", En: "Figure: %s. %s"}
	logicIs     = data.Text{Zh: "判断：%s。%s", En: "Judgement: %s. %s"}
	shiftIs     = data.Text{Zh: "转变：从%s到%s。%s。%s", En: "Shift: from %s to %s. %s. %s"}
	legIs       = data.Text{Zh: "一条腿：%s，%s。%s", En: "One leg: %s, %s. %s"}
	quoteIs     = data.Text{Zh: "%s说：“%s”%s", En: "%s says: “%s” %s"}
	quotesIs    = data.Text{Zh: "%s转述%s的话：“%s”%s", En: "%s quotes %s: “%s” %s"}
	reportedIs  = data.Text{Zh: "据%s，%s说：“%s”%s", En: "As the %s reports, %s said: “%s” %s"}
	emphasis    = data.Text{Zh: "本幕突出：%s。", En: "Highlighted in this scene: %s."}
	listSep     = data.Text{Zh: "、", En: ", "}
	citeFmt     = data.Text{Zh: "（%s）", En: "(%s)"}
	speakerSep  = data.Text{Zh: "；", En: "; "}
	relationArt = data.Text{Zh: "", En: "a relation of "}
)

// Speakers of a paragraph, as a citation names them.
var speakerWords = []data.Text{
	data.Narration:   {Zh: "作者导语", En: "author's introduction"},
	data.Summary:     {Zh: "作者归纳王智观点", En: "author's summary of Wang Zhi"},
	data.Heading:     {Zh: "小标题", En: "section heading"},
	data.Interviewer: {Zh: "《潜望》提问", En: "interviewer"},
	data.WangZhi:     {Zh: "王智", En: "Wang Zhi"},
}

var relationWords = []data.Text{
	data.Alliance:    {Zh: "联盟", En: "alliance"},
	data.Investment:  {Zh: "投资", En: "investment"},
	data.Purchase:    {Zh: "采购", En: "purchase"},
	data.Supply:      {Zh: "供应", En: "supply"},
	data.Competition: {Zh: "竞争", En: "competition"},
	data.Mapping:     {Zh: "映射", En: "mapping"},
}

func pick(l layout.Lang, ts []data.Text, i uint8) string {
	if int(i) < len(ts) {
		return l.Pick(ts[i])
	}
	return ""
}

// Cite writes where a statement comes from: its paragraphs grouped by who
// speaks in them, then any outside sources by publisher, e.g.
// "(Wang Zhi [P21] [P69]; author's introduction [P5])". Empty if b cites
// nothing.
func Cite(s *data.Story, b data.Basis, l layout.Lang) string {
	var order []string
	paras := map[string][]string{}
	for _, p := range b.Cite {
		who := ""
		if i := int(p) - 1; i >= 0 && i < len(s.Paragraphs) {
			who = pick(l, speakerWords, uint8(s.Paragraphs[i].Speaker))
		}
		if _, seen := paras[who]; !seen {
			order = append(order, who)
		}
		paras[who] = append(paras[who], "["+p.String()+"]")
	}
	var parts []string
	for _, who := range order {
		parts = append(parts, strings.TrimSpace(who+" "+strings.Join(paras[who], " ")))
	}
	for _, id := range b.Sources {
		for _, src := range s.Sources {
			if src.ID == id {
				parts = append(parts, src.Publisher+", "+src.Title+", "+src.URL)
			}
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf(l.Pick(citeFmt), strings.Join(parts, l.Pick(speakerSep)))
}

// Name is the name of an actor, line or market, or id itself if none has it.
func Name(s *data.Story, id string, l layout.Lang) string {
	if t, ok := s.Name(id); ok {
		return l.Pick(t)
	}
	return id
}

func list(l layout.Lang, xs []string) string { return strings.Join(xs, l.Pick(listSep)) }

// trim drops a statement's closing full stop, since the patterns add one.
func trim(s string) string { return strings.TrimRight(strings.TrimSpace(s), "。.") }

// Describe is the text alternative of scene i (clamped to the story) in l.
func Describe(s *data.Story, i int, l layout.Lang) Description {
	i = max(0, min(i, len(s.Scenes)-1))
	sc := s.Scenes[i]
	d := Description{Title: l.Pick(sc.Title), Dek: l.Pick(sc.Caption)}
	shown := map[string]bool{}
	for _, id := range sc.Shows {
		shown[id] = true
	}
	var us, cn string
	for _, ln := range s.Lines {
		if ln.Side == data.US {
			us = l.Pick(ln.Name)
		} else {
			cn = l.Pick(ln.Name)
		}
	}
	d.Lead = fmt.Sprintf(l.Pick(sceneOf), i+1, len(s.Scenes)) + " " + fmt.Sprintf(l.Pick(picture), us, cn)
	add := func(format data.Text, args ...any) {
		d.Body = append(d.Body, tidy.Replace(strings.TrimSpace(fmt.Sprintf(l.Pick(format), args...))))
	}

	// Who stands where: each line's actors, then the markets between.
	for _, ln := range s.Lines {
		var names []string
		for _, a := range s.Actors {
			if a.Line == ln.ID && shown[a.ID] {
				names = append(names, l.Pick(a.Name))
			}
		}
		if len(names) > 0 {
			add(onLine, l.Pick(ln.Name), list(l, names))
		}
	}
	var off, mids []string
	for _, a := range s.Actors {
		if a.Line == "" && shown[a.ID] {
			off = append(off, l.Pick(a.Name))
		}
	}
	if len(off) > 0 {
		add(offLine, list(l, off))
	}
	for _, m := range s.Markets {
		if shown[m.ID] {
			mids = append(mids, l.Pick(m.Name))
		}
	}
	if len(mids) > 0 {
		add(marketsMid, list(l, mids))
	}
	// Markets that the interview describes alike are told once, together.
	type profile struct{ has, lacks string }
	var profiles []profile
	group := map[profile][]*data.Market{}
	for i := range s.Markets {
		m := &s.Markets[i]
		if !shown[m.ID] {
			continue
		}
		k := profile{trim(l.Pick(m.Has)), trim(l.Pick(m.Lacks))}
		if _, seen := group[k]; !seen {
			profiles = append(profiles, k)
		}
		group[k] = append(group[k], m)
	}
	for _, k := range profiles {
		var names []string
		var b data.Basis
		for _, m := range group[k] {
			names = append(names, l.Pick(m.Name))
			b = merge(b, m.Basis)
		}
		format := marketIs
		if len(names) > 1 {
			format = marketsAre
		}
		add(format, list(l, names), lower(l, k.has), lower(l, k.lacks), Cite(s, b, l))
	}

	// Then each element in the order the scene lists it: ties, flows,
	// comparisons, figures, judgements and quotes.
	for _, id := range sc.Shows {
		e, ok := s.Find(id)
		if !ok {
			continue
		}
		switch e.Kind {
		case data.KindRelation:
			r := s.Relations[e.Index]
			add(relationIs, Name(s, r.From, l), Name(s, r.To, l), l.Pick(relationArt)+pick(l, relationWords, uint8(r.Kind)),
				lower(l, trim(l.Pick(r.Label))), Cite(s, r.Basis, l))
		case data.KindFlow:
			f := s.Flows[e.Index]
			var to []string
			for _, m := range f.To {
				to = append(to, Name(s, m, l))
			}
			add(flowIs, Name(s, f.From, l), list(l, to), lower(l, trim(l.Pick(f.What))), Cite(s, f.Basis, l))
		case data.KindContrast:
			c := s.Contrasts[e.Index]
			add(contrastIs, lower(l, trim(l.Pick(c.Topic))), us, lower(l, trim(l.Pick(c.US))), cn, lower(l, trim(l.Pick(c.CN))), Cite(s, c.Basis, l))
		case data.KindFigure:
			f := s.Figures[e.Index]
			if v := layout.FigureValue(f, l); v != "" {
				add(figureIs, v, trim(l.Pick(f.Label)), Cite(s, f.Basis, l))
			} else {
				add(figureBare, trim(l.Pick(f.Label)), Cite(s, f.Basis, l))
			}
		case data.KindLogic:
			g := s.Logic[e.Index]
			switch g.Kind {
			case data.Shift:
				add(shiftIs, trim(l.Pick(g.From)), trim(l.Pick(g.To)), trim(l.Pick(g.Text)), Cite(s, g.Basis, l))
			case data.Leg:
				add(legIs, trim(l.Pick(g.To)), trim(l.Pick(g.Text)), Cite(s, g.Basis, l))
			default:
				add(logicIs, trim(l.Pick(g.Text)), Cite(s, g.Basis, l))
			}
		case data.KindQuote:
			q := s.Quotes[e.Index]
			who, text, cite := Name(s, q.Speaker, l), strings.TrimSpace(l.Pick(q.Text)), Cite(s, q.Basis, l)
			// A quote in Wang Zhi's paragraph from someone else is his
			// quoting them, and is said so.
			if by := paraSpeaker(s, q.Basis, l); by != "" && by != who {
				add(quotesIs, by, who, text, cite)
			} else if by := reporter(s, q, l); by != "" {
				// A person's words in the author's own text are the author's
				// report of them, and are said so.
				add(reportedIs, by, who, text, cite)
			} else {
				add(quoteIs, who, text, cite)
			}
		}
	}

	// What the scene puts in front, by name.
	var em []string
	for _, id := range sc.Emphasis {
		if n := short(s, id, l); n != "" {
			em = append(em, n)
		}
	}
	if len(em) > 0 {
		add(emphasis, list(l, em))
	}
	return d
}

// short names an element in a few words, for the list of highlights.
func short(s *data.Story, id string, l layout.Lang) string {
	e, ok := s.Find(id)
	if !ok {
		return ""
	}
	switch e.Kind {
	case data.KindLine, data.KindActor, data.KindMarket:
		return Name(s, id, l)
	case data.KindRelation:
		r := s.Relations[e.Index]
		return Name(s, r.From, l) + "—" + Name(s, r.To, l)
	case data.KindFlow:
		return Name(s, s.Flows[e.Index].From, l) + " → " + list(l, namesOf(s, s.Flows[e.Index].To, l))
	case data.KindContrast:
		return trim(l.Pick(s.Contrasts[e.Index].Topic))
	case data.KindFigure:
		f := s.Figures[e.Index]
		if v := layout.FigureValue(f, l); v != "" {
			return v
		}
		return trim(l.Pick(f.Label))
	case data.KindQuote:
		return "“" + trim(l.Pick(s.Quotes[e.Index].Text)) + "”"
	case data.KindLogic:
		t, _ := layout.NoteText(s, id, l)
		return t
	}
	return ""
}

func namesOf(s *data.Story, ids []string, l layout.Lang) []string {
	var out []string
	for _, id := range ids {
		out = append(out, Name(s, id, l))
	}
	return out
}

// tidy drops the full stop a pattern adds after a statement that ends in
// its own question or exclamation mark.
var tidy = strings.NewReplacer("?.", "?", "!.", "!", "？。", "？", "！。", "！", "?。", "?")

// lower starts an English phrase that is spliced into a sentence with a
// small letter, unless its first word is a name or an acronym ("AI",
// "OpenAI": a capital followed by another capital or a non-letter).
func lower(l layout.Lang, s string) string {
	if l != layout.En || len(s) < 2 {
		return s
	}
	r := []rune(s)
	w := firstWord(s)
	if unicode.IsUpper(r[0]) && unicode.IsLower(r[1]) && !names[w] && strings.ToLower(w[1:]) == w[1:] {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// names are words that start an English phrase and keep their capital.
var names = map[string]bool{"China": true, "Chinese": true, "Europe": true, "Japan": true, "Nvidia": true,
	"Oracle": true, "Huawei": true, "Silicon": true, "Wang": true, "Mark": true, "Sam": true, "South": true,
	"Southeast": true, "United": true, "US": true, "America": true, "American": true}

func firstWord(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		return s[:i]
	}
	return s
}

// paraSpeaker is who speaks in the first paragraph b cites, if it is a
// person (Wang Zhi) rather than the author or a heading.
func paraSpeaker(s *data.Story, b data.Basis, l layout.Lang) string {
	if len(b.Cite) == 0 {
		return ""
	}
	if i := int(b.Cite[0]) - 1; i >= 0 && i < len(s.Paragraphs) && s.Paragraphs[i].Speaker == data.WangZhi {
		return l.Pick(speakerWords[data.WangZhi])
	}
	return ""
}

// reporter names the author's text that reports q, when q is a person's
// words cited from the author's introduction or summary; else "".
func reporter(s *data.Story, q data.Quote, l layout.Lang) string {
	if len(q.Basis.Cite) == 0 {
		return ""
	}
	i := int(q.Basis.Cite[0]) - 1
	if i < 0 || i >= len(s.Paragraphs) {
		return ""
	}
	if sp := s.Paragraphs[i].Speaker; sp != data.Narration && sp != data.Summary {
		return ""
	}
	for _, a := range s.Actors {
		if a.ID == q.Speaker && a.Kind == data.Person {
			return pick(l, speakerWords, uint8(s.Paragraphs[i].Speaker))
		}
	}
	return ""
}

// merge is the union of two bases, paragraphs and sources in order.
func merge(a, b data.Basis) data.Basis {
	seen := map[data.Para]bool{}
	for _, p := range a.Cite {
		seen[p] = true
	}
	for _, p := range b.Cite {
		if !seen[p] {
			a.Cite = append(a.Cite, p)
			seen[p] = true
		}
	}
	sort.Slice(a.Cite, func(i, j int) bool { return a.Cite[i] < a.Cite[j] })
	src := map[string]bool{}
	for _, x := range a.Sources {
		src[x] = true
	}
	for _, x := range b.Sources {
		if !src[x] {
			a.Sources = append(a.Sources, x)
		}
	}
	return a
}

// Sources is what a "Sources" panel lists for one scene: the interview
// (outlet, byline, interviewee) and, for every element on screen, what it
// is and where it comes from, then the outside sources any of them name.
type Sources struct {
	Title, Outlet, Byline, Interviewee, Credit string
	Items                                      []Item
	Outside                                    []data.Source
}

// Item is one element on screen and its citation.
type Item struct {
	ID, What, Cite string
}

// SourcesOf lists the sources of scene i in l.
func SourcesOf(s *data.Story, i int, l layout.Lang) Sources {
	i = max(0, min(i, len(s.Scenes)-1))
	out := Sources{Title: l.Pick(s.Meta.Title), Outlet: l.Pick(s.Meta.Outlet), Byline: l.Pick(s.Meta.Byline),
		Interviewee: l.Pick(s.Meta.Interviewee), Credit: s.Meta.Credit}
	outside := map[string]bool{}
	for _, id := range s.Scenes[i].Shows {
		e, ok := s.Find(id)
		if !ok || e.Basis == nil {
			continue
		}
		what := short(s, id, l)
		if what == "" {
			continue
		}
		out.Items = append(out.Items, Item{ID: id, What: what, Cite: Cite(s, *e.Basis, l)})
		for _, src := range e.Basis.Sources {
			outside[src] = true
		}
	}
	for _, src := range s.Sources {
		if outside[src.ID] {
			out.Outside = append(out.Outside, src)
		}
	}
	return out
}

// Package data is the story: its types (story.go), the shipped MessagePack
// form and its codec (wire.go, codec.go, tokens.go), and the rules a story
// must keep, in two sets:
//
//   - Check, the structural rules: a known format version, ids that are
//     unique and well-formed, references that resolve to the right kind,
//     known enum values, texts present in both languages, one line per side,
//     scenes that show something for some seconds, forms the layout can
//     draw. The widget relies on these, so Decode runs them on every start:
//     a file that decodes but breaks one is refused with a clear error
//     instead of being drawn wrong.
//   - Validate, every rule: Check's and the editorial ones, which are about
//     truthfulness and wording rather than safety: citations, outside
//     sources and the claim ledger (basis), the paragraph a card's quote
//     comes from, whose words a quote is and what a business tie states
//     (validate_facts.go), slot widths, and warnings about what no scene
//     shows. The build runs it on data/story.yaml (build/internal/source,
//     build/datac), so a shipped file has passed it once; the widget does
//     not carry its code (about 24 KB of main.wasm checked rules the
//     widget's own drawing never depends on, and the card and alt code
//     bound-check citations anyway).
//
// Both report problems in source order through the same walk, so Validate's
// output is exactly what it was before the split.
package data

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// Problem is one thing wrong (or, with Warn, merely odd) in a story. Path
// names the place in the source's own terms, e.g. "actors[3].role.en", so
// that the compiler can turn it into file:line:col.
type Problem struct {
	Path string
	Msg  string
	Warn bool
}

func (p Problem) String() string {
	if p.Warn {
		return p.Path + ": warning: " + p.Msg
	}
	return p.Path + ": " + p.Msg
}

// Slot widths, in columns: a CJK character is two columns, anything else one,
// which is roughly how much room each takes on screen. A text longer than its
// slot would not fit the place the widget draws it.
const (
	SlotName    = 34  // labels on the canvas
	SlotTitle   = 48  // scene titles
	SlotShort   = 120 // roles, has/lacks, contrasts, figure labels, flows
	SlotCaption = 280 // scene captions and quotes
	SlotNotes   = 1400
)

// Scene count the story is written for.
const (
	MinScenes = 8
	MaxScenes = 12
)

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// Validate checks every rule, the structural and the editorial ones (see
// the package doc), and returns every problem found, in source order. A
// story with no problem that is not a warning is fit to ship. The build
// runs it.
func Validate(s *Story) []Problem { return validate(s, editorial{}) }

// Check checks the structural rules only, those the widget relies on to
// draw a story (see the package doc), in source order. Decode runs it.
func Check(s *Story) []Problem { return validate(s, structural{}) }

func validate(s *Story, r rules) []Problem {
	v := &validator{s: s, ids: map[string]string{}, shown: map[string]bool{}, claims: map[string]*claimUse{}, rules: r}
	v.run()
	return v.out
}

// rules are the editorial checks, called at their place in the walk so
// that problems stay in source order. Check passes structural, whose
// methods do nothing; only Validate converts editorial to rules, so a
// program that never calls Validate (the widget) links none of them.
type rules interface {
	fits(v *validator, path string, t Text, slot int)
	basis(v *validator, path string, b Basis)
	quoteParas(v *validator, path string, q *Quote, b Basis)
	speaks(v *validator, path string, a Actor)
	quoteSpeaker(v *validator, path string, q Quote)
	businessFact(v *validator, path string, r Relation)
	claimLedger(v *validator)
	coverage(v *validator)
	unshown(v *validator)
}

type structural struct{}

func (structural) fits(*validator, string, Text, int)           {}
func (structural) basis(*validator, string, Basis)              {}
func (structural) quoteParas(*validator, string, *Quote, Basis) {}
func (structural) speaks(*validator, string, Actor)             {}
func (structural) quoteSpeaker(*validator, string, Quote)       {}
func (structural) businessFact(*validator, string, Relation)    {}
func (structural) claimLedger(*validator)                       {}
func (structural) coverage(*validator)                          {}
func (structural) unshown(*validator)                           {}

type editorial struct{}

func (editorial) fits(v *validator, path string, t Text, slot int) { v.fitsRule(path, t, slot) }
func (editorial) basis(v *validator, path string, b Basis)         { v.basisRule(path, b) }
func (editorial) quoteParas(v *validator, path string, q *Quote, b Basis) {
	v.quoteParasRule(path, q, b)
}
func (editorial) speaks(v *validator, path string, a Actor)          { v.speaksRule(path, a) }
func (editorial) quoteSpeaker(v *validator, path string, q Quote)    { v.quoteSpeakerRule(path, q) }
func (editorial) businessFact(v *validator, path string, r Relation) { v.businessFactRule(path, r) }
func (editorial) claimLedger(v *validator)                           { v.claimLedgerRule() }
func (editorial) coverage(v *validator)                              { v.coverageRule() }
func (editorial) unshown(v *validator)                               { v.unshownRule() }

// Errors counts the problems that are not warnings.
func Errors(ps []Problem) int {
	n := 0
	for _, p := range ps {
		if !p.Warn {
			n++
		}
	}
	return n
}

type claimUse struct {
	paras   map[Para]bool
	omitted bool
	covered bool
	path    string
}

type validator struct {
	s      *Story
	out    []Problem
	ids    map[string]string // element id -> path where it is defined
	kinds  map[string]string // element id -> kind name
	order  []string          // element ids in definition order
	shown  map[string]bool
	claims map[string]*claimUse
	rules  rules
}

func (v *validator) errf(path, format string, args ...any) {
	v.out = append(v.out, Problem{Path: path, Msg: fmt.Sprintf(format, args...)})
}

func (v *validator) warnf(path, format string, args ...any) {
	v.out = append(v.out, Problem{Path: path, Msg: fmt.Sprintf(format, args...), Warn: true})
}

func at(list string, i int) string { return fmt.Sprintf("%s[%d]", list, i) }

func (v *validator) run() {
	s := v.s
	v.kinds = map[string]string{}
	if s.Version != FormatVersion {
		v.errf("version", "format version is %d, this build reads %d", s.Version, FormatVersion)
	}
	v.meta()
	v.paragraphs()
	v.sources()
	v.rules.claimLedger(v)

	// Ids first, so that references may point forward.
	for _, e := range s.Elements() {
		v.define(e.Path(), e.Kind.String(), e.ID)
	}

	v.lines()
	v.actors()
	v.relations()
	v.markets()
	v.flows()
	v.contrasts()
	v.logic()
	v.figures()
	v.quotes()
	v.scenes()
	v.forms() // issue 8: validate_form.go
	v.rules.coverage(v)
	v.rules.unshown(v)
}

func (v *validator) define(path, kind, id string) {
	p := path + ".id"
	switch {
	case id == "":
		v.errf(p, "missing id")
		return
	case !idPattern.MatchString(id):
		v.errf(p, "id %q must be lower-case words joined by hyphens (it is used in URLs)", id)
	}
	if first, dup := v.ids[id]; dup {
		v.errf(p, "duplicate id %q (first defined at %s)", id, first)
		return
	}
	v.ids[id] = path
	v.kinds[id] = kind
	v.order = append(v.order, id)
}

// ref checks that id names an element of one of the given kinds.
func (v *validator) ref(path, id string, kinds ...string) {
	if id == "" {
		v.errf(path, "missing reference")
		return
	}
	k, ok := v.kinds[id]
	if !ok {
		v.errf(path, "unknown id %q", id)
		return
	}
	for _, want := range kinds {
		if k == want {
			return
		}
	}
	v.errf(path, "%q is a %s, want a %s", id, k, strings.Join(kinds, " or "))
}

// text checks a required bilingual text and its slot width.
func (v *validator) text(path string, t Text, slot int) {
	if strings.TrimSpace(t.Zh) == "" {
		v.errf(path+".zh", "missing Chinese text")
	}
	if strings.TrimSpace(t.En) == "" {
		v.errf(path+".en", "missing English text")
	}
	v.fits(path, t, slot)
}

// optText checks a text that may be left out, but not in one language only.
func (v *validator) optText(path string, t Text, slot int) {
	if t.Zh == "" && t.En == "" {
		return
	}
	v.text(path, t, slot)
}

func (v *validator) fits(path string, t Text, slot int) { v.rules.fits(v, path, t, slot) }

func (v *validator) fitsRule(path string, t Text, slot int) {
	if w := Columns(t.Zh); w > slot {
		v.errf(path+".zh", "text is %d columns, its slot holds %d", w, slot)
	}
	if w := Columns(t.En); w > slot {
		v.errf(path+".en", "text is %d columns, its slot holds %d", w, slot)
	}
}

// Columns is the width of s in columns: two for each wide (CJK) character.
func Columns(s string) int {
	n := 0
	for _, r := range s {
		if Wide(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// Wide reports whether r is set full-width in CJK typography.
func Wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || // CJK symbols and punctuation
		(r >= 0xFF00 && r <= 0xFFEF) || // full-width forms
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·'
}

// basis checks an element's provenance: at least one citation, each in range,
// outside sources that exist, claims that exist and share a paragraph.
func (v *validator) basis(path string, b Basis) { v.rules.basis(v, path, b) }

func (v *validator) basisRule(path string, b Basis) {
	if len(b.Cite) == 0 && len(b.Sources) == 0 {
		v.errf(path+".cite", "missing citation: give the interview paragraph (P#) or an outside source")
	}
	n := len(v.s.Paragraphs)
	for i, p := range b.Cite {
		if p < 1 || int(p) > n {
			v.errf(fmt.Sprintf("%s.cite[%d]", path, i), "citation %s is out of range (the interview has P1–P%d)", p, n)
		}
	}
	for i, id := range b.Sources {
		if !v.hasSource(id) {
			v.errf(fmt.Sprintf("%s.sources[%d]", path, i), "unknown source %q", id)
		}
	}
	for i, id := range b.Claims {
		p := fmt.Sprintf("%s.claims[%d]", path, i)
		c, ok := v.claims[id]
		if !ok {
			v.errf(p, "unknown claim %q", id)
			continue
		}
		c.covered = true
		if !sharesPara(c.paras, b.Cite) {
			v.errf(p, "claim %s is at %s but this element cites %s", id, paraList(c.paras), citeList(b.Cite))
		}
	}
}

func sharesPara(claim map[Para]bool, cite []Para) bool {
	for _, p := range cite {
		if claim[p] {
			return true
		}
	}
	return false
}

func paraList(m map[Para]bool) string {
	var ps []Para
	for p := Para(1); p <= MaxPara; p++ {
		if m[p] {
			ps = append(ps, p)
		}
	}
	return citeList(ps)
}

func citeList(ps []Para) string {
	if len(ps) == 0 {
		return "no paragraph"
	}
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.String()
	}
	return strings.Join(parts, ", ")
}

func (v *validator) hasSource(id string) bool {
	for _, s := range v.s.Sources {
		if s.ID == id {
			return true
		}
	}
	return false
}

func (v *validator) note(path string, n Note, slot int) {
	v.text(path, n.Text, slot)
	v.basis(path, n.Basis)
}

func (v *validator) meta() {
	m := v.s.Meta
	v.text("meta.title", m.Title, SlotTitle*2)
	v.text("meta.outlet", m.Outlet, SlotShort)
	v.text("meta.byline", m.Byline, SlotShort)
	v.text("meta.interviewee", m.Interviewee, SlotShort)
	v.text("meta.headline", m.Headline, SlotCaption)
	v.text("meta.published", m.Published, SlotShort)
	v.text("meta.note", m.Note, SlotNotes)
	v.text("meta.licence", m.Licence, SlotNotes)
	if m.Credit == "" {
		v.errf("meta.credit", "missing credit line")
	}
	v.basis("meta", m.Basis)
}

func (v *validator) paragraphs() {
	ps := v.s.Paragraphs
	if len(ps) != MaxPara {
		v.errf("paragraphs", "the interview has %d paragraphs, the table lists %d", MaxPara, len(ps))
	}
	last := uint8(0)
	for i, p := range ps {
		path := at("paragraphs", i)
		if !valid(speakerNames, uint8(p.Speaker)) {
			v.errf(path+".speaker", "unknown speaker %d", p.Speaker)
		}
		if p.Section > 5 || p.Section < last {
			v.errf(path+".section", "section %d after section %d (sections run 0–5 in order)", p.Section, last)
		}
		last = p.Section
	}
}

func (v *validator) sources() {
	seen := map[string]bool{}
	for i, s := range v.s.Sources {
		path := at("sources", i)
		if !idPattern.MatchString(s.ID) {
			v.errf(path+".id", "source id %q must be lower-case words joined by hyphens", s.ID)
		}
		if seen[s.ID] {
			v.errf(path+".id", "duplicate source id %q", s.ID)
		}
		seen[s.ID] = true
		if s.Publisher == "" {
			v.errf(path+".publisher", "missing publisher")
		}
		if s.Title == "" {
			v.errf(path+".title", "missing title")
		}
		if !datePattern.MatchString(s.Date) {
			v.errf(path+".date", "date %q is not YYYY-MM-DD", s.Date)
		}
		if !strings.HasPrefix(s.URL, "https://") {
			v.errf(path+".url", "url %q must start with https://", s.URL)
		}
	}
}

var datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func (v *validator) claimLedgerRule() {
	for i, c := range v.s.Claims {
		path := at("claims", i)
		if c.ID == "" {
			v.errf(path+".id", "missing claim id")
			continue
		}
		if _, dup := v.claims[c.ID]; dup {
			v.errf(path+".id", "duplicate claim %q", c.ID)
			continue
		}
		u := &claimUse{paras: map[Para]bool{}, omitted: strings.TrimSpace(c.Omit) != "", path: path}
		if len(c.Paras) == 0 {
			v.errf(path+".cite", "claim %s has no paragraph", c.ID)
		}
		for j, p := range c.Paras {
			if p < 1 || p > MaxPara {
				v.errf(fmt.Sprintf("%s.cite[%d]", path, j), "paragraph %s is out of range", p)
			}
			u.paras[p] = true
		}
		v.claims[c.ID] = u
	}
}

func (v *validator) lines() {
	sides := map[Side]bool{}
	for i, l := range v.s.Lines {
		path := at("lines", i)
		if !valid(sideNames, uint8(l.Side)) {
			v.errf(path+".side", "unknown side %d", l.Side)
		} else if sides[l.Side] {
			v.errf(path+".side", "a second %s line (the story has one line per side)", l.Side)
		}
		sides[l.Side] = true
		v.text(path+".name", l.Name, SlotName)
		v.note(path+".goal", l.Goal, SlotShort)
		v.note(path+".metaphor", l.Metaphor, SlotShort)
		v.note(path+".question", l.Question, SlotShort)
		if !valid(opennessNames, uint8(l.Openness)) {
			v.errf(path+".openness", "unknown openness %d", l.Openness)
		}
		v.note(path+".openNote", l.OpenNote, SlotShort)
		if !valid(modeNames, uint8(l.Mode)) {
			v.errf(path+".mode", "unknown mode %d", l.Mode)
		}
		v.note(path+".modeNote", l.ModeNote, SlotShort)
		v.basis(path, l.Basis)
	}
	for _, side := range []Side{US, CN} {
		if !sides[side] {
			v.errf("lines", "no %s line", side)
		}
	}
}

func (v *validator) actors() {
	for i, a := range v.s.Actors {
		path := at("actors", i)
		if !valid(actorKindNames, uint8(a.Kind)) {
			v.errf(path+".kind", "unknown actor kind %d", a.Kind)
		}
		if a.Line != "" {
			v.ref(path+".line", a.Line, "line")
		}
		v.text(path+".name", a.Name, SlotName)
		v.text(path+".role", a.Role, SlotShort)
		v.basis(path, a.Basis)
		v.cardQuote(path, a.Quote, a.Basis)
		v.rules.speaks(v, path, a)
	}
}

func (v *validator) relations() {
	for i, r := range v.s.Relations {
		path := at("relations", i)
		if !valid(relationNames, uint8(r.Kind)) {
			v.errf(path+".kind", "unknown relation kind %d", r.Kind)
		}
		v.ref(path+".from", r.From, "actor", "line")
		v.ref(path+".to", r.To, "actor", "line")
		if r.From != "" && r.From == r.To {
			v.errf(path+".to", "relation from %q to itself", r.From)
		}
		v.text(path+".label", r.Label, SlotShort)
		v.basis(path, r.Basis)
		v.cardQuote(path, r.Quote, r.Basis)
		v.rules.businessFact(v, path, r)
	}
}

func (v *validator) markets() {
	if len(v.s.Markets) == 0 {
		v.errf("markets", "no third-party market")
	}
	for i, m := range v.s.Markets {
		path := at("markets", i)
		v.text(path+".name", m.Name, SlotName)
		v.text(path+".has", m.Has, SlotShort)
		v.text(path+".lacks", m.Lacks, SlotShort)
		v.basis(path, m.Basis)
		v.cardQuote(path, m.Quote, m.Basis)
	}
}

func (v *validator) flows() {
	for i, f := range v.s.Flows {
		path := at("flows", i)
		v.ref(path+".from", f.From, "line")
		if len(f.To) == 0 {
			v.errf(path+".to", "a flow goes to at least one market")
		}
		for j, to := range f.To {
			v.ref(fmt.Sprintf("%s.to[%d]", path, j), to, "market")
		}
		v.text(path+".what", f.What, SlotShort)
		v.basis(path, f.Basis)
		v.cardQuote(path, f.Quote, f.Basis)
	}
}

// cardQuote checks the optional quote on an element's card: it must be a
// quote, and (an editorial rule) it must come from a paragraph the element
// itself cites, so that the card never puts words next to a statement they
// do not support.
func (v *validator) cardQuote(path, id string, b Basis) {
	if id == "" {
		return
	}
	p := path + ".quote"
	if k, ok := v.kinds[id]; !ok || k != "quote" {
		v.ref(p, id, "quote")
		return
	}
	for i := range v.s.Quotes {
		if q := &v.s.Quotes[i]; q.ID == id {
			v.rules.quoteParas(v, p, q, b)
			return
		}
	}
}

func (v *validator) quoteParasRule(p string, q *Quote, b Basis) {
	paras := map[Para]bool{}
	for _, c := range q.Basis.Cite {
		paras[c] = true
	}
	if !sharesPara(paras, b.Cite) {
		v.errf(p, "quote %s is at %s but this element cites %s", q.ID, citeList(q.Basis.Cite), citeList(b.Cite))
	}
}

func (v *validator) contrasts() {
	for i, c := range v.s.Contrasts {
		path := at("contrasts", i)
		v.text(path+".topic", c.Topic, SlotName)
		v.text(path+".us", c.US, SlotShort)
		v.text(path+".cn", c.CN, SlotShort)
		v.basis(path, c.Basis)
	}
}

func (v *validator) logic() {
	for i, l := range v.s.Logic {
		path := at("logic", i)
		if !valid(capitalNames, uint8(l.Market)) {
			v.errf(path+".market", "unknown market side %d", l.Market)
		}
		switch l.Kind {
		case Shift:
			v.text(path+".from", l.From, SlotName)
			v.text(path+".to", l.To, SlotName)
		case Leg:
			v.text(path+".to", l.To, SlotName)
			v.optText(path+".from", l.From, SlotName)
		case Judgement:
			v.optText(path+".from", l.From, SlotName)
			v.optText(path+".to", l.To, SlotName)
		default:
			v.errf(path+".kind", "unknown logic kind %d", l.Kind)
		}
		v.text(path+".text", l.Text, SlotShort)
		v.basis(path, l.Basis)
	}
}

func (v *validator) figures() {
	for i, f := range v.s.Figures {
		path := at("figures", i)
		switch f.Qualifier {
		case Range:
			if f.Max <= f.Value {
				v.errf(path+".max", "a range needs max (%g) above value (%g)", f.Max, f.Value)
			}
		case Several, NoValue:
			if f.Value != 0 || f.Max != 0 {
				v.errf(path+".value", "a %s figure carries no number", f.Qualifier)
			}
		case Exact, About, Over:
			if f.Max != 0 {
				v.errf(path+".max", "only a range has a max")
			}
		default:
			v.errf(path+".qualifier", "unknown qualifier %d", f.Qualifier)
		}
		// English writes a year bare (1873, not "1873 year"), so a unit may
		// be Chinese only; never English only.
		if f.Unit.Zh == "" || f.Unit.En != "" {
			v.optText(path+".unit", f.Unit, SlotName)
		} else {
			v.fits(path+".unit", f.Unit, SlotName)
		}
		v.text(path+".label", f.Label, SlotShort)
		v.basis(path, f.Basis)
	}
}

func (v *validator) quotes() {
	for i, q := range v.s.Quotes {
		path := at("quotes", i)
		v.ref(path+".speaker", q.Speaker, "actor")
		v.text(path+".text", q.Text, SlotCaption)
		v.basis(path, q.Basis)
		v.rules.quoteSpeaker(v, path, q)
	}
}

func (v *validator) scenes() {
	n := len(v.s.Scenes)
	if n == 0 {
		v.errf("scenes", "no scene")
	} else if n < MinScenes || n > MaxScenes {
		v.warnf("scenes", "%d scenes; the story is written for %d–%d", n, MinScenes, MaxScenes)
	}
	for i, sc := range v.s.Scenes {
		path := at("scenes", i)
		v.text(path+".title", sc.Title, SlotTitle)
		v.text(path+".caption", sc.Caption, SlotCaption)
		v.text(path+".notes", sc.Notes, SlotNotes)
		if sc.Seconds == 0 {
			v.errf(path+".seconds", "a scene needs a duration in seconds")
		}
		if len(sc.Shows) == 0 {
			v.errf(path+".shows", "scene %q shows nothing", sc.ID)
		}
		shows := map[string]bool{}
		for j, id := range sc.Shows {
			p := fmt.Sprintf("%s.shows[%d]", path, j)
			if shows[id] {
				v.errf(p, "%q listed twice", id)
			}
			shows[id] = true
			v.ref(p, id, elementKinds...)
			v.shown[id] = true
		}
		for j, id := range sc.Emphasis {
			if !shows[id] {
				v.errf(fmt.Sprintf("%s.emphasis[%d]", path, j), "%q is emphasised but not shown", id)
			}
		}
		v.basis(path, sc.Basis)
	}
}

// elementKinds are the kinds a scene can show.
var elementKinds = []string{"line", "actor", "relation", "market", "flow", "contrast", "logic", "figure", "quote"}

func (v *validator) coverageRule() {
	for _, c := range v.s.Claims {
		u := v.claims[c.ID]
		if u == nil {
			continue
		}
		switch {
		case !u.covered && !u.omitted:
			v.errf(u.path, "claim %s is carried by no element and not listed as left out (give omit: with a reason)", c.ID)
		case u.covered && u.omitted:
			v.warnf(u.path+".omit", "claim %s is marked left out but element(s) carry it", c.ID)
		}
	}
}

// unshown warns about elements that no scene puts on screen: legal (they are
// still in the downloads) but probably an oversight. A quote on the card of
// an element a scene shows is on screen whenever the card is.
func (v *validator) unshownRule() {
	s := v.s
	card := func(id, quote string) {
		if quote != "" && v.shown[id] {
			v.shown[quote] = true
		}
	}
	for _, x := range s.Actors {
		card(x.ID, x.Quote)
	}
	for _, x := range s.Relations {
		card(x.ID, x.Quote)
	}
	for _, x := range s.Markets {
		card(x.ID, x.Quote)
	}
	for _, x := range s.Flows {
		card(x.ID, x.Quote)
	}
	for _, id := range v.order {
		if kind := v.kinds[id]; kind != "scene" && !v.shown[id] {
			v.warnf(v.ids[id], "%s %q is shown by no scene", kind, id)
		}
	}
}

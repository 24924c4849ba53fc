package data

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tinylib/msgp/msgp"
)

// FormatVersion is the version of the shipped format. It changes whenever a
// field is added, removed or reordered, since tuples are positional, and
// whenever the wire form itself changes.
//
//	1: tuples of plain strings.
//	2: token strings for texts, references by position, compact numbers and
//	   bases; a quote on actors, relations, markets and flows.
//	3: the interview's headline and date in meta; who an actor speaks as;
//	   the words that state a business tie.
const FormatVersion = 3

// MaxEncodedSize bounds what Decode accepts. The real story is a few tens of
// kilobytes; with the array limits in wire.go and the token limits in
// tokens.go this keeps a crafted file from making the decoder allocate more
// than a few megabytes.
const MaxEncodedSize = 1 << 20

// Encode writes s in the shipped MessagePack form (wire.go). The same story
// always gives the same bytes. Claims are a build-time ledger and are left
// out.
func Encode(s *Story) ([]byte, error) {
	w, err := toWire(s)
	if err != nil {
		return nil, err
	}
	return w.MarshalMsg(nil)
}

// toWire converts s, building its token table from all its texts.
func toWire(s *Story) (*wire, error) {
	e := &encoder{index: map[string]int{}}
	e.indexElements(s)
	e.wire(s) // first pass: collect the texts
	e.table = newTokenTable(e.texts)
	w := e.wire(s)
	return w, e.err
}

// Decode reads a shipped story and checks it. Any problem (truncated or
// corrupt bytes, a limit exceeded, trailing bytes, a bad token string or
// reference, or a story that breaks a structural rule, see Check) is an error
// that says what is wrong; Decode never panics.
func Decode(b []byte) (*Story, error) {
	if len(b) == 0 {
		return nil, errors.New("dataset is empty")
	}
	if len(b) > MaxEncodedSize {
		return nil, fmt.Errorf("dataset is %d bytes, more than the %d this build accepts", len(b), MaxEncodedSize)
	}
	// The version comes first, so that a file from another build is named as
	// such rather than as corrupt.
	if _, after, err := msgp.ReadArrayHeaderBytes(b); err == nil {
		if v, _, err := msgp.ReadUint16Bytes(after); err == nil && v != FormatVersion {
			return nil, fmt.Errorf("dataset format version %d, this build reads %d", v, FormatVersion)
		}
	}
	var w wire
	rest, err := w.UnmarshalMsg(b)
	if err != nil {
		return nil, fmt.Errorf("dataset is corrupt: %w", err)
	}
	if len(rest) != 0 {
		return nil, fmt.Errorf("dataset has %d unexpected bytes after its end", len(rest))
	}
	s, err := fromWire(&w)
	if err != nil {
		return nil, fmt.Errorf("dataset is corrupt: %w", err)
	}
	// The structural rules only: the editorial ones ran when the file was
	// built (package doc).
	if ps := Check(s); Errors(ps) > 0 {
		return nil, fmt.Errorf("dataset is invalid: %s", summarize(ps, 3))
	}
	return s, nil
}

// summarize lists the first n errors and counts the rest.
func summarize(ps []Problem, n int) string {
	var parts []string
	more := 0
	for _, p := range ps {
		if p.Warn {
			continue
		}
		if len(parts) < n {
			parts = append(parts, p.String())
		} else {
			more++
		}
	}
	s := strings.Join(parts, "; ")
	if more > 0 {
		s += fmt.Sprintf(" (and %d more)", more)
	}
	return s
}

// SceneIndex returns the index of the scene with id, or -1.
func (s *Story) SceneIndex(id string) int {
	for i, sc := range s.Scenes {
		if sc.ID == id {
			return i
		}
	}
	return -1
}

// elementIDs lists the ids of all elements in canonical order, the order
// references count them in.
func elementIDs(s *Story) []string {
	es := s.Elements()
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	return ids
}

// encoder turns a Story into its wire form. It runs twice: the first pass
// (table == nil) only collects the texts the token table is built from.
type encoder struct {
	index map[string]int // element id -> position (the first, if repeated)
	texts []string
	table *tokenTable
	err   error
}

func (e *encoder) indexElements(s *Story) {
	for i, id := range elementIDs(s) {
		if _, dup := e.index[id]; !dup {
			e.index[id] = i
		}
	}
}

func (e *encoder) text(t Text) wireText {
	if e.table == nil {
		e.texts = append(e.texts, t.Zh, t.En)
		return nil
	}
	b := e.table.appendText(make([]byte, 0, len(t.Zh)/2+len(t.En)/2+1), t.Zh)
	b = append(b, tokenEnd)
	b = e.table.appendText(b, t.En)
	if len(b) > maxTextWire && e.err == nil {
		e.err = fmt.Errorf("text %.40q… is %d bytes as tokens, more than the %d a text may take", t.Zh+t.En, len(b), maxTextWire)
	}
	return b
}

// optText writes an absent text as nil, so that it costs one byte.
func (e *encoder) optText(t Text) wireText {
	if t == (Text{}) {
		return nil
	}
	return e.text(t)
}

func speakerBytes(ss []Speaker) []byte {
	if len(ss) == 0 {
		return nil
	}
	b := make([]byte, len(ss))
	for i, s := range ss {
		b[i] = byte(s)
	}
	return b
}

func (e *encoder) ref(id string) ref {
	if id == "" {
		return ref{}
	}
	if i, ok := e.index[id]; ok {
		return ref{pos: i + 1}
	}
	return ref{name: id}
}

func (e *encoder) refs(ids []string) []ref {
	if len(ids) == 0 {
		return nil
	}
	out := make([]ref, len(ids))
	for i, id := range ids {
		out[i] = e.ref(id)
	}
	return out
}

func (e *encoder) note(n Note) wireNote {
	return wireNote{Text: e.text(n.Text), Basis: toBasis(n.Basis)}
}

func toBasis(b Basis) basis { return basis{cite: b.Cite, sources: b.Sources} }

func (e *encoder) wire(s *Story) *wire {
	w := &wire{Version: s.Version}
	if e.table != nil {
		w.Tokens = e.table.marshal()
	}
	m := s.Meta
	w.Meta = wireMeta{
		Title: e.text(m.Title), Outlet: e.text(m.Outlet), Byline: e.text(m.Byline),
		Interviewee: e.text(m.Interviewee), Headline: e.text(m.Headline), Published: e.text(m.Published),
		Note: e.text(m.Note), Licence: e.text(m.Licence),
		Basis: toBasis(m.Basis), Credit: m.Credit,
	}
	for _, p := range s.Paragraphs {
		w.Paragraphs = append(w.Paragraphs, byte(p.Speaker), p.Section)
	}
	for _, x := range s.Sources {
		w.Sources = append(w.Sources, wireSource(x))
	}
	for _, x := range s.Lines {
		w.Lines = append(w.Lines, wireLine{
			ID: x.ID, Side: uint8(x.Side), Name: e.text(x.Name),
			Goal: e.note(x.Goal), Metaphor: e.note(x.Metaphor), Question: e.note(x.Question),
			Openness: uint8(x.Openness), OpenNote: e.note(x.OpenNote),
			Mode: uint8(x.Mode), ModeNote: e.note(x.ModeNote), Basis: toBasis(x.Basis),
		})
	}
	for _, x := range s.Actors {
		w.Actors = append(w.Actors, wireActor{
			ID: x.ID, Kind: uint8(x.Kind), Line: e.ref(x.Line), Name: e.text(x.Name), Role: e.text(x.Role),
			Basis: toBasis(x.Basis), Quote: e.ref(x.Quote), Speaks: speakerBytes(x.Speaks),
		})
	}
	for _, x := range s.Relations {
		w.Relations = append(w.Relations, wireRelation{
			ID: x.ID, Kind: uint8(x.Kind), From: e.ref(x.From), To: e.ref(x.To), Label: e.text(x.Label),
			Basis: toBasis(x.Basis), Quote: e.ref(x.Quote), Fact: e.optText(x.Fact),
		})
	}
	for _, x := range s.Markets {
		w.Markets = append(w.Markets, wireMarket{
			ID: x.ID, Name: e.text(x.Name), Has: e.text(x.Has), Lacks: e.text(x.Lacks),
			Basis: toBasis(x.Basis), Quote: e.ref(x.Quote),
		})
	}
	for _, x := range s.Flows {
		w.Flows = append(w.Flows, wireFlow{
			ID: x.ID, From: e.ref(x.From), To: e.refs(x.To), What: e.text(x.What),
			Basis: toBasis(x.Basis), Quote: e.ref(x.Quote),
		})
	}
	for _, x := range s.Contrasts {
		w.Contrasts = append(w.Contrasts, wireContrast{
			ID: x.ID, Topic: e.text(x.Topic), US: e.text(x.US), CN: e.text(x.CN), Basis: toBasis(x.Basis),
		})
	}
	for _, x := range s.Logic {
		w.Logic = append(w.Logic, wireLogic{
			ID: x.ID, Market: uint8(x.Market), Kind: uint8(x.Kind),
			From: e.text(x.From), To: e.text(x.To), Text: e.text(x.Text), Basis: toBasis(x.Basis),
		})
	}
	for _, x := range s.Figures {
		w.Figures = append(w.Figures, wireFigure{
			ID: x.ID, Value: num(x.Value), Max: num(x.Max), Qualifier: uint8(x.Qualifier),
			Unit: e.text(x.Unit), Label: e.text(x.Label), Basis: toBasis(x.Basis),
		})
	}
	for _, x := range s.Quotes {
		w.Quotes = append(w.Quotes, wireQuote{
			ID: x.ID, Speaker: e.ref(x.Speaker), Text: e.text(x.Text), Basis: toBasis(x.Basis),
		})
	}
	for _, x := range s.Scenes {
		w.Scenes = append(w.Scenes, wireScene{
			ID: x.ID, Title: e.text(x.Title), Caption: e.text(x.Caption), Notes: e.text(x.Notes),
			Seconds: x.Seconds, Shows: e.refs(x.Shows), Emphasis: e.refs(x.Emphasis), Basis: toBasis(x.Basis),
			Short: e.optText(x.Short), Form: e.form(x.Form),
		})
	}
	return w
}

// decoder turns a wire form back into a Story. It keeps the first problem
// and names where it is, e.g. "actors[3].role: token 900 is out of range".
type decoder struct {
	x   *expander
	ids []string // element ids by position
	err error
}

func (d *decoder) fail(path string, err error) {
	if d.err == nil {
		d.err = fmt.Errorf("%s: %w", path, err)
	}
}

func (d *decoder) text(path string, b wireText) Text {
	if d.err != nil {
		return Text{}
	}
	t, err := d.x.text(b)
	if err != nil {
		d.fail(path, err)
	}
	return t
}

func (d *decoder) ref(path string, r ref) string {
	switch {
	case r.pos == 0:
		return r.name
	case r.pos <= len(d.ids):
		return d.ids[r.pos-1]
	}
	d.fail(path, fmt.Errorf("reference to element %d, the story has %d", r.pos-1, len(d.ids)))
	return ""
}

func (d *decoder) refs(path string, rs []ref) []string {
	if len(rs) == 0 {
		return nil
	}
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = d.ref(at(path, i), r)
	}
	return out
}

func (d *decoder) note(path string, n wireNote) Note {
	return Note{Text: d.text(path+".text", n.Text), Basis: fromBasis(n.Basis)}
}

func fromBasis(b basis) Basis { return Basis{Cite: b.cite, Sources: b.sources} }

// alloc returns a slice of n elements, nil for none (as msgp decodes).
func alloc[T any](n int) []T {
	if n == 0 {
		return nil
	}
	return make([]T, n)
}

func fromWire(w *wire) (*Story, error) {
	toks, err := parseTokenTable(w.Tokens)
	if err != nil {
		return nil, err
	}
	if len(w.Paragraphs)%2 != 0 {
		return nil, fmt.Errorf("paragraph table has an odd number of bytes (%d)", len(w.Paragraphs))
	}
	s := &Story{Version: w.Version}
	s.Paragraphs = alloc[Paragraph](len(w.Paragraphs) / 2)
	for i := range s.Paragraphs {
		s.Paragraphs[i] = Paragraph{Speaker: Speaker(w.Paragraphs[2*i]), Section: w.Paragraphs[2*i+1]}
	}
	s.Sources = alloc[Source](len(w.Sources))
	for i, x := range w.Sources {
		s.Sources[i] = Source(x)
	}
	// Ids come first, so that references may point forward.
	s.Lines = alloc[Line](len(w.Lines))
	s.Actors = alloc[Actor](len(w.Actors))
	s.Relations = alloc[Relation](len(w.Relations))
	s.Markets = alloc[Market](len(w.Markets))
	s.Flows = alloc[Flow](len(w.Flows))
	s.Contrasts = alloc[Contrast](len(w.Contrasts))
	s.Logic = alloc[Logic](len(w.Logic))
	s.Figures = alloc[Figure](len(w.Figures))
	s.Quotes = alloc[Quote](len(w.Quotes))
	s.Scenes = alloc[Scene](len(w.Scenes))
	for i, x := range w.Lines {
		s.Lines[i].ID = x.ID
	}
	for i, x := range w.Actors {
		s.Actors[i].ID = x.ID
	}
	for i, x := range w.Relations {
		s.Relations[i].ID = x.ID
	}
	for i, x := range w.Markets {
		s.Markets[i].ID = x.ID
	}
	for i, x := range w.Flows {
		s.Flows[i].ID = x.ID
	}
	for i, x := range w.Contrasts {
		s.Contrasts[i].ID = x.ID
	}
	for i, x := range w.Logic {
		s.Logic[i].ID = x.ID
	}
	for i, x := range w.Figures {
		s.Figures[i].ID = x.ID
	}
	for i, x := range w.Quotes {
		s.Quotes[i].ID = x.ID
	}
	for i, x := range w.Scenes {
		s.Scenes[i].ID = x.ID
	}
	d := &decoder{x: newExpander(toks), ids: elementIDs(s)}

	m := w.Meta
	s.Meta = Meta{
		Title: d.text("meta.title", m.Title), Outlet: d.text("meta.outlet", m.Outlet),
		Byline: d.text("meta.byline", m.Byline), Interviewee: d.text("meta.interviewee", m.Interviewee),
		Headline: d.text("meta.headline", m.Headline), Published: d.text("meta.published", m.Published),
		Note: d.text("meta.note", m.Note), Licence: d.text("meta.licence", m.Licence),
		Basis: fromBasis(m.Basis), Credit: m.Credit,
	}
	for i, x := range w.Lines {
		p := at("lines", i)
		l := &s.Lines[i]
		l.Side, l.Name = Side(x.Side), d.text(p+".name", x.Name)
		l.Goal, l.Metaphor, l.Question = d.note(p+".goal", x.Goal), d.note(p+".metaphor", x.Metaphor), d.note(p+".question", x.Question)
		l.Openness, l.OpenNote = Openness(x.Openness), d.note(p+".openNote", x.OpenNote)
		l.Mode, l.ModeNote = Mode(x.Mode), d.note(p+".modeNote", x.ModeNote)
		l.Basis = fromBasis(x.Basis)
	}
	for i, x := range w.Actors {
		p := at("actors", i)
		a := &s.Actors[i]
		a.Kind, a.Line = ActorKind(x.Kind), d.ref(p+".line", x.Line)
		a.Name, a.Role = d.text(p+".name", x.Name), d.text(p+".role", x.Role)
		a.Basis, a.Quote = fromBasis(x.Basis), d.ref(p+".quote", x.Quote)
		for _, b := range x.Speaks {
			a.Speaks = append(a.Speaks, Speaker(b))
		}
	}
	for i, x := range w.Relations {
		p := at("relations", i)
		r := &s.Relations[i]
		r.Kind, r.From, r.To = RelationKind(x.Kind), d.ref(p+".from", x.From), d.ref(p+".to", x.To)
		r.Label = d.text(p+".label", x.Label)
		r.Basis, r.Quote = fromBasis(x.Basis), d.ref(p+".quote", x.Quote)
		if len(x.Fact) > 0 {
			r.Fact = d.text(p+".fact", x.Fact)
		}
	}
	for i, x := range w.Markets {
		p := at("markets", i)
		m := &s.Markets[i]
		m.Name, m.Has, m.Lacks = d.text(p+".name", x.Name), d.text(p+".has", x.Has), d.text(p+".lacks", x.Lacks)
		m.Basis, m.Quote = fromBasis(x.Basis), d.ref(p+".quote", x.Quote)
	}
	for i, x := range w.Flows {
		p := at("flows", i)
		f := &s.Flows[i]
		f.From, f.To, f.What = d.ref(p+".from", x.From), d.refs(p+".to", x.To), d.text(p+".what", x.What)
		f.Basis, f.Quote = fromBasis(x.Basis), d.ref(p+".quote", x.Quote)
	}
	for i, x := range w.Contrasts {
		p := at("contrasts", i)
		c := &s.Contrasts[i]
		c.Topic, c.US, c.CN = d.text(p+".topic", x.Topic), d.text(p+".us", x.US), d.text(p+".cn", x.CN)
		c.Basis = fromBasis(x.Basis)
	}
	for i, x := range w.Logic {
		p := at("logic", i)
		l := &s.Logic[i]
		l.Market, l.Kind = CapitalSide(x.Market), LogicKind(x.Kind)
		l.From, l.To, l.Text = d.text(p+".from", x.From), d.text(p+".to", x.To), d.text(p+".text", x.Text)
		l.Basis = fromBasis(x.Basis)
	}
	for i, x := range w.Figures {
		p := at("figures", i)
		f := &s.Figures[i]
		f.Value, f.Max, f.Qualifier = float64(x.Value), float64(x.Max), Qualifier(x.Qualifier)
		f.Unit, f.Label = d.text(p+".unit", x.Unit), d.text(p+".label", x.Label)
		f.Basis = fromBasis(x.Basis)
	}
	for i, x := range w.Quotes {
		p := at("quotes", i)
		q := &s.Quotes[i]
		q.Speaker, q.Text, q.Basis = d.ref(p+".speaker", x.Speaker), d.text(p+".text", x.Text), fromBasis(x.Basis)
	}
	for i, x := range w.Scenes {
		p := at("scenes", i)
		sc := &s.Scenes[i]
		sc.Title, sc.Caption, sc.Notes = d.text(p+".title", x.Title), d.text(p+".caption", x.Caption), d.text(p+".notes", x.Notes)
		sc.Seconds = x.Seconds
		sc.Shows, sc.Emphasis = d.refs(p+".shows", x.Shows), d.refs(p+".emphasis", x.Emphasis)
		sc.Basis = fromBasis(x.Basis)
		sc.Short = d.optText(p+".short", x.Short)
		sc.Form = d.form(p+".form", x.Form)
	}
	if d.err != nil {
		return nil, d.err
	}
	return s, nil
}

// Forms (issue 8).

func (d *decoder) optText(path string, b wireText) Text {
	if len(b) == 0 {
		return Text{}
	}
	return d.text(path, b)
}

func (e *encoder) form(f Form) wireForm {
	w := wireForm{Name: f.Name, Marks: e.refs(f.Marks), From: num(f.From), To: num(f.To)}
	for _, n := range f.Notes {
		w.Notes = append(w.Notes, wireFormNote{On: e.ref(n.On), Text: e.text(n.Text)})
	}
	return w
}

func (d *decoder) form(path string, w wireForm) Form {
	f := Form{Name: w.Name, Marks: d.refs(path+".marks", w.Marks), From: float64(w.From), To: float64(w.To)}
	for i, n := range w.Notes {
		p := fmt.Sprintf("%s.notes[%d]", path, i)
		f.Notes = append(f.Notes, FormNote{On: d.ref(p+".on", n.On), Text: d.text(p+".text", n.Text)})
	}
	return f
}

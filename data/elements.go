package data

// Kind names a kind of element. The order is the canonical one: the wire
// form counts references in it, the validator defines ids in it.
type Kind uint8

const (
	KindLine Kind = iota
	KindActor
	KindRelation
	KindMarket
	KindFlow
	KindContrast
	KindLogic
	KindFigure
	KindQuote
	KindScene
)

// kinds gives each Kind its word and the list it lives in, in the source.
var kinds = [...]struct{ word, list string }{
	{"line", "lines"}, {"actor", "actors"}, {"relation", "relations"}, {"market", "markets"},
	{"flow", "flows"}, {"contrast", "contrasts"}, {"logic", "logic"}, {"figure", "figures"},
	{"quote", "quotes"}, {"scene", "scenes"},
}

func (k Kind) String() string { return kinds[k].word }

// Element is a uniform view of one element of any kind: enough to find,
// list, cite and reference it without a switch on its type.
type Element struct {
	ID    string
	Kind  Kind
	Index int    // in its kind's list
	Basis *Basis // where it comes from
}

// Path is the element's place in the source, e.g. "actors[3]".
func (e Element) Path() string { return at(kinds[e.Kind].list, e.Index) }

// Elements lists every element in canonical order.
func (s *Story) Elements() []Element {
	var out []Element
	add := func(k Kind, i int, id string, b *Basis) {
		out = append(out, Element{ID: id, Kind: k, Index: i, Basis: b})
	}
	for i := range s.Lines {
		add(KindLine, i, s.Lines[i].ID, &s.Lines[i].Basis)
	}
	for i := range s.Actors {
		add(KindActor, i, s.Actors[i].ID, &s.Actors[i].Basis)
	}
	for i := range s.Relations {
		add(KindRelation, i, s.Relations[i].ID, &s.Relations[i].Basis)
	}
	for i := range s.Markets {
		add(KindMarket, i, s.Markets[i].ID, &s.Markets[i].Basis)
	}
	for i := range s.Flows {
		add(KindFlow, i, s.Flows[i].ID, &s.Flows[i].Basis)
	}
	for i := range s.Contrasts {
		add(KindContrast, i, s.Contrasts[i].ID, &s.Contrasts[i].Basis)
	}
	for i := range s.Logic {
		add(KindLogic, i, s.Logic[i].ID, &s.Logic[i].Basis)
	}
	for i := range s.Figures {
		add(KindFigure, i, s.Figures[i].ID, &s.Figures[i].Basis)
	}
	for i := range s.Quotes {
		add(KindQuote, i, s.Quotes[i].ID, &s.Quotes[i].Basis)
	}
	for i := range s.Scenes {
		add(KindScene, i, s.Scenes[i].ID, &s.Scenes[i].Basis)
	}
	return out
}

// Find returns the element with id.
func (s *Story) Find(id string) (Element, bool) {
	for _, e := range s.Elements() {
		if e.ID == id {
			return e, true
		}
	}
	return Element{}, false
}

// Name is the name of the actor, line or market with id; ok is false for an
// id that names none of them.
func (s *Story) Name(id string) (name Text, ok bool) {
	for _, a := range s.Actors {
		if a.ID == id {
			return a.Name, true
		}
	}
	for _, ln := range s.Lines {
		if ln.ID == id {
			return ln.Name, true
		}
	}
	for _, m := range s.Markets {
		if m.ID == id {
			return m.Name, true
		}
	}
	return Text{}, false
}

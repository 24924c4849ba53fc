package data

import (
	"fmt"
	"slices"
	"strings"
)

// FormNames are the scene forms the widget draws (wasm/layout registers one
// for each; its tests check that the two lists agree).
var FormNames = []string{
	"band",      // the two lines with the markets between them
	"timeline",  // a time axis along the US line, spans and ticks for dates
	"network",   // actors bound by labelled arcs above one line
	"vanishing", // one line converging on a point, contrasts along it
	"staircase", // one line climbing in steps, a mark at each step
	"diverging", // the gap widening, flows blocked, an area on one side
	"ribbons",   // one labelled flow from each line splitting into the markets
	"ranked",    // buyers → suppliers, in the order given
	"lanes",     // the band split into two lanes, one closing
	"arrows",    // from → to shifts, one arrow each
	"legs",      // two legs standing from one market
	"waffle",    // a count drawn as cells, one part filled
}

// Slots of a form, in columns (two per CJK character).
const (
	SlotFormNote = 40  // an annotation on the stage
	SlotDekShort = 150 // a scene's short caption
	maxFormNotes = 3   // annotations a stage carries
)

// forms checks every scene's form and short caption: a known form name,
// marks and annotations that the scene shows, at most three annotations of
// a few words, and, for a timeline, a span of years.
func (v *validator) forms() {
	for i, sc := range v.s.Scenes {
		path := at("scenes", i) + ".form"
		f := sc.Form
		shows := map[string]bool{}
		for _, id := range sc.Shows {
			shows[id] = true
		}
		// No name is the first form, the plain band.
		if f.Name != "" && !slices.Contains(FormNames, f.Name) {
			v.errf(path+".name", "unknown form %q (known: %s)", f.Name, strings.Join(FormNames, ", "))
		}
		seen := map[string]bool{}
		for j, id := range f.Marks {
			p := fmt.Sprintf("%s.marks[%d]", path, j)
			if seen[id] {
				v.errf(p, "%q listed twice", id)
			}
			seen[id] = true
			if !shows[id] {
				v.errf(p, "%q is a mark of the form but the scene does not show it", id)
			}
		}
		if len(f.Notes) > maxFormNotes {
			v.errf(path+".notes", "%d annotations; a stage carries at most %d (the rest belong in cards)", len(f.Notes), maxFormNotes)
		}
		for j, n := range f.Notes {
			p := fmt.Sprintf("%s.notes[%d]", path, j)
			if !shows[n.On] {
				v.errf(p+".on", "annotation on %q, which the scene does not show", n.On)
			}
			v.text(p+".text", n.Text, SlotFormNote)
		}
		if f.Name == "timeline" && !(f.From > 0 && f.From < f.To) {
			v.errf(path, "a timeline needs from < to (years), got %v–%v", f.From, f.To)
		}
		if f.Name == "waffle" {
			v.waffle(path, f)
		}
		if f.Name != "timeline" && (f.From != 0 || f.To != 0) {
			v.errf(path, "from/to are for a timeline, not a %s", f.Name)
		}
		if sc.Short != (Text{}) {
			p := at("scenes", i) + ".short"
			v.text(p, sc.Short, SlotDekShort)
			if Columns(sc.Short.En) >= Columns(sc.Caption.En) || Columns(sc.Short.Zh) >= Columns(sc.Caption.Zh) {
				v.errf(p, "the short caption is not shorter than the caption")
			}
		}
	}
}

// waffle checks that a waffle has its count: two figures among its marks,
// the whole (positive) and then its part (no larger), or the form draws no
// grid.
func (v *validator) waffle(path string, f Form) {
	var figs []Figure
	for _, id := range f.Marks {
		if e, ok := v.s.Find(id); ok && e.Kind == KindFigure {
			figs = append(figs, v.s.Figures[e.Index])
		}
	}
	switch {
	case len(figs) < 2:
		v.errf(path+".marks", "a waffle needs two figures among its marks, the whole and then its part; it lists %d", len(figs))
	case !(figs[0].Value > 0 && figs[1].Value <= figs[0].Value):
		v.errf(path+".marks", "a waffle's whole %q (%v) must be positive and its part %q (%v) no larger", figs[0].ID, figs[0].Value, figs[1].ID, figs[1].Value)
	}
}

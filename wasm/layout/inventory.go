package layout

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/parallel-lines/widget/data"
)

// The text inventory: every string the canvas can draw, from the story and
// from the layout's own words, in both languages, each with whether it can
// be set in bold. The font subset is built from it (see build/inventory and
// the Makefile's FONT_TEXT): every character in the regular weight, and in
// the bold weight only the characters of bold strings, which are far fewer.
// Tests fail when the shipped font lacks a character of it, and when a run
// the layout draws in bold has a character the bold subset lacks (a bold
// string this file misses).

// numberChars are what numbers and composed lines add to the words: digits,
// separators, units' punctuation, the counter's slash, arrows and quotes;
// zhNumberChars the full-width punctuation that only Chinese lines add.
const (
	numberChars   = "0123456789,.+–-—/:·“”‘’\"'…→=%() "
	zhNumberChars = "：、，。（）"
)

// Entry is one string of the inventory. Every string can be drawn in the
// regular weight; Bold says it can be drawn in bold as well. En says the
// English view can draw it, EnBold that the English view can set it in
// bold: the font's base subset, embedded in the wasm, holds the characters
// of En entries (in bold, those of EnBold ones); the rest are fetched only
// for the Chinese view (build/fontsubset).
type Entry struct {
	Text       string
	Bold       bool
	En, EnBold bool
}

// Words returns the layout's own words (card kickers, kinds, control
// labels, lane names, formats), in both languages.
func Words() []string {
	var out []string
	for _, e := range words() {
		out = append(out, e.Text)
	}
	return out
}

// words is Words with each string's view: a data.Text's En is drawn by the
// English view, the counter and the number characters by both.
func words() []Entry {
	var out []Entry
	add := func(ts ...data.Text) {
		for _, t := range ts {
			out = append(out, Entry{Text: t.Zh}, Entry{Text: t.En, En: true})
		}
	}
	for _, t := range kindWords {
		add(t)
	}
	add(actorWords...)
	add(relationWords...)
	add(speakerWords...)
	add(hasWord, lacksWord, inWord, MoreText, PrevLabel, NextLabel, SceneLabel, LangLabel, LangText, MotionLabel)
	add(laneWords[:]...)
	add(data.Text{Zh: "约 ", En: "about "})
	out = append(out, Entry{Text: Counter, En: true}, Entry{Text: numberChars, En: true}, Entry{Text: zhNumberChars})
	return out
}

// BoldText returns every string the layout can set in bold, in both
// languages: what each frame.Bold in this package is given. Keep it next to
// them: a bold string missing here has no bold glyphs in the font, which
// TestBoldRunsHaveBoldGlyphs (wasm/widget) catches over the screen grid.
func BoldText(s *data.Story) []string {
	return append(boldText(s, Zh), boldText(s, En)...)
}

// boldText is BoldText in the view of language l.
func boldText(s *data.Story, l Lang) []string {
	var out []string
	{
		add := func(ts ...data.Text) {
			for _, t := range ts {
				out = append(out, l.Pick(t))
			}
		}
		for _, sc := range s.Scenes {
			add(sc.Title) // the header
			for _, n := range sc.Form.Notes {
				add(n.Text) // annotations (placer.note, the waffle's)
			}
		}
		// Names on the stage: line headings, nodes, chips (placer.name).
		for _, x := range s.Lines {
			add(x.Name)
		}
		for _, x := range s.Actors {
			add(x.Name)
		}
		for _, x := range s.Markets {
			add(x.Name)
		}
		// Contrast topics. The ribbons' offers are a flow's words or the
		// sides of the contrast they carry (placer.offerWording), one that
		// a ribbons scene lists (carriedRow takes the last shown).
		for _, x := range s.Contrasts {
			add(x.Topic)
		}
		for _, x := range s.Flows {
			add(x.What)
		}
		for _, sc := range s.Scenes {
			if sc.Form.Name != "ribbons" {
				continue
			}
			for _, id := range append(sc.Form.Marks, sc.Shows...) {
				if e, ok := s.Find(id); ok && e.Kind == data.KindContrast {
					add(s.Contrasts[e.Index].US, s.Contrasts[e.Index].CN)
				}
			}
		}
		for _, x := range s.Logic {
			add(x.To) // the shifts' new criteria and the legs
		}
		// Figure values (waffle, cards) and the timeline's years.
		for _, f := range s.Figures {
			out = append(out, FigureValue(f, l), strconv.FormatFloat(f.Value, 'f', 0, 64))
		}
		// Card titles, composed as PlaceCard is given them, and the More
		// card's (DescribeMore).
		for _, e := range s.Elements() {
			if c, ok := Describe(s, e.ID, l); ok {
				out = append(out, c.Title)
			}
		}
		add(kindWords["more"])
		add(laneWords[:]...)
		add(LangText) // the language control, drawn by the widget's chrome
		for i := range len(s.Scenes) {
			out = append(out, fmt.Sprintf(Counter, i+1, len(s.Scenes)))
		}
	}
	return out
}

// Inventory returns every string of the story and the layout's words,
// sorted and without repeats, each marked bold if BoldText has it and En if
// the English view can draw it; extra adds a caller's own (the widget's).
// Of the story's strings, a data.Text's Zh is drawn by the Chinese view
// only; every other string (En, and a string outside a data.Text) may be
// drawn by the English view.
func Inventory(s *data.Story, extra ...Entry) []Entry {
	seen := map[string]Entry{}
	add := func(e Entry) {
		if e.Text != "" {
			o := seen[e.Text]
			seen[e.Text] = Entry{Text: e.Text, Bold: o.Bold || e.Bold, En: o.En || e.En, EnBold: o.EnBold || e.EnBold}
		}
	}
	for _, l := range []Lang{Zh, En} {
		for _, x := range boldText(s, l) {
			add(Entry{Text: x, Bold: true, En: l == En, EnBold: l == En}) // composed strings (card titles, values) too
		}
	}
	// A card shows its title in the other language too (Content.Other):
	// the Chinese names on English cards are the English view's.
	for _, l := range []Lang{Zh, En} {
		for _, e := range s.Elements() {
			if c, ok := Describe(s, e.ID, l); ok {
				add(Entry{Text: c.Other, En: l == En})
			}
		}
	}
	textType := reflect.TypeOf(data.Text{})
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			add(Entry{Text: v.String(), En: true})
		case reflect.Struct:
			if v.Type() == textType {
				t := v.Interface().(data.Text)
				add(Entry{Text: t.Zh})
				add(Entry{Text: t.En, En: true})
				return
			}
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		}
	}
	walk(reflect.ValueOf(s))
	for _, e := range append(words(), extra...) {
		e.EnBold = e.EnBold || e.Bold && e.En
		add(e)
	}
	out := make([]Entry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Text < out[j].Text })
	return out
}

// InventoryHeader is the first line of the inventory file.
const InventoryHeader = "Generated by build/inventory from wasm/widget.Inventory; DO NOT EDIT. Next: every character (regular), then after \"bold\" and a tab the characters also set in bold, then after \"en\" and \"en bold\" those the English view draws."

// InventoryFile is the file form of an inventory that build/fontsubset
// reads: the header, the distinct characters of all entries, sorted, a
// line "bold\t" followed by those of the bold entries, and the same two
// for the entries the English view draws, after "en\t" and "en bold\t".
func InventoryFile(es []Entry) string {
	var all, bold, en, enBold []string
	for _, e := range es {
		all = append(all, e.Text)
		if e.Bold {
			bold = append(bold, e.Text)
		}
		if e.En {
			en = append(en, e.Text)
		}
		if e.EnBold {
			enBold = append(enBold, e.Text)
		}
	}
	return InventoryHeader + "\n" + chars(all) + "\nbold\t" + chars(bold) + "\nen\t" + chars(en) + "\nen bold\t" + chars(enBold) + "\n"
}

// chars is the distinct printing characters of ss, sorted.
func chars(ss []string) string {
	set := map[rune]bool{}
	for _, s := range ss {
		for _, r := range s {
			if r > ' ' {
				set[r] = true
			}
		}
	}
	rs := make([]rune, 0, len(set))
	for r := range set {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	var b strings.Builder
	for _, r := range rs {
		b.WriteRune(r)
	}
	return b.String()
}

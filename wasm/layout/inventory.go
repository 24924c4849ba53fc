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
// separators, units' punctuation, the counter's slash, arrows and quotes.
const numberChars = "0123456789,.+–-—/:：·、，。“”‘’\"'…→=%() （）"

// Entry is one string of the inventory. Every string can be drawn in the
// regular weight; Bold says it can be drawn in bold as well.
type Entry struct {
	Text string
	Bold bool
}

// Words returns the layout's own words (card kickers, kinds, control
// labels, lane names, formats), in both languages.
func Words() []string {
	var out []string
	add := func(ts ...data.Text) {
		for _, t := range ts {
			out = append(out, t.Zh, t.En)
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
	out = append(out, Counter, numberChars)
	return out
}

// BoldText returns every string the layout can set in bold, in both
// languages: what each frame.Bold in this package is given. Keep it next to
// them: a bold string missing here has no bold glyphs in the font, which
// TestBoldRunsHaveBoldGlyphs (wasm/widget) catches over the screen grid.
func BoldText(s *data.Story) []string {
	var out []string
	for _, l := range []Lang{Zh, En} {
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
// sorted and without repeats, each marked bold if BoldText has it; extra
// adds a caller's own (the widget's).
func Inventory(s *data.Story, extra ...Entry) []Entry {
	bold := map[string]bool{}
	for _, x := range BoldText(s) {
		bold[x] = true
	}
	for _, e := range extra {
		if e.Bold {
			bold[e.Text] = true
		}
	}
	seen := map[string]bool{}
	add := func(x string) {
		if x != "" {
			seen[x] = true
		}
	}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			add(v.String())
		case reflect.Struct:
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
	for _, w := range Words() {
		add(w)
	}
	for x := range bold { // composed strings (card titles, values) too
		add(x)
	}
	for _, e := range extra {
		add(e.Text)
	}
	out := make([]Entry, 0, len(seen))
	for x := range seen {
		out = append(out, Entry{Text: x, Bold: bold[x]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Text < out[j].Text })
	return out
}

// InventoryHeader is the first line of the inventory file.
const InventoryHeader = "Generated by build/inventory from wasm/widget.Inventory; DO NOT EDIT. Next: every character (regular), then after \"bold\" and a tab the characters also set in bold."

// InventoryFile is the file form of an inventory that build/fontsubset
// reads: the header, the distinct characters of all entries, sorted, and a
// line "bold\t" followed by those of the bold entries.
func InventoryFile(es []Entry) string {
	var all, bold []string
	for _, e := range es {
		all = append(all, e.Text)
		if e.Bold {
			bold = append(bold, e.Text)
		}
	}
	return InventoryHeader + "\n" + chars(all) + "\nbold\t" + chars(bold) + "\n"
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

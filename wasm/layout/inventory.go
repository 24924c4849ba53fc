package layout

import (
	"reflect"
	"sort"

	"github.com/parallel-lines/widget/data"
)

// The text inventory: every string the canvas can draw, from the story and
// from the layout's own words, in both languages. The font subset is built
// from it (see build/inventory and the Makefile's FONT_TEXT), and a test
// fails when the shipped font lacks any character of it.

// numberChars are what numbers and composed lines add to the words: digits,
// separators, units' punctuation, the counter's slash, arrows and quotes.
const numberChars = "0123456789,.+–-—/:：·、，。“”‘’\"'…→=%() （）"

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

// Inventory returns every string of the story and the layout's words,
// sorted and without repeats; extra adds a caller's own (the widget's).
func Inventory(s *data.Story, extra ...string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(x string) {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
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
	for _, w := range extra {
		add(w)
	}
	sort.Strings(out)
	return out
}

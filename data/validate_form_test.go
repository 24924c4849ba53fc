package data

import (
	"strings"
	"testing"
)

// Every rule of a scene's form is reported where it is broken, all at once.
func TestFormProblems(t *testing.T) {
	s := validStory()
	sc := &s.Scenes[0]
	shown := sc.Shows[0]
	sc.Form = Form{
		Name:  "spiral",
		Marks: []string{shown, shown, "ghost"},
		Notes: []FormNote{{On: shown, Text: txt("注", "a note")}, {On: "nowhere", Text: txt("注", "")},
			{On: shown, Text: txt("注", "c")}, {On: shown, Text: txt("注", "d")}},
		From: 1900,
	}
	sc.Short = sc.Caption
	want := []string{
		`scenes[0].form.name: unknown form "spiral"`,
		`scenes[0].form.marks[1]: "` + shown + `" listed twice`,
		`scenes[0].form.marks[2]: "ghost" is a mark of the form but the scene does not show it`,
		`scenes[0].form.notes: 4 annotations`,
		`scenes[0].form.notes[1].on: annotation on "nowhere"`,
		`scenes[0].form.notes[1].text.en: missing English text`,
		`scenes[0].form: from/to are for a timeline`,
		`scenes[0].short: the short caption is not shorter`,
	}
	got := Validate(s)
	for _, w := range want {
		found := false
		for _, p := range got {
			found = found || strings.HasPrefix(p.String(), w)
		}
		if !found {
			t.Errorf("missing %q in %v", w, got)
		}
	}
	sc.Form = Form{Name: "timeline", From: 2000, To: 1900}
	sc.Short = Text{}
	got = Validate(s)
	if len(got) != 1 || !strings.Contains(got[0].String(), "a timeline needs from < to") {
		t.Errorf("timeline span: got %v", got)
	}
}

// A waffle without its count (two figures, the whole then its part) is
// reported, since it would draw no grid.
func TestWaffleNeedsItsCount(t *testing.T) {
	s := validStory()
	sc := &s.Scenes[0]
	var notFigure string
	for _, id := range sc.Shows {
		if e, ok := s.Find(id); ok && e.Kind != KindFigure {
			notFigure = id
			break
		}
	}
	sc.Form = Form{Name: "waffle", Marks: []string{notFigure}}
	got := Validate(s)
	if len(got) != 1 || !strings.Contains(got[0].String(), "a waffle needs two figures among its marks") {
		t.Errorf("waffle without figures: got %v", got)
	}
}

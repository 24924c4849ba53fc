package layout_test

import (
	"strings"
	"testing"

	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

// The annotation layer: a dek of at most two lines at 1280×720 (four on a
// phone), at most three annotations, at most four type sizes; and, logged
// for the record, how many words the stage carries.
func TestAnnotationLayer(t *testing.T) {
	s := layouttest.Story(t)
	fonts := measurers(t)["font"]
	for _, c := range []struct {
		scr   layout.Screen
		lines int
	}{{layout.Screen{W: 1280, H: 720, Scale: 1}, 2}, {layout.Screen{W: 780, H: 1688, Scale: 2}, 4}} {
		for i, sc := range s.Scenes {
			for _, lang := range []layout.Lang{layout.Zh, layout.En} {
				l := layout.Place(s, i, c.scr, lang, fonts)
				dek, notes, sizes, words := 0, map[string]bool{}, map[float64]bool{}, 0
				for _, r := range l.Runs {
					sizes[r.Size] = true
					switch {
					case r.Role == layout.Caption && r.Box.Y < l.Stage.Y:
						dek++
					case r.Role == layout.Note:
						notes[r.Owner] = true
					}
					if r.Box.Y >= l.Stage.Y && r.Box.Y < l.Stage.Y+l.Stage.H && r.Role != layout.Heading {
						words += len(strings.Fields(r.Text))
					}
				}
				for _, k := range l.Controls {
					if k.Text != "" {
						sizes[k.TextSz] = true
					}
				}
				if dek > c.lines {
					t.Errorf("%v %s %d: the dek takes %d lines, at most %d", c.scr, sc.ID, lang, dek, c.lines)
				}
				if len(notes) > 3 {
					t.Errorf("%v %s %d: %d annotations, at most 3", c.scr, sc.ID, lang, len(notes))
				}
				if len(sizes) > 4 {
					t.Errorf("%v %s %d: %d type sizes, at most 4: %v", c.scr, sc.ID, lang, len(sizes), sizes)
				}
				if lang == layout.En && c.scr.W == 1280 {
					t.Logf("%-12s form %-9s words on the stage: %d, dek lines %d, left to cards %d", sc.ID, l.Form, words, dek, len(l.Folded))
				}
			}
		}
	}
}

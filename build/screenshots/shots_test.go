package main

import "testing"

func TestPlan(t *testing.T) {
	shots := plan([]string{"two-lines", "software"})
	if want := 2 * len(langs) * len(viewports); len(shots) != want {
		t.Fatalf("%d shots, want %d", len(shots), want)
	}
	names := map[string]bool{}
	for i, s := range shots {
		if names[s.fileName()] {
			t.Errorf("file name %s twice", s.fileName())
		}
		names[s.fileName()] = true
		// Grouped by viewport: it changes once, not per shot.
		if i > 0 && s.view != shots[i-1].view && s.view == shots[0].view {
			t.Errorf("viewport %v comes back at shot %d", s.view, i)
		}
	}
	if got, want := shots[0].fileName(), "two-lines-zh-1280x720.png"; got != want {
		t.Errorf("first file %s, want %s", got, want)
	}
	if got, want := shots[len(shots)-1].fileName(), "software-en-390x844.png"; got != want {
		t.Errorf("last file %s, want %s", got, want)
	}
	if got, want := shots[1].path(), "/?scene=two-lines&lang=en"; got != want {
		t.Errorf("path %s, want %s", got, want)
	}
}

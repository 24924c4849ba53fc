package widget

import (
	"reflect"
	"testing"

	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

// The scenes next to the current one can be laid out ahead, and a step
// into one of them then shows exactly the layout made on the spot.
func TestAheadLaysOutTheNextScenes(t *testing.T) {
	s := layouttest.Story(t)
	w := New(s, mono{}, screen, layout.En, 2)
	settle(w)
	jobs := w.Ahead()
	var scenes []int
	for _, j := range jobs {
		scenes = append(scenes, j.key.scene)
		w.Keep(j.Run())
	}
	if want := []int{3, 1}; !reflect.DeepEqual(scenes, want) {
		t.Fatalf("ahead of scene 2: scenes %v, want %v", scenes, want)
	}
	if more := w.Ahead(); len(more) != 0 {
		t.Errorf("after Keep, %d scenes are still to lay out", len(more))
	}
	w.Go(3)
	if want := layout.Place(s, 3, screen, layout.En, mono{}); !reflect.DeepEqual(w.target, want) {
		t.Error("the kept layout differs from one made on the spot")
	}
	// At the end of the story only the scene before is ahead.
	w.Go(len(s.Scenes) - 1)
	if jobs := w.Ahead(); len(jobs) != 1 || jobs[0].key.scene != len(s.Scenes)-2 {
		t.Errorf("at the last scene, ahead: %v", jobs)
	}
}

// A layout made for another screen or language is never shown.
func TestKeepDropsLayoutsForAnotherScreen(t *testing.T) {
	s := layouttest.Story(t)
	w := New(s, mono{}, screen, layout.En, 0)
	jobs := w.Ahead()
	w.Resize(layout.Screen{W: 800, H: 600, Scale: 1})
	for _, j := range jobs {
		w.Keep(j.Run())
	}
	w.Go(1)
	if want := layout.Place(s, 1, w.scr, layout.En, mono{}); !reflect.DeepEqual(w.target, want) {
		t.Error("a layout for the old screen was shown after a resize")
	}
	w.SetLang(layout.Zh)
	if want := layout.Place(s, 1, w.scr, layout.Zh, mono{}); !reflect.DeepEqual(w.target, want) {
		t.Error("a layout in the old language was kept")
	}
}

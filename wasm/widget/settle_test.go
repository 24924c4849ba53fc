package widget

import (
	"reflect"
	"testing"

	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

// settleBound is the most ticks any scene may take to come to rest: the
// longer of a transition (moveTicks, 700 ms) and the particles' fixed run
// (particleLife, 8 s), which both start when a scene opens and run side by
// side. The host asks for frames only while Animating is true and reports
// data-widget-motion="still" when it turns false, so this is also the bound
// on how long the page reports "moving" after a scene opens (at 60 ticks a
// second; the app advances at most 6 ticks a frame, so a loaded machine
// needs at least settleBound/6 = 80 drawn frames).
const settleBound = max(moveTicks, particleLife)

// Every scene, entered from the scene before it and from the one after it,
// in both languages and with motion on and reduced, reaches a still frame
// within settleBound ticks, and a still frame stays still: more ticks draw
// exactly the same picture.
func TestEveryScenesSettles(t *testing.T) {
	s := layouttest.Story(t)
	scrs := []layout.Screen{screen, {W: 390, H: 844, Scale: 2}}
	longest := 0
	for i := range s.Scenes {
		for _, from := range []int{i - 1, i + 1} {
			if from < 0 || from >= len(s.Scenes) {
				continue
			}
			for _, scr := range scrs {
				for _, lang := range []layout.Lang{layout.En, layout.Zh} {
					for _, reduce := range []bool{false, true} {
						w := New(s, mono{}, scr, lang, from)
						w.SetReducedMotion(reduce)
						settle(w)
						w.Go(i)
						if !w.Animating() {
							t.Fatalf("%s → %s: entering a scene started no transition", s.Scenes[from].ID, s.Scenes[i].ID)
						}
						n := 0
						for w.Animating() && n <= settleBound {
							w.Tick(1)
							n++
						}
						if w.Animating() {
							t.Fatalf("%s → %s (%dx%d %v, reduced %v): still moving after %d ticks",
								s.Scenes[from].ID, s.Scenes[i].ID, scr.W, scr.H, lang, reduce, n)
						}
						longest = max(longest, n)
						still := w.Frame()
						w.Tick(TPS)
						if !reflect.DeepEqual(still, w.Frame()) {
							t.Fatalf("%s → %s (%dx%d %v, reduced %v): the frame changes after the widget reported rest",
								s.Scenes[from].ID, s.Scenes[i].ID, scr.W, scr.H, lang, reduce)
						}
					}
				}
			}
		}
	}
	t.Logf("the slowest scene came to rest after %d ticks (bound %d)", longest, settleBound)
}

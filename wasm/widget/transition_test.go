package widget

import (
	"math"
	"reflect"
	"testing"

	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

func lineAt(s snapshot, id string) []frame.Point {
	for _, it := range s.items {
		if it.ID == id {
			return it.Pts
		}
	}
	return nil
}

// Between two scenes, what persists moves: each line's points travel from
// their old shape to the new one in small steps (no jump), within about
// 700 ms, and arrive exactly.
func TestPersistingLinesMoveNotJump(t *testing.T) {
	s := layouttest.Story(t)
	for i := 1; i < len(s.Scenes); i++ {
		w := New(s, mono{}, screen, layout.En, i-1)
		settle(w)
		from := lineAt(w.current(), "us")
		w.Go(i)
		to := lineAt(fromLayout(&w.target), "us")
		travel := 0.0
		for k := range from {
			travel = math.Max(travel, dist(from[k], to[k]))
		}
		if w.dur > TPS*7/10 {
			t.Fatalf("a transition takes %d ticks, more than 700 ms", w.dur)
		}
		prev := from
		mid := false
		for w.tick < w.dur {
			w.Tick(1)
			cur := lineAt(w.current(), "us")
			step := 0.0
			for k := range cur {
				step = math.Max(step, dist(prev[k], cur[k]))
				if d := dist(cur[k], from[k]); d > 1 && dist(cur[k], to[k]) > 1 {
					mid = true
				}
			}
			if travel > 0 && step > travel*0.12+0.5 {
				t.Fatalf("%s → %s: the US line jumps %.1f px in one tick (of %.1f in all)", s.Scenes[i-1].ID, s.Scenes[i].ID, step, travel)
			}
			prev = cur
		}
		if travel > 4 && !mid {
			t.Errorf("%s → %s: the US line never stood between its two shapes", s.Scenes[i-1].ID, s.Scenes[i].ID)
		}
		if got := lineAt(w.current(), "us"); !reflect.DeepEqual(got, to) {
			t.Errorf("%s → %s: the US line did not land on its new shape", s.Scenes[i-1].ID, s.Scenes[i].ID)
		}
	}
}

func dist(a, b frame.Point) float64 { return math.Hypot(float64(a.X-b.X), float64(a.Y-b.Y)) }

// With reduced motion nothing travels (things cross-fade where they stand)
// and the picture settles on exactly the frame that full motion reaches.
func TestReducedMotionSettlesOnTheSameFrame(t *testing.T) {
	s := layouttest.Story(t)
	for i := 1; i < len(s.Scenes); i++ {
		full := New(s, mono{}, screen, layout.En, i-1)
		calm := New(s, mono{}, screen, layout.En, i-1)
		calm.SetReducedMotion(true)
		settle(full)
		settle(calm)
		before := lineAt(calm.current(), "us")
		full.Go(i)
		calm.Go(i)
		calm.Tick(1)
		// Mid-fade, the line stands at its new shape (or fading at its
		// old), never between.
		for _, it := range calm.current().items {
			if it.ID == "us" && !reflect.DeepEqual(it.Pts, lineAt(fromLayout(&calm.target), "us")) && !reflect.DeepEqual(it.Pts, before) {
				t.Errorf("%s: with reduced motion the US line travelled", s.Scenes[i].ID)
			}
		}
		settle(full)
		settle(calm)
		full.SetReducedMotion(true) // particles off, as in the calm one
		a, b := full.Frame(), calm.Frame()
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: the settled frames differ with and without motion (%d and %d ops)", s.Scenes[i].ID, len(a.Ops), len(b.Ops))
		}
	}
}

package widget

import (
	"reflect"
	"testing"

	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

// mono is the font-free measurer the core tests use.
type mono = layouttest.Fixed

var screen = layout.Screen{W: 1280, H: 720, Scale: 1}

func settle(w *Widget) {
	for w.Animating() {
		w.Tick(1)
	}
}

func TestOpensByDrawingIn(t *testing.T) {
	w := New(layouttest.Story(t), mono{}, screen, layout.En, 0)
	if !w.Animating() {
		t.Fatal("a new widget should animate its entrance")
	}
	story := map[string]bool{}
	for _, r := range w.Layout().Runs {
		story[r.Text] = true
	}
	first := w.Frame()
	for _, op := range first.Ops {
		if op.Color.A != 0 && op.Kind == frame.Text && story[op.Text] {
			t.Fatalf("text %q visible at tick 0", op.Text)
		}
	}
	settle(w)
	last := w.Frame()
	var strokes, texts int
	for _, op := range last.Ops {
		switch op.Kind {
		case frame.Stroke:
			strokes++
		case frame.Text:
			if op.Color.A == 0 {
				t.Errorf("text %q still invisible after the entrance", op.Text)
			}
			texts++
		}
	}
	if strokes < 2 || texts < 8 {
		t.Fatalf("settled frame has %d strokes and %d texts; want both lines and the labels", strokes, texts)
	}
	if w.Animating() {
		t.Fatal("still animating after settling")
	}
}

func TestSameTicksSameFrames(t *testing.T) {
	a := New(layouttest.Story(t), mono{}, screen, layout.Zh, 0)
	b := New(layouttest.Story(t), mono{}, screen, layout.Zh, 0)
	for range 3 {
		a.Next()
		b.Next()
		for _, n := range []int{1, 7, 13} {
			a.Tick(n)
			b.Tick(n)
			if !reflect.DeepEqual(a.Frame(), b.Frame()) {
				t.Fatal("two runs with the same ticks drew different frames")
			}
		}
	}
}

// A second "next" in the middle of a transition lands cleanly on the scene
// after: exactly the picture of arriving there directly.
func TestInterruptedTransitionLandsCleanly(t *testing.T) {
	s := layouttest.Story(t)
	w := New(s, mono{}, screen, layout.En, 0)
	settle(w)
	w.Next()
	w.Tick(moveTicks / 3)
	w.Next()
	if w.Scene() != 2 {
		t.Fatalf("scene %d after two nexts, want 2", w.Scene())
	}
	settle(w)
	direct := New(s, mono{}, screen, layout.En, 2)
	settle(direct)
	if !reflect.DeepEqual(w.Frame(), direct.Frame()) {
		t.Fatal("the interrupted transition did not land on the picture of scene 2")
	}
}

func TestGoClampsAndFindsByID(t *testing.T) {
	s := layouttest.Story(t)
	w := New(s, mono{}, screen, layout.En, 99)
	if w.Scene() != len(s.Scenes)-1 {
		t.Fatalf("New(…, 99) started at scene %d", w.Scene())
	}
	w.Go(-5)
	if w.Scene() != 0 {
		t.Fatalf("Go(-5) went to %d", w.Scene())
	}
	if !w.GoID("battlefield") || w.SceneID() != "battlefield" {
		t.Fatal("GoID(battlefield) failed")
	}
	if w.GoID("nowhere") || w.SceneID() != "battlefield" {
		t.Fatal("GoID of an unknown scene moved the widget")
	}
}

func TestReducedMotionIsAShortFade(t *testing.T) {
	w := New(layouttest.Story(t), mono{}, screen, layout.En, 0)
	settle(w)
	w.SetReducedMotion(true)
	w.Next()
	w.Tick(fadeTicks)
	if w.Animating() {
		t.Fatalf("reduced motion still animating after %d ticks", fadeTicks)
	}
}

func TestResizeAtRestRedrawsAtOnce(t *testing.T) {
	w := New(layouttest.Story(t), mono{}, screen, layout.En, 0)
	settle(w)
	w.Resize(layout.Screen{W: 600, H: 900, Scale: 1})
	if w.Animating() {
		t.Fatal("a resize at rest should not animate")
	}
	f := w.Frame()
	if f.W != 600 || f.H != 900 || !w.Layout().Portrait {
		t.Fatalf("frame %dx%d portrait=%v after resize", f.W, f.H, w.Layout().Portrait)
	}
}

func countFills(f frame.List) int {
	n := 0
	for _, op := range f.Ops {
		if op.Kind == frame.Fill && op.Color.A > 0 {
			n++
		}
	}
	return n
}

// Flows carry particles for a while after their scene opens, then the
// widget comes to rest; with reduced motion there are none.
func TestParticlesRunThenStop(t *testing.T) {
	s := layouttest.Story(t)
	w := New(s, mono{}, screen, layout.En, s.SceneIndex("battlefield"))
	w.Tick(moveTicks)
	if !w.Animating() {
		t.Fatal("no particles after the transition into a scene with flows")
	}
	a := w.Frame()
	w.Tick(7)
	b := w.Frame()
	if reflect.DeepEqual(a, b) {
		t.Fatal("particles did not move between ticks")
	}
	settle(w)
	rest := countFills(w.Frame())
	if rest >= countFills(b) {
		t.Fatalf("%d fills at rest, %d with particles: particles did not stop", rest, countFills(b))
	}
	r := New(s, mono{}, screen, layout.En, s.SceneIndex("battlefield"))
	r.SetReducedMotion(true)
	r.Tick(fadeTicks)
	if r.Animating() {
		t.Fatal("reduced motion still animates particles")
	}
}

// BenchmarkFrame is the cost of one frame mid-transition, the hot path while
// the widget moves (make bench reports it; budgets are in docs).
func BenchmarkFrame(b *testing.B) {
	s := layouttest.Story(b)
	w := New(s, mono{}, screen, layout.En, s.SceneIndex("battlefield"))
	w.Tick(moveTicks / 2)
	for b.Loop() {
		_ = w.Frame()
	}
}

// BenchmarkSceneChange is the cost of laying out a new scene, paid once per
// step.
func BenchmarkSceneChange(b *testing.B) {
	s := layouttest.Story(b)
	w := New(s, mono{}, screen, layout.En, 0)
	for b.Loop() {
		w.Go((w.Scene() + 1) % w.Scenes())
	}
}

// Allocations are counted, not timed, so this budget holds on a busy
// machine. A frame mid-transition into each scene was measured (issue 8:
// the forms draw more marks, a waffle 30 cells and a staircase its eggs):
// the most was 402 (moving into battlefield: flows and their particles),
// down from 500 with the list of notes gone; the budget leaves room for a
// richer scene, not for a change that allocates per glyph or per pixel.
func TestFrameAllocationBudget(t *testing.T) {
	const budget = 600
	s := layouttest.Story(t)
	most, where := 0.0, ""
	for i := 1; i < len(s.Scenes); i++ {
		w := New(s, mono{}, screen, layout.En, i-1)
		settle(w)
		w.Go(i)
		w.Tick(moveTicks / 2)
		if n := testing.AllocsPerRun(10, func() { _ = w.Frame() }); n > most {
			most, where = n, s.Scenes[i].ID
		}
	}
	t.Logf("most allocations in a frame: %.0f, moving into %s", most, where)
	if most > budget {
		t.Fatalf("a frame moving into %s allocates %.0f times, over the budget of %d", where, most, budget)
	}
}

// Paging quickly through every scene, each press mid-transition, leaves no
// trace: the snapshot holds no more than the last two scenes.
func TestRapidPagingCarriesNothingAlong(t *testing.T) {
	s := layouttest.Story(t)
	w := New(s, mono{}, screen, layout.En, 0)
	for range 3 * len(s.Scenes) {
		w.Tick(moveTicks / 4)
		w.Go((w.Scene() + 1) % len(s.Scenes))
	}
	cur := w.current()
	limit := 0
	for _, i := range []int{w.Scene(), (w.Scene() + len(s.Scenes) - 1) % len(s.Scenes), (w.Scene() + len(s.Scenes) - 2) % len(s.Scenes)} {
		l := layout.Place(s, i, screen, layout.En, mono{})
		limit += len(l.Runs)
	}
	if len(cur.runs) > limit {
		t.Fatalf("after rapid paging the picture holds %d runs, more than the last three scenes' %d", len(cur.runs), limit)
	}
}

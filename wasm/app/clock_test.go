package app

import (
	"reflect"
	"testing"
	"time"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
	"github.com/parallel-lines/widget/wasm/typeset"
	"github.com/parallel-lines/widget/wasm/widget"
)

// A step whose frames are held for glyphs (2 s at 60 frames a second)
// plays whole once they can be drawn: the frames drawn after the hold are
// the frames of the same step never held, from its first on.
func TestHeldTransitionStartsWhenDrawn(t *testing.T) {
	fonts, err := typeset.Load(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	s := layouttest.Story(t)
	const frameTime = time.Second / 60
	run := func(heldFrames int) []frame.List {
		w := widget.New(s, fonts, screen, layout.En, 0)
		for w.Animating() { // the entrance, then the particles
			w.Tick(1)
		}
		var c clock
		now := time.Unix(0, 0)
		w.Go(1)
		var drawn []frame.List
		for i := 0; len(drawn) < 3*widget.TPS; i++ {
			now = now.Add(frameTime)
			held := i < heldFrames
			w.Tick(c.ticks(now, held))
			if !held {
				drawn = append(drawn, w.Frame())
			}
		}
		return drawn
	}
	want, got := run(0), run(2*widget.TPS)
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("drawn frame %d after a 2 s hold differs from the step's frame %d unheld: the step ran on while held", i, i)
		}
	}
	if reflect.DeepEqual(want[0], want[len(want)-1]) {
		t.Fatal("the step's first and last frames are alike: the test proves nothing")
	}
}

// The clock counts wall time in ticks, 1 to 6 a call, none on the first
// call after a rest or while held, nor for the time a hold lasted.
func TestClockTicks(t *testing.T) {
	var c clock
	t0 := time.Unix(0, 0)
	ms := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Millisecond) }
	for _, step := range []struct {
		at   int
		held bool
		want int
	}{
		{0, false, 0},    // after a rest
		{17, false, 1},   // a frame
		{20, false, 1},   // at least one
		{520, false, 6},  // a long pause is not caught up
		{540, true, 0},   // held
		{3000, true, 0},  // still held
		{3017, false, 0}, // the first frame after the hold
		{3034, false, 1}, // and on
		{3067, false, 2}, // a dropped frame is caught up
	} {
		if n := c.ticks(ms(step.at), step.held); n != step.want {
			t.Errorf("at %d ms (held %v): %d ticks, want %d", step.at, step.held, n, step.want)
		}
	}
	c.rest()
	if n := c.ticks(ms(9000), false); n != 0 {
		t.Errorf("after rest: %d ticks, want 0", n)
	}
}

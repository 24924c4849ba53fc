package app

import (
	"errors"
	"time"
	"unicode"

	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
)

// FontChunks is the Chinese glyphs' chunks and what is known of them
// (later.go says how the widget uses them). It knows neither the browser
// nor Ebitengine, so its rules are tested natively.
type FontChunks struct {
	n       int
	fetch   func(i int, later bool, done func([]byte, error))
	add     func([]byte) error
	own     func(rune, frame.Weight) bool
	merged  []bool
	asked   []bool // a fetch under way
	got     chan chunkResult
	waiting []waiter // exports waiting for every chunk (Await)
}

// chunkResult is what a fetch brings back.
type chunkResult struct {
	i   int
	b   []byte
	err error
}

// waiter is one Await: done runs once, by take.
type waiter struct {
	due  time.Time
	done func(error)
}

// NewFontChunks describes the page's n chunks: fetch asks for one (page.FontZh;
// later: when the browser is idle), add merges one into the font and own
// says whether the font has a weight's own glyph for a rune.
func NewFontChunks(n int, fetch func(int, bool, func([]byte, error)), add func([]byte) error, own func(rune, frame.Weight) bool) *FontChunks {
	n = max(n, 1)
	return &FontChunks{n: n, fetch: fetch, add: add, own: own, merged: make([]bool, n), asked: make([]bool, n), got: make(chan chunkResult, n)}
}

// Start is the chunks the opening view of scene needs: the first scene's
// own chunk, or for another scene every chunk but the rest.
func (c *FontChunks) Start(scene int) []int {
	k := 1
	if scene != 0 {
		k = max(1, c.n-1)
	}
	out := make([]int, k)
	for i := range out {
		out[i] = i
	}
	return out
}

// Wait fetches the chunks idx (the page started them beside the wasm) and
// merges those that came, in order; it returns the first error. It blocks:
// main calls it before the first frame.
func (c *FontChunks) Wait(idx []int) error {
	got := make(chan chunkResult, len(idx))
	for _, i := range idx {
		c.fetch(i, false, func(b []byte, err error) { got <- chunkResult{i, b, err} })
	}
	res := make([]chunkResult, c.n)
	for range idx {
		r := <-got
		res[r.i] = r
	}
	var first error
	for _, i := range idx {
		err := res[i].err
		if err == nil {
			if err = c.add(res[i].b); err == nil {
				c.merged[i] = true
			}
		}
		if err != nil && first == nil {
			first = err
		}
	}
	return first
}

// all reports whether every chunk is merged.
func (c *FontChunks) all() bool {
	for _, m := range c.merged {
		if !m {
			return false
		}
	}
	return true
}

// ask starts the fetch of every chunk not merged and not under way; wake
// runs when one arrives.
func (c *FontChunks) ask(later bool, wake func()) {
	for i := range c.n {
		if c.merged[i] || c.asked[i] {
			continue
		}
		c.asked[i] = true
		c.fetch(i, later, func(b []byte, err error) {
			c.got <- chunkResult{i, b, err}
			wake()
		})
	}
}

// ErrGlyphsLate is the error an Await gets when the chunks did not all
// come in time.
var ErrGlyphsLate = errors.New("the Chinese text did not load in time; try again")

// Await asks now (not at idle) for every chunk not merged and calls done
// once all are merged (nil), a fetch or merge fails (its error), or d has
// passed since now (ErrGlyphsLate). done runs from take, between frames,
// never twice; wake must bring a take about when d is up.
func (c *FontChunks) Await(now time.Time, d time.Duration, done func(error), wake func()) {
	if c.all() {
		done(nil)
		return
	}
	c.waiting = append(c.waiting, waiter{now.Add(d), done})
	c.ask(false, wake)
}

// take merges the chunks that have arrived, answers the waiters (Await),
// and returns what arrived, each result with the error that kept it out:
// the caller reports those.
func (c *FontChunks) take(now time.Time) []chunkResult {
	var out []chunkResult
	var failed error
	for {
		select {
		case r := <-c.got:
			c.asked[r.i] = false
			if r.err == nil {
				r.err = c.add(r.b)
			}
			if r.err == nil {
				c.merged[r.i] = true
			} else {
				failed = errors.New("the Chinese text could not be loaded (" + r.err.Error() + ")")
			}
			out = append(out, chunkResult{i: r.i, err: r.err})
		default:
			c.answer(now, failed)
			return out
		}
	}
}

// answer calls the waiters whose wait is over: every chunk merged, one
// failed (failed), or their time up.
func (c *FontChunks) answer(now time.Time, failed error) {
	ws := c.waiting
	c.waiting = nil // before any done, which may Await again
	for _, w := range ws {
		switch {
		case c.all():
			w.done(nil)
		case failed != nil:
			w.done(failed)
		case !now.Before(w.due):
			w.done(ErrGlyphsLate)
		default:
			c.waiting = append(c.waiting, w)
		}
	}
}

// lacks reports whether f, or l, the layout the widget is moving to, draws
// a glyph the font does not have yet: the first frames of a step still
// show only the scene it leaves, and are held too, so a step never stops
// half way. l may be nil.
func (c *FontChunks) lacks(f *frame.List, l *layout.Layout) bool {
	for i := range f.Ops {
		if op := &f.Ops[i]; op.Kind == frame.Text && !c.has(op.Text, op.Font) {
			return true
		}
	}
	if l == nil {
		return false
	}
	for i := range l.Runs {
		if r := &l.Runs[i]; !c.has(r.Text, r.Weight) {
			return true
		}
	}
	for i := range l.Controls {
		if !c.has(l.Controls[i].Text, frame.Bold) {
			return true
		}
	}
	return false
}

// has reports whether the font has every glyph s draws in weight w.
func (c *FontChunks) has(s string, w frame.Weight) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.IsControl(r) && r != '\u200b' && !c.own(r, w) {
			return false
		}
	}
	return true
}

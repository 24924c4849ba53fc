package app

import (
	"math"
	"time"

	"github.com/parallel-lines/widget/wasm/widget"
)

// clock turns the wall clock into the core's ticks. Ticks follow the wall
// clock so motion keeps its speed when frames are dropped, but a long pause
// (a hidden tab) does not jump ahead. While the frame is held for glyphs
// (later.go) no tick passes: the screen still shows the frame before, so a
// transition held there starts when its first frame is drawn and plays
// whole, instead of running on unseen and jumping to its end.
type clock struct{ last time.Time }

// ticks is how many ticks to advance at now: none after a rest or while
// held, else the wall time since the last call, from 1 to 6.
func (c *clock) ticks(now time.Time, held bool) int {
	if held {
		c.rest() // the wait is not counted either
		return 0
	}
	last := c.last
	c.last = now
	if last.IsZero() {
		return 0
	}
	n := int(math.Round(now.Sub(last).Seconds() * widget.TPS))
	return max(1, min(n, 6))
}

// rest makes the next call count from then: the clock restarts with the
// next event.
func (c *clock) rest() { c.last = time.Time{} }

//go:build js && wasm

package app

import (
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/parallel-lines/widget/wasm/internal/page"
)

// Frame timing for the benchmark (build/bench): how long Go spends in
// Update and Draw for each drawn frame, kept in a ring of the last
// timingRing frames and read by the page as
// window.parallelLines.frameTimes(): "heap=<bytes> frames=<n> us=<d>,<d>,…"
// (microseconds, oldest first; "reset" as the argument also empties the
// ring). Recording costs two clock reads per call and no allocation.
const timingRing = 8192

var timing struct {
	pending time.Duration // Update time since the last Draw
	ring    [timingRing]int32
	n       int // frames recorded since the last reset
}

// timeUpdate is deferred by Update with the time it started.
func (g *Game) timeUpdate(start time.Time) { timing.pending += time.Since(start) }

// timeDraw is deferred by Draw with the time it started: one frame's work is
// the Updates before it plus the Draw.
func (g *Game) timeDraw(start time.Time) {
	d := timing.pending + time.Since(start)
	timing.pending = 0
	timing.ring[timing.n%timingRing] = int32(min(d.Microseconds(), 1<<31-1))
	timing.n++
}

func init() {
	page.Export("frameTimes", func(arg string) any {
		var b strings.Builder
		// The heap after a collection: what the widget keeps, not garbage.
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.WriteString("heap=" + strconv.FormatUint(ms.HeapAlloc, 10))
		b.WriteString(" sys=" + strconv.FormatUint(ms.Sys, 10))
		b.WriteString(" frames=" + strconv.Itoa(timing.n) + " us=")
		first := max(0, timing.n-timingRing)
		for i := first; i < timing.n; i++ {
			if i > first {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(int(timing.ring[i%timingRing])))
		}
		if arg == "reset" {
			timing.n, timing.pending = 0, 0
		}
		return b.String()
	})
}

package widget

import (
	"fmt"
	"testing"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
	"github.com/parallel-lines/widget/wasm/typeset"
)

// BenchmarkTransitionFrames is the core's share of the Go work per frame
// that the browser benchmark measures (bench/README.md, "Go work per
// frame"): one op is one whole transition into each scene in turn, with the
// shipped font, at the two benchmark viewports, ticked as the app ticks
// (Tick then Frame, two ticks a frame). The backend's share (ebitenr) is
// not in it; it needs a browser.
func BenchmarkTransitionFrames(b *testing.B) {
	s := layouttest.Story(b)
	fonts, err := typeset.Load(assets.Font)
	if err != nil {
		b.Fatal(err)
	}
	for _, sz := range [][2]int{{1280, 720}, {3840, 2160}} {
		b.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(b *testing.B) {
			scr := layout.Screen{W: sz[0], H: sz[1], Scale: 1}
			w := New(s, fonts, scr, layout.En, 0)
			settle(w)
			frames := 0
			for b.Loop() {
				w.Go((w.Scene() + 1) % w.Scenes())
				for w.Animating() && w.tick < w.dur {
					w.Tick(2)
					_ = w.Frame()
					frames++
				}
				settle(w)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(max(1, frames)), "µs/frame")
		})
	}
}

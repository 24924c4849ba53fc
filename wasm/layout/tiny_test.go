package layout_test

import (
	"testing"

	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

// Degenerate screens lay out without panicking, and still carry both lines.
func TestDegenerateScreens(t *testing.T) {
	s := layouttest.Story(t)
	for _, scr := range []layout.Screen{{W: 1, H: 1, Scale: 1}, {W: 0, H: 0}, {W: 10, H: 4000, Scale: 0.5}, {W: 4000, H: 10, Scale: 3}, {W: 300, H: 300, Scale: 1, Present: true}} {
		for i := range s.Scenes {
			l := layout.Place(s, i, scr, layout.En, layouttest.Fixed{})
			if _, ok := l.Item("us"); !ok {
				t.Errorf("%v %s: no US line", scr, s.Scenes[i].ID)
			}
		}
	}
}

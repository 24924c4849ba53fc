package bench

import (
	"fmt"
	"time"

	"github.com/parallel-lines/widget/build/internal/browser"
)

// The 3840×2160 transitions. Under software WebGL on a busy 2-core machine
// one frame there has taken many seconds, so the 1280×720 case's waits (a
// minute for a transition to start and end) left this figure empty in
// every run. This case waits as long as largeWait for each transition and
// steps through at most largeTransitions of them, so that a run still ends
// in minutes; the frames and their Go work are recorded as at 1280×720.
const (
	largeTransitions = 3
	largeWait        = 5 * time.Minute
)

// transitionsAt is the transitions case for any viewport: the large one
// gets the patient waits above.
func (s *session) transitionsAt(w, h, n int) (ms []float64, fps float64, err error) {
	if w*h <= 1920*1080 {
		return s.transitions(w, h, n, time.Minute)
	}
	return s.transitions(w, h, min(n, largeTransitions), largeWait)
}

// floorFPS is the frame rate of the floor's busy mode (build/bench/floor/busy:
// every frame redrawn with a transition frame's load) at w×h, over a window
// after a second of warm-up: what 30 frames per second means on this
// machine and browser, measured next to the widget's transitions.
func (s *session) floorFPS(w, h int, window time.Duration, fill bool) (float64, error) {
	if err := s.b.SetViewport(w, h, 1); err != nil {
		return 0, err
	}
	defer s.b.SetViewport(browser.DefaultWidth, browser.DefaultHeight, 1)
	path := "/busy/index.html"
	if fill {
		path += "?fill" // only the screen filled: the loop and compositing alone
	}
	if err := s.open(path); err != nil {
		return 0, err
	}
	time.Sleep(time.Second)
	const expr = `[window.__bench.frames(), performance.now()]`
	a, err := browser.Eval[[]float64](s.b, expr)
	if err != nil {
		return 0, err
	}
	time.Sleep(window)
	b, err := browser.Eval[[]float64](s.b, expr)
	if err != nil {
		return 0, err
	}
	if len(a) != 2 || len(b) != 2 || b[1] <= a[1] {
		return 0, fmt.Errorf("busy floor: no time passed (%v, %v)", a, b)
	}
	if b[0] <= a[0] {
		return 0, fmt.Errorf("busy floor drew no frame in %v", window)
	}
	return (b[0] - a[0]) / ((b[1] - a[1]) / 1000), nil
}

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
		return s.transitions(w, h, n)
	}
	return s.transitionsLarge(w, h, min(n, largeTransitions))
}

func (s *session) transitionsLarge(w, h, n int) (ms []float64, fps float64, err error) {
	if err = s.b.SetViewport(w, h, 1); err != nil {
		return
	}
	defer s.b.SetViewport(browser.DefaultWidth, browser.DefaultHeight, 1)
	if err = s.b.Navigate(s.base + "/w/index.html#lang=en"); err != nil {
		return
	}
	if st, e := s.b.WaitForState(largeWait); e != nil || st != "ready" {
		return nil, 0, fmt.Errorf("opening at %dx%d: state %q: %v", w, h, st, e)
	}
	still := func() error { return s.b.WaitForAttr("data-widget-motion", "still", largeWait) }
	if err = still(); err != nil {
		return
	}
	if err = s.focus(); err != nil {
		return
	}
	if _, err = browser.Eval[int](s.b, `window.__bench.motion = [[document.documentElement.getAttribute("data-widget-motion"), performance.now(), window.__bench.frames()]], 0`); err != nil {
		return
	}
	if _, err = s.frameTimes(true); err != nil {
		return
	}
	for i := range n {
		var before float64
		if before, err = evalFloat(s, `window.__bench.motion.length`); err != nil {
			return
		}
		if err = s.b.PressKey(browser.ArrowRight); err != nil {
			return
		}
		if _, err = browser.WaitFor(s.b, largeWait, `window.__bench.motion.length`, func(l float64) bool { return l >= before+2 }); err != nil {
			return nil, 0, fmt.Errorf("waiting for transition %d at %dx%d: %w", i+1, w, h, err)
		}
		if err = still(); err != nil {
			return
		}
	}
	rec, err := s.frameTimes(false)
	if err != nil {
		return
	}
	for _, us := range rec.us {
		ms = append(ms, us/1000)
	}
	frames, dur, err := s.motionSpans()
	if dur > 0 {
		fps = frames / (dur / 1000)
	}
	return
}

package main

import (
	"fmt"
	"slices"
	"time"
)

// sceneEvent is one {"event":"scene"} message as the host page heard it:
// when (the host's clock) and which scene.
type sceneEvent struct {
	at    time.Duration
	index int
}

// schedule is how the autoplay steps kept to the plan. Step k is the scene
// of event k, shown from event k until event k+1; its dwell error is how
// much longer (+) or shorter (−) than the scene's duration that was. The
// lateness of event k is how far behind the plan it arrived, counted from
// the first event: the sum of the dwell errors before it.
//
// On a loaded machine with software WebGL a single step is often a second
// or more late (the frame that shows the new scene is slow), and the next
// is then short by as much: jitter that cancels. Autoplay that drifts (each
// deadline counted from the previous timer instead of from the start)
// instead falls further behind with every step, and its lateness grows loop
// after loop. So the verdict is on the trend of the lateness, loop by loop,
// with medians so that one slow step moves nothing; the single steps are
// reported, not judged.
type schedule struct {
	steps    int             // steps with a known dwell (all events but the last)
	errs     []time.Duration // per step: shown − intended
	late     []time.Duration // per event: lateness
	loops    []loopTiming    // the full loops, in order
	disorder string          // the first step that broke the scene order, if any
	stall    time.Duration   // the largest dwell error (a pause or a stall shows here)
}

// loopTiming is one full loop: every scene once, ending with the first.
type loopTiming struct {
	n          int           // the loop's number, from 1
	medianLate time.Duration // median lateness of its events
	meanErr    time.Duration // mean dwell error of its steps
}

// analyse computes the schedule's record from the scene events (in order,
// the first one after the start, not the ready event: the schedule counts
// the first scene from when it rested, which no event marks) and the
// intended duration of every scene.
func analyse(events []sceneEvent, intended []time.Duration) schedule {
	var s schedule
	n := len(intended)
	if len(events) == 0 || n == 0 {
		return s
	}
	var plan time.Duration // the plan's time of event k since event 0
	for k, e := range events {
		s.late = append(s.late, e.at-events[0].at-plan)
		if e.index < 0 || e.index >= n {
			if s.disorder == "" {
				s.disorder = fmt.Sprintf("event %d names scene %d of %d", k, e.index, n)
			}
			return s
		}
		plan += intended[e.index]
		if k+1 == len(events) {
			break
		}
		next := events[k+1]
		if next.index != (e.index+1)%n && s.disorder == "" {
			s.disorder = fmt.Sprintf("step %d: scene %d followed scene %d, want %d", k+1, next.index, e.index, (e.index+1)%n)
		}
		err := next.at - e.at - intended[e.index]
		s.errs = append(s.errs, err)
		s.stall = max(s.stall, err)
		s.steps++
	}
	// Loops: event k belongs to loop 1 + the number of first-scene events
	// before it, so a loop ends with the first scene; it is full when it
	// holds every scene.
	loop, from := 1, 0
	for k, e := range events {
		if e.index != 0 {
			continue
		}
		if k+1-from == n {
			lt := loopTiming{n: loop, medianLate: median(s.late[from : k+1])}
			if errs := s.errs[from:min(k+1, len(s.errs))]; len(errs) > 0 {
				var sum time.Duration
				for _, d := range errs {
					sum += d
				}
				lt.meanErr = sum / time.Duration(len(errs))
			}
			s.loops = append(s.loops, lt)
		}
		loop, from = loop+1, k+1
	}
	return s
}

// driftPerLoop is how much further behind the plan the last full loop ran
// than the first, per loop between them; ok is false with fewer than two.
func (s schedule) driftPerLoop() (d time.Duration, ok bool) {
	if len(s.loops) < 2 {
		return 0, false
	}
	a, b := s.loops[0], s.loops[len(s.loops)-1]
	return (b.medianLate - a.medianLate) / time.Duration(b.n-a.n), true
}

// errStats returns the median and the largest (by size) dwell error.
func (s schedule) errStats() (med, worst time.Duration) {
	if len(s.errs) == 0 {
		return 0, 0
	}
	for _, e := range s.errs {
		if e.Abs() > worst.Abs() {
			worst = e
		}
	}
	return median(s.errs), worst
}

func median(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	c := slices.Clone(d)
	slices.Sort(c)
	return c[len(c)/2]
}

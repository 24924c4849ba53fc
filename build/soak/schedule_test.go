package main

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// events simulates a driver of three loops of the durations d, starting at
// scene 1, whose every scene change shows up to jitter late. With chained
// set, each deadline counts from the previous (late) change, so lateness
// adds up; otherwise it counts from the start, as package autoplay does.
func simulate(d []time.Duration, loops int, jitter time.Duration, chained bool) []sceneEvent {
	rng := rand.New(rand.NewPCG(7, 13))
	var evs []sceneEvent
	var plan, last time.Duration
	for k := 0; k < loops*len(d); k++ {
		i := (k + 1) % len(d)
		late := time.Duration(rng.Int64N(int64(jitter)))
		at := plan + late
		if chained && k > 0 {
			at = last + d[(i+len(d)-1)%len(d)] + late
		}
		evs = append(evs, sceneEvent{at: at, index: i})
		plan += d[i]
		last = at
	}
	return evs
}

var durations = []time.Duration{16 * time.Second, 15 * time.Second, 18 * time.Second, 14 * time.Second}

func TestJitterIsNotDrift(t *testing.T) {
	s := analyse(simulate(durations, 3, 2*time.Second, false), durations)
	if s.disorder != "" {
		t.Fatal(s.disorder)
	}
	if len(s.loops) != 3 {
		t.Fatalf("%d full loops, want 3", len(s.loops))
	}
	d, ok := s.driftPerLoop()
	if !ok || d.Abs() > time.Second {
		t.Errorf("drift %s per loop (ok %v) from jitter of up to 2 s, want under 1 s", d, ok)
	}
	if med, worst := s.errStats(); worst.Abs() < 500*time.Millisecond || med.Abs() > time.Second {
		t.Errorf("dwell errors: median %s, worst %s; want the jitter to show in the worst", med, worst)
	}
}

func TestChainedTimersDrift(t *testing.T) {
	s := analyse(simulate(durations, 3, 400*time.Millisecond, true), durations)
	d, ok := s.driftPerLoop()
	// Four steps a loop, each ~200 ms late on average: ~800 ms a loop.
	if !ok || d < 500*time.Millisecond {
		t.Errorf("chained timers drift %s per loop (ok %v), want the ~800 ms they lose", d, ok)
	}
	if first, last := s.loops[0], s.loops[2]; last.medianLate <= first.medianLate {
		t.Errorf("lateness %s in the first loop, %s in the last: want it growing", first.medianLate, last.medianLate)
	}
}

func TestDisorderAndStall(t *testing.T) {
	evs := simulate(durations, 2, time.Millisecond, false)
	evs[3].index = 2              // a skip, as a pause and a manual step would make
	evs[5].at += 40 * time.Second // a pause
	for k := 6; k < len(evs); k++ {
		evs[k].at += 40 * time.Second
	}
	s := analyse(evs, durations)
	if !strings.Contains(s.disorder, "step 3") {
		t.Errorf("disorder %q, want step 3 named", s.disorder)
	}
	if s.stall < 39*time.Second {
		t.Errorf("stall %s, want the 40 s pause", s.stall)
	}
	if s := analyse(nil, durations); s.steps != 0 || len(s.loops) != 0 {
		t.Errorf("no events gave %+v", s)
	}
}

// Package autoplay owns the timing of autoplay and kiosk mode: which scene
// shows at a given instant, and when the next step is due, computed from
// the instant playing started and each scene's duration. Every deadline is
// the start plus a sum of durations, never the previous timer plus one
// duration, so timers that fire late (a busy page, a throttled tab) do not
// add up: after an hour the steps are where the plan puts them.
//
// It is pure: the caller passes the clock in, so the tests can run an hour
// in microseconds. A driver (a timer in the page) asks Next for the next
// deadline, sleeps until then and shows At.
package autoplay

import (
	"errors"
	"fmt"
	"time"
)

// Schedule plays scenes with fixed durations, once or in a loop. The zero
// value is not usable; use New.
type Schedule struct {
	durations []time.Duration
	total     time.Duration // one round
	loop      bool

	playing bool
	start   time.Time // when scene `from` began showing
	from    int
	paused  int // the scene shown when paused
}

// New returns a paused schedule of scenes with the given durations.
func New(durations []time.Duration, loop bool) (*Schedule, error) {
	if len(durations) == 0 {
		return nil, errors.New("autoplay: no scenes to play")
	}
	s := &Schedule{durations: append([]time.Duration(nil), durations...), loop: loop}
	for i, d := range durations {
		if d <= 0 {
			return nil, fmt.Errorf("autoplay: scene %d has duration %s, want more than 0", i, d)
		}
		s.total += d
	}
	return s, nil
}

// Fallback is the duration of a scene whose dataset gives none (the
// validator requires one; an unvalidated dataset may lack it).
const Fallback = 10 * time.Second

// Seconds turns the dataset's per-scene seconds into durations; a scene
// without one (0) gets fallback.
func Seconds(secs []uint16, fallback time.Duration) []time.Duration {
	out := make([]time.Duration, len(secs))
	for i, n := range secs {
		out[i] = time.Duration(n) * time.Second
		if n == 0 {
			out[i] = fallback
		}
	}
	return out
}

// Play starts playing at now from scene (the one on screen), which shows
// for its full duration.
func (s *Schedule) Play(now time.Time, scene int) {
	scene = min(max(scene, 0), len(s.durations)-1)
	s.playing, s.start, s.from = true, now, scene
}

// Pause stops playing at now and returns the scene then shown.
func (s *Schedule) Pause(now time.Time) int {
	if s.playing {
		s.paused, _ = s.at(now)
		s.playing = false
	}
	return s.paused
}

// Playing reports whether the schedule runs.
func (s *Schedule) Playing() bool { return s.playing }

// At returns the scene to show at now, and false once a run without loop
// has played its last scene to the end (it then stops by itself).
func (s *Schedule) At(now time.Time) (scene int, ok bool) {
	if !s.playing {
		return s.paused, true
	}
	scene, ok = s.at(now)
	if !ok {
		s.playing, s.paused = false, len(s.durations)-1
		return s.paused, false
	}
	return scene, true
}

// Next returns the deadline of the next step after now; ok is false when
// nothing is due (paused, or the run is over).
func (s *Schedule) Next(now time.Time) (deadline time.Time, ok bool) {
	if !s.playing {
		return time.Time{}, false
	}
	_, end, ok := s.locate(now)
	return end, ok
}

func (s *Schedule) at(now time.Time) (int, bool) {
	i, _, ok := s.locate(now)
	return i, ok
}

// locate finds the scene showing at now and the instant it ends. Whole
// rounds are skipped with one division, so the cost does not grow with the
// time played.
func (s *Schedule) locate(now time.Time) (scene int, end time.Time, ok bool) {
	el := max(now.Sub(s.start), 0)
	i, t := s.from, s.start
	// The first pass runs from `from` to the last scene.
	for ; i < len(s.durations); i++ {
		if el < s.durations[i] {
			return i, t.Add(s.durations[i]), true
		}
		el -= s.durations[i]
		t = t.Add(s.durations[i])
	}
	if !s.loop {
		return len(s.durations) - 1, t, false
	}
	rounds := el / s.total
	t = t.Add(rounds * s.total)
	el -= rounds * s.total
	for i = 0; ; i++ {
		if el < s.durations[i] {
			return i, t.Add(s.durations[i]), true
		}
		el -= s.durations[i]
		t = t.Add(s.durations[i])
	}
}

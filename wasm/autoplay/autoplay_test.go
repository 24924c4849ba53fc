package autoplay

import (
	"math/rand/v2"
	"testing"
	"time"
)

var t0 = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func secs(n ...int) []time.Duration {
	out := make([]time.Duration, len(n))
	for i, v := range n {
		out[i] = time.Duration(v) * time.Second
	}
	return out
}

func TestStepsAtTheirDeadlines(t *testing.T) {
	s, err := New(secs(16, 15, 18), true)
	if err != nil {
		t.Fatal(err)
	}
	s.Play(t0, 0)
	for _, c := range []struct {
		at    time.Duration
		scene int
	}{
		{0, 0}, {15999 * time.Millisecond, 0}, {16 * time.Second, 1}, {30 * time.Second, 1},
		{31 * time.Second, 2}, {48 * time.Second, 2}, {49 * time.Second, 0}, {49*time.Second + 16*time.Second, 1},
	} {
		if got, ok := s.At(t0.Add(c.at)); !ok || got != c.scene {
			t.Errorf("at +%s: scene %d (ok %v), want %d", c.at, got, ok, c.scene)
		}
	}
	if d, ok := s.Next(t0.Add(20 * time.Second)); !ok || !d.Equal(t0.Add(31*time.Second)) {
		t.Errorf("Next at +20s = %s (ok %v), want +31s", d.Sub(t0), ok)
	}
}

// TestNoDriftOverAnHour runs an hour of a loop with a driver whose timers
// fire late by up to 250 ms each time, and checks every step happened in
// the scene the plan puts at that instant, and that the hour ends on the
// planned scene: lateness never adds up.
func TestNoDriftOverAnHour(t *testing.T) {
	d := secs(16, 15, 18, 14, 15, 14, 15, 18, 18, 18, 18, 20)
	s, err := New(d, true)
	if err != nil {
		t.Fatal(err)
	}
	s.Play(t0, 0)
	rng := rand.New(rand.NewPCG(1, 2))
	now, shown, steps := t0, 0, 0
	for now.Sub(t0) < time.Hour {
		next, ok := s.Next(now)
		if !ok {
			t.Fatal("a loop stopped")
		}
		now = next.Add(time.Duration(rng.IntN(250)) * time.Millisecond) // a late timer
		scene, _ := s.At(now)
		if want := (shown + 1) % len(d); scene != want {
			t.Fatalf("at +%s the driver woke to scene %d, want %d", now.Sub(t0), scene, want)
		}
		shown = scene
		steps++
	}
	// The plan's own answer for the instant: walk the durations.
	el, want := now.Sub(t0), 0
	for el >= d[want] {
		el -= d[want]
		want = (want + 1) % len(d)
	}
	if shown != want {
		t.Errorf("after an hour (%d steps) the scene is %d, the plan says %d", steps, shown, want)
	}
	// Chained timeouts would be late by the sum of the delays, here tens of
	// seconds; the plan's next deadline is at most one round ahead.
	if next, _ := s.Next(now); next.Sub(now) > 20*time.Second || next.Before(now) {
		t.Errorf("the next deadline %s is not within the current scene", next.Sub(now))
	}
	t.Logf("%d steps in %s", steps, now.Sub(t0).Round(time.Second))
}

func TestPauseAndResume(t *testing.T) {
	s, _ := New(secs(10, 10, 10), false)
	s.Play(t0, 0)
	if got := s.Pause(t0.Add(15 * time.Second)); got != 1 {
		t.Fatalf("paused on scene %d, want 1", got)
	}
	if _, ok := s.Next(t0.Add(time.Hour)); ok {
		t.Error("a paused schedule has a deadline")
	}
	if got, _ := s.At(t0.Add(time.Hour)); got != 1 {
		t.Errorf("paused, an hour later it shows scene %d, want 1", got)
	}
	// Resuming gives the scene on screen its full time again.
	r := t0.Add(time.Hour)
	s.Play(r, 1)
	if d, _ := s.Next(r); !d.Equal(r.Add(10 * time.Second)) {
		t.Errorf("after resuming, the next step is at +%s, want +10s", d.Sub(r))
	}
	if got, ok := s.At(r.Add(15 * time.Second)); !ok || got != 2 {
		t.Errorf("scene %d (ok %v), want 2", got, ok)
	}
	// Without loop the run ends on the last scene.
	if got, ok := s.At(r.Add(21 * time.Second)); ok || got != 2 || s.Playing() {
		t.Errorf("after the end: scene %d, ok %v, playing %v; want 2, false, false", got, ok, s.Playing())
	}
}

func TestBadPlans(t *testing.T) {
	if _, err := New(nil, true); err == nil {
		t.Error("New accepted no scenes")
	}
	if _, err := New(secs(5, 0), true); err == nil {
		t.Error("New accepted a scene of 0 s")
	}
	if got := Seconds([]uint16{3, 0}, 9*time.Second); got[0] != 3*time.Second || got[1] != 9*time.Second {
		t.Errorf("Seconds = %v", got)
	}
}

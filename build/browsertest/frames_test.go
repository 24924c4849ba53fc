package browsertest

import (
	"testing"
	"time"

	"github.com/parallel-lines/widget/build/internal/browser"
)

type frameStats struct {
	Held     int  `json:"held"`
	Released int  `json:"released"`
	Passed   int  `json:"passed"`
	Holding  bool `json:"holding"`
	// Go's timeouts (Ebitengine's 100 ms ticker among them).
	GoHeld     int `json:"goHeld"`
	GoReleased int `json:"goReleased"`
	GoPassed   int `json:"goPassed"`
}

func (b *testBrowser) frameStats(t *testing.T) frameStats {
	t.Helper()
	return eval[frameStats](t, b, `window.parallelLinesFrames ? window.parallelLinesFrames.stats() : {held: -1}`)
}

// TestFramesHeldAtRest checks web/frames.js: at rest Ebitengine's animation
// frame callback is held (no callback runs each display frame, only the
// slow heartbeat), and so are Go's timers, yet a key still starts a transition that runs to its end,
// and wake() releases a held callback.
func TestFramesHeldAtRest(t *testing.T) {
	srv := serveDir(t, requireDist(t))
	b := startBrowser(t)
	b.openWidget(t, srv.URL+"/#lang=en")
	time.Sleep(time.Second) // past the grace period after the last motion
	s0 := b.frameStats(t)
	if s0.Held < 0 {
		t.Fatal("window.parallelLinesFrames is missing: is frames.js in the page before wasm_exec.js?")
	}
	time.Sleep(2 * time.Second)
	s1 := b.frameStats(t)
	t.Logf("at rest for 2 s: %+v -> %+v", s0, s1)
	if s1.Passed != s0.Passed {
		t.Errorf("%d animation frames ran straight through in 2 s at rest, want 0", s1.Passed-s0.Passed)
	}
	if !s1.Holding {
		t.Error("no callback held at rest")
	}
	// The heartbeat releases the held callback once a second, and Ebitengine
	// asks again at once: a handful, not 120.
	if n := s1.Released - s0.Released; n < 1 || n > 4 {
		t.Errorf("%d releases in 2 s at rest, want the heartbeat's 1..4", n)
	}
	// Go's timers wait for the same releases: Ebitengine's ticker alone
	// would enter Go 20 times in 2 s.
	if n := s1.GoPassed - s0.GoPassed; n != 0 {
		t.Errorf("%d Go timeouts ran straight through in 2 s at rest, want 0", n)
	}
	if n := s1.GoReleased - s0.GoReleased; n > 4 {
		t.Errorf("%d Go timeouts released in 2 s at rest, want at most the heartbeat's 4", n)
	}

	b.focusCanvas(t)
	before := b.frames(t)
	if err := b.PressKey(browser.ArrowRight); err != nil {
		t.Fatal(err)
	}
	if err := b.WaitForAttr(motionAttr, "moving", keyTimeout); err != nil {
		t.Fatalf("ArrowRight started no transition while frames were held: %v", err)
	}
	if err := b.WaitForAttr(motionAttr, "still", settleTimeout); err != nil {
		t.Fatalf("the transition did not end: %v", err)
	}
	if n := b.frames(t) - before; n < 5 {
		t.Errorf("the transition drew %d frames, want a moving picture", n)
	}

	time.Sleep(time.Second)
	s2 := b.frameStats(t)
	eval[any](t, b, `window.parallelLinesFrames.wake(), null`)
	s3 := b.frameStats(t)
	if !s2.Holding || s3.Released < s2.Released+1 {
		t.Errorf("wake() did not release the held callback: %+v -> %+v", s2, s3)
	}
}

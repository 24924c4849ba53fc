package browsertest

import (
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/parallel-lines/widget/build/internal/browser"
)

// dprTimeout is how long the canvas may take to follow a change of
// devicePixelRatio: the next frame should do it, and a frame takes well
// under a second even at twice the pixels.
const dprTimeout = 10 * time.Second

// canvasSize is the widget canvas's backing store and CSS box.
type canvasSize struct {
	Width     int     `json:"width"`  // the width attribute: device pixels
	Height    int     `json:"height"` // the height attribute
	CSSWidth  float64 `json:"cssWidth"`
	CSSHeight float64 `json:"cssHeight"`
	DPR       float64 `json:"dpr"`
	Frames    int     `json:"frames"`
}

const canvasSizeExpr = `(() => {
  const c = document.querySelector('canvas');
  if (!c) return null;
  const r = c.getBoundingClientRect();
  return {width: c.width, height: c.height, cssWidth: r.width, cssHeight: r.height,
    dpr: window.devicePixelRatio, frames: window.__parallelLinesFrames || 0};
})()`

func (s canvasSize) String() string {
	return fmt.Sprintf("canvas %dx%d device px for %gx%g CSS px at devicePixelRatio %g (%d frames so far)",
		s.Width, s.Height, s.CSSWidth, s.CSSHeight, s.DPR, s.Frames)
}

// TestDevicePixelRatioChangeKeepsCrisp opens the widget at 800×600 and
// devicePixelRatio 1, then changes the ratio to 2 without a reload (as
// browser zoom or a move to another monitor does): the canvas's backing
// store must follow to 1600 device pixels wide, the page must stay ready
// without errors, and it must still show a drawing.
func TestDevicePixelRatioChangeKeepsCrisp(t *testing.T) {
	const w, h = 800, 600
	srv := serveDir(t, requireDist(t))
	b := startBrowserWith(t, browser.Options{Width: w, Height: h, DeviceScaleFactor: 1})
	mark := len(b.Problems())
	took := b.openWidget(t, srv.URL+"/")
	t.Logf("timing: ready and still in %s", took.Round(time.Millisecond))

	size := func() canvasSize {
		t.Helper()
		s := eval[*canvasSize](t, b, canvasSizeExpr)
		if s == nil {
			t.Fatal("the page has no <canvas>")
		}
		return *s
	}
	at1 := size()
	t.Logf("at DPR 1: %s", at1)
	if abs(at1.Width-w) > 1 {
		t.Errorf("at devicePixelRatio 1 the canvas is %d device pixels wide, want %d ± 1: %s", at1.Width, w, at1)
	}

	start := time.Now()
	if err := b.SetViewport(w, h, 2); err != nil {
		t.Fatal(err)
	}
	got, err := browser.WaitFor(b.Browser, dprTimeout, canvasSizeExpr, func(s *canvasSize) bool {
		return s != nil && abs(s.Width-2*w) <= 2
	})
	if err != nil {
		var now canvasSize
		if got != nil {
			now = *got
		}
		t.Errorf("after devicePixelRatio changed from 1 to 2 the canvas stays %d device pixels wide, want %d ± 2: %s (%v)",
			now.Width, 2*w, now, err)
		// Diagnosis only, not part of the contract: does input (a frame)
		// bring the canvas along? The mouse goes to the corner, where no
		// card can open.
		f := b.frames(t)
		if err := b.MoveMouse(1, 1); err == nil {
			if _, err := browser.WaitFor(b.Browser, frameTimeout, framesExpr, func(n int) bool { return n > f }); err == nil {
				t.Logf("diagnosis: after a mouse move and a frame: %s", size())
			}
		}
	} else {
		t.Logf("timing: the canvas followed to %s in %s", *got, time.Since(start).Round(time.Millisecond))
	}

	if state := b.attr(t, "data-widget-state"); state != "ready" {
		t.Errorf("data-widget-state is %q after the change of devicePixelRatio, want ready", state)
	}
	stats, _, err := b.checkCanvas()
	if err != nil {
		t.Errorf("after the change of devicePixelRatio: %v", err)
	} else {
		t.Logf("canvas at DPR 2: %s", stats)
	}
	b.checkNoProblems(t, mark)
}

// offscreenWindow is how long TestOffscreenWidgetDrawsNothing watches the
// frame counter of a widget scrolled out of view: a widget that kept
// animating would draw a dozen frames in it even with software WebGL.
const offscreenWindow = 2 * time.Second

// observerSettle is how long the page may take to notice that the widget
// scrolled out of (or into) view: an IntersectionObserver reports at the
// next rendering step, and a frame already under way may still finish.
const observerSettle = 500 * time.Millisecond

// TestOffscreenWidgetDrawsNothing embeds the widget below a tall article
// (testdata/host/offscreen.html) on a scene whose particles animate for 8 s
// after it opens. Loaded at the top, out of view, it must draw nothing;
// scrolled into view it must animate; scrolled away again in mid-animation
// it must stop. A stand-in that ignores visibility proves first that this
// browser keeps running a same-origin iframe scrolled off screen, so the
// check can fail.
func TestOffscreenWidgetDrawsNothing(t *testing.T) {
	scene := flowScene(t)
	srv := serveWithHosts(t, requireDist(t))
	b := startBrowser(t) // 1280×720
	framesIn := `(() => { const w = document.querySelector('iframe').contentWindow; return w && typeof w.__parallelLinesFrames === 'number' ? w.__parallelLinesFrames : -1; })()`
	frames := func(t *testing.T) int {
		t.Helper()
		n := eval[int](t, b, framesIn)
		if n < 0 {
			t.Fatal("the iframe has no frame counter (window.__parallelLinesFrames)")
		}
		return n
	}
	// watch returns how many frames the iframe drew in offscreenWindow.
	watch := func(t *testing.T) int {
		t.Helper()
		time.Sleep(observerSettle)
		before := frames(t)
		time.Sleep(offscreenWindow)
		return frames(t) - before
	}
	inView := func(t *testing.T) bool {
		t.Helper()
		return eval[bool](t, b, `(() => { const r = document.querySelector('iframe').getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })()`)
	}
	open := func(t *testing.T, path string) {
		t.Helper()
		if err := b.Navigate(srv.URL + path); err != nil {
			t.Fatal(err)
		}
		b.waitIframeReady(t)
		if inView(t) {
			t.Fatalf("%s: the iframe is in view at the top of the page; the host page must put it below the fold", path)
		}
	}

	t.Run("control-a-page-that-ignores-visibility", func(t *testing.T) {
		b.screenshotOnFailure(t)
		open(t, "/host/offscreen.html?src=/host/spinner.html")
		if n := watch(t); n == 0 {
			t.Fatalf("the stand-in drew no frames off screen in %s: this browser pauses off-screen iframes itself, so the widget's check below proves nothing", offscreenWindow)
		} else {
			t.Logf("the stand-in drew %d frames off screen in %s, as expected", n, offscreenWindow)
		}
	})

	t.Run("widget", func(t *testing.T) {
		b.screenshotOnFailure(t)
		mark := len(b.Problems())
		start := time.Now()
		open(t, "/host/offscreen.html?scene="+url.QueryEscape(scene)+"&lang=en")
		t.Logf("timing: %q ready in the iframe, off screen, in %s", scene, time.Since(start).Round(time.Millisecond))
		if n := watch(t); n != 0 {
			t.Errorf("off screen after loading, the widget drew %d frames in %s, want none", n, offscreenWindow)
		}

		eval[any](t, b, `document.querySelector('iframe').scrollIntoView({block: 'center'}), 0`)
		if !inView(t) {
			t.Fatal("the iframe is not in view after scrollIntoView")
		}
		before := frames(t)
		const minFrames = 5
		n, err := browser.WaitFor(b.Browser, frameTimeout, framesIn, func(n int) bool { return n >= before+minFrames })
		if err != nil {
			t.Fatalf("in view, the widget drew %d frames, want at least %d (the particles of %q animate for 8 s): %v", n-before, minFrames, scene, err)
		}
		if m := eval[string](t, b, iframeAttr(motionAttr)); m != "moving" {
			t.Fatalf("in view, data-widget-motion is %q, want moving: the animation is over before the widget could be scrolled away mid-animation", m)
		}
		t.Logf("in view: %d frames, moving", n-before)

		eval[any](t, b, `window.scrollTo(0, 0), 0`)
		if inView(t) {
			t.Fatal("the iframe is still in view after scrolling to the top")
		}
		if n := watch(t); n != 0 {
			t.Errorf("scrolled away mid-animation, the widget drew %d frames in %s, want none", n, offscreenWindow)
		}
		if m := eval[string](t, b, iframeAttr(motionAttr)); m != "moving" {
			t.Logf("note: data-widget-motion is %q off screen (the check above ran after the animation ended)", m)
		}
		b.checkNoProblems(t, mark)
	})
}

package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"

	"github.com/parallel-lines/widget/build/internal/browser"
)

// session is one run's browser, pointed at the benchmark's server.
type session struct {
	b    *browser.Browser
	base string // the server's URL
	o    *Options
}

func startSession(ctx context.Context, base string, o *Options) (*session, error) {
	b, err := browser.Start(ctx, browser.Options{ActionTimeout: 2 * time.Minute})
	if err != nil {
		return nil, err
	}
	s := &session{b: b, base: base, o: o}
	if _, err := browser.Call(b, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: hooks}); err != nil {
		b.Close()
		return nil, fmt.Errorf("installing the timing hooks: %w", err)
	}
	if _, err := browser.Call(b, performance.Enable, performance.EnableParams{TimeDomain: performance.EnableTimeDomainThreadTicks}); err != nil {
		b.Close()
		return nil, fmt.Errorf("enabling Performance metrics: %w", err)
	}
	return s, nil
}

func (s *session) close() { s.b.Close() }

// open navigates to a page of the server and waits for ready.
func (s *session) open(path string) error {
	if err := s.b.Navigate(s.base + path); err != nil {
		return err
	}
	st, err := s.b.WaitForState(90 * time.Second)
	if err != nil {
		return err
	}
	if st != "ready" {
		return fmt.Errorf("%s: state %s", path, st)
	}
	return nil
}

// waitStill waits until the widget reports that nothing moves.
func (s *session) waitStill() error {
	return s.b.WaitForAttr("data-widget-motion", "still", 60*time.Second)
}

// startMarks opens path on a fresh document and returns its marks.
func (s *session) startMarks(path string) (map[string]float64, error) {
	if err := s.b.Navigate("about:blank"); err != nil {
		return nil, err
	}
	if err := s.open(path); err != nil {
		return nil, err
	}
	m, err := browser.Eval[map[string]float64](s.b, marksExpr)
	if err != nil {
		return nil, err
	}
	out := map[string]float64{}
	for js, k := range map[string]string{"wasmFetch": "wasm_fetch", "wasmLocal": "wasm_local", "wasmCompiled": "wasm_compiled", "firstFrame": "first_frame", "ready": "ready", "poster": "poster"} {
		if v, ok := m[js]; ok {
			out[k] = v
		}
	}
	out["first_picture"] = first(m["poster"], m["firstFrame"])
	if l, ok := m["wasmLocal"]; ok {
		out["ready_after_wasm_local"] = m["ready"] - l
	}
	return out, nil
}

// askedBeforeReady returns the site paths (under prefix, e.g. "/w/") of the
// files the open page asked for before it reported ready, its own document
// included: "to interactive" counts those, not what the page fetches once
// it is (the handout's dataset, bench/README.md 14).
func (s *session) askedBeforeReady(prefix string) (map[string]bool, error) {
	names, err := browser.Eval[[]string](s.b, `(function () {
  var ready = ((window.__bench || {}).marks || {}).ready || Infinity;
  var out = [location.pathname];
  performance.getEntriesByType("resource").forEach(function (e) {
    if (e.startTime <= ready) out.push(new URL(e.name).pathname);
  });
  return out;
})()`)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, n := range names {
		n = strings.TrimPrefix(n, prefix)
		if n == "" || strings.HasSuffix(n, "/") {
			n += "index.html"
		}
		out[n] = true
	}
	return out, nil
}

// loaded takes the log of site w (served under /w/) since it was last read
// and keeps what the page just opened asked for before it was ready.
func (s *session) loaded(w *Site) ([]Sent, error) {
	sent := w.Log()
	asked, err := s.askedBeforeReady("/w/")
	if err != nil {
		return nil, err
	}
	var out []Sent
	for _, r := range sent {
		if asked[r.Path] {
			out = append(out, r)
		}
	}
	return out, nil
}

func first(a, b float64) float64 {
	if a == 0 {
		return b
	}
	return min(a, b)
}

// metrics returns the tab's TaskDuration and ScriptDuration (s) and its
// timestamp (s).
func (s *session) metrics() (task, script, ts float64, err error) {
	r, err := browser.Call(s.b, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		return 0, 0, 0, err
	}
	for _, m := range r.Metrics {
		switch m.Name {
		case "TaskDuration":
			task = m.Value
		case "ScriptDuration":
			script = m.Value
		case "Timestamp":
			ts = m.Value
		}
	}
	return task, script, ts, nil
}

// idle measures the main thread over the idle window: busy and script
// shares of one core, and frames per second read by framesExpr.
func (s *session) idle(framesExpr string) (busy, script, fps float64, err error) {
	f0, err := browser.Eval[float64](s.b, framesExpr)
	if err != nil {
		return 0, 0, 0, err
	}
	t0, s0, ts0, err := s.metrics()
	if err != nil {
		return 0, 0, 0, err
	}
	time.Sleep(s.o.IdleWindow)
	t1, s1, ts1, err := s.metrics()
	if err != nil {
		return 0, 0, 0, err
	}
	f1, err := browser.Eval[float64](s.b, framesExpr)
	if err != nil {
		return 0, 0, 0, err
	}
	dt := ts1 - ts0
	if dt <= 0 {
		return 0, 0, 0, fmt.Errorf("no time passed between two metric reads")
	}
	return 100 * (t1 - t0) / dt, 100 * (s1 - s0) / dt, (f1 - f0) / dt, nil
}

const widgetFrames = `window.__bench ? window.__bench.frames() : 0`

// hide puts the tab in the background by opening another tab in front of
// it, runs fn, and closes that tab again. It fails when the page does not
// report itself hidden.
func (s *session) hidden(fn func() error) error {
	t, err := browser.Call(s.b, target.CreateTarget, target.CreateTargetParams{URL: "about:blank"})
	if err != nil {
		return fmt.Errorf("opening a tab in front: %w", err)
	}
	defer func() {
		browser.Call(s.b, target.CloseTarget, target.CloseTargetParams{TargetID: t.TargetID})
		// Closing the tab in front does not make ours visible again.
		browser.Call(s.b, page.BringToFront, cdp.Empty{})
		browser.WaitFor(s.b, 10*time.Second, `document.visibilityState`, func(v string) bool { return v == "visible" })
	}()
	vis, err := browser.WaitFor(s.b, 10*time.Second, `document.visibilityState`, func(v string) bool { return v == "hidden" })
	if err != nil {
		return fmt.Errorf("the page stays %q behind another tab: %w", vis, err)
	}
	return fn()
}

// frameTimes reads (and with reset empties) the widget's record of Go work
// per frame: the Go heap after a collection and the per-frame durations.
type frameRecord struct {
	heap, sys float64
	frames    int
	us        []float64
}

func (s *session) frameTimes(reset bool) (frameRecord, error) {
	arg := ""
	if reset {
		arg = "reset"
	}
	str, err := browser.Eval[string](s.b, `window.parallelLines && window.parallelLines.frameTimes ? window.parallelLines.frameTimes("`+arg+`") : ""`)
	if err != nil {
		return frameRecord{}, err
	}
	return parseFrameTimes(str)
}

// parseFrameTimes reads "heap=<n> sys=<n> frames=<n> us=<d>,<d>,…".
func parseFrameTimes(str string) (frameRecord, error) {
	var r frameRecord
	if str == "" {
		return r, fmt.Errorf("the widget exports no frameTimes (is wasm/app/frametime.go in the build?)")
	}
	for _, f := range strings.Fields(str) {
		k, v, _ := strings.Cut(f, "=")
		var err error
		switch k {
		case "heap":
			r.heap, err = strconv.ParseFloat(v, 64)
		case "sys":
			r.sys, err = strconv.ParseFloat(v, 64)
		case "frames":
			r.frames, err = strconv.Atoi(v)
		case "us":
			for _, d := range strings.Split(v, ",") {
				if d == "" {
					continue
				}
				x, e := strconv.ParseFloat(d, 64)
				if e != nil {
					err = e
					break
				}
				r.us = append(r.us, x)
			}
		default:
			err = fmt.Errorf("unknown field %q", k)
		}
		if err != nil {
			return r, fmt.Errorf("frameTimes %q: %v", f, err)
		}
	}
	return r, nil
}

// focus gives the canvas the keyboard focus, as a reader's click would
// (without clicking anything in the picture).
func (s *session) focus() error {
	_, err := browser.Eval[bool](s.b, `(function(){var c=document.querySelector("canvas"); if(!c) return false; c.focus(); return document.activeElement===c;})()`)
	return err
}

// motionSpans returns the frames drawn and the time spent while the widget
// reported "moving", from the hooks' record of motion changes.
func (s *session) motionSpans() (frames, ms float64, err error) {
	var ch [][]any
	ch, err = browser.Eval[[][]any](s.b, `window.__bench.motion`)
	if err != nil {
		return
	}
	for i := 0; i+1 < len(ch); i++ {
		if ch[i][0] == "moving" && ch[i+1][0] == "still" {
			ms += ch[i+1][1].(float64) - ch[i][1].(float64)
			frames += ch[i+1][2].(float64) - ch[i][2].(float64)
		}
	}
	return
}

// transitions steps through n scene transitions at w×h and returns the Go
// work per frame (ms) and the frame rate reached while moving.
func (s *session) transitions(w, h, n int, wait time.Duration) (ms []float64, fps float64, err error) {
	if err = s.b.SetViewport(w, h, 1); err != nil {
		return
	}
	defer s.b.SetViewport(browser.DefaultWidth, browser.DefaultHeight, 1)
	if err = s.b.Navigate(s.base + "/w/index.html#lang=en"); err != nil {
		return
	}
	if st, e := s.b.WaitForState(max(wait, 90*time.Second)); e != nil || st != "ready" {
		return nil, 0, fmt.Errorf("opening at %dx%d: state %q: %v", w, h, st, e)
	}
	still := func() error { return s.b.WaitForAttr("data-widget-motion", "still", wait) }
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
		// A transition starts within a frame or two of the key and ends
		// within a second or so (far longer at 4K): wait for both changes
		// in the record.
		if _, err = browser.WaitFor(s.b, wait, `window.__bench.motion.length`, func(l float64) bool { return l >= before+2 }); err != nil {
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
	if err != nil {
		return
	}
	if dur > 0 {
		fps = frames / (dur / 1000)
	}
	return
}

// heap steps through every scene once per loop with motion switched off
// (the build has no autoplay yet) and reads the heaps after loop 1 and 10.
type heapSample struct{ goHeap, mem, js float64 }

func (s *session) heapLoops(loops, scenes int) (after1, afterN heapSample, err error) {
	if err = s.open("/w/index.html#lang=en&motion=off"); err != nil {
		return
	}
	if err = s.waitStill(); err != nil {
		return
	}
	if err = s.focus(); err != nil {
		return
	}
	const sceneExpr = `document.documentElement.getAttribute("data-widget-scene")`
	for loop := 1; loop <= loops; loop++ {
		for i := 1; i < scenes; i++ {
			before, e := browser.Eval[string](s.b, sceneExpr)
			if e != nil {
				return after1, afterN, e
			}
			if err = s.b.PressKey(browser.ArrowRight); err != nil {
				return
			}
			if _, err = browser.WaitFor(s.b, 20*time.Second, sceneExpr, func(v string) bool { return v != before }); err != nil {
				err = fmt.Errorf("loop %d, step %d: ArrowRight changed no scene: %w", loop, i, err)
				return
			}
		}
		if err = s.b.PressKey(browser.Home); err != nil {
			return
		}
		if err = s.waitStill(); err != nil {
			return
		}
		s.o.Logf("    loop %d of %d", loop, loops)
		// Every loop's heaps, logged: a leak grows by about the same each
		// loop, a cache filling up levels off.
		var hs heapSample
		if hs, err = s.heapNow(); err != nil {
			return
		}
		s.o.Logf("      Go heap %.0f B, wasm memory %.0f B, JS heap %.0f B", hs.goHeap, hs.mem, hs.js)
		if loop == 1 {
			after1 = hs
		}
		afterN = hs
	}
	return
}

func (s *session) heapNow() (heapSample, error) {
	var hs heapSample
	if _, err := browser.Call(s.b, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
		return hs, err
	}
	rec, err := s.frameTimes(false)
	if err != nil {
		return hs, err
	}
	hs.goHeap = rec.heap
	hs.mem, err = browser.Eval[float64](s.b, `window.__bench.inst ? window.__bench.inst.exports.mem.buffer.byteLength : 0`)
	if err != nil {
		return hs, err
	}
	u, err := browser.Call(s.b, runtime.GetHeapUsage, cdp.Empty{})
	if err != nil {
		return hs, err
	}
	hs.js = u.UsedSize
	return hs, nil
}

// probe runs the decode probe and returns the story decode and font load
// times (ms).
func (s *session) probe() (story, font float64, err error) {
	if err = s.b.Navigate(s.base + "/probe/index.html"); err != nil {
		return
	}
	v, err := browser.WaitFor(s.b, 60*time.Second, `window.__probe || ""`, func(v string) bool { return v != "" })
	if err != nil {
		return
	}
	if strings.HasPrefix(v, "error") {
		err = fmt.Errorf("probe: %s", v)
		return
	}
	var su, fu float64
	if _, err = fmt.Sscanf(v, "story=%g font=%g", &su, &fu); err != nil {
		err = fmt.Errorf("probe result %q: %w", v, err)
		return
	}
	return su / 1000, fu / 1000, nil
}

// openEmbeds opens the host page with n embeds and waits until it has
// settled: as many ready as may be live at once (all n without a live
// budget; the budget otherwise) and none still starting. Without a budget,
// more live WebGL contexts than Chromium keeps make the oldest reload, and
// the timeout passes.
type embedState struct {
	Ready, Frames, N, Starting, Live, Max, Loads, Lost float64
}

func (s *session) openEmbeds(n int) error {
	if err := s.b.Navigate(s.base + "/w/host" + strconv.Itoa(n) + ".html"); err != nil {
		return err
	}
	st, err := s.embedsSettled(s.o.EmbedTimeout, func(e embedState) bool { return e.Ready >= min(e.N, e.Max) })
	if err != nil {
		return fmt.Errorf("%d embeds: %v of %v ready (%v may be live): %w", n, st.Ready, st.N, st.Max, err)
	}
	return nil
}

// embedsSettled waits until no embed of the host page is starting and ok
// holds, twice in a row half a second apart (a widget given a live slot
// takes a moment to begin loading).
func (s *session) embedsSettled(timeout time.Duration, ok func(embedState) bool) (embedState, error) {
	deadline := time.Now().Add(timeout)
	calm := 0
	for {
		st, err := browser.Eval[embedState](s.b, embedsExpr)
		if err == nil && st.N > 0 && st.Starting == 0 && ok(st) {
			if calm++; calm == 2 {
				return st, nil
			}
		} else {
			calm = 0
		}
		if time.Now().After(deadline) {
			if err == nil {
				err = fmt.Errorf("not settled after %s (%+v)", timeout, st)
			}
			return st, err
		}
		time.Sleep(500 * time.Millisecond)
	}
}

const embedFrames = `(` + embedsExpr + `).frames`

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

var _ = math.NaN

func evalFloat(s *session, expr string) (float64, error) { return browser.Eval[float64](s.b, expr) }

package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/runtime"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/build/internal/bench"
	"github.com/parallel-lines/widget/build/internal/browser"
	"github.com/parallel-lines/widget/build/internal/devserver"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/autoplay"
)

type config struct {
	dist     string
	duration time.Duration
	drift    time.Duration // largest allowed lateness gained per loop
	stall    time.Duration // largest allowed single dwell error
}

const width, height = 1280, 720

// The explorer page (dist/index.html), not embed.html: a kiosk runs the
// explorer (its stage layout and presenting shell, web/present.js, live
// there and nowhere else), so the soak covers the whole shell. It runs in a
// full-window iframe of a host page of the soak's own (host.html), so that
// the scene events are heard the way a host hears them and the language is
// switched with the host's lang command. Cards are opened by hovering:
// present.js pauses autoplay on any key, click or touch, but not on a
// pointer that only moves, and a host command is not input either, so
// autoplay runs untouched for the whole soak; a pause would show as a step
// out of order or a stall, and fails the run.
const page = "index.html?autoplay=1&loop=1&lang=en"

// Expressions for the widget's window and document inside the iframe.
const (
	frameWin = `document.querySelector('iframe').contentWindow`
	frameDoc = frameWin + `.document`
)

func frameAttr(name string) string {
	return `(((d) => d && d.documentElement ? d.documentElement.getAttribute("` + name + `") || "" : "")(` + frameDoc + `))`
}

// How long one action may take before the run fails: software WebGL on a
// busy 2-core machine draws a frame in 100–300 ms, sometimes much more.
const (
	readyTimeout = 90 * time.Second
	stepTimeout  = 30 * time.Second
)

// What is done on a scene change, by the scene's index: the language goes
// to zh at langAway and back to en at langBack, so every loop ends on the
// first scene in English and the loop-end memory samples compare alike; a
// card is opened on every other scene.
const (
	langAway, langBack = 3, 8
	cardEvery          = 2
)

//go:embed probe.js
var probeJS string

//go:embed host.html
var hostHTML string

//go:embed host.js
var hostJS string

//go:embed host.css
var hostCSS string

// sample is one measurement of memory.
type sample struct {
	at     time.Duration // since the widget was ready
	loop   int           // full loops before it
	goHeap float64       // bytes of Go heap in use after a collection
	wasm   float64       // bytes of the Go program's linear memory
	jsHeap float64       // bytes of JavaScript heap used after a collection
}

// result is what a run observed.
type result struct {
	ran      time.Duration
	scenes   int
	events   []sceneEvent    // scene changes, the host's clock
	intended []time.Duration // the schedule's duration of every scene
	cards    int             // cards opened (hover) and closed
	langs    int             // language switches
	samples  []sample        // at the end of every full loop (and one at the start)
	problems []string        // console errors, exceptions, crashes
	state    string          // data-widget-state at the end
	tail     time.Duration   // how long the last scene had been showing at the end
}

func run(ctx context.Context, cfg config, w io.Writer) (*result, error) {
	res := &result{}
	story, err := data.Decode(assets.Story)
	if err != nil {
		return res, fmt.Errorf("decoding the embedded dataset: %w", err)
	}
	secs := make([]uint16, len(story.Scenes))
	for i, sc := range story.Scenes {
		secs[i] = sc.Seconds
	}
	// The durations wasm/app gives the schedule.
	res.intended = autoplay.Seconds(secs, autoplay.Fallback)
	res.scenes = len(secs)
	if res.scenes < 2 {
		return res, errors.New("the dataset has fewer than two scenes: nothing to play")
	}
	var round time.Duration
	for _, d := range res.intended {
		round += d
	}
	site, err := probedCopy(cfg.dist)
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(site)
	base, stopServer, err := devserver.ServeLoopback(site)
	if err != nil {
		return res, err
	}
	defer stopServer()

	b, err := browser.Start(ctx, browser.Options{Width: width, Height: height})
	if err != nil {
		return res, err
	}
	defer b.Close()
	fmt.Fprintf(w, "soak: %s/soak.html (%s) for %s, %d scenes, one loop %s, chromium started in %s\n",
		base, page, cfg.duration, res.scenes, round, b.Startup().Round(time.Millisecond))

	if err := b.Navigate(base + "/soak.html"); err != nil {
		return res, err
	}
	state, err := browser.WaitFor(b, readyTimeout, frameAttr("data-widget-state"), func(s string) bool { return s == "ready" || s == "error" })
	if err != nil || state != "ready" {
		return res, fmt.Errorf("the widget reached state %q (%v); console: %q", state, err, b.Problems())
	}
	start := time.Now()
	defer func() {
		res.ran = time.Since(start)
		res.problems = b.Problems()
		res.state, _ = browser.Eval[string](b, frameAttr("data-widget-state"))
	}()
	if s, err := measure(b); err == nil {
		res.samples = append(res.samples, s)
		logSample(w, s)
	}

	seen, loops := 0, 0 // host events read; full loops
	lastLog := time.Duration(0)
	for ctx.Err() == nil {
		now := time.Since(start)
		if now >= cfg.duration {
			break
		}
		evs, err := browser.Eval[[]hostEvent](b, fmt.Sprintf(`window.soak.events.slice(%d)`, seen))
		if err != nil {
			return res, err
		}
		seen += len(evs)
		changed := false
		for _, e := range evs {
			switch e.Event {
			case "error":
				return res, fmt.Errorf("the widget sent an error event: %s", e.Scene)
			case "scene":
			default:
				continue
			}
			res.events = append(res.events, sceneEvent{at: time.Duration(e.T * float64(time.Millisecond)), index: e.Index})
			changed = true
		}
		if !changed {
			if now-lastLog >= time.Minute {
				lastLog = now
				fmt.Fprintf(w, "soak: %6s  %d scene changes, %d loops, %d cards, %d language switches, %d console problems\n",
					now.Round(time.Second), len(res.events), loops, res.cards, res.langs, len(b.Problems()))
			}
			sleep(ctx, 250*time.Millisecond)
			continue
		}
		// Act on the scene now showing (one action per batch of events: a
		// slow action leaves the steps it missed alone, they are on record).
		last := res.events[len(res.events)-1].index
		switch {
		case last == 0:
			loops++
			waitStill(b)
			s, err := measure(b)
			if err != nil {
				return res, err
			}
			s.at, s.loop = time.Since(start), loops
			res.samples = append(res.samples, s)
			logSample(w, s)
		case last == langAway || last == langBack:
			want := map[bool]string{true: "zh", false: "en"}[last == langAway]
			if err := switchLang(b, want); err != nil {
				return res, fmt.Errorf("scene %d: %w", last, err)
			}
			res.langs++
		case last%cardEvery == 0:
			opened, err := hoverCard(b, last)
			if err != nil {
				return res, fmt.Errorf("scene %d: %w", last, err)
			}
			if opened {
				res.cards++
			}
		}
	}
	if len(res.events) > 0 {
		if now, err := browser.Eval[float64](b, `performance.now()`); err == nil {
			res.tail = time.Duration(now*float64(time.Millisecond)) - res.events[len(res.events)-1].at
		}
	}
	return res, ctx.Err()
}

// hostEvent is one record of host.js.
type hostEvent struct {
	T     float64 `json:"t"`
	Event string  `json:"event"`
	Scene string  `json:"scene"`
	Index int     `json:"index"`
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-time.After(d):
	case <-ctx.Done():
	}
}

// waitStill waits, for a while, until the scene change is over.
func waitStill(b *browser.Browser) {
	browser.WaitFor(b, stepTimeout, frameAttr("data-widget-motion"), func(s string) bool { return s == "still" })
}

// description is the part of inspect() the soak reads.
type description struct {
	Scene string
	Card  string
	Texts []struct{ X, Y, W, H float64 }
}

// hoverCard waits for the scene change to end, then moves the mouse over
// the labels of the stage (the centres of the texts inspect() describes,
// between the title and the controls) until one opens its card, and moves
// it off again until the card closes. It reports whether a card opened;
// none opening (a scene without labels where the pointer can reach, or
// autoplay moving on meanwhile) is not a failure, a card that stays is.
func hoverCard(b *browser.Browser, scene int) (bool, error) {
	waitStill(b)
	d, err := inspect(b)
	if err != nil {
		return false, err
	}
	off, err := browser.Eval[[]float64](b, `(() => {
		const f = document.querySelector('iframe').getBoundingClientRect();
		const c = `+frameDoc+`.querySelector('canvas').getBoundingClientRect();
		return [f.left + c.left, f.top + c.top];
	})()`)
	if err != nil || len(off) != 2 {
		return false, fmt.Errorf("finding the canvas: %v", err)
	}
	tried := 0
	opened := false
	for _, t := range d.Texts {
		x, y := t.X+t.W/2, t.Y+t.H/2
		if y < 0.3*height || y > height-48 || tried == 12 {
			continue
		}
		tried++
		if err := moveAndDraw(b, off[0]+x, off[1]+y); err != nil {
			return false, err
		}
		now, err := inspect(b)
		if err != nil {
			return false, err
		}
		if now.Scene != d.Scene {
			break // autoplay moved on
		}
		if now.Card != "" {
			opened = true
			break
		}
	}
	// The corner is inside the layout's margin: nothing there.
	if err := moveAndDraw(b, off[0]+1, off[1]+1); err != nil {
		return false, err
	}
	if _, err := browser.WaitFor(b, stepTimeout, frameWin+`.parallelLines.inspect()`, func(s string) bool {
		var x description
		return json.Unmarshal([]byte(s), &x) == nil && x.Card == ""
	}); err != nil {
		return false, fmt.Errorf("the card of scene %d stays open after the pointer left: %w", scene, err)
	}
	return opened, nil
}

func inspect(b *browser.Browser) (description, error) {
	var d description
	s, err := browser.Eval[string](b, frameWin+`.parallelLines.inspect()`)
	if err != nil {
		return d, err
	}
	return d, json.Unmarshal([]byte(s), &d)
}

// moveAndDraw moves the mouse and waits for the frame that saw it.
func moveAndDraw(b *browser.Browser, x, y float64) error {
	frames := frameWin + `.__parallelLinesFrames || 0`
	n, err := browser.Eval[int](b, frames)
	if err != nil {
		return err
	}
	if err := b.MoveMouse(x, y); err != nil {
		return err
	}
	// A move onto nothing new may draw nothing: not an error.
	browser.WaitFor(b, 5*time.Second, frames, func(m int) bool { return m > n })
	return nil
}

// switchLang sends the host's lang command and waits for the iframe's
// <html lang> to follow.
func switchLang(b *browser.Browser, lang string) error {
	want := map[string]string{"zh": "zh-Hans", "en": "en"}[lang]
	if _, err := browser.Eval[int](b, `window.soak.send({command: "lang", value: "`+lang+`"}), 0`); err != nil {
		return err
	}
	if _, err := browser.WaitFor(b, stepTimeout, frameAttr("lang"), func(s string) bool { return s == want }); err != nil {
		return fmt.Errorf("the lang %s command left <html lang> unchanged: %w", lang, err)
	}
	return nil
}

// measure reads the memory after full collections: the JavaScript heap
// (HeapProfiler.collectGarbage, then Runtime.getHeapUsage: the host page
// and the widget share it) and the Go heap (frameTimes runs runtime.GC
// first, see wasm/app/frametime.go), as the benchmark of issue 12 does.
func measure(b *browser.Browser) (sample, error) {
	if err := b.CollectGarbage(); err != nil {
		return sample{}, err
	}
	u, err := browser.Call(b, runtime.GetHeapUsage, cdp.Empty{})
	if err != nil {
		return sample{}, err
	}
	m, err := browser.Eval[struct {
		Wasm  float64
		Times string
	}](b, `({
		wasm: `+frameWin+`.__soakMemory ? `+frameWin+`.__soakMemory.buffer.byteLength : -1,
		times: `+frameWin+`.parallelLines.frameTimes("reset"),
	})`)
	if err != nil {
		return sample{}, err
	}
	if m.Wasm < 0 {
		return sample{}, errors.New("the probe found no wasm memory: did the page start the program another way?")
	}
	s := sample{wasm: m.Wasm, jsHeap: u.UsedSize, goHeap: -1}
	for _, f := range strings.Fields(m.Times) {
		if v, ok := strings.CutPrefix(f, "heap="); ok {
			fmt.Sscan(v, &s.goHeap)
		}
	}
	if s.goHeap < 0 {
		return s, fmt.Errorf("frameTimes gave no heap: %.80q", m.Times)
	}
	return s, nil
}

func logSample(w io.Writer, s sample) {
	fmt.Fprintf(w, "soak: %6s  after %d loops: Go heap %.2f MB  wasm %.1f MB  JS heap %.2f MB\n",
		s.at.Round(time.Second), s.loop, s.goHeap/1e6, s.wasm/1e6, s.jsHeap/1e6)
}

// loopSamples returns the samples at the end of the first, the one before
// the last, and the last full loop; ok is false with fewer than two.
func (r *result) loopSamples() (first, before, last sample, ok bool) {
	var ss []sample
	for _, s := range r.samples {
		if s.loop > 0 {
			ss = append(ss, s)
		}
	}
	if len(ss) < 2 {
		return first, before, last, false
	}
	return ss[0], ss[len(ss)-2], ss[len(ss)-1], true
}

func growth(a, b float64) float64 { return 100 * (b/a - 1) }

// verdict checks a finished run against the limits.
func (r *result) verdict(cfg config) error {
	var errs []error
	if len(r.problems) > 0 {
		errs = append(errs, fmt.Errorf("%d console errors, exceptions or crashes:\n  %s", len(r.problems), strings.Join(r.problems, "\n  ")))
	}
	if r.state != "ready" {
		errs = append(errs, fmt.Errorf("the widget ended in state %q, want ready", r.state))
	}
	sc := analyse(r.events, r.intended)
	if sc.disorder != "" {
		errs = append(errs, fmt.Errorf("autoplay left its order (paused, or stepped by something else): %s", sc.disorder))
	}
	if sc.stall > cfg.stall {
		errs = append(errs, fmt.Errorf("a scene stayed %s longer than its duration (limit %s): autoplay paused or stalled", sc.stall.Round(time.Millisecond), cfg.stall))
	}
	if len(r.events) > 0 {
		if want := r.intended[r.events[len(r.events)-1].index]; r.tail > want+cfg.stall {
			errs = append(errs, fmt.Errorf("the last scene had been showing for %s at the end, its duration is %s: autoplay stopped", r.tail.Round(time.Second), want))
		}
	}
	a, y, z, ok := r.loopSamples()
	d, dok := sc.driftPerLoop()
	if !ok || !dok {
		errs = append(errs, fmt.Errorf("too short to judge: %d full loops (%d scene changes), want at least 2", len(sc.loops), len(r.events)))
		return errors.Join(errs...)
	}
	// The heaps, after a collection, must hold level from the first loop to
	// the last (the budget's own figure is the Go heap's). The wasm linear
	// memory is a high-water mark: it grows when the heap peaks higher than
	// before and never shrinks, so a rise in an early loop is warm-up; a
	// leak keeps raising it, so it is held over the last loop.
	for _, m := range []struct {
		what string
		a, z sample
		v    func(sample) float64
	}{
		{"Go heap", a, z, func(s sample) float64 { return s.goHeap }},
		{"wasm memory", y, z, func(s sample) float64 { return s.wasm }},
		{"JS heap", a, z, func(s sample) float64 { return s.jsHeap }},
	} {
		if g := growth(m.v(m.a), m.v(m.z)); g > bench.MaxHeapGrowth {
			errs = append(errs, fmt.Errorf("%s grew %.1f%% from loop %d to loop %d (%.2f to %.2f MB), budget %g%% (bench.MaxHeapGrowth)",
				m.what, g, m.a.loop, m.z.loop, m.v(m.a)/1e6, m.v(m.z)/1e6, bench.MaxHeapGrowth))
		}
	}
	if d > cfg.drift {
		errs = append(errs, fmt.Errorf("the schedule falls behind: the median scene change came %s later per loop from loop %d to loop %d (limit %s per loop)",
			d.Round(time.Millisecond), sc.loops[0].n, sc.loops[len(sc.loops)-1].n, cfg.drift))
	}
	return errors.Join(errs...)
}

// summary is the result in one paragraph, for the README.
func (r *result) summary() string {
	sc := analyse(r.events, r.intended)
	var b strings.Builder
	fmt.Fprintf(&b, "soak: %s, %d scene changes, %d full loops, %d cards, %d language switches; %d console problems, state %s",
		r.ran.Round(time.Second), len(r.events), len(sc.loops), r.cards, r.langs, len(r.problems), r.state)
	if a, y, z, ok := r.loopSamples(); ok {
		fmt.Fprintf(&b, "; loop %d → %d: Go heap %.2f → %.2f MB (%+.1f%%), wasm memory %.1f → %.1f MB (%+.1f%%; %+.1f%% over the last loop), JS heap %.2f → %.2f MB (%+.1f%%)",
			a.loop, z.loop, a.goHeap/1e6, z.goHeap/1e6, growth(a.goHeap, z.goHeap), a.wasm/1e6, z.wasm/1e6, growth(a.wasm, z.wasm), growth(y.wasm, z.wasm),
			a.jsHeap/1e6, z.jsHeap/1e6, growth(a.jsHeap, z.jsHeap))
	}
	if sc.steps > 0 {
		med, worst := sc.errStats()
		fmt.Fprintf(&b, "; dwell error over %d steps: median %s, largest %s", sc.steps, ms(med), ms(worst))
	}
	if len(sc.loops) > 0 {
		var parts []string
		for _, l := range sc.loops {
			parts = append(parts, fmt.Sprintf("loop %d: median lateness %s, mean dwell error %s", l.n, ms(l.medianLate), ms(l.meanErr)))
		}
		fmt.Fprintf(&b, "; %s", strings.Join(parts, "; "))
	}
	if d, ok := sc.driftPerLoop(); ok {
		f, l := sc.loops[0], sc.loops[len(sc.loops)-1]
		fmt.Fprintf(&b, "; drift %s per loop, last loop's mean dwell error minus the first's %s", ms(d), ms(l.meanErr-f.meanErr))
	}
	return b.String()
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%+d ms", int(math.Round(float64(d)/float64(time.Millisecond))))
}

// probedCopy copies dist into a temporary directory, makes its page load
// probe.js before any other script, and adds the host page (soak.html).
func probedCopy(dist string) (string, error) {
	index := filepath.Join(dist, "index.html")
	pg, err := os.ReadFile(index)
	if err != nil {
		return "", fmt.Errorf("%w: run `make dist` first", err)
	}
	i := strings.Index(string(pg), "<script")
	if i < 0 {
		return "", fmt.Errorf("%s loads no script", index)
	}
	dir, err := os.MkdirTemp("", "soak-")
	if err != nil {
		return "", err
	}
	probed := string(pg[:i]) + `<script src="soak-probe.js"></script>` + "\n" + string(pg[i:])
	if err := errors.Join(
		os.CopyFS(dir, os.DirFS(dist)),
		os.WriteFile(filepath.Join(dir, "index.html"), []byte(probed), 0o644),
		os.WriteFile(filepath.Join(dir, "soak-probe.js"), []byte(probeJS), 0o644),
		os.WriteFile(filepath.Join(dir, "soak.html"), []byte(strings.Replace(hostHTML, "@src", html.EscapeString(page), 1)), 0o644),
		os.WriteFile(filepath.Join(dir, "soak-host.js"), []byte(hostJS), 0o644),
		os.WriteFile(filepath.Join(dir, "soak-host.css"), []byte(hostCSS), 0o644),
	); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return dir, nil
}

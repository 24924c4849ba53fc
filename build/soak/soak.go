package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/build/internal/browser"
	"github.com/parallel-lines/widget/build/internal/devserver"
	"github.com/parallel-lines/widget/data"
)

type config struct {
	dist       string
	duration   time.Duration
	dwell      time.Duration
	sample     time.Duration
	heapGrowth float64
	drift      float64
}

// Viewport of the run and the position of the language control in it
// (wasm/layout/controls.go at device scale 1: the footer is 40 px high, the
// language button sits left of the motion button at the right margin).
const (
	width, height = 1280, 720
	langX, langY  = width - 16 - 32 - 8 - 16, height - 20
)

// How long one step may take before the run fails: software WebGL on a
// busy 2-core machine draws a frame in 100–300 ms.
const (
	readyTimeout = 90 * time.Second
	stepTimeout  = 30 * time.Second
)

// Every cardEvery-th scene a card is opened and closed again; every
// langEvery-th the language is switched.
const (
	cardEvery = 3
	langEvery = 7
)

//go:embed probe.js
var probeJS string

// sample is one measurement of memory.
type sample struct {
	at       time.Duration // since the start of the run
	wasm     float64       // bytes of the Go program's linear memory
	jsHeap   float64       // bytes of used JavaScript heap
	frames   int
	problems int
}

// result is what a run observed.
type result struct {
	ran      time.Duration
	warm     time.Duration // the warm-up: until every scene was seen in both languages
	steps    int           // scene changes
	loops    int           // times through every scene
	cards    int           // cards opened and closed
	langs    int           // language switches
	settle   []step        // per scene change: how long until at rest
	samples  []sample      // memory over time
	problems []string      // console errors, exceptions, crashes
	state    string        // data-widget-state at the end
}

type step struct {
	at   time.Duration
	took time.Duration
}

func run(ctx context.Context, cfg config, w io.Writer) (*result, error) {
	res := &result{}
	story, err := data.Decode(assets.Story)
	if err != nil {
		return res, fmt.Errorf("decoding the embedded dataset: %w", err)
	}
	var scenes []string
	for _, sc := range story.Scenes {
		scenes = append(scenes, sc.ID)
	}
	if len(scenes) < 2 {
		return res, errors.New("the dataset has fewer than two scenes: nothing to step through")
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
	fmt.Fprintf(w, "soak: %s for %s, %d scenes, chromium started in %s\n", base, cfg.duration, len(scenes), b.Startup().Round(time.Millisecond))

	if err := b.Navigate(base + "/?lang=en&scene=" + scenes[0]); err != nil {
		return res, err
	}
	if state, err := b.WaitForState(readyTimeout); err != nil || state != "ready" {
		return res, fmt.Errorf("the widget reached state %q (%v); console: %q", state, err, b.Problems())
	}
	if err := b.WaitForAttr("data-widget-motion", "still", stepTimeout); err != nil {
		return res, err
	}
	if err := b.Click(2, 2); err != nil { // the canvas takes the keyboard focus
		return res, err
	}

	start := time.Now()
	defer func() {
		res.ran = time.Since(start)
		res.problems = b.Problems()
		res.state, _ = b.Attr("data-widget-state")
	}()
	next := time.Duration(0) // when the next memory sample is due
	for cur := 0; ; {
		now := time.Since(start)
		if now >= next {
			s, err := measure(b)
			if err != nil {
				return res, err
			}
			s.at = now
			res.samples = append(res.samples, s)
			fmt.Fprintf(w, "soak: %6s  wasm %.1f MB  js heap %.1f MB  frames %d  steps %d  problems %d\n",
				now.Round(time.Second), s.wasm/1e6, s.jsHeap/1e6, s.frames, res.steps, s.problems)
			next += cfg.sample
		}
		if now >= cfg.duration || ctx.Err() != nil {
			break
		}

		// The next scene, as autoplay would show it.
		key, want := browser.ArrowRight, cur+1
		if want == len(scenes) {
			key, want = browser.Home, 0
			res.loops++
		}
		t0 := time.Now()
		if err := b.PressKey(key); err != nil {
			return res, err
		}
		if err := b.WaitForAttr("data-widget-scene", scenes[want], stepTimeout); err != nil {
			return res, fmt.Errorf("step %d (%s to %s): %w", res.steps+1, key, scenes[want], err)
		}
		res.settle = append(res.settle, step{at: time.Since(start), took: time.Since(t0)})
		res.steps++
		cur = want
		if res.steps == len(scenes) {
			res.warm = time.Since(start) // every scene seen, both languages (langEvery < len)
		}

		if res.steps%cardEvery == 0 {
			if opened, err := openCard(b); err != nil {
				return res, fmt.Errorf("step %d, a card on %s: %w", res.steps, scenes[cur], err)
			} else if opened {
				res.cards++
			}
		}
		if res.steps%langEvery == 0 {
			if err := switchLang(b); err != nil {
				return res, fmt.Errorf("step %d: %w", res.steps, err)
			}
			res.langs++
		}
		select {
		case <-time.After(cfg.dwell):
		case <-ctx.Done():
		}
	}
	return res, ctx.Err()
}

// openCard focuses the next item with Tab and, if it is an element (its
// label cites a paragraph, like "P12"), opens its card with Enter, waits for
// the frame, and closes it with Escape. It reports whether a card opened.
func openCard(b *browser.Browser) (bool, error) {
	live := `(document.getElementById('widget-live') || {}).textContent || ''`
	before, err := browser.Eval[string](b, live)
	if err != nil {
		return false, err
	}
	if err := b.PressKey(browser.Tab); err != nil {
		return false, err
	}
	label, err := browser.WaitFor(b, stepTimeout, live, func(s string) bool { return s != "" && s != before })
	if err != nil {
		// The focus may already rest on the only item: nothing to open.
		return false, nil
	}
	opened := paragraphRef(label)
	if opened {
		frames, err := browser.Eval[int](b, `window.__parallelLinesFrames || 0`)
		if err != nil {
			return false, err
		}
		if err := b.PressKey(browser.Enter); err != nil {
			return false, err
		}
		if _, err := browser.WaitFor(b, stepTimeout, `window.__parallelLinesFrames || 0`, func(n int) bool { return n > frames }); err != nil {
			return false, fmt.Errorf("Enter on %.60q drew no frame: %w", label, err)
		}
	}
	if err := b.PressKey(browser.Escape); err != nil {
		return false, err
	}
	return opened, nil
}

// paragraphRef reports whether a label cites a paragraph of the interview.
func paragraphRef(label string) bool {
	for i := strings.Index(label, "P"); i >= 0 && i+1 < len(label); {
		if c := label[i+1]; c >= '0' && c <= '9' {
			return true
		}
		j := strings.Index(label[i+1:], "P")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// switchLang clicks the language control and waits for <html lang> to
// change, then gives the keyboard focus back to the canvas.
func switchLang(b *browser.Browser) error {
	before, err := b.Attr("lang")
	if err != nil {
		return err
	}
	if err := b.Click(langX, langY); err != nil {
		return err
	}
	if _, err := browser.WaitFor(b, stepTimeout, `document.documentElement.lang`, func(s string) bool { return s != before }); err != nil {
		return fmt.Errorf("the language control at %d,%d left <html lang=%q>: %w", langX, langY, before, err)
	}
	return nil
}

// probeReading is what the page reports of itself (see probe.js).
type probeReading struct {
	Wasm   float64 `json:"wasm"`
	JSHeap float64 `json:"jsHeap"`
	Frames int     `json:"frames"`
}

func measure(b *browser.Browser) (sample, error) {
	// Measured after a full collection: what the page holds, not what it
	// has yet to free.
	if err := b.CollectGarbage(); err != nil {
		return sample{}, err
	}
	m, err := browser.Eval[probeReading](b, `({
		wasm: window.__soakMemory ? window.__soakMemory.buffer.byteLength : -1,
		jsHeap: performance.memory ? performance.memory.usedJSHeapSize : -1,
		frames: window.__parallelLinesFrames || 0,
	})`)
	if err != nil {
		return sample{}, err
	}
	if m.Wasm < 0 {
		return sample{}, errors.New("the probe found no wasm memory: did the page start the program another way?")
	}
	return sample{wasm: m.Wasm, jsHeap: m.JSHeap, frames: m.Frames, problems: len(b.Problems())}, nil
}

// verdict checks a finished run against the limits.
func (r *result) verdict(cfg config) error {
	var errs []error
	if len(r.problems) > 0 {
		errs = append(errs, fmt.Errorf("%d console errors, exceptions or crashes:\n  %s", len(r.problems), strings.Join(r.problems, "\n  ")))
	}
	if r.state != "ready" {
		errs = append(errs, fmt.Errorf("the widget ended in state %q, want ready", r.state))
	}
	if len(r.afterWarmUp()) < 3 || len(r.settle) < 6 {
		errs = append(errs, fmt.Errorf("too short to judge: %d memory samples after the warm-up of %s, %d steps", len(r.afterWarmUp()), r.warm.Round(time.Second), len(r.settle)))
		return errors.Join(errs...)
	}
	wasm0, wasm1 := r.memory(func(s sample) float64 { return s.wasm })
	if g := wasm1/wasm0 - 1; g > cfg.heapGrowth {
		errs = append(errs, fmt.Errorf("wasm memory grew %.1f%% after the warm-up (%.1f to %.1f MB), limit %.0f%%", 100*g, wasm0/1e6, wasm1/1e6, 100*cfg.heapGrowth))
	}
	js0, js1 := r.memory(func(s sample) float64 { return s.jsHeap })
	if g := js1/js0 - 1; js0 > 0 && g > cfg.heapGrowth {
		errs = append(errs, fmt.Errorf("JS heap grew %.1f%% after the warm-up (%.1f to %.1f MB), limit %.0f%%", 100*g, js0/1e6, js1/1e6, 100*cfg.heapGrowth))
	}
	first, last := r.timing()
	if float64(last) > float64(first)*(1+cfg.drift)+float64(100*time.Millisecond) {
		errs = append(errs, fmt.Errorf("scene changes slowed down: median %s from key to new scene in the first third, %s in the last", first, last))
	}
	return errors.Join(errs...)
}

// memory returns the floor (the smallest sample, which follows a garbage
// collection) of the first and the last third of the samples taken after the
// warm-up: caches fill while scenes and languages are first seen.
func (r *result) memory(v func(sample) float64) (before, after float64) {
	s := r.afterWarmUp()
	third := max(1, len(s)/3)
	floor := func(ss []sample) float64 {
		m := v(ss[0])
		for _, x := range ss[1:] {
			m = min(m, v(x))
		}
		return m
	}
	return floor(s[:third]), floor(s[len(s)-third:])
}

func (r *result) afterWarmUp() []sample {
	if r.warm == 0 {
		return nil
	}
	i := slices.IndexFunc(r.samples, func(s sample) bool { return s.at >= r.warm })
	if i < 0 {
		return nil
	}
	return r.samples[i:]
}

// timing returns the median time from the key press to the new scene in
// the first and the last third of the steps after the warm-up.
func (r *result) timing() (first, last time.Duration) {
	i := slices.IndexFunc(r.settle, func(s step) bool { return s.at >= r.warm })
	ss := r.settle[max(0, i):]
	third := max(1, len(ss)/3)
	median := func(ss []step) time.Duration {
		d := make([]time.Duration, len(ss))
		for i, s := range ss {
			d[i] = s.took
		}
		slices.Sort(d)
		return d[len(d)/2]
	}
	return median(ss[:third]), median(ss[len(ss)-third:])
}

// summary is the result in one paragraph, for the README.
func (r *result) summary() string {
	if len(r.afterWarmUp()) < 1 || len(r.settle) < 3 {
		return fmt.Sprintf("soak: ran %s, %d scene changes: too short to summarise", r.ran.Round(time.Second), r.steps)
	}
	wasm0, wasm1 := r.memory(func(s sample) float64 { return s.wasm })
	js0, js1 := r.memory(func(s sample) float64 { return s.jsHeap })
	first, last := r.timing()
	return fmt.Sprintf("soak: %s, %d scene changes (%d loops), %d cards, %d language switches; "+
		"%d console problems, state %s; after a warm-up of %s: wasm memory %.1f → %.1f MB (%+.1f%%), JS heap floor %.1f → %.1f MB (%+.1f%%); "+
		"median key-to-scene time %s → %s",
		r.ran.Round(time.Second), r.steps, r.loops, r.cards, r.langs, len(r.problems), r.state, r.warm.Round(time.Second),
		wasm0/1e6, wasm1/1e6, 100*(wasm1/wasm0-1), js0/1e6, js1/1e6, 100*(js1/js0-1),
		first.Round(time.Millisecond), last.Round(time.Millisecond))
}

// probedCopy copies dist into a temporary directory and makes its page load
// probe.js before any other script.
func probedCopy(dist string) (string, error) {
	index := filepath.Join(dist, "index.html")
	page, err := os.ReadFile(index)
	if err != nil {
		return "", fmt.Errorf("%w: run `make dist` first", err)
	}
	i := strings.Index(string(page), "<script")
	if i < 0 {
		return "", fmt.Errorf("%s loads no script", index)
	}
	dir, err := os.MkdirTemp("", "soak-")
	if err != nil {
		return "", err
	}
	probed := string(page[:i]) + `<script src="soak-probe.js"></script>` + "\n" + string(page[i:])
	if err := errors.Join(
		os.CopyFS(dir, os.DirFS(dist)),
		os.WriteFile(filepath.Join(dir, "index.html"), []byte(probed), 0o644),
		os.WriteFile(filepath.Join(dir, "soak-probe.js"), []byte(probeJS), 0o644),
	); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return dir, nil
}

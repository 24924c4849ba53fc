// Package bench owns the widget's benchmark (command build/bench): it builds
// the widget and an empty Ebitengine program with the same toolchain and
// flags, serves both on loopback compressed like a CDN, drives headless
// Chromium through start-up, transitions, rest and scene loops, and
// summarises each figure over several runs (median and spread) in a
// Results, which it writes as bench/results.json and a Markdown table. It
// also holds the budgets that `make budget` checks against those results.
//
// Sizes are deterministic; times are not, on a shared machine: they are
// reported next to the floor taken in the same run, so ratios stay
// comparable.
package bench

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/build/internal/browser"
	"github.com/parallel-lines/widget/data"
)

// Options configure Run.
type Options struct {
	Root  string // the repository
	Dist  string // the built widget; Run builds it with `make dist` unless NoBuild
	Cache string // where brotli output is kept between runs ("" for none)
	Runs  int
	Short bool // fewer transitions and loops, shorter idle windows (CI)
	// NoBuild takes Dist as it is.
	NoBuild bool
	// Make times `make dist` from clean (empty Go build cache) and after
	// touching one Go file. Slow (minutes): off in short runs.
	Make bool
	// Embeds is the number of widgets on the host page (20).
	Embeds       int
	IdleWindow   time.Duration
	EmbedTimeout time.Duration
	Logf         func(format string, args ...any)
	// Only, when not empty, runs just the steps whose names contain one of
	// its comma-separated parts (for developing one figure; the results
	// are then partial).
	Only string
}

func (o *Options) defaults() {
	o.Runs = max(o.Runs, 1)
	if o.Embeds == 0 {
		o.Embeds = 20
	}
	if o.IdleWindow == 0 {
		o.IdleWindow = 5 * time.Second
		if o.Short {
			o.IdleWindow = 3 * time.Second
		}
	}
	if o.EmbedTimeout == 0 {
		o.EmbedTimeout = 3 * time.Minute
		if o.Short {
			o.EmbedTimeout = 90 * time.Second
		}
	}
	if o.Logf == nil {
		o.Logf = func(string, ...any) {}
	}
}

// Run builds, serves and measures, and returns the summarised results.
// A figure that fails in one run is left out of that run's samples and the
// failure is listed in Results.Errors; only a failure to build or serve
// ends Run with an error.
func Run(ctx context.Context, o Options) (*Results, error) {
	o.defaults()
	res := &Results{
		Date: time.Now().UTC().Format(time.RFC3339), Go: runtime.Version(), Runs: o.Runs, Short: o.Short,
		D3Reference: D3Reference,
		MakeClean:   Summarize(nil), MakeTouched: Summarize(nil),
	}
	if out, err := exec.Command("git", "-C", o.Root, "rev-parse", "--short", "HEAD").Output(); err == nil {
		res.Commit = strings.TrimSpace(string(out))
	}
	if out, err := exec.Command("chromium", "--version").Output(); err == nil {
		res.Chromium = strings.TrimSpace(string(out))
	}
	errorf := func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		o.Logf("error: %s", msg)
		res.Errors = append(res.Errors, msg)
	}

	if o.Make {
		clean, touched, err := timeMake(o.Root, o.Dist)
		if err != nil {
			errorf("make times: %v", err)
		} else {
			res.MakeClean, res.MakeTouched = Summarize([]float64{clean}), Summarize([]float64{touched})
		}
	} else if !o.NoBuild {
		o.Logf("make dist")
		if out, err := runIn(o.Root, nil, "make", "dist"); err != nil {
			return nil, fmt.Errorf("make dist: %v\n%s", err, out)
		}
	}
	tmp, err := os.MkdirTemp("", "bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	o.Logf("building the empty Ebitengine program and the decode probe")
	if err := buildProgram(o.Root, "./build/bench/floor", filepath.Join(tmp, "floor")); err != nil {
		return nil, err
	}
	if err := buildProgram(o.Root, "./build/bench/probe", filepath.Join(tmp, "probe")); err != nil {
		return nil, err
	}
	if err := buildProgram(o.Root, "./build/bench/floor/busy", filepath.Join(tmp, "busy")); err != nil {
		return nil, err
	}

	o.Logf("compressing (brotli 11 takes about a minute per program unless cached in %s)", o.Cache)
	w, err := LoadSite(o.Dist, o.Cache)
	if err != nil {
		return nil, err
	}
	for _, n := range []int{1, o.Embeds} {
		w.Put(fmt.Sprintf("host%d.html", n), []byte(hostPage(n)), "")
	}
	nohold := w.Clone()
	hasFrames := w.File("frames.js") != nil
	if hasFrames {
		nohold.Put("frames.js", []byte("// held nothing: the benchmark's baseline\n"), "")
	}
	floor, err := LoadSite(filepath.Join(tmp, "floor"), o.Cache)
	if err != nil {
		return nil, err
	}
	probe, err := LoadSite(filepath.Join(tmp, "probe"), o.Cache)
	if err != nil {
		return nil, err
	}
	busy, err := LoadSite(filepath.Join(tmp, "busy"), o.Cache)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/w/", http.StripPrefix("/w", w))
	mux.Handle("/nohold/", http.StripPrefix("/nohold", nohold))
	mux.Handle("/floor/", http.StripPrefix("/floor", floor))
	mux.Handle("/probe/", http.StripPrefix("/probe", probe))
	mux.Handle("/busy/", http.StripPrefix("/busy", busy))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	for _, name := range []string{"assets/fonts/subset.bin", "assets/story.msgpack"} {
		b, err := os.ReadFile(filepath.Join(o.Root, name))
		if err != nil {
			return nil, err
		}
		e, err := Encode(b, o.Cache)
		if err != nil {
			return nil, err
		}
		if strings.Contains(name, "font") {
			res.Font = e.Size()
		} else {
			res.Story = e.Size()
		}
	}

	story, err := data.Decode(assets.Story)
	if err != nil {
		return nil, err
	}
	scenes := len(story.Scenes)

	start := map[string][]float64{}
	floorStart := map[string][]float64{}
	trans := map[string]map[string][]float64{}
	idle := map[string]map[string][]float64{}
	heap := map[string][]float64{}
	var storyMS, fontMS []float64
	add := func(m map[string]map[string][]float64, k, f string, x float64) {
		if m[k] == nil {
			m[k] = map[string][]float64{}
		}
		m[k][f] = append(m[k][f], x)
	}
	sizes := [][2]int{{1280, 720}, {3840, 2160}}
	nTrans, loops := 6, 10
	if o.Short {
		// Three loops: under software WebGL on a busy machine one loop
		// takes a minute or more. Growth is then loop 3 over loop 1.
		nTrans, loops = 3, 3
	}

	for run := 1; run <= o.Runs; run++ {
		o.Logf("run %d of %d", run, o.Runs)
		s, err := startSession(ctx, srv.URL, &o)
		if err != nil {
			return nil, err
		}
		step := func(what string, fn func() error) {
			if o.Only != "" && !slices.ContainsFunc(strings.Split(o.Only, ","), func(p string) bool { return strings.Contains(what, p) }) {
				return
			}
			o.Logf("  %s", what)
			if err := fn(); err != nil {
				errorf("run %d, %s: %v", run, what, err)
			}
		}
		step("start-up of the empty program", func() error {
			m, err := s.startMarks("/floor/index.html")
			for k, v := range m {
				floorStart[k] = append(floorStart[k], v)
			}
			return err
		})
		step("start-up of the widget", func() error {
			w.Log()
			m, err := s.startMarks("/w/index.html#lang=en")
			for k, v := range m {
				start[k] = append(start[k], v)
			}
			if run == 1 && err == nil {
				var sent []Sent
				if sent, err = s.loaded(w); err != nil {
					return err
				}
				res.Files, res.FirstPicture, res.Interactive = loadSet(w, sent)
				if len(sent) > 0 && sent[0].Encoding != "br" {
					errorf("the browser did not take brotli (%q for %s): transfer times are for %q", sent[0].Encoding, sent[0].Path, sent[0].Encoding)
				}
				res.FloorFiles, _, res.Floor = loadSet(floor, floor.Log())
				// The Chinese view: the same page, which also fetches the
				// Chinese glyphs (bench/README.md 13).
				if _, err = s.startMarks("/w/index.html#lang=zh"); err != nil {
					return err
				}
				if sent, err = s.loaded(w); err != nil {
					return err
				}
				res.FilesZh, _, res.InteractiveZh = loadSet(w, sent)
			}
			return err
		})
		step("idle at rest (one widget)", func() error {
			// The start-up step leaves the widget open; run alone (-only),
			// this step and the hidden one open it themselves.
			if st, _ := s.b.Attr("data-widget-state"); st != "ready" {
				if err := s.open("/w/index.html#lang=en"); err != nil {
					return err
				}
			}
			if err := s.waitStill(); err != nil {
				return err
			}
			time.Sleep(time.Second) // past the hold's grace period
			b, sc, f, err := s.idle(widgetFrames)
			add(idle, "rest", "busy", b)
			add(idle, "rest", "script", sc)
			add(idle, "rest", "fps", f)
			return err
		})
		step("idle hidden (one widget)", func() error {
			return s.hidden(func() error {
				b, sc, f, err := s.idle(widgetFrames)
				add(idle, "hidden", "busy", b)
				add(idle, "hidden", "script", sc)
				add(idle, "hidden", "fps", f)
				return err
			})
		})
		if hasFrames {
			step("idle at rest without frames.js (baseline)", func() error {
				if err := s.open("/nohold/index.html#lang=en"); err != nil {
					return err
				}
				if err := s.waitStill(); err != nil {
					return err
				}
				time.Sleep(time.Second)
				b, sc, f, err := s.idle(widgetFrames)
				add(idle, "rest_without_hold", "busy", b)
				add(idle, "rest_without_hold", "script", sc)
				add(idle, "rest_without_hold", "fps", f)
				return err
			})
		}
		step("idle off screen (one embed scrolled away)", func() error {
			if err := s.openEmbeds(1); err != nil {
				return err
			}
			return s.offScreen(idle, "offscreen", add)
		})
		step(fmt.Sprintf("idle with %d embeds", o.Embeds), func() error {
			// More live WebGL contexts than Chromium keeps (about 16) make
			// the oldest embeds lose theirs and reload: measure what the
			// page does then too, and say so.
			if err := s.openEmbeds(o.Embeds); err != nil {
				errorf("run %d: %v; measured as it is", run, err)
			}
			time.Sleep(2 * time.Second)
			if st, err := browser.Eval[embedState](s.b, embedsExpr); err == nil {
				o.Logf("    at rest: %v of %v embeds ready, %v live, %v starting (budget %v); %v loads, %v lost contexts", st.Ready, st.N, st.Live, st.Starting, st.Max, st.Loads, st.Lost)
			}
			b, sc, f, err := s.idle(embedFrames)
			k := fmt.Sprintf("rest_%d_embeds", o.Embeds)
			add(idle, k, "busy", b)
			add(idle, k, "script", sc)
			add(idle, k, "fps", f)
			if err != nil {
				return err
			}
			if err := s.hidden(func() error {
				b, sc, f, err := s.idle(embedFrames)
				k := fmt.Sprintf("hidden_%d_embeds", o.Embeds)
				add(idle, k, "busy", b)
				add(idle, k, "script", sc)
				add(idle, k, "fps", f)
				if st, err := browser.Eval[embedState](s.b, embedsExpr); err == nil {
					o.Logf("    hidden: %v live; %v loads, %v lost contexts", st.Live, st.Loads, st.Lost)
				}
				return err
			}); err != nil {
				return err
			}
			return s.offScreen(idle, fmt.Sprintf("offscreen_%d_embeds", o.Embeds), add)
		})
		for _, sz := range sizes {
			key := fmt.Sprintf("%dx%d", sz[0], sz[1])
			step("transitions at "+key, func() error {
				ms, fps, err := s.transitionsAt(sz[0], sz[1], nTrans) // large.go
				if err != nil {
					return err
				}
				if len(ms) == 0 {
					return fmt.Errorf("no frame recorded")
				}
				add(trans, key, "p50", Percentile(ms, 50))
				add(trans, key, "p95", Percentile(ms, 95))
				add(trans, key, "max", Percentile(ms, 100))
				add(trans, key, "fps", fps)
				add(trans, key, "frames", float64(len(ms)))
				return nil
			})
		}
		// What the machine allows: the floor redrawing every frame with a
		// transition frame's load, in the same run (large.go).
		step("transitions' floor: frame rate of the busy empty program at 1280x720", func() error {
			f, err := s.floorFPS(1280, 720, 5*time.Second, false)
			if err != nil {
				return err
			}
			add(trans, "1280x720", "floor_fps", f)
			if f, err = s.floorFPS(1280, 720, 5*time.Second, true); err == nil {
				add(trans, "1280x720", "floor_fill_fps", f)
			}
			return err
		})
		step(fmt.Sprintf("heap over %d loops", loops), func() error {
			a, b, err := s.heapLoops(loops, scenes)
			if err != nil {
				return err
			}
			heap["go1"] = append(heap["go1"], a.goHeap)
			heap["go10"] = append(heap["go10"], b.goHeap)
			heap["mem1"] = append(heap["mem1"], a.mem)
			heap["mem10"] = append(heap["mem10"], b.mem)
			heap["js1"] = append(heap["js1"], a.js)
			heap["js10"] = append(heap["js10"], b.js)
			heap["growth"] = append(heap["growth"], 100*(b.goHeap-a.goHeap)/a.goHeap)
			return nil
		})
		step("decode probe", func() error {
			st, f, err := s.probe()
			if err == nil {
				storyMS = append(storyMS, st)
				fontMS = append(fontMS, f)
			}
			return err
		})
		if p := s.b.Problems(); len(p) > 0 {
			errorf("run %d: the browser reported %d problems, first: %s", run, len(p), p[0])
		}
		s.close()
	}

	res.Start = summarizeAll(start)
	res.FloorStart = summarizeAll(floorStart)
	if f, ok := res.FloorStart["ready"]; ok {
		if r, ok := res.Start["ready"]; ok {
			res.ReadyToFloor = Summarize([]float64{r.Median / f.Median})
		}
	}
	if res.ReadyToFloor.Samples == nil {
		res.ReadyToFloor = Summarize(nil)
	}
	if res.Floor.Brotli > 0 {
		res.InteractiveToFloor = float64(res.Interactive.Brotli) / float64(res.Floor.Brotli)
		res.InteractiveZhToFloor = float64(res.InteractiveZh.Brotli) / float64(res.Floor.Brotli)
	}
	res.FirstPictureToD3 = float64(res.FirstPicture.Brotli) / D3Brotli
	res.Poster = slices.ContainsFunc(res.Files, func(f FileSize) bool {
		return f.FirstPicture && (strings.HasSuffix(f.Name, ".png") || strings.HasSuffix(f.Name, ".svg") || strings.HasSuffix(f.Name, ".webp"))
	})
	res.Transitions = map[string]Transition{}
	for k, m := range trans {
		res.Transitions[k] = Transition{P50: Summarize(m["p50"]), P95: Summarize(m["p95"]), Max: Summarize(m["max"]), FPS: Summarize(m["fps"]), Frames: Summarize(m["frames"]), FloorFPS: Summarize(m["floor_fps"]), FloorFillFPS: Summarize(m["floor_fill_fps"])}
	}
	res.Idle = map[string]Idle{}
	for k, m := range idle {
		res.Idle[k] = Idle{Busy: Summarize(m["busy"]), Script: Summarize(m["script"]), FPS: Summarize(m["fps"])}
	}
	res.Heap = Heap{
		Loop:    fmt.Sprintf("ArrowRight through every scene, then Home, with motion off (no autoplay in this build); %d loops", loops),
		GoHeap1: Summarize(heap["go1"]), GoHeap10: Summarize(heap["go10"]),
		Memory1: Summarize(heap["mem1"]), Memory10: Summarize(heap["mem10"]),
		JSHeap1: Summarize(heap["js1"]), JSHeap10: Summarize(heap["js10"]),
		GrowthPct: Summarize(heap["growth"]),
	}
	res.StoryDecode, res.FontLoad = Summarize(storyMS), Summarize(fontMS)
	return res, nil
}

// offScreen scrolls the host page past its embeds and measures two
// windows: key+"_settle", from the scroll until the page has settled (at
// least settleAfter, which covers the loader's planned return of an embed
// to its poster after 4 s off screen when there is one, then until no embed
// is starting, plus a second), and key, the usual idle window after that.
func (s *session) offScreen(idle map[string]map[string][]float64, key string, add func(map[string]map[string][]float64, string, string, float64)) error {
	t0, s0, ts0, err := s.metrics()
	if err != nil {
		return err
	}
	if _, err := evalNum(s, `window.scrollTo(0, document.body.scrollHeight), window.scrollY`); err != nil {
		return err
	}
	time.Sleep(settleAfter)
	st, err := s.embedsSettled(time.Minute, func(embedState) bool { return true })
	if err != nil {
		return fmt.Errorf("after scrolling away: %w", err)
	}
	time.Sleep(time.Second)
	t1, s1, ts1, err := s.metrics()
	if err != nil {
		return err
	}
	if dt := ts1 - ts0; dt > 0 {
		add(idle, key+"_settle", "busy", 100*(t1-t0)/dt)
		add(idle, key+"_settle", "script", 100*(s1-s0)/dt)
	}
	s.o.Logf("    %s: settled %.1f s after scrolling away, %v of %v embeds live; %v loads and %v lost contexts since the page opened", key, ts1-ts0, st.Live, st.N, st.Loads, st.Lost)
	b, sc, f, err := s.idle(embedFrames)
	add(idle, key, "busy", b)
	add(idle, key, "script", sc)
	add(idle, key, "fps", f)
	return err
}

// settleAfter is how long an off-screen page is left before its idle
// window: past widget.js's planned unload (4 s off screen, checked each
// second) in the builds that have one.
const settleAfter = 6 * time.Second

func summarizeAll(m map[string][]float64) map[string]Stat {
	out := map[string]Stat{}
	for k, v := range m {
		out[k] = Summarize(v)
	}
	return out
}

// loadSet turns a site's log of one page load into the files it loaded (in
// order, each once) and the totals to the first picture (everything but
// .wasm) and to interactive (everything).
func loadSet(s *Site, sent []Sent) (files []FileSize, firstPic, all Size) {
	seen := map[string]bool{}
	for _, r := range sent {
		if seen[r.Path] {
			continue
		}
		seen[r.Path] = true
		e := s.File(r.Path)
		if e == nil {
			continue
		}
		// The program and the Chinese glyphs are needed to interact, not
		// to show the poster.
		fp := !strings.HasSuffix(r.Path, ".wasm") && !strings.HasPrefix(path.Base(r.Path), "font-")
		files = append(files, FileSize{Name: r.Path, Size: e.Size(), FirstPicture: fp})
		all = all.Add(e.Size())
		if fp {
			firstPic = firstPic.Add(e.Size())
		}
	}
	return files, firstPic, all
}

// buildProgram builds a js/wasm command with the widget's flags into dir,
// with an index.html that starts it and Go's wasm_exec.js.
func buildProgram(root, pkg, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	abs, err := filepath.Abs(filepath.Join(dir, "main.wasm"))
	if err != nil {
		return err
	}
	// The Makefile's rule, so the flags are the widget's by construction.
	out, err := runIn(root, nil, "make", "--no-print-directory", "program", "PKG="+pkg, "OUT="+abs)
	if err != nil {
		return fmt.Errorf("building %s: %v\n%s", pkg, err, out)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return err
	}
	b, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "wasm_exec.js"), b, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), []byte(programPage), 0o644)
}

const programPage = `<!doctype html><html lang="en" data-widget-state="loading"><head><meta charset="utf-8"><title>floor</title><link rel="icon" href="data:,"></head><body>
<script src="wasm_exec.js"></script>
<script>var go = new Go(); WebAssembly.instantiateStreaming(fetch("main.wasm"), go.importObject).then(function (r) { go.run(r.instance); });</script>
</body></html>`

func runIn(dir string, env []string, name string, args ...string) ([]byte, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	return cmd.CombinedOutput()
}

// timeMake times `make dist` from a clean tree with an empty Go build cache,
// then after touching one Go file (Go's cache is keyed by content, so this
// is the relink and copy a developer waits for).
func timeMake(root, dist string) (clean, touched float64, err error) {
	cache, err := os.MkdirTemp("", "bench-gocache-")
	if err != nil {
		return 0, 0, err
	}
	defer os.RemoveAll(cache)
	env := []string{"GOCACHE=" + cache}
	if out, err := runIn(root, env, "make", "clean"); err != nil {
		return 0, 0, fmt.Errorf("make clean: %v\n%s", err, out)
	}
	t := time.Now()
	if out, err := runIn(root, env, "make", "dist"); err != nil {
		return 0, 0, fmt.Errorf("make dist: %v\n%s", err, out)
	}
	clean = time.Since(t).Seconds()
	now := time.Now()
	if err := os.Chtimes(filepath.Join(root, "wasm", "app", "app.go"), now, now); err != nil {
		return 0, 0, err
	}
	t = time.Now()
	if out, err := runIn(root, env, "make", "dist"); err != nil {
		return 0, 0, fmt.Errorf("make dist: %v\n%s", err, out)
	}
	touched = time.Since(t).Seconds()
	_ = dist
	return clean, touched, nil
}

func evalNum(s *session, expr string) (float64, error) {
	return evalFloat(s, expr)
}

var _ = math.NaN

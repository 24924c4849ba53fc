package browsertest

import (
	"bytes"
	"encoding/json"
	"image/png"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode"

	"github.com/parallel-lines/widget/build/internal/browser"
	"github.com/parallel-lines/widget/build/internal/devserver"
	"github.com/parallel-lines/widget/build/internal/imgdiff"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
	"github.com/parallel-lines/widget/wasm/widget"
)

// The Chinese glyphs are files of their own, in chunks
// (font-zh-<chunk>.<hash>.bin: first, scenes, rest), fetched only for a
// Chinese view. These tests serve dist/ with a switch that delays or fails
// those files and count their requests per chunk.

// fontServer serves dist like serveDir, and the chunks of Chinese glyphs
// with no caching (so every load asks again), after delay (every chunk) or
// laterDelay (every chunk but the first) or, while a gate is set (holdLater),
// until it opens, or with a 503 while fail is set; asked counts their
// requests, count each chunk's.
type fontServer struct {
	*httptest.Server
	delay, laterDelay atomic.Int64 // ms
	fail              atomic.Bool
	asked             atomic.Int32
	mu                sync.Mutex
	byChunk           map[string]int
	gate              chan struct{} // under mu
}

// holdLater keeps every chunk but the first from being sent until the
// returned func is called.
func (fs *fontServer) holdLater() (open func()) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	g := make(chan struct{})
	fs.gate = g
	return sync.OnceFunc(func() {
		fs.mu.Lock()
		fs.gate = nil
		fs.mu.Unlock()
		close(g)
	})
}

// fontChunk is the chunk a path asks for, "" if it is not a font file.
func fontChunk(p string) string {
	m := regexp.MustCompile(`^font-zh-([a-z]+)\.[0-9a-f]+\.bin$`).FindStringSubmatch(filepath.Base(p))
	if m == nil {
		return ""
	}
	return m[1]
}

func serveFonts(t *testing.T, dist string) *fontServer {
	t.Helper()
	h, err := devserver.New(dist)
	if err != nil {
		t.Fatal(err)
	}
	fs := &fontServer{byChunk: map[string]int{}}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		chunk := fontChunk(r.URL.Path)
		if chunk == "" {
			h.ServeHTTP(w, r)
			return
		}
		fs.asked.Add(1)
		fs.mu.Lock()
		fs.byChunk[chunk]++
		gate := fs.gate
		fs.mu.Unlock()
		if gate != nil && chunk != "first" {
			select {
			case <-gate:
			case <-r.Context().Done():
				return
			}
		}
		d := fs.delay.Load()
		if chunk != "first" {
			d = max(d, fs.laterDelay.Load())
		}
		time.Sleep(time.Duration(d) * time.Millisecond)
		if fs.fail.Load() {
			http.Error(w, "unavailable", http.StatusServiceUnavailable)
			return
		}
		h.ServeHTTP(noStore{w}, r)
	}))
	t.Cleanup(func() {
		fs.Close()
		h.Close()
	})
	return fs
}

// count returns how often each chunk was asked for, and forgets it.
func (fs *fontServer) count() map[string]int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	out := fs.byChunk
	fs.byChunk = map[string]int{}
	fs.asked.Store(0)
	return out
}

// noStore keeps the browser from caching a response.
type noStore struct{ http.ResponseWriter }

func (n noStore) WriteHeader(code int) {
	n.Header().Set("Cache-Control", "no-store")
	n.ResponseWriter.WriteHeader(code)
}

func (n noStore) Write(b []byte) (int, error) {
	if n.Header().Get("Cache-Control") != "no-store" {
		n.WriteHeader(http.StatusOK)
	}
	return n.ResponseWriter.Write(b)
}

// resourcesExpr lists the page's resource timings whose name has s.
func resourcesExpr(s string) string {
	return `performance.getEntriesByType('resource').filter(e => e.name.includes(` + jsString(s) + `)).map(e => ({name: e.name, start: e.startTime, end: e.responseEnd}))`
}

type resource struct {
	Name       string
	Start, End float64
}

// checkGlyphs fails t if the widget has asked for any glyph its font lacks
// (a hollow box on screen, typeset.Fonts.Missing) or if its frame, as the
// core describes it, is not in lang with text of that language.
func checkGlyphs(t *testing.T, b *testBrowser, lang string) {
	t.Helper()
	if n := eval[int](t, b, `window.parallelLines.missingGlyphs()`); n != 0 {
		t.Errorf("%d glyphs drawn without their outline (hollow boxes)", n)
	}
	var d widget.Description
	if err := json.Unmarshal([]byte(eval[string](t, b, `window.parallelLines.inspect()`)), &d); err != nil {
		t.Fatal(err)
	}
	cjk := 0
	for _, x := range d.Texts {
		for _, r := range x.Text {
			if unicode.Is(unicode.Han, r) {
				cjk++
			}
		}
	}
	if d.Lang != lang || len(d.Texts) == 0 || (lang == "zh") != (cjk > 20) {
		t.Errorf("the frame is in %q with %d texts, %d Chinese characters; want %q", d.Lang, len(d.Texts), cjk, lang)
	}
}

// fontTimes is when the page asked for each chunk of Chinese glyphs and
// when it was ready (performance.now, ms).
type fontTimes struct {
	Ready  float64
	Chunks map[string]resource
}

func (b *testBrowser) fontTimes(t *testing.T) fontTimes {
	t.Helper()
	ft := fontTimes{Ready: eval[float64](t, b, `window.parallelLinesFont.readyAt || -1`), Chunks: map[string]resource{}}
	for _, r := range eval[[]resource](t, b, resourcesExpr("font-zh-")) {
		u, err := url.Parse(r.Name)
		if err != nil {
			t.Fatal(err)
		}
		if c := fontChunk(u.Path); c != "" {
			ft.Chunks[c] = r
		}
	}
	if ft.Ready <= 0 {
		t.Fatal("the page did not note when it was ready (parallelLinesFont.readyAt)")
	}
	return ft
}

// beforeReady lists the chunks asked for before the page was ready.
func (ft fontTimes) beforeReady() []string {
	var out []string
	for c, r := range ft.Chunks {
		if r.Start <= ft.Ready {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// waitFontsMerged waits until every chunk is merged (data-widget-font=zh).
func (b *testBrowser) waitFontsMerged(t *testing.T) {
	t.Helper()
	if _, err := browser.WaitFor(b.Browser, readyTimeout, `document.documentElement.getAttribute('data-widget-font')`, func(s string) bool { return s == "zh" }); err != nil {
		t.Fatalf("the Chinese glyphs were never all merged: %v; problems %q", err, b.Problems())
	}
}

// TestChineseGlyphsOnDemand: an English page transfers no Chinese glyphs;
// a switch to Chinese waits for them (the frames stay English, no hollow
// box) and then switches; a Chinese page asks before it is ready only for
// the chunk of its first view (beside the wasm) and for the others after;
// a scene reached before its chunk is not drawn until the chunk is there;
// a deep link to the last scene gets its view's chunks before its first
// frame; a failed fetch says so and leaves a working English widget, and a
// later switch succeeds.
func TestChineseGlyphsOnDemand(t *testing.T) {
	dist := requireDist(t)
	srv := serveFonts(t, dist)
	b := startBrowser(t)
	scenes := layouttest.Story(t).Scenes
	last := scenes[len(scenes)-1].ID

	t.Run("english load fetches none", func(t *testing.T) {
		b.screenshotOnFailure(t)
		b.visit(t, srv.URL+"/?lang=en&motion=off")
		if n := srv.asked.Load(); n != 0 {
			t.Errorf("an English page asked for the Chinese glyphs %d times", n)
		}
		if rs := eval[[]resource](t, b, resourcesExpr("font-zh")); len(rs) != 0 {
			t.Errorf("an English page loaded %v", rs)
		}
		if rs := eval[[]resource](t, b, resourcesExpr(".wasm")); len(rs) == 0 {
			t.Error("no resource timing for the wasm: the check above proves nothing")
		}
		checkGlyphs(t, b, "en")
	})

	t.Run("switch waits for the glyphs", func(t *testing.T) {
		b.screenshotOnFailure(t)
		srv.delay.Store(2000)
		defer srv.delay.Store(0)
		start := time.Now()
		eval[bool](t, b, `window.parallelLines.command("lang zh")`)
		// While the glyphs travel, every frame stays English.
		for time.Since(start) < 1500*time.Millisecond {
			if l := b.attr(t, "lang"); l != "en" {
				t.Fatalf("the page says lang=%q %s after the ask, before the glyphs were sent", l, time.Since(start))
			}
			checkGlyphs(t, b, "en")
			time.Sleep(200 * time.Millisecond)
		}
		if _, err := browser.WaitFor(b.Browser, readyTimeout, `document.documentElement.lang`, func(l string) bool { return l == "zh-Hans" }); err != nil {
			t.Fatalf("never switched to Chinese: %v; font %q; problems %q", err, b.attr(t, "data-widget-font"), b.Problems())
		}
		// The first Chinese frames, still in their cross-fade.
		checkGlyphs(t, b, "zh")
		if err := b.WaitForAttr(motionAttr, "still", settleTimeout); err != nil {
			t.Fatal(err)
		}
		checkGlyphs(t, b, "zh")
		// Back and forth again: no second fetch.
		eval[bool](t, b, `window.parallelLines.command("lang en")`)
		eval[bool](t, b, `window.parallelLines.command("lang zh")`)
		if err := b.WaitForAttr(motionAttr, "still", settleTimeout); err != nil {
			t.Fatal(err)
		}
		if got := srv.count(); !maps.Equal(got, map[string]int{"first": 1, "scenes": 1, "rest": 1}) {
			t.Errorf("a switch asked for the chunks %v, want each once", got)
		}
	})

	t.Run("chinese start asks only for its first view before ready", func(t *testing.T) {
		b.screenshotOnFailure(t)
		srv.count()
		srv.laterDelay.Store(3000)
		defer srv.laterDelay.Store(0)
		b.visit(t, srv.URL+"/?motion=off#lang=zh")
		if l := b.attr(t, "lang"); l != "zh-Hans" {
			t.Fatalf("a #lang=zh link opened in %q", l)
		}
		checkGlyphs(t, b, "zh")
		b.waitFontsMerged(t)
		ft := b.fontTimes(t)
		if got := ft.beforeReady(); !slices.Equal(got, []string{"first"}) {
			t.Errorf("before ready (%.0f ms) the page asked for the chunks %v (%v), want only the first", ft.Ready, got, ft.Chunks)
		}
		if len(ft.Chunks) != 3 {
			t.Errorf("after ready the page has the chunks %v, want all three", ft.Chunks)
		}
		// In parallel: the first chunk was asked for before the wasm had arrived.
		wasm := eval[[]resource](t, b, resourcesExpr(".wasm"))
		if len(wasm) == 0 || ft.Chunks["first"].Start >= wasm[0].End {
			t.Errorf("the first chunk was asked for at %.0f ms, the wasm is %v", ft.Chunks["first"].Start, wasm)
		}
		if got := srv.count(); !maps.Equal(got, map[string]int{"first": 1, "scenes": 1, "rest": 1}) {
			t.Errorf("the chunks were asked for %v times, want each once", got)
		}
		checkGlyphs(t, b, "zh")
		t.Logf("wasm %.0f–%.0f ms, ready %.0f ms, chunks %v", wasm[0].Start, wasm[0].End, ft.Ready, ft.Chunks)
	})

	t.Run("a scene before its glyphs waits for them", func(t *testing.T) {
		b.screenshotOnFailure(t)
		srv.count()
		open := srv.holdLater()
		defer open()
		b.visit(t, srv.URL+"/?motion=off#lang=zh")
		if f := b.attr(t, "data-widget-font"); f == "zh" {
			t.Fatalf("data-widget-font=%q at rest: the later chunks were not delayed, the check below proves nothing", f)
		}
		ref, n0 := b.shot(t), b.frames(t)
		if !eval[bool](t, b, `window.parallelLines.go(`+jsString(last)+`)`) {
			t.Fatalf("go(%q) refused", last)
		}
		// While its glyphs travel, the last scene is not drawn: the old
		// picture stays, no hollow box.
		start := time.Now()
		for time.Since(start) < 1500*time.Millisecond {
			if n := b.frames(t); n != n0 {
				t.Fatalf("%d frames drawn %s after going to %s, before its glyphs came", n-n0, time.Since(start), last)
			}
			if n := eval[int](t, b, `window.parallelLines.missingGlyphs()`); n != 0 {
				t.Fatalf("%d hollow boxes drawn", n)
			}
			time.Sleep(200 * time.Millisecond)
		}
		if d, _ := differentPixels(ref, b.shot(t)); d != 0 {
			t.Errorf("the picture changed by %d pixels while the glyphs travelled", d)
		}
		open()
		b.waitFontsMerged(t)
		b.waitFrame(t, n0, "the glyphs came")
		if err := b.WaitForAttr(motionAttr, "still", settleTimeout); err != nil {
			t.Fatal(err)
		}
		if id := b.attr(t, "data-widget-scene"); id != last {
			t.Errorf("scene %q, want %q", id, last)
		}
		checkGlyphs(t, b, "zh")
		if d, ok := b.waitPicture(t, ref, frameTimeout, func(n int) bool { return n > 5000 }); !ok {
			t.Errorf("once its glyphs came the picture differs from the first scene's by %d pixels only", d)
		}
	})

	// An export asked for while its scene waits for its glyphs waits too
	// (fetching them), then draws the picture it would draw with every
	// glyph in: no hollow box in the file.
	exportStatus := `document.getElementById('exports-status').textContent`
	lastExport := `(window.__parallelLinesLastExport || {}).name || ''`
	heldAtLast := func(t *testing.T) (open func()) {
		t.Helper()
		srv.count()
		open = srv.holdLater()
		b.visit(t, srv.URL+"/?motion=off#lang=zh")
		if f := b.attr(t, "data-widget-font"); f == "zh" {
			t.Fatalf("data-widget-font=%q at rest: the later chunks were not delayed, the check below proves nothing", f)
		}
		if !eval[bool](t, b, `window.parallelLines.go(`+jsString(last)+`)`) {
			t.Fatalf("go(%q) refused", last)
		}
		return open
	}
	t.Run("an export waits for its glyphs", func(t *testing.T) {
		b.screenshotOnFailure(t)
		open := heldAtLast(t)
		defer open()
		if !eval[bool](t, b, `typeof (window.__zhExport = parallelLines.exportImage('png')).then === 'function'`) {
			t.Fatal("exportImage gave a file at once while the scene's glyphs were still coming")
		}
		eval[int](t, b, `document.querySelector('[data-export=png]').click(), 0`) // as the reader does, through exports.js
		time.Sleep(time.Second)
		if name := eval[string](t, b, lastExport); name != "" {
			t.Fatalf("%s was downloaded before its glyphs came", name)
		}
		if st := eval[string](t, b, exportStatus); !strings.Contains(st, "中文字体") {
			t.Errorf("while the export waits, its status says %q", st)
		}
		open()
		fl, raw := b.exported(t, `window.__zhExport`)
		waitTrue(t, b, `(`+lastExport+`).startsWith(`+jsString(last+"-zh-")+`)`, "the button's export once the glyphs came")
		if st := eval[string](t, b, exportStatus); !strings.Contains(st, fl.Name) {
			t.Errorf("after the export, its status says %q, want it to name %s", st, fl.Name)
		}
		if n := eval[int](t, b, `window.parallelLines.missingGlyphs()`); n != 0 {
			t.Errorf("%d glyphs drawn without their outline (hollow boxes)", n)
		}
		b.waitFontsMerged(t)
		_, again := b.exported(t, `parallelLines.exportImage('png')`)
		got, err := png.Decode(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%s is no PNG: %v", fl.Name, err)
		}
		want, err := png.Decode(bytes.NewReader(again))
		if err != nil {
			t.Fatal(err)
		}
		exact := imgdiff.Tolerance{}
		if r, _ := imgdiff.Compare(got, want, exact); !r.Within(exact) {
			t.Errorf("the export made while the glyphs came differs from the one made with them all in: %v", r)
		}
	})
	t.Run("an export whose glyphs fail says so", func(t *testing.T) {
		b.screenshotOnFailure(t)
		open := heldAtLast(t)
		defer open()
		srv.fail.Store(true)
		defer srv.fail.Store(false)
		eval[int](t, b, `document.querySelector('[data-export=png]').click(), 0`)
		open()
		// The export ends, failed or (wrongly) downloaded.
		st, err := browser.WaitFor(b.Browser, readyTimeout, exportStatus, func(s string) bool { return strings.Contains(s, "无法导出") || strings.Contains(s, "已下载") })
		if err != nil {
			t.Fatalf("the export never ended: %v", err)
		}
		if !strings.Contains(st, "无法导出") || !strings.Contains(st, "could not be loaded") || !strings.Contains(st, "503") {
			t.Errorf("the export's status says %q, want its failure and the cause", st)
		}
		if name := eval[string](t, b, lastExport); name != "" {
			t.Errorf("%s was downloaded without its glyphs", name)
		}
	})

	t.Run("deep link to the last scene", func(t *testing.T) {
		b.screenshotOnFailure(t)
		srv.count()
		srv.laterDelay.Store(3000)
		defer srv.laterDelay.Store(0)
		b.visit(t, srv.URL+"/?motion=off#lang=zh&scene="+last)
		if l, id := b.attr(t, "lang"), b.attr(t, "data-widget-scene"); l != "zh-Hans" || id != last {
			t.Fatalf("the link opened %q in %q", id, l)
		}
		checkGlyphs(t, b, "zh")
		b.waitFontsMerged(t)
		ft := b.fontTimes(t)
		if got := ft.beforeReady(); !slices.Equal(got, []string{"first", "scenes"}) {
			t.Errorf("before ready (%.0f ms) the page asked for the chunks %v (%v), want first and scenes", ft.Ready, got, ft.Chunks)
		}
		checkGlyphs(t, b, "zh")
	})

	t.Run("failed fetch keeps english", func(t *testing.T) {
		b.screenshotOnFailure(t)
		srv.fail.Store(true)
		b.visit(t, srv.URL+"/?motion=off#lang=zh")
		if l := b.attr(t, "lang"); l != "en" {
			t.Fatalf("without the Chinese glyphs the widget opened in %q, want en", l)
		}
		if st := b.attr(t, "data-widget-state"); st != "ready" {
			t.Fatalf("state %q, want ready", st)
		}
		// What shows of it: the page's language's half (web/widget.js).
		notice := `(() => { const n = document.getElementById('widget-notice'); return n && !n.hidden && n.offsetHeight > 0 ? n.innerText : ''; })()`
		if msg := eval[string](t, b, notice); !strings.Contains(msg, "Chinese text could not be loaded") || !strings.Contains(msg, "503") || hasHan(t, b, msg) {
			t.Errorf("the reader is told %q, want the cause, in English alone", msg)
		}
		checkGlyphs(t, b, "en")
		// Asked again while the file is still missing: still English.
		eval[bool](t, b, `window.parallelLines.command("lang zh")`)
		if _, err := browser.WaitFor(b.Browser, frameTimeout, `document.documentElement.getAttribute('data-widget-font')`, func(s string) bool { return s == "failed" }); err != nil {
			t.Fatal(err)
		}
		checkGlyphs(t, b, "en")
		// The file is back: the next ask switches.
		srv.fail.Store(false)
		eval[bool](t, b, `window.parallelLines.command("lang zh")`)
		if _, err := browser.WaitFor(b.Browser, readyTimeout, `document.documentElement.lang`, func(l string) bool { return l == "zh-Hans" }); err != nil {
			t.Fatalf("never switched to Chinese after the file came back: %v", err)
		}
		if err := b.WaitForAttr(motionAttr, "still", settleTimeout); err != nil {
			t.Fatal(err)
		}
		checkGlyphs(t, b, "zh")
	})
}

// TestOfflineSwitchesLanguage: the offline file, alone and with the
// network blocked, opens in English and switches to Chinese from its own
// copy of the glyphs (every chunk inlined), and opened in Chinese it shows
// the last scene too.
func TestOfflineSwitchesLanguage(t *testing.T) {
	dist := requireDist(t)
	src, err := os.ReadFile(filepath.Join(dist, "parallel-lines-offline.html"))
	if err != nil {
		t.Fatalf("%v (make dist writes it)", err)
	}
	file := filepath.Join(t.TempDir(), "talk.html")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	b := startBrowser(t)
	if err := b.BlockNetwork(); err != nil {
		t.Fatal(err)
	}
	fileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()
	b.visit(t, fileURL+"?lang=en&motion=off")
	checkGlyphs(t, b, "en")
	eval[bool](t, b, `window.parallelLines.command("lang zh")`)
	if _, err := browser.WaitFor(b.Browser, readyTimeout, `document.documentElement.lang`, func(l string) bool { return l == "zh-Hans" }); err != nil {
		t.Fatalf("the offline file never switched to Chinese: %v; font %q; problems %q", err, b.attr(t, "data-widget-font"), b.Problems())
	}
	if err := b.WaitForAttr(motionAttr, "still", settleTimeout); err != nil {
		t.Fatal(err)
	}
	checkGlyphs(t, b, "zh")
	// Opened in Chinese: the first chunk before ready, the others after,
	// all from the file; the last scene has its glyphs.
	b.visit(t, fileURL+"?lang=zh&motion=off")
	checkGlyphs(t, b, "zh")
	b.waitFontsMerged(t)
	scenes := layouttest.Story(t).Scenes
	last := scenes[len(scenes)-1].ID
	n := b.frames(t)
	eval[bool](t, b, `window.parallelLines.go(`+jsString(last)+`)`)
	b.waitFrame(t, n, "going to the last scene")
	if err := b.WaitForAttr(motionAttr, "still", settleTimeout); err != nil {
		t.Fatal(err)
	}
	if id := b.attr(t, "data-widget-scene"); id != last {
		t.Errorf("scene %q, want %q", id, last)
	}
	checkGlyphs(t, b, "zh")
	for _, r := range b.Requests() {
		base, _, _ := strings.Cut(r, "?")
		base, _, _ = strings.Cut(base, "#")
		if base != fileURL && !strings.HasPrefix(r, "data:") && !strings.HasPrefix(r, "blob:") {
			t.Errorf("the offline file asked for %s", r)
		}
	}
}

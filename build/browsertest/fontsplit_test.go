package browsertest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode"

	"github.com/parallel-lines/widget/build/internal/browser"
	"github.com/parallel-lines/widget/build/internal/devserver"
	"github.com/parallel-lines/widget/wasm/widget"
)

// The Chinese glyphs are a file of their own (font-zh.<hash>.bin), fetched
// only for a Chinese view. These tests serve dist/ with a switch that
// delays or fails that file and count its requests.

// fontServer serves dist like serveDir, and the Chinese glyphs with no
// caching (so every load asks again), after delay, or with a 503 while
// fail is set; asked counts their requests.
type fontServer struct {
	*httptest.Server
	delay       atomic.Int64 // ms
	fail        atomic.Bool
	asked       atomic.Int32
	fontRequest func(path string) bool
}

func serveFonts(t *testing.T, dist string) *fontServer {
	t.Helper()
	h, err := devserver.New(dist)
	if err != nil {
		t.Fatal(err)
	}
	fs := &fontServer{fontRequest: func(p string) bool { return strings.HasPrefix(filepath.Base(p), "font-zh.") }}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !fs.fontRequest(r.URL.Path) {
			h.ServeHTTP(w, r)
			return
		}
		fs.asked.Add(1)
		time.Sleep(time.Duration(fs.delay.Load()) * time.Millisecond)
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

// TestChineseGlyphsOnDemand: an English page transfers no Chinese glyphs;
// a switch to Chinese waits for them (the frames stay English, no hollow
// box) and then switches; a Chinese deep link fetches them beside the
// wasm; a failed fetch says so and leaves a working English widget, and a
// later switch succeeds.
func TestChineseGlyphsOnDemand(t *testing.T) {
	dist := requireDist(t)
	srv := serveFonts(t, dist)
	b := startBrowser(t)

	t.Run("english load fetches none", func(t *testing.T) {
		b.screenshotOnFailure(t)
		b.visit(t, srv.URL+"/?lang=en&motion=off")
		if n := srv.asked.Load(); n != 0 {
			t.Errorf("an English page asked for the Chinese glyphs %d times", n)
		}
		if rs := eval[[]resource](t, b, resourcesExpr("font-zh.")); len(rs) != 0 {
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
		if n := srv.asked.Load(); n != 1 {
			t.Errorf("the Chinese glyphs were asked for %d times, want 1", n)
		}
		// Back and forth again: no second fetch.
		eval[bool](t, b, `window.parallelLines.command("lang en")`)
		eval[bool](t, b, `window.parallelLines.command("lang zh")`)
		if err := b.WaitForAttr(motionAttr, "still", settleTimeout); err != nil {
			t.Fatal(err)
		}
		if n := srv.asked.Load(); n != 1 {
			t.Errorf("after switching back and forth the glyphs were asked for %d times, want 1", n)
		}
	})

	t.Run("chinese deep link fetches beside the wasm", func(t *testing.T) {
		b.screenshotOnFailure(t)
		srv.asked.Store(0)
		b.visit(t, srv.URL+"/?motion=off#lang=zh")
		if l := b.attr(t, "lang"); l != "zh-Hans" {
			t.Fatalf("a #lang=zh link opened in %q", l)
		}
		checkGlyphs(t, b, "zh")
		fonts, wasm := eval[[]resource](t, b, resourcesExpr("font-zh.")), eval[[]resource](t, b, resourcesExpr(".wasm"))
		if len(fonts) != 1 || len(wasm) == 0 {
			t.Fatalf("resources: font %v, wasm %v; want one of each", fonts, wasm)
		}
		// In parallel: the font was asked for before the wasm had arrived.
		if fonts[0].Start >= wasm[0].End {
			t.Errorf("the font was asked for at %.0f ms, after the wasm arrived (%.0f ms)", fonts[0].Start, wasm[0].End)
		}
		t.Logf("wasm %.0f–%.0f ms, Chinese glyphs %.0f–%.0f ms", wasm[0].Start, wasm[0].End, fonts[0].Start, fonts[0].End)
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
		notice := `(() => { const n = document.getElementById('widget-notice'); return n && !n.hidden && n.offsetHeight > 0 ? n.textContent : ''; })()`
		if msg := eval[string](t, b, notice); !strings.Contains(msg, "Chinese text could not be loaded") || !strings.Contains(msg, "503") {
			t.Errorf("the reader is told %q, want the cause", msg)
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
// copy of the glyphs.
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
	for _, r := range b.Requests() {
		base, _, _ := strings.Cut(r, "?")
		base, _, _ = strings.Cut(base, "#")
		if base != fileURL && !strings.HasPrefix(r, "data:") && !strings.HasPrefix(r, "blob:") {
			t.Errorf("the offline file asked for %s", r)
		}
	}
}

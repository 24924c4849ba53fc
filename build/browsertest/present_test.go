package browsertest

import (
	"fmt"
	"image/color"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"
	"github.com/parallel-lines/widget/build/internal/browser"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

// Limits of the presenting tests.
const (
	// popupTimeout is how long the presenter window may take to open.
	popupTimeout = 30 * time.Second
	// stageFraction is the stage layout's smallest text: 1/30 of the
	// screen height.
	stageFraction = 30.0
	// idleFade is how long the controls may take to fade without pointer
	// movement (present.js: 3 s, then a 0.6 s transition).
	idleFade = 6 * time.Second
)

// The presenting tests check the speaker's tools (web/present.js,
// presenter.js, print.css, the offline file): each key's effect on the
// scene and the screen, the presenter window following the explorer and the
// explorer following it, autoplay, the printed handout, the stage layout,
// and the offline file opened from file:// with no network. Each test
// shares one browser among its parts; they are split so that none outlasts
// one browser's lifetime on a busy machine.

// presenting starts a server for dist/ and a browser that has shown the
// explorer once, and returns them with the scene ids.
func presenting(t *testing.T) (ids []string, dist string, srv *httptest.Server, b *testBrowser) {
	t.Helper()
	ids = sceneIDs(t)
	if len(ids) < 4 {
		t.Skipf("the dataset has %d scenes; the key checks step over 3", len(ids))
	}
	dist = requireDist(t)
	for _, name := range []string{"present.js", "presenter.html", "print.css", "parallel-lines-offline.html"} {
		if _, err := os.Stat(filepath.Join(dist, name)); err != nil {
			t.Fatalf("%s is missing: run `make dist` first", filepath.Join(dist, name))
		}
	}
	srv = serveDir(t, dist)
	b = startBrowser(t)
	b.visit(t, srv.URL+"/?lang=en")
	return ids, dist, srv, b
}

// visit opens url and waits until the widget is ready and at rest. A page
// can outlast one action's timeout before its load event on a busy machine
// (the renderer is busy drawing); it goes on loading, so visit waits for
// the widget rather than for the load event.
func (b *testBrowser) visit(t *testing.T, url string) {
	t.Helper()
	if err := b.Navigate(url); err != nil {
		t.Logf("%v; waiting for the widget", err)
	}
	if state, err := b.WaitForState(readyTimeout); err != nil || state != "ready" {
		t.Fatalf("%s reached %q: %v; #widget-status: %s; console problems: %q", url, state, err, b.statusText(), b.Problems())
	}
	if err := b.WaitForAttr(motionAttr, "still", settleTimeout); err != nil {
		t.Fatalf("%s: ready, but the picture never came to rest: %v", url, err)
	}
}

// TestPresentingKeys checks every key of the speaker's list, and the
// presenter window.
func TestPresentingKeys(t *testing.T) {
	ids, _, srv, b := presenting(t)
	open := func(t *testing.T, query string) {
		t.Helper()
		b.visit(t, srv.URL+"/?"+query)
		b.focusCanvas(t)
	}

	t.Run("keys", func(t *testing.T) {
		b.screenshotOnFailure(t)
		mark := len(b.Problems())
		open(t, "scene="+url.QueryEscape(ids[0])+"&lang=en")
		// Stepping: a clicker's PageDown/PageUp, and the keyboard's rest.
		b.press(t, browser.PageDown, ids[1])
		b.press(t, browser.Enter, ids[2])
		b.press(t, browser.Key(kb.Backspace), ids[1])
		b.press(t, browser.PageUp, ids[0])
		b.press(t, browser.End, ids[len(ids)-1])
		b.press(t, browser.Home, ids[0])
		// A number, then Enter: that scene.
		b.pressKeys(t, "3")
		b.press(t, browser.Enter, ids[2])

		// Black and white screens, from the frame itself.
		b.screenIs(t, "b", "black", color.RGBA{0, 0, 0, 255})
		b.screenIs(t, ".", "", color.RGBA{})
		b.screenIs(t, "w", "white", color.RGBA{255, 255, 255, 255})
		b.screenIs(t, "b", "black", color.RGBA{0, 0, 0, 255})
		b.pressKeys(t, string(browser.Escape))
		b.waitEval(t, `document.documentElement.getAttribute('data-present-screen') || ''`, "", "Esc on the black screen")
		if got := b.attr(t, sceneAttr); got != ids[2] {
			t.Errorf("the screens moved the scene to %q, want %q", got, ids[2])
		}

		// Help: every key of the issue is listed.
		b.pressKeys(t, "?")
		b.waitEval(t, `document.documentElement.getAttribute('data-present-help') || ''`, "open", "? opens the help")
		help := eval[string](t, b, `document.querySelector('.pl-help').innerText`)
		for _, k := range []string{"PageDown", "Backspace", "Home", "End", "Enter", "F", "B", "W", "P", "L", "N", "Esc"} {
			if !regexp.MustCompile(`\b` + k + `\b`).MatchString(help) {
				t.Errorf("the help overlay does not list %s:\n%s", k, help)
			}
		}
		b.pressKeys(t, string(browser.Escape))
		b.waitEval(t, `document.documentElement.getAttribute('data-present-help') || ''`, "", "Esc closes the help")

		// Fullscreen, and the stage layout with it; F5 (a clicker's
		// "start") enters it and stays on the scene.
		b.pressKeys(t, "f")
		b.waitEval(t, `document.fullscreenElement ? 'full' : 'window'`, "full", "F")
		b.waitEval(t, `document.documentElement.getAttribute('data-stage')`, "on", "F: the stage layout")
		b.pressKeys(t, "f")
		b.waitEval(t, `document.fullscreenElement ? 'full' : 'window'`, "window", "F again")
		eval[bool](t, b, `window.__presentMark = true`)
		b.pressKeys(t, string(rune(0x0805))) // F5
		b.waitEval(t, `document.fullscreenElement ? 'full' : 'window'`, "full", "F5")
		if !eval[bool](t, b, `window.__presentMark === true`) || b.attr(t, sceneAttr) != ids[2] {
			t.Errorf("F5 reloaded the page or moved the scene (scene %q, want %q)", b.attr(t, sceneAttr), ids[2])
		}
		eval[bool](t, b, `(document.exitFullscreen(), true)`)
		b.waitEval(t, `document.fullscreenElement ? 'full' : 'window'`, "window", "leaving fullscreen")

		// L: the other language, same scene.
		b.pressKeys(t, "l")
		if _, err := browser.WaitFor(b.Browser, readyTimeout, `document.documentElement.lang + '|' + (document.documentElement.getAttribute('data-widget-state') || '')`,
			func(s string) bool { return s == "zh-Hans|ready" }); err != nil {
			t.Fatalf("L did not switch the widget to Chinese: %v", err)
		}
		if got := b.attr(t, sceneAttr); got != ids[2] {
			t.Errorf("after L the scene is %q, want %q", got, ids[2])
		}
		b.checkNoProblems(t, mark)
	})

	t.Run("presenter", func(t *testing.T) {
		b.screenshotOnFailure(t)
		open(t, "scene="+url.QueryEscape(ids[0])+"&lang=en")
		checkPresenter(t, b, ids, "en")
	})

}

// TestPresentingAutoplay checks that ?autoplay=1 steps with the dataset's
// durations, that a click or a key pauses it and P resumes it, and that
// &loop=1 starts again after the last scene.
func TestPresentingAutoplay(t *testing.T) {
	ids, _, srv, b := presenting(t)
	t.Run("autoplay", func(t *testing.T) {
		b.screenshotOnFailure(t)
		s := layouttest.Story(t)
		// Start at the shortest scene that has two after it: the test waits
		// for the dataset's own durations.
		from := 0
		for i := range len(ids) - 2 {
			if s.Scenes[i].Seconds < s.Scenes[from].Seconds {
				from = i
			}
		}
		dur := func(i int) time.Duration { return time.Duration(s.Scenes[i].Seconds) * time.Second }
		b.visit(t, srv.URL+"/?scene="+url.QueryEscape(ids[from])+"&lang=en&autoplay=1")
		start := time.Now()
		if err := b.WaitForAttr(sceneAttr, ids[from+1], dur(from)+keyTimeout); err != nil {
			t.Fatalf("autoplay did not advance from %q within %s: %v", ids[from], dur(from)+keyTimeout, err)
		}
		took := time.Since(start)
		t.Logf("autoplay stepped after %s (the scene's duration: %s)", took.Round(100*time.Millisecond), dur(from))
		if took < dur(from)-time.Second {
			t.Errorf("autoplay stepped after %s, before the scene's %s were up", took, dur(from))
		}
		// A click pauses it: the next duration passes with no step.
		b.focusCanvas(t)
		stays := func(what string) {
			t.Helper()
			time.Sleep(dur(from+1) + 3*time.Second)
			if got := b.attr(t, sceneAttr); got != ids[from+1] {
				t.Errorf("after %s, autoplay moved on to %q", what, got)
			}
		}
		stays("a click")
		// P resumes it...
		b.pressKeys(t, "p")
		if err := b.WaitForAttr(sceneAttr, ids[from+2], dur(from+1)+keyTimeout); err != nil {
			t.Fatalf("P did not resume autoplay: %v", err)
		}
		// ...and any key pauses it again.
		b.press(t, browser.ArrowLeft, ids[from+1])
		stays("a key")
	})
	// &loop=1 goes on from the last scene to the first (a kiosk runs for
	// hours), and without it autoplay stops on the last.
	t.Run("loop", func(t *testing.T) {
		b.screenshotOnFailure(t)
		s := layouttest.Story(t)
		last := len(ids) - 1
		dur := time.Duration(s.Scenes[last].Seconds) * time.Second
		b.visit(t, srv.URL+"/?scene="+url.QueryEscape(ids[last])+"&lang=en&autoplay=1&loop=1")
		if err := b.WaitForAttr(sceneAttr, ids[0], dur+keyTimeout); err != nil {
			t.Errorf("with loop=1, autoplay did not go on from the last scene to the first within %s: %v", dur+keyTimeout, err)
		}
	})
}

// TestPresentingPrintAndStage checks the printed handout and the stage
// layout.
func TestPresentingPrintAndStage(t *testing.T) {
	ids, _, srv, b := presenting(t)
	t.Run("print", func(t *testing.T) {
		b.screenshotOnFailure(t)
		s := layouttest.Story(t)
		b.visit(t, srv.URL+"/?scene="+url.QueryEscape(ids[1])+"&lang=zh")
		pdf, err := b.PrintPDF()
		if err != nil {
			t.Fatal(err)
		}
		if n := pdfPages(pdf); n != len(ids) {
			t.Errorf("the printed handout has %d pages, want one per scene (%d)", n, len(ids))
		}
		if err := b.EmulateMedia("print"); err != nil {
			t.Fatal(err)
		}
		defer b.EmulateMedia("")
		type page struct {
			Title, Caption, Sources string
			Top, Height             float64
			Picture                 int
		}
		pages, err := browser.WaitFor(b.Browser, frameTimeout, `[...document.querySelectorAll('.pl-page')].map(p => ({
			title: p.querySelector('.pl-page-title').textContent,
			caption: p.querySelector('.pl-page-caption').textContent,
			sources: p.querySelector('.pl-page-sources').textContent,
			top: p.getBoundingClientRect().top, height: p.getBoundingClientRect().height,
			picture: p.querySelector('img').complete ? p.querySelector('img').naturalWidth : 0}))`,
			func(ps []page) bool {
				for _, p := range ps {
					if p.Picture == 0 {
						return false
					}
				}
				return len(ps) > 0
			})
		if err != nil {
			t.Errorf("the handout's pictures did not all load under print media: %v", err)
		}
		if len(pages) != len(ids) {
			t.Fatalf("%d handout pages under print media, want %d", len(pages), len(ids))
		}
		canvasShown := eval[bool](t, b, `[...document.querySelectorAll('canvas')].some(c => c.checkVisibility())`)
		if canvasShown {
			t.Errorf("the live canvas is printed too")
		}
		for i, p := range pages {
			sc := s.Scenes[i]
			if p.Title != sc.Title.Zh || p.Caption != sc.Caption.Zh {
				t.Errorf("page %d: title %q, caption %q; want the scene's Chinese %q, %q", i+1, p.Title, p.Caption, sc.Title.Zh, sc.Caption.Zh)
			}
			if len(sc.Basis.Cite) > 0 && !strings.Contains(p.Sources, sc.Basis.Cite[0].String()) {
				t.Errorf("page %d: the sources %q do not cite %s", i+1, p.Sources, sc.Basis.Cite[0])
			}
			if p.Height <= 0 || (i > 0 && p.Top <= pages[i-1].Top) {
				t.Errorf("page %d is not laid out below page %d (top %g, height %g)", i+1, i, p.Top, p.Height)
			}
		}
	})

	t.Run("stage", func(t *testing.T) {
		b.screenshotOnFailure(t)
		const w, h = 1920, 1080
		if err := b.SetViewport(w, h, 1); err != nil {
			t.Fatal(err)
		}
		defer b.SetViewport(viewportWidth, viewportHeight, 1)
		b.visit(t, srv.URL+"/?scene="+url.QueryEscape(ids[0])+"&lang=en&mode=present")
		b.waitEval(t, `document.documentElement.getAttribute('data-stage')`, "on", "?mode=present")
		if err := b.MoveMouse(w/2, h/2); err != nil {
			t.Fatal(err)
		}
		// The smallest text the shell shows on the stage.
		smallest := eval[float64](t, b, `Math.min(...[...document.querySelectorAll('.pl-toolbar button')]
			.filter(e => e.checkVisibility()).map(e => parseFloat(getComputedStyle(e).fontSize)))`)
		if smallest < h/stageFraction {
			t.Errorf("the stage layout's smallest shell text is %.1f px, want at least %.1f (1/%g of %d)", smallest, h/stageFraction, stageFraction, h)
		}
		t.Logf("stage: smallest shell text %.1f px at %dx%d (the canvas's own text needs the core's stage flag, window.parallelLines.present)", smallest, w, h)
		// The controls fade without pointer movement and come back with it.
		// Export too: on a stage it stands over the canvas's corner.
		opacity := `['.pl-toolbar', '#widget-exports'].map(s => getComputedStyle(document.querySelector(s)).opacity).join(' ')`
		if _, err := browser.WaitFor(b.Browser, idleFade, opacity, func(o string) bool { return o == "0 0" }); err != nil {
			t.Errorf("the controls (toolbar, Export) did not fade after %s without pointer movement: %v", idleFade, err)
		}
		// A control that holds the keyboard's focus does not fade.
		eval[bool](t, b, `document.querySelector('#widget-exports button').focus(), true`)
		if _, err := browser.WaitFor(b.Browser, idleFade, `getComputedStyle(document.querySelector('#widget-exports')).opacity`,
			func(o string) bool { return o == "1" }); err != nil {
			t.Errorf("Export stayed faded while it held the keyboard's focus: %v", err)
		}
		eval[bool](t, b, `document.activeElement.blur(), true`)
		// On a busy machine a frame of this size can hold the page for
		// seconds, longer than the controls stay: the page records the
		// moment they come back.
		eval[bool](t, b, `(window.__presentWoke = false, new MutationObserver(() => {
			if (!document.documentElement.hasAttribute('data-present-idle')) window.__presentWoke = true;
		}).observe(document.documentElement, {attributes: true}), true)`)
		if err := b.MoveMouse(w/3, h/3); err != nil {
			t.Fatal(err)
		}
		if _, err := browser.WaitFor(b.Browser, idleFade, `window.__presentWoke`, func(v bool) bool { return v }); err != nil {
			t.Errorf("the controls did not come back when the pointer moved: %v", err)
		}
	})

}

// TestPresentingOffline checks the offline file alone in an empty folder,
// opened from file:// with every network request blocked: it becomes
// ready, steps through every scene, and opens its presenter view.
func TestPresentingOffline(t *testing.T) {
	ids, dist, _, b := presenting(t)
	t.Run("offline", func(t *testing.T) {
		b.screenshotOnFailure(t)
		// The file alone, in an empty folder, with no network at all.
		dir := t.TempDir()
		src, err := os.ReadFile(filepath.Join(dist, "parallel-lines-offline.html"))
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "talk.html")
		if err := os.WriteFile(file, src, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := b.BlockNetwork(); err != nil {
			t.Fatal(err)
		}
		mark, reqMark := len(b.Problems()), len(b.Requests())
		fileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()
		start := time.Now()
		b.visit(t, fileURL+"?lang=en&motion=off") // cross-fades: cheaper frames
		took := time.Since(start)
		t.Logf("offline file (%.2f MB) ready and still in %s", float64(len(src))/1e6, took.Round(time.Millisecond))
		b.focusCanvas(t)
		if got := b.attr(t, sceneAttr); got != ids[0] {
			t.Fatalf("the offline file opened on scene %q, want %q", got, ids[0])
		}
		for _, id := range ids[1:] {
			b.press(t, browser.ArrowRight, id)
		}
		if _, _, err := b.checkCanvas(); err != nil {
			t.Errorf("the offline file's last scene: %v", err)
		}
		b.press(t, browser.Home, ids[0])
		// The presenter view comes with it.
		checkPresenter(t, b, ids, "en")
		for _, r := range b.Requests()[reqMark:] {
			base, _, _ := strings.Cut(r, "#")
			base, _, _ = strings.Cut(base, "?")
			if base != fileURL && !strings.HasPrefix(r, "data:") && !strings.HasPrefix(r, "blob:") {
				t.Errorf("the offline file asked for %s", r)
			}
		}
		b.checkNoProblems(t, mark)
	})
}

// checkPresenter opens the presenter window with N on the explorer in b,
// which shows ids[0] in lang, and checks what it shows and that each
// window follows the other.
func checkPresenter(t *testing.T, b *testBrowser, ids []string, lang string) {
	t.Helper()
	s := layouttest.Story(t)
	popup := b.ExpectPopup()
	b.pressKeys(t, "n")
	pb, err := popup(popupTimeout)
	if err != nil {
		t.Fatal(err)
	}
	p := &testBrowser{pb}
	defer p.Close()
	shown := `document.documentElement.getAttribute('data-presenter-scene') || ''`
	if _, err := browser.WaitFor(p.Browser, readyTimeout, shown, func(s string) bool { return s == ids[0] }); err != nil {
		t.Fatalf("the presenter window does not show scene %q: %v; its problems: %q", ids[0], err, p.Problems())
	}
	type view struct{ Number, Title, Notes, Next, Elapsed string }
	v, err := browser.WaitFor(p.Browser, frameTimeout, `({number: document.querySelector('.pp-number').textContent,
		title: document.querySelector('.pp-title').textContent, notes: document.querySelector('.pp-notes').textContent,
		next: document.querySelector('.pp-next-title').textContent, elapsed: document.querySelector('.pp-elapsed').textContent})`,
		func(v view) bool { return v.Title != "" })
	if err != nil {
		t.Fatal(err)
	}
	sc, nx := s.Scenes[0], s.Scenes[1]
	if lang != "en" {
		t.Fatalf("checkPresenter checks English only")
	}
	if want := "1 / " + strconv.Itoa(len(ids)); v.Number != want {
		t.Errorf("presenter: scene number %q, want %q", v.Number, want)
	}
	if v.Title != sc.Title.En || v.Next != nx.Title.En {
		t.Errorf("presenter: title %q, next %q; want %q, %q", v.Title, v.Next, sc.Title.En, nx.Title.En)
	}
	if norm(v.Notes) != norm(sc.Notes.En) || v.Notes == "" {
		t.Errorf("presenter: notes %q, want the scene's English notes %q", v.Notes, sc.Notes.En)
	}
	if !regexp.MustCompile(`^\d+:\d\d$`).MatchString(v.Elapsed) {
		t.Errorf("presenter: elapsed time reads %q, want m:ss", v.Elapsed)
	}
	if _, err := browser.WaitFor(p.Browser, frameTimeout, `document.querySelector('.pp-preview').naturalWidth`, func(w int) bool { return w > 0 }); err != nil {
		t.Errorf("presenter: the next scene's preview did not load: %v", err)
	}

	// The explorer follows the presenter window...
	if err := p.PressKey(browser.ArrowRight); err != nil {
		t.Fatal(err)
	}
	if err := b.WaitForAttr(sceneAttr, ids[1], keyTimeout); err != nil {
		t.Errorf("→ in the presenter window did not move the explorer: %v", err)
	}
	if _, err := browser.WaitFor(p.Browser, keyTimeout, shown, func(s string) bool { return s == ids[1] }); err != nil {
		t.Errorf("the presenter window does not show %q after its own →: %v", ids[1], err)
	}
	if err := b.WaitForAttr(motionAttr, "still", settleTimeout); err != nil {
		t.Fatal(err)
	}
	// ...and the presenter window follows the explorer.
	b.press(t, browser.ArrowRight, ids[2])
	if _, err := browser.WaitFor(p.Browser, keyTimeout, shown, func(s string) bool { return s == ids[2] }); err != nil {
		t.Errorf("the presenter window did not follow → in the explorer to %q: %v", ids[2], err)
	}
	if pr := p.Problems(); len(pr) > 0 {
		t.Errorf("the presenter window reported problems: %q", pr)
	}
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// pressKeys presses each character of keys on the focused element.
func (b *testBrowser) pressKeys(t *testing.T, keys string) {
	t.Helper()
	for _, r := range keys {
		if err := b.PressKey(browser.Key(string(r))); err != nil {
			t.Fatal(err)
		}
	}
}

// waitEval waits until expr (a string expression) reads want.
func (b *testBrowser) waitEval(t *testing.T, expr, want, after string) {
	t.Helper()
	got, err := browser.WaitFor(b.Browser, keyTimeout, expr, func(s string) bool { return s == want })
	if err != nil {
		t.Fatalf("after %s, %s is %q, want %q: %v", after, expr, got, want, err)
	}
}

// screenIs presses key and checks the screen state it leads to: colour
// "black" or "white" covering the whole viewport, or "" for the picture.
func (b *testBrowser) screenIs(t *testing.T, key, state string, c color.RGBA) {
	t.Helper()
	b.pressKeys(t, key)
	b.waitEval(t, `document.documentElement.getAttribute('data-present-screen') || ''`, state, fmt.Sprintf("%q", key))
	deadline := time.Now().Add(pictureTimeout)
	for {
		got, share := dominantColour(b.shot(t))
		ok := share < 0.99 // the picture: more than one flat colour (a scene may leave 95% of it background)
		if state != "" {
			ok = share > 0.999 && colourDistance(got, c) == 0
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %q the screen's main colour is %s on %.1f%% of it, want %s", key, hex(got), 100*share, map[bool]string{true: "the picture", false: hex(c) + " everywhere"}[state == ""])
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// pdfPages counts the pages of a PDF: its page objects.
func pdfPages(pdf []byte) int {
	return len(pdfPage.FindAllIndex(pdf, -1))
}

var pdfPage = regexp.MustCompile(`/Type\s*/Page\b`)

package browsertest

import (
	"fmt"
	"image"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallel-lines/widget/build/internal/browser"
	"github.com/parallel-lines/widget/build/internal/devserver"
	"github.com/parallel-lines/widget/wasm/command"
)

// The embedding tests (issue 9): the widget in iframes of host pages. One
// browser and one server serve them all: dist/ at / under the widget's CSP,
// the host pages of testdata/embed/ at /host/, pym.js at /testdeps/.

// serveEmbeds serves dist/ (with the CSP header a newsroom should send),
// the embedding host pages and pym.js on one origin.
func serveEmbeds(t *testing.T) *httptest.Server {
	t.Helper()
	root := repoRoot(t)
	widget, err := devserver.New(requireDist(t))
	if err != nil {
		t.Fatal(err)
	}
	widget.CSP = devserver.CSP
	hosts, err := devserver.New(filepath.Join("testdata", "embed"))
	if err != nil {
		t.Fatal(err)
	}
	pym, err := devserver.New(filepath.Join(root, "build", "testdeps", "node_modules", "pym.js", "dist"))
	if err != nil {
		t.Fatalf("%v: run `sh build/deps.sh` (installs pym.js for the tests)", err)
	}
	mux := http.NewServeMux()
	mux.Handle("/host/", http.StripPrefix("/host", hosts))
	mux.Handle("/testdeps/", http.StripPrefix("/testdeps", pym))
	mux.Handle("/", widget)
	srv := httptest.NewServer(mux)
	t.Cleanup(func() {
		srv.Close()
		widget.Close()
		hosts.Close()
		pym.Close()
	})
	return srv
}

// frameN is a JS expression for the document of the i-th iframe.
func frameN(i int) string {
	return fmt.Sprintf(`document.querySelectorAll('iframe')[%d].contentDocument`, i)
}

// frameAttr is an attribute of <html> in the i-th iframe, "" when absent.
func frameAttr(i int, name string) string {
	return `((d) => d && d.documentElement ? (d.documentElement.getAttribute(` + jsString(name) + `) || '') : '')(` + frameN(i) + `)`
}

// waitFrameReady waits for the i-th iframe's widget to be ready.
func (b *testBrowser) waitFrameReady(t *testing.T, i int) time.Duration {
	t.Helper()
	start := time.Now()
	state, err := browser.WaitFor(b.Browser, readyTimeout, frameAttr(i, "data-widget-state"), func(s string) bool { return s == "ready" || s == "error" })
	if err != nil || state != "ready" {
		t.Fatalf("iframe %d reached data-widget-state=%q, want ready: %v; console problems: %q", i, state, err, b.Problems())
	}
	return time.Since(start)
}

// event is a widget → host message as the host page recorded it.
type event struct {
	Type, Event, Scene, Message string
	Index, Count                *int
	Value                       *float64
}

func (b *testBrowser) events(t *testing.T, i int) []event {
	t.Helper()
	return eval[[]event](t, b, fmt.Sprintf(`window.events[%d]`, i))
}

// waitEvent waits for an event of iframe i, after the first skip, that ok
// accepts, and returns it.
func (b *testBrowser) waitEvent(t *testing.T, i, skip int, what string, ok func(event) bool) event {
	t.Helper()
	deadline := time.Now().Add(keyTimeout)
	for {
		evs := b.events(t, i)
		for _, e := range evs[min(skip, len(evs)):] {
			if ok(e) {
				return e
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: no such event from iframe %d; it sent %+v", what, i, evs)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (b *testBrowser) send(t *testing.T, i int, cmd string) {
	t.Helper()
	eval[any](t, b, fmt.Sprintf(`window.send(%d, %s), 0`, i, cmd))
}

func (b *testBrowser) openHost(t *testing.T, srv *httptest.Server, query string) {
	t.Helper()
	if err := b.Navigate(srv.URL + "/host/host.html?" + query); err != nil {
		t.Fatal(err)
	}
}

// The embed contract, in three tests of one browser each (a browser lives
// at most browserLifetime; under software WebGL on a busy machine the whole
// contract takes longer than that).

// TestEmbedHeight checks the height the widget asks for, with the snippet's autoheight.js and with a pym.js Parent.
func TestEmbedHeight(t *testing.T) {
	ids := sceneIDs(t)
	if len(ids) < 4 {
		t.Skipf("the dataset has %d scenes; the protocol checks need 4", len(ids))
	}
	srv := serveEmbeds(t)
	b := startBrowser(t) // 1280×720
	mark := len(b.Problems())
	iframeWidth := func(i int) float64 {
		return eval[float64](t, b, fmt.Sprintf(`document.querySelectorAll('iframe')[%d].getBoundingClientRect().width`, i))
	}
	iframeHeight := func(i int) float64 {
		return eval[float64](t, b, fmt.Sprintf(`document.querySelectorAll('iframe')[%d].getBoundingClientRect().height`, i))
	}
	// waitHeight waits until iframe i is as tall as the layout wants for
	// its width, within 2 px.
	waitHeight := func(t *testing.T, i int, what string) {
		t.Helper()
		deadline := time.Now().Add(keyTimeout)
		for {
			w, h := iframeWidth(i), iframeHeight(i)
			want := float64(command.Height(w))
			if math.Abs(h-want) <= 2 {
				t.Logf("%s: iframe %.0f px wide is %.0f px tall (wanted %.0f)", what, w, h, want)
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: iframe %.0f px wide is %.0f px tall, want %.0f ± 2", what, w, h, want)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}

	t.Run("auto-height", func(t *testing.T) {
		b.screenshotOnFailure(t)
		b.openHost(t, srv, "auto=1&h=150&src="+url.QueryEscape("/embed.html?lang=en"))
		b.waitFrameReady(t, 0)
		waitHeight(t, 0, "after load at 1280 px")
		if err := b.SetViewport(480, 800, 1); err != nil {
			t.Fatal(err)
		}
		waitHeight(t, 0, "after a resize to 480 px (the phone artboard)")
		if err := b.SetViewport(viewportWidth, viewportHeight, 1); err != nil {
			t.Fatal(err)
		}
		waitHeight(t, 0, "after a resize back to 1280 px")
	})

	t.Run("pym-parent", func(t *testing.T) {
		b.screenshotOnFailure(t)
		if err := b.Navigate(srv.URL + "/host/pym.html"); err != nil {
			t.Fatal(err)
		}
		waitHeight(t, 0, "a pym.js Parent, before the wasm runs")
		if err := b.SetViewport(500, 700, 1); err != nil {
			t.Fatal(err)
		}
		waitHeight(t, 0, "a pym.js Parent after a resize to 500 px")
		if err := b.SetViewport(viewportWidth, viewportHeight, 1); err != nil {
			t.Fatal(err)
		}
	})

	b.checkNoProblems(t, mark)
}

// TestEmbedProtocol checks the host protocol both ways, the origin restriction, deep links and two embeds on one page.
func TestEmbedProtocol(t *testing.T) {
	ids := sceneIDs(t)
	if len(ids) < 4 {
		t.Skipf("the dataset has %d scenes; the protocol checks need 4", len(ids))
	}
	srv := serveEmbeds(t)
	b := startBrowser(t) // 1280×720
	mark := len(b.Problems())
	t.Run("host-protocol", func(t *testing.T) {
		b.screenshotOnFailure(t)
		b.openHost(t, srv, "h=450&src="+url.QueryEscape("/embed.html?lang=zh&theme=light"))
		b.waitFrameReady(t, 0)
		ready := b.waitEvent(t, 0, 0, "ready", func(e event) bool { return e.Event == "ready" })
		if ready.Scene != ids[0] || ready.Index == nil || *ready.Index != 0 || ready.Count == nil || *ready.Count != len(ids) {
			t.Errorf("ready event %+v, want scene %q index 0 count %d", ready, ids[0], len(ids))
		}
		step := func(cmd string, wantIndex int) {
			t.Helper()
			n := len(b.events(t, 0))
			b.send(t, 0, cmd)
			e := b.waitEvent(t, 0, n, cmd, func(e event) bool { return e.Event == "scene" })
			if e.Index == nil || *e.Index != wantIndex || e.Scene != ids[wantIndex] || e.Count == nil || *e.Count != len(ids) {
				t.Errorf("after %s: event %+v, want scene %q index %d count %d", cmd, e, ids[wantIndex], wantIndex, len(ids))
			}
			if got := eval[string](t, b, frameAttr(0, sceneAttr)); got != ids[wantIndex] {
				t.Errorf("after %s the widget shows %q, want %q", cmd, got, ids[wantIndex])
			}
		}
		step(`{command: 'goto', scene: 2}`, 2)
		step(`{command: 'next'}`, 3)
		step(`{command: 'prev'}`, 2)
		step(`{command: 'goto', scene: `+jsString(ids[1])+`}`, 1)

		b.send(t, 0, `{command: 'lang', value: 'en'}`)
		if _, err := browser.WaitFor(b.Browser, keyTimeout, `(`+frameN(0)+`).documentElement.lang`, func(s string) bool { return s == "en" }); err != nil {
			t.Errorf("lang en: the iframe's <html lang> did not become en: %v", err)
		}
		before := b.shot(t)
		b.send(t, 0, `{command: 'theme', value: 'dark'}`)
		if _, err := browser.WaitFor(b.Browser, keyTimeout, frameAttr(0, "data-widget-theme"), func(s string) bool { return s == "dark" }); err != nil {
			t.Errorf("theme dark: %v", err)
		}
		n, ok := b.waitPicture(t, before, pictureTimeout, func(n int) bool { return n > 20000 })
		if !ok {
			t.Errorf("theme dark: only %d pixels changed on screen", n)
		}

		// Autoplay steps on by itself; pause stops it.
		m := len(b.events(t, 0))
		b.send(t, 0, `{command: 'play'}`)
		deadlinePlay := time.Now().Add(30 * time.Second)
		for {
			evs := b.events(t, 0)[m:]
			if len(evs) > 0 && evs[0].Event == "scene" && evs[0].Index != nil && *evs[0].Index == 2 {
				break
			}
			if time.Now().After(deadlinePlay) {
				t.Fatalf("play: no step to scene 2 within 30 s: %+v", evs)
			}
			time.Sleep(200 * time.Millisecond)
		}
		b.send(t, 0, `{command: 'pause'}`)

		// Anything else is ignored: the widget stays where it is.
		m = len(b.events(t, 0))
		for _, bad := range []string{`'hello'`, `{command: 'goto', scene: 99}`, `{command: 'explode'}`, `{type: 'other', command: 'next'}`} {
			b.send(t, 0, bad)
		}
		time.Sleep(time.Second)
		for _, e := range b.events(t, 0)[m:] {
			if e.Event == "scene" {
				t.Errorf("an invalid message changed the scene: %+v", e)
			}
		}
	})

	t.Run("foreign-origin-ignored", func(t *testing.T) {
		b.screenshotOnFailure(t)
		b.openHost(t, srv, "h=450&src="+url.QueryEscape("/embed.html?lang=en&origin=https://news.example"))
		b.waitFrameReady(t, 0)
		n := len(b.events(t, 0))
		b.send(t, 0, `{command: 'goto', scene: 2}`)
		time.Sleep(2 * time.Second)
		if got := eval[string](t, b, frameAttr(0, sceneAttr)); got != ids[0] {
			t.Errorf("a command from %s moved a widget restricted to https://news.example to %q", srv.URL, got)
		}
		if evs := b.events(t, 0); len(evs) != n {
			t.Errorf("a widget restricted to https://news.example posted to %s: %+v", srv.URL, evs[n:])
		}
		// The same widget with this origin allowed follows the command: the
		// check above can fail.
		b.openHost(t, srv, "h=450&src="+url.QueryEscape("/embed.html?lang=en&origin="+srv.URL))
		b.waitFrameReady(t, 0)
		b.send(t, 0, `{command: 'goto', scene: 2}`)
		if _, err := browser.WaitFor(b.Browser, keyTimeout, frameAttr(0, sceneAttr), func(s string) bool { return s == ids[2] }); err != nil {
			t.Errorf("with origin=%s the command was not followed: %v", srv.URL, err)
		}
	})

	t.Run("deep-links", func(t *testing.T) {
		b.screenshotOnFailure(t)
		for _, c := range []struct{ q, want string }{
			{"scene=" + url.QueryEscape(ids[3]), ids[3]},
			{"scene=2", ids[2]},
			{"scene=nonsense", ids[0]},
		} {
			b.openHost(t, srv, "h=450&src="+url.QueryEscape("/embed.html?lang=en&"+c.q))
			b.waitFrameReady(t, 0)
			if got := eval[string](t, b, frameAttr(0, sceneAttr)); got != c.want {
				t.Errorf("embed.html?%s opened %q, want %q", c.q, got, c.want)
			}
		}
		b.load(t, srv.URL+"/?scene="+url.QueryEscape(ids[2]))
		if got := b.attr(t, sceneAttr); got != ids[2] {
			t.Errorf("index.html?scene=%s opened %q", ids[2], got)
		}
	})

	t.Run("two-embeds-ready", func(t *testing.T) {
		b.screenshotOnFailure(t)
		b.openHost(t, srv, "n=2&h=300&w=600&src="+url.QueryEscape("/embed.html?lang=en"))
		b.waitFrameReady(t, 0)
		b.waitFrameReady(t, 1)
		for i := range 2 {
			b.waitEvent(t, i, 0, "ready", func(e event) bool { return e.Event == "ready" })
		}
	})

	b.checkNoProblems(t, mark)
}

// TestEmbedPage checks lazy loading, Tab, the scrollytelling example, CSP and requests, and input that belongs to the page.
func TestEmbedPage(t *testing.T) {
	ids := sceneIDs(t)
	if len(ids) < 4 {
		t.Skipf("the dataset has %d scenes; the protocol checks need 4", len(ids))
	}
	srv := serveEmbeds(t)
	b := startBrowser(t) // 1280×720
	mark := len(b.Problems())
	t.Run("below-the-fold-fetches-no-wasm", func(t *testing.T) {
		b.screenshotOnFailure(t)
		reqs := len(b.Requests())
		b.openHost(t, srv, "gap=2500&h=450&src="+url.QueryEscape("/embed.html?lang=en"))
		posterShown := `((d) => { const i = d && d.querySelector('#widget-poster img'); return !!i && i.complete && i.naturalWidth > 0 && !d.getElementById('widget-poster').hidden; })(` + frameN(0) + `)`
		if _, err := browser.WaitFor(b.Browser, keyTimeout, posterShown, func(ok bool) bool { return ok }); err != nil {
			t.Errorf("the embed below the fold shows no poster: %v", err)
		}
		time.Sleep(3 * time.Second)
		for _, r := range b.Requests()[reqs:] {
			if strings.Contains(r, ".wasm") {
				t.Fatalf("an embed below the fold fetched %s before it was scrolled to", r)
			}
		}
		eval[any](t, b, `document.querySelector('iframe').scrollIntoView({block: 'center'}), 0`)
		took := b.waitFrameReady(t, 0)
		t.Logf("timing: scrolled into view, ready in %s", took.Round(time.Millisecond))
		fetched := false
		for _, r := range b.Requests()[reqs:] {
			fetched = fetched || strings.Contains(r, ".wasm")
		}
		if !fetched {
			t.Error("ready, but no wasm request was seen: the check above proves nothing")
		}
	})

	t.Run("tab-enters-and-leaves", func(t *testing.T) {
		b.screenshotOnFailure(t)
		b.openHost(t, srv, "h=450&src="+url.QueryEscape("/embed.html?lang=en"))
		b.waitFrameReady(t, 0)
		eval[any](t, b, `document.getElementById('before').focus(), 0`)
		active := `(() => { const a = document.activeElement; if (a.tagName !== 'IFRAME') return a.id || a.tagName; const d = a.contentDocument; return 'iframe:' + (d.activeElement ? d.activeElement.tagName : ''); })()`
		var trail []string
		entered := false
		for i := 0; i < 200; i++ {
			if err := b.PressKey(browser.Tab); err != nil {
				t.Fatal(err)
			}
			time.Sleep(30 * time.Millisecond)
			a := eval[string](t, b, active)
			trail = append(trail, a)
			if a == "iframe:CANVAS" {
				entered = true
			}
			if a == "after" {
				break
			}
		}
		if !entered {
			t.Errorf("Tab from the button before never reached the widget's canvas: %q", trail)
		}
		if trail[len(trail)-1] != "after" {
			t.Errorf("Tab never left the widget for the button after it: %q…", trail[:min(len(trail), 20)])
		}
		t.Logf("%d Tabs from the button before to the button after", len(trail))
	})

	t.Run("scrollytelling", func(t *testing.T) {
		b.screenshotOnFailure(t)
		mk := len(b.Problems())
		if err := b.Navigate(srv.URL + "/examples/article.html"); err != nil {
			t.Fatal(err)
		}
		shows := func(i int) {
			t.Helper()
			eval[any](t, b, fmt.Sprintf(`document.querySelectorAll('.step')[%d].scrollIntoView({block: 'center'}), 0`, i))
			if _, err := browser.WaitFor(b.Browser, readyTimeout, frameAttr(0, sceneAttr), func(s string) bool { return s == ids[i] }); err != nil {
				t.Fatalf("step %d scrolled to the middle: the widget shows %q, want %q: %v", i, eval[string](t, b, frameAttr(0, sceneAttr)), ids[i], err)
			}
		}
		shows(1)
		shows(3)
		if err := b.SetViewport(700, 900, 1); err != nil {
			t.Fatal(err)
		}
		shows(2)
		// Browser zoom: a larger device scale factor (the widget reloads for
		// a new pixel ratio; the article re-sends the step when it is ready).
		if err := b.SetViewport(700, 900, 2); err != nil {
			t.Fatal(err)
		}
		shows(0)
		shows(3)
		if err := b.SetViewport(viewportWidth, viewportHeight, 1); err != nil {
			t.Fatal(err)
		}
		b.checkNoProblems(t, mk)
	})

	t.Run("csp-no-violations-and-own-origin", func(t *testing.T) {
		b.screenshotOnFailure(t)
		mk, reqs := len(b.Problems()), len(b.Requests())
		for _, p := range []string{"/embed.html?lang=en", "/"} {
			b.load(t, srv.URL+p)
		}
		// The explorer's Embed dialog, too.
		eval[any](t, b, `document.getElementById('embed-open').click(), 0`)
		snippet := eval[string](t, b, `document.getElementById('embed-snippet').value`)
		for _, want := range []string{`<iframe src="` + srv.URL + `/embed.html`, `title="`, `width="100%"`, `loading="lazy"`, `allow="fullscreen"`, `autoheight.js`} {
			if !strings.Contains(snippet, want) {
				t.Errorf("the snippet lacks %s:\n%s", want, snippet)
			}
		}
		// Every page and iframe above ran under the CSP header: any
		// violation is a console error.
		for _, p := range b.Problems()[mk:] {
			t.Errorf("console: %s", p)
		}
		for _, r := range thirdPartyRequests(b.Requests()[reqs:], srv.URL) {
			t.Errorf("a request left the server's origin: %s", r)
		}
		csp := eval[string](t, b, `document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`)
		if csp != devserver.CSP {
			t.Errorf("the page's CSP meta %q differs from the header %q", csp, devserver.CSP)
		}
	})

	t.Run("input-belongs-to-the-page", func(t *testing.T) {
		b.screenshotOnFailure(t)
		if err := b.EmulateTouch(true); err != nil { // a phone's touch screen, from here on
			t.Fatal(err)
		}
		b.openHost(t, srv, "gap=200&h=450&w=800&src="+url.QueryEscape("/embed.html?lang=en"))
		b.waitFrameReady(t, 0)
		scrollY := func() float64 { return eval[float64](t, b, `scrollY`) }
		over := func() (float64, float64) {
			r := eval[[]float64](t, b, `(() => { const r = document.querySelector('iframe').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
			return r[0], r[1]
		}
		if m := eval[string](t, b, frameAttr(0, motionAttr)); m != "still" {
			if _, err := browser.WaitFor(b.Browser, readyTimeout, frameAttr(0, motionAttr), func(s string) bool { return s == "still" }); err != nil {
				t.Fatal(err)
			}
		}
		y0 := scrollY()
		x, y := over()
		if err := b.Wheel(x, y, 300); err != nil {
			t.Fatal(err)
		}
		if _, err := browser.WaitFor(b.Browser, keyTimeout, `scrollY`, func(v float64) bool { return v-y0 >= 200 }); err != nil {
			t.Errorf("a 300 px wheel over the resting widget scrolled the page by %.0f px", scrollY()-y0)
		}
		y1 := scrollY()
		x, y = over()
		if err := b.TouchDrag(x, y, 300, 10); err != nil {
			t.Fatal(err)
		}
		if _, err := browser.WaitFor(b.Browser, keyTimeout, `scrollY`, func(v float64) bool { return v-y1 >= 150 }); err != nil {
			t.Errorf("a 300 px touch drag over the resting widget scrolled the page by %.0f px", scrollY()-y1)
		}
		// A tap still acts: on the Next control it steps, anywhere on an
		// element it opens the card.
		eval[any](t, b, `scrollTo(0, 0), document.querySelector('iframe').scrollIntoView({block: 'center'}), 0`)
		time.Sleep(observerSettle)
		r := eval[[]float64](t, b, `(() => { const r = document.querySelector('iframe').getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()`)
		controls, footerTop := frameControls(t, b, `document.querySelector('iframe').contentWindow`)
		next := control(t, controls, "control-next")
		if err := b.Tap(r[0]+float64(next.X), r[1]+float64(next.Y), 0); err != nil {
			t.Fatal(err)
		}
		if _, err := browser.WaitFor(b.Browser, keyTimeout, frameAttr(0, sceneAttr), func(s string) bool { return s == ids[1] }); err != nil {
			t.Errorf("a quick tap on Next at %v in the iframe: %v", next, err)
		}
		if _, err := browser.WaitFor(b.Browser, readyTimeout, frameAttr(0, motionAttr), func(s string) bool { return s == "still" }); err != nil {
			t.Fatal(err)
		}
		// A tap on an element opens its card: try the inkiest spots of the
		// stage (labels, dots) until the picture changes by a card.
		base := b.shot(t)
		stage := image.Rect(int(r[0]), int(r[1]+r[3]*0.3), int(r[0]+r[2]), int(r[1])+footerTop-8)
		minCard := int(minCardFraction * r[2] * r[3])
		opened := false
		for i, p := range inkySpots(base, stage, 24) {
			if i == 15 {
				break
			}
			if err := b.Tap(float64(p.X), float64(p.Y), 0); err != nil {
				t.Fatal(err)
			}
			if n, ok := b.waitPicture(t, base, 1500*time.Millisecond, func(n int) bool { return n >= minCard }); ok {
				t.Logf("a quick tap at %v opened a card (%d pixels changed) after %d tries", p, n, i+1)
				opened = true
				break
			}
		}
		if !opened {
			t.Error("quick taps on the 15 inkiest spots of the stage opened no card")
		}
	})
	b.checkNoProblems(t, mark)
}

// TestManyEmbeds scrolls a page of 20 embeds (without the snippet's script:
// the widgets coordinate among themselves) from top to bottom, waiting at
// each until it is ready: no widget may lose its WebGL context to the
// browser's limit, none may reload in a loop (an embed that went back to its
// poster to make room is loaded again at most once per visit), and no more
// than the live budget hold a canvas at the end.
func TestManyEmbeds(t *testing.T) {
	const n = 20
	srv := serveEmbeds(t)
	b := startBrowser(t)
	mark := len(b.Problems())
	b.openHost(t, srv, fmt.Sprintf("n=%d&gap=700&h=360&w=640&src=%s", n, url.QueryEscape("/embed.html?lang=en")))
	start := time.Now()
	for i := range n {
		eval[any](t, b, fmt.Sprintf(`document.querySelectorAll('iframe')[%d].scrollIntoView({block: 'center'}), 0`, i))
		b.waitFrameReady(t, i)
	}
	t.Logf("timing: 20 embeds scrolled through, each ready, in %s", time.Since(start).Round(time.Second))
	// The last swap (the farthest live widget reloading into its poster)
	// may still be under way: the page settles within the budget.
	max := eval[int](t, b, `document.querySelector('iframe').contentWindow.parallelLinesLive.max`)
	const liveExpr = `[...document.querySelectorAll('iframe')].filter((f) => f.contentDocument.querySelector('canvas')).length`
	settle := time.Now()
	live, _ := browser.WaitFor(b.Browser, 30*time.Second, liveExpr, func(n int) bool { return n <= max })
	lost := eval[[]int](t, b, `window.lost`)
	loads := eval[[]int](t, b, `window.loads`)
	t.Logf("loads per iframe %v; lost contexts %v; %d with a live canvas at the end, settled in %s", loads, lost, live, time.Since(settle).Round(100*time.Millisecond))
	for i := range n {
		if lost[i] != 0 {
			t.Errorf("iframe %d lost its WebGL context %d times", i, lost[i])
		}
		// The first load, a return to the poster when it left the
		// screen, and one more for an embed that was near at the start
		// (it loads then and again when scrolled to). A loop is more.
		if loads[i] > 3 {
			t.Errorf("iframe %d loaded %d times in one pass: a reload loop", i, loads[i])
		}
	}
	if live > max {
		t.Errorf("%d iframes still hold a canvas 30 s after the scroll, over the live budget of %d", live, max)
	}
	b.checkNoProblems(t, mark)
}

package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"

	"github.com/parallel-lines/widget/build/internal/browser"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

// readyAtHook stamps, before the page's own scripts run, when the widget
// became ready (ms since navigation).
const readyAtHook = `new MutationObserver(function () {
  var r = document.documentElement;
  if (r && r.getAttribute("data-widget-state") === "ready" && !window.__readyAt) window.__readyAt = performance.now();
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-widget-state"] });`

// The explorer's start-up (bench/README.md, 14.): the dataset the print
// handout is built from waits until the widget has shown instead of sharing
// the start-up with the wasm, and the handout still holds the dataset's
// text once it is ready. With ?load=click nothing fetches the wasm, and
// the handout is built all the same.
func TestStartupDefersTheDataset(t *testing.T) {
	s := layouttest.Story(t)
	srv := serveDir(t, requireDist(t))
	b := startBrowserWith(t, browser.Options{Width: 640, Height: 360})
	b.screenshotOnFailure(t)
	if _, err := browser.Call(b.Browser, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: readyAtHook}); err != nil {
		t.Fatal(err)
	}
	lang := func(t *testing.T) string { return eval[string](t, b, `document.documentElement.lang`) }
	titles := `[...document.querySelectorAll('.pl-page .pl-page-title')].map(e => e.textContent)`
	checkHandout := func(t *testing.T) {
		t.Helper()
		got, err := browser.WaitFor(b.Browser, frameTimeout, titles, func(ts []string) bool { return len(ts) == len(s.Scenes) })
		if err != nil {
			t.Fatalf("the print handout has %d pages, want one per scene (%d): %v", len(got), len(s.Scenes), err)
		}
		// In the page's language: before the program runs (?load=click)
		// that is the page's own, Chinese.
		zh := strings.HasPrefix(lang(t), "zh")
		for i, sc := range s.Scenes {
			want := sc.Title.En
			if zh {
				want = sc.Title.Zh
			}
			if got[i] != want {
				t.Errorf("handout page %d is titled %q, want the scene's %q", i+1, got[i], want)
			}
		}
	}

	t.Run("after-ready", func(t *testing.T) {
		b.openWidget(t, srv.URL+"/?lang=en&motion=reduce")
		checkHandout(t)
		if rs := eval[[]resource](t, b, resourcesExpr(".wasm")); len(rs) == 0 {
			t.Fatal("no request for the wasm")
		}
		ds := eval[[]resource](t, b, resourcesExpr("data/story.json"))
		if len(ds) == 0 {
			t.Fatal("no request for data/story.json")
		}
		d := ds[0]
		ready := eval[float64](t, b, `window.__readyAt || 0`)
		if ready == 0 {
			t.Fatal("the ready hook did not see the widget become ready")
		}
		if d.Start < ready {
			t.Errorf("data/story.json was asked for at %.0f ms, before the widget was ready (%.0f ms): it competes with the start-up", d.Start, ready)
		}
	})

	t.Run("load-on-click", func(t *testing.T) {
		if err := b.Navigate(srv.URL + "/?lang=en&load=click"); err != nil {
			t.Fatal(err)
		}
		checkHandout(t)
		if rs := eval[[]resource](t, b, resourcesExpr(".wasm")); len(rs) != 0 {
			t.Errorf("with ?load=click the page fetched the wasm before any click")
		}
		if st := b.attr(t, "data-widget-state"); st != "loading" {
			t.Errorf("with ?load=click the widget is %q before any click, want loading (its poster)", st)
		}
	})
}

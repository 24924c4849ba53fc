package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/build/internal/browser"
)

// The accessibility audit: axe-core (build/testdeps, pinned by its lock
// file) runs in the page with the rules of WCAG 2.0, 2.1 and 2.2 at levels
// A and AA, on the explorer (closed, and with its exports panel, data list
// and sources open) and on the table view, in both languages and both
// colour schemes. Any violation fails with its rule, its elements and what
// axe says is wrong. The canvas itself is opaque to axe; what a screen
// reader gets from it (the description, the live region, focus labels) is
// checked in input_test.go and static_test.go.

// axeTags are axe-core's tags for WCAG 2.2 A and AA (wcag22a has no rules
// of its own in axe-core 4.x; 2.2's new A criteria are manual checks).
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// injectAxe evaluates axe.min.js from build/testdeps in the page.
func (b *testBrowser) injectAxe(t *testing.T) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "build", "testdeps", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("%v: run `sh build/deps.sh` to install the test fixtures", err)
	}
	if _, err := browser.Eval[bool](b.Browser, string(src)+";\ntypeof axe === 'object'"); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
}

// axeViolations runs axe-core on the document and returns one line per
// violating element.
func (b *testBrowser) axeViolations(t *testing.T) []string {
	t.Helper()
	tags := `['` + strings.Join(axeTags, `','`) + `']`
	expr := `axe.run(document, {runOnly: {type: 'tag', values: ` + tags + `}, resultTypes: ['violations']}).then(r =>
	  r.violations.flatMap(v => v.nodes.map(n => v.id + ' (' + v.impact + '): ' + n.target.join(' ') + ' · ' + (n.failureSummary || '').replace(/\s+/g, ' '))))`
	out, err := browser.EvalAwait[[]string](b.Browser, expr)
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	return out
}

func (b *testBrowser) checkAxe(t *testing.T, what string) {
	t.Helper()
	if v := b.axeViolations(t); len(v) > 0 {
		t.Errorf("%s: %d WCAG 2.2 A/AA violations, want none:\n  %s", what, len(v), strings.Join(v, "\n  "))
	}
}

func TestAxeExplorer(t *testing.T) {
	srv := serveDir(t, requireDist(t))
	b := startBrowserWith(t, browser.Options{Width: 640, Height: 360})
	for _, lang := range []string{"zh", "en"} {
		for _, scheme := range []string{"light", "dark"} {
			t.Run(lang+"/"+scheme, func(t *testing.T) {
				b.screenshotOnFailure(t)
				if err := b.SetColorScheme(scheme); err != nil {
					t.Fatal(err)
				}
				b.openWidget(t, srv.URL+"/?scene=battlefield&motion=reduce&lang="+lang)
				b.injectAxe(t)
				b.checkAxe(t, "explorer")
				// Open everything the exports panel holds, then audit again.
				eval[bool](t, b, `(() => { document.querySelector('[data-export=toggle]').click();
				  document.querySelector('[data-export=data]').click();
				  document.querySelector('[data-export=sources]').click(); return true; })()`)
				waitTrue(t, b, `document.querySelectorAll('#exports-data li').length > 0 && document.querySelectorAll('#exports-sources li').length > 0`, "the data list and the sources to fill")
				b.checkAxe(t, "explorer with the exports panel open")
			})
		}
	}
}

// The embed page, as an article's reader meets it: first its poster (the
// wasm not yet fetched), then the live widget.
func TestAxeEmbed(t *testing.T) {
	srv := serveDir(t, requireDist(t))
	b := startBrowserWith(t, browser.Options{Width: 640, Height: 360})
	for _, lang := range []string{"zh", "en"} {
		for _, scheme := range []string{"light", "dark"} {
			t.Run(lang+"/"+scheme, func(t *testing.T) {
				b.screenshotOnFailure(t)
				if err := b.SetColorScheme(scheme); err != nil {
					t.Fatal(err)
				}
				if err := b.Navigate(srv.URL + "/embed.html?scene=battlefield&load=click&lang=" + lang); err != nil {
					t.Fatal(err)
				}
				waitTrue(t, b, `(() => { const p = document.getElementById('widget-poster'); const i = p && p.querySelector('img'); return !!p && !p.hidden && !!i && i.complete && i.naturalWidth > 0; })()`, "the poster to show")
				b.injectAxe(t)
				b.checkAxe(t, "embed poster")
				b.openWidget(t, srv.URL+"/embed.html?scene=battlefield&load=eager&lang="+lang)
				b.injectAxe(t)
				b.checkAxe(t, "embed")
			})
		}
	}
}

func TestAxeTableView(t *testing.T) {
	dist := requireDist(t)
	for _, n := range []string{"table.html", "table-en.html"} {
		if _, err := os.Stat(filepath.Join(dist, n)); err != nil {
			t.Fatalf("%v: run `make dist`", err)
		}
	}
	srv := serveDir(t, dist)
	b := startBrowser(t)
	for _, page := range []string{"table.html", "table-en.html"} {
		for _, scheme := range []string{"light", "dark"} {
			t.Run(page+"/"+scheme, func(t *testing.T) {
				b.screenshotOnFailure(t)
				if err := b.SetColorScheme(scheme); err != nil {
					t.Fatal(err)
				}
				if err := b.Navigate(srv.URL + "/" + page); err != nil {
					t.Fatal(err)
				}
				b.injectAxe(t)
				b.checkAxe(t, page)
			})
		}
	}
}

// The audit itself works: on a page with known faults it reports each.
func TestAxeFindsViolations(t *testing.T) {
	srv := serveDir(t, filepath.Join("testdata", "a11y"))
	b := startBrowser(t)
	if err := b.Navigate(srv.URL + "/bad.html"); err != nil {
		t.Fatal(err)
	}
	b.injectAxe(t)
	v := strings.Join(b.axeViolations(t), "\n")
	for _, rule := range []string{"image-alt", "button-name", "html-has-lang"} {
		if !strings.Contains(v, rule+" (") {
			t.Errorf("axe did not report %s; it reported:\n%s", rule, v)
		}
	}
}

// waitTrue waits until expr is true.
func waitTrue(t *testing.T, b *testBrowser, expr, what string) {
	t.Helper()
	if _, err := browser.WaitFor(b.Browser, frameTimeout, expr, func(ok bool) bool { return ok }); err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
}

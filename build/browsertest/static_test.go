package browsertest

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"image"
	"image/png"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/build/internal/browser"
	"github.com/parallel-lines/widget/build/internal/devserver"
	"github.com/parallel-lines/widget/build/internal/imgdiff"
	"github.com/parallel-lines/widget/build/internal/poster"
	"github.com/parallel-lines/widget/wasm/alt"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
	"github.com/parallel-lines/widget/wasm/typeset"
	"github.com/parallel-lines/widget/wasm/widget"
)

// The static forms against the live widget: the screenshot of a settled
// scene against its poster, the exports (image, data, sources) reached and
// used with the keyboard alone, the text alternative and its live
// announcements, and the table view under a strict Content-Security-Policy.

// liveVsPoster is how far the live widget (Ebitengine under software
// WebGL) may drift from its poster (x/image): a pixel counts as different
// when a channel is off by more than 64 of 255, and at most 0.3% of the
// pixels may. The two backends share the frame list and the glyph masks,
// so what differs is anti-aliasing at the ends of strokes and along
// curves: measured 0.026% of a 1200×675 desktop scene (211 pixels) and
// 0.067% of a 390×844 phone scene, so the threshold leaves a margin of
// about four to ten. A label in another place, a missing line or the other
// theme differs in several percent.
var liveVsPoster = imgdiff.Tolerance{Channel: 64, Fraction: 0.003}

func posterFonts(t *testing.T) *typeset.Fonts {
	t.Helper()
	f, err := typeset.Load(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// hideExports takes the exports panel out of a screenshot of the canvas.
const hideExports = `(() => { const n = document.getElementById('widget-exports'); if (n) n.hidden = true; return true; })()`

func TestLiveMatchesPoster(t *testing.T) {
	s := layouttest.Story(t)
	f := posterFonts(t)
	srv := serveDir(t, requireDist(t))
	// The phone case on the embed: the explorer at a phone's width gives
	// its tools a row above the canvas (web/widget.css), so its canvas is
	// shorter than the artboard; the embed's fills the frame.
	cases := []struct {
		scene string
		lang  layout.Lang
		board poster.Artboard
		page  string
	}{
		{"battlefield", layout.En, poster.Desktop, "/?"},
		{"us-alliance", layout.Zh, poster.Desktop, "/?"},
		{"two-lines", layout.En, poster.Phone, "/embed.html?load=eager&"},
	}
	b := startBrowserWith(t, browser.Options{Width: poster.Desktop.W, Height: poster.Desktop.H})
	for _, c := range cases {
		t.Run(c.scene+"/"+c.lang.Code()+"/"+c.board.Name, func(t *testing.T) {
			b.screenshotOnFailure(t)
			if err := b.SetViewport(c.board.W, c.board.H, 1); err != nil {
				t.Fatal(err)
			}
			b.openWidget(t, srv.URL+c.page+"scene="+c.scene+"&lang="+c.lang.Code()+"&theme=light&motion=off")
			eval[bool](t, b, hideExports)
			live := b.shot(t)
			spec := poster.Spec{Scene: s.SceneIndex(c.scene), Lang: c.lang, Theme: widget.Light, Board: c.board, Scale: 1}
			want := poster.Image(s, f, spec)
			r, diff := imgdiff.Compare(live, want, liveVsPoster)
			t.Logf("live vs poster %s: %v", spec.Name(s), r)
			if !r.Within(liveVsPoster) {
				dir := filepath.Join("testdata", "failures")
				os.MkdirAll(dir, 0o755)
				base := filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "_"))
				writePNGFile(base+".poster.png", want)
				if diff != nil {
					writePNGFile(base+".diff.png", diff)
				}
				t.Errorf("the live widget differs from its poster beyond %.1f%%: %v (see %s.*)", 100*liveVsPoster.Fraction, r, base)
			}
			// The comparison can fail: the other theme's poster is far off.
			other := spec
			other.Theme = widget.Dark
			if r, _ := imgdiff.Compare(live, poster.Image(s, f, other), liveVsPoster); r.Within(liveVsPoster) {
				t.Errorf("the dark poster passes for the light live widget: %v", r)
			}
		})
	}
}

func writePNGFile(path string, m image.Image) {
	var b bytes.Buffer
	if png.Encode(&b, m) == nil {
		os.WriteFile(path, b.Bytes(), 0o644)
	}
}

// activeExpr names the focused element: its data-export, id, or tag.
const activeExpr = `(() => { const e = document.activeElement; if (!e || e === document.body) return 'body';
  return e.getAttribute('data-export') || (e.closest('#exports-data') ? 'file:' + e.textContent : '') || e.id || e.tagName.toLowerCase(); })()`

// The keyboard alone reaches every export and uses it: Tab to the exports
// button, Enter opens the panel, Tab walks its controls, Enter on each
// downloads the image, lists the data files and the sources; Esc closes
// the panel. What the exports produce is checked too: the PNG is the
// current scene's poster at twice the screen resolution, the SVG is titled
// with the scene, the data links answer, the sources cite paragraphs.
func TestExportsByKeyboard(t *testing.T) {
	s := layouttest.Story(t)
	f := posterFonts(t)
	srv := serveDir(t, requireDist(t))
	b := startBrowserWith(t, browser.Options{Width: 640, Height: 360})
	b.openWidget(t, srv.URL+"/?scene=battlefield&lang=en&theme=dark&motion=off")
	mark := len(b.Problems())
	// The screen is the canvas: on the explorer at this size the page's
	// tools take a row above it (web/widget.css).
	var w, h int
	if info, err := b.pageInfo(); err != nil || info.Canvas == nil {
		t.Fatalf("no canvas to export: %v", err)
	} else {
		w, h = int(math.Round(info.Canvas.Width)), int(math.Round(info.Canvas.Height))
	}

	tab := func() string {
		t.Helper()
		if err := b.PressKey(browser.Key("\t")); err != nil {
			t.Fatal(err)
		}
		return eval[string](t, b, activeExpr)
	}
	enter := func() {
		t.Helper()
		if err := b.PressKey(browser.Key("\r")); err != nil {
			t.Fatal(err)
		}
	}
	// From a fresh page: the first Tab enters the canvas (Ebitengine gives
	// it tabindex 1), the following ones walk the widget's items and
	// controls (input_test.go checks what they say), and the one after the
	// last leaves the canvas for the exports button.
	if got := tab(); got != "canvas" {
		t.Fatalf("the first Tab reaches %q, want the canvas", got)
	}
	inside := 0
	for got := "canvas"; got == "canvas"; inside++ {
		if inside > 120 {
			t.Fatal("120 Tabs and the focus never left the canvas")
		}
		got = tab()
		if got != "canvas" && got != "toggle" {
			t.Fatalf("after %d Tabs in the widget the focus went to %q, want the exports button", inside, got)
		}
	}
	t.Logf("%d Tabs walked the widget before the exports button", inside)
	enter()
	waitTrue(t, b, `!document.getElementById('exports-panel').hidden && document.querySelector('[data-export=toggle]').getAttribute('aria-expanded') === 'true'`, "Enter to open the exports panel")
	reached := map[string]bool{}
	for i := 0; i < 40 && !reached["table"]; i++ {
		k := tab()
		reached[k] = true
		switch k {
		case "png", "svg":
			enter()
			waitTrue(t, b, `(window.__parallelLinesLastExport || {}).type === 'image/`+map[string]string{"png": "png", "svg": "svg+xml"}[k]+`'`, "Enter on "+k+" to export")
		case "data", "sources":
			enter()
			box := map[string]string{"data": "exports-data", "sources": "exports-sources"}[k]
			waitTrue(t, b, `document.querySelectorAll('#`+box+` li').length > 0`, "Enter on "+k+" to fill its list")
		}
	}
	for _, k := range []string{"png", "svg", "data", "sources", "table", "file:story.json"} {
		found := reached[k]
		if strings.HasPrefix(k, "file:") {
			for r := range reached {
				if strings.HasPrefix(r, k) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("Tab never reached %s (reached %v)", k, reached)
		}
	}
	if err := b.PressKey(browser.Key("\x1b")); err != nil { // Escape
		t.Fatal(err)
	}
	waitTrue(t, b, `document.getElementById('exports-panel').hidden && document.activeElement.getAttribute('data-export') === 'toggle'`, "Esc to close the panel and return the focus")

	// What the exports hold.
	get := func(kind string) (exported, []byte) {
		return b.exported(t, `parallelLines.exportImage('`+kind+`')`)
	}
	fl, raw := get("png")
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("%s is no PNG: %v", fl.Name, err)
	}
	if fl.Name != "battlefield-en-dark@2x.png" || img.Bounds().Dx() != 2*w || img.Bounds().Dy() != 2*h {
		t.Errorf("PNG export %s is %v, want battlefield-en-dark@2x.png at %dx%d", fl.Name, img.Bounds().Size(), 2*w, 2*h)
	}
	want := poster.Image(s, f, poster.Spec{Scene: s.SceneIndex("battlefield"), Lang: layout.En, Theme: widget.Dark, Board: poster.Artboard{Name: "screen", W: w, H: h}, Scale: 2})
	exact := imgdiff.Tolerance{}
	if r, _ := imgdiff.Compare(img, want, exact); !r.Within(exact) {
		t.Errorf("the PNG export is not the scene's settled frame at 2x: %v", r)
	}
	fl, raw = get("svg")
	var doc struct {
		XMLName xml.Name
		Title   string `xml:"title"`
		Width   string `xml:"width,attr"`
	}
	if err := xml.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("%s is not XML: %v", fl.Name, err)
	}
	if d := alt.Describe(s, s.SceneIndex("battlefield"), layout.En); doc.XMLName.Local != "svg" || doc.Title != d.Title || doc.Width != "640" {
		t.Errorf("SVG export %s: <%s> titled %q, width %s; want <svg> titled %q, width 640", fl.Name, doc.XMLName.Local, doc.Title, doc.Width, d.Title)
	}
	// Every listed data file answers.
	hrefs := eval[[]string](t, b, `[...document.querySelectorAll('#exports-data a')].map(a => a.href)`)
	if len(hrefs) < 3 {
		t.Errorf("only %d data files listed", len(hrefs))
	}
	for _, u := range hrefs {
		resp, err := http.Get(u)
		if err != nil || resp.StatusCode != 200 {
			t.Errorf("data link %s: %v %v", u, err, resp)
		}
		if resp != nil {
			resp.Body.Close()
		}
	}
	// The sources name the interview and cite what is on screen.
	src := eval[string](t, b, `document.getElementById('exports-sources').textContent`)
	wantSrc := []string{s.Meta.Outlet.En, s.Meta.Byline.En}
	for _, it := range alt.SourcesOf(s, s.SceneIndex("battlefield"), layout.En).Items {
		wantSrc = append(wantSrc, it.What+" "+it.Cite)
	}
	for _, want := range wantSrc {
		if !strings.Contains(src, want) {
			t.Errorf("the sources lack %q: %s", want, src)
		}
	}
	b.checkNoProblems(t, mark)
}

// exported is a file parallelLines.exportImage gave, or the error it
// reported.
type exported struct{ Name, Type, B64, Error string }

// exported evaluates expr, an export (a file, or a promise of one), and
// returns it with its bytes; an error it reports fails t.
func (b *testBrowser) exported(t *testing.T, expr string) (exported, []byte) {
	t.Helper()
	fl, err := browser.EvalAwait[exported](b.Browser, `Promise.resolve(`+expr+`).then(f => { if (!f || f.error) return {error: String(f && f.error)};
	  let s = ''; const d = f.data;
	  for (let i = 0; i < d.length; i += 0x8000) s += String.fromCharCode.apply(null, d.subarray(i, i + 0x8000));
	  return {name: f.name, type: f.type, b64: btoa(s)}; })`)
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	if fl.Error != "" {
		t.Fatalf("%s failed: %s", expr, fl.Error)
	}
	raw, err := base64.StdEncoding.DecodeString(fl.B64)
	if err != nil {
		t.Fatal(err)
	}
	return fl, raw
}

// The page holds the scene's text alternative from wasm/alt, and a change
// of scene announces the new one in the polite live region, in both
// languages.
func TestDescriptionTellsTheStory(t *testing.T) {
	s := layouttest.Story(t)
	srv := serveDir(t, requireDist(t))
	b := startBrowserWith(t, browser.Options{Width: 640, Height: 360})
	for _, l := range []layout.Lang{layout.Zh, layout.En} {
		t.Run(l.Code(), func(t *testing.T) {
			b.screenshotOnFailure(t)
			b.openWidget(t, srv.URL+"/?scene="+s.Scenes[0].ID+"&lang="+l.Code()+"&motion=off")
			desc := eval[string](t, b, `document.getElementById('widget-description').textContent`)
			if want := alt.Describe(s, 0, l).String(); !strings.Contains(desc, want) {
				t.Errorf("#widget-description holds\n%q\nwant it to hold\n%q", desc, want)
			}
			polite := eval[string](t, b, `document.getElementById('widget-live').getAttribute('aria-live')`)
			if polite != "polite" {
				t.Errorf("#widget-live has aria-live=%q", polite)
			}
			b.focusCanvas(t)
			prev := b.live(t)
			b.press(t, browser.ArrowRight, s.Scenes[1].ID)
			got := b.waitLiveChange(t, prev, "ArrowRight")
			if want := alt.Describe(s, 1, l).String(); !strings.Contains(got, want) {
				t.Errorf("after ArrowRight, #widget-live says\n%q\nwant the new scene's description\n%q", got, want)
			}
		})
	}
}

// cspHandler serves dir with a strict Content-Security-Policy: scripts and
// styles from the page's own origin only, no inline script or style, no
// other origin (the explorer needs 'wasm-unsafe-eval' for WebAssembly).
func cspHandler(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	h, err := devserver.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'")
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		srv.Close()
		h.Close()
	})
	return srv
}

// The table view and the explorer's exports work under a strict CSP: no
// refused script or style (Chromium logs each as a console error), the
// stylesheet applied, the exports panel filled.
func TestStrictCSP(t *testing.T) {
	srv := cspHandler(t, requireDist(t))
	b := startBrowserWith(t, browser.Options{Width: 640, Height: 360})
	for _, page := range []string{"table.html", "table-en.html"} {
		mark := len(b.Problems())
		if err := b.Navigate(srv.URL + "/" + page); err != nil {
			t.Fatal(err)
		}
		if got := eval[string](t, b, `getComputedStyle(document.querySelector('table')).borderCollapse`); got != "collapse" {
			t.Errorf("%s: table.css not applied under the CSP (border-collapse %q)", page, got)
		}
		b.checkNoProblems(t, mark)
	}
	mark := len(b.Problems())
	b.openWidget(t, srv.URL+"/?scene=battlefield&lang=en&motion=reduce")
	eval[bool](t, b, `(() => { document.querySelector('[data-export=toggle]').click(); document.querySelector('[data-export=sources]').click(); return true; })()`)
	waitTrue(t, b, `document.querySelectorAll('#exports-sources li').length > 0`, "the sources under the CSP")
	b.checkNoProblems(t, mark)
}

// The CSP check can fail: a page with an inline style, a style attribute
// and an inline script logs a refusal for each.
func TestStrictCSPRefusesInline(t *testing.T) {
	srv := cspHandler(t, filepath.Join("testdata", "csp"))
	b := startBrowser(t)
	if err := b.Navigate(srv.URL + "/"); err != nil {
		t.Fatal(err)
	}
	var style, script int
	for _, p := range b.Problems() {
		if strings.Contains(p, "Content Security Policy") {
			if strings.Contains(p, "inline style") {
				style++
			}
			if strings.Contains(p, "inline script") {
				script++
			}
		}
	}
	if style < 2 || script < 1 {
		t.Errorf("refusals logged: %d of inline style, %d of inline script; want 2 and 1: %q", style, script, b.Problems())
	}
}

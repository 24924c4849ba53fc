package browsertest

import (
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/parallel-lines/widget/build/internal/browser"
	"github.com/parallel-lines/widget/build/internal/devserver"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

// Helpers of the interaction, theme and embedding tests (tour_test.go,
// input_test.go, embed_test.go).

// frameTimeout is how long one frame may take to be drawn after an input
// that asks for one. A frame of the whole 1280×720 canvas takes 100–300 ms
// with software WebGL on two cores; the margin is for a busy machine.
const frameTimeout = 10 * time.Second

// serveWithHosts serves dist/ at / and the host pages of testdata/host/ at
// /host/, on one origin: a host page can then read its widget iframe's
// document, as the tests do.
func serveWithHosts(t *testing.T, dist string) *httptest.Server {
	t.Helper()
	widget, err := devserver.New(dist)
	if err != nil {
		t.Fatal(err)
	}
	hosts, err := devserver.New(filepath.Join("testdata", "host"))
	if err != nil {
		widget.Close()
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/host/", http.StripPrefix("/host", hosts))
	mux.Handle("/", widget)
	srv := httptest.NewServer(mux)
	t.Cleanup(func() {
		srv.Close()
		widget.Close()
		hosts.Close()
	})
	return srv
}

// eval evaluates expr in the page and fails t on error.
func eval[T any](t *testing.T, b *testBrowser, expr string) T {
	t.Helper()
	v, err := browser.Eval[T](b.Browser, expr)
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

// liveExpr reads the text of #widget-live, null when there is no such
// element, in the document doc (a JS expression).
func liveExpr(doc string) string {
	return `(() => { const el = ` + doc + `.getElementById('widget-live'); return el ? el.textContent : null; })()`
}

// live returns the text of #widget-live.
func (b *testBrowser) live(t *testing.T) string {
	t.Helper()
	s := eval[*string](t, b, liveExpr("document"))
	if s == nil {
		t.Fatal("the page has no #widget-live element")
	}
	return *s
}

// waitLiveChange waits until #widget-live holds a non-empty text other
// than prev, and returns it. It fails t after frameTimeout.
func (b *testBrowser) waitLiveChange(t *testing.T, prev, after string) string {
	t.Helper()
	s, err := browser.WaitFor(b.Browser, frameTimeout, liveExpr("document"), func(s *string) bool {
		return s != nil && *s != "" && *s != prev
	})
	if err != nil {
		got := "(no #widget-live)"
		if s != nil {
			got = fmt.Sprintf("%q", *s)
		}
		t.Fatalf("after %s, #widget-live did not change to a new, non-empty text (it holds %s): %v", after, got, err)
	}
	return *s
}

// waitFrame waits until the widget has drawn more than after frames in
// all, and returns the new count: the picture on screen is then one drawn
// after the input that preceded the call.
func (b *testBrowser) waitFrame(t *testing.T, after int, what string) int {
	t.Helper()
	n, err := browser.WaitFor(b.Browser, frameTimeout, framesExpr, func(n int) bool { return n > after })
	if err != nil {
		t.Fatalf("%s: the widget drew no frame (window.__parallelLinesFrames stays %d): %v", what, n, err)
	}
	return n
}

// shot takes a screenshot and fails t if it cannot.
func (b *testBrowser) shot(t *testing.T) image.Image {
	t.Helper()
	_, img, err := b.screenshot()
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// waitPicture takes screenshots until ok accepts how many pixels differ
// from ref, or until timeout; it returns the last count and whether ok
// accepted it. The picture can reach the screen a moment after the frame
// counter counts it, hence the retries.
func (b *testBrowser) waitPicture(t *testing.T, ref image.Image, timeout time.Duration, ok func(n int) bool) (n int, accepted bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		n, _ = differentPixels(ref, b.shot(t))
		if ok(n) {
			return n, true
		}
		if time.Now().After(deadline) {
			return n, false
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// flowScene returns the id of the first scene that shows a flow: one whose
// particles animate after it opens.
func flowScene(t *testing.T) string {
	t.Helper()
	s := layouttest.Story(t)
	flows := map[string]bool{}
	for _, f := range s.Flows {
		flows[f.ID] = true
	}
	for _, sc := range s.Scenes {
		for _, id := range sc.Shows {
			if flows[id] {
				return sc.ID
			}
		}
	}
	t.Skip("no scene of the dataset shows a flow: nothing animates after opening")
	return ""
}

// dominantColour returns the most common exact colour of img and its share
// of the pixels.
func dominantColour(img image.Image) (color.RGBA, float64) {
	r := img.Bounds()
	counts := map[color.RGBA]int{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			c.A = 0xff
			counts[c]++
		}
	}
	var best color.RGBA
	n := -1
	for c, k := range counts {
		if k > n || (k == n && rgbKey(c) < rgbKey(best)) {
			best, n = c, k
		}
	}
	return best, float64(n) / float64(r.Dx()*r.Dy())
}

func rgbKey(c color.RGBA) uint32 { return uint32(c.R)<<16 | uint32(c.G)<<8 | uint32(c.B) }

// colourDistance is the largest difference of one channel.
func colourDistance(a, b color.RGBA) int {
	d := 0
	for _, p := range [][2]uint8{{a.R, b.R}, {a.G, b.G}, {a.B, b.B}} {
		d = max(d, abs(int(p[0])-int(p[1])))
	}
	return d
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func hex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// iframeDoc is a JS expression for the widget iframe's document in a host
// page; the host pages of testdata/host/ hold exactly one iframe.
const iframeDoc = `document.querySelector('iframe').contentDocument`

// waitIframeReady waits until the widget in the host page's iframe is
// ready. It fails t otherwise.
func (b *testBrowser) waitIframeReady(t *testing.T) {
	t.Helper()
	state, err := browser.WaitFor(b.Browser, readyTimeout, iframeAttr("data-widget-state"), func(s string) bool { return s == "ready" || s == "error" })
	if err != nil || state != "ready" {
		t.Fatalf("the widget in the iframe reached data-widget-state=%q, want ready: %v; console problems: %q", state, err, b.Problems())
	}
}

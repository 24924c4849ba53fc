package browsertest

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io/fs"
	"math"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/build/internal/browser"
	"github.com/parallel-lines/widget/build/internal/devserver"
	"github.com/parallel-lines/widget/data"
)

// Sizes and time limits of the browser tests.
const (
	viewportWidth  = 1280
	viewportHeight = 720

	// readyTimeout is how long the page may take to reach ready or error:
	// software WebGL (SwiftShader) on a 2-core machine is slow.
	readyTimeout = 90 * time.Second
	// drawSettleTimeout is how long the pixel check keeps retrying after
	// "ready": the state can be set a frame before the canvas is composited.
	drawSettleTimeout = 3 * time.Second
	// browserLifetime is a last resort that kills a browser a test forgot.
	browserLifetime = 5 * time.Minute
)

//go:embed pageinfo.js
var pageInfoJS string

// pageInfo is what pageinfo.js returns.
type pageInfo struct {
	State            string      `json:"state"`
	Scene            string      `json:"scene"`
	ViewportWidth    float64     `json:"viewportWidth"`
	ViewportHeight   float64     `json:"viewportHeight"`
	DevicePixelRatio float64     `json:"devicePixelRatio"`
	CanvasCount      int         `json:"canvasCount"`
	Canvas           *rect       `json:"canvas"`
	Status           *statusInfo `json:"status"`
}

type rect struct {
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
}

type statusInfo struct {
	rect
	Text       string  `json:"text"`
	Display    string  `json:"display"`
	Visibility string  `json:"visibility"`
	Opacity    float64 `json:"opacity"`
	Visible    bool    `json:"visible"`
	OnTop      bool    `json:"onTop"`
}

// testBrowser is a browser.Browser tied to one test: it is closed when the
// test ends, and a failed test leaves a screenshot of the tab in
// testdata/failures/. Its methods that take a *testing.T fail the test;
// the others return errors for the tests that check a failure.
type testBrowser struct {
	*browser.Browser
}

// startBrowser starts chromium with a 1280×720 viewport for t.
func startBrowser(t *testing.T) *testBrowser {
	t.Helper()
	return startBrowserWith(t, browser.Options{Width: viewportWidth, Height: viewportHeight})
}

// startBrowserWith starts chromium for t. The browser is killed when the
// test ends; if the test failed, a screenshot of the tab is saved to
// testdata/failures/ first.
func startBrowserWith(t *testing.T, opts browser.Options) *testBrowser {
	t.Helper()
	removeFailureScreenshot(t)
	// Deliberately not t.Context(): that is cancelled before cleanups run,
	// and the failure screenshot below needs the browser alive.
	lifeCtx, lifeCancel := context.WithTimeout(context.Background(), browserLifetime)
	bb, err := browser.Start(lifeCtx, opts)
	if err != nil {
		lifeCancel()
		t.Fatal(err)
	}
	b := &testBrowser{bb}
	t.Cleanup(func() {
		b.Close()
		lifeCancel()
	})
	t.Logf("timing: chromium started in %s", b.Startup().Round(time.Millisecond))

	// Registered after Close, so it runs before it.
	t.Cleanup(func() {
		if t.Failed() {
			b.saveFailureScreenshot(t)
			if out := b.Log(); out != "" {
				t.Logf("chromium output (last lines):\n%s", out)
			}
		}
	})
	return b
}

func (b *testBrowser) pageInfo() (pageInfo, error) {
	info, err := browser.Eval[pageInfo](b.Browser, pageInfoJS)
	if err != nil {
		return info, fmt.Errorf("reading the page state: %w", err)
	}
	return info, nil
}

// statusText returns the text of #widget-status, or a note why there is none.
func (b *testBrowser) statusText() string {
	info, err := b.pageInfo()
	switch {
	case err != nil:
		return fmt.Sprintf("(unreadable: %v)", err)
	case info.Status == nil:
		return "(no #widget-status element)"
	default:
		return fmt.Sprintf("%q", info.Status.Text)
	}
}

// screenshot captures the viewport as PNG and decodes it.
func (b *testBrowser) screenshot() ([]byte, image.Image, error) {
	shot, err := b.Screenshot()
	if err != nil {
		return nil, nil, err
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		return shot, nil, fmt.Errorf("decoding the screenshot: %w", err)
	}
	return shot, img, nil
}

// cssToImage converts a rectangle in CSS pixels to screenshot pixels,
// rounding outwards. The scale is 1 with our device metrics, but computing it
// keeps the crop right if the device scale factor ever changes.
func cssToImage(r rect, info pageInfo, img image.Image) image.Rectangle {
	scale := 1.0
	if info.ViewportWidth > 0 {
		scale = float64(img.Bounds().Dx()) / info.ViewportWidth
	}
	return image.Rect(
		int(math.Floor(r.X*scale)), int(math.Floor(r.Y*scale)),
		int(math.Ceil((r.X+r.Width)*scale)), int(math.Ceil((r.Y+r.Height)*scale)),
	).Add(img.Bounds().Min)
}

// checkCanvas is THE pixel check of the widget: it crops a screenshot to the
// largest visible canvas and requires MeasurePixels to describe a drawing.
// It retries for drawSettleTimeout to let the first frame reach the screen.
// The error is nil only when the check passes; stats.Pixels is 0 when no
// canvas could be measured at all.
func (b *testBrowser) checkCanvas() (PixelStats, []byte, error) {
	deadline := time.Now().Add(drawSettleTimeout)
	for {
		stats, shot, err := b.measureCanvas()
		if err == nil {
			err = stats.CheckDrawn()
		}
		if err == nil || time.Now().After(deadline) {
			return stats, shot, err
		}
		time.Sleep(250 * time.Millisecond)
	}
}

func (b *testBrowser) measureCanvas() (PixelStats, []byte, error) {
	info, err := b.pageInfo()
	if err != nil {
		return PixelStats{}, nil, err
	}
	if info.Canvas == nil {
		return PixelStats{}, nil, fmt.Errorf("no visible canvas in the viewport (%d <canvas> elements)", info.CanvasCount)
	}
	shot, img, err := b.screenshot()
	if err != nil {
		return PixelStats{}, shot, err
	}
	return MeasurePixels(img, cssToImage(*info.Canvas, info, img)), shot, nil
}

// saveFailureScreenshot stores the tab as testdata/failures/<test>.png.
func (b *testBrowser) saveFailureScreenshot(t *testing.T) {
	shot, _, err := b.screenshot()
	if len(shot) == 0 {
		t.Logf("no failure screenshot: %v", err)
		return
	}
	path := failureScreenshotPath(t)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Logf("no failure screenshot: %v", err)
		return
	}
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Logf("no failure screenshot: %v", err)
		return
	}
	t.Logf("failure screenshot: %s", path)
}

func failureScreenshotPath(t *testing.T) string {
	name := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r == ' ' {
			return '_'
		}
		return r
	}, t.Name())
	return filepath.Join("testdata", "failures", name+".png")
}

// removeFailureScreenshot deletes the screenshot of an earlier failed run,
// so a PNG in testdata/failures/ always belongs to the latest run.
func removeFailureScreenshot(t *testing.T) {
	if err := os.Remove(failureScreenshotPath(t)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Logf("removing an old failure screenshot: %v", err)
	}
}

// thirdPartyRequests returns the requests that did not go to origin (like
// "http://127.0.0.1:1234"). data: and about: URLs never leave the browser;
// a blob: URL counts with the origin embedded in it.
func thirdPartyRequests(requests []string, origin string) []string {
	var bad []string
	for _, raw := range requests {
		u, err := url.Parse(raw)
		if err != nil {
			bad = append(bad, raw)
			continue
		}
		switch u.Scheme {
		case "data", "about":
			continue
		case "blob":
			if inner, err := url.Parse(u.Opaque); err == nil {
				u = inner
			}
		}
		if u.Scheme+"://"+u.Host != origin {
			bad = append(bad, raw)
		}
	}
	return bad
}

// repoRoot walks up from the package directory (the working directory of a
// test) to the directory that holds go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

// requireDist returns the dist/ directory of the repository, and fails the
// test if the build output the tests need is not there.
func requireDist(t *testing.T) string {
	t.Helper()
	dist := filepath.Join(repoRoot(t), "dist")
	for _, name := range []string{"index.html", "main.wasm"} {
		if _, err := os.Stat(filepath.Join(dist, name)); err != nil {
			t.Fatalf("%s is missing: run `make dist` first", filepath.Join(dist, name))
		}
	}
	return dist
}

// serveDir serves dir with the dev server on 127.0.0.1 until the test ends.
func serveDir(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	h, err := devserver.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(func() {
		srv.Close()
		h.Close()
	})
	return srv
}

// load opens url and waits until the widget settles on ready or error,
// failing t (with the status text and console problems) if it does neither.
func (b *testBrowser) load(t *testing.T, url string) string {
	t.Helper()
	if err := b.Navigate(url); err != nil {
		t.Fatal(err)
	}
	state, err := b.WaitForState(readyTimeout)
	if err != nil {
		t.Fatalf("%v; #widget-status: %s; console problems: %q", err, b.statusText(), b.Problems())
	}
	return state
}

// checkWidgetDraws is the body of TestWidgetDraws, shared with the drawn
// fixture so the whole check is proven on a known-good page.
func checkWidgetDraws(t *testing.T, srv *httptest.Server, b *testBrowser) {
	t.Helper()
	start := time.Now()
	state := b.load(t, srv.URL+"/")
	if state == "error" {
		t.Fatalf("the page reached data-widget-state=error; #widget-status: %s; console problems: %q", b.statusText(), b.Problems())
	}
	t.Logf("timing: navigation to data-widget-state=ready took %s", time.Since(start).Round(time.Millisecond))

	info, err := b.pageInfo()
	if err != nil {
		t.Fatal(err)
	}
	if info.Scene == "" {
		t.Errorf("data-widget-scene is empty in state ready")
	}

	stats, _, err := b.checkCanvas()
	if err != nil {
		t.Errorf("%v", err)
	} else {
		t.Logf("canvas: %s", stats)
	}

	if p := b.Problems(); len(p) > 0 {
		t.Errorf("%d console errors, exceptions or error log entries, want none:\n  %s", len(p), strings.Join(p, "\n  "))
	}
	reqs := b.Requests()
	if bad := thirdPartyRequests(reqs, srv.URL); len(bad) > 0 {
		t.Errorf("requests to other origins than %s:\n  %s", srv.URL, strings.Join(bad, "\n  "))
	}
	// Proves the request recorder saw the page at all.
	if !slices.Contains(reqs, srv.URL+"/") {
		t.Errorf("the page request %s/ is not among the recorded requests %q", srv.URL, reqs)
	}
}

// Attributes of the page contract on <html>.
const (
	sceneAttr  = "data-widget-scene"
	motionAttr = "data-widget-motion"
)

// Time limits of the scene and motion tests.
const (
	// settleTimeout is how long the widget may take to come to rest
	// (data-widget-motion=still) after ready or a key. A transition lasts
	// about a second; the margin is for software WebGL on a busy machine.
	settleTimeout = 90 * time.Second
	// keyTimeout is how long a key may take to change data-widget-scene.
	// Input is handled by the very next frame, so this only has to cover
	// a slow frame, and it keeps a key that does nothing from costing a
	// full settleTimeout.
	keyTimeout = 10 * time.Second
)

// staleDistHint ends messages about scene ids: the tests read the ids from
// the embedded dataset, the page from dist/, and the two differ when dist/
// was built before the dataset changed.
const staleDistHint = " (if data/story.yaml changed, rebuild dist/ with `make dist`)"

// sceneIDs returns the scene ids of the embedded dataset, in story order.
// They are read at run time because the dataset is being rewritten: no id
// or count is hard-coded in the tests.
func sceneIDs(t *testing.T) []string {
	t.Helper()
	story, err := data.Decode(assets.Story)
	if err != nil {
		t.Fatalf("decoding the embedded dataset: %v", err)
	}
	ids := make([]string, len(story.Scenes))
	for i, sc := range story.Scenes {
		ids[i] = sc.ID
	}
	if len(ids) == 0 {
		t.Fatal("the embedded dataset has no scenes")
	}
	return ids
}

// openWidget opens url in a new document and waits until the widget is
// ready and its picture is at rest. It fails t otherwise and returns how
// long it took.
func (b *testBrowser) openWidget(t *testing.T, url string) time.Duration {
	t.Helper()
	start := time.Now()
	if err := b.Navigate(url); err != nil {
		t.Fatal(err)
	}
	state, err := b.WaitForState(readyTimeout)
	if err != nil {
		t.Fatalf("%s: %v; #widget-status: %s; console problems: %q", url, err, b.statusText(), b.Problems())
	}
	if state != "ready" {
		t.Fatalf("%s reached data-widget-state=%s; #widget-status: %s; console problems: %q", url, state, b.statusText(), b.Problems())
	}
	if err := b.WaitForAttr(motionAttr, "still", settleTimeout); err != nil {
		t.Fatalf("%s: ready, but the picture never came to rest: %v", url, err)
	}
	return time.Since(start)
}

// attr returns an attribute of <html>.
func (b *testBrowser) attr(t *testing.T, name string) string {
	t.Helper()
	v, err := b.Attr(name)
	if err != nil {
		t.Fatalf("reading %s: %v", name, err)
	}
	return v
}

// framesExpr reads the widget's frame counter; -1 means it is not there.
const framesExpr = `typeof window.__parallelLinesFrames === 'number' ? window.__parallelLinesFrames : -1`

// frames returns window.__parallelLinesFrames, which the widget must have
// set by the time it is ready (it counts the frame that made it ready).
func (b *testBrowser) frames(t *testing.T) int {
	t.Helper()
	n, err := browser.Eval[int](b.Browser, framesExpr)
	if err != nil {
		t.Fatalf("reading window.__parallelLinesFrames: %v", err)
	}
	if n < 0 {
		t.Fatal("window.__parallelLinesFrames is not a number: the widget does not count its frames")
	}
	return n
}

// checkHash checks that the widget wrote #scene=<id>&lang=<zh|en> into the
// address, and returns the language it wrote.
func (b *testBrowser) checkHash(t *testing.T, id string) string {
	t.Helper()
	hash, err := browser.Eval[string](b.Browser, `location.hash`)
	if err != nil {
		t.Fatalf("reading location.hash: %v", err)
	}
	v, err := url.ParseQuery(strings.TrimPrefix(hash, "#"))
	if err != nil || v.Get("scene") != id {
		t.Errorf("location.hash = %q, want scene=%s", hash, id)
	}
	if l := v.Get("lang"); l != "zh" && l != "en" {
		t.Errorf("location.hash = %q carries no language (lang=zh or lang=en)", hash)
	}
	return v.Get("lang")
}

// checkNoProblems fails t for every console error, exception or error log
// entry recorded after the first mark problems.
func (b *testBrowser) checkNoProblems(t *testing.T, mark int) {
	t.Helper()
	if p := b.Problems()[mark:]; len(p) > 0 {
		t.Errorf("%d console errors, exceptions or error log entries, want none:\n  %s", len(p), strings.Join(p, "\n  "))
	}
}

// focusCanvas clicks the canvas: Ebitengine focuses its canvas on
// mousedown, and keys only reach a focused canvas. The widget acts on
// clicks (a card for an element, the on-canvas controls), so the click goes
// to the top-left corner pixel, inside the layout's margin where nothing
// can be hit. It fails t if the click changed the scene anyway: the key
// checks that follow would be wrong.
func (b *testBrowser) focusCanvas(t *testing.T) {
	t.Helper()
	info, err := b.pageInfo()
	if err != nil {
		t.Fatal(err)
	}
	if info.Canvas == nil {
		t.Fatalf("no visible canvas to click (%d <canvas> elements)", info.CanvasCount)
	}
	if err := b.Click(info.Canvas.X+1, info.Canvas.Y+1); err != nil {
		t.Fatal(err)
	}
	if err := b.WaitForAttr(motionAttr, "still", settleTimeout); err != nil {
		t.Fatalf("after a click on the canvas: %v", err)
	}
	if scene := b.attr(t, sceneAttr); scene != info.Scene {
		t.Fatalf("a click on the corner of the canvas (to focus it) moved the scene from %q to %q", info.Scene, scene)
	}
	focused, err := browser.Eval[bool](b.Browser, `document.activeElement instanceof HTMLCanvasElement`)
	if err != nil {
		t.Fatal(err)
	}
	if !focused {
		t.Fatal("the canvas does not have focus after a click on it")
	}
}

// press presses k and waits until the widget shows the scene want and is at
// rest again; it checks the address too. It returns how long the
// transition took, from the key to rest.
func (b *testBrowser) press(t *testing.T, k browser.Key, want string) time.Duration {
	t.Helper()
	from := b.attr(t, sceneAttr)
	start := time.Now()
	if err := b.PressKey(k); err != nil {
		t.Fatal(err)
	}
	if err := b.WaitForAttr(sceneAttr, want, keyTimeout); err != nil {
		t.Fatalf("%s on scene %q: %v", k, from, err)
	}
	if err := b.WaitForAttr(motionAttr, "still", settleTimeout); err != nil {
		t.Fatalf("%s on scene %q: the picture never came to rest: %v", k, from, err)
	}
	took := time.Since(start)
	b.checkHash(t, want)
	return took
}

// screenshotOnFailure saves testdata/failures/<test>.png if the (sub)test
// t fails: subtests share one browser, and the one for the whole test shows
// only the last page.
func (b *testBrowser) screenshotOnFailure(t *testing.T) {
	removeFailureScreenshot(t)
	t.Cleanup(func() {
		if t.Failed() {
			b.saveFailureScreenshot(t)
		}
	})
}

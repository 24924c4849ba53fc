package browsertest

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
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
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/inspector"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/parallel-lines/widget/build/internal/devserver"
)

// Sizes and time limits of the browser tests.
const (
	viewportWidth  = 1280
	viewportHeight = 720

	// browserStartTimeout bounds the start of chromium and its first tab
	// (about a second here; a cold start on a slow CI box takes longer).
	browserStartTimeout = 30 * time.Second
	// readyTimeout is how long the page may take to reach ready or error:
	// software WebGL (SwiftShader) on a 2-core machine is slow.
	readyTimeout = 90 * time.Second
	// actionTimeout bounds one protocol round trip (an evaluation, a
	// screenshot, a navigation), so a wedged renderer fails the test
	// instead of hanging it.
	actionTimeout = 30 * time.Second
	// statePollInterval is how often the tests read data-widget-state.
	statePollInterval = 200 * time.Millisecond
	// drawSettleTimeout is how long the pixel check keeps retrying after
	// "ready": the state can be set a frame before the canvas is composited.
	drawSettleTimeout = 3 * time.Second
	// browserLifetime is a last resort that kills a browser a test forgot.
	browserLifetime = 5 * time.Minute
)

// chromiumFlags are the flags Debian chromium needs to render Ebitengine's
// WebGL headless (see the headless Chromium section of the tech notes). The viewport
// is set with Emulation.setDeviceMetricsOverride instead of --window-size,
// which is not exact in headless mode.
var chromiumFlags = []string{
	"headless",
	"no-sandbox",
	"disable-gpu",
	"disable-background-networking",
	"disable-component-update",
	"no-first-run",
	"disable-sync",
	"disable-quic",
	"enable-unsafe-swiftshader",
}

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

// browser is one headless chromium with one tab, and what the tab reported.
type browser struct {
	ctx     context.Context // the tab; actions run on children of it
	cancel  func()
	startup time.Duration // process start to a tab with the viewport set
	output  tailBuffer    // chromium's stderr, for failure reports

	mu       sync.Mutex
	problems []string // console errors, uncaught exceptions, error log entries
	requests []string // the URL of every request the tab made
	crashed  bool
}

// chromiumPath returns $CHROMIUM, or Debian's /usr/bin/chromium.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// startBrowser starts chromium with a 1280×720 viewport. The browser is
// killed when the test ends; if the test failed, a screenshot of the tab is
// saved to testdata/failures/ first.
func startBrowser(t *testing.T) *browser {
	t.Helper()
	path := chromiumPath()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("chromium not found: %v. Run build/deps.sh, or set CHROMIUM to the browser's path", err)
	}
	removeFailureScreenshot(t)

	b := &browser{}
	// Deliberately not t.Context(): that is cancelled before cleanups run,
	// and the failure screenshot below needs the browser alive.
	lifeCtx, lifeCancel := context.WithTimeout(context.Background(), browserLifetime)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.CombinedOutput(&b.output),
		// No --user-data-dir: chromedp then passes a fresh os.MkdirTemp
		// directory and, after the browser exits, kills chromium's leftover
		// child processes and removes it. t.TempDir would race with them.
	}
	for _, f := range chromiumFlags {
		opts = append(opts, chromedp.Flag(f, true))
	}
	allocCtx, allocCancel := chromedp.NewExecAllocator(lifeCtx, opts...)
	// WithListener sees every event from the first command on, in order,
	// before the reply of the command that follows it.
	tabCtx, tabCancel := chromedp.NewContext(allocCtx, chromedp.WithListener(b.record))
	b.ctx = tabCtx
	b.cancel = func() {
		tabCancel()   // kills the browser: this context started it
		allocCancel() // waits for the process and removes the profile
		lifeCancel()
	}
	t.Cleanup(b.cancel)

	start := time.Now()
	timer := time.AfterFunc(browserStartTimeout, tabCancel)
	err := chromedp.Do(tabCtx) // the first Run starts the browser and the tab
	if !timer.Stop() {
		err = fmt.Errorf("chromium did not start within %s (%v)", browserStartTimeout, err)
	}
	if err == nil {
		err = b.do(chromedp.EmulateViewport(viewportWidth, viewportHeight))
	}
	if err != nil {
		t.Fatalf("starting %s: %v\nchromium output:\n%s", path, err, chromiumLog(b.output.String()))
	}
	b.startup = time.Since(start)
	t.Logf("timing: chromium started in %s", b.startup.Round(time.Millisecond))

	// Registered after b.cancel, so it runs before it.
	t.Cleanup(func() {
		if t.Failed() {
			b.saveFailureScreenshot(t)
			if out := chromiumLog(b.output.String()); out != "" {
				t.Logf("chromium output (last lines):\n%s", out)
			}
		}
	})
	return b
}

// record is the tab's event listener. It runs on chromedp's read loop, so it
// only appends.
func (b *browser) record(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		// console.assert failures show as errors in DevTools too.
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			b.problems = append(b.problems, fmt.Sprintf("console.%s: %s%s", ev.Type, argsText(ev.Args), stackPlace(ev.StackTrace)))
		}
	case *runtime.EventExceptionThrown:
		b.problems = append(b.problems, "uncaught exception: "+exceptionText(ev.ExceptionDetails))
	case *log.EventEntryAdded:
		if e := ev.Entry; e.Level == log.EntryLevelError {
			msg := fmt.Sprintf("log error (%s): %s", e.Source, e.Text)
			if e.URL != "" {
				msg += " [" + e.URL + "]"
			}
			b.problems = append(b.problems, msg)
		}
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, ev.Request.URL)
	case *network.EventWebSocketCreated:
		b.requests = append(b.requests, ev.URL)
	case *inspector.EventTargetCrashed:
		b.crashed = true
		b.problems = append(b.problems, "the renderer process crashed")
	}
}

func (b *browser) Problems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.problems...)
}

func (b *browser) Requests() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.requests...)
}

func (b *browser) hasCrashed() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.crashed
}

// run runs one action on the tab with actionTimeout.
func run[T any](b *browser, a chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, actionTimeout)
	defer cancel()
	return chromedp.Run(ctx, a)
}

func (b *browser) do(a chromedp.Action[chromedp.Void]) error {
	_, err := run(b, a)
	return err
}

// navigate opens url and waits for its load event.
func (b *browser) navigate(url string) error {
	if err := b.do(chromedp.Navigate(url)); err != nil {
		return fmt.Errorf("navigating to %s: %w", url, err)
	}
	return nil
}

// waitForState polls data-widget-state until it is "ready" or "error" and
// returns it. It fails after timeout, or at once if the renderer crashes.
func (b *browser) waitForState(timeout time.Duration) (string, error) {
	deadline := time.Now().Add(timeout)
	state := ""
	var lastErr error
	for {
		if b.hasCrashed() {
			return state, errors.New("the renderer crashed while waiting for data-widget-state")
		}
		// Errors are expected while a reload replaces the document (the
		// widget reloads on a lost WebGL context): keep polling.
		s, err := run(b, chromedp.Evaluate[string](`document.documentElement.getAttribute('data-widget-state') || ''`))
		if err == nil {
			state = s
			if s == "ready" || s == "error" {
				return s, nil
			}
		} else {
			lastErr = err
		}
		if time.Now().After(deadline) {
			msg := fmt.Sprintf("data-widget-state is %q after %s, want ready or error", state, timeout)
			if lastErr != nil {
				msg += fmt.Sprintf(" (last evaluation error: %v)", lastErr)
			}
			return state, errors.New(msg)
		}
		time.Sleep(statePollInterval)
	}
}

func (b *browser) pageInfo() (pageInfo, error) {
	info, err := run(b, chromedp.Evaluate[pageInfo](pageInfoJS))
	if err != nil {
		return info, fmt.Errorf("reading the page state: %w", err)
	}
	return info, nil
}

// statusText returns the text of #widget-status, or a note why there is none.
func (b *browser) statusText() string {
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
func (b *browser) screenshot() ([]byte, image.Image, error) {
	shot, err := run(b, chromedp.CaptureScreenshot())
	if err != nil {
		return nil, nil, fmt.Errorf("taking a screenshot: %w", err)
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
func (b *browser) checkCanvas() (PixelStats, []byte, error) {
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

func (b *browser) measureCanvas() (PixelStats, []byte, error) {
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
func (b *browser) saveFailureScreenshot(t *testing.T) {
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

// checkWidgetDraws is the body of TestWidgetDraws, shared with the drawn
// fixture so the whole check is proven on a known-good page.
func checkWidgetDraws(t *testing.T, srv *httptest.Server, b *browser) {
	t.Helper()
	start := time.Now()
	if err := b.navigate(srv.URL + "/"); err != nil {
		t.Fatal(err)
	}
	state, err := b.waitForState(readyTimeout)
	if err != nil {
		t.Fatalf("%v; #widget-status: %s; console problems: %q", err, b.statusText(), b.Problems())
	}
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

// argsText formats console arguments roughly as DevTools shows them.
func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		switch {
		case a.Type == runtime.RemoteObjectTypeString && len(a.Value) > 0:
			var s string
			if err := json.Unmarshal(a.Value, &s); err == nil {
				parts = append(parts, s)
				continue
			}
			parts = append(parts, string(a.Value))
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		case a.Description != "":
			parts = append(parts, a.Description)
		case a.UnserializableValue != "":
			parts = append(parts, string(a.UnserializableValue))
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

// exceptionText formats an uncaught exception: its text, the error's
// message (the first line of its description) and the place.
func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "(no details)"
	}
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		first, _, _ := strings.Cut(d.Exception.Description, "\n")
		s += " " + first
	} else if d.Exception != nil && len(d.Exception.Value) > 0 {
		s += " " + string(d.Exception.Value)
	}
	if d.URL != "" {
		s += fmt.Sprintf(" (%s:%d)", d.URL, d.LineNumber+1)
	} else {
		s += stackPlace(d.StackTrace)
	}
	return s
}

func stackPlace(st *runtime.StackTrace) string {
	if st == nil || len(st.CallFrames) == 0 {
		return ""
	}
	f := st.CallFrames[0]
	return fmt.Sprintf(" (%s:%d)", f.URL, f.LineNumber+1)
}

// tailBuffer keeps the last 64 KiB written to it; chromium can be chatty.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
}

const tailBufferSize = 64 << 10

func (w *tailBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	if over := len(w.buf) - tailBufferSize; over > 0 {
		w.buf = append(w.buf[:0], w.buf[over:]...)
	}
	return len(p), nil
}

func (w *tailBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return string(w.buf)
}

// chromiumLog returns the last 20 lines of chromium's output that are worth
// reading. Without a system bus (containers, CI) chromium logs dozens of
// harmless D-Bus errors, and each screenshot of a WebGL page logs a "GPU
// stall due to ReadPixels"; both would hide a real GPU or renderer error.
func chromiumLog(out string) string {
	var lines []string
	for line := range strings.SplitSeq(out, "\n") {
		if line != "" && !strings.Contains(line, ":ERROR:dbus/") && !strings.Contains(line, "GPU stall due to ReadPixels") {
			lines = append(lines, line)
		}
	}
	if len(lines) > 20 {
		lines = lines[len(lines)-20:]
	}
	return strings.Join(lines, "\n")
}

// Package browser owns driving headless Debian Chromium for the widget's
// tests and tools: it starts chromium with the flags that make Ebitengine's
// WebGL render headless, sets an exact viewport, and offers the few actions
// the page contract needs (navigate, wait for an attribute of <html> or for
// any value, evaluate, press a key, click, hover, touch, screenshot). It
// records what the tab reports that a test must not ignore: console errors,
// uncaught exceptions, error log entries, a crashed renderer, and every
// request the page makes.
//
// It does not depend on package testing: build/browsertest wraps it in
// helpers that fail a test, and build/screenshots uses it as a tool. All
// methods of one Browser drive one tab and must not be called concurrently
// (chromedp actions on one tab can race).
package browser

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/chromedp/cdproto/inspector"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Defaults of Options.
const (
	DefaultWidth  = 1280
	DefaultHeight = 720

	// DefaultStartTimeout bounds the start of chromium and its first tab
	// (about a second here; a cold start on a slow CI box takes longer).
	DefaultStartTimeout = 30 * time.Second
	// DefaultActionTimeout bounds one protocol round trip (an evaluation, a
	// screenshot, a navigation), so that a wedged renderer ends in an
	// error instead of a hang.
	DefaultActionTimeout = 30 * time.Second
)

// pollInterval is how often the Wait methods read the page. An evaluation
// of one attribute costs well under a millisecond of page time, and short
// intervals keep the tests from idling while a transition (about 0.9 s)
// runs.
const pollInterval = 50 * time.Millisecond

// chromiumFlags are the flags Debian chromium needs to render Ebitengine's
// WebGL headless (see the headless Chromium section of the tech notes). The
// viewport is set with Emulation.setDeviceMetricsOverride instead of
// --window-size, which is not exact in headless mode.
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

// Options configure Start. The zero value is a 1280×720 viewport at device
// scale factor 1 with Debian's chromium (or $CHROMIUM).
type Options struct {
	// ExecPath is the browser binary; "" means ExecPath().
	ExecPath string
	// Width and Height are the viewport in CSS pixels; 0 means the
	// default 1280×720.
	Width, Height int
	// DeviceScaleFactor is devicePixelRatio; 0 means 1.
	DeviceScaleFactor float64
	// StartTimeout and ActionTimeout override the defaults when non-zero.
	StartTimeout  time.Duration
	ActionTimeout time.Duration
}

// ExecPath returns $CHROMIUM, or Debian's /usr/bin/chromium.
func ExecPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// Browser is one headless chromium with one tab, and what the tab reported.
type Browser struct {
	ctx           context.Context // the tab; actions run on children of it
	cancel        func()
	closeOnce     sync.Once
	actionTimeout time.Duration
	startup       time.Duration
	output        tailBuffer // chromium's stderr and stdout, for failure reports

	mu       sync.Mutex
	problems []string // console errors, uncaught exceptions, error log entries
	requests []string // the URL of every request the tab made
	crashed  bool
}

// Start starts chromium with one tab and sets its viewport. The browser
// lives until Close or until ctx ends, whichever comes first: give ctx a
// deadline as a last resort against a browser that a caller forgets.
// On error nothing is left running.
func Start(ctx context.Context, o Options) (*Browser, error) {
	path := o.ExecPath
	if path == "" {
		path = ExecPath()
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("chromium not found: %w (run build/deps.sh, or set CHROMIUM to the browser's path)", err)
	}
	o.Width, o.Height = cmp.Or(o.Width, DefaultWidth), cmp.Or(o.Height, DefaultHeight)
	if o.DeviceScaleFactor == 0 {
		o.DeviceScaleFactor = 1
	}
	startTimeout := cmp.Or(o.StartTimeout, DefaultStartTimeout)

	b := &Browser{actionTimeout: cmp.Or(o.ActionTimeout, DefaultActionTimeout)}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.CombinedOutput(&b.output),
		// No --user-data-dir: chromedp then passes a fresh os.MkdirTemp
		// directory and, after the browser exits, kills chromium's leftover
		// child processes and removes it. A directory of our own would race
		// with them.
	}
	for _, f := range chromiumFlags {
		opts = append(opts, chromedp.Flag(f, true))
	}
	allocCtx, allocCancel := chromedp.NewExecAllocator(ctx, opts...)
	// WithListener sees every event from the first command on, in order,
	// before the reply of the command that follows it.
	tabCtx, tabCancel := chromedp.NewContext(allocCtx, chromedp.WithListener(b.record))
	b.ctx = tabCtx
	b.cancel = func() {
		tabCancel()   // kills the browser: this context started it
		allocCancel() // waits for the process and removes the profile
	}

	start := time.Now()
	// Not a timeout on tabCtx itself: the first Run's context is the
	// browser's lifetime (see chromedp.Run).
	timer := time.AfterFunc(startTimeout, tabCancel)
	err := chromedp.Do(tabCtx) // the first Run starts the browser and the tab
	if !timer.Stop() {
		err = fmt.Errorf("chromium did not start within %s (%v)", startTimeout, err)
	}
	if err == nil {
		err = b.SetViewport(o.Width, o.Height, o.DeviceScaleFactor)
	}
	if err != nil {
		out := b.Log()
		b.Close()
		return nil, fmt.Errorf("starting %s: %w\nchromium output:\n%s", path, err, out)
	}
	b.startup = time.Since(start)
	return b, nil
}

// Close kills the browser, waits for it and removes its profile. It is safe
// to call more than once.
func (b *Browser) Close() {
	b.closeOnce.Do(b.cancel)
}

// Startup is how long Start took: process start to a tab with its viewport.
func (b *Browser) Startup() time.Duration { return b.startup }

// Log returns the last lines of chromium's output that are worth reading
// (see chromiumLog).
func (b *Browser) Log() string { return chromiumLog(b.output.String()) }

// record is the tab's event listener. It runs on chromedp's read loop, so it
// only appends.
func (b *Browser) record(ev any) {
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

// Problems returns every console error, uncaught exception and error log
// entry recorded since Start, oldest first. Callers that navigate one
// browser several times take len(Problems()) before a navigation and look at
// what follows it.
func (b *Browser) Problems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.problems...)
}

// Requests returns the URL of every request the tab made since Start.
func (b *Browser) Requests() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.requests...)
}

// Crashed reports whether the renderer process crashed.
func (b *Browser) Crashed() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.crashed
}

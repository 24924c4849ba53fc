package browser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// run runs one action on the tab, bounded by the action timeout.
func run[T any](b *Browser, a chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, b.actionTimeout)
	defer cancel()
	return chromedp.Run(ctx, a)
}

func (b *Browser) do(a chromedp.Action[chromedp.Void]) error {
	_, err := run(b, a)
	return err
}

// Eval evaluates a JavaScript expression in the page and decodes its value
// (JSON) into T. An undefined or null result is an error unless T can be nil.
// It is a function, not a method, because methods cannot be generic.
func Eval[T any](b *Browser, expr string) (T, error) {
	return run(b, chromedp.Evaluate[T](expr))
}

// SetViewport sets the viewport to w×h CSS pixels at device scale factor
// dsf with Emulation.setDeviceMetricsOverride: --window-size is not exact in
// headless mode. Mobile emulation stays off (no touch, no viewport meta
// handling), so the page sees a small desktop window. A loaded page gets a
// resize event.
func (b *Browser) SetViewport(w, h int, dsf float64) error {
	err := b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: int64(w), Height: int64(h), DeviceScaleFactor: dsf,
		})
		return err
	}))
	if err != nil {
		return fmt.Errorf("setting the viewport to %dx%d@%gx: %w", w, h, dsf, err)
	}
	return nil
}

// Navigate opens url in a new document and waits for its load event.
//
// When url differs from the current address only in its fragment, the
// browser would just scroll within the page and the widget, which reads
// its URL once at start, would not see the link at all. Navigate then goes
// through about:blank first, so that a deep link is always opened the way a
// reader opens it: as a fresh page.
func (b *Browser) Navigate(url string) error {
	if base, _, ok := strings.Cut(url, "#"); ok {
		cur, err := Eval[string](b, `location.href`)
		if curBase, _, _ := strings.Cut(cur, "#"); err == nil && curBase == base {
			if err := b.do(chromedp.Navigate("about:blank")); err != nil {
				return fmt.Errorf("navigating to about:blank before %s: %w", url, err)
			}
		}
	}
	if err := b.do(chromedp.Navigate(url)); err != nil {
		return fmt.Errorf("navigating to %s: %w", url, err)
	}
	return nil
}

// Location returns the address of the page (location.href), fragment
// included.
func (b *Browser) Location() (string, error) {
	return Eval[string](b, `location.href`)
}

// Attr returns an attribute of the root element (<html>), or "" when it is
// not set.
func (b *Browser) Attr(name string) (string, error) {
	return Eval[string](b, attrExpr(name))
}

func attrExpr(name string) string {
	q, _ := json.Marshal(name) // a JS string literal
	return `document.documentElement.getAttribute(` + string(q) + `) || ''`
}

// WaitForState polls data-widget-state until it is "ready" or "error" and
// returns it. It fails after timeout, or at once if the renderer crashes.
func (b *Browser) WaitForState(timeout time.Duration) (string, error) {
	var state string
	err := b.poll(timeout, attrExpr("data-widget-state"), func(v string) bool {
		state = v
		return v == "ready" || v == "error"
	})
	if err != nil {
		return state, fmt.Errorf("data-widget-state is %q, want ready or error: %w", state, err)
	}
	return state, nil
}

// WaitForAttr polls the attribute name of <html> until it equals value. It
// fails after timeout, or at once if the renderer crashes. Use it with
// data-widget-motion=still for a picture at rest.
func (b *Browser) WaitForAttr(name, value string, timeout time.Duration) error {
	var last string
	err := b.poll(timeout, attrExpr(name), func(v string) bool {
		last = v
		return v == value
	})
	if err != nil {
		return fmt.Errorf("%s is %q, want %q: %w", name, last, value, err)
	}
	return nil
}

// Errors of the Wait methods, for errors.Is.
var (
	ErrTimeout = errors.New("timed out")
	ErrCrashed = errors.New("the renderer process crashed")
)

// poll evaluates expr (a string expression) every pollInterval until done
// returns true. Errors of single evaluations are expected while a reload
// replaces the document (the widget reloads itself on a lost WebGL
// context), so they only end the wait when time is up, or when the browser
// itself is gone.
func (b *Browser) poll(timeout time.Duration, expr string, done func(string) bool) error {
	_, err := WaitFor(b, timeout, expr, done)
	return err
}

// WaitFor evaluates expr every pollInterval (50 ms) until done accepts its
// value (JSON decoded into T), and returns the last value read. Like the
// Wait methods, it fails after timeout, or at once if the renderer crashes
// or the browser is gone; errors of single evaluations (a document being
// replaced) only end the wait when time is up. It is a function, not a
// method, because methods cannot be generic.
func WaitFor[T any](b *Browser, timeout time.Duration, expr string, done func(T) bool) (T, error) {
	deadline := time.Now().Add(timeout)
	var last T
	var lastErr error
	for {
		if b.Crashed() {
			return last, ErrCrashed
		}
		v, err := Eval[T](b, expr)
		switch {
		case err == nil:
			last = v
			if done(v) {
				return v, nil
			}
		case b.ctx.Err() != nil:
			return last, fmt.Errorf("the browser is gone: %w", err)
		default:
			lastErr = err
		}
		if time.Now().After(deadline) {
			if lastErr != nil {
				return last, fmt.Errorf("%w after %s (last evaluation error: %v)", ErrTimeout, timeout, lastErr)
			}
			return last, fmt.Errorf("%w after %s", ErrTimeout, timeout)
		}
		time.Sleep(pollInterval)
	}
}

// Screenshot captures the viewport as PNG. Its size is the viewport times
// the device scale factor.
func (b *Browser) Screenshot() ([]byte, error) {
	shot, err := run(b, chromedp.CaptureScreenshot())
	if err != nil {
		return nil, fmt.Errorf("taking a screenshot: %w", err)
	}
	return shot, nil
}

// Key is a key that PressKey can send.
type Key string

// The keys of the widget's contract.
const (
	ArrowRight Key = kb.ArrowRight
	ArrowLeft  Key = kb.ArrowLeft
	Space      Key = " "
	PageDown   Key = kb.PageDown
	PageUp     Key = kb.PageUp
	Home       Key = kb.Home
	End        Key = kb.End
)

// PressKey sends keydown and keyup of k to the focused element, as a
// keyboard would. The widget's canvas takes focus on mousedown: Click it
// first.
func (b *Browser) PressKey(k Key) error {
	if err := b.do(chromedp.KeyEvent(string(k))); err != nil {
		return fmt.Errorf("pressing %s: %w", k, err)
	}
	return nil
}

// String returns the key's DOM code, such as "ArrowRight" or "Space".
func (k Key) String() string {
	if r := []rune(string(k)); len(r) == 1 {
		if e := kb.Encode(r[0]); len(e) > 0 && e[0].Code != "" {
			return e[0].Code
		}
	}
	return fmt.Sprintf("%q", string(k))
}

// Click sends a left-button click (mousedown and mouseup) at x, y in CSS
// pixels of the viewport.
func (b *Browser) Click(x, y float64) error {
	if err := b.do(chromedp.MouseClickXY(x, y)); err != nil {
		return fmt.Errorf("clicking at %g,%g: %w", x, y, err)
	}
	return nil
}

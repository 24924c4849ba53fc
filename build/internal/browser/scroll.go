package browser

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// Wheel turns the mouse wheel by dy CSS pixels (down when positive) with
// the pointer at x, y, as a reader scrolling over the page does.
func (b *Browser) Wheel(x, y, dy float64) error {
	err := b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		// The protocol wants deltaX even when 0, which the typed params
		// leave out: send the message as written.
		return t.Call(ctx, "Input.dispatchMouseEvent", map[string]any{
			"type": "mouseWheel", "x": x, "y": y, "deltaX": 0, "deltaY": dy,
		}, nil)
	}))
	if err != nil {
		return fmt.Errorf("turning the wheel by %g at %g,%g: %w", dy, x, y, err)
	}
	return nil
}

// TouchDrag drags one finger from x, y up by dy CSS pixels in steps of
// dispatched touch events (touchStart, touchMove…, touchEnd), the gesture
// that scrolls a page down on a phone: the page scrolls only if no listener
// cancels the touches. Headless, it scrolls only with EmulateTouch(true)
// (Input.synthesizeScrollGesture does not scroll here at all).
func (b *Browser) TouchDrag(x, y, dy float64, steps int) error {
	id := 1.0
	pt := func(yy float64) []*input.TouchPoint { return []*input.TouchPoint{{X: x, Y: yy, ID: &id}} }
	if err := b.touch(input.DispatchTouchEventTypeTouchStart, pt(y)); err != nil {
		return err
	}
	for i := 1; i <= steps; i++ {
		if err := b.touch(input.DispatchTouchEventTypeTouchMove, pt(y-dy*float64(i)/float64(steps))); err != nil {
			return err
		}
		time.Sleep(16 * time.Millisecond)
	}
	return b.touch(input.DispatchTouchEventTypeTouchEnd, []*input.TouchPoint{})
}

// EmulateTouch turns touch emulation on or off (a phone's touch screen).
func (b *Browser) EmulateTouch(on bool) error {
	return b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: on, MaxTouchPoints: 1})
		return err
	}))
}

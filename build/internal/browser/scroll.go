package browser

import (
	"context"
	"fmt"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// Wheel turns the mouse wheel by dy CSS pixels (down when positive) with
// the pointer at x, y, as a reader scrolling over the page does.
func (b *Browser) Wheel(x, y, dy float64) error {
	err := b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, input.DispatchMouseEvent, input.DispatchMouseEventParams{
			Type: input.DispatchMouseEventTypeMouseWheel, X: x, Y: y, DeltaY: dy,
		})
		return err
	}))
	if err != nil {
		return fmt.Errorf("turning the wheel by %g at %g,%g: %w", dy, x, y, err)
	}
	return nil
}

// TouchDrag drags one finger from x, y up by dy CSS pixels, the gesture
// that scrolls a page down on a phone (Input.synthesizeScrollGesture with a
// touch source: real touch events through the input pipeline, so the page
// scrolls only if no listener cancels them). It turns touch emulation on.
func (b *Browser) TouchDrag(x, y, dy float64) error {
	err := b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 1}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, input.SynthesizeScrollGesture, input.SynthesizeScrollGestureParams{
			X: x, Y: y, YDistance: -dy, GestureSourceType: input.GestureSourceTypeTouch, Speed: 800,
		})
		return err
	}))
	if err != nil {
		return fmt.Errorf("dragging a finger by %g at %g,%g: %w", dy, x, y, err)
	}
	return nil
}

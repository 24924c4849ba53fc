package browser

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Keys for the widget's focus and cards. Tab is taken by the page shell
// before the widget sees it (see web/widget.js); Enter and Escape open and
// close the focused item's card.
const (
	Tab    Key = kb.Tab
	Enter  Key = kb.Enter
	Escape Key = kb.Escape
)

// MoveMouse moves the mouse to x, y in CSS pixels of the viewport with no
// button pressed, as a hover does.
func (b *Browser) MoveMouse(x, y float64) error {
	if err := b.do(chromedp.MouseEvent(chromedp.MouseMoved, x, y)); err != nil {
		return fmt.Errorf("moving the mouse to %g,%g: %w", x, y, err)
	}
	return nil
}

// TouchStart puts one finger down at x, y in CSS pixels of the viewport
// (Input.dispatchTouchEvent touchStart). The page receives a touchstart
// event even without touch emulation.
func (b *Browser) TouchStart(x, y float64) error {
	id := 1.0 // one finger
	err := b.touch(input.DispatchTouchEventTypeTouchStart, []*input.TouchPoint{{X: x, Y: y, ID: &id}})
	if err != nil {
		return fmt.Errorf("touching %g,%g: %w", x, y, err)
	}
	return nil
}

// TouchEnd lifts the finger that TouchStart put down.
func (b *Browser) TouchEnd() error {
	if err := b.touch(input.DispatchTouchEventTypeTouchEnd, []*input.TouchPoint{}); err != nil {
		return fmt.Errorf("ending a touch: %w", err)
	}
	return nil
}

// Tap touches x, y for hold, then lifts the finger. Some input loops
// (Ebitengine's among them) read the touches present at each frame, so a
// touch that begins and ends between two frames is never seen: hold must
// span at least one frame of the page.
func (b *Browser) Tap(x, y float64, hold time.Duration) error {
	if err := b.TouchStart(x, y); err != nil {
		return err
	}
	time.Sleep(hold)
	return b.TouchEnd()
}

func (b *Browser) touch(typ input.DispatchTouchEventType, points []*input.TouchPoint) error {
	return b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, input.DispatchTouchEvent, input.DispatchTouchEventParams{
			Type: typ, TouchPoints: points,
		})
		return err
	}))
}

package browser

import (
	"context"
	"fmt"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// SetHidden freezes the tab as a browser freezes a background tab (its
// tasks and frames stop) or makes it active again, with
// Page.setWebLifecycleState ("frozen" / "active").
func (b *Browser) SetHidden(hidden bool) error {
	state := page.SetWebLifecycleStateStateActive
	if hidden {
		state = page.SetWebLifecycleStateStateFrozen
	}
	err := b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.SetWebLifecycleState, page.SetWebLifecycleStateParams{State: state})
		return err
	}))
	if err != nil {
		return fmt.Errorf("setting the page's lifecycle state to %s: %w", state, err)
	}
	return nil
}

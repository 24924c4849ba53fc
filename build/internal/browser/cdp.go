package browser

import (
	"context"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// Call sends one DevTools protocol command to the tab, bounded by the action
// timeout, for what the other methods do not cover (the benchmark's
// Performance metrics and init scripts). It is a function, not a method,
// because methods cannot be generic.
func Call[P, R any](b *Browser, cmd cdp.Command[P, R], params P) (R, error) {
	return run(b, chromedp.Action[R](func(ctx context.Context, t *chromedp.Target) (R, error) {
		return cdp.Call(ctx, t, cmd, params)
	}))
}

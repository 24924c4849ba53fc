package browser

import (
	"context"
	"fmt"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/chromedp"
)

// CollectGarbage runs a full garbage collection of the page's JavaScript
// heap (HeapProfiler.collectGarbage), so that a heap size measured after it
// is what the page holds, not what it has yet to free.
func (b *Browser) CollectGarbage() error {
	err := b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, heapprofiler.CollectGarbage, cdp.Empty{})
		return err
	}))
	if err != nil {
		return fmt.Errorf("collecting garbage: %w", err)
	}
	return nil
}

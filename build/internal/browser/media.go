package browser

import (
	"context"
	"fmt"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// SetColorScheme makes the page see prefers-color-scheme: scheme ("light"
// or "dark"; "" restores the system's), so that a test can check both
// themes of a page that follows the reader's setting.
func (b *Browser) SetColorScheme(scheme string) error {
	err := b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	}))
	if err != nil {
		return fmt.Errorf("emulating prefers-color-scheme: %s: %w", scheme, err)
	}
	return nil
}

// EvalAwait is Eval for an expression whose value is a promise: it waits
// for the promise and decodes what it resolves to.
func EvalAwait[T any](b *Browser, expr string) (T, error) {
	return run(b, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

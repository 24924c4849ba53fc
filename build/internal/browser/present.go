package browser

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// ExpectPopup prepares for a window the page is about to open (with
// window.open): call it before the action that opens the window, then call
// the function it returns to get that window as a Browser of its own. The
// popup's Browser shares the browser process: Close closes only its tab.
func (b *Browser) ExpectPopup() func(timeout time.Duration) (*Browser, error) {
	ch := chromedp.WaitNewTarget(b.ctx, func(info *target.Info) bool { return info.Type == "page" })
	return func(timeout time.Duration) (*Browser, error) {
		var id target.ID
		select {
		case v, ok := <-ch:
			if !ok {
				return nil, fmt.Errorf("waiting for a popup: the tab is gone")
			}
			id = v
		case <-time.After(timeout):
			return nil, fmt.Errorf("no popup window opened within %s", timeout)
		}
		p := &Browser{actionTimeout: b.actionTimeout}
		ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithTargetID(id), chromedp.WithListener(p.record))
		p.ctx, p.cancel = ctx, cancel
		if err := chromedp.Do(ctx); err != nil {
			cancel()
			return nil, fmt.Errorf("attaching to the popup: %w", err)
		}
		return p, nil
	}
}

// BlockNetwork makes every http, https and WebSocket request of the tab
// fail, as on a machine with no network. Requests are still recorded.
func (b *Browser) BlockNetwork() error {
	return b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		var block []*network.BlockPattern
		for _, scheme := range []string{"http", "https", "ws", "wss"} {
			block = append(block, &network.BlockPattern{URLPattern: scheme + "://*:*/*", Block: true})
		}
		_, err := cdp.Call(ctx, t, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: block})
		return err
	}))
}

// PrintPDF prints the page as the browser's print dialog would (print
// media, the page's own @page size) and returns the PDF.
func (b *Browser) PrintPDF() ([]byte, error) {
	yes := true
	var pdf []byte
	err := b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		r, err := cdp.Call(ctx, t, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes})
		pdf = r.Data
		return err
	}))
	if err != nil {
		return nil, fmt.Errorf("printing to PDF: %w", err)
	}
	return pdf, nil
}

// EmulateMedia makes CSS see the media type media ("print", "screen"; ""
// ends the emulation).
func (b *Browser) EmulateMedia(media string) error {
	return b.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	}))
}

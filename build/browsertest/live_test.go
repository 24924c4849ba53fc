package browsertest

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"

	"github.com/parallel-lines/widget/build/internal/browser"
)

// liveCanvases is a host-page expression: how many of its iframes hold a
// canvas (Ebitengine creates its canvas, and with it its WebGL context,
// when the program starts; an embed back at its poster has none).
const liveCanvases = `[...document.querySelectorAll('iframe')].filter((f) => { try { return !!f.contentDocument.querySelector('canvas'); } catch (e) { return false; } }).length`

// watchLive makes the host page count live canvases whenever an iframe's
// document changes (a canvas appended, a reload) and every 25 ms, keeping
// the most it saw, so a swap that overlaps for a moment is caught too.
const watchLive = `(() => {
  window.mostLive = 0; window.liveSamples = 0;
  const count = () => { window.mostLive = Math.max(window.mostLive, ` + liveCanvases + `); window.liveSamples++; };
  const watch = (f) => { try { new MutationObserver(count).observe(f.contentDocument.documentElement, { childList: true, subtree: true }); } catch (e) {} };
  document.querySelectorAll('iframe').forEach((f) => { watch(f); f.addEventListener('load', () => { watch(f); count(); }); });
  setInterval(count, 25);
  return 0;
})()`

// posterOf is the i-th iframe's poster when it is shown and loaded ("" if
// not): the file name of its image.
func posterOf(i int) string {
	return `((d) => { const p = d && d.getElementById('widget-poster'), im = p && p.querySelector('img'); return p && !p.hidden && im.complete && im.naturalWidth > 0 && !d.querySelector('canvas') ? im.src.split('/').pop() : ''; })(` + frameN(i) + `)`
}

// TestLiveBudget scrolls a page of 12 embeds, a screen apart, with the
// snippet's autoheight.js (which tells each widget how near it is): never
// more than the budget have a live canvas, each embed scrolled to becomes
// live, the farthest live one goes back to its poster (showing the scene
// the reader left it at), and scrolling back brings that widget back live
// at the same scene, language and theme. No context is lost and no embed
// reloads in a loop.
func TestLiveBudget(t *testing.T) {
	ids := sceneIDs(t)
	if len(ids) < 3 {
		t.Skipf("the dataset has %d scenes; this test needs 3", len(ids))
	}
	const n = 12
	srv := serveEmbeds(t)
	b := startBrowser(t) // 1280×720
	b.screenshotOnFailure(t)
	mark := len(b.Problems())
	b.openHost(t, srv, fmt.Sprintf("auto=1&n=%d&gap=700&h=360&w=640&src=%s", n, url.QueryEscape("/embed.html?lang=en")))
	eval[any](t, b, watchLive)
	scrollTo := func(i int) {
		eval[any](t, b, fmt.Sprintf(`document.querySelectorAll('iframe')[%d].scrollIntoView({block: 'center'}), 0`, i))
	}
	scrollTo(0)
	b.waitFrameReady(t, 0)
	max := eval[int](t, b, `(`+frameN(0)+`).defaultView.parallelLinesLive.max`)
	if max < 1 || max > 8 {
		t.Fatalf("the live budget is %d widgets: want 1–8, well under Chromium's 16 WebGL contexts", max)
	}
	if !eval[bool](t, b, `(`+frameN(0)+`).defaultView.parallelLinesLive.coordinated()`) {
		t.Fatal("the embed has no BroadcastChannel to coordinate over")
	}
	// The election's order is a strict total order: each widget counts who
	// is ahead of it, so a cycle would let more than the budget count
	// themselves in. Widgets leaving the screen about a second apart, as a
	// column scrolled through, live and posters mixed, with and without a
	// host's distances, are the states where a tie rule chains.
	if bad := eval[string](t, b, `(`+orderCheck+`)((`+frameN(0)+`).defaultView.parallelLinesLive.nearer)`); bad != "" {
		t.Errorf("the live budget's order is not a strict total order: %s", bad)
	}

	// The reader leaves embed 0 at another scene, in the dark theme.
	b.send(t, 0, fmt.Sprintf(`{command: 'goto', scene: %s}`, jsString(ids[2])))
	b.send(t, 0, `{command: 'theme', value: 'dark'}`)
	if _, err := browser.WaitFor(b.Browser, keyTimeout, frameAttr(0, sceneAttr)+` + ' ' + `+frameAttr(0, "data-widget-theme"), func(s string) bool { return s == ids[2]+" dark" }); err != nil {
		t.Fatalf("embed 0 did not go to %s in the dark theme: %v", ids[2], err)
	}

	for i := 1; i < n; i++ {
		scrollTo(i)
		b.waitFrameReady(t, i)
		if i < max {
			continue
		}
		// The farthest live one makes room; it had been live when it
		// was scrolled to.
		gone := i - max
		name, err := browser.WaitFor(b.Browser, readyTimeout, posterOf(gone), func(s string) bool { return s != "" })
		if err != nil {
			t.Fatalf("scrolled to embed %d: embed %d (%d behind) still runs, want its poster: %v; %d live", i, gone, max, err, eval[int](t, b, liveCanvases))
		}
		if gone == 0 {
			t.Logf("embed 0 back at its poster: %s", name)
			if want := ids[2] + "-en-dark-"; !strings.HasPrefix(name, want) {
				t.Errorf("embed 0's poster is %s, want the scene, language and theme the reader left it at (%s…)", name, want)
			}
		}
	}

	// Back to embed 0: live again, where the reader left it.
	scrollTo(0)
	b.waitFrameReady(t, 0)
	if got := eval[string](t, b, frameAttr(0, sceneAttr)+` + ' ' + (`+frameN(0)+`).documentElement.lang + ' ' + `+frameAttr(0, "data-widget-theme")); !strings.HasPrefix(got, ids[2]+" en") || !strings.HasSuffix(got, " dark") {
		t.Errorf("embed 0 came back as %q, want %s in English, dark", got, ids[2])
	}
	if _, err := browser.WaitFor(b.Browser, readyTimeout, posterOf(n-1), func(s string) bool { return s != "" }); err != nil {
		t.Errorf("back at embed 0, embed %d (the farthest) still runs: %v", n-1, err)
	}

	time.Sleep(2 * time.Second)
	most := eval[int](t, b, `window.mostLive`)
	samples := eval[int](t, b, `window.liveSamples`)
	lost := eval[[]int](t, b, `window.lost`)
	loads := eval[[]int](t, b, `window.loads`)
	t.Logf("budget %d: at most %d live canvases in %d samples; loads per iframe %v; lost contexts %v", max, most, samples, loads, lost)
	if samples < 100 {
		t.Errorf("only %d samples of live canvases were taken", samples)
	}
	if most > max {
		t.Errorf("%d embeds had a live canvas at once, over the budget of %d", most, max)
	}
	if most < 2 {
		t.Errorf("at most %d embed had a live canvas at a time: the budget lets %d run", most, max)
	}
	for i := range n {
		if lost[i] != 0 {
			t.Errorf("iframe %d lost its WebGL context %d times", i, lost[i])
		}
		// The first load and one return to the poster per pass (two
		// passes for embed 0 and the last). A loop is more.
		if loads[i] > 3 {
			t.Errorf("iframe %d loaded %d times: a reload loop", i, loads[i])
		}
	}

	// Behind another tab and back: the widgets of the page hide together
	// (not all in the same moment), which is no reason to swap any.
	before := eval[int](t, b, `window.loads.reduce((a, b) => a + b, 0)`)
	front, err := browser.Call(b.Browser, target.CreateTarget, target.CreateTargetParams{URL: "about:blank"})
	if err != nil {
		t.Fatalf("opening a tab in front: %v", err)
	}
	if _, err := browser.WaitFor(b.Browser, keyTimeout, `document.visibilityState`, func(v string) bool { return v == "hidden" }); err != nil {
		t.Fatalf("the host page stays visible behind another tab: %v", err)
	}
	time.Sleep(5 * time.Second)
	browser.Call(b.Browser, target.CloseTarget, target.CloseTargetParams{TargetID: front.TargetID})
	browser.Call(b.Browser, page.BringToFront, cdp.Empty{})
	if _, err := browser.WaitFor(b.Browser, keyTimeout, `document.visibilityState`, func(v string) bool { return v == "visible" }); err != nil {
		t.Fatalf("the host page stays hidden: %v", err)
	}
	time.Sleep(3 * time.Second)
	if after := eval[int](t, b, `window.loads.reduce((a, b) => a + b, 0)`); after != before {
		t.Errorf("hiding the page and showing it again reloaded embeds: %d loads before, %d after", before, after)
	}
	if live := eval[int](t, b, liveCanvases); live > max || live == 0 {
		t.Errorf("after the page was hidden and shown, %d embeds are live, want 1–%d", live, max)
	}
	b.checkNoProblems(t, mark)
}

// orderCheck, called with an embed's parallelLinesLive.nearer, checks it
// over a set of widget states and returns the first violation, or "".
const orderCheck = `(nearer) => {
  const ws = [];
  let n = 0;
  for (const live of [true, false]) {
    for (let left = 0; left <= 6000; left += 900) ws.push({id: 'w' + (n++), live, left, near: -1});
    ws.push({id: 'w' + (n++), live, seen: true, left: 0, near: -1});
    ws.push({id: 'w' + (n++), live, touched: true, left: 0, near: -1});
    for (const near of [0, 1, 2]) ws.push({id: 'w' + (n++), live, left: 0, near});
  }
  const name = (w) => JSON.stringify(w);
  for (const a of ws) {
    if (nearer(a, a)) return name(a) + ' is nearer than itself';
    for (const b of ws) {
      if (a !== b && nearer(a, b) === nearer(b, a)) return 'neither or both of ' + name(a) + ' and ' + name(b) + ' first';
      for (const c of ws) if (nearer(a, b) && nearer(b, c) && !nearer(a, c)) return 'a cycle: ' + name(a) + ' < ' + name(b) + ' < ' + name(c);
    }
  }
  return '';
}`

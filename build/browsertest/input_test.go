package browsertest

import (
	"cmp"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallel-lines/widget/build/internal/browser"
	"github.com/parallel-lines/widget/wasm/widget"
)

// Limits and thresholds of the keyboard, pointer and touch tests.
const (
	// maxTabs bounds every walk with Tab: a scene has a few dozen items
	// and controls, so a walk that needs more never ends.
	maxTabs = 200

	// minCardFraction is the smallest share of the canvas a card changes
	// when it opens: a card is a panel of several lines of text (some 300×150
	// px at 1280×720, 5% of the pixels), while a focus ring, a hover outline
	// or the cursor stay far below 0.5%.
	minCardFraction = 0.005

	// pictureTimeout is how long a picture may take to reach the screen
	// after the frame that drew it was counted.
	pictureTimeout = 5 * time.Second
)

// The control labels of the page contract, in English.
const (
	buttonPrefix   = "Button"
	nextButtonText = "Button: Next scene"
)

// paragraphRef matches a paragraph number of the interview, such as P69.
var paragraphRef = regexp.MustCompile(`\bP\d+`)

// The viewport of the keyboard test: smaller than the default to keep frames
// cheap, since every Tab waits for one. The widget's iframe in
// testdata/host/tab.html (640×360) fits in it with the button after it.
const keyboardWidth, keyboardHeight = 800, 450

// TestKeyboardFocusAndCards checks the keyboard contract of the focused
// canvas: Tab moves the focus from item to item, and #widget-live speaks
// each one's label (cards with paragraph numbers for elements, "Button: …"
// for controls); Enter presses the focused control; Enter opens the focused
// element's card and Esc closes it again; and in a host page Tab leaves the
// widget after its last item and lands on the button that follows it.
func TestKeyboardFocusAndCards(t *testing.T) {
	ids := sceneIDs(t)
	if len(ids) < 2 {
		t.Skipf("the dataset has %d scene: the Next button has nowhere to go", len(ids))
	}
	srv := serveWithHosts(t, requireDist(t))
	b := startBrowserWith(t, browser.Options{Width: keyboardWidth, Height: keyboardHeight})
	first := srv.URL + "/?scene=" + url.QueryEscape(ids[0]) + "&lang=en"

	t.Run("tab-labels-and-next-button", func(t *testing.T) {
		b.screenshotOnFailure(t)
		mark := len(b.Problems())
		took := b.openWidget(t, first)
		t.Logf("timing: ready and still in %s", took.Round(time.Millisecond))
		b.focusCanvas(t)

		start := time.Now()
		labels := b.tabUntil(t, func(l string) bool { return l == nextButtonText })
		t.Logf("timing: %d Tabs to %q in %s", len(labels), nextButtonText, time.Since(start).Round(time.Millisecond))
		if len(labels) < 3 {
			t.Errorf("only %d items before the Next button, want at least 3 (elements, then controls): %q", len(labels)-1, labels)
		}
		firstButton := slices.IndexFunc(labels, func(l string) bool { return strings.HasPrefix(l, buttonPrefix) })
		if firstButton < 1 {
			t.Errorf("the first focused item is a control (%q): the elements should come first", labels[0])
		} else {
			elems := labels[:firstButton]
			if !slices.ContainsFunc(elems, paragraphRef.MatchString) {
				t.Errorf("no element's label names a paragraph (like P69): %q", elems)
			}
			for _, l := range labels[firstButton:] {
				if !strings.HasPrefix(l, buttonPrefix+": ") {
					t.Errorf("an item after the first control is labelled %q, want %q…: controls come last", l, buttonPrefix+": ")
				}
			}
		}
		if !eval[bool](t, b, `document.activeElement instanceof HTMLCanvasElement`) {
			t.Errorf("after %d Tabs within the widget the canvas no longer has the focus", len(labels))
		}

		if err := b.PressKey(browser.Enter); err != nil {
			t.Fatal(err)
		}
		if err := b.WaitForAttr(sceneAttr, ids[1], keyTimeout); err != nil {
			t.Fatalf("Enter on %q: %v", nextButtonText, err)
		}
		b.checkHash(t, ids[1])
		b.checkNoProblems(t, mark)
	})

	t.Run("enter-opens-card-escape-closes-it", func(t *testing.T) {
		b.screenshotOnFailure(t)
		mark := len(b.Problems())
		b.openWidget(t, first)
		b.focusCanvas(t)
		labels := b.tabUntil(t, paragraphRef.MatchString)
		t.Logf("focused after %d Tabs: %.80q…", len(labels), labels[len(labels)-1])
		// The live text is set in the frame that draws the focus, so the
		// picture now shows it.
		focused := b.shot(t)
		minCard := int(minCardFraction * float64(focused.Bounds().Dx()*focused.Bounds().Dy()))

		f := b.frames(t)
		if err := b.PressKey(browser.Enter); err != nil {
			t.Fatal(err)
		}
		b.waitFrame(t, f, "Enter on a focused element")
		n, ok := b.waitPicture(t, focused, pictureTimeout, func(n int) bool { return n >= minCard })
		t.Logf("Enter: %d pixels changed", n)
		if !ok {
			t.Fatalf("Enter on a focused element changed %d pixels, want at least %d (a card)", n, minCard)
		}
		if m := b.attr(t, motionAttr); m != "still" {
			t.Errorf("data-widget-motion is %q with a card open, want still", m)
		}

		f = b.frames(t)
		if err := b.PressKey(browser.Escape); err != nil {
			t.Fatal(err)
		}
		b.waitFrame(t, f, "Escape with a card open")
		n, ok = b.waitPicture(t, focused, pictureTimeout, func(n int) bool { return n == 0 })
		t.Logf("Escape: %d pixels differ from before the card", n)
		if !ok {
			t.Errorf("Escape did not restore the picture from before the card: %d pixels still differ", n)
		}
		b.checkNoProblems(t, mark)
	})

	t.Run("tab-leaves-the-widget-in-a-host-page", func(t *testing.T) {
		b.screenshotOnFailure(t)
		mark := len(b.Problems())
		start := time.Now()
		if err := b.Navigate(srv.URL + "/host/tab.html?lang=en"); err != nil {
			t.Fatal(err)
		}
		b.waitIframeReady(t)
		if _, err := browser.WaitFor(b.Browser, settleTimeout, iframeAttr(motionAttr), func(s string) bool { return s == "still" }); err != nil {
			t.Fatalf("the widget in the iframe never came to rest: %v", err)
		}
		t.Logf("timing: host page ready and still in %s", time.Since(start).Round(time.Millisecond))

		// Focus the canvas in the iframe as focusCanvas does: a click in
		// its top-left corner, inside the layout's margin.
		r := eval[rect](t, b, `(() => { const r = document.querySelector('iframe').getBoundingClientRect(); return {x: r.left, y: r.top, width: r.width, height: r.height}; })()`)
		// (instanceof would be false across the two windows: tagName.)
		if err := b.Click(r.X+2, r.Y+2); err != nil {
			t.Fatal(err)
		}
		if !eval[bool](t, b, `document.activeElement === document.querySelector('iframe') && `+iframeDoc+`.activeElement.tagName === 'CANVAS'`) {
			t.Fatalf("a click on the iframe's canvas did not focus it (host focus: %s)", eval[string](t, b, `document.activeElement.outerHTML.slice(0, 80)`))
		}

		type state struct {
			After   bool   `json:"after"`
			Exports bool   `json:"exports"` // i10: on the page's exports button, after the canvas
			Live    string `json:"live"`
		}
		stateExpr := `({after: document.activeElement && document.activeElement.id === 'after', live: ` + liveExpr(iframeDoc) + ` || '',
		  exports: !!(` + iframeDoc + `.activeElement && ` + iframeDoc + `.activeElement.closest('#widget-exports'))})`
		onExports := false
		var labels []string
		prev := ""
		left := false
		tabStart := time.Now()
		for i := 0; i < maxTabs && !left; i++ {
			if err := b.PressKey(browser.Tab); err != nil {
				t.Fatal(err)
			}
			// Each Tab either moves the focus within the widget, which
			// says so, or leaves it.
			s, err := browser.WaitFor(b.Browser, frameTimeout, stateExpr, func(s state) bool {
				return s.After || (s.Exports && !onExports) || (s.Live != "" && s.Live != prev)
			})
			if err != nil {
				host := eval[string](t, b, `document.activeElement ? document.activeElement.outerHTML.slice(0, 80) : 'none'`)
				t.Fatalf("Tab %d: neither did #widget-live change (it holds %q) nor did the focus reach #after (the host's focus is on %s): %v",
					i+1, s.Live, host, err)
			}
			if s.After {
				left = true
				break
			}
			if s.Exports && !onExports { // i10: the canvas is left for the exports, then the page
				onExports = true
				continue
			}
			labels = append(labels, s.Live)
			prev = s.Live
		}
		t.Logf("timing: %d Tabs through the widget and out in %s", len(labels)+1, time.Since(tabStart).Round(time.Millisecond))
		if !left {
			t.Fatalf("after %d Tabs the focus is still in the widget, want it on <button id=after>; the labels went: %q", maxTabs, labels)
		}
		if len(labels) < 3 {
			t.Errorf("the focus left the widget after only %d items: %q", len(labels), labels)
		}
		if !slices.Contains(labels, nextButtonText) {
			t.Errorf("the focus left the widget without visiting %q: %q", nextButtonText, labels)
		}
		if len(labels) > 0 && !strings.HasPrefix(labels[len(labels)-1], buttonPrefix+": ") {
			t.Errorf("the last item before the focus left is %q, want a control (%q…): the focus left early", labels[len(labels)-1], buttonPrefix+": ")
		}
		b.checkNoProblems(t, mark)
	})
}

// iframeAttr is a JS expression for an attribute of <html> in the host
// page's widget iframe, "" when unset or not loaded.
func iframeAttr(name string) string {
	return `((d) => d && d.documentElement ? (d.documentElement.getAttribute(` + jsString(name) + `) || '') : '')(` + iframeDoc + `)`
}

// tabUntil presses Tab until the label #widget-live speaks satisfies done,
// and returns every label spoken, the last one included. Each Tab must
// change the text to a new, non-empty label; it fails t when one does not,
// or when done is not met within maxTabs.
func (b *testBrowser) tabUntil(t *testing.T, done func(string) bool) []string {
	t.Helper()
	var labels []string
	prev := b.live(t)
	for i := range maxTabs {
		if err := b.PressKey(browser.Tab); err != nil {
			t.Fatal(err)
		}
		l := b.waitLiveChange(t, prev, fmt.Sprintf("Tab %d (the last label was %.60q)", i+1, prev))
		labels = append(labels, l)
		if done(l) {
			return labels
		}
		prev = l
	}
	t.Fatalf("no label wanted in %d Tabs; they went: %q", maxTabs, labels)
	return nil
}

// TestHoverAndTapOpenCards checks the pointer contract at 1280×720: hovering
// over an element shows its card and moving off hides it; a click pins the
// card, which then stays when the pointer leaves, and a click on empty
// ground closes it; and taps (touch events) on the bottom controls act: the
// language button switches <html lang>, the Next button moves on a scene.
func TestHoverAndTapOpenCards(t *testing.T) {
	ids := sceneIDs(t)
	if len(ids) < 2 {
		t.Skipf("the dataset has %d scene: the Next button has nowhere to go", len(ids))
	}
	srv := serveDir(t, requireDist(t))
	b := startBrowser(t) // 1280×720
	mark := len(b.Problems())
	took := b.openWidget(t, srv.URL+"/?scene="+url.QueryEscape(ids[0])+"&lang=en")
	t.Logf("timing: scene %q ready and still in %s", ids[0], took.Round(time.Millisecond))
	base := b.shot(t)
	minCard := int(minCardFraction * float64(base.Bounds().Dx()*base.Bounds().Dy()))
	corner := image.Pt(1, 1) // inside the layout's margin: nothing there

	// move moves the mouse and returns once the widget has drawn the frame
	// that saw it.
	move := func(p image.Point) {
		t.Helper()
		f := b.frames(t)
		if err := b.MoveMouse(float64(p.X), float64(p.Y)); err != nil {
			t.Fatal(err)
		}
		b.waitFrame(t, f, fmt.Sprintf("moving the mouse to %v", p))
	}
	click := func(p image.Point) {
		t.Helper()
		f := b.frames(t)
		if err := b.Click(float64(p.X), float64(p.Y)); err != nil {
			t.Fatal(err)
		}
		b.waitFrame(t, f, fmt.Sprintf("a click at %v", p))
	}
	// expect waits for the picture to differ from base by a card (open) or
	// not at all (closed).
	expect := func(open bool, what string) {
		t.Helper()
		n, ok := b.waitPicture(t, base, pictureTimeout, func(n int) bool {
			if open {
				return n >= minCard
			}
			return n == 0
		})
		switch {
		case !ok && open:
			t.Errorf("%s: %d pixels changed, want at least %d (a card)", what, n, minCard)
		case !ok:
			t.Errorf("%s: %d pixels differ from the scene without a card, want none", what, n)
		default:
			t.Logf("%s: %d pixels differ from the scene without a card", what, n)
		}
	}

	var over image.Point
	t.Run("hover", func(t *testing.T) {
		b.screenshotOnFailure(t)
		start := time.Now()
		// Elements are drawn: try the inkiest spots of the stage first (its
		// labels and dots), not the title above it or the controls below.
		_, footerTop := frameControls(t, b, "window")
		cands := inkySpots(base, image.Rect(0, base.Bounds().Dy()*3/10, base.Bounds().Dx(), footerTop-8), 24)
		// The frame's own description names where its labels stand: their
		// centres go first (a chip's name, a node's label).
		type box struct{ X, Y, W, H float64 }
		var d struct{ Texts []box }
		if err := json.Unmarshal([]byte(eval[string](t, b, `window.parallelLines.inspect()`)), &d); err == nil {
			var front []image.Point
			for _, x := range d.Texts {
				if c := image.Pt(int(x.X+x.W/2), int(x.Y+x.H/2)); c.Y > base.Bounds().Dy()*3/10 && c.Y < footerTop {
					front = append(front, c)
				}
			}
			cands = append(front, cands...)
		}
		tried := 0
		for _, p := range cands[:min(len(cands), 40)] {
			tried++
			move(p)
			if n, _ := differentPixels(base, b.shot(t)); n >= minCard {
				over = p
				t.Logf("a card opened over %v (%d pixels changed) after %d tries in %s", p, n, tried, time.Since(start).Round(time.Millisecond))
				break
			}
		}
		if over == (image.Point{}) {
			t.Fatalf("hovering over the %d inkiest spots of the stage opened no card", tried)
		}
		if m := b.attr(t, motionAttr); m != "still" {
			t.Errorf("data-widget-motion is %q while a hover card shows, want still: the change may be motion, not a card", m)
		}
		move(corner)
		expect(false, "moving off the element")
	})

	t.Run("click-pins", func(t *testing.T) {
		if over == (image.Point{}) {
			t.Skip("no element was found by hovering")
		}
		b.screenshotOnFailure(t)
		click(over)
		expect(true, "a click on the element")
		move(corner)
		expect(true, "the pointer leaving a pinned card")
		click(corner)
		expect(false, "a click on empty ground with a pinned card")
	})

	// The controls, where the frame says they are.
	w, h := base.Bounds().Dx(), base.Bounds().Dy()
	controls, _ := frameControls(t, b, "window")
	langButton := control(t, controls, "control-lang")
	nextButton := control(t, controls, "control-next")

	t.Run("tap-language", func(t *testing.T) {
		b.screenshotOnFailure(t)
		if got := b.attr(t, "lang"); got != "en" {
			t.Fatalf("<html lang> is %q before the tap, want en", got)
		}
		b.tap(t, langButton)
		if err := b.WaitForAttr("lang", "zh-Hans", keyTimeout); err != nil {
			t.Errorf("a tap on the language button at %v (%d px from the right edge, %d from the bottom): %v",
				langButton, w-langButton.X, h-langButton.Y, err)
		}
	})
	t.Run("tap-next", func(t *testing.T) {
		b.screenshotOnFailure(t)
		b.tap(t, nextButton)
		if err := b.WaitForAttr(sceneAttr, ids[1], keyTimeout); err != nil {
			t.Errorf("a tap on the Next button at %v: %v", nextButton, err)
		}
	})
	b.checkNoProblems(t, mark)
}

// frameControls reads the controls the frame describes (inspect(), CSS px
// from the canvas's top-left) in the window that win names ("window", or an
// iframe's contentWindow): the tests tap what the layout placed rather than
// copy its geometry.
func frameControls(t *testing.T, b *testBrowser, win string) (controls map[string]image.Point, footerTop int) {
	t.Helper()
	var d widget.Description
	if err := json.Unmarshal([]byte(eval[string](t, b, win+`.parallelLines.inspect()`)), &d); err != nil {
		t.Fatalf("inspect(): %v", err)
	}
	if len(d.Controls) == 0 {
		t.Fatal("inspect() lists no controls")
	}
	controls = map[string]image.Point{}
	footerTop = int(d.Height)
	for _, c := range d.Controls {
		controls[c.ID] = image.Pt(int(c.X+c.W/2), int(c.Y+c.H/2))
		footerTop = min(footerTop, int(c.Y))
	}
	return controls, footerTop
}

// control is the centre of the control id, failing the test without it.
func control(t *testing.T, controls map[string]image.Point, id string) image.Point {
	t.Helper()
	p, ok := controls[id]
	if !ok {
		t.Fatalf("the frame has no control %q (it has %v)", id, controls)
	}
	return p
}

// tap touches p and lifts the finger at once: the page shell takes the tap
// from the touch events themselves (web/input.js), so even a tap shorter
// than a frame counts.
func (b *testBrowser) tap(t *testing.T, p image.Point) {
	t.Helper()
	f := b.frames(t)
	if err := b.Tap(float64(p.X), float64(p.Y), 0); err != nil {
		t.Fatal(err)
	}
	b.waitFrame(t, f, fmt.Sprintf("a tap at %v", p))
}

// inkySpots divides r into cells of size px and returns the centres of the
// cells that hold pixels far from the picture's dominant colour (text,
// dots, lines), the inkiest first.
func inkySpots(img image.Image, r image.Rectangle, size int) []image.Point {
	bg, _ := dominantColour(img)
	type cell struct {
		p   image.Point
		ink int
	}
	var cells []cell
	for y := r.Min.Y; y+size <= r.Max.Y; y += size {
		for x := r.Min.X; x+size <= r.Max.X; x += size {
			ink := 0
			for yy := y; yy < y+size; yy++ {
				for xx := x; xx < x+size; xx++ {
					c := color.RGBAModel.Convert(img.At(xx, yy)).(color.RGBA)
					if colourDistance(c, bg) > 48 {
						ink++
					}
				}
			}
			if ink > 0 {
				cells = append(cells, cell{image.Pt(x+size/2, y+size/2), ink})
			}
		}
	}
	slices.SortStableFunc(cells, func(a, b cell) int { return cmp.Compare(b.ink, a.ink) })
	out := make([]image.Point, len(cells))
	for i, c := range cells {
		out[i] = c.p
	}
	return out
}

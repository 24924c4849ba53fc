package browsertest

import (
	"image/color"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallel-lines/widget/build/internal/browser"
)

// The page backgrounds of the two themes (web/widget.css and the widget's
// own themes agree on them).
var (
	lightBackground = color.RGBA{0xfb, 0xfa, 0xf7, 0xff}
	darkBackground  = color.RGBA{0x12, 0x14, 0x19, 0xff}
)

// The viewport of the tour, in CSS pixels.
const tourWidth, tourHeight = 640, 360

// maxBackgroundDistance is how far (in any one channel, 0–255) the dominant
// colour of a screenshot may be from the theme's background. Light and dark
// are some 230 apart; a few levels allow for colour management.
const maxBackgroundDistance = 6

// maxReturnDiffFraction is the share of pixels in which the first scene may
// differ after a tour to the last scene and back from how it looked when it
// opened. Rendering is deterministic, so any difference at all is a
// leftover of the tour (a card, a stale label, a particle).
const maxReturnDiffFraction = 0.0

// TestEveryScenePlaysBothWaysInBothLanguagesAndThemes walks the whole story
// with the keys in each language and theme: ArrowRight from the first scene
// to the last, then ArrowLeft back to the first. The scenes must come in the
// dataset's order both ways, the page must log no errors, the theme must
// show as the background colour, and the first scene must look the same
// after the tour as when it opened. Only the first and last pictures are
// waited for at rest: a key pressed during a transition must work anyway.
func TestEveryScenePlaysBothWaysInBothLanguagesAndThemes(t *testing.T) {
	ids := sceneIDs(t)
	if len(ids) < 2 {
		t.Skipf("the dataset has %d scene: nothing to step through", len(ids))
	}
	srv := serveDir(t, requireDist(t))
	// One browser, a fresh page per variant, at a small embed's size: a
	// frame of software WebGL costs in proportion to the pixels (about
	// 330 ms at 1280×720, 100 ms at 640×360 on two cores), and every key
	// and every read of the page waits for the frame under way.
	b := startBrowserWith(t, browser.Options{Width: tourWidth, Height: tourHeight})
	for _, lang := range []string{"zh", "en"} {
		for _, theme := range []string{"light", "dark"} {
			t.Run("lang="+lang+"/theme="+theme, func(t *testing.T) {
				b.screenshotOnFailure(t)
				mark := len(b.Problems())
				start := time.Now()
				u := srv.URL + "/?scene=" + url.QueryEscape(ids[0]) + "&lang=" + lang + "&theme=" + theme
				took := b.openWidget(t, u)
				t.Logf("timing: ready and still in %s", took.Round(time.Millisecond))

				wantLang := map[string]string{"zh": "zh-Hans", "en": "en"}[lang]
				if got := b.attr(t, "lang"); got != wantLang {
					t.Errorf("<html lang> is %q with lang=%s, want %q", got, lang, wantLang)
				}
				opened := b.shot(t)
				bg, share := dominantColour(opened)
				want := map[string]color.RGBA{"light": lightBackground, "dark": darkBackground}[theme]
				t.Logf("theme=%s: dominant colour %s on %.1f%% of the screenshot", theme, hex(bg), 100*share)
				if d := colourDistance(bg, want); d > maxBackgroundDistance {
					t.Errorf("theme=%s: the dominant colour of the page is %s (%.1f%% of pixels), want near %s (off by %d, at most %d)",
						theme, hex(bg), 100*share, hex(want), d, maxBackgroundDistance)
				}

				b.focusCanvas(t)
				costBefore := b.restFrameCost(t)
				forward := b.stepAll(t, browser.ArrowRight, len(ids)-1)
				back := b.stepAll(t, browser.ArrowLeft, len(ids)-1)
				steps := time.Since(start) - took
				t.Logf("timing: %d steps each way in %s (%.0f ms a step, not waiting for rest)",
					len(ids)-1, steps.Round(time.Millisecond), float64(steps.Milliseconds())/float64(2*(len(ids)-1)))

				wantBack := slices.Clone(ids[:len(ids)-1])
				slices.Reverse(wantBack)
				if !slices.Equal(forward, ids[1:]) {
					t.Errorf("ArrowRight from %q visited %s, want %s%s", ids[0], strings.Join(forward, " → "), strings.Join(ids[1:], " → "), staleDistHint)
				}
				if !slices.Equal(back, wantBack) {
					t.Errorf("ArrowLeft from %q visited %s, want %s%s", ids[len(ids)-1], strings.Join(back, " → "), strings.Join(wantBack, " → "), staleDistHint)
				}
				b.checkHash(t, ids[0])

				// Back where it started and at rest, the first scene looks as
				// it did when it opened.
				if err := b.WaitForAttr(motionAttr, "still", settleTimeout); err != nil {
					t.Fatalf("after the tour: %v", err)
				}
				n, total := differentPixels(opened, b.shot(t))
				t.Logf("first scene after the tour: %d of %d pixels differ from when it opened", n, total)
				// Logged, not checked: timings on a shared machine vary too
				// much for a threshold.
				t.Logf("timing: a frame of the first scene at rest costs %s before the tour, %s after it",
					costBefore.Round(time.Millisecond), b.restFrameCost(t).Round(time.Millisecond))
				if float64(n) > maxReturnDiffFraction*float64(total) {
					t.Errorf("after the tour and back, the first scene at rest differs from when it opened in %d of %d pixels (%.3f%%)",
						n, total, 100*float64(n)/float64(total))
				}
				b.checkNoProblems(t, mark)
			})
		}
	}
}

// stepAll presses k n times, each time waiting only until
// data-widget-scene changes (not for rest), and returns the scenes in the
// order they came. It fails t when a press changes nothing within
// keyTimeout.
func (b *testBrowser) stepAll(t *testing.T, k browser.Key, n int) []string {
	t.Helper()
	var seen []string
	cur := b.attr(t, sceneAttr)
	for i := range n {
		if err := b.PressKey(k); err != nil {
			t.Fatal(err)
		}
		next, err := browser.WaitFor(b.Browser, keyTimeout, jsAttr(sceneAttr), func(s string) bool { return s != cur })
		if err != nil {
			t.Fatalf("%s (press %d of %d) on scene %q changed nothing; scenes so far: %s: %v",
				k, i+1, n, cur, strings.Join(seen, " → "), err)
		}
		seen = append(seen, next)
		cur = next
	}
	return seen
}

// restFrameCost returns the mean time from a mouse move on the canvas's
// corner (where nothing can be hit) to the frame it causes, over a few
// moves: what one frame of the picture at rest costs, protocol included.
func (b *testBrowser) restFrameCost(t *testing.T) time.Duration {
	t.Helper()
	const moves = 4
	// The canvas's corner, not the page's: on the explorer at a small size
	// the page's tools have a row above it (web/widget.css).
	info, err := b.pageInfo()
	if err != nil || info.Canvas == nil {
		t.Fatalf("no canvas to move over: %v", err)
	}
	var total time.Duration
	for i := range moves {
		f := b.frames(t)
		start := time.Now()
		if err := b.MoveMouse(info.Canvas.X+float64(1+i%2), info.Canvas.Y+1); err != nil {
			t.Fatal(err)
		}
		b.waitFrame(t, f, "a mouse move on the canvas's corner")
		total += time.Since(start)
	}
	return total / moves
}

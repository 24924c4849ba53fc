package browsertest

import (
	"fmt"
	"image"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallel-lines/widget/build/internal/browser"
)

// idleWindow is how long TestIdleWidgetDrawsNothing watches a widget at
// rest. A widget that keeps drawing does so every vsync (60 frames a second
// headless), or at the very least on some timer: two seconds shows either.
const idleWindow = 2 * time.Second

// TestIdleWidgetDrawsNothing checks the promise behind FPSModeVsyncOffMinimum:
// a widget at rest draws no frames at all. It also proves the frame counter
// it relies on works, by watching it rise while a transition runs.
func TestIdleWidgetDrawsNothing(t *testing.T) {
	ids := sceneIDs(t)
	srv := serveDir(t, requireDist(t))
	b := startBrowser(t) // 1280×720
	took := b.openWidget(t, srv.URL+"/")
	t.Logf("timing: ready and still %s after navigating", took.Round(time.Millisecond))

	checkIdle := func(phase string) {
		t.Helper()
		before := b.frames(t)
		time.Sleep(idleWindow)
		after := b.frames(t)
		n := after - before
		t.Logf("%s: %d frames in %s (%.2f frames/s)", phase, n, idleWindow, float64(n)/idleWindow.Seconds())
		if n != 0 {
			t.Errorf("%s: the widget drew %d frames in %s while at rest (%.1f frames/s), want none",
				phase, n, idleWindow, float64(n)/idleWindow.Seconds())
		}
	}
	checkIdle("at rest after loading")

	if len(ids) < 2 {
		t.Skipf("the dataset has %d scene: no transition to watch", len(ids))
	}
	b.focusCanvas(t)
	start := b.frames(t)
	pressed := time.Now()
	if err := b.PressKey(browser.ArrowRight); err != nil {
		t.Fatal(err)
	}

	// Watch the transition: the frame count when the widget is first seen
	// moving, and when it is still again. Both attributes and the counter
	// come from one evaluation, so they describe one moment.
	type sample struct {
		Motion string `json:"motion"`
		Scene  string `json:"scene"`
		Frames int    `json:"frames"`
	}
	sampleExpr := fmt.Sprintf(`({motion: %s, scene: %s, frames: %s})`,
		jsAttr(motionAttr), jsAttr(sceneAttr), framesExpr)
	var first, last *sample
	deadline := pressed.Add(settleTimeout)
	for {
		s, err := browser.Eval[sample](b.Browser, sampleExpr)
		if err != nil {
			t.Fatalf("reading the page during the transition: %v", err)
		}
		if s.Motion == "moving" && first == nil {
			first = &s
		}
		if s.Motion == "still" && first != nil {
			last = &s
			break
		}
		if first == nil && time.Since(pressed) > keyTimeout {
			t.Fatalf("ArrowRight started no transition within %s: data-widget-motion=%q, scene %q, %d frames",
				keyTimeout, s.Motion, s.Scene, s.Frames-start)
		}
		if time.Now().After(deadline) {
			t.Fatalf("the transition did not end within %s: data-widget-motion=%q", settleTimeout, s.Motion)
		}
		time.Sleep(20 * time.Millisecond)
	}
	dur := time.Since(pressed)
	n := last.Frames - start
	t.Logf("transition after ArrowRight: %d frames in %s (%.1f frames/s), %d of them after it was first seen moving",
		n, dur.Round(time.Millisecond), float64(n)/dur.Seconds(), last.Frames-first.Frames)
	if last.Scene != ids[1] {
		t.Errorf("ArrowRight on the first scene moved to %q, want %q%s", last.Scene, ids[1], staleDistHint)
	}
	// Frames drawn after the widget was seen moving, with no further
	// input, can only be the animation's own.
	if last.Frames <= first.Frames {
		t.Errorf("the frame counter did not rise while the widget was moving (%d when first seen moving, %d at rest)",
			first.Frames, last.Frames)
	}

	checkIdle("at rest after the transition")
}

// jsAttr is a JS expression for an attribute of <html>, "" when unset.
func jsAttr(name string) string {
	return fmt.Sprintf(`(document.documentElement.getAttribute(%q) || '')`, name)
}

// TestScenesDeepLinkAndKeys checks how the URL and the keyboard choose the
// scene: deep links by query and by fragment, the fallback for an unknown
// id, the keys, and both languages. The scene ids come from the embedded
// dataset. One browser serves all subtests: each opens a fresh page.
func TestScenesDeepLinkAndKeys(t *testing.T) {
	ids := sceneIDs(t)
	srv := serveDir(t, requireDist(t))
	b := startBrowser(t) // 1280×720
	first, mid, last := ids[0], ids[len(ids)/2], ids[len(ids)-1]
	t.Logf("%d scenes; first %q, middle %q, last %q", len(ids), first, mid, last)

	// open opens path and checks that it shows the scene want, writes it
	// into the address and logs no errors.
	open := func(t *testing.T, path, want string) {
		t.Helper()
		mark := len(b.Problems())
		took := b.openWidget(t, srv.URL+path)
		t.Logf("timing: %s ready and still in %s", path, took.Round(time.Millisecond))
		if got := b.attr(t, sceneAttr); got != want {
			t.Errorf("%s opened scene %q, want %q%s", path, got, want, staleDistHint)
		}
		b.checkHash(t, want)
		b.checkNoProblems(t, mark)
	}

	for _, id := range slices.Compact([]string{first, mid, last}) {
		t.Run("query="+id, func(t *testing.T) {
			b.screenshotOnFailure(t)
			open(t, "/?scene="+url.QueryEscape(id), id)
		})
	}
	t.Run("fragment="+last, func(t *testing.T) {
		b.screenshotOnFailure(t)
		open(t, "/#scene="+url.QueryEscape(last), last)
	})
	t.Run("fragment-wins-over-query", func(t *testing.T) {
		if len(ids) < 2 {
			t.Skip("needs two scenes")
		}
		b.screenshotOnFailure(t)
		open(t, "/?scene="+url.QueryEscape(first)+"#scene="+url.QueryEscape(last), last)
	})
	t.Run("unknown-id-falls-back", func(t *testing.T) {
		b.screenshotOnFailure(t)
		// Not a valid id at all (ids are lower-case words), so no dataset
		// can ever contain it.
		open(t, "/?scene=No_Such_Scene", first)
	})

	t.Run("keys", func(t *testing.T) {
		if len(ids) < 3 {
			t.Skipf("needs three scenes, the dataset has %d", len(ids))
		}
		b.screenshotOnFailure(t)
		mark := len(b.Problems())
		took := b.openWidget(t, srv.URL+"/?scene="+url.QueryEscape(first))
		t.Logf("timing: ready and still in %s", took.Round(time.Millisecond))
		b.focusCanvas(t)
		for _, step := range []struct {
			key  browser.Key
			want string
		}{
			{browser.ArrowRight, ids[1]},
			{browser.ArrowLeft, first},
			{browser.End, last},
			{browser.Home, first},
			{browser.Space, ids[1]},
			{browser.PageDown, ids[2]},
			{browser.PageUp, ids[1]},
			{browser.Home, first},
		} {
			took := b.press(t, step.key, step.want)
			t.Logf("timing: %s → %q at rest after %s", step.key, step.want, took.Round(time.Millisecond))
		}

		// Two presses in quick succession: the second arrives while the
		// first transition runs, and the widget must land on the scene
		// two ahead.
		start := time.Now()
		if err := b.PressKey(browser.ArrowRight); err != nil {
			t.Fatal(err)
		}
		if err := b.WaitForAttr(sceneAttr, ids[1], keyTimeout); err != nil {
			t.Fatalf("first ArrowRight: %v", err)
		}
		if err := b.PressKey(browser.ArrowRight); err != nil {
			t.Fatal(err)
		}
		// Read after the second press: if the first transition had still
		// been running then, it is running now (or the second one is).
		motion := b.attr(t, motionAttr)
		if err := b.WaitForAttr(motionAttr, "still", settleTimeout); err != nil {
			t.Fatalf("after two quick ArrowRight presses: %v", err)
		}
		t.Logf("timing: two quick ArrowRight presses at rest after %s", time.Since(start).Round(time.Millisecond))
		if motion != "moving" {
			t.Fatalf("data-widget-motion was %q right after the second press: the presses were not mid-transition", motion)
		}
		if got := b.attr(t, sceneAttr); got != ids[2] {
			t.Errorf("two quick ArrowRight presses from %q landed on %q, want %q", first, got, ids[2])
		}
		b.checkHash(t, ids[2])
		b.checkNoProblems(t, mark)
	})

	// Both languages reach ready without errors, and they draw different
	// pictures: a lang parameter that was ignored would draw the same one.
	shots := map[string]image.Image{}
	for _, lang := range []string{"zh", "en"} {
		t.Run("lang="+lang, func(t *testing.T) {
			b.screenshotOnFailure(t)
			open(t, "/?scene="+url.QueryEscape(first)+"&lang="+lang, first)
			if got := b.checkHash(t, first); got != lang {
				t.Errorf("opened with lang=%s, the address says lang=%s", lang, got)
			}
			_, img, err := b.screenshot()
			if err != nil {
				t.Fatal(err)
			}
			shots[lang] = img
		})
	}
	// A reload (or the reload Ebitengine does on a lost WebGL context) comes
	// back to the same scene in the same language: both live in the hash.
	t.Run("reload-keeps-scene-and-language", func(t *testing.T) {
		b.screenshotOnFailure(t)
		open(t, "/?scene="+url.QueryEscape(mid)+"&lang=zh", mid)
		hash, err := browser.Eval[string](b.Browser, `location.hash`)
		if err != nil {
			t.Fatal(err)
		}
		open(t, "/"+hash, mid)
		if got := b.attr(t, "lang"); got != "zh-Hans" {
			t.Errorf("after a reload from %s the page language is %q, want zh-Hans", hash, got)
		}
	})
	// Motion switched off stays off across a reload too.
	t.Run("reload-keeps-motion-off", func(t *testing.T) {
		b.screenshotOnFailure(t)
		open(t, "/?scene="+url.QueryEscape(mid)+"&motion=off", mid)
		hash, err := browser.Eval[string](b.Browser, `location.hash`)
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := url.ParseQuery(strings.TrimPrefix(hash, "#")); v.Get("motion") != "reduce" {
			t.Errorf("opened with motion=off (the old spelling of motion=reduce), the address keeps %q", hash)
		}
	})
	if zh, en := shots["zh"], shots["en"]; zh != nil && en != nil {
		n, total := differentPixels(zh, en)
		t.Logf("lang=zh and lang=en of %q differ in %d of %d pixels (%.2f%%)", first, n, total, 100*float64(n)/float64(total))
		if float64(n) < minLangDiffFraction*float64(total) {
			t.Errorf("lang=zh and lang=en of %q draw (nearly) the same picture: %d of %d pixels differ, want at least %.1f%%",
				first, n, total, 100*minLangDiffFraction)
		}
	}
}

// minLangDiffFraction is the smallest share of pixels in which the two
// languages of one scene must differ: 0.1% of 1280×720 is about 920
// pixels, a few glyphs. Rendering is deterministic (the same page gives
// the same pixels), so any difference comes from the text.
const minLangDiffFraction = 0.001

// differentPixels counts the pixels in which a and b differ, over a's
// bounds; pixels outside b count as different.
func differentPixels(a, b image.Image) (n, total int) {
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ar, ag, ab, _ := a.At(x, y).RGBA()
			br, bg, bb, _ := b.At(x, y).RGBA()
			if ar != br || ag != bg || ab != bb || !(image.Point{x, y}).In(b.Bounds()) {
				n++
			}
		}
	}
	return n, r.Dx() * r.Dy()
}

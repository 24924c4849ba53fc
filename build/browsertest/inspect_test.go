package browsertest

import (
	"encoding/json"
	"fmt"
	"math"
	"testing"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/build/internal/browser"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/typeset"
	"github.com/parallel-lines/widget/wasm/widget"
)

// The page's inspect() is the core's own description of the frame
// (widget.Inspect): the live widget and the same scene laid out natively
// must show the same texts in the same boxes, within a pixel.
func TestInspectMatchesNative(t *testing.T) {
	story, err := data.Decode(assets.Story)
	if err != nil {
		t.Fatal(err)
	}
	fonts, err := typeset.Load(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	srv := serveDir(t, requireDist(t))
	b := startBrowserWith(t, browser.Options{Width: 1280, Height: 720})
	for _, size := range []struct{ w, h int }{{1280, 720}, {390, 844}} {
		for _, c := range []struct {
			scene string
			lang  layout.Lang
		}{{"battlefield", layout.En}, {"everest", layout.Zh}} {
			name := fmt.Sprintf("%dx%d/%s/%s", size.w, size.h, c.scene, langTag(c.lang))
			t.Run(name, func(t *testing.T) {
				b.screenshotOnFailure(t)
				if err := b.SetViewport(size.w, size.h, 1); err != nil {
					t.Fatal(err)
				}
				b.openWidget(t, srv.URL+"/?motion=reduce&scene="+c.scene+"&lang="+langTag(c.lang))
				raw := eval[string](t, b, `window.parallelLines.inspect()`)
				var live widget.Description
				if err := json.Unmarshal([]byte(raw), &live); err != nil {
					t.Fatalf("inspect() is not the JSON description: %v\n%.300s", err, raw)
				}
				if live.Scene != c.scene || live.Lang != langTag(c.lang) || len(live.Texts) == 0 {
					t.Fatalf("inspect() shows scene %q in %q with %d texts, want %q in %q with text", live.Scene, live.Lang, len(live.Texts), c.scene, langTag(c.lang))
				}
				scene := story.SceneIndex(c.scene)
				w := widget.New(story, fonts, layout.Screen{W: int(math.Round(live.Width)), H: int(math.Round(live.Height)), Scale: 1}, c.lang, scene)
				w.SetReducedMotion(true)
				for w.Animating() {
					w.Tick(1)
				}
				native := w.Describe()
				if native.Form != live.Form {
					t.Errorf("form: live %q, native %q", live.Form, native.Form)
				}
				if len(native.Texts) != len(live.Texts) {
					t.Errorf("%d texts live, %d native", len(live.Texts), len(native.Texts))
				}
				used := make([]bool, len(live.Texts))
				for _, n := range native.Texts {
					found := false
					for i, l := range live.Texts {
						if !used[i] && l.Text == n.Text && near(l.X, n.X) && near(l.Y, n.Y) && near(l.W, n.W) && near(l.H, n.H) {
							used[i], found = true, true
							break
						}
					}
					if !found {
						t.Errorf("native text %q at (%.1f, %.1f) %.1f×%.1f has no live twin within 1 px", n.Text, n.X, n.Y, n.W, n.H)
					}
				}
			})
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1 }

func langTag(l layout.Lang) string {
	if l == layout.En {
		return "en"
	}
	return "zh"
}

// On the stage (?mode=present) the canvas's smallest text is at least a
// thirtieth of its height, readable from the back of a room.
func TestStageTextSize(t *testing.T) {
	srv := serveDir(t, requireDist(t))
	b := startBrowserWith(t, browser.Options{Width: 1920, Height: 1080})
	b.screenshotOnFailure(t)
	for _, lang := range []string{"en", "zh"} {
		b.openWidget(t, srv.URL+"/?mode=present&motion=reduce&scene=battlefield&lang="+lang)
		var d widget.Description
		if err := json.Unmarshal([]byte(eval[string](t, b, `window.parallelLines.inspect()`)), &d); err != nil {
			t.Fatal(err)
		}
		if len(d.Texts) == 0 {
			t.Fatalf("%s: the stage shows no text", lang)
		}
		smallest := d.Texts[0]
		for _, x := range d.Texts {
			if x.Px < smallest.Px {
				smallest = x
			}
		}
		if min := d.Height / 30; smallest.Px < min-0.5 {
			t.Errorf("%s: on a %g px tall stage the smallest text, %q, is %.1f px; want at least %.1f", lang, d.Height, smallest.Text, smallest.Px, min)
		}
	}
}

// ?controls=0 leaves the on-canvas controls out of the frame.
func TestControlsOff(t *testing.T) {
	srv := serveDir(t, requireDist(t))
	b := startBrowserWith(t, browser.Options{Width: 800, Height: 450})
	b.screenshotOnFailure(t)
	count := func(url string) int {
		b.openWidget(t, url)
		var d widget.Description
		if err := json.Unmarshal([]byte(eval[string](t, b, `window.parallelLines.inspect()`)), &d); err != nil {
			t.Fatal(err)
		}
		return len(d.Controls)
	}
	if n := count(srv.URL + "/embed.html?load=eager&motion=reduce&scene=shifts"); n == 0 {
		t.Fatal("the embed shows no controls by default")
	}
	if n := count(srv.URL + "/embed.html?load=eager&motion=reduce&scene=shifts&controls=0"); n != 0 {
		t.Errorf("with controls=0 the frame has %d controls, want none", n)
	}
}

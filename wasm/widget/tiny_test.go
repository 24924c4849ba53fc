package widget

import (
	"encoding/json"
	"testing"

	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

// A degenerate screen still paints and describes itself as valid JSON.
func TestDegenerateScreenInspects(t *testing.T) {
	s := layouttest.Story(t)
	for _, scr := range []layout.Screen{{W: 0, H: 0}, {W: 1, H: 1, Scale: 1}, {W: 50, H: 5000, Scale: 0.5}} {
		for i := range s.Scenes {
			w := New(s, mono{}, scr, layout.Zh, i)
			settle(w)
			var d Description
			if err := json.Unmarshal([]byte(w.Inspect()), &d); err != nil {
				t.Fatalf("%v %s: %v", scr, s.Scenes[i].ID, err)
			}
			if d.Scene != s.Scenes[i].ID || d.Lang != "zh" {
				t.Errorf("%v: described %q %q", scr, d.Scene, d.Lang)
			}
		}
	}
}

// The description says what the frame shows: the scene's title, both
// lines' names, the controls, and strokes for the lines, in CSS pixels.
func TestInspectDescribesTheFrame(t *testing.T) {
	s := layouttest.Story(t)
	w := New(s, mono{}, layout.Screen{W: 2560, H: 1440, Scale: 2}, layout.En, s.SceneIndex("battlefield"))
	settle(w)
	var d Description
	if err := json.Unmarshal([]byte(w.Inspect()), &d); err != nil {
		t.Fatal(err)
	}
	if d.Width != 1280 || d.Height != 720 || d.Form != "ribbons" {
		t.Errorf("described %gx%g form %q, want 1280x720 ribbons", d.Width, d.Height, d.Form)
	}
	texts := map[string]DescribedText{}
	for _, x := range d.Texts {
		texts[x.Text] = x
	}
	for _, want := range []string{s.Scenes[w.Scene()].Title.En, "United States", "China", "Europe"} {
		x, ok := texts[want]
		if !ok {
			t.Errorf("no text %q in %v", want, d.Texts)
			continue
		}
		if x.X < 0 || x.Y < 0 || x.X+x.W > d.Width || x.Y+x.H > d.Height || x.Px < 12 {
			t.Errorf("%q at %+v is off the 1280x720 canvas or too small", want, x)
		}
	}
	ids := map[string]bool{}
	for _, c := range d.Controls {
		ids[c.ID] = c.W >= 44 && c.H >= 44
	}
	for _, id := range []string{"control-prev", "control-next", "control-lang", "control-motion"} {
		if !ids[id] {
			t.Errorf("control %s missing or under 44 CSS px", id)
		}
	}
	if len(d.Strokes) < 2 {
		t.Errorf("%d strokes, want at least the two lines", len(d.Strokes))
	}
}

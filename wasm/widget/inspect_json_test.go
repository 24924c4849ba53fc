package widget

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

// Inspect is written by hand; it must be exactly what encoding/json writes
// for the Description (the page's inspect() contract did not change), for
// every scene in both languages, on a screen, a phone and a degenerate one,
// with a card open.
func TestInspectIsEncodingJSON(t *testing.T) {
	s := layouttest.Story(t)
	for _, scr := range []layout.Screen{{W: 2560, H: 1440, Scale: 2}, {W: 390, H: 844, Scale: 1}, {W: 1, H: 1, Scale: 1}} {
		for _, lang := range []layout.Lang{layout.Zh, layout.En} {
			for i := range s.Scenes {
				w := New(s, mono{}, scr, lang, i)
				w.Tick(7) // mid-transition: fractional positions and opacities
				checkInspect(t, w)
				settle(w)
				w.PointerMove(float64(scr.W)/2, float64(scr.H)/2)
				checkInspect(t, w)
			}
		}
	}
}

func checkInspect(t *testing.T, w *Widget) {
	t.Helper()
	want, err := json.Marshal(w.Describe())
	if err != nil {
		t.Fatal(err)
	}
	if got := w.Inspect(); got != string(want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Fatalf("%s: Inspect() differs from encoding/json at byte %d:\n got …%.80s\nwant …%.80s", w.SceneID(), i, got[i:], want[i:])
	}
}

// Empty lists, an open card, a bold line and nil slices are written as
// encoding/json writes them; a NaN is an error, not invalid JSON.
func TestDescriptionJSONShapes(t *testing.T) {
	for _, d := range []Description{
		{},
		{Scene: "a<b", Texts: []DescribedText{{Text: "x", Bold: true, Halo: true, Px: 1e-7}}, Strokes: []DescribedStroke{{}, {Points: [][2]float64{{1, 2}}}}, Controls: []DescribedBox{}, Card: "c"},
	} {
		want, _ := json.Marshal(d)
		if got := d.JSON(); got != string(want) {
			t.Errorf("JSON() = %s\nencoding/json: %s", got, want)
		}
	}
	got := Description{Width: math.NaN()}.JSON()
	var e struct{ Error string }
	if err := json.Unmarshal([]byte(got), &e); err != nil || !strings.Contains(e.Error, "NaN") {
		t.Errorf("NaN description: %s (%v)", got, err)
	}
}

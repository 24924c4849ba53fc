package widget

import (
	"strings"
	"testing"

	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

func center(b layout.Rect) (float64, float64) { return b.X + b.W/2, b.Y + b.H/2 }

func target(t *testing.T, w *Widget, id string) Target {
	t.Helper()
	for _, x := range w.Targets() {
		if x.ID == id {
			return x
		}
	}
	t.Fatalf("no target %q among %d", id, len(w.Targets()))
	return Target{}
}

func TestTabVisitsEveryTargetThenLeaves(t *testing.T) {
	w := New(layouttest.Story(t), mono{}, screen, layout.En, 0)
	settle(w)
	n := len(w.Targets())
	if n < 10 {
		t.Fatalf("only %d targets on the first scene", n)
	}
	seen := map[string]bool{}
	for i := 0; i < n; i++ {
		if !w.Focus(+1) {
			t.Fatalf("focus left the widget after %d of %d targets", i, n)
		}
		f, _ := w.Focused()
		seen[f.ID] = true
	}
	if len(seen) != n {
		t.Fatalf("Tab visited %d distinct targets of %d", len(seen), n)
	}
	if w.Focus(+1) {
		t.Fatal("Tab past the last target should leave the widget")
	}
	if _, ok := w.Focused(); ok {
		t.Fatal("focus still shown after leaving")
	}
	// Shift+Tab comes back in at the end.
	if !w.Focus(-1) {
		t.Fatal("Shift+Tab should enter at the last target")
	}
	if f, _ := w.Focused(); f.ID != "control-motion" {
		t.Fatalf("Shift+Tab entered at %q, want the last control", f.ID)
	}
}

func TestControlsByPointerAndKeyboard(t *testing.T) {
	w := New(layouttest.Story(t), mono{}, screen, layout.En, 0)
	settle(w)
	w.Click(center(target(t, w, "control-next").Box))
	if w.Scene() != 1 {
		t.Fatalf("clicking next went to scene %d", w.Scene())
	}
	settle(w)
	w.Click(center(target(t, w, "control-next").Box))
	settle(w)
	w.Click(center(target(t, w, "control-next").Box))
	if w.Scene() != 3 {
		t.Fatalf("clicking next three times went to scene %d", w.Scene())
	}
	settle(w)
	for w.Focus(+1) {
		if f, _ := w.Focused(); f.ID == "control-lang" {
			break
		}
	}
	w.Activate()
	if w.Lang() != layout.Zh {
		t.Fatal("Enter on the language control did not switch to Chinese")
	}
	w.Click(center(target(t, w, "control-motion").Box))
	if !w.ReducedMotion() {
		t.Fatal("the motion control did not turn motion off")
	}
	w.Click(center(target(t, w, "control-prev").Box))
	if w.Scene() != 2 {
		t.Fatalf("clicking previous went to scene %d", w.Scene())
	}
}

func TestCardsOpenOnHoverClickAndEnter(t *testing.T) {
	s := layouttest.Story(t)
	w := New(s, mono{}, screen, layout.En, s.SceneIndex("software"))
	settle(w)
	nv := target(t, w, "nvidia")
	x, y := center(nv.Box)
	if !w.PointerMove(x, y) || w.Card() != "nvidia" {
		t.Fatalf("hovering Nvidia opened %q", w.Card())
	}
	if !w.PointerLeave() || w.Card() != "" {
		t.Fatal("leaving the canvas did not close a hover card")
	}
	w.Click(x, y)
	if w.Card() != "nvidia" {
		t.Fatal("clicking Nvidia did not pin its card")
	}
	w.PointerMove(0, 0)
	if w.Card() != "nvidia" {
		t.Fatal("a pinned card closed when the pointer moved away")
	}
	card, ok := w.cardLayout()
	if !ok {
		t.Fatal("no card layout")
	}
	canvas := layout.Rect{W: float64(screen.W), H: float64(screen.H)}
	if !card.Box.Inside(canvas) {
		t.Fatalf("card %+v leaves the canvas", card.Box)
	}
	var text []string
	for _, r := range card.Runs {
		if !r.Box.Inside(card.Box) {
			t.Errorf("card text %q at %+v leaves the card %+v", r.Text, r.Box, card.Box)
		}
		text = append(text, r.Text)
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{"Nvidia", "英伟达", "P69", "Tencent"} {
		if !strings.Contains(all, want) {
			t.Errorf("Nvidia's card lacks %q:\n%s", want, all)
		}
	}
	if !w.Escape() || w.Card() != "" {
		t.Fatal("Esc did not close the card")
	}
	// Enter on a focused element opens its card.
	for w.Focus(+1) {
		if f, _ := w.Focused(); f.ID == "nvidia" {
			break
		}
	}
	w.Activate()
	if w.Card() != "nvidia" {
		t.Fatal("Enter did not open the focused element's card")
	}
	w.Prev()
	if w.Card() != "" {
		t.Fatal("changing scene left a card open")
	}
}

func TestLinksAreHitNearTheirCurve(t *testing.T) {
	s := layouttest.Story(t)
	w := New(s, mono{}, screen, layout.En, s.SceneIndex("battlefield"))
	settle(w)
	l := w.Layout()
	if len(l.Links) == 0 {
		t.Fatal("the battlefield scene has no links")
	}
	// Somewhere along each link, clear of every other target, the link is
	// what the pointer hits.
	for _, k := range l.Links {
		a, _ := l.Item(k.From)
		b, _ := l.Item(k.To)
		hit := false
	sample:
		for _, q := range flatten(w.linkPath(k, a, b), 16) {
			p := pt{float64(q.X), float64(q.Y)}
			for _, t := range w.Targets() {
				if t.ID != k.ID && p.in(t.Box) {
					continue sample
				}
			}
			got, ok := w.HitTest(p.x, p.y)
			if !ok || got.ID != k.ID {
				t.Fatalf("a point on link %s hit %q", k.ID, got.ID)
			}
			hit = true
			break
		}
		if !hit {
			t.Errorf("link %s is covered by other targets along its whole length", k.ID)
		}
	}
}

// Targets are made once per layout: whatever lays the scene out again (a
// step, a resize, the other language) must give the new layout's targets,
// never the last one's.
func TestTargetsFollowTheLayout(t *testing.T) {
	w := New(layouttest.Story(t), mono{}, screen, layout.En, 0)
	settle(w)
	same := func(step string) {
		t.Helper()
		got, want := w.Targets(), w.targetsOf()
		if len(got) != len(want) {
			t.Fatalf("after %s: %d targets kept, the layout has %d", step, len(got), len(want))
		}
		for i := range got {
			if got[i].ID != want[i].ID || got[i].Box != want[i].Box {
				t.Fatalf("after %s: target %d is %s at %v, the layout's is %s at %v", step, i, got[i].ID, got[i].Box, want[i].ID, want[i].Box)
			}
		}
	}
	same("opening")
	w.Go(1)
	settle(w)
	same("a step")
	w.Resize(layout.Screen{W: screen.W / 2, H: screen.H, Scale: screen.Scale})
	same("a resize")
	w.SetLang(layout.Zh)
	same("the other language")
}

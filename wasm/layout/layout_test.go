package layout_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
	"github.com/parallel-lines/widget/wasm/typeset"
)

// The spine: in every scene, on a wide and a tall screen, both lines run
// along the screen's long side where the form has a tall composition
// (across it otherwise), labelled, US above (or left of) China and never
// closer than the minimum gap; a battlefield's markets stand between them.
func TestSpineInEveryScene(t *testing.T) {
	s := layouttest.Story(t)
	for _, scr := range []layout.Screen{{W: 1280, H: 720, Scale: 1}, {W: 1170, H: 2532, Scale: 3}} {
		for i, sc := range s.Scenes {
			for _, lang := range []layout.Lang{layout.Zh, layout.En} {
				l := layout.Place(s, i, scr, lang, layouttest.Fixed{})
				us, okU := l.Item("us")
				cn, okC := l.Item("cn")
				if !okU || !okC {
					t.Fatalf("%v %s: a line is missing", scr, sc.ID)
				}
				named := map[string]bool{}
				for _, r := range l.Runs {
					if r.Role == layout.Heading {
						named[r.Owner] = true
					}
				}
				if !named["us"] || !named["cn"] {
					t.Errorf("%v %s %d: a line has no name on screen", scr, sc.ID, lang)
				}
				if len(us.Pts) != layout.SpinePoints || len(cn.Pts) != layout.SpinePoints {
					t.Fatalf("%v %s: lines have %d and %d points", scr, sc.ID, len(us.Pts), len(cn.Pts))
				}
				// along and across read a point in the lines' own frame:
				// across the screen for a wide composition, down it for a
				// tall one.
				along := func(q frame.Point) float32 { return q.X }
				across := func(q frame.Point) float32 { return q.Y }
				long := scr.W
				if l.Tall {
					along, across, long = across, along, scr.H
				}
				if span := float64(along(us.B) - along(us.A)); span < 0.6*float64(long) {
					t.Errorf("%v %s: the US line spans %.0f px of %d", scr, sc.ID, span, long)
				}
				gap := 28 * scr.Scale * 0.99
				for k := range us.Pts {
					if d := float64(across(cn.Pts[k]) - across(us.Pts[k])); d < gap {
						t.Errorf("%v %s: at point %d the lines are %.1f px apart, want at least %.1f", scr, sc.ID, k, d, gap)
						break
					}
				}
				if sc.ID == "battlefield" {
					for _, id := range []string{"europe", "japan", "korea", "southeast-asia"} {
						m, ok := l.Item(id)
						if !ok || across(m.A) <= across(us.A) || across(m.A) >= across(cn.A) {
							t.Errorf("%v: market %s (placed %v) is not between the lines", scr, id, ok)
						}
					}
				}
			}
		}
	}
}

// Every form the dataset may name is registered, the story uses at least
// eight, and no two scenes in a row share one.
func TestFormsAreRegisteredAndVaried(t *testing.T) {
	got := layout.Forms()
	slices.Sort(got)
	want := slices.Clone(data.FormNames)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("registered forms %v, the validator knows %v", got, want)
	}
	s := layouttest.Story(t)
	used := map[string]bool{}
	prev := ""
	for i, sc := range s.Scenes {
		f := layout.Place(s, i, layout.Screen{W: 1280, H: 720, Scale: 1}, layout.En, layouttest.Fixed{}).Form
		used[f] = true
		if f == prev {
			t.Errorf("scenes %s and the one before share the form %q", sc.ID, f)
		}
		prev = f
	}
	if len(used) < 8 {
		t.Errorf("%d distinct forms across %d scenes, want at least 8", len(used), len(s.Scenes))
	}
}

// Every label stays on the canvas and clear of every other label, for every
// scene, in both languages, on a spread of screens.
func TestLabelsFitAndDoNotOverlap(t *testing.T) {
	s := layouttest.Story(t)
	// Device pixels: CSS size × device scale factor.
	screens := []layout.Screen{{W: 1280, H: 720, Scale: 1}, {W: 3840, H: 2160, Scale: 2}, {W: 1170, H: 2532, Scale: 3}, {W: 1536, H: 2048, Scale: 2}, {W: 1024, H: 600, Scale: 1}}
	for _, scr := range screens {
		for scene := range s.Scenes {
			for _, lang := range []layout.Lang{layout.Zh, layout.En} {
				l := layout.Place(s, scene, scr, lang, layouttest.Fixed{})
				canvas := layout.Rect{0, 0, float64(scr.W), float64(scr.H)}
				for i, a := range l.Runs {
					if !a.Box.Inside(canvas) {
						t.Errorf("%v scene %s lang %d: %q at %+v leaves the canvas", scr, s.Scenes[scene].ID, lang, a.Text, a.Box)
					}
					for _, b := range l.Runs[i+1:] {
						if a.Box.Overlaps(b.Box) {
							t.Errorf("%v scene %s lang %d: %q overlaps %q", scr, s.Scenes[scene].ID, lang, a.Text, b.Text)
						}
					}
				}
			}
		}
	}
}

func TestEveryShownElementIsPlaced(t *testing.T) {
	s := layouttest.Story(t)
	for i, sc := range s.Scenes {
		l := layout.Place(s, i, layout.Screen{W: 1280, H: 720, Scale: 1}, layout.Zh, layouttest.Fixed{})
		placed := map[string]bool{}
		for _, it := range l.Items {
			placed[it.ID] = true
		}
		for _, k := range l.Links {
			placed[k.ID] = true
		}
		for _, r := range l.Runs {
			placed[r.Owner] = true
		}
		for _, id := range l.Folded {
			placed[id] = true
		}
		for _, id := range sc.Shows {
			if !placed[id] {
				t.Errorf("scene %s shows %s but the layout has no place for it", sc.ID, id)
			}
		}
	}
}

// The grid of screens the layout must serve, in CSS pixels: from a tiny
// embed to a 4K projector, wide and tall, each at 1× and 2×.
func screenGrid() []layout.Screen {
	var out []layout.Screen
	for _, w := range []int{280, 390, 768, 1280, 1920, 3840} {
		for _, h := range []int{200, 480, 844, 1080, 2160} {
			for _, s := range []int{1, 2} {
				out = append(out, layout.Screen{W: w * s, H: h * s, Scale: float64(s)})
			}
		}
	}
	return out
}

// The grid is checked with the stand-in measurer and with the real font the
// widget ships, so the test does not depend on one font's widths and still
// covers the letterforms readers see.
func measurers(t *testing.T) map[string]layout.Measurer {
	f, err := typeset.Load(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]layout.Measurer{"fixed": layouttest.Fixed{}, "font": f}
}

func TestGridNothingOverlapsOrLeaves(t *testing.T) {
	for name, m := range measurers(t) {
		t.Run(name, func(t *testing.T) { checkGrid(t, m) })
	}
}

func checkGrid(t *testing.T, m layout.Measurer) {
	s := layouttest.Story(t)
	fails := 0
	for _, scr := range screenGrid() {
		for scene := range s.Scenes {
			for _, lang := range []layout.Lang{layout.Zh, layout.En} {
				l := layout.Place(s, scene, scr, lang, m)
				for _, p := range layout.Problems(&l) {
					if fails++; fails <= 30 {
						t.Errorf("%dx%d@%g %s %d: %s", scr.W, scr.H, scr.Scale, s.Scenes[scene].ID, lang, p)
					}
				}
			}
		}
	}
	if fails > 30 {
		t.Errorf("… and %d more", fails-30)
	}
}

// Every element's card stays on the canvas and keeps its text inside, on
// every screen of the grid, in both languages.
func TestCardsFitEveryScreen(t *testing.T) {
	s := layouttest.Story(t)
	f, err := typeset.Load(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	fails := 0
	for _, scr := range screenGrid() {
		canvas := layout.Rect{W: float64(scr.W), H: float64(scr.H)}
		for _, lang := range []layout.Lang{layout.Zh, layout.En} {
			for _, id := range allIDs(s) {
				c, ok := layout.Describe(s, id, lang)
				if !ok {
					t.Fatalf("no card for %s", id)
				}
				anchor := layout.Rect{X: float64(scr.W) / 3, Y: float64(scr.H) / 2, W: 20, H: 20}
				card := layout.PlaceCard(c, anchor, scr, lang, f)
				bad := !card.Box.Inside(canvas)
				for _, r := range card.Runs {
					bad = bad || !r.Box.Inside(card.Box)
				}
				if bad {
					if fails++; fails <= 10 {
						t.Errorf("%dx%d@%g %s lang %d: card %+v does not fit", scr.W, scr.H, scr.Scale, id, lang, card.Box)
					}
				}
			}
		}
	}
}

func allIDs(s *data.Story) []string {
	var ids []string
	for _, e := range s.Elements() {
		if e.Kind != data.KindScene {
			ids = append(ids, e.ID)
		}
	}
	return ids
}

func TestFigureValue(t *testing.T) {
	fig := func(v, max float64, q data.Qualifier, unit, label string) data.Figure {
		return data.Figure{Value: v, Max: max, Qualifier: q, Unit: data.Text{Zh: unit, En: unit}, Label: data.Text{Zh: label, En: label}}
	}
	cases := []struct {
		f    data.Figure
		want string
	}{
		{fig(30000, 0, data.Exact, "employees", "Nvidia's staff"), "30,000 employees"},
		{fig(2, 3, data.Range, "years", "Strong for a while"), "2–3 years"},
		{fig(150, 0, data.Over, "years", "Later"), "150+ years"},
		{fig(1873, 0, data.Exact, "", "Twain"), "1873"},
		{fig(2022, 0, data.Exact, "year", "End of 2022: ChatGPT"), ""}, // the label says it
		{fig(0, 0, data.Several, "", "Several companies"), ""},
	}
	for _, c := range cases {
		if got := layout.FigureValue(c.f, layout.En); got != c.want {
			t.Errorf("FigureValue(%v %s) = %q, want %q", c.f.Value, c.f.Label.En, got, c.want)
		}
	}
}

// A card names its element in both languages and says where it comes from.
func TestCardsNameBothLanguagesAndCite(t *testing.T) {
	s := layouttest.Story(t)
	for _, e := range s.Elements() {
		switch e.Kind {
		case data.KindActor, data.KindMarket, data.KindRelation, data.KindFlow, data.KindLine:
		default:
			continue
		}
		c, ok := layout.Describe(s, e.ID, layout.En)
		if !ok {
			t.Fatalf("no card for %s", e.ID)
		}
		zh, _ := layout.Describe(s, e.ID, layout.Zh)
		if c.Other == "" && zh.Title != c.Title {
			t.Errorf("%s: card names it only in English (%q), not as %q", e.ID, c.Title, zh.Title)
		}
		if !strings.Contains(c.Source, "P") || !strings.Contains(c.Source, "Tencent") {
			t.Errorf("%s: source %q lacks a paragraph or the outlet", e.ID, c.Source)
		}
	}
}

// Every language's Code parses back to it, and its Tag starts with it.
func TestLangCodes(t *testing.T) {
	for _, l := range []layout.Lang{layout.Zh, layout.En} {
		if got, ok := layout.ParseLang(l.Code()); !ok || got != l {
			t.Errorf("ParseLang(%q) = %v, %v; want %v", l.Code(), got, ok, l)
		}
		if !strings.HasPrefix(l.Tag(), l.Code()) {
			t.Errorf("%v: tag %q does not start with code %q", l, l.Tag(), l.Code())
		}
	}
	if _, ok := layout.ParseLang("fr"); ok {
		t.Error(`ParseLang("fr") succeeded`)
	}
}

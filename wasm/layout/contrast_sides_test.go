package layout_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

// A contrast that a scene's form lists is a row of the comparison: its
// topic in the band between the lines, its US value by the US line and its
// China value by China's, the three aligned (one column across the lines in
// a wide composition, one row down the band in a tall one). Over the grid a
// value may go, whole, to its card (the issue allows leaving to the card,
// never cutting), but one that is drawn stands on its own side. In the
// scenes of drawnWhole, every listed contrast is drawn whole at 1280×720 and
// on a 390×844 phone in both languages; a scene joins when its form draws
// all its rows there.
func TestListedContrastsStandByTheirLines(t *testing.T) {
	s := loadStory(t)
	font := measurers(t)["font"]
	drawnWhole := map[string]bool{"software": true, "manhattan": true}
	checked := map[string]bool{}
	for i, sc := range s.Scenes {
		ids := listedContrasts(s, sc)
		if len(ids) == 0 {
			continue
		}
		checked[sc.ID] = true
		for _, lang := range []layout.Lang{layout.Zh, layout.En} {
			for _, scr := range []layout.Screen{{W: 1280, H: 720, Scale: 1}, {W: 780, H: 1688, Scale: 2}} {
				l := layout.Place(s, i, scr, lang, font)
				for _, id := range ids {
					if err := contrastRow(s, &l, id, lang, drawnWhole[sc.ID]); err != nil {
						t.Errorf("%dx%d@%g %s %d: %v", scr.W, scr.H, scr.Scale, sc.ID, lang, err)
					}
				}
			}
			fails := 0
			for _, scr := range screenGrid() {
				l := layout.Place(s, i, scr, lang, layouttest.Fixed{})
				for _, id := range ids {
					if err := contrastRow(s, &l, id, lang, false); err != nil {
						if fails++; fails <= 5 {
							t.Errorf("%dx%d@%g %s %d: %v", scr.W, scr.H, scr.Scale, sc.ID, lang, err)
						}
					}
				}
			}
		}
	}
	// The check reaches the scenes that draw contrasts, the waffle's
	// among them, and no contrast of the dataset is shown by no scene.
	for _, sc := range s.Scenes {
		if sc.Form.Name == "waffle" && !checked[sc.ID] {
			t.Errorf("scene %s (waffle) lists no contrast in its form", sc.ID)
		}
	}
	shown := map[string]bool{}
	for _, sc := range s.Scenes {
		for _, id := range sc.Shows {
			shown[id] = true
		}
	}
	for _, c := range s.Contrasts {
		if !shown[c.ID] {
			t.Errorf("contrast %s is shown by no scene", c.ID)
		}
	}
}

// The check fails on a row drawn the wrong way round: here, a layout whose
// US and China values have traded places.
func TestContrastRowCheckCatchesSwappedSides(t *testing.T) {
	s := loadStory(t)
	font := measurers(t)["font"]
	for i, sc := range s.Scenes {
		ids := listedContrasts(s, sc)
		if sc.Form.Name != "waffle" || len(ids) == 0 {
			continue
		}
		for _, scr := range []layout.Screen{{W: 1280, H: 720, Scale: 1}, {W: 780, H: 1688, Scale: 2}} {
			l := layout.Place(s, i, scr, layout.En, font)
			c := s.Contrasts[mustFind(t, s, ids[0]).Index]
			us, _ := contrastBlock(&l, ids[0], c.US.En)
			cn, _ := contrastBlock(&l, ids[0], c.CN.En)
			if len(us) == 0 || len(cn) == 0 {
				t.Fatalf("%v %s: row %s not drawn", scr, sc.ID, ids[0])
			}
			// Trade the two blocks' places.
			du := frame.Point{X: float32(cn[0].X - us[0].X), Y: float32(cn[0].Y - us[0].Y)}
			for k := range l.Runs {
				r := &l.Runs[k]
				if r.Owner != ids[0] {
					continue
				}
				switch {
				case strings.Contains(c.US.En, r.Text):
					r.Box.X += float64(du.X)
					r.Box.Y += float64(du.Y)
				case strings.Contains(c.CN.En, r.Text):
					r.Box.X -= float64(du.X)
					r.Box.Y -= float64(du.Y)
				}
			}
			if err := contrastRow(s, &l, ids[0], layout.En, true); err == nil {
				t.Errorf("%v %s: a row with its values swapped passes the check", scr, sc.ID)
			}
		}
	}
}

func listedContrasts(s *data.Story, sc data.Scene) []string {
	var out []string
	for _, id := range sc.Form.Marks {
		if e, ok := s.Find(id); ok && e.Kind == data.KindContrast {
			out = append(out, id)
		}
	}
	return out
}

func mustFind(t *testing.T, s *data.Story, id string) data.Element {
	t.Helper()
	e, ok := s.Find(id)
	if !ok {
		t.Fatalf("no %s", id)
	}
	return e
}

// contrastBlock is the runs of the contrast's text want (its topic, US or
// China value): reading the runs owned by id in order, those that carry
// want on from where the last one left it; whole says they carry it all.
func contrastBlock(l *layout.Layout, id, want string) (boxes []layout.Rect, whole bool) {
	rest := squash(want)
	for _, r := range l.Runs {
		t := squash(r.Text)
		if r.Owner != id || t == "" || !strings.HasPrefix(rest, t) {
			continue
		}
		rest = rest[len(t):]
		boxes = append(boxes, r.Box)
	}
	return boxes, rest == ""
}

// squash drops the spaces a line break takes.
func squash(x string) string { return strings.Join(strings.Fields(x), "") }

func union(rs []layout.Rect) layout.Rect {
	u := rs[0]
	for _, r := range rs[1:] {
		u = u.Union(r)
	}
	return u
}

// contrastRow checks one listed contrast in a layout: its topic between
// the lines, its US value on the US line's side and its China value on
// China's, aligned; with whole, both values must be there in full.
func contrastRow(s *data.Story, l *layout.Layout, id string, lang layout.Lang, whole bool) error {
	c := s.Contrasts[s.Elements()[indexOf(s, id)].Index]
	topic, us, cn := lang.Pick(c.Topic), lang.Pick(c.US), lang.Pick(c.CN)
	tb, tw := contrastBlock(l, id, topic)
	ub, uw := contrastBlock(l, id, us)
	cb, cw := contrastBlock(l, id, cn)
	for _, v := range []struct {
		name, text string
		got        []layout.Rect
		all        bool
	}{{"topic", topic, tb, tw}, {"US value", us, ub, uw}, {"China value", cn, cb, cw}} {
		switch {
		case len(v.got) == 0 && whole:
			return fmt.Errorf("%s: its %s %q is not drawn", id, v.name, v.text)
		case len(v.got) > 0 && !v.all:
			return fmt.Errorf("%s: its %s %q is not drawn whole", id, v.name, v.text)
		}
	}
	lu, okU := l.Item("us")
	lc, okC := l.Item("cn")
	if !okU || !okC {
		return fmt.Errorf("a line is missing")
	}
	scale := max(l.Screen.Scale, 1)
	near := 48 * scale // how far a value may stand from its line, CSS px × scale
	if len(tb) > 0 {
		t := union(tb)
		if l.Tall {
			if t.X < across(lu.Pts, t.Y+t.H/2, true) || t.X+t.W > across(lc.Pts, t.Y+t.H/2, true) {
				return fmt.Errorf("%s: topic at %+v is not between the lines", id, t)
			}
		} else if t.Y < across(lu.Pts, t.X+t.W/2, false) || t.Y+t.H > across(lc.Pts, t.X+t.W/2, false) {
			return fmt.Errorf("%s: topic at %+v is not between the lines", id, t)
		}
	}
	mid := func(r layout.Rect) float64 {
		y := r.Y + r.H/2
		return (across(lu.Pts, y, true) + across(lc.Pts, y, true)) / 2
	}
	for _, r := range ub {
		if l.Tall {
			if x := lineRight(lu.Pts, r); r.X < x || r.X > mid(r) {
				return fmt.Errorf("%s: US value line at %+v does not stand by the US line (x %.0f)", id, r, x)
			}
		} else if y := lineAbove(lu.Pts, r); r.Y+r.H > y {
			return fmt.Errorf("%s: US value line at %+v is not on the US line's side (y %.0f)", id, r, y)
		}
	}
	for _, r := range cb {
		if l.Tall {
			if x := lineLeft(lc.Pts, r); r.X+r.W > x || r.X+r.W < mid(r) {
				return fmt.Errorf("%s: China value line at %+v does not stand by China's line (x %.0f)", id, r, x)
			}
		} else if y := lineBelow(lc.Pts, r); r.Y < y {
			return fmt.Errorf("%s: China value line at %+v is not on China's line's side (y %.0f)", id, r, y)
		}
	}
	// Aligned: in a wide composition the topic and both values share a
	// column, in a tall one the values share a row under the topic.
	if len(tb) == 0 || len(ub) == 0 || len(cb) == 0 {
		return nil
	}
	t, u, k := union(tb), union(ub), union(cb)
	if l.Tall {
		if u.Y+u.H <= k.Y || k.Y+k.H <= u.Y || t.Y+t.H > min(u.Y, k.Y) {
			return fmt.Errorf("%s: topic %+v, US %+v and China %+v are not one row", id, t, u, k)
		}
		return nil
	}
	cx := t.X + t.W/2
	if cx < u.X || cx > u.X+u.W || cx < k.X || cx > k.X+k.W {
		return fmt.Errorf("%s: topic %+v, US %+v and China %+v are not one column", id, t, u, k)
	}
	if y := lineAbove(lu.Pts, u); u.Y+u.H < y-near {
		return fmt.Errorf("%s: US value %+v stands %.0f px above its line", id, u, y-u.Y-u.H)
	}
	if y := lineBelow(lc.Pts, k); k.Y > y+near {
		return fmt.Errorf("%s: China value %+v stands %.0f px below its line", id, k, k.Y-y)
	}
	return nil
}

func indexOf(s *data.Story, id string) int {
	for i, e := range s.Elements() {
		if e.ID == id {
			return i
		}
	}
	return -1
}

// across is where a polyline stands across the lines' direction at v along
// it: its y at x for a wide composition, its x at y for a tall one.
func across(pts []frame.Point, v float64, tall bool) float64 {
	get := func(q frame.Point) (a, b float64) {
		if tall {
			return float64(q.Y), float64(q.X)
		}
		return float64(q.X), float64(q.Y)
	}
	a0, b0 := get(pts[0])
	if v <= a0 {
		return b0
	}
	for _, q := range pts[1:] {
		a1, b1 := get(q)
		if v <= a1 {
			if a1 == a0 {
				return b1
			}
			return b0 + (b1-b0)*(v-a0)/(a1-a0)
		}
		a0, b0 = a1, b1
	}
	return b0
}

// lineAbove and lineBelow are the highest and lowest the line stands over
// the width of r.
func lineAbove(pts []frame.Point, r layout.Rect) float64 {
	y := across(pts, r.X, false)
	for x := r.X; x <= r.X+r.W; x += 2 {
		y = min(y, across(pts, x, false))
	}
	return y
}

func lineBelow(pts []frame.Point, r layout.Rect) float64 {
	y := across(pts, r.X, false)
	for x := r.X; x <= r.X+r.W; x += 2 {
		y = max(y, across(pts, x, false))
	}
	return y
}

// lineRight and lineLeft are the farthest right and left a line stands
// over the height of r (a tall composition).
func lineRight(pts []frame.Point, r layout.Rect) float64 {
	x := across(pts, r.Y, true)
	for y := r.Y; y <= r.Y+r.H; y += 2 {
		x = max(x, across(pts, y, true))
	}
	return x
}

func lineLeft(pts []frame.Point, r layout.Rect) float64 {
	x := across(pts, r.Y, true)
	for y := r.Y; y <= r.Y+r.H; y += 2 {
		x = min(x, across(pts, y, true))
	}
	return x
}

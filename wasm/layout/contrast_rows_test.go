package layout_test

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

// The point-by-point contrasts a scene's form lists stand as rows of a
// table on the spine: the topic, the US value by the US line and the China
// value by China's, the two values side by side along the lines. At
// 1280×720 and on a 390×844 phone, in both languages, every listed
// contrast is drawn whole; over the whole grid, whatever is drawn stands
// on its own side. A value drawn as a contrast row is drawn nowhere else
// on the stage (a ribbon's label does not repeat it).
func TestListedContrastsStandByTheirLines(t *testing.T) {
	s := layouttest.Story(t)
	fonts := measurers(t)["font"]
	key := []layout.Screen{{W: 1280, H: 720, Scale: 1}, {W: 780, H: 1688, Scale: 2}}
	for _, scr := range append(slices.Clone(key), screenGrid()...) {
		whole := slices.Contains(key, scr)
		for i, sc := range s.Scenes {
			rows := listedContrasts(s, sc)
			if len(rows) == 0 {
				continue
			}
			for _, lang := range []layout.Lang{layout.Zh, layout.En} {
				l := layout.Place(s, i, scr, lang, fonts)
				where := fmt.Sprintf("%dx%d@%g %s %d", scr.W, scr.H, scr.Scale, sc.ID, lang)
				for _, c := range rows {
					for _, e := range contrastRow(l, lang, c, whole) {
						t.Errorf("%s %s: %s", where, c.ID, e)
					}
				}
			}
		}
	}
}

// The scenes issue 8 named draw their contrasts: a form that lists any
// contrast lists every contrast its scene shows, except one that another
// scene's form draws (then its card keeps it here).
func TestScenesDrawTheirContrasts(t *testing.T) {
	s := layouttest.Story(t)
	drawn := map[string]string{}
	for _, sc := range s.Scenes {
		for _, c := range listedContrasts(s, sc) {
			drawn[c.ID] = sc.ID
		}
	}
	for _, id := range []string{"battlefield", "home-market", "software"} {
		i := slices.IndexFunc(s.Scenes, func(sc data.Scene) bool { return sc.ID == id })
		if i < 0 || len(listedContrasts(s, s.Scenes[i])) == 0 {
			t.Errorf("scene %s lists no contrast in its form's marks", id)
		}
	}
	for _, sc := range s.Scenes {
		if len(listedContrasts(s, sc)) == 0 {
			continue
		}
		for _, id := range sc.Shows {
			if e, ok := s.Find(id); ok && e.Kind == data.KindContrast && drawn[id] == "" {
				t.Errorf("scene %s shows contrast %s, which no scene's form draws", sc.ID, id)
			}
		}
	}
}

// listedContrasts are the contrasts sc's form lists among its marks.
func listedContrasts(s *data.Story, sc data.Scene) []data.Contrast {
	var out []data.Contrast
	for _, id := range sc.Form.Marks {
		if e, ok := s.Find(id); ok && e.Kind == data.KindContrast {
			out = append(out, s.Contrasts[e.Index])
		}
	}
	return out
}

// contrastRow checks one contrast's row in l and says what is wrong; with
// whole set, a missing topic or value is wrong too.
func contrastRow(l layout.Layout, lang layout.Lang, c data.Contrast, whole bool) []string {
	var errs []string
	us, okU := l.Item("us")
	cn, okC := l.Item("cn")
	if !okU || !okC {
		return []string{"a line is missing"}
	}
	// along and across read a point in the lines' own frame.
	along := func(x, y float64) float64 { return x }
	across := func(x, y float64) float64 { return y }
	at := func(pts []frame.Point, v float64) float64 { return polyAt(pts, v, false) }
	if l.Tall {
		along, across = across, along
		at = func(pts []frame.Point, v float64) float64 { return polyAt(pts, v, true) }
	}
	topic, vUS, vCN := squash(lang.Pick(c.Topic)), squash(lang.Pick(c.US)), squash(lang.Pick(c.CN))
	var got [3][]layout.Rect // topic, US value, China value
	var text [3]string
	last := -1
	for _, r := range l.Runs {
		if r.Owner != c.ID {
			continue
		}
		t := squash(r.Text)
		k := -1
		inUS, inCN := strings.Contains(vUS, t), strings.Contains(vCN, t)
		switch {
		case t == "":
		case r.Role != layout.Label: // the topic is set apart from the values
			if strings.Contains(topic, t) {
				k = 0
			}
		case inUS && inCN && last > 0: // a line both could hold: its block's
			k = last
		case inUS && !inCN:
			k = 1
		case inCN && !inUS:
			k = 2
		}
		if k < 0 {
			errs = append(errs, fmt.Sprintf("%q is none of the row's texts", r.Text))
			continue
		}
		got[k] = append(got[k], r.Box)
		text[k] += t
		last = k
	}
	for k, want := range []string{topic, vUS, vCN} {
		name := [3]string{"topic", "US value", "China value"}[k]
		switch {
		case len(got[k]) == 0 && whole:
			errs = append(errs, name+" not drawn")
		case len(got[k]) > 0 && text[k] != want:
			errs = append(errs, fmt.Sprintf("%s drawn as %q, not whole (%q)", name, text[k], want))
		}
	}
	if len(got[1]) == 0 || len(got[2]) == 0 {
		return errs
	}
	// Each value by its own line: every line of it nearer its own line
	// than the other, and the US value on the US side of China's.
	gap := func(lo, hi, x float64) float64 { return math.Max(0, math.Max(lo-x, x-hi)) }
	for k, own := range [3][]frame.Point{nil, us.Pts, cn.Pts} {
		if own == nil {
			continue
		}
		other := cn.Pts
		if k == 2 {
			other = us.Pts
		}
		for _, b := range got[k] {
			a := along(b.X+b.W/2, b.Y+b.H/2)
			lo, hi := across(b.X, b.Y), across(b.X+b.W, b.Y+b.H)
			if gap(lo, hi, at(own, a)) >= gap(lo, hi, at(other, a)) {
				errs = append(errs, fmt.Sprintf("%s line at %v stands nearer the other line", [3]string{"", "US value", "China value"}[k], b))
			}
		}
	}
	far := math.Inf(-1) // the US value's far edge and China's near one
	near := math.Inf(1)
	for _, b := range got[1] {
		far = math.Max(far, across(b.X+b.W, b.Y+b.H))
	}
	for _, b := range got[2] {
		near = math.Min(near, across(b.X, b.Y))
	}
	if far > near {
		errs = append(errs, fmt.Sprintf("the values overlap or swap sides across the band (US to %.0f, China from %.0f)", far, near))
	}
	// Aligned row by row: the two values share a stretch along the lines,
	// and the topic stands at the same row.
	span := func(bs []layout.Rect) (lo, hi float64) {
		lo, hi = math.Inf(1), math.Inf(-1)
		for _, b := range bs {
			a0, a1 := along(b.X, b.Y), along(b.X+b.W, b.Y+b.H)
			lo, hi = math.Min(lo, a0), math.Max(hi, a1)
		}
		return lo, hi
	}
	u0, u1 := span(got[1])
	c0, c1 := span(got[2])
	if u1 <= c0 || c1 <= u0 {
		errs = append(errs, fmt.Sprintf("the values are not side by side: US along %.0f–%.0f, China %.0f–%.0f", u0, u1, c0, c1))
	}
	if len(got[0]) > 0 {
		t0, t1 := span(got[0])
		reach := 40 * l.Screen.Scale // a topic heads its row: within a line or two
		if t1+reach <= math.Min(u0, c0) || t0 >= math.Max(u1, c1)+reach {
			errs = append(errs, fmt.Sprintf("the topic (along %.0f–%.0f) is not in the values' row", t0, t1))
		}
	}
	// The one place those words appear.
	for _, w := range []string{vUS, vCN} {
		for owner, s := range stageText(l) {
			if owner != c.ID && strings.Contains(s, w) {
				errs = append(errs, fmt.Sprintf("%s repeats a value of the row", owner))
			}
		}
	}
	return errs
}

// stageText is each owner's text on the stage, run after run.
func stageText(l layout.Layout) map[string]string {
	out := map[string]string{}
	for _, r := range l.Runs {
		if r.Box.Y >= l.Stage.Y && r.Box.Y < l.Stage.Y+l.Stage.H {
			out[r.Owner] += squash(r.Text)
		}
	}
	return out
}

// squash drops spaces, so that a wrapped text reads as its source.
func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// polyAt is a polyline's across coordinate at v along it (x for a wide
// composition, y for a tall one), clamped to its ends.
func polyAt(pts []frame.Point, v float64, down bool) float64 {
	key := func(q frame.Point) (float64, float64) {
		if down {
			return float64(q.Y), float64(q.X)
		}
		return float64(q.X), float64(q.Y)
	}
	if len(pts) == 0 {
		return 0
	}
	a0, c0 := key(pts[0])
	if v <= a0 {
		return c0
	}
	for i := 1; i < len(pts); i++ {
		a, c := key(pts[i-1])
		b, d := key(pts[i])
		if v <= b {
			if b == a {
				return d
			}
			return c + (v-a)/(b-a)*(d-c)
		}
	}
	_, cl := key(pts[len(pts)-1])
	return cl
}

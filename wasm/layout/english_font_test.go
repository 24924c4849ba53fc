package layout_test

import (
	"testing"
	"unicode"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/text"
	"github.com/parallel-lines/widget/wasm/typeset"
)

// The English view draws with the base subset alone (the Chinese glyphs
// are fetched only for Chinese, see assets.FontBase): every run it lays
// out, on every screen of the grid, in every scene, its controls and its
// cards, has each character in the base subset in the run's weight. A
// string the inventory wrongly marks Chinese-only (Entry.En) fails here
// rather than drawing a hollow box for an English reader.
func TestEnglishViewDrawsWithTheBaseFont(t *testing.T) {
	s := loadStory(t)
	f, err := typeset.Load(assets.Font) // measured as shipped: the same metrics
	if err != nil {
		t.Fatal(err)
	}
	base, err := text.Load(assets.FontBase)
	if err != nil {
		t.Fatal(err)
	}
	missing := map[[2]rune]string{}
	runs := 0
	check := func(txt string, w frame.Weight, where string) {
		tw := text.Regular
		if w.Base() == frame.Bold {
			tw = text.Bold
		}
		runs++
		for _, r := range txt {
			if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' {
				continue
			}
			// Bold falls back to regular in Lookup; the base's own bold
			// set is what counts, as TestRunsHaveGlyphsInTheirWeight asks.
			if g := base.Lookup(tw, r); g == nil || tw == text.Bold && !has(base.Runes(text.Bold), r) {
				if k := [2]rune{rune(tw), r}; missing[k] == "" {
					missing[k] = where + ": " + txt
				}
			}
		}
	}
	for _, scr := range screenGrid() {
		for i, sc := range s.Scenes {
			l := layout.Place(s, i, scr, layout.En, f)
			for _, r := range l.Runs {
				check(r.Text, r.Weight, sc.ID)
			}
			for _, c := range l.Controls {
				check(c.Text, frame.Bold, sc.ID+" control") // the chrome sets them in bold
			}
			if c, ok := layout.DescribeMore(s, l.Folded, layout.En); ok {
				for _, r := range layout.PlaceCard(c, layout.Rect{W: 20, H: 20}, scr, layout.En, f).Runs {
					check(r.Text, r.Weight, sc.ID+" more card")
				}
			}
		}
	}
	scr := layout.Screen{W: 1280, H: 720, Scale: 1}
	for _, id := range allIDs(s) {
		if c, ok := layout.Describe(s, id, layout.En); ok {
			for _, r := range layout.PlaceCard(c, layout.Rect{X: 400, Y: 360, W: 20, H: 20}, scr, layout.En, f).Runs {
				check(r.Text, r.Weight, "card "+id)
			}
		}
	}
	if runs == 0 {
		t.Fatal("no runs checked")
	}
	for k, where := range missing {
		t.Errorf("the base subset's %v glyphs lack %q (U+%04X), drawn by the English view in %.60s", text.Weight(k[0]), k[1], k[1], where)
	}
}

func has(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

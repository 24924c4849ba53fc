package layout_test

import (
	"testing"
	"unicode"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
	"github.com/parallel-lines/widget/wasm/text"
	"github.com/parallel-lines/widget/wasm/typeset"
)

// Every run the layout draws, on every screen of the grid, in every scene
// and both languages, and every card's, has each of its characters in the
// shipped font's glyph set of the run's own weight. The bold set holds only
// what the text inventory marks bold (layout.BoldText), so a new bold
// string that the inventory misses fails here: the renderer would otherwise
// draw it with the regular glyphs it falls back to.
func TestRunsHaveGlyphsInTheirWeight(t *testing.T) {
	font, err := text.Load(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	has := glyphSets(font)
	if len(has[1]) >= len(has[0]) {
		t.Errorf("the bold subset has %d runes, the regular %d: bold should hold only what is set in bold", len(has[1]), len(has[0]))
	}
	for k, where := range missingGlyphs(t, has, layout.Zh, layout.En) {
		t.Errorf("%v subset lacks %q (U+%04X), drawn in %s", text.Weight(k[0]), k[1], k[1], where)
	}
}

// glyphSets is a font's runes, regular and bold: a bold glyph counts only
// if the bold set has it (text.Font.Lookup falls back to regular).
func glyphSets(font *text.Font) [2]map[rune]bool {
	has := [2]map[rune]bool{{}, {}}
	for w, tw := range []text.Weight{text.Regular, text.Bold} {
		for _, r := range font.Runes(tw) {
			has[w][r] = true
		}
	}
	return has
}

// missingGlyphs lays out what the canvas draws in langs and returns, once
// for each (weight, rune) that has lacks, where it is drawn: every scene's
// runs on every screen of the grid, its controls (the chrome sets them in
// bold) and its "more" card, and every element's card on three screens.
// The layout measures with the whole shipped font, as it does in the wasm.
func missingGlyphs(t *testing.T, has [2]map[rune]bool, langs ...layout.Lang) map[[2]rune]string {
	t.Helper()
	s := layouttest.Story(t)
	f, err := typeset.Load(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	missing := map[[2]rune]string{}
	runs := 0
	check := func(txt string, w frame.Weight, where string) {
		runs++
		i := 0
		if w.Base() == frame.Bold {
			i = 1
		}
		for _, r := range txt {
			if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' {
				continue
			}
			if k := [2]rune{rune(i), r}; !has[i][r] && missing[k] == "" {
				missing[k] = where + ": " + txt
			}
		}
	}
	for _, lang := range langs {
		for _, scr := range screenGrid() {
			for i, sc := range s.Scenes {
				l := layout.Place(s, i, scr, lang, f)
				for _, r := range l.Runs {
					check(r.Text, r.Weight, sc.ID)
				}
				for _, c := range l.Controls {
					check(c.Text, frame.Bold, sc.ID+" control")
				}
				if c, ok := layout.DescribeMore(s, l.Folded, lang); ok {
					for _, r := range layout.PlaceCard(c, layout.Rect{W: 20, H: 20}, scr, lang, f).Runs {
						check(r.Text, r.Weight, sc.ID+" more card")
					}
				}
			}
		}
		cards(s, lang, f, check)
	}
	if runs == 0 {
		t.Fatal("no runs checked")
	}
	return missing
}

// cards sends every element card's runs in lang, on three screens, to check.
func cards(s *data.Story, lang layout.Lang, f layout.Measurer, check func(txt string, w frame.Weight, where string)) {
	for _, scr := range []layout.Screen{{W: 280, H: 480, Scale: 1}, {W: 1280, H: 720, Scale: 1}, {W: 3840, H: 2160, Scale: 2}} {
		for _, id := range allIDs(s) {
			c, ok := layout.Describe(s, id, lang)
			if !ok {
				continue
			}
			for _, r := range layout.PlaceCard(c, layout.Rect{X: float64(scr.W) / 3, Y: float64(scr.H) / 2, W: 20, H: 20}, scr, lang, f).Runs {
				check(r.Text, r.Weight, "card "+id)
			}
		}
	}
}

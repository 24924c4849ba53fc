package widget

import (
	"testing"
	"unicode"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
	"github.com/parallel-lines/widget/wasm/text"
)

// The base subset (embedded in the wasm) is exactly the English view's: it
// has every character of every string the inventory says the English view
// draws, in that string's weights, and nothing beyond printable ASCII that
// no such string has; the Chinese file has the rest and nothing of the
// base.
func TestBaseSubsetIsTheEnglishViews(t *testing.T) {
	base, err := text.Load(assets.FontBase)
	if err != nil {
		t.Fatal(err)
	}
	zh, err := text.Load(assets.FontZh)
	if err != nil {
		t.Fatal(err)
	}
	need := [2]map[rune]string{{}, {}}
	for _, e := range Inventory(layouttest.Story(t)) {
		for _, r := range e.Text {
			if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' {
				continue
			}
			if e.En && need[0][r] == "" {
				need[0][r] = e.Text
			}
			if e.EnBold && need[1][r] == "" {
				need[1][r] = e.Text
			}
		}
	}
	for w, tw := range []text.Weight{text.Regular, text.Bold} {
		has := map[rune]bool{}
		for _, r := range base.Runes(tw) {
			has[r] = true
			if need[w][r] == "" && (r < 0x20 || r >= 0x7f) {
				t.Errorf("the base's %v glyphs hold %q (U+%04X), which the English view never draws", tw, r, r)
			}
		}
		for r, in := range need[w] {
			if !has[r] {
				t.Errorf("the base's %v glyphs lack %q (U+%04X), drawn by the English view in %.40q", tw, r, r, in)
			}
		}
		for _, r := range zh.Runes(tw) {
			if has[r] {
				t.Errorf("%v %q is in both subsets", tw, r)
			}
		}
		if len(zh.Runes(tw)) == 0 {
			t.Errorf("the Chinese subset has no %v glyphs", tw)
		}
	}
}

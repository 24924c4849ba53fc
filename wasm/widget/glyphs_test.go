package widget

import (
	"os"
	"testing"
	"unicode"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
	"github.com/parallel-lines/widget/wasm/text"
)

// Every character the canvas can draw has a glyph of its own in the
// shipped font, in each weight the inventory says it can be drawn in: a
// missing one draws a hollow box (regular) or the lighter regular glyph
// (bold, see text.Font.Lookup).
func TestShippedFontCoversTheInventory(t *testing.T) {
	font, err := text.Load(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	has := [2]map[rune]bool{{}, {}}
	for w, tw := range []text.Weight{text.Regular, text.Bold} {
		for _, r := range font.Runes(tw) {
			has[w][r] = true
		}
	}
	missing := map[[2]rune]string{}
	bold := 0
	for _, e := range Inventory(layouttest.Story(t)) {
		if e.Bold {
			bold++
		}
		for _, r := range e.Text {
			if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' {
				continue
			}
			for w := range 2 {
				if (w == 0 || e.Bold) && !has[w][r] && missing[[2]rune{rune(w), r}] == "" {
					missing[[2]rune{rune(w), r}] = e.Text
				}
			}
		}
	}
	if bold == 0 {
		t.Error("the inventory marks no string bold")
	}
	for k, in := range missing {
		t.Errorf("the font's %v glyphs lack %q (U+%04X), drawn in %.40q", text.Weight(k[0]), k[1], k[1], in)
	}
}

// The inventory file the font subsetter reads is exactly what the
// inventory says (run `make inventory font` after changing copy).
func TestInventoryFileIsCurrent(t *testing.T) {
	b, err := os.ReadFile("../layout/inventory.txt")
	if err != nil {
		t.Fatal(err)
	}
	if want := layout.InventoryFile(Inventory(layouttest.Story(t))); string(b) != want {
		t.Errorf("wasm/layout/inventory.txt is out of date: run make inventory font")
	}
}

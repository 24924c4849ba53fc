package widget

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/typeset"
)

// Every character the canvas can draw has a glyph in the shipped font, in
// both weights: a missing one draws a hollow box.
func TestShippedFontCoversTheInventory(t *testing.T) {
	fonts, err := typeset.Load(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	missing := map[rune][]string{}
	for _, s := range Inventory(story(t)) {
		for _, r := range s {
			if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' {
				continue
			}
			for _, w := range []frame.Weight{frame.Regular, frame.Bold} {
				if _, _, _, ok := fonts.Glyph(r, w, 16); !ok && len(missing[r]) < 2 {
					missing[r] = append(missing[r], s)
				}
			}
		}
	}
	for r, in := range missing {
		t.Errorf("the font lacks %q (U+%04X), drawn in %q", r, r, in[0])
	}
}

// The inventory file the font subsetter reads is up to date: it holds every
// character of the inventory (run `make inventory font` after changing copy).
func TestInventoryFileIsCurrent(t *testing.T) {
	b, err := os.ReadFile("../layout/inventory.txt")
	if err != nil {
		t.Fatal(err)
	}
	have := string(b)
	for _, s := range Inventory(story(t)) {
		for _, r := range s {
			if r > ' ' && !strings.ContainsRune(have, r) {
				t.Errorf("wasm/layout/inventory.txt lacks %q (in %.40q): run make inventory", r, s)
				return
			}
		}
	}
}

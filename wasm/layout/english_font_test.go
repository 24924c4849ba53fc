package layout_test

import (
	"testing"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/text"
)

// The English view draws with the base subset alone (the Chinese glyphs
// are fetched only for Chinese, see assets.FontBase): every run it lays
// out, on every screen of the grid, in every scene, its controls and its
// cards, has each character in the base subset in the run's weight. A
// string the inventory wrongly marks Chinese-only (Entry.En) fails here
// rather than drawing a hollow box for an English reader.
func TestEnglishViewDrawsWithTheBaseFont(t *testing.T) {
	base, err := text.Load(assets.FontBase)
	if err != nil {
		t.Fatal(err)
	}
	for k, where := range missingGlyphs(t, glyphSets(base), layout.En) {
		t.Errorf("the base subset's %v glyphs lack %q (U+%04X), drawn by the English view in %.60s", text.Weight(k[0]), k[1], k[1], where)
	}
}

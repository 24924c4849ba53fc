package typeset_test

import (
	"image/color"
	"testing"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/render/imager"
	"github.com/parallel-lines/widget/wasm/typeset"
)

// An outline filled as a path covers the same pixels as the rasterised
// glyph: the SVG backend's letters are the PNG backend's letters.
func TestOutlineMatchesGlyph(t *testing.T) {
	f, err := typeset.Load(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	ink := color.NRGBA{A: 0xff}
	bg := color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	for _, r := range "A中g，" {
		for _, w := range []frame.Weight{frame.Regular, frame.Bold} {
			const size, x, y = 64, 20, 80
			p, adv, ok := f.Outline(r, w, size)
			if !ok || len(p.Verbs) == 0 {
				t.Fatalf("%q: no outline", r)
			}
			if want := f.Advance(string(r), size, w); adv != want {
				t.Errorf("%q: advance %v, layout measures %v", r, adv, want)
			}
			moved := frame.Path{Verbs: p.Verbs}
			for _, q := range p.Pts {
				moved.Pts = append(moved.Pts, frame.Point{X: q.X + x, Y: q.Y + y})
			}
			a := frame.List{W: 120, H: 120, Background: bg}
			a.Fill(moved, ink)
			b := frame.List{W: 120, H: 120, Background: bg}
			b.Text(string(r), frame.Point{X: x, Y: y}, size, w, ink)
			ia, ib := imager.Draw(&a, f), imager.Draw(&b, f)
			inked, off := 0, 0
			for i := 0; i < len(ia.Pix); i += 4 {
				da, db := int(ia.Pix[i]), int(ib.Pix[i])
				if da < 128 || db < 128 {
					inked++
				}
				if d := da - db; d > 64 || d < -64 {
					off++
				}
			}
			if inked == 0 || off > inked/50 {
				t.Errorf("%q weight %d: %d of %d inked pixels differ between outline and glyph", r, w, off, inked)
			}
		}
	}
	if _, _, ok := f.Outline('\uE000', frame.Regular, 20); ok {
		t.Error("an outline for a rune the subset lacks")
	}
}

// Missing counts the glyphs asked for that the font lacks, and only those.
func TestMissingCountsHollowBoxes(t *testing.T) {
	f, err := typeset.Load(assets.FontBase)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "Ab 中" { // all in the base: 中 is on the English view's language switch
		if _, _, _, ok := f.Glyph(r, frame.Regular, 16); !ok {
			t.Fatalf("base lacks %q", r)
		}
	}
	if n := f.Missing(); n != 0 {
		t.Fatalf("Missing() = %d after glyphs the font has", n)
	}
	f.Glyph('泡', frame.Regular, 16) // Chinese-only
	f.Glyph('\u200b', frame.Regular, 16)
	if n := f.Missing(); n != 1 {
		t.Fatalf("Missing() = %d after one hollow box, want 1", n)
	}
	if err := f.Add(assets.FontZh); err != nil {
		t.Fatal(err)
	}
	if _, _, _, ok := f.Glyph('泡', frame.Regular, 16); !ok || f.Missing() != 1 {
		t.Errorf("after Add: has 泡 %v, Missing() = %d, want true, 1", ok, f.Missing())
	}
}

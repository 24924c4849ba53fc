package text

import (
	"strings"
	"testing"
)

// split returns tiny's glyphs in two subsets: 'A' (both weights) in one,
// ' ' and 'o' in the other, as build/fontsubset splits base and Chinese.
func split(t *testing.T) (base, rest *Font) {
	t.Helper()
	base, rest = tinyFont(t), tinyFont(t)
	pick := func(gs []Glyph, keep func(rune) bool) []Glyph {
		var out []Glyph
		for _, g := range gs {
			if keep(g.Rune) {
				out = append(out, g)
			}
		}
		return out
	}
	isA := func(r rune) bool { return r == 'A' }
	notA := func(r rune) bool { return r != 'A' }
	base.Regular, base.Bold = pick(base.Regular, isA), pick(base.Bold, isA)
	rest.Regular, rest.Bold = pick(rest.Regular, notA), pick(rest.Bold, notA)
	return base, rest
}

// TestAddMerges: after Add, the two subsets look up, measure and draw like
// the font they were cut from, in order, in both weights; before it the
// added runes are missing.
func TestAddMerges(t *testing.T) {
	whole := tinyFont(t)
	base, rest := split(t)
	f, err := Load(encode(t, base))
	if err != nil {
		t.Fatal(err)
	}
	if f.Lookup(Regular, 'o') != nil || f.Face(Regular).Has('o') {
		t.Fatal("'o' found before it was added")
	}
	// A glyph drawn before Add (a hollow box) must not outlive it.
	if img, _ := f.Face(Regular).Glyph('o', 20, 0); img == nil {
		t.Fatal("no hollow box for a missing rune")
	}
	box, _ := f.Face(Regular).Glyph('o', 20, 0)
	if err := f.Add(encode(t, rest)); err != nil {
		t.Fatal(err)
	}
	for _, w := range []Weight{Regular, Bold} {
		if got, want := f.Runes(w), whole.Runes(w); string(got) != string(want) {
			t.Errorf("%v runes %q, want %q", w, string(got), string(want))
		}
		for _, r := range []rune{' ', 'A', 'o'} {
			g, want := f.Lookup(w, r), whole.Lookup(w, r)
			if g == nil || g.Advance != want.Advance || string(g.Coords) != string(want.Coords) {
				t.Errorf("%v %q after Add: %+v, want %+v", w, r, g, want)
			}
		}
	}
	if got, want := f.Face(Regular).Measure("Ao o", 20), whole.Face(Regular).Measure("Ao o", 20); got != want {
		t.Errorf("measure after Add %v, want %v", got, want)
	}
	img, _ := f.Face(Regular).Glyph('o', 20, 0)
	ref, _ := Face{font: whole, weight: Regular}.Glyph('o', 20, 0)
	if img == box || img == nil || string(img.Pix) != string(ref.Pix) {
		t.Error("'o' still drawn as it was before Add (the hollow box was kept)")
	}
	// Load of the two files back to back is the same font.
	both, err := Load(append(encode(t, base), encode(t, rest)...))
	if err != nil {
		t.Fatal(err)
	}
	if string(both.Runes(Regular)) != string(whole.Runes(Regular)) || string(both.Runes(Bold)) != string(whole.Runes(Bold)) {
		t.Errorf("Load(base+rest) runes %q/%q", string(both.Runes(Regular)), string(both.Runes(Bold)))
	}
}

// TestAddRefuses: a subset that does not fit is refused with a reason, and
// the font is left as it was.
func TestAddRefuses(t *testing.T) {
	base, rest := split(t)
	other := func(fn func(*Font)) []byte {
		_, g := split(t)
		fn(g)
		return encode(t, g)
	}
	cases := []struct {
		name string
		b    []byte
		want string
	}{
		{"same runes", encode(t, base), "U+0041 is in both"},
		{"other metrics", other(func(g *Font) { g.Ascent++ }), "metrics"},
		{"other grid", other(func(g *Font) { g.Grid = 2 }), "grid 2"},
		{"corrupt", encode(t, rest)[:10], "decoding font subset"},
		{"trailing", append(encode(t, rest), 0xc0), "trailing data"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Load(encode(t, base))
			if err != nil {
				t.Fatal(err)
			}
			err = f.Add(c.b)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Add: %v, want an error with %q", err, c.want)
			}
			if got := string(f.Runes(Regular)); got != "A" || f.Lookup(Regular, 'o') != nil {
				t.Errorf("after a refused Add the font has %q", got)
			}
		})
	}
	if _, err := Load(append(encode(t, base), encode(t, base)...)); err == nil || !strings.Contains(err.Error(), "subset 2") {
		t.Errorf("Load of a subset twice: %v, want an error naming subset 2", err)
	}
}

package text

import (
	"errors"
	"fmt"
	"sort"
	"unicode/utf8"
)

// Weight selects one of the two glyph sets of a Font.
type Weight uint8

const (
	Regular Weight = iota // 400
	Bold                  // 700
)

func (w Weight) String() string {
	switch w {
	case Regular:
		return "regular"
	case Bold:
		return "bold"
	}
	return fmt.Sprintf("Weight(%d)", uint8(w))
}

// maxCoordEm bounds outline coordinates to a few ems around the origin, so a
// glyph's bitmap stays a sane size at any allowed pixel size.
const maxCoordEm = 4

// Load decodes and validates a subset written by build/fontsubset, or
// several written back to back (the base subset and the Chinese one, see
// assets.Font): each after the first is merged in with Add.
//
// Glyph outlines are not copied: the returned Font refers into b, which must
// not be modified afterwards (an embedded file never is). Load never panics
// on corrupt input; its error says what is wrong.
func Load(b []byte) (*Font, error) {
	f, rest, err := decode(b)
	if err != nil {
		return nil, err
	}
	f.cache = newGlyphCache()
	for n := 2; len(rest) > 0; n++ {
		var g *Font
		if g, rest, err = decode(rest); err != nil {
			return nil, fmt.Errorf("%w (subset %d: trailing data that is not a subset)", err, n)
		}
		if err := f.merge(g); err != nil {
			return nil, fmt.Errorf("text: font subset %d: %w", n, err)
		}
	}
	f.measureQuotes()
	return f, nil
}

// decode reads and validates one subset from the front of b.
func decode(b []byte) (*Font, []byte, error) {
	f := new(Font)
	rest, err := f.UnmarshalMsg(b)
	if err != nil {
		return nil, nil, fmt.Errorf("text: decoding font subset: %w", err)
	}
	if err := f.Validate(); err != nil {
		return nil, nil, fmt.Errorf("text: font subset: %w", err)
	}
	return f, rest, nil
}

// Add merges the glyphs of another subset, b (one file of build/fontsubset,
// e.g. the Chinese glyphs fetched after start), into f. Its metrics must be
// f's and its runes new to f, weight by weight; on error f is unchanged.
// Like Load, f then refers into b. Lookup, Measure and Glyph see the added
// runes at once; glyphs already rasterised stay valid (a rune f lacked was
// never cached as anything but its hollow box, which Add drops).
//
// b may hold several subsets back to back (the chunks of the Chinese
// glyphs, assets.FontZhChunks); they are joined first, so f gets all of
// them or, on error, none.
func (f *Font) Add(b []byte) error {
	g, rest, err := decode(b)
	if err != nil {
		return err
	}
	for n := 2; len(rest) > 0; n++ {
		var h *Font
		if h, rest, err = decode(rest); err != nil {
			return fmt.Errorf("%w (subset %d: trailing data that is not a subset)", err, n)
		}
		if err := g.merge(h); err != nil {
			return fmt.Errorf("text: adding font subset %d: %w", n, err)
		}
	}
	if err := f.merge(g); err != nil {
		return fmt.Errorf("text: adding a font subset: %w", err)
	}
	f.measureQuotes()
	return nil
}

// merge adds g's glyphs to f if the two agree on everything but their runes.
func (f *Font) merge(g *Font) error {
	if g.UnitsPerEm != f.UnitsPerEm || g.Ascent != f.Ascent || g.Descent != f.Descent || g.LineGap != f.LineGap || max(g.Grid, 1) != max(f.Grid, 1) {
		return fmt.Errorf("metrics (units per em %d, ascent %d, descent %d, line gap %d, grid %d) differ from the font's (%d, %d, %d, %d, %d)",
			g.UnitsPerEm, g.Ascent, g.Descent, g.LineGap, g.Grid, f.UnitsPerEm, f.Ascent, f.Descent, f.LineGap, f.Grid)
	}
	var out [2][]Glyph
	for w, pair := range [...][2][]Glyph{Regular: {f.Regular, g.Regular}, Bold: {f.Bold, g.Bold}} {
		a, b := pair[0], pair[1]
		if len(a)+len(b) > MaxGlyphs {
			return fmt.Errorf("%v: %d glyphs together, limit %d", Weight(w), len(a)+len(b), MaxGlyphs)
		}
		m := make([]Glyph, 0, len(a)+len(b))
		for len(a) > 0 || len(b) > 0 {
			switch {
			case len(b) == 0 || len(a) > 0 && a[0].Rune < b[0].Rune:
				m, a = append(m, a[0]), a[1:]
			case len(a) == 0 || b[0].Rune < a[0].Rune:
				m, b = append(m, b[0]), b[1:]
			default:
				return fmt.Errorf("%v glyph %U is in both subsets", Weight(w), a[0].Rune)
			}
		}
		out[w] = m
	}
	f.Regular, f.Bold = out[Regular], out[Bold]
	if f.cache != nil {
		f.cache.reset()
	}
	return nil
}

// Encode validates f and returns its file form.
func (f *Font) Encode() ([]byte, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	return f.MarshalMsg(nil)
}

// Validate checks everything that the measuring and rasterising code relies
// on, so that they need no error paths: the format version, sane metrics,
// runes sorted and unique, and every outline well-formed and within a few
// ems of the origin.
func (f *Font) Validate() error {
	if f.Format != FormatVersion {
		return fmt.Errorf("format version %d, this build reads %d", f.Format, FormatVersion)
	}
	if f.UnitsPerEm < 16 || f.UnitsPerEm > 16384 {
		return fmt.Errorf("units per em %d outside 16..16384", f.UnitsPerEm)
	}
	if f.Ascent < 0 || f.Descent < 0 || f.LineGap < 0 {
		return fmt.Errorf("negative vertical metric (ascent %d, descent %d, line gap %d)", f.Ascent, f.Descent, f.LineGap)
	}
	if f.Grid > MaxGrid {
		return fmt.Errorf("outline grid %d outside 1..%d", f.Grid, MaxGrid)
	}
	if f.Ascent == 0 && f.Descent == 0 {
		return errors.New("ascent and descent are both zero")
	}
	limit := int32(f.UnitsPerEm) * maxCoordEm
	grid := int32(max(f.Grid, 1))
	for w, gs := range [...][]Glyph{Regular: f.Regular, Bold: f.Bold} {
		if len(gs) > MaxGlyphs {
			return fmt.Errorf("%v: %d glyphs, limit %d", Weight(w), len(gs), MaxGlyphs)
		}
		for i := range gs {
			g := &gs[i]
			if g.Rune < 0 || g.Rune > utf8.MaxRune || (g.Rune >= 0xD800 && g.Rune <= 0xDFFF) {
				return fmt.Errorf("%v glyph %d: invalid rune %#x", Weight(w), i, g.Rune)
			}
			if i > 0 && g.Rune <= gs[i-1].Rune {
				return fmt.Errorf("%v glyph %d: %U after %U, runes must be sorted and unique", Weight(w), i, g.Rune, gs[i-1].Rune)
			}
			if int32(g.Advance) > limit {
				return fmt.Errorf("%v glyph %U: advance %d beyond %d ems", Weight(w), g.Rune, g.Advance, maxCoordEm)
			}
			if len(g.Ops) > MaxPathBytes || len(g.Coords) > MaxPathBytes {
				return fmt.Errorf("%v glyph %U: path of %d+%d bytes, limit %d", Weight(w), g.Rune, len(g.Ops), len(g.Coords), MaxPathBytes)
			}
			var it pathIter
			it.reset(g.Ops, g.Coords)
			for {
				_, pts, ok := it.next()
				if !ok {
					break
				}
				// Every point, not only the ones in use, is checked: unused
				// entries are zero.
				for _, p := range pts {
					p = point{p.x * grid, p.y * grid}
					if p.x < -limit || p.x > limit || p.y < -limit || p.y > limit {
						return fmt.Errorf("%v glyph %U: point (%d, %d) beyond %d ems of the origin", Weight(w), g.Rune, p.x, p.y, maxCoordEm)
					}
				}
			}
			if it.err != nil {
				return fmt.Errorf("%v glyph %U: outline: %w", Weight(w), g.Rune, it.err)
			}
		}
	}
	return nil
}

// glyphs returns the glyph set of weight w; an unknown weight falls back to
// Regular rather than failing, since it can only be a programming slip.
func (f *Font) glyphs(w Weight) []Glyph {
	if w == Bold {
		return f.Bold
	}
	return f.Regular
}

// Lookup finds the glyph that weight w draws r with, or nil. The bold set
// holds only the runes the text inventory sets in bold (build/fontsubset),
// so a bold rune it lacks falls back to the regular glyph: the reader sees
// the right character a little lighter, not a hollow box that hides the
// word, and since measuring and drawing both go through here, the text
// still fits where the layout put it. Tests over the layout's screen grid
// keep shipped text from ever needing the fallback.
func (f *Font) Lookup(w Weight, r rune) *Glyph {
	if g := find(f.glyphs(w), r); g != nil || w != Bold {
		return g
	}
	return find(f.Regular, r)
}

// Own reports whether weight w has its own glyph for r, without Lookup's
// fallback from bold to regular: what a chunk of glyphs still to come
// would add (the page holds frames until it has, wasm/app later.go).
func (f *Font) Own(w Weight, r rune) bool { return find(f.glyphs(w), r) != nil }

func find(gs []Glyph, r rune) *Glyph {
	i := sort.Search(len(gs), func(i int) bool { return gs[i].Rune >= r })
	if i < len(gs) && gs[i].Rune == r {
		return &gs[i]
	}
	return nil
}

// Runes returns the runes that weight w has its own glyphs for, in order
// (without the regular ones that Bold falls back to).
func (f *Font) Runes(w Weight) []rune {
	gs := f.glyphs(w)
	rs := make([]rune, len(gs))
	for i := range gs {
		rs[i] = gs[i].Rune
	}
	return rs
}

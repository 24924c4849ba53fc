package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/parallel-lines/widget/build/inventory/views"
	"github.com/parallel-lines/widget/wasm/text"
)

// The source slices of @fontsource/noto-sans-sc, per weight. The Latin
// slice and the chinese-simplified slice both cover printable ASCII (with
// the same outlines) and the curly quotes, … and — (also the same, all one
// em wide except — at 0.894/0.908 em); only the chinese-simplified slice
// has ideographs and CJK punctuation, only the Latin slice has a few
// Latin-1 and symbol characters beyond that.
// Numbered slice 109 is the last resort: it holds the arrows (→) that the
// notes of the investment logic use.
var sourceFiles = [2][3]string{
	text.Regular: {"noto-sans-sc-latin-400-normal.woff", "noto-sans-sc-chinese-simplified-400-normal.woff", "noto-sans-sc-109-400-normal.woff"},
	text.Bold:    {"noto-sans-sc-latin-700-normal.woff", "noto-sans-sc-chinese-simplified-700-normal.woff", "noto-sans-sc-109-700-normal.woff"},
}

const (
	latin   = 0 // index into sourceFiles[w]
	cjk     = 1
	symbols = 2
)

// cjkPunct is always in the subset, so UI text composed at run time can use
// it whatever the data files hold.
const cjkPunct = "，。、：；！？（）「」『』《》“”‘’…—·"

type source struct {
	name string
	f    *sfnt.Font
	buf  sfnt.Buffer
}

func loadSource(path string) (*source, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	ttf, err := decodeWOFF(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &source{name: filepath.Base(path), f: f}, nil
}

// has reports whether s maps r to a real glyph (index 0 is .notdef).
func (s *source) has(r rune) bool {
	x, err := s.f.GlyphIndex(&s.buf, r)
	return err == nil && x != 0
}

// glyph converts the outline and advance of r. With ppem equal to units per
// em, sfnt's scaling is the identity and every coordinate is a whole font
// unit (26.6 fixed point with zero fraction); we still round, in case.
func (s *source) glyph(r rune, grid int) (text.Glyph, error) {
	g := text.Glyph{Rune: r}
	x, err := s.f.GlyphIndex(&s.buf, r)
	if err != nil {
		return g, err
	}
	ppem := fixed.I(int(s.f.UnitsPerEm()))
	adv, err := s.f.GlyphAdvance(&s.buf, x, ppem, font.HintingNone)
	if err != nil {
		return g, err
	}
	if a := adv.Round(); a < 0 || a > 0xffff {
		return g, fmt.Errorf("advance %d out of range", a)
	} else {
		g.Advance = uint16(a)
	}
	segs, err := s.f.LoadGlyph(&s.buf, x, ppem, nil)
	if err != nil {
		return g, err
	}
	ops := make([]text.Op, 0, len(segs))
	var xy []int16
	for _, seg := range segs {
		n := 1
		switch seg.Op {
		case sfnt.SegmentOpMoveTo:
			ops = append(ops, text.OpMove)
		case sfnt.SegmentOpLineTo:
			ops = append(ops, text.OpLine)
		case sfnt.SegmentOpQuadTo:
			ops, n = append(ops, text.OpQuad), 2
		default: // cubic: only CFF fonts have them, the sources are TrueType

			return g, fmt.Errorf("segment op %d: only quadratic (TrueType) outlines are supported", seg.Op)
		}
		for _, p := range seg.Args[:n] {
			px, py := p.X.Round(), p.Y.Round()
			if px < -32768 || px > 32767 || py < -32768 || py > 32767 {
				return g, fmt.Errorf("point (%d, %d) outside int16", px, py)
			}
			xy = append(xy, int16(px), int16(py))
		}
	}
	return g, g.SetPath(ops, quantize(ops, xy, grid))
}

// use is where a rune first occurs in the input text files.
type use struct {
	file      string
	line, col int // 1-based; col counts characters, not bytes
}

// Line tags of the text inventory's form (wasm/layout.InventoryFile); a tag
// itself is not text. A "bold" line's text is set in bold as well as
// regular, an "en" line's is drawn by the English view (the base subset),
// an "en bold" line's both; every other line is text set in the regular
// weight only.
var tags = []struct {
	tag      string
	bold, en bool
}{
	{"en bold\t", true, true},
	{"bold\t", true, false},
	{"en\t", false, true},
}

// lineTag strips a tag from the start of b and says what it means.
func lineTag(b []byte) (rest []byte, n int, bold, en bool) {
	for _, t := range tags {
		if bytes.HasPrefix(b, []byte(t.tag)) {
			return b[len(t.tag):], len(t.tag), t.bold, t.en
		}
	}
	return b, 0, false, false
}

// collectRunes returns every rune in the files with its first occurrence,
// for each weight: all text needs regular glyphs, the text of bold lines
// bold ones too (so the regular set always covers the bold one, which the
// renderer falls back to). en is, per weight, the runes of "en" lines: the
// English view's. Line ends, tabs and a leading byte-order mark are
// layout, not text, and need no glyph.
func collectRunes(files []string) (first [2]map[rune]use, en [2]map[rune]bool, err error) {
	first = [2]map[rune]use{text.Regular: {}, text.Bold: {}}
	en = [2]map[rune]bool{text.Regular: {}, text.Bold: {}}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			return first, en, err
		}
		b = bytes.TrimPrefix(b, []byte("\ufeff"))
		line := 1
		b, col, bold, isEn := lineTag(b)
		for len(b) > 0 {
			r, n := utf8.DecodeRune(b)
			col++
			if r == utf8.RuneError && n == 1 {
				return first, en, fmt.Errorf("%s:%d:%d: invalid UTF-8", name, line, col)
			}
			b = b[n:]
			switch r {
			case '\n':
				line = line + 1
				b, col, bold, isEn = lineTag(b)
				continue
			case '\r', '\t':
				continue
			}
			for w := range first {
				if w == int(text.Bold) && !bold {
					continue
				}
				if _, ok := first[w][r]; !ok {
					first[w][r] = use{name, line, col}
				}
				if isEn {
					en[w][r] = true
				}
			}
		}
	}
	return first, en, nil
}

// split cuts f in two: base, the runes of en and printable ASCII in each
// weight (what the English view draws, embedded in the wasm), and zh, the
// rest (fetched for the Chinese view and merged with text.Font.Add). Both
// have f's metrics.
func split(f *text.Font, en [2]map[rune]bool) (base, zh *text.Font) {
	base, zh = new(text.Font), new(text.Font)
	*base = text.Font{Format: f.Format, UnitsPerEm: f.UnitsPerEm, Ascent: f.Ascent, Descent: f.Descent, LineGap: f.LineGap, Grid: f.Grid}
	*zh = *base
	for w, gs := range [...][]text.Glyph{text.Regular: f.Regular, text.Bold: f.Bold} {
		for _, g := range gs {
			to := zh
			if en[w][g.Rune] || g.Rune >= 0x20 && g.Rune < 0x7f {
				to = base
			}
			if w == int(text.Bold) {
				to.Bold = append(to.Bold, g)
			} else {
				to.Regular = append(to.Regular, g)
			}
		}
	}
	return base, zh
}

// cut divides zh, the Chinese glyphs, into one font per chunk of sets and
// a last one for the rest: a glyph goes to the first chunk whose set has its
// rune in its weight. Every part has zh's metrics and keeps zh's order.
func cut(zh *text.Font, sets []views.Set) []*text.Font {
	parts := make([]*text.Font, len(sets)+1)
	for i := range parts {
		parts[i] = &text.Font{Format: zh.Format, UnitsPerEm: zh.UnitsPerEm, Ascent: zh.Ascent, Descent: zh.Descent, LineGap: zh.LineGap, Grid: zh.Grid}
	}
	for w, gs := range [...][]text.Glyph{text.Regular: zh.Regular, text.Bold: zh.Bold} {
		for _, g := range gs {
			to := parts[len(sets)]
			for i, s := range sets {
				if s[w][g.Rune] {
					to = parts[i]
					break
				}
			}
			if w == int(text.Bold) {
				to.Bold = append(to.Bold, g)
			} else {
				to.Regular = append(to.Regular, g)
			}
		}
	}
	return parts
}

// missingError lists every rune of the input that no source has.
type missingError struct{ lines []string }

func (e *missingError) Error() string {
	var b bytes.Buffer
	for i, l := range e.lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
	}
	return b.String()
}

// subset builds the font subset for the runes in files plus printable ASCII
// (both weights) and cjkPunct (regular), from the WOFF sources in srcDir:
// bold glyphs only for the runes of the files' bold lines (see tags). The result depends only on
// its inputs: runes are sorted and nothing depends on map order.
//
// en is, per weight, the runes the English view draws (see split).
func subset(srcDir string, files []string, grid int) (_ *text.Font, en [2]map[rune]bool, err error) {
	var srcs [2][3]*source
	for w := range sourceFiles {
		for i, name := range sourceFiles[w] {
			s, err := loadSource(filepath.Join(srcDir, name))
			if err != nil {
				return nil, en, err
			}
			srcs[w][i] = s
		}
	}

	uses, en, err := collectRunes(files)
	if err != nil {
		return nil, en, err
	}
	// Each weight's runes: its text's, printable ASCII (cheap, and what
	// numbers composed at run time are made of) and, in the regular weight,
	// the CJK punctuation.
	var runes [2][]rune
	for w := range runes {
		all := map[rune]bool{}
		for r := range uses[w] {
			all[r] = true
		}
		for r := rune(0x20); r < 0x7f; r++ {
			all[r] = true
		}
		if w == int(text.Regular) {
			for _, r := range cjkPunct {
				all[r] = true
			}
		}
		for r := range all {
			runes[w] = append(runes[w], r)
		}
		slices.Sort(runes[w])
	}

	// One set of vertical metrics serves both weights and all slices; check
	// that the sources agree rather than silently pick one.
	ref := srcs[text.Regular][cjk]
	upm := ref.f.UnitsPerEm()
	ppem := fixed.I(int(upm))
	m, err := ref.f.Metrics(&ref.buf, ppem, font.HintingNone)
	if err != nil {
		return nil, en, fmt.Errorf("%s: %w", ref.name, err)
	}
	for w := range srcs {
		for _, s := range srcs[w] {
			sm, err := s.f.Metrics(&s.buf, ppem, font.HintingNone)
			if err != nil {
				return nil, en, fmt.Errorf("%s: %w", s.name, err)
			}
			if s.f.UnitsPerEm() != upm || sm.Ascent != m.Ascent || sm.Descent != m.Descent || sm.Height != m.Height {
				return nil, en, fmt.Errorf("%s: units per em or vertical metrics differ from %s", s.name, ref.name)
			}
		}
	}
	out := &text.Font{
		Format:     text.FormatVersion,
		UnitsPerEm: uint16(upm),
		Ascent:     int16(m.Ascent.Round()),
		Descent:    int16(m.Descent.Round()),
		LineGap:    int16((m.Height - m.Ascent - m.Descent).Round()),
		Grid:       uint8(grid),
	}

	type miss struct {
		r rune
		u use
		w []string
	}
	var missing []miss
	lacking := map[rune]int{} // index into missing
	for w := range srcs {
		for _, r := range runes[w] {
			// ASCII from the Latin slice, everything else from the
			// chinese-simplified one; the other is the fallback.
			order := [3]int{cjk, latin, symbols}
			if r < 0x80 {
				order = [3]int{latin, cjk, symbols}
			}
			var src *source
			for _, i := range order {
				if srcs[w][i].has(r) {
					src = srcs[w][i]
					break
				}
			}
			if src == nil {
				i, ok := lacking[r]
				if !ok {
					i = len(missing)
					lacking[r] = i
					missing = append(missing, miss{r: r, u: uses[w][r]})
				}
				missing[i].w = append(missing[i].w, text.Weight(w).String())
				continue
			}
			g, err := src.glyph(r, grid)
			if err != nil {
				return nil, en, fmt.Errorf("%s: %U: %w", src.name, r, err)
			}
			if w == int(text.Bold) {
				out.Bold = append(out.Bold, g)
			} else {
				out.Regular = append(out.Regular, g)
			}
		}
	}
	if missing != nil {
		// In input order, so the list reads like compiler errors.
		sort.SliceStable(missing, func(i, j int) bool {
			a, b := missing[i].u, missing[j].u
			if a.file != b.file {
				return fileIndex(files, a.file) < fileIndex(files, b.file)
			}
			if a.line != b.line {
				return a.line < b.line
			}
			return a.col < b.col
		})
		e := &missingError{}
		for _, m := range missing {
			weights := ""
			if len(m.w) == 1 {
				weights = " (" + m.w[0] + ")"
			}
			where := "built-in rune list"
			if m.u.file != "" {
				where = fmt.Sprintf("%s:%d:%d", m.u.file, m.u.line, m.u.col)
			}
			e.lines = append(e.lines, fmt.Sprintf("%s: no glyph for %U %q%s", where, m.r, m.r, weights))
		}
		return nil, en, e
	}
	return out, en, nil
}

func fileIndex(files []string, name string) int {
	for i, f := range files {
		if f == name {
			return i
		}
	}
	return -1
}

// writeFile writes b to path through a temporary file in the same folder,
// so a failed run never leaves a partial subset behind.
func writeFile(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".fontsubset-*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	err = errors.Join(err, tmp.Chmod(0o644), tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

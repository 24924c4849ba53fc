package text

import (
	"strings"
	"unicode"
)

// Line is one line of wrapped text: s[Start:End], without the spaces at
// which it was broken and without the newline.
type Line struct {
	Start, End int     // byte offsets into the wrapped string
	Width      float64 // px; exactly Measure(s[Start:End])
}

// Wrap breaks s into lines no wider than maxWidth pixels at sizePx and
// returns their text. See WrapLines for the rules.
func Wrap(fc Face, s string, sizePx, maxWidth float64) []string {
	lines := WrapLines(fc, s, sizePx, maxWidth)
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = s[l.Start:l.End]
	}
	return out
}

// WrapLines breaks s into lines no wider than maxWidth pixels at sizePx.
//
// A "\n" always ends a line ("\r\n" too); an empty s has no lines. Within a
// paragraph lines are filled greedily, breaking:
//   - after spaces (English and other space-separated text); the spaces at
//     a break are dropped and do not count toward the width;
//   - before or after any CJK ideograph, kana or fullwidth punctuation, so
//     Chinese wraps anywhere and mixed text such as "OpenAI 与英伟达" too;
//   - after a hyphen between letters ("state-of-|the-art").
//
// except that no line starts with closing punctuation (。，、：；！？）」』》”’…—·%
// and their ASCII counterparts .,:;!?)]} and more, see noStartChars), no line
// ends with opening punctuation （「『《“‘([{ and no break falls inside "——" or
// "……" (kinsoku shori, after W3C's clreq and JIS X 4051). Non-space
// neighbours that are not CJK, such as the letters of a word, are never
// separated. As a last resort, when a line has no allowed break and
// overflows, it is broken between characters, even against the rules
// above, but never between two letters or digits of a word (clreq: a
// Western word does not break across lines; "OpenA|I" reads as a typo).
// So a line is wider than maxWidth only if it holds a single word or
// character (plus any combining marks, or leading spaces of a paragraph);
// the layout, which knows the room, then chooses a shorter text.
func WrapLines(fc Face, s string, sizePx, maxWidth float64) []Line {
	return defaultRules.wrap(fc, s, sizePx, maxWidth)
}

// The kinsoku tables, after W3C's "Requirements for Chinese Text Layout"
// (clreq) and JIS X 4051, trimmed to what Chinese and English copy uses.
const (
	// noStartChars may not begin a line: closing brackets and quotes,
	// stops, commas, colons, dashes, ellipses, the middle dot, percent.
	noStartChars = "!%),.:;?]}¢°·’”‰′″℃…‥—、。〃〉》」』】〕〗〙〛〞！％），．：；？］｝～｠｡､〜"
	// noEndChars may not end a line: opening brackets and quotes.
	noEndChars = "([{£¥‘“〈《「『【〔〖〘〚〝（［｛｟｢"
	// inseparableChars are never broken between two of the same: "——", "……".
	inseparableChars = "—…‥⋯"
	// breakAfterChars allow a break after them between two letters.
	breakAfterChars = "-‐–"
	// glueChars never take a break on either side: ASCII quotes (which do
	// not say whether they open or close), no-break spaces, word joiners.
	glueChars = "\"'\u00a0\u202f\u2060\ufeff\u200d"
)

// Rune properties for line breaking.
const (
	fNoStart uint16 = 1 << iota
	fNoEnd
	fInsep
	fBreakAfter
	fGlue
	fSpace // U+0020 and tab: break after, hangs at line end
	fZWSP  // zero-width space: break after, no width of its own
	fWide  // CJK: break before and after
	fMark  // combining marks and variation selectors: never split from their base
)

type ruleTables struct {
	noStart, noEnd, inseparable, breakAfter, glue string
}

type breakRules struct {
	ascii [128]uint16
	other map[rune]uint16
}

var defaultRules = newBreakRules(ruleTables{
	noStart:     noStartChars,
	noEnd:       noEndChars,
	inseparable: inseparableChars,
	breakAfter:  breakAfterChars,
	glue:        glueChars,
})

func newBreakRules(t ruleTables) *breakRules {
	rs := &breakRules{other: make(map[rune]uint16)}
	set := func(chars string, f uint16) {
		for _, r := range chars {
			if r < 128 {
				rs.ascii[r] |= f
			} else {
				rs.other[r] |= f
			}
		}
	}
	set(t.noStart, fNoStart)
	set(t.noEnd, fNoEnd)
	set(t.inseparable, fInsep)
	set(t.breakAfter, fBreakAfter)
	set(t.glue, fGlue)
	set(" \t", fSpace)
	set("\u200b", fZWSP)
	return rs
}

func (rs *breakRules) flags(r rune) uint16 {
	if r < 128 {
		return rs.ascii[r]
	}
	f := rs.other[r]
	if isWide(r) {
		f |= fWide
	}
	if unicode.In(r, unicode.Mn, unicode.Me) || unicode.Is(unicode.Variation_Selector, r) || r == '\u200d' {
		f |= fMark
	}
	return f
}

type wrapRune struct {
	pos int // byte offset in s
	r   rune
	adv int // font units
	fl  uint16
}

func (rs *breakRules) wrap(fc Face, s string, sizePx, maxWidth float64) []Line {
	if s == "" {
		return nil
	}
	var lines []Line
	var rn []wrapRune
	for off := 0; ; {
		end := strings.IndexByte(s[off:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += off
		}
		para := strings.TrimSuffix(s[off:end], "\r")
		rn = rn[:0]
		for i, r := range para {
			rn = append(rn, wrapRune{pos: off + i, r: r, adv: fc.units(r), fl: rs.flags(r)})
		}
		lines = rs.wrapPara(fc, rn, off+len(para), sizePx, maxWidth, lines)
		if end == len(s) {
			return lines
		}
		off = end + 1
	}
}

// wrapPara appends the lines of one paragraph; paraEnd is its end in s.
func (rs *breakRules) wrapPara(fc Face, rn []wrapRune, paraEnd int, sizePx, maxWidth float64, lines []Line) []Line {
	fits := func(units int) bool { return fc.px(units, sizePx) <= maxWidth }
	emit := func(start, next int) {
		// Drop the spaces the line was broken at.
		end := next
		for end > start && rn[end-1].fl&fSpace != 0 {
			end--
		}
		units := 0
		for _, x := range rn[start:end] {
			units += x.adv
		}
		l := Line{Start: paraEnd, End: paraEnd, Width: fc.px(units, sizePx)}
		if start < len(rn) {
			l.Start = rn[start].pos
		}
		if end < len(rn) {
			l.End = rn[end].pos
		}
		if end == start {
			l.End = l.Start
		}
		lines = append(lines, l)
	}
	if len(rn) == 0 {
		emit(0, 0)
		return lines
	}
	var starts []int
	for start := 0; start < len(rn); {
		starts = append(starts, start)
		// Fill the line from start until a rune overflows it, remembering
		// the last allowed break; then break there and fill the next line
		// from that point again.
		next := len(rn)
		units, last := 0, -1
		for i := start; i < len(rn); i++ {
			if i > start && rs.canBreak(rn, i) {
				last = i
			}
			// Spaces never overflow: they hang in the margin if a break
			// follows them.
			if i > start && rn[i].fl&fSpace == 0 && !fits(units+rn[i].adv) {
				if last > start {
					next = last
					break
				}
				if j := rs.lastResort(rn, start, i); j > 0 {
					next = j
					break
				}
			}
			units += rn[i].adv
		}
		start = next
	}
	rs.widow(rn, starts, fits)
	for k, start := range starts {
		next := len(rn)
		if k+1 < len(starts) {
			next = starts[k+1]
		}
		emit(start, next)
	}
	return lines
}

// widow keeps a paragraph from ending on one lone ideograph (with at most
// its closing punctuation), which reads as a stray: the last line takes
// the character before it too, where a break is allowed there, the last
// line still fits and the line above keeps at least four characters (it
// only gets shorter).
func (rs *breakRules) widow(rn []wrapRune, starts []int, fits func(units int) bool) {
	n := len(starts)
	if n < 2 {
		return
	}
	last := starts[n-1]
	if rn[last].fl&fWide == 0 || rn[last].fl&fNoStart != 0 {
		return
	}
	units := 0
	for _, x := range rn[last+1:] {
		if x.fl&fNoStart == 0 {
			return // more than one character: no widow
		}
		units += x.adv
	}
	b := last - 1
	if b-starts[n-2] >= 4 && rn[b].fl&fWide != 0 && rs.canBreak(rn, b) && fits(units+rn[b].adv+rn[last].adv) {
		starts[n-1] = b
	}
}

// canBreak reports whether a line may start at rn[i] (i > 0).
func (rs *breakRules) canBreak(rn []wrapRune, i int) bool {
	b := rn[i]
	if b.fl&(fSpace|fMark) != 0 {
		return false // break after the spaces, never before a mark
	}
	// a is the last rune before the break, looking past spaces.
	k := i - 1
	for k >= 0 && rn[k].fl&fSpace != 0 {
		k--
	}
	if k < 0 {
		return false // only a paragraph's leading spaces precede
	}
	a := rn[k]
	spaced := k < i-1
	switch {
	case b.fl&fNoStart != 0, a.fl&fNoEnd != 0:
		return false
	case !spaced && a.fl&fInsep != 0 && a.r == b.r:
		return false
	case spaced, a.fl&fZWSP != 0:
		return true
	case a.fl&fGlue != 0, b.fl&fGlue != 0:
		return false
	case a.fl&fWide != 0, b.fl&fWide != 0:
		return true
	case a.fl&fBreakAfter != 0:
		return k > 0 && unicode.IsLetter(rn[k-1].r) && unicode.IsLetter(b.r)
	}
	return false
}

// lastResort finds where to break a line that has no allowed break: before
// the last rune in (start, i] that is not a space or mark, follows the
// line's first non-space rune and does not sit inside a word (between two
// letters or digits that are not CJK). It returns 0 if there is none: the
// word then overflows its line whole.
func (rs *breakRules) lastResort(rn []wrapRune, start, i int) int {
	first := start
	for first < i && rn[first].fl&fSpace != 0 {
		first++
	}
	for j := i; j > first; j-- {
		if rn[j].fl&(fSpace|fMark) == 0 && !inWord(rn[j-1], rn[j]) {
			return j
		}
	}
	return 0
}

// inWord reports whether a and b are neighbouring letters or digits of one
// Western word.
func inWord(a, b wrapRune) bool {
	word := func(x wrapRune) bool {
		return x.fl&fWide == 0 && (unicode.IsLetter(x.r) || unicode.IsDigit(x.r))
	}
	return word(a) && word(b)
}

package text

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// gridFace is a face with round-number advances so that wrap cases can be
// worked out by hand: at size 10 every CJK character and fullwidth mark is
// 10 px, every other printable ASCII rune 5 px and a space 2.5 px.
func gridFace(t testing.TB) Face {
	t.Helper()
	runes := map[rune]uint16{' ': 250}
	for r := rune(0x21); r < 0x7f; r++ {
		runes[r] = 500
	}
	for _, r := range "中文与英伟达使用训练测试一二三四五六七八九十" + noStartChars + noEndChars + inseparableChars + "·" {
		if _, ok := runes[r]; !ok {
			runes[r] = 1000
		}
	}
	f := &Font{Format: FormatVersion, UnitsPerEm: 1000, Ascent: 800, Descent: 200}
	keys := make([]rune, 0, len(runes))
	for r := range runes {
		keys = append(keys, r)
	}
	slices.Sort(keys)
	for _, r := range keys {
		g := Glyph{Rune: r, Advance: runes[r]}
		f.Regular = append(f.Regular, g)
		f.Bold = append(f.Bold, g)
	}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	return f.Face(Regular)
}

type wrapCase struct {
	name  string
	s     string
	width float64
	want  []string
}

func TestWrap(t *testing.T) {
	fc := gridFace(t)
	cases := []wrapCase{
		{"empty", "", 100, nil},
		{"fits", "abc", 100, []string{"abc"}},
		{"english at spaces", "the quick brown fox", 50, []string{"the quick", "brown fox"}},
		{"trailing spaces hang", "abcd    efgh", 20, []string{"abcd", "efgh"}},
		{"trailing spaces before newline dropped", "ab  \ncd", 100, []string{"ab", "cd"}},
		{"leading spaces of a paragraph kept", "  ab", 100, []string{"  ab"}},
		{"long word kept whole", "Supercalifragilistic", 30, []string{"Supercalifragilistic"}},
		{"long word after a short one", "foo Supercalifragilistic bar", 30, []string{"foo", "Supercalifragilistic", "bar"}},
		{"long word broken only at punctuation", "GPGPU/edge", 30, []string{"GPGPU/", "edge"}},
		{"hyphen between letters", "state-of-the-art", 40, []string{"state-", "of-the-", "art"}},
		{"cjk anywhere", "中文中文中文", 40, []string{"中文中文", "中文"}},
		{"run of closing marks", "中中中中。」", 40, []string{"中中中", "中。」"}},
		{"run of opening marks", "中中“「中", 40, []string{"中中", "“「中"}},
		{"mixed with spaces", "OpenAI 与英伟达", 50, []string{"OpenAI 与", "英伟达"}},
		{"mixed narrow", "OpenAI 与英伟达", 35, []string{"OpenAI", "与英伟", "达"}},
		{"latin inside cjk", "使用GPU训练", 30, []string{"使用", "GPU训", "练"}},
		{"latin word kept whole in cjk", "中文OpenAI", 40, []string{"中文", "OpenAI"}},
		{"newline forces a break", "中\n\n文", 100, []string{"中", "", "文"}},
		{"crlf", "abc\r\ndef", 100, []string{"abc", "def"}},
		{"trailing newline", "a\n", 100, []string{"a", ""}},
		{"no width: one character or word a line", "中文ab", 0, []string{"中", "文", "ab"}},
		{"infinite width", "中文 ab 中文", math.Inf(1), []string{"中文 ab 中文"}},
		// The last resort overrides kinsoku: width wins over the rules.
		{"kinsoku yields to width", "中。", 10, []string{"中", "。"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Wrap(fc, c.s, 10, c.width)
			if !slices.Equal(got, c.want) {
				t.Errorf("Wrap(%q, %v) = %q, want %q", c.s, c.width, got, c.want)
			}
		})
	}
}

// ablate returns the default tables without the runes in drop.
func ablate(t ruleTables, drop string) ruleTables {
	rm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if strings.ContainsRune(drop, r) {
				return -1
			}
			return r
		}, s)
	}
	return ruleTables{rm(t.noStart), rm(t.noEnd), rm(t.inseparable), rm(t.breakAfter), rm(t.glue)}
}

var defaultTables = ruleTables{noStartChars, noEndChars, inseparableChars, breakAfterChars, glueChars}

// TestKinsoku checks every line-start and line-end rule the brief names with
// a case that, as the ablated run shows, comes out wrong without the rule.
func TestKinsoku(t *testing.T) {
	fc := gridFace(t)
	type kcase struct {
		wrapCase
		drop    string   // the rule's table entries
		without []string // the result without them
	}
	var cases []kcase
	for _, c := range "。，、：；！？）」』》”’…—·%.,:;!?)]}" {
		// "中中中中" fills 40 px; the mark would start line 2 without the
		// rule, so the last 中 moves down with it.
		s := "中中中中" + string(c)
		cases = append(cases, kcase{
			wrapCase{fmt.Sprintf("no line starts with %q", c), s, 40, []string{"中中中", "中" + string(c)}},
			string(c), []string{"中中中中", string(c)},
		})
	}
	for _, c := range "（「『《“‘([{" {
		// "中中中" + c fits in 40 px, but would end line 1.
		s := "中中中" + string(c) + "中"
		cases = append(cases, kcase{
			wrapCase{fmt.Sprintf("no line ends with %q", c), s, 40, []string{"中中中", string(c) + "中"}},
			string(c), []string{"中中中" + string(c), "中"},
		})
	}
	cases = append(cases,
		// — and … are also line-start rules, so the pair moves as a whole
		// only when both rules go.
		kcase{wrapCase{"—— kept together", "中中中——中", 40, []string{"中中", "中——中"}}, "—", []string{"中中中—", "—中"}},
		kcase{wrapCase{"…… kept together", "中中中……中", 40, []string{"中中", "中……中"}}, "…", []string{"中中中…", "…中"}},
		kcase{wrapCase{"space before closing mark", "ab cdefg )", 40, []string{"ab", "cdefg )"}}, ")", []string{"ab cdefg", ")"}},
	)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := defaultRules.wrap(fc, c.s, 10, c.width); !slices.Equal(lineText(c.s, got), c.want) {
				t.Errorf("with the rule: %q, want %q", lineText(c.s, got), c.want)
			}
			rs := newBreakRules(ablate(defaultTables, c.drop))
			if got := rs.wrap(fc, c.s, 10, c.width); !slices.Equal(lineText(c.s, got), c.without) {
				t.Errorf("without the rule: %q, want %q (the case does not test the rule)", lineText(c.s, got), c.without)
			}
		})
	}

	// The inseparable rule on its own: if — could start a line, "——"
	// could move to the next line, but only as a pair.
	noDashStart := defaultTables
	noDashStart.noStart = strings.ReplaceAll(noDashStart.noStart, "—", "")
	rs := newBreakRules(noDashStart)
	if got := lineText("中中中——中", rs.wrap(fc, "中中中——中", 10, 40)); !slices.Equal(got, []string{"中中中", "——中"}) {
		t.Errorf("inseparable alone: %q", got)
	}
	rs = newBreakRules(ablate(noDashStart, "—"))
	if got := lineText("中中中——中", rs.wrap(fc, "中中中——中", 10, 40)); !slices.Equal(got, []string{"中中中—", "—中"}) {
		t.Errorf("without inseparable: %q", got)
	}
}

func lineText(s string, ls []Line) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = s[l.Start:l.End]
	}
	return out
}

// TestWrapProperties checks, on random mixed text and widths, that lines
// never overflow except a lone character, that Width is exactly the
// measured width, and that only spaces and newlines fall between lines.
func TestWrapProperties(t *testing.T) {
	fc := gridFace(t)
	alphabet := []rune("中文与英伟达。，、：；！？（）「」“”…—abcdefgh.,!?()-'\"  \n")
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 3000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		width := float64(rng.IntN(120))
		lines := WrapLines(fc, s, 10, width)
		prevEnd := 0
		for i, l := range lines {
			text := s[l.Start:l.End]
			if got := fc.Measure(text, 10); got != l.Width {
				t.Fatalf("#%d %q w=%v line %d %q: Width %v, Measure %v", n, s, width, i, text, l.Width, got)
			}
			if l.Width > width && utf8.RuneCountInString(strings.TrimLeft(text, " ")) > 1 && !oneWord(text) {
				t.Fatalf("#%d %q w=%v: line %d %q is %v px wide", n, s, width, i, text, l.Width)
			}
			if gap := s[prevEnd:l.Start]; strings.Trim(gap, " \n") != "" {
				t.Fatalf("#%d %q w=%v: text %q lost before line %d", n, s, width, gap, i)
			}
			if text != strings.TrimRight(text, " ") && i < len(lines)-1 && s[l.End] != '\n' {
				t.Fatalf("#%d %q: line %d %q keeps trailing spaces", n, s, i, text)
			}
			prevEnd = l.End
		}
		if rest := s[prevEnd:]; strings.Trim(rest, " \n") != "" {
			t.Fatalf("#%d %q w=%v: text %q lost at the end", n, s, width, rest)
		}
		if s != "" && len(lines) < strings.Count(s, "\n")+1 {
			t.Fatalf("#%d %q: %d lines for %d newlines", n, s, len(lines), strings.Count(s, "\n"))
		}
	}
}

// oneWord reports whether s is a single run of Western letters and digits,
// which the wrapper keeps whole even when it overflows.
func oneWord(s string) bool {
	s = strings.TrimLeft(s, " ")
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r)) || r >= 0x2e80 {
			return false
		}
	}
	return s != ""
}

func TestMeasure(t *testing.T) {
	fc := gridFace(t)
	if got := fc.Measure("中a b", 10); got != 10+5+2.5+5 {
		t.Errorf("Measure = %v", got)
	}
	if got := fc.Measure("", 10); got != 0 {
		t.Errorf("empty: %v", got)
	}
	// Monotonic in the text and in the size.
	s := "OpenAI 与英伟达——“并行线”, state-of-the-art。"
	prev := 0.0
	for i := range s {
		w := fc.Measure(s[:i], 13.7)
		if w < prev {
			t.Fatalf("Measure(%q) = %v < %v", s[:i], w, prev)
		}
		prev = w
	}
	prev = 0
	for size := 0.0; size < 100; size += 0.37 {
		w := fc.Measure(s, size)
		if w < prev {
			t.Fatalf("size %v: %v < %v", size, w, prev)
		}
		prev = w
	}
	for _, size := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		if w := fc.Measure(s, size); w != 0 {
			t.Errorf("size %v: width %v, want 0", size, w)
		}
	}
	// Runes the face lacks: a full em if wide, half an em otherwise,
	// nothing for controls and marks.
	for r, want := range map[rune]float64{'Ж': 5, '龘': 10, '\n': 0, '\u0301': 0, '\u200b': 0} {
		if fc.Has(r) {
			t.Fatalf("%q should be missing", r)
		}
		if got := fc.Advance(r, 10); got != want {
			t.Errorf("Advance(%q) = %v, want %v", r, got, want)
		}
	}
	var zero Face
	if zero.Has('a') || zero.Measure("ab", 10) != 10 || zero.Metrics(10).LineHeight <= 0 {
		t.Errorf("zero Face: Has %v, Measure %v", zero.Has('a'), zero.Measure("ab", 10))
	}
}

func BenchmarkWrap(b *testing.B) {
	fc := gridFace(b)
	s := strings.Repeat("对话韦豪创芯王智：这不是泡沫，而是人类最大规模的基建——中美 AI 的真正战场在欧日韩。", 4)
	for b.Loop() {
		WrapLines(fc, s, 16, 300)
	}
}

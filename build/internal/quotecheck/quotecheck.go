// Package quotecheck checks the story's quotes against the interview itself:
// every quote is a verbatim passage of the paragraph it cites, in the
// restored Chinese text and in the English translation, and its speaker is
// whoever speaks in that paragraph, as the text's own layout shows. The
// interview is not part of the repository (it is the publisher's); this
// package reads it from wherever the caller has it.
package quotecheck

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/parallel-lines/widget/data"
)

// Interview is one language's text: paragraph number -> paragraph text
// (without its [P#] tag), and who speaks in each.
type Interview struct {
	Lang     string // "zh" or "en", for messages
	Text     map[data.Para]string
	Speakers map[data.Para]data.Speaker
}

var paraTag = regexp.MustCompile(`^\[P(\d+)\]\s*(.*)$`)

// Markers of who speaks, as the two files lay the text out: a question opens
// with the outlet's name, an answer with Wang Zhi's, a section heading with
// its number 01–05; before the first heading is the introduction, whose
// list after "…如下:" / "…as follows:" is the summary of his views.
var (
	askMarks    = []string{"腾讯新闻《潜望》:", "腾讯新闻《潜望》：", "Tencent News Qianwang:"}
	answerMarks = []string{"王智:", "王智：", "Wang Zhi:"}
	heading     = regexp.MustCompile(`^0[1-5] `)
	listIntro   = []string{"如下:", "如下：", "as follows:"}
)

// Parse reads a Markdown interview file: a line that starts with [P#] opens
// a paragraph, which runs to the next blank line; everything else (title,
// tables, notes) is skipped. A
// paragraph number given twice is an error.
func Parse(lang string, r io.Reader) (*Interview, error) {
	iv := &Interview{Lang: lang, Text: map[data.Para]string{}, Speakers: map[data.Para]data.Speaker{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	var order []data.Para
	var open data.Para // the paragraph a non-blank line continues, or 0
	for sc.Scan() {
		line++
		m := paraTag.FindStringSubmatch(sc.Text())
		if m == nil {
			if strings.TrimSpace(sc.Text()) == "" {
				open = 0
			} else if open != 0 { // Markdown: a paragraph runs to the next blank line
				iv.Text[open] = Normalize(iv.Text[open] + " " + sc.Text())
			}
			continue
		}
		var p data.Para
		if err := p.UnmarshalText([]byte(m[1])); err != nil {
			return nil, fmt.Errorf("%s line %d: %v", lang, line, err)
		}
		if _, dup := iv.Text[p]; dup {
			return nil, fmt.Errorf("%s line %d: %s appears twice", lang, line, p)
		}
		iv.Text[p] = Normalize(m[2])
		order = append(order, p)
		open = p
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(order) == 0 {
		return nil, fmt.Errorf("%s: no paragraph tagged [P#]", lang)
	}
	iv.speakers(order)
	return iv, nil
}

// speakers works out who speaks in each paragraph from the layout alone.
func (iv *Interview) speakers(order []data.Para) {
	cur, intro := data.Narration, true
	for _, p := range order {
		t := iv.Text[p]
		switch {
		case hasPrefix(t, askMarks):
			cur, intro = data.Interviewer, false
		case hasPrefix(t, answerMarks):
			cur, intro = data.WangZhi, false
		case heading.MatchString(t):
			iv.Speakers[p] = data.Heading
			cur, intro = data.WangZhi, false // an answer's later paragraphs carry no name
			continue
		case intro:
		case cur == data.Interviewer: // a question is one paragraph; what follows is the answer
			cur = data.WangZhi
		}
		iv.Speakers[p] = cur
		if intro && hasSuffix(t, listIntro) {
			cur = data.Summary
		}
	}
}

func hasPrefix(s string, ps []string) bool {
	return slices.ContainsFunc(ps, func(p string) bool { return strings.HasPrefix(s, p) })
}

func hasSuffix(s string, ps []string) bool {
	return slices.ContainsFunc(ps, func(p string) bool { return strings.HasSuffix(s, p) })
}

// Normalize is all the checker forgives: runs of white space read as one
// space, and Markdown emphasis (*Qianwang*) as the plain words, since the
// story's texts are plain. Nothing else: punctuation, quotation marks and
// full- or half-width forms must be as the interview writes them.
func Normalize(s string) string {
	s = strings.ReplaceAll(s, "*", "")
	return strings.Join(strings.Fields(s), " ")
}

// Problem is one quote that fails, or one paragraph whose speaker the story
// and the text disagree on.
type Problem struct {
	Where string // e.g. "quotes[7] q-ellison"
	Msg   string
}

func (p Problem) String() string { return p.Where + ": " + p.Msg }

// Check compares the story with the interview in both languages.
func Check(s *data.Story, zh, en *Interview) []Problem {
	var out []Problem
	add := func(where, format string, args ...any) {
		out = append(out, Problem{where, fmt.Sprintf(format, args...)})
	}
	// The two files must agree on who speaks, and so must the story's table.
	for i, row := range s.Paragraphs {
		p := data.Para(i + 1)
		where := "paragraphs[" + fmt.Sprint(i) + "] " + p.String()
		for _, iv := range []*Interview{zh, en} {
			sp, ok := iv.Speakers[p]
			switch {
			case !ok:
				add(where, "the %s text has no %s", iv.Lang, p)
			case sp != row.Speaker:
				add(where, "the story says %s speaks here, the %s text's layout says %s", row.Speaker, iv.Lang, sp)
			}
		}
	}
	for i, q := range s.Quotes {
		where := fmt.Sprintf("quotes[%d] %s", i, q.ID)
		if len(q.Basis.Cite) != 1 {
			add(where, "cites %d paragraphs; a quote is checked against exactly one", len(q.Basis.Cite))
			continue
		}
		p := q.Basis.Cite[0]
		for _, c := range []struct {
			iv   *Interview
			text string
		}{{zh, q.Text.Zh}, {en, q.Text.En}} {
			para, ok := c.iv.Text[p]
			switch {
			case !ok:
				add(where, "the %s text has no %s", c.iv.Lang, p)
			case !strings.Contains(para, Normalize(c.text)):
				add(where, "the %s text is not verbatim in %s: %q", c.iv.Lang, p, clip(c.text))
			}
		}
		sp, ok := zh.Speakers[p]
		if !ok {
			continue
		}
		var speaks []data.Speaker
		for _, a := range s.Actors {
			if a.ID == q.Speaker {
				speaks = a.Speaks
			}
		}
		if !slices.Contains(speaks, sp) {
			add(where, "%s is spoken by %s in the text, but the quote's speaker is %q", p, sp, q.Speaker)
		}
	}
	return out
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

package quotecheck

import (
	"os"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/data"
)

func load(t *testing.T) (zh, en *Interview) {
	t.Helper()
	for _, lang := range []string{"zh", "en"} {
		f, err := os.Open("testdata/interview." + lang + ".md")
		if err != nil {
			t.Fatal(err)
		}
		iv, err := Parse(lang, f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if lang == "zh" {
			zh = iv
		} else {
			en = iv
		}
	}
	return zh, en
}

// story is a tiny story that matches the synthetic interview.
func story() *data.Story {
	sp := []data.Speaker{data.Narration, data.Narration, data.Summary, data.Heading, data.Interviewer, data.WangZhi, data.WangZhi}
	s := &data.Story{
		Actors: []data.Actor{
			{ID: "wang-zhi", Speaks: []data.Speaker{data.WangZhi}},
			{ID: "outlet", Speaks: []data.Speaker{data.Narration, data.Summary, data.Interviewer}},
			{ID: "someone-reported"},
		},
		Quotes: []data.Quote{
			{ID: "q-hedge", Speaker: "wang-zhi", Text: data.Text{Zh: "我倾向于认为,这是一场长跑", En: "I tend to think this is a marathon, not a sprint."}, Basis: data.Basis{Cite: []data.Para{6}}},
			{ID: "q-ask", Speaker: "outlet", Text: data.Text{Zh: "你怎么看这场比赛?", En: "How do you see this race?"}, Basis: data.Basis{Cite: []data.Para{5}}},
			{ID: "q-emph", Speaker: "wang-zhi", Text: data.Text{Zh: "有一个 强调 的词", En: "has an emphasised word"}, Basis: data.Basis{Cite: []data.Para{7}}},
			{ID: "q-intro", Speaker: "outlet", Text: data.Text{Zh: "两条路各走各的。", En: "The two roads go their own ways."}, Basis: data.Basis{Cite: []data.Para{3}}},
		},
	}
	for _, x := range sp {
		s.Paragraphs = append(s.Paragraphs, data.Paragraph{Speaker: x})
	}
	return s
}

func TestSpeakersFromLayout(t *testing.T) {
	zh, en := load(t)
	want := story().Paragraphs
	for _, iv := range []*Interview{zh, en} {
		if len(iv.Text) != len(want) {
			t.Fatalf("%s: %d paragraphs, want %d", iv.Lang, len(iv.Text), len(want))
		}
		for i, row := range want {
			if got := iv.Speakers[data.Para(i+1)]; got != row.Speaker {
				t.Errorf("%s P%d: speaker %s, want %s", iv.Lang, i+1, got, row.Speaker)
			}
		}
	}
	// The line break inside P6 and the emphasis in P7 are gone.
	if en.Text[6] != "Wang Zhi: I tend to think this is a marathon, not a sprint." || strings.Contains(en.Text[7], "*") {
		t.Errorf("normalised: %q / %q", en.Text[6], en.Text[7])
	}
}

func TestMatchingStoryPasses(t *testing.T) {
	zh, en := load(t)
	if ps := Check(story(), zh, en); len(ps) != 0 {
		t.Fatalf("want no problems, got %v", ps)
	}
}

// Each fault, once: the checker names the quote (or paragraph) and the fault.
func TestCheckFails(t *testing.T) {
	cases := []struct {
		name, where, msg string
		break_           func(s *data.Story)
	}{
		{"hedge cut is still a substring, a reworded one is not", "quotes[0] q-hedge", "zh text is not verbatim in P6",
			func(s *data.Story) { s.Quotes[0].Text.Zh = "我认为,这是一场长跑" }},
		{"full-width comma for the text's half-width one", "quotes[0] q-hedge", "zh text is not verbatim",
			func(s *data.Story) { s.Quotes[0].Text.Zh = "我倾向于认为，这是一场长跑" }},
		{"English reworded", "quotes[1] q-ask", "en text is not verbatim in P5",
			func(s *data.Story) { s.Quotes[1].Text.En = "How do you view this race?" }},
		{"cited at the wrong paragraph", "quotes[1] q-ask", "not verbatim in P6",
			func(s *data.Story) { s.Quotes[1].Basis.Cite = []data.Para{6} }},
		{"the interviewer's words given to Wang", "quotes[1] q-ask", `P5 is spoken by interviewer in the text, but the quote's speaker is "wang-zhi"`,
			func(s *data.Story) { s.Quotes[1].Speaker = "wang-zhi" }},
		{"Wang's words given to someone he reports", "quotes[0] q-hedge", `speaker is "someone-reported"`,
			func(s *data.Story) { s.Quotes[0].Speaker = "someone-reported" }},
		{"paragraph missing from the text", "quotes[3] q-intro", "zh text has no P9",
			func(s *data.Story) { s.Quotes[3].Basis.Cite = []data.Para{9} }},
		{"quote over two paragraphs", "quotes[3] q-intro", "cites 2 paragraphs",
			func(s *data.Story) { s.Quotes[3].Basis.Cite = []data.Para{2, 3} }},
		{"table disagrees with the layout", "paragraphs[4] P5", "the story says wang-zhi speaks here, the zh text's layout says interviewer",
			func(s *data.Story) { s.Paragraphs[4].Speaker = data.WangZhi }},
		{"summary taken for narration", "paragraphs[2] P3", "layout says summary",
			func(s *data.Story) { s.Paragraphs[2].Speaker = data.Narration }},
		{"story longer than the text", "paragraphs[7] P8", "the en text has no P8",
			func(s *data.Story) { s.Paragraphs = append(s.Paragraphs, data.Paragraph{Speaker: data.WangZhi}) }},
	}
	zh, en := load(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := story()
			c.break_(s)
			ps := Check(s, zh, en)
			for _, p := range ps {
				if p.Where == c.where && strings.Contains(p.Msg, c.msg) {
					return
				}
			}
			t.Fatalf("want a problem at %s containing %q, got %v", c.where, c.msg, ps)
		})
	}
}

func TestParseRejects(t *testing.T) {
	for name, text := range map[string]string{
		"no paragraphs":      "# a title\n\nno tags here\n",
		"paragraph twice":    "[P1] one\n[P2] two\n[P1] again\n",
		"not a paragraph no": "[P0] zero\n",
	} {
		if _, err := Parse("zh", strings.NewReader(text)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"a  b\n c":           "a b c",
		"Tencent *Qianwang*": "Tencent Qianwang",
		"中,文":                "中,文", // punctuation is never forgiven
		"中，文":                "中，文",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

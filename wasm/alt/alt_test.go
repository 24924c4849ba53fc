package alt_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/alt"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

var langs = []layout.Lang{layout.Zh, layout.En}

// The text alternative of every scene tells everything the scene shows:
// every actor, market, figure and quote on screen is named in it, each
// statement carries its paragraphs, and each language reads as itself.
func TestEveryShownElementIsTold(t *testing.T) {
	s := layouttest.Story(t)
	for i, sc := range s.Scenes {
		for _, l := range langs {
			d := alt.Describe(s, i, l)
			text := d.String()
			if d.Title != l.Pick(sc.Title) || d.Dek != l.Pick(sc.Caption) {
				t.Errorf("%s/%d: title %q dek %q", sc.ID, l, d.Title, d.Dek)
			}
			if len(d.Body) == 0 {
				t.Errorf("%s/%d: nothing described", sc.ID, l)
			}
			for _, id := range sc.Shows {
				e, ok := s.Find(id)
				if !ok {
					t.Fatalf("%s shows unknown %s", sc.ID, id)
				}
				var want []string
				switch e.Kind {
				case data.KindActor:
					want = []string{l.Pick(s.Actors[e.Index].Name)}
				case data.KindMarket:
					want = []string{l.Pick(s.Markets[e.Index].Name)}
				case data.KindQuote:
					q := s.Quotes[e.Index]
					want = []string{strings.TrimSpace(l.Pick(q.Text)), alt.Name(s, q.Speaker, l)}
				case data.KindFigure:
					want = []string{strings.TrimRight(l.Pick(s.Figures[e.Index].Label), "。.")}
				case data.KindFlow:
					for _, m := range s.Flows[e.Index].To {
						want = append(want, alt.Name(s, m, l))
					}
				case data.KindRelation:
					r := s.Relations[e.Index]
					want = []string{alt.Name(s, r.From, l), alt.Name(s, r.To, l)}
				}
				for _, w := range want {
					if !strings.Contains(text, w) {
						t.Errorf("%s/%d: %s %q missing from\n%s", sc.ID, l, e.Kind, w, text)
					}
				}
				for _, p := range e.Basis.Cite {
					if e.Kind != data.KindActor && e.Kind != data.KindLine && !strings.Contains(text, "["+p.String()+"]") {
						t.Errorf("%s/%d: %s cites %s, not in the text", sc.ID, l, id, p)
					}
				}
			}
			if l == layout.En {
				for _, r := range text {
					if unicode.Is(unicode.Han, r) {
						t.Errorf("%s: English description has %q: %s", sc.ID, r, text)
						break
					}
				}
			}
			if l == layout.Zh && (strings.Contains(text, " says") || strings.Contains(text, "Figure")) {
				t.Errorf("%s: Chinese description has English words: %s", sc.ID, text)
			}
		}
	}
}

// Scenes differ, so that the live region says something new on a change.
func TestScenesDiffer(t *testing.T) {
	s := layouttest.Story(t)
	seen := map[string]string{}
	for i, sc := range s.Scenes {
		d := alt.Describe(s, i, layout.En).String()
		if prev, dup := seen[d]; dup {
			t.Errorf("%s and %s have the same description", prev, sc.ID)
		}
		seen[d] = sc.ID
	}
}

// A quote spoken in Wang Zhi's paragraph by someone else is told as his
// quoting them, never as their own statement to the interviewer.
func TestQuotedSpeakers(t *testing.T) {
	s := layouttest.Story(t)
	found := false
	for i, sc := range s.Scenes {
		text := alt.Describe(s, i, layout.En).String()
		for _, id := range sc.Shows {
			e, _ := s.Find(id)
			if e.Kind != data.KindQuote {
				continue
			}
			q := s.Quotes[e.Index]
			who := alt.Name(s, q.Speaker, layout.En)
			p := s.Paragraphs[int(q.Basis.Cite[0])-1]
			if p.Speaker == data.WangZhi && who != "Wang Zhi" {
				found = true
				if !strings.Contains(text, "Wang Zhi quotes "+who+": “") {
					t.Errorf("%s: %s's words in [%s] not told as Wang Zhi quoting them", sc.ID, who, q.Basis.Cite[0])
				}
			}
		}
	}
	if !found {
		t.Skip("the dataset has no quote of a third party in Wang Zhi's words")
	}
}

// Citations group paragraphs by speaker and keep outside sources.
func TestCite(t *testing.T) {
	s := layouttest.Story(t)
	var b data.Basis
	for i, p := range s.Paragraphs {
		if p.Speaker == data.WangZhi && len(b.Cite) < 2 {
			b.Cite = append(b.Cite, data.Para(i+1))
		}
	}
	got := alt.Cite(s, b, layout.En)
	want := "(Wang Zhi [" + b.Cite[0].String() + "] [" + b.Cite[1].String() + "])"
	if got != want {
		t.Errorf("Cite = %q, want %q", got, want)
	}
	if alt.Cite(s, data.Basis{}, layout.En) != "" {
		t.Error("an empty basis cites something")
	}
}

// The sources of a scene list every element on screen with its citation.
func TestSources(t *testing.T) {
	s := layouttest.Story(t)
	for i, sc := range s.Scenes {
		src := alt.SourcesOf(s, i, layout.Zh)
		if src.Outlet == "" || src.Byline == "" || len(src.Items) == 0 {
			t.Fatalf("%s: %+v", sc.ID, src)
		}
		for _, it := range src.Items {
			if !strings.Contains(it.Cite, "[P") {
				t.Errorf("%s: %s has no paragraph: %q", sc.ID, it.ID, it.Cite)
			}
		}
	}
}

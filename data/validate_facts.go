package data

import (
	"fmt"
	"slices"
	"strings"
)

// Editorial rules (Validate only, see the package doc): the rules that keep
// statements honest about whose words they are and what
// the text states (docs/data.md, "Whose words, and what they state"):
//
//   - a quote cites exactly one paragraph, and its speaker is an actor who
//     speaks as that paragraph's speaker in the paragraph table (Actor.Speaks):
//     Wang Zhi in his answers, the outlet in its narration, summary and
//     questions. Someone he reports (Larry Ellison) speaks in no paragraph,
//     so a quote can never be put in that person's mouth;
//   - a relation of a business kind (investment, purchase, supply) carries
//     the quote whose words state the tie and, in Fact, those words: they
//     must be in the quote, in both languages, and the quote (checked by
//     cardQuote) at a paragraph the relation cites. verify-quotes then finds
//     the quote in the interview itself.

// speakerOf is the speaker of paragraph p, and whether p is in the table.
func (v *validator) speakerOf(p Para) (Speaker, bool) {
	if p < 1 || int(p) > len(v.s.Paragraphs) {
		return 0, false
	}
	return v.s.Paragraphs[p-1].Speaker, true
}

func (v *validator) actor(id string) *Actor {
	for i := range v.s.Actors {
		if v.s.Actors[i].ID == id {
			return &v.s.Actors[i]
		}
	}
	return nil
}

// speaks checks an actor's list of paragraph speakers.
func (v *validator) speaksRule(path string, a Actor) {
	seen := map[Speaker]bool{}
	for i, sp := range a.Speaks {
		p := fmt.Sprintf("%s.speaks[%d]", path, i)
		if !valid(speakerNames, uint8(sp)) {
			v.errf(p, "unknown speaker %d", sp)
		} else if seen[sp] {
			v.errf(p, "%s listed twice", sp)
		}
		seen[sp] = true
	}
}

// quoteSpeaker checks that quote q is in the words of its speaker.
func (v *validator) quoteSpeakerRule(path string, q Quote) {
	if len(q.Basis.Cite) != 1 || len(q.Basis.Sources) != 0 {
		v.errf(path+".cite", "a quote cites exactly one paragraph of the interview (it cites %s)", citeList(q.Basis.Cite))
		return
	}
	p := q.Basis.Cite[0]
	sp, ok := v.speakerOf(p)
	a := v.actor(q.Speaker)
	if !ok || a == nil { // reported by basis() and ref()
		return
	}
	if !slices.Contains(a.Speaks, sp) {
		speaks := "in no paragraph of the interview"
		if len(a.Speaks) > 0 {
			names := make([]string, len(a.Speaks))
			for i, s := range a.Speaks {
				names[i] = s.String()
			}
			speaks = "as " + strings.Join(names, ", ")
		}
		v.errf(path+".speaker", "%s is spoken by %s, but %q speaks %s: quote the words as the paragraph's speaker's (a view reported by Wang Zhi is his quote)",
			p, sp, q.Speaker, speaks)
	}
}

// businessFact checks that a relation asserting a business tie shows the
// words that state it.
func (v *validator) businessFactRule(path string, r Relation) {
	if !r.Kind.Business() {
		if r.Fact != (Text{}) {
			v.errf(path+".fact", "only a business tie (investment, purchase, supply) carries fact; this is %s", r.Kind)
		}
		return
	}
	if r.Quote == "" {
		v.errf(path+".quote", "a %s asserts a business fact: give the quote whose words state it (or use alliance, competition, mapping or analogy)", r.Kind)
		return
	}
	if strings.TrimSpace(r.Fact.Zh) == "" || strings.TrimSpace(r.Fact.En) == "" {
		v.errf(path+".fact", "a %s needs fact: the words of quote %s that state it, in both languages", r.Kind, r.Quote)
		return
	}
	for _, q := range v.s.Quotes {
		if q.ID != r.Quote {
			continue
		}
		if !strings.Contains(q.Text.Zh, r.Fact.Zh) {
			v.errf(path+".fact.zh", "%q is not in the words of quote %s", r.Fact.Zh, q.ID)
		}
		if !strings.Contains(q.Text.En, r.Fact.En) {
			v.errf(path+".fact.en", "%q is not in the words of quote %s", r.Fact.En, q.ID)
		}
	}
}

package data

import (
	"slices"
	"strings"
	"testing"
)

// editorialCases are the ruleCases that only Validate (the build) reports:
// citations, sources, claims, whose words, business facts, slot widths and
// what no scene shows. Every other case is structural, and Check (so
// Decode, on every start of the widget) must report it too.
var editorialCases = []string{
	"missing citation", "citation out of range", "citation zero", "unknown outside source",
	"claim neither covered nor omitted", "unknown claim", "claim cited at the wrong paragraph", "duplicate claim",
	"claim omitted yet carried", "name too long for its slot", "caption too long", "element shown by no scene",
	"card quote from another paragraph", "flow quote from another paragraph",
	"quote put in the mouth of someone Wang reports", "interviewer's words given to Wang", "Wang's words given to the outlet",
	"quote across two paragraphs", "speaker listed twice", "unknown speaker value",
	"purchase without evidence", "purchase without fact words", "fact words not in the quote",
	"fact words not in the English quote", "fact on a non-business kind",
}

func has(ps []Problem, path, contains string) bool {
	for _, p := range ps {
		if p.Path == path && strings.Contains(p.Msg, contains) {
			return true
		}
	}
	return false
}

// Check is Validate without the editorial rules: for every broken rule its
// problems are Validate's in the same order with the editorial ones left
// out, and it reports a structural rule's problem, never an editorial one.
func TestCheckIsValidateWithoutEditorialRules(t *testing.T) {
	structural := 0
	for _, c := range ruleCases {
		t.Run(c.name, func(t *testing.T) {
			s := validStory()
			c.break_(s)
			all, some := Validate(s), Check(s)
			// some must be a subsequence of all.
			i := 0
			for _, p := range all {
				if i < len(some) && p == some[i] {
					i++
				}
			}
			if i != len(some) {
				t.Fatalf("Check's problems are not Validate's in order:\nCheck:    %v\nValidate: %v", some, all)
			}
			editorial := slices.Contains(editorialCases, c.name)
			if got := has(some, c.path, c.contains); got == editorial {
				t.Fatalf("Check reports %s %q: %v, want %v (editorial rule: %v)", c.path, c.contains, got, !editorial, editorial)
			}
			if !editorial {
				structural++
			}
		})
	}
	for _, name := range editorialCases {
		if !slices.ContainsFunc(ruleCases, func(c struct {
			name     string
			break_   func(s *Story)
			path     string
			contains string
			warn     bool
		}) bool {
			return c.name == name
		}) {
			t.Errorf("editorial case %q is not a rule case", name)
		}
	}
	if structural < 30 {
		t.Errorf("only %d structural rule cases", structural)
	}
	if ps := Check(validStory()); len(ps) != 0 {
		t.Fatalf("Check of the valid story: %v", ps)
	}
}

// Decode refuses a file that breaks a structural rule, with the problem in
// its error, and reads one that breaks only an editorial rule (the build
// refuses that one before it is ever written).
func TestDecodeChecksStructure(t *testing.T) {
	n := 0
	for _, c := range ruleCases {
		if c.warn {
			continue
		}
		s := validStory()
		c.break_(s)
		b, err := Encode(s)
		if err != nil {
			continue // not encodable (an unknown reference kind, say): never shipped
		}
		n++
		_, err = Decode(b)
		editorial := slices.Contains(editorialCases, c.name)
		switch {
		case editorial && err != nil:
			t.Errorf("%s: Decode: %v, want the story", c.name, err)
		case !editorial && (err == nil || !strings.Contains(err.Error(), "dataset is invalid") && !strings.Contains(err.Error(), "format version")):
			t.Errorf("%s: Decode = %v, want the structural problem", c.name, err)
		}
	}
	if n < 30 {
		t.Fatalf("only %d broken stories encoded", n)
	}
}

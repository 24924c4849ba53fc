// Package layouttest provides what tests of the core share: the embedded
// dataset, decoded (Story), and a stand-in text measurer for tests that
// should not depend on a font: every wide (CJK) character is one em,
// anything else half an em, and lines break at spaces and between wide
// characters. Only tests import it.
package layouttest

import (
	"strings"
	"testing"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// Fixed is the stand-in measurer.
type Fixed struct{}

// Advance is the width of s at size.
func (Fixed) Advance(s string, size float64, _ frame.Weight) float64 {
	return float64(data.Columns(s)) * size / 2
}

// Wrap breaks s greedily into lines no wider than max (a single token that
// is wider stands alone on its line).
func (f Fixed) Wrap(s string, size float64, w frame.Weight, max float64) []string {
	var lines []string
	line := ""
	for _, tok := range tokens(s) {
		if line != "" && f.Advance(strings.TrimRight(line+tok, " "), size, w) > max {
			lines = append(lines, strings.TrimRight(line, " "))
			line = strings.TrimLeft(tok, " ")
			continue
		}
		line += tok
	}
	return append(lines, strings.TrimRight(line, " "))
}

// tokens splits s into words (each with its trailing space) and single wide
// characters.
func tokens(s string) []string {
	var out []string
	cur := ""
	for _, r := range s {
		switch {
		case data.Wide(r):
			if cur != "" {
				out = append(out, cur)
			}
			out, cur = append(out, string(r)), ""
		case r == ' ':
			out, cur = append(out, cur+" "), ""
		default:
			cur += string(r)
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// Story decodes the dataset the widget embeds, for tests that lay it out;
// a dataset that does not decode fails the test at once.
func Story(t testing.TB) *data.Story {
	t.Helper()
	s, err := data.Decode(assets.Story)
	if err != nil {
		t.Fatalf("decoding the embedded dataset: %v", err)
	}
	return s
}

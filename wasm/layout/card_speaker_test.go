package layout_test

import (
	"strings"
	"testing"

	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

// A quote's card says whose words they are, in both languages: a view Wang
// Zhi reports is his quote, and the outlet's words say in which voice.
func TestQuoteCardNamesTheSpeaker(t *testing.T) {
	s := layouttest.Story(t)
	cases := []struct {
		id, title, other, kicker string
		lang                     layout.Lang
	}{
		{"q-ellison", "Wang Zhi", "王智", "Quote", layout.En},
		{"q-ellison", "王智", "Wang Zhi", "引语", layout.Zh},
		{"q-left-right", "Tencent News Qianwang", "腾讯新闻《潜望》", "Quote · the interviewer's question", layout.En},
		{"q-left-right", "腾讯新闻《潜望》", "Tencent News Qianwang", "引语 · 《潜望》提问", layout.Zh},
		{"q-series-a", "Tencent News Qianwang", "腾讯新闻《潜望》", "Quote · the author's introduction", layout.En},
	}
	for _, c := range cases {
		got, ok := layout.Describe(s, c.id, c.lang)
		if !ok {
			t.Fatalf("no card for %s", c.id)
		}
		if got.Title != c.title || got.Other != c.other || got.Kicker != c.kicker {
			t.Errorf("%s (%d): kicker %q, title %q / %q; want %q, %q / %q", c.id, c.lang, got.Kicker, got.Title, got.Other, c.kicker, c.title, c.other)
		}
	}
}

// The card's wording follows the relation's kind: an analogy is not drawn
// as a tie, a purchase is.
func TestRelationCardWordingFollowsKind(t *testing.T) {
	s := layouttest.Story(t)
	for id, want := range map[string]string{
		"zte-oracle":      "Analogy, not a business tie",
		"echo-gilded-age": "Analogy, not a business tie",
		"internet-switch": "Relation · Purchase",
		"map-nvidia":      "Relation · Mapping",
		"nvidia-in-china": "Relation · Competition",
	} {
		c, ok := layout.Describe(s, id, layout.En)
		if !ok || c.Kicker != want {
			t.Errorf("%s: kicker %q, want %q", id, c.Kicker, want)
		}
	}
	zh, _ := layout.Describe(s, "zte-oracle", layout.Zh)
	if !strings.HasPrefix(zh.Kicker, "类比") {
		t.Errorf("zte-oracle in Chinese: kicker %q", zh.Kicker)
	}
}

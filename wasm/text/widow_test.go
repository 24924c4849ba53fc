package text

import (
	"slices"
	"testing"
)

// A paragraph does not end on one lone ideograph: the last line takes the
// character before it, while the line above keeps four and the last still
// fits; English, short lines and a last line of two are left alone.
func TestWrapAvoidsWidows(t *testing.T) {
	fc := gridFace(t) // ideographs 1000 units: 10 px at 10 px
	cases := []struct {
		s     string
		width float64
		want  []string
	}{
		{"一二三四五六七八九十一", 100, []string{"一二三四五六七八九", "十一"}},
		{"一二三四五六七八九十一。", 100, []string{"一二三四五六七八九", "十一。"}},
		{"一二三四五六七八九十一二", 100, []string{"一二三四五六七八九十", "一二"}},
		{"一二三四五", 40, []string{"一二三四", "五"}}, // the line above would keep three
		{"一二三四五六七八九十一", 10, nil},             // one per line: nothing to take
		{"一二三四五\n六七八九十一二三四五六", 100, []string{"一二三四五", "六七八九十一二三四", "五六"}},
	}
	for _, c := range cases {
		got := Wrap(fc, c.s, 10, c.width)
		if c.want != nil && !slices.Equal(got, c.want) {
			t.Errorf("Wrap(%q, %g) = %q, want %q", c.s, c.width, got, c.want)
		}
		for _, l := range WrapLines(fc, c.s, 10, c.width) {
			if l.Width > c.width && len([]rune(c.s[l.Start:l.End])) > 1 {
				t.Errorf("Wrap(%q, %g): line %q is %g px wide", c.s, c.width, c.s[l.Start:l.End], l.Width)
			}
		}
	}
}

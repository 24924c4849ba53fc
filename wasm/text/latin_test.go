package text

import "testing"

// In English the curly quotes take their ink and a bearing, not the CJK
// em, and the mark stays inside its advance; Chinese keeps the full em.
func TestLatinQuotesAreProportional(t *testing.T) {
	f := loadMini(t)
	const size = 20.0
	for _, w := range []Weight{Regular, Bold} {
		zh, en := f.Face(w), f.Face(w).Latin()
		for _, r := range quoteRunes {
			if !zh.Has(r) {
				t.Fatalf("%v: the test font lacks %q", w, r)
			}
			if got := zh.Advance(r, size); got != size {
				t.Errorf("%v %q in Chinese: advance %.2f, want the full em %.0f", w, r, got, size)
			}
			adv := en.Advance(r, size)
			if adv <= 0 || adv > 0.6*size {
				t.Errorf("%v %q in English: advance %.2f, want a proportional width under 0.6 em", w, r, adv)
			}
			mask, origin := en.Glyph(r, size, 0)
			if mask == nil {
				t.Fatalf("%v %q: no mask", w, r)
			}
			left, right := origin.X, origin.X+mask.Rect.Dx()
			if left < -1 || float64(right) > adv+1 {
				t.Errorf("%v %q in English: ink %d..%d px stands outside its advance 0..%.1f", w, r, left, right, adv)
			}
		}
		// A line measures as the sum of its runes, quotes included.
		s := "a “base area”"
		want := 0.0
		for _, r := range s {
			want += en.Advance(r, size)
		}
		if got := en.Measure(s, size); got != want || got >= zh.Measure(s, size) {
			t.Errorf("%v: Measure(%q) = %.2f, want %.2f and less than the Chinese face's %.2f", w, s, got, want, zh.Measure(s, size))
		}
	}
}

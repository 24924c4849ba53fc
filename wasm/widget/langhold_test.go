package widget

import (
	"testing"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
	"github.com/parallel-lines/widget/wasm/typeset"
)

// hollow returns the first text of f with a character fonts lacks, the
// hollow box a reader would see.
func hollow(f frame.List, fonts *typeset.Fonts) (string, rune) {
	for _, op := range f.Ops {
		if op.Kind != frame.Text || op.Color.A == 0 {
			continue
		}
		for _, r := range op.Text {
			if r > ' ' && r != '\u200b' && !fonts.Has(r, op.Font) {
				return op.Text, r
			}
		}
	}
	return "", 0
}

// With only the base font loaded, asking for Chinese keeps the English
// view (no frame draws a character without its glyph) and tells the asker
// once; when the Chinese glyphs are added and the language released, the
// widget switches and its first Chinese frame has every glyph.
func TestHeldLanguageWaitsForItsGlyphs(t *testing.T) {
	fonts, err := typeset.Load(assets.FontBase)
	if err != nil {
		t.Fatal(err)
	}
	s := layouttest.Story(t)
	w := New(s, fonts, screen, layout.En, 0)
	asks := 0
	w.Hold(layout.Zh, func(l layout.Lang) {
		if l != layout.Zh {
			t.Errorf("asked for %v", l)
		}
		asks++
	})
	check := func(when string) {
		t.Helper()
		if txt, r := hollow(w.Frame(), fonts); txt != "" {
			t.Fatalf("%s: %q drawn without a glyph for %q", when, txt, r)
		}
	}
	settle(w)
	check("English at start")
	w.SetLang(layout.Zh)
	w.SetLang(layout.Zh) // a second press while waiting asks no more
	w.Tick(1)
	if w.Lang() != layout.En || asks != 1 {
		t.Fatalf("while held: lang %v, %d asks; want English, 1", w.Lang(), asks)
	}
	if l, ok := w.Asked(); !ok || l != layout.Zh {
		t.Errorf("Asked() = %v, %v", l, ok)
	}
	check("Chinese asked for, glyphs not there")
	for w.Scene() < w.Scenes()-1 { // the whole story stays drawable meanwhile
		w.Next()
		settle(w)
		check("English, scene " + w.SceneID())
	}
	w.Go(0)
	settle(w)

	// The control test: a Chinese view with the base alone has hollow
	// boxes, so hollow would catch a switch before the glyphs.
	bare := New(s, fonts, screen, layout.Zh, 0)
	settle(bare)
	if txt, _ := hollow(bare.Frame(), fonts); txt == "" {
		t.Fatal("a Chinese frame with the base font alone showed no missing glyph: the check cannot fail")
	}

	if err := fonts.Add(assets.FontZh); err != nil {
		t.Fatal(err)
	}
	w.Release(layout.Zh)
	if w.Lang() != layout.Zh {
		t.Fatalf("after Release: lang %v, want Chinese", w.Lang())
	}
	check("first Chinese frame")
	settle(w)
	check("Chinese, settled")
	if _, ok := w.Asked(); ok {
		t.Error("still asking after the switch")
	}
}

// An ask for the held language withdrawn by asking for the current one is
// not carried out on Release.
func TestHeldLanguageAskWithdrawn(t *testing.T) {
	w := New(layouttest.Story(t), mono{}, screen, layout.En, 0)
	asks := 0
	w.Hold(layout.Zh, func(layout.Lang) { asks++ })
	w.SetLang(layout.Zh)
	w.SetLang(layout.En)
	w.Release(layout.Zh)
	if w.Lang() != layout.En || asks != 1 {
		t.Errorf("lang %v after a withdrawn ask (%d asks), want English", w.Lang(), asks)
	}
	w.SetLang(layout.Zh)
	if w.Lang() != layout.Zh {
		t.Error("a released language does not switch at once")
	}
}

//go:build js && wasm

package app

import (
	"github.com/parallel-lines/widget/wasm/internal/page"
	"github.com/parallel-lines/widget/wasm/layout"
)

// A language whose glyphs are not in the wasm (the Chinese ones, fetched
// only for a Chinese view) is held in the widget until they have arrived:
// the reader's first ask starts the fetch, the bytes are merged between
// frames (Update), and only then does the widget switch. A failed fetch
// leaves the widget as it was, says so, and the next ask tries again.

// fontResult is what a fetch brings back.
type fontResult struct {
	b   []byte
	err error
}

// LangLater holds l until fetch has brought its glyphs and add has merged
// them (see above).
func (g *Game) LangLater(l layout.Lang, fetch func(done func([]byte, error)), add func([]byte) error) {
	g.later = make(chan fontResult, 1)
	g.laterAdd, g.laterLang = add, l
	g.w.Hold(l, func(layout.Lang) {
		page.Mark("data-widget-font", "fetching")
		fetch(func(b []byte, err error) {
			g.later <- fontResult{b, err}
			g.wake()
		})
	})
}

// takeFont merges glyphs that have arrived and releases their language.
func (g *Game) takeFont() {
	select {
	case r := <-g.later:
		err := r.err
		if err == nil {
			err = g.laterAdd(r.b)
		}
		if err != nil {
			page.Mark("data-widget-font", "failed")
			page.Notice("中文字体无法载入，仍显示英文 · The Chinese text could not be loaded (" + err.Error() + "); the graphic stays in English. Try the language switch again.")
			g.w.SetLang(g.w.Lang()) // withdraw the ask: the next one fetches again
			return
		}
		page.Mark("data-widget-font", "zh")
		g.w.Release(g.laterLang)
		g.later = nil
	default:
	}
}

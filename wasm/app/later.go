//go:build js && wasm

package app

import (
	"image"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/internal/page"
	"github.com/parallel-lines/widget/wasm/layout"
)

// The Chinese glyphs are not in the wasm: the page serves them in chunks
// (build/fontsubset -views; web/widget.js), the first scene's opening view
// first, the other scenes' opening views next, the rest last. A Chinese
// start waits, before its first frame, only for the chunks of its scene
// (Start) and asks for the others once it is ready; an English start asks
// for none until the reader first asks for Chinese, which the widget holds
// until every chunk is merged. Chunks are merged between frames (Update).
// Until all are in, a frame that would draw a glyph not merged yet (a
// scene, card or note reached before its chunk arrived) is not drawn: the
// screen keeps the last frame, the fetch is asked for now if it was not
// under way, and the frame is drawn once the glyphs are there, so no frame
// draws a hollow box or a bold word in the regular weight. A failed fetch
// leaves the widget as it was, says so, and the next need tries again.

// FontChunks is the Chinese glyphs' chunks and what is known of them.
type FontChunks struct {
	n      int
	fetch  func(i int, later bool, done func([]byte, error))
	add    func([]byte) error
	own    func(rune, frame.Weight) bool
	merged []bool
	asked  []bool // a fetch under way
	got    chan chunkResult
}

// chunkResult is what a fetch brings back.
type chunkResult struct {
	i   int
	b   []byte
	err error
}

// NewFontChunks describes the page's n chunks: fetch asks for one (page.FontZh;
// later: when the browser is idle), add merges one into the font and own
// says whether the font has a weight's own glyph for a rune.
func NewFontChunks(n int, fetch func(int, bool, func([]byte, error)), add func([]byte) error, own func(rune, frame.Weight) bool) *FontChunks {
	n = max(n, 1)
	return &FontChunks{n: n, fetch: fetch, add: add, own: own, merged: make([]bool, n), asked: make([]bool, n), got: make(chan chunkResult, n)}
}

// Start is the chunks the opening view of scene needs: the first scene's
// own chunk, or for another scene every chunk but the rest.
func (c *FontChunks) Start(scene int) []int {
	k := 1
	if scene != 0 {
		k = max(1, c.n-1)
	}
	out := make([]int, k)
	for i := range out {
		out[i] = i
	}
	return out
}

// Wait fetches the chunks idx (the page started them beside the wasm) and
// merges those that came, in order; it returns the first error. It blocks:
// main calls it before the first frame.
func (c *FontChunks) Wait(idx []int) error {
	got := make(chan chunkResult, len(idx))
	for _, i := range idx {
		c.fetch(i, false, func(b []byte, err error) { got <- chunkResult{i, b, err} })
	}
	res := make([]chunkResult, c.n)
	for range idx {
		r := <-got
		res[r.i] = r
	}
	var first error
	for _, i := range idx {
		err := res[i].err
		if err == nil {
			if err = c.add(res[i].b); err == nil {
				c.merged[i] = true
			}
		}
		if err != nil && first == nil {
			first = err
		}
	}
	return first
}

// all reports whether every chunk is merged.
func (c *FontChunks) all() bool {
	for _, m := range c.merged {
		if !m {
			return false
		}
	}
	return true
}

// ask starts the fetch of every chunk not merged and not under way; wake
// runs when one arrives.
func (c *FontChunks) ask(later bool, wake func()) {
	for i := range c.n {
		if c.merged[i] || c.asked[i] {
			continue
		}
		c.asked[i] = true
		c.fetch(i, later, func(b []byte, err error) {
			c.got <- chunkResult{i, b, err}
			wake()
		})
	}
	if !c.all() {
		page.Mark("data-widget-font", "fetching")
	}
}

// lacks reports whether f, or l, the layout the widget is moving to, draws
// a glyph the font does not have yet: the first frames of a step still
// show only the scene it leaves, and are held too, so a step never stops
// half way.
func (c *FontChunks) lacks(f *frame.List, l *layout.Layout) bool {
	for i := range f.Ops {
		if op := &f.Ops[i]; op.Kind == frame.Text && !c.has(op.Text, op.Font) {
			return true
		}
	}
	for i := range l.Runs {
		if r := &l.Runs[i]; !c.has(r.Text, r.Weight) {
			return true
		}
	}
	for i := range l.Controls {
		if !c.has(l.Controls[i].Text, frame.Bold) {
			return true
		}
	}
	return false
}

// has reports whether the font has every glyph s draws in weight w.
func (c *FontChunks) has(s string, w frame.Weight) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.IsControl(r) && r != '\u200b' && !c.own(r, w) {
			return false
		}
	}
	return true
}

// FontsLater hands the chunks to the game: with zh (a Chinese start, its
// scene's chunks merged) the others are asked for after the first frame;
// otherwise Chinese is held until the reader asks for it and every chunk
// has arrived.
func (g *Game) FontsLater(c *FontChunks, zh bool) {
	g.fonts = c
	if c.all() {
		page.Mark("data-widget-font", "zh")
		return
	}
	ebiten.SetScreenClearedEveryFrame(false) // a frame not drawn keeps the last one (the backend fills every frame it draws)
	g.glyphs = ownGlyphs{g.glyphs, c}
	g.restLater = zh
	if !zh {
		g.w.Hold(layout.Zh, func(layout.Lang) { c.ask(false, g.wake) })
	}
}

// holdFrame reports whether the frame f must wait for glyphs (see above),
// asking for them if no fetch is under way.
func (g *Game) holdFrame(f *frame.List) bool {
	c := g.fonts
	// The English view has all its glyphs in the base (build/fontsubset;
	// wasm/layout's tests), so only Chinese frames are checked, and only
	// until the last chunk is in.
	if c == nil || g.w.Lang() != layout.Zh || c.all() || !c.lacks(f, g.w.Layout()) {
		return false
	}
	c.ask(false, g.wake)
	return true
}

// takeFont merges the chunks that have arrived; with the last, Chinese is
// released.
func (g *Game) takeFont() {
	c := g.fonts
	for {
		var r chunkResult
		select {
		case r = <-c.got:
		default:
			return
		}
		c.asked[r.i] = false
		err := r.err
		if err == nil {
			err = c.add(r.b)
		}
		if err != nil {
			page.Mark("data-widget-font", "failed")
			if g.w.Lang() == layout.Zh { // a chunk after a Chinese start: what needs it waits, the next need asks again
				page.Notice("部分中文字体无法载入，稍后重试 · Part of the Chinese text could not be loaded (" + err.Error() + "); what needs it waits, and the next step tries again.")
				continue
			}
			page.Notice("中文字体无法载入，仍显示英文 · The Chinese text could not be loaded (" + err.Error() + "); the graphic stays in English. Try the language switch again.")
			if _, asked := g.w.Asked(); asked {
				g.w.SetLang(g.w.Lang()) // withdraw the ask: the next one fetches again
			}
			continue
		}
		c.merged[r.i] = true
		if g.w.Lang() == layout.Zh {
			// A Chinese layout made before (a scene held for its glyphs) measured
			// the missing ones with a fallback advance: the same em for CJK, not
			// for the odd dash. Lay out again.
			g.screen = layout.Screen{}
		}
		if c.all() {
			page.Mark("data-widget-font", "zh")
			ebiten.SetScreenClearedEveryFrame(true)
			g.w.Release(layout.Zh)
		}
	}
}

// ownGlyphs rasterises ahead (warm) only the glyphs the font has, so
// laying out a scene whose chunk is still coming draws no hollow box into
// the cache (nor counts one).
type ownGlyphs struct {
	frame.GlyphSource
	c *FontChunks
}

func (o ownGlyphs) Glyph(r rune, w frame.Weight, size float64) (*image.Alpha, image.Point, float64, bool) {
	if !o.c.all() && !o.c.own(r, w) {
		return nil, image.Point{}, 0, false
	}
	return o.GlyphSource.Glyph(r, w, size)
}

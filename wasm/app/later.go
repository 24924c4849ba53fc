//go:build js && wasm

package app

import (
	"image"
	"time"

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
// draws a hollow box or a bold word in the regular weight. While a frame
// is held the core's clock stands still (Update), so a transition starts
// when its first frame can be drawn and plays whole. An export that would
// draw a missing glyph waits for the chunks (ExportGlyphs). A failed fetch
// leaves the widget as it was, says so, and the next need tries again.

// exportWait bounds how long an export waits for the Chinese glyphs: the
// reader is told it failed rather than left waiting.
const exportWait = 20 * time.Second

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
		g.w.Hold(layout.Zh, func(layout.Lang) { g.askFonts(false) })
	}
}

// askFonts asks for every chunk not merged nor under way (later: at idle).
func (g *Game) askFonts(later bool) {
	g.fonts.ask(later, g.wake)
	if !g.fonts.all() {
		page.Mark("data-widget-font", "fetching")
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
	g.askFonts(false)
	return true
}

// waiting reports whether this Update's frame will be held: the last one
// was, or the layout the widget moves to lacks glyphs (a step just asked
// for, whose first frame is drawn after this Update).
func (g *Game) waiting() bool {
	if g.held {
		return true
	}
	c := g.fonts
	return c != nil && g.w.Lang() == layout.Zh && !c.all() && c.lacks(&frame.List{}, g.w.Layout())
}

// takeFont merges the chunks that have arrived and answers the exports
// waiting for them; with the last, Chinese is released.
func (g *Game) takeFont() {
	for _, r := range g.fonts.take(time.Now()) {
		if err := r.err; err != nil {
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
		g.held = false // the next Draw decides again, and this Update may tick
		if g.w.Lang() == layout.Zh {
			// A Chinese layout made before (a scene held for its glyphs) measured
			// the missing ones with a fallback advance: the same em for CJK, not
			// for the odd dash. Lay out again.
			g.screen = layout.Screen{}
		}
		if g.fonts.all() {
			page.Mark("data-widget-font", "zh")
			ebiten.SetScreenClearedEveryFrame(true)
			g.w.Release(layout.Zh)
		}
	}
}

// ExportGlyphs is what the exports (page.Exports) ask before they draw:
// whether a frame lacks glyphs, and a wait for them.
func (g *Game) ExportGlyphs() page.Glyphs { return exportGlyphs{g} }

type exportGlyphs struct{ g *Game }

func (e exportGlyphs) Lacks(f *frame.List) bool {
	c := e.g.fonts
	return c != nil && !c.all() && c.lacks(f, nil)
}

// Await fetches every chunk now and calls done between frames (takeFont)
// once they are merged, one failed, or exportWait is up; the timer wakes
// a frame even at rest (frames.js holds Go's timers then).
func (e exportGlyphs) Await(done func(error)) {
	g := e.g
	g.fonts.Await(time.Now(), exportWait, done, g.wake)
	if !g.fonts.all() {
		page.Mark("data-widget-font", "fetching")
		time.AfterFunc(exportWait, g.wake)
		page.WakeIn(exportWait)
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

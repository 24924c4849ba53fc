//go:build js && wasm

package app

import (
	"math"

	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/widget"
)

// Laying a scene out is the most expensive part of a step (wasm/widget,
// ahead.go), and rasterising its new glyphs the most expensive part of the
// step's first frame. When the widget comes to rest, the scenes one step
// either way are laid out, and their glyphs rasterised, in a goroutine, which on js/wasm runs once the frame's
// Update and Draw have returned and the loop waits for the next animation
// frame: the work falls between frames, while nothing moves. Input
// (perform, which runs outside Update) and Update take the results; a
// result for another screen or language is dropped.

// layAhead starts laying out the scenes next to the current one.
func (g *Game) layAhead() {
	jobs := g.w.Ahead()
	if len(jobs) == 0 {
		return
	}
	if g.laid == nil {
		g.laid = make(chan widget.Laid, 4)
	}
	out, glyphs := g.laid, g.glyphs
	go func() {
		for _, j := range jobs {
			l := j.Run()
			warm(glyphs, l)
			select {
			case out <- l:
			default: // Update has not taken the last ones yet: skip
			}
		}
	}()
}

// keepAhead hands finished layouts to the widget.
func (g *Game) keepAhead() {
	for {
		select {
		case l := <-g.laid:
			g.w.Keep(l)
		default:
			return
		}
	}
}

// warm rasterises the glyphs of l's texts into the font's cache (package
// text keeps them), at the quarter-pixel sizes the renderer asks for, so
// the first frame of a step only uploads them.
func warm(g frame.GlyphSource, l widget.Laid) {
	l.Texts(func(s string, size float64, w frame.Weight) {
		size = math.Round(size*4) / 4
		for _, r := range s {
			g.Glyph(r, w, size)
		}
	})
}

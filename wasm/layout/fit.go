package layout

import (
	"github.com/parallel-lines/widget/wasm/frame"
)

// Every piece of text is fitted into a slot: a box that the layout has given
// it and no one else. Slots never overlap, so text never does, whatever the
// screen. Text is never cut: when it is too big for its slot, later pieces
// are dropped first, and a first piece that still does not fit, in height
// or because one of its words is wider than the slot, is not drawn at all;
// the element stays reachable by its marker, its card and the text
// alternative.

// piece is one block of text to fit.
type piece struct {
	s    string
	size float64
	w    frame.Weight
	role Role
	lang Lang
}

// VAlign is how a block stands in its slot's height.
type VAlign uint8

const (
	Top VAlign = iota
	Middle
	Bottom
)

const pieceGap = 2 // between pieces, in reference pixels

// wrapped is a piece broken into the lines that will be drawn.
type wrapped struct {
	piece
	lines []string
}

func blockHeight(ws []wrapped, gap float64) float64 {
	h := 0.0
	for i, w := range ws {
		if i > 0 {
			h += gap
		}
		h += float64(len(w.lines)-1)*w.size*lineGap + (ascent+descent)*w.size
	}
	return h
}

// fit places as much of pieces as fits in slot and returns the box it used
// (zero if nothing fitted).
func (p *placer) fit(owner string, slot Rect, align Align, valign VAlign, pieces ...piece) Rect {
	if slot.W <= 0 || slot.H <= 0 {
		return Rect{}
	}
	gap := pieceGap * p.u
	var ws []wrapped
	for _, pc := range pieces {
		pc.w = pc.lang.Set(pc.w)
		if pc.s == "" {
			continue
		}
		ws = append(ws, wrapped{pc, p.m.Wrap(pc.s, pc.size, pc.w, slot.W)})
	}
	for len(ws) > 1 && (blockHeight(ws, gap) > slot.H || !p.fitsWidth(ws[len(ws)-1].lines, ws[len(ws)-1].size, ws[len(ws)-1].w, slot.W)) {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 || blockHeight(ws, gap) > slot.H+0.5 || !p.fitsWidth(ws[0].lines, ws[0].size, ws[0].w, slot.W) {
		return Rect{}
	}
	h := blockHeight(ws, gap)
	y := slot.Y
	switch valign {
	case Middle:
		y += (slot.H - h) / 2
	case Bottom:
		y += slot.H - h
	}
	// Lay the block out first; it goes in only whole, on the canvas and
	// clear of every run already placed (the slots of a form may meet on a
	// cramped screen: then the later text is left to its card).
	var runs []Run
	for i, w := range ws {
		if i > 0 {
			y += gap
		}
		for j, line := range w.lines {
			if line == "" {
				continue
			}
			base := y + ascent*w.size + float64(j)*w.size*lineGap
			adv := p.m.Advance(line, w.size, w.w)
			left := slot.X
			switch align {
			case Center:
				left = slot.X + (slot.W-adv)/2
			case Right:
				left = slot.X + slot.W - adv
			}
			runs = append(runs, Run{
				Text: line, At: frame.Point{X: float32(left), Y: float32(base)},
				Size: w.size, Weight: w.w, Role: w.role, Lang: w.lang, Owner: owner, Emphasis: p.emph[owner],
				Box: Rect{X: left, Y: base - ascent*w.size, W: adv, H: (ascent + descent) * w.size},
			})
		}
		y += float64(len(w.lines)-1)*w.size*lineGap + (ascent+descent)*w.size
	}
	canvas := Rect{0, 0, float64(p.scr.W), float64(p.scr.H)}
	if st := p.out.Stage; st.H > 0 && !p.chrome {
		canvas.H = st.Y + st.H // the stage's text keeps off the controls
	}
	for _, r := range runs {
		if !r.Box.Inside(canvas) {
			return Rect{}
		}
		for _, o := range p.out.Runs {
			if r.Box.Overlaps(o.Box) {
				return Rect{}
			}
		}
	}
	p.blocks++
	used := Rect{}
	for _, r := range runs {
		r.block = p.blocks
		p.out.Runs = append(p.out.Runs, r)
		used = used.Union(r.Box)
	}
	return used
}

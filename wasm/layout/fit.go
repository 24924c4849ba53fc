package layout

import (
	"strings"

	"github.com/parallel-lines/widget/wasm/frame"
)

// Every piece of text is fitted into a slot: a box that the layout has given
// it and no one else. Slots never overlap, so text never does, whatever the
// screen. When text is too big for its slot it gives way in a fixed order:
// later pieces (a second-language name) are dropped first, then the first
// piece loses lines, the last one kept ending in an ellipsis; a slot too
// small for a single line shows nothing, and the element stays reachable by
// its marker, its card and the text alternative.

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
		if pc.s == "" {
			continue
		}
		ws = append(ws, wrapped{pc, p.m.Wrap(pc.s, pc.size, pc.w, slot.W)})
	}
	for len(ws) > 1 && blockHeight(ws, gap) > slot.H {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return Rect{}
	}
	if blockHeight(ws, gap) > slot.H {
		first := &ws[0]
		keep := int((slot.H-(ascent+descent)*first.size)/(first.size*lineGap)) + 1
		if keep < 1 || (ascent+descent)*first.size > slot.H {
			return Rect{}
		}
		rest := strings.Join(first.lines[keep-1:], joiner(first.lines))
		first.lines = append(first.lines[:keep-1:keep-1], rest)
	}
	h := blockHeight(ws, gap)
	y := slot.Y
	switch valign {
	case Middle:
		y += (slot.H - h) / 2
	case Bottom:
		y += slot.H - h
	}
	used := Rect{}
	for i, w := range ws {
		if i > 0 {
			y += gap
		}
		for j, line := range w.lines {
			line = p.clip(line, w.size, w.w, slot.W)
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
			p.line(line, left, base, w.size, w.w, w.role, owner, p.emph[owner])
			p.out.Runs[len(p.out.Runs)-1].Lang = w.lang
			used = used.Union(p.out.Runs[len(p.out.Runs)-1].Box)
		}
		y += float64(len(w.lines)-1)*w.size*lineGap + (ascent+descent)*w.size
	}
	return used
}

// joiner is how wrapped lines rejoin: with a space for words, nothing for
// CJK.
func joiner(lines []string) string {
	if len(lines) > 0 && strings.Contains(lines[0], " ") {
		return " "
	}
	return ""
}

package layout

import (
	"math"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// The tall composition, for portrait screens: the lines run down the stage,
// US on the left and China on the right, their names over their top ends,
// so that on a phone each line has the screen's long side to take its
// shape and the band between them is a column the story reads down. Text
// stays horizontal; a row across the band reads "US value | China value",
// each by its own line.

// tallInset is how far each line stands inside the stage's edge, leaving
// room for a marker on it.
const tallInset = 10

// spineTall sets the lines straight down the stage, under their names.
// Forms bend them from here.
func (p *placer) spineTall() {
	u, st := p.u, p.out.Stage
	p.placed = map[string]bool{}
	hh := (ascent + descent) * headingSize * u
	p.y0 = st.Y + hh + 12*u
	p.y1 = st.Y + st.H - 4*u
	p.xUS, p.xCN = st.X+tallInset*u, st.X+st.W-tallInset*u
	// The wide fields still describe the stage, for helpers that read them.
	p.x0, p.x1 = st.X, st.X+st.W
	p.yUS, p.yCN = p.y0, p.y1
	for side := range 2 {
		x := p.xUS
		if side == 1 {
			x = p.xCN
		}
		p.lines[side] = []frame.Point{pt(x, p.y0), pt(x, p.y1)}
		p.alpha[side] = 1
		p.width[side] = 4 * u
	}
	for _, l := range p.lineData() {
		p.placed[l.ID] = true
	}
}

// xAt is where a line's polyline (top to bottom) stands across at height y.
func xAt(pts []frame.Point, y float64) float64 { return along(pts, y, true) }

// contrastRows stands the contrasts as rows down the band between top and
// bottom: each row's topic across the band, and under it the US value by
// the US line (left) and the China value by China's (right) in as many as
// maxLines lines, each half measured inside its line over the row's whole
// height (so a slanted or stepped line never runs through its value), with
// a tick on each line at the row. With minLines > 0 and too little room for
// every row's values in that many lines, the first rows keep theirs and
// the rest go whole to the card, as does a value that does not fit. It
// returns the rows' boxes.
func (p *placer) contrastRows(ids []string, top, bottom float64, minLines, maxLines int) []Rect {
	u := p.u
	var rows []string
	for _, id := range ids {
		if e, ok := p.s.Find(id); ok && e.Kind == data.KindContrast {
			rows = append(rows, id)
		}
	}
	if len(rows) == 0 || bottom <= top {
		return nil
	}
	lh := (ascent + descent) * labelSize * u
	// With too little room for each row's values in minLines lines, the
	// first rows keep theirs and the rest are left, whole, to the card.
	if minLines > 0 {
		need := 2*lh + 12*u + float64(minLines-1)*labelSize*u*lineGap + lh
		if k := int((bottom - top) / need); k < len(rows) {
			rows = rows[:max(k, 1)]
		}
	}
	rh := (bottom - top) / float64(len(rows))
	var out []Rect
	for i, id := range rows {
		c := p.s.Contrasts[p.mustFind(id).Index]
		y := top + float64(i)*rh
		gap := p.tickClear()
		ux := math.Max(xAt(p.lines[0], y+2*u), xAt(p.lines[0], y+rh-2*u)) + gap
		cx := math.Min(xAt(p.lines[1], y+2*u), xAt(p.lines[1], y+rh-2*u)) - gap
		mid := (ux + cx) / 2
		p.node(id, LooseItem, 0, mid, y+lh/2, NoMarker)
		t := p.label(id, Rect{ux, y, cx - ux, 2*lh + 2*u}, Center, Top, p.small(p.lang.Pick(c.Topic), frame.Bold, Primary))
		vy := y + math.Max(t.H, lh) + 4*u
		vh := math.Min(rh-(vy-y)-8*u, float64(maxLines-1)*labelSize*u*lineGap+lh+1)
		// The halves share the row: a value that fits on one line in half
		// of it leaves the rest to the other side's.
		total := cx - ux - 12*u
		hu, hc := total/2, total/2
		us, cn := p.lang.Pick(c.US), p.lang.Pick(c.CN)
		if a := p.m.Advance(us, labelSize*u, frame.Regular) + 2; a < hu {
			hu, hc = a, total-a
		} else if a := p.m.Advance(cn, labelSize*u, frame.Regular) + 2; a < hc {
			hu, hc = total-a, a
		}
		p.label(id, Rect{ux, vy, hu, vh}, Left, Top, p.small(us, frame.Regular, Label))
		p.label(id, Rect{cx - hc, vy, hc, vh}, Right, Top, p.small(cn, frame.Regular, Label))
		ty := vy + lh/2
		xu, xc := xAt(p.lines[0], ty), xAt(p.lines[1], ty)
		p.stroke("tick-us-"+id, id, ToneUS, 2*u, pt(xu-5*u, ty), pt(xu+5*u, ty))
		p.stroke("tick-cn-"+id, id, ToneCN, 2*u, pt(xc-5*u, ty), pt(xc+5*u, ty))
		out = append(out, Rect{ux, y, cx - ux, rh})
	}
	return out
}

// mustFind is s.Find for an id the caller has already seen in the story.
func (p *placer) mustFind(id string) data.Element {
	e, _ := p.s.Find(id)
	return e
}

// chipsDown stacks market chips down the band between top and bottom, one
// per row and centred as a group, each as wide as the band allows up to
// width; it returns their boxes.
func (p *placer) chipsDown(ids []string, top, bottom, width float64) []Rect {
	u := p.u
	b := p.band()
	n := len(ids)
	if n == 0 || bottom <= top {
		return nil
	}
	lh := (ascent + descent) * labelSize * u
	ch := math.Min(2*lh+14*u, (bottom-top)/float64(n)-10*u)
	// The chips keep together as one group, centred in their room.
	step := math.Min((bottom-top)/float64(n), ch+28*u)
	top += (bottom - top - step*float64(n)) / 2
	w := math.Min(width, b.W)
	var out []Rect
	for i, id := range ids {
		name, ok := p.chipName(id)
		if !ok {
			continue
		}
		box := Rect{b.X + (b.W-w)/2, top + float64(i)*step + (step-ch)/2, w, ch}
		p.chip(id, name, box)
		out = append(out, box)
	}
	return out
}

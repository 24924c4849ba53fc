package layout

import (
	"math"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// formVanishing: the US line runs into perspective and converges on one
// point at its far end, where the first annotation names the goal; the
// contrasts stand in columns along the spine, each side's value by its own
// line. China's line dims.
func formVanishing(p *placer) {
	u := p.u
	p.dim(data.CN)
	b := p.band()
	vy := p.yUS + (p.yCN-p.yUS)*0.32
	vx := p.x1 - 6*u
	p.setLine(data.US, pt(p.x0, p.yUS), pt(vx, vy))
	// The perspective: a wedge narrowing to the point.
	half := 16 * u
	p.fill("wedge", "", ToneUS, 0.14, pt(p.x0, p.yUS-half), pt(vx, vy), pt(p.x0, p.yUS+half))
	p.fill("point", "", ToneUS, 1, pt(vx-5*u, vy), pt(vx, vy-5*u), pt(vx+5*u, vy), pt(vx, vy+5*u))
	lh := (ascent + descent) * labelSize * u
	ids := p.marks(data.KindContrast)
	p.contrastColumnsDeep(ids, func(x float64) float64 { return b.Y + b.H*0.62 }, 4)
	// The point's annotation, under it in the band's right end.
	a := pt(vx, vy)
	w := (p.x1 - p.x0) / float64(max(len(ids), 1))
	p.note(0, Rect{p.x1 - w, vy + 8*u, w, b.Y + b.H*0.62 - 1.5*lh - vy - 12*u}, Right, Top, &a)
}

// formVanishingTall: the US line runs down the stage into perspective, a
// wedge narrowing with it to one point at its far end, where the first
// annotation names the goal; the contrasts stand as rows down the band
// above it, each side's value by its own line. China's line, straight,
// dims.
func formVanishingTall(p *placer) {
	u := p.u
	p.dim(data.CN)
	b := p.band()
	lh := (ascent + descent) * labelSize * u
	vx := p.xUS + b.W*0.16
	vy := p.y1 - 1.5*lh
	p.setLine(data.US, pt(p.xUS, p.y0), pt(vx, vy))
	half := math.Min(16*u, p.xUS-p.out.Stage.X)
	p.fill("wedge", "", ToneUS, 0.14, pt(p.xUS-half, p.y0), pt(vx, vy), pt(p.xUS+half, p.y0))
	p.fill("point", "", ToneUS, 1, pt(vx-5*u, vy), pt(vx, vy-5*u), pt(vx+5*u, vy), pt(vx, vy+5*u))
	ids := p.marks(data.KindContrast)
	p.contrastRowsDeep(ids, b.Y, vy-2*lh, 4, 6)
	a := pt(vx+6*u, vy)
	p.note(0, Rect{vx + 14*u, vy - 1.2*lh, p.xCN - 12*u - vx - 14*u, 2.4 * lh}, Left, Middle, &a)
}

// contrastRowsDeep is contrastRows for a tall stage with room to spare:
// each row's topic across the band, and under it the US value by the US
// line and the China value by China's in as many as maxLines lines, each
// half measured inside its line over the row's whole height (so a slanted
// or stepped line never runs through its value). A value that does not
// fit is left to the card. It returns the rows' boxes.
func (p *placer) contrastRowsDeep(ids []string, top, bottom float64, minLines, maxLines int) []Rect {
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
		ux := math.Max(xAt(p.lines[0], y+2*u), xAt(p.lines[0], y+rh-2*u)) + 10*u
		cx := math.Min(xAt(p.lines[1], y+2*u), xAt(p.lines[1], y+rh-2*u)) - 10*u
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

// contrastColumnsDeep is contrastColumns with room for values of up to
// lines lines where the zones allow: the vanishing line leaves the US zone
// deep at its far end and the China zone under the straight line, so
// each row's China value stands by the China line rather than in the card.
func (p *placer) contrastColumnsDeep(ids []string, topicY func(x float64) float64, lines int) {
	u := p.u
	n := len(ids)
	if n == 0 {
		return
	}
	cw := (p.x1 - p.x0) / float64(n)
	zu, zc := p.zoneUS(), p.zoneCN()
	for i, id := range ids {
		e, ok := p.s.Find(id)
		if !ok || e.Kind != data.KindContrast {
			continue
		}
		c := p.s.Contrasts[e.Index]
		x := p.x0 + float64(i)*cw
		cx := x + cw/2
		ty := topicY(cx)
		lh := (ascent + descent) * labelSize * u
		p.node(id, LooseItem, 0, cx, ty, NoMarker)
		p.label(id, Rect{x + 4*u, ty - lh*1.5, cw - 8*u, 3*lh + 4*u}, Center, Middle, p.small(p.lang.Pick(c.Topic), frame.Bold, Primary))
		uy := yAt(p.lines[0], cx)
		cy := yAt(p.lines[1], cx)
		vh := float64(lines-1)*labelSize*u*lineGap + lh + 1
		// The US value keeps clear of its line over the column's width:
		// the line slants.
		ub := min(yAt(p.lines[0], x+4*u), yAt(p.lines[0], x+cw-4*u)) - 10*u
		top := max(zu.Y, ub-vh)
		p.label(id, Rect{x + 4*u, top, cw - 8*u, ub - top}, Center, Bottom, p.small(p.lang.Pick(c.US), frame.Regular, Label))
		p.label(id, Rect{x + 4*u, cy + 10*u, cw - 8*u, min(zc.Y+zc.H-cy-10*u, vh)}, Center, Top, p.small(p.lang.Pick(c.CN), frame.Regular, Label))
		p.stroke("tick-us-"+id, id, ToneUS, 2*u, pt(cx, uy-5*u), pt(cx, uy+5*u))
		p.stroke("tick-cn-"+id, id, ToneCN, 2*u, pt(cx, cy-5*u), pt(cx, cy+5*u))
	}
}

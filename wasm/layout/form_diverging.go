package layout

import (
	"github.com/parallel-lines/widget/data"
)

// formDiverging: the lines separate, the gap widening to the right. The
// marks (supply relations from US firms into China) are arrows that thin
// as they go and stop at a bar short of China's line; a China arrow stops
// at a bar short of the US line; China's home market is a shaded area, its
// "base area", on its side.
func formDiverging(p *placer) {
	u := p.u
	b := p.band()
	mid := b.Y + b.H/2
	g0 := minGap * u * 1.6
	p.setLine(data.US, pt(p.x0, mid-g0), pt(p.x0+(p.x1-p.x0)*0.25, mid-g0), pt(p.x1, p.yUS-b.H*0.1))
	p.setLine(data.CN, pt(p.x0, mid+g0), pt(p.x0+(p.x1-p.x0)*0.25, mid+g0), pt(p.x1, p.yCN+b.H*0.1))
	us, cn := p.lines[0], p.lines[1]
	lh := (ascent + descent) * labelSize * u
	// The base area: under China's line, right half, to the stage's foot.
	st := p.out.Stage
	foot := st.Y + st.H - 4*u
	x0 := p.x0 + (p.x1-p.x0)*0.5
	p.fill("base-area", "", ToneCN, 0.12, pt(x0, yAt(cn, x0)+6*u), pt(p.x1, yAt(cn, p.x1)+6*u), pt(p.x1, foot), pt(x0, foot))
	// US firms' arrows into China, thinning, blocked before the line.
	rels := p.marks(data.KindRelation)
	for i, id := range rels {
		e, ok := p.s.Find(id)
		if !ok || e.Kind != data.KindRelation {
			continue
		}
		r := p.s.Relations[e.Index]
		x := p.x0 + (p.x1-p.x0)*(0.45+0.14*float64(i))
		ya, yc := yAt(us, x), yAt(cn, x)
		p.node(r.From, ActorItem, data.US, x, ya, Dot)
		stop := ya + (yc-ya)*0.62
		seg := (stop - ya - 8*u) / 3
		for k := range 3 {
			w := (3.5 - float64(k)) * u
			p.stroke(id+"-"+string(rune('a'+k)), id, ToneUS, w, pt(x, ya+8*u+seg*float64(k)), pt(x, ya+8*u+seg*float64(k+1)))
		}
		p.stroke(id+"-bar", id, ToneInk, 2.5*u, pt(x-8*u, stop+4*u), pt(x+8*u, stop+4*u))
		p.out.Items = append(p.out.Items, Item{ID: id, Kind: LooseItem, A: pt(x, (ya+stop)/2), B: pt(x, (ya+stop)/2), R: 6 * u, Marker: NoMarker})
		// The firm's name above its dot.
		w := (p.x1 - p.x0) * 0.13
		if p.out.Portrait {
			// A phone's line climbs too steeply for a name over its dot
			// and the arrows stand too close for one between them: the
			// first firm's name stands left of its arrow, the next right,
			// under the line.
			name := p.name(p.actorName(r.From))
			nw := p.m.Advance(name.s, name.size, name.w) + 2*u
			slot, al := Rect{x - 8*u - nw, 0, nw, lh}, Right
			if i%2 == 1 {
				slot, al = Rect{x + 8*u, 0, nw, lh}, Left
			}
			slot.Y = max(ya+(stop-ya)*0.3-lh/2, yAt(us, slot.X)+8*u)
			p.label(r.From, slot, al, Middle, name)
			continue
		}
		p.label(r.From, Rect{x - w/2, ya - 10*u - 2*lh, w, 2 * lh}, Center, Bottom, p.name(p.actorName(r.From)))
	}
	// China's arrow toward the US, stopped at a bar.
	xc := p.x0 + (p.x1-p.x0)*0.3
	ya, yc := yAt(us, xc), yAt(cn, xc)
	stop := yc - (yc-ya)*0.6
	p.stroke("cn-arrow", "", ToneCN, 3*u, pt(xc, yc-8*u), pt(xc, stop))
	p.stroke("cn-bar", "", ToneInk, 2.5*u, pt(xc-8*u, stop-4*u), pt(xc+8*u, stop-4*u))
	a := pt(xc+10*u, stop)
	w := (p.x1 - p.x0) * 0.13
	p.note(1, Rect{p.x0, stop - lh, xc - p.x0 - 14*u, 2.4 * lh}, Right, Top, &a)
	// The base area's name inside it.
	p.note(0, Rect{x0 + 8*u, foot - 2.4*lh - 6*u, p.x1 - x0 - 16*u, 2.4 * lh}, Right, Bottom, nil)
	_ = w
}

// formDivergingTall: the lines come down the phone close together, run
// side by side for a while, then separate, the gap widening to the foot.
// The US firms' arrows (the marks) leave the US line across the band
// toward China, thinning as they go, and stop at a bar short of China's
// line; a China arrow stops at a bar short of the US line, the second
// annotation under it; China's home market is a shaded area outside its
// line, its "base area", named inside it.
func formDivergingTall(p *placer) {
	u := p.u
	st := p.out.Stage
	lh := (ascent + descent) * labelSize * u
	mid := st.X + st.W/2
	g0 := minGap * u * 1.6
	h := p.y1 - p.y0
	yAtT := func(t float64) float64 { return p.y0 + h*t }
	cnEnd := st.X + st.W*0.74
	p.setLine(data.US, pt(mid-g0, p.y0), pt(mid-g0, yAtT(0.25)), pt(p.xUS, p.y1))
	p.setLine(data.CN, pt(mid+g0, p.y0), pt(mid+g0, yAtT(0.25)), pt(cnEnd, p.y1))
	us, cn := p.lines[0], p.lines[1]
	// The base area: outside China's line, from the middle to the foot.
	ya := yAtT(0.45)
	edge := st.X + st.W
	p.fill("base-area", "", ToneCN, 0.12, pt(xAt(cn, ya)+6*u, ya), pt(edge, ya), pt(edge, p.y1), pt(cnEnd+6*u, p.y1))
	// The US firms' arrows toward China, thinning, blocked before its line.
	rels := p.marks(data.KindRelation)
	for i, id := range rels {
		e, ok := p.s.Find(id)
		if !ok || e.Kind != data.KindRelation {
			continue
		}
		r := p.s.Relations[e.Index]
		y := yAtT(0.5 + 0.18*float64(i))
		xa, xc := xAt(us, y), xAt(cn, y)
		p.node(r.From, ActorItem, data.US, xa, y, Dot)
		stop := xa + (xc-xa)*0.62
		seg := (stop - xa - 8*u) / 3
		for k := range 3 {
			w := (3.5 - float64(k)) * u
			p.stroke(id+"-"+string(rune('a'+k)), id, ToneUS, w, pt(xa+8*u+seg*float64(k), y), pt(xa+8*u+seg*float64(k+1), y))
		}
		p.stroke(id+"-bar", id, ToneInk, 2.5*u, pt(stop+4*u, y-8*u), pt(stop+4*u, y+8*u))
		p.out.Items = append(p.out.Items, Item{ID: id, Kind: LooseItem, A: pt((xa+stop)/2, y), B: pt((xa+stop)/2, y), R: 6 * u, Marker: NoMarker})
		// The firm's name over its arrow, clear of the line above it.
		ny := y - 10*u - lh
		nx := xAt(us, ny) + 10*u
		p.label(r.From, Rect{nx, ny, stop - nx, lh}, Left, Middle, p.name(p.actorName(r.From)))
	}
	// China's arrow toward the US, stopped at a bar, high where the lines
	// have only begun to part.
	yc := yAtT(0.32)
	xa, xc := xAt(us, yc), xAt(cn, yc)
	stop := xc - (xc-xa)*0.6
	p.stroke("cn-arrow", "", ToneCN, 3*u, pt(xc-8*u, yc), pt(stop, yc))
	p.stroke("cn-bar", "", ToneInk, 2.5*u, pt(stop-4*u, yc-8*u), pt(stop-4*u, yc+8*u))
	a := pt(stop-4*u, yc+10*u)
	// Its annotation under it, across the band as it widens.
	ny := yc + 16*u
	nx := xAt(us, ny+3.6*lh) + 10*u
	nr := xAt(cn, ny) - 10*u
	p.note(1, Rect{nx, ny, nr - nx, 3.6 * lh}, Center, Top, &a)
	// The base area's name inside it, near its top.
	bx := xAt(cn, ya+2.4*lh) + 12*u
	p.note(0, Rect{bx, ya + 8*u, edge - 2*u - bx, 2.4 * lh}, Right, Top, nil)
}

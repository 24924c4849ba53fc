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

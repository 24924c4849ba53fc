package layout

import (
	"math"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// formArrows: each shift (a logic step of kind shift) is one large arrow
// across the band, its old criterion muted at the tail and the new one in
// ink at the head. The US line dims.
func formArrows(p *placer) {
	u := p.u
	p.dim(data.US)
	ids := p.marks(data.KindLogic)
	b := p.band()
	n := max(len(ids), 1)
	rowH := b.H / float64(n)
	lh := (ascent + descent) * labelSize * u
	colW := (p.x1 - p.x0) * 0.36
	for i, id := range ids {
		e, ok := p.s.Find(id)
		if !ok || e.Kind != data.KindLogic {
			continue
		}
		g := p.s.Logic[e.Index]
		y := b.Y + rowH*(float64(i)+0.5)
		from := piece{p.lang.Pick(g.From), dekSize * u, frame.Regular, Secondary, p.lang}
		to := piece{p.lang.Pick(g.To), dekSize * u, frame.Bold, Label, p.lang}
		h := math.Min(rowH-4*u, 3*lh)
		l := p.label(id, Rect{p.x0, y - h/2, colW, h}, Right, Middle, from)
		r := p.label(id, Rect{p.x1 - colW, y - h/2, colW, h}, Left, Middle, to)
		ax0, ax1 := p.x0+colW+12*u, p.x1-colW-12*u
		if l.H > 0 {
			ax0 = l.X + l.W + 12*u
		}
		if r.H > 0 {
			ax1 = r.X - 12*u
		}
		if ax1-ax0 < 20*u {
			continue
		}
		p.stroke("shaft-"+id, id, ToneCN, 4*u, pt(ax0, y), pt(ax1-10*u, y))
		p.arrowHead("head-"+id, id, ToneCN, pt(ax0, y), pt(ax1, y), 12*u)
		p.out.Items = append(p.out.Items, Item{ID: id, Kind: LooseItem, A: pt((ax0+ax1)/2, y), B: pt((ax0+ax1)/2, y), R: 6 * u, Marker: NoMarker})
	}
	_ = frame.Bold
}

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

// formArrowsTall: the shifts read down the band, one after another: each
// old criterion muted over a large arrow pointing down to the new one in
// ink, so that the column is a sequence of "from, then to". The US line
// dims.
func formArrowsTall(p *placer) {
	u := p.u
	p.dim(data.US)
	ids := p.marks(data.KindLogic)
	b := p.band()
	n := max(len(ids), 1)
	rowH := min(b.H/float64(n), 190*u) // a sequence, kept together on a tall screen
	y0 := b.Y + (b.H-rowH*float64(n))/2
	w := b.W - 8*u
	x := b.X + 4*u
	for i, id := range ids {
		e, ok := p.s.Find(id)
		if !ok || e.Kind != data.KindLogic {
			continue
		}
		g := p.s.Logic[e.Index]
		from := p.lang.Pick(g.From)
		to := p.lang.Pick(g.To)
		fh := min(p.measuredHeight(from, dekSize*u, frame.Regular, w), 2*dekSize*u*lineGap+1)
		th := min(p.measuredHeight(to, dekSize*u, frame.Bold, w), 2*dekSize*u*lineGap+1)
		arrow := clamp(rowH-fh-th-40*u, 28*u, 72*u)
		h := fh + th + arrow + 20*u
		top := y0 + float64(i)*rowH + max(0, (rowH-h)/2)
		l := p.label(id, Rect{x, top, w, fh + 1}, Center, Top, piece{from, dekSize * u, frame.Regular, Secondary, p.lang})
		ay0 := top + fh + 10*u
		ay1 := ay0 + arrow
		r := p.label(id, Rect{x, ay1 + 10*u, w, th + 1}, Center, Top, piece{to, dekSize * u, frame.Bold, Label, p.lang})
		if l.H == 0 && r.H == 0 {
			continue
		}
		cx := b.X + b.W/2
		p.stroke("shaft-"+id, id, ToneCN, 6*u, pt(cx, ay0), pt(cx, ay1-14*u))
		p.arrowHead("head-"+id, id, ToneCN, pt(cx, ay0), pt(cx, ay1), 16*u)
		p.out.Items = append(p.out.Items, Item{ID: id, Kind: LooseItem, A: pt(cx, (ay0+ay1)/2), B: pt(cx, (ay0+ay1)/2), R: 6 * u, Marker: NoMarker})
	}
}

// measuredHeight is the height of s wrapped at width in size and weight.
func (p *placer) measuredHeight(s string, size float64, w frame.Weight, width float64) float64 {
	k := len(p.m.Wrap(s, size, w, width))
	if k == 0 {
		return 0
	}
	return float64(k-1)*size*lineGap + (ascent+descent)*size
}

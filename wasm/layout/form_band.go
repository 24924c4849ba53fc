package layout

import "github.com/parallel-lines/widget/data"

// formBand: the two lines straight across, the markets as chips in the band
// between them; the annotations stand at the lines' right ends.
func formBand(p *placer) {
	u := p.u
	b := p.band()
	p.chips(p.marks(data.KindMarket), b.Y+b.H/2)
	zu, zc := p.zoneUS(), p.zoneCN()
	w := (p.x1 - p.x0) * 0.5
	if p.out.Portrait {
		w = p.x1 - p.x0
	}
	a := pt(p.x1-w/2, p.yUS)
	p.note(0, Rect{p.x1 - w, zu.Y, w, zu.H - 4*u}, Right, Bottom, &a)
	c := pt(p.x1-w/2, p.yCN)
	p.note(1, Rect{p.x1 - w, zc.Y + 4*u, w, zc.H - 4*u}, Right, Top, &c)
}

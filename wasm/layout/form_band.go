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

// formBandTall: the lines straight down, the markets stacked in the middle
// of the band; the first annotation by the US line over them, the second
// by China's under them.
func formBandTall(p *placer) {
	u := p.u
	b := p.band()
	lh := (ascent + descent) * labelSize * u
	room := 3.2 * lh // each annotation's share of the band's height
	boxes := p.chipsDown(p.marks(data.KindMarket), b.Y+room+12*u, b.Y+b.H-room-12*u, 180*u)
	if len(boxes) == 0 {
		return
	}
	w := b.W * 0.7
	a := pt(p.xUS, b.Y+room/2)
	p.note(0, Rect{b.X, b.Y, w, room}, Left, Middle, &a)
	c := pt(p.xCN, b.Y+b.H-room/2)
	p.note(1, Rect{b.X + b.W - w, b.Y + b.H - room, w, room}, Right, Middle, &c)
}

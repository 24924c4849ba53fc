package layout

import (
	"math"

	"github.com/parallel-lines/widget/data"
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
	p.contrastColumns(ids, func(x float64) float64 { return b.Y + b.H*0.62 }, 4)
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
	p.contrastRows(ids, b.Y, vy-2*lh, 4, 6)
	a := pt(vx+6*u, vy)
	p.note(0, Rect{vx + 14*u, vy - 1.2*lh, p.xCN - 12*u - vx - 14*u, 2.4 * lh}, Left, Middle, &a)
}

package layout

import (
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// formStaircase: China's line climbs in steps, one per mark, with an egg
// (value delivered on the way) on each landing; the US line keeps level
// with a single marker at its far end, the payoff at the finish. Each
// contrast stands at its step, the US value above the US line. The US line
// dims.
func formStaircase(p *placer) {
	u := p.u
	p.dim(data.US)
	ids := p.marks(data.KindContrast)
	n := max(len(ids), 1)
	b := p.band()
	rise := b.H * 0.42
	cw := (p.x1 - p.x0) / float64(n)
	pts := []frame.Point{pt(p.x0, p.yCN)}
	for i := range n {
		y := p.yCN - rise*float64(i)/float64(max(n-1, 1))
		x := p.x0 + float64(i)*cw
		if i > 0 {
			pts = append(pts, pt(x, float64(pts[len(pts)-1].Y)), pt(x, y))
		}
		// An egg on the landing.
		ex, ey := x+cw*0.5, y-9*u
		var egg frame.Path
		egg.Circle(float32(ex), float32(ey), float32(5*u))
		p.mark(Mark{Key: "egg-" + ids[min(i, len(ids)-1)], Path: egg, Fill: true, Tone: ToneCN})
	}
	last := pts[len(pts)-1]
	pts = append(pts, pt(p.x1, float64(last.Y)))
	p.setLine(data.CN, pts...)
	// The summit marker at the US line's end.
	sx := p.x1 - 8*u
	p.fill("summit", "", ToneUS, 1, pt(sx-8*u, p.yUS+1*u), pt(sx, p.yUS-12*u), pt(sx+8*u, p.yUS+1*u))
	lh := (ascent + descent) * labelSize * u
	p.contrastColumns(ids, func(x float64) float64 {
		return yAt(pts, x) - 24*u - 1.5*lh
	})
	// The annotation by the first egg.
	a := pt(p.x0+cw*0.5, p.yCN-9*u)
	zu := p.zoneUS()
	_ = zu
	p.note(0, Rect{p.x0, p.yCN - rise*0.5 - lh*3, cw * float64(n) * 0.5, lh * 2.4}, Left, Bottom, &a)
}

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
	}, 3)
	// The annotation by the first egg.
	a := pt(p.x0+cw*0.5, p.yCN-9*u)
	zu := p.zoneUS()
	_ = zu
	p.note(0, Rect{p.x0, p.yCN - rise*0.5 - lh*3, cw * float64(n) * 0.5, lh * 2.4}, Left, Bottom, &a)
}

// formStaircaseTall: China's line comes down the stage in steps, one
// landing per contrast, each step climbing in toward the US line, with an
// egg (value delivered on the way) on the outer side of every landing; the
// US line runs straight to a single summit marker at its far end, the
// payoff at the finish. Each contrast is the row at its landing, the US
// value by the US line and China's by its step. The US line dims.
func formStaircaseTall(p *placer) {
	u := p.u
	p.dim(data.US)
	ids := p.marks(data.KindContrast)
	n := max(len(ids), 1)
	b := p.band()
	lh := (ascent + descent) * labelSize * u
	top, bottom := b.Y, p.y1-2*lh
	rh := (bottom - top) / float64(n)
	rise := b.W * 0.18
	x0 := p.xCN - 8*u
	xOf := func(i int) float64 { return x0 - rise*float64(i)/float64(max(n-1, 1)) }
	pts := []frame.Point{pt(x0, p.y0)}
	for i := range n {
		x := xOf(i)
		if i > 0 {
			y := top + float64(i)*rh
			pts = append(pts, pt(xOf(i-1), y), pt(x, y))
		}
		// An egg on the landing's outer side, where the step leaves room.
		ex, ey := x+11*u, top+float64(i)*rh+rh*0.55
		p.mark(Mark{Key: "egg-" + ids[min(i, len(ids)-1)], Path: eggPath(ex, ey, 4.5*u, 6*u), Fill: true, Tone: ToneCN})
	}
	pts = append(pts, pt(xOf(n-1), p.y1))
	p.setLine(data.CN, pts...)
	// The summit at the US line's far end.
	sx, sy := p.xUS, p.y1
	p.fill("summit", "", ToneUS, 1, pt(sx-8*u, sy+1*u), pt(sx, sy-13*u), pt(sx+8*u, sy+1*u))
	p.contrastRows(ids, top, bottom, 0, 6) // every landing keeps its row
}

// eggPath is an upright ellipse of half-width rx and half-height ry.
func eggPath(cx, cy, rx, ry float64) frame.Path {
	const k = 0.5523 // a quarter circle's control distance
	var e frame.Path
	x, y, a, b := float32(cx), float32(cy), float32(rx), float32(ry)
	e.MoveTo(x, y-b)
	e.CubeTo(x+a*k, y-b, x+a, y-b*k, x+a, y)
	e.CubeTo(x+a, y+b*k, x+a*k, y+b, x, y+b)
	e.CubeTo(x-a*k, y+b, x-a, y+b*k, x-a, y)
	e.CubeTo(x-a, y-b*k, x-a*k, y-b, x, y-b)
	e.Close()
	return e
}

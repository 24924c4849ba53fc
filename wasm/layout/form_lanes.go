package layout

import (
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// Lane names: the two capital markets the investment logic speaks of.
var laneWords = [2]data.Text{
	{Zh: "一级市场", En: "Primary market"},
	{Zh: "二级市场", En: "Secondary market"},
}

// formLanes: the band splits into two lanes that go their own ways: the
// primary market's lane narrows to a closing aperture at the right, where
// the first annotation says so; the secondary market's stays open. The US
// line dims (the scene is about China's capital).
func formLanes(p *placer) {
	u := p.u
	p.dim(data.US)
	b := p.band()
	lh := (ascent + descent) * labelSize * u
	mid := b.Y + b.H*0.5
	x0, x1 := p.x0, p.x1
	xs := x0 + (x1-x0)*0.18 // where the lanes part
	// Primary: from the full upper half to a slit.
	apY := b.Y + b.H*0.3
	ap := pt(x1-4*u, apY)
	p.fill("lane-primary", "", ToneBand, 1, pt(x0, b.Y+4*u), pt(xs, b.Y+4*u), pt(x1-4*u, apY-3*u), pt(x1-4*u, apY+3*u), pt(xs, mid-4*u), pt(x0, mid-4*u))
	p.stroke("aperture", "", ToneInk, 2.5*u, pt(x1-4*u, b.Y+4*u), pt(x1-4*u, apY-4*u))
	p.stroke("aperture-2", "", ToneInk, 2.5*u, pt(x1-4*u, apY+4*u), pt(x1-4*u, mid-4*u))
	// Secondary: open, bending down and away.
	p.fill("lane-secondary", "", ToneCN, 0.13, pt(x0, mid+4*u), pt(xs, mid+4*u), pt(x1, mid+16*u), pt(x1, b.Y+b.H-4*u), pt(x0, b.Y+b.H-4*u))
	// Lane names at the left, inside each lane.
	for i, t := range laneWords {
		y := b.Y + 8*u
		if i == 1 {
			y = mid + 10*u
			if p.out.Portrait { // the parting's note takes the lane's top on a phone
				y = b.Y + b.H - 8*u - 1.3*lh
			}
		}
		p.label("", Rect{x0 + 8*u, y, xs - x0 + (x1-xs)*0.3, 1.3 * lh}, Left, Top, piece{p.lang.Pick(t), labelSize * u, frame.Bold, Label, p.lang})
	}
	// The investors who stand in each lane, by the logic's market.
	if p.shown["primary-investors"] {
		x, y := x0+(x1-x0)*0.45, b.Y+b.H*0.28
		p.node("primary-investors", ActorItem, data.CN, x, y, Dot)
		slot, al := Rect{x + 10*u, y - lh/2, (x1 - x0) * 0.25, lh}, Left
		if p.out.Portrait { // no room beside the dot: under it
			slot, al = Rect{x - (x1-x0)*0.3, y + 10*u, (x1 - x0) * 0.6, lh}, Center
		}
		p.label("primary-investors", slot, al, Middle, p.name(p.actorName("primary-investors")))
	}
	// Annotations: the closing window by the aperture, the parting below.
	a := ap
	w := (x1 - x0) * 0.3
	p.note(0, Rect{x1 - w - 14*u, apY - 3*lh - 6*u, w, 2.4 * lh}, Right, Bottom, &a)
	s := pt(xs, mid)
	// Right of the parting, so that its leader runs clear of the lane's name.
	ny := mid + 12*u + 1.4*lh
	if p.out.Portrait {
		ny = mid + 16*u
	}
	p.note(1, Rect{xs + 14*u, ny, (x1 - x0) * 0.4, 2.4 * lh}, Left, Top, &s)
}

// formLanesTall: the band splits near its top into two lanes that run
// down the phone and go their own ways: the primary market's, on the left,
// narrows to a closing aperture at the bottom, where the first annotation
// says so; the secondary market's, by China's line, stays open and bends
// away. Each lane's investors stand in it. The US line dims.
func formLanesTall(p *placer) {
	u := p.u
	p.dim(data.US)
	b := p.band()
	lh := (ascent + descent) * labelSize * u
	left, right := b.X+4*u, b.X+b.W-4*u
	top, bottom := b.Y+4*u, b.Y+b.H-4*u
	mid := b.X + b.W*0.5
	ys := b.Y + b.H*0.2 // where the lanes part
	apX := b.X + b.W*0.28
	ap := pt(apX, bottom)
	p.fill("lane-primary", "", ToneBand, 1, pt(left, top), pt(mid-4*u, top), pt(mid-4*u, ys), pt(apX+3*u, bottom), pt(apX-3*u, bottom), pt(left, ys))
	p.stroke("aperture", "", ToneInk, 2.5*u, pt(left, bottom), pt(apX-4*u, bottom))
	p.stroke("aperture-2", "", ToneInk, 2.5*u, pt(apX+4*u, bottom), pt(mid-4*u, bottom))
	p.fill("lane-secondary", "", ToneCN, 0.13, pt(mid+4*u, top), pt(right, top), pt(right, bottom), pt(mid+26*u, bottom), pt(mid+4*u, ys))
	// Lane names at the top, inside each lane.
	w := mid - left - 12*u
	p.label("", Rect{left + 6*u, top + 6*u, w, 2.6 * lh}, Left, Top, piece{p.lang.Pick(laneWords[0]), labelSize * u, frame.Bold, Label, p.lang})
	p.label("", Rect{right - 6*u - w, top + 6*u, w, 2.6 * lh}, Right, Top, piece{p.lang.Pick(laneWords[1]), labelSize * u, frame.Bold, Label, p.lang})
	// The investors who stand in each lane, halfway down it.
	for i, id := range []string{"primary-investors", "secondary-investors"} {
		if !p.shown[id] {
			continue
		}
		x, y := b.X+b.W*0.24, b.Y+b.H*0.5
		if i == 1 {
			x = b.X + b.W*0.76
		}
		p.node(id, ActorItem, data.CN, x, y, Dot)
		sw := b.W*0.5 - 8*u
		p.label(id, Rect{x - sw/2, y + 10*u, sw, 2.4 * lh}, Center, Top, p.name(p.actorName(id)))
	}
	// Annotations: the closing window over the aperture, the parting in
	// the secondary lane just under it.
	a := ap
	nw := mid - left - 8*u
	p.note(0, Rect{left, bottom - 14*u - 2.4*lh, nw, 2.4 * lh}, Left, Bottom, &a)
	s := pt(mid, ys)
	p.note(1, Rect{mid + 16*u, ys + 10*u, right - mid - 20*u, 2.4 * lh}, Left, Top, &s)
}

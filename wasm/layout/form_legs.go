package layout

import (
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// formLegs: the secondary market stands on two legs (the marks, logic steps
// of kind leg): one reaching up to the US line (mapping its supply chain),
// one down to China's (self-reliance), each named at its foot. A bracket
// on the right carries the annotation (how long it stays strong).
func formLegs(p *placer) {
	u := p.u
	ids := p.marks(data.KindLogic)
	b := p.band()
	lh := (ascent + descent) * labelSize * u
	// A phone's own arrangement: the years' bracket on the left, where
	// the note has room beside it, so the hip, the feet and the ZTE–Oracle
	// tie move right.
	hipAt, footAt, tieAt := 0.22, 0.55, 0.8
	if p.out.Portrait {
		hipAt, footAt, tieAt = 0.4, 0.6, 0.92
	}
	tieX := p.x0 + (p.x1-p.x0)*tieAt
	hip := pt(p.x0+(p.x1-p.x0)*hipAt, b.Y+b.H/2)
	if p.shown["secondary-investors"] {
		p.node("secondary-investors", ActorItem, data.CN, float64(hip.X), float64(hip.Y), Ring)
		w := (p.x1 - p.x0) * 0.2
		p.label("secondary-investors", Rect{float64(hip.X) - w - 12*u, float64(hip.Y) - lh, w, 2 * lh}, Right, Middle, p.name(p.actorName("secondary-investors")))
	}
	for i, id := range ids {
		e, ok := p.s.Find(id)
		if !ok || e.Kind != data.KindLogic || i > 1 {
			continue
		}
		g := p.s.Logic[e.Index]
		side, tone, ly := data.US, ToneUS, p.yUS
		if i == 1 {
			side, tone, ly = data.CN, ToneCN, p.yCN
		}
		fx := p.x0 + (p.x1-p.x0)*footAt
		foot := pt(fx, ly)
		var path frame.Path
		path.MoveTo(hip.X, hip.Y)
		path.CubeTo(hip.X+(foot.X-hip.X)*0.5, hip.Y, foot.X-(foot.X-hip.X)*0.2, foot.Y, foot.X, foot.Y)
		p.mark(Mark{Key: "leg-" + id, Owner: id, Path: path, Width: 6 * u, Tone: tone})
		p.node(id, LooseItem, side, fx, ly, NoMarker)
		// The leg's name by its foot, on the band side.
		slot := Rect{fx + 12*u, ly + 6*u, min((p.x1-fx)*0.6, tieX-fx-24*u), 2.4 * lh}
		if p.out.Portrait {
			slot.W = tieX - fx - 20*u
		}
		va := Top
		if side == data.CN {
			slot.Y, va = ly-6*u-2.4*lh, Bottom
		}
		p.label(id, slot, Left, va, piece{p.lang.Pick(g.To), labelSize * u, frame.Bold, Label, p.lang})
	}
	// ZTE's tie to Oracle, across the band, labelled by its kind.
	for _, r := range p.s.Relations {
		if r.ID != "zte-oracle" || !p.shown[r.ID] {
			continue
		}
		x := tieX
		p.node("zte", ActorItem, data.CN, x, p.yCN, Dot)
		p.node("oracle", ActorItem, data.US, x, p.yUS, Dot)
		zu, zc := p.zoneUS(), p.zoneCN()
		w := (p.x1 - p.x0) * 0.18
		p.label("oracle", Rect{x - w/2, zu.Y, w, zu.H}, Center, Bottom, p.name(p.actorName("oracle")))
		p.label("zte", Rect{x - w/2, zc.Y, w, zc.H}, Center, Top, p.name(p.actorName("zte")))
		var path frame.Path
		path.MoveTo(float32(x), float32(p.yCN-8*u))
		path.LineTo(float32(x), float32(p.yUS+8*u))
		p.link(r.ID, "zte", "oracle", false, path, 2*u, ToneMuted)
		word := p.lang.Pick(pickText(relationWords, uint8(r.Kind)))
		ww := p.m.Advance(word, labelSize*u, frame.Regular) + 4*u
		before := len(p.out.Runs)
		p.label(r.ID, Rect{x - ww/2, p.yUS + (p.yCN-p.yUS)*0.3, ww, lh}, Center, Middle, p.small(word, frame.Regular, Label))
		for j := before; j < len(p.out.Runs); j++ {
			p.out.Runs[j].Halo = true
		}
	}
	// The bracket of years at the right end of the band.
	bx, dx := p.x1-6*u, -6*u
	if p.out.Portrait {
		bx, dx = p.x0+6*u, 6*u
	}
	p.stroke("years", "", ToneInk, 1.5*u, pt(bx+dx, p.yUS+12*u), pt(bx, p.yUS+12*u), pt(bx, p.yCN-12*u), pt(bx+dx, p.yCN-12*u))
	w := (p.x1 - p.x0) * 0.14
	a := pt(bx, (p.yUS+p.yCN)/2)
	if p.out.Portrait {
		w = float64(hip.X) - bx - 24*u
		p.note(0, Rect{bx + 10*u, (p.yUS+p.yCN)/2 - lh*1.2, w, 2.4 * lh}, Left, Middle, &a)
		return
	}
	p.note(0, Rect{bx - 10*u - w, (p.yUS+p.yCN)/2 - lh*1.2, w, 2.4 * lh}, Right, Middle, &a)
}

// formLegsTall: read down the phone, the secondary market stands on the
// two lines: its ring high in the middle of the band, one leg reaching
// down to the US line (mapping its supply chain), the other down to
// China's (self-reliance), each named by its foot. Over it, ZTE's tie to
// Oracle crosses the band, labelled by its kind; under the feet, a bracket
// across the stance carries the annotation: how long it stays strong.
func formLegsTall(p *placer) {
	u := p.u
	ids := p.marks(data.KindLogic)
	b := p.band()
	lh := (ascent + descent) * labelSize * u
	cx := b.X + b.W/2
	// The figure keeps its proportions on a very tall screen: centred.
	fh := min(b.H, 2.2*b.W)
	fy := b.Y + (b.H-fh)/2
	at := func(f float64) float64 { return fy + fh*f }
	// ZTE's tie to Oracle, across the top of the band.
	tieY := at(0.04) + lh + 4*u
	for _, r := range p.s.Relations {
		if r.ID != "zte-oracle" || !p.shown[r.ID] {
			continue
		}
		p.node("oracle", ActorItem, data.US, p.xUS, tieY, Dot)
		p.node("zte", ActorItem, data.CN, p.xCN, tieY, Dot)
		w := b.W*0.5 - 6*u
		p.label("oracle", Rect{p.xUS + 12*u, tieY - 8*u - lh, w, lh}, Left, Bottom, p.name(p.actorName("oracle")))
		p.label("zte", Rect{p.xCN - 12*u - w, tieY - 8*u - lh, w, lh}, Right, Bottom, p.name(p.actorName("zte")))
		var path frame.Path
		path.MoveTo(float32(p.xUS+8*u), float32(tieY))
		path.LineTo(float32(p.xCN-8*u), float32(tieY))
		p.link(r.ID, "zte", "oracle", false, path, 2*u, ToneMuted)
		word := p.lang.Pick(pickText(relationWords, uint8(r.Kind)))
		ww := p.m.Advance(word, labelSize*u, frame.Regular) + 4*u
		before := len(p.out.Runs)
		p.label(r.ID, Rect{cx - ww/2, tieY - lh/2, ww, lh}, Center, Middle, p.small(word, frame.Regular, Label))
		for j := before; j < len(p.out.Runs); j++ {
			p.out.Runs[j].Halo = true
		}
	}
	// The secondary market, named over its hip (its investors' ring when
	// the scene shows them).
	hip := pt(cx, at(0.18)+2*lh+14*u)
	w := b.W * 0.8
	name := piece{p.lang.Pick(laneWords[1]), labelSize * u, frame.Bold, Label, p.lang}
	owner := ""
	if p.shown["secondary-investors"] {
		p.node("secondary-investors", ActorItem, data.CN, cx, float64(hip.Y), Ring)
		name, owner = p.name(p.actorName("secondary-investors")), "secondary-investors"
	}
	p.label(owner, Rect{cx - w/2, float64(hip.Y) - 10*u - 2*lh, w, 2 * lh}, Center, Bottom, name)
	footY := at(0.6)
	for i, id := range ids {
		e, ok := p.s.Find(id)
		if !ok || e.Kind != data.KindLogic || i > 1 {
			continue
		}
		g := p.s.Logic[e.Index]
		side, tone, lx := data.US, ToneUS, p.xUS
		if i == 1 {
			side, tone, lx = data.CN, ToneCN, p.xCN
		}
		foot := pt(lx, footY)
		// Down from the hip, arriving square onto the line.
		var path frame.Path
		path.MoveTo(hip.X, hip.Y)
		path.CubeTo(hip.X, hip.Y+(foot.Y-hip.Y)*0.6, foot.X+(hip.X-foot.X)*0.35, foot.Y, foot.X, foot.Y)
		p.mark(Mark{Key: "leg-" + id, Owner: id, Path: path, Width: 6 * u, Tone: tone})
		p.node(id, LooseItem, side, lx, footY, NoMarker)
		// The leg's name under its foot, on the band side.
		w = b.W*0.5 - 6*u
		slot, al := Rect{lx + 12*u, footY + 10*u, w, 2.4 * lh}, Left
		if side == data.CN {
			slot, al = Rect{lx - 12*u - w, footY + 10*u, w, 2.4 * lh}, Right
		}
		p.label(id, slot, al, Top, piece{p.lang.Pick(g.To), labelSize * u, frame.Bold, Label, p.lang})
	}
	// The bracket of years under the feet, across the stance: it holds
	// for the next two or three years; the annotation under it.
	by := footY + 2.4*lh + 20*u
	if by+2*lh > b.Y+b.H {
		return
	}
	x0, x1 := p.xUS+12*u, p.xCN-12*u
	p.stroke("years", "", ToneInk, 1.5*u, pt(x0, by-6*u), pt(x0, by), pt(x1, by), pt(x1, by-6*u))
	a := pt(cx, by)
	p.note(0, Rect{x0, by + 8*u, x1 - x0, min(2.4*lh, b.Y+b.H-by-8*u)}, Center, Top, &a)
}

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

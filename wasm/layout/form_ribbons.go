package layout

import (
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// formRibbons: the markets stand as chips across the middle of the band; a
// ribbon leaves each line, labelled with what that line offers, and splits
// just before the chips into one branch per market, ending at the chip's
// edge. The dataset's flows are the branches.
func formRibbons(p *placer) {
	u := p.u
	b := p.band()
	ids := p.marks(data.KindMarket)
	boxes := p.chips(ids, b.Y+b.H/2)
	at := map[string]Rect{}
	for i, id := range ids {
		if i < len(boxes) {
			at[id] = boxes[i]
		}
	}
	lh := (ascent + descent) * labelSize * u
	for _, f := range p.s.Flows {
		if !p.shown[f.ID] {
			continue
		}
		side := p.lineSide(f.From)
		ly, tone := p.yUS, ToneUS
		if side == data.CN {
			ly, tone = p.yCN, ToneCN
		}
		var ends []Rect
		var to []string
		for _, m := range f.To {
			if r, ok := at[m]; ok {
				ends = append(ends, r)
				to = append(to, m)
			}
		}
		if len(ends) == 0 {
			continue
		}
		top := ends[0].Y
		bottom := ends[0].Y + ends[0].H
		for _, r := range ends {
			top, bottom = min(top, r.Y), max(bottom, r.Y+r.H)
		}
		// Trunk from the line to the split, then a branch per market.
		tx := p.x0 + (p.x1-p.x0)*0.5
		split := ly + (top-ly)*0.45
		if side == data.CN {
			split = ly - (ly-bottom)*0.45
		}
		p.stroke("trunk-"+f.ID, f.ID, tone, 9*u, pt(tx, ly), pt(tx, split))
		for i, r := range ends {
			end := pt(r.X+r.W/2, r.Y)
			if side == data.CN {
				end = pt(r.X+r.W/2, r.Y+r.H)
			}
			p.link(f.ID, f.From, to[i], true, curve(pt(tx, split), end), 2.5*u, tone)
		}
		// What it offers, on the line's outer side over the trunk.
		what := p.lang.Pick(f.What)
		for _, c := range p.s.Contrasts {
			if c.ID == "c-exports" && p.shown[c.ID] { // the shorter wording of the same offer
				if side == data.US {
					what = p.lang.Pick(c.US)
				} else {
					what = p.lang.Pick(c.CN)
				}
			}
		}
		z := p.zoneUS()
		slot := Rect{p.x0, z.Y, p.x1 - p.x0, z.H - 2*u}
		va := Bottom
		if side == data.CN {
			z = p.zoneCN()
			slot, va = Rect{p.x0, z.Y + 2*u, p.x1 - p.x0, z.H - 2*u}, Top
		}
		slot.H = min(slot.H, 3*lh)
		if side == data.US {
			slot.Y = z.Y + z.H - 2*u - slot.H
		}
		p.label(f.ID, slot, Center, va, piece{what, labelSize * u, frame.Bold, Label, p.lang})
	}
	// The annotation names the row of markets: centred just under it,
	// where on a wide screen it stands in the clear between the middle
	// branches (on a phone its halo lets them pass behind).
	if len(boxes) > 0 {
		bottom := boxes[0].Y + boxes[0].H
		for _, r := range boxes {
			bottom = max(bottom, r.Y+r.H)
		}
		p.note(0, Rect{p.x0, bottom + 6*u, p.x1 - p.x0, lh * 1.2}, Center, Top, nil)
	}
}

// formRibbonsTall: the markets stacked in the middle of the band; each
// line's ribbon leaves it as a thick trunk under (US, top left) or over
// (China, bottom right) what it offers, and fans out into one branch per
// market, the US's reaching each chip's left edge, China's each chip's
// right: the two offers meet in the third-party markets from either side,
// and the annotation names the column of markets.
func formRibbonsTall(p *placer) {
	u := p.u
	b := p.band()
	ids := p.marks(data.KindMarket)
	if len(ids) == 0 {
		return
	}
	lh := (ascent + descent) * labelSize * u
	// What each line offers, in the dataset's shorter wording where the
	// scene shows one.
	type offer struct {
		f    data.Flow
		side data.Side
		what string
	}
	var offers [2]*offer
	for _, f := range p.s.Flows {
		if !p.shown[f.ID] {
			continue
		}
		side := p.lineSide(f.From)
		o := &offer{f, side, p.lang.Pick(f.What)}
		for _, c := range p.s.Contrasts {
			if c.ID == "c-exports" && p.shown[c.ID] {
				o.what = p.lang.Pick(c.US)
				if side == data.CN {
					o.what = p.lang.Pick(c.CN)
				}
			}
		}
		offers[side&1] = o
	}
	// The whole stands as one group in the middle of the band: the US
	// offer, its trunk, the column of markets, China's trunk, its offer.
	// Each offer takes four fifths of the band's width, or all of it
	// when it would otherwise need more than three lines.
	room := 4*labelSize*u*lineGap + 1
	var need, labelW [2]float64
	for side, o := range offers {
		if o == nil {
			continue
		}
		labelW[side] = b.W * 0.8
		if p.measuredHeight(o.what, labelSize*u, frame.Bold, labelW[side]) > 3*labelSize*u*lineGap+1 {
			labelW[side] = p.xCN - p.xUS - 24*u
		}
		need[side] = min(p.measuredHeight(o.what, labelSize*u, frame.Bold, labelW[side]), room)
	}
	n := float64(len(ids))
	chipsH := n * (2*lh + 14*u + 28*u)
	gap := lh + 16*u // room for the fans to turn and the annotation
	stack := need[0] + need[1] + 24*u + 2*gap + chipsH
	top := b.Y + max(0, (b.H-stack)/2)
	bottom := min(b.Y+b.H, top+stack)
	var used [2]Rect
	if o := offers[0]; o != nil {
		used[0] = p.label(o.f.ID, Rect{p.xUS + 12*u, top, labelW[0], room}, Left, Top,
			piece{o.what, labelSize * u, frame.Bold, Label, p.lang})
	}
	if o := offers[1]; o != nil {
		used[1] = p.label(o.f.ID, Rect{p.xCN - 12*u - labelW[1], bottom - room, labelW[1], room}, Right, Bottom,
			piece{o.what, labelSize * u, frame.Bold, Label, p.lang})
	}
	// Where each trunk leaves its line: just under the US label, just
	// over China's.
	tUS, tCN := top+12*u, bottom-12*u
	if used[0].H > 0 {
		tUS = used[0].Y + used[0].H + 12*u
	}
	if used[1].H > 0 {
		tCN = used[1].Y - 12*u
	}
	chipW := min(b.W*0.44, 170*u)
	boxes := p.chipsDown(ids, tUS+gap, tCN-gap, chipW)
	if len(boxes) == 0 {
		return
	}
	at := map[string]Rect{}
	for i, id := range ids {
		if i < len(boxes) {
			at[id] = boxes[i]
		}
	}
	first := boxes[0]
	p.note(0, Rect{first.X - 10*u, tUS + 4*u, first.W + 20*u, first.Y - tUS - 8*u}, Center, Bottom, nil)
	for side, o := range offers {
		if o == nil {
			continue
		}
		lx, ty, tone := p.xUS, tUS, ToneUS
		edge := first.X
		if side == 1 {
			lx, ty, tone = p.xCN, tCN, ToneCN
			edge = first.X + first.W
		}
		sx := lx + (edge-lx)*0.3
		p.stroke("trunk-"+o.f.ID, o.f.ID, tone, 9*u, pt(lx, ty), pt(sx, ty))
		for _, m := range o.f.To {
			r, ok := at[m]
			if !ok {
				continue
			}
			end := pt(edge, r.Y+r.H/2)
			p.link(o.f.ID, o.f.From, m, true, ribbonBranch(pt(sx, ty), end), 2.5*u, tone)
		}
	}
}

// ribbonBranch is a cubic from a to b leaving and arriving along the
// horizontal, the way a branch leaves a tall ribbon's trunk for its chip.
func ribbonBranch(a, b frame.Point) frame.Path {
	var path frame.Path
	path.MoveTo(a.X, a.Y)
	dx := b.X - a.X
	path.CubeTo(a.X+dx*0.6, a.Y, b.X-dx*0.6, b.Y, b.X, b.Y)
	return path
}

// lineSide is the side of the line id names (US for none).
func (p *placer) lineSide(id string) data.Side {
	for _, l := range p.s.Lines {
		if l.ID == id {
			return l.Side
		}
	}
	return data.US
}

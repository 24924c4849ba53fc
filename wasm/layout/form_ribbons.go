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
		side := data.US
		for _, l := range p.s.Lines {
			if l.ID == f.From {
				side = l.Side
			}
		}
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

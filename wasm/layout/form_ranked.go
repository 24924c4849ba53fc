package layout

import (
	"strconv"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// formRanked: the scene's contrasts stand as columns at the lines' left
// end (topic in the band, each side's value on its line's outer side);
// then buyers in the order the dataset ranks them, each numbered, arrows of
// purchase to the suppliers on the right; actors the suppliers count (edge
// makers) stand under them. The ranking sits in the band over China's
// line; the US line dims.
func formRanked(p *placer) {
	u := p.u
	p.dim(data.US)
	buyers, sellers := p.buyersAndSellers()
	b := p.band()
	lh := (ascent + descent) * labelSize * u
	// The contrasts stand as columns at the left, whole or not at all
	// (then they are left to their cards).
	rows := p.marks(data.KindContrast)
	cw := min((p.x1-p.x0)*0.26, 300*u)
	if !p.columnsFit(rows, cw, contrastLines) {
		rows, cw = nil, 0
	}
	x0 := p.x0 + cw*float64(len(rows))
	p.contrastColumnsIn(rows, p.x0, x0, func(float64) float64 { return b.Y + b.H/2 }, contrastLines)
	colW := (p.x1 - x0) * 0.36
	lx, rx := x0, p.x1-colW
	at := map[string]frame.Point{}
	names := map[string]Rect{} // where each name went
	place := func(list []string, x float64, left bool) {
		rowH := b.H / float64(max(len(list), 1))
		for i, id := range list {
			y := b.Y + rowH*(float64(i)+0.5)
			dx := x + colW - 8*u
			if !left {
				dx = x + 8*u
			}
			p.node(id, ActorItem, data.CN, dx, y, Dot)
			at[id] = pt(dx, y)
			slot := Rect{x, y - rowH/2 + 2*u, colW - 22*u, rowH - 4*u}
			al := Right
			pcs := []piece{p.name(p.actorName(id))}
			if !left {
				slot.X, al = x+22*u, Left
				// Firms this group names, under it.
				for _, a := range p.s.Actors {
					if p.shown[a.ID] && (a.ID == "rockchip" || a.ID == "horizon") && id == "edge-firms" {
						pcs = append(pcs, piece{p.lang.Pick(a.Name), labelSize * u, frame.Regular, Label, p.lang})
					}
				}
			} else {
				rank := strconv.Itoa(i + 1)
				pcs[0].s = rank + "  " + pcs[0].s
			}
			names[id] = p.label(id, slot, al, Middle, pcs...)
		}
	}
	place(buyers, lx, true)
	place(sellers, rx, false)
	for _, r := range p.s.Relations {
		a, okA := at[r.From]
		c, okC := at[r.To]
		if !p.shown[r.ID] || !okA || !okC {
			continue
		}
		var path frame.Path
		path.MoveTo(a.X+8*float32(u), a.Y)
		mx := (a.X + c.X) / 2
		path.CubeTo(mx, a.Y, mx, c.Y, c.X-14*float32(u), c.Y)
		w := 2.5 * u
		p.link(r.ID, r.From, r.To, false, path, w, ToneCN)
		p.arrowHead("head-"+r.ID, r.ID, ToneCN, pt(float64(c.X)-30*u, float64(c.Y)), pt(float64(c.X)-9*u, float64(c.Y)), 8*u)
	}
	// The annotation: the bigger chance, right under the edge makers' name
	// (else in the zone under China's line, below their column).
	zc := p.zoneCN()
	if e, ok := at["edge-firms"]; ok {
		y := float64(e.Y) + lh*0.75
		if n := names["edge-firms"]; n.H > 0 {
			y = n.Y + n.H + 3*u
		}
		// Aligned with the name; on a narrow column from the marker.
		placed := false
		for _, x := range []float64{float64(e.X) + 14*u, float64(e.X) - 6*u} {
			if !placed && p.note(0, Rect{x, y, p.x1 - x, lh * 2.4}, Left, Top, nil).H > 0 {
				placed = true
			}
		}
		if !placed {
			p.note(0, Rect{rx, zc.Y, colW, zc.H}, Left, Top, nil)
		}
	} else {
		p.note(0, zc, Center, Top, nil)
	}
}

// formRankedTall: the scene's contrasts stand as rows at the top of the
// band, each side's value by its own line; under them one column read down
// the band by China's line: the buyers first, in the order the dataset
// ranks them and numbered, then, after a gap, the suppliers; each name
// stands left of its dot, and each purchase is an arc in the gutter by
// China's line from a buyer down to what it buys (nested, the first
// buyer's outermost, so none crosses another), its head at the supplier.
// The annotation stands under the edge makers, last. The US line dims.
func formRankedTall(p *placer) {
	u := p.u
	p.dim(data.US)
	buyers, sellers := p.buyersAndSellers()
	b := p.band()
	lh := (ascent + descent) * labelSize * u
	// The rows take what their values need, leaving the ranking at least
	// a line and a half a row.
	// Whole or not at all (then they are left to their cards).
	rows := p.marks(data.KindContrast)
	least := (float64(len(buyers)+len(sellers)) + 2.5) * 2.4 * lh
	if h, ok := p.rowsHeight(rows, contrastRowLines); ok && h <= b.H-least {
		p.contrastRows(rows, b.Y, b.Y+h, 0, contrastRowLines)
		b.Y, b.H = b.Y+h+8*u, b.H-h-8*u
	}
	dotX := b.X + b.W*0.7
	// Row heights: one unit a row, a unit's gap between buyers and
	// suppliers, and the last row half a unit more for the annotation.
	units := float64(len(buyers)+len(sellers)) + 1.5
	if len(buyers) == 0 || len(sellers) == 0 {
		units -= 1
	}
	unitH := min(b.H/units, 84*u) // a column, not a scatter: centred
	at := map[string]frame.Point{}
	names := map[string]Rect{}
	y := b.Y + (b.H-unitH*units)/2
	row := func(id string, rank int, last bool) {
		h := unitH
		if last {
			h *= 1.5
		}
		cy := y + unitH/2
		p.node(id, ActorItem, data.CN, dotX, cy, Dot)
		at[id] = pt(dotX, cy)
		pcs := []piece{p.name(p.actorName(id))}
		if rank > 0 {
			pcs[0].s = strconv.Itoa(rank) + "  " + pcs[0].s
		}
		if id == "edge-firms" { // the firms this group names, under it
			for _, a := range p.s.Actors {
				if p.shown[a.ID] && (a.ID == "rockchip" || a.ID == "horizon") {
					pcs = append(pcs, piece{p.lang.Pick(a.Name), labelSize * u, frame.Regular, Label, p.lang})
				}
			}
		}
		slot := Rect{b.X, cy - min(unitH, 3.6*lh)/2, dotX - 16*u - b.X, min(unitH, 3.6*lh)}
		names[id] = p.label(id, slot, Right, Middle, pcs...)
		y += h
	}
	for i, id := range buyers {
		row(id, i+1, false)
	}
	if len(buyers) > 0 {
		y += unitH
	}
	for i, id := range sellers {
		row(id, 0, i == len(sellers)-1)
	}
	// The purchases: nested arcs in the gutter by China's line.
	gutter := p.xCN - 10*u - dotX
	k := 0
	for _, r := range p.s.Relations {
		a, okA := at[r.From]
		c, okC := at[r.To]
		if !p.shown[r.ID] || !okA || !okC {
			continue
		}
		reach := float32(gutter * (0.85 - 0.3*float64(k)))
		k++
		d := float32(8 * u)
		var path frame.Path
		path.MoveTo(a.X+d, a.Y)
		path.CubeTo(a.X+reach, a.Y, c.X+reach, c.Y, c.X+d+float32(10*u), c.Y)
		p.link(r.ID, r.From, r.To, false, path, 2.5*u, ToneCN)
		p.arrowHead("head-"+r.ID, r.ID, ToneCN, pt(float64(c.X)+30*u, float64(c.Y)), pt(float64(c.X)+9*u, float64(c.Y)), 8*u)
	}
	// The annotation: the bigger chance, under the edge makers' name.
	if e, ok := at["edge-firms"]; ok {
		top := float64(e.Y) + lh
		if n := names["edge-firms"]; n.H > 0 {
			top = max(n.Y+n.H+6*u, float64(e.Y)+10*u)
		}
		p.note(0, Rect{b.X, top, dotX + 10*u - b.X, min(2.4*lh, b.Y+b.H-top)}, Right, Top, nil)
	}
}

// buyersAndSellers splits the form's actors, in the dataset's order: the
// buyers are those that buy in a shown relation, the rest supply.
func (p *placer) buyersAndSellers() (buyers, sellers []string) {
	buys := map[string]bool{}
	for _, r := range p.s.Relations {
		if p.shown[r.ID] && r.Kind == data.Purchase {
			buys[r.From] = true
		}
	}
	for _, id := range p.marks(data.KindActor) {
		if buys[id] {
			buyers = append(buyers, id)
		} else {
			sellers = append(sellers, id)
		}
	}
	return buyers, sellers
}

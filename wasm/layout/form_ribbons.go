package layout

import (
	"math"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// formRibbons: the scene's contrasts stand as columns at the lines' left
// end (topic in the band, each side's value on its line's outer side); the
// markets stand as chips across the rest of the band. A ribbon leaves each
// line at the column of the last contrast listed, the one next to the
// markets, which says what each line offers them (c-exports): its values
// are the ribbons' labels. Each ribbon splits on its way into one strand
// per market, ending at the chip's edge. The dataset's flows are the
// strands.
func formRibbons(p *placer) {
	u := p.u
	b := p.band()
	ids := p.marks(data.KindMarket)
	rows := p.marks(data.KindContrast)
	carry := carriedRow(rows)
	lh := (ascent + descent) * labelSize * u
	mid := b.Y + b.H/2
	// Where the table does not fit whole, the contrasts are left to their
	// cards and the ribbons carry their own labels.
	cw := min((p.x1-p.x0)*0.22, 300*u)
	if !p.columnsFit(rows, cw, contrastLines) {
		rows, cw = nil, 0
	}
	xs := p.x0 + cw*float64(len(rows)) // where the markets' stretch begins
	p.contrastColumnsIn(rows, p.x0, xs, func(float64) float64 { return mid }, contrastLines)
	boxes := p.chipsIn(ids, xs, p.x1, mid)
	at := map[string]Rect{}
	for i, id := range ids {
		if i < len(boxes) {
			at[id] = boxes[i]
		}
	}
	// The trunks stand at the carried row's column, else over the markets.
	tx, lx0, lx1 := (xs+p.x1)/2, xs, p.x1
	if len(rows) == 0 {
		lx0 = p.x0
	}
	if len(rows) > 0 {
		tx = xs - cw/2
	}
	carried := p.rowDrawn(carry, tx)
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
		// Trunk from the line to the split, then a strand per market.
		split := ly + (top-ly)*0.45
		dir := 1.0
		if side == data.CN {
			split, dir = ly-(ly-bottom)*0.45, -1
		}
		p.ribbonAcross(f, tx, ly, split, dir, ends, to, tone)
		if carried[side&1] {
			continue // the carried row's value says what it carries
		}
		// What it offers, on the line's outer side over the markets.
		what := p.offerWording(f, side, carry)
		z := p.zoneUS()
		slot := Rect{lx0, z.Y, lx1 - lx0, z.H - 2*u}
		va := Bottom
		if side == data.CN {
			z = p.zoneCN()
			slot, va = Rect{lx0, z.Y + 2*u, lx1 - lx0, z.H - 2*u}, Top
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
		p.note(0, Rect{xs, bottom + 6*u, p.x1 - xs, lh * 1.2}, Center, Top, nil)
	}
}

// carriedRow is the contrast whose values the ribbons carry: the last the
// form lists, the one standing next to the markets (none without rows).
func carriedRow(rows []string) string {
	if len(rows) == 0 {
		return ""
	}
	return rows[len(rows)-1]
}

// rowDrawn says, for each side, whether contrast id's value stands on that
// line's outer side at x (wide) or by that line in its row (tall), so that
// the ribbon needs no label of its own.
func (p *placer) rowDrawn(id string, x float64) [2]bool {
	var out [2]bool
	for _, r := range p.out.Runs {
		if id == "" || r.Owner != id || r.Role != Label {
			continue
		}
		if p.out.Tall {
			toUS, toCN := r.Box.X-p.xUS, p.xCN-(r.Box.X+r.Box.W)
			out[0] = out[0] || toUS < toCN
			out[1] = out[1] || toCN < toUS
			continue
		}
		if r.Box.X > x || r.Box.X+r.Box.W < x {
			continue
		}
		switch {
		case r.Box.Y+r.Box.H <= p.yUS:
			out[0] = true
		case r.Box.Y >= p.yCN:
			out[1] = true
		}
	}
	return out
}

// offerWording is what a flow carries: the value of the contrast the
// ribbons carry (the dataset's shorter wording of the same offer), else
// the flow's own words.
func (p *placer) offerWording(f data.Flow, side data.Side, carry string) string {
	if c, ok := p.contrast(carry); ok {
		if side == data.CN {
			return p.lang.Pick(c.CN)
		}
		return p.lang.Pick(c.US)
	}
	return p.lang.Pick(f.What)
}

// formRibbonsTall: the scene's contrasts stand as rows at the top of the
// band, each side's value by its own line. Right under the last row, the
// one the ribbons carry (c-exports), each line's ribbon leaves it as a
// thick trunk and splits into strands down either side of the column of
// markets, the US's reaching each chip's left edge, China's each chip's
// right: the two offers meet in the third-party markets from either side,
// and the annotation names the column of markets. Without the rows (too
// little room), each offer is a label over its trunk, the US's at the top,
// China's at the bottom.
func formRibbonsTall(p *placer) {
	u := p.u
	b := p.band()
	ids := p.marks(data.KindMarket)
	if len(ids) == 0 {
		return
	}
	rows := p.marks(data.KindContrast)
	carry := carriedRow(rows)
	lh := (ascent + descent) * labelSize * u
	n := float64(len(ids))
	gap := lh + 16*u // room for the fans to turn and the annotation
	// The markets' column at its tightest: a chip of one line a market.
	least := n*(lh+12*u+10*u) + 2*gap
	// The markets' column at its fullest: a chip of two lines a market.
	full := n*(2*lh+14*u+28*u) + 2*gap
	top := b.Y
	// The rows stand whole or not at all (then they are left to their
	// cards and each offer is a label of its own).
	if h, ok := p.rowsHeight(rows, contrastRowLines); ok && h <= b.H-least {
		// Room to spare airs the rows out (up to half a line each) before it
		// is left under the markets.
		h += clamp((b.H-h-full)/2, 0, float64(len(rows))*lh/2)
		p.contrastRows(rows, b.Y, b.Y+h, 0, contrastRowLines)
		top = b.Y + h
	}
	type offer struct {
		f    data.Flow
		side data.Side
		what string
	}
	var offers [2]*offer
	for _, f := range p.s.Flows {
		if p.shown[f.ID] {
			side := p.lineSide(f.From)
			offers[side&1] = &offer{f, side, p.offerWording(f, side, carry)}
		}
	}
	carried := p.rowDrawn(carry, 0)
	chipW := min(b.W*0.44, 170*u)
	// Where each trunk leaves its line, and the room left for the chips.
	var tr [2]float64
	var lo, hi float64
	if carried[0] && carried[1] {
		// Both leave under the carried row, side by side.
		tr = [2]float64{top + 2*u, top + 2*u}
		lo = top + 2*u + gap
		hi = min(b.Y+b.H, lo+full-2*gap)
	} else {
		// Each offer a label: the US's under the rows, China's at the
		// bottom, each four fifths of the band's width, or all of it when
		// it would otherwise need more than three lines.
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
		chipsH := n * (2*lh + 14*u + 28*u)
		stack := need[0] + need[1] + 24*u + 2*gap + chipsH
		free := b.Y + b.H - top
		t := top + max(0, (free-stack)/2)
		bottom := min(b.Y+b.H, t+stack)
		var used [2]Rect
		if o := offers[0]; o != nil {
			used[0] = p.label(o.f.ID, Rect{p.xUS + 12*u, t, labelW[0], room}, Left, Top,
				piece{o.what, labelSize * u, frame.Bold, Label, p.lang})
		}
		if o := offers[1]; o != nil {
			used[1] = p.label(o.f.ID, Rect{p.xCN - 12*u - labelW[1], bottom - room, labelW[1], room}, Right, Bottom,
				piece{o.what, labelSize * u, frame.Bold, Label, p.lang})
		}
		tr = [2]float64{t + 12*u, bottom - 12*u}
		if used[0].H > 0 {
			tr[0] = used[0].Y + used[0].H + 12*u
		}
		if used[1].H > 0 {
			tr[1] = used[1].Y - 12*u
		}
		lo, hi = tr[0]+gap, tr[1]-gap
	}
	boxes := p.chipsDown(ids, lo, hi, chipW)
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
	p.note(0, Rect{first.X - 10*u, tr[0] + 4*u, first.W + 20*u, first.Y - tr[0] - 8*u}, Center, Bottom, nil)
	for side, o := range offers {
		if o == nil {
			continue
		}
		lx, ty, tone := p.xUS, tr[0], ToneUS
		edge := first.X
		if side == 1 {
			lx, ty, tone = p.xCN, tr[1], ToneCN
			edge = first.X + first.W
		}
		sx := lx + (edge-lx)*0.3
		var ends []Rect
		var to []string
		for _, m := range o.f.To {
			if r, ok := at[m]; ok {
				ends = append(ends, r)
				to = append(to, m)
			}
		}
		p.ribbonDown(o.f, lx, ty, sx, edge, ends, to, tone)
	}
}

// A ribbon is a thick trunk leaving its line that splits into one strand
// per market, side by side like the threads of a flat cable: each strand
// peels off toward its chip in turn, the nearest first, so that none
// crosses another, and turns into the chip with a rounded corner.
const (
	trunkWidth  = 9   // reference px
	strandWidth = 2.5 // reference px
	strandGap   = 3.5 // between strands' centres, reference px
)

// ribbonAcross draws a wide composition's ribbon: the trunk runs from the
// line at (tx, ly) toward the chips (dir +1 down, −1 up) to split, where
// the strands leave it across the band, one level each, and turn to meet
// each chip's edge that faces the line.
func (p *placer) ribbonAcross(f data.Flow, tx, ly, split, dir float64, ends []Rect, to []string, tone Tone) {
	u := p.u
	g := strandGap * u
	level, deepest := p.strandLevels(ends, func(r Rect) float64 { return r.X + r.W/2 - tx })
	p.stroke("trunk-"+f.ID, f.ID, tone, trunkWidth*u, pt(tx, ly), pt(tx, split+dir*(float64(deepest)*g+u)))
	for i, r := range ends {
		ex, ey := r.X+r.W/2, r.Y
		if dir < 0 {
			ey = r.Y + r.H
		}
		y := split + dir*float64(level[i])*g
		var path frame.Path
		path.MoveTo(float32(tx), float32(y))
		if h := ex - tx; math.Abs(h) >= 1 {
			s := math.Copysign(1, h)
			rad := min(10*u, math.Abs(ey-y)*0.8, math.Abs(h))
			path.LineTo(float32(ex-s*rad), float32(y))
			path.QuadTo(float32(ex), float32(y), float32(ex), float32(y+dir*rad))
		}
		path.LineTo(float32(ex), float32(ey))
		p.link(f.ID, f.From, to[i], true, path, strandWidth*u, tone)
	}
}

// ribbonDown draws a tall composition's ribbon: the trunk runs across from
// the line at (lx, ty) to sx, where the strands leave it down (or up) the
// band, one lane each, and turn to meet each chip's edge at x edge.
func (p *placer) ribbonDown(f data.Flow, lx, ty, sx, edge float64, ends []Rect, to []string, tone Tone) {
	u := p.u
	g := strandGap * u
	h := math.Copysign(1, edge-lx) // toward the chips
	level, deepest := p.strandLevels(ends, func(r Rect) float64 { return r.Y + r.H/2 - ty })
	p.stroke("trunk-"+f.ID, f.ID, tone, trunkWidth*u, pt(lx, ty), pt(sx+h*(float64(deepest)*g+u), ty))
	for i, r := range ends {
		cy := r.Y + r.H/2
		x := sx + h*float64(level[i])*g
		var path frame.Path
		path.MoveTo(float32(x), float32(ty))
		if d := cy - ty; math.Abs(d) >= 1 {
			v := math.Copysign(1, d)
			rad := min(10*u, math.Abs(d), math.Abs(edge-x)*0.8)
			path.LineTo(float32(x), float32(cy-v*rad))
			path.QuadTo(float32(x), float32(cy), float32(x+h*rad), float32(cy))
		}
		path.LineTo(float32(edge), float32(cy))
		p.link(f.ID, f.From, to[i], true, path, strandWidth*u, tone)
	}
}

// strandLevels gives each end its strand's level, counted from the trunk's
// end back toward the line: ends on one side of the trunk (by the sign of
// off) are ranked by distance, the nearest on the deepest level, so that
// it peels off first and no strand crosses another. deepest is the
// largest level given.
func (p *placer) strandLevels(ends []Rect, off func(Rect) float64) (level []int, deepest int) {
	level = make([]int, len(ends))
	for i, a := range ends {
		oa := off(a)
		m, k := 0, 0 // strands on a's side; those farther than a
		for _, b := range ends {
			ob := off(b)
			if math.Signbit(ob) != math.Signbit(oa) {
				continue
			}
			m++
			if math.Abs(ob) > math.Abs(oa) {
				k++
			}
		}
		level[i] = k
		deepest = max(deepest, m-1)
	}
	return level, deepest
}

// A contrast's value takes at most this many lines: in a wide
// composition's column, and in a tall composition's row.
const (
	contrastLines    = 4
	contrastRowLines = 6
)

// columnsFit says whether every one of rows stands whole as a column cw
// wide (see contrastColumnsIn): its topic in the band, each value in at
// most lines lines on its line's outer side. There must be a row.
func (p *placer) columnsFit(rows []string, cw float64, lines int) bool {
	u := p.u
	if len(rows) == 0 || cw <= 8*u {
		return false
	}
	lh := (ascent + descent) * labelSize * u
	vh := float64(lines-1)*labelSize*u*lineGap + lh + 1
	zu, zc := p.zoneUS(), p.zoneCN()
	for _, id := range rows {
		c, ok := p.contrast(id)
		if !ok {
			return false
		}
		w := cw - 8*u
		if !p.textFits(p.lang.Pick(c.Topic), frame.Bold, w, 3*lh+4*u) ||
			!p.textFits(p.lang.Pick(c.US), frame.Regular, w, min(p.yUS-10*u-zu.Y, vh)) ||
			!p.textFits(p.lang.Pick(c.CN), frame.Regular, w, min(zc.Y+zc.H-p.yCN-10*u, vh)) {
			return false
		}
	}
	return true
}

// rowsHeight is the height contrastRows needs for rows so that every
// value stands whole in up to maxLines lines: rows share the height
// evenly, so each takes the tallest's. It follows contrastRows' own
// measure (the topic over the row, the halves sharing its width); ok is
// false when there is no row or one cannot stand whole at any height.
func (p *placer) rowsHeight(rows []string, maxLines int) (h float64, ok bool) {
	u := p.u
	size := labelSize * u
	lh := (ascent + descent) * size
	ux, cx := p.xUS+10*u, p.xCN-10*u
	total := cx - ux - 12*u
	vmax := float64(maxLines-1)*size*lineGap + lh + 1
	rh := 0.0
	for _, id := range rows {
		c, found := p.contrast(id)
		if !found {
			return 0, false
		}
		us, cn := p.lang.Pick(c.US), p.lang.Pick(c.CN)
		hu, hc := total/2, total/2
		if a := p.m.Advance(us, size, frame.Regular) + 2; a < hu {
			hu, hc = a, total-a
		} else if a := p.m.Advance(cn, size, frame.Regular) + 2; a < hc {
			hu, hc = total-a, a
		}
		t := p.textHeight(p.lang.Pick(c.Topic), frame.Bold, cx-ux)
		vu, vc := p.textHeight(us, frame.Regular, hu), p.textHeight(cn, frame.Regular, hc)
		if t < 0 || t > 2*lh+2*u || vu < 0 || vc < 0 || max(vu, vc) > vmax {
			return 0, false
		}
		v := max(vu, vc)
		rh = math.Max(rh, math.Max(t, lh)+4*u+v+8*u+2*u)
	}
	return rh * float64(len(rows)), len(rows) > 0
}

// textHeight is the height s takes wrapped at width in label size, or −1
// when one of its words is wider than width.
func (p *placer) textHeight(s string, w frame.Weight, width float64) float64 {
	size := labelSize * p.u
	w = p.lang.Set(w)
	lines := p.m.Wrap(s, size, w, width)
	if len(lines) == 0 || !p.fitsWidth(lines, size, w, width) {
		return -1
	}
	return float64(len(lines)-1)*size*lineGap + (ascent+descent)*size
}

// textFits says whether s stands whole in a slot of width and height.
func (p *placer) textFits(s string, w frame.Weight, width, height float64) bool {
	h := p.textHeight(s, w, width)
	return h >= 0 && h <= height+0.5
}

// contrast is the contrast id names.
func (p *placer) contrast(id string) (data.Contrast, bool) {
	e, ok := p.s.Find(id)
	if !ok || e.Kind != data.KindContrast {
		return data.Contrast{}, false
	}
	return p.s.Contrasts[e.Index], true
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

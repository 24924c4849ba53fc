package layout

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// formTimeline: the US line becomes a time axis from the form's first to
// its last year, ticked every twenty years. A figure that is a year stands
// at its year; the span the dataset dates ("late 1870s to late 1890s") is
// shaded; the marks (people) stand in two groups above the line: those of
// the past at the shaded span, those of today at the axis's end. A bracket
// joins them, carrying the first annotation. China's line dims.
func formTimeline(p *placer) {
	u := p.u
	f := p.sc.Form
	p.dim(data.CN)
	from, to := f.From, f.To
	xOf := func(year float64) float64 { return p.x0 + (year-from)/(to-from)*(p.x1-p.x0) }
	y := p.yUS
	lh := (ascent + descent) * labelSize * u
	// Ticks and years under the line, in the band.
	step := 20.0
	if (p.x1-p.x0)/((to-from)/step) < 48*u {
		step = 40
	}
	for yr := math.Ceil(from/step) * step; yr <= to; yr += step {
		x := xOf(yr)
		p.stroke(fmt.Sprintf("tick-%g", yr), "", ToneMuted, 1.2*u, pt(x, y+3*u), pt(x, y+9*u))
		s := strconv.FormatFloat(yr, 'f', 0, 64)
		w := p.m.Advance(s, labelSize*u, frame.Regular)
		p.label("", Rect{x - w/2 - 1, y + 14*u, w + 2, lh + 1}, Center, Top, p.small(s, frame.Regular, Secondary))
	}
	// The span of the era, shaded across the line.
	span0, span1 := 1877.0, 1899.0 // fig-gilded-age: "late 1870s to late 1890s"
	era := ""
	for _, id := range p.sc.Shows {
		if id == "fig-gilded-age" {
			era = id
		}
	}
	if era != "" {
		x0, x1 := xOf(span0), xOf(span1)
		p.fill("era", era, ToneBand, 1, pt(x0, y-14*u), pt(x1, y-14*u), pt(x1, y+14*u), pt(x0, y+14*u))
		p.node(era, LooseItem, 0, (x0+x1)/2, y, NoMarker)
	}
	// Year figures as dots on the line; a person the figure's label names
	// stands under the year (Twain under 1873), the rest in groups.
	named := map[string]float64{}
	yearLabelY := y + 14*u + lh + 4*u
	for _, id := range p.years(from, to) {
		fg := p.s.Figures[p.mustFind(id).Index]
		x := xOf(fg.Value)
		p.node(id, ActorItem, data.US, x, y, Dot)
		s := strconv.FormatFloat(fg.Value, 'f', 0, 64)
		w := p.m.Advance(s, labelSize*u, frame.Bold)
		p.label(id, Rect{x - w/2 - 1, yearLabelY, w + 2, lh + 1}, Center, Top, p.small(s, frame.Bold, Primary))
		for _, a := range p.marks(data.KindActor) {
			if n := p.lang.Pick(p.actorName(a)); n != "" && strings.Contains(p.lang.Pick(fg.Label), n) {
				named[a] = fg.Value
			}
		}
	}
	for _, a := range p.marks(data.KindActor) { // in the dataset's order
		yr, ok := named[a]
		if !ok {
			continue
		}
		x := xOf(yr)
		r := p.label(a, Rect{x + 4*u, yearLabelY + lh + 6*u, (p.x1 - p.x0) * 0.3, lh + 1}, Left, Top, p.name(p.actorName(a)))
		if r.H > 0 {
			p.node(a, ActorItem, data.CN+1, x-7*u, r.Y+r.H/2, Ring)
		} else {
			delete(named, a)
		}
	}
	// People: the past at the era, today at the end.
	var past, now []string
	for _, id := range p.marks(data.KindActor) {
		if _, ok := named[id]; ok {
			continue
		}
		if p.actorSide(id) == data.US {
			now = append(now, id)
		} else {
			past = append(past, id)
		}
	}
	zu := p.zoneUS()
	group := func(ids []string, xc float64, align Align) Rect {
		if len(ids) == 0 {
			return Rect{}
		}
		w := math.Min((p.x1-p.x0)*0.42, 220*u)
		x := clamp(xc-w/2, p.x0, p.x1-w)
		if align == Right {
			x = p.x1 - w
		} else {
			x = clamp(xc+14*u, p.x0+14*u, p.x1-w)
		}
		rowH := min(lh+6*u, (y-22*u-zu.Y)/float64(len(ids)))
		if rowH < lh+2*u {
			return Rect{} // no room for the names: the cards have them
		}
		top := y - 22*u - float64(len(ids))*rowH
		top = math.Max(top, zu.Y)
		var used Rect
		for i, id := range ids {
			ry := top + float64(i)*rowH
			r := p.label(id, Rect{x, ry, w, rowH}, align, Middle, p.name(p.actorName(id)))
			if r.H > 0 {
				used = used.Union(r)
				mx := r.X - 11*u
				p.node(id, ActorItem, p.actorSide(id), mx, r.Y+r.H/2, Ring)
			}
		}
		return used
	}
	pastBox := group(past, xOf(span0), Left)
	nowBox := group(now, p.x1, Right)
	// The bracket from then to now, with the annotation under it in the band.
	if (pastBox.H > 0 || len(named) > 0) && nowBox.H > 0 {
		by := yearLabelY + 2*lh + 22*u
		a, b := xOf(1873), p.x1-4*u
		p.stroke("bracket", "", ToneInk, 1.5*u, pt(a, by-6*u), pt(a, by), pt(b, by), pt(b, by-6*u))
		mid := pt((a+b)/2, by)
		p.note(0, Rect{a, by + 6*u, b - a, lh * 2.4}, Center, Top, &mid)
	}
}

// formTimelineTall: the US line is the time axis running down the stage,
// from the form's first year at the top to its last at the bottom, the
// years ticked on its left; the shaded era, Twain's 1873 and the barons of
// the past stand high, today's protagonists low, all by their years on the
// line's right, and a bracket down the band from then to now carries the
// first annotation: the long gap is the picture. China's line dims.
func formTimelineTall(p *placer) {
	u := p.u
	f := p.sc.Form
	p.dim(data.CN)
	from, to := f.From, f.To
	lh := (ascent + descent) * labelSize * u
	top, bottom := p.y0+lh, p.y1-lh
	yOf := func(year float64) float64 { return top + (year-from)/(to-from)*(bottom-top) }
	// The axis stands in from the edge, leaving room for the years.
	yw := p.m.Advance("2000", labelSize*u, frame.Bold) + 4*u
	x := p.out.Stage.X + yw + 16*u
	p.setLine(data.US, pt(x, p.y0), pt(x, p.y1))
	step := 20.0
	if (bottom-top)/((to-from)/step) < 2.4*lh {
		step = 40
	}
	for yr := math.Ceil(from/step) * step; yr <= to; yr += step {
		y := yOf(yr)
		p.stroke(fmt.Sprintf("tick-%g", yr), "", ToneMuted, 1.2*u, pt(x-9*u, y), pt(x-3*u, y))
		s := strconv.FormatFloat(yr, 'f', 0, 64)
		w := p.m.Advance(s, labelSize*u, frame.Regular)
		p.label("", Rect{x - 15*u - w - 1, y - lh/2, w + 2, lh + 1}, Right, Middle, p.small(s, frame.Regular, Secondary))
	}
	span0, span1 := 1877.0, 1899.0 // fig-gilded-age: "late 1870s to late 1890s"
	if p.shown["fig-gilded-age"] {
		y0, y1 := yOf(span0), yOf(span1)
		p.fill("era", "fig-gilded-age", ToneBand, 1, pt(x-14*u, y0), pt(x+14*u, y0), pt(x+14*u, y1), pt(x-14*u, y1))
		p.node("fig-gilded-age", LooseItem, 0, x, (y0+y1)/2, NoMarker)
	}
	// The people stand right of the axis, by their years: a person a year
	// figure names at that year (Twain at 1873), the past at the era, today
	// near the axis's end. Rows keep apart: each starts no higher than
	// the last one's foot.
	rowH := lh + 6*u
	nameX := x + 30*u
	nameW := math.Min(p.xCN-12*u-nameX, 200*u)
	type row struct {
		id string
		y  float64
	}
	var rows []row
	named := map[string]bool{}
	first := 0.0 // the first year a figure or the era sets
	for _, id := range p.years(from, to) {
		fg := p.s.Figures[p.mustFind(id).Index]
		y := yOf(fg.Value)
		p.node(id, ActorItem, data.US, x, y, Dot)
		s := strconv.FormatFloat(fg.Value, 'f', 0, 64)
		w := p.m.Advance(s, labelSize*u, frame.Bold)
		// The year stands in bold left of the axis, in place of the tick
		// years it would meet.
		box := Rect{x - 15*u - w - 1, y - lh/2, w + 2, lh + 1}
		p.evict(Rect{box.X, box.Y - 2*u, box.W, box.H + 4*u})
		p.label(id, box, Right, Middle, p.small(s, frame.Bold, Primary))
		for _, a := range p.marks(data.KindActor) {
			if n := p.lang.Pick(p.actorName(a)); n != "" && strings.Contains(p.lang.Pick(fg.Label), n) && !named[a] {
				named[a] = true
				rows = append(rows, row{a, y})
				if first == 0 || fg.Value < first {
					first = fg.Value
				}
			}
		}
	}
	var past, now []string
	for _, id := range p.marks(data.KindActor) {
		if named[id] {
			continue
		}
		if p.actorSide(id) == data.US {
			now = append(now, id)
		} else {
			past = append(past, id)
		}
	}
	mid := (span0 + span1) / 2
	for i, id := range past {
		rows = append(rows, row{id, yOf(mid) + (float64(i)-float64(len(past)-1)/2)*rowH})
	}
	if first == 0 && len(past) > 0 {
		first = span0
	}
	nowEnd := bottom - rowH/2
	for i, id := range now {
		rows = append(rows, row{id, nowEnd - float64(len(now)-1-i)*rowH})
	}
	last := math.Inf(-1)
	var pastBox, nowBox Rect
	nowSet := map[string]bool{}
	for _, id := range now {
		nowSet[id] = true
	}
	for _, r := range rows {
		y := math.Max(r.y, last+rowH)
		last = y
		got := p.label(r.id, Rect{nameX, y - rowH/2, nameW, rowH}, Left, Middle, p.name(p.actorName(r.id)))
		if got.H == 0 {
			continue
		}
		side := p.actorSide(r.id)
		p.node(r.id, ActorItem, side, nameX-11*u, y, Ring)
		if nowSet[r.id] {
			nowBox = nowBox.Union(got)
		} else {
			pastBox = pastBox.Union(got)
		}
	}
	// The bracket from then to now down the band's right, the annotation
	// beside it at its middle.
	if pastBox.H > 0 && nowBox.H > 0 && first > 0 {
		bx := p.xCN - 24*u
		a, b := yOf(first), nowBox.Y+nowBox.H/2
		if first == span0 {
			a = pastBox.Y + pastBox.H/2
		}
		p.stroke("bracket", "", ToneInk, 1.5*u, pt(bx-6*u, a), pt(bx, a), pt(bx, b), pt(bx-6*u, b))
		m := pt(bx, (a+b)/2)
		w := bx - 8*u - nameX
		p.note(0, Rect{nameX, (a+b)/2 - 1.5*lh, w, 3 * lh}, Right, Middle, &m)
	}
}

// years are the scene's figures that are years between from and to, in
// the order it shows them. A year is an exact figure whose unit says so:
// English writes it bare (no unit), so the unit that tells is the Chinese
// 年 (or an explicit English "year").
func (p *placer) years(from, to float64) []string {
	var out []string
	for _, id := range p.sc.Shows {
		e, ok := p.s.Find(id)
		if !ok || e.Kind != data.KindFigure {
			continue
		}
		fg := p.s.Figures[e.Index]
		if fg.Qualifier == data.Exact && fg.Value >= from && fg.Value <= to && (fg.Unit.Zh == "年" || fg.Unit.En == "year") {
			out = append(out, id)
		}
	}
	return out
}

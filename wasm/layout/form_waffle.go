package layout

import (
	"math"
	"strings"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// formWaffle: a count drawn as cells, standing in the first of the
// contrasts the scene lists, whose row it is: the contrasts stand in
// columns across the spine, each topic on one line through the band, each
// US value over the US line and each China value under China's. In the
// first column (the count's) the grid of the first mark (the whole, one
// cell per power of ten that keeps it under fifty cells) stands under the
// US line by its firm, the second mark (the part) filled; over China's
// line, how many Chinese firms are at that scale. In the second column
// (the habit's) the balance of the habit the annotation names, hardware
// over software, stands in the band: its beam tips down toward a chip,
// the software's cells ride up light.
func formWaffle(p *placer) {
	u := p.u
	ids, whole, part, ok := p.waffleFigures()
	if !ok {
		return
	}
	rows := p.marks(data.KindContrast)
	cell, n, filled := waffleCells(whole, part)
	b := p.band()
	lh := (ascent + descent) * labelSize * u
	// The firms stand at their lines' ends, the columns between them, so
	// that no value sits on a firm's dot.
	nv := p.shown["nvidia"] && p.actorSide("nvidia") == data.US
	hw := p.shown["huawei"] && p.actorSide("huawei") == data.CN
	x0, x1 := p.x0, p.x1
	if nv {
		x0 += 22 * u
	}
	if hw {
		x1 -= 22 * u
	}
	cw := (x1 - x0) / float64(max(len(rows), 2))
	ty := b.Y + b.H*0.64 // the topics' line, through the band
	topicTop, topicBottom := ty-1.5*lh, ty+1.5*lh+4*u
	cols := 10
	rowsN := (n + cols - 1) / cols
	// The rows stand where the grid keeps readable cells under them and
	// each line's zone holds a value of two lines; elsewhere (a short
	// screen, large type) the count takes the band alone and the rows stay
	// in their cards.
	y := b.Y
	if nv {
		y += lh + 6*u
	}
	size := math.Min(math.Min((cw-8*u)/float64(cols), (topicTop-y-lh-12*u)/float64(rowsN)), 28*u)
	two := labelSize*u*lineGap + lh + 4*u
	if len(rows) == 0 || size < 12*u || p.zoneUS().H < two || p.zoneCN().H < two {
		p.waffleAlone(ids, whole, part)
		return
	}
	p.contrastColumnsIn(rows, x0, x0+cw*float64(len(rows)), func(float64) float64 { return ty }, 4)
	// The count's column: the firm on its line, its staff under it.
	gx := x0 + 4*u
	if nv {
		p.node("nvidia", ActorItem, data.US, p.x0+8*u, p.yUS, Dot)
		p.label("nvidia", Rect{p.x0, b.Y, cw, lh + 1}, Left, Top, p.name(p.actorName("nvidia")))
	}
	gap := math.Max(2*u, size*0.14)
	p.waffleGrid(ids, n, filled, cols, gx, y, size, gap)
	p.waffleItems(ids, n, filled, cols, gx, y, size)
	gw, gh := float64(cols)*size, float64(rowsN)*size
	p.label(ids[0], Rect{gx, y + gh + 6*u, gw, lh + 2}, Left, Top, p.small(p.waffleKey(cell, whole), frame.Regular, Secondary))
	// Over China's line, in the same column: how many are at that scale.
	if p.shown["fig-none-at-scale"] {
		f, _ := p.figure("fig-none-at-scale")
		p.label("fig-none-at-scale", Rect{x0 + 4*u, topicBottom, cw - 8*u, b.Y + b.H - topicBottom}, Center, Bottom,
			p.small(FigureValue(f, p.lang), frame.Bold, Label))
	}
	// China's leader on its line, at the far end.
	if hw {
		p.node("huawei", ActorItem, data.CN, p.x1-8*u, p.yCN, Dot)
		p.label("huawei", Rect{p.x1 - cw, topicBottom, cw, b.Y + b.H - topicBottom}, Right, Bottom, p.name(p.actorName("huawei")))
	}
	// The habit's column: the balance over its topic, the annotation
	// under the fulcrum. With too little room the balance is left out and
	// the annotation to its card.
	room := topicTop - b.Y - 4*u
	note := lh*1.2 + 10*u
	arm := math.Min(cw*0.34, (room-note-11*u-4*u)/0.7)
	if len(rows) < 2 || arm < 24*u {
		return
	}
	tilt := arm * 0.35
	bx := x0 + cw*1.5
	by := b.Y + 4*u + tilt + 11*u + (room-note-11*u-4*u-2*tilt)/2
	foot := p.waffleBalance(bx, by, arm)
	a := pt(bx, by+18*u)
	p.note(0, Rect{bx - cw/2 + 4*u, foot + 10*u, cw - 8*u, topicTop - foot - 10*u}, Center, Top, &a)
}

// waffleAlone is the count without its rows, for a band too short for
// both: the grid large by Nvidia on the US line, the figures' values and
// labels right of it, the balance at the band's right end where there is
// height for it, and China's count under its line by Huawei.
func (p *placer) waffleAlone(ids []string, whole, part data.Figure) {
	u := p.u
	cell, n, filled := waffleCells(whole, part)
	b := p.band()
	cols := 10
	rows := (n + cols - 1) / cols
	lh := (ascent + descent) * labelSize * u
	size := math.Min(math.Min(b.H*0.8/float64(rows), (p.x1-p.x0)*0.45/float64(cols)), 28*u)
	gap := math.Max(2*u, size*0.14)
	gx := p.x0 + 4*u
	gy := b.Y + (b.H-float64(rows)*size)/2
	p.waffleGrid(ids, n, filled, cols, gx, gy, size, gap)
	p.waffleItems(ids, n, filled, cols, gx, gy, size)
	gw, gh := float64(cols)*size, float64(rows)*size
	zu, zc := p.zoneUS(), p.zoneCN()
	for _, who := range []string{"nvidia", "huawei"} {
		if !p.shown[who] {
			continue
		}
		side := p.actorSide(who)
		x, ly, slot, va := gx+gw/2, p.yUS, Rect{gx, zu.Y, gw, zu.H}, Bottom
		if side == data.CN {
			x, ly, slot, va = p.x1-(p.x1-p.x0)*0.15, p.yCN, Rect{p.x1 - (p.x1-p.x0)*0.3, zc.Y, (p.x1 - p.x0) * 0.3, zc.H}, Top
		}
		p.node(who, ActorItem, side, x, ly, Dot)
		p.label(who, slot, Center, va, p.name(p.actorName(who)))
	}
	// The labels keep clear of the balance's light pan and beam.
	balance := b.H > 110*u
	bx, by, arm := p.x0+(p.x1-p.x0)*0.82, b.Y+b.H*0.5, (p.x1-p.x0)*0.1
	lx, lw := gx+gw+14*u, (p.x1-gx-gw)*0.5
	if balance {
		lw = math.Min(lw, bx-arm-16*u-lx)
	}
	y := gy
	for _, id := range ids[:2] {
		f, _ := p.figure(id)
		pcs := []piece{p.small(FigureValue(f, p.lang), frame.Bold, Label), p.small(p.lang.Pick(f.Label), frame.Regular, Label)}
		if r := p.label(id, Rect{lx, y, lw, b.Y + b.H - y}, Left, Top, pcs...); r.H > 0 {
			y = r.Y + r.H + 10*u
		}
	}
	p.label(ids[0], Rect{gx, gy + gh + 6*u, gw, lh + 2}, Left, Top, p.small(p.waffleKey(cell, whole), frame.Regular, Secondary))
	if balance {
		foot := p.waffleBalance(bx, by, arm)
		a := pt(bx, by+18*u)
		p.note(0, Rect{bx - arm*1.6, foot + 10*u, arm * 3.2, b.Y + b.H - foot - 10*u}, Center, Top, &a)
	}
	if p.shown["fig-none-at-scale"] {
		f, _ := p.figure("fig-none-at-scale")
		p.label("fig-none-at-scale", Rect{p.x0, zc.Y, (p.x1 - p.x0) * 0.6, zc.H}, Left, Top,
			p.small(FigureValue(f, p.lang), frame.Bold, Label), p.small(p.lang.Pick(f.Label), frame.Regular, Label))
	}
}

func (p *placer) figure(id string) (data.Figure, bool) {
	e, ok := p.s.Find(id)
	if !ok || e.Kind != data.KindFigure {
		return data.Figure{}, false
	}
	return p.s.Figures[e.Index], true
}

// grouped writes a whole number with thousands separators from four digits
// on (a key reads "1,000", where a year would not).
func grouped(v float64) string {
	s := number(v)
	if len(s) == 4 && !strings.ContainsAny(s, ".,") {
		return s[:1] + "," + s[1:]
	}
	return s
}

// formWaffleTall: read down the phone, the contrasts the scene lists as
// rows, each topic across the band, each US value by the US line (left)
// and each China value by China's (right). Nvidia stands at the top of the
// US line. Under the first row (the count's) its grid by the US line, one
// cell per thousand, the software part filled, and by China's line how
// many Chinese firms are at that scale; under the second (the habit's) the
// balance of the habit the scene names, its beam tipped down toward a chip
// (the hardware) that outweighs the software's few cells, with the
// annotation "hardware over software" under it. Huawei stands at the
// bottom of China's line. Rows that do not fit go, whole, to their cards,
// the last first; the balance shrinks before a row goes, and the grid
// stays the longest.
func formWaffleTall(p *placer) {
	u := p.u
	ids, whole, part, ok := p.waffleFigures()
	if !ok {
		return
	}
	cell, n, filled := waffleCells(whole, part)
	b := p.band()
	lh := (ascent + descent) * labelSize * u
	rows := p.marks(data.KindContrast)
	top, bottom := b.Y, b.Y+b.H
	if p.shown["nvidia"] {
		p.node("nvidia", ActorItem, data.US, p.xUS, top+lh/2, Dot)
		p.label("nvidia", Rect{p.xUS + 12*u, top, b.W * 0.6, lh}, Left, Middle, p.name(p.actorName("nvidia")))
		top += lh + 10*u
	}
	if p.shown["huawei"] {
		p.node("huawei", ActorItem, data.CN, p.xCN, bottom-lh/2, Dot)
		w := b.W * 0.6
		if p.label("huawei", Rect{p.xCN - 12*u - w, bottom - lh, w, lh}, Right, Middle, p.name(p.actorName("huawei"))).H > 0 {
			bottom -= lh + 10*u
		}
	}
	// The grid under the count's row: ten cells a row in the US half.
	half := (b.W - 12*u) / 2
	cols := 10
	rowsN := (n + cols - 1) / cols
	size := math.Min(half/float64(cols), 15*u)
	gridH := float64(rowsN)*size + lh + 10*u // with its key
	// The balance under the habit's row, with its annotation.
	arm := math.Min(b.W*0.3, 72*u)
	noteH := 0.0
	if ns := p.sc.Form.Notes; len(ns) > 0 {
		noteH = p.measuredHeight(p.lang.Pick(ns[0].Text), labelSize*u, frame.Bold, b.W) + 10*u
	}
	balH := func(arm float64) float64 { return waffleBalanceHeight(arm, u) + noteH }
	need := make([]float64, len(rows))
	for i, id := range rows {
		need[i] = p.rowNeed(id, b.W)
	}
	extra := func(i int) float64 {
		switch i {
		case 0:
			return gridH + 12*u
		case 1:
			return balH(arm) + 16*u
		}
		return 8 * u
	}
	sum := func(k int) float64 {
		s := 0.0
		for i := range k {
			s += need[i] + extra(i)
		}
		return s
	}
	k := len(rows)
	if len(rows) == 0 { // no rows: the grid alone
		need, k = []float64{0}, 1
	}
	// Too little room: the balance shrinks (down to arms of 32 px), then
	// the last rows go to their cards; the grid goes last of all, its row
	// before it.
	for room := bottom - top; sum(k) > room; {
		if k >= 2 && arm > 32*u {
			arm = math.Max(32*u, arm-(sum(k)-room)/0.7)
			continue
		}
		if k <= 1 {
			need[0] = 0
			break
		}
		k--
	}
	// Room to spare: half of it grows the grid, up to 22 px cells.
	if spare := bottom - top - sum(k); spare > 0 {
		grow := math.Min(math.Min(half/float64(cols), 22*u)-size, spare*0.5/float64(rowsN))
		if grow > 0 {
			size += grow
			gridH += grow * float64(rowsN)
		}
	}
	slack := math.Max(0, (bottom-top-sum(k))/float64(k+1))
	y := top + slack/2
	for i := range k {
		if i < len(rows) && need[i] > 0 {
			p.contrastRows(rows[i:i+1], y, y+need[i], 0, 8)
		}
		y += need[i]
		switch i {
		case 0:
			if size >= 4*u && y+gridH <= bottom {
				gap := math.Max(2*u, size*0.14)
				p.waffleGrid(ids, n, filled, cols, b.X, y, size, gap)
				p.waffleItems(ids, n, filled, cols, b.X, y, size)
				gh := float64(rowsN) * size
				p.label(ids[0], Rect{b.X, y + gh + 6*u, half, lh + 2}, Left, Top, p.small(p.waffleKey(cell, whole), frame.Regular, Secondary))
				if p.shown["fig-none-at-scale"] {
					f, _ := p.figure("fig-none-at-scale")
					p.label("fig-none-at-scale", Rect{b.X + b.W - half, y, half, gh}, Right, Middle,
						p.small(FigureValue(f, p.lang), frame.Bold, Label))
				}
			}
		case 1:
			h := balH(arm)
			if y+h <= bottom {
				by := y + arm*0.35 + 11*u
				bx := b.X + b.W/2
				foot := p.waffleBalance(bx, by, arm)
				a := pt(bx, by+18*u)
				p.note(0, Rect{b.X, foot + 10*u, b.W, noteH}, Center, Top, &a)
			}
		}
		y += extra(i) + slack
	}
}

// rowNeed is the height contrastRows needs for the row of contrast id
// across a band width wide: its topic, then its longer value in its half.
func (p *placer) rowNeed(id string, width float64) float64 {
	u := p.u
	e, ok := p.s.Find(id)
	if !ok || e.Kind != data.KindContrast {
		return 0
	}
	c := p.s.Contrasts[e.Index]
	lh := (ascent + descent) * labelSize * u
	size := labelSize * u
	th := math.Max(p.measuredHeight(p.lang.Pick(c.Topic), size, frame.Bold, width), lh)
	// The halves as contrastRows shares them.
	total := width - 12*u
	hu, hc := total/2, total/2
	us, cn := p.lang.Pick(c.US), p.lang.Pick(c.CN)
	if a := p.m.Advance(us, size, frame.Regular) + 2; a < hu {
		hu, hc = a, total-a
	} else if a := p.m.Advance(cn, size, frame.Regular) + 2; a < hc {
		hu, hc = total-a, a
	}
	vh := math.Max(p.measuredHeight(us, size, frame.Regular, hu), p.measuredHeight(cn, size, frame.Regular, hc))
	return th + 4*u + vh + 8*u + 2
}

// waffleBalance draws the balance of the habit the scene names at (bx,
// by), its beam arm long each side: tipped down to the right, where a chip
// (the hardware) sits heavy in its pan, and up on the left, where two of
// the grid's cells (the software) sit light. It returns the height under
// which the balance leaves the room clear; waffleBalanceHeight is its
// whole height, from the light pan's top.
func (p *placer) waffleBalance(bx, by, arm float64) float64 {
	u := p.u
	tilt := arm * 0.35
	p.fill("fulcrum", "", ToneInk, 1, pt(bx, by), pt(bx-10*u, by+18*u), pt(bx+10*u, by+18*u))
	p.stroke("beam", "", ToneInk, 3*u, pt(bx-arm, by-tilt), pt(bx+arm, by+tilt))
	// The heavy pan: a chip, its body and pins.
	// A short beam carries a smaller chip.
	cs := math.Min(22*u, arm*0.5)
	hx, hy := bx+arm-cs/2, by+tilt-cs*0.5*0.35-cs-3*u // seated on the beam
	var chip frame.Path
	chip.Rect(float32(hx), float32(hy), float32(cs), float32(cs), float32(3*u))
	p.mark(Mark{Key: "pan-heavy", Path: chip, Fill: true, Tone: ToneInk})
	var pins frame.Path
	for k := 1; k <= 3; k++ {
		t := float32(hx + cs*float64(k)/4)
		pins.MoveTo(t, float32(hy-5*u))
		pins.LineTo(t, float32(hy))
		s := float32(hy + cs*float64(k)/4)
		pins.MoveTo(float32(hx-5*u), s)
		pins.LineTo(float32(hx), s)
		pins.MoveTo(float32(hx+cs), s)
		pins.LineTo(float32(hx+cs+5*u), s)
	}
	p.mark(Mark{Key: "pan-heavy-pins", Path: pins, Width: 1.5 * u, Tone: ToneInk})
	// The light pan: two cells like the grid's software.
	c := 7 * u
	lx, ly := bx-arm-c-1*u, by-tilt-c-4*u
	var light frame.Path
	for k := range 2 {
		light.Rect(float32(lx+float64(k)*(c+2*u)), float32(ly), float32(c), float32(c), float32(1.5*u))
	}
	p.mark(Mark{Key: "pan-light", Path: light, Fill: true, Tone: ToneUS})
	return by + max(20*u, tilt)
}

func waffleBalanceHeight(arm, u float64) float64 {
	tilt := arm * 0.35
	return tilt + 11*u + max(20*u, tilt)
}

// waffleFigures are the form's first two figures, the whole and its part;
// ok is false unless both are there and the whole is positive.
func (p *placer) waffleFigures() (ids []string, whole, part data.Figure, ok bool) {
	ids = p.marks(data.KindFigure)
	if len(ids) < 2 {
		return nil, whole, part, false
	}
	whole, okW := p.figure(ids[0])
	part, okP := p.figure(ids[1])
	return ids, whole, part, okW && okP && whole.Value > 0
}

// waffleItems are the figures' places, for their cards: the part on its
// filled rows, the whole on the rest of the grid.
func (p *placer) waffleItems(ids []string, n, filled, cols int, gx, gy, size float64) {
	gw := float64(cols) * size
	fr := float64((filled+cols-1)/cols) * size
	gh := float64((n+cols-1)/cols) * size
	at := func(id string, y0, y1 float64) {
		c := pt(gx+gw/2, (y0+y1)/2)
		p.out.Items = append(p.out.Items, Item{ID: id, Kind: LooseItem, A: c, B: c, R: (y1 - y0) / 2, Marker: NoMarker})
	}
	at(ids[1], gy, gy+fr)
	if gh > fr {
		at(ids[0], gy+fr, gy+gh)
	}
}

// waffleKey is the grid's scale: one cell is this many.
func (p *placer) waffleKey(cell float64, whole data.Figure) string {
	key := "1 = " + grouped(cell)
	if unit := p.lang.Pick(whole.Unit); unit != "" {
		key += " " + unit
	}
	return key
}

// waffleCells is how many the whole counts per cell (a power of ten that
// keeps it under fifty cells), its cells, and the part's.
func waffleCells(whole, part data.Figure) (cell float64, n, filled int) {
	cell = math.Pow(10, math.Ceil(math.Log10(whole.Value/50)))
	return cell, int(math.Round(whole.Value / cell)), int(math.Round(part.Value / cell))
}

// waffleGrid draws n cells of size (less gap) in cols columns from (gx,
// gy): the first filled ones filled (the part), the rest outlined.
func (p *placer) waffleGrid(ids []string, n, filled, cols int, gx, gy, size, gap float64) {
	u := p.u
	for i := range n {
		x := gx + float64(i%cols)*size
		y := gy + float64(i/cols)*size
		var path frame.Path
		path.Rect(float32(x), float32(y), float32(size-gap), float32(size-gap), float32(2*u))
		if i < filled {
			p.mark(Mark{Key: "cell", Owner: ids[1], Path: path, Fill: true, Tone: ToneUS})
		} else {
			p.mark(Mark{Key: "cell", Owner: ids[0], Path: path, Width: 1.5 * u, Tone: ToneUS})
		}
	}
}

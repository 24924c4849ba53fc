package layout

import (
	"math"
	"strings"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// formWaffle: a count drawn as cells: the first mark (a figure) is the
// whole, the second the part that is filled, at one cell per power of ten
// that keeps the whole under fifty cells. The figures' labels stand beside
// it, as the dataset words them (with their attribution). The balance on the
// right weighs the habit the annotation names, hardware over software: its
// beam tips down toward a chip, the software's cells ride up light.
func formWaffle(p *placer) {
	u := p.u
	ids, whole, part, ok := p.waffleFigures()
	if !ok {
		return
	}
	cell, n, filled := waffleCells(whole, part)
	b := p.band()
	cols := 10
	rows := (n + cols - 1) / cols
	lh := (ascent + descent) * labelSize * u
	size := math.Min(b.H*0.8/float64(rows), (p.x1-p.x0)*0.45/float64(cols))
	if p.out.Portrait { // a phone has no balance beside the grid: it takes the width
		size = math.Min(b.H*0.45/float64(rows), (p.x1-p.x0-8*u)/float64(cols))
	}
	size = math.Min(size, 28*u)
	gap := math.Max(2*u, size*0.14)
	gx := p.x0 + 4*u
	gy := b.Y + (b.H-float64(rows)*size)/2
	if p.out.Portrait { // the grid, its key and the labels under it, centred as one
		gy = b.Y + math.Max(8*u, (b.H-float64(rows)*size-lh*7)/2)
	}
	p.waffleGrid(ids, n, filled, cols, gx, gy, size, gap)
	gw := float64(cols) * size
	gh := float64(rows) * size
	// Whose count it is: the firm on its line, over the grid; China's
	// leader on its line, at the other end.
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
	p.out.Items = append(p.out.Items, Item{ID: ids[1], Kind: LooseItem, A: pt(gx+gw/2, gy+gh/2), B: pt(gx+gw/2, gy+gh/2), R: gw / 2, Marker: NoMarker})
	// Labels right of the grid (under it on a phone).
	lx, lw := gx+gw+14*u, (p.x1-gx-gw)*0.5
	ly, lhh := gy, b.Y+b.H-gy
	if p.out.Portrait {
		// Under the grid's key.
		lx, lw, ly, lhh = p.x0, p.x1-p.x0, gy+gh+lh+12*u, b.Y+b.H-gy-gh-lh-12*u
	}
	var y = ly
	for k, id := range ids[:2] {
		f, _ := p.figure(id)
		v := FigureValue(f, p.lang)
		pcs := []piece{p.small(v, frame.Bold, Label), p.small(p.lang.Pick(f.Label), frame.Regular, Label)}
		if v == "" {
			pcs = pcs[1:]
		}
		r := p.label(id, Rect{lx, y, lw, ly + lhh - y}, Left, Top, pcs...)
		if r.H > 0 {
			y = r.Y + r.H + 10*u
		}
		_ = k
	}
	// The scale: one cell is this many.
	key := "1 = " + grouped(cell)
	if unit := p.lang.Pick(whole.Unit); unit != "" {
		key += " " + unit
	}
	p.label("", Rect{gx, gy + gh + 2*u, gw, lh + 2}, Left, Top, p.small(key, frame.Regular, Secondary))
	// The balance of the habit the scene names: the beam tipped toward
	// the hardware, the software light.
	if !p.out.Portrait && b.H > 110*u {
		bx := p.x0 + (p.x1-p.x0)*0.82
		by := b.Y + b.H*0.5
		arm := (p.x1 - p.x0) * 0.1
		tilt := arm * 0.35
		p.waffleBalance(bx, by, arm, part, ids[1])
		a := pt(bx, by+20*u)
		p.note(0, Rect{bx - arm*1.6, by + tilt + 30*u, arm * 3.2, 2.4 * lh}, Center, Top, &a)
	} else if p.out.Portrait {
		zc := p.zoneCN()
		p.note(0, zc, Center, Top, nil)
	}
	// China's side: the figure of how many are at that scale, under its line.
	if p.shown["fig-none-at-scale"] {
		f, _ := p.figure("fig-none-at-scale")
		zc := p.zoneCN()
		if p.out.Portrait {
			return
		}
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

// formWaffleTall: read down the phone, from the US line to China's: Nvidia
// on the US line at the top and its staff as a tall grid by that line, one
// cell per thousand, the software part filled (its rows on top), the
// figures' labels beside it; under the grid, the balance of the habit the
// scene names, its beam tipped down toward China's side, where a chip (the
// hardware, seen and touched) outweighs the software's few cells, with the
// annotation "hardware over software" under it; at the bottom, on China's
// line, Huawei and how many Chinese firms are at Nvidia's scale.
func formWaffleTall(p *placer) {
	u := p.u
	ids, whole, part, ok := p.waffleFigures()
	if !ok {
		return
	}
	cell, n, filled := waffleCells(whole, part)
	b := p.band()
	lh := (ascent + descent) * labelSize * u
	cols := 5
	rows := (n + cols - 1) / cols
	// Nvidia by its line, over the grid.
	y := b.Y
	if p.shown["nvidia"] {
		p.node("nvidia", ActorItem, data.US, p.xUS, y+lh/2, Dot)
		p.label("nvidia", Rect{p.xUS + 12*u, y, b.W * 0.6, lh}, Left, Middle, p.name(p.actorName("nvidia")))
		y += lh + 10*u
	}
	share := 0.36 // of the band's height for the grid; less on a short screen, for the balance
	if b.H < 460*u {
		share = 0.27
	}
	size := math.Min(math.Min(b.H*share/float64(rows), b.W*0.42/float64(cols)), 28*u)
	gap := math.Max(2*u, size*0.14)
	gx, gy := b.X+4*u, y
	p.waffleGrid(ids, n, filled, cols, gx, gy, size, gap)
	gw, gh := float64(cols)*size, float64(rows)*size
	p.out.Items = append(p.out.Items, Item{ID: ids[1], Kind: LooseItem, A: pt(gx+gw/2, gy+gh/2), B: pt(gx+gw/2, gy+gh/2), R: gw / 2, Marker: NoMarker})
	// The figures beside the grid: the software part by its filled rows,
	// the whole under it.
	lx := gx + gw + 12*u
	lw := b.X + b.W - lx
	ly := gy
	for _, id := range ids[:2] {
		f, _ := p.figure(id)
		v := FigureValue(f, p.lang)
		pcs := []piece{p.small(v, frame.Bold, Label), p.small(p.lang.Pick(f.Label), frame.Regular, Label)}
		if v == "" {
			pcs = pcs[1:]
		}
		r := p.label(id, Rect{lx, ly, lw, max(gy+gh-ly, 0)}, Left, Top, pcs...)
		if r.H > 0 {
			ly = r.Y + r.H + 10*u
		}
	}
	key := "1 = " + grouped(cell)
	if unit := p.lang.Pick(whole.Unit); unit != "" {
		key += " " + unit
	}
	p.label("", Rect{gx, gy + gh + 5*u, b.W, lh + 2}, Left, Top, p.small(key, frame.Regular, Secondary))
	y = max(gy+gh+lh+11*u, ly)
	// China's end, at the bottom by its line: Huawei, and the count of
	// firms at that scale.
	bottom := b.Y + b.H
	if p.shown["fig-none-at-scale"] {
		f, _ := p.figure("fig-none-at-scale")
		w := b.W * 0.8
		r := p.label("fig-none-at-scale", Rect{p.xCN - 12*u - w, bottom - 3.4*lh, w, 3.4 * lh}, Right, Bottom,
			p.small(FigureValue(f, p.lang), frame.Bold, Label), p.small(p.lang.Pick(f.Label), frame.Regular, Label))
		if r.H > 0 {
			bottom = r.Y - 8*u
		}
	}
	if p.shown["huawei"] {
		p.node("huawei", ActorItem, data.CN, p.xCN, bottom-lh/2, Dot)
		w := b.W * 0.6
		if p.label("huawei", Rect{p.xCN - 12*u - w, bottom - lh, w, lh}, Right, Middle, p.name(p.actorName("huawei"))).H > 0 {
			bottom -= lh + 10*u
		}
	}
	// The balance in the room between, with the annotation under it.
	room := bottom - y
	arm := b.W * 0.3
	need := 2*arm*0.35 + 50*u + 2.4*lh
	if room < need {
		p.note(0, Rect{b.X, y, b.W, max(room, 0)}, Center, Top, nil)
		return
	}
	by := y + (room-need)/2 + arm*0.35 + 36*u
	bx := b.X + b.W/2
	foot := p.waffleBalance(bx, by, arm, part, ids[1])
	a := pt(bx, foot)
	p.note(0, Rect{b.X, foot + 10*u, b.W, 2.4 * lh}, Center, Top, &a)
}

// waffleBalance draws the balance of the habit the scene names at (bx,
// by), its beam arm long each side: tipped down to the right, where a chip
// (the hardware) sits heavy in its pan, and up on the left, where the
// software's few cells sit light, the software count over them. It
// returns the height under which the balance leaves the room clear.
func (p *placer) waffleBalance(bx, by, arm float64, part data.Figure, owner string) float64 {
	u := p.u
	lh := (ascent + descent) * labelSize * u
	tilt := arm * 0.35
	p.fill("fulcrum", "", ToneInk, 1, pt(bx, by), pt(bx-10*u, by+18*u), pt(bx+10*u, by+18*u))
	p.stroke("beam", "", ToneInk, 3*u, pt(bx-arm, by-tilt), pt(bx+arm, by+tilt))
	// The heavy pan: a chip, its body and pins.
	cs := 22 * u
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
	// The light pan: a few cells of the grid's software, the count over
	// them.
	c := 7 * u
	lx, ly := bx-arm-c-1*u, by-tilt-c-4*u
	var light frame.Path
	for k := range 2 {
		light.Rect(float32(lx+float64(k)*(c+2*u)), float32(ly), float32(c), float32(c), float32(1.5*u))
	}
	p.mark(Mark{Key: "pan-light", Path: light, Fill: true, Tone: ToneUS})
	if v := FigureValue(part, p.lang); v != "" {
		pw := p.m.Advance(v, labelSize*u, frame.Bold) + 4*u
		p.label(owner, Rect{bx - arm - pw/2, ly - 6*u - lh, pw, lh}, Center, Bottom, p.small(v, frame.Bold, Label))
	}
	return by + max(20*u, tilt)
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

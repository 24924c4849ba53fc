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
// right tips toward the filled part, with the annotation.
func formWaffle(p *placer) {
	u := p.u
	ids := p.marks(data.KindFigure)
	if len(ids) < 2 {
		return
	}
	whole, okW := p.figure(ids[0])
	part, okP := p.figure(ids[1])
	if !okW || !okP || whole.Value <= 0 {
		return
	}
	cell := math.Pow(10, math.Ceil(math.Log10(whole.Value/50)))
	n := int(math.Round(whole.Value / cell))
	filled := int(math.Round(part.Value / cell))
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
	// The balance: a beam tipped toward the filled side.
	if !p.out.Portrait && b.H > 110*u {
		bx := p.x0 + (p.x1-p.x0)*0.82
		by := b.Y + b.H*0.5
		arm := (p.x1 - p.x0) * 0.1
		tilt := arm * 0.35
		p.fill("fulcrum", "", ToneInk, 1, pt(bx, by), pt(bx-10*u, by+18*u), pt(bx+10*u, by+18*u))
		p.stroke("beam", "", ToneInk, 3*u, pt(bx-arm, by-tilt), pt(bx+arm, by+tilt))
		var heavy, light frame.Path
		heavy.Rect(float32(bx+arm-12*u), float32(by+tilt-24*u), float32(24*u), float32(22*u), float32(3*u))
		light.Rect(float32(bx-arm-8*u), float32(by-tilt-10*u), float32(16*u), float32(8*u), float32(2*u))
		p.mark(Mark{Key: "pan-heavy", Path: heavy, Fill: true, Tone: ToneUS})
		p.mark(Mark{Key: "pan-light", Path: light, Width: 1.5 * u, Tone: ToneMuted})
		// What weighs: the filled part's count under its pan.
		if v := FigureValue(part, p.lang); v != "" {
			pw := p.m.Advance(v, labelSize*u, frame.Bold) + 4*u
			p.label(ids[1], Rect{bx + arm - pw/2, by + tilt + 10*u, pw, lh}, Center, Top, p.small(v, frame.Bold, Label))
		}
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

package layout

import (
	"math"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// formNetwork: the marks (actors of one line) pull into a tight ring just
// off their line, each tied to it; the relations among them are drawn as
// arcs, each labelled with its kind. The line bends toward the ring. The
// other line dims.
func formNetwork(p *placer) {
	u := p.u
	ids := p.marks(data.KindActor)
	side := data.US
	if len(ids) > 0 {
		side = p.actorSide(ids[0])
	}
	p.dim(1 - side)
	b := p.band()
	cx := p.x0 + (p.x1-p.x0)*0.45
	cy := b.Y + b.H*0.52
	rx := math.Min((p.x1-p.x0)*0.3, 260*u)
	ry := math.Min(b.H*0.32, 120*u)
	// The line dips toward the ring, as if pulled by it.
	ly := p.yUS
	if side == data.CN {
		ly = p.yCN
	}
	lh := (ascent + descent) * labelSize * u
	// ... but stops short of the top node's name, which stands above it.
	pull := math.Max(0, math.Min((cy-ry-ly)*0.5, cy-ry-12*u-lh-8*u-ly))
	p.setLine(side, pt(p.x0, ly), pt(cx-rx*1.4, ly), pt(cx, ly+pull), pt(cx+rx*1.4, ly), pt(p.x1, ly))
	at := map[string]frame.Point{}
	for i, id := range ids {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(len(ids))
		x, y := cx+rx*math.Cos(a), cy+ry*math.Sin(a)
		at[id] = pt(x, y)
		p.node(id, ActorItem, side, x, y, Dot)
		w := math.Min(150*u, (p.x1-p.x0)*0.3)
		slot := Rect{x + 12*u, y - lh/2, w, lh}
		al := Left
		if math.Cos(a) < -0.1 {
			slot.X, al = x-12*u-w, Right
		} else if math.Abs(math.Cos(a)) <= 0.1 {
			slot = Rect{x - w/2, y - 12*u - lh, w, lh}
			if math.Sin(a) > 0 {
				slot.Y = y + 12*u
			}
			al = Center
		}
		p.label(id, slot, al, Middle, p.name(p.actorName(id)))
	}
	// Arcs. A kind of tie drawn once is labelled at the arc's middle; a
	// kind drawn on several arcs gets one in-place key (a sample of the arc
	// and its word) in the ring's empty lower-left quarter, not the same
	// word on every arc.
	arcs, count := p.ringArcs(at, side)
	p.keyArcs(arcs, count, cx-rx*0.95, cy+ry*0.55, 22*u, side)
	// Annotations: the first by the emphasised tie, the second at the right.
	if len(ids) > 0 {
		right := cx + rx + 170*u
		if p.out.Portrait {
			// Right under the ring: a leader to its middle would run
			// beside the OpenAI–Nvidia arc and read as one more tie.
			p.note(0, Rect{p.x0, b.Y + b.H - 2.4*lh, p.x1 - p.x0, 2.4 * lh}, Center, Bottom, nil)
			zu := p.zoneUS()
			p.note(1, Rect{p.x0, zu.Y, p.x1 - p.x0, zu.H}, Center, Bottom, nil)
		} else {
			// Tied by a leader to the ties it describes: the arc from
			// Oracle down to Nvidia, the ring's lower right.
			var anchor *frame.Point
			for _, a := range arcs {
				if m := midOf(a.path); float64(m.X) > cx && float64(m.Y) > cy {
					anchor = &m
				}
			}
			// It stands just below and right of that arc's middle, under
			// Oracle's name, with a short leader; failing that, at the
			// right.
			got := Rect{}
			if anchor != nil {
				ax, ay := float64(anchor.X)+18*u, float64(anchor.Y)+10*u
				cnTop := yAt(p.lines[1], ax) - 10*u
				if side == data.CN {
					cnTop = p.yCN - 10*u // (a China ring: never here)
				}
				got = p.note(0, Rect{ax, ay, p.x1 - ax, math.Min(2.4*lh, cnTop-ay)}, Left, Top, anchor)
			}
			if got.H == 0 {
				p.note(0, Rect{right, cy - 2*lh, p.x1 - right, 4 * lh}, Left, Middle, anchor)
			}
			zu := p.zoneUS()
			p.note(1, Rect{cx - rx, zu.Y, 2 * rx, zu.H}, Center, Bottom, nil)
		}
	}
}

func pickText(ts []data.Text, i uint8) data.Text {
	if int(i) < len(ts) {
		return ts[i]
	}
	return data.Text{}
}

// midOf is the middle point of a path's sampled curve.
func midOf(path frame.Path) frame.Point {
	ls := path.Polylines(16)
	if len(ls) == 0 || len(ls[0]) == 0 {
		return frame.Point{}
	}
	l := ls[0]
	return l[len(l)/2]
}

// formNetworkTall: the ring of giants stands in the middle of the band,
// its nodes at the top, right, bottom and left, the arcs among them named
// by kind; the US line bends in toward the ring at its height, as if
// pulled into it. "An AI-native operating system" heads the ring, and the
// first annotation stands under it with a leader to the ties it describes.
// China's line dims.
func formNetworkTall(p *placer) {
	u := p.u
	ids := p.marks(data.KindActor)
	side := data.US
	if len(ids) > 0 {
		side = p.actorSide(ids[0])
	}
	p.dim(1 - side)
	b := p.band()
	lh := (ascent + descent) * labelSize * u
	// Room for the widest side name beside the left and right nodes.
	nameW := 0.0
	for _, id := range ids {
		nameW = math.Max(nameW, p.m.Advance(p.lang.Pick(p.actorName(id)), labelSize*u, frame.Bold))
	}
	nameW = math.Min(nameW+4*u, b.W*0.3)
	// The ring stands off centre, away from its line, leaving the line
	// room to bend in toward it.
	rx := math.Min(b.W/2-nameW-14*u, 150*u) * 0.8
	ry := math.Min(b.H*0.26, 170*u)
	cx := math.Min(b.X+b.W*0.58, b.X+b.W-rx-16*u-nameW)
	if side == data.CN {
		cx = math.Max(b.X+b.W*0.42, b.X+rx+16*u+nameW)
	}
	cy := b.Y + b.H*0.5
	// The line bends toward the ring, stopping short of the left name.
	lx := p.xUS
	if side == data.CN {
		lx = p.xCN
	}
	room := (cx - rx - 12*u - nameW - 10*u) - lx
	if side == data.CN {
		room = lx - (cx + rx + 12*u + nameW + 10*u)
	}
	pull := math.Max(0, math.Min(room, rx*0.6))
	if side == data.CN {
		pull = -pull
	}
	// A smooth bulge, so the line reads as drawn in, not folded.
	bend := []frame.Point{pt(lx, p.y0)}
	reach := math.Min(ry*1.6, (p.y1-p.y0)/2-4*u)
	for k := range 13 {
		t := float64(k)/6 - 1 // -1 … 1
		bend = append(bend, pt(lx+pull*(0.5+0.5*math.Cos(math.Pi*t)), cy+reach*t))
	}
	p.setLine(side, append(bend, pt(lx, p.y1))...)
	at := map[string]frame.Point{}
	for i, id := range ids {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(len(ids))
		x, y := cx+rx*math.Cos(a), cy+ry*math.Sin(a)
		at[id] = pt(x, y)
		p.node(id, ActorItem, side, x, y, Dot)
		w := math.Min(150*u, b.W*0.5)
		slot, al := Rect{x + 12*u, y - lh/2, nameW, lh}, Left
		switch {
		case math.Cos(a) < -0.1:
			slot.X, al = x-12*u-nameW, Right
		case math.Abs(math.Cos(a)) <= 0.1:
			slot, al = Rect{x - w/2, y - 12*u - lh, w, lh}, Center
			if math.Sin(a) > 0 {
				slot.Y = y + 12*u
			}
		}
		p.label(id, slot, al, Middle, p.name(p.actorName(id)))
	}
	arcs, count := p.ringArcs(at, side)
	var tie frame.Path // the ring's lower-right tie, for the first annotation
	for _, a := range arcs {
		if m := midOf(a.path); float64(m.X) > cx && float64(m.Y) > cy {
			tie = a.path
		}
	}
	p.keyArcs(arcs, count, cx-rx*0.9, cy+ry*0.5, 18*u, side)
	if len(ids) == 0 {
		return
	}
	// What the alliance is, over the ring; what binds it, under the ring,
	// tied by a leader to the lower-right arc.
	topRoom := cy - ry - 12*u - lh - 10*u - b.Y
	p.note(1, Rect{b.X, b.Y + topRoom*0.3, b.W, topRoom * 0.7}, Center, Middle, nil)
	foot := cy + ry + 12*u + lh + 18*u
	var anchor *frame.Point
	if ls := tie.Polylines(16); len(ls) > 0 && len(ls[0]) > 0 {
		// A third of the way down from the upper node: clear of the
		// lower node's name.
		l := ls[0]
		m := l[len(l)/3]
		if l[0].Y > l[len(l)-1].Y {
			m = l[len(l)*2/3]
		}
		anchor = &m
	}
	p.note(0, Rect{b.X, foot, b.W, 2.4 * lh}, Center, Top, anchor)
}

// ringArc is one relation drawn between two nodes of the ring.
type ringArc struct {
	r    data.Relation
	path frame.Path
}

// ringArcs draws every shown relation between two nodes placed at `at` as
// a bowed arc in side's colour, and counts them by kind.
func (p *placer) ringArcs(at map[string]frame.Point, side data.Side) ([]ringArc, map[data.RelationKind]int) {
	var arcs []ringArc
	count := map[data.RelationKind]int{}
	for _, r := range p.s.Relations {
		a, okA := at[r.From]
		b, okB := at[r.To]
		if !p.shown[r.ID] || !okA || !okB {
			continue
		}
		path := bow(a, b, 0.12)
		w := 2 * p.u
		if p.emph[r.ID] {
			w = 3.5 * p.u
		}
		p.link(r.ID, r.From, r.To, false, path, w, ToneUS+Tone(side&1))
		arcs = append(arcs, ringArc{r, path})
		count[r.Kind]++
	}
	return arcs, count
}

// keyArcs says what kind of tie each arc is: in place on an arc whose kind
// it alone has, else once for the kind in a key at (kx, ky), a swatch sw
// wide beside the word (not the same word on every arc). Labels get halos,
// since arcs pass under them.
func (p *placer) keyArcs(arcs []ringArc, count map[data.RelationKind]int, kx, ky, sw float64, side data.Side) {
	u := p.u
	lh := (ascent + descent) * labelSize * u
	keyed := map[data.RelationKind]bool{}
	for _, a := range arcs {
		word := p.lang.Pick(pickText(relationWords, uint8(a.r.Kind)))
		ww := p.m.Advance(word, labelSize*u, frame.Regular) + 4*u
		if count[a.r.Kind] == 1 {
			mid := midOf(a.path)
			p.label(a.r.ID, Rect{float64(mid.X) - ww/2, float64(mid.Y) - lh/2, ww, lh}, Center, Middle, p.small(word, frame.Regular, Label))
			continue
		}
		if keyed[a.r.Kind] {
			continue
		}
		keyed[a.r.Kind] = true
		if p.label(a.r.ID, Rect{kx + sw + 6*u, ky - lh/2, ww, lh}, Left, Middle, p.small(word, frame.Regular, Label)).H > 0 {
			p.stroke("key-"+a.r.ID, a.r.ID, ToneUS+Tone(side&1), 2*u, pt(kx, ky), pt(kx+sw, ky))
			ky += lh * 1.3
		}
	}
	for j := range p.out.Runs {
		if p.out.Runs[j].Role == Label {
			p.out.Runs[j].Halo = true
		}
	}
}

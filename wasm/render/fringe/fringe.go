// Package fringe turns the strokes and convex fills of a frame.List into
// triangles whose vertices carry coverage, antialiased the way NanoVG does
// it: a feathered rim one device pixel wide, ramping from full coverage to
// none, around geometry inset by half a pixel. A GPU then draws a path in one
// pass of plain triangles instead of a stencil per sample, which is what
// makes it cheap under software WebGL. It owns only geometry: no colour, no
// Ebitengine, no browser.
//
// Coverage along a straight edge matches a box filter exactly; on curves and
// corners it differs from an exact rasteriser by up to a quarter of a
// pixel's coverage at the rim (measured 0.23), which the live widget's
// comparison with its posters allows for.
package fringe

import (
	"math"

	"github.com/parallel-lines/widget/wasm/frame"
)

// Tolerance is how far, in device pixels, the flattened centre line and the
// polygons standing for round joins and caps may stray from the true curve.
const Tolerance = 0.25

// Vertex is a corner of a triangle: a position in device pixels and the
// coverage there, 0 to 1, interpolated linearly across the triangle.
type Vertex struct{ X, Y, A float32 }

// Mesh collects the triangles of any number of paths. Triangles of one path
// never overlap (except where a stroke folds over itself at a turn sharper
// than its width allows), so a translucent path is drawn evenly.
type Mesh struct {
	Verts []Vertex
	Index []uint32

	pts  []frame.Point
	subs []sub
}

type sub struct {
	a, b   int // pts[a:b]
	closed bool
}

// Reset empties the mesh and keeps its memory.
func (m *Mesh) Reset() { m.Verts, m.Index = m.Verts[:0], m.Index[:0] }

// Stroke adds p stroked with a round pen of the given width (round caps and
// joins, as the other backends draw it).
func (m *Mesh) Stroke(p *frame.Path, width float32) {
	if !(width > 0) {
		return
	}
	hw := float64(width) / 2
	s := stroker{m: m, ro: hw + 0.5, ri: hw - 0.5, a: 1}
	if s.ri < 0 {
		// Thinner than a pixel: a tent whose area is the width.
		s.ri, s.a = 0, float32(2*hw/s.ro)
	}
	s.step = arcStep(s.ro)
	m.flatten(p)
	for _, sb := range m.subs {
		s.line(m.pts[sb.a:sb.b], sb.closed && sb.b-sb.a > 2)
	}
}

// arcStep is the angle between the corners of a polygon that stands for an
// arc of radius r. Its tolerance is tighter than the centre line's: an
// inscribed polygon loses area all round a cap or dot, which shows.
func arcStep(r float64) float64 {
	const tol = Tolerance / 4
	if r <= tol {
		return math.Pi
	}
	return 2 * math.Acos(1-tol/r)
}

type vec struct{ x, y float64 }

func (a vec) add(b vec) vec        { return vec{a.x + b.x, a.y + b.y} }
func (a vec) sub(b vec) vec        { return vec{a.x - b.x, a.y - b.y} }
func (a vec) mul(k float64) vec    { return vec{a.x * k, a.y * k} }
func (a vec) dot(b vec) float64    { return a.x*b.x + a.y*b.y }
func (a vec) cross(b vec) float64  { return a.x*b.y - a.y*b.x }
func (a vec) left() vec            { return vec{-a.y, a.x} }
func (a vec) rot(c, s float64) vec { return vec{a.x*c - a.y*s, a.x*s + a.y*c} }
func pt(p frame.Point) vec         { return vec{float64(p.X), float64(p.Y)} }
func unit(a vec) (vec, float64)    { n := math.Hypot(a.x, a.y); return a.mul(1 / n), n }
func lerp(a, b vec, t float64) vec { return a.add(b.sub(a).mul(t)) }
func (a vec) near(b vec) bool      { return math.Abs(a.x-b.x) < 1e-3 && math.Abs(a.y-b.y) < 1e-3 }
func (m *Mesh) last() vec          { return pt(m.pts[len(m.pts)-1]) }
func (m *Mesh) push(v vec)         { m.pts = append(m.pts, frame.Point{X: float32(v.x), Y: float32(v.y)}) }
func (m *Mesh) vert(v vec, a float32) {
	m.Verts = append(m.Verts, Vertex{float32(v.x), float32(v.y), a})
}

// stroker emits a stroke as a chain of cross-sections, four vertices each
// (outer rim, inner rim, inner rim, outer rim across the pen), every one
// joined to the next by three quads: rim, core, rim. Consecutive segments
// share their cross-section at the point between them, as NanoVG shares
// its offset vertices, so a smooth curve has no overlapping triangles.
type stroker struct {
	m      *Mesh
	ro, ri float64 // distances of the rim's outer and inner edge from the centre line
	a      float32 // coverage inside the inner edge
	step   float64 // angle between the corners of round caps and joins
	prev   int     // first vertex of the last cross-section, or -1
}

// section adds a cross-section at c whose left half points along l and
// right half along r (unit vectors, or mitres longer than one), and joins it
// to the one before.
func (s *stroker) section(c, l, r vec) {
	m := s.m
	at := len(m.Verts)
	m.vert(c.add(l.mul(s.ro)), 0)
	m.vert(c.add(l.mul(s.ri)), s.a)
	m.vert(c.add(r.mul(s.ri)), s.a)
	m.vert(c.add(r.mul(s.ro)), 0)
	if s.prev >= 0 {
		s.join(s.prev, at)
	}
	s.prev = at
}

// join adds the three quads between two cross-sections.
func (s *stroker) join(a, b int) {
	for j := uint32(0); j < 3; j++ {
		a, b := uint32(a)+j, uint32(b)+j
		s.m.Index = append(s.m.Index, a, a+1, b+1, a, b+1, b)
	}
}

func (s *stroker) line(pts []frame.Point, closed bool) {
	s.prev = -1
	n := len(pts)
	if n == 1 { // a dot: two caps back to back
		c := pt(pts[0])
		s.cap(c, vec{1, 0}, true)
		s.section(c, vec{0, 1}, vec{0, -1})
		s.cap(c, vec{1, 0}, false)
		return
	}
	dir := func(i int) vec { d, _ := unit(pt(pts[(i+1)%n]).sub(pt(pts[i]))); return d }
	if !closed {
		d := dir(0)
		s.cap(pt(pts[0]), d, true)
		s.section(pt(pts[0]), d.left(), d.left().mul(-1))
		for i := 1; i < n-1; i++ {
			s.turn(pts, i, dir(i-1), dir(i))
		}
		d = dir(n - 2)
		s.section(pt(pts[n-1]), d.left(), d.left().mul(-1))
		s.cap(pt(pts[n-1]), d, false)
		return
	}
	first := len(s.m.Verts)
	for i := 0; i < n; i++ {
		s.turn(pts, i, dir((i+n-1)%n), dir(i))
	}
	s.join(s.prev, first)
}

// cap adds a round cap at c for a line leaving (start) or arriving along d:
// cross-sections from the tip to, not including, the square end (or back).
func (s *stroker) cap(c, d vec, start bool) {
	k := int(math.Ceil(math.Pi / 2 / s.step))
	n := d.left()
	if !start {
		d = d.mul(-1)
	}
	for i := 0; i < k; i++ {
		j := i
		if !start {
			j = k - 1 - i
		}
		phi := math.Pi / 2 * float64(j) / float64(k)
		back, side := d.mul(-math.Cos(phi)), n.mul(math.Sin(phi))
		s.section(c, back.add(side), back.sub(side))
	}
}

// turn adds the cross-sections at point i between segments d0 and d1: one,
// along the mitre, where the turn is gentle enough that a mitre stays within
// Tolerance of a round join; else a fan on the outer side around the inner
// corner.
func (s *stroker) turn(pts []frame.Point, i int, d0, d1 vec) {
	c := pt(pts[i])
	n0, n1 := d0.left(), d1.left()
	dm := n0.add(n1).mul(0.5)
	dmr2 := dm.dot(dm)
	if dmr2 > 1e-6 {
		dm = dm.mul(1 / dmr2) // c + dm·r lies on both offset lines
	}
	ml := math.Sqrt(dm.dot(dm))
	if dmr2 > 1e-6 && s.ro*(ml-1) <= Tolerance {
		s.section(c, dm, dm.mul(-1))
		return
	}
	cr := d0.cross(d1)
	theta := math.Atan2(math.Abs(cr), d0.dot(d1))
	// side is +1 where the path turns towards its left (+n), which is then
	// the inner side.
	side := 1.0
	if cr < 0 {
		side = -1
	}
	// The inner corner is the mitre unless it reaches past either segment;
	// then each segment keeps its own square end there, and they overlap.
	l0 := c.sub(pt(pts[(i+len(pts)-1)%len(pts)]))
	l1 := pt(pts[(i+1)%len(pts)]).sub(c)
	reach := math.Min(math.Hypot(l0.x, l0.y), math.Hypot(l1.x, l1.y))
	bevel := dmr2 <= 1e-6 || ml*s.ro*math.Sin(theta/2) > reach
	k := max(1, int(math.Ceil(theta/s.step)))
	for j := 0; j <= k; j++ {
		t := side * theta * float64(j) / float64(k)
		out := n0.rot(math.Cos(t), math.Sin(t)).mul(-side) // from n0 to n1 on the outer side
		in := dm.mul(side)
		if bevel {
			in = n0.mul(side)
			if 2*j > k {
				in = n1.mul(side)
			}
		}
		if side > 0 {
			s.section(c, in, out)
		} else {
			s.section(c, out, in)
		}
	}
}

// flatten cuts p into runs of points, curves into straight pieces within
// Tolerance (Wang's formula: the pieces a Bézier needs for its second
// differences), dropping points that repeat the one before.
func (m *Mesh) flatten(p *frame.Path) {
	m.pts, m.subs = m.pts[:0], m.subs[:0]
	var start vec
	open := false
	begin := func(q vec) {
		m.end()
		m.subs = append(m.subs, sub{a: len(m.pts)})
		m.push(q)
		start, open = q, true
	}
	add := func(q vec) {
		if !open {
			begin(start)
		}
		if !m.last().near(q) {
			m.push(q)
		}
	}
	ps := p.Pts
	for _, v := range p.Verbs {
		switch v {
		case frame.MoveTo:
			begin(pt(ps[0]))
			ps = ps[1:]
		case frame.LineTo:
			add(pt(ps[0]))
			ps = ps[1:]
		case frame.QuadTo:
			if !open {
				begin(start)
			}
			a, b, c := m.last(), pt(ps[0]), pt(ps[1])
			n := pieces(0.25, a.sub(b.mul(2)).add(c))
			for i := 1; i <= n; i++ {
				t := float64(i) / float64(n)
				add(lerp(lerp(a, b, t), lerp(b, c, t), t))
			}
			ps = ps[2:]
		case frame.CubeTo:
			if !open {
				begin(start)
			}
			a, b, c, d := m.last(), pt(ps[0]), pt(ps[1]), pt(ps[2])
			dd1, dd2 := a.sub(b.mul(2)).add(c), b.sub(c.mul(2)).add(d)
			if dd2.dot(dd2) > dd1.dot(dd1) {
				dd1 = dd2
			}
			n := pieces(0.75, dd1)
			for i := 1; i <= n; i++ {
				t := float64(i) / float64(n)
				ab, bc, cd := lerp(a, b, t), lerp(b, c, t), lerp(c, d, t)
				add(lerp(lerp(ab, bc, t), lerp(bc, cd, t), t))
			}
			ps = ps[3:]
		case frame.Close:
			if open {
				m.subs[len(m.subs)-1].closed = true
				m.end()
				open = false
			}
		}
	}
	m.end()
}

// pieces is Wang's count for a curve whose largest second difference is dd
// (k is n(n-1)/8 for degree n).
func pieces(k float64, dd vec) int {
	n := math.Ceil(math.Sqrt(k * math.Hypot(dd.x, dd.y) / Tolerance))
	return int(min(max(n, 1), 256))
}

// end finishes the run being built: a closed run's last point repeating its
// first is dropped.
func (m *Mesh) end() {
	if len(m.subs) == 0 {
		return
	}
	s := &m.subs[len(m.subs)-1]
	if s.b != 0 {
		return
	}
	if len(m.pts)-s.a > 1 && pt(m.pts[s.a]).near(m.last()) {
		m.pts = m.pts[:len(m.pts)-1]
		s.closed = true
	}
	s.b = len(m.pts)
}

// Fill adds p filled, if every one of its sub-paths is convex and no two of
// them come within a pixel of each other (so non-zero winding is just each
// drawn alone), and reports whether it did; the mesh is unchanged if not.
// Other fills (concave, self-crossing, nested or tiny) are left to an exact
// rasteriser: they are few, and mostly stand still.
func (m *Mesh) Fill(p *frame.Path) bool {
	m.flatten(p)
	type box struct{ x0, y0, x1, y1 float64 }
	var boxes []box
	for _, sb := range m.subs {
		ps := m.pts[sb.a:sb.b]
		if len(ps) < 3 || !convex(ps) {
			return false
		}
		b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for _, q := range ps {
			b = box{min(b.x0, float64(q.X)), min(b.y0, float64(q.Y)), max(b.x1, float64(q.X)), max(b.y1, float64(q.Y))}
		}
		// Half a pixel inset from each side must leave something.
		if b.x1-b.x0 < 2 || b.y1-b.y0 < 2 {
			return false
		}
		for _, c := range boxes {
			if b.x0 < c.x1+1 && c.x0 < b.x1+1 && b.y0 < c.y1+1 && c.y0 < b.y1+1 {
				return false
			}
		}
		boxes = append(boxes, b)
	}
	for _, sb := range m.subs {
		m.convexFill(m.pts[sb.a:sb.b])
	}
	return true
}

// convex reports whether ps, closed, turns one way only, once round.
func convex(ps []frame.Point) bool {
	n := len(ps)
	var turned float64
	sign := 0.0
	for i := range ps {
		a, b, c := pt(ps[(i+n-1)%n]), pt(ps[i]), pt(ps[(i+1)%n])
		u, v := b.sub(a), c.sub(b)
		cr := u.cross(v)
		if math.Abs(cr) > 1e-9*(u.dot(u)+v.dot(v)) {
			if sign == 0 {
				sign = math.Copysign(1, cr)
			} else if sign*cr < 0 {
				return false
			}
		}
		turned += math.Atan2(cr, u.dot(v))
	}
	return math.Abs(math.Abs(turned)-2*math.Pi) < 0.1
}

// convexFill adds a fan over the polygon inset by half a pixel and a rim
// from there to half a pixel outside, where coverage falls to 0.
func (m *Mesh) convexFill(ps []frame.Point) {
	n := len(ps)
	var area float64
	for i := range ps {
		area += pt(ps[i]).cross(pt(ps[(i+1)%n]))
	}
	out := 1.0 // the outward normal of an edge d is out·(d.y, -d.x)
	if area < 0 {
		out = -1
	}
	base := uint32(len(m.Verts))
	for i := range ps {
		a, b, c := pt(ps[(i+n-1)%n]), pt(ps[i]), pt(ps[(i+1)%n])
		d0, _ := unit(b.sub(a))
		d1, _ := unit(c.sub(b))
		n0, n1 := vec{d0.y, -d0.x}.mul(out), vec{d1.y, -d1.x}.mul(out)
		dm := n0.add(n1).mul(0.5)
		// A sharp corner's mitre is held to 2 px, as NanoVG bevels it.
		dm = dm.mul(1 / max(dm.dot(dm), 0.25))
		m.vert(b.sub(dm.mul(0.5)), 1)
		m.vert(b.add(dm.mul(0.5)), 0)
	}
	for i := uint32(1); i+1 < uint32(n); i++ {
		m.Index = append(m.Index, base, base+2*i, base+2*i+2)
	}
	for i := uint32(0); i < uint32(n); i++ {
		j := (i + 1) % uint32(n)
		a, b, c, d := base+2*i, base+2*i+1, base+2*j+1, base+2*j
		m.Index = append(m.Index, a, b, c, a, c, d)
	}
}

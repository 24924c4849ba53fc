package layout

import (
	"math"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// Type sizes and spacing in CSS pixels at the reference size; Place scales
// them with the screen (see unit). Four sizes in all: title, dek (and line
// names, card titles), labels (names, annotations, cards), and nothing
// smaller, so that a phone never shows text under 13 CSS pixels.
const (
	titleSize = 22
	dekSize   = 15
	labelSize = 13
	margin    = 16
	footer    = 52 // room for the controls under the stage: 44 px targets
	lineGap   = 1.25
	// Baseline offsets of the font's box, as fractions of the size.
	ascent  = 0.95
	descent = 0.25
	// measure is the dek's longest line, in ems: about 75 Latin characters.
	measure = 38
)

// Kept for the cards and the controls, which speak of these sizes by role.
const (
	headingSize   = dekSize
	primarySize   = labelSize
	secondarySize = labelSize
	captionSize   = dekSize
)

// unit is how many device pixels one reference CSS pixel becomes: the device
// scale factor, eased down on tiny embeds and up on large screens so that
// type stays proportionate. A phone (short side from 320 CSS px) keeps at
// least 1, so labels stay at 13 CSS px. Presenting sizes labels to a
// thirtieth of the screen's height, for a room.
func unit(s Screen) float64 {
	scale := s.Scale
	if scale <= 0 {
		scale = 1
	}
	short := math.Min(float64(s.W), float64(s.H)) / scale
	lo := 0.85
	if short >= 320 {
		lo = 1
	}
	u := scale * clamp(short/620, lo, 1.6)
	if s.Present {
		u = math.Max(u, float64(s.H)/30/labelSize)
	}
	return u
}

// Unit is unit(s) for the widget, so that what it draws around the layout
// (control icons, rings, halos) keeps in scale with the type.
func Unit(s Screen) float64 { return unit(s) }

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

// Place lays out scene (an index into s.Scenes) for one screen and language.
func Place(s *data.Story, scene int, scr Screen, lang Lang, m Measurer) Layout {
	p := placer{s: s, scene: scene, sc: &s.Scenes[scene], scr: scr, lang: lang, m: m, u: unit(scr)}
	p.out.Screen = scr
	p.out.Portrait = scr.H > scr.W
	p.shown = map[string]bool{}
	for _, id := range p.sc.Shows {
		p.shown[id] = true
	}
	p.emph = map[string]bool{}
	for _, id := range p.sc.Emphasis {
		p.emph[id] = true
	}
	p.out.Form = p.sc.Form.Name
	if p.out.Form == "" {
		p.out.Form = data.FormNames[0]
	}
	f := registry[p.out.Form]
	p.out.Tall = p.out.Portrait && f.tall != nil
	p.header()
	if p.out.Tall {
		p.spineTall()
		f.tall(&p)
	} else {
		p.spine()
		if f.wide != nil {
			f.wide(&p)
		}
	}
	p.finish()
	p.controls()
	return p.out
}

type placer struct {
	s     *data.Story
	scene int
	sc    *data.Scene
	scr   Screen
	lang  Lang
	m     Measurer
	u     float64
	shown map[string]bool
	emph  map[string]bool
	out   Layout

	// The spine: where the lines run and the zones beside them. A wide
	// composition uses x0, x1, yUS and yCN; a tall one y0, y1, xUS, xCN.
	x0, x1   float64 // the lines' left and right ends
	yUS, yCN float64 // their resting heights
	y0, y1   float64 // tall: the lines' top and bottom ends
	xUS, xCN float64 // tall: their resting places across
	lines    [2][]frame.Point
	alpha    [2]float64
	width    [2]float64
	placed   map[string]bool // elements given a place on the stage
	blocks   int             // text blocks placed so far
	chrome   bool            // placing the controls' text, under the stage
	// namesOver: in a wide composition the line names stand over the US
	// line's left end and under China's, not in a gutter before them (a
	// phone, or a screen too narrow for the gutter).
	namesOver bool
}

// Align is how a block of text stands against its x.
type Align uint8

const (
	Left Align = iota
	Center
	Right
)

// header fits the title and the dek at the top. The dek is the caption, or
// its short form when the caption would take more than two lines (four on
// a portrait screen); with neither fitting, it is left to the text
// alternative rather than cut.
func (p *placer) header() {
	u := p.u
	x := margin * u
	width := float64(p.scr.W) - 2*x
	room := float64(p.scr.H) * 0.3
	title := p.fit("", Rect{x, margin * u, width, room}, Left, Top,
		piece{p.lang.Pick(p.sc.Title), titleSize * u, frame.Bold, Title, p.lang})
	top := margin * u
	if title.H > 0 {
		top = title.Y + title.H + 8*u
	}
	maxLines := 2
	if p.scr.H > p.scr.W {
		maxLines = 4
	}
	dw := math.Min(width, measure*dekSize*u)
	for _, t := range []data.Text{p.sc.Caption, p.sc.Short} {
		s := p.lang.Pick(t)
		if s == "" {
			continue
		}
		w := p.lang.Set(frame.Regular)
		lines := p.m.Wrap(s, dekSize*u, w, dw)
		h := float64(len(lines)-1)*dekSize*u*lineGap + (ascent+descent)*dekSize*u
		if len(lines) > maxLines || top+h > room+margin*u || !p.fitsWidth(lines, dekSize*u, w, dw) {
			continue
		}
		used := p.fit("", Rect{x, top, dw, h + 1}, Left, Top, piece{s, dekSize * u, frame.Regular, Caption, p.lang})
		if used.H > 0 {
			top = used.Y + used.H + 8*u
		}
		break
	}
	p.out.Stage = Rect{X: x, Y: top + 6*u, W: width, H: float64(p.scr.H) - p.footerH() - top - 6*u}
}

// fitsWidth reports whether every line is within width (a word wider than
// its line is never broken, so it overflows instead).
func (p *placer) fitsWidth(lines []string, size float64, w frame.Weight, width float64) bool {
	for _, l := range lines {
		if p.m.Advance(l, size, w) > width+0.5 {
			return false
		}
	}
	return true
}

// Line names stand at the left end of each line; minGap is the least
// distance between the lines anywhere.
const minGap = 28

// spine sets the lines straight across the stage, US above and China below,
// with a zone on each line's outer side for its labels and the band between
// for the markets. Forms bend them from here.
func (p *placer) spine() {
	u, st := p.u, p.out.Stage
	p.placed = map[string]bool{}
	headW := 0.0
	for _, l := range p.lineData() {
		headW = math.Max(headW, p.m.Advance(p.lang.Pick(l.Name), headingSize*u, p.lang.Set(frame.Bold)))
	}
	p.namesOver = p.out.Portrait || headW > st.W*0.22
	if p.namesOver {
		// A phone, or a screen with no room for a gutter, keeps the whole
		// width for the lines; the names stand on each line's outer side
		// at its left end.
		p.x0, p.x1 = st.X, st.X+st.W
	} else {
		p.x0, p.x1 = st.X+headW+12*u, st.X+st.W
	}
	zone := st.H * 0.24
	p.yUS, p.yCN = st.Y+zone, st.Y+st.H-zone
	for side := range 2 {
		y := p.yUS
		if side == 1 {
			y = p.yCN
		}
		p.lines[side] = []frame.Point{pt(p.x0, y), pt(p.x1, y)}
		p.alpha[side] = 1
		p.width[side] = 4 * u
	}
	for _, l := range p.lineData() {
		p.placed[l.ID] = true
	}
}

// zoneUS and zoneCN are the labels' room on each line's outer side; band is
// the room between the lines (at their resting places).
// On a portrait screen each line's name stands between the line and its
// zone.
func (p *placer) zoneUS() Rect {
	st := p.out.Stage
	if p.out.Tall { // the strip left of the line
		return Rect{st.X, p.y0, max(p.xUS-8*p.u-st.X, 0), p.y1 - p.y0}
	}
	bottom := p.yUS - 8*p.u
	if p.namesOver {
		bottom -= (ascent+descent)*headingSize*p.u + 4*p.u
	}
	return Rect{p.x0, st.Y, p.x1 - p.x0, bottom - st.Y}
}

func (p *placer) zoneCN() Rect {
	st := p.out.Stage
	if p.out.Tall { // the strip right of the line
		x := p.xCN + 8*p.u
		return Rect{x, p.y0, max(st.X+st.W-x, 0), p.y1 - p.y0}
	}
	top := p.yCN + 8*p.u
	if p.namesOver {
		top += (ascent+descent)*headingSize*p.u + 4*p.u
	}
	return Rect{p.x0, top, p.x1 - p.x0, st.Y + st.H - top}
}

func (p *placer) band() Rect {
	if p.out.Tall {
		return Rect{p.xUS + 10*p.u, p.y0, p.xCN - p.xUS - 20*p.u, p.y1 - p.y0}
	}
	return Rect{p.x0, p.yUS + 10*p.u, p.x1 - p.x0, p.yCN - p.yUS - 20*p.u}
}

// dim fades the line a scene is not about: it stays, quieter.
func (p *placer) dim(side data.Side) { p.alpha[side&1] = dimAlpha }

// dimAlpha keeps a dimmed line at 3:1 against the page in both themes.
const dimAlpha = 0.68

// setLine gives a line its points (device pixels, left to right; top to
// bottom in a tall composition).
func (p *placer) setLine(side data.Side, pts ...frame.Point) { p.lines[side&1] = pts }

// finish puts the lines in, keeps them apart, names them, and leaves every
// shown element the stage did not place to the More card.
func (p *placer) finish() {
	u := p.u
	us := resample(p.lines[0], SpinePoints)
	cn := resample(p.lines[1], SpinePoints)
	// Never touching: China's line yields where the two come too close
	// (down the screen, or to the right in a tall composition).
	for i := range cn {
		if p.out.Tall {
			if gap := float64(cn[i].X - us[i].X); gap < minGap*u {
				cn[i].X = us[i].X + float32(minGap*u)
			}
		} else if gap := float64(cn[i].Y - us[i].Y); gap < minGap*u {
			cn[i].Y = us[i].Y + float32(minGap*u)
		}
	}
	pts := [2][]frame.Point{us, cn}
	hh := (ascent + descent) * headingSize * u
	for _, l := range p.lineData() {
		side := int(l.Side & 1)
		ln := pts[side]
		width := p.width[side]
		if p.emph[l.ID] { // the line a scene is about weighs more
			width *= 1.4
		}
		p.out.Items = append(p.out.Items, Item{
			ID: l.ID, Kind: LineItem, Side: l.Side, A: ln[0], B: ln[len(ln)-1], Pts: ln,
			Width: width, Alpha: p.alpha[side], Emphasis: p.emph[l.ID], Marker: NoMarker,
		})
		name := piece{p.lang.Pick(l.Name), headingSize * u, frame.Bold, Heading, p.lang}
		w := p.m.Advance(name.s, name.size, p.lang.Set(name.w)) // as fit will measure it
		y0 := float64(ln[0].Y)
		slot := Rect{p.out.Stage.X, y0 - hh/2, p.x0 - p.out.Stage.X - 10*u, hh}
		align := Right
		switch {
		case p.out.Tall:
			// Over the line's top end, reaching outward from it (US to
			// the left, China to the right) and kept on the stage, with a
			// hair to spare so that rounding never leaves the name out.
			st := p.out.Stage
			x, y := float64(ln[0].X), y0-hh-6*u
			if side == 0 {
				right := clamp(x+8*u, st.X+w+0.01, st.X+st.W/2-4*u)
				slot, align = Rect{st.X, y, right - st.X, hh}, Right
			} else {
				left := clamp(x-8*u, st.X+st.W/2+4*u, st.X+st.W-w-0.01)
				slot, align = Rect{left, y, st.X + st.W - left, hh}, Left
			}
		case p.namesOver:
			slot, align = Rect{p.x0, y0 - hh - 6*u, p.x1 - p.x0, hh}, Left
			if side == 1 {
				slot.Y = y0 + 6*u
				if st := p.out.Stage; slot.Y+hh > st.Y+st.H {
					// No room under China's line on a short screen: the
					// name stands over it, in the band, haloed.
					slot.Y = y0 - hh - 6*u
				}
			}
		}
		// A line's name always shows: what a form put in its way gives way.
		box := Rect{slot.X + slot.W - w, slot.Y, w, hh}
		if align == Left {
			box.X = slot.X
		}
		p.evict(box)
		before := len(p.out.Runs)
		p.fit(l.ID, slot, align, Middle, name)
		if p.namesOver && !p.out.Tall && len(p.out.Runs) > before {
			// On a phone the name stands on the stage, where a form's
			// marks may pass under it.
			p.out.Runs[before].Halo = true
		}
	}
	p.clearStrokes(pts)
	// Items go after the lines so they paint over them; lines first.
	items := p.out.Items
	var lines, rest []Item
	for _, it := range items {
		if it.Kind == LineItem {
			lines = append(lines, it)
		} else {
			rest = append(rest, it)
		}
	}
	p.out.Items = append(lines, rest...)
	for _, r := range p.out.Runs {
		if r.Owner != "" {
			p.placed[r.Owner] = true
		}
	}
	for _, it := range p.out.Items {
		p.placed[it.ID] = true
	}
	for _, k := range p.out.Links {
		p.placed[k.ID] = true
	}
	for _, id := range p.sc.Shows {
		if !p.placed[id] {
			p.out.Folded = append(p.out.Folded, id)
		}
	}
}

// tickClear is how far a contrast's value stands from its line: far enough
// that the end of the row's tick (5u each way) keeps clearStrokes' padding
// from the text on the smallest screens too, where u shrinks below a CSS
// pixel and the padding does not.
func (p *placer) tickClear() float64 {
	return max(10*p.u, 5*p.u+4*max(p.scr.Scale, 1)+1)
}

// clearStrokes leaves out, whole, every text block that a stroke (a line,
// a link, a form's stroked mark) would cross within 4 CSS pixels, unless
// the text has a halo made for it: a label never has a line through it.
func (p *placer) clearStrokes(lines [2][]frame.Point) {
	scale := p.scr.Scale
	if scale <= 0 {
		scale = 1
	}
	pad := 4*scale + 0.5
	var runs [][]frame.Point
	for _, l := range p.lineData() {
		runs = append(runs, lines[l.Side&1])
	}
	for _, m := range p.out.Marks {
		if !m.Fill {
			runs = append(runs, m.Path.Polylines(8)...)
		}
	}
	for _, k := range p.out.Links {
		runs = append(runs, k.Path.Polylines(8)...)
	}
	// Markers too: a ring is a stroke, a dot covers what it stands on.
	// (A marker's own label stands beside it by design and is not checked
	// against it.)
	type dot struct {
		owner string
		box   Rect
	}
	var dots []dot
	for _, it := range p.out.Items {
		if it.Kind != LineItem && it.Marker != NoMarker {
			r := it.R + 1.5*p.u
			dots = append(dots, dot{it.ID, Rect{float64(it.A.X) - r, float64(it.A.Y) - r, 2 * r, 2 * r}})
		}
	}
	gone := map[int]bool{}
	for _, r := range p.out.Runs {
		if r.Halo || r.Role == Title || r.Role == Heading || gone[r.block] {
			continue
		}
		b := Rect{r.Box.X - pad, r.Box.Y - pad, r.Box.W + 2*pad, r.Box.H + 2*pad}
		for _, d := range dots {
			if d.owner != r.Owner && d.box.Overlaps(b) {
				gone[r.block] = true
			}
		}
		for _, run := range runs {
			if crossesBox(run, b) {
				gone[r.block] = true
				break
			}
		}
	}
	if len(gone) == 0 {
		return
	}
	keep := p.out.Runs[:0]
	for _, r := range p.out.Runs {
		if !gone[r.block] {
			keep = append(keep, r)
		}
	}
	p.out.Runs = keep
}

// crossesBox reports whether the polyline enters b.
func crossesBox(pts []frame.Point, b Rect) bool {
	for i := 1; i < len(pts); i++ {
		if segmentMeets(pts[i-1], pts[i], b) {
			return true
		}
	}
	return false
}

// segmentMeets clips the segment a–c to b (Liang–Barsky).
func segmentMeets(a, c frame.Point, b Rect) bool {
	t0, t1 := 0.0, 1.0
	ax, ay := float64(a.X), float64(a.Y)
	dx, dy := float64(c.X)-ax, float64(c.Y)-ay
	for _, e := range [4][2]float64{{-dx, ax - b.X}, {dx, b.X + b.W - ax}, {-dy, ay - b.Y}, {dy, b.Y + b.H - ay}} {
		if e[0] == 0 {
			if e[1] <= 0 {
				return false
			}
			continue
		}
		r := e[1] / e[0]
		if e[0] < 0 {
			t0 = math.Max(t0, r)
		} else {
			t1 = math.Min(t1, r)
		}
		if t0 >= t1 {
			return false
		}
	}
	return true
}

// evict removes every text block that meets box, whole.
func (p *placer) evict(box Rect) {
	gone := map[int]bool{}
	for _, r := range p.out.Runs {
		if r.Box.Overlaps(box) && r.Role != Title {
			gone[r.block] = true
		}
	}
	if len(gone) == 0 {
		return
	}
	keep := p.out.Runs[:0]
	for _, r := range p.out.Runs {
		if !gone[r.block] {
			keep = append(keep, r)
		}
	}
	p.out.Runs = keep
}

// resample gives the polyline pts exactly n points, keeping its corners
// (so a staircase stays stepped) and spreading the rest along its pieces
// by length; with more corners than n it samples evenly by length.
func resample(pts []frame.Point, n int) []frame.Point {
	if len(pts) == 0 {
		return make([]frame.Point, n)
	}
	if len(pts) == 1 {
		out := make([]frame.Point, n)
		for i := range out {
			out[i] = pts[0]
		}
		return out
	}
	seg := make([]float64, len(pts)-1)
	total := 0.0
	for i := range seg {
		seg[i] = math.Hypot(float64(pts[i+1].X-pts[i].X), float64(pts[i+1].Y-pts[i].Y))
		total += seg[i]
	}
	if len(pts) > n || total == 0 {
		return evenly(pts, seg, total, n)
	}
	// Extra points per piece, by its share of the length (largest
	// remainders get the leftovers).
	extra := n - len(pts)
	alloc := make([]int, len(seg))
	given := 0
	for i, l := range seg {
		alloc[i] = int(math.Floor(float64(extra) * l / total))
		given += alloc[i]
	}
	for given < extra {
		best, bestR := 0, -1.0
		for i, l := range seg {
			if r := float64(extra)*l/total - float64(alloc[i]); r > bestR {
				best, bestR = i, r
			}
		}
		alloc[best]++
		given++
	}
	out := make([]frame.Point, 0, n)
	for i := range seg {
		out = append(out, pts[i])
		for k := 1; k <= alloc[i]; k++ {
			out = append(out, frame.Lerp(pts[i], pts[i+1], float32(k)/float32(alloc[i]+1)))
		}
	}
	return append(out, pts[len(pts)-1])
}

func evenly(pts []frame.Point, seg []float64, total float64, n int) []frame.Point {
	out := make([]frame.Point, n)
	j, acc := 0, 0.0
	for i := range n {
		d := total * float64(i) / float64(n-1)
		for j < len(seg)-1 && acc+seg[j] < d {
			acc += seg[j]
			j++
		}
		t := 0.0
		if seg[j] > 0 {
			t = clamp((d-acc)/seg[j], 0, 1)
		}
		out[i] = frame.Lerp(pts[j], pts[j+1], float32(t))
	}
	return out
}

// yAt is the height of a line's polyline (left to right) at x.
func yAt(pts []frame.Point, x float64) float64 { return along(pts, x, false) }

// along walks a polyline ordered along one axis (x, or y when down) and
// returns its other coordinate at v, clamped to its ends.
func along(pts []frame.Point, v float64, down bool) float64 {
	key := func(q frame.Point) (float64, float64) {
		if down {
			return float64(q.Y), float64(q.X)
		}
		return float64(q.X), float64(q.Y)
	}
	for i := 1; i < len(pts); i++ {
		ak, av := key(pts[i-1])
		bk, bv := key(pts[i])
		if v <= bk || i == len(pts)-1 {
			if bk == ak {
				return bv
			}
			t := clamp((v-ak)/(bk-ak), 0, 1)
			return av + t*(bv-av)
		}
	}
	if len(pts) > 0 {
		_, v0 := key(pts[0])
		return v0
	}
	return 0
}

// lineData returns the shown lines (at most one per side).
func (p *placer) lineData() []data.Line {
	var out []data.Line
	for _, l := range p.s.Lines {
		if p.shown[l.ID] && l.Side <= data.CN {
			out = append(out, l)
		}
	}
	return out
}

// name is an element's label on the stage: its name in the current
// language (the card gives both).
func (p *placer) name(t data.Text) piece {
	return piece{p.lang.Pick(t), labelSize * p.u, frame.Bold, Primary, p.lang}
}

func pt(x, y float64) frame.Point { return frame.Point{X: float32(x), Y: float32(y)} }

// node places an element's marker at (x, y).
func (p *placer) node(id string, k Kind, side data.Side, x, y float64, m Marker) {
	r := 6 * p.u
	if p.emph[id] {
		r = 8 * p.u
	}
	p.out.Items = append(p.out.Items, Item{ID: id, Kind: k, Side: side, A: pt(x, y), B: pt(x, y), Emphasis: p.emph[id], R: r, Marker: m})
}

// mark adds a shape.
func (p *placer) mark(m Mark) {
	if m.Alpha == 0 {
		m.Alpha = 1
	}
	p.out.Marks = append(p.out.Marks, m)
}

// stroke and fill are marks from points.
func (p *placer) stroke(key, owner string, tone Tone, width float64, pts ...frame.Point) {
	var path frame.Path
	for i, q := range pts {
		if i == 0 {
			path.MoveTo(q.X, q.Y)
		} else {
			path.LineTo(q.X, q.Y)
		}
	}
	p.mark(Mark{Key: key, Owner: owner, Path: path, Width: width, Tone: tone})
}

func (p *placer) fill(key, owner string, tone Tone, alpha float64, pts ...frame.Point) {
	var path frame.Path
	for i, q := range pts {
		if i == 0 {
			path.MoveTo(q.X, q.Y)
		} else {
			path.LineTo(q.X, q.Y)
		}
	}
	path.Close()
	p.mark(Mark{Key: key, Owner: owner, Path: path, Fill: true, Tone: tone, Alpha: alpha})
}

// arrowHead is a filled arrow head at tip, pointing from `from`.
func (p *placer) arrowHead(key, owner string, tone Tone, from, tip frame.Point, size float64) {
	dx, dy := float64(tip.X-from.X), float64(tip.Y-from.Y)
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	dx, dy = dx/l, dy/l
	bx, by := float64(tip.X)-dx*size, float64(tip.Y)-dy*size
	p.fill(key, owner, tone, 1, tip, pt(bx-dy*size*0.55, by+dx*size*0.55), pt(bx+dy*size*0.55, by-dx*size*0.55))
}

// note places the form's i-th annotation, if the dataset gives one, in slot
// with a halo, and a thin leader from it to anchor when anchor is set.
func (p *placer) note(i int, slot Rect, align Align, valign VAlign, anchor *frame.Point) Rect {
	ns := p.sc.Form.Notes
	if i >= len(ns) {
		return Rect{}
	}
	n := ns[i]
	before := len(p.out.Runs)
	used := p.fit(n.On, slot, align, valign, piece{p.lang.Pick(n.Text), labelSize * p.u, frame.Bold, Note, p.lang})
	for j := before; j < len(p.out.Runs); j++ {
		p.out.Runs[j].Halo = true
	}
	if used.H > 0 && anchor != nil {
		// From the nearest point of the text's box to the mark.
		ax, ay := float64(anchor.X), float64(anchor.Y)
		x := clamp(ax, used.X, used.X+used.W)
		y := clamp(ay, used.Y-3*p.u, used.Y+used.H+3*p.u)
		if math.Hypot(ax-x, ay-y) > 6*p.u {
			p.stroke("leader-"+n.On, n.On, ToneMuted, 1.2*p.u, pt(x, y), pt(ax, ay))
		}
	}
	return used
}

// link adds a relation or flow with its curve.
func (p *placer) link(id, from, to string, flow bool, path frame.Path, width float64, tone Tone) {
	p.out.Links = append(p.out.Links, Link{ID: id, From: from, To: to, Flow: flow, Emphasis: p.emph[id], Path: path, Width: width, Tone: tone})
}

// label places a plain text block owned by owner.
func (p *placer) label(owner string, slot Rect, align Align, valign VAlign, pcs ...piece) Rect {
	return p.fit(owner, slot, align, valign, pcs...)
}

// small is a label-size piece in a role and weight.
func (p *placer) small(s string, w frame.Weight, role Role) piece {
	return piece{s, labelSize * p.u, w, role, p.lang}
}

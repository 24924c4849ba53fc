package layout

import (
	"math"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// Type sizes and spacing in CSS pixels at the reference size; Place scales
// them with the screen (see unit).
const (
	titleSize     = 22
	captionSize   = 15
	primarySize   = 14
	secondarySize = 11
	headingSize   = 15
	margin        = 16
	footer        = 40 // room for the controls under the stage
	lineGap       = 1.25
	// Baseline offsets of the font's box, as fractions of the size.
	ascent  = 0.95
	descent = 0.25
)

// unit is how many device pixels one reference CSS pixel becomes: the device
// scale factor, eased down on small screens so that type stays proportionate
// and up on large ones (a projector) so that it stays readable from a seat.
func unit(s Screen) float64 {
	scale := s.Scale
	if scale <= 0 {
		scale = 1
	}
	short := math.Min(float64(s.W), float64(s.H)) / scale
	return scale * clamp(short/620, 0.7, 1.6)
}

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
	p.header()
	if p.out.Portrait {
		p.across()
	} else {
		p.upright()
	}
	p.links()
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
}

// text places wrapped lines of s with their left ends at x (or, with align,
// centred on x or ending at x), the first baseline at y; it returns the y
// below the last line.
func (p *placer) text(s string, x, y, width, size float64, w frame.Weight, role Role, lang Lang, owner string, align Align) float64 {
	if s == "" {
		return y
	}
	for _, line := range p.m.Wrap(s, size, w, width) {
		adv := p.m.Advance(line, size, w)
		left := x
		switch align {
		case Center:
			left = x - adv/2
		case Right:
			left = x - adv
		}
		p.out.Runs = append(p.out.Runs, Run{
			Text: line, At: frame.Point{X: float32(left), Y: float32(y)},
			Size: size, Weight: w, Role: role, Lang: lang, Owner: owner, Emphasis: p.emph[owner],
			Box: Rect{X: left, Y: y - ascent*size, W: adv, H: (ascent + descent) * size},
		})
		y += size * lineGap
	}
	return y - size*lineGap + descent*size
}

// textHeight is how tall text() would make s.
func (p *placer) textHeight(s string, width, size float64, w frame.Weight) float64 {
	if s == "" {
		return 0
	}
	n := len(p.m.Wrap(s, size, w, width))
	return float64(n-1)*size*lineGap + (ascent+descent)*size
}

// Align is how a block of text stands against its x.
type Align uint8

const (
	Left Align = iota
	Center
	Right
)

func (p *placer) header() {
	u := p.u
	x := margin * u
	width := float64(p.scr.W) - 2*x
	y := margin*u + ascent*titleSize*u
	y = p.text(p.lang.Pick(p.sc.Title), x, y, width, titleSize*u, frame.Bold, Title, p.lang, "", Left)
	y += 6*u + ascent*captionSize*u
	y = p.text(p.lang.Pick(p.sc.Caption), x, y, width, captionSize*u, frame.Regular, Caption, p.lang, "", Left)
	top := y + 14*u
	p.out.Stage = Rect{X: x, Y: top, W: width, H: float64(p.scr.H) - footer*u - top}
}

// label places an element's name in both languages, primary first.
func (p *placer) label(id string, name data.Text, x, y, width float64, align Align) float64 {
	u := p.u
	y += ascent * primarySize * u
	y = p.text(p.lang.Pick(name), x, y, width, primarySize*u, frame.Bold, Primary, p.lang, id, align)
	other := p.lang.Other().Pick(name)
	if other == p.lang.Pick(name) {
		return y // names such as "AMD" read the same in both
	}
	y += 2*u + ascent*secondarySize*u
	return p.text(other, x, y, width, secondarySize*u, frame.Regular, Secondary, p.lang.Other(), id, align)
}

func (p *placer) labelHeight(name data.Text, width float64) float64 {
	u := p.u
	h := p.textHeight(p.lang.Pick(name), width, primarySize*u, frame.Bold)
	if other := p.lang.Other().Pick(name); other != p.lang.Pick(name) {
		h += 2*u + p.textHeight(other, width, secondarySize*u, frame.Regular)
	}
	return h
}

// onLine returns the shown actors of one side, in story order.
func (p *placer) onLine(lineID string) []data.Actor {
	var out []data.Actor
	for _, a := range p.s.Actors {
		if a.Line == lineID && p.shown[a.ID] {
			out = append(out, a)
		}
	}
	return out
}

// between returns what stands between the lines: shown markets, then shown
// actors that belong to neither line.
func (p *placer) between() []betweenItem {
	var out []betweenItem
	for _, m := range p.s.Markets {
		if p.shown[m.ID] {
			out = append(out, betweenItem{m.ID, m.Name, MarketItem})
		}
	}
	for _, a := range p.s.Actors {
		if a.Line == "" && p.shown[a.ID] {
			out = append(out, betweenItem{a.ID, a.Name, ActorItem})
		}
	}
	return out
}

type betweenItem struct {
	id   string
	name data.Text
	kind Kind
}

func (p *placer) item(id string, k Kind, side data.Side, a, b frame.Point) {
	p.out.Items = append(p.out.Items, Item{ID: id, Kind: k, Side: side, A: a, B: b, Emphasis: p.emph[id]})
}

func pt(x, y float64) frame.Point { return frame.Point{X: float32(x), Y: float32(y)} }

// upright: the lines stand side by side, markets between them.
func (p *placer) upright() {
	u, st := p.u, p.out.Stage
	col := st.W * 0.3
	xs := [2]float64{st.X + col, st.X + st.W - col}
	head := (ascent+descent)*headingSize*u + 10*u
	for i, l := range p.s.Lines {
		if i > 1 {
			break
		}
		x := xs[l.Side&1]
		if !p.shown[l.ID] {
			continue
		}
		p.text(p.lang.Pick(l.Name), x, st.Y+ascent*headingSize*u, col, headingSize*u, frame.Bold, Heading, p.lang, l.ID, Center)
		top, bottom := st.Y+head, st.Y+st.H
		p.item(l.ID, LineItem, l.Side, pt(x, top), pt(x, bottom))
		actors := p.onLine(l.ID)
		step := (bottom - top) / float64(max(len(actors), 1))
		for j, a := range actors {
			y := top + (float64(j)+0.5)*step
			p.item(a.ID, ActorItem, l.Side, pt(x, y), pt(x, y))
			width := col - 16*u
			h := p.labelHeight(a.Name, width)
			lx, align := x-12*u, Right
			if l.Side == data.CN {
				lx, align = x+12*u, Left
			}
			p.label(a.ID, a.Name, lx, y-h/2, width, align)
		}
	}
	mid := p.between()
	cx := (xs[0] + xs[1]) / 2
	width := xs[1] - xs[0] - 48*u
	// The notes take the foot of the middle column, the markets the rest.
	top, room := st.Y+head, st.H-head
	notes := p.notes()
	if len(notes) > 0 {
		share := room
		if len(mid) > 0 {
			share = room * 0.45
		}
		lead := noteSize * u * noteLead
		h := math.Min(share, float64(min(len(notes), maxNotes))*lead)
		p.placeNotes(notes, cx-width/2, st.Y+st.H-h, width, h)
		room -= h + 12*u
	}
	step := room / float64(max(len(mid), 1))
	for j, b := range mid {
		y := top + (float64(j)+0.5)*step
		h := p.labelHeight(b.name, width)
		// Marker above, label below, the pair centred on the slot.
		my := y - (h+14*u)/2 + 6*u
		p.item(b.id, b.kind, 0, pt(cx, my), pt(cx, my))
		p.label(b.id, b.name, cx, my+10*u, width, Center)
	}
}

// across: the lines run across the screen, one above and one below the
// markets; each line's name stands at its left end.
func (p *placer) across() {
	u, st := p.u, p.out.Stage
	headW := 0.0
	for _, l := range p.s.Lines {
		headW = math.Max(headW, p.m.Advance(p.lang.Pick(l.Name), headingSize*u, frame.Bold))
	}
	headW += 10 * u
	band := st.H * 0.3 // each line's share of the stage, labels included
	for i, l := range p.s.Lines {
		if i > 1 || !p.shown[l.ID] {
			continue
		}
		y := st.Y + band*0.78
		if l.Side == data.CN {
			y = st.Y + st.H - band*0.78
		}
		p.text(p.lang.Pick(l.Name), st.X, y+headingSize*u*0.35, headW, headingSize*u, frame.Bold, Heading, p.lang, l.ID, Left)
		x0, x1 := st.X+headW, st.X+st.W
		p.item(l.ID, LineItem, l.Side, pt(x0, y), pt(x1, y))
		actors := p.onLine(l.ID)
		step := (x1 - x0) / float64(max(len(actors), 1))
		for j, a := range actors {
			x := x0 + (float64(j)+0.5)*step
			p.item(a.ID, ActorItem, l.Side, pt(x, y), pt(x, y))
			width := step - 6*u
			if l.Side == data.US {
				h := p.labelHeight(a.Name, width)
				p.label(a.ID, a.Name, x, y-10*u-h, width, Center)
			} else {
				p.label(a.ID, a.Name, x, y+10*u, width, Center)
			}
		}
	}
	mid := p.between()
	top, bottom := st.Y+band, st.Y+st.H-band
	if notes := p.notes(); len(notes) > 0 {
		share := bottom - top
		if len(mid) > 0 {
			share *= 0.5
		}
		lead := noteSize * u * noteLead
		h := math.Min(share, float64(min(len(notes), maxNotes))*lead)
		p.placeNotes(notes, st.X, bottom-h-6*u, st.W, h)
		bottom -= h + 12*u
	}
	cols := min(len(mid), 2)
	if cols == 0 {
		return
	}
	rows := (len(mid) + cols - 1) / cols
	cw, rh := st.W/float64(cols), (bottom-top)/float64(rows)
	for j, b := range mid {
		cx := st.X + (float64(j%cols)+0.5)*cw
		cy := top + (float64(j/cols)+0.5)*rh
		h := p.labelHeight(b.name, cw-12*u)
		my := cy - (h+14*u)/2 + 6*u
		p.item(b.id, b.kind, 0, pt(cx, my), pt(cx, my))
		p.label(b.id, b.name, cx, my+10*u, cw-12*u, Center)
	}
}

// links collects the shown relations and flows whose ends are both placed.
func (p *placer) links() {
	placed := map[string]bool{}
	for _, it := range p.out.Items {
		placed[it.ID] = true
	}
	for _, r := range p.s.Relations {
		if p.shown[r.ID] && placed[r.From] && placed[r.To] {
			p.out.Links = append(p.out.Links, Link{ID: r.ID, From: r.From, To: r.To, Emphasis: p.emph[r.ID]})
		}
	}
	for _, f := range p.s.Flows {
		if !p.shown[f.ID] || !placed[f.From] {
			continue
		}
		for _, to := range f.To {
			if placed[to] {
				p.out.Links = append(p.out.Links, Link{ID: f.ID, From: f.From, To: to, Flow: true, Emphasis: p.emph[f.ID]})
			}
		}
	}
}

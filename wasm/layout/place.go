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
	return scale * clamp(short/620, 0.85, 1.6)
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

// Align is how a block of text stands against its x.
type Align uint8

const (
	Left Align = iota
	Center
	Right
)

// header fits the title and caption at the top, in at most a third of the
// screen; the stage takes what is left above the controls.
func (p *placer) header() {
	u := p.u
	x := margin * u
	width := float64(p.scr.W) - 2*x
	room := float64(p.scr.H) * 0.3
	used := p.fit("", Rect{x, margin * u, width, room}, Left, Top,
		piece{p.lang.Pick(p.sc.Title), titleSize * u, frame.Bold, Title, p.lang},
		piece{p.lang.Pick(p.sc.Caption), captionSize * u, frame.Regular, Caption, p.lang})
	top := margin * u
	if used.H > 0 {
		top = used.Y + used.H + 12*u
	}
	p.out.Stage = Rect{X: x, Y: top, W: width, H: float64(p.scr.H) - footer*u - top}
}

// name is an element's label: its name in the current language, then in the
// other (dropped first when room is short, and when it reads the same).
func (p *placer) name(t data.Text) []piece {
	u := p.u
	out := []piece{{p.lang.Pick(t), primarySize * u, frame.Bold, Primary, p.lang}}
	if o := p.lang.Other().Pick(t); o != p.lang.Pick(t) {
		out = append(out, piece{o, secondarySize * u, frame.Regular, Secondary, p.lang.Other()})
	}
	return out
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
			out = append(out, betweenItem{a.ID, a.Name, LooseItem})
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

// upright: the lines stand side by side, each with its actors' names on
// its outer side, and the markets and notes between them.
func (p *placer) upright() {
	u, st := p.u, p.out.Stage
	col := st.W * 0.28
	xs := [2]float64{st.X + col, st.X + st.W - col}
	head := (ascent+descent)*headingSize*u + 10*u
	half := min(col, (xs[1]-xs[0])/2)
	top, bottom := st.Y+head, st.Y+st.H
	for _, l := range p.lines() {
		x := xs[l.Side&1]
		p.fit(l.ID, Rect{x - half, st.Y, 2 * half, head - 6*u}, Center, Bottom,
			piece{p.lang.Pick(l.Name), headingSize * u, frame.Bold, Heading, p.lang})
		p.item(l.ID, LineItem, l.Side, pt(x, top), pt(x, bottom))
		actors := p.onLine(l.ID)
		step := (bottom - top) / float64(max(len(actors), 1))
		for j, a := range actors {
			y := top + float64(j)*step
			p.item(a.ID, ActorItem, l.Side, pt(x, y+step/2), pt(x, y+step/2))
			slot := Rect{st.X, y + 2*u, col - 14*u, step - 4*u}
			align := Right
			if l.Side == data.CN {
				slot.X, align = x+14*u, Left
			}
			p.fit(a.ID, slot, align, Middle, p.name(a.Name)...)
		}
	}
	mx, mw := xs[0]+24*u, xs[1]-xs[0]-48*u
	room := bottom - top
	if notes := p.notes(); len(notes) > 0 {
		// Below the markets when there are any; else alone, mid-column.
		share, y := room, 0.0
		lead := noteSize * u * noteLead
		h := math.Min(room, float64(min(len(notes), maxNotes))*lead)
		if len(p.between()) > 0 {
			share = room * 0.45
			h = math.Min(share, h)
			y = bottom - h
		} else {
			y = top + (room-h)/2
		}
		p.placeNotes(notes, mx, y, mw, h)
		room -= h + 12*u
	}
	mid := p.between()
	step := room / float64(max(len(mid), 1))
	for j, b := range mid {
		y := top + float64(j)*step
		my := y + 10*u
		p.item(b.id, b.kind, 0, pt(mx+mw/2, my), pt(mx+mw/2, my))
		p.fit(b.id, Rect{mx, my + 10*u, mw, step - 22*u}, Center, Top, p.name(b.name)...)
	}
}

// across: the lines run across the screen, one above and one below the
// markets and notes; each line's name stands at its left end, its actors'
// names on its outer side.
func (p *placer) across() {
	u, st := p.u, p.out.Stage
	headW := 0.0
	for _, l := range p.lines() {
		headW = math.Max(headW, p.m.Advance(p.lang.Pick(l.Name), headingSize*u, frame.Bold))
	}
	headW = math.Min(headW, st.W*0.25) + 10*u
	hh := (ascent + descent) * headingSize * u
	band := math.Min(st.H*0.3, (2*lineGap+1)*primarySize*u+secondarySize*u+20*u)
	ys := [2]float64{st.Y + band, st.Y + st.H - band}
	for _, l := range p.lines() {
		y := ys[l.Side&1]
		p.fit(l.ID, Rect{st.X, y - hh/2, headW - 8*u, hh}, Left, Middle,
			piece{p.lang.Pick(l.Name), headingSize * u, frame.Bold, Heading, p.lang})
		x0, x1 := st.X+headW, st.X+st.W
		p.item(l.ID, LineItem, l.Side, pt(x0, y), pt(x1, y))
		actors := p.onLine(l.ID)
		step := (x1 - x0) / float64(max(len(actors), 1))
		for j, a := range actors {
			x := x0 + float64(j)*step
			p.item(a.ID, ActorItem, l.Side, pt(x+step/2, y), pt(x+step/2, y))
			if l.Side == data.US {
				p.fit(a.ID, Rect{x + 2*u, st.Y, step - 4*u, band - 12*u}, Center, Bottom, p.name(a.Name)...)
			} else {
				p.fit(a.ID, Rect{x + 2*u, y + 12*u, step - 4*u, band - 12*u}, Center, Top, p.name(a.Name)...)
			}
		}
	}
	top, bottom := ys[0]+16*u, ys[1]-16*u
	if notes := p.notes(); len(notes) > 0 {
		share := bottom - top
		lead := noteSize * u * noteLead
		h := math.Min(share, float64(min(len(notes), maxNotes))*lead)
		y := top + (share-h)/2 // alone between the lines: centred
		if len(p.between()) > 0 {
			h = math.Min(share*0.5, h)
			y = bottom - h
		}
		p.placeNotes(notes, st.X, y, st.W, h)
		bottom -= h + 12*u
	}
	mid := p.between()
	cols := min(len(mid), 2)
	if cols == 0 {
		return
	}
	rows := (len(mid) + cols - 1) / cols
	cw, rh := st.W/float64(cols), (bottom-top)/float64(rows)
	for j, b := range mid {
		x := st.X + float64(j%cols)*cw
		y := top + float64(j/cols)*rh
		p.item(b.id, b.kind, 0, pt(x+cw/2, y+10*u), pt(x+cw/2, y+10*u))
		p.fit(b.id, Rect{x + 6*u, y + 20*u, cw - 12*u, rh - 22*u}, Center, Top, p.name(b.name)...)
	}
}

// lines returns the shown lines (at most one per side).
func (p *placer) lines() []data.Line {
	var out []data.Line
	for _, l := range p.s.Lines {
		if p.shown[l.ID] && l.Side <= data.CN {
			out = append(out, l)
		}
	}
	return out
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

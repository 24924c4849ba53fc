package widget

import (
	"image/color"
	"math"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
)

func fade(c color.NRGBA, a float64) color.NRGBA {
	c.A = uint8(math.Round(float64(c.A) * clamp01(a)))
	return c
}

func clamp01(x float64) float64 { return math.Max(0, math.Min(1, x)) }

func (w *Widget) sideColor(s data.Side) color.NRGBA {
	if s == data.CN {
		return w.theme.CN
	}
	return w.theme.US
}

// paint turns a snapshot into a frame: links under lines under markers under
// text, so that names always stay legible.
func (w *Widget) paint(s snapshot) frame.List {
	th := w.theme
	u := float32(w.u())
	l := frame.List{W: w.scr.W, H: w.scr.H, Background: th.Background}

	at := map[string]itemState{}
	for _, it := range s.items {
		at[it.ID] = it
	}

	for _, k := range s.links {
		a, okA := at[k.From]
		b, okB := at[k.To]
		if !okA || !okB || k.alpha <= 0 {
			continue
		}
		c := th.Rule
		width := 1.5 * u
		if k.Flow {
			c = w.sideColor(a.Side)
			c.A = 0x90
		}
		if k.Emphasis {
			width = 2.5 * u
		}
		path := w.linkPath(k.Link, a.Item, b.Item)
		l.Stroke(path, width, fade(c, k.alpha))
		if k.Flow {
			w.particles(&l, k.Link, path, fade(w.sideColor(a.Side), k.alpha))
		}
	}

	for _, it := range s.items {
		if it.Kind != layout.LineItem || it.alpha <= 0 {
			continue
		}
		var p frame.Path
		end := lerpPt(it.A, it.B, it.drawn)
		p.MoveTo(it.A.X, it.A.Y)
		p.LineTo(end.X, end.Y)
		width := 4 * u
		if it.Emphasis {
			width = 6 * u
		}
		l.Stroke(p, width, fade(w.sideColor(it.Side), it.alpha))
	}

	for _, it := range s.items {
		if it.Kind == layout.LineItem || it.alpha <= 0 {
			continue
		}
		r := 6 * u
		if it.Emphasis {
			r = 8 * u
		}
		var p frame.Path
		x, y := it.A.X, it.A.Y
		c := th.Market
		switch {
		case it.Kind == layout.MarketItem: // a diamond
			p.MoveTo(x, y-r*1.25)
			p.LineTo(x+r*1.25, y)
			p.LineTo(x, y+r*1.25)
			p.LineTo(x-r*1.25, y)
			p.Close()
		case it.Kind == layout.LooseItem: // on neither line: a ring
			var ring frame.Path
			ring.Circle(x, y, r)
			l.Stroke(ring, 2*u, fade(th.Ink, it.alpha))
			continue
		case it.Side == data.CN: // China: squares
			c = th.CN
			p.Rect(x-r*0.9, y-r*0.9, r*1.8, r*1.8, 0)
		default: // US: circles
			c = th.US
			p.Circle(x, y, r)
		}
		// A ring of background keeps the marker clear of the line under it.
		var halo frame.Path
		halo.Circle(x, y, r+2.5*u)
		l.Fill(halo, fade(th.Background, it.alpha))
		l.Fill(p, fade(c, it.alpha))
	}

	// Notes sit on a patch of page so that links passing under them do not
	// cross the words.
	for _, r := range s.runs {
		if r.alpha > 0 && (r.Role == layout.Note || r.Role == layout.More) {
			var p frame.Path
			b := r.Box
			pad := float32(3 * w.u())
			p.Rect(r.At.X-pad, float32(b.Y)-pad/2, float32(b.W)+2*pad, float32(b.H)+pad, pad)
			l.Fill(p, fade(th.Background, r.alpha))
		}
	}
	for _, r := range s.runs {
		if r.alpha <= 0 {
			continue
		}
		c := th.Ink
		switch r.Role {
		case layout.Caption, layout.Secondary:
			c = th.Muted
		case layout.Heading:
			if it, ok := at[r.Owner]; ok {
				c = w.sideColor(it.Side)
			}
		}
		l.Text(r.Text, r.At, float32(r.Size), r.Weight, fade(c, r.alpha))
	}

	w.paintControls(&l)
	w.paintFocus(&l)
	w.paintCard(&l)
	return l
}

// linkPath is the curve of link k between items a and b. A flow leaves its
// line from the middle, so that the line's offers fan out to the markets.
func (w *Widget) linkPath(k layout.Link, a, b layout.Item) frame.Path {
	st := w.target.Stage
	mid := frame.Point{X: float32(st.X + st.W/2), Y: float32(st.Y + st.H/2)}
	from := anchor(a, b)
	if k.Flow && a.Kind == layout.LineItem {
		from = lerpPt(a.A, a.B, 0.5)
	}
	return arc(from, anchor(b, a), k.Flow, mid)
}

// anchor is where a link leaves item a on its way to b: for a line, the
// point on it nearest b; for anything else, its marker.
func anchor(a, b layout.Item) frame.Point {
	if a.Kind != layout.LineItem {
		return a.A
	}
	if a.A.X == a.B.X { // upright
		y := min(max(b.A.Y, min(a.A.Y, a.B.Y)), max(a.A.Y, a.B.Y))
		return frame.Point{X: a.A.X, Y: y}
	}
	x := min(max(b.A.X, min(a.A.X, a.B.X)), max(a.A.X, a.B.X))
	return frame.Point{X: x, Y: a.A.Y}
}

// arc is a gentle curve from a to b: relations bow to one side so that
// several between neighbours stay apart; flows leave their line at a right
// angle, as a current would.
func arc(a, b frame.Point, flow bool, toward frame.Point) frame.Path {
	var p frame.Path
	p.MoveTo(a.X, a.Y)
	dx, dy := b.X-a.X, b.Y-a.Y
	if flow {
		if math.Abs(float64(dx)) > math.Abs(float64(dy)) {
			p.CubeTo(a.X+dx*0.5, a.Y, b.X-dx*0.5, b.Y, b.X, b.Y)
		} else {
			p.CubeTo(a.X, a.Y+dy*0.5, b.X, b.Y-dy*0.5, b.X, b.Y)
		}
		return p
	}
	// The control point sits off the chord's midpoint, at a right angle,
	// on the side facing the middle of the stage, away from the labels.
	mx, my := a.X+dx/2, a.Y+dy/2
	nx, ny := -dy*0.35, dx*0.35
	if (toward.X-mx)*nx+(toward.Y-my)*ny < 0 {
		nx, ny = -nx, -ny
	}
	p.QuadTo(mx+nx, my+ny, b.X, b.Y)
	return p
}

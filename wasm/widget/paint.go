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

// tone is a layout colour role in the current theme.
func (w *Widget) tone(t layout.Tone) color.NRGBA {
	th := w.theme
	switch t {
	case layout.ToneMuted:
		return th.Muted
	case layout.ToneRule:
		return th.Rule
	case layout.ToneUS:
		return th.US
	case layout.ToneCN:
		return th.CN
	case layout.ToneBand:
		return th.Band
	case layout.TonePage:
		return th.Background
	}
	return th.Ink
}

// paint turns a snapshot into a frame: the form's marks under the links
// under the lines under the markers under the text, so that names always
// stay legible; text with a halo stands on a patch of page.
func (w *Widget) paint(s snapshot) frame.List {
	th := w.theme
	u := float32(w.u())
	l := frame.List{W: w.scr.W, H: w.scr.H, Background: th.Background}

	for _, m := range s.marks {
		a := m.alpha * m.Alpha
		if a <= 0 {
			continue
		}
		if m.Fill {
			l.Fill(m.Path, fade(w.tone(m.Tone), a))
		} else {
			l.Stroke(m.Path, float32(m.Width), fade(w.tone(m.Tone), a))
		}
	}

	at := map[string]itemState{}
	for _, it := range s.items {
		at[it.ID] = it
	}
	for _, k := range s.links {
		if k.alpha <= 0 {
			continue
		}
		c := w.tone(k.Tone)
		width := float32(k.Width)
		if k.Emphasis {
			width *= 1.4
		}
		l.Stroke(k.Path, width, fade(c, k.alpha))
		if k.Flow {
			w.particles(&l, k.Link, k.Path, fade(c, k.alpha))
		}
	}

	for _, it := range s.items {
		if it.Kind != layout.LineItem || it.alpha <= 0 || len(it.Pts) < 2 {
			continue
		}
		l.Stroke(partial(it.Pts, it.drawn), float32(it.Width), fade(w.sideColor(it.Side), it.alpha*it.Alpha))
	}

	for _, it := range s.items {
		if it.Kind == layout.LineItem || it.alpha <= 0 || it.Marker == layout.NoMarker {
			continue
		}
		r := float32(it.R)
		var p frame.Path
		x, y := it.A.X, it.A.Y
		c := th.Market
		switch {
		case it.Marker == layout.Diamond:
			p.MoveTo(x, y-r*1.25)
			p.LineTo(x+r*1.25, y)
			p.LineTo(x, y+r*1.25)
			p.LineTo(x-r*1.25, y)
			p.Close()
		case it.Marker == layout.Ring: // on neither line: a ring
			var halo, ring frame.Path
			halo.Circle(x, y, r+2*u)
			l.Fill(halo, fade(th.Background, it.alpha))
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

	// Halos: a patch of page under text that sits on strokes.
	for _, r := range s.runs {
		if r.alpha > 0 && r.Halo {
			// From the text's position, which moves in a transition.
			var p frame.Path
			b := r.Box
			pad := float32(3 * w.u())
			x, y := r.At.X, r.At.Y-float32(r.Size*0.95)
			p.Rect(x-pad, y-pad/2, float32(b.W)+2*pad, float32(b.H)+pad, pad)
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
		case layout.More:
			var p frame.Path
			b := r.Box
			pad := float32(8 * w.u())
			p.Rect(float32(b.X)-pad, float32(b.Y)-pad*0.8, float32(b.W)+2*pad, float32(b.H)+pad*1.6, 4*u)
			l.Stroke(p, 1.2*u, fade(th.Muted, r.alpha))
		}
		l.Text(r.Text, r.At, float32(r.Size), r.Weight, fade(c, r.alpha))
		l.Ops[len(l.Ops)-1].Halo = r.Halo
	}

	w.paintControls(&l)
	w.paintFocus(&l)
	w.paintCard(&l)
	return l
}

// partial is the polyline pts drawn in up to the fraction t of its points,
// with points in a straight run left out: a translucent stroke would
// otherwise darken at each joint.
func partial(pts []frame.Point, t float64) frame.Path {
	var p frame.Path
	p.MoveTo(pts[0].X, pts[0].Y)
	end := clamp01(t) * float64(len(pts)-1)
	last := pts[0]
	for i := 1; i < len(pts); i++ {
		if float64(i) <= end {
			if i+1 < len(pts) && float64(i+1) <= end && collinear(last, pts[i], pts[i+1]) {
				continue
			}
			p.LineTo(pts[i].X, pts[i].Y)
			last = pts[i]
			continue
		}
		if f := end - float64(i-1); f > 0 {
			q := lerpPt(pts[i-1], pts[i], f)
			p.LineTo(q.X, q.Y)
		}
		break
	}
	return p
}

func collinear(a, b, c frame.Point) bool {
	cross := (b.X-a.X)*(c.Y-a.Y) - (b.Y-a.Y)*(c.X-a.X)
	return math.Abs(float64(cross)) < 0.5*float64(max(abs32(c.X-a.X), abs32(c.Y-a.Y)))
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// linkPath is the curve of link k, as the layout drew it.
func (w *Widget) linkPath(k layout.Link, _, _ layout.Item) frame.Path { return k.Path }

package widget

import (
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
)

// This file paints what surrounds the story: the controls, the focus ring
// and the open card.

func (w *Widget) paintControls(l *frame.List) {
	th := w.theme
	u := float32(w.u())
	for _, c := range w.target.Controls {
		b := c.Box
		cx, cy := float32(b.X+b.W/2), float32(b.Y+b.H/2)
		ink := th.Ink
		if !c.Enabled {
			ink = th.Rule
		}
		if w.hover == c.ID() && c.Enabled {
			var bg frame.Path
			bg.Rect(float32(b.X)+2*u, float32(b.Y)+2*u, float32(b.W)-4*u, float32(b.H)-4*u, 6*u)
			l.Fill(bg, fade(th.Rule, 0.35))
		}
		switch c.Kind {
		case layout.PrevControl, layout.NextControl:
			d := float32(4) * u
			if c.Kind == layout.PrevControl {
				d = -d
			}
			var p frame.Path
			p.MoveTo(cx-d, cy-2*d*sign(d))
			p.LineTo(cx+d, cy)
			p.LineTo(cx-d, cy+2*d*sign(d))
			l.Stroke(p, 2*u, ink)
		case layout.SceneControl:
			var p frame.Path
			r := min(4*u, float32(b.W)/2-1*u)
			if c.Scene == w.scene {
				p.Circle(cx, cy, r)
				l.Fill(p, th.Ink)
			} else {
				p.Circle(cx, cy, r*0.75)
				l.Stroke(p, 1.2*u, th.Muted)
			}
		case layout.LangControl:
			// The outline keeps clear of the word: 8 px beside, 6 above and
			// below its ink.
			var p frame.Path
			sz := float32(c.TextSz)
			tw := float32(w.m.Advance(c.Text, c.TextSz, frame.Bold))
			ty := c.TextAt.Y - sz*0.95
			p.Rect(c.TextAt.X-8*u, ty-6*u, tw+16*u, sz*1.2+12*u, 4*u)
			l.Stroke(p, 1.2*u, th.Muted)
			l.Text(c.Text, c.TextAt, float32(c.TextSz), frame.Bold, th.Ink)
		case layout.MotionControl:
			if w.reduce { // motion is off: offer to play
				var p frame.Path
				p.MoveTo(cx-4*u, cy-6*u)
				p.LineTo(cx+6*u, cy)
				p.LineTo(cx-4*u, cy+6*u)
				p.Close()
				l.Fill(p, ink)
			} else { // motion is on: offer to pause
				var p frame.Path
				p.Rect(cx-5*u, cy-6*u, 3.5*u, 12*u, 1*u)
				p.Rect(cx+1.5*u, cy-6*u, 3.5*u, 12*u, 1*u)
				l.Fill(p, ink)
			}
		}
	}
}

func sign(x float32) float32 {
	if x < 0 {
		return -1
	}
	return 1
}

// paintFocus rings the focused target, clear of what it surrounds.
func (w *Widget) paintFocus(l *frame.List) {
	t, ok := w.Focused()
	if !ok {
		return
	}
	u := float32(w.u())
	b := t.Box
	var p frame.Path
	p.Rect(float32(b.X)-3*u, float32(b.Y)-3*u, float32(b.W)+6*u, float32(b.H)+6*u, 5*u)
	l.Stroke(p, 2*u, w.theme.Focus)
}

// paintCard draws the open card over everything else.
func (w *Widget) paintCard(l *frame.List) {
	if w.card == "" {
		return
	}
	c, ok := w.cardLayout()
	if !ok {
		return
	}
	th := w.theme
	u := float32(w.u())
	b := c.Box
	var shadow, panel frame.Path
	shadow.Rect(float32(b.X)+2*u, float32(b.Y)+3*u, float32(b.W), float32(b.H), 8*u)
	l.Fill(shadow, fade(th.Ink, 0.12))
	panel.Rect(float32(b.X), float32(b.Y), float32(b.W), float32(b.H), 8*u)
	l.Fill(panel, th.Card)
	l.Stroke(panel, 1*u, th.Rule)
	for _, r := range c.Runs {
		col := th.Ink
		switch r.Role {
		case layout.Secondary, layout.Caption:
			col = th.Muted
		}
		l.Text(r.Text, r.At, float32(r.Size), r.Weight, col)
	}
}

// cardLayout lays out the open card beside its element.
func (w *Widget) cardLayout() (layout.Card, bool) {
	var content layout.Content
	ok := false
	if w.card == MoreID {
		content, ok = layout.DescribeMore(w.story, w.target.Folded, w.lang)
	} else {
		content, ok = layout.Describe(w.story, w.card, w.lang)
	}
	if !ok {
		return layout.Card{}, false
	}
	var anchor layout.Rect
	for _, t := range w.Targets() {
		if t.ID == w.card {
			anchor = t.Box
		}
	}
	return layout.PlaceCard(content, anchor, w.scr, w.lang, w.m), true
}

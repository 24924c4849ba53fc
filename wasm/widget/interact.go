package widget

import (
	"math"

	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
)

// MoreID is the target id of the line that counts folded notes.
const MoreID = "more"

// Target is something on the canvas the reader can point at or move the
// keyboard focus to: a story element or an on-canvas control.
type Target struct {
	ID      string
	Box     layout.Rect
	Control *layout.Control // nil for elements
}

// Targets lists what can take focus, in reading order: the stage's
// elements (each line with its actors, then what stands between), the links,
// the notes, then the controls. The list is made once per layout (the host
// asks for the focus every frame, and making it took up to a few
// milliseconds of a frame in the browser: bench/README.md 20); callers must
// not change it.
func (w *Widget) Targets() []Target {
	if w.targets == nil {
		w.targets = w.targetsOf()
	}
	return w.targets
}

func (w *Widget) targetsOf() []Target {
	l := &w.target
	var out []Target
	index := map[string]int{}
	grow := func(id string, r layout.Rect) {
		if i, ok := index[id]; ok {
			out[i].Box = out[i].Box.Union(r)
			return
		}
		index[id] = len(out)
		out = append(out, Target{ID: id, Box: r})
	}
	u := w.u()
	for _, it := range l.Items {
		if it.Kind == layout.LineItem {
			// A line is reached by its name; its points are too long a box.
			for _, run := range l.Runs {
				if run.Owner == it.ID {
					grow(it.ID, run.Box)
				}
			}
			continue
		}
		r := max(it.R+3*u, 9*u)
		grow(it.ID, layout.Rect{X: float64(it.A.X) - r, Y: float64(it.A.Y) - r, W: 2 * r, H: 2 * r})
		for _, run := range l.Runs {
			if run.Owner == it.ID {
				grow(it.ID, run.Box)
			}
		}
	}
	for _, k := range l.Links {
		mid := midpoint(k.Path)
		grow(k.ID, layout.Rect{X: float64(mid.X) - 10*u, Y: float64(mid.Y) - 10*u, W: 20 * u, H: 20 * u})
	}
	for _, run := range l.Runs {
		switch {
		case run.Role == layout.More:
			hit := 44 * u
			grow(MoreID, layout.Rect{X: run.Box.X - 8*u, Y: run.Box.Y + run.Box.H/2 - hit/2, W: run.Box.W + 16*u, H: hit})
		case run.Owner != "":
			grow(run.Owner, run.Box)
		}
	}
	for i := range l.Controls {
		c := &l.Controls[i]
		out = append(out, Target{ID: c.ID(), Box: c.Box, Control: c})
	}
	return out
}

func (r pt) in(b layout.Rect) bool {
	return r.x >= b.X && r.x <= b.X+b.W && r.y >= b.Y && r.y <= b.Y+b.H
}

type pt struct{ x, y float64 }

// HitTest returns the target under (x, y), device pixels, or false. Controls
// win over elements, and a link counts only near its curve.
func (w *Widget) HitTest(x, y float64) (Target, bool) {
	p := pt{x, y}
	ts := w.Targets()
	for _, t := range ts {
		if t.Control != nil && p.in(t.Control.Box) {
			return t, true
		}
	}
	l := &w.target
	links := map[string]bool{}
	for _, k := range l.Links {
		links[k.ID] = true
	}
	// Where boxes nest (an actor on its line), the smallest is meant.
	found, area := Target{}, math.Inf(1)
	for _, t := range ts {
		if t.Control == nil && !links[t.ID] && p.in(t.Box) && t.Box.W*t.Box.H < area {
			found, area = t, t.Box.W*t.Box.H
		}
	}
	if found.ID != "" {
		return found, true
	}
	// Links: the nearest curve within a fingertip's reach.
	best, bestD := Target{}, 8*w.u()
	for _, k := range l.Links {
		if d := distance(k.Path, x, y); d < bestD {
			for _, t := range ts {
				if t.ID == k.ID {
					best, bestD = t, d
				}
			}
		}
	}
	return best, best.ID != ""
}

// distance is how far (x, y) is from a path, by sampling its curves.
func distance(p frame.Path, x, y float64) float64 {
	best := math.Inf(1)
	for _, q := range flatten(p, 16) {
		best = math.Min(best, math.Hypot(float64(q.X)-x, float64(q.Y)-y))
	}
	return best
}

// flatten samples a path's curves into one run of points.
func flatten(p frame.Path, steps int) []frame.Point {
	var out []frame.Point
	for _, run := range p.Polylines(steps) {
		out = append(out, run...)
	}
	return out
}

func midpoint(p frame.Path) frame.Point {
	f := flatten(p, 16)
	if len(f) == 0 {
		return frame.Point{}
	}
	return f[len(f)/2]
}

// PointerMove is the mouse moving over the canvas. It reports whether the
// picture changed (a hover card opened or closed).
func (w *Widget) PointerMove(x, y float64) bool {
	t, ok := w.HitTest(x, y)
	id := ""
	if ok {
		id = t.ID
	}
	if id == w.hover {
		return false
	}
	w.hover = id
	if !w.pinned {
		w.card = ""
		if ok && t.Control == nil {
			w.card = id
		}
	}
	return true
}

// PointerLeave is the mouse leaving the canvas.
func (w *Widget) PointerLeave() bool {
	changed := w.hover != "" || (!w.pinned && w.card != "")
	w.hover = ""
	if !w.pinned {
		w.card = ""
	}
	return changed
}

// Click is a mouse click or a tap at (x, y): it presses a control, pins an
// element's card (a second click on it closes it), or closes the card.
func (w *Widget) Click(x, y float64) {
	t, ok := w.HitTest(x, y)
	switch {
	case !ok:
		w.closeCard()
	case t.Control != nil:
		w.press(t.Control)
	case w.card == t.ID && w.pinned:
		w.closeCard()
	default:
		w.card, w.pinned = t.ID, true
	}
}

// Focus moves the keyboard focus by dir (+1 Tab, -1 Shift+Tab). It reports
// false when the focus leaves the widget past either end, so the page can let
// the browser move on to the next thing on the page.
func (w *Widget) Focus(dir int) bool {
	ts := w.Targets()
	i := w.focusIndex(ts)
	switch {
	case i < 0 && dir > 0:
		i = 0
	case i < 0:
		i = len(ts) - 1
	default:
		i += dir
	}
	if i < 0 || i >= len(ts) {
		w.focus = ""
		w.closeCard()
		return false
	}
	w.focus = ts[i].ID
	if w.pinned || ts[i].Control != nil {
		w.closeCard()
	}
	return true
}

// Blur drops the keyboard focus (the canvas lost focus).
func (w *Widget) Blur() { w.focus = "" }

// Focused is the target with the keyboard focus, if any.
func (w *Widget) Focused() (Target, bool) {
	ts := w.Targets()
	if i := w.focusIndex(ts); i >= 0 {
		return ts[i], true
	}
	return Target{}, false
}

func (w *Widget) focusIndex(ts []Target) int {
	if w.focus == "" {
		return -1
	}
	for i, t := range ts {
		if t.ID == w.focus {
			return i
		}
	}
	return -1
}

// Activate is Enter: it presses the focused control or opens the focused
// element's card.
func (w *Widget) Activate() {
	t, ok := w.Focused()
	switch {
	case !ok:
	case t.Control != nil:
		w.press(t.Control)
	default:
		w.card, w.pinned = t.ID, true
	}
}

// Escape closes the open card; it reports whether there was one.
func (w *Widget) Escape() bool {
	had := w.card != ""
	w.closeCard()
	return had
}

// Card is the element whose card is open, or "".
func (w *Widget) Card() string { return w.card }

func (w *Widget) closeCard() { w.card, w.pinned = "", false }

func (w *Widget) press(c *layout.Control) {
	switch c.Kind {
	case layout.PrevControl:
		w.Prev()
	case layout.NextControl:
		w.Next()
	case layout.SceneControl:
		w.Go(c.Scene)
	case layout.LangControl:
		w.SetLang(w.lang.Other())
	case layout.MotionControl:
		w.SetReducedMotion(!w.reduce)
	}
}

// u is one reference pixel in device pixels (the layout's unit), for hit
// slop, rings and icons, so they keep in scale with the type.
func (w *Widget) u() float64 { return layout.Unit(w.scr) }

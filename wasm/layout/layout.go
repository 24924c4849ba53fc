// Package layout decides where everything in one scene stands for one
// screen: the two lines, the actors on them, the markets between them and
// every label, with text already broken into lines that fit.
//
// A layout is a pure function of the story, the scene, the screen and the
// language; it knows nothing of time (see package widget for animation) or
// of how anything is drawn. Wide screens stand the two lines upright side by
// side with the markets between them; tall screens lay them across, one
// above and one below the markets, so that a phone rearranges rather than
// shrinks.
package layout

import (
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// Lang is the language the widget speaks.
type Lang uint8

const (
	Zh Lang = iota
	En
)

// Pick returns t in lang.
func (l Lang) Pick(t data.Text) string {
	if l == En {
		return t.En
	}
	return t.Zh
}

// Other is the other language.
func (l Lang) Other() Lang { return 1 - l }

// Measurer measures and breaks text in device pixels. The widget's font
// satisfies it; tests use a fixed-width stand-in.
type Measurer interface {
	Advance(s string, size float64, w frame.Weight) float64
	Wrap(s string, size float64, w frame.Weight, maxWidth float64) []string
}

// Screen is the canvas in device pixels and the device scale factor (device
// pixels per CSS pixel), which sets type sizes and spacing.
type Screen struct {
	W, H  int
	Scale float64
}

// Rect is an axis-aligned box in device pixels.
type Rect struct{ X, Y, W, H float64 }

// Overlaps reports whether two boxes share any area.
func (r Rect) Overlaps(o Rect) bool {
	return r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

// Union is the smallest box holding both; an empty box adds nothing.
func (r Rect) Union(o Rect) Rect {
	if r.W == 0 && r.H == 0 {
		return o
	}
	x0, y0 := min(r.X, o.X), min(r.Y, o.Y)
	x1, y1 := max(r.X+r.W, o.X+o.W), max(r.Y+r.H, o.Y+o.H)
	return Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}

// Inside reports whether r lies within o.
func (r Rect) Inside(o Rect) bool {
	return r.X >= o.X && r.Y >= o.Y && r.X+r.W <= o.X+o.W && r.Y+r.H <= o.Y+o.H
}

// Role says what a text run is, which sets its colour and weight.
type Role uint8

const (
	Title Role = iota
	Caption
	Primary   // an element's name in the current language
	Secondary // the same name in the other language
	Heading   // a line's name at its head
	Note      // one line of the scene's evidence list
	More      // the line that counts notes that did not fit
)

// Run is one line of text placed on the screen.
type Run struct {
	Text     string
	At       frame.Point // left end of the baseline
	Size     float64
	Weight   frame.Weight
	Role     Role
	Box      Rect // the run's extent, for overlap checks and hit tests
	Lang     Lang
	Owner    string // element id, or "" for scene text
	Emphasis bool
}

// Kind is what an Item is.
type Kind uint8

const (
	LineItem Kind = iota
	ActorItem
	MarketItem
	LooseItem // an actor on neither line, standing between them
)

// Item is an element with a position: a line (from A to B), an actor or a
// market (at A).
type Item struct {
	ID       string
	Kind     Kind
	Side     data.Side // for lines and actors on a line
	A, B     frame.Point
	Emphasis bool
}

// Layout is one scene on one screen.
type Layout struct {
	Screen   Screen
	Portrait bool
	Stage    Rect // where the lines and markets stand
	Items    []Item
	Runs     []Run
	// Links are the relations and flows shown, by id; their ends are items.
	Links []Link
	// Folded are the notes that did not fit the list, in order; the list's
	// last line counts them and its card shows them.
	Folded []string
	// Controls are the on-canvas buttons under the stage.
	Controls []Control
}

// Link is a relation or a flow drawn between two items.
type Link struct {
	ID       string
	From, To string // item ids
	Flow     bool   // a flow from a line to a market (else a relation)
	Emphasis bool
}

// Item returns the item with id, if placed.
func (l *Layout) Item(id string) (Item, bool) {
	for _, it := range l.Items {
		if it.ID == id {
			return it, true
		}
	}
	return Item{}, false
}

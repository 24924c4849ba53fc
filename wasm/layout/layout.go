// Package layout decides where everything in one scene stands for one
// screen: the two lines (the spine), the marks of the scene's form, the
// title, the dek and at most three annotations, with text already broken
// into lines that fit. It emits all geometry (line points, mark paths, link
// curves, marker sizes); package widget only animates and paints it.
//
// A layout is a pure function of the story, the scene, the screen and the
// language; it knows nothing of time or of how anything is drawn. The two
// lines run along the screen's long side: across a wide screen, US above
// and China below; down a portrait one, US on the left and China on the
// right, where the scene's form has a tall composition. The band between
// them holds what lies between (the markets). Each scene's picture is a form chosen in the dataset
// (data.Scene.Form); forms.go lists them, one file each.
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

// Set is the weight to set text of language l in: English takes the
// font's Latin forms (frame.Latin).
func (l Lang) Set(w frame.Weight) frame.Weight {
	if l == En {
		return w | frame.Latin
	}
	return w
}

// Other is the other language.
func (l Lang) Other() Lang { return 1 - l }

// Code is how URLs, file names and the page's attributes write l.
func (l Lang) Code() string {
	if l == En {
		return "en"
	}
	return "zh"
}

// Tag is l's BCP 47 tag, for <html lang> and the SVG export: the
// widget's Chinese is written in simplified characters.
func (l Lang) Tag() string {
	if l == En {
		return "en"
	}
	return "zh-Hans"
}

// ParseLang is the language whose Code is code.
func ParseLang(code string) (Lang, bool) {
	switch code {
	case "zh":
		return Zh, true
	case "en":
		return En, true
	}
	return 0, false
}

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
	// Present sizes type and marks for a projected room: body text at least
	// a thirtieth of the screen's height.
	Present bool
	// NoControls leaves out the bar of on-canvas controls (?controls=0: a
	// host page drives the scenes), and the stage takes its room.
	NoControls bool
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
	Note      // an annotation attached to a mark
	More      // the control that opens the card of what the stage leaves out
	Label     // a label of a form's mark (a contrast's value, an axis year)
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
	// Halo says the text sits on a patch of background that keeps strokes
	// under it from crossing the letters.
	Halo  bool
	block int // the text block the run belongs to, for evicting it whole
}

// Kind is what an Item is.
type Kind uint8

const (
	LineItem Kind = iota
	ActorItem
	MarketItem
	LooseItem // an actor on neither line, standing between them
)

// Marker is the shape an item is drawn as.
type Marker uint8

const (
	Dot      Marker = iota // a circle (US) or square (China) in the side's colour
	Diamond                // a market
	Ring                   // an actor on neither line
	NoMarker               // the form draws the item's marks itself
)

// Item is an element with a position: a line (its points Pts, from A to
// B), an actor or a market (at A, its marker R wide).
type Item struct {
	ID       string
	Kind     Kind
	Side     data.Side // for lines and actors on a line
	A, B     frame.Point
	Emphasis bool
	// Pts is a line's polyline, always SpinePoints long so that a
	// transition can move it point by point.
	Pts    []frame.Point
	Width  float64 // a line's stroke width
	Alpha  float64 // 1, or less for the line a scene is not about
	R      float64 // marker radius
	Marker Marker
}

// SpinePoints is how many points every line has.
const SpinePoints = 33

// Tone is a colour role; the widget's theme turns it into a colour.
type Tone uint8

const (
	ToneInk Tone = iota
	ToneMuted
	ToneRule
	ToneUS
	ToneCN
	ToneBand // a light tint for areas and chips
	TonePage // the background, for halos and cut-outs
)

// Mark is one shape of a form: a filled or stroked path in a colour role.
// Marks with the same Key in two scenes move from one to the other.
type Mark struct {
	Key   string // stable across scenes for marks that persist
	Owner string // element id the mark belongs to, or ""
	Path  frame.Path
	Fill  bool    // else stroked with Width
	Width float64 // device pixels
	Tone  Tone
	Alpha float64
}

// Layout is one scene on one screen.
type Layout struct {
	Screen   Screen
	Portrait bool
	// Tall says the lines run down the screen (US on the left, China on
	// the right): the scene's form has a composition for portrait screens.
	Tall  bool
	Stage Rect   // where the lines and markets stand
	Form  string // the scene's form, as the dataset names it
	Items []Item
	Marks []Mark // a form's shapes, painted under the lines, in order
	Runs  []Run
	// Links are the relations and flows shown, by id; their ends are items.
	Links []Link
	// Folded are the shown elements the stage leaves to cards, in order; the
	// More control counts them and its card lists them.
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
	Path     frame.Path // the curve, from the layout
	Width    float64
	Tone     Tone
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

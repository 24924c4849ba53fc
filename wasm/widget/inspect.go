package widget

import (
	"fmt"
	"image/color"
	"math"

	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/internal/jsonx"
)

// Description is what one frame shows, in CSS pixels from the canvas's
// top-left: every text with the box of its ink line, every stroke as
// points, every control's target. It is the frame as a reader (or a test,
// or the page's inspect()) sees it, not as a backend draws it.
type Description struct {
	Scene    string            `json:"scene"`
	Form     string            `json:"form"`
	Lang     string            `json:"lang"`
	Width    float64           `json:"width"`
	Height   float64           `json:"height"`
	Texts    []DescribedText   `json:"texts"`
	Strokes  []DescribedStroke `json:"strokes"`
	Controls []DescribedBox    `json:"controls"`
	Card     string            `json:"card,omitempty"` // the element whose card is open
}

// DescribedText is one line of text. Color is what it shows as on the
// background (its opacity blended in).
type DescribedText struct {
	Text  string  `json:"text"`
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	W     float64 `json:"w"`
	H     float64 `json:"h"`
	Px    float64 `json:"px"`
	Color string  `json:"color"`
	Halo  bool    `json:"halo"`
	Bold  bool    `json:"bold,omitempty"`
}

// DescribedStroke is one stroked run of points.
type DescribedStroke struct {
	Points [][2]float64 `json:"points"`
	Width  float64      `json:"width"`
	Color  string       `json:"color"`
}

// DescribedBox is a control's target.
type DescribedBox struct {
	ID string  `json:"id"`
	X  float64 `json:"x"`
	Y  float64 `json:"y"`
	W  float64 `json:"w"`
	H  float64 `json:"h"`
}

// The font's box around a line, as fractions of the size (as in layout).
const (
	inkAscent  = 0.95
	inkDescent = 0.25
)

// Describe returns the description of the frame at the current tick.
func (w *Widget) Describe() Description {
	f := w.Frame()
	return w.describe(&f)
}

// Inspect is Describe as JSON: the contract of the page's
// window.parallelLines.inspect(). It is written by hand, member for member
// as the json tags above say (what encoding/json would write, which a test
// checks), so that the wasm carries no reflection-driven JSON codec.
func (w *Widget) Inspect() string { return w.Describe().JSON() }

// JSON is d as encoding/json.Marshal writes it.
func (d Description) JSON() string {
	var j jsonx.Writer
	j.Object()
	j.Key("scene")
	j.Str(d.Scene)
	j.Key("form")
	j.Str(d.Form)
	j.Key("lang")
	j.Str(d.Lang)
	j.Key("width")
	j.Float(d.Width)
	j.Key("height")
	j.Float(d.Height)
	j.Key("texts")
	if jsonList(&j, d.Texts == nil) {
		for _, t := range d.Texts {
			j.Object()
			j.Key("text")
			j.Str(t.Text)
			jsonBox(&j, t.X, t.Y, t.W, t.H)
			j.Key("px")
			j.Float(t.Px)
			j.Key("color")
			j.Str(t.Color)
			j.Key("halo")
			j.Bool(t.Halo)
			if t.Bold {
				j.Key("bold")
				j.Bool(true)
			}
			j.EndObject()
		}
		j.EndArray()
	}
	j.Key("strokes")
	if jsonList(&j, d.Strokes == nil) {
		for _, st := range d.Strokes {
			j.Object()
			j.Key("points")
			if jsonList(&j, st.Points == nil) {
				for _, p := range st.Points {
					j.Array()
					j.Float(p[0])
					j.Float(p[1])
					j.EndArray()
				}
				j.EndArray()
			}
			j.Key("width")
			j.Float(st.Width)
			j.Key("color")
			j.Str(st.Color)
			j.EndObject()
		}
		j.EndArray()
	}
	j.Key("controls")
	if jsonList(&j, d.Controls == nil) {
		for _, c := range d.Controls {
			j.Object()
			j.Key("id")
			j.Str(c.ID)
			jsonBox(&j, c.X, c.Y, c.W, c.H)
			j.EndObject()
		}
		j.EndArray()
	}
	if d.Card != "" {
		j.Key("card")
		j.Str(d.Card)
	}
	j.EndObject()
	if err := j.Err(); err != nil { // a NaN or Inf, which JSON cannot carry
		var e jsonx.Writer
		e.Object()
		e.Key("error")
		e.Str(err.Error())
		e.EndObject()
		return e.String()
	}
	return j.String()
}

// jsonList writes null for a nil slice (as encoding/json does) and reports
// false, or opens the array.
func jsonList(j *jsonx.Writer, isNil bool) bool {
	if isNil {
		j.Null()
		return false
	}
	j.Array()
	return true
}

func jsonBox(j *jsonx.Writer, x, y, w, h float64) {
	j.Key("x")
	j.Float(x)
	j.Key("y")
	j.Float(y)
	j.Key("w")
	j.Float(w)
	j.Key("h")
	j.Float(h)
}

func (w *Widget) describe(f *frame.List) Description {
	s := w.scr.Scale
	if s <= 0 {
		s = 1
	}
	c := func(v float32) float64 { return math.Round(float64(v)/s*100) / 100 }
	d := Description{
		Scene: w.SceneID(), Form: w.target.Form, Lang: w.lang.Code(),
		Width: float64(w.scr.W) / s, Height: float64(w.scr.H) / s,
		Texts: []DescribedText{}, Strokes: []DescribedStroke{}, Controls: []DescribedBox{},
		Card: w.card,
	}
	for _, op := range f.Ops {
		switch op.Kind {
		case frame.Text:
			if op.Color.A == 0 {
				continue
			}
			adv := w.m.Advance(op.Text, float64(op.Size), op.Font)
			d.Texts = append(d.Texts, DescribedText{
				Text: op.Text, X: c(op.At.X), Y: c(op.At.Y - op.Size*inkAscent),
				W: c(float32(adv)), H: c(op.Size * (inkAscent + inkDescent)), Px: c(op.Size),
				Color: hex(blend(op.Color, f.Background)), Halo: op.Halo, Bold: op.Font.Base() == frame.Bold,
			})
		case frame.Stroke:
			if op.Color.A == 0 {
				continue
			}
			for _, run := range op.Path.Polylines(8) {
				st := DescribedStroke{Width: c(op.Width), Color: hex(blend(op.Color, f.Background))}
				for _, q := range run {
					st.Points = append(st.Points, [2]float64{c(q.X), c(q.Y)})
				}
				d.Strokes = append(d.Strokes, st)
			}
		}
	}
	for _, t := range w.Targets() {
		if t.Control != nil || t.ID == MoreID {
			b := t.Box
			d.Controls = append(d.Controls, DescribedBox{ID: t.ID, X: b.X / s, Y: b.Y / s, W: b.W / s, H: b.H / s})
		}
	}
	return d
}

// blend is c over bg, as it shows.
func blend(c, bg color.NRGBA) color.NRGBA {
	a := float64(c.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(c.R, bg.R), G: mix(c.G, bg.G), B: mix(c.B, bg.B), A: 255}
}

func hex(c color.NRGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Package frame is the backend-neutral description of one picture: filled
// and stroked paths and runs of text, in device pixels, in painting order.
//
// The core decides everything about a frame and writes it here; a backend
// (Ebitengine in the browser, x/image for PNG posters) only draws what the
// list says. Nothing in this package knows about either backend.
package frame

import (
	"image"
	"image/color"
)

// Point is a position in device pixels.
type Point struct{ X, Y float32 }

// Verb is a path command.
type Verb uint8

const (
	MoveTo Verb = iota
	LineTo
	QuadTo // one control point, then the end point
	CubeTo // two control points, then the end point
	Close
)

// Path is a sequence of commands. Pts holds, in order, the points each verb
// takes: one for MoveTo and LineTo, two for QuadTo, three for CubeTo, none
// for Close.
type Path struct {
	Verbs []Verb
	Pts   []Point
}

func (p *Path) MoveTo(x, y float32) {
	p.Verbs = append(p.Verbs, MoveTo)
	p.Pts = append(p.Pts, Point{x, y})
}
func (p *Path) LineTo(x, y float32) {
	p.Verbs = append(p.Verbs, LineTo)
	p.Pts = append(p.Pts, Point{x, y})
}
func (p *Path) Close() { p.Verbs = append(p.Verbs, Close) }

func (p *Path) QuadTo(cx, cy, x, y float32) {
	p.Verbs = append(p.Verbs, QuadTo)
	p.Pts = append(p.Pts, Point{cx, cy}, Point{x, y})
}

func (p *Path) CubeTo(c1x, c1y, c2x, c2y, x, y float32) {
	p.Verbs = append(p.Verbs, CubeTo)
	p.Pts = append(p.Pts, Point{c1x, c1y}, Point{c2x, c2y}, Point{x, y})
}

// Pen takes a path's commands one by one, in device pixels. A backend's
// rasteriser or path builder is one (x/image/vector.Rasterizer is, as is).
type Pen interface {
	MoveTo(x, y float32)
	LineTo(x, y float32)
	QuadTo(cx, cy, x, y float32)
	CubeTo(c1x, c1y, c2x, c2y, x, y float32)
	ClosePath()
}

// Trace sends p's commands to pen, so that no backend walks Verbs and Pts
// itself.
func (p *Path) Trace(pen Pen) {
	pts := p.Pts
	for _, v := range p.Verbs {
		switch v {
		case MoveTo:
			pen.MoveTo(pts[0].X, pts[0].Y)
			pts = pts[1:]
		case LineTo:
			pen.LineTo(pts[0].X, pts[0].Y)
			pts = pts[1:]
		case QuadTo:
			pen.QuadTo(pts[0].X, pts[0].Y, pts[1].X, pts[1].Y)
			pts = pts[2:]
		case CubeTo:
			pen.CubeTo(pts[0].X, pts[0].Y, pts[1].X, pts[1].Y, pts[2].X, pts[2].Y)
			pts = pts[3:]
		case Close:
			pen.ClosePath()
		}
	}
}

// Rect adds a closed rectangle with corners rounded by r.
func (p *Path) Rect(x, y, w, h, r float32) {
	r = min(r, w/2, h/2)
	if r <= 0 {
		p.MoveTo(x, y)
		p.LineTo(x+w, y)
		p.LineTo(x+w, y+h)
		p.LineTo(x, y+h)
		p.Close()
		return
	}
	const k = 0.4477 // 1 - 0.5523: a cubic's control offset for a quarter circle
	p.MoveTo(x+r, y)
	p.LineTo(x+w-r, y)
	p.CubeTo(x+w-r*k, y, x+w, y+r*k, x+w, y+r)
	p.LineTo(x+w, y+h-r)
	p.CubeTo(x+w, y+h-r*k, x+w-r*k, y+h, x+w-r, y+h)
	p.LineTo(x+r, y+h)
	p.CubeTo(x+r*k, y+h, x, y+h-r*k, x, y+h-r)
	p.LineTo(x, y+r)
	p.CubeTo(x, y+r*k, x+r*k, y, x+r, y)
	p.Close()
}

// Circle adds a closed circle.
func (p *Path) Circle(cx, cy, r float32) {
	k := r * 0.5523 // a cubic's control offset for a quarter circle
	p.MoveTo(cx+r, cy)
	p.CubeTo(cx+r, cy+k, cx+k, cy+r, cx, cy+r)
	p.CubeTo(cx-k, cy+r, cx-r, cy+k, cx-r, cy)
	p.CubeTo(cx-r, cy-k, cx-k, cy-r, cx, cy-r)
	p.CubeTo(cx+k, cy-r, cx+r, cy-k, cx+r, cy)
	p.Close()
}

// Weight selects a font weight, with the Latin flag for English text.
type Weight uint8

const (
	Regular Weight = iota
	Bold
)

// Latin marks English text, which the font sets with Latin forms
// (proportional curly quotes, not the CJK em-wide ones). It goes with a
// weight: Bold|Latin.
const Latin Weight = 0x80

// Base is the weight without the Latin flag.
func (w Weight) Base() Weight { return w &^ Latin }

// OpKind says what an Op draws.
type OpKind uint8

const (
	Fill   OpKind = iota // fill Path (non-zero winding)
	Stroke               // stroke Path with Width
	Text                 // draw Text with its baseline starting at At
)

// Op is one drawing operation. Color is not premultiplied.
type Op struct {
	Kind  OpKind
	Color color.NRGBA
	Path  Path    // Fill, Stroke
	Width float32 // Stroke: line width in device pixels
	Text  string  // Text: one line, already broken and fitted by the core
	At    Point   // Text: the left end of the baseline
	Size  float32 // Text: font size in device pixels
	Font  Weight  // Text
	// Halo marks a Text that stands on a patch of background the core drew
	// under it, so strokes beneath do not cross the letters. Backends need
	// not look at it; the frame's description reports it.
	Halo bool
}

// List is one frame.
type List struct {
	W, H       int         // device pixels
	Background color.NRGBA // the canvas is cleared to this first
	Ops        []Op
}

// Fill appends a filled path.
func (l *List) Fill(p Path, c color.NRGBA) { l.Ops = append(l.Ops, Op{Kind: Fill, Path: p, Color: c}) }

// Stroke appends a stroked path.
func (l *List) Stroke(p Path, width float32, c color.NRGBA) {
	l.Ops = append(l.Ops, Op{Kind: Stroke, Path: p, Width: width, Color: c})
}

// Text appends a run of text.
func (l *List) Text(s string, at Point, size float32, w Weight, c color.NRGBA) {
	l.Ops = append(l.Ops, Op{Kind: Text, Text: s, At: at, Size: size, Font: w, Color: c})
}

// GlyphSource supplies glyph masks to backends: r's coverage at size
// (device pixels), the offset of the mask's top-left corner from the pen on
// the baseline, and the pen's advance; ok is false when the font lacks r.
// Every backend draws text through one, so all show the same letterforms.
type GlyphSource interface {
	Glyph(r rune, w Weight, size float64) (mask *image.Alpha, offset image.Point, advance float64, ok bool)
}

// Lerp is the point a fraction t of the way from a to b.
func Lerp(a, b Point, t float32) Point {
	return Point{X: a.X + (b.X-a.X)*t, Y: a.Y + (b.Y-a.Y)*t}
}

// Polylines samples p into runs of points, one per sub-path, each curve cut
// into steps straight pieces; a closed sub-path ends at its start. Backends
// stroke these and the core hit-tests them, so both see the same curve.
func (p *Path) Polylines(steps int) [][]Point {
	var out [][]Point
	var cur []Point
	var start Point
	pts := p.Pts
	for _, v := range p.Verbs {
		switch v {
		case MoveTo:
			if len(cur) > 0 {
				out = append(out, cur)
			}
			start = pts[0]
			cur = []Point{pts[0]}
			pts = pts[1:]
		case LineTo:
			cur = append(cur, pts[0])
			pts = pts[1:]
		case QuadTo:
			a := cur[len(cur)-1]
			for i := 1; i <= steps; i++ {
				t := float32(i) / float32(steps)
				cur = append(cur, Lerp(Lerp(a, pts[0], t), Lerp(pts[0], pts[1], t), t))
			}
			pts = pts[2:]
		case CubeTo:
			a := cur[len(cur)-1]
			for i := 1; i <= steps; i++ {
				t := float32(i) / float32(steps)
				ab, bc, cd := Lerp(a, pts[0], t), Lerp(pts[0], pts[1], t), Lerp(pts[1], pts[2], t)
				cur = append(cur, Lerp(Lerp(ab, bc, t), Lerp(bc, cd, t), t))
			}
			pts = pts[3:]
		case Close:
			if len(cur) > 0 {
				cur = append(cur, start)
			}
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

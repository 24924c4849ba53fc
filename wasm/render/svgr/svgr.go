// Package svgr draws a frame.List as SVG: the widget's third backend, for
// sharp print and for readers who download a vector picture. Like the other
// backends it decides nothing about what is drawn: every op of the list
// becomes one element, in painting order.
//
// Text is drawn twice. What shows is the glyph outlines of the font subset
// (one <path> per glyph in <defs>, placed with <use>), so the SVG needs no
// font and shows exactly the letterforms and pen positions of the PNG
// posters and the live widget. Over it lies a transparent <text> layer with
// every glyph at the same pen position, so the picture's words can still be
// selected, searched and read by assistive technology; the outlines are
// hidden from it so nothing is read twice.
package svgr

import (
	"bufio"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/parallel-lines/widget/wasm/frame"
)

// Glyphs supplies glyph outlines: r's outline at size (device pixels) with
// its origin at the pen on the baseline, y down, and the pen's advance; ok
// is false when the font has no outline for r. typeset.Fonts is one.
type Glyphs interface {
	Outline(r rune, w frame.Weight, size float64) (p frame.Path, advance float64, ok bool)
}

// Meta is what the file says about itself: its accessible name and
// description, and the language of its text (a BCP 47 tag).
type Meta struct {
	Title, Desc, Lang string
}

// Write writes l as a standalone SVG document to out. The same list always
// gives the same bytes.
func Write(out io.Writer, l *frame.List, g Glyphs, m Meta) error {
	w := bufio.NewWriter(out)
	e := &enc{w: w, g: g, ids: map[glyphKey]string{}}
	e.printf(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="t d"`,
		l.W, l.H, l.W, l.H)
	if m.Lang != "" {
		e.printf(` xml:lang="%s" lang="%s"`, esc(m.Lang), esc(m.Lang))
	}
	e.printf(">\n<title id=\"t\">%s</title>\n<desc id=\"d\">%s</desc>\n", esc(m.Title), esc(m.Desc))
	e.printf(`<rect width="%d" height="%d"%s/>`+"\n", l.W, l.H, paint("fill", l.Background))

	// Glyph outlines first, as definitions: a label's letters repeat, and
	// a <use> is a few bytes where a path is a few hundred.
	e.defs(l)
	e.printf("<g aria-hidden=\"true\">\n")
	for i := range l.Ops {
		op := &l.Ops[i]
		switch op.Kind {
		case frame.Fill:
			e.printf(`<path d="%s"%s/>`+"\n", pathData(&op.Path, 0, 0), paint("fill", op.Color))
		case frame.Stroke:
			e.printf(`<path d="%s" fill="none"%s stroke-width="%s" stroke-linecap="round" stroke-linejoin="round"/>`+"\n",
				pathData(&op.Path, 0, 0), paint("stroke", op.Color), num(op.Width))
		case frame.Text:
			e.glyphs(op)
		default:
			return fmt.Errorf("svgr: op %d has unknown kind %d", i, op.Kind)
		}
	}
	e.printf("</g>\n")
	// The text layer: transparent, at the outlines' pen positions.
	e.printf("<g fill-opacity=\"0\" font-family=\"'Noto Sans SC', sans-serif\" xml:space=\"preserve\">\n")
	for i := range l.Ops {
		if op := &l.Ops[i]; op.Kind == frame.Text && strings.TrimSpace(op.Text) != "" {
			e.text(op)
		}
	}
	e.printf("</g>\n</svg>\n")
	if e.err != nil {
		return e.err
	}
	return w.Flush()
}

type glyphKey struct {
	r    rune
	w    frame.Weight
	size float64
}

type enc struct {
	w   *bufio.Writer
	g   Glyphs
	ids map[glyphKey]string
	err error
}

func (e *enc) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// size is a run's font size as the rasterising backends use it: rounded to
// a quarter pixel.
func size(op *frame.Op) float64 { return math.Round(float64(op.Size)*4) / 4 }

// pens walks a run as the rasterising backends do: pens on whole pixels,
// the baseline rounded.
func (e *enc) pens(op *frame.Op, fn func(r rune, x, y float64, p frame.Path, ok bool)) {
	x := float64(op.At.X)
	y := math.Round(float64(op.At.Y))
	sz := size(op)
	for _, r := range op.Text {
		p, adv, ok := e.g.Outline(r, op.Font, sz)
		fn(r, math.Round(x), y, p, ok && len(p.Verbs) > 0)
		x += adv
	}
}

func (e *enc) defs(l *frame.List) {
	e.printf("<defs>\n")
	for i := range l.Ops {
		op := &l.Ops[i]
		if op.Kind != frame.Text {
			continue
		}
		e.pens(op, func(r rune, _, _ float64, p frame.Path, ok bool) {
			k := glyphKey{r, op.Font, size(op)}
			if _, seen := e.ids[k]; seen || !ok {
				return
			}
			id := "g" + strconv.Itoa(len(e.ids))
			e.ids[k] = id
			e.printf(`<path id="%s" d="%s"/>`+"\n", id, pathData(&p, 0, 0))
		})
	}
	e.printf("</defs>\n")
}

func (e *enc) glyphs(op *frame.Op) {
	c := op.Color
	c.A = 0xff
	e.printf("<g%s", paint("fill", c))
	if op.Color.A != 0xff {
		e.printf(` opacity="%s"`, num(float32(op.Color.A)/255))
	}
	e.printf(">")
	e.pens(op, func(r rune, x, y float64, _ frame.Path, ok bool) {
		if id, have := e.ids[glyphKey{r, op.Font, size(op)}]; have && ok {
			e.printf(`<use href="#%s" xlink:href="#%s" x="%s" y="%s"/>`, id, id, num(float32(x)), num(float32(y)))
		}
	})
	e.printf("</g>\n")
}

func (e *enc) text(op *frame.Op) {
	var xs []string
	var y float64
	e.pens(op, func(_ rune, x, yy float64, _ frame.Path, _ bool) {
		xs = append(xs, num(float32(x)))
		y = yy
	})
	weight := ""
	if op.Font.Base() == frame.Bold {
		weight = ` font-weight="bold"`
	}
	e.printf(`<text x="%s" y="%s" font-size="%s"%s>%s</text>`+"\n",
		strings.Join(xs, " "), num(float32(y)), num(float32(size(op))), weight, esc(op.Text))
}

// pathData is p as SVG path data, moved by (dx, dy).
func pathData(p *frame.Path, dx, dy float32) string {
	var b strings.Builder
	pts := p.Pts
	pt := func(q frame.Point) {
		b.WriteString(num(q.X + dx))
		b.WriteByte(' ')
		b.WriteString(num(q.Y + dy))
	}
	for _, v := range p.Verbs {
		switch v {
		case frame.MoveTo:
			b.WriteByte('M')
			pt(pts[0])
			pts = pts[1:]
		case frame.LineTo:
			b.WriteByte('L')
			pt(pts[0])
			pts = pts[1:]
		case frame.QuadTo:
			b.WriteByte('Q')
			pt(pts[0])
			b.WriteByte(' ')
			pt(pts[1])
			pts = pts[2:]
		case frame.CubeTo:
			b.WriteByte('C')
			pt(pts[0])
			b.WriteByte(' ')
			pt(pts[1])
			b.WriteByte(' ')
			pt(pts[2])
			pts = pts[3:]
		case frame.Close:
			b.WriteByte('Z')
		}
	}
	return b.String()
}

// num writes v with at most two decimals: a hundredth of a device pixel is
// below what any printer resolves, and it keeps the file small.
func num(v float32) string {
	f := math.Round(float64(v)*100) / 100
	if f == 0 { // no "-0"
		f = 0
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// paint is an attribute pair for a colour: the colour and, when it is not
// opaque, its opacity.
func paint(attr string, c color.NRGBA) string {
	s := fmt.Sprintf(` %s="#%02x%02x%02x"`, attr, c.R, c.G, c.B)
	if c.A != 0xff {
		s += fmt.Sprintf(` %s-opacity="%s"`, attr, num(float32(c.A)/255))
	}
	return s
}

func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			// XML 1.0 forbids most control characters, even escaped.
			if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xfffe || r == 0xffff {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

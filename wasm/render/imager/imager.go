// Package imager draws a frame.List into an image with golang.org/x/image:
// the widget's second backend, for PNG posters and for tests that look at
// pixels without a browser or a GPU. Like the Ebitengine backend it decides
// nothing about what is drawn; both take their glyphs from the same font, so
// a poster shows the same letterforms as the live widget.
package imager

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/parallel-lines/widget/wasm/frame"
	"golang.org/x/image/vector"
)

// Draw paints l into a new image of its size.
func Draw(l *frame.List, g frame.GlyphSource) *image.NRGBA {
	dst := image.NewNRGBA(image.Rect(0, 0, l.W, l.H))
	draw.Draw(dst, dst.Bounds(), image.NewUniform(l.Background), image.Point{}, draw.Src)
	r := &raster{Rasterizer: vector.NewRasterizer(1, 1)}
	for i := range l.Ops {
		op := &l.Ops[i]
		switch op.Kind {
		case frame.Fill, frame.Stroke:
			// Rasterise only the shape's own box: a full-canvas pass per
			// shape made a 2400×1350 poster take seconds.
			pad := float32(1)
			if op.Kind == frame.Stroke {
				pad += op.Width / 2
			}
			box := bounds(&op.Path, pad).Intersect(dst.Bounds())
			if box.Empty() {
				continue
			}
			r.at = frame.Point{X: float32(box.Min.X), Y: float32(box.Min.Y)}
			r.Reset(box.Dx(), box.Dy())
			if op.Kind == frame.Fill {
				addPath(r, &op.Path)
			} else {
				stroke(r, &op.Path, op.Width)
			}
			r.Draw(dst, box, image.NewUniform(op.Color), image.Point{})
		case frame.Text:
			text(dst, op, g)
		}
	}
	return dst
}

// raster is a rasteriser whose origin stands at a point of the image.
type raster struct {
	*vector.Rasterizer
	at frame.Point
}

func (r *raster) MoveTo(x, y float32) { r.Rasterizer.MoveTo(x-r.at.X, y-r.at.Y) }
func (r *raster) LineTo(x, y float32) { r.Rasterizer.LineTo(x-r.at.X, y-r.at.Y) }
func (r *raster) QuadTo(ax, ay, x, y float32) {
	r.Rasterizer.QuadTo(ax-r.at.X, ay-r.at.Y, x-r.at.X, y-r.at.Y)
}
func (r *raster) CubeTo(ax, ay, bx, by, x, y float32) {
	r.Rasterizer.CubeTo(ax-r.at.X, ay-r.at.Y, bx-r.at.X, by-r.at.Y, x-r.at.X, y-r.at.Y)
}

// bounds is the box of p's points (curves lie within their control points),
// grown by pad.
func bounds(p *frame.Path, pad float32) image.Rectangle {
	if len(p.Pts) == 0 {
		return image.Rectangle{}
	}
	x0, y0, x1, y1 := p.Pts[0].X, p.Pts[0].Y, p.Pts[0].X, p.Pts[0].Y
	for _, q := range p.Pts[1:] {
		x0, y0, x1, y1 = min(x0, q.X), min(y0, q.Y), max(x1, q.X), max(y1, q.Y)
	}
	return image.Rect(int(math.Floor(float64(x0-pad))), int(math.Floor(float64(y0-pad))),
		int(math.Ceil(float64(x1+pad))), int(math.Ceil(float64(y1+pad))))
}

func addPath(r *raster, p *frame.Path) {
	p.Trace(r)
	r.ClosePath()
}

// stroke adds the outline of p drawn with a round pen of width w: a
// quadrilateral per flattened segment and a disc at every vertex. All pieces
// wind the same way, so where they overlap the rasteriser's coverage
// saturates instead of doubling, and a translucent stroke stays even.
func stroke(r *raster, p *frame.Path, w float32) {
	h := w / 2
	for _, poly := range p.Polylines(steps) {
		for i, a := range poly {
			disc(r, a, h)
			if i == 0 {
				continue
			}
			b := poly[i-1]
			dx, dy := a.X-b.X, a.Y-b.Y
			n := float32(math.Hypot(float64(dx), float64(dy)))
			if n == 0 {
				continue
			}
			nx, ny := -dy/n*h, dx/n*h
			quad(r, frame.Point{X: b.X + nx, Y: b.Y + ny}, frame.Point{X: a.X + nx, Y: a.Y + ny},
				frame.Point{X: a.X - nx, Y: a.Y - ny}, frame.Point{X: b.X - nx, Y: b.Y - ny})
		}
	}
}

// quad adds a quadrilateral, wound clockwise on screen whatever the order
// given, so that every piece of a stroke winds alike.
func quad(r *raster, a, b, c, d frame.Point) {
	if (b.X-a.X)*(c.Y-a.Y)-(b.Y-a.Y)*(c.X-a.X) < 0 {
		a, b, c, d = d, c, b, a
	}
	r.MoveTo(a.X, a.Y)
	r.LineTo(b.X, b.Y)
	r.LineTo(c.X, c.Y)
	r.LineTo(d.X, d.Y)
	r.ClosePath()
}

// disc adds a circle as a clockwise polygon.
func disc(r *raster, c frame.Point, rad float32) {
	const n = 16
	r.MoveTo(c.X+rad, c.Y)
	for i := 1; i < n; i++ {
		a := 2 * math.Pi * float64(i) / n
		r.LineTo(c.X+rad*float32(math.Cos(a)), c.Y+rad*float32(math.Sin(a)))
	}
	r.ClosePath()
}

const steps = 24 // segments per curve when stroking

// text draws a run glyph by glyph, pens on whole pixels and the baseline
// rounded, exactly as the Ebitengine backend places them.
func text(dst *image.NRGBA, op *frame.Op, g frame.GlyphSource) {
	src := image.NewUniform(color.NRGBA{R: op.Color.R, G: op.Color.G, B: op.Color.B, A: 0xff})
	x := float64(op.At.X)
	y := math.Round(float64(op.At.Y))
	for _, ch := range op.Text {
		mask, off, adv, _ := g.Glyph(ch, op.Font, math.Round(float64(op.Size)*4)/4)
		if mask != nil {
			at := image.Pt(int(math.Round(x))+off.X, int(y)+off.Y)
			rect := image.Rectangle{Min: at, Max: at.Add(mask.Rect.Size())}
			draw.DrawMask(dst, rect, src, image.Point{}, alphaScaled(mask, op.Color.A), mask.Rect.Min, draw.Over)
		}
		x += adv
	}
}

// alphaScaled applies a run's opacity to a glyph mask.
func alphaScaled(m *image.Alpha, a uint8) image.Image {
	if a == 0xff {
		return m
	}
	return &scaled{m, a}
}

type scaled struct {
	*image.Alpha
	a uint8
}

func (s *scaled) At(x, y int) color.Color {
	v := s.Alpha.AlphaAt(x, y).A
	return color.Alpha{A: uint8(uint16(v) * uint16(s.a) / 0xff)}
}

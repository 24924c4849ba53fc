// Package imager draws a frame.List into an image with x/image's rasteriser
// (wasm/internal/raster) and no image/draw:
// the widget's second backend, for PNG posters and for tests that look at
// pixels without a browser or a GPU. Like the Ebitengine backend it decides
// nothing about what is drawn; both take their glyphs from the same font, so
// a poster shows the same letterforms as the live widget.
package imager

import (
	"image"
	"image/color"
	"math"

	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/internal/raster"
)

// Draw paints l into a new image of its size.
func Draw(l *frame.List, g frame.GlyphSource) *image.NRGBA {
	dst := image.NewNRGBA(image.Rect(0, 0, l.W, l.H))
	fill(dst, l.Background)
	r := &rast{Rasterizer: raster.NewRasterizer(1, 1)}
	for i := range l.Ops {
		op := &l.Ops[i]
		switch op.Kind {
		case frame.Fill, frame.Stroke:
			if box := trace(r, op, dst.Bounds()); !box.Empty() {
				r.Draw(dst, box, image.NewUniform(op.Color), image.Point{})
			}
		case frame.Text:
			text(dst, op, g)
		}
	}
	return dst
}

// Mask is the coverage of a fill or stroke op within clip, exactly as Draw
// paints it, and where the mask's top-left corner stands (nil when the
// shape misses clip). It serves a backend with a shape it cannot draw
// itself: ebitenr's meshes take only convex fills.
func Mask(op *frame.Op, clip image.Rectangle) (*image.Alpha, image.Point) {
	r := &rast{Rasterizer: raster.NewRasterizer(1, 1)}
	box := trace(r, op, clip)
	if box.Empty() {
		return nil, image.Point{}
	}
	m := image.NewAlpha(image.Rect(0, 0, box.Dx(), box.Dy()))
	r.Draw(m, m.Rect, image.Opaque, image.Point{})
	return m, box.Min
}

// trace readies r with the shape of a fill or stroke op, within clip, and
// returns the box it covers (empty: nothing to draw). Only the shape's own
// box is rasterised: a full-canvas pass per shape made a 2400×1350 poster
// take seconds.
func trace(r *rast, op *frame.Op, clip image.Rectangle) image.Rectangle {
	pad := float32(1)
	if op.Kind == frame.Stroke {
		pad += op.Width / 2
	}
	box := bounds(&op.Path, pad).Intersect(clip)
	if box.Empty() {
		return box
	}
	r.at = frame.Point{X: float32(box.Min.X), Y: float32(box.Min.Y)}
	r.Reset(box.Dx(), box.Dy())
	if op.Kind == frame.Fill {
		addPath(r, &op.Path)
	} else {
		stroke(r, &op.Path, op.Width)
	}
	return box
}

// rast is a rasteriser whose origin stands at a point of the image.
type rast struct {
	*raster.Rasterizer
	at frame.Point
}

func (r *rast) MoveTo(x, y float32) { r.Rasterizer.MoveTo(x-r.at.X, y-r.at.Y) }
func (r *rast) LineTo(x, y float32) { r.Rasterizer.LineTo(x-r.at.X, y-r.at.Y) }
func (r *rast) QuadTo(ax, ay, x, y float32) {
	r.Rasterizer.QuadTo(ax-r.at.X, ay-r.at.Y, x-r.at.X, y-r.at.Y)
}
func (r *rast) CubeTo(ax, ay, bx, by, x, y float32) {
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

func addPath(r *rast, p *frame.Path) {
	p.Trace(r)
	r.ClosePath()
}

// stroke adds the outline of p drawn with a round pen of width w: a
// quadrilateral per flattened segment and a disc at every vertex. All pieces
// wind the same way, so where they overlap the rasteriser's coverage
// saturates instead of doubling, and a translucent stroke stays even.
func stroke(r *rast, p *frame.Path, w float32) {
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
func quad(r *rast, a, b, c, d frame.Point) {
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
func disc(r *rast, c frame.Point, rad float32) {
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
			// The run's opacity (op.Color.A) is not applied, as before:
			// draw.DrawMask, which drew here, read the mask that was to
			// scale it through the RGBA64At it inherited from *image.Alpha,
			// unscaled. Applying it is a change of pixels, for its own commit.
			maskOver(dst, rect, src, mask, mask.Rect.Min)
		}
		x += adv
	}
}

// The two compositing steps below are draw.Draw and draw.DrawMask for the
// one case the poster needs, an *image.NRGBA destination and a uniform
// source, computed as image/draw computes it for that case (its
// RGBA64Image path, Go's sources, BSD-style licence): main.wasm then links
// no image/draw, whose DrawMask handles every image type (about 17 KB
// deflated). TestCompositeMatchesImageDraw compares them with image/draw.

// fill sets every pixel of dst to c: draw.Draw(dst, dst.Bounds(),
// image.NewUniform(c), image.Point{}, draw.Src).
func fill(dst *image.NRGBA, c color.Color) {
	u := image.NewUniform(c).RGBA64At(0, 0)
	b := dst.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			dst.SetRGBA64(x, y, u)
		}
	}
}

// maskOver composites src through mask onto r of dst, mask's point mp at
// r.Min: draw.DrawMask(dst, r, src, image.Point{}, mask, mp, draw.Over).
func maskOver(dst *image.NRGBA, r image.Rectangle, src *image.Uniform, mask image.RGBA64Image, mp image.Point) {
	orig := r.Min
	r = r.Intersect(dst.Bounds()).Intersect(mask.Bounds().Add(orig.Sub(mp)))
	if r.Empty() {
		return
	}
	mp = mp.Add(r.Min.Sub(orig))
	const m = 1<<16 - 1
	s := src.RGBA64At(0, 0)
	for y, my := r.Min.Y, mp.Y; y < r.Max.Y; y, my = y+1, my+1 {
		for x, mx := r.Min.X, mp.X; x < r.Max.X; x, mx = x+1, mx+1 {
			ma := uint32(mask.RGBA64At(mx, my).A)
			if ma == 0 {
				continue
			}
			d := dst.RGBA64At(x, y)
			a := m - (uint32(s.A) * ma / m)
			dst.SetRGBA64(x, y, color.RGBA64{
				R: uint16((uint32(d.R)*a + uint32(s.R)*ma) / m),
				G: uint16((uint32(d.G)*a + uint32(s.G)*ma) / m),
				B: uint16((uint32(d.B)*a + uint32(s.B)*ma) / m),
				A: uint16((uint32(d.A)*a + uint32(s.A)*ma) / m),
			})
		}
	}
}

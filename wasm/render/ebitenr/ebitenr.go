//go:build js && wasm

// Package ebitenr draws a frame.List onto an Ebitengine image. It decides
// nothing about what is drawn: every shape, colour and line of text comes
// from the list. It is built only for the browser, where Ebitengine needs no
// native libraries; how it keeps a frame cheap (layers for what stood still,
// paths gathered into one vector batch) is decided in plan.go, which is
// tested without a browser.
package ebitenr

import (
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
	"github.com/parallel-lines/widget/wasm/frame"
)

// Renderer draws frames. It keeps glyph images, and layers of what stood
// still, between frames.
type Renderer struct {
	glyphs       frame.GlyphSource
	cache        map[glyphKey]*glyphImage
	path, stroke vector.Path

	w, h   int
	prev   []frame.Op // the last frame's operations
	layers []*layer   // built from runs of prev that stood still
	spare  []*ebiten.Image
	boxes  []box
	seq    []int
}

// layer is a run of operations drawn once onto a transparent image and
// composited in its place while the run stays the same. Source-over is
// associative, so the composite is the run drawn directly, up to rounding.
type layer struct {
	ops  []frame.Op
	img  *ebiten.Image
	area image.Rectangle // what the run touches
	used bool
}

type glyphKey struct {
	r    rune
	w    frame.Weight
	size int32 // quarter pixels
}

type glyphImage struct {
	img     *ebiten.Image // nil for an empty glyph such as a space
	offset  image.Point   // of the image's top-left corner from the pen
	size    image.Point
	advance float64
}

// maxGlyphs bounds the cache: zooming through many sizes would otherwise
// keep every size's glyphs alive.
const maxGlyphs = 6000

// maxLayers bounds the screen-sized images kept (about 33 MB each at
// 3840×2160).
const maxLayers = 3

// New returns a renderer that takes its glyphs from g.
func New(g frame.GlyphSource) *Renderer {
	return &Renderer{glyphs: g, cache: map[glyphKey]*glyphImage{}}
}

// Release gives back the layers' images; the host calls it when nothing
// moves, since a still picture is not drawn again.
func (r *Renderer) Release() {
	for _, ly := range r.layers {
		ly.img.Deallocate()
	}
	for _, img := range r.spare {
		img.Deallocate()
	}
	r.layers, r.spare, r.prev = nil, nil, nil
}

// Draw paints l onto dst.
func (r *Renderer) Draw(dst *ebiten.Image, l *frame.List) {
	if l.W != r.w || l.H != r.h {
		r.Release()
		r.w, r.h = l.W, l.H
	}
	dst.Fill(l.Background)
	r.boxes = r.boxes[:0]
	for i := range l.Ops {
		r.boxes = append(r.boxes, r.box(&l.Ops[i]))
	}

	runs := stableRuns(r.prev, l.Ops)
	if len(runs) > maxLayers { // the longest runs save the most
		for len(runs) > maxLayers {
			k := 0
			for i, ru := range runs {
				if ru[1]-ru[0] < runs[k][1]-runs[k][0] {
					k = i
				}
			}
			runs = append(runs[:k], runs[k+1:]...)
		}
	}
	for _, ly := range r.layers {
		ly.used = false
	}
	at := 0
	for _, ru := range runs {
		r.drawOps(dst, l.Ops, at, ru[0])
		r.composite(dst, l.Ops[ru[0]:ru[1]], r.boxes[ru[0]:ru[1]])
		at = ru[1]
	}
	r.drawOps(dst, l.Ops, at, len(l.Ops))

	kept := r.layers[:0]
	for _, ly := range r.layers {
		if ly.used {
			kept = append(kept, ly)
		} else {
			r.spare = append(r.spare, ly.img)
		}
	}
	r.layers = kept
	r.prev = append(r.prev[:0], l.Ops...)
}

// composite draws a run that stood still through its layer, building the
// layer the first time.
func (r *Renderer) composite(dst *ebiten.Image, ops []frame.Op, boxes []box) {
	var ly *layer
	for _, c := range r.layers {
		if !c.used && len(c.ops) == len(ops) && sameOps(c.ops, ops) {
			ly = c
			break
		}
	}
	if ly == nil {
		var area box
		for _, b := range boxes {
			area = area.union(b)
		}
		x0, y0, x1, y1 := area.outward()
		rect := image.Rect(x0, y0, x1, y1).Intersect(dst.Bounds())
		if rect.Empty() {
			return
		}
		ly = &layer{ops: append([]frame.Op(nil), ops...), area: rect}
		if n := len(r.spare); n > 0 {
			ly.img, r.spare = r.spare[n-1], r.spare[:n-1]
			ly.img.Clear()
		} else {
			ly.img = ebiten.NewImage(r.w, r.h)
		}
		r.drawRun(ly.img, ops, boxes)
		r.layers = append(r.layers, ly)
	}
	ly.used = true
	var o ebiten.DrawImageOptions
	o.GeoM.Translate(float64(ly.area.Min.X), float64(ly.area.Min.Y))
	dst.DrawImage(ly.img.SubImage(ly.area).(*ebiten.Image), &o)
}

func sameOps(a, b []frame.Op) bool {
	for i := range a {
		if !sameOp(&a[i], &b[i]) {
			return false
		}
	}
	return true
}

// drawOps draws ops[a:b] directly.
func (r *Renderer) drawOps(dst *ebiten.Image, ops []frame.Op, a, b int) {
	if a < b {
		r.drawRun(dst, ops[a:b], r.boxes[a:b])
	}
}

// drawRun draws ops in an order that keeps the picture (plan.go, order).
func (r *Renderer) drawRun(dst *ebiten.Image, ops []frame.Op, boxes []box) {
	r.seq = order(ops, boxes, r.seq)
	for _, i := range r.seq {
		op := &ops[i]
		switch op.Kind {
		case frame.Fill:
			r.setPath(&op.Path)
			vector.FillPath(dst, &r.path, &vector.FillOptions{FillRule: vector.FillRuleNonZero}, r.paint(op))
		case frame.Stroke:
			// vector.StrokePath would build a new outline path each call.
			r.setPath(&op.Path)
			r.stroke.Reset()
			r.stroke.AddStroke(&r.path, &vector.AddStrokeOptions{StrokeOptions: vector.StrokeOptions{
				Width: op.Width, LineCap: vector.LineCapRound, LineJoin: vector.LineJoinRound,
			}})
			vector.FillPath(dst, &r.stroke, &vector.FillOptions{}, r.paint(op))
		case frame.Text:
			r.text(dst, op)
		}
	}
}

func (r *Renderer) box(op *frame.Op) box {
	if op.Kind == frame.Text {
		return textBox(op, r)
	}
	return pathBox(op)
}

func (r *Renderer) paint(op *frame.Op) *vector.DrawPathOptions {
	o := &vector.DrawPathOptions{AntiAlias: true}
	o.ColorScale.ScaleWithColor(op.Color)
	return o
}

func (r *Renderer) setPath(p *frame.Path) {
	r.path.Reset()
	pts := p.Pts
	for _, v := range p.Verbs {
		switch v {
		case frame.MoveTo:
			r.path.MoveTo(pts[0].X, pts[0].Y)
			pts = pts[1:]
		case frame.LineTo:
			r.path.LineTo(pts[0].X, pts[0].Y)
			pts = pts[1:]
		case frame.QuadTo:
			r.path.QuadTo(pts[0].X, pts[0].Y, pts[1].X, pts[1].Y)
			pts = pts[2:]
		case frame.CubeTo:
			r.path.CubicTo(pts[0].X, pts[0].Y, pts[1].X, pts[1].Y, pts[2].X, pts[2].Y)
			pts = pts[3:]
		case frame.Close:
			r.path.Close()
		}
	}
}

func (r *Renderer) text(dst *ebiten.Image, op *frame.Op) {
	x := float64(op.At.X)
	// Baselines on whole pixels keep horizontal strokes sharp.
	y := math.Round(float64(op.At.Y))
	var o ebiten.DrawImageOptions
	for _, ch := range op.Text {
		g := r.glyph(ch, op.Font, float64(op.Size))
		if g.img != nil {
			o.GeoM.Reset()
			o.GeoM.Translate(math.Round(x)+float64(g.offset.X), y+float64(g.offset.Y))
			o.ColorScale.Reset()
			o.ColorScale.ScaleWithColor(op.Color)
			dst.DrawImage(g.img, &o)
		}
		x += g.advance
	}
}

// bounds is glyphMetrics for textBox.
func (r *Renderer) bounds(ch rune, w frame.Weight, size float64) (x0, y0, x1, y1 int, advance float64) {
	g := r.glyph(ch, w, size)
	if g.img == nil {
		return 0, 0, 0, 0, g.advance
	}
	return g.offset.X, g.offset.Y, g.offset.X + g.size.X, g.offset.Y + g.size.Y, g.advance
}

func (r *Renderer) glyph(ch rune, w frame.Weight, size float64) *glyphImage {
	k := glyphKey{ch, w, int32(math.Round(size * 4))}
	if g, ok := r.cache[k]; ok {
		return g
	}
	if len(r.cache) >= maxGlyphs {
		for key, g := range r.cache {
			if g.img != nil {
				g.img.Deallocate()
			}
			delete(r.cache, key)
		}
	}
	mask, offset, adv, _ := r.glyphs.Glyph(ch, w, float64(k.size)/4)
	g := &glyphImage{offset: offset, advance: adv}
	if mask != nil && !mask.Rect.Empty() {
		g.img = ebiten.NewImageFromImage(mask)
		g.size = mask.Rect.Size()
	}
	r.cache[k] = g
	return g
}

//go:build js && wasm

// Package ebitenr draws a frame.List onto an Ebitengine image. It decides
// nothing about what is drawn: every shape, colour and line of text comes
// from the list. It is built only for the browser, where Ebitengine needs no
// native libraries.
package ebitenr

import (
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
	"github.com/parallel-lines/widget/wasm/frame"
)

// Renderer draws frames. It keeps glyph images between frames.
type Renderer struct {
	glyphs frame.GlyphSource
	cache  map[glyphKey]*glyphImage
	path   vector.Path
}

type glyphKey struct {
	r    rune
	w    frame.Weight
	size int32 // quarter pixels
}

type glyphImage struct {
	img     *ebiten.Image // nil for an empty glyph such as a space
	offset  image.Point   // of the image's top-left corner from the pen
	advance float64
}

// maxGlyphs bounds the cache: zooming through many sizes would otherwise
// keep every size's glyphs alive.
const maxGlyphs = 6000

// New returns a renderer that takes its glyphs from g.
func New(g frame.GlyphSource) *Renderer {
	return &Renderer{glyphs: g, cache: map[glyphKey]*glyphImage{}}
}

// Draw paints l onto dst.
func (r *Renderer) Draw(dst *ebiten.Image, l *frame.List) {
	dst.Fill(l.Background)
	for i := range l.Ops {
		op := &l.Ops[i]
		switch op.Kind {
		case frame.Fill:
			r.setPath(&op.Path)
			vector.FillPath(dst, &r.path, &vector.FillOptions{FillRule: vector.FillRuleNonZero}, r.paint(op))
		case frame.Stroke:
			r.setPath(&op.Path)
			vector.StrokePath(dst, &r.path, &vector.StrokeOptions{
				Width: op.Width, LineCap: vector.LineCapRound, LineJoin: vector.LineJoinRound,
			}, r.paint(op))
		case frame.Text:
			r.text(dst, op)
		}
	}
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
	}
	r.cache[k] = g
	return g
}

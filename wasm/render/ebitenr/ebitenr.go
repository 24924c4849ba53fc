//go:build js && wasm

// Package ebitenr draws a frame.List onto an Ebitengine image. It decides
// nothing about what is drawn: every shape, colour and line of text comes
// from the list. It is built only for the browser, where Ebitengine needs no
// native libraries; how it keeps a frame cheap (layers for what stood still,
// paths gathered into one batch of triangles) is decided in plan.go, which is
// tested without a browser. Strokes and convex fills are drawn as meshes
// with a feathered rim (package fringe), gathered into one DrawTriangles32
// batch, instead of Ebitengine's vector package and its 8-sample stencil
// per path; a fill that is not convex (no scene draws one today) is
// rasterised on the CPU as the posters are (imager.Mask). Without vector
// the wasm is 18 KB smaller (bench/README.md 19).
package ebitenr

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/render/fringe"
	"github.com/parallel-lines/widget/wasm/render/imager"
)

// Renderer draws frames. It keeps glyph masks in atlas pages (shelf.go:
// a frame's new glyphs go up in one write per page, and a run of text is
// one DrawTriangles32), and layers of what stood still, between frames.
type Renderer struct {
	glyphs frame.GlyphSource
	cache  map[glyphKey]*glyphImage
	pages  []*glyphPage    // atlas pages holding the cached glyph masks
	band   []byte          // staging for a page's new rows
	tverts []ebiten.Vertex // glyph quads waiting to be drawn from tpage
	tindex []uint32
	tpage  *glyphPage

	w, h   int
	prev   []frame.Op // the last frame's operations
	layers []*layer   // built from runs of prev that stood still
	spare  []*ebiten.Image
	boxes  []box
	seq    []int

	mesh  fringe.Mesh
	masks []*ebiten.Image // this frame's images of shapes the mesh cannot take
	verts []ebiten.Vertex // the mesh's vertices, coloured, waiting to be drawn
	index []uint32
	white *ebiten.Image
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
	page    *glyphPage      // nil for an empty glyph such as a space, or one larger than a page
	src     image.Rectangle // the mask in page
	img     *ebiten.Image   // a glyph larger than a page, as its own image
	offset  image.Point     // of the image's top-left corner from the pen
	size    image.Point
	advance float64
}

// glyphPage is one atlas image of glyph masks (shelf.go): the glyphs placed
// since its last upload wait in pend and go up in one WritePixels.
type glyphPage struct {
	img  *ebiten.Image
	sh   shelf
	pend []pendingMask
}

// pageSize is an atlas page's side: a few hundred glyphs of body text, a
// few dozen of 4K titles (4 MB of texture).
const pageSize = 1024

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
	for _, img := range r.masks {
		img.Deallocate()
	}
	r.masks = r.masks[:0]
	if l.W != r.w || l.H != r.h {
		r.Release()
		r.w, r.h = l.W, l.H
	}
	dst.Fill(l.Background)
	r.boxes = r.boxes[:0]
	for i := range l.Ops {
		r.boxes = append(r.boxes, r.box(&l.Ops[i]))
	}
	// The boxes asked for every glyph of the frame: its new ones go up now,
	// one write per page.
	r.uploadGlyphs()

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
// Paths gather into one mesh, and the texts that follow one another into
// one batch of glyph quads per atlas page, until something else must be
// drawn over them: each DrawTriangles32 costs Ebitengine a command of its
// own, and a call per text was most of a frame's share in Ebitengine
// (bench/README.md 20).
func (r *Renderer) drawRun(dst *ebiten.Image, ops []frame.Op, boxes []box) {
	r.seq = order(ops, boxes, r.seq)
	for _, i := range r.seq {
		op := &ops[i]
		if op.Kind == frame.Text {
			r.flush(dst)
			r.text(dst, op)
			continue
		}
		r.drawText(dst)
		if !r.addMesh(op) {
			r.flush(dst)
			r.mask(dst, op)
		}
	}
	r.drawText(dst)
	r.flush(dst)
}

// mask draws a path the meshes cannot take as a mask rasterised on the CPU,
// exactly as a poster draws it: slow, but no scene has such a shape today.
func (r *Renderer) mask(dst *ebiten.Image, op *frame.Op) {
	m, at := imager.Mask(op, dst.Bounds())
	if m == nil {
		return
	}
	img := r.maskImage(m)
	r.masks = append(r.masks, img) // given back after the frame is drawn
	var o ebiten.DrawImageOptions
	o.GeoM.Translate(float64(at.X), float64(at.Y))
	o.ColorScale.ScaleWithColor(op.Color)
	dst.DrawImage(img, &o)
}

// maskImage is m as an image of its own, written as bytes the way an atlas
// page is (NewImageFromImage would link all of image/draw).
func (r *Renderer) maskImage(m *image.Alpha) *ebiten.Image {
	img := ebiten.NewImage(m.Rect.Dx(), m.Rect.Dy())
	r.band = bandPixels(r.band, m.Rect, []pendingMask{{m, m.Rect.Min}})
	img.WritePixels(r.band)
	return img
}

// addMesh adds op to the mesh waiting to be drawn, coloured, and reports
// whether it could (a fill that is not convex cannot).
func (r *Renderer) addMesh(op *frame.Op) bool {
	r.mesh.Reset()
	if op.Kind == frame.Stroke {
		r.mesh.Stroke(&op.Path, op.Width)
	} else if !r.mesh.Fill(&op.Path) {
		return false
	}
	// Premultiplied, and scaled by each vertex's coverage.
	a := float32(op.Color.A) / 255
	cr, cg, cb := float32(op.Color.R)/255*a, float32(op.Color.G)/255*a, float32(op.Color.B)/255*a
	base := uint32(len(r.verts))
	for _, v := range r.mesh.Verts {
		k := v.A
		r.verts = append(r.verts, ebiten.Vertex{
			DstX: v.X, DstY: v.Y, SrcX: 1.5, SrcY: 1.5,
			ColorR: cr * k, ColorG: cg * k, ColorB: cb * k, ColorA: a * k,
		})
	}
	for _, i := range r.mesh.Index {
		r.index = append(r.index, base+i)
	}
	return true
}

// flush draws the mesh gathered so far, in one call.
func (r *Renderer) flush(dst *ebiten.Image) {
	if len(r.index) == 0 {
		return
	}
	if r.white == nil {
		// The centre pixel of a 3×3 image, so sampling never reaches an
		// edge (as Ebitengine's vector package does it).
		img := ebiten.NewImage(3, 3)
		img.Fill(color.White)
		r.white = img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
	}
	dst.DrawTriangles32(r.verts, r.index, r.white, &ebiten.DrawTrianglesOptions{ColorScaleMode: ebiten.ColorScaleModePremultipliedAlpha})
	r.verts, r.index = r.verts[:0], r.index[:0]
}

func (r *Renderer) box(op *frame.Op) box {
	if op.Kind == frame.Text {
		return textBox(op, r)
	}
	return pathBox(op)
}

// text adds a run of glyphs to the batch of quads from the atlas (drawn by
// drawText when the page changes or something else is drawn), with the
// vertices and colours DrawImage would give each glyph: whole-pixel
// positions, nearest sampling, the colour premultiplied.
func (r *Renderer) text(dst *ebiten.Image, op *frame.Op) {
	x := float64(op.At.X)
	// Baselines on whole pixels keep horizontal strokes sharp.
	y := math.Round(float64(op.At.Y))
	var cs ebiten.ColorScale
	cs.ScaleWithColor(op.Color)
	cr, cg, cb, ca := cs.R(), cs.G(), cs.B(), cs.A()
	for _, ch := range op.Text {
		g := r.glyph(ch, op.Font, float64(op.Size))
		if g.page == nil && g.img == nil {
			x += g.advance
			continue
		}
		if g.page != r.tpage || g.img != nil {
			r.drawText(dst)
			r.tpage = g.page
		}
		x0, y0 := float32(math.Round(x)+float64(g.offset.X)), float32(y+float64(g.offset.Y))
		if g.img != nil {
			var o ebiten.DrawImageOptions
			o.GeoM.Translate(float64(x0), float64(y0))
			o.ColorScale = cs
			dst.DrawImage(g.img, &o)
		} else {
			x1, y1 := x0+float32(g.size.X), y0+float32(g.size.Y)
			sx0, sy0, sx1, sy1 := float32(g.src.Min.X), float32(g.src.Min.Y), float32(g.src.Max.X), float32(g.src.Max.Y)
			n := uint32(len(r.tverts))
			r.tverts = append(r.tverts,
				ebiten.Vertex{DstX: x0, DstY: y0, SrcX: sx0, SrcY: sy0, ColorR: cr, ColorG: cg, ColorB: cb, ColorA: ca},
				ebiten.Vertex{DstX: x1, DstY: y0, SrcX: sx1, SrcY: sy0, ColorR: cr, ColorG: cg, ColorB: cb, ColorA: ca},
				ebiten.Vertex{DstX: x0, DstY: y1, SrcX: sx0, SrcY: sy1, ColorR: cr, ColorG: cg, ColorB: cb, ColorA: ca},
				ebiten.Vertex{DstX: x1, DstY: y1, SrcX: sx1, SrcY: sy1, ColorR: cr, ColorG: cg, ColorB: cb, ColorA: ca})
			r.tindex = append(r.tindex, n, n+1, n+2, n+1, n+3, n+2)
		}
		x += g.advance
	}
}

// drawText draws the glyph quads gathered from r.tpage.
func (r *Renderer) drawText(dst *ebiten.Image) {
	if page := r.tpage; len(r.tindex) > 0 && page != nil {
		if len(page.pend) > 0 {
			r.uploadGlyphs()
		}
		dst.DrawTriangles32(r.tverts, r.tindex, page.img, &ebiten.DrawTrianglesOptions{ColorScaleMode: ebiten.ColorScaleModePremultipliedAlpha})
	}
	r.tverts, r.tindex = r.tverts[:0], r.tindex[:0]
}

// uploadGlyphs writes each page's new rows in one WritePixels.
func (r *Renderer) uploadGlyphs() {
	for _, p := range r.pages {
		if len(p.pend) == 0 {
			continue
		}
		band := p.sh.pending()
		r.band = bandPixels(r.band, band, p.pend)
		p.img.SubImage(band).(*ebiten.Image).WritePixels(r.band)
		p.sh.close()
		clear(p.pend)
		p.pend = p.pend[:0]
	}
}

// place finds room for a w×h mask on a page, opening a page if none has it.
func (r *Renderer) place(mask *image.Alpha) (*glyphPage, image.Point, bool) {
	w, h := mask.Rect.Dx(), mask.Rect.Dy()
	for _, p := range r.pages {
		if at, ok := p.sh.place(w, h); ok {
			p.pend = append(p.pend, pendingMask{mask, at})
			return p, at, true
		}
	}
	p := &glyphPage{img: ebiten.NewImage(pageSize, pageSize), sh: shelf{w: pageSize, h: pageSize}}
	at, ok := p.sh.place(w, h)
	if !ok {
		return nil, image.Point{}, false // larger than a page
	}
	r.pages = append(r.pages, p)
	p.pend = append(p.pend, pendingMask{mask, at})
	return p, at, true
}

// bounds is glyphMetrics for textBox.
func (r *Renderer) bounds(ch rune, w frame.Weight, size float64) (x0, y0, x1, y1 int, advance float64) {
	g := r.glyph(ch, w, size)
	if g.page == nil && g.img == nil {
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
		for _, p := range r.pages {
			p.img.Deallocate()
		}
		r.pages = nil
	}
	mask, offset, adv, _ := r.glyphs.Glyph(ch, w, float64(k.size)/4)
	g := &glyphImage{offset: offset, advance: adv}
	if mask != nil && !mask.Rect.Empty() {
		g.size = mask.Rect.Size()
		if p, at, ok := r.place(mask); ok {
			g.page, g.src = p, image.Rectangle{Min: at, Max: at.Add(g.size)}
		} else {
			g.img = r.maskImage(mask) // larger than a page: an image of its own
		}
	}
	r.cache[k] = g
	return g
}

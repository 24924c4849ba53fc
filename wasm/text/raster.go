package text

import (
	"image"
	"math"
	"sync"

	"github.com/parallel-lines/widget/wasm/internal/raster"
)

const (
	// SubpixelSteps is how finely Glyph positions a glyph horizontally:
	// quarter pixels, as most text renderers do. Finer steps only multiply
	// cache entries.
	SubpixelSteps = 4
	// sizeSteps quantises the size key of the cache to quarter pixels, so
	// that animated sizes reuse bitmaps; the difference is invisible.
	sizeSteps = 4
	// MaxGlyphSize is the largest size Glyph rasterises; larger sizes get no
	// bitmap (a 1024 px CJK glyph is already a 1.5 MB mask).
	MaxGlyphSize = 1024
	// glyphCacheSize is the number of bitmaps in each of the two cache
	// generations: a few screens of CJK text at a few sizes.
	glyphCacheSize = 1024
	// maxGlyphPixels caps one mask; a real glyph at MaxGlyphSize is about a
	// third of it, so only a crafted outline is refused.
	maxGlyphPixels = 4 << 20
)

type glyphKey struct {
	r    rune
	w    Weight
	sub  uint8  // subpixel offset in 1/SubpixelSteps px
	size uint16 // size in 1/sizeSteps px
}

type glyphEntry struct {
	img    *image.Alpha
	origin image.Point
}

// glyphCache keeps recently used bitmaps in two generations: lookups hit
// either; when the current one is full it becomes the old one and the old
// one is dropped. That bounds memory like an LRU at the cost of two maps.
type glyphCache struct {
	mu       sync.Mutex
	cur, old map[glyphKey]glyphEntry
	z        raster.Rasterizer // reused: its buffers are the costly part
	pts      []point           // scratch for one outline
	ops      []Op
}

func newGlyphCache() *glyphCache {
	return &glyphCache{cur: make(map[glyphKey]glyphEntry)}
}

// Glyph returns the coverage mask of r at sizePx, drawn with its pen
// position subX pixels (0 <= subX < 1, quantised to 1/SubpixelSteps) to the
// right of a whole pixel. To draw it with the pen at (x, y), y on the
// baseline: let subX = x - floor(x); put the mask's top-left corner at
// (floor(x) + origin.X, round(y) + origin.Y).
//
// The result is cached and shared: do not modify it. img is nil when there
// is nothing to draw (a space, a control character, a size <= 0 or above
// MaxGlyphSize). A rune the face lacks (Has is false) is drawn as a hollow
// box, so that missing text shows rather than silently vanishing.
func (fc Face) Glyph(r rune, sizePx, subX float64) (img *image.Alpha, origin image.Point) {
	if !(sizePx > 0 && sizePx <= MaxGlyphSize) {
		return nil, image.Point{}
	}
	// Reduce subX to [0, 1) in whole 1/SubpixelSteps; a value that rounds
	// up to 1 moves the glyph one whole pixel instead.
	shift := 0
	if !(subX >= 0 && subX < 1) { // also catches NaN
		subX = 0
	}
	sub := int(math.Round(subX * SubpixelSteps))
	if sub == SubpixelSteps {
		sub, shift = 0, 1
	}
	key := glyphKey{r: r, w: fc.weight, sub: uint8(sub), size: uint16(math.Round(sizePx * sizeSteps))}
	if key.size == 0 {
		return nil, image.Point{}
	}
	f := fc.font
	if f == nil {
		// The zero Face: no cache to share, so draw nothing.
		return nil, image.Point{}
	}
	c := f.glyphCache()
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.cur[key]
	if !ok {
		if e, ok = c.old[key]; !ok {
			e = c.rasterize(f, key)
		}
		if len(c.cur) >= glyphCacheSize {
			c.old, c.cur = c.cur, make(map[glyphKey]glyphEntry, glyphCacheSize)
		}
		c.cur[key] = e
	}
	if e.img == nil {
		return nil, image.Point{}
	}
	if q, ok := fc.quote(r); ok {
		shift -= int(math.Round(fc.px(q.shift, sizePx)))
	}
	return e.img, e.origin.Add(image.Point{X: shift})
}

// cacheInit guards the lazy creation of the cache of a Font that was built
// in code rather than by Load (which creates it up front).
var cacheInit sync.Mutex

func (f *Font) glyphCache() *glyphCache {
	cacheInit.Lock()
	defer cacheInit.Unlock()
	if f.cache == nil {
		f.cache = newGlyphCache()
	}
	return f.cache
}

// rasterize draws one glyph; c.mu is held.
func (c *glyphCache) rasterize(f *Font, k glyphKey) glyphEntry {
	c.ops, c.pts = c.ops[:0], c.pts[:0]
	if g := f.Lookup(k.w, k.r); g != nil {
		grid := int32(max(f.Grid, 1))
		var it pathIter
		it.reset(g.Ops, g.Coords)
		for {
			op, pts, ok := it.next()
			if !ok {
				break
			}
			c.ops = append(c.ops, op)
			for _, p := range pts[:nPoints[op]] { // grid steps to font units
				c.pts = append(c.pts, point{p.x * grid, p.y * grid})
			}
		}
		if it.err != nil {
			// Only possible if the caller changed the bytes after Load:
			// draw what was read, not a half-broken contour.
			c.ops, c.pts = c.ops[:0], c.pts[:0]
		}
	} else if !zeroWidth(k.r) {
		c.tofu(f, k)
	}
	if len(c.pts) == 0 {
		return glyphEntry{}
	}

	scale := float64(k.size) / sizeSteps / float64(f.UnitsPerEm)
	dx := float64(k.sub) / SubpixelSteps
	// The control points' hull contains the curves, so their bounding box
	// bounds the glyph.
	minX, minY, maxX, maxY := c.pts[0].x, c.pts[0].y, c.pts[0].x, c.pts[0].y
	for _, p := range c.pts[1:] {
		minX, maxX = min(minX, p.x), max(maxX, p.x)
		minY, maxY = min(minY, p.y), max(maxY, p.y)
	}
	x0 := int(math.Floor(float64(minX)*scale + dx))
	y0 := int(math.Floor(float64(minY) * scale))
	x1 := int(math.Ceil(float64(maxX)*scale + dx))
	y1 := int(math.Ceil(float64(maxY) * scale))
	w, h := x1-x0, y1-y0
	if w <= 0 || h <= 0 || w*h > maxGlyphPixels {
		return glyphEntry{}
	}

	// Point (x, y) in font units lands at (x*scale + dx - x0, y*scale - y0)
	// in the mask.
	ox, oy := dx-float64(x0), -float64(y0)
	xy := func(p point) (float32, float32) {
		return float32(float64(p.x)*scale + ox), float32(float64(p.y)*scale + oy)
	}
	z := &c.z
	z.Reset(w, h)
	z.DrawOp = raster.Src
	pts := c.pts
	for _, op := range c.ops {
		switch op {
		case OpMove:
			z.ClosePath()
			z.MoveTo(xy(pts[0]))
		case OpLine:
			z.LineTo(xy(pts[0]))
		case OpQuad:
			bx, by := xy(pts[0])
			cx, cy := xy(pts[1])
			z.QuadTo(bx, by, cx, cy)
		}
		pts = pts[nPoints[op]:]
	}
	z.ClosePath()
	img := image.NewAlpha(image.Rect(0, 0, w, h))
	z.Draw(img, img.Bounds(), image.Opaque, image.Point{})
	return glyphEntry{img: img, origin: image.Pt(x0, y0)}
}

// tofu appends the outline of a hollow box, the mark for a missing glyph:
// as wide as the fallback advance less a margin, cap-height tall.
func (c *glyphCache) tofu(f *Font, k glyphKey) {
	u := int32(f.UnitsPerEm)
	adv := u / 2
	if isWide(k.r) {
		adv = u
	}
	m, t := u/10, u/14 // margin, stroke
	l, r, top, bot := m, adv-m, -u*7/10, int32(0)
	rect := func(l, top, r, bot int32, cw bool) {
		c.ops = append(c.ops, OpMove, OpLine, OpLine, OpLine)
		if cw {
			c.pts = append(c.pts, point{l, top}, point{r, top}, point{r, bot}, point{l, bot})
		} else {
			c.pts = append(c.pts, point{l, top}, point{l, bot}, point{r, bot}, point{r, top})
		}
	}
	rect(l, top, r, bot, true)
	rect(l+t, top+t, r-t, bot-t, false) // opposite winding: the hole
}

// reset forgets every rasterised glyph (Font.Add: a rune that was drawn as
// a hollow box may have a glyph now).
func (c *glyphCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cur, c.old = make(map[glyphKey]glyphEntry), nil
}

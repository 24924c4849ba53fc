package text

import (
	"bytes"
	"image"
	"math"
	"slices"
	"sync"
	"testing"
)

// ink is the summed coverage of a mask, in pixels.
func ink(img *image.Alpha) float64 {
	s := 0
	for _, a := range img.Pix {
		s += int(a)
	}
	return float64(s) / 255
}

func TestGlyph(t *testing.T) {
	f := loadMini(t)
	fc := f.Face(Regular)
	const size = 32
	zh, zo := fc.Glyph('中', size, 0)
	a, ao := fc.Glyph('A', size, 0)
	if zh == nil || a == nil {
		t.Fatalf("中 %v, A %v", zh, a)
	}
	if ink(zh) < 20 || ink(a) < 20 {
		t.Errorf("ink: 中 %.1f px, A %.1f px", ink(zh), ink(a))
	}
	if zh.Rect.Size() == a.Rect.Size() && bytes.Equal(zh.Pix, a.Pix) {
		t.Errorf("中 and A have the same mask")
	}
	// 中 spans most of the em; A sits on the baseline at cap height
	// (0.733 em) and is about 0.6 em wide.
	if w, h := zh.Rect.Dx(), zh.Rect.Dy(); w < size*7/10 || w > size || h < size*8/10 || h > size*11/10 {
		t.Errorf("中 is %dx%d at %d px", w, h, size)
	}
	if bottom := ao.Y + a.Rect.Dy(); bottom < 0 || bottom > 1 {
		t.Errorf("A's bottom is %d px from the baseline", bottom)
	}
	if top := -ao.Y; math.Abs(float64(top)-0.733*size) > 1.5 {
		t.Errorf("A's top is %d px above the baseline, want about %.1f", top, 0.733*size)
	}
	if zo.Y >= 0 || zo.Y+zh.Rect.Dy() <= 0 {
		t.Errorf("中's mask %v at %v does not straddle the baseline", zh.Rect, zo)
	}

	// Bold is heavier.
	zb, _ := f.Face(Bold).Glyph('中', size, 0)
	if ink(zb) <= ink(zh)*1.1 {
		t.Errorf("bold 中 ink %.1f, regular %.1f", ink(zb), ink(zh))
	}

	// Cached: the same key gives the same mask.
	if again, _ := fc.Glyph('中', size, 0); again != zh {
		t.Errorf("second call rasterised again")
	}
	// Sizes within a quarter pixel share it; subpixel positions do not.
	if near, _ := fc.Glyph('中', size+0.1, 0); near != zh {
		t.Errorf("size %v did not reuse the mask", size+0.1)
	}
	if half, _ := fc.Glyph('A', size, 0.5); half == a || half == nil {
		t.Errorf("subX 0.5 reused the subX 0 mask")
	}
	// subX that rounds to a whole pixel moves the origin instead.
	if one, o := fc.Glyph('A', size, 0.9); one != a || o.X != ao.X+1 {
		t.Errorf("subX 0.9: mask %p origin %v, want %p %v", one, o, a, ao.Add(image.Pt(1, 0)))
	}
}

func TestGlyphNothingToDraw(t *testing.T) {
	fc := loadMini(t).Face(Regular)
	for _, c := range []struct {
		r    rune
		size float64
	}{
		{' ', 20}, {'\n', 20}, {'\u200b', 20},
		{'A', 0}, {'A', -3}, {'A', math.NaN()}, {'A', math.Inf(1)}, {'A', MaxGlyphSize + 1}, {'A', 0.1},
	} {
		if img, o := fc.Glyph(c.r, c.size, 0); img != nil || o != (image.Point{}) {
			t.Errorf("Glyph(%q, %v) = %v, %v; want nothing", c.r, c.size, img.Rect, o)
		}
	}
	var zero Face
	if img, _ := zero.Glyph('A', 20, 0); img != nil {
		t.Errorf("zero Face drew something")
	}
}

func TestGlyphMissing(t *testing.T) {
	fc := loadMini(t).Face(Regular)
	if fc.Has('Ж') {
		t.Fatal("mini has Ж")
	}
	box, o := fc.Glyph('Ж', 40, 0)
	if box == nil || ink(box) < 10 {
		t.Fatalf("missing rune drew no box")
	}
	// Hollow: the centre is empty.
	if c := box.AlphaAt(box.Rect.Dx()/2, box.Rect.Dy()/2).A; c != 0 {
		t.Errorf("box centre coverage %d", c)
	}
	if o.X < 0 || float64(o.X+box.Rect.Dx()) > fc.Advance('Ж', 40) {
		t.Errorf("box %v at %v overflows its advance %v", box.Rect, o, fc.Advance('Ж', 40))
	}
}

func TestGlyphConcurrent(t *testing.T) {
	f := loadMini(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			fc := f.Face(Weight(i % 2))
			for j := range 300 {
				fc.Glyph([]rune("中文测试A。")[j%6], float64(10+j%7), float64(i)/8)
			}
		})
	}
	wg.Wait()
}

// TestGlyphCacheBound fills more than two generations and checks that the
// cache stays bounded.
func TestGlyphCacheBound(t *testing.T) {
	f := loadMini(t)
	fc := f.Face(Regular)
	for i := range 3 * glyphCacheSize {
		fc.Glyph('中', 8+float64(i)/sizeSteps, 0)
	}
	if n := len(f.cache.cur) + len(f.cache.old); n > 2*glyphCacheSize {
		t.Errorf("%d cached masks", n)
	}
}

// BenchmarkRasterize measures one uncached glyph: a CJK character at
// 16 px, the widget's body size.
func BenchmarkRasterize(b *testing.B) {
	for _, c := range []struct {
		name string
		r    rune
		size float64
	}{{"中16", '中', 16}, {"A16", 'A', 16}, {"测32", '测', 32}} {
		b.Run(c.name, func(b *testing.B) {
			f := loadMini(b)
			k := glyphKey{r: c.r, w: Regular, size: uint16(c.size * sizeSteps)}
			for b.Loop() {
				f.cache.rasterize(f, k)
			}
		})
	}
}

func BenchmarkGlyphCached(b *testing.B) {
	fc := loadMini(b).Face(Regular)
	for b.Loop() {
		fc.Glyph('中', 16, 0)
	}
}

// A rune the bold set lacks is drawn and measured with its regular glyph,
// not a hollow box; one that neither weight has is still a box.
func TestBoldFallsBackToRegular(t *testing.T) {
	f := tinyFont(t)
	f.Bold = f.Bold[:1] // bold keeps only the space
	bold, regular := f.Face(Bold), f.Face(Regular)
	if !bold.Has('A') || f.Lookup(Bold, 'A') != &f.Regular[1] {
		t.Fatal("bold does not fall back to the regular A")
	}
	if got, want := bold.Advance('A', 40), regular.Advance('A', 40); got != want {
		t.Errorf("bold A advance %v, regular %v", got, want)
	}
	b, bo := bold.Glyph('A', 40, 0)
	r, ro := regular.Glyph('A', 40, 0)
	if b == nil || r == nil || bo != ro || !bytes.Equal(b.Pix, r.Pix) {
		t.Errorf("bold A is not the regular A's mask")
	}
	if slices.Contains(f.Runes(Bold), 'A') {
		t.Errorf("Runes(Bold) lists the fallback")
	}
	if bold.Has('Ж') || f.Lookup(Regular, 'Ж') != nil {
		t.Errorf("a rune neither weight has is found")
	}
}

package imager_test

import (
	"image"
	"image/color"
	"testing"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
	"github.com/parallel-lines/widget/wasm/render/imager"
	"github.com/parallel-lines/widget/wasm/typeset"
	"github.com/parallel-lines/widget/wasm/widget"
)

func fonts(t *testing.T) *typeset.Fonts {
	f, err := typeset.Load(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func near(a, b color.NRGBA, tol int) bool {
	d := func(x, y uint8) int {
		if x > y {
			return int(x - y)
		}
		return int(y - x)
	}
	return d(a.R, b.R) <= tol && d(a.G, b.G) <= tol && d(a.B, b.B) <= tol
}

// A settled scene drawn without a browser shows the two lines in their
// colours where the layout put them, and text in ink.
func TestDrawsTheWidgetsFrame(t *testing.T) {
	s := layouttest.Story(t)
	f := fonts(t)
	scr := layout.Screen{W: 1280, H: 720, Scale: 1}
	w := widget.New(s, f, scr, layout.En, s.SceneIndex("battlefield"))
	w.SetReducedMotion(true)
	for w.Animating() {
		w.Tick(1)
	}
	fr := w.Frame()
	img := imager.Draw(&fr, f)
	if img.Bounds().Dx() != 1280 || img.Bounds().Dy() != 720 {
		t.Fatalf("image is %v", img.Bounds())
	}
	for _, id := range []string{"us", "cn"} {
		it, ok := w.Layout().Item(id)
		if !ok {
			t.Fatalf("no %s line", id)
		}
		want := widget.Light.US
		if id == "cn" {
			want = widget.Light.CN
		}
		// Three quarters down the line, clear of markers and links.
		x := int(it.A.X)
		y := int(it.A.Y + (it.B.Y-it.A.Y)*0.9)
		if got := img.NRGBAAt(x, y); !near(got, want, 8) {
			t.Errorf("%s line at (%d,%d) is %v, want %v", id, x, y, got, want)
		}
	}
	ink := 0
	for _, r := range w.Layout().Runs {
		if r.Role != layout.Title {
			continue
		}
		b := r.Box
		for y := int(b.Y); y < int(b.Y+b.H); y++ {
			for x := int(b.X); x < int(b.X+b.W); x++ {
				if near(img.NRGBAAt(x, y), widget.Light.Ink, 40) {
					ink++
				}
			}
		}
	}
	if ink < 200 {
		t.Errorf("the title's box holds %d ink pixels: no text drawn", ink)
	}
}

// A translucent stroke is even where its pieces overlap: joins do not
// darken.
func TestTranslucentStrokeIsEven(t *testing.T) {
	var p frame.Path
	p.MoveTo(10, 50)
	p.LineTo(50, 50)
	p.LineTo(50, 90)
	l := frame.List{W: 100, H: 100, Background: color.NRGBA{255, 255, 255, 255}}
	l.Stroke(p, 8, color.NRGBA{0, 0, 0, 128})
	img := imager.Draw(&l, nil)
	mid, join := img.NRGBAAt(30, 50), img.NRGBAAt(50, 50)
	if !near(mid, join, 2) {
		t.Fatalf("stroke is %v along a segment but %v at the join", mid, join)
	}
	if near(mid, color.NRGBA{255, 255, 255, 255}, 10) {
		t.Fatal("nothing was stroked")
	}
}

func TestEmptyListIsItsBackground(t *testing.T) {
	bg := color.NRGBA{1, 2, 3, 255}
	img := imager.Draw(&frame.List{W: 4, H: 4, Background: bg}, nil)
	for y := range 4 {
		for x := range 4 {
			if img.NRGBAAt(x, y) != bg {
				t.Fatalf("pixel (%d,%d) is %v", x, y, img.NRGBAAt(x, y))
			}
		}
	}
}

// Mask gives the coverage Draw paints with: black drawn over white through
// it is Draw's picture, for a concave fill (the case ebitenr hands over)
// and a stroke, a shape clipped by the screen's edge included.
func TestMaskIsDrawsCoverage(t *testing.T) {
	var arrow frame.Path // concave: a chevron
	arrow.MoveTo(-10, 10)
	arrow.LineTo(60, 45)
	arrow.LineTo(10, 85)
	arrow.LineTo(30.5, 45.25)
	arrow.Close()
	var curve frame.Path
	curve.MoveTo(20, 90)
	curve.CubeTo(40, 10, 70, 10, 95, 60)
	white, black := color.NRGBA{255, 255, 255, 255}, color.NRGBA{0, 0, 0, 255}
	for _, op := range []frame.Op{
		{Kind: frame.Fill, Path: arrow, Color: black},
		{Kind: frame.Stroke, Path: curve, Width: 5, Color: black},
	} {
		l := frame.List{W: 100, H: 100, Background: white, Ops: []frame.Op{op}}
		want := imager.Draw(&l, nil)
		m, at := imager.Mask(&op, want.Rect)
		if m == nil {
			t.Fatalf("%v: no mask", op.Kind)
		}
		if at.X < 0 || at.Y < 0 {
			t.Fatalf("%v: the mask stands at %v, outside the clip", op.Kind, at)
		}
		covered := 0
		for y := range 100 {
			for x := range 100 {
				a := 0
				if p := image.Pt(x, y).Sub(at); p.In(m.Rect) {
					a = int(m.AlphaAt(p.X, p.Y).A)
				}
				if a > 128 {
					covered++
				}
				if got, w := 255-a, int(want.NRGBAAt(x, y).R); got-w > 1 || w-got > 1 {
					t.Fatalf("%v at (%d,%d): the mask gives %d, Draw %d", op.Kind, x, y, got, w)
				}
			}
		}
		if covered < 200 {
			t.Fatalf("%v: the mask covers only %d pixels", op.Kind, covered)
		}
	}
	if m, _ := imager.Mask(&frame.Op{Kind: frame.Fill, Path: arrow}, image.Rect(200, 200, 300, 300)); m != nil {
		t.Fatal("a shape outside the clip has a mask")
	}
}

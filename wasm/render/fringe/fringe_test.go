package fringe

import (
	"fmt"
	"image"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/parallel-lines/widget/wasm/frame"
	"golang.org/x/image/vector"
)

const size = 96

// raster samples m's triangles at pixel centres, as a GPU does: cover is
// the coverage drawn there, sum the coverage of every triangle that holds
// the centre, added up (above 1 where triangles overlap).
func raster(m *Mesh) (cover, sum []float64) {
	cover, sum = make([]float64, size*size), make([]float64, size*size)
	// A hair off the centre, so a centre on an edge two triangles share
	// falls in one of them, not both.
	const ox, oy = 0.5 + 1.3e-4, 0.5 + 2.9e-4
	for t := 0; t+2 < len(m.Index); t += 3 {
		a, b, c := m.Verts[m.Index[t]], m.Verts[m.Index[t+1]], m.Verts[m.Index[t+2]]
		area := float64((b.X-a.X)*(c.Y-a.Y) - (b.Y-a.Y)*(c.X-a.X))
		if math.Abs(area) < 1e-12 {
			continue
		}
		x0 := max(0, int(math.Floor(float64(min(a.X, b.X, c.X)))))
		x1 := min(size-1, int(math.Ceil(float64(max(a.X, b.X, c.X)))))
		y0 := max(0, int(math.Floor(float64(min(a.Y, b.Y, c.Y)))))
		y1 := min(size-1, int(math.Ceil(float64(max(a.Y, b.Y, c.Y)))))
		for y := y0; y <= y1; y++ {
			for x := x0; x <= x1; x++ {
				px, py := float64(x)+ox, float64(y)+oy
				w := func(p, q Vertex) float64 {
					return (float64(q.X-p.X)*(py-float64(p.Y)) - float64(q.Y-p.Y)*(px-float64(p.X))) / area
				}
				wa, wb, wc := w(b, c), w(c, a), w(a, b)
				if wa < 0 || wb < 0 || wc < 0 {
					continue
				}
				cv := wa*float64(a.A) + wb*float64(b.A) + wc*float64(c.A)
				i := y*size + x
				cover[i] += cv * (1 - cover[i])
				sum[i] += cv
			}
		}
	}
	return cover, sum
}

// exact is the exact coverage of the shape. A fill is x/image/vector's
// rasterisation (what the posters use). A stroke is the set of points
// within half the width of the finely cut centre line, sampled at 12×12 jittered
// points per pixel: x/image/vector cannot take a stroke's union exactly (imager adds
// a quadrilateral per piece and a disc per point, whose overlaps add up
// where they cross a pixel only partly), so it would be the wrong yardstick.
func exact(p *frame.Path, width float32) []float64 {
	out := make([]float64, size*size)
	if width > 0 {
		h := float64(width) / 2
		lines := p.Polylines(64)
		rng := rand.New(rand.NewPCG(1, 2))
		dist := func(x, y float64) float64 {
			d := math.Inf(1)
			for _, l := range lines {
				for i := range l {
					a, b := l[max(i-1, 0)], l[i]
					ax, ay, bx, by := float64(a.X), float64(a.Y), float64(b.X), float64(b.Y)
					dx, dy := bx-ax, by-ay
					t := 0.0
					if n := dx*dx + dy*dy; n > 0 {
						t = math.Max(0, math.Min(1, ((x-ax)*dx+(y-ay)*dy)/n))
					}
					d = math.Min(d, math.Hypot(x-ax-t*dx, y-ay-t*dy))
				}
			}
			return d
		}
		for i := range out {
			x, y := float64(i%size), float64(i/size)
			switch d := dist(x+0.5, y+0.5); {
			case d > h+0.75:
			case d < h-0.75:
				out[i] = 1
			default:
				const n = 12
				in := 0
				for j := 0; j < n*n; j++ {
					// Jittered within each cell, so that a grid aligned
					// with an edge does not bias the area.
					if dist(x+(float64(j%n)+rng.Float64())/n, y+(float64(j/n)+rng.Float64())/n) <= h {
						in++
					}
				}
				out[i] = float64(in) / (n * n)
			}
		}
		return out
	}
	r := vector.NewRasterizer(size, size)
	p.Trace(r)
	r.ClosePath()
	dst := image.NewAlpha(image.Rect(0, 0, size, size))
	r.Draw(dst, dst.Bounds(), image.Opaque, image.Point{})
	for i, v := range dst.Pix {
		out[i] = float64(v) / 255
	}
	return out
}

type shape struct {
	name  string
	path  frame.Path
	width float32 // 0: a fill
}

func shapes() []shape {
	var out []shape
	add := func(name string, w float32, f func(p *frame.Path)) {
		var p frame.Path
		f(&p)
		out = append(out, shape{name, p, w})
	}
	add("horizontal line w3", 3, func(p *frame.Path) { p.MoveTo(10, 20.5); p.LineTo(80, 20.5) })
	add("diagonal line w2", 2, func(p *frame.Path) { p.MoveTo(10, 10); p.LineTo(80, 70) })
	add("hairline w0.6", 0.6, func(p *frame.Path) { p.MoveTo(10, 30); p.LineTo(85, 52) })
	add("ring r30 w2", 2, func(p *frame.Path) { p.Circle(48, 48, 30) })
	add("small ring r4 w2", 2, func(p *frame.Path) { p.Circle(48, 48, 4) })
	add("s-curve w6", 6, func(p *frame.Path) { p.MoveTo(10, 80); p.CubeTo(40, -20, 60, 120, 86, 16) })
	add("zigzag w4", 4, func(p *frame.Path) {
		p.MoveTo(10, 70)
		p.LineTo(30, 20)
		p.LineTo(50, 70)
		p.LineTo(70, 20)
		p.LineTo(86, 60)
	})
	add("quad arch w2.5", 2.5, func(p *frame.Path) { p.MoveTo(8, 80); p.QuadTo(48, -30, 88, 80) })
	add("rounded rect stroke w1.2", 1.2, func(p *frame.Path) { p.Rect(12.3, 20.7, 60, 40, 6) })
	add("dot w8", 8, func(p *frame.Path) { p.MoveTo(40, 40); p.LineTo(40, 40) })
	add("circle fill r20", 0, func(p *frame.Path) { p.Circle(47.3, 50.2, 20) })
	add("dot fill r2.5", 0, func(p *frame.Path) { p.Circle(30.6, 30.2, 2.5) })
	add("rounded rect fill", 0, func(p *frame.Path) { p.Rect(10.5, 12.25, 70, 50, 8) })
	add("diamond fill", 0, func(p *frame.Path) {
		p.MoveTo(48, 20)
		p.LineTo(68, 40)
		p.LineTo(48, 60)
		p.LineTo(28, 40)
		p.Close()
	})
	add("two squares fill", 0, func(p *frame.Path) { p.Rect(10, 10, 20, 30, 1); p.Rect(50, 10, 20, 30, 1) })
	return out
}

// TestCoverageMatchesExact: every pixel of the mesh's coverage is close to
// the exact rasteriser's, their areas agree, and nothing is drawn beyond the
// shape's bounds plus a pixel.
func TestCoverageMatchesExact(t *testing.T) {
	for _, s := range shapes() {
		t.Run(s.name, func(t *testing.T) {
			var m Mesh
			if s.width > 0 {
				m.Stroke(&s.path, s.width)
			} else if !m.Fill(&s.path) {
				t.Fatal("a convex fill was refused")
			}
			got, sum := raster(&m)
			want := exact(&s.path, s.width)
			var ga, wa, worst float64
			wx := 0
			for i := range got {
				ga += got[i]
				wa += want[i]
				if d := math.Abs(got[i] - want[i]); d > worst {
					worst, wx = d, i
				}
			}
			t.Logf("worst pixel %.3f, area %.1f against %.1f px²", worst, ga, wa)
			// A box filter and centre samples of a linear ramp differ by
			// up to about a third of a pixel's coverage where an edge
			// runs diagonally or curves tightly.
			if worst > 0.3 {
				t.Errorf("pixel (%d, %d): coverage %.3f, exact %.3f", wx%size, wx/size, got[wx], want[wx])
			}
			if math.Abs(ga-wa) > 0.01*wa+1 {
				t.Errorf("area %.1f px², exact %.1f", ga, wa)
			}
			pad := float64(s.width)/2 + 1
			x0, y0, x1, y1 := bounds(&s.path)
			for i, v := range got {
				x, y := float64(i%size)+0.5, float64(i/size)+0.5
				if v > 0 && (x < x0-pad || x > x1+pad || y < y0-pad || y > y1+pad) {
					t.Fatalf("coverage %.3f at (%d, %d), outside the shape's bounds and a pixel", v, i%size, i/size)
				}
			}
			// Smooth shapes have no overlapping triangles (the zigzag's
			// sharp inner corners may fold).
			if s.name != "zigzag w4" {
				for i, v := range sum {
					if v > 1.001 {
						t.Fatalf("pixel (%d, %d) covered %.3f times over", i%size, i/size, v)
					}
				}
			}
		})
	}
}

// bounds is the box of p's points (curves lie within their control points).
func bounds(p *frame.Path) (x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, q := range p.Pts {
		x0, y0, x1, y1 = min(x0, float64(q.X)), min(y0, float64(q.Y)), max(x1, float64(q.X)), max(y1, float64(q.Y))
	}
	return
}

// TestTranslucentArcEven: a translucent stroke along a circle's arc is
// never darker than its own opacity: no pixel is covered by two triangles
// where consecutive pieces meet (a 0.5 stroke would show 0.75 there). The
// pen stays narrower than the arc's radius, where the inner edge would
// fold over itself whatever the geometry.
func TestTranslucentArcEven(t *testing.T) {
	for _, w := range []float32{1, 2, 5, 12} {
		for _, r := range []float32{8, 15, 40} {
			var p frame.Path
			p.MoveTo(48+r, 48)
			p.CubeTo(48+r, 48+r*0.5523, 48+r*0.5523, 48+r, 48, 48+r)
			p.CubeTo(48-r*0.5523, 48+r, 48-r, 48+r*0.5523, 48-r, 48)
			var m Mesh
			m.Stroke(&p, w)
			cover, sum := raster(&m)
			for i, v := range sum {
				if v > 1.001 {
					t.Fatalf("w %v r %v: pixel (%d, %d) covered %.3f times over", w, r, i%size, i/size, v)
				}
			}
			full := 0
			for _, c := range cover {
				if c > 0.999 {
					full++
				}
			}
			if w >= 2 && full == 0 {
				t.Fatalf("w %v r %v: no pixel fully covered", w, r)
			}
		}
	}
}

// TestFillRefusesWhatIsNotConvex: concave, crossing and overlapping fills
// are left to the exact rasteriser, and the mesh is untouched.
func TestFillRefusesWhatIsNotConvex(t *testing.T) {
	cases := map[string]func(p *frame.Path){
		"arrow": func(p *frame.Path) {
			p.MoveTo(10, 10)
			p.LineTo(60, 10)
			p.LineTo(80, 30)
			p.LineTo(60, 50)
			p.LineTo(10, 50)
			p.LineTo(30, 30)
			p.Close()
		},
		"bow tie": func(p *frame.Path) { p.MoveTo(10, 10); p.LineTo(50, 50); p.LineTo(50, 10); p.LineTo(10, 50); p.Close() },
		"star": func(p *frame.Path) {
			for i := 0; i < 5; i++ {
				a := float64(i) * 4 * math.Pi / 5
				x, y := float32(48+30*math.Cos(a)), float32(48+30*math.Sin(a))
				if i == 0 {
					p.MoveTo(x, y)
				} else {
					p.LineTo(x, y)
				}
			}
			p.Close()
		},
		"overlapping circles": func(p *frame.Path) { p.Circle(40, 40, 20); p.Circle(55, 40, 20) },
		"ring with a hole":    func(p *frame.Path) { p.Circle(40, 40, 20); p.Circle(40, 40, 10) },
		"sliver":              func(p *frame.Path) { p.Rect(10, 10, 50, 0.8, 0) },
	}
	for name, f := range cases {
		var p frame.Path
		f(&p)
		var m Mesh
		m.Verts = append(m.Verts, Vertex{1, 2, 3})
		if m.Fill(&p) {
			t.Errorf("%s: filled as convex", name)
		}
		if len(m.Verts) != 1 || len(m.Index) != 0 {
			t.Errorf("%s: the mesh changed: %d vertices, %d indices", name, len(m.Verts), len(m.Index))
		}
	}
}

func ExampleMesh() {
	var p frame.Path
	p.Circle(10, 10, 5)
	var m Mesh
	m.Stroke(&p, 2)
	m.Fill(&p)
	fmt.Println(len(m.Index)%3 == 0, len(m.Verts) > 0)
	// Output: true true
}

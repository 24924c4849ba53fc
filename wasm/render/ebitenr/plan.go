package ebitenr

// This file decides, without Ebitengine, how a frame is drawn cheaply and
// still exactly: which runs of operations stood still since the last frame
// (they are drawn once into a layer and then only composited), and which
// paths may go before text drawn earlier because the two do not touch (so
// the paths of a frame fill in one batch of triangles instead of one per
// gap between texts). Under software WebGL every batch costs far more than
// compositing a finished image.

import (
	"math"
	"slices"

	"github.com/parallel-lines/widget/wasm/frame"
)

// sameOp reports whether two operations draw the same pixels.
func sameOp(a, b *frame.Op) bool {
	if a.Kind != b.Kind || a.Color != b.Color {
		return false
	}
	switch a.Kind {
	case frame.Text:
		return a.Text == b.Text && a.At == b.At && a.Size == b.Size && a.Font == b.Font
	case frame.Stroke:
		if a.Width != b.Width {
			return false
		}
	}
	return slices.Equal(a.Path.Verbs, b.Path.Verbs) && slices.Equal(a.Path.Pts, b.Path.Pts)
}

// minLayerOps is the shortest run worth a layer: a layer costs one more
// image composite per frame, which a run of a few shapes and texts repays.
const minLayerOps = 4

// stableRuns returns the runs [a, b) of cur, at least minLayerOps long,
// whose every operation is in prev at the same place, counted from the
// start or from the end (what comes and goes mid-frame, such as a fading
// item, shifts the ops after it).
func stableRuns(prev, cur []frame.Op) [][2]int {
	var runs [][2]int
	start := -1
	shift := len(prev) - len(cur)
	for i := 0; i <= len(cur); i++ {
		still := false
		if i < len(cur) {
			still = i < len(prev) && sameOp(&prev[i], &cur[i])
			if j := i + shift; !still && shift != 0 && j >= 0 && j < len(prev) {
				still = sameOp(&prev[j], &cur[i])
			}
		}
		switch {
		case still && start < 0:
			start = i
		case !still && start >= 0:
			if i-start >= minLayerOps {
				runs = append(runs, [2]int{start, i})
			}
			start = -1
		}
	}
	return runs
}

// box is a rectangle in device pixels, [X0, X1) × [Y0, Y1).
type box struct{ X0, Y0, X1, Y1 float32 }

func (b box) empty() bool { return b.X0 >= b.X1 || b.Y0 >= b.Y1 }

func (b box) overlaps(c box) bool {
	return !b.empty() && !c.empty() && b.X0 < c.X1 && c.X0 < b.X1 && b.Y0 < c.Y1 && c.Y0 < b.Y1
}

func (b box) union(c box) box {
	switch {
	case b.empty():
		return c
	case c.empty():
		return b
	}
	return box{min(b.X0, c.X0), min(b.Y0, c.Y0), max(b.X1, c.X1), max(b.Y1, c.Y1)}
}

// pathBox bounds every pixel a fill or stroke of op can touch: its points
// (a curve lies within its control points), half the stroke width, and two
// pixels for antialiasing.
func pathBox(op *frame.Op) box {
	pts := op.Path.Pts
	if len(pts) == 0 {
		return box{}
	}
	b := box{pts[0].X, pts[0].Y, pts[0].X, pts[0].Y}
	for _, p := range pts[1:] {
		b.X0, b.Y0, b.X1, b.Y1 = min(b.X0, p.X), min(b.Y0, p.Y), max(b.X1, p.X), max(b.Y1, p.Y)
	}
	pad := float32(2)
	if op.Kind == frame.Stroke {
		pad += op.Width / 2
	}
	return box{b.X0 - pad, b.Y0 - pad, b.X1 + pad, b.Y1 + pad}
}

// outward rounds b out to whole pixels.
func (b box) outward() (x0, y0, x1, y1 int) {
	return int(math.Floor(float64(b.X0))), int(math.Floor(float64(b.Y0))),
		int(math.Ceil(float64(b.X1))), int(math.Ceil(float64(b.Y1)))
}

// glyphMetrics is what placing text needs of a glyph.
type glyphMetrics interface {
	// bounds is the glyph's image box from the pen (empty for a space) and
	// the pen's advance.
	bounds(r rune, w frame.Weight, size float64) (x0, y0, x1, y1 int, advance float64)
}

// textBox is the box of every glyph image op's text draws, placed exactly as
// Renderer.text places them.
func textBox(op *frame.Op, g glyphMetrics) box {
	x := float64(op.At.X)
	y := math.Round(float64(op.At.Y))
	var b box
	for _, ch := range op.Text {
		x0, y0, x1, y1, adv := g.bounds(ch, op.Font, float64(op.Size))
		if x1 > x0 && y1 > y0 {
			px := math.Round(x)
			b = b.union(box{float32(px) + float32(x0), float32(y) + float32(y0), float32(px) + float32(x1), float32(y) + float32(y1)})
		}
		x += adv
	}
	return b
}

// order returns the order in which to draw ops so that paths gather into as
// few batches as possible and the picture stays the same: a path
// goes before texts that came earlier only if it touches none of them, and
// texts keep their order among themselves, as paths do among themselves.
// boxes[i] bounds op i.
func order(ops []frame.Op, boxes []box, out []int) []int {
	out = out[:0]
	var pending []int // texts not drawn yet
	for i := range ops {
		if ops[i].Kind == frame.Text {
			pending = append(pending, i)
			continue
		}
		for _, t := range pending {
			if boxes[t].overlaps(boxes[i]) {
				out = append(out, pending...)
				pending = pending[:0]
				break
			}
		}
		out = append(out, i)
	}
	return append(out, pending...)
}

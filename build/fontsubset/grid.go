package main

import "github.com/parallel-lines/widget/wasm/text"

// DefaultGrid is the outline grid of the shipped subset, in font units
// (1000 per em). At 8 units, 1/125 em, a point moves at most 0.004 em per
// axis: 0.06 px at the 16 px of body text, 0.2 px at a 48 px title. The 48
// posters at 2400×1350 differ from the exact outlines only along glyph
// edges (1.6% of pixels, mean 0.24/255, 0.0002% of pixels by more than a
// quarter of the range; bench/README.md), while the dropped low bits,
// which no compressor can predict, were 40% of the subset's brotli size
// (274 KB at grid 1, 199 KB at 4, 163 KB at 8).
const DefaultGrid = 8

// quantize returns the points of an outline (font units, as text.SetPath
// takes them) in steps of grid font units, rounded to nearest. A quad's end
// point that TrueType left implied (the midpoint of its control point and
// the next quad's) is made the midpoint of the rounded control points
// instead of being rounded itself, so that it stays implied and the encoder
// still leaves it out.
func quantize(ops []text.Op, xy []int16, grid int) []int16 {
	q := make([]int16, len(xy))
	for i, v := range xy {
		q[i] = int16(roundDiv(int(v), grid))
	}
	if grid == 1 {
		return q
	}
	n := func(op text.Op) int {
		if op == text.OpQuad {
			return 2
		}
		return 1
	}
	k := 0 // index of the op's first point
	for i, op := range ops {
		if op == text.OpQuad && i+1 < len(ops) && ops[i+1] == text.OpQuad {
			c, e, next := k, k+1, k+2 // control, end, next control
			if xy[2*e] == mid(xy[2*c], xy[2*next]) && xy[2*e+1] == mid(xy[2*c+1], xy[2*next+1]) {
				q[2*e] = mid(q[2*c], q[2*next])
				q[2*e+1] = mid(q[2*c+1], q[2*next+1])
			}
		}
		k += n(op)
	}
	return q
}

// mid is the implied on-curve point's coordinate as x/image/font/sfnt and
// package text compute it (integer division, toward zero).
func mid(a, b int16) int16 { return int16((int32(a) + int32(b)) / 2) }

func roundDiv(v, d int) int {
	if v < 0 {
		return -((-v + d/2) / d)
	}
	return (v + d/2) / d
}

package text

import (
	"encoding/binary"
	"fmt"
)

// Op is a path operator of a glyph outline.
type Op uint8

// The operators of SetPath and Path. Each takes its points from the
// coordinates in order: OpMove and OpLine one, OpQuad two (control, end).
// A new OpMove closes the previous contour, as does the end of the path.
//
// Outlines are quadratic, as in TrueType (glyf) fonts, which is what the
// Noto Sans SC slices are; cubic (CFF) outlines are not supported.
const (
	OpMove Op = iota
	OpLine
	OpQuad
	// opQuadMid is only ever stored, never returned by Path: a quad whose
	// end point is not stored because it is the midpoint of its control
	// point and the next quad's, TrueType's implied on-curve point. About
	// two thirds of the quads in CJK glyphs are such, and leaving their end
	// points out makes the subset ~20% smaller.
	opQuadMid
)

// nPoints is the number of points each operator takes in SetPath and Path.
var nPoints = [4]int{OpMove: 1, OpLine: 1, OpQuad: 2, opQuadMid: 2}

func (op Op) String() string {
	switch op {
	case OpMove:
		return "move"
	case OpLine:
		return "line"
	case OpQuad:
		return "quad"
	case opQuadMid:
		return "quad(implied end)"
	}
	return fmt.Sprintf("Op(%d)", uint8(op))
}

// midpoint is TrueType's implied on-curve point, rounded as x/image/font/sfnt
// rounds it (toward zero), so that the encoder finds it exactly.
func midpoint(a, b point) point { return point{(a.x + b.x) / 2, (a.y + b.y) / 2} }

// SetPath encodes an outline into g.Ops and g.Coords. xy holds the points'
// coordinates in steps of the font's Grid (font units when Grid is 1), x and
// y alternating, y pointing down; it must
// hold exactly the points that ops take, and a non-empty path must start
// with OpMove. Path returns the same ops and xy.
func (g *Glyph) SetPath(ops []Op, xy []int16) error {
	want := 0
	for i, op := range ops {
		if op > OpQuad {
			return fmt.Errorf("op %d: invalid operator %v", i, op)
		}
		if i == 0 && op != OpMove {
			return fmt.Errorf("path starts with %v, want move", op)
		}
		want += 2 * nPoints[op]
	}
	if want != len(xy) {
		return fmt.Errorf("%d operators take %d coordinates, got %d", len(ops), want, len(xy))
	}
	at := func(k int) point { return point{int32(xy[2*k]), int32(xy[2*k+1])} }
	packed := make([]byte, (len(ops)+3)/4)
	var coords []byte
	var prev point
	put := func(p point) {
		coords = appendCoord(coords, p.x-prev.x)
		coords = appendCoord(coords, p.y-prev.y)
		prev = p
	}
	k := 0 // index of the op's first point
	for i, op := range ops {
		stored := op
		switch op {
		case OpMove, OpLine:
			put(at(k))
		case OpQuad:
			put(at(k))
			if i+1 < len(ops) && ops[i+1] == OpQuad && at(k+1) == midpoint(at(k), at(k+2)) {
				stored = opQuadMid
			} else {
				put(at(k + 1))
			}
		}
		packed[i/4] |= byte(stored) << (2 * (i % 4))
		k += nPoints[op]
	}
	if len(packed) > MaxPathBytes || len(coords) > MaxPathBytes {
		return fmt.Errorf("path needs %d+%d bytes, limit %d each", len(packed), len(coords), MaxPathBytes)
	}
	g.Ops, g.Coords = packed, coords
	return nil
}

// Path decodes the outline. It returns an error, never panics, if Ops and
// Coords do not fit together.
func (g *Glyph) Path() (ops []Op, xy []int16, err error) {
	var it pathIter
	it.reset(g.Ops, g.Coords)
	for {
		op, pts, ok := it.next()
		if !ok {
			break
		}
		ops = append(ops, op)
		for _, p := range pts[:nPoints[op]] {
			xy = append(xy, int16(p.x), int16(p.y))
		}
	}
	return ops, xy, it.err
}

func zigzag(v int32) uint64   { return uint64(uint32(v<<1) ^ uint32(v>>31)) }
func unzigzag(u uint64) int32 { return int32(u>>1) ^ -int32(u&1) }

type point struct{ x, y int32 }

// pathIter walks an encoded outline. It checks everything as it goes, so
// it is also the validator: it stops with err set on the first problem.
type pathIter struct {
	ops, coords []byte
	i           int   // index of the next operator
	cur         point // last stored point
	err         error
}

func (it *pathIter) reset(ops, coords []byte) { *it = pathIter{ops: ops, coords: coords} }

// op returns the stored operator i, if any.
func (it *pathIter) op(i int) (Op, bool) {
	if i/4 >= len(it.ops) {
		return 0, false
	}
	return Op(it.ops[i/4] >> (2 * (i % 4)) & 3), true
}

// coordEscape marks a coordinate delta outside -127..127: the zigzag
// uvarint of the delta follows. Nearly every delta of a glyph in grid steps
// fits the one byte, and a plain two's-complement byte compresses better
// than a varint (the sign is not in the low bit).
const coordEscape = 0x80

// appendCoord appends one coordinate delta.
func appendCoord(b []byte, d int32) []byte {
	if d > -128 && d < 128 {
		return append(b, byte(int8(d)))
	}
	return binary.AppendUvarint(append(b, coordEscape), zigzag(d))
}

// delta decodes one coordinate pair from the front of c.
func delta(c []byte) (d point, n int, err error) {
	for k := range 2 {
		if n >= len(c) {
			return d, 0, fmt.Errorf("coordinates end in the middle of a point")
		}
		v := int32(int8(c[n]))
		n++
		if c[n-1] == coordEscape {
			u, m := binary.Uvarint(c[n:])
			if m <= 0 {
				if m == 0 {
					return d, 0, fmt.Errorf("coordinates end in the middle of a point")
				}
				return d, 0, fmt.Errorf("bad coordinate varint")
			}
			if u > 1<<17 { // |delta| <= 65535 between two int16 values
				return d, 0, fmt.Errorf("coordinate delta %d too large", unzigzag(u))
			}
			n += m
			v = unzigzag(u)
		}
		if k == 0 {
			d.x = v
		} else {
			d.y = v
		}
	}
	return d, n, nil
}

func inInt16(p point) bool {
	return p.x >= -32768 && p.x <= 32767 && p.y >= -32768 && p.y <= 32767
}

// next returns the next operator (OpMove, OpLine or OpQuad) and its points
// in grid steps (see Font.Grid). ok is false at the end of the path or on error (then
// it.err is set).
func (it *pathIter) next() (op Op, pts [2]point, ok bool) {
	if it.err != nil {
		return 0, pts, false
	}
	fail := func(format string, args ...any) (Op, [2]point, bool) {
		it.err = fmt.Errorf("op %d (%v): %s", it.i, op, fmt.Sprintf(format, args...))
		return 0, pts, false
	}
	if len(it.coords) == 0 {
		// The path ends where the coordinates end. The operator slots left
		// must be the zero padding of the last byte.
		if (it.i+3)/4 != len(it.ops) || (it.i%4 != 0 && it.ops[it.i/4]>>(2*(it.i%4)) != 0) {
			it.err = fmt.Errorf("operators left after the last coordinate (at op %d, %d bytes of ops)", it.i, len(it.ops))
		}
		return 0, pts, false
	}
	op, ok = it.op(it.i)
	if !ok {
		it.err = fmt.Errorf("coordinates left after the last operator (op %d)", it.i)
		return 0, pts, false
	}
	if it.i == 0 && op != OpMove {
		return fail("path must start with move")
	}
	stored := 2
	if op == OpMove || op == OpLine || op == opQuadMid {
		stored = 1
	}
	for k := range stored {
		d, n, err := delta(it.coords)
		if err != nil {
			return fail("%v", err)
		}
		it.coords = it.coords[n:]
		it.cur = point{it.cur.x + d.x, it.cur.y + d.y}
		if !inInt16(it.cur) {
			return fail("point (%d, %d) outside int16", it.cur.x, it.cur.y)
		}
		pts[k] = it.cur
	}
	if op == opQuadMid {
		// The end point is implied by the next quad's control point, the
		// next stored point: peek at it without consuming it.
		if nop, ok := it.op(it.i + 1); !ok || (nop != OpQuad && nop != opQuadMid) || len(it.coords) == 0 {
			return fail("implied end point needs a quad to follow")
		}
		d, _, err := delta(it.coords)
		if err != nil {
			return fail("%v", err)
		}
		next := point{it.cur.x + d.x, it.cur.y + d.y}
		if !inInt16(next) {
			return fail("point (%d, %d) outside int16", next.x, next.y)
		}
		pts[1] = midpoint(pts[0], next)
		op = OpQuad
	}
	it.i++
	return op, pts, true
}

package ebitenr

import (
	"image/color"
	"reflect"
	"testing"

	"github.com/parallel-lines/widget/wasm/frame"
)

func fillAt(x, y, w, h float32, c uint8) frame.Op {
	var p frame.Path
	p.Rect(x, y, w, h, 0)
	return frame.Op{Kind: frame.Fill, Path: p, Color: color.NRGBA{c, 0, 0, 255}}
}

func textAt(s string, x, y float32) frame.Op {
	return frame.Op{Kind: frame.Text, Text: s, At: frame.Point{X: x, Y: y}, Size: 10, Color: color.NRGBA{A: 255}}
}

// fixedGlyphs: every glyph is 6×10 px above the baseline, advance 6.
type fixedGlyphs struct{}

func (fixedGlyphs) bounds(r rune, _ frame.Weight, _ float64) (int, int, int, int, float64) {
	if r == ' ' {
		return 0, 0, 0, 0, 6
	}
	return 0, -10, 6, 0, 6
}

func TestSameOpComparesWhatIsDrawn(t *testing.T) {
	a := fillAt(0, 0, 10, 10, 1)
	b := fillAt(0, 0, 10, 10, 1)
	if !sameOp(&a, &b) {
		t.Fatal("two equal fills differ")
	}
	b.Path.Pts[2].X += 0.5
	if sameOp(&a, &b) {
		t.Error("a moved point went unnoticed")
	}
	c := fillAt(0, 0, 10, 10, 2)
	if sameOp(&a, &c) {
		t.Error("a new colour went unnoticed")
	}
	s1, s2 := a, a
	s1.Kind, s2.Kind = frame.Stroke, frame.Stroke
	s1.Width, s2.Width = 1, 2
	if sameOp(&s1, &s2) {
		t.Error("a new stroke width went unnoticed")
	}
	t1, t2 := textAt("ab", 0, 10), textAt("ac", 0, 10)
	if sameOp(&t1, &t2) {
		t.Error("new text went unnoticed")
	}
	t2 = textAt("ab", 0, 11)
	if sameOp(&t1, &t2) {
		t.Error("moved text went unnoticed")
	}
}

func TestStableRunsFindWhatStoodStill(t *testing.T) {
	var prev []frame.Op
	for i := range 12 {
		prev = append(prev, fillAt(float32(i*20), 0, 10, 10, uint8(i)))
	}
	cur := append([]frame.Op(nil), prev...)
	cur[5] = fillAt(100, 3, 10, 10, 5) // one op moved
	if got, want := stableRuns(prev, cur), [][2]int{{0, 5}, {6, 12}}; !reflect.DeepEqual(got, want) {
		t.Errorf("one op moved: runs %v, want %v", got, want)
	}
	// An op fades out mid-frame: what follows it is still found, from the end.
	gone := append(append([]frame.Op(nil), prev[:5]...), prev[6:]...)
	if got, want := stableRuns(prev, gone), [][2]int{{0, 11}}; !reflect.DeepEqual(got, want) {
		t.Errorf("one op gone: runs %v, want %v", got, want)
	}
	// Short runs are not worth a layer; nothing stands still in a first frame.
	cur = append([]frame.Op(nil), prev...)
	for _, i := range []int{3, 6, 9} {
		cur[i].Color.G = 1
	}
	if got := stableRuns(prev, cur); len(got) != 0 {
		t.Errorf("runs of three or fewer: got %v, want none", got)
	}
	if got := stableRuns(nil, prev); len(got) != 0 {
		t.Errorf("a first frame has runs %v", got)
	}
}

func TestOrderGathersPathsOnlyWhereNothingTouches(t *testing.T) {
	ops := []frame.Op{
		fillAt(0, 0, 10, 10, 1),   // 0
		textAt("hello", 100, 50),  // 1: x 100–130, y 40–50
		fillAt(200, 200, 5, 5, 2), // 2: clear of the text: may go before it
		textAt("x", 300, 50),      // 3
		fillAt(110, 45, 5, 5, 3),  // 4: under "hello": both texts first
		fillAt(0, 300, 5, 5, 4),   // 5
	}
	boxes := make([]box, len(ops))
	for i := range ops {
		if ops[i].Kind == frame.Text {
			boxes[i] = textBox(&ops[i], fixedGlyphs{})
		} else {
			boxes[i] = pathBox(&ops[i])
		}
	}
	if b := boxes[1]; b != (box{100, 40, 130, 50}) {
		t.Fatalf("text box %v", b)
	}
	got := order(ops, boxes, nil)
	if want := []int{0, 2, 1, 3, 4, 5}; !reflect.DeepEqual(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
	// Every pair that overlaps keeps its order.
	pos := map[int]int{}
	for k, i := range got {
		pos[i] = k
	}
	for i := range ops {
		for j := i + 1; j < len(ops); j++ {
			if boxes[i].overlaps(boxes[j]) && pos[i] > pos[j] {
				t.Errorf("ops %d and %d overlap but were swapped", i, j)
			}
		}
	}
}

func TestPathBoxHoldsTheStroke(t *testing.T) {
	var p frame.Path
	p.MoveTo(10, 10)
	p.LineTo(20, 10)
	op := frame.Op{Kind: frame.Stroke, Path: p, Width: 6}
	b := pathBox(&op)
	if b.Y0 > 10-3-1 || b.Y1 < 10+3+1 || b.X0 > 10-3-1 || b.X1 < 20+3+1 {
		t.Errorf("stroke box %v misses the stroke's width and round caps", b)
	}
}

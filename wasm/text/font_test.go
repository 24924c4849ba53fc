package text

import (
	"bytes"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
)

var mini = sync.OnceValues(func() ([]byte, error) { return os.ReadFile("testdata/mini.bin") })

// loadMini loads testdata/mini.bin, a real subset (see gen_test.go).
func loadMini(t testing.TB) *Font {
	t.Helper()
	b, err := mini()
	if err != nil {
		t.Fatal(err)
	}
	f, err := Load(b)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// tinyFont is a hand-made font of three glyphs: a triangle, a shape with
// chained quads (stored with implied end points) and an empty space.
func tinyFont(t testing.TB) *Font {
	t.Helper()
	f := &Font{Format: FormatVersion, UnitsPerEm: 1000, Ascent: 1160, Descent: 288, Grid: 1}
	type path struct {
		ops []Op
		xy  []int16
	}
	paths := map[rune]path{
		' ': {},
		'A': {[]Op{OpMove, OpLine, OpLine}, []int16{0, 0, 300, -700, 600, 0}},
		'o': {
			[]Op{OpMove, OpQuad, OpQuad, OpQuad, OpQuad, OpMove, OpLine, OpLine, OpLine},
			[]int16{300, 0, 0, 0, 0, -250, 0, -500, 300, -500, 600, -500, 600, -250, 600, 0, 300, 0,
				200, -100, 200, -400, 400, -400, 400, -100},
		},
	}
	for _, r := range []rune{' ', 'A', 'o'} {
		g := Glyph{Rune: r, Advance: 600}
		if err := g.SetPath(paths[r].ops, paths[r].xy); err != nil {
			t.Fatal(err)
		}
		f.Regular = append(f.Regular, g)
		f.Bold = append(f.Bold, g)
	}
	return f
}

func encode(t testing.TB, f *Font) []byte {
	t.Helper()
	b, err := f.MarshalMsg(nil) // not Encode: some tests need invalid fonts
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLoadMini(t *testing.T) {
	f := loadMini(t)
	if f.UnitsPerEm != 1000 || f.Ascent != 1160 || f.Descent != 288 || f.LineGap != 0 {
		t.Errorf("metrics %d %d %d %d", f.UnitsPerEm, f.Ascent, f.Descent, f.LineGap)
	}
	if len(f.Regular) != len(f.Bold) || len(f.Regular) < 95+30 {
		t.Errorf("%d regular, %d bold glyphs", len(f.Regular), len(f.Bold))
	}
	for _, w := range []Weight{Regular, Bold} {
		fc := f.Face(w)
		for _, r := range "中A 。—“" {
			if !fc.Has(r) {
				t.Errorf("%v lacks %q", w, r)
			}
		}
		if fc.Has('Ж') {
			t.Errorf("%v has Ж", w)
		}
		if got := fc.Advance('中', 20); got != 20 {
			t.Errorf("%v: advance of 中 at 20 px = %v", w, got)
		}
	}
	m := f.Face(Regular).Metrics(10)
	if m.Ascent != 11.6 || m.Descent != 2.88 || m.LineHeight != 14.48 {
		t.Errorf("Metrics(10) = %+v", m)
	}
	if rs := f.Runes(Bold); !slices.IsSorted(rs) || len(rs) != len(f.Bold) {
		t.Errorf("Runes(Bold) not sorted or wrong length")
	}
}

func TestPathRoundTrip(t *testing.T) {
	for _, g := range tinyFont(t).Regular {
		ops, xy, err := g.Path()
		if err != nil {
			t.Fatalf("%q: %v", g.Rune, err)
		}
		var h Glyph
		if err := h.SetPath(ops, xy); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(g.Ops, h.Ops) || !bytes.Equal(g.Coords, h.Coords) {
			t.Errorf("%q: re-encoding differs", g.Rune)
		}
	}
	// The 'o' stores its chained quads with implied end points.
	o := tinyFont(t).Regular[2]
	if got := o.Ops[0] >> 2 & 3; Op(got) != opQuadMid {
		t.Errorf("first quad of 'o' stored as %v, want implied end", Op(got))
	}
	// Deltas at the edges of the one-byte form and of int16 survive it.
	for _, d := range []int16{-32768, -128, -127, -1, 0, 1, 127, 128, 32767} {
		var g Glyph
		xy := []int16{0, 0, d, -d, 0, 0}
		if d == -32768 {
			xy[3] = 32767
		}
		if err := g.SetPath([]Op{OpMove, OpLine, OpLine}, xy); err != nil {
			t.Fatal(err)
		}
		if _, got, err := g.Path(); err != nil || !slices.Equal(got, xy) {
			t.Errorf("delta %d: %v, %v", d, got, err)
		}
	}
	// Random paths survive the round trip, including extreme coordinates
	// and runs of quads whose ends happen to be midpoints.
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var ops []Op
		var xy []int16
		for i := range rng.IntN(30) {
			op := Op(rng.IntN(3))
			if i == 0 {
				op = OpMove
			}
			ops = append(ops, op)
			for range nPoints[op] {
				c := func() int16 {
					if rng.IntN(8) == 0 {
						return int16(rng.IntN(65536) - 32768)
					}
					return int16(rng.IntN(200))
				}
				xy = append(xy, c(), c())
			}
			if op == OpQuad && rng.IntN(2) == 0 && len(xy) >= 4 {
				// Make the end the midpoint of this control and the next.
				ops = append(ops, OpQuad)
				cx, cy := xy[len(xy)-4], xy[len(xy)-3]
				nx, ny := int16(rng.IntN(200)), int16(rng.IntN(200))
				xy[len(xy)-2], xy[len(xy)-1] = int16((int32(cx)+int32(nx))/2), int16((int32(cy)+int32(ny))/2)
				xy = append(xy, nx, ny, int16(rng.IntN(200)), int16(rng.IntN(200)))
			}
		}
		var g Glyph
		if err := g.SetPath(ops, xy); err != nil {
			t.Fatal(err)
		}
		gotOps, gotXY, err := g.Path()
		if err != nil || !slices.Equal(gotOps, ops) || !slices.Equal(gotXY, xy) {
			t.Fatalf("round trip: %v\nops %v\n got %v\nxy %v\n got %v", err, ops, gotOps, xy, gotXY)
		}
	}
}

func TestSetPathErrors(t *testing.T) {
	for _, c := range []struct {
		ops  []Op
		xy   []int16
		want string
	}{
		{[]Op{OpLine}, []int16{1, 2}, "starts with line"},
		{[]Op{OpMove, 7}, []int16{1, 2, 3, 4}, "invalid operator"},
		{[]Op{OpMove, opQuadMid}, []int16{1, 2, 3, 4, 5, 6}, "invalid operator"},
		{[]Op{OpMove, OpQuad}, []int16{1, 2, 3, 4}, "take 6 coordinates, got 4"},
	} {
		var g Glyph
		if err := g.SetPath(c.ops, c.xy); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("SetPath(%v, %v) = %v, want %q", c.ops, c.xy, err, c.want)
		}
	}
}

// TestLoadCorrupt feeds Load broken files, each with the error it must give.
func TestLoadCorrupt(t *testing.T) {
	valid := encode(t, tinyFont(t))
	if _, err := Load(valid); err != nil {
		t.Fatal(err)
	}
	mutate := func(fn func(f *Font)) []byte {
		f := tinyFont(t)
		fn(f)
		return encode(t, f)
	}
	cases := []struct {
		name string
		b    []byte
		want string
	}{
		{"empty", nil, "decoding font subset"},
		{"not msgpack", []byte("wOFF0000"), "decoding font subset"},
		{"truncated", valid[:len(valid)/2], "decoding font subset"},
		{"trailing data", append(slices.Clip(valid), 0xc0), "trailing data"},
		{"wrong tuple length", []byte{0x92, 0x01, 0x01}, "decoding font subset"},
		// 8-tuple whose glyph array claims 2^31 entries: refused by the
		// msgp limit before anything is allocated.
		{"huge glyph array", []byte{0x98, 0x02, 0xcd, 0x03, 0xe8, 0x01, 0x01, 0x00, 0x01, 0xdd, 0x80, 0x00, 0x00, 0x00}, "limit"},
		{"huge byte string", mutate(func(f *Font) { f.Regular[1].Coords = make([]byte, MaxPathBytes+1) }), "limit"},
		{"format", mutate(func(f *Font) { f.Format = 1 }), "format version 1"},
		{"grid", mutate(func(f *Font) { f.Grid = MaxGrid + 1 }), "outline grid 65"},
		{"units per em", mutate(func(f *Font) { f.UnitsPerEm = 0 }), "units per em 0"},
		{"negative ascent", mutate(func(f *Font) { f.Ascent = -1 }), "negative vertical metric"},
		{"zero height", mutate(func(f *Font) { f.Ascent, f.Descent = 0, 0 }), "both zero"},
		{"unsorted", mutate(func(f *Font) { f.Bold[0], f.Bold[1] = f.Bold[1], f.Bold[0] }), "bold glyph 1: U+0020 after U+0041"},
		{"duplicate", mutate(func(f *Font) { f.Regular[1].Rune = ' ' }), "sorted and unique"},
		{"surrogate", mutate(func(f *Font) { f.Regular[2].Rune = 0xD800 }), "invalid rune"},
		{"negative rune", mutate(func(f *Font) { f.Regular[0].Rune = -5 }), "invalid rune"},
		{"huge advance", mutate(func(f *Font) { f.Regular[0].Advance = 60000 }), "advance 60000"},
		{"ops without coordinates", mutate(func(f *Font) { f.Regular[1].Coords = f.Regular[1].Coords[:2] }), "operators left"},
		{"coordinates without ops", mutate(func(f *Font) { f.Regular[0].Coords = []byte{2, 2} }), "coordinates left"},
		{"half a point", mutate(func(f *Font) { f.Regular[1].Coords = f.Regular[1].Coords[:1] }), "middle of a point"},
		{"escape at the end", mutate(func(f *Font) { f.Regular[1].Coords = []byte{0, 0x80} }), "middle of a point"},
		{"escaped delta too large", mutate(func(f *Font) { f.Regular[1].Coords = []byte{0, 0x80, 0x82, 0x80, 0x10} }), "too large"},
		{"padding not zero", mutate(func(f *Font) { f.Regular[1].Ops = []byte{0x01 << 6} }), "operators left"},
		{"starts with line", mutate(func(f *Font) { f.Regular[1].Ops = []byte{0x15} }), "must start with move"},
		{"implied end at path end", mutate(func(f *Font) { f.Regular[1].Ops = []byte{0x0c}; f.Regular[1].Coords = []byte{0, 0, 2, 2} }), "implied end point needs a quad"},
		{"bad varint", mutate(func(f *Font) {
			f.Regular[1].Coords = []byte{0x80, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}
		}), "varint"},
		{"point far away", mutate(func(f *Font) {
			var g Glyph
			_ = g.SetPath([]Op{OpMove, OpLine}, []int16{0, 0, 30000, 0})
			f.Regular[1].Ops, f.Regular[1].Coords = g.Ops, g.Coords
		}), "beyond 4 ems"},
		{"too many glyphs", mutate(func(f *Font) {
			f.Regular = make([]Glyph, MaxGlyphs+1)
		}), "limit"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Load(c.b)
			if err == nil || f != nil {
				t.Fatalf("Load succeeded")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q, want it to contain %q", err, c.want)
			}
			if !strings.HasPrefix(err.Error(), "text: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

// TestPathOutsideInt16 checks the iterator's own range check, which Load's
// tighter 4-em check hides.
func TestPathOutsideInt16(t *testing.T) {
	// Two deltas of +30000: the second point would be at 60000.
	g := Glyph{Ops: []byte{0x04}, Coords: []byte{coordEscape, 0xe0, 0xd4, 0x03, 0, coordEscape, 0xe0, 0xd4, 0x03, 0}}
	if _, _, err := g.Path(); err == nil || !strings.Contains(err.Error(), "outside int16") {
		t.Errorf("Path: %v", err)
	}
}

// TestLoadTruncatedAndFlipped cuts the real subset at every length and
// flips random bytes: Load must return an error or a font that measures
// and rasterises without panicking.
func TestLoadTruncatedAndFlipped(t *testing.T) {
	b, err := mini()
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(b) {
		if _, err := Load(b[:n]); err == nil {
			t.Fatalf("Load of the first %d of %d bytes succeeded", n, len(b))
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		c := slices.Clone(b)
		for range 1 + rng.IntN(4) {
			c[rng.IntN(len(c))] ^= byte(1 + rng.IntN(255))
		}
		if f, err := Load(c); err == nil {
			exercise(f)
		}
	}
}

// exercise uses every glyph of f the way the widget would.
func exercise(f *Font) {
	for _, w := range []Weight{Regular, Bold} {
		fc := f.Face(w)
		for _, g := range f.glyphs(w) {
			g.Path()
			fc.Glyph(g.Rune, 13, 0.3)
		}
		WrapLines(fc, "中文 OpenAI。", 13, 40)
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	b, err := mini()
	if err != nil {
		t.Fatal(err)
	}
	f := loadMini(t)
	again, err := f.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, b) {
		t.Errorf("Encode(Load(b)) differs from b")
	}
	bad := tinyFont(t)
	bad.Format = 9
	if _, err := bad.Encode(); err == nil {
		t.Errorf("Encode of an invalid font succeeded")
	}
}

func BenchmarkLoad(b *testing.B) {
	data, err := os.ReadFile("../../assets/fonts/subset.bin")
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Load(data); err != nil {
			b.Fatal(err)
		}
	}
}

package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/wasm/text"
)

// Rounding to the grid moves no point by more than half a step, and keeps
// TrueType's implied on-curve points implied, so the grid never makes the
// encoder store points it used to leave out.
func TestQuantizeKeepsImpliedPoints(t *testing.T) {
	s, err := loadSource(filepath.Join("../../assets/fonts/source", sourceFiles[text.Bold][cjk]))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "两条平行线资本的逻辑，。" {
		exact, err := s.glyph(r, 1)
		if err != nil {
			t.Fatal(err)
		}
		ops, xy, err := exact.Path()
		if err != nil {
			t.Fatal(err)
		}
		for _, grid := range []int{4, 8} {
			q := quantize(ops, xy, grid)
			for i := range xy {
				if d := int(q[i])*grid - int(xy[i]); d < -grid || d > grid {
					t.Errorf("%q grid %d: coordinate %d moved from %d to %d", r, grid, i, xy[i], int(q[i])*grid)
				}
			}
			g, err := s.glyph(r, grid)
			if err != nil {
				t.Fatal(err)
			}
			gops, _, err := g.Path()
			if err != nil {
				t.Fatal(err)
			}
			if len(gops) != len(ops) {
				t.Errorf("%q grid %d: %d ops, exact outline has %d", r, grid, len(gops), len(ops))
			}
			// Fewer stored points never more: implied ends stay implied.
			if len(g.Coords) > len(exact.Coords) {
				t.Errorf("%q grid %d: %d coordinate bytes, more than the exact %d", r, grid, len(g.Coords), len(exact.Coords))
			}
		}
	}
}

func TestGridFlag(t *testing.T) {
	var out, errb stringsBuilder
	if code := cli([]string{"-grid", "0", "x.txt"}, &out, &errb); code != 2 {
		t.Errorf("-grid 0: exit %d, want 2 (stderr %q)", code, errb.String())
	}
	if code := cli([]string{"-grid", "65", "x.txt"}, &out, &errb); code != 2 {
		t.Errorf("-grid 65: exit %d, want 2", code)
	}
}

type stringsBuilder = strings.Builder

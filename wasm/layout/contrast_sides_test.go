package layout_test

import (
	"strings"
	"testing"

	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

// The row check fails on a row drawn the wrong way round: here, layouts
// whose first listed row has its US and China values traded.
func TestContrastRowCheckCatchesSwappedSides(t *testing.T) {
	s := layouttest.Story(t)
	font := measurers(t)["font"]
	for i, sc := range s.Scenes {
		rows := listedContrasts(s, sc)
		if len(rows) == 0 {
			continue
		}
		c := rows[0]
		for _, scr := range []layout.Screen{{W: 1280, H: 720, Scale: 1}, {W: 780, H: 1688, Scale: 2}} {
			l := layout.Place(s, i, scr, layout.En, font)
			if errs := contrastRow(l, layout.En, c, false); len(errs) > 0 {
				continue // TestListedContrastsStandByTheirLines reports it
			}
			var us, cn []int
			for k, r := range l.Runs {
				switch {
				case r.Owner != c.ID || r.Role != layout.Label:
				case strings.Contains(c.US.En, r.Text):
					us = append(us, k)
				case strings.Contains(c.CN.En, r.Text):
					cn = append(cn, k)
				}
			}
			if len(us) == 0 || len(cn) == 0 {
				continue // left to the card here
			}
			a, b := l.Runs[us[0]].Box, l.Runs[cn[0]].Box
			dx, dy := b.X-a.X, b.Y-a.Y
			for _, k := range us {
				l.Runs[k].Box.X += dx
				l.Runs[k].Box.Y += dy
			}
			for _, k := range cn {
				l.Runs[k].Box.X -= dx
				l.Runs[k].Box.Y -= dy
			}
			if errs := contrastRow(l, layout.En, c, true); len(errs) == 0 {
				t.Errorf("%v %s: row %s with its values swapped passes the check", scr, sc.ID, c.ID)
			}
		}
	}
}

// Every contrast of the dataset is shown by some scene.
func TestEveryContrastIsShown(t *testing.T) {
	s := layouttest.Story(t)
	shown := map[string]bool{}
	for _, sc := range s.Scenes {
		for _, id := range sc.Shows {
			shown[id] = true
		}
	}
	for _, c := range s.Contrasts {
		if !shown[c.ID] {
			t.Errorf("contrast %s is shown by no scene", c.ID)
		}
	}
}

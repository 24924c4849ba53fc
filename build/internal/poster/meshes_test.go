package poster

import (
	"testing"

	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/render/fringe"
	"github.com/parallel-lines/widget/wasm/widget"
)

// The live renderer (wasm/render/ebitenr) draws strokes and convex fills as
// meshes; any other fill it rasterises on the CPU, per frame, which is
// correct but slow. Every frame of every transition, with particles, in
// both languages on both artboards, takes only meshes: a scene that
// starts drawing a concave fill shows up here before it shows up as slow
// frames in the benchmark.
func TestEveryFillTakesAMesh(t *testing.T) {
	s, f := load(t)
	var m fringe.Mesh
	frames, fills := 0, 0
	for _, lang := range Langs {
		for _, b := range Artboards {
			w := widget.New(s, f, layout.Screen{W: b.W, H: b.H, Scale: 1, Present: b.Present}, lang, 0)
			for sc := 1; sc <= len(s.Scenes); sc++ {
				w.Go(sc % len(s.Scenes)) // every scene, and back to the first
				for k := 0; k < 2000 && w.Animating(); k++ {
					w.Tick(1)
					l := w.Frame()
					frames++
					for i := range l.Ops {
						op := &l.Ops[i]
						if op.Kind != frame.Fill {
							continue
						}
						fills++
						if m.Reset(); !m.Fill(&op.Path) {
							t.Fatalf("%s on %s, into scene %s, tick %d: op %d is a fill no mesh takes (%d points)",
								lang.Code(), b.Name, s.Scenes[sc%len(s.Scenes)].ID, k, i, len(op.Path.Pts))
						}
					}
				}
			}
		}
	}
	if frames < 100 || fills < 1000 {
		t.Fatalf("only %d frames and %d fills were looked at", frames, fills)
	}
	t.Logf("%d frames, %d fills", frames, fills)
}

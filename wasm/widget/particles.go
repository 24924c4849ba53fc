package widget

import (
	"hash/fnv"
	"image/color"
	"math"

	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
)

// Particles travel along the flows, from each line to the markets, for a
// while after a scene opens, then stop so that the widget goes quiet. They
// are a function of the tick count and of a hash of the flow's id, so the
// same run draws the same particles. Reduced motion shows none.
const (
	particleLife   = 8 * TPS // ticks a scene's particles run
	particlePeriod = 3 * TPS // ticks for one particle to cross
	particlesEach  = 3       // per flow and market
	particleFade   = TPS     // ticks to fade in at the start and out at the end
)

// particlesRunning reports whether particles are moving now.
func (w *Widget) particlesRunning() bool {
	return !w.reduce && len(w.target.Links) > 0 && w.hasFlows() && w.clock < particleLife
}

func (w *Widget) hasFlows() bool {
	for _, k := range w.target.Links {
		if k.Flow {
			return true
		}
	}
	return false
}

// particles draws the particles of one flow's path.
func (w *Widget) particles(l *frame.List, k layout.Link, path frame.Path, c color.NRGBA) {
	if !w.particlesRunning() {
		return
	}
	pts := flatten(path, 48)
	if len(pts) < 2 {
		return
	}
	h := fnv.New32a()
	h.Write([]byte(k.ID + "→" + k.To))
	seed := float64(h.Sum32()%1000) / 1000
	life := math.Min(float64(w.clock)/particleFade, float64(particleLife-w.clock)/particleFade)
	alpha := clamp01(life)
	r := float32(2.5 * w.u())
	for i := range particlesEach {
		t := math.Mod(float64(w.clock)/particlePeriod+seed+float64(i)/particlesEach, 1)
		p := pts[int(t*float64(len(pts)-1))]
		var dot frame.Path
		dot.Circle(p.X, p.Y, r)
		l.Fill(dot, fade(c, alpha*math.Sin(t*math.Pi)))
	}
}

//go:build js && wasm

// Command floor is the empty Ebitengine program the benchmark measures the
// widget against: it opens Ebitengine's canvas and draws nothing. Built with
// the widget's toolchain and flags, its size and start-up time are the floor
// below which no Ebitengine widget can go, so ratios to it stay comparable
// across machines. The only addition is the same signal the widget gives
// after its first frame (data-widget-state="ready" and a frame count), so
// the benchmark times both the same way.
package main

import (
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
)

type game struct{ frames int }

func (g *game) Update() error { return nil }

func (g *game) Draw(*ebiten.Image) {
	g.frames++
	js.Global().Set("__parallelLinesFrames", g.frames)
	if g.frames == 1 {
		js.Global().Get("document").Get("documentElement").Call("setAttribute", "data-widget-state", "ready")
	}
}

func (g *game) Layout(w, h int) (int, int) { return w, h }

func main() {
	ebiten.SetFPSMode(ebiten.FPSModeVsyncOffMinimum)
	ebiten.RunGame(&game{})
}

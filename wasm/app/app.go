//go:build js && wasm

// Package app runs the widget in the browser: it feeds Ebitengine's input
// and clock to the core (package widget), draws the core's frames with the
// Ebitengine backend, and reports to the page. It holds no story logic.
package app

import (
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
	"github.com/parallel-lines/widget/wasm/internal/page"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/render/ebitenr"
	"github.com/parallel-lines/widget/wasm/widget"
)

// Fonts measures text for the core and rasterises it for the backend.
type Fonts interface {
	layout.Measurer
	ebitenr.Glyphs
}

// Game adapts the widget to Ebitengine's Update/Draw contract: state
// changes in Update, Draw only draws.
type Game struct {
	w      *widget.Widget
	r      *ebitenr.Renderer
	last   time.Time
	drawn  bool
	scene  string
	screen layout.Screen
}

// New returns a game around w.
func New(w *widget.Widget, f Fonts) *Game {
	return &Game{w: w, r: ebitenr.New(f)}
}

// Run starts Ebitengine. Frames run only while something moves or the reader
// does something, so an idle widget costs nothing.
func (g *Game) Run() error {
	ebiten.SetFPSMode(ebiten.FPSModeVsyncOffMinimum)
	ebiten.SetWindowTitle("Parallel Lines")
	return ebiten.RunGame(g)
}

// Update advances the clock and applies input.
func (g *Game) Update() error {
	now := time.Now()
	if !g.last.IsZero() {
		// Ticks follow the wall clock so motion keeps its speed when frames
		// are dropped, but a long pause (a hidden tab) does not jump ahead.
		n := int(math.Round(now.Sub(g.last).Seconds() * widget.TPS))
		g.w.Tick(max(1, min(n, 6)))
	}
	g.last = now

	switch {
	case anyJustPressed(ebiten.KeyArrowRight, ebiten.KeySpace, ebiten.KeyPageDown, ebiten.KeyArrowDown):
		g.w.Next()
	case anyJustPressed(ebiten.KeyArrowLeft, ebiten.KeyPageUp, ebiten.KeyArrowUp):
		g.w.Prev()
	case inpututil.IsKeyJustPressed(ebiten.KeyHome):
		g.w.Go(0)
	case inpututil.IsKeyJustPressed(ebiten.KeyEnd):
		g.w.Go(g.w.Scenes() - 1)
	}
	if id := g.w.SceneID(); id != g.scene {
		g.scene = id
		page.SetScene(id)
	}
	if g.w.Animating() {
		ebiten.ScheduleFrame()
	} else {
		g.last = time.Time{} // the clock restarts with the next event
	}
	return nil
}

func anyJustPressed(keys ...ebiten.Key) bool {
	for _, k := range keys {
		if inpututil.IsKeyJustPressed(k) {
			return true
		}
	}
	return false
}

// Draw draws the core's frame.
func (g *Game) Draw(screen *ebiten.Image) {
	f := g.w.Frame()
	g.r.Draw(screen, &f)
	if !g.drawn {
		g.drawn = true
		page.Loaded()
	}
}

// Layout renders at device resolution, so text and lines stay crisp on
// high-density screens and after zooming.
func (g *Game) Layout(outsideW, outsideH int) (int, int) {
	dpr := page.DevicePixelRatio()
	scr := layout.Screen{
		W:     max(1, int(math.Ceil(float64(outsideW)*dpr))),
		H:     max(1, int(math.Ceil(float64(outsideH)*dpr))),
		Scale: dpr,
	}
	if scr != g.screen {
		g.screen = scr
		g.w.Resize(scr)
	}
	return scr.W, scr.H
}

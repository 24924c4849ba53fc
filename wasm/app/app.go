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
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/internal/page"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/render/ebitenr"
	"github.com/parallel-lines/widget/wasm/widget"
)

// Fonts measures text for the core and rasterises it for the backend.
type Fonts interface {
	layout.Measurer
	frame.GlyphSource
}

// Game adapts the widget to Ebitengine's Update/Draw contract: state
// changes in Update, Draw only draws.
type Game struct {
	w      *widget.Widget
	r      *ebitenr.Renderer
	last   time.Time
	drawn  bool
	screen layout.Screen

	// What the page was last told, so it is told only of changes.
	scene  string
	lang   layout.Lang
	focus  string
	moving bool
	still  bool // reduced motion

	cursor  [2]int
	visible bool // on screen: off screen the loop does nothing
}

// New returns a game around w and exports the calls the page shell makes.
func New(w *widget.Widget, f Fonts) *Game {
	g := &Game{w: w, r: ebitenr.New(f), lang: 255, visible: true}
	// Tab is decided by the shell (Ebitengine would swallow it): it asks
	// whether the focus moves within the widget or leaves it.
	page.Export("focus", func(arg string) any {
		dir := 1
		if arg == "-1" {
			dir = -1
		}
		moved := g.w.Focus(dir)
		ebiten.ScheduleFrame()
		return moved
	})
	page.Export("blur", func(string) any {
		g.w.Blur()
		ebiten.ScheduleFrame()
		return nil
	})
	page.Export("pointerLeave", func(string) any {
		if g.w.PointerLeave() {
			ebiten.ScheduleFrame()
		}
		return nil
	})
	// The shell watches whether the widget is on screen (an iframe scrolled
	// away keeps running otherwise).
	page.Export("visible", func(on string) any {
		g.visible = on != "0"
		if g.visible {
			g.last = time.Time{}
			ebiten.ScheduleFrame()
		}
		return nil
	})
	page.Export("go", func(id string) any {
		ok := g.w.GoID(id)
		ebiten.ScheduleFrame()
		return ok
	})
	return g
}

// Run starts Ebitengine. Frames run only while something moves or the reader
// does something, so an idle widget costs nothing.
func (g *Game) Run() error {
	ebiten.SetFPSMode(ebiten.FPSModeVsyncOffMinimum)
	ebiten.SetWindowTitle("Parallel Lines")
	return ebiten.RunGame(g)
}

// Follow applies a media query's answer now and whenever it changes.
func (g *Game) Follow(query string, apply func(bool)) {
	apply(page.Matches(query))
	page.WatchMedia(query, func(m bool) {
		apply(m)
		ebiten.ScheduleFrame()
	})
}

// Update advances the clock and applies input.
func (g *Game) Update() error {
	defer g.timeUpdate(time.Now()) // frametime.go
	if !g.visible && g.drawn {
		return nil // off screen: no ticks, no frames asked for
	}
	now := time.Now()
	if !g.last.IsZero() {
		// Ticks follow the wall clock so motion keeps its speed when frames
		// are dropped, but a long pause (a hidden tab) does not jump ahead.
		n := int(math.Round(now.Sub(g.last).Seconds() * widget.TPS))
		g.w.Tick(max(1, min(n, 6)))
	}
	g.last = now

	g.keys()
	g.pointer()
	g.report()
	moving := g.w.Animating()
	if moving {
		ebiten.ScheduleFrame()
	} else {
		g.last = time.Time{} // the clock restarts with the next event
	}
	if moving != g.moving || !g.drawn {
		g.moving = moving
		page.SetMotion(moving)
	}
	return nil
}

func (g *Game) keys() {
	switch {
	case anyJustPressed(ebiten.KeyArrowRight, ebiten.KeySpace, ebiten.KeyPageDown, ebiten.KeyArrowDown):
		g.w.Next()
	case anyJustPressed(ebiten.KeyArrowLeft, ebiten.KeyPageUp, ebiten.KeyArrowUp):
		g.w.Prev()
	case inpututil.IsKeyJustPressed(ebiten.KeyHome):
		g.w.Go(0)
	case inpututil.IsKeyJustPressed(ebiten.KeyEnd):
		g.w.Go(g.w.Scenes() - 1)
	case anyJustPressed(ebiten.KeyEnter, ebiten.KeyNumpadEnter):
		g.w.Activate()
	case inpututil.IsKeyJustPressed(ebiten.KeyEscape):
		g.w.Escape()
	}
}

// pointer feeds the mouse and touches to the widget. A tap is a touch that
// ends; Ebitengine keeps touches from turning into mouse events.
func (g *Game) pointer() {
	x, y := ebiten.CursorPosition()
	if [2]int{x, y} != g.cursor {
		g.cursor = [2]int{x, y}
		g.w.PointerMove(float64(x), float64(y))
	}
	if inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft) {
		g.w.Click(float64(x), float64(y))
	}
	for _, id := range inpututil.AppendJustReleasedTouchIDs(nil) {
		tx, ty := inpututil.TouchPositionInPreviousTick(id)
		g.w.Click(float64(tx), float64(ty))
	}
}

// report tells the page (and through it screen readers) what changed.
func (g *Game) report() {
	if id := g.w.SceneID(); id != g.scene || g.w.Lang() != g.lang || g.w.ReducedMotion() != g.still {
		g.scene, g.still = id, g.w.ReducedMotion()
		page.SetScene(id, langTag[g.w.Lang()], g.still)
		page.Describe(g.w.Description())
		if g.drawn {
			page.Announce(g.w.Description())
		}
	}
	if l := g.w.Lang(); l != g.lang {
		g.lang = l
		page.SetLang(map[layout.Lang]string{layout.Zh: "zh-Hans", layout.En: "en"}[l])
	}
	t, ok := g.w.Focused()
	if id := t.ID; id != g.focus {
		g.focus = id
		if ok {
			page.Announce(g.w.Label(t))
		}
	}
}

// langTag is how the URL writes each language.
var langTag = map[layout.Lang]string{layout.Zh: "zh", layout.En: "en"}

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
	defer g.timeDraw(time.Now()) // frametime.go
	f := g.w.Frame()
	g.r.Draw(screen, &f)
	page.CountFrame()
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

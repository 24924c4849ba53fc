//go:build js && wasm

// Package app runs the widget in the browser: it feeds Ebitengine's input
// and clock to the core (package widget), draws the core's frames with the
// Ebitengine backend, and reports to the page. It holds no story logic.
package app

import (
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/parallel-lines/widget/wasm/autoplay"
	"github.com/parallel-lines/widget/wasm/command"
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
	clock  clock
	drawn  bool
	held   bool // the last frame was not drawn: its glyphs are coming (later.go)
	screen layout.Screen

	// What the page was last told, so it is told only of changes.
	scene  string
	lang   layout.Lang
	focus  string
	card   string // the element whose card is open
	moving bool
	still  bool // reduced motion

	visible bool // on screen: off screen the loop does nothing

	sent        string // the scene the host was last told of
	undescribed bool   // the text alternative waits for the first frame (report)
	unannounced bool   // a new scene's text alternative waits for its transition to end (report)

	keys      command.Keyboard
	themeAuto bool // the theme follows the reader's system

	// Autoplay: every step is due at the start plus the durations before
	// it (package autoplay), so late timers never add up to drift.
	auto    *autoplay.Schedule
	playing bool
	due     time.Time // the step a timer is armed for
	present bool      // the stage layout (?mode=present, full screen)
	bare    bool      // no on-canvas controls (?controls=0)

	laid   chan widget.Laid // layouts made ahead, between frames (ahead.go)
	glyphs frame.GlyphSource

	// The Chinese glyphs' chunks (later.go): nil when the font is whole;
	// restLater, the chunks a Chinese start did not wait for are asked for
	// after the first frame.
	fonts     *FontChunks
	restLater bool
}

// New returns a game around w and exports the calls the page shell makes.
func New(w *widget.Widget, f Fonts) *Game {
	g := &Game{w: w, r: ebitenr.New(f), glyphs: f, lang: 255, visible: true}
	g.auto, _ = autoplay.New(autoplay.Seconds(g.sceneSeconds(), autoplay.Fallback), false) // a story has scenes: no error
	// The shell's stage (full screen or ?mode=present) sizes type and marks
	// for a projected room.
	page.Export("present", func(arg string) any {
		g.SetPresent(arg == "1")
		return true
	})
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
			g.clock.rest()
			ebiten.ScheduleFrame()
		}
		return nil
	})
	page.Export("go", func(id string) any {
		g.keepAhead()
		ok := g.w.GoID(id)
		g.wake()
		return ok
	})
	// All input reaches the core here, never through Ebitengine's own
	// listeners (the shell keeps raw events from its canvas, so that a drag
	// scrolls the article and Tab leaves): host messages, the shell's
	// commands and buttons, pointer and keys.
	page.Export("host", func(msg string) any {
		c, err := command.ParseMessage([]byte(msg))
		if err != nil {
			page.Warn(err.Error() + "; message ignored")
			return false
		}
		return g.perform(c)
	})
	page.Export("command", func(s string) any {
		c, err := command.ParseShell(s)
		if err != nil {
			page.Warn(err.Error())
			return false
		}
		return g.perform(c)
	})
	page.Export("key", func(key string) any {
		_, focused := g.w.Focused()
		c, taken := g.keys.Press(key, focused)
		if taken && c.Name != "" {
			g.perform(c)
		}
		return taken
	})
	// The frame as a reader sees it (texts, strokes, targets in CSS px), as
	// the JSON string of widget.Inspect.
	page.Export("inspect", func(string) any { return w.Inspect() })
	return g
}

// Apply performs the URL's settings at start.
func (g *Game) Apply(p command.Params) {
	if p.Scene.Index >= 0 || p.Scene.Scene != "" {
		g.perform(p.Scene)
	}
	if p.Present {
		g.SetPresent(true)
	}
	if p.Loop {
		g.auto, _ = autoplay.New(autoplay.Seconds(g.sceneSeconds(), autoplay.Fallback), true)
	}
	if p.Autoplay {
		g.perform(command.Command{Name: command.Play})
	}
}

// perform runs one command of the table and reports whether it did
// something. Every command ends by asking for a frame.
func (g *Game) perform(c command.Command) (did bool) {
	g.keepAhead() // a step may land on a scene laid out ahead
	defer func() {
		if did {
			g.wake()
		}
	}()
	w := g.w
	switch c.Name {
	case command.Goto:
		i, err := c.Resolve(g.ids())
		if err != nil {
			page.Warn(err.Error())
			page.Emit(command.ErrorEvent(err.Error()).JSON())
			return false
		}
		w.Go(i)
	case command.Next:
		w.Next()
	case command.Prev:
		w.Prev()
	case command.First:
		w.Go(0)
	case command.Last:
		w.Go(w.Scenes() - 1)
	case command.Play:
		g.play(true)
	case command.Pause:
		g.play(false)
	case command.Toggle:
		g.play(!g.playing)
	case command.Lang:
		l, ok := layout.ParseLang(c.Value)
		if !ok { // "": the parser lets nothing else through
			l = w.Lang().Other()
		}
		w.SetLang(l)
	case command.Theme:
		g.SetTheme(c.Value)
	case command.Activate:
		w.Activate()
	case command.Escape:
		// An overlay of the page (help, black screen) closes first.
		if !page.Shell("escape", true) {
			return w.Escape()
		}
	case command.Pointer:
		s := page.DevicePixelRatio()
		w.PointerMove(c.X*s, c.Y*s) // a frame for every move, as Ebitengine gave one for every input event
	case command.Tap:
		s := page.DevicePixelRatio()
		w.PointerMove(c.X*s, c.Y*s)
		w.Click(c.X*s, c.Y*s)
	case command.Leave:
		return w.PointerLeave()
	default:
		if spec, ok := command.Lookup(c.Name); ok && spec.Where == command.Shell {
			return page.Shell(string(c.Name), false)
		}
		return false
	}
	return true
}

func (g *Game) ids() []string {
	ids := make([]string, g.w.Scenes())
	for i, sc := range g.w.Story().Scenes {
		ids[i] = sc.ID
	}
	return ids
}

// SetTheme sets "light", "dark" or "auto" (the reader's system, live).
func (g *Game) SetTheme(v string) {
	g.themeAuto = v != "light" && v != "dark"
	switch {
	case v == "dark" || g.themeAuto && page.Matches(darkQuery):
		g.w.SetTheme(widget.Dark)
		page.Mark("data-widget-theme", "dark")
	default:
		g.w.SetTheme(widget.Light)
		page.Mark("data-widget-theme", "light")
	}
}

const darkQuery = "(prefers-color-scheme: dark)"

// FollowTheme starts following the system's theme while it is "auto".
func (g *Game) FollowTheme() {
	page.WatchMedia(darkQuery, func(bool) {
		if g.themeAuto {
			g.SetTheme("auto")
			g.wake()
		}
	})
}

// play starts or stops autoplay: once the scene on screen is at rest, it
// stays for its suggested time, and the others follow on the schedule (the
// last ends it, or with loop=1 the first follows).
func (g *Game) play(on bool) {
	g.auto.Pause(time.Now())
	g.playing = on
	g.due = time.Time{}
}

// autoplay starts the schedule when the scene first rests, then shows the
// scene the schedule puts at now and arms one timer for the next step:
// frames run only when asked for.
func (g *Game) autoplay() {
	if !g.playing {
		return
	}
	now := time.Now()
	if !g.auto.Playing() {
		if !g.drawn || g.w.Animating() {
			return // counted from when the reader can see the scene
		}
		g.auto.Play(now, g.w.Scene())
	}
	i, ok := g.auto.At(now)
	if !ok {
		g.playing = false
		return
	}
	if i != g.w.Scene() {
		g.w.Go(i)
	}
	if next, ok := g.auto.Next(now); ok && !next.Equal(g.due) {
		g.due = next
		time.AfterFunc(time.Until(next), g.wake)
		page.WakeIn(time.Until(next)) // frames.js holds Go's timers at rest
	}
}

// HideControls leaves the on-canvas controls out (?controls=0: the host
// drives the scenes).
func (g *Game) HideControls() {
	g.bare = true
	g.screen = layout.Screen{}
	g.wake()
}

// SetPresent switches the stage layout on or off; the next Layout lays the
// scene out again.
func (g *Game) SetPresent(on bool) {
	if on != g.present {
		g.present = on
		g.screen = layout.Screen{}
		g.wake()
	}
}

func (g *Game) sceneSeconds() []uint16 {
	secs := make([]uint16, g.w.Scenes())
	for i, sc := range g.w.Story().Scenes {
		secs[i] = sc.Seconds
	}
	return secs
}

// wake asks for a frame, from Ebitengine and from the page's frame holder.
func (g *Game) wake() {
	ebiten.ScheduleFrame()
	page.Wake()
}

// Run starts Ebitengine. Frames run only while something moves or the reader
// does something, so an idle widget costs nothing.
func (g *Game) Run() error {
	ebiten.SetFPSMode(ebiten.FPSModeVsyncOffMinimum)
	ebiten.SetWindowTitle("Parallel Lines")
	return ebiten.RunGame(guarded{g}) // a panic becomes the error state (recover.go)
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
	if g.fonts != nil {
		g.takeFont() // later.go; off screen too: an export may be waiting
	}
	if !g.visible && g.drawn {
		if g.undescribed {
			g.report()
		}
		if g.unannounced {
			g.announce() // no frame will end the transition here
		}
		return nil // off screen: no ticks, no frames asked for
	}
	// Held for glyphs (later.go), the core's clock stands still (clock.go).
	held := g.waiting()
	if n := g.clock.ticks(time.Now(), held); n > 0 {
		g.w.Tick(n)
	}
	g.keepAhead() // ahead.go

	if !held {
		g.report() // held, the page goes on saying what the screen shows
	}
	g.autoplay()
	moving := g.w.Animating()
	if moving && !held {
		ebiten.ScheduleFrame() // held, the chunk's arrival wakes the next frame
	} else if !moving {
		g.clock.rest()
	}
	if g.unannounced && !moving {
		g.announceAfterFrame()
	}
	if moving != g.moving || !g.drawn {
		if !moving {
			g.layAhead() // ahead.go
		}
		g.moving = moving
		page.SetMotion(moving)
	}
	return nil
}

// report tells the page (and through it screen readers) what changed.
func (g *Game) report() {
	if id := g.w.SceneID(); id != g.scene || g.w.Lang() != g.lang || g.w.ReducedMotion() != g.still {
		g.scene, g.still = id, g.w.ReducedMotion()
		tag, still := g.w.Lang().Code(), g.still
		if g.drawn {
			// After the frame: history.replaceState and the page's
			// observers of the scene attribute were a millisecond or more
			// of a transition's first frame (bench/README.md 20).
			page.AfterFrame(func() { page.SetScene(id, tag, still) })
		} else {
			page.SetScene(id, tag, still) // the page reads it with "ready"
		}
		if g.drawn && g.w.Animating() {
			// Writing the text alternative takes 8–30 ms in the browser:
			// in a transition's first frame it was the slowest part of the
			// slowest frames. It is read and announced once the transition
			// ends, after its last, still frame.
			g.unannounced = true
		} else if g.drawn {
			g.announceAfterFrame()
		} else {
			g.undescribed = true
		}
	}
	// The first frame goes out without the text alternative: writing it
	// runs code nothing else runs yet (package alt), which the browser
	// compiles on first use, so it waits for the next frame (the entrance
	// is moving, so there is one) or, off screen, the next Update.
	if g.undescribed && g.drawn {
		g.undescribed = false
		page.Describe(g.w.Description())
	}
	if l := g.w.Lang(); l != g.lang {
		g.lang = l
		page.SetLang(l.Tag())
	}
	if id := g.w.SceneID(); g.drawn && id != g.sent {
		g.sent = id
		page.Emit(command.SceneEvent("scene", id, g.w.Scene(), g.w.Scenes()).JSON())
	}
	t, ok := g.w.Focused()
	if id := t.ID; id != g.focus {
		g.focus = id
		if ok {
			page.Announce(g.w.Label(t))
		}
	}
	// A card opened by the pointer or Enter is announced too; one that
	// opens on the focused element was just read with its focus.
	if c := g.w.Card(); c != g.card {
		g.card = c
		if c != "" && c != t.ID {
			page.Announce(g.w.Label(widget.Target{ID: c}))
		}
	}
}

// announceAfterFrame announces once this frame is out: reading the
// picture into text and writing it into the page took 1–5 ms, most of the
// slowest frames left at a transition's end (bench/README.md 20).
func (g *Game) announceAfterFrame() {
	g.unannounced = false
	page.AfterFrame(g.announce)
}

// announce writes the text alternative and says it in the live region.
func (g *Game) announce() {
	g.unannounced = false
	d := g.w.Description()
	page.Describe(d)
	page.Announce(d)
}

// Draw draws the core's frame.
func (g *Game) Draw(screen *ebiten.Image) {
	defer g.timeDraw(time.Now()) // frametime.go
	f := g.w.Frame()
	if g.held = g.holdFrame(&f); g.held { // later.go: its glyphs are still coming
		return
	}
	if !g.moving {
		// Layers serve only while something moves: a still picture is
		// drawn directly, so it is the same whatever came before it (a
		// layer's composite matches direct drawing only up to rounding).
		g.r.Release()
	}
	g.r.Draw(screen, &f)
	page.CountFrame()
	if !g.drawn {
		g.drawn = true
		g.sent = g.w.SceneID()
		page.Loaded()
		page.Emit(command.SceneEvent("ready", g.sent, g.w.Scene(), g.w.Scenes()).JSON())
		if g.restLater {
			g.restLater = false
			g.askFonts(true) // later.go: the other chunks, once the browser is idle
		}
	}
}

// Layout renders at device resolution, so text and lines stay crisp on
// high-density screens and after zooming.
func (g *Game) Layout(outsideW, outsideH int) (int, int) {
	dpr := page.DevicePixelRatio()
	scr := layout.Screen{
		W:          max(1, int(math.Ceil(float64(outsideW)*dpr))),
		H:          max(1, int(math.Ceil(float64(outsideH)*dpr))),
		Scale:      dpr,
		Present:    g.present,
		NoControls: g.bare,
	}
	if scr != g.screen {
		g.screen = scr
		g.w.Resize(scr)
	}
	return scr.W, scr.H
}

// Package widget is the widget's core: which scene is on screen, how the
// picture moves from one scene to the next, and what each frame shows. It
// turns layouts (package layout) into frames (package frame) and knows
// nothing of Ebitengine or the browser, so every behaviour here is tested
// without a GPU.
//
// Time is counted in ticks (TPS per second). Everything that moves is a pure
// function of the tick count, so a run is the same every time.
package widget

import (
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
)

// TPS is the number of ticks in a second.
const TPS = 60

// Transition lengths in ticks.
const (
	moveTicks = 42 // a full transition (700 ms): things slide, lines draw in
	fadeTicks = 12 // reduced motion: a short cross-fade, nothing travels
)

// Widget is the state of one widget.
type Widget struct {
	// Languages whose glyphs are not loaded yet (Hold), the one asked for
	// meanwhile, and whom to tell of the ask.
	held    [2]bool
	wanted  layout.Lang
	wanting bool
	onHeld  func(layout.Lang)

	story  *data.Story
	m      layout.Measurer
	scr    layout.Screen
	lang   layout.Lang
	theme  Theme
	reduce bool // reduced motion

	scene    int
	target   layout.Layout
	targets  []Target // of target, made on first use (Targets)
	from, to snapshot
	tick     int // ticks since the transition began
	dur      int
	clock    int // ticks since the scene opened, for the particles

	hover  string // target under the pointer
	focus  string // target with the keyboard focus
	card   string // element whose card is open
	pinned bool   // the card was opened by a click or Enter, not a hover

	placed map[placeKey]layout.Layout // layouts made so far (ahead.go)
}

// New starts a widget on scene (clamped to the story), drawing itself in.
// s must have passed data.Validate, which guarantees at least one scene.
func New(s *data.Story, m layout.Measurer, scr layout.Screen, lang layout.Lang, scene int) *Widget {
	w := &Widget{story: s, m: m, scr: scr, lang: lang, theme: Light}
	w.scene = max(0, min(scene, len(s.Scenes)-1))
	w.relayout()
	w.from = snapshot{}
	w.begin()
	return w
}

// Scene is the index of the current scene.
func (w *Widget) Scene() int { return w.scene }

// SceneID is the id of the current scene, as used in URLs.
func (w *Widget) SceneID() string { return w.story.Scenes[w.scene].ID }

// Scenes is the number of scenes.
func (w *Widget) Scenes() int { return len(w.story.Scenes) }

// Lang is the current language.
func (w *Widget) Lang() layout.Lang { return w.lang }

// Layout is the layout the widget is moving to (or standing in).
func (w *Widget) Layout() *layout.Layout { return &w.target }

// Go moves to scene i (clamped to the story). A call in the middle of a
// transition starts the new one from wherever things stand now, so repeated
// presses land cleanly on the last scene asked for.
func (w *Widget) Go(i int) {
	i = max(0, min(i, len(w.story.Scenes)-1))
	if i == w.scene {
		return
	}
	w.from = w.current().departed()
	w.scene = i
	w.clock = 0
	w.closeCard()
	w.hover = ""
	w.relayout()
	w.begin()
}

// GoID moves to the scene with id and reports whether there is one.
func (w *Widget) GoID(id string) bool {
	i := w.story.SceneIndex(id)
	if i >= 0 {
		w.Go(i)
	}
	return i >= 0
}

// Next and Prev step through the story.
func (w *Widget) Next() { w.Go(w.scene + 1) }
func (w *Widget) Prev() { w.Go(w.scene - 1) }

// SetLang switches language; labels cross-fade to the new text. A held
// language (Hold: its glyphs are still on their way) is only asked for: the
// widget stays in its language, so no frame ever draws text without its
// glyphs, and switches when Release says they are there.
func (w *Widget) SetLang(l layout.Lang) {
	if l > layout.En {
		return
	}
	if w.held[l] {
		if !w.wanting || w.wanted != l {
			w.wanted, w.wanting = l, true
			if w.onHeld != nil {
				w.onHeld(l)
			}
		}
		return
	}
	w.wanting = false // a later ask overrides an earlier one
	if l == w.lang {
		return
	}
	w.from = w.current().departed()
	w.lang = l
	w.relayout()
	w.begin()
}

// Hold keeps language l from being shown until Release(l); onAsk (may be
// nil) is told each time the reader asks for it meanwhile. The widget's
// current language cannot be held.
func (w *Widget) Hold(l layout.Lang, onAsk func(layout.Lang)) {
	if l <= layout.En && l != w.lang {
		w.held[l], w.onHeld = true, onAsk
	}
}

// Release makes language l available; if the reader asked for it while it
// was held, the widget switches now.
func (w *Widget) Release(l layout.Lang) {
	if l > layout.En || !w.held[l] {
		return
	}
	w.held[l] = false
	if w.wanting && w.wanted == l {
		w.SetLang(l)
	}
}

// Asked reports whether the reader has asked for a held language that has
// not been released yet, and which.
func (w *Widget) Asked() (layout.Lang, bool) { return w.wanted, w.wanting }

// SetTheme switches colours at once: a theme change follows the page, which
// has already changed.
func (w *Widget) SetTheme(t Theme) { w.theme = t }

// SetReducedMotion turns travelling motion into short cross-fades.
func (w *Widget) SetReducedMotion(on bool) {
	w.reduce = on
	if on && w.dur > fadeTicks { // a transition under way becomes a short fade
		w.tick = w.tick * fadeTicks / w.dur
		w.dur = fadeTicks
	}
}

// ReducedMotion reports whether motion is reduced.
func (w *Widget) ReducedMotion() bool { return w.reduce }

// Resize lays the current scene out for a new screen. At rest the picture
// jumps to the new layout, since it should never lag behind the window; a
// transition under way (such as the opening draw-in) carries on toward it.
func (w *Widget) Resize(scr layout.Screen) {
	if scr == w.scr {
		return
	}
	w.scr = scr
	w.relayout()
	w.to = fromLayout(&w.target)
	if !w.Animating() {
		w.from = w.to
	}
}

// Tick advances time by n ticks.
func (w *Widget) Tick(n int) {
	if w.tick < w.dur {
		w.tick = min(w.tick+n, w.dur)
	}
	if w.particlesRunning() {
		w.clock = min(w.clock+n, particleLife)
	}
}

// Animating reports whether the next tick would change the picture. When it
// is false the host can stop drawing until something happens.
func (w *Widget) Animating() bool { return w.tick < w.dur || w.particlesRunning() }

func (w *Widget) relayout() {
	w.target = w.place(w.scene)
	w.targets = nil // Targets makes them again
}

func (w *Widget) begin() {
	w.to = fromLayout(&w.target)
	w.tick = 0
	w.dur = moveTicks
	if w.reduce {
		w.dur = fadeTicks
	}
}

// progress is the eased position in the current transition, 0 to 1.
func (w *Widget) progress() float64 {
	if w.dur == 0 {
		return 1
	}
	t := float64(w.tick) / float64(w.dur)
	if w.reduce {
		return t
	}
	// Cubic ease in and out: starts and lands softly.
	if t < 0.5 {
		return 4 * t * t * t
	}
	f := 2*t - 2
	return 1 + f*f*f/2
}

func (w *Widget) current() snapshot {
	return mix(w.from, w.to, w.progress(), !w.reduce)
}

// Frame describes the picture at the current tick.
func (w *Widget) Frame() frame.List {
	return w.paint(w.current())
}

// Story is the dataset the widget shows.
func (w *Widget) Story() *data.Story { return w.story }

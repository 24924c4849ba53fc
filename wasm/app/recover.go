//go:build js && wasm

package app

import (
	"fmt"
	"os"
	"runtime/debug"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/parallel-lines/widget/wasm/internal/page"
)

// guarded runs a game's Update, Draw and Layout so that a panic in any of
// them ends the widget the way every other failure does: the page's error
// state with the message (page.Fail, which also sends the host its error
// event), no canvas left frozen on its last frame, and a clean stop of the
// loop. Without it a panic exits the Go program from inside Ebitengine's
// frame callback: the console gets the trace, the reader a picture that no
// longer answers.
type guarded struct{ g *Game }

// failed is set once a panic has been turned into the error state; the
// loop then stops at its next Update.
var failed bool

// debugPanic, when set (only by a build with the paniclab tag, for the
// browser test), reports whether Update should panic now.
var debugPanic func() bool

func (x guarded) Update() (err error) {
	if failed {
		return ebiten.Termination
	}
	defer stopOnPanic("Update", &err)
	if debugPanic != nil && debugPanic() {
		panic("a panic asked for by the paniclab build")
	}
	return x.g.Update()
}

func (x guarded) Draw(screen *ebiten.Image) {
	if failed {
		return
	}
	defer stopOnPanic("Draw", nil)
	x.g.Draw(screen)
}

func (x guarded) Layout(w, h int) (int, int) {
	if failed {
		return max(1, w), max(1, h)
	}
	defer stopOnPanic("Layout", nil)
	return x.g.Layout(w, h)
}

// stopOnPanic is deferred by the guarded calls: it recovers a panic and
// turns it into the error state. err, when given, makes the call return
// ebiten.Termination, which ends RunGame without an error of its own.
func stopOnPanic(where string, err *error) {
	p := recover()
	if p == nil {
		return
	}
	failed = true
	// The trace is for whoever debugs it (the console); the page says what
	// happened in words.
	fmt.Fprintf(os.Stderr, "parallel-lines: panic in %s: %v\n%s", where, p, debug.Stack())
	page.Fail(fmt.Sprintf("the graphic stopped after an internal error (%s: %v). Reload the page to try again.", where, p))
	// Ebitengine's canvas would keep the last frame standing over the page,
	// looking alive; the error message is what the reader should see.
	if c := js.Global().Get("document").Call("querySelector", "canvas"); c.Truthy() {
		c.Get("style").Set("display", "none")
	}
	if err != nil {
		*err = ebiten.Termination
	}
	ebiten.ScheduleFrame() // let the next Update end the loop
	page.Wake()
}

//go:build js && wasm && paniclab

package app

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/parallel-lines/widget/wasm/internal/page"
)

// A build with the paniclab tag (the browser test of panic safety, never
// dist/) exports window.parallelLines.panic(): the next Update panics, as a
// bug in the core would.
func init() {
	var armed bool
	debugPanic = func() bool { return armed }
	page.Export("panic", func(string) any {
		armed = true
		ebiten.ScheduleFrame()
		page.Wake()
		return nil
	})
}

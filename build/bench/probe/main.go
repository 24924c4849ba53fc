//go:build js && wasm

// Command probe times, inside WebAssembly in the browser, what the widget
// does before its first frame that does not depend on the screen: decoding
// the embedded story (data.Decode) and loading the font subset (text.Load).
// It sets window.__probe to "story=<µs> font=<µs>", each the median of 15
// runs, and exits.
package main

import (
	"fmt"
	"slices"
	"syscall/js"
	"time"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/text"
)

func median(f func() error) (int64, error) {
	var ds []int64
	for range 15 {
		t := time.Now()
		if err := f(); err != nil {
			return 0, err
		}
		ds = append(ds, time.Since(t).Microseconds())
	}
	slices.Sort(ds)
	return ds[len(ds)/2], nil
}

func main() {
	story, err := median(func() error { _, err := data.Decode(assets.Story); return err })
	if err != nil {
		js.Global().Set("__probe", "error "+err.Error())
		return
	}
	font, err := median(func() error { _, err := text.Load(assets.Font); return err })
	if err != nil {
		js.Global().Set("__probe", "error "+err.Error())
		return
	}
	js.Global().Set("__probe", fmt.Sprintf("story=%d font=%d", story, font))
}

// Command inventory writes the text inventory, every string the widget's
// canvas can draw (wasm/widget.Inventory) with whether it can be set in
// bold, to the file the font subsetter reads (the Makefile's FONT_TEXT), in
// the form of layout.InventoryFile: every character for the regular weight,
// then a "bold" line with the characters the bold weight needs. So the font
// has a glyph for every character the canvas may ever draw, in the weight
// it is drawn in.
//
// With -views it also writes which characters the opening views draw in
// Chinese (package views), the plan build/fontsubset -views cuts the
// Chinese glyphs into chunks by. The views are laid out with the committed
// font (assets.Font), whose widths decide what fits on a screen.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/build/inventory/views"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/typeset"
	"github.com/parallel-lines/widget/wasm/widget"
)

func main() {
	out := flag.String("o", "wasm/layout/inventory.txt", "output file")
	viewsOut := flag.String("views", "", "also write the opening views' Chinese characters to this `file`")
	flag.Parse()
	if err := run(*out, *viewsOut); err != nil {
		fmt.Fprintln(os.Stderr, "inventory:", err)
		os.Exit(1)
	}
}

func run(out, viewsOut string) error {
	s, err := data.Decode(assets.Story)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, []byte(layout.InventoryFile(widget.Inventory(s))), 0o644); err != nil {
		return err
	}
	if viewsOut == "" {
		return nil
	}
	f, err := typeset.Load(assets.Font)
	if err != nil {
		return err
	}
	return os.WriteFile(viewsOut, []byte(views.File(views.Chunks(s, f, views.Own()...))), 0o644)
}

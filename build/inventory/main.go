// Command inventory writes the text inventory, every string the widget's
// canvas can draw (wasm/widget.Inventory) with whether it can be set in
// bold, to the file the font subsetter reads (the Makefile's FONT_TEXT), in
// the form of layout.InventoryFile: every character for the regular weight,
// then a "bold" line with the characters the bold weight needs. So the font
// has a glyph for every character the canvas may ever draw, in the weight
// it is drawn in.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/widget"
)

func main() {
	out := flag.String("o", "wasm/layout/inventory.txt", "output file")
	flag.Parse()
	s, err := data.Decode(assets.Story)
	if err != nil {
		fmt.Fprintln(os.Stderr, "inventory:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, []byte(layout.InventoryFile(widget.Inventory(s))), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "inventory:", err)
		os.Exit(1)
	}
}

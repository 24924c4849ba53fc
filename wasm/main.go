//go:build js && wasm

// Command wasm is the widget as a WebAssembly program: it decodes the
// embedded story and font, then hands over to the app. Everything it calls
// is tested elsewhere; this file only wires.
package main

import (
	"strings"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/app"
	"github.com/parallel-lines/widget/wasm/internal/page"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/typeset"
	"github.com/parallel-lines/widget/wasm/widget"
)

func main() {
	story, err := data.Decode(assets.Story)
	if err != nil {
		page.Fail("the story data could not be read (" + err.Error() + ").")
		return
	}
	fonts, err := typeset.Load(assets.Font)
	if err != nil {
		page.Fail("the font could not be read (" + err.Error() + ").")
		return
	}
	// The real screen arrives with Ebitengine's first Layout call.
	scene := max(0, story.SceneIndex(page.Param("scene")))
	w := widget.New(story, fonts, layout.Screen{W: 1, H: 1, Scale: 1}, lang(), scene)
	g := app.New(w, fonts)
	page.Exports(w, fonts) // i10: the export calls of web/exports.js
	// The theme follows the page (?theme=dark|light), then the reader's
	// system, live.
	switch page.Param("theme") {
	case "dark":
		w.SetTheme(widget.Dark)
	case "light":
	default:
		g.Follow("(prefers-color-scheme: dark)", func(dark bool) {
			w.SetTheme(map[bool]widget.Theme{false: widget.Light, true: widget.Dark}[dark])
		})
	}
	g.Follow("(prefers-reduced-motion: reduce)", w.SetReducedMotion)
	if page.Param("motion") == "off" { // switched off before a reload
		w.SetReducedMotion(true)
	}
	if err := g.Run(); err != nil {
		page.Fail(err.Error())
	}
}

// lang follows the URL, then the reader's browser.
func lang() layout.Lang {
	l := page.Param("lang")
	if l == "" {
		l = page.BrowserLang()
	}
	if strings.HasPrefix(strings.ToLower(l), "zh") {
		return layout.Zh
	}
	if l == "" {
		return layout.Zh
	}
	return layout.En
}

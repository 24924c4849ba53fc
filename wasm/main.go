//go:build js && wasm

// Command wasm is the widget as a WebAssembly program: it decodes the
// embedded story and font, reads the URL's settings (package command), then
// hands over to the app. Everything it calls is tested elsewhere; this file
// only wires.
package main

import (
	"strings"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/app"
	"github.com/parallel-lines/widget/wasm/command"
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
	// Invalid settings fall back to their defaults, each with one warning.
	v, warns := command.MergeURL(page.URL())
	p, more := command.ParseParams(v)
	for _, w := range append(warns, more...) {
		page.Warn(w.String())
	}
	scene := 0
	if p.Scene.Index >= 0 || p.Scene.Scene != "" {
		if i, err := p.Scene.Resolve(sceneIDs(story)); err == nil {
			scene = i
		} else {
			page.Warn(err.Error() + "; showing the first scene")
		}
	}
	// The real screen arrives with Ebitengine's first Layout call.
	w := widget.New(story, fonts, layout.Screen{W: 1, H: 1, Scale: 1}, lang(p.Lang), scene)
	g := app.New(w, fonts)
	page.Exports(w, fonts) // the export calls of web/exports.js
	if !p.Controls {
		page.Mark("data-widget-controls", "0")
		g.HideControls()
	}
	g.SetTheme(p.Theme)
	g.FollowTheme()
	g.Follow("(prefers-reduced-motion: reduce)", func(on bool) { w.SetReducedMotion(on || p.Reduce) })
	if p.Autoplay {
		g.Apply(command.Params{Autoplay: true, Loop: p.Loop, Scene: command.Command{Index: -1}})
	}
	if err := g.Run(); err != nil {
		page.Fail(err.Error())
	}
}

func sceneIDs(s *data.Story) []string {
	ids := make([]string, len(s.Scenes))
	for i, sc := range s.Scenes {
		ids[i] = sc.ID
	}
	return ids
}

// lang follows the URL, then the reader's browser.
func lang(l string) layout.Lang {
	if l == "" {
		l = page.BrowserLang()
	}
	if l == "" || strings.HasPrefix(strings.ToLower(l), "zh") {
		return layout.Zh
	}
	return layout.En
}

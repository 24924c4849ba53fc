//go:build js && wasm

// Command wasm is the widget as a WebAssembly program: it decodes the
// embedded story and font, reads the URL's settings (package command), then
// hands over to the app. The wasm embeds only the font's base subset, what
// the English view draws; the Chinese glyphs are files of their own, in
// chunks, that the page fetches (the starting scene's with the wasm when it
// opens in Chinese and the others after ready, else all on the first
// switch) and that are merged in before anything that needs them is drawn.
// Everything it calls is tested elsewhere; this file only wires.
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
	fonts, err := typeset.Load(assets.FontBase)
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
	// A Chinese start waits for the chunks of Chinese glyphs its scene's
	// opening view needs, whose fetch the page began alongside the wasm's;
	// without them it starts in English (wasm/app later.go).
	chunks := app.NewFontChunks(page.FontChunks(), page.FontZh, fonts.Add, fonts.Own)
	start, zh := lang(p.Lang), false
	if start == layout.Zh {
		if err := chunks.Wait(chunks.Start(scene)); err != nil {
			page.Notice("中文字体无法载入，显示英文 · The Chinese text could not be loaded (" + err.Error() + "); showing English.")
			start = layout.En
		} else {
			zh = true
		}
	}
	// The real screen arrives with Ebitengine's first Layout call.
	w := widget.New(story, fonts, layout.Screen{W: 1, H: 1, Scale: 1}, start, scene)
	g := app.New(w, fonts)
	g.FontsLater(chunks, zh)
	page.Exports(w, fonts, g.ExportGlyphs())                                       // the export calls of web/exports.js
	page.Export("missingGlyphs", func(string) any { return int(fonts.Missing()) }) // hollow boxes drawn so far, for tests
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

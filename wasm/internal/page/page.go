//go:build js && wasm

// Package page is the widget's only contact with the browser's DOM: it
// reports the widget's state on the root element, shows errors in the page's
// status element, and reads and writes the URL and device pixel ratio. Keep
// it thin: anything that decides behaviour belongs in the core.
package page

import (
	"errors"
	"net/url"
	"strings"
	"syscall/js"
	"time"

	"github.com/parallel-lines/widget/wasm/command"
	"github.com/parallel-lines/widget/wasm/internal/jsonx"
)

var (
	doc  = js.Global().Get("document")
	root = doc.Get("documentElement")
)

// State values of the root element's data-widget-state.
const (
	Loading = "loading"
	Ready   = "ready"
	Error   = "error"
)

// SetState reports the widget's state for host CSS and tests.
func SetState(s string) { root.Call("setAttribute", "data-widget-state", s) }

// SetScene reports the current scene and keeps it, the language and a
// motion switched off in the URL's fragment (history replace, not a push per
// step), so that a reload (a lost WebGL context, a new pixel ratio, F5)
// returns to the same place, the same way.
func SetScene(id, lang string, still bool) {
	root.Call("setAttribute", "data-widget-scene", id)
	loc := js.Global().Get("location")
	hash := "#scene=" + url.QueryEscape(id) + "&lang=" + url.QueryEscape(lang)
	if still {
		hash += "&motion=reduce"
	}
	if loc.Get("hash").String() != hash {
		js.Global().Get("history").Call("replaceState", js.Null(), "", hash)
	}
}

// AfterFrame runs fn in a browser task of its own once the current frame is
// done (a setTimeout of 0, which frames.js does not hold): DOM work a frame
// need not wait for, such as the URL and the text alternative, then does
// not lengthen the frame. Calls made in one frame share one task and run in
// order. The game loop waits for its next animation frame meanwhile, so fn
// may touch the widget's state, as an Export may.
func AfterFrame(fn func()) {
	after = append(after, fn)
	if len(after) == 1 {
		js.Global().Call("setTimeout", runAfter, 0)
	}
}

var (
	after, ran []func()
	runAfter   = js.FuncOf(func(js.Value, []js.Value) any {
		// fn may ask for more: those go in a fresh list and task.
		fns := after
		after = ran[:0]
		for i, fn := range fns {
			fn()
			fns[i] = nil
		}
		ran = fns[:0]
		return nil
	})
)

// Mark sets an attribute of the root element, for host CSS and tests.
func Mark(name, value string) { root.Call("setAttribute", name, value) }

// URL returns the page's query and fragment, without "?" and "#".
func URL() (query, fragment string) {
	loc := js.Global().Get("location")
	return strings.TrimPrefix(loc.Get("search").String(), "?"), strings.TrimPrefix(loc.Get("hash").String(), "#")
}

// Warn writes a warning to the console.
func Warn(msg string) { js.Global().Get("console").Call("warn", msg) }

// Emit hands a widget → host event (JSON) to the page shell, which posts it
// to the host page (window.parallelLinesHost.emit in web/shell.js).
func Emit(event string) {
	if h := js.Global().Get("parallelLinesHost"); h.Truthy() && h.Get("emit").Type() == js.TypeFunction {
		h.Call("emit", event)
	}
}

// Shell performs a command that lives in the DOM (full screen, black
// screen, …) through window.parallelLinesShell[name] (web/present.js), and
// reports whether the page has it and it did not decline (return false).
// With strict, only a hook that returns true counts (escape: true when it
// closed an overlay of the page).
func Shell(name string, strict bool) bool {
	s := js.Global().Get("parallelLinesShell")
	if !s.Truthy() || s.Get(name).Type() != js.TypeFunction {
		return false
	}
	r := s.Call(name)
	if strict {
		return r.Type() == js.TypeBoolean && r.Bool()
	}
	return r.Type() != js.TypeBoolean || r.Bool()
}

// Wake tells the page's frame holder (web/frames.js) that a frame is
// wanted now.
func Wake() {
	if f := js.Global().Get("parallelLinesFrames"); f.Truthy() && f.Get("wake").Type() == js.TypeFunction {
		f.Call("wake")
	}
}

// WakeIn tells the page's frame holder that Go has a timer due in d that
// must run on time: at rest, frames.js holds Go's timers until a release.
func WakeIn(d time.Duration) {
	if f := js.Global().Get("parallelLinesFrames"); f.Truthy() && f.Get("at").Type() == js.TypeFunction {
		f.Call("at", d.Milliseconds())
	}
}

// Fail shows msg in the page's status element and puts the widget in the
// error state. The loader has made that element visible before the wasm ran,
// so a failure here is never a blank box.
func Fail(msg string) {
	js.Global().Get("console").Call("error", "parallel-lines: "+msg)
	if f := js.Global().Get("parallelLinesFail"); f.Type() == js.TypeFunction {
		f.Invoke(msg) // the loader's: message, host event and Retry (web/widget.js)
		return
	}
	if el := doc.Call("getElementById", "widget-status"); el.Truthy() {
		el.Set("textContent", msg)
		el.Get("classList").Call("add", "is-error")
		el.Set("hidden", false)
	}
	SetState(Error)
	Emit(`{"type":"parallel-lines","event":"error","message":` + jsonString(msg) + `}`)
}

// Loaded hides the loading message once the canvas has drawn, and tells the
// page shell the widget is listening.
func Loaded() {
	if el := doc.Call("getElementById", "widget-status"); el.Truthy() {
		el.Set("hidden", true)
	}
	SetState(Ready)
	if f := js.Global().Get("parallelLinesReady"); f.Type() == js.TypeFunction {
		f.Invoke()
	}
}

// Param returns a setting from the URL: the fragment (#scene=…&lang=…) wins
// over the query (?lang=…), since the fragment is what deep links carry.
func Param(name string) string {
	loc := js.Global().Get("location")
	if v := parse(strings.TrimPrefix(loc.Get("hash").String(), "#")).Get(name); v != "" {
		return v
	}
	return parse(strings.TrimPrefix(loc.Get("search").String(), "?")).Get(name)
}

func jsonString(s string) string { return string(jsonx.AppendString(nil, s)) }

func parse(s string) command.Values {
	v, _ := command.ParseQuery(s)
	return v
}

// BrowserLang is the reader's preferred language, e.g. "zh-CN".
func BrowserLang() string { return js.Global().Get("navigator").Get("language").String() }

// DevicePixelRatio is read afresh each time: it changes with browser zoom
// and when the window moves to another monitor, and Ebitengine caches its
// own copy.
func DevicePixelRatio() float64 {
	if r := js.Global().Get("devicePixelRatio"); r.Type() == js.TypeNumber && r.Float() > 0 {
		return r.Float()
	}
	return 1
}

// Matches reports a media query's answer now.
func Matches(query string) bool {
	mm := js.Global().Get("matchMedia")
	return mm.Truthy() && js.Global().Call("matchMedia", query).Get("matches").Bool()
}

// SetMotion reports whether the picture is moving ("moving") or at rest
// ("still"), so that screenshots and tests can wait for a settled frame.
func SetMotion(moving bool) {
	v := "still"
	if moving {
		v = "moving"
	}
	root.Call("setAttribute", "data-widget-motion", v)
}

// frames counts frames drawn, for the test that an idle widget draws none.
var frames int

// CountFrame records one drawn frame in window.__parallelLinesFrames.
func CountFrame() {
	frames++
	js.Global().Set("__parallelLinesFrames", frames)
}

// Export makes fn callable from the page shell as
// window.parallelLines[name](arg), arg read as a string ("" if absent). The
// browser runs such calls between frames, never during one, so fn may touch
// the widget's state directly. fn returns a bool, a string or nil.
func Export(name string, fn func(arg string) any) {
	ns := js.Global().Get("parallelLines")
	if !ns.Truthy() {
		ns = js.Global().Get("Object").New()
		js.Global().Set("parallelLines", ns)
	}
	ns.Set(name, js.FuncOf(func(_ js.Value, args []js.Value) any {
		arg := ""
		if len(args) > 0 && args[0].Truthy() {
			arg = args[0].String()
		}
		return fn(arg)
	}))
}

// Announce tells screen readers what just changed (a polite live region).
func Announce(text string) { setText("widget-live", text) }

// Describe replaces the text alternative of the whole picture.
func Describe(text string) { setText("widget-description", text) }

func setText(id, text string) {
	if el := doc.Call("getElementById", id); el.Truthy() && el.Get("textContent").String() != text {
		el.Set("textContent", text)
	}
}

// SetLang marks the document's language, so screen readers pronounce the
// live text correctly.
func SetLang(tag string) { root.Set("lang", tag) }

// WatchMedia calls fn with the new answer whenever a media query's answer
// changes (the reader switches the system to dark mode, say).
func WatchMedia(query string, fn func(matches bool)) {
	if !js.Global().Get("matchMedia").Truthy() {
		return
	}
	mq := js.Global().Call("matchMedia", query)
	mq.Call("addEventListener", "change", js.FuncOf(func(_ js.Value, args []js.Value) any {
		fn(args[0].Get("matches").Bool())
		return nil
	}))
}

// FontChunks is how many chunks the page serves the Chinese glyphs in
// (web/widget.js parallelLinesFont.chunks): the first scene's opening view
// first, the rest last. A page that does not say serves them in one.
func FontChunks() int {
	if n := js.Global().Get("parallelLinesFont").Get("chunks"); n.Type() == js.TypeNumber && n.Int() > 0 {
		return n.Int()
	}
	return 1
}

// FontZh asks the page for chunk i of the Chinese glyphs, a font file
// beside the wasm (web/widget.js fetches each once; those a start needs
// were started with the wasm; later ones wait for the browser to be idle;
// the offline file answers from its own copies), and calls done with its
// bytes or an error saying why not. done runs from the browser's event
// loop, not between frames.
func FontZh(i int, later bool, done func([]byte, error)) {
	get := js.Global().Get("parallelLinesFont")
	if get.Type() != js.TypeFunction {
		done(nil, errors.New("this page cannot load the Chinese font (no parallelLinesFont)"))
		return
	}
	var ok, bad js.Func
	release := func() { ok.Release(); bad.Release() }
	ok = js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer release()
		u8 := js.Global().Get("Uint8Array").New(args[0])
		b := make([]byte, u8.Get("length").Int())
		js.CopyBytesToGo(b, u8)
		done(b, nil)
		return nil
	})
	bad = js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer release()
		msg := "unknown error"
		if len(args) > 0 {
			if m := args[0].Get("message"); m.Type() == js.TypeString {
				msg = m.String()
			} else {
				msg = args[0].Call("toString").String()
			}
		}
		done(nil, errors.New(msg))
		return nil
	})
	get.Invoke(i, later).Call("then", ok, bad)
}

// Notice shows msg to the reader for a while in the page's status line,
// without the error state: the widget goes on (web/widget.js; the console
// has it on an older page).
func Notice(msg string) {
	js.Global().Get("console").Call("warn", "parallel-lines: "+msg)
	if f := js.Global().Get("parallelLinesNotice"); f.Type() == js.TypeFunction {
		f.Invoke(msg)
	}
}

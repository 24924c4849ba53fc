//go:build js && wasm

package page

import (
	"bytes"
	"errors"
	"image"
	"math"
	"strings"
	"syscall/js"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/alt"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/render/imager"
	"github.com/parallel-lines/widget/wasm/render/svgr"
	"github.com/parallel-lines/widget/wasm/widget"
)

// Fonts is what the exports draw with: the layout's measurer, the PNG
// backend's masks and the SVG backend's outlines (typeset.Fonts).
type Fonts interface {
	layout.Measurer
	frame.GlyphSource
	svgr.Glyphs
}

// View is what the exports need to know of the widget now.
type View interface {
	Scene() int
	SceneID() string
	Lang() layout.Lang
	Story() *data.Story
}

// Glyphs is what the exports know of glyphs still coming (wasm/app
// later.go): whether a frame draws one the font lacks, and a wait for
// them that calls done once, between frames, with nil when they are all
// in or the error that ends the wait (a failed fetch, a bounded time).
type Glyphs interface {
	Lacks(f *frame.List) bool
	Await(done func(error))
}

// maxExportPixels bounds a PNG export (about 4800×3400): beyond it the
// encoder in the browser takes seconds and the file tens of megabytes.
const maxExportPixels = 16 << 20

// Exports adds the calls web/exports.js makes:
//
//	parallelLines.exportImage("png" | "svg") → {name, type, data: Uint8Array}
//	parallelLines.sources() → {title, outlet, byline, interviewee, credit, items: [{what, cite}], outside: [...]}
//
// An image is the current scene as it settles, in the page's language and
// theme, drawn afresh (no card, no focus ring, no particles): a PNG at
// twice the screen's resolution (2 × devicePixelRatio per CSS pixel) by
// the x/image backend, or an SVG at CSS size by the SVG backend. Both draw
// inside the wasm, so the download is exactly the frame the widget draws;
// the browser only compresses the PNG's pixels (encodePNG). An image
// that would draw a glyph not loaded yet (a Chinese scene whose chunk is
// coming) is no hollow box: the call returns a promise of the file, drawn
// once g's wait ends, or of {error} if it failed.
func Exports(v View, f Fonts, g Glyphs) {
	Export("exportImage", func(kind string) any { return exportImage(v, f, g, kind) })
	Export("sources", func(string) any {
		s := alt.SourcesOf(v.Story(), v.Scene(), v.Lang())
		items := make([]any, 0, len(s.Items))
		for _, it := range s.Items {
			items = append(items, map[string]any{"id": it.ID, "what": it.What, "cite": it.Cite})
		}
		outside := make([]any, 0, len(s.Outside))
		for _, o := range s.Outside {
			outside = append(outside, map[string]any{"publisher": o.Publisher, "title": o.Title, "date": o.Date, "url": o.URL})
		}
		return map[string]any{"title": s.Title, "outlet": s.Outlet, "byline": s.Byline, "interviewee": s.Interviewee,
			"credit": s.Credit, "items": items, "outside": outside}
	})
}

// exportImage draws the file, or returns a promise of it when its frame
// lacks glyphs (g nil: the font is whole). What is drawn is decided now:
// the scene, language, theme and size the reader asked for, even if the
// widget has moved on when the glyphs come.
func exportImage(v View, f Fonts, g Glyphs, kind string) any {
	scene, lang := v.Scene(), v.Lang()
	canvas := doc.Call("querySelector", "canvas")
	cw, ch := 1200, 675
	if canvas.Truthy() && canvas.Get("clientWidth").Int() > 0 {
		cw, ch = canvas.Get("clientWidth").Int(), canvas.Get("clientHeight").Int()
	}
	th := theme()
	scr, scale := layout.Screen{W: cw, H: ch, Scale: 1}, 1.0
	if kind != "svg" {
		scale = 2 * DevicePixelRatio()
		if px := float64(cw*ch) * scale * scale; px > maxExportPixels {
			scale *= math.Sqrt(maxExportPixels / px)
		}
		scr = layout.Screen{W: int(float64(cw) * scale), H: int(float64(ch) * scale), Scale: scale}
	}
	draw := func(l *frame.List) any {
		name := v.Story().Scenes[scene].ID + "-" + lang.Code() + "-" + th.Name
		if kind == "svg" {
			d := alt.Describe(v.Story(), scene, lang)
			var b bytes.Buffer
			if err := svgr.Write(&b, l, f, svgr.Meta{Title: d.Title, Desc: d.String(), Lang: lang.Tag()}); err != nil {
				return errorValue(err)
			}
			return file(name+".svg", "image/svg+xml", b.Bytes())
		}
		b, err := encodePNG(imager.Draw(l, f))
		if err != nil {
			return errorValue(err)
		}
		return file(name+"@"+trimFloat(scale)+"x.png", "image/png", b)
	}
	l := settled(v.Story(), f, scr, lang, scene, th)
	if g == nil || !g.Lacks(&l) {
		return draw(&l)
	}
	// The glyphs come first; the layout is made again then, as the missing
	// ones were measured with a fallback advance.
	return promise(func(resolve func(any)) {
		g.Await(func(err error) {
			if err != nil {
				resolve(errorValue(err))
				return
			}
			l := settled(v.Story(), f, scr, lang, scene, th)
			resolve(draw(&l))
		})
	})
}

// promise returns a JavaScript promise that run resolves.
func promise(run func(resolve func(any))) js.Value {
	var exec js.Func
	exec = js.FuncOf(func(_ js.Value, args []js.Value) any {
		exec.Release() // called once, by the constructor
		resolve := args[0]
		run(func(v any) { resolve.Invoke(v) })
		return nil
	})
	return js.Global().Get("Promise").New(exec)
}

// settled is the frame the widget comes to rest on for scene at scr.
func settled(s *data.Story, f Fonts, scr layout.Screen, lang layout.Lang, scene int, th widget.Theme) frame.List {
	w := widget.New(s, f, scr, lang, scene)
	w.SetTheme(th)
	w.SetReducedMotion(true)
	for w.Animating() {
		w.Tick(1)
	}
	return w.Frame()
}

// theme is the page's theme, decided as wasm/main.go decides it: the URL,
// then the reader's system.
func theme() widget.Theme {
	switch Param("theme") {
	case "dark":
		return widget.Dark
	case "light":
		return widget.Light
	}
	if Matches("(prefers-color-scheme: dark)") {
		return widget.Dark
	}
	return widget.Light
}

// encodePNG has the browser compress m into a PNG, so that the wasm carries
// no PNG encoder (image/png and compress/zlib were about 30 KB of the
// brotli payload). The pixels go into a 2D canvas as they are: ImageData is
// non-premultiplied RGBA like image.NRGBA, and an export is opaque (the
// theme's background is drawn first), so the canvas keeps every value
// exactly. toDataURL is synchronous, so exportImage stays a plain call. Its
// base64 is undone by atob, whose "binary string" has one character per
// byte, 0–255: Go receives it as UTF-8 and takes each rune back as a byte.
func encodePNG(m *image.NRGBA) ([]byte, error) {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	c := doc.Call("createElement", "canvas")
	c.Set("width", w)
	c.Set("height", h)
	ctx := c.Call("getContext", "2d")
	if !ctx.Truthy() {
		return nil, errors.New("the browser gave no 2D canvas to encode the PNG")
	}
	pix := js.Global().Get("Uint8ClampedArray").New(len(m.Pix))
	js.CopyBytesToJS(pix, m.Pix)
	ctx.Call("putImageData", js.Global().Get("ImageData").New(pix, w, h), 0, 0)
	url := c.Call("toDataURL", "image/png").String()
	const prefix = "data:image/png;base64,"
	if !strings.HasPrefix(url, prefix) {
		return nil, errors.New("the browser did not encode a PNG")
	}
	bin := js.Global().Call("atob", url[len(prefix):]).String()
	b := make([]byte, 0, len(bin))
	for _, r := range bin {
		b = append(b, byte(r))
	}
	return b, nil
}

func file(name, typ string, b []byte) any {
	arr := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(arr, b)
	return map[string]any{"name": name, "type": typ, "data": arr}
}

func errorValue(err error) any { return map[string]any{"error": err.Error()} }

func trimFloat(v float64) string {
	r := math.Round(v*100) / 100
	s := js.Global().Get("String").Invoke(r).String()
	return s
}

//go:build js && wasm

// Command busy is the floor's frame-rate mode: the empty Ebitengine program
// of build/bench/floor, but redrawing every display frame with about the
// GPU load of one of the widget's transition frames — the screen filled,
// one screen-sized image composited (a layer), a few hundred small textured
// quads (glyphs) and one triangle batch of a few thousand vertices (the
// moving paths' meshes). Its Go work is a few loops; what it measures is how
// many frames per second Ebitengine and this browser's WebGL reach with
// that load, so that the widget's transition frame rate can be read
// against what the machine allows. It is a separate program so that the
// floor's size and start-up stay those of the empty one. With "?fill" in
// the URL it only fills the screen each frame: the rate of Ebitengine's
// loop and the browser's compositing alone.
package main

import (
	"image"
	"image/color"
	"math"
	"strings"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
)

// What one frame draws, after the widget's typical transition frame at
// 1280×720 (bench/README.md 17): a few hundred glyphs, about forty paths.
const (
	quads     = 400 // glyph-sized textured quads
	meshQuads = 1500
)

type game struct {
	fill   bool // only fill the screen
	frames int
	layer  *ebiten.Image // screen-sized, filled once
	atlas  *ebiten.Image // 16 glyph-like masks of 12×16
	white  *ebiten.Image
	verts  []ebiten.Vertex
	index  []uint32
}

func (g *game) Update() error { return nil }

func (g *game) Draw(dst *ebiten.Image) {
	w, h := dst.Bounds().Dx(), dst.Bounds().Dy()
	if g.layer == nil || g.layer.Bounds().Dx() != w || g.layer.Bounds().Dy() != h {
		g.setUp(w, h)
	}
	g.frames++
	t := float64(g.frames)
	dst.Fill(color.RGBA{0xf6, 0xf3, 0xee, 0xff})
	if g.fill {
		g.signal()
		return
	}
	dst.DrawImage(g.layer, nil)

	var o ebiten.DrawImageOptions
	for i := range quads {
		o.GeoM.Reset()
		o.GeoM.Translate(float64((i*37+g.frames)%w), float64((i*53)%h))
		o.ColorScale.Reset()
		o.ColorScale.ScaleWithColor(color.RGBA{0x22, 0x22, 0x22, 0xff})
		k := i % 16
		dst.DrawImage(g.atlas.SubImage(image.Rect(k*12, 0, k*12+12, 16)).(*ebiten.Image), &o)
	}

	// One batch of thin moving quads, premultiplied, as fringe meshes are.
	g.verts, g.index = g.verts[:0], g.index[:0]
	for i := range meshQuads {
		x := float32((i*29)%w) + float32(20*math.Sin(t/20+float64(i)))
		y := float32((i*17)%h) + float32(i%7)
		n := uint32(len(g.verts))
		for _, d := range [4][2]float32{{0, 0}, {24, 0}, {0, 3}, {24, 3}} {
			g.verts = append(g.verts, ebiten.Vertex{DstX: x + d[0], DstY: y + d[1], SrcX: 1.5, SrcY: 1.5,
				ColorR: 0.3, ColorG: 0.2, ColorB: 0.1, ColorA: 0.6})
		}
		g.index = append(g.index, n, n+1, n+2, n+1, n+3, n+2)
	}
	dst.DrawTriangles32(g.verts, g.index, g.white, &ebiten.DrawTrianglesOptions{ColorScaleMode: ebiten.ColorScaleModePremultipliedAlpha})
	g.signal()
}

// signal is the floor's frame count and ready state (build/bench/floor).
func (g *game) signal() {
	js.Global().Set("__parallelLinesFrames", g.frames)
	if g.frames == 1 {
		js.Global().Get("document").Get("documentElement").Call("setAttribute", "data-widget-state", "ready")
	}
}

func (g *game) setUp(w, h int) {
	if g.layer != nil {
		g.layer.Deallocate()
	}
	g.layer = ebiten.NewImage(w, h)
	px := make([]byte, 4*w*h)
	for y := range h {
		for x := 0; x < w; x += 2 { // a translucent pattern: every other pixel
			i := 4 * (y*w + x)
			px[i], px[i+1], px[i+2], px[i+3] = 0x20, 0x30, 0x40, 0x40
		}
	}
	g.layer.WritePixels(px)
	if g.atlas == nil {
		g.atlas = ebiten.NewImage(16*12, 16)
		m := make([]byte, 4*16*12*16)
		for i := 0; i < len(m); i += 4 {
			if (i/4)%3 != 0 {
				m[i], m[i+1], m[i+2], m[i+3] = 0xff, 0xff, 0xff, 0xff
			}
		}
		g.atlas.WritePixels(m)
		img := ebiten.NewImage(3, 3)
		img.Fill(color.White)
		g.white = img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
	}
}

func (g *game) Layout(w, h int) (int, int) { return w, h }

func main() {
	fill := strings.Contains(js.Global().Get("location").Get("search").String(), "fill")
	ebiten.RunGame(&game{fill: fill})
}

// Package text owns the widget's glyphs: the compact font subset format and
// its decoder, glyph outlines, metrics, measuring, line breaking and
// rasterising.
//
// We do not use Ebitengine's text/v2: its shaping engine costs ~0.7 MB
// brotli, and Chinese and English labels need no shaping. Instead the build
// step build/fontsubset converts the outlines of the runes the widget shows
// into a small MessagePack file (see [Font]), and this package fills those
// outlines itself with golang.org/x/image/vector's rasteriser (its copy
// without image/draw, wasm/internal/raster). Both the live Ebitengine
// backend and the static PNG poster backend take their glyph masks from
// [Face.Glyph], so they draw identical text.
//
// The package imports neither Ebitengine nor syscall/js, so it builds and is
// tested on linux as well as js/wasm.
//
// Units: outlines and advances are stored in font units (UnitsPerEm per em)
// with the y axis pointing down and the origin at the pen position on the
// baseline. Every size argument is a font size in pixels (px per em).
package text

//go:build !(js && wasm)

package assets

import _ "embed"

// FontZh is the rest of the font: the glyphs only the Chinese view draws.
// Native tools (posters, previews, webdist, tests) have it; the wasm never
// embeds it.
//
//go:embed fonts/subset.zh.bin
var FontZh []byte

// Font is the whole font, the two subsets back to back, which text.Load
// reads as one: what the tools and tests draw both languages with.
var Font = append(FontBase[:len(FontBase):len(FontBase)], FontZh...)

//go:build !(js && wasm)

package assets

import _ "embed"

// The Chinese glyphs, the ones only the Chinese view draws, in the chunks
// the page fetches them in (build/fontsubset -views): what the first
// scene's opening view needs, what the other scenes' opening views add,
// and the rest. Native tools (posters, previews, webdist, tests) have them;
// the wasm never embeds them.
var (
	//go:embed fonts/subset.zh.first.bin
	fontZhFirst []byte
	//go:embed fonts/subset.zh.scenes.bin
	fontZhScenes []byte
	//go:embed fonts/subset.zh.rest.bin
	fontZhRest []byte
)

// FontZhChunks are the chunks of the Chinese glyphs, in the order the page
// serves them; Name is the chunk's (build/inventory/views.Names).
var FontZhChunks = []FontChunk{{"first", fontZhFirst}, {"scenes", fontZhScenes}, {"rest", fontZhRest}}

// FontZh is the Chinese glyphs whole, the chunks back to back.
var FontZh = join(nil, FontZhChunks)

// Font is the whole font, the base and the chunks back to back, which
// text.Load reads as one: what the tools and tests draw both languages
// with.
var Font = join(FontBase, FontZhChunks)

func join(b []byte, cs []FontChunk) []byte {
	out := append([]byte(nil), b...)
	for _, c := range cs {
		out = append(out, c.Bytes...)
	}
	return out
}

package assets

import _ "embed"

// FontBase is the base subset of Noto Sans SC (Regular and Bold): every
// character the English view draws, and printable ASCII. It is the only
// font the wasm embeds; the Chinese glyphs, in chunks
// (fonts/subset.zh.*.bin, FontZhChunks), ship beside it in dist/ and are
// fetched and merged in (text.Font.Add) only for the Chinese view. Both are build/fontsubset output, from the
// sources and licence in fonts/.
//
//go:embed fonts/subset.bin
var FontBase []byte

// FontChunk is one file of the Chinese glyphs: its name and its bytes, a
// subset in the format of wasm/text that text.Font.Add merges.
type FontChunk struct {
	Name  string
	Bytes []byte
}

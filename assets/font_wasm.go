//go:build js && wasm

package assets

// In the wasm, Font is the base alone and the Chinese glyphs are empty: they
// are not embedded but fetched (wasm/main.go). They exist so that code
// vetted for wasm, tests included, builds; the program loads FontBase.
var (
	Font         = FontBase
	FontZh       []byte
	FontZhChunks []FontChunk
)

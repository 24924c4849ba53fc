//go:build js && wasm

package assets

// Font in the wasm is the base alone: the Chinese glyphs are not embedded
// but fetched (wasm/main.go). It exists so that code vetted for wasm, tests
// included, builds; the program itself loads FontBase.
var Font = FontBase

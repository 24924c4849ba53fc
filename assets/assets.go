// Package assets holds the bytes the widget embeds: the compiled story
// dataset and the font subsets (font.go). All are build outputs committed so
// that a plain `go build` works; `make generate` rebuilds them and CI checks
// that the committed copies match their sources byte for byte.
package assets

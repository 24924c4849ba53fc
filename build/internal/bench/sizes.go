package bench

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
)

// Size is one file's or one set's bytes: raw, gzip -9, and brotli at
// quality 11 with a 16 MB window, as build/webdist precompresses the files
// it ships (the brotli tool's default; the figures were taken with
// a 4 MB window, which leaves the wasm 23 KB larger and the floor 2.7 KB
// smaller: bench/README.md 19).
type Size struct {
	Raw    int `json:"raw"`
	Gzip   int `json:"gzip"`
	Brotli int `json:"brotli"`
}

// Add returns the sum of two sizes.
func (s Size) Add(o Size) Size { return Size{s.Raw + o.Raw, s.Gzip + o.Gzip, s.Brotli + o.Brotli} }

// Encoded is a file in its three encodings.
type Encoded struct {
	Raw, Gzip, Brotli []byte
}

// Size returns the lengths of the three encodings.
func (e *Encoded) Size() Size { return Size{len(e.Raw), len(e.Gzip), len(e.Brotli)} }

// Encode compresses b. Brotli at quality 11 is slow in pure Go (about a
// minute for the 12 MB program), so its output is kept in cacheDir under
// the SHA-256 of the input when cacheDir is not empty.
func Encode(b []byte, cacheDir string) (*Encoded, error) {
	e := &Encoded{Raw: b}
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	w.Write(b)
	if err := w.Close(); err != nil {
		return nil, err
	}
	e.Gzip = gz.Bytes()

	sum := sha256.Sum256(b)
	cached := ""
	if cacheDir != "" {
		cached = filepath.Join(cacheDir, hex.EncodeToString(sum[:])+".w24.br") // the window in the name: an older cache was 22
		if c, err := os.ReadFile(cached); err == nil {
			e.Brotli = c
			return e, nil
		}
	}
	var br bytes.Buffer
	bw := brotli.NewWriterOptions(&br, brotli.WriterOptions{Quality: 11, LGWin: 24})
	bw.Write(b)
	if err := bw.Close(); err != nil {
		return nil, err
	}
	e.Brotli = br.Bytes()
	if cached != "" {
		if err := os.MkdirAll(cacheDir, 0o755); err == nil {
			os.WriteFile(cached, e.Brotli, 0o644) // a cache: failing to keep it is no error
		}
	}
	return e, nil
}

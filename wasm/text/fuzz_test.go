package text

import (
	"bytes"
	"testing"
)

// FuzzLoad checks that Load never panics or over-allocates, and that what
// it accepts can be used and re-encoded. The committed seeds in
// testdata/fuzz/FuzzLoad are a valid tiny font and broken variants of it.
//
//	go test ./wasm/text -run '^$' -fuzz FuzzLoad -fuzztime 60s
func FuzzLoad(f *testing.F) {
	f.Add(encode(f, tinyFont(f)))
	f.Fuzz(func(t *testing.T, b []byte) {
		font, err := Load(b)
		if err != nil {
			if font != nil {
				t.Fatal("font and error both returned")
			}
			return
		}
		exercise(font)
		enc, err := font.Encode()
		if err != nil {
			t.Fatalf("a loaded font does not encode: %v", err)
		}
		again, err := Load(enc)
		if err != nil {
			t.Fatalf("re-encoded font does not load: %v", err)
		}
		if enc2, _ := again.Encode(); !bytes.Equal(enc, enc2) {
			t.Fatal("encoding is not stable")
		}
	})
}

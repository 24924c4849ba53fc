package data_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/data"
)

// The shipped dataset, damaged in every way a download or a disk can damage
// it, gives an error from Decode: never a panic, never a hang, never an
// allocation out of proportion. The loops are bounded by iteration counts,
// so the test's time does not depend on the machine.

// maxDecodeAlloc bounds what one Decode of a damaged file may allocate: the
// real story decodes in well under a megabyte.
const maxDecodeAlloc = 16 << 20

// decode runs Decode on b, turning a panic into a test failure that names
// what was decoded, and measures what it allocated.
func decode(t *testing.T, what string, b []byte) (s *data.Story, err error) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("%s: Decode panicked: %v", what, p)
			}
		}()
		s, err = data.Decode(b)
	}()
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > maxDecodeAlloc {
		t.Fatalf("%s: Decode allocated %d MB, more than %d", what, n>>20, maxDecodeAlloc>>20)
	}
	if err == nil && s == nil {
		t.Fatalf("%s: Decode returned neither a story nor an error", what)
	}
	if err != nil && s != nil {
		t.Fatalf("%s: Decode returned a story and an error (%v)", what, err)
	}
	return s, err
}

func shipped(t *testing.T) []byte {
	t.Helper()
	if _, err := data.Decode(assets.Story); err != nil {
		t.Fatalf("the shipped dataset does not decode: %v", err)
	}
	return assets.Story
}

// Every cut of the file is an error that says the data is corrupt. All cuts
// in the first kilobyte (the header, token table and first elements), then
// one in every 97 bytes.
func TestDecodeTruncatedDataset(t *testing.T) {
	good := shipped(t)
	n := 0
	for cut := 0; cut < len(good); cut++ {
		if cut > 1024 && cut%97 != 0 {
			continue
		}
		n++
		what := fmt.Sprintf("the first %d of %d bytes", cut, len(good))
		_, err := decode(t, what, good[:cut])
		if err == nil {
			t.Fatalf("%s decode without an error", what)
		}
		if want := map[bool]string{true: "empty", false: "corrupt"}[cut == 0]; !strings.Contains(err.Error(), want) {
			t.Fatalf("%s: error %q does not say %q", what, err, want)
		}
	}
	t.Logf("%d cuts, each an error", n)
}

// Flipped bits either give an error or, where the flip lands in a letter
// or a number that still makes sense, a story (which Decode has validated). Single flips at every position of the first kilobyte,
// then 1,000 random single flips and 300 bursts of 2–16 flipped bytes,
// from a fixed seed.
func TestDecodeBitFlippedDataset(t *testing.T) {
	good := shipped(t)
	rng := rand.New(rand.NewPCG(13, 1))
	errs, oks := 0, 0
	try := func(what string, b []byte) {
		s, err := decode(t, what, b)
		if err != nil {
			errs++
			return
		}
		oks++
		if len(s.Scenes) == 0 {
			t.Fatalf("%s: decoded without an error into a story without scenes", what)
		}
	}
	flip := func(pos int, bit uint) []byte {
		b := append([]byte(nil), good...)
		b[pos] ^= 1 << bit
		return b
	}
	for pos := range min(1024, len(good)) {
		try(fmt.Sprintf("bit %d of byte %d flipped", pos%8, pos), flip(pos, uint(pos%8)))
	}
	for range 1000 {
		pos, bit := rng.IntN(len(good)), uint(rng.IntN(8))
		try(fmt.Sprintf("bit %d of byte %d flipped", bit, pos), flip(pos, bit))
	}
	for range 300 {
		b := append([]byte(nil), good...)
		at, n := rng.IntN(len(good)), 2+rng.IntN(15)
		for i := at; i < min(len(b), at+n); i++ {
			b[i] = byte(rng.Uint32())
		}
		try(fmt.Sprintf("bytes %d–%d scrambled", at, at+n), b)
	}
	t.Logf("%d damaged files gave an error, %d still decoded into a valid story", errs, oks)
	if errs == 0 {
		t.Fatal("no damaged file gave an error: is the check of the damage switched off?")
	}
}

// Oversized input: a file above the size cap, the file with bytes after its
// end, and lengths that claim far more than the file holds (an array, a map,
// a string and a binary of 2^31 elements inserted at many positions) are
// errors, and none makes the decoder allocate what it claims.
func TestDecodeOversizedDataset(t *testing.T) {
	good := shipped(t)
	if _, err := decode(t, "a file over the size cap", make([]byte, data.MaxEncodedSize+1)); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Fatalf("a file over the size cap: error %v, want one that says it is more than the cap", err)
	}
	padded := append(append([]byte(nil), good...), make([]byte, 4096)...)
	if _, err := decode(t, "the file followed by 4 KB of zeros", padded); err == nil || !strings.Contains(err.Error(), "unexpected bytes") {
		t.Fatalf("the file followed by zeros: error %v, want one about unexpected bytes", err)
	}
	claims := map[string][]byte{
		"array32": {0xdd, 0x80, 0, 0, 0},
		"map32":   {0xdf, 0x80, 0, 0, 0},
		"str32":   {0xdb, 0x80, 0, 0, 0},
		"bin32":   {0xc6, 0x80, 0, 0, 0},
		"array16": {0xdc, 0xff, 0xff},
	}
	n := 0
	for name, claim := range claims {
		for at := 0; at < len(good); at += 1 + at/8 {
			n++
			b := append(append(append([]byte(nil), good[:at]...), claim...), good[at:]...)
			if _, err := decode(t, fmt.Sprintf("%s of 2^31 inserted at byte %d", name, at), b); err == nil {
				t.Fatalf("%s inserted at byte %d decoded without an error", name, at)
			}
			// The same claim in place of what is there.
			b = append([]byte(nil), good...)
			copy(b[at:], claim)
			decode(t, fmt.Sprintf("%s of 2^31 written over byte %d", name, at), b)
		}
	}
	t.Logf("%d oversized claims, each an error within %d MB", n, maxDecodeAlloc>>20)
}

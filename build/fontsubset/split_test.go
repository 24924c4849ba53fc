package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallel-lines/widget/wasm/text"
)

// TestSplit: with -zh the base holds exactly the "en" lines' runes and
// printable ASCII per weight, the other file the rest, no rune is in both,
// and the two back to back load as the font a run without -zh writes.
func TestSplit(t *testing.T) {
	in := writeInput(t, "inventory.txt", "header\n中文王智：“泡沫”…é\nbold\t王智“泡”…\nen\t“中文”…é\nen bold\t中…\n")
	dir := t.TempDir()
	whole, base, zh := filepath.Join(dir, "whole.bin"), filepath.Join(dir, "base.bin"), filepath.Join(dir, "zh.bin")
	var stdout, stderr bytes.Buffer
	if code := cli([]string{"-o", whole, "-src", srcDir, in}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if code := cli([]string{"-o", base, "-zh", zh, "-src", srcDir, in}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	read := func(p string) []byte {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	load := func(b []byte) *text.Font {
		f, err := text.Load(b)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	w, b, z := load(read(whole)), load(read(base)), load(read(zh))
	nonASCII := func(f *text.Font, wt text.Weight) string {
		var out []rune
		for _, r := range f.Runes(wt) {
			if r < 0x20 || r >= 0x7f {
				out = append(out, r)
			}
		}
		return string(out)
	}
	for _, c := range []struct {
		f          *text.Font
		wt         text.Weight
		want, name string
	}{
		{b, text.Regular, "é“”…中文", "base regular"},
		{b, text.Bold, "…中", "base bold"},
		{z, text.Bold, "“”智泡王", "zh bold"}, // the bold line's runes the en bold line lacks
	} {
		if got := nonASCII(c.f, c.wt); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	if n := len(z.Runes(text.Regular)); n == 0 || z.Lookup(text.Regular, 'a') != nil || z.Lookup(text.Regular, '中') != nil {
		t.Errorf("zh regular has %d runes, ASCII or the base's in it", n)
	}
	if z.Lookup(text.Regular, '王') == nil || z.Lookup(text.Regular, '，') == nil {
		t.Error("zh regular lacks 王 or the fixed CJK punctuation")
	}
	joined := load(append(read(base), read(zh)...))
	for _, wt := range []text.Weight{text.Regular, text.Bold} {
		if got, want := string(joined.Runes(wt)), string(w.Runes(wt)); got != want {
			t.Errorf("%v: base+zh %q, whole %q", wt, got, want)
		}
	}
}

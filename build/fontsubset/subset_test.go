package main

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"

	"github.com/parallel-lines/widget/wasm/text"
)

const srcDir = "../../assets/fonts/source"

func writeInput(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSubsetDeterministic(t *testing.T) {
	in := writeInput(t, "story.yaml", "title:\n  zh: 对话韦豪创芯王智：这不是泡沫——“基建”……\n  en: \"It's not a bubble\" – é ©\n")
	ui := writeInput(t, "ui.txt", "下一页\t上一页\r\nbold\t韦豪“x”\n")
	dir := t.TempDir()
	out1, out2 := filepath.Join(dir, "a.bin"), filepath.Join(dir, "b.bin")
	var stdout, stderr bytes.Buffer
	for _, out := range []string{out1, out2} {
		if code := cli([]string{"-o", out, "-src", srcDir, in, ui}, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
	a, _ := os.ReadFile(out1)
	b, _ := os.ReadFile(out2)
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Fatalf("two runs differ (%d and %d bytes)", len(a), len(b))
	}
	if !strings.HasPrefix(stdout.String(), "fontsubset: ") || !strings.Contains(stdout.String(), " bytes -> "+out1) {
		t.Errorf("summary %q", stdout.String())
	}

	f, err := text.Load(a)
	if err != nil {
		t.Fatal(err)
	}
	// Regular: the input's runes, printable ASCII and the fixed
	// punctuation; no tab, line ends or bold tag. Bold: the bold line's
	// runes and printable ASCII.
	want := [2]map[rune]bool{{}, {}}
	for _, r := range "对话韦豪创芯王智：这不是泡沫——“基建”……下一页上一页é©–" + cjkPunct {
		want[text.Regular][r] = true
	}
	for _, r := range "韦豪“”" {
		want[text.Bold][r] = true
	}
	for r := rune(0x20); r < 0x7f; r++ {
		want[text.Regular][r] = true
		want[text.Bold][r] = true
	}
	for _, w := range []text.Weight{text.Regular, text.Bold} {
		want := want[w]
		got := f.Runes(w)
		if len(got) != len(want) {
			t.Errorf("%v: %d runes, want %d", w, len(got), len(want))
		}
		for _, r := range got {
			if !want[r] {
				t.Errorf("%v: unexpected rune %q", w, r)
			}
		}
	}
	if f.UnitsPerEm != 1000 || f.Ascent != 1160 || f.Descent != 288 {
		t.Errorf("metrics: %d %d %d", f.UnitsPerEm, f.Ascent, f.Descent)
	}
	// The glyph came from the font: same advance as the source.
	if got := f.Face(text.Bold).Advance('A', 1000); got != 641 {
		t.Errorf("bold A advance %v, want 641", got)
	}
}

func TestSubsetMissingRunes(t *testing.T) {
	in := writeInput(t, "story.yaml", "ok: 中文\nbad: Жx ✈\n  again: Ж ✈ 中\n")
	other := writeInput(t, "ui.txt", "蓐\nbold\t中Ѣ\n") // the tag counts as five columns
	out := filepath.Join(t.TempDir(), "subset.bin")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := cli([]string{"-o", out, "-src", srcDir, in, other}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	// A rune of a bold line lacks both weights; the others only need, and
	// so only lack, the regular one.
	want := in + ":2:6: no glyph for U+0416 'Ж' (regular)\n" +
		in + ":2:9: no glyph for U+2708 '✈' (regular)\n" +
		other + ":1:1: no glyph for U+84D0 '蓐' (regular)\n" +
		other + ":2:7: no glyph for U+0462 'Ѣ'\n"
	if stderr.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), want)
	}
	if b, _ := os.ReadFile(out); string(b) != "old" {
		t.Errorf("output was overwritten")
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("left %d files behind", len(entries))
	}
}

func TestSubsetBadInput(t *testing.T) {
	bad := writeInput(t, "bad.txt", "ab\ncd\xffe")
	var stdout, stderr bytes.Buffer
	out := filepath.Join(t.TempDir(), "x.bin")
	if code := cli([]string{"-o", out, "-src", srcDir, bad}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), bad+":2:3: invalid UTF-8") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	stderr.Reset()
	if code := cli([]string{"-o", out, "-src", t.TempDir(), bad}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "no such file") {
		t.Errorf("missing sources: exit %d, stderr %q", code, stderr.String())
	}
	if code := cli(nil, &stdout, &stderr); code != 2 {
		t.Errorf("no arguments: exit %d", code)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("output written")
	}
}

func TestDecodeWOFF(t *testing.T) {
	for _, ws := range sourceFiles {
		for _, name := range ws {
			b, err := os.ReadFile(filepath.Join(srcDir, name))
			if err != nil {
				t.Fatal(err)
			}
			ttf, err := decodeWOFF(b)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			// totalSfntSize in the header is what the spec says the
			// decoded font must measure.
			if total := binary.BigEndian.Uint32(b[16:]); int(total) != len(ttf) {
				t.Errorf("%s: decoded %d bytes, header says %d", name, len(ttf), total)
			}
			if _, err := sfnt.Parse(ttf); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
}

func TestDecodeWOFFCorrupt(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(srcDir, sourceFiles[text.Regular][latin]))
	if err != nil {
		t.Fatal(err)
	}
	edit := func(off int, v ...byte) []byte {
		c := bytes.Clone(b)
		copy(c[off:], v)
		return c
	}
	dir := func(table, field int) int { return woffHeaderSize + table*woffDirEntrySize + field }
	for _, c := range []struct {
		name string
		b    []byte
		want string
	}{
		{"empty", nil, "shorter than"},
		{"woff2", append([]byte("wOF2"), make([]byte, 60)...), "WOFF2"},
		{"signature", edit(0, 'x'), "bad signature"},
		{"length", b[:len(b)-1], "header says"},
		{"no tables", edit(12, 0, 0), "0 tables"},
		{"directory past end", edit(12, 0xff, 0xff), "tables"},
		{"table past end", edit(dir(0, 4), 0xff, 0xff, 0, 0), "outside the data area"},
		{"table over directory", edit(dir(0, 4), 0, 0, 0, 0), "outside the data area"},
		{"comp > orig", edit(dir(0, 12), 0, 0, 0, 1), "exceeds its original length"},
		{"huge table", edit(dir(0, 12), 0x7f, 0xff, 0xff, 0xff), "claims"},
		{"unsorted", edit(dir(0, 0), 'z', 'z', 'z', 'z'), "not sorted"},
		{"zlib", edit(int(binary.BigEndian.Uint32(b[dir(1, 4):])), 0, 0, 0, 0), "zlib"},
	} {
		if _, err := decodeWOFF(c.b); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
	// Every truncation fails cleanly.
	for n := 0; n < len(b); n += 97 {
		if _, err := decodeWOFF(b[:n]); err == nil {
			t.Fatalf("truncated to %d bytes: no error", n)
		}
	}
}

// FuzzDecodeWOFF checks that no input makes the WOFF decoder panic.
func FuzzDecodeWOFF(f *testing.F) {
	b, err := os.ReadFile(filepath.Join(srcDir, sourceFiles[text.Regular][latin]))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		if ttf, err := decodeWOFF(b); err == nil {
			sfnt.Parse(ttf)
		}
	})
}

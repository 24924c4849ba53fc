package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/build/inventory/views"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/text"
	"github.com/parallel-lines/widget/wasm/typeset"
)

// TestCutByViews: -views cuts the Chinese glyphs into one file per chunk
// the plan names and one for the rest; a glyph goes to the first chunk
// whose views draw it in its weight, the files are disjoint, and base plus
// chunks load as the font a run without -zh writes.
func TestCutByViews(t *testing.T) {
	in := writeInput(t, "inventory.txt", "header\n中文王智泡沫，\nbold\t王智泡\nen\t“中”\nen bold\t中\n")
	plan := writeInput(t, "views.txt", views.Header+"\na\t王中x\na bold\t王\nb\t王泡\nb bold\t泡智\n")
	dir := t.TempDir()
	whole, base, zh := filepath.Join(dir, "whole.bin"), filepath.Join(dir, "base.bin"), filepath.Join(dir, "zh.bin")
	var stdout, stderr bytes.Buffer
	if code := cli([]string{"-o", whole, "-src", srcDir, in}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if code := cli([]string{"-o", base, "-zh", zh, "-views", plan, "-src", srcDir, in}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(zh); err == nil {
		t.Error("with -views the single Chinese file was written too")
	}
	want := map[string][2]string{ // non-ASCII runes per weight
		"a":    {"王", "王"},
		"b":    {"智泡", "智泡"}, // a bold line's runes are drawn in regular too
		"rest": {"文沫，…", ""}, // and the fixed CJK punctuation beyond it; checked below
	}
	all := readFile(t, base)
	for _, name := range []string{"a", "b", "rest"} {
		b := readFile(t, ChunkPath(zh, name))
		all = append(all, b...)
		f, err := text.Load(b)
		if err != nil {
			t.Fatal(err)
		}
		for w, tw := range []text.Weight{text.Regular, text.Bold} {
			got := string(f.Runes(tw))
			if name == "rest" && w == 0 {
				for _, r := range want[name][w] {
					if !strings.ContainsRune(got, r) {
						t.Errorf("rest %v lacks %q: %q", tw, r, got)
					}
				}
				if strings.ContainsAny(got, "王泡智中x") {
					t.Errorf("rest %v has a chunk's or the base's runes: %q", tw, got)
				}
				continue
			}
			if got != want[name][w] {
				t.Errorf("chunk %s %v: %q, want %q", name, tw, got, want[name][w])
			}
		}
	}
	joined, err := text.Load(all)
	if err != nil {
		t.Fatalf("base and chunks back to back: %v", err) // a rune in two files fails here
	}
	w := loadFont(t, readFile(t, whole))
	for _, tw := range []text.Weight{text.Regular, text.Bold} {
		if got, want := string(joined.Runes(tw)), string(w.Runes(tw)); got != want {
			t.Errorf("%v: base+chunks %q, whole %q", tw, got, want)
		}
	}
	// A plan that is not one is refused before anything is written.
	bad := writeInput(t, "bad.txt", "not a plan\n")
	if code := cli([]string{"-o", base, "-zh", zh, "-views", bad, "-src", srcDir, in}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), bad) {
		t.Errorf("a bad plan: exit %d, %s", code, stderr.String())
	}
}

// TestShippedChunks checks the committed font against the views: the plan
// (assets/fonts/views.txt) is what the views are today; every Chinese glyph
// the inventory needs is in exactly one chunk, the one the plan says (the
// first whose views draw it in its weight, else the rest); and no opening
// view lacks a glyph once the chunks its start waits for (the first for the
// first scene, every chunk but the rest for another) are merged into the
// base, in the weight it is drawn in.
func TestShippedChunks(t *testing.T) {
	s, err := data.Decode(assets.Story)
	if err != nil {
		t.Fatal(err)
	}
	m, err := typeset.Load(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	sets := views.Chunks(s, m, views.Own()...)
	if got, want := string(readFile(t, "../../assets/fonts/views.txt")), views.File(sets); got != want {
		t.Fatal("assets/fonts/views.txt is not what the views draw today: run make font")
	}
	base := loadFont(t, assets.FontBase)
	if len(assets.FontZhChunks) != len(sets)+1 {
		t.Fatalf("%d chunks shipped, the plan has %d and the rest", len(assets.FontZhChunks), len(sets))
	}
	chunks := make([]*text.Font, len(assets.FontZhChunks))
	for i, c := range assets.FontZhChunks {
		if want := views.Names[i]; c.Name != want {
			t.Errorf("chunk %d is %q, want %q", i, c.Name, want)
		}
		chunks[i] = loadFont(t, c.Bytes)
	}
	whole := loadFont(t, assets.Font)
	for w, tw := range []text.Weight{text.Regular, text.Bold} {
		for _, r := range whole.Runes(tw) {
			if base.Own(tw, r) {
				continue
			}
			want := len(sets) // the rest
			for i, set := range sets {
				if set[w][r] {
					want = i
					break
				}
			}
			for i, c := range chunks {
				if has := c.Own(tw, r); has != (i == want) {
					t.Errorf("%v %q: in chunk %s %v, the plan puts it in %s", tw, r, views.Names[i], has, views.Names[want])
				}
			}
		}
	}
	for i := range s.Scenes {
		need := 1
		if i != 0 {
			need = len(chunks) - 1
		}
		f := loadFont(t, assets.FontBase)
		for _, c := range assets.FontZhChunks[:need] {
			if err := f.Add(c.Bytes); err != nil {
				t.Fatal(err)
			}
		}
		o := views.Opening(s, i, m)
		for w, tw := range []text.Weight{text.Regular, text.Bold} {
			for r := range o[w] {
				if !f.Own(tw, r) {
					t.Errorf("scene %s opens with %v %q, which base + %v lack", s.Scenes[i].ID, tw, r, views.Names[:need])
				}
			}
		}
	}
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func loadFont(t *testing.T, b []byte) *text.Font {
	t.Helper()
	f, err := text.Load(b)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

package data

import (
	"bytes"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// roundTrip spells a and b with a table built from corpus and reads them back.
func roundTrip(t *testing.T, corpus []string, a, b string) Text {
	t.Helper()
	table := newTokenTable(corpus)
	enc := table.appendText(nil, a)
	enc = append(enc, tokenEnd)
	enc = table.appendText(enc, b)
	toks, err := parseTokenTable(table.marshal())
	if err != nil {
		t.Fatalf("table does not parse: %v", err)
	}
	if !slices.Equal(toks, table.tokens) {
		t.Fatalf("table changed in transit")
	}
	got, err := newExpander(toks).text(enc)
	if err != nil {
		t.Fatalf("token string %x does not expand: %v", enc, err)
	}
	return got
}

func TestTextCodec(t *testing.T) {
	cases := []string{
		"", " ", "  two  spaces ", "a", "中", "\n", "line one\nline two\r\n\ttab",
		"OpenAI 与英伟达、AMD 的“联盟”……", "Parallel Lines: the US–China AI-chip race",
		"emoji 🚀🇨🇳 and 👩‍💻", "é è ß Жx ✈", "\x00nul\x00", "\xff\xfeinvalid\xc3", "a\u200bb",
		strings.Repeat("the ", 300), strings.Repeat("中", 300), strings.Repeat("x", MaxTokenLen+5) + " ",
	}
	for _, s := range cases {
		if got := roundTrip(t, cases, s, s+"!"); got.Zh != s || got.En != s+"!" {
			t.Errorf("%q came back as %q / %q", s, got.Zh, got.En)
		}
		// A table built without s still spells it (by escapes).
		if got := roundTrip(t, []string{"unrelated text"}, s, ""); got.Zh != s {
			t.Errorf("%q without its tokens came back as %q", s, got.Zh)
		}
	}
}

// More distinct characters than ids: the rarest are escaped, nothing is lost.
func TestTokenTableOverflow(t *testing.T) {
	var sb strings.Builder
	for r := rune(0x4E00); r < 0x4E00+MaxTokens+500; r++ {
		sb.WriteRune(r)
	}
	s := sb.String()
	table := newTokenTable([]string{s, "中中中"})
	if len(table.tokens) != MaxTokens {
		t.Fatalf("table has %d tokens, want %d", len(table.tokens), MaxTokens)
	}
	if table.tokens[0] != "中" {
		t.Errorf("most used token is %q, want 中", table.tokens[0])
	}
	if got := roundTrip(t, []string{s, "中中中"}, s, "中中中"); got.Zh != s {
		t.Error("overflowing text did not round-trip")
	}
}

func TestTokenTableOrder(t *testing.T) {
	corpus := []string{"文中文 b a", "文", strings.Repeat("the ", 15)}
	reversed := slices.Clone(corpus)
	slices.Reverse(reversed)
	a, b := newTokenTable(corpus), newTokenTable(reversed)
	if !slices.Equal(a.tokens, b.tokens) {
		t.Fatalf("table depends on text order: %q vs %q", a.tokens, b.tokens)
	}
	// 文 and "the " are used more than 中; 文 and 中 are kept whatever their
	// gain, "the " because it saves enough; "a", "b " are left literal.
	want := []string{"the ", "文", "中"}
	if !slices.Equal(a.tokens, want) {
		t.Fatalf("tokens %q, want %q", a.tokens, want)
	}
}

// Every text of the real story, spelt with the real table, comes back
// exactly; and the committed file re-encodes to the very same bytes.
func TestRealStrings(t *testing.T) {
	b, err := os.ReadFile("../assets/story.msgpack")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, b) {
		t.Fatal("decoding and encoding the committed story changes its bytes")
	}
	texts := allTexts(s)
	table := newTokenTable(texts)
	x := newExpander(table.tokens)
	tokBytes, textBytes := 0, 0
	for _, text := range texts {
		enc := table.appendText(nil, text)
		got, rest, ended, err := x.next(enc)
		if err != nil || got != text || ended || len(rest) != 0 {
			t.Fatalf("%q came back as %q (%v)", text, got, err)
		}
		tokBytes += len(enc)
		textBytes += len(text)
	}
	t.Logf("%d texts, %d bytes as UTF-8, %d as tokens; table of %d tokens in %d bytes",
		len(texts), textBytes, tokBytes, len(table.tokens), len(table.marshal()))
	if tokBytes*10 > textBytes*8 {
		t.Errorf("token strings are %d bytes for %d of text: the table no longer pays", tokBytes, textBytes)
	}
}

// allTexts lists every string of every Text in s, Chinese then English.
func allTexts(s *Story) []string {
	var out []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			walk(v.Elem())
		case reflect.Struct:
			if t, ok := v.Interface().(Text); ok {
				out = append(out, t.Zh, t.En)
				return
			}
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(s))
	return out
}

// Any two strings, spelt with a table built from the first, come back exactly.
func FuzzTextCodec(f *testing.F) {
	f.Add("两条平行线", "Two parallel lines")
	f.Add("OpenAI 与英伟达、AMD", "OpenAI, Nvidia and AMD")
	f.Add("", "")
	f.Add("\x00\xff", "🚀\n")
	f.Fuzz(func(t *testing.T, a, b string) {
		got := roundTrip(t, []string{a}, a, b)
		if got.Zh != a || got.En != b {
			t.Fatalf("(%q, %q) came back as (%q, %q)", a, b, got.Zh, got.En)
		}
		// Cost: at most two bytes per byte of input (escapes), one per
		// ASCII byte of the text the table was built from, whatever the mix.
		enc := newTokenTable([]string{a}).appendText(nil, a)
		if len(enc) > 2*len(a) {
			t.Fatalf("%q takes %d bytes as tokens", a, len(enc))
		}
		full := len(newTokenTable([]string{a}).tokens) == MaxTokens
		if utf8.ValidString(a) && !strings.ContainsRune(a, 0) && !full && len(enc) > len(a) {
			t.Fatalf("valid text %q grew from %d to %d bytes", a, len(a), len(enc))
		}
	})
}

// Any table and token string: parsed and expanded within the limits, never
// a panic.
func FuzzTokenStrings(f *testing.F) {
	table := newTokenTable([]string{"两条平行线", "the the the the the the the the the the the the "})
	enc := append(table.appendText(nil, "两条平行线"), tokenEnd)
	f.Add(table.marshal(), table.appendText(enc, "the lines"))
	f.Add([]byte{1, 32}, []byte{0x80, 0x80, 0xF0, 0x00, 0xFF})
	f.Fuzz(func(t *testing.T, tb, text []byte) {
		toks, err := parseTokenTable(tb)
		if err != nil {
			return
		}
		if len(toks) > MaxTokens {
			t.Fatalf("%d tokens accepted", len(toks))
		}
		x := newExpander(toks)
		got, err := x.text(text)
		if err == nil && len(got.Zh)+len(got.En) > MaxTextBytes {
			t.Fatalf("expanded to %d bytes", len(got.Zh)+len(got.En))
		}
	})
}

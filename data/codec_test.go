package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/tinylib/msgp/msgp"
)

func TestRoundTrip(t *testing.T) {
	s := validStory()
	b, err := Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	// Claims are a build-time ledger and do not travel.
	want := *s
	want.Claims = nil
	stripClaims(&want)
	if !reflect.DeepEqual(got, &want) {
		t.Fatalf("round trip changed the story:\n got %+v\nwant %+v", got, &want)
	}
}

// stripClaims clears what msgp leaves out (msg:"-").
func stripClaims(s *Story) {
	s.Meta.Basis.Claims = nil
	for i := range s.Quotes {
		s.Quotes[i].Basis.Claims = nil
	}
}

func TestDecodeRejects(t *testing.T) {
	good, err := Encode(validStory())
	if err != nil {
		t.Fatal(err)
	}
	invalid := validStory()
	invalid.Actors[0].Role.En = ""
	bad, _ := Encode(invalid)
	old := validStory()
	old.Version = 0
	oldB, _ := Encode(old)

	// A short message claiming a 2^31-element array: without limits the
	// generated decoder would allocate before reading and exhaust memory.
	// Here it is the source list, after a valid version, token table, meta
	// and paragraph table.
	w := wire{Version: FormatVersion, Tokens: []byte{0}}
	huge, _ := w.MarshalMsg(nil)
	huge = huge[:len(huge)-11]               // cut after the paragraphs (11 empty lists)
	huge = append(huge, 0xdd, 0x80, 0, 0, 0) // array32 of 2^31

	cases := map[string]struct {
		in   []byte
		want string
	}{
		"empty":         {nil, "empty"},
		"truncated":     {good[:len(good)/2], "corrupt"},
		"one byte":      {good[:1], "corrupt"},
		"trailing":      {append(append([]byte{}, good...), 0xc0), "unexpected bytes"},
		"too large":     {make([]byte, MaxEncodedSize+1), "more than"},
		"not msgpack":   {[]byte("{\"version\":1}"), "corrupt"},
		"invalid story": {bad, "missing English"},
		"old version":   {oldB, "format version 0"},
		"version 1":     {[]byte{0x9e, 0x01, 0xc0}, "format version 1, this build reads 3"},
		"huge array":    {huge, "limit"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			s, err := Decode(c.in)
			if err == nil || s != nil {
				t.Fatalf("want an error, got story %v", s != nil)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q does not say %q", err, c.want)
			}
		})
	}
	if _, err := Decode(huge); !errors.Is(err, msgp.ErrLimitExceeded) {
		t.Errorf("huge array: want ErrLimitExceeded, got %v", err)
	}
}

// Token strings, the token table and references are checked as they are
// read: a crafted file can neither index outside the table or the story nor
// expand into more memory than MaxTextBytes.
func TestDecodeRejectsBadWire(t *testing.T) {
	oneToken := func(tok string) []byte { // a table of one token
		return append([]byte{1, byte(len(tok))}, tok...)
	}
	bomb := func(w *wire) {
		// 8 scenes × 16,383 ids × 32 bytes = 4 MiB from 131 KiB on the wire.
		toks, err := parseTokenTable(w.Tokens)
		if err != nil || len(toks) >= oneByteTokens {
			t.Fatal("want a short table", err)
		}
		long := tokenTable{tokens: append(toks, strings.Repeat("x", MaxTokenLen))}
		w.Tokens = long.marshal()
		for i := range w.Scenes {
			w.Scenes[i].Notes = append(bytes.Repeat([]byte{byte(tokenOneByte + len(toks))}, maxTextWire-1), tokenEnd)
		}
	}
	cases := []struct {
		name   string
		break_ func(w *wire)
		want   string
	}{
		{"one-byte id out of range", func(w *wire) { w.Actors[0].Role = wireText{tokenTwoByte - 1, tokenEnd, 'x'} },
			"actors[0].role: token 111 is out of range (the table has"},
		{"two-byte id out of range", func(w *wire) { w.Meta.Title = wireText{'a', tokenEnd, 0xFE, 0xFF} },
			"meta.title: token 3951 is out of range"},
		{"two-byte code cut short", func(w *wire) { w.Markets[0].Has = wireText{'a', tokenEnd, 0xF0} },
			"markets[0].has: token string ends inside a two-byte code"},
		{"escape cut short", func(w *wire) { w.Markets[0].Has = wireText{tokenRawByte} },
			"ends inside a two-byte code"},
		{"text without its English", func(w *wire) { w.Quotes[0].Text = wireText("abc") },
			"quotes[0].text: text has no end byte between its Chinese and its English"},
		{"text in three parts", func(w *wire) { w.Quotes[0].Text = wireText("a\x00b\x00c") }, "more than two parts"},
		{"too many tokens", func(w *wire) { w.Tokens = appendUvarint(nil, MaxTokens+1) },
			"token table has 3953 tokens, more than the 3952 ids can name"},
		{"table over its wire limit", func(w *wire) { w.Tokens = make([]byte, maxTableWire+1) }, "limit"},
		{"text over its wire limit", func(w *wire) { w.Scenes[0].Notes = make(wireText, maxTextWire+1) }, "limit"},
		{"token too long", func(w *wire) { w.Tokens = oneToken(strings.Repeat("x", MaxTokenLen+1)) },
			"token 0 is 33 bytes (want 1–32)"},
		{"empty token", func(w *wire) { w.Tokens = []byte{1, 0} }, "token 0 is 0 bytes"},
		{"table cut short", func(w *wire) { w.Tokens = []byte{3, 1, 1} }, "token table is truncated"},
		{"table with trailing bytes", func(w *wire) { w.Tokens = append(oneToken("中"), 'x') }, "after its last token"},
		{"expansion bomb", bomb, "texts expand to more than 2097152 bytes"},
		{"reference out of range", func(w *wire) { w.Relations[0].From = ref{pos: 5001} },
			"relations[0].from: reference to element 5000, the story has"},
		{"scene shows out of range", func(w *wire) { w.Scenes[1].Shows[0] = ref{pos: 1000} }, "scenes[1].shows[0]: reference to element 999"},
		{"odd paragraph table", func(w *wire) { w.Paragraphs = w.Paragraphs[:3] }, "odd number of bytes"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w, err := toWire(validStory())
			if err != nil {
				t.Fatal(err)
			}
			c.break_(w)
			b, err := w.MarshalMsg(nil)
			if err != nil {
				t.Fatal(err)
			}
			s, err := Decode(b)
			if err == nil || s != nil {
				t.Fatalf("want an error, got story %v", s != nil)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q does not say %q", err, c.want)
			}
		})
	}
}

// A reference that names no element travels as its text, so that a story
// with a dangling reference decodes to the same validation problem.
func TestDanglingReferenceSurvives(t *testing.T) {
	s := validStory()
	s.Relations[0].To = "amd"
	b, err := Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Decode(b); err == nil || !strings.Contains(err.Error(), `relations[0].to: unknown id "amd"`) {
		t.Fatalf("got %v", err)
	}
}

func TestEncodeRefusesOverlongText(t *testing.T) {
	s := validStory()
	s.Scenes[0].Notes.Zh = strings.Repeat("\x00", maxTextWire)
	if _, err := Encode(s); err == nil || !strings.Contains(err.Error(), "more than the 16384 a text may take") {
		t.Fatalf("got %v", err)
	}
}

// The same story gives the same bytes, and figures keep their exact values.
func TestEncodeDeterministic(t *testing.T) {
	s := validStory()
	s.Figures[0].Value, s.Figures[0].Max, s.Figures[0].Qualifier = 1.5, 1e300, Range
	a, _ := Encode(s)
	for range 5 {
		if b, _ := Encode(s); !bytes.Equal(a, b) {
			t.Fatal("two encodings differ")
		}
	}
	got, err := Decode(a)
	if err != nil {
		t.Fatal(err)
	}
	if f := got.Figures[0]; f.Value != 1.5 || f.Max != 1e300 {
		t.Fatalf("figure came back as %v–%v", f.Value, f.Max)
	}
}

// The JSON download and the embedded msgpack must say the same thing.
func TestJSONMatchesMsgpack(t *testing.T) {
	s := validStory()
	js, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var fromJSON Story
	if err := json.Unmarshal(js, &fromJSON); err != nil {
		t.Fatal(err)
	}
	b, _ := Encode(s)
	fromMsgpack, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&fromJSON, fromMsgpack) {
		t.Fatal("JSON and msgpack disagree")
	}
	// Paragraphs read as the interview writes them.
	if !bytes.Contains(js, []byte(`"cite":["P`)) {
		t.Errorf("citations are not written as P numbers in JSON: %.200s", js)
	}
}

func FuzzDecode(f *testing.F) {
	good, _ := Encode(validStory())
	f.Add(good)
	f.Add(good[:len(good)/3])
	f.Add([]byte{0x9f})
	if real, err := os.ReadFile("../assets/story.msgpack"); err == nil {
		f.Add(real)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Decode(b)
		if (s == nil) == (err == nil) {
			t.Fatalf("Decode returned story=%v err=%v", s != nil, err)
		}
		if s != nil {
			// Whatever decodes must encode again to something that decodes.
			again, err := Encode(s)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Decode(again); err != nil {
				t.Fatal(err)
			}
		}
	})
}

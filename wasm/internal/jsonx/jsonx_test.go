package jsonx

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
)

// The writer must write what encoding/json writes: the page's inspect()
// and the host events were encoding/json's output before.
var strs = []string{"", "plain", `quote " back \ slash`, "<script>&</script>", "\b\f\n\r\t\x00\x1f\x7f",
	"中文 “引号” — …", "\u2028\u2029", "\xff\xfe bad", "a\xc3", "🏳️‍🌈", "\ufffd"}

var floats = []float64{0, -0.0, 1, -1, 0.1, 1.25, 123456789, 1e20, 1e21, 1.5e300, 1e-6, 9.99e-7, 1e-7, -2.5e-9, 5e-324,
	math.MaxFloat64, 0.30000000000000004, 12.34, 1280, 720.5}

func TestWriterMatchesEncodingJSON(t *testing.T) {
	for _, s := range strs {
		want, _ := json.Marshal(s)
		if got := AppendString(nil, s); string(got) != string(want) {
			t.Errorf("AppendString(%q) = %s, encoding/json: %s", s, got, want)
		}
	}
	for _, f := range floats {
		want, _ := json.Marshal(f)
		if got := AppendFloat(nil, f); string(got) != string(want) {
			t.Errorf("AppendFloat(%v) = %s, encoding/json: %s", f, got, want)
		}
	}
	var w Writer
	w.Object()
	w.Key("s")
	w.Str("x")
	w.Key("n")
	w.Array()
	w.Int(1)
	w.Float(2.5)
	w.Array()
	w.EndArray()
	w.Object()
	w.EndObject()
	w.EndArray()
	w.Key("b")
	w.Bool(true)
	w.EndObject()
	if got, want := w.String(), `{"s":"x","n":[1,2.5,[],{}],"b":true}`; got != want || w.Err() != nil {
		t.Errorf("Writer wrote %s (err %v), want %s", got, w.Err(), want)
	}
}

func TestWriterRefusesNaN(t *testing.T) {
	var w Writer
	w.Array()
	w.Float(math.NaN())
	w.Float(math.Inf(-1))
	w.EndArray()
	if w.Err() == nil || !strings.Contains(w.Err().Error(), "NaN") {
		t.Fatalf("NaN written without an error: %s, %v", w.String(), w.Err())
	}
	if !json.Valid(w.Bytes()) {
		t.Fatalf("output %s is not JSON", w.Bytes())
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range strs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := AppendString(nil, s); string(got) != string(want) {
			t.Fatalf("AppendString(%q) = %s, encoding/json: %s", s, got, want)
		}
	})
}

func TestMembers(t *testing.T) {
	m, err := Members([]byte(` {"type":"parallel-lines", "n": -1.5e3, "o": {"a":[1,{"b":null}]}, "t":true, "z":null,
		"esc":"a\"\\\/\b\f\n\r\t\u00e9\ud83c\udff3\ud800x", "type":"last"} `))
	if err != nil {
		t.Fatal(err)
	}
	if m["type"].Str != "last" {
		t.Errorf("duplicate member: %q, want the last", m["type"].Str)
	}
	if f, ok := m["n"].Float(); !ok || f != -1500 || m["n"].Raw != "-1.5e3" {
		t.Errorf("n = %v %v %q", f, ok, m["n"].Raw)
	}
	if m["o"].Kind != Object || m["o"].Raw != `{"a":[1,{"b":null}]}` {
		t.Errorf("o = %+v", m["o"])
	}
	if m["t"].Kind != Bool || m["z"].Kind != Null {
		t.Errorf("t, z = %+v, %+v", m["t"], m["z"])
	}
	if want := "a\"\\/\b\f\n\r\té🏳\ufffdx"; m["esc"].Str != want {
		t.Errorf("esc = %q, want %q", m["esc"].Str, want)
	}
	if _, ok := m["o"].Float(); ok {
		t.Error("an object read as a number")
	}
	if v, _ := Members([]byte(`{"n":1e400}`)); v != nil {
		if _, ok := v["n"].Float(); ok {
			t.Error("1e400 read as a float64")
		}
	}
}

// Malformed input is refused with what is wrong and where.
func TestMembersMalformed(t *testing.T) {
	for _, c := range []struct{ in, msg string }{
		{``, "empty input, want an object at byte 0"},
		{`   `, "empty input, want an object at byte 3"},
		{`[1]`, `want an object, found '[' at byte 0`},
		{`null`, `want an object, found 'n' at byte 0`},
		{`{`, "want a member name (a string), found the end at byte 1"},
		{`{"a"}`, `want ':' after a member name, found '}' at byte 4`},
		{`{"a":}`, `want a value, found '}' at byte 5`},
		{`{"a":1,}`, `want a member name (a string), found '}' at byte 7`},
		{`{"a":1 "b":2}`, `want ',' or '}' in an object, found '"' at byte 7`},
		{`{"a":1}x`, `text after the object: 'x' at byte 7`},
		{`{"a":01}`, `want ',' or '}' in an object, found '1' at byte 6`},
		{`{"a":-}`, `want a digit in a number, found '}' at byte 6`},
		{`{"a":1.}`, `want a digit after '.' in a number, found '}' at byte 7`},
		{`{"a":1e}`, `want a digit in a number's exponent, found '}' at byte 7`},
		{`{"a":tru}`, `want a value, found 't' at byte 5`},
		{`{"a":"x`, "unterminated string at byte 7"},
		{"{\"a\":\"\x01\"}", "control character byte 0x1 in a string at byte 6"},
		{`{"a":"\x"}`, `invalid escape \'x' in a string at byte 7`},
		{`{"a":"\u12"}`, `want four hex digits after \u at byte 8`},
		{`{"a":[1,2}`, `want ',' or ']' in an array, found '}' at byte 9`},
		{`{"a":[1`, "unterminated array at byte 7"},
		{`{"a":1`, "unterminated object at byte 6"},
		{`{"a":` + strings.Repeat("[", MaxDepth+1), "nested deeper than 256 at byte 260"},
	} {
		m, err := Members([]byte(c.in))
		var se *SyntaxError
		if !errors.As(err, &se) || m != nil {
			t.Errorf("Members(%q) = %v, %v; want a *SyntaxError", c.in, m, err)
			continue
		}
		if err.Error() != c.msg {
			t.Errorf("Members(%q): %q, want %q", c.in, err.Error(), c.msg)
		}
	}
}

// The reader accepts what encoding/json accepts as an object, and reads
// the same members.
func FuzzMembers(f *testing.F) {
	for _, s := range []string{`{}`, `{"type":"parallel-lines","command":"goto","scene":3}`, `{"a":[{"b":"\ud800"}],"c":-0.5e+2}`,
		`{"a":"\u00e9\ud83c\udff3"}`, "{\"a\":\"\xff\"}", `{"a":1,"a":"x"}`, ` [] `, `{"a":tr}`, `{"a" : 1e999 }`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Members(b)
		var ref map[string]json.RawMessage
		refErr := json.Unmarshal(b, &ref)
		if err != nil && strings.Contains(err.Error(), "nested deeper") {
			return // encoding/json allows 10,000 levels
		}
		if (err == nil) != (refErr == nil && ref != nil) {
			t.Fatalf("Members(%q): err %v; encoding/json: %v (map %v)", b, err, refErr, ref != nil)
		}
		if err != nil {
			if !strings.Contains(err.Error(), " at byte ") {
				t.Fatalf("error %q does not say where", err)
			}
			return
		}
		if len(m) != len(ref) {
			t.Fatalf("Members(%q): %d members, encoding/json %d", b, len(m), len(ref))
		}
		for k, raw := range ref {
			v := m[k]
			if strings.TrimSpace(string(raw)) != v.Raw {
				// encoding/json keeps raw text verbatim, nested space included
				t.Fatalf("member %q: raw %q, encoding/json %q", k, v.Raw, raw)
			}
			if v.Kind == String {
				var s string
				if err := json.Unmarshal(raw, &s); err != nil || s != v.Str {
					t.Fatalf("member %q: %q, encoding/json %q (%v)", k, v.Str, s, err)
				}
			}
		}
	})
}

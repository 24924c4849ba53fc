package data

import (
	"bytes"
	"encoding/json"
	"errors"
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

	// A 13-byte message claiming a 2^31-element array: without limits the
	// generated decoder would allocate before reading and exhaust memory.
	// Here it is the paragraph table, after a valid version and meta.
	huge := msgp.AppendArrayHeader(nil, 14)
	huge = msgp.AppendUint16(huge, FormatVersion)
	meta := validStory().Meta
	huge, _ = meta.MarshalMsg(huge)
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

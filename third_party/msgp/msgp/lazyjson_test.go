package msgp

import (
	"bytes"
	"testing"
	"time"
)

// The parallel-lines patch builds the JSON jump tables on first use; the
// translations must work as before, from either entry point first.
func TestLazyJSONTables(t *testing.T) {
	msg := AppendMapHeader(nil, 3)
	msg = AppendString(msg, "a")
	msg = AppendArrayHeader(msg, 2)
	msg = AppendInt(msg, -3)
	msg = AppendFloat64(msg, 1.5)
	msg = AppendString(msg, "t")
	msg = AppendTime(msg, time.Unix(0, 0).UTC())
	msg = AppendString(msg, "n")
	msg = AppendNil(msg)
	want := `{"a":[-3,1.5],"t":"1970-01-01T00:00:00Z","n":null}`
	var b bytes.Buffer
	if _, err := UnmarshalAsJSON(&b, msg); err != nil || b.String() != want {
		t.Fatalf("UnmarshalAsJSON: %s, %v; want %s", b.String(), err, want)
	}
	b.Reset()
	if _, err := CopyToJSON(&b, bytes.NewReader(msg)); err != nil || b.String() != want {
		t.Fatalf("CopyToJSON: %s, %v; want %s", b.String(), err, want)
	}
}

package browser

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/runtime"
)

// The browser itself is exercised by build/browsertest; these tests cover
// the parts that need none.

func TestTailBufferKeepsTheEnd(t *testing.T) {
	var w tailBuffer
	chunk := strings.Repeat("x", tailBufferSize/2)
	w.Write([]byte("start\n"))
	w.Write([]byte(chunk))
	w.Write([]byte(chunk))
	w.Write([]byte("end\n"))
	s := w.String()
	if len(s) != tailBufferSize {
		t.Errorf("kept %d bytes, want %d", len(s), tailBufferSize)
	}
	if strings.HasPrefix(s, "start") || !strings.HasSuffix(s, "end\n") {
		t.Errorf("kept the wrong end: %q…%q", s[:10], s[len(s)-10:])
	}
}

func TestChromiumLogDropsNoise(t *testing.T) {
	var b strings.Builder
	b.WriteString("[1:2:ERROR:dbus/bus.cc(408)] Failed to connect to the bus\n")
	b.WriteString("[3:4:WARNING:gles2_cmd_decoder.cc] GPU stall due to ReadPixels\n")
	for i := range 25 {
		b.WriteString("line " + strings.Repeat("i", i) + "\n")
	}
	got := strings.Split(chromiumLog(b.String()), "\n")
	if len(got) != 20 {
		t.Fatalf("%d lines, want the last 20: %q", len(got), got)
	}
	for _, l := range got {
		if strings.Contains(l, "dbus") || strings.Contains(l, "ReadPixels") {
			t.Errorf("noise kept: %q", l)
		}
	}
	if got[19] != "line "+strings.Repeat("i", 24) {
		t.Errorf("last line %q, want the last one written", got[19])
	}
}

func TestArgsText(t *testing.T) {
	str, _ := json.Marshal("fixture error")
	args := []*runtime.RemoteObject{
		{Type: runtime.RemoteObjectTypeString, Value: str},
		{Type: runtime.RemoteObjectTypeNumber, Value: []byte("42")},
		{Type: runtime.RemoteObjectTypeObject, Description: "Error: boom"},
		{Type: runtime.RemoteObjectTypeUndefined},
	}
	if got, want := argsText(args), "fixture error 42 Error: boom undefined"; got != want {
		t.Errorf("argsText = %q, want %q", got, want)
	}
}

func TestKeyString(t *testing.T) {
	for k, want := range map[Key]string{ArrowRight: "ArrowRight", Space: "Space", End: "End", PageUp: "PageUp", Tab: "Tab", Enter: "Enter", Escape: "Escape"} {
		if got := k.String(); got != want {
			t.Errorf("%q.String() = %q, want %q", string(k), got, want)
		}
	}
}

func TestAttrExprQuotes(t *testing.T) {
	got := attrExpr(`data-"x"`)
	if want := `document.documentElement.getAttribute("data-\"x\"") || ''`; got != want {
		t.Errorf("attrExpr = %s, want %s", got, want)
	}
}

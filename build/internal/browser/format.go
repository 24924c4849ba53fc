package browser

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/runtime"
)

// argsText formats console arguments roughly as DevTools shows them.
func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		switch {
		case a.Type == runtime.RemoteObjectTypeString && len(a.Value) > 0:
			var s string
			if err := json.Unmarshal(a.Value, &s); err == nil {
				parts = append(parts, s)
				continue
			}
			parts = append(parts, string(a.Value))
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		case a.Description != "":
			parts = append(parts, a.Description)
		case a.UnserializableValue != "":
			parts = append(parts, string(a.UnserializableValue))
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

// exceptionText formats an uncaught exception: its text, the error's
// message (the first line of its description) and the place.
func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "(no details)"
	}
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		first, _, _ := strings.Cut(d.Exception.Description, "\n")
		s += " " + first
	} else if d.Exception != nil && len(d.Exception.Value) > 0 {
		s += " " + string(d.Exception.Value)
	}
	if d.URL != "" {
		s += fmt.Sprintf(" (%s:%d)", d.URL, d.LineNumber+1)
	} else {
		s += stackPlace(d.StackTrace)
	}
	return s
}

func stackPlace(st *runtime.StackTrace) string {
	if st == nil || len(st.CallFrames) == 0 {
		return ""
	}
	f := st.CallFrames[0]
	return fmt.Sprintf(" (%s:%d)", f.URL, f.LineNumber+1)
}

// tailBuffer keeps the last 64 KiB written to it; chromium can be chatty.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
}

const tailBufferSize = 64 << 10

func (w *tailBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	if over := len(w.buf) - tailBufferSize; over > 0 {
		w.buf = append(w.buf[:0], w.buf[over:]...)
	}
	return len(p), nil
}

func (w *tailBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return string(w.buf)
}

// chromiumLog returns the last 20 lines of chromium's output that are worth
// reading. Without a system bus (containers, CI) chromium logs dozens of
// harmless D-Bus errors, and each screenshot of a WebGL page logs a "GPU
// stall due to ReadPixels"; both would hide a real GPU or renderer error.
func chromiumLog(out string) string {
	var lines []string
	for line := range strings.SplitSeq(out, "\n") {
		if line != "" && !strings.Contains(line, ":ERROR:dbus/") && !strings.Contains(line, "GPU stall due to ReadPixels") {
			lines = append(lines, line)
		}
	}
	if len(lines) > 20 {
		lines = lines[len(lines)-20:]
	}
	return strings.Join(lines, "\n")
}

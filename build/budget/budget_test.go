package budget

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
)

// Budgets in bytes: raw, and gzip -9 as most static hosts serve it.
var budgets = []struct {
	file      string
	raw, gzip int
}{
	{"dist/main.wasm", 13_000_000, 3_300_000},     // measured 12.47 MB / 3.16 MB (font on an 8-unit grid)
	{"assets/story.msgpack", 56_000, 28_000},      // measured 43 KB / 23 KB
	{"assets/fonts/subset.bin", 350_000, 215_000}, // measured 335 KB / 206 KB (was 425 KB / 336 KB)
	{"dist/wasm_exec.js", 24_000, 8_000},          // Go's loader, copied
	{"dist/widget.js", 8_000, 3_000},              // the page shell
	{"dist/frames.js", 5_000, 2_000},              // holds the idle animation frame; measured 3.5 KB / 1.4 KB
}

func TestSizeBudgets(t *testing.T) {
	root := "../.."
	for _, b := range budgets {
		data, err := os.ReadFile(filepath.Join(root, b.file))
		if err != nil {
			t.Fatalf("%v (run `make dist` first)", err)
		}
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		w.Write(data)
		w.Close()
		t.Logf("%s: %d bytes raw, %d gzip", b.file, len(data), buf.Len())
		if len(data) > b.raw {
			t.Errorf("%s is %d bytes, over its budget of %d", b.file, len(data), b.raw)
		}
		if buf.Len() > b.gzip {
			t.Errorf("%s is %d bytes gzipped, over its budget of %d", b.file, buf.Len(), b.gzip)
		}
	}
}

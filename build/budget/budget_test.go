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
	{"dist/main.wasm", 13_250_000, 3_350_000},     // measured 13.03 MB / 3.31 MB: no encoding/json (wasm/internal/jsonx, msgp's JSON tables lazy: bench/README.md 6, 7), bold glyphs only where set in bold (10); was 13.08 / 3.34, 13.59 / 3.41
	{"assets/story.msgpack", 56_000, 28_000},      // measured 49.6 KB / 25.8 KB (speakers, facts, forms)
	{"assets/fonts/subset.bin", 286_000, 178_000}, // measured 279 KB / 174 KB, 907 characters regular, 663 bold, format 3 (was 330 / 204 in both weights, 340 / 207, and 425 / 336 before the grid)
	{"dist/wasm_exec.js", 24_000, 8_000},          // Go's loader, copied
	{"dist/widget.js", 12_000, 4_500},             // the loader: poster, lazy fetch, DPR guard, Retry; measured 10.0 KB / 3.8 KB
	{"dist/frames.js", 7_700, 2_900},              // holds the idle animation frame and, at rest, Go's timers; measured 7.4 KB / 2.8 KB (was 3.5 / 1.4 before the timer hold)
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

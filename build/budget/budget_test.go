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
	{"dist/main.wasm", 12_620_000, 3_065_000},   // measured 12.60 MB / 3.05 MB: no net/url parser, editorial rules or image/draw (bench/README.md 16, issue 12 payload), 12.73 / 3.09 before; our packages without inlining (bench/README.md 15), only the English view's glyphs embedded (13), fringe meshes (12); was 12.90 / 3.19, 13.09 / 3.31 with the whole font, 13.59 / 3.41
	{"assets/story.msgpack", 56_000, 28_000},    // measured 49.6 KB / 25.8 KB (speakers, facts, forms)
	{"assets/fonts/subset.bin", 48_000, 32_000}, // the base, in the wasm: measured 46.1 KB / 30.5 KB, 285 regular + 103 bold glyphs (the whole font was 279 / 174, 907 + 663; 330 / 204 in both weights, 425 / 336 before the grid)
	// The Chinese view's glyphs, fetched in chunks (bench/README.md 18); all
	// three together are held by TestChineseChunksTotal.
	{"assets/fonts/subset.zh.first.bin", 12_500, 9_000},   // before ready for the first scene: measured 11.2 KB / 7.9 KB, 30 regular + 43 bold glyphs
	{"assets/fonts/subset.zh.scenes.bin", 96_000, 62_000}, // what the other scenes' opening views add, before ready for a deep link: measured 91.5 KB / 59.0 KB, 288 + 184
	{"assets/fonts/subset.zh.rest.bin", 136_000, 87_000},  // cards, notes, the rest, after ready: measured 130.6 KB / 82.8 KB, 304 + 333
	{"dist/wasm_exec.js", 24_000, 8_000},                  // Go's loader, copied
	{"dist/widget.js", 14_600, 5_400},                     // the loader: poster, lazy fetch, DPR guard, Retry, the Chinese glyphs' fetch (in chunks since bench/README.md 18: +0.7 KB / +0.3 KB) and notice, a page of its own starting at once; measured 14.4 KB / 5.3 KB (11.4 KB raw before the glyphs' fetch)
	{"dist/lang.js", 3_300, 1_600},                        // in <head>, before the body shows: the start language and the shell's words in it; measured 3.1 KB / 1.4 KB
	{"dist/frames.js", 7_700, 2_900},                      // holds the idle animation frame and, at rest, Go's timers; measured 7.4 KB / 2.8 KB (was 3.5 / 1.4 before the timer hold)
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

// The chunks of the Chinese glyphs together: cutting them must not cost
// more than a few KB over the one file they were (233 KB / 145 KB).
func TestChineseChunksTotal(t *testing.T) {
	const rawBudget, gzipBudget = 240_000, 152_000 // measured 233.3 KB / 149.6 KB in three files
	raw, gz := 0, 0
	for _, c := range []string{"first", "scenes", "rest"} {
		data, err := os.ReadFile(filepath.Join("../../assets/fonts", "subset.zh."+c+".bin"))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		w.Write(data)
		w.Close()
		raw, gz = raw+len(data), gz+buf.Len()
	}
	t.Logf("Chinese glyphs in chunks: %d bytes raw, %d gzip", raw, gz)
	if raw > rawBudget || gz > gzipBudget {
		t.Errorf("the Chinese glyphs' chunks are %d bytes raw, %d gzipped together, over %d / %d", raw, gz, rawBudget, gzipBudget)
	}
}

package poster

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/build/internal/imgdiff"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/typeset"
	"github.com/parallel-lines/widget/wasm/widget"
)

// update rewrites the golden images from what the code draws now:
// `go test ./build/internal/poster -update` (or `make golden`).
var update = flag.Bool("update", false, "rewrite the golden posters in testdata/golden")

// goldenTolerance: a pixel counts as different when a channel is off by
// more than 24 of 255, and at most 0.05% of pixels may differ (about 400 of
// a 1200×675 poster, 160 of a phone's). Drawing is deterministic, so on one
// machine nothing differs at all; the margin absorbs floating-point
// differences between CPUs (fused multiply-add on arm64) that move an edge
// pixel's coverage. A label that moves or changes, a line in another colour
// or a missing shape changes thousands of pixels.
var goldenTolerance = imgdiff.Tolerance{Channel: 24, Fraction: 0.0005}

// goldenColours is the palette of a golden image: fewer colours than a
// poster's 256 keep the committed references small (about 25 KB each), and
// since both sides are quantised alike, an unchanged picture compares equal.
const goldenColours = 32

// goldens is the committed set: 1× desktop and phone, light theme, both
// languages, every scene.
func goldens(s *data.Story) []Spec {
	var out []Spec
	for i := range s.Scenes {
		for _, l := range Langs {
			for _, b := range Artboards {
				out = append(out, Spec{Scene: i, Lang: l, Theme: widget.Light, Board: b, Scale: 1})
			}
		}
	}
	return out
}

func load(t *testing.T) (*data.Story, *typeset.Fonts) {
	t.Helper()
	s, err := data.Decode(assets.Story)
	if err != nil {
		t.Fatal(err)
	}
	f, err := typeset.Load(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	return s, f
}

// Every golden poster is drawn again and compared with its reference. On a
// difference beyond the tolerance the test writes what it drew and a map of
// the differences to testdata/failures/ (gitignored).
func TestGolden(t *testing.T) {
	s, f := load(t)
	dir := filepath.Join("testdata", "golden")
	fails := filepath.Join("testdata", "failures")
	want := map[string]bool{}
	for _, p := range goldens(s) {
		name := p.Name(s) + ".png"
		want[name] = true
		got := Quantize(Image(s, f, p), goldenColours)
		path := filepath.Join(dir, name)
		if *update {
			if err := writePNG(path, got); err != nil {
				t.Fatal(err)
			}
			continue
		}
		ref, err := readPNG(path)
		if err != nil {
			t.Errorf("%s: %v (run `make golden` to create the references)", name, err)
			continue
		}
		r, diff := imgdiff.Compare(got, ref, goldenTolerance)
		if r.Within(goldenTolerance) {
			continue
		}
		t.Errorf("%s differs from its golden image: %v; see %s", name, r, fails)
		if err := os.MkdirAll(fails, 0o755); err == nil {
			base := strings.TrimSuffix(name, ".png")
			writePNG(filepath.Join(fails, base+".got.png"), got)
			if diff != nil {
				writePNG(filepath.Join(fails, base+".diff.png"), diff)
			}
		}
	}
	// A reference for a poster that no longer exists (a scene renamed) is
	// stale and would hide the rename.
	if !*update {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !want[e.Name()] {
				t.Errorf("testdata/golden/%s belongs to no poster; run `make golden`", e.Name())
			}
		}
	} else {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !want[e.Name()] {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
}

// The golden comparison fails on a real change: the same scene in the
// other language, or with one op left out, is far beyond the tolerance.
func TestGoldenCatchesChanges(t *testing.T) {
	s, f := load(t)
	p := goldens(s)[0]
	a := Quantize(Image(s, f, p), goldenColours)
	q := p
	q.Lang = 1 - p.Lang
	if r, _ := imgdiff.Compare(a, Quantize(Image(s, f, q), goldenColours), goldenTolerance); r.Within(goldenTolerance) {
		t.Errorf("the other language passes as the same poster: %v", r)
	}
	l := Frame(s, f, p)
	for i := range l.Ops {
		if l.Ops[i].Kind == frame.Text { // the first run of text (the title): its colour made the background's
			l.Ops[i].Color = l.Background
			break
		}
	}
	b := Quantize(drawList(&l, f), goldenColours)
	if r, _ := imgdiff.Compare(a, b, goldenTolerance); r.Within(goldenTolerance) {
		t.Errorf("a poster without its title passes: %v", r)
	}
}

// Every 1× poster, in every theme, keeps to the 80 KB budget, and the
// quantised picture stays close to the true-colour one.
func TestPosterBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("draws every 1× poster")
	}
	s, f := load(t)
	largest, name := 0, ""
	for i := range s.Scenes {
		for _, l := range Langs {
			for _, th := range Themes {
				for _, b := range Artboards {
					p := Spec{Scene: i, Lang: l, Theme: th, Board: b, Scale: 1}
					img := Image(s, f, p)
					enc, err := PNG(img)
					if err != nil {
						t.Fatal(err)
					}
					if len(enc) > largest {
						largest, name = len(enc), p.Name(s)
					}
					if len(enc) > 80<<10 {
						t.Errorf("%s: %d bytes, over 80 KB", p.Name(s), len(enc))
					}
					if i == 0 {
						back, err := png.Decode(bytes.NewReader(enc))
						if err != nil {
							t.Fatal(err)
						}
						tol := imgdiff.Tolerance{Channel: 48, Fraction: 0.002}
						if r, _ := imgdiff.Compare(img, back, tol); !r.Within(tol) {
							t.Errorf("%s: quantising changed the picture: %v", p.Name(s), r)
						}
					}
				}
			}
		}
	}
	t.Logf("largest 1× poster: %s, %d bytes", name, largest)
}

func writePNG(path string, m image.Image) error {
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, m); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

func readPNG(path string) (image.Image, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return png.Decode(bytes.NewReader(b))
}

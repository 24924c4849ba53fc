package browsertest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// buildTimeout bounds `go build` of the corruptdata wasm: a cold build of
// Ebitengine for js/wasm on a 2-core machine takes a while.
const buildTimeout = 5 * time.Minute

// TestWidgetDraws opens dist/ at 1280×720 and checks that the widget gets
// ready, draws something, logs no errors and stays on its own origin.
func TestWidgetDraws(t *testing.T) {
	dist := requireDist(t)
	srv := serveDir(t, dist)
	b := startBrowser(t)
	checkWidgetDraws(t, srv, b)
}

// TestCorruptDatasetShowsError serves dist/ with a main.wasm built with the
// corruptdata tag (a truncated dataset) and checks that the page ends in the
// state "error" with a visible, readable #widget-status.
func TestCorruptDatasetShowsError(t *testing.T) {
	root := repoRoot(t)
	dist := requireDist(t)
	site := filepath.Join(t.TempDir(), "site")
	copyDir(t, dist, site)
	buildCorruptWasm(t, root, filepath.Join(site, "main.wasm"))
	useWasm(t, site)

	srv := serveDir(t, site)
	b := startBrowser(t)
	start := time.Now()
	if state := b.load(t, srv.URL+"/"); state != "error" {
		t.Fatalf("data-widget-state became %q with the corruptdata build, want error", state)
	}
	t.Logf("timing: navigation to data-widget-state=error took %s", time.Since(start).Round(time.Millisecond))

	problems, err := statusProblems(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}

	// Reporting the corrupt data on the console is fine; list it for the log.
	for _, p := range b.Problems() {
		t.Logf("console: %s", p)
	}
}

// statusProblems checks that #widget-status shows a message a user can
// see: non-empty text, rendered, with a size, inside the viewport, not covered
// by another element, and painted (its box is not a single colour). It
// returns what is wrong, or nothing.
func statusProblems(b *testBrowser) ([]string, error) {
	info, err := b.pageInfo()
	if err != nil {
		return nil, err
	}
	st := info.Status
	if st == nil {
		return []string{"there is no #widget-status element"}, nil
	}
	var problems []string
	if st.Text == "" {
		problems = append(problems, "#widget-status has no text")
	}
	if st.Display == "none" || !st.Visible {
		problems = append(problems, fmt.Sprintf("#widget-status is not visible (display %q, visibility %q, opacity %g, checkVisibility %v)",
			st.Display, st.Visibility, st.Opacity, st.Visible))
	}
	if st.Width <= 0 || st.Height <= 0 {
		problems = append(problems, fmt.Sprintf("#widget-status has size %gx%g, want non-zero", st.Width, st.Height))
	} else {
		if st.X >= info.ViewportWidth || st.Y >= info.ViewportHeight || st.X+st.Width <= 0 || st.Y+st.Height <= 0 {
			problems = append(problems, fmt.Sprintf("#widget-status at %g,%g lies outside the %gx%g viewport", st.X, st.Y, info.ViewportWidth, info.ViewportHeight))
		}
		if !st.OnTop {
			problems = append(problems, "#widget-status is covered by another element at its centre (the canvas?)")
		}
		// The page must not look blank: a painted message has at least
		// two colours in its box, the text and the background.
		_, img, err := b.screenshot()
		if err != nil {
			return problems, err
		}
		if stats := MeasurePixels(img, cssToImage(st.rect, info, img)); stats.DistinctColours < 2 {
			problems = append(problems, fmt.Sprintf("the #widget-status box shows a single colour (%s): no message is painted", stats))
		}
	}
	if len(problems) == 0 {
		return nil, nil
	}
	return append(problems, fmt.Sprintf("#widget-status: %q (display %s, visibility %s, opacity %g, %gx%g at %g,%g)",
		st.Text, st.Display, st.Visibility, st.Opacity, st.Width, st.Height, st.X, st.Y)), nil
}

// buildCorruptWasm builds ./wasm with the corruptdata tag into out.
func buildCorruptWasm(t *testing.T, root, out string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(root, "wasm")); err != nil {
		t.Fatalf("no ./wasm package to build: %v", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), buildTimeout)
	defer cancel()
	// `go test` puts its own toolchain first on PATH, so this is the same go.
	cmd := exec.CommandContext(ctx, "go", "build", "-tags", "corruptdata", "-o", out, "./wasm")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	start := time.Now()
	if output, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("GOOS=js GOARCH=wasm go build -tags corruptdata ./wasm: %v\n%s", err, output)
	}
	t.Logf("timing: building the corruptdata wasm took %s", time.Since(start).Round(time.Millisecond))
}

// copyDir copies the regular files of src into dst (following symbolic
// links), so a test can change the copy.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && d.Type()&fs.ModeSymlink != 0 {
				return nil // a dangling link: nothing to serve anyway
			}
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatalf("copying %s: %v", src, err)
	}
}

// useWasm puts site/main.wasm under the content-hashed name the pages load,
// without the precompressed copies of the original.
func useWasm(t *testing.T, site string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(site, "main.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	hashed, _ := filepath.Glob(filepath.Join(site, "main.*.wasm"))
	for _, h := range hashed {
		if err := os.WriteFile(h, b, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Remove(h + ".br")
		os.Remove(h + ".gz")
	}
}

package browsertest

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The tests in this file run the checks of TestWidgetDraws on small pages in
// testdata/, so that the checks themselves are tested both ways in a real
// browser: a check that cannot fail proves nothing.

// TestPixelCheckRejectsBlankCanvas proves the browser test fails on a blank
// canvas: a page that says "ready" but shows one flat colour.
func TestPixelCheckRejectsBlankCanvas(t *testing.T) {
	srv := serveDir(t, filepath.Join("testdata", "blank"))
	b := startBrowser(t)
	start := time.Now()
	if err := b.Navigate(srv.URL + "/"); err != nil {
		t.Fatal(err)
	}
	state, err := b.WaitForState(readyTimeout)
	if err != nil || state != "ready" {
		t.Fatalf("fixture state %q, %v; want ready", state, err)
	}
	t.Logf("timing: navigation to data-widget-state=ready took %s", time.Since(start).Round(time.Millisecond))

	stats, _, err := b.checkCanvas()
	if err == nil {
		t.Fatalf("the pixel check accepted a blank canvas: %s", stats)
	}
	// The rejection must come from measuring the canvas (one colour over the
	// whole viewport), not from failing to find or capture it.
	if stats.Pixels != viewportWidth*viewportHeight || stats.DistinctColours != 1 {
		t.Fatalf("the pixel check failed for another reason than a blank canvas: %v (stats: %s)", err, stats)
	}
	t.Logf("rejected as expected: %v", err)
}

// TestPixelCheckAcceptsDrawnCanvas runs the whole TestWidgetDraws check on a
// page that draws shapes with canvas 2D: it must pass.
func TestPixelCheckAcceptsDrawnCanvas(t *testing.T) {
	srv := serveDir(t, filepath.Join("testdata", "drawn"))
	b := startBrowser(t)
	checkWidgetDraws(t, srv, b)
}

// TestBrowserRecordsProblemsAndRequests proves that the checks for console
// errors, exceptions, error log entries and third-party requests can fail.
func TestBrowserRecordsProblemsAndRequests(t *testing.T) {
	srv := serveDir(t, filepath.Join("testdata", "problems"))
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(other.Close)

	b := startBrowser(t)
	if err := b.Navigate(srv.URL + "/?other=" + url.QueryEscape(other.URL)); err != nil {
		t.Fatal(err)
	}
	if state, err := b.WaitForState(readyTimeout); err != nil || state != "ready" {
		t.Fatalf("fixture state %q, %v; want ready", state, err)
	}

	want := []string{
		"console.error: fixture console error 42",
		"uncaught exception: Uncaught Error: fixture uncaught exception",
		"uncaught exception: Uncaught (in promise) Error: fixture unhandled rejection",
		"log error (network): Failed to load resource: the server responded with a status of 404",
	}
	// Events can trail the state change a little (the 404 log entry comes
	// from the network stack): give them a moment.
	var problems []string
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		problems = b.Problems()
		if len(missing(want, problems)) == 0 || time.Now().After(deadline) {
			break
		}
	}
	t.Logf("recorded problems:\n  %s", strings.Join(problems, "\n  "))
	if m := missing(want, problems); len(m) > 0 {
		t.Errorf("problems not recorded:\n  %s\nrecorded:\n  %s", strings.Join(m, "\n  "), strings.Join(problems, "\n  "))
	}
	for _, p := range problems {
		if strings.Contains(p, "warning") {
			t.Errorf("a console warning was recorded as a problem: %s", p)
		}
	}

	bad := thirdPartyRequests(b.Requests(), srv.URL)
	if wantBad := other.URL + "/pixel.png"; !slices.Equal(bad, []string{wantBad}) {
		t.Errorf("third-party requests = %q, want exactly [%s]; all requests: %q", bad, wantBad, b.Requests())
	}
}

// missing returns the entries of want that no recorded problem starts with.
func missing(want, problems []string) []string {
	var m []string
	for _, w := range want {
		if !slices.ContainsFunc(problems, func(p string) bool { return strings.HasPrefix(p, w) }) {
			m = append(m, w)
		}
	}
	return m
}

func TestThirdPartyRequests(t *testing.T) {
	origin := "http://127.0.0.1:4321"
	reqs := []string{
		origin + "/",
		origin + "/main.wasm?v=1",
		"data:image/png;base64,AAAA",
		"about:blank",
		"blob:" + origin + "/6a1f-uuid",
		"blob:https://evil.example/uuid",
		"http://127.0.0.1:9999/other-port.js",
		"http://localhost:4321/other-host.js",
		"https://fonts.googleapis.com/css",
	}
	got := thirdPartyRequests(reqs, origin)
	want := reqs[5:]
	if !slices.Equal(got, want) {
		t.Errorf("thirdPartyRequests = %q, want %q", got, want)
	}
}

// TestStatusCheck runs the #widget-status check of
// TestCorruptDatasetShowsError on a page in state "error": it must pass when
// the message is shown, and fail for each way of not showing it.
func TestStatusCheck(t *testing.T) {
	srv := serveDir(t, filepath.Join("testdata", "error"))
	b := startBrowser(t) // one browser for all variants: starting one costs more than a page
	for _, tt := range []struct {
		variant string
		want    string // "" means no problems; otherwise a problem contains it
	}{
		{"", ""},
		{"hidden", "not visible"},
		{"covered", "covered by another element"},
		{"empty", "has no text"},
		{"offscreen", "outside the"},
	} {
		t.Run("variant="+tt.variant, func(t *testing.T) {
			if err := b.Navigate(srv.URL + "/?variant=" + tt.variant); err != nil {
				t.Fatal(err)
			}
			if state, err := b.WaitForState(readyTimeout); err != nil || state != "error" {
				t.Fatalf("fixture state %q, %v; want error", state, err)
			}
			problems, err := statusProblems(b)
			if err != nil {
				t.Fatal(err)
			}
			joined := strings.Join(problems, "\n")
			switch {
			case tt.want == "" && len(problems) > 0:
				t.Errorf("the status check failed on a shown message:\n%s", joined)
			case tt.want != "" && !strings.Contains(joined, tt.want):
				t.Errorf("the status check did not report %q; it reported:\n%s", tt.want, joined)
			}
		})
	}
}

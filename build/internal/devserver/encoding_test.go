package devserver

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// TestPrecompressed: a .br or .gz copy beside a file is sent with its
// Content-Encoding when the browser accepts it, the plain file otherwise;
// content-hashed names are cached for a year, others revalidated; pages
// get the CSP when one is set.
func TestPrecompressed(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"main.0123456789ab.wasm":    "plain",
		"main.0123456789ab.wasm.br": "brotli",
		"main.0123456789ab.wasm.gz": "gzip",
		"page.html":                 "<!doctype html>",
	}
	for n, c := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	h.CSP = CSP
	defer h.Close()
	srv := httptest.NewServer(h)
	defer srv.Close()

	fetch := func(path, accept string) (*http.Response, string) {
		req, _ := http.NewRequestWithContext(t.Context(), "GET", srv.URL+path, nil)
		req.Header.Set("Accept-Encoding", accept) // set by hand: Go's client then does not decode
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	for _, c := range []struct{ accept, body, enc string }{
		{"gzip, deflate, br, zstd", "brotli", "br"},
		{"gzip", "gzip", "gzip"},
		{"br;q=0, gzip", "gzip", "gzip"},
		{"identity", "plain", ""},
	} {
		resp, body := fetch("/main.0123456789ab.wasm", c.accept)
		if body != c.body || resp.Header.Get("Content-Encoding") != c.enc {
			t.Errorf("Accept-Encoding %q: got %q with Content-Encoding %q, want %q with %q", c.accept, body, resp.Header.Get("Content-Encoding"), c.body, c.enc)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/wasm" {
			t.Errorf("Accept-Encoding %q: Content-Type %q, want application/wasm", c.accept, ct)
		}
		if cc := resp.Header.Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
			t.Errorf("hashed name: Cache-Control %q", cc)
		}
		if resp.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("no Vary: Accept-Encoding")
		}
	}
	resp, _ := fetch("/page.html", "br")
	if cc := resp.Header.Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("page: Cache-Control %q, want no-cache", cc)
	}
	if got := resp.Header.Get("Content-Security-Policy"); got != CSP {
		t.Errorf("page: Content-Security-Policy %q", got)
	}
}

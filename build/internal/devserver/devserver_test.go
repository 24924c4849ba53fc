package devserver

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// newTree builds this layout and returns the path of root:
//
//	outside/secret.txt
//	root/index.html, main.wasm, widget.js, data.msgpack, table.csv, meta.json,
//	     blob.unknownext, sub/index.html, empty/, link-out -> ../outside,
//	     secret-link.txt -> ../outside/secret.txt
func newTree(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	write := func(rel, content string) {
		t.Helper()
		p := filepath.Join(base, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("outside/secret.txt", "secret")
	write("root/index.html", "<!doctype html><title>root</title>")
	write("root/main.wasm", "\x00asm\x01\x00\x00\x00")
	write("root/widget.js", "console.log('hi')")
	write("root/data.msgpack", "\x81\xa1a\x01")
	write("root/table.csv", "a,b\n1,2\n")
	write("root/meta.json", `{"a":1}`)
	write("root/blob.unknownext", "plain words")
	write("root/sub/index.html", "<!doctype html><title>sub</title>")
	if err := os.Mkdir(filepath.Join(base, "root", "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../outside", filepath.Join(base, "root", "link-out")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../outside/secret.txt", filepath.Join(base, "root", "secret-link.txt")); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(base, "root")
}

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	h, err := New(newTree(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// client does not follow redirects, so that the tests see them.
var client = &http.Client{
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	Timeout:       10 * time.Second,
}

func get(t *testing.T, method, url string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func TestContentTypes(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		path, want string
	}{
		{"/main.wasm", "application/wasm"},
		{"/widget.js", "text/javascript; charset=utf-8"},
		{"/data.msgpack", "application/vnd.msgpack"},
		{"/table.csv", "text/csv; charset=utf-8"},
		{"/meta.json", "application/json"},
		{"/index.html", "text/html; charset=utf-8"},
		{"/", "text/html; charset=utf-8"},
		{"/sub/", "text/html; charset=utf-8"},
		// Unknown extensions fall back to sniffing the content.
		{"/blob.unknownext", "text/plain; charset=utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, _ := get(t, http.MethodGet, srv.URL+tt.path)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status = %d, want 200", resp.StatusCode)
			}
			if got := resp.Header.Get("Content-Type"); got != tt.want {
				t.Errorf("Content-Type = %q, want %q", got, tt.want)
			}
			if got := resp.Header.Get("Cache-Control"); got != "no-cache" {
				t.Errorf("Cache-Control = %q, want no-cache", got)
			}
			if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options = %q, want nosniff", got)
			}
		})
	}
}

func TestServesContent(t *testing.T) {
	srv := newServer(t)
	_, body := get(t, http.MethodGet, srv.URL+"/table.csv")
	if body != "a,b\n1,2\n" {
		t.Errorf("body = %q", body)
	}
	_, body = get(t, http.MethodGet, srv.URL+"/sub/")
	if !strings.Contains(body, "<title>sub</title>") {
		t.Errorf("/sub/ body = %q, want sub/index.html", body)
	}
	resp, body := get(t, http.MethodHead, srv.URL+"/main.wasm")
	if resp.StatusCode != http.StatusOK || body != "" || resp.ContentLength != 8 {
		t.Errorf("HEAD: status %d, body %q, length %d; want 200, empty, 8", resp.StatusCode, body, resp.ContentLength)
	}
}

func TestNotFound(t *testing.T) {
	srv := newServer(t)
	for _, p := range []string{
		"/missing.js",
		"/sub/missing.html",
		"/empty/", // a directory without index.html is never listed
		"/link-out/secret.txt",
		"/secret-link.txt",
		"/link-out/",
	} {
		t.Run(p, func(t *testing.T) {
			resp, body := get(t, http.MethodGet, srv.URL+p)
			if resp.StatusCode != http.StatusNotFound {
				t.Errorf("status = %d, want 404", resp.StatusCode)
			}
			if strings.Contains(body, "secret") {
				t.Errorf("body leaks the file outside the root: %q", body)
			}
			if got := resp.Header.Get("Cache-Control"); got != "no-cache" {
				t.Errorf("Cache-Control = %q, want no-cache", got)
			}
		})
	}
}

// TestTraversal sends raw request lines, because an http.Client cleans the
// dots out of a URL before it sends it.
func TestTraversal(t *testing.T) {
	h, err := New(newTree(t))
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	for _, target := range []string{
		"/../outside/secret.txt",
		"/sub/../../outside/secret.txt",
		"/%2e%2e/outside/secret.txt",
		"/..%2foutside%2fsecret.txt",
		"/../outside/",
		"/..",
	} {
		t.Run(target, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, target, nil)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if body := rec.Body.String(); strings.Contains(body, "secret") {
				t.Fatalf("status %d, body leaks the file outside the root: %q", rec.Code, body)
			}
			// Cleaning maps these to a path inside the root: 404, or for
			// "/.." a redirect to "/" (the root directory).
			switch rec.Code {
			case http.StatusNotFound:
			case http.StatusMovedPermanently:
				if loc := rec.Header().Get("Location"); loc != "/" {
					t.Errorf("redirect to %q, want /", loc)
				}
			default:
				t.Errorf("status = %d, want 404 or a redirect to /", rec.Code)
			}
		})
	}
}

func TestDirectoryRedirect(t *testing.T) {
	srv := newServer(t)
	resp, _ := get(t, http.MethodGet, srv.URL+"/sub?x=1")
	if resp.StatusCode != http.StatusMovedPermanently {
		t.Fatalf("status = %d, want 301", resp.StatusCode)
	}
	if got := resp.Header.Get("Location"); got != "/sub/?x=1" {
		t.Errorf("Location = %q, want /sub/?x=1", got)
	}
}

func TestMethodNotAllowed(t *testing.T) {
	srv := newServer(t)
	resp, _ := get(t, http.MethodPost, srv.URL+"/index.html")
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("status = %d, want 405", resp.StatusCode)
	}
	if got := resp.Header.Get("Allow"); got != "GET, HEAD" {
		t.Errorf("Allow = %q", got)
	}
}

func TestNotModified(t *testing.T) {
	srv := newServer(t)
	resp, _ := get(t, http.MethodGet, srv.URL+"/widget.js")
	lm := resp.Header.Get("Last-Modified")
	if lm == "" {
		t.Fatal("no Last-Modified header")
	}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL+"/widget.js", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("If-Modified-Since", lm)
	resp2, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp2.Body.Close()
	if resp2.StatusCode != http.StatusNotModified {
		t.Errorf("status = %d, want 304", resp2.StatusCode)
	}
}

func TestNewMissingDir(t *testing.T) {
	if _, err := New(filepath.Join(t.TempDir(), "nope")); err == nil {
		t.Fatal("New of a missing directory succeeded")
	}
}

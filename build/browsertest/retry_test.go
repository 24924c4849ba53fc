package browsertest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/parallel-lines/widget/build/internal/devserver"
)

// A wasm download that fails, arrives cut short or comes back as an HTML
// page shows what went wrong and a Retry button; Retry fetches again in
// place, without reloading the page, and the widget becomes ready.
func TestRetryAfterAFailedDownload(t *testing.T) {
	dist := requireDist(t)
	b := startBrowser(t)
	for _, c := range []struct {
		name, want string
		bad        http.HandlerFunc
	}{
		{"http-error", "HTTP 503", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "overloaded", http.StatusServiceUnavailable)
		}},
		{"truncated", "not a whole WebAssembly module", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/wasm")
			w.Write([]byte("\x00asm\x01\x00\x00\x00\x01\x05")) // a header and the start of a section
		}},
		{"wrong-type", "text/html", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte("<!doctype html><p>Not found</p>"))
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			b.screenshotOnFailure(t)
			h, err := devserver.New(dist)
			if err != nil {
				t.Fatal(err)
			}
			defer h.Close()
			var wasm atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.HasSuffix(r.URL.Path, ".wasm") && wasm.Add(1) == 1 {
					c.bad(w, r)
					return
				}
				h.ServeHTTP(w, r)
			}))
			defer srv.Close()
			if err := b.Navigate(srv.URL + "/?load=eager&lang=en"); err != nil {
				t.Fatal(err)
			}
			if err := b.WaitForAttr("data-widget-state", "error", readyTimeout); err != nil {
				t.Fatalf("the first download failed, yet: %v; #widget-status: %s", err, b.statusText())
			}
			if text := b.statusText(); !strings.Contains(text, c.want) {
				t.Errorf("#widget-status says %s, want it to name %q", text, c.want)
			}
			eval[bool](t, b, `(() => { window.__sameDocument = true; return true; })()`)
			if !eval[bool](t, b, `(() => { const r = document.getElementById('widget-retry'); return !!r && !r.hidden && r.offsetParent !== null; })()`) {
				t.Fatal("no visible Retry button")
			}
			eval[bool](t, b, `(() => { document.getElementById('widget-retry').click(); return true; })()`)
			if err := b.WaitForAttr("data-widget-state", "ready", readyTimeout); err != nil {
				t.Fatalf("after Retry: %v; #widget-status: %s", err, b.statusText())
			}
			if !eval[bool](t, b, `window.__sameDocument === true`) {
				t.Error("Retry reloaded the page; it should fetch the program again in place")
			}
			if n := wasm.Load(); n != 2 {
				t.Errorf("the wasm was requested %d times, want 2 (the failure, the retry)", n)
			}
		})
	}
}

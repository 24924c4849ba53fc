package bench

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestAccepts(t *testing.T) {
	for _, c := range []struct {
		h, coding string
		want      bool
	}{
		{"gzip, deflate, br", "br", true},
		{"gzip, deflate", "br", false},
		{"br;q=0, gzip", "br", false},
		{"BR;q=0.5", "br", true},
		{"gzip;q=0", "gzip", false},
		{"", "gzip", false},
		{"xbr", "br", false},
	} {
		if got := accepts(c.h, c.coding); got != c.want {
			t.Errorf("accepts(%q, %q) = %v, want %v", c.h, c.coding, got, c.want)
		}
	}
}

func TestSiteNegotiatesAndDecodes(t *testing.T) {
	s := &Site{files: map[string]*Encoded{}}
	body := bytes.Repeat([]byte("parallel lines 两条平行线 "), 500)
	if err := s.Put("main.wasm", body, ""); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	for _, enc := range []string{"br", "gzip", ""} {
		req, _ := http.NewRequest("GET", srv.URL+"/main.wasm", nil)
		req.Header.Set("Accept-Encoding", enc)
		tr := &http.Transport{DisableCompression: true}
		resp, err := tr.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if got := resp.Header.Get("Content-Encoding"); got != enc {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q", enc, got)
		}
		if got := resp.Header.Get("Content-Type"); got != "application/wasm" {
			t.Errorf("Content-Type %q", got)
		}
		var plain []byte
		switch enc {
		case "br":
			plain, _ = io.ReadAll(brotli.NewReader(bytes.NewReader(raw)))
		case "gzip":
			plain = gunzip(t, raw)
		default:
			plain = raw
		}
		if !bytes.Equal(plain, body) {
			t.Errorf("%q: decoded body differs (%d bytes, want %d)", enc, len(plain), len(body))
		}
		if enc != "" && len(raw) >= len(body)/4 {
			t.Errorf("%q: %d bytes for a repetitive %d-byte body: not compressed", enc, len(raw), len(body))
		}
	}
	log := s.Log()
	if len(log) != 3 || log[0].Encoding != "br" || log[2].Encoding != "" || !strings.HasSuffix(log[1].Path, "main.wasm") {
		t.Errorf("log %+v", log)
	}
	resp, _ := http.Get(srv.URL + "/nothing.js")
	if resp.StatusCode != 404 {
		t.Errorf("missing file: status %d", resp.StatusCode)
	}
}

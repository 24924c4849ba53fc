package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/parallel-lines/widget/assets"
)

func TestRun(t *testing.T) {
	web, dist := t.TempDir(), t.TempDir()
	write := func(dir, name, s string) {
		t.Helper()
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(web, "embed.html", `<meta name="parallel-lines-config" content="@config">`)
	write(web, "examples/a.html", `<meta name="parallel-lines-config" content="@config">`)
	write(web, "big.js", strings.Repeat("console.log(1);\n", 200))
	write(dist, "main.wasm", "\x00asm fake")
	write(dist, "main.000000000000.wasm.br", "stale")
	write(dist, "font-zh.000000000000.bin", "stale")
	if err := run(web, dist, 1); err != nil {
		t.Fatal(err)
	}
	page, _ := os.ReadFile(filepath.Join(dist, "embed.html"))
	m := regexp.MustCompile(`content="([^"]*)"`).FindSubmatch(page)
	var cfg Config
	if m == nil || json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &cfg) != nil {
		t.Fatalf("the page's configuration is not JSON: %s", page)
	}
	if !regexp.MustCompile(`^main\.[0-9a-f]{12}\.wasm$`).MatchString(cfg.Wasm) || cfg.WasmBytes != 9 || len(cfg.Artboards) != 2 || len(cfg.Scenes) == 0 {
		t.Fatalf("configuration %+v", cfg)
	}
	if _, err := os.Stat(filepath.Join(dist, "main.000000000000.wasm.br")); err == nil {
		t.Error("a stale hashed wasm of another build was kept")
	}
	if _, err := os.Stat(filepath.Join(dist, "font-zh.000000000000.bin")); err == nil {
		t.Error("a stale hashed font of another build was kept")
	}
	// The chunks of the Chinese glyphs, in order, each under its content's
	// name and exactly its subset file.
	if len(cfg.FontZh) != len(assets.FontZhChunks) || len(cfg.FontZh) < 2 {
		t.Fatalf("fontZh %q, want one file per chunk (%d)", cfg.FontZh, len(assets.FontZhChunks))
	}
	for i, c := range assets.FontZhChunks {
		if !regexp.MustCompile(`^font-zh-` + c.Name + `\.[0-9a-f]{12}\.bin$`).MatchString(cfg.FontZh[i]) {
			t.Errorf("fontZh[%d] = %q, want font-zh-%s.<hash>.bin", i, cfg.FontZh[i], c.Name)
		}
		if b, _ := os.ReadFile(filepath.Join(dist, cfg.FontZh[i])); !bytes.Equal(b, c.Bytes) {
			t.Errorf("%s is not assets/fonts/subset.zh.%s.bin", cfg.FontZh[i], c.Name)
		}
	}
	for _, f := range append([]string{cfg.Wasm, "big.js"}, cfg.FontZh...) {
		raw, _ := os.ReadFile(filepath.Join(dist, f))
		br, _ := os.ReadFile(filepath.Join(dist, f+".br"))
		gz, _ := os.ReadFile(filepath.Join(dist, f+".gz"))
		b1, _ := io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		b2, _ := io.ReadAll(zr)
		if !bytes.Equal(b1, raw) || !bytes.Equal(b2, raw) {
			t.Errorf("%s: the .br or .gz copy does not decode to the file", f)
		}
	}
	if _, err := os.Stat(filepath.Join(dist, "examples", "a.html")); err != nil {
		t.Error("pages in subfolders are not copied")
	}

	write(web, "bad.html", `<title>no config</title>`)
	if err := run(web, dist, 1); err == nil || !strings.Contains(err.Error(), "bad.html") {
		t.Errorf("a page without the configuration tag: error %v, want one naming bad.html", err)
	}
}

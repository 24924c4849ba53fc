// Command webdist assembles the pages of dist/ from web/: it copies the page
// shell, gives the wasm a content-hashed name (so a CDN may keep it for a
// year while the pages stay short-lived), writes .br and .gz copies beside
// the large and text files, and fills each page's configuration meta tag
// with what the shell needs before the wasm runs: the hashed name, the
// artboards (package command decides the height per width) and each scene's
// id, title and caption for the poster's HTML text.
//
//	go run ./build/webdist -web web -dist dist
//
// It expects dist/main.wasm and wasm_exec.js to be built already.
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/command"
)

// Placeholder is the content of the configuration meta tag in web/*.html.
const Placeholder = `content="@config"`

func main() {
	web := flag.String("web", "web", "page sources")
	dist := flag.String("dist", "dist", "output directory (with main.wasm built)")
	level := flag.Int("brotli", 11, "brotli quality for the wasm (0–11)")
	flag.Parse()
	if err := run(*web, *dist, *level); err != nil {
		fmt.Fprintln(os.Stderr, "webdist:", err)
		os.Exit(1)
	}
}

// Config is what the page shell reads from <meta name="parallel-lines-config">.
type Config struct {
	Wasm      string             `json:"wasm"`
	WasmBytes int                `json:"wasmBytes"`
	Posters   string             `json:"posters"`
	Artboards []command.Artboard `json:"artboards"`
	Scenes    []Scene            `json:"scenes"`
}

// Scene is a scene's text for the poster.
type Scene struct {
	ID      string    `json:"id"`
	Title   data.Text `json:"title"`
	Caption data.Text `json:"caption"`
}

func run(web, dist string, level int) error {
	story, err := data.Decode(assets.Story)
	if err != nil {
		return err
	}
	wasm, err := os.ReadFile(filepath.Join(dist, "main.wasm"))
	if err != nil {
		return fmt.Errorf("%v: build the wasm first (make dist)", err)
	}
	sum := sha256.Sum256(wasm)
	name := "main." + hex.EncodeToString(sum[:])[:12] + ".wasm"
	if err := clean(dist, name); err != nil {
		return err
	}
	// Brotli at quality 11 takes about a minute for the wasm: a build
	// whose wasm did not change keeps the copies of the same hash.
	if !exists(filepath.Join(dist, name+".br")) || !exists(filepath.Join(dist, name+".gz")) || !exists(filepath.Join(dist, name)) {
		if err := compressed(filepath.Join(dist, name), wasm, level); err != nil {
			return err
		}
	}
	cfg := Config{Wasm: name, WasmBytes: len(wasm), Posters: "posters/", Artboards: command.Artboards}
	for _, sc := range story.Scenes {
		cfg.Scenes = append(cfg.Scenes, Scene{sc.ID, sc.Title, sc.Caption})
	}
	js, err := json.Marshal(cfg) // escapes <, > and &
	if err != nil {
		return err
	}
	meta := `content="` + html.EscapeString(string(js)) + `"`
	return filepath.WalkDir(web, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(web, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".html") {
			if !bytes.Contains(b, []byte(Placeholder)) {
				return fmt.Errorf("%s: no <meta name=\"parallel-lines-config\" %s>: every page needs it", p, Placeholder)
			}
			b = bytes.ReplaceAll(b, []byte(Placeholder), []byte(meta))
		}
		out := filepath.Join(dist, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		if len(b) > 1024 && !strings.HasSuffix(p, ".html") { // pages are short-lived and small
			return compressed(out, b, 11)
		}
		return os.WriteFile(out, b, 0o644)
	})
}

var hashed = regexp.MustCompile(`^main\.[0-9a-f]{12}\.wasm(\.br|\.gz)?$`)

// clean removes the hashed wasm of earlier builds.
func clean(dist, keep string) error {
	es, err := os.ReadDir(dist)
	if err != nil {
		return err
	}
	for _, e := range es {
		if hashed.MatchString(e.Name()) && !strings.HasPrefix(e.Name(), keep) {
			if err := os.Remove(filepath.Join(dist, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// compressed writes b to name, name.br and name.gz.
func compressed(name string, b []byte, level int) error {
	if err := os.WriteFile(name, b, 0o644); err != nil {
		return err
	}
	var br bytes.Buffer
	w := brotli.NewWriterLevel(&br, level)
	w.Write(b)
	if err := w.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(name+".br", br.Bytes(), 0o644); err != nil {
		return err
	}
	var gz bytes.Buffer
	g, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	g.Write(b)
	if err := g.Close(); err != nil {
		return err
	}
	return os.WriteFile(name+".gz", gz.Bytes(), 0o644)
}

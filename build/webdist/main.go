// Command webdist assembles the pages of dist/ from web/: it copies the page
// shell, gives the wasm and the chunks of the Chinese glyphs
// (assets.FontZhChunks, fetched only for a Chinese view) content-hashed names (so a CDN may keep them for a
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
	Wasm      string `json:"wasm"`
	WasmBytes int    `json:"wasmBytes"`
	// FontZh names the chunks of the Chinese glyphs in the order they are
	// served (assets.FontZhChunks): the first scene's opening view, the
	// other scenes' opening views, the rest last.
	FontZh    []string           `json:"fontZh"`
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
	name := hashedName("main", wasm, ".wasm")
	var fonts []string
	for _, c := range assets.FontZhChunks {
		fonts = append(fonts, hashedName("font-zh-"+c.Name, c.Bytes, ".bin"))
	}
	if err := clean(dist, append([]string{name}, fonts...)...); err != nil {
		return err
	}
	// The name is the content's: copies already there are this chunk's.
	for i, c := range assets.FontZhChunks {
		if fp := filepath.Join(dist, fonts[i]); !exists(fp) || !exists(fp+".br") || !exists(fp+".gz") {
			if err := compressed(fp, c.Bytes, 11); err != nil {
				return err
			}
		}
	}
	// Brotli at quality 11 takes about a minute for the wasm: a build
	// whose wasm did not change keeps the copies of the same hash.
	// The stamp names the quality and window, so a quick build's copies
	// (or an older window's) are not kept for a release.
	stamp := filepath.Join(dist, ".webdist", fmt.Sprintf("%s.q%d.w%d", name, level, brotliWindow))
	if !exists(stamp) || !exists(filepath.Join(dist, name+".br")) || !exists(filepath.Join(dist, name+".gz")) || !exists(filepath.Join(dist, name)) {
		if err := compressed(filepath.Join(dist, name), wasm, level); err != nil {
			return err
		}
		os.RemoveAll(filepath.Join(dist, ".webdist"))
		if err := os.MkdirAll(filepath.Dir(stamp), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(stamp, nil, 0o644); err != nil {
			return err
		}
	}
	cfg := Config{Wasm: name, WasmBytes: len(wasm), FontZh: fonts, Posters: "posters/", Artboards: command.Artboards}
	for _, sc := range story.Scenes {
		cfg.Scenes = append(cfg.Scenes, Scene{sc.ID, sc.Title, sc.Caption})
	}
	js, err := json.Marshal(cfg) // escapes <, > and &
	if err != nil {
		return err
	}
	meta := `content="` + html.EscapeString(string(js)) + `"`
	if b, err := os.ReadFile(filepath.Join(dist, "wasm_exec.js")); err == nil {
		if err := compressed(filepath.Join(dist, "wasm_exec.js"), b, 11); err != nil {
			return err
		}
	}
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

// hashedName names a file by its content: prefix.<hash>ext.
func hashedName(prefix string, b []byte, ext string) string {
	sum := sha256.Sum256(b)
	return prefix + "." + hex.EncodeToString(sum[:])[:12] + ext
}

var hashed = regexp.MustCompile(`^(main\.[0-9a-f]{12}\.wasm|font-zh(-[a-z]+)?\.[0-9a-f]{12}\.bin)(\.br|\.gz)?$`)

// clean removes the hashed files of earlier builds.
func clean(dist string, keep ...string) error {
	es, err := os.ReadDir(dist)
	if err != nil {
		return err
	}
	kept := func(n string) bool {
		for _, k := range keep {
			if strings.HasPrefix(n, k) {
				return true
			}
		}
		return false
	}
	for _, e := range es {
		if hashed.MatchString(e.Name()) && !kept(e.Name()) {
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

// brotliWindow is the brotli window's log2: 24 (16 MB, the largest the
// format has and the brotli tool's default) rather than the library's 22,
// so matches reach across the whole 12.6 MB wasm: 23 KB less for it
// (bench/README.md 19). Every browser's decoder takes windows up to 24.
// build/internal/bench compresses with the same window.
const brotliWindow = 24

// compressed writes b to name, name.br and name.gz.
func compressed(name string, b []byte, level int) error {
	if err := writeFile(name, b); err != nil {
		return err
	}
	var br bytes.Buffer
	w := brotli.NewWriterOptions(&br, brotli.WriterOptions{Quality: level, LGWin: brotliWindow})
	w.Write(b)
	if err := w.Close(); err != nil {
		return err
	}
	if err := writeFile(name+".br", br.Bytes()); err != nil {
		return err
	}
	var gz bytes.Buffer
	g, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	g.Write(b)
	if err := g.Close(); err != nil {
		return err
	}
	return writeFile(name+".gz", gz.Bytes())
}

// writeFile writes through a temporary file, so an interrupted build never
// leaves a truncated copy that a later one would take as done.
func writeFile(name string, b []byte) error {
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

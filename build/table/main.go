// Command table writes the "Table" view: the dataset as accessible HTML
// tables (actors, relations, markets, flows, contrasts, figures, logic,
// quotes) with their citations, and the story scene by scene as text (from
// wasm/alt), one page per language: dist/table.html (Chinese, the widget's
// default) and dist/table-en.html, with one stylesheet, table.css. The
// pages carry no script and no inline style, so they stand under a strict
// Content-Security-Policy. It also writes data/index.json, the list of
// downloads the widget's "Download data" control offers.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/layout"
)

func main() {
	dist := flag.String("dist", "dist", "the built site; data/ inside it must exist")
	flag.Parse()
	if err := run(*dist); err != nil {
		fmt.Fprintln(os.Stderr, "table:", err)
		os.Exit(1)
	}
}

func run(dist string) error {
	s, err := data.Decode(assets.Story)
	if err != nil {
		return err
	}
	for _, l := range []layout.Lang{layout.Zh, layout.En} {
		b, err := Page(s, l)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dist, pageName[l]), b, 0o644); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(dist, "table.css"), []byte(css), 0o644); err != nil {
		return err
	}
	idx, err := index(filepath.Join(dist, "data"))
	if err != nil {
		return err
	}
	fmt.Printf("table: %s, %s, table.css; data/index.json lists %d files\n", pageName[layout.Zh], pageName[layout.En], idx)
	return nil
}

// Download is one file of dist/data, as the widget lists it.
type Download struct {
	Name  string `json:"name"`
	Bytes int64  `json:"bytes"`
}

// index writes data/index.json: every file the data compiler wrote, so the
// widget never hard-codes their names.
func index(dir string) (int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, fmt.Errorf("%w (run `make data` first)", err)
	}
	var out []Download
	for _, e := range entries {
		if e.IsDir() || e.Name() == "index.json" || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			return 0, err
		}
		out = append(out, Download{Name: e.Name(), Bytes: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return order(out[i].Name) < order(out[j].Name) })
	b, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		return 0, err
	}
	return len(out), os.WriteFile(filepath.Join(dir, "index.json"), append(b, '\n'), 0o644)
}

// order puts the README and the JSON first, then the tables by name.
func order(name string) string {
	switch {
	case name == "README.txt":
		return "0"
	case strings.HasSuffix(name, ".json"):
		return "1" + name
	}
	return "2" + name
}

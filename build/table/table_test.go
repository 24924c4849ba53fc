package main

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

// The table view holds every element of the dataset with its citation, in
// real tables (caption, column and row heads), and the story scene by
// scene, in each language; it has no script and no inline style, so a
// strict CSP (script-src 'self', no 'unsafe-inline') lets it render whole.
func TestPage(t *testing.T) {
	s := layouttest.Story(t)
	for _, l := range []layout.Lang{layout.Zh, layout.En} {
		b, err := Page(s, l)
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		text := html.UnescapeString(page)
		if !strings.Contains(page, `<html lang="`+l.Tag()+`">`) {
			t.Errorf("%s: no lang on <html>", pageName[l])
		}
		for _, bad := range []string{"<script", "style=", "<style", "javascript:", " on"} {
			if bad == " on" {
				if regexp.MustCompile(`<[^>]+\son[a-z]+=`).MatchString(page) {
					t.Errorf("%s has an inline event handler", pageName[l])
				}
				continue
			}
			if strings.Contains(page, bad) {
				t.Errorf("%s contains %q", pageName[l], bad)
			}
		}
		for _, a := range s.Actors {
			if !strings.Contains(text, l.Pick(a.Name)) || !strings.Contains(text, l.Pick(a.Role)) {
				t.Errorf("%s: actor %s missing", pageName[l], a.ID)
			}
		}
		for _, q := range s.Quotes {
			if !strings.Contains(text, strings.TrimSpace(l.Pick(q.Text))) {
				t.Errorf("%s: quote %s missing", pageName[l], q.ID)
			}
		}
		for _, sc := range s.Scenes {
			if !strings.Contains(text, l.Pick(sc.Title)) || !strings.Contains(text, l.Pick(sc.Caption)) {
				t.Errorf("%s: scene %s missing", pageName[l], sc.ID)
			}
		}
		tables := strings.Count(page, "<table>")
		if tables != 8 || strings.Count(page, "<caption") != tables {
			t.Errorf("%s: %d tables, %d captions", pageName[l], tables, strings.Count(page, "<caption"))
		}
		rows := len(s.Actors) + len(s.Relations) + len(s.Markets) + len(s.Flows) + len(s.Contrasts) + len(s.Figures) + len(s.Logic) + len(s.Quotes)
		if got := strings.Count(page, `<th scope="row">`); got != rows {
			t.Errorf("%s: %d row heads for %d elements", pageName[l], got, rows)
		}
		if got := strings.Count(page, "[P"); got < rows {
			t.Errorf("%s: only %d citations for %d rows", pageName[l], got, rows)
		}
	}
}

// The command writes both pages, the stylesheet and the list of downloads,
// and says clearly when the data folder is missing.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	if err := run(dir); err == nil || !strings.Contains(err.Error(), "make data") {
		t.Errorf("without data/: %v", err)
	}
	os.Mkdir(filepath.Join(dir, "data"), 0o755)
	for _, n := range []string{"story.json", "actors.csv", "README.txt"} {
		os.WriteFile(filepath.Join(dir, "data", n), []byte("x"), 0o644)
	}
	if err := run(dir); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"table.html", "table-en.html", "table.css", "data/index.json"} {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Error(err)
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "data", "index.json"))
	if i, j := strings.Index(string(b), "README.txt"), strings.Index(string(b), "actors.csv"); i < 0 || j < i {
		t.Errorf("index.json: %s", b)
	}
}

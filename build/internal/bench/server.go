package bench

import (
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/parallel-lines/widget/build/internal/devserver"
)

// Site is a folder served like a CDN serves static files: each file is
// compressed ahead of time, and a request gets brotli when it accepts br,
// else gzip when it accepts gzip, else the raw bytes, with Vary and an exact
// Content-Length. It keeps a log of what it sent.
type Site struct {
	files map[string]*Encoded // by URL path without the leading slash

	mu  sync.Mutex
	log []Sent
}

// Sent is one response of a Site.
type Sent struct {
	Path     string
	Encoding string // "br", "gzip" or "" (raw)
	Bytes    int
}

// LoadSite reads and compresses every file under dir.
func LoadSite(dir, cacheDir string) (*Site, error) {
	s := &Site{files: map[string]*Encoded{}}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		return s.Put(filepath.ToSlash(rel), b, cacheDir)
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Put adds or replaces one file.
func (s *Site) Put(name string, b []byte, cacheDir string) error {
	e, err := Encode(b, cacheDir)
	if err != nil {
		return err
	}
	s.files[name] = e
	return nil
}

// Clone returns a site with the same files and an empty log.
func (s *Site) Clone() *Site {
	c := &Site{files: make(map[string]*Encoded, len(s.files))}
	for k, v := range s.files {
		c.files[k] = v
	}
	return c
}

// File returns one file's encodings, or nil.
func (s *Site) File(name string) *Encoded { return s.files[name] }

// Log returns the responses sent so far and empties the log.
func (s *Site) Log() []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.log
	s.log = nil
	return l
}

// accepts reports whether an Accept-Encoding header lists coding with a
// non-zero quality.
func accepts(header, coding string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), coding) {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		return params != "q=0" && params != "q=0.0" && params != "q=0.00" && params != "q=0.000"
	}
	return false
}

func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	e := s.files[name]
	if e == nil || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
		http.NotFound(w, r)
		return
	}
	body, enc := e.Raw, ""
	ae := r.Header.Get("Accept-Encoding")
	switch {
	case accepts(ae, "br"):
		body, enc = e.Brotli, "br"
	case accepts(ae, "gzip"):
		body, enc = e.Gzip, "gzip"
	}
	h := w.Header()
	if t := devserver.ContentType(name); t != "" {
		h.Set("Content-Type", t)
	}
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	h.Set("Vary", "Accept-Encoding")
	h.Set("Cache-Control", "no-store") // every run loads cold
	h.Set("Content-Length", strconv.Itoa(len(body)))
	// Log before writing: a client that has read the whole body may ask
	// for the log before this handler would get past Write.
	s.mu.Lock()
	s.log = append(s.log, Sent{Path: name, Encoding: enc, Bytes: len(body)})
	s.mu.Unlock()
	if r.Method == http.MethodGet {
		w.Write(body)
	}
}

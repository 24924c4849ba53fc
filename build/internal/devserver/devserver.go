// Package devserver serves a directory of static files, such as the dist/
// folder of the widget, for local development and for the browser tests.
//
// It differs from http.FileServer in the ways that matter for this project:
// it sets fixed content types (the browser refuses to stream-compile a .wasm
// file that is not application/wasm, and /etc/mime.types differs between
// machines), it tells the browser to revalidate every file so that a rebuild
// is always picked up, it never lists a directory, and it cannot serve
// anything outside its root, not even through a symbolic link.
package devserver

import (
	"errors"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"regexp"
	"strings"
)

// contentTypes maps file extensions to the types the server sends. The list is
// explicit so that the result does not depend on the mime database of the
// machine.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".wasm":        "application/wasm",
	".msgpack":     "application/vnd.msgpack",
	".csv":         "text/csv; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".ico":         "image/x-icon",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".ttf":         "font/ttf",
	".otf":         "font/otf",
	".xml":         "application/xml",
	".webmanifest": "application/manifest+json",
}

// ContentType returns the type the server sends for a file name, or "" when
// it has none and lets http.ServeContent sniff the content.
func ContentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	return mime.TypeByExtension(ext)
}

// Handler serves the files of one directory. Create it with New.
type Handler struct {
	root *os.Root
	// CSP, when set, is sent as the Content-Security-Policy of every page
	// (.html), as a newsroom's server would send it.
	CSP string
}

// CSP is the policy every page of the widget runs under: nothing inline,
// nothing from another origin, WebAssembly allowed to compile.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

// immutable matches content-hashed names (main.0123456789ab.wasm): their
// content never changes, so they may be cached for a year.
var immutable = regexp.MustCompile(`\.[0-9a-f]{12}\.[a-z0-9]+$`)

// encodings are the precompressed copies the server looks for, best first.
var encodings = []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

// New returns a handler that serves the files under dir. It fails when dir is
// not a directory that can be opened.
func New(dir string) (*Handler, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &Handler{root: root}, nil
}

// Close releases the directory. The handler must not be used after it.
func (h *Handler) Close() error {
	return h.root.Close()
}

// ServeHTTP serves GET and HEAD requests for files; a request for a directory
// serves its index.html.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Development only: the browser may keep a copy but must ask again every
	// time, so a rebuilt main.wasm is never stale. 304 keeps that cheap.
	w.Header().Set("Cache-Control", "no-cache")
	// Without sniffing, a wrong type fails in development as it would on a
	// strict production server.
	w.Header().Set("X-Content-Type-Options", "nosniff")

	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}

	urlPath := r.URL.Path
	if !strings.HasPrefix(urlPath, "/") {
		urlPath = "/" + urlPath
	}
	// path.Clean resolves every ".." against the leading "/", so the result
	// never climbs above the root; os.Root also refuses it and any symbolic
	// link that points outside.
	name := strings.TrimPrefix(path.Clean(urlPath), "/")
	if name == "" {
		name = "."
	}
	f, info, err := h.open(name)
	if err != nil {
		h.openError(w, r, err)
		return
	}
	if info.IsDir() {
		f.Close()
		// Relative links in an index.html need the trailing slash.
		if !strings.HasSuffix(urlPath, "/") {
			target := "/" + name + "/"
			if name == "." {
				target = "/"
			}
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		// A directory without an index is not found: directories are
		// never listed.
		if f, info, err = h.open(name); err != nil || info.IsDir() {
			if err == nil {
				f.Close()
			}
			if err == nil || errors.Is(err, fs.ErrNotExist) {
				http.NotFound(w, r)
				return
			}
			h.openError(w, r, err)
			return
		}
	}
	defer func() { f.Close() }() // f may become a precompressed copy below
	if !info.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}

	if t := ContentType(name); t != "" {
		w.Header().Set("Content-Type", t)
	}
	if immutable.MatchString(name) {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	}
	if h.CSP != "" && strings.HasSuffix(name, ".html") {
		w.Header().Set("Content-Security-Policy", h.CSP)
	}
	// A copy compressed at build time (name.br, name.gz) is sent when the
	// browser takes it: the same bytes, fewer of them.
	if enc, cf, cinfo := h.precompressed(r, name); cf != nil {
		f.Close()
		f, info = cf, cinfo
		w.Header().Set("Content-Encoding", enc)
	}
	w.Header().Add("Vary", "Accept-Encoding")
	// ServeContent handles HEAD, Range and If-Modified-Since.
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// precompressed opens the best copy of name the request accepts, if any.
// The caller closes it.
func (h *Handler) precompressed(r *http.Request, name string) (string, *os.File, fs.FileInfo) {
	if strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") || r.Header.Get("Range") != "" {
		return "", nil, nil
	}
	accept := r.Header.Get("Accept-Encoding")
	for _, e := range encodings {
		if !acceptsEncoding(accept, e.token) {
			continue
		}
		if f, info, err := h.open(name + e.ext); err == nil {
			if info.Mode().IsRegular() {
				return e.token, f, info
			}
			f.Close()
		}
	}
	return "", nil, nil
}

// acceptsEncoding reports whether an Accept-Encoding header lists token
// with a non-zero quality.
func acceptsEncoding(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		fields := strings.Split(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(fields[0]), token) {
			continue
		}
		for _, p := range fields[1:] {
			if q := strings.ReplaceAll(strings.TrimSpace(p), " ", ""); q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000" {
				return false
			}
		}
		return true
	}
	return false
}

func (h *Handler) open(name string) (*os.File, fs.FileInfo, error) {
	f, err := h.root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// openError answers a request whose file could not be opened. Everything that
// is not a permission problem, including a path that escapes the root, is
// reported as not found so that the response says nothing about what lies
// outside.
func (h *Handler) openError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, fs.ErrPermission) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	http.NotFound(w, r)
}

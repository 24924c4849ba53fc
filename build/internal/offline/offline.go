// Package offline builds the explorer as one HTML file that opens by
// double-click from file://, with no server and no network: every script
// and stylesheet the page links is inlined, the dataset and small posters
// travel as JSON blocks, and the wasm goes in gzip-compressed and base64
// encoded, expanded by the browser with DecompressionStream. A strict
// Content-Security-Policy names each inline block by its SHA-256 hash, so
// the file runs nothing but what it was built with.
//
// The same file is its own presenter window: opened with #presenter, it
// shows the presenter view (web/presenter.js) and does not start the wasm.
package offline

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	stdhtml "html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Input is what the offline file is made of.
type Input struct {
	// Dir holds the built explorer: index.html and every file it links,
	// and the module its configuration names (main.wasm without one).
	Dir string
	// Extra lists files of Dir inlined after the page's own scripts and
	// stylesheets (the presenter view): .js as scripts, .css as styles.
	Extra []string
	// Story is the dataset as JSON (data/story.json).
	Story []byte
	// Posters maps "<scene>-<lang>" to a PNG.
	Posters map[string][]byte
}

// Sizes reports what went into the file, in bytes.
type Sizes struct {
	Total, Wasm, WasmGzip, FontZh, Posters, Story int
}

func (s Sizes) String() string {
	return fmt.Sprintf("%s (wasm %s, gzip %s; Chinese glyphs %s; posters %s; dataset %s)",
		mb(s.Total), mb(s.Wasm), mb(s.WasmGzip), mb(s.FontZh), mb(s.Posters), mb(s.Story))
}

func mb(n int) string { return fmt.Sprintf("%.2f MB", float64(n)/1e6) }

// The page's external references that are inlined. Only these two forms
// occur in index.html; anything else that names a local file is an error,
// since the file would need it at run time.
var (
	linkTag   = regexp.MustCompile(`<link rel="stylesheet" href="([^"]+)">`)
	scriptTag = regexp.MustCompile(`<script src="([^"]+)"></script>`)
	cspMeta   = regexp.MustCompile(`(?i)<meta http-equiv="Content-Security-Policy"[^>]*>`) // its line stays: errors name lines of index.html
	otherRef  = regexp.MustCompile(`(?i)\s(?:src|href)="([^"]+)"`)
	// An element of the explorer that needs a file beside the page (the
	// table view's link) is marked data-offline="omit"; the file leaves it out.
	omitted = regexp.MustCompile(`(?s)<(a|link|img)\b[^>]*\sdata-offline="omit"[^>]*>(?:.*?</a>)?\n?`)
)

// configMeta is the page's configuration for its loader (build/webdist
// fills it): the module's name among other things.
var closingScript = regexp.MustCompile(`(?i)</(script)`)

var configMeta = regexp.MustCompile(`<meta name="parallel-lines-config" content="([^"]*)">`)

// Build returns the offline file.
func Build(in Input) ([]byte, Sizes, error) {
	var sz Sizes
	page, err := os.ReadFile(filepath.Join(in.Dir, "index.html"))
	if err != nil {
		return nil, sz, fmt.Errorf("offline: %w", err)
	}
	html := omitted.ReplaceAllString(cspMeta.ReplaceAllString(string(page), ""), "")
	// Mark where the file's own blocks go while the page is still only
	// markup: inlined scripts and styles may contain "<body>" and the like.
	for _, m := range []struct {
		mark, at string
		after    bool
	}{
		{`<meta charset="utf-8">` + "\n", `<meta charset="utf-8">` + "\n", true},
		{"<body>", "<body>", true},
		{"</head>", "</head>", false},
		{"</body>", "</body>", false},
	} {
		i := strings.Index(html, m.at)
		if i < 0 {
			return nil, sz, fmt.Errorf("offline: index.html has no %q", strings.TrimSpace(m.at))
		}
		if m.after {
			i += len(m.at)
		}
		html = html[:i] + placeholder(m.mark) + html[i:]
	}
	var hashes struct{ script, style []string }
	read := func(ref string, line int) (string, error) {
		b, err := os.ReadFile(filepath.Join(in.Dir, filepath.FromSlash(ref)))
		if err != nil {
			return "", fmt.Errorf("offline: index.html:%d links %s, which is not in %s: %w", line, ref, in.Dir, err)
		}
		if strings.HasSuffix(ref, ".js") {
			// "</script" would end the block early; "<\/script" means the
			// same in a string, a template, a regular expression or a comment.
			return closingScript.ReplaceAllString(string(b), `<\/$1`), nil
		}
		if bytes.Contains(bytes.ToLower(b), []byte("</style")) {
			return "", fmt.Errorf("offline: %s contains a closing </style> tag and cannot be inlined", ref)
		}
		return string(b), nil
	}
	script := func(body string) string {
		hashes.script = append(hashes.script, hash(body))
		return "<script>" + body + "</script>"
	}
	style := func(body string) string {
		hashes.style = append(hashes.style, hash(body))
		return "<style>" + body + "</style>"
	}
	var firstErr error
	inline := func(re *regexp.Regexp, wrap func(string) string) {
		html = replaceWithLine(html, re, func(ref string, line int) string {
			body, err := read(ref, line)
			if err != nil {
				if firstErr == nil {
					firstErr = err
				}
				return ""
			}
			return wrap(body)
		})
	}
	// Besides the scripts and stylesheets it inlines, the page's markup may
	// refer to nothing but data: and fragments.
	rest := linkTag.ReplaceAllString(scriptTag.ReplaceAllString(html, ""), "")
	for _, m := range otherRef.FindAllStringSubmatch(rest, -1) {
		if ref := m[1]; !strings.HasPrefix(ref, "data:") && !strings.HasPrefix(ref, "#") {
			return nil, sz, fmt.Errorf("offline: index.html refers to %q, which the offline file cannot carry", ref)
		}
	}
	inline(linkTag, style)
	inline(scriptTag, script)
	if firstErr != nil {
		return nil, sz, firstErr
	}
	wasmName, fontNames, html, err := offlineConfig(html)
	if err != nil {
		return nil, sz, err
	}
	var extraStyles, extraScripts strings.Builder
	for _, name := range in.Extra {
		body, err := read(name, 0)
		if err != nil {
			return nil, sz, err
		}
		switch filepath.Ext(name) {
		case ".css":
			extraStyles.WriteString(style(body) + "\n")
		case ".js":
			extraScripts.WriteString(script(body) + "\n")
		default:
			return nil, sz, fmt.Errorf("offline: %s: only .js and .css files can be inlined", name)
		}
	}

	wasmBlock, raw, gz, err := binaryBlock(in.Dir, wasmName, "parallel-lines-wasm")
	if err != nil {
		return nil, sz, err
	}
	sz.Wasm, sz.WasmGzip = raw, gz
	// The chunks of the Chinese glyphs, which the loader fetches for a
	// Chinese view (web/widget.js): every one inlined the same way and
	// answered the same way, so both languages and every scene work with no
	// network.
	var fontBlock string
	for _, name := range fontNames {
		b, _, _, err := binaryBlock(in.Dir, name, fontBlockID(name))
		if err != nil {
			return nil, sz, err
		}
		fontBlock += b
		sz.FontZh += len(b)
	}
	storyJSON, err := jsonBlock(in.Story)
	if err != nil {
		return nil, sz, fmt.Errorf("offline: the dataset: %w", err)
	}
	posters := map[string]string{}
	for k, png := range in.Posters {
		posters[k] = "data:image/png;base64," + base64.StdEncoding.EncodeToString(png)
		sz.Posters += len(posters[k])
	}
	postersRaw, err := json.Marshal(posters) // escapes < > & inside strings
	if err != nil {
		return nil, sz, err
	}
	sz.Story = len(storyJSON)

	// Data blocks come first in <body>: the loader reads the module while
	// the scripts after them run.
	var blocks strings.Builder
	blocks.WriteString(`<script type="application/json" id="parallel-lines-story">` + storyJSON + "</script>\n")
	blocks.WriteString(`<script type="application/json" id="parallel-lines-posters">` + string(postersRaw) + "</script>\n")
	blocks.WriteString(wasmBlock)
	blocks.WriteString(fontBlock)
	blocks.WriteString(script(bootJS) + "\n")

	csp := `<meta http-equiv="Content-Security-Policy" content="` + policy(hashes.script, hashes.style) + `">` + "\n"
	for mark, add := range map[string]string{
		`<meta charset="utf-8">` + "\n": csp,
		"<body>":                        "\n" + blocks.String(),
		"</head>":                       extraStyles.String(),
		"</body>":                       extraScripts.String(),
	} {
		html = strings.Replace(html, placeholder(mark), add, 1)
	}
	sz.Total = len(html)
	return []byte(html), sz, nil
}

// offlineConfig returns the module's name from the page's configuration
// ("main.wasm" when the page has none), the Chinese glyphs' chunks (none
// when it names none) and the page with the configuration
// fitted to the offline file: no artboards, so the loader shows no poster
// file before the module runs (it starts at once, from memory).
func offlineConfig(html string) (wasm string, fonts []string, out string, err error) {
	m := configMeta.FindStringSubmatchIndex(html)
	if m == nil {
		return "main.wasm", nil, html, nil
	}
	var cfg map[string]any
	raw := stdhtml.UnescapeString(html[m[2]:m[3]])
	if err := json.Unmarshal([]byte(raw), &cfg); err != nil {
		return "", nil, "", fmt.Errorf("offline: the page's parallel-lines-config is not JSON (was index.html built by build/webdist?): %w", err)
	}
	wasm, _ = cfg["wasm"].(string)
	if wasm == "" || strings.ContainsAny(wasm, "/\\") || !strings.HasSuffix(wasm, ".wasm") {
		return "", nil, "", fmt.Errorf("offline: the page's parallel-lines-config names the module %q, want a .wasm file beside the page", wasm)
	}
	list, _ := cfg["fontZh"].([]any)
	for _, v := range list {
		font, _ := v.(string)
		if !fontFile.MatchString(font) {
			return "", nil, "", fmt.Errorf("offline: the page's parallel-lines-config names a chunk of the Chinese glyphs %q, want font-zh-<name>.<hash>.bin beside the page", font)
		}
		fonts = append(fonts, font)
	}
	cfg["artboards"] = []any{}
	b, err := json.Marshal(cfg)
	if err != nil {
		return "", nil, "", err
	}
	return wasm, fonts, html[:m[2]] + stdhtml.EscapeString(string(b)) + html[m[3]:], nil
}

// policy allows exactly the inline blocks of the file, the wasm compiled
// from memory, and images from data: (the posters); nothing is fetched.
func policy(scripts, styles []string) string {
	q := func(hs []string) string {
		hs = append([]string(nil), hs...)
		sort.Strings(hs)
		out := make([]string, len(hs))
		for i, h := range hs {
			out[i] = "'sha256-" + h + "'"
		}
		return strings.Join(out, " ")
	}
	return "default-src 'none'; script-src " + q(scripts) + " 'wasm-unsafe-eval'; style-src " + q(styles) +
		"; img-src data: blob:; base-uri 'none'; form-action 'none'"
}

func hash(s string) string {
	h := sha256.Sum256([]byte(s))
	return base64.StdEncoding.EncodeToString(h[:])
}

// binaryBlock reads dir/name and returns it as a data block with the given
// id, gzip-compressed and base64-encoded, with its raw and gzip sizes.
func binaryBlock(dir, name, id string) (block string, raw, gz int, err error) {
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return "", 0, 0, fmt.Errorf("offline: %w", err)
	}
	z, err := compress(b)
	if err != nil {
		return "", 0, 0, err
	}
	return `<script type="application/octet-stream" id="` + id + `">` + base64.StdEncoding.EncodeToString(z) + "</script>\n", len(b), len(z), nil
}

func compress(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// jsonBlock re-encodes JSON so that it can stand inside a <script> block:
// compact, and with <, > and & escaped (no "</script>" can occur).
func jsonBlock(b []byte) (string, error) {
	var c bytes.Buffer
	if err := json.Compact(&c, b); err != nil {
		return "", err
	}
	var e bytes.Buffer
	json.HTMLEscape(&e, c.Bytes())
	return e.String(), nil
}

// replaceWithLine replaces each match of re (whose first group is a file
// reference) by f(ref, line of the match).
func replaceWithLine(s string, re *regexp.Regexp, f func(ref string, line int) string) string {
	var out strings.Builder
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		out.WriteString(s[last:m[0]])
		out.WriteString(f(s[m[2]:m[3]], 1+strings.Count(s[:m[0]], "\n")))
		last = m[1]
	}
	out.WriteString(s[last:])
	return out.String()
}

// placeholder marks a place in the page for the offline file's own blocks.
func placeholder(at string) string { return "<!--offline:" + strings.TrimSpace(at) + "-->" }

// fontFile is how webdist names a chunk of the Chinese glyphs; the chunk's
// name picks its block (fontBlockID), as bootJS does.
var fontFile = regexp.MustCompile(`^font-zh-([a-z]+)\.[0-9a-f]+\.bin$`)

// fontBlockID is the id of the data block that carries a chunk's file.
func fontBlockID(file string) string {
	return "parallel-lines-font-zh-" + fontFile.FindStringSubmatch(file)[1]
}

// bootJS answers the loader's fetch of the module (any .wasm) and of the
// chunks of the Chinese glyphs (font-zh-<name>.*.bin) from the embedded copies: base64 to
// bytes, then gunzip in a stream. In the presenter window (#presenter) the
// explorer does not start: the answer never comes.
const bootJS = `(function () {
  "use strict";
  var realFetch = window.fetch && window.fetch.bind(window);
  function embedded(id, type) {
    var el = document.getElementById(id);
    if (!el || !el.textContent) throw new Error("the offline file has no " + id + " (or it was read already).");
    var bin = atob(el.textContent);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    el.textContent = "";
    if (typeof DecompressionStream !== "function") throw new Error("this browser cannot expand the embedded " + id + " (no DecompressionStream).");
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream, { headers: { "Content-Type": type } });
  }
  window.fetch = function (url, opts) {
    if (typeof url === "string" && /\.wasm$/.test(url)) {
      if (location.hash === "#presenter") return new Promise(function () {});
      return new Promise(function (ok) { ok(embedded("parallel-lines-wasm", "application/wasm")); });
    }
    var font = typeof url === "string" && /(^|\/)font-zh-([a-z]+)\.[0-9a-f]+\.bin$/.exec(url);
    if (font) {
      return new Promise(function (ok) { ok(embedded("parallel-lines-font-zh-" + font[2], "application/octet-stream")); });
    }
    return realFetch(url, opts);
  };
})();`

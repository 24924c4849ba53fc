package offline

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<title>t</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="a.css">
</head>
<body>
<p id="widget-status">Loading</p>
<script src="wasm_exec.js"></script>
<script src="widget.js"></script>
</body>
</html>
`

// fakeDist writes a small built explorer; files overrides its files.
func fakeDist(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	all := map[string]string{
		"index.html":    page,
		"a.css":         "/* <body> in a comment */ body { margin: 0 }",
		"wasm_exec.js":  "globalThis.Go = function () {};",
		"widget.js":     `fetch("main.wasm").then(function () { return "</script>"; });`,
		"presenter.css": ".pp { color: red }",
		"presenter.js":  "void 0;",
		"main.wasm":     "\x00asm" + strings.Repeat("wasm bytes ", 1000),
	}
	for k, v := range files {
		all[k] = v
	}
	for name, body := range all {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func build(t *testing.T, dir string) string {
	t.Helper()
	out, sz, err := Build(Input{
		Dir:     dir,
		Extra:   []string{"presenter.css", "presenter.js"},
		Story:   []byte(`{"scenes": [{"id": "a", "title": {"en": "</script><b>"}}]}`),
		Posters: map[string][]byte{"a-en": []byte("png")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if sz.Total != len(out) || sz.Wasm == 0 || sz.WasmGzip == 0 || (sz.Wasm > 1000 && sz.WasmGzip >= sz.Wasm) {
		t.Errorf("sizes %+v do not describe the file (%d bytes)", sz, len(out))
	}
	return string(out)
}

var (
	inlineScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)
	inlineStyle  = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
	block        = regexp.MustCompile(`(?s)<script type="[^"]+" id="([^"]+)">(.*?)</script>`)
)

func TestEverythingInlineAndAllowedByHash(t *testing.T) {
	html := build(t, fakeDist(t, nil))
	if n := strings.Count(html, "Content-Security-Policy"); n != 1 {
		t.Fatalf("%d policies in the file, want exactly its own", n)
	}
	csp := regexp.MustCompile(`content="(default-src 'none';[^"]*)"`).FindStringSubmatch(html)
	if csp == nil {
		t.Fatalf("no strict policy in:\n%.600s", html)
	}
	if regexp.MustCompile(`(?i)\s(src|href)="[^d#]`).MatchString(html) {
		t.Errorf("the file still refers to another file:\n%s", html)
	}
	scripts, styles := inlineScript.FindAllStringSubmatch(html, -1), inlineStyle.FindAllStringSubmatch(html, -1)
	// wasm_exec.js, widget.js, presenter.js and the loader; a.css and presenter.css.
	if len(scripts) != 4 || len(styles) != 2 {
		t.Errorf("%d inline scripts and %d styles, want 4 and 2", len(scripts), len(styles))
	}
	for _, m := range append(scripts, styles...) {
		h := sha256.Sum256([]byte(m[1]))
		if !strings.Contains(csp[1], "'sha256-"+base64.StdEncoding.EncodeToString(h[:])+"'") {
			t.Errorf("the policy does not allow the block %.60q", m[1])
		}
	}
	if !strings.Contains(csp[1], "'wasm-unsafe-eval'") || strings.Contains(csp[1], "unsafe-inline") {
		t.Errorf("policy %q: want wasm compilation allowed and no unsafe-inline", csp[1])
	}
	// The presenter's style and script come after the page's own.
	if !strings.Contains(html, `return "<\/script>"`) {
		t.Error(`a script's "</script>" is not escaped`)
	}
	if strings.Index(html, ".pp { color") < strings.Index(html, "margin: 0") || strings.Index(html, "void 0;") < strings.Index(html, `fetch("main.wasm")`) {
		t.Error("the presenter's files are not after the page's own")
	}
}

func TestDataBlocksDecode(t *testing.T) {
	dir := fakeDist(t, nil)
	html := build(t, dir)
	blocks := map[string]string{}
	for _, m := range block.FindAllStringSubmatch(html, -1) {
		blocks[m[1]] = m[2]
	}
	// The wasm: base64 of gzip of the very bytes of main.wasm.
	gz, err := base64.StdEncoding.DecodeString(blocks["parallel-lines-wasm"])
	if err != nil {
		t.Fatal(err)
	}
	r, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(r)
	want, _ := os.ReadFile(filepath.Join(dir, "main.wasm"))
	if !bytes.Equal(got, want) {
		t.Errorf("the embedded module expands to %d bytes that differ from main.wasm (%d)", len(got), len(want))
	}
	// The dataset survives, though it held "</script>".
	var story struct {
		Scenes []struct{ Title struct{ En string } }
	}
	if err := json.Unmarshal([]byte(blocks["parallel-lines-story"]), &story); err != nil || len(story.Scenes) != 1 || story.Scenes[0].Title.En != "</script><b>" {
		t.Errorf("the dataset block reads %+v, %v", story, err)
	}
	var posters map[string]string
	if err := json.Unmarshal([]byte(blocks["parallel-lines-posters"]), &posters); err != nil || posters["a-en"] != "data:image/png;base64,"+base64.StdEncoding.EncodeToString([]byte("png")) {
		t.Errorf("the poster block reads %v, %v", posters, err)
	}
	// The loader's blocks come before the scripts that read them.
	if strings.Index(html, `id="parallel-lines-wasm"`) > strings.Index(html, `fetch("main.wasm")`) {
		t.Error("the module block comes after the loader that reads it")
	}
}

func TestClearErrors(t *testing.T) {
	for name, c := range map[string]struct {
		files map[string]string
		want  string
	}{
		"missing file": {map[string]string{"index.html": strings.Replace(page, "a.css", "gone.css", 1)}, "index.html:8 links gone.css"},
		"closing tag":  {map[string]string{"a.css": `a::after { content: "</style>" }`}, "a.css contains a closing"},
		"bad config":   {map[string]string{"index.html": strings.Replace(page, "<title>", `<meta name="parallel-lines-config" content="{&#34;wasm&#34;:&#34;../x.js&#34;}"><title>`, 1)}, `"../x.js"`},
		"missing wasm": {map[string]string{"index.html": strings.Replace(page, "<title>", `<meta name="parallel-lines-config" content="{&#34;wasm&#34;:&#34;main.abc.wasm&#34;}"><title>`, 1)}, "main.abc.wasm"},
		"image":        {map[string]string{"index.html": strings.Replace(page, "<body>", `<body><img src="x.png">`, 1)}, `"x.png"`},
		"no body":      {map[string]string{"index.html": strings.Replace(page, "<body>", "", 1)}, "no \"<body>\""},
		"other link":   {map[string]string{"index.html": strings.Replace(page, `href="a.css"`, `href="a.css" media="print"`, 1)}, `"a.css"`},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := Build(Input{Dir: fakeDist(t, c.files), Story: []byte(`{}`)})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one mentioning %s", err, c.want)
			}
		})
	}
}

// TestHashedModuleFromConfig checks that the module named by the page's
// configuration is the one embedded, and that the loader is told not to
// show poster files (the offline file has none beside it).
func TestHashedModuleFromConfig(t *testing.T) {
	cfg := `<meta name="parallel-lines-config" content="{&#34;wasm&#34;:&#34;main.abc.wasm&#34;,&#34;artboards&#34;:[{&#34;Name&#34;:&#34;1200x675&#34;}]}"><title>`
	dir := fakeDist(t, map[string]string{
		"index.html":    strings.Replace(page, "<title>", cfg, 1),
		"main.abc.wasm": "\x00asm the hashed one",
	})
	html := build(t, dir)
	m := configMeta.FindStringSubmatch(html)
	if m == nil || !strings.Contains(m[1], "&#34;artboards&#34;:[]") || !strings.Contains(m[1], "main.abc.wasm") {
		t.Errorf("the offline configuration reads %q, want the module's name and no artboards", m)
	}
	for _, b := range block.FindAllStringSubmatch(html, -1) {
		if b[1] == "parallel-lines-wasm" {
			gz, _ := base64.StdEncoding.DecodeString(b[2])
			r, err := gzip.NewReader(bytes.NewReader(gz))
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := io.ReadAll(r); string(got) != "\x00asm the hashed one" {
				t.Errorf("embedded %q, want the module the configuration names", got)
			}
		}
	}
}

// Every chunk of the Chinese glyphs the configuration names is inlined
// beside the module in a block of its own, and the loader's fetch of each
// name is answered from it.
func TestChineseGlyphsInlined(t *testing.T) {
	cfg := `<meta name="parallel-lines-config" content="{&#34;wasm&#34;:&#34;main.abc.wasm&#34;,&#34;fontZh&#34;:[&#34;font-zh-first.0123456789ab.bin&#34;,&#34;font-zh-rest.0123456789ac.bin&#34;]}"><title>`
	dir := fakeDist(t, map[string]string{
		"index.html":                     strings.Replace(page, "<title>", cfg, 1),
		"main.abc.wasm":                  "\x00asm",
		"font-zh-first.0123456789ab.bin": "the first view's glyphs",
		"font-zh-rest.0123456789ac.bin":  "the other glyphs",
	})
	html := build(t, dir)
	want := map[string]string{"parallel-lines-font-zh-first": "the first view's glyphs", "parallel-lines-font-zh-rest": "the other glyphs"}
	for _, b := range block.FindAllStringSubmatch(html, -1) {
		w, ok := want[b[1]]
		if !ok {
			continue
		}
		delete(want, b[1])
		gz, _ := base64.StdEncoding.DecodeString(b[2])
		r, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := io.ReadAll(r); string(got) != w {
			t.Errorf("%s embeds %q, want %q", b[1], got, w)
		}
	}
	if len(want) != 0 {
		t.Fatalf("no block for %v", want)
	}
	if !strings.Contains(html, `"parallel-lines-font-zh-" + font[2]`) || !regexp.MustCompile(`font-zh-\(\[a-z\]\+\)`).MatchString(html) {
		t.Error("the boot script does not answer a fetch of font-zh-<name>.<hash>.bin from its block")
	}
	// A name that is not a chunk file beside the page is refused.
	bad := strings.Replace(cfg, "font-zh-first.0123456789ab.bin", "../font.bin", 1)
	if _, _, err := Build(Input{Dir: fakeDist(t, map[string]string{"index.html": strings.Replace(page, "<title>", bad, 1), "main.abc.wasm": "x"})}); err == nil || !strings.Contains(err.Error(), "../font.bin") {
		t.Errorf("a Chinese font outside the page: %v", err)
	}
}

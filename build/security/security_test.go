package security

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// root is the repository, from this package's directory.
const root = "../.."

// files returns the files under dirs (relative to the repository) whose
// names end in one of exts, skipping node_modules.
func files(t *testing.T, exts []string, dirs ...string) []string {
	t.Helper()
	var out []string
	for _, d := range dirs {
		dir := filepath.Join(root, d)
		if _, err := os.Stat(dir); err != nil {
			continue // dist/ before `make dist`
		}
		err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() && e.Name() == "node_modules" {
				return filepath.SkipDir
			}
			for _, x := range exts {
				if !e.IsDir() && strings.HasSuffix(p, x) {
					out = append(out, p)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// jsComments matches block comments and line comments that start a line
// or follow a space or ; (so "https://" in a string is kept).
var jsComments = regexp.MustCompile(`(?s)/\*.*?\*/|(^|[\s;])//[^\n]*`)

// Ways to run text as code or to write text as markup. Any use fails: the
// shell writes text with textContent and attributes with setAttribute.
var forbiddenJS = map[string]*regexp.Regexp{
	"eval":                     regexp.MustCompile(`\beval\s*\(`),
	"new Function":             regexp.MustCompile(`\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'\x60]`),
	"innerHTML":                regexp.MustCompile(`\.innerHTML\b`),
	"outerHTML":                regexp.MustCompile(`\.outerHTML\s*=`),
	"insertAdjacentHTML":       regexp.MustCompile(`insertAdjacentHTML`),
	"document.write":           regexp.MustCompile(`document\s*\.\s*write(ln)?\s*\(`),
	"createContextualFragment": regexp.MustCompile(`createContextualFragment`),
	"srcdoc":                   regexp.MustCompile(`\.srcdoc\s*=`),
	"string timer":             regexp.MustCompile(`set(Timeout|Interval)\s*\(\s*["'\x60]`),
	"javascript: URL":          regexp.MustCompile(`javascript:`),
}

func TestNoCodeOrMarkupFromText(t *testing.T) {
	js := files(t, []string{".js"}, "web", "dist")
	if len(js) == 0 {
		t.Fatal("no JavaScript found under web/")
	}
	for _, p := range js {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		src := jsComments.ReplaceAllString(string(b), "$1")
		for name, re := range forbiddenJS {
			if loc := re.FindStringIndex(src); loc != nil {
				line := strings.Count(src[:loc[0]], "\n") + 1
				t.Errorf("%s:%d (comments stripped): %s", p, line, name)
			}
		}
	}
	// The Go side reaches the DOM through syscall/js by name: the same
	// calls are forbidden there.
	goNames := regexp.MustCompile(`"(innerHTML|outerHTML|insertAdjacentHTML|eval|Function|write|writeln|srcdoc|createContextualFragment)"`)
	for _, p := range files(t, []string{".go"}, "wasm") {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "syscall/js") {
			continue
		}
		for _, m := range goNames.FindAllStringIndex(string(b), -1) {
			t.Errorf("%s:%d: the DOM is reached by %s", p, strings.Count(string(b[:m[0]]), "\n")+1, b[m[0]:m[1]])
		}
	}
}

var (
	cspMeta      = regexp.MustCompile(`(?i)<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"`)
	scriptTag    = regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script>`)
	handlerAttr  = regexp.MustCompile(`(?i)<[a-z][^>]*\son[a-z]+\s*=`)
	externalAttr = regexp.MustCompile(`(?i)\b(src|href|action|poster|data)\s*=\s*"((https?:)?//[^"]*)"`)
)

// Every page ships with a strict policy: scripts from its own origin only
// (WebAssembly compilation allowed), no inline script or handler, nothing
// loaded from another origin.
func TestPagesUnderStrictCSP(t *testing.T) {
	pages := files(t, []string{".html"}, "web", "dist")
	if len(pages) == 0 {
		t.Fatal("no pages found under web/")
	}
	for _, p := range pages {
		if strings.Contains(p, string(filepath.Separator)+"screenshots"+string(filepath.Separator)) {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		hashed := false
		m := cspMeta.FindStringSubmatch(page)
		if m == nil {
			t.Errorf("%s has no Content-Security-Policy", p)
		} else {
			policy := map[string]string{}
			for _, d := range strings.Split(m[1], ";") {
				f := strings.Fields(d)
				if len(f) > 0 {
					policy[f[0]] = strings.Join(f[1:], " ")
				}
			}
			script, ok := policy["script-src"]
			if !ok {
				script = policy["default-src"]
			}
			for _, bad := range []string{"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "data:"} {
				if strings.Contains(" "+script+" ", " "+bad+" ") {
					t.Errorf("%s: script-src allows %s (%q)", p, bad, script)
				}
			}
			// The offline file carries its scripts inline and allows exactly
			// those by hash, from nowhere else: default-src 'none'.
			hashed = strings.Contains(script, "'sha256-")
			if obj := policy["object-src"]; obj != "'none'" && !(obj == "" && policy["default-src"] == "'none'") {
				t.Errorf("%s: object-src is %q, want 'none'", p, obj)
			}
			if def := policy["default-src"]; def != "'self'" && !(hashed && def == "'none'") {
				t.Errorf("%s: default-src is %q, want 'self'", p, def)
			}
		}
		for _, s := range scriptTag.FindAllStringSubmatch(page, -1) {
			if hashed {
				continue // each inline block is allowed by its hash, and only it
			}
			if !strings.Contains(s[1], "src=") || strings.TrimSpace(s[2]) != "" {
				t.Errorf("%s: an inline script: <script%s>%.60s", p, s[1], s[2])
			}
		}
		if h := handlerAttr.FindString(page); h != "" {
			t.Errorf("%s: an inline event handler: %.80s", p, h)
		}
		for _, e := range externalAttr.FindAllStringSubmatch(page, -1) {
			t.Errorf("%s: %s loads from another origin: %s", p, e[1], e[2])
		}
	}
}

// The npm packages the browser tests use are pinned: exact versions in
// package.json, and a lock file that names every installed package with its
// version and an integrity hash.
func TestNpmFixturesPinned(t *testing.T) {
	var pkg struct {
		Dependencies    map[string]string `json:"dependencies"`
		DevDependencies map[string]string `json:"devDependencies"`
	}
	var lock struct {
		LockfileVersion int `json:"lockfileVersion"`
		Packages        map[string]struct {
			Version   string `json:"version"`
			Integrity string `json:"integrity"`
		} `json:"packages"`
	}
	for name, v := range map[string]any{"package.json": &pkg, "package-lock.json": &lock} {
		b, err := os.ReadFile(filepath.Join(root, "build", "testdeps", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("build/testdeps/%s: %v", name, err)
		}
	}
	exact := regexp.MustCompile(`^\d+\.\d+\.\d+$`)
	deps := map[string]string{}
	for k, v := range pkg.Dependencies {
		deps[k] = v
	}
	for k, v := range pkg.DevDependencies {
		deps[k] = v
	}
	if len(deps) == 0 {
		t.Fatal("build/testdeps/package.json lists no packages")
	}
	if lock.LockfileVersion < 2 {
		t.Errorf("package-lock.json is version %d, want 2 or later (with integrity per package)", lock.LockfileVersion)
	}
	for name, v := range deps {
		if !exact.MatchString(v) {
			t.Errorf("package.json: %s is %q, want an exact version", name, v)
		}
		l, ok := lock.Packages["node_modules/"+name]
		if !ok {
			t.Errorf("package-lock.json does not pin %s", name)
			continue
		}
		if l.Version != v {
			t.Errorf("package-lock.json pins %s at %s, package.json asks for %s", name, l.Version, v)
		}
	}
	for path, l := range lock.Packages {
		if path != "" && !strings.HasPrefix(l.Integrity, "sha512-") {
			t.Errorf("package-lock.json: %s has no sha512 integrity hash (%q)", path, l.Integrity)
		}
	}
}

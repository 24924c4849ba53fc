package command

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

// Fuzz targets of everything that reads input from outside the widget: the
// URL, the host's messages and the page shell's words. Each checks that the
// reader never panics, that what it accepts is within the command's domain,
// and that what it refuses is said briefly (a warning or error quotes at
// most 40 bytes of the input, however long).
//
//	go test ./wasm/command -run '^$' -fuzz '^FuzzParseParams$' -fuzztime 60s

// maxNotice bounds a warning or error: the fixed text, a quoted 40-byte
// excerpt and the list of known names.
const maxNotice = 400

var hostile = []string{
	"", "battlefield", "-1", "99999999999999999999", "1e308", "NaN", "0x10", "<script>alert(1)</script>",
	"\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "%00", "\x00", "\xff\xfe", "中文", "zh-Hant-TW",
	"\u202e\u0041\u200b", "🏳️‍🌈", strings.Repeat("a", 10000), "https://a.example/path", "null",
}

// checkScene fails t if c is not a Goto a caller can resolve safely.
func checkScene(t *testing.T, c Command) {
	t.Helper()
	if c.Name != Goto {
		t.Fatalf("a scene parameter gave command %q", c.Name)
	}
	if c.Scene != "" {
		if c.Index != -1 || len(c.Scene) > MaxSceneID || strings.Trim(c.Scene, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") != "" {
			t.Fatalf("accepted scene id %q (index %d)", c.Scene, c.Index)
		}
	} else if c.Index < -1 {
		t.Fatalf("accepted scene index %d", c.Index)
	}
}

func FuzzParseParams(f *testing.F) {
	for _, h := range hostile {
		f.Add("scene="+url.QueryEscape(h), "lang="+url.QueryEscape(h))
		f.Add("theme="+h+"&motion="+h, "origin="+url.QueryEscape(h)+"&load="+h)
	}
	f.Add("scene=battlefield&lang=en&theme=dark&motion=reduce&controls=0&autoplay=1", "scene=2")
	f.Add("%zz&=&==", "a=%")
	f.Fuzz(func(t *testing.T, query, fragment string) {
		v, merge := MergeURL(query, fragment)
		p, warns := ParseParams(v)
		if len(merge) > 2 {
			t.Fatalf("%d warnings for reading two strings", len(merge))
		}
		// One warning at most per parameter given.
		seen := map[string]bool{}
		for _, w := range warns {
			if seen[w.Param] {
				t.Fatalf("two warnings for parameter %q: %v", w.Param, warns)
			}
			seen[w.Param] = true
			if _, given := v[w.Param]; !given {
				t.Fatalf("a warning for %q, which was not given", w.Param)
			}
		}
		for _, w := range slices.Concat(merge, warns) {
			if n := len(w.String()); n > maxNotice+len(w.Msg) {
				t.Fatalf("a warning of %d bytes: %.200q…", n, w.String())
			}
		}
		checkScene(t, p.Scene)
		if !slices.Contains([]string{"", "zh", "en"}, p.Lang) || !slices.Contains(Themes, p.Theme) || (p.Load != "near" && p.Load != "click") {
			t.Fatalf("accepted lang %q, theme %q, load %q", p.Lang, p.Theme, p.Load)
		}
		if p.Origin != "" && p.Origin != "null" {
			if o, err := Origin(p.Origin); err != nil || o != p.Origin {
				t.Fatalf("accepted origin %q, which is not one (%v)", p.Origin, err)
			}
		}
	})
}

func FuzzParseMessage(f *testing.F) {
	for _, h := range hostile {
		for _, m := range []string{
			`{"type":"parallel-lines","command":"goto","scene":` + jsonQuote(h) + `}`,
			`{"type":"parallel-lines","command":` + jsonQuote(h) + `}`,
			`{"type":"parallel-lines","command":"lang","value":` + jsonQuote(h) + `}`,
		} {
			f.Add([]byte(m))
		}
	}
	for _, m := range []string{
		`{"type":"parallel-lines","command":"goto","scene":-1}`, `{"type":"parallel-lines","command":"goto","scene":1e300}`,
		`{"type":"parallel-lines","command":"goto","scene":2.5}`, `{"type":"parallel-lines","command":"goto","scene":[1]}`,
		`{"type":"parallel-lines","command":"goto","scene":{"a":1}}`, `{"type":"parallel-lines","command":"goto","scene":null}`,
		`{"type":"parallel-lines","command":7}`, `{"type":["parallel-lines"],"command":"next"}`, `{"type":"parallel-lines","event":"ready"}`,
		`[]`, `null`, `"next"`, `{"type":"parallel-lines","command":"theme","value":true}`, `{"type":"parallel-lines","command":"next","command":"prev"}`,
	} {
		f.Add([]byte(m))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := ParseMessage(b)
		if err != nil {
			if n := len(err.Error()); n > maxNotice {
				t.Fatalf("an error of %d bytes: %.200q…", n, err.Error())
			}
			return
		}
		spec, ok := Lookup(c.Name)
		if !ok || !spec.Host {
			t.Fatalf("accepted %q, which a host may not send", c.Name)
		}
		switch spec.Arg {
		case SceneArg:
			checkScene(t, c)
		case LangArg:
			if !slices.Contains(Langs, c.Value) {
				t.Fatalf("accepted language %q", c.Value)
			}
		case ThemeArg:
			if !slices.Contains(Themes, c.Value) {
				t.Fatalf("accepted theme %q", c.Value)
			}
		}
	})
}

func FuzzParseShell(f *testing.F) {
	for _, h := range hostile {
		f.Add("goto " + h)
		f.Add("tap " + h + " " + h)
		f.Add(h)
	}
	f.Add("lang")
	f.Add("pointer 1e400 -1e400")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseShell(s)
		if err != nil {
			if n := len(err.Error()); n > maxNotice {
				t.Fatalf("an error of %d bytes: %.200q…", n, err.Error())
			}
			return
		}
		spec, ok := Lookup(c.Name)
		if !ok {
			t.Fatalf("accepted %q, which is no command", c.Name)
		}
		switch spec.Arg {
		case SceneArg:
			checkScene(t, c)
		case PointArg:
			if c.X != c.X || c.Y != c.Y || c.X > 1e9 || c.X < -1e9 || c.Y > 1e9 || c.Y < -1e9 {
				t.Fatalf("accepted the point %v, %v", c.X, c.Y)
			}
		}
	})
}

func jsonQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte("0123456789abcdef"[r>>4])
			b.WriteByte("0123456789abcdef"[r&15])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

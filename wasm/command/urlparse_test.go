package command

import (
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// The widget's own query and origin readers (urlparse.go) against net/url,
// which they replace in main.wasm: same values, same errors, same verdicts.

// netOrigin is the url.Parse based Origin the widget used before.
func netOrigin(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return "", fmt.Errorf("not an origin such as https://news.example")
	}
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Errorf("an origin has no path, query or user: scheme://host[:port] only")
	}
	return strings.ToLower(u.Scheme + "://" + u.Host), nil
}

// rawHost is the host[:port] of s as written, before url.Parse decodes it.
func rawHost(s string) string {
	s, _, _ = strings.Cut(s, "#")
	s, _, _ = strings.Cut(s, "?")
	_, s, ok := strings.Cut(s, "//")
	if !ok {
		return ""
	}
	s, _, _ = strings.Cut(s, "/")
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// checkOrigin fails t unless Origin(s) is what netOrigin(s) is, but for
// the one difference Origin documents: a '%' in the host is refused.
func checkOrigin(t *testing.T, s string) {
	t.Helper()
	got, err := Origin(s)
	want, werr := netOrigin(s)
	if strings.Contains(rawHost(s), "%") {
		if err == nil {
			t.Fatalf("Origin(%q) = %q, want an error for a '%%' in the host", s, got)
		}
		return
	}
	if got != want || fmt.Sprint(err) != fmt.Sprint(werr) {
		t.Fatalf("Origin(%q) = %q, %v\nnet/url:     %q, %v", s, got, err, want, werr)
	}
}

var origins = []string{
	"https://news.example", "https://News.Example/", "HTTP://a.example:8080", "http://a.example:8080/",
	"https://a.example:", "https://:443", "https://", "https:///", "https:", "https", "", ":", "://a",
	"https://a.example/path", "https://a.example//", "https://a.example/%2f", "https://a.example/%2", "https://a.example/%zz",
	"https://a.example?", "https://a.example/?", "https://a.example?x", "https://a.example??", "https://a.example?#",
	"https://a.example#", "https://a.example#x", "https://a.example#%", "https://a.example#%41", "https://a.example#\x01",
	"https://user@a.example", "https://user:pw@a.example", "https://@a.example", "https://u%zz@a.example", "https://u v@a.example",
	"https://a@b@c.example", "https://中文@a.example", "https://a.example@", "https://[::1]@a.example",
	"https://a.example:80:80", "https://a.example:8o", "https://a.example::", "https://a b.example", "https://a\tb.example",
	"https://a\x7f.example", "https://a<b>.example", "https://a\"b.example", "https://a{b}.example", "https://a|b.example",
	"https://a]b.example", "https://a[b.example", "https://a.example\\x", "https://a^b.example", "https://a`b.example",
	"https://!$&'()*+,;=.example", "https://a_b-c~d.example", "https://中文.example", "https://\xff.example", "https://ÄÖ.example",
	"https://%41.example", "https://%e4%b8%ad.example", "https://a%25b.example", "https://[fe80::1%25en0]", "https://[fe80::1%en0]",
	"https://[::1]", "https://[::1]:8080", "https://[::1]:8080/", "https://[::1]:", "https://[::1]x", "https://[::1]:x", "https://[::1",
	"https://[]", "https://[:]", "https://[::]", "https://[1::]", "https://[1:2:3:4:5:6:7:8]", "https://[1:2:3:4:5:6:7:8:9]",
	"https://[1:2:3:4:5:6:7::]", "https://[1:2:3:4:5:6:7:8::]", "https://[1:2:3:4:5:6::7:8]", "https://[1::2::3]",
	"https://[12345::]", "https://[fFfF::aBcD]", "https://[g::1]", "https://[::ffff:192.0.2.1]", "https://[::192.0.2.1]",
	"https://[1:2:3:4:5:6:192.0.2.1]", "https://[1:2:3:4:5:192.0.2.1]", "https://[1:2:3:4:5:6::192.0.2.1]",
	"https://[::ffff:192.0.2.01]", "https://[::ffff:256.0.2.1]", "https://[::ffff:1.2.3]", "https://[::ffff:1.2.3.4.5]",
	"https://[::ffff:1..3.4]", "https://[::1.2.3.4:5]", "https://[192.0.2.1]", "https://[1.2::3]", "https://[::1]]", "https://[[::1]]",
	"https://x[::1]", "https://[::1:]", "https://[:1]", "https://[1:]", "https://[::1 ]", "https://[0000:0:0:0:0:0:0:1]",
	"javascript:alert(1)", "data:text/html,x", "ftp://a.example", "ws://a.example", "https:a.example", "https:/a.example",
	"//a.example", "a.example", "1https://a.example", "ht-tp://a.example", "null", "*", "https://a.example\x00",
}

func TestOriginMatchesNetURL(t *testing.T) {
	for _, s := range origins {
		checkOrigin(t, s)
	}
	// The widget's own examples.
	for s, want := range map[string]string{"https://News.example/": "https://news.example", "http://localhost:8080": "http://localhost:8080", "https://[::1]:8443": "https://[::1]:8443"} {
		if got, err := Origin(s); got != want || err != nil {
			t.Errorf("Origin(%q) = %q, %v; want %q", s, got, err, want)
		}
	}
}

func FuzzOrigin(f *testing.F) {
	for _, s := range origins {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkOrigin(t, s) })
}

// checkQuery fails t unless ParseQuery(s) is url.ParseQuery(s): the same
// values and the same error.
func checkQuery(t *testing.T, s string) {
	t.Helper()
	got, err := ParseQuery(s)
	want, werr := url.ParseQuery(s)
	if !reflect.DeepEqual(map[string][]string(got), map[string][]string(want)) || fmt.Sprint(err) != fmt.Sprint(werr) {
		t.Fatalf("ParseQuery(%.80q) = %v, %v\nnet/url:          %v, %v", s, got, err, want, werr)
	}
}

var queries = []string{
	"", "&", "&&", "=", "==", "a", "a=", "=a", "a=1&a=2&b", "a=1&&b=2", "scene=battlefield&lang=en",
	"a+b=c+d", "a%20b=%2B%26%3D", "a=%E4%B8%AD%e6%96%87", "a=%", "a=%4", "a=%zz&b=1", "%zz=1&b=%", "a=%4g",
	"a=1;b=2", "a=1&b=2;c&d=4", ";", "a=%zz;", "a=%00", "a=\x00&b=\xff", "a=b=c", "scene=%3Cb%3E", "a=%%41",
	"origin=https://News.example/", "origin=https%3A%2F%2Fa.example", "k=" + strings.Repeat("x", 5000),
	strings.Repeat("a&", 9999), strings.Repeat("a&", 10000), strings.Repeat("&", 10000), strings.Repeat("b=1&", 3) + "%",
}

func TestParseQueryMatchesNetURL(t *testing.T) {
	for _, s := range queries {
		checkQuery(t, s)
	}
	if v, _ := ParseQuery("a=1&a=2"); v.Get("a") != "1" || v.Get("b") != "" {
		t.Errorf("Get: %v", v)
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range queries {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkQuery(t, s) })
}

// TestHostCharsMatchNetURL checks every ASCII byte in a host, alone and
// with a port, since hostChars is a table of net/url's.
func TestHostCharsMatchNetURL(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		for _, form := range []string{"https://a%cb", "https://a%cb:80", "https://[::1%c]", "https://u%c@a"} {
			if c == '%' {
				continue
			}
			checkOrigin(t, fmt.Sprintf(form, c))
		}
	}
}

package command

import (
	"errors"
	"strconv"
	"strings"
)

// The widget reads two things from URLs: a query ("a=1&b=2") and an embed's
// origin ("https://news.example"). Both were read with net/url, whose
// url.Parse links a general URL parser and net/netip into main.wasm (about
// 10 KB brotli) for these two jobs; the code here does exactly them. Its
// results are compared with net/url's in urlparse_test.go, over tables and a
// fuzz target.

// Values are a query's parameters: each name with its values in order. It
// has url.Values's shape, so url.Values converts to it.
type Values map[string][]string

// Get returns the first value of name, or "".
func (v Values) Get(name string) string {
	if vs := v[name]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// maxQueryParams is net/url's default limit (defaultMaxParams): a query of
// more pairs is refused whole.
const maxQueryParams = 10000

// ParseQuery reads a query as url.ParseQuery does: pairs split at '&',
// name and value at the first '=', both percent-decoded with '+' as a space.
// A pair with a ';' or a bad escape is skipped and the first such problem
// returned, with net/url's wording; the other pairs are still read.
func ParseQuery(query string) (Values, error) {
	m := Values{}
	if strings.Count(query, "&")+1 > maxQueryParams {
		return m, errors.New("number of URL query parameters exceeded limit")
	}
	var err error
	for query != "" {
		var pair string
		pair, query, _ = strings.Cut(query, "&")
		if strings.Contains(pair, ";") {
			err = errors.New("invalid semicolon separator in query")
			continue
		}
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		k, err1 := unescape(k, true)
		if err1 == nil {
			v, err1 = unescape(v, true)
		}
		if err1 != nil {
			if err == nil {
				err = err1
			}
			continue
		}
		m[k] = append(m[k], v)
	}
	return m, err
}

// unescape decodes %XX escapes, and '+' as a space when plus is set; a '%'
// not followed by two hex digits is an error naming it as net/url does.
func unescape(s string, plus bool) (string, error) {
	if !strings.ContainsRune(s, '%') && !(plus && strings.ContainsRune(s, '+')) {
		return s, nil
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '%':
			if i+2 >= len(s) || unhex(s[i+1]) < 0 || unhex(s[i+2]) < 0 {
				return "", errors.New("invalid URL escape " + strconv.Quote(s[i:min(i+3, len(s))]))
			}
			b = append(b, byte(unhex(s[i+1])<<4|unhex(s[i+2])))
			i += 2
		case c == '+' && plus:
			b = append(b, ' ')
		default:
			b = append(b, c)
		}
	}
	return string(b), nil
}

func unhex(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return int(c - 'A' + 10)
	}
	return -1
}

var (
	errNotOrigin = errors.New("not an origin such as https://news.example")
	errNotBare   = errors.New("an origin has no path, query or user: scheme://host[:port] only")
)

// Origin normalises an origin ("https://example.org", lower case, a final
// "/" dropped) or reports why it is not one. It decides as the url.Parse
// based check it replaces did, with one difference, on purpose: a '%' in
// the host is refused, where url.Parse decoded escapes of non-ASCII bytes
// and IPv6 zones ("[fe80::1%25en0]"); a browser never writes either in an
// origin, so such a restriction could never match a message.
func Origin(s string) (string, error) {
	// The order is url.Parse's: the fragment, then the scheme, the query,
	// the authority up to the path; then user, host and port.
	s, frag, hasFrag := strings.Cut(s, "#")
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] == 0x7f {
			return "", errNotOrigin
		}
	}
	scheme, rest, ok := cutScheme(s)
	if !ok || (scheme != "http" && scheme != "https") {
		return "", errNotOrigin
	}
	query := ""
	if strings.HasSuffix(rest, "?") && strings.Count(rest, "?") == 1 {
		rest = rest[:len(rest)-1] // "https://a.example?" has an empty query
	} else {
		rest, query, _ = strings.Cut(rest, "?")
	}
	if !strings.HasPrefix(rest, "//") {
		return "", errNotOrigin // no authority, so no host
	}
	auth, path := rest[2:], ""
	if i := strings.IndexByte(auth, '/'); i >= 0 {
		auth, path = auth[:i], auth[i:]
	}
	host, user := auth, ""
	hasUser := false
	if i := strings.LastIndexByte(auth, '@'); i >= 0 {
		host, user, hasUser = auth[i+1:], auth[:i], true
	}
	if !validHost(host) || (hasUser && !validUserinfo(user)) {
		return "", errNotOrigin
	}
	path, err := unescape(path, false)
	if err != nil {
		return "", errNotOrigin
	}
	if hasFrag && frag != "" {
		if _, err := unescape(frag, false); err != nil {
			return "", errNotOrigin
		}
	}
	if host == "" {
		return "", errNotOrigin
	}
	if (path != "" && path != "/") || query != "" || (hasFrag && frag != "") || hasUser {
		return "", errNotBare
	}
	return strings.ToLower(scheme + "://" + host), nil
}

// cutScheme splits "scheme:rest" as url.Parse does (a letter, then letters,
// digits, '+', '-', '.'), the scheme in lower case; ok is false when there
// is none.
func cutScheme(s string) (scheme, rest string, ok bool) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.':
			if i == 0 {
				return "", s, false
			}
		case c == ':' && i > 0:
			return strings.ToLower(s[:i]), s[i+1:], true
		default:
			return "", s, false
		}
	}
	return "", s, false
}

// validUserinfo reports whether url.Parse would read s as a user (and
// password): its characters, and well-formed escapes.
func validUserinfo(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && !strings.ContainsRune("-._:~!$&'()*+,;=%@", rune(c)) {
			return false
		}
	}
	_, err := unescape(s, false)
	return err == nil
}

// validHost reports whether url.Parse would accept host ("name[:port]" or
// "[IPv6][:port]") for http and https, which allow one colon only; a '%'
// is refused (see Origin).
func validHost(host string) bool {
	if strings.IndexByte(host, '%') >= 0 {
		return false
	}
	if i := strings.LastIndexByte(host, '['); i > 0 {
		return false
	} else if i == 0 {
		j := strings.LastIndexByte(host, ']')
		return j > 0 && validPort(host[j+1:]) && hostChars(host[1:j]) && isIPv6(host[1:j])
	}
	if i := strings.IndexByte(host, ':'); i >= 0 && !validPort(host[i:]) {
		return false
	}
	return hostChars(host)
}

// validPort: "" or ':' and digits (url.Parse's validOptionalPort).
func validPort(p string) bool {
	if p == "" {
		return true
	}
	if p[0] != ':' {
		return false
	}
	for i := 1; i < len(p); i++ {
		if p[i] < '0' || p[i] > '9' {
			return false
		}
	}
	return true
}

// hostChars reports whether every ASCII byte of s may stand unescaped in a
// host (net/url's shouldEscape for hosts); other bytes are let through.
func hostChars(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x80 && !isAlnum(c) && !strings.ContainsRune("-_.~!$&'()*+,;=:[]<>\"", rune(c)) {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isIPv6 reports whether s is an IPv6 address in text form, possibly with an
// embedded IPv4 address at the end ("::ffff:192.0.2.1"), but not an IPv4
// address alone: what url.Parse accepts in brackets. It follows
// net/netip.ParseAddr (Go's sources, BSD-style licence), without zones.
func isIPv6(s string) bool {
	if strings.IndexByte(s, ':') < 0 || strings.IndexByte(s, '.') >= 0 && strings.IndexByte(s, '.') < strings.IndexByte(s, ':') {
		return false // no colon, or a '.' first: netip reads IPv4 (or nothing), which url.Parse refuses in brackets
	}
	ellipsis := -1 // the byte position of "::"
	if strings.HasPrefix(s, "::") {
		ellipsis, s = 0, s[2:]
		if s == "" {
			return true
		}
	}
	i := 0 // bytes of the address read
	for i < 16 {
		off, acc := 0, 0
		for ; off < len(s) && unhex(s[off]) >= 0; off++ {
			if off > 3 {
				return false // more than four digits
			}
			acc = acc<<4 + unhex(s[off])
		}
		if off == 0 {
			return false
		}
		if off < len(s) && s[off] == '.' {
			if ellipsis < 0 && i != 12 || i+4 > 16 || !isIPv4(s) {
				return false
			}
			i, s = i+4, ""
			break
		}
		i += 2
		s = s[off:]
		if s == "" {
			break
		}
		if s[0] != ':' || len(s) == 1 {
			return false
		}
		s = s[1:]
		if s[0] == ':' {
			if ellipsis >= 0 {
				return false
			}
			ellipsis, s = i, s[1:]
			if s == "" {
				break
			}
		}
	}
	if s != "" {
		return false
	}
	return i == 16 && ellipsis < 0 || i < 16 && ellipsis >= 0
}

// isIPv4 reports whether s is a dotted quad as netip reads one: four
// decimal fields of 0–255, no leading zeros.
func isIPv4(s string) bool {
	fields := strings.Split(s, ".")
	if len(fields) != 4 {
		return false
	}
	for _, f := range fields {
		if f == "" || len(f) > 1 && f[0] == '0' {
			return false
		}
		n := 0
		for i := 0; i < len(f); i++ {
			if f[i] < '0' || f[i] > '9' {
				return false
			}
			if n = n*10 + int(f[i]-'0'); n > 255 {
				return false
			}
		}
	}
	return true
}

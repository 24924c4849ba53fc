package jsonx

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Kind is the type of a JSON value.
type Kind uint8

// The kinds of JSON values.
const (
	Null Kind = iota + 1
	Bool
	Number
	String
	Array
	Object
)

// Value is one member's value of the object Members reads: its kind, its
// text as it stands in the input, and for a string its decoded text.
type Value struct {
	Kind Kind
	Raw  string // the value's JSON text, without surrounding space
	Str  string // the decoded string, for Kind String
}

// Float is a Number's value; ok is false for any other kind, or a number
// outside float64's range (as encoding/json refuses it).
func (v Value) Float() (f float64, ok bool) {
	if v.Kind != Number {
		return 0, false
	}
	f, err := strconv.ParseFloat(v.Raw, 64)
	return f, err == nil
}

// SyntaxError says what is wrong with the input and where: Offset is the
// byte at which reading stopped.
type SyntaxError struct {
	Msg    string
	Offset int
}

func (e *SyntaxError) Error() string {
	return e.Msg + " at byte " + strconv.Itoa(e.Offset)
}

// MaxDepth bounds the nesting of arrays and objects, so that a crafted
// input cannot recurse without end.
const MaxDepth = 256

// Members reads b, which must be one JSON object and nothing else, and
// returns its members (the last of two with the same name wins, as in
// encoding/json). Nested arrays and objects are checked and kept as raw
// text. Any other input gets a *SyntaxError.
func Members(b []byte) (map[string]Value, error) {
	p := parser{s: string(b)}
	p.space()
	if p.i >= len(p.s) {
		return nil, p.fail("empty input, want an object")
	}
	if p.s[p.i] != '{' {
		return nil, p.fail("want an object, found " + p.what())
	}
	m := map[string]Value{}
	if err := p.object(m, 1); err != nil {
		return nil, err
	}
	p.space()
	if p.i < len(p.s) {
		return nil, p.fail("text after the object: " + p.what())
	}
	return m, nil
}

type parser struct {
	s string
	i int
}

func (p *parser) fail(msg string) *SyntaxError { return &SyntaxError{Msg: msg, Offset: p.i} }

// what names the byte at the parser, for an error.
func (p *parser) what() string {
	if p.i >= len(p.s) {
		return "the end"
	}
	c := p.s[p.i]
	if c >= 0x20 && c < 0x7f {
		return strconv.QuoteRune(rune(c))
	}
	return "byte 0x" + strconv.FormatUint(uint64(c), 16)
}

func (p *parser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// object reads an object at p.i ('{'); with m, it keeps the members.
func (p *parser) object(m map[string]Value, depth int) error {
	if depth > MaxDepth {
		return p.fail("nested deeper than " + strconv.Itoa(MaxDepth))
	}
	p.i++ // {
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return nil
	}
	for {
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			return p.fail("want a member name (a string), found " + p.what())
		}
		key, err := p.str()
		if err != nil {
			return err
		}
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return p.fail("want ':' after a member name, found " + p.what())
		}
		p.i++
		p.space()
		v, err := p.value(depth)
		if err != nil {
			return err
		}
		if m != nil {
			m[key] = v
		}
		p.space()
		if p.i >= len(p.s) {
			return p.fail("unterminated object")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			return nil
		default:
			return p.fail("want ',' or '}' in an object, found " + p.what())
		}
	}
}

func (p *parser) array(depth int) error {
	if depth > MaxDepth {
		return p.fail("nested deeper than " + strconv.Itoa(MaxDepth))
	}
	p.i++ // [
	p.space()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return nil
	}
	for {
		p.space()
		if _, err := p.value(depth); err != nil {
			return err
		}
		p.space()
		if p.i >= len(p.s) {
			return p.fail("unterminated array")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			return nil
		default:
			return p.fail("want ',' or ']' in an array, found " + p.what())
		}
	}
}

// value reads any value at p.i, which is not space.
func (p *parser) value(depth int) (Value, error) {
	start := p.i
	if p.i >= len(p.s) {
		return Value{}, p.fail("want a value, found the end")
	}
	var v Value
	switch c := p.s[p.i]; {
	case c == '{':
		v.Kind = Object
		if err := p.object(nil, depth+1); err != nil {
			return Value{}, err
		}
	case c == '[':
		v.Kind = Array
		if err := p.array(depth + 1); err != nil {
			return Value{}, err
		}
	case c == '"':
		v.Kind = String
		s, err := p.str()
		if err != nil {
			return Value{}, err
		}
		v.Str = s
	case c == '-' || c >= '0' && c <= '9':
		v.Kind = Number
		if err := p.number(); err != nil {
			return Value{}, err
		}
	case p.literal("true"), p.literal("false"):
		v.Kind = Bool
	case p.literal("null"):
		v.Kind = Null
	default:
		return Value{}, p.fail("want a value, found " + p.what())
	}
	v.Raw = p.s[start:p.i]
	return v, nil
}

func (p *parser) literal(word string) bool {
	if len(p.s)-p.i >= len(word) && p.s[p.i:p.i+len(word)] == word {
		p.i += len(word)
		return true
	}
	return false
}

func (p *parser) digits() int {
	n := 0
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
		n++
	}
	return n
}

// number reads -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *parser) number() error {
	if p.s[p.i] == '-' {
		p.i++
	}
	if p.i < len(p.s) && p.s[p.i] == '0' {
		p.i++
	} else if p.digits() == 0 {
		return p.fail("want a digit in a number, found " + p.what())
	}
	if p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		if p.digits() == 0 {
			return p.fail("want a digit after '.' in a number, found " + p.what())
		}
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		if p.digits() == 0 {
			return p.fail("want a digit in a number's exponent, found " + p.what())
		}
	}
	return nil
}

// str reads a string at p.i ('"') and returns it decoded. Invalid UTF-8
// and unpaired surrogates become U+FFFD, as in encoding/json.
func (p *parser) str() (string, error) {
	p.i++ // "
	start := p.i
	// Fast path: no escapes, valid UTF-8.
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == '"' {
			s := p.s[start:p.i]
			if utf8.ValidString(s) {
				p.i++
				return s, nil
			}
			break
		}
		if c == '\\' || c < 0x20 {
			break
		}
		p.i++
	}
	p.i = start
	var b []byte
	for {
		if p.i >= len(p.s) {
			return "", p.fail("unterminated string")
		}
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return string(b), nil
		case c < 0x20:
			return "", p.fail("control character " + p.what() + " in a string")
		case c == '\\':
			p.i++
			if p.i >= len(p.s) {
				return "", p.fail("unterminated string")
			}
			e := p.s[p.i]
			p.i++
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return "", p.fail("want four hex digits after \\u")
				}
				if utf16.IsSurrogate(r) {
					// A pair is two escapes; anything else leaves r unpaired.
					save := p.i
					if p.literal(`\u`) {
						if r2, ok := p.hex4(); ok {
							if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
								b = utf8.AppendRune(b, d)
								continue
							}
						}
					}
					p.i = save
					r = utf8.RuneError
				}
				b = utf8.AppendRune(b, r)
			default:
				p.i--
				return "", p.fail("invalid escape \\" + p.what() + " in a string")
			}
		case c < utf8.RuneSelf:
			b = append(b, c)
			p.i++
		default:
			r, size := utf8.DecodeRuneInString(p.s[p.i:])
			p.i += size
			b = utf8.AppendRune(b, r) // RuneError for invalid bytes
		}
	}
}

func (p *parser) hex4() (rune, bool) {
	if len(p.s)-p.i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range []byte(p.s[p.i : p.i+4]) {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	p.i += 4
	return r, true
}

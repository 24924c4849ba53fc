// Package jsonx is the little JSON the widget speaks with its page: a
// writer for the objects it sends (inspect(), host events) and a reader for
// the flat objects it receives (host commands). It replaces encoding/json in
// the wasm, whose reflection-driven codec was about 50 KB of the brotli
// payload for a handful of fixed shapes. The writer's output is byte for
// byte what encoding/json.Marshal writes for the same values (HTML-safe
// escapes included), so the page sees no difference; the reader accepts
// exactly RFC 8259 JSON and says where it is not.
package jsonx

import (
	"errors"
	"math"
	"strconv"
	"unicode/utf8"
)

// Writer builds one JSON text. Calls follow the shape of the value:
// Object…End, Key before each member's value; commas are its business.
// A float that JSON cannot hold (NaN, ±Inf) is written as null and kept
// as the error Err reports.
type Writer struct {
	b     []byte
	comma bool
	err   error
}

// Bytes is the text written so far.
func (w *Writer) Bytes() []byte { return w.b }

// String is the text written so far.
func (w *Writer) String() string { return string(w.b) }

// Err reports a float JSON cannot hold, if any was written.
func (w *Writer) Err() error { return w.err }

func (w *Writer) sep() {
	if w.comma {
		w.b = append(w.b, ',')
	}
	w.comma = true
}

// Object opens an object.
func (w *Writer) Object() { w.sep(); w.b = append(w.b, '{'); w.comma = false }

// Array opens an array.
func (w *Writer) Array() { w.sep(); w.b = append(w.b, '['); w.comma = false }

// EndObject closes an object.
func (w *Writer) EndObject() { w.b = append(w.b, '}'); w.comma = true }

// EndArray closes an array.
func (w *Writer) EndArray() { w.b = append(w.b, ']'); w.comma = true }

// Key starts an object member.
func (w *Writer) Key(k string) {
	w.sep()
	w.b = AppendString(w.b, k)
	w.b = append(w.b, ':')
	w.comma = false
}

// Str writes a string.
func (w *Writer) Str(s string) { w.sep(); w.b = AppendString(w.b, s) }

// Int writes an integer.
func (w *Writer) Int(v int) { w.sep(); w.b = strconv.AppendInt(w.b, int64(v), 10) }

// Bool writes true or false.
func (w *Writer) Bool(v bool) { w.sep(); w.b = strconv.AppendBool(w.b, v) }

// Null writes null.
func (w *Writer) Null() { w.sep(); w.b = append(w.b, "null"...) }

// Float writes a number as encoding/json writes a float64.
func (w *Writer) Float(f float64) {
	w.sep()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		if w.err == nil {
			w.err = errors.New("jsonx: unsupported value: " + strconv.FormatFloat(f, 'g', -1, 64))
		}
		w.b = append(w.b, "null"...)
		return
	}
	w.b = AppendFloat(w.b, f)
}

// AppendFloat appends f as encoding/json formats a float64: the shortest
// decimal that reads back as f, in exponent form only below 1e-6 or from
// 1e21, with the exponent's leading zero dropped (1e-7, not 1e-07).
func AppendFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string, escaped as encoding/json does:
// quote, backslash and control characters, and also <, > and & (so that the
// text is safe inside HTML) and U+2028/U+2029 (line separators to
// JavaScript); invalid UTF-8 becomes U+FFFD.
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

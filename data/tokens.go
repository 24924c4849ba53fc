package data

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"slices"
	"unicode/utf8"
)

// Texts travel as token strings: byte strings that spell a text with the
// story's token table, a list of frequent words and every character the
// texts use beyond ASCII. In a token string each byte x means
//
//	0x00         the end of a text (it separates the Chinese from the English)
//	0x01–0x7F    that ASCII character, as itself
//	0x80–0xEF    token x−0x80 of the table: the 112 most used tokens, one byte
//	0xF0–0xFE y  token 112 + (x−0xF0)·256 + y: the next 3,840, two bytes
//	0xFF y       the byte y itself, for anything the table does not hold
//
// A Chinese character costs one or two bytes instead of three, and a frequent
// English word one or two instead of its length. Rare English words stay
// literal: replacing them would gain a few bytes raw but cost more than that
// once the file is gzipped, since gzip already finds repeated words in plain
// text (see docs/data.md for the measurements).
const (
	tokenEnd      = 0x00
	tokenOneByte  = 0x80                               // first one-byte token
	tokenTwoByte  = 0xF0                               // first lead byte of a two-byte token
	tokenRawByte  = 0xFF                               // escape: the next byte stands for itself
	oneByteTokens = tokenTwoByte - tokenOneByte        // 112
	twoByteTokens = (tokenRawByte - tokenTwoByte) << 8 // 3,840

	// MaxTokens is the most tokens a table can hold: every id has a code.
	MaxTokens = oneByteTokens + twoByteTokens
	// MaxTokenLen bounds one token, in bytes. Longer words stay literal.
	MaxTokenLen = 32
	// MaxTextBytes bounds what all the texts of a story may expand to. The
	// real story's texts are about 52 KB; a crafted file whose token strings
	// would expand further (an "expansion bomb") is refused.
	MaxTextBytes = 2 << 20

	// The longest token table and token string the wire form carries (see
	// the limit= tags in wire.go). The largest table possible takes 130,419
	// bytes; a text that fits its slot takes well under 16 KiB.
	maxTableWire = 128 << 10
	maxTextWire  = 16 << 10
)

// minTokenGain is what an ASCII piece (a word, or punctuation, with the
// space after it) must save, in bytes over the whole story, to become a
// token. Characters beyond ASCII are always tokens.
// Every ASCII token saves bytes raw but makes the gzipped file bigger (gzip
// would have found the repeats anyway and now sees ids instead of letters);
// requiring a real saving keeps the few words that pay under both measures.
const minTokenGain = 30

// tokenTable is the table a story's texts are spelt with.
type tokenTable struct {
	tokens []string       // by id: most used first, ties in byte order
	ids    map[string]int // token -> id
}

// newTokenTable builds the table for texts: deterministic (it depends on
// which texts there are, not on their order or on map iteration) and total
// (any text can be spelt with it, since anything it lacks is escaped byte by
// byte).
func newTokenTable(texts []string) *tokenTable {
	count := map[string]int{}
	for _, s := range texts {
		for p := range pieces(s) {
			count[p]++
		}
	}
	gain := func(p string, idLen int) int { // bytes saved by making p a token
		return count[p]*(len(p)-idLen) - (len(p) + 1)
	}
	var cand []string
	for p := range count {
		if mustTokenize(p) || len(p) <= MaxTokenLen && gain(p, 1) >= minTokenGain {
			cand = append(cand, p)
		}
	}
	slices.SortFunc(cand, func(a, b string) int {
		if c := cmp.Compare(count[b], count[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	t := &tokenTable{ids: map[string]int{}}
	for _, p := range cand {
		if len(t.tokens) == MaxTokens {
			break // the rest is escaped
		}
		// Past the one-byte ids, an ASCII word must pay with two-byte ids.
		if len(t.tokens) >= oneByteTokens && !mustTokenize(p) && gain(p, 2) < minTokenGain {
			continue
		}
		t.ids[p] = len(t.tokens)
		t.tokens = append(t.tokens, p)
	}
	return t
}

// pieces splits s into the units a token can stand for, which concatenate to
// s exactly: a run of ASCII letters and digits, or any other ASCII character,
// with one following space attached ("the ", ", "); a single character beyond
// ASCII ("中", "–"); a single byte that is not valid UTF-8; or NUL.
func pieces(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := 0; i < len(s); {
			c, j := s[i], i+1
			switch {
			case c >= utf8.RuneSelf:
				_, n := utf8.DecodeRuneInString(s[i:]) // n == 1 for an invalid byte
				j = i + n
			case isWordByte(c):
				for j < len(s) && isWordByte(s[j]) {
					j++
				}
			}
			if c < utf8.RuneSelf && c != ' ' && c != 0 && j < len(s) && s[j] == ' ' {
				j++
			}
			if !yield(s[i:j]) {
				return
			}
			i = j
		}
	}
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// mustTokenize reports whether p cannot be written literally.
func mustTokenize(p string) bool { return p[0] >= utf8.RuneSelf || p[0] == 0 }

// appendText spells s with the table (without an end byte).
func (t *tokenTable) appendText(dst []byte, s string) []byte {
	for p := range pieces(s) {
		id, ok := t.ids[p]
		switch {
		case ok && id < oneByteTokens:
			dst = append(dst, byte(tokenOneByte+id))
		case ok:
			id -= oneByteTokens
			dst = append(dst, byte(tokenTwoByte+id>>8), byte(id))
		case !mustTokenize(p):
			dst = append(dst, p...)
		default:
			for i := range len(p) {
				dst = append(dst, tokenRawByte, p[i])
			}
		}
	}
	return dst
}

// marshal writes the table: the number of tokens as a uvarint, one length
// byte per token, then the tokens' bytes one after another.
func (t *tokenTable) marshal() []byte {
	n := 0
	for _, tok := range t.tokens {
		n += len(tok)
	}
	b := make([]byte, 0, 3+len(t.tokens)+n)
	b = appendUvarint(b, uint64(len(t.tokens)))
	for _, tok := range t.tokens {
		b = append(b, byte(len(tok)))
	}
	for _, tok := range t.tokens {
		b = append(b, tok...)
	}
	return b
}

func appendUvarint(b []byte, x uint64) []byte {
	for x >= 0x80 {
		b = append(b, byte(x)|0x80)
		x >>= 7
	}
	return append(b, byte(x))
}

// parseTokenTable reads a table written by marshal, within the limits.
func parseTokenTable(b []byte) ([]string, error) {
	var n uint64
	i := 0
	for shift := 0; ; shift += 7 {
		if i == len(b) || shift > 14 {
			return nil, errors.New("token table: bad token count")
		}
		c := b[i]
		i++
		n |= uint64(c&0x7f) << shift
		if c < 0x80 {
			break
		}
	}
	if n > MaxTokens {
		return nil, fmt.Errorf("token table has %d tokens, more than the %d ids can name", n, MaxTokens)
	}
	if uint64(len(b)-i) < n {
		return nil, fmt.Errorf("token table is truncated: %d tokens, %d bytes", n, len(b)-i)
	}
	lens, body := b[i:i+int(n)], b[i+int(n):]
	toks := make([]string, n)
	for k, l := range lens {
		if l == 0 || l > MaxTokenLen {
			return nil, fmt.Errorf("token table: token %d is %d bytes (want 1–%d)", k, l, MaxTokenLen)
		}
		if len(body) < int(l) {
			return nil, fmt.Errorf("token table is truncated at token %d", k)
		}
		toks[k], body = string(body[:l]), body[l:]
	}
	if len(body) != 0 {
		return nil, fmt.Errorf("token table has %d bytes after its last token", len(body))
	}
	return toks, nil
}

// expander turns token strings back into text, within a total budget.
type expander struct {
	tokens []string
	left   int // bytes that may still be produced
	buf    []byte
}

func newExpander(tokens []string) *expander {
	return &expander{tokens: tokens, left: MaxTextBytes}
}

var errExpansion = fmt.Errorf("texts expand to more than %d bytes", MaxTextBytes)

// next reads one text from b, up to an end byte or the end of b, and returns
// it with the rest of b and whether an end byte was met.
func (e *expander) next(b []byte) (s string, rest []byte, ended bool, err error) {
	e.buf = e.buf[:0]
	for i := 0; i < len(b); i++ {
		x := b[i]
		var piece string
		switch {
		case x == tokenEnd:
			return e.take(), b[i+1:], true, nil
		case x < tokenOneByte:
			if e.left--; e.left < 0 {
				return "", nil, false, errExpansion
			}
			e.buf = append(e.buf, x)
			continue
		case x < tokenTwoByte:
			id := int(x - tokenOneByte)
			if id >= len(e.tokens) {
				return "", nil, false, fmt.Errorf("token %d is out of range (the table has %d)", id, len(e.tokens))
			}
			piece = e.tokens[id]
		default:
			if i+1 == len(b) {
				return "", nil, false, errors.New("token string ends inside a two-byte code")
			}
			i++
			if x == tokenRawByte {
				if e.left--; e.left < 0 {
					return "", nil, false, errExpansion
				}
				e.buf = append(e.buf, b[i])
				continue
			}
			id := oneByteTokens + int(x-tokenTwoByte)<<8 + int(b[i])
			if id >= len(e.tokens) {
				return "", nil, false, fmt.Errorf("token %d is out of range (the table has %d)", id, len(e.tokens))
			}
			piece = e.tokens[id]
		}
		if e.left -= len(piece); e.left < 0 {
			return "", nil, false, errExpansion
		}
		e.buf = append(e.buf, piece...)
	}
	return e.take(), nil, false, nil
}

func (e *expander) take() string {
	if len(e.buf) == 0 {
		return ""
	}
	return string(e.buf)
}

// text reads a bilingual text: Chinese, an end byte, English.
func (e *expander) text(b []byte) (Text, error) {
	zh, rest, ended, err := e.next(b)
	if err != nil {
		return Text{}, err
	}
	if !ended {
		return Text{}, errors.New("text has no end byte between its Chinese and its English")
	}
	en, _, ended, err := e.next(rest)
	if err != nil {
		return Text{}, err
	}
	if ended {
		return Text{}, errors.New("text has more than two parts")
	}
	return Text{Zh: zh, En: en}, nil
}

package main

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// WOFF 1.0 (https://www.w3.org/TR/WOFF/) is an sfnt whose tables are each
// zlib-compressed, behind a 44-byte header and a 20-byte-per-table
// directory. x/image/font/sfnt reads only plain sfnt, so we unwrap it here.
// The sources are files we commit, but the decoder still checks every offset
// and length: a broken file must give an error, not a panic or a huge
// allocation.

const (
	woffHeaderSize   = 44
	woffDirEntrySize = 20
	// Limits far above any real font (the CJK slices are ~4 MB decoded) that
	// keep a corrupt length field from asking for gigabytes.
	woffMaxTables    = 256
	woffMaxTableSize = 64 << 20
	woffMaxSfntSize  = 128 << 20
)

type woffTable struct {
	tag        uint32
	offset     uint32
	compLength uint32
	origLength uint32
	checksum   uint32
}

// decodeWOFF converts a WOFF 1.0 file to the equivalent sfnt (TrueType or
// CFF OpenType) bytes. Tables are laid out in tag order, 4-byte aligned, with
// their original checksums, as the WOFF spec requires of a round trip.
func decodeWOFF(b []byte) ([]byte, error) {
	if len(b) < woffHeaderSize {
		return nil, fmt.Errorf("woff: file is %d bytes, shorter than the %d-byte header", len(b), woffHeaderSize)
	}
	be := binary.BigEndian
	if sig := be.Uint32(b[0:]); sig != 0x774F4646 { // "wOFF"
		if sig == 0x774F4632 { // "wOF2"
			return nil, errors.New("woff: this is WOFF2, only WOFF 1.0 is supported")
		}
		return nil, fmt.Errorf("woff: bad signature %#08x, want 'wOFF'", sig)
	}
	flavor := be.Uint32(b[4:])
	if length := be.Uint32(b[8:]); int(length) != len(b) {
		return nil, fmt.Errorf("woff: header says %d bytes, file has %d", length, len(b))
	}
	numTables := int(be.Uint16(b[12:]))
	if numTables == 0 || numTables > woffMaxTables {
		return nil, fmt.Errorf("woff: %d tables (want 1..%d)", numTables, woffMaxTables)
	}
	if be.Uint16(b[14:]) != 0 {
		return nil, errors.New("woff: reserved header field is not zero")
	}
	dirEnd := woffHeaderSize + numTables*woffDirEntrySize
	if dirEnd > len(b) {
		return nil, fmt.Errorf("woff: table directory (%d tables) runs past the end of the file", numTables)
	}

	tables := make([]woffTable, numTables)
	var total uint64 = 12 + 16*uint64(numTables)
	for i := range tables {
		e := b[woffHeaderSize+i*woffDirEntrySize:]
		t := woffTable{
			tag:        be.Uint32(e[0:]),
			offset:     be.Uint32(e[4:]),
			compLength: be.Uint32(e[8:]),
			origLength: be.Uint32(e[12:]),
			checksum:   be.Uint32(e[16:]),
		}
		name := tagString(t.tag)
		if uint64(t.offset)+uint64(t.compLength) > uint64(len(b)) || int(t.offset) < dirEnd {
			return nil, fmt.Errorf("woff: table %q at %d+%d lies outside the data area", name, t.offset, t.compLength)
		}
		if t.compLength > t.origLength {
			return nil, fmt.Errorf("woff: table %q compressed length %d exceeds its original length %d", name, t.compLength, t.origLength)
		}
		if t.origLength > woffMaxTableSize {
			return nil, fmt.Errorf("woff: table %q claims %d bytes (limit %d)", name, t.origLength, woffMaxTableSize)
		}
		if i > 0 && t.tag <= tables[i-1].tag {
			return nil, fmt.Errorf("woff: table directory not sorted by tag at %q", name)
		}
		total += (uint64(t.origLength) + 3) &^ 3
		tables[i] = t
	}
	if total > woffMaxSfntSize {
		return nil, fmt.Errorf("woff: decoded font would be %d bytes (limit %d)", total, woffMaxSfntSize)
	}

	out := make([]byte, 12+16*numTables, total)
	be.PutUint32(out[0:], flavor)
	be.PutUint16(out[4:], uint16(numTables))
	// searchRange, entrySelector, rangeShift: the binary-search hints of the
	// sfnt offset table.
	es := 0
	for 1<<(es+1) <= numTables {
		es++
	}
	be.PutUint16(out[6:], uint16(16<<es))
	be.PutUint16(out[8:], uint16(es))
	be.PutUint16(out[10:], uint16(16*numTables-16<<es))

	for i, t := range tables {
		data := b[t.offset : t.offset+t.compLength]
		if t.compLength < t.origLength {
			var err error
			if data, err = inflate(data, t.origLength); err != nil {
				return nil, fmt.Errorf("woff: table %q: %w", tagString(t.tag), err)
			}
		}
		rec := out[12+16*i:]
		be.PutUint32(rec[0:], t.tag)
		be.PutUint32(rec[4:], t.checksum)
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], t.origLength)
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}

// inflate decompresses one zlib stream that must produce exactly n bytes.
func inflate(data []byte, n uint32) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("zlib: %w", err)
	}
	defer zr.Close()
	out := make([]byte, n)
	if _, err := io.ReadFull(zr, out); err != nil {
		return nil, fmt.Errorf("zlib stream shorter than the declared %d bytes: %w", n, err)
	}
	// One more byte must not exist; reading to EOF also checks the adler32.
	var extra [1]byte
	switch _, err := io.ReadFull(zr, extra[:]); err {
	case io.EOF:
	case nil:
		return nil, fmt.Errorf("zlib stream longer than the declared %d bytes", n)
	default:
		return nil, fmt.Errorf("zlib: %w", err)
	}
	return out, nil
}

func tagString(tag uint32) string {
	var s [4]byte
	binary.BigEndian.PutUint32(s[:], tag)
	for i, c := range s {
		if c < 0x20 || c > 0x7e {
			s[i] = '?'
		}
	}
	return string(s[:])
}

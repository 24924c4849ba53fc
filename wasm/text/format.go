package text

//go:generate go tool msgp -file format.go -o format_gen.go -io=false

// The subset travels as MessagePack arrays (msgp's tuple form): field names
// are not repeated for each of the thousands of glyphs.
//msgp:tuple Font Glyph

// Decoding limits. A real subset has a few thousand glyphs and no glyph
// path comes near 16 KB; a crafted file that declares a longer array or
// byte string is refused before anything is allocated for it. The same
// limits are checked again by Validate, so the encoder cannot write a file
// that the decoder would refuse.
//msgp:limit arrays:16384 maps:8

// FormatVersion is the value of Font.Format that this package reads and
// writes. Bump it on any incompatible change of the layout below.
const FormatVersion = 3 // 3: one-byte coordinate deltas (was zigzag varints)

// Limits of the format, shared by the msgp limits above and Validate.
const (
	MaxGlyphs    = 16384 // glyphs per weight
	MaxPathBytes = 16384 // bytes of Glyph.Ops or Glyph.Coords
	MaxGrid      = 64    // largest Font.Grid
)

// Font is the compact font subset: vertical metrics plus, for each of the
// two weights, the glyphs of the runes the widget shows. It is both the file
// format (written by build/fontsubset, read by Load) and the loaded font.
//
// All metrics are in font units. The fields are exported for the encoder;
// treat a loaded Font as read-only.
type Font struct {
	Format     uint8  // FormatVersion
	UnitsPerEm uint16 // font units per em
	Ascent     int16  // distance from the baseline up to the top of the line box, >= 0
	Descent    int16  // distance from the baseline down to the bottom of the line box, >= 0
	LineGap    int16  // extra space between line boxes, >= 0
	// Grid is the step of the outline coordinates in font units (0..64):
	// the encoder rounds every point to it and stores coordinates in grid
	// steps, which drops the low bits that no screen shows and that no
	// compressor can squeeze. 0 means 1: exact font units.
	Grid    uint8
	Regular []Glyph
	Bold    []Glyph

	// Rasterised glyphs; not part of the file.
	cache *glyphCache
	// quotes are the proportional quote marks of a Latin face, per
	// weight (see latin.go).
	quotes [2][4]quoteMetric
}

// Glyph is one rune's advance and outline. The advance is in font units,
// the outline in steps of the font's Grid.
//
// The outline is stored in two byte strings rather than as a list of
// numbers: that is smaller than a MessagePack int16 array (most deltas take
// one byte), and decoding is one copy-free slice per glyph instead of one
// call per coordinate; Load's time goes into validating the outlines.
//
// Ops holds the path operators, 2 bits each, four per byte, first operator
// in the low bits: 0 move, 1 line, 2 quad, 3 quad whose end point is left
// out because it is the midpoint of its control point and the next quad's
// (TrueType's implied on-curve point; see opQuadMid). Coords holds the x, y
// pairs of the stored points in order, each as the difference from the
// previous stored point (the first from the origin): one two's-complement
// byte for -127..127, else 0x80 followed by the zigzag-encoded unsigned
// varint (encoding/binary's Uvarint) of the difference. The path ends with the
// coordinates; unused bits in the last Ops byte are zero.
// Use SetPath and Path rather than building these by hand.
type Glyph struct {
	Rune    rune
	Advance uint16 // font units
	Ops     []byte `msg:",zerocopy"`
	Coords  []byte `msg:",zerocopy"`
}

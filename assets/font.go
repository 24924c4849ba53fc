package assets

import _ "embed"

// Font is the subset of Noto Sans SC (Regular and Bold) that covers every
// character of the story and the interface: build/fontsubset output, from
// the sources and licence in fonts/.
//
//go:embed fonts/subset.bin
var Font []byte

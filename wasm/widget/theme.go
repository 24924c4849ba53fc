package widget

import "image/color"

// Theme is a palette. The two lines and the markets differ in hue and
// lightness so that they stay apart under the common colour-vision
// deficiencies, and they differ in shape and position as well, so colour is
// never the only cue.
type Theme struct {
	Name       string
	Background color.NRGBA
	Ink        color.NRGBA // titles and names
	Muted      color.NRGBA // captions and second-language names
	Rule       color.NRGBA // quiet strokes: links at rest
	US, CN     color.NRGBA // the two lines
	Market     color.NRGBA // the third-party markets
	Band       color.NRGBA // a tint for areas and chips, that text can stand on
	Card       color.NRGBA // the panel of an open card
	Focus      color.NRGBA // the keyboard focus ring
}

func rgb(v uint32) color.NRGBA {
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// Light and Dark are the two themes.
var (
	Light = Theme{
		Name:       "light",
		Background: rgb(0xfbfaf7),
		Ink:        rgb(0x16181d),
		Muted:      rgb(0x565b66),
		Rule:       rgb(0xb9b6ad),
		US:         rgb(0x1d5fa8),
		CN:         rgb(0xb5321c),
		Market:     rgb(0x4a4a4a), // neutral ground between the lines
		Band:       rgb(0xebe7dd),
		Card:       rgb(0xffffff),
		Focus:      rgb(0x0b57d0),
	}
	Dark = Theme{
		Name:       "dark",
		Background: rgb(0x121419),
		Ink:        rgb(0xeceef1),
		Muted:      rgb(0xa6abb5),
		Rule:       rgb(0x4a4e57),
		US:         rgb(0x7db3f2),
		CN:         rgb(0xf2896b),
		Market:     rgb(0xbdbdbd),
		Band:       rgb(0x262a33),
		Card:       rgb(0x1d2027),
		Focus:      rgb(0x8ab4f8),
	}
)

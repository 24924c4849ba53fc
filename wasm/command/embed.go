package command

import (
	"math"
	"strconv"
	"strings"
)

// Artboard is a shape the widget is laid out and drawn for. The embed takes
// the artboard of its width and asks its host for the matching height, so
// the poster, drawn at build time for the same artboard, fills the frame
// exactly and the live canvas replaces it without a jump.
type Artboard struct {
	Name     string // as in poster file names: <scene>-<lang>-<theme>-<artboard>.png
	W, H     int    // CSS pixels
	MinWidth int    // the narrowest frame that takes it
}

// Artboards, narrowest first: a phone gets the tall artboard (the layout
// stacks the lines above and below the markets when taller than wide),
// anything from 600 px the 16:9 one.
var Artboards = []Artboard{
	{Name: "390x844", W: 390, H: 844, MinWidth: 0},
	{Name: "1200x675", W: 1200, H: 675, MinWidth: 600},
}

// ArtboardFor is the artboard of a frame width in CSS pixels.
func ArtboardFor(width float64) Artboard {
	a := Artboards[0]
	for _, b := range Artboards {
		if width >= float64(b.MinWidth) {
			a = b
		}
	}
	return a
}

// Height is the height the widget wants at a width, in whole CSS pixels.
func Height(width float64) int {
	if !(width > 0) || math.IsInf(width, 0) {
		return 0
	}
	a := ArtboardFor(width)
	return int(math.Round(width * float64(a.H) / float64(a.W)))
}

// pym.js's message format (NPR's responsive-iframe library): fields joined
// by "xPYMx", "pym" first, then the child's id, the type and the value.
const pymSep = "xPYMx"

// PymMessage builds a pym.js message, e.g. the child's height.
func PymMessage(id, typ, value string) string {
	return strings.Join([]string{"pym", id, typ, value}, pymSep)
}

// ParsePym reads a pym.js message sent to the child id (a parent's "width",
// say). ok is false for anything else.
func ParsePym(msg, id string) (typ, value string, ok bool) {
	if len(msg) > MaxMessage {
		return "", "", false
	}
	parts := strings.SplitN(msg, pymSep, 4)
	if len(parts) != 4 || parts[0] != "pym" || parts[1] != id || parts[2] == "" || strings.ContainsAny(parts[2], " \t\n") {
		return "", "", false
	}
	return parts[2], parts[3], true
}

// PymWidth reads the value of a pym "width" message.
func PymWidth(v string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || !(f > 0) || f > 1e5 {
		return 0, false
	}
	return f, true
}

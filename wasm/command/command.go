// Package command is the widget's one table of commands: every way to drive
// the widget (a host page's postMessage, the URL, the page shell's buttons
// and the keyboard) is parsed here into the same typed Command, so adding a
// command is one entry in Table. It is pure Go (no syscall/js, no
// Ebitengine), never panics on any input, and says what was wrong with
// anything it refuses.
package command

import (
	"sort"
	"strings"
)

// Name names a command.
type Name string

// The commands. The first group changes what the core shows; the second
// (Where == Shell) is performed by the page shell in the DOM through
// window.parallelLinesShell[name]; the third is input the shell forwards.
const (
	Goto     Name = "goto"  // go to a scene: Scene (id) or Index (0-based)
	Next     Name = "next"  // the next scene
	Prev     Name = "prev"  // the previous scene
	First    Name = "first" // the first scene
	Last     Name = "last"  // the last scene
	Play     Name = "play"  // start autoplay
	Pause    Name = "pause" // stop autoplay
	Toggle   Name = "toggle-play"
	Lang     Name = "lang"     // switch language: Value "zh" | "en"; "" toggles
	Theme    Name = "theme"    // switch theme: Value "light" | "dark" | "auto"
	Activate Name = "activate" // Enter on a focused item: press it or open its card
	Escape   Name = "escape"   // close the open overlay or card

	Fullscreen Name = "fullscreen"
	Black      Name = "black"
	White      Name = "white"
	Presenter  Name = "presenter"
	Help       Name = "help"

	Pointer Name = "pointer" // the pointer moved to X, Y (CSS pixels)
	Tap     Name = "tap"     // a click or a tap at X, Y (CSS pixels)
	Leave   Name = "leave"   // the pointer left the widget
)

// Command is one parsed command.
type Command struct {
	Name  Name
	Scene string  // Goto by id ("" when by index)
	Index int     // Goto by 0-based index; -1 when by id
	Value string  // Lang, Theme
	X, Y  float64 // Pointer, Tap: CSS pixels from the canvas's top left
}

// Arg is what a command takes besides its name.
type Arg uint8

const (
	NoArg    Arg = iota
	SceneArg     // "scene": an id or a 0-based index
	LangArg      // "value": zh | en
	ThemeArg     // "value": light | dark | auto
	PointArg     // "x", "y"
)

// Where says who performs a command.
type Where uint8

const (
	Core  Where = iota // the core (package widget), through the app
	Shell              // the page shell, in the DOM (window.parallelLinesShell[name])
	Input              // input the shell forwards to the core
)

// Spec is one entry of the table.
type Spec struct {
	Name Name
	Arg  Arg
	// Host: a host page may send it with postMessage.
	Host bool
	Where
	// Keys are KeyboardEvent.key values that run it (case-sensitive:
	// "f" and "F" are listed both when both should work).
	Keys []string
	// Doc is one line for the README and the help overlay.
	Doc string
}

// Table is every command. Adding a command is adding a line here (and, for
// a core command, a case where the app performs it).
var Table = []Spec{
	{Name: Goto, Arg: SceneArg, Host: true, Doc: "go to a scene by id or 0-based index; digits then Enter jump to scene N (1-based)"},
	{Name: Next, Host: true, Keys: []string{"ArrowRight", " ", "PageDown", "ArrowDown"}, Doc: "next scene (Enter too, when no item has the focus)"},
	{Name: Prev, Host: true, Keys: []string{"ArrowLeft", "PageUp", "Backspace", "ArrowUp"}, Doc: "previous scene"},
	{Name: First, Host: true, Keys: []string{"Home"}, Doc: "first scene"},
	{Name: Last, Host: true, Keys: []string{"End"}, Doc: "last scene"},
	{Name: Play, Host: true, Doc: "start autoplay"},
	{Name: Pause, Host: true, Doc: "stop autoplay"},
	{Name: Toggle, Keys: []string{"p", "P"}, Doc: "start or stop autoplay"},
	{Name: Lang, Arg: LangArg, Host: true, Keys: []string{"l", "L"}, Doc: "language: zh or en (the key switches)"},
	{Name: Theme, Arg: ThemeArg, Host: true, Doc: "theme: light, dark or auto (the reader's system)"},
	{Name: Activate, Doc: "Enter: press the focused control or open the focused item's card"},
	{Name: Escape, Keys: []string{"Escape"}, Doc: "close the open overlay or card"},
	{Name: Fullscreen, Where: Shell, Keys: []string{"f", "F"}, Doc: "full screen"},
	{Name: Black, Where: Shell, Keys: []string{"b", "B", "."}, Doc: "black screen"},
	{Name: White, Where: Shell, Keys: []string{"w", "W"}, Doc: "white screen"},
	{Name: Presenter, Where: Shell, Keys: []string{"n", "N"}, Doc: "presenter window"},
	{Name: Help, Where: Shell, Keys: []string{"?"}, Doc: "keyboard help"},
	{Name: Pointer, Arg: PointArg, Where: Input, Doc: "pointer moved"},
	{Name: Tap, Arg: PointArg, Where: Input, Doc: "click or tap"},
	{Name: Leave, Where: Input, Doc: "pointer left"},
}

// Lookup returns the entry of a command name.
func Lookup(n Name) (Spec, bool) {
	for _, s := range Table {
		if s.Name == n {
			return s, true
		}
	}
	return Spec{}, false
}

// hostNames lists what a host may send, for error messages.
func hostNames() string {
	var ns []string
	for _, s := range Table {
		if s.Host {
			ns = append(ns, string(s.Name))
		}
	}
	sort.Strings(ns)
	return strings.Join(ns, ", ")
}

// Langs and Themes are the values Lang and Theme accept.
var (
	Langs  = []string{"zh", "en"}
	Themes = []string{"light", "dark", "auto"}
)

func oneOf(v string, vs []string) bool {
	for _, x := range vs {
		if v == x {
			return true
		}
	}
	return false
}

package command

import (
	"math"
	"strconv"
	"strings"
)

// ParseShell reads a command from the page shell, written as words: "next",
// "goto battlefield", "goto 3", "lang en", "lang" (switch), "theme dark",
// "tap 120.5 88", "pointer 10 20", "leave". Any command of Table may come
// this way (the shell's buttons, present.js, the tests); it never panics.
func ParseShell(s string) (Command, error) {
	if len(s) > MaxMessage {
		return Command{}, errf("", "shell command of %d bytes is too long", len(s))
	}
	f := strings.Fields(s)
	if len(f) == 0 {
		return Command{}, errf("", "empty shell command")
	}
	spec, ok := Lookup(Name(f[0]))
	if !ok {
		return Command{}, errf("command", "%s is not a command", quote(f[0]))
	}
	c := Command{Name: spec.Name, Index: -1}
	args := f[1:]
	want := map[Arg]int{NoArg: 0, SceneArg: 1, LangArg: 1, ThemeArg: 1, PointArg: 2}[spec.Arg]
	if spec.Arg == LangArg && len(args) == 0 {
		return c, nil // switch to the other language
	}
	if len(args) != want {
		return Command{}, errf(string(spec.Name), "takes %d argument(s), got %d", want, len(args))
	}
	switch spec.Arg {
	case SceneArg:
		if err := sceneString(args[0], "scene", &c); err != nil {
			return Command{}, err
		}
	case LangArg:
		if !oneOf(args[0], Langs) {
			return Command{}, errf("value", "must be one of: %s", strings.Join(Langs, ", "))
		}
		c.Value = args[0]
	case ThemeArg:
		if !oneOf(args[0], Themes) {
			return Command{}, errf("value", "must be one of: %s", strings.Join(Themes, ", "))
		}
		c.Value = args[0]
	case PointArg:
		x, err1 := strconv.ParseFloat(args[0], 64)
		y, err2 := strconv.ParseFloat(args[1], 64)
		if err1 != nil || err2 != nil || math.IsNaN(x) || math.IsNaN(y) || math.Abs(x) > 1e6 || math.Abs(y) > 1e6 {
			return Command{}, errf(string(spec.Name), "x and y must be finite numbers (CSS pixels)")
		}
		c.X, c.Y = x, y
	}
	return c, nil
}

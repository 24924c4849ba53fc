package command

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Params are the settings a URL carries (?scene=…&lang=… on both pages; the
// fragment, which the widget keeps up to date, wins over the query).
type Params struct {
	Scene    Command // a Goto; Scene.Index == -1 and Scene.Scene == "" when absent
	Lang     string  // "zh", "en" or "" (follow the browser)
	Theme    string  // "light", "dark" or "auto" (default)
	Reduce   bool    // motion=reduce: travelling motion becomes cross-fades
	Controls bool    // controls=0 hides the on-canvas controls (default shown)
	Autoplay bool    // autoplay=1
	Loop     bool    // loop=1: autoplay starts again after the last scene (a kiosk)
	Present  bool    // mode=present: type and marks sized for a projected room
	Origin   string  // the only parent origin commands are taken from and events sent to; "" any
	Load     string  // "near" (default: when near the viewport, back to the poster when far), "click" or "eager" (at once, and stay)
}

// Warning is one refused URL parameter; the widget goes on with the default.
type Warning struct {
	Param, Value, Msg string
}

func (w Warning) String() string {
	param := w.Param
	if len(param) > 40 || !utf8.ValidString(param) { // i13: an unknown name from the URL is untrusted text too
		param = quote(param)
	}
	return fmt.Sprintf("parallel-lines: URL parameter %s=%s: %s", param, quote(w.Value), w.Msg)
}

// Known parameters that are not the widget's own but are expected: pym.js's
// parent adds these to the iframe's URL.
var foreign = map[string]bool{"childId": true, "initialWidth": true, "parentTitle": true, "parentUrl": true}

// ParseParams reads the widget's URL parameters. Every invalid or unknown
// value is reported once as a Warning and replaced by its default; it never
// panics. A value given twice takes the last (the fragment's, when the page
// merges query then fragment).
func ParseParams(v map[string][]string) (Params, []Warning) {
	p := Params{Scene: Command{Name: Goto, Index: -1}, Theme: "auto", Controls: true, Load: "near"}
	var warns []Warning
	warn := func(k, val, format string, a ...any) {
		warns = append(warns, Warning{k, val, fmt.Sprintf(format, a...)})
	}
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys) // warnings in a stable order
	for _, k := range keys {
		vs := v[k]
		if len(vs) == 0 {
			continue
		}
		val := vs[len(vs)-1]
		switch k {
		case "scene":
			c := Command{Name: Goto, Index: -1}
			if err := sceneString(val, k, &c); err != nil {
				warn(k, val, "%s; showing the first scene", err.(*Error).Msg)
				continue
			}
			p.Scene = c
		case "lang":
			switch l := strings.ToLower(val); {
			case l == "zh" || strings.HasPrefix(l, "zh-"):
				p.Lang = "zh"
			case l == "en" || strings.HasPrefix(l, "en-"):
				p.Lang = "en"
			default:
				warn(k, val, "must be zh or en; following the browser's language")
			}
		case "theme":
			if !oneOf(val, Themes) {
				warn(k, val, "must be light, dark or auto; following the system (auto)")
				continue
			}
			p.Theme = val
		case "motion":
			switch val {
			case "reduce", "off": // "off" is what earlier versions wrote
				p.Reduce = true
			case "full", "on":
			default:
				warn(k, val, "must be reduce; keeping full motion unless the system asks for less")
			}
		case "controls":
			b, ok := flag(val)
			if !ok {
				warn(k, val, "must be 0 or 1; showing the controls")
				continue
			}
			p.Controls = b
		case "autoplay":
			b, ok := flag(val)
			if !ok {
				warn(k, val, "must be 0 or 1; not playing")
				continue
			}
			p.Autoplay = b
		case "loop":
			b, ok := flag(val)
			if !ok {
				warn(k, val, "must be 0 or 1; playing once")
				continue
			}
			p.Loop = b
		case "mode":
			if val != "present" {
				warn(k, val, "must be present; laying out for reading")
				continue
			}
			p.Present = true
		case "origin":
			o, err := Origin(val)
			if err != nil {
				// Fail closed: a mistyped restriction must not open the
				// widget to every page.
				warn(k, val, "%s; accepting commands from no host", err)
				p.Origin = "null"
				continue
			}
			p.Origin = o
		case "load":
			if val != "near" && val != "click" && val != "eager" {
				warn(k, val, "must be near, click or eager; loading when near the viewport")
				continue
			}
			p.Load = val
		default:
			if !foreign[k] {
				warn(k, val, "unknown parameter, ignored (known: scene, lang, theme, motion, controls, autoplay, loop, mode, origin, load)")
			}
		}
	}
	return p, warns
}

func flag(v string) (bool, bool) {
	switch v {
	case "1", "true", "yes":
		return true, true
	case "0", "false", "no":
		return false, true
	}
	return false, false
}

// MergeURL merges a query ("a=1&b=2", no "?") and a fragment (no "#") into
// one set of values, the fragment's winning; broken pairs are reported.
func MergeURL(query, fragment string) (Values, []Warning) {
	out := Values{}
	var warns []Warning
	for _, part := range []string{query, fragment} {
		v, err := ParseQuery(part)
		if err != nil {
			warns = append(warns, Warning{"", part, "could not be read in full (" + err.Error() + ")"})
		}
		for k, vs := range v {
			out[k] = vs
		}
	}
	return out, warns
}

package command

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parallel-lines/widget/wasm/internal/jsonx"
)

// Type is the "type" every host message carries.
const Type = "parallel-lines"

// MaxMessage is the largest host message read, in bytes: a command is a
// few dozen; anything longer is not one of ours.
const MaxMessage = 4096

// MaxSceneID bounds a scene id read from outside.
const MaxSceneID = 64

// Error says what was wrong with a message or a parameter, and where.
type Error struct {
	Field string // the JSON member or URL parameter; "" for the whole input
	Msg   string
}

func (e *Error) Error() string {
	if e.Field == "" {
		return "parallel-lines: " + e.Msg
	}
	return fmt.Sprintf("parallel-lines: %q: %s", e.Field, e.Msg)
}

func errf(field, format string, a ...any) *Error {
	return &Error{Field: field, Msg: fmt.Sprintf(format, a...)}
}

// ParseMessage reads one host → widget message: a JSON object such as
// {"type":"parallel-lines","command":"goto","scene":"battlefield"}. It
// accepts only commands marked Host in Table, and returns an *Error for
// anything else; it never panics.
func ParseMessage(b []byte) (Command, error) {
	if len(b) > MaxMessage {
		return Command{}, errf("", "message of %d bytes is longer than the %d a command can be", len(b), MaxMessage)
	}
	m, err := jsonx.Members(b)
	if err != nil {
		return Command{}, errf("", "not a JSON object: %v", err)
	}
	if t := m["type"]; t.Kind != jsonx.String || t.Str != Type {
		return Command{}, errf("type", "must be %q", Type)
	}
	raw, ok := m["command"]
	if !ok {
		if _, ev := m["event"]; ev {
			return Command{}, errf("event", "an event is sent by a widget, not to one")
		}
		return Command{}, errf("command", "missing; one of: %s", hostNames())
	}
	name, ok := str(raw)
	if !ok {
		return Command{}, errf("command", "must be a string; one of: %s", hostNames())
	}
	spec, ok := Lookup(Name(name))
	if !ok || !spec.Host {
		return Command{}, errf("command", "%s is not a command a host can send; one of: %s", quote(name), hostNames())
	}
	c := Command{Name: spec.Name, Index: -1}
	switch spec.Arg {
	case SceneArg:
		s, ok := m["scene"]
		if !ok {
			return Command{}, errf("scene", "missing: a scene id or a 0-based index")
		}
		if err := sceneJSON(s, &c); err != nil {
			return Command{}, err
		}
	case LangArg:
		v, err := valueJSON(m, "value", Langs)
		if err != nil {
			return Command{}, err
		}
		c.Value = v
	case ThemeArg:
		v, err := valueJSON(m, "value", Themes)
		if err != nil {
			return Command{}, err
		}
		c.Value = v
	}
	return c, nil
}

// str is a string member's text; null reads as "", as encoding/json read
// it before.
func str(v jsonx.Value) (string, bool) {
	switch v.Kind {
	case jsonx.String:
		return v.Str, true
	case jsonx.Null:
		return "", true
	}
	return "", false
}

// sceneJSON reads a scene given as an id (string) or a 0-based index.
func sceneJSON(v jsonx.Value, c *Command) error {
	if v.Kind == jsonx.String {
		return sceneString(v.Str, "scene", c)
	}
	f, ok := v.Float()
	if !ok {
		return errf("scene", "must be a scene id (string) or a 0-based index (number)")
	}
	if f < 0 || f != math.Trunc(f) || f > math.MaxInt32 {
		return errf("scene", "index %s is not a whole number from 0", v.Raw)
	}
	c.Index = int(f)
	return nil
}

// sceneString reads a scene from text: digits are an index, anything else
// an id.
func sceneString(s, field string, c *Command) error {
	if s == "" {
		return errf(field, "empty: a scene id or a 0-based index")
	}
	if len(s) > MaxSceneID || !utf8.ValidString(s) {
		return errf(field, "not a scene id (at most %d characters of valid text)", MaxSceneID)
	}
	if n, err := strconv.Atoi(s); err == nil {
		if n < 0 {
			return errf(field, "index %d is negative", n)
		}
		c.Index = n
		return nil
	}
	for _, r := range s {
		if !(r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return errf(field, "%s is not a scene id (letters, digits, - _ . only)", quote(s))
		}
	}
	c.Scene, c.Index = s, -1
	return nil
}

func valueJSON(m map[string]jsonx.Value, field string, allowed []string) (string, error) {
	raw, ok := m[field]
	if !ok {
		return "", errf(field, "missing; one of: %s", strings.Join(allowed, ", "))
	}
	v, ok := str(raw)
	if !ok || !oneOf(v, allowed) {
		return "", errf(field, "must be one of: %s", strings.Join(allowed, ", "))
	}
	return v, nil
}

// quote shows untrusted text in a message, shortened.
func quote(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return strconv.Quote(strings.ToValidUTF8(s, "\uFFFD"))
}

// Resolve turns a Goto's scene into an index among ids.
func (c Command) Resolve(ids []string) (int, error) {
	if c.Scene == "" {
		if c.Index < 0 || c.Index >= len(ids) {
			return 0, errf("scene", "index %d is out of range: there are %d scenes (0 to %d)", c.Index, len(ids), len(ids)-1)
		}
		return c.Index, nil
	}
	for i, id := range ids {
		if id == c.Scene {
			return i, nil
		}
	}
	return 0, errf("scene", "no scene has the id %s", quote(c.Scene))
}

// Event is a widget → host message.
type Event struct {
	Type    string
	Event   string
	Scene   string // left out when ""
	Index   *int   // left out when nil
	Count   int    // left out when 0
	Value   *int   // left out when nil
	Message string // left out when ""
}

// SceneEvent is the "ready" or "scene" event.
func SceneEvent(event, id string, index, count int) Event {
	return Event{Type: Type, Event: event, Scene: id, Index: &index, Count: count}
}

// HeightEvent is the "height" event.
func HeightEvent(px int) Event { return Event{Type: Type, Event: "height", Value: &px} }

// ErrorEvent is the "error" event.
func ErrorEvent(msg string) Event { return Event{Type: Type, Event: "error", Message: msg} }

// JSON encodes e, members in the order above.
func (e Event) JSON() string {
	var w jsonx.Writer
	w.Object()
	w.Key("type")
	w.Str(e.Type)
	w.Key("event")
	w.Str(e.Event)
	if e.Scene != "" {
		w.Key("scene")
		w.Str(e.Scene)
	}
	if e.Index != nil {
		w.Key("index")
		w.Int(*e.Index)
	}
	if e.Count != 0 {
		w.Key("count")
		w.Int(e.Count)
	}
	if e.Value != nil {
		w.Key("value")
		w.Int(*e.Value)
	}
	if e.Message != "" {
		w.Key("message")
		w.Str(e.Message)
	}
	w.EndObject()
	return w.String()
}

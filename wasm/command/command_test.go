package command

import (
	"net/url"
	"strings"
	"testing"
)

func TestParseMessage(t *testing.T) {
	ok := []struct {
		in   string
		want Command
	}{
		{`{"type":"parallel-lines","command":"goto","scene":"battlefield"}`, Command{Name: Goto, Scene: "battlefield", Index: -1}},
		{`{"type":"parallel-lines","command":"goto","scene":3}`, Command{Name: Goto, Index: 3}},
		{`{"type":"parallel-lines","command":"goto","scene":"2"}`, Command{Name: Goto, Index: 2}},
		{`{"type":"parallel-lines","command":"next"}`, Command{Name: Next, Index: -1}},
		{`{"type":"parallel-lines","command":"prev"}`, Command{Name: Prev, Index: -1}},
		{`{"type":"parallel-lines","command":"play"}`, Command{Name: Play, Index: -1}},
		{`{"type":"parallel-lines","command":"pause"}`, Command{Name: Pause, Index: -1}},
		{`{"type":"parallel-lines","command":"lang","value":"en"}`, Command{Name: Lang, Value: "en", Index: -1}},
		{`{"type":"parallel-lines","command":"theme","value":"auto"}`, Command{Name: Theme, Value: "auto", Index: -1}},
	}
	for _, c := range ok {
		got, err := ParseMessage([]byte(c.in))
		if err != nil || got != c.want {
			t.Errorf("ParseMessage(%s) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
	bad := []struct{ in, field string }{
		{``, ""},
		{`[]`, ""},
		{`null`, ""},
		{`"pymxPYMx1xPYMxwidthxPYMx300"`, ""},
		{`{"command":"next"}`, "type"},
		{`{"type":"datawrapper-height","command":"next"}`, "type"},
		{`{"type":"parallel-lines"}`, "command"},
		{`{"type":"parallel-lines","event":"ready"}`, "event"},
		{`{"type":"parallel-lines","command":"explode"}`, "command"},
		{`{"type":"parallel-lines","command":"fullscreen"}`, "command"}, // needs a user gesture: not a host's
		{`{"type":"parallel-lines","command":"tap"}`, "command"},
		{`{"type":"parallel-lines","command":7}`, "command"},
		{`{"type":"parallel-lines","command":"goto"}`, "scene"},
		{`{"type":"parallel-lines","command":"goto","scene":-1}`, "scene"},
		{`{"type":"parallel-lines","command":"goto","scene":1.5}`, "scene"},
		{`{"type":"parallel-lines","command":"goto","scene":1e300}`, "scene"},
		{`{"type":"parallel-lines","command":"goto","scene":""}`, "scene"},
		{`{"type":"parallel-lines","command":"goto","scene":"<img src=x>"}`, "scene"},
		{`{"type":"parallel-lines","command":"goto","scene":null}`, "scene"},
		{`{"type":"parallel-lines","command":"lang","value":"fr"}`, "value"},
		{`{"type":"parallel-lines","command":"lang"}`, "value"},
		{`{"type":"parallel-lines","command":"theme","value":"sepia"}`, "value"},
		{`{"type":"parallel-lines","command":"next","pad":"` + strings.Repeat("x", MaxMessage) + `"}`, ""},
	}
	for _, c := range bad {
		_, err := ParseMessage([]byte(c.in))
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("ParseMessage(%.60s) = %v; want an *Error", c.in, err)
			continue
		}
		if e.Field != c.field || e.Msg == "" {
			t.Errorf("ParseMessage(%.60s): error on %q (%s); want one on %q", c.in, e.Field, e, c.field)
		}
	}
}

func TestResolve(t *testing.T) {
	ids := []string{"a", "b", "c"}
	for _, c := range []struct {
		cmd  Command
		want int
		ok   bool
	}{
		{Command{Name: Goto, Scene: "b", Index: -1}, 1, true},
		{Command{Name: Goto, Index: 2}, 2, true},
		{Command{Name: Goto, Index: 3}, 0, false},
		{Command{Name: Goto, Scene: "z", Index: -1}, 0, false},
	} {
		got, err := c.cmd.Resolve(ids)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("%+v.Resolve = %d, %v", c.cmd, got, err)
		}
	}
}

func TestParseParams(t *testing.T) {
	v, _ := url.ParseQuery("scene=battlefield&lang=en-GB&theme=dark&motion=reduce&controls=0&autoplay=1&origin=https://News.example/&load=click&childId=x&initialWidth=300")
	p, warns := ParseParams(v)
	if len(warns) != 0 {
		t.Fatalf("warnings for valid parameters: %v", warns)
	}
	want := Params{Scene: Command{Name: Goto, Scene: "battlefield", Index: -1}, Lang: "en", Theme: "dark", Reduce: true, Controls: false, Autoplay: true, Origin: "https://news.example", Load: "click"}
	if p != want {
		t.Fatalf("ParseParams = %+v\nwant %+v", p, want)
	}

	v, _ = url.ParseQuery("scene=%3Cb%3E&lang=fr&theme=sepia&motion=fast&controls=maybe&autoplay=2&origin=javascript:alert(1)&load=never&scnee=1")
	p, warns = ParseParams(v)
	if len(warns) != 9 {
		t.Fatalf("got %d warnings, want one per parameter (9): %v", len(warns), warns)
	}
	for _, w := range warns {
		if !strings.Contains(w.String(), w.Param+"=") {
			t.Errorf("warning %q does not name its parameter", w)
		}
	}
	def := Params{Scene: Command{Name: Goto, Index: -1}, Theme: "auto", Controls: true, Load: "near", Origin: "null"}
	if p != def {
		t.Fatalf("invalid values did not fall back to defaults: %+v", p)
	}
}

func TestMergeURL(t *testing.T) {
	v, _ := MergeURL("scene=a&lang=zh", "scene=b")
	if v.Get("scene") != "b" || v.Get("lang") != "zh" {
		t.Fatalf("fragment must win over the query: %v", v)
	}
}

func TestKeyboard(t *testing.T) {
	var k Keyboard
	press := func(key string, focused bool) Command {
		c, _ := k.Press(key, focused)
		return c
	}
	cases := []struct {
		key     string
		focused bool
		want    Name
	}{
		{"ArrowRight", false, Next}, {" ", false, Next}, {"PageDown", false, Next}, {"Enter", false, Next},
		{"ArrowLeft", false, Prev}, {"PageUp", false, Prev}, {"Backspace", false, Prev},
		{"Home", false, First}, {"End", false, Last},
		{"f", false, Fullscreen}, {"F", false, Fullscreen},
		{"b", false, Black}, {".", false, Black}, {"w", false, White},
		{"p", false, Toggle}, {"l", false, Lang}, {"N", false, Presenter}, {"?", false, Help},
		{"Escape", false, Escape}, {"Enter", true, Activate},
	}
	for _, c := range cases {
		if got := press(c.key, c.focused); got.Name != c.want {
			t.Errorf("key %q (focused %v) = %q, want %q", c.key, c.focused, got.Name, c.want)
		}
	}
	press("1", false)
	press("2", false)
	if got := press("Enter", true); got.Name != Goto || got.Index != 11 {
		t.Errorf("1 2 Enter = %+v, want goto index 11", got)
	}
	press("3", false)
	press("x", false) // another key forgets the number
	if got := press("Enter", false); got.Name != Next {
		t.Errorf("3 x Enter = %+v, want next", got)
	}
	if _, taken := k.Press("Tab", false); taken {
		t.Error("Tab was taken: it belongs to the shell and the browser")
	}
}

func TestTableNamesUnique(t *testing.T) {
	seen := map[Name]bool{}
	keys := map[string]Name{}
	for _, s := range Table {
		if seen[s.Name] {
			t.Errorf("command %q twice", s.Name)
		}
		seen[s.Name] = true
		for _, k := range s.Keys {
			if o, dup := keys[k]; dup {
				t.Errorf("key %q bound to %q and %q", k, o, s.Name)
			}
			keys[k] = s.Name
		}
	}
}

func TestHeight(t *testing.T) {
	for _, c := range []struct {
		w    float64
		want int
	}{{1200, 675}, {640, 360}, {390, 844}, {320, 693}, {0, 0}, {-5, 0}} {
		if got := Height(c.w); got != c.want {
			t.Errorf("Height(%v) = %d, want %d", c.w, got, c.want)
		}
	}
}

func TestPym(t *testing.T) {
	m := PymMessage("g1", "height", "675")
	if m != "pymxPYMxg1xPYMxheightxPYMx675" {
		t.Fatalf("PymMessage = %q", m)
	}
	typ, v, ok := ParsePym("pymxPYMxg1xPYMxwidthxPYMx812", "g1")
	if !ok || typ != "width" || v != "812" {
		t.Fatalf("ParsePym = %q %q %v", typ, v, ok)
	}
	if _, _, ok := ParsePym("pymxPYMxother xPYMxwidthxPYMx812", "g1"); ok {
		t.Fatal("a message to another child was taken")
	}
	if w, ok := PymWidth("812"); !ok || w != 812 {
		t.Fatal("PymWidth")
	}
	if _, ok := PymWidth("NaN"); ok {
		t.Fatal("PymWidth(NaN) accepted")
	}
}

func TestEvent(t *testing.T) {
	if got := SceneEvent("scene", "a", 0, 5).JSON(); got != `{"type":"parallel-lines","event":"scene","scene":"a","index":0,"count":5}` {
		t.Fatalf("scene event %s", got)
	}
	if got := HeightEvent(360).JSON(); got != `{"type":"parallel-lines","event":"height","value":360}` {
		t.Fatalf("height event %s", got)
	}
}

func TestParseShell(t *testing.T) {
	for in, want := range map[string]Command{
		"next":           {Name: Next, Index: -1},
		"goto 2":         {Name: Goto, Index: 2},
		"goto intro":     {Name: Goto, Scene: "intro", Index: -1},
		"lang":           {Name: Lang, Index: -1},
		"lang en":        {Name: Lang, Value: "en", Index: -1},
		"tap 10.5 20":    {Name: Tap, X: 10.5, Y: 20, Index: -1},
		"  fullscreen  ": {Name: Fullscreen, Index: -1},
	} {
		got, err := ParseShell(in)
		if err != nil || got != want {
			t.Errorf("ParseShell(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "fly", "goto", "tap 1", "tap NaN 1", "tap 1 Inf", "lang fr", "theme", "next 1"} {
		if _, err := ParseShell(in); err == nil {
			t.Errorf("ParseShell(%q) accepted", in)
		}
	}
}

// A message that is not JSON is refused with what is wrong and where, and
// an event carries any text safely (as encoding/json wrote it before).
func TestParseMessageMalformed(t *testing.T) {
	for in, want := range map[string]string{
		`{"type":"parallel-lines","command":"next"`:  `parallel-lines: not a JSON object: unterminated object at byte 41`,
		`{"type":"parallel-lines" "command":"next"}`: `parallel-lines: not a JSON object: want ',' or '}' in an object, found '"' at byte 25`,
		`{"type":'parallel-lines'}`:                  `parallel-lines: not a JSON object: want a value, found '\'' at byte 8`,
		`{"type":"parallel-lines","scene":01}`:       `parallel-lines: not a JSON object: want ',' or '}' in an object, found '1' at byte 34`,
	} {
		if _, err := ParseMessage([]byte(in)); err == nil || err.Error() != want {
			t.Errorf("ParseMessage(%s): %v; want %s", in, err, want)
		}
	}
	if got, want := ErrorEvent("bad <\"x\">\n").JSON(), `{"type":"parallel-lines","event":"error","message":"bad \u003c\"x\"\u003e\n"}`; got != want {
		t.Errorf("error event %s, want %s", got, want)
	}
}

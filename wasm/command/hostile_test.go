package command

import (
	"net/url"
	"strings"
	"testing"
)

// Hostile URL parameters each fall back to the default with exactly one
// warning, which quotes the value shortened and escaped.
func TestHostileParamsFallBack(t *testing.T) {
	defaults, warns := ParseParams(url.Values{})
	if len(warns) != 0 {
		t.Fatalf("no parameters give warnings: %v", warns)
	}
	values := []string{
		"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
		strings.Repeat("x", 10000), "\u202eevil\u200b", "\xff\xfe", "🏳️‍🌈", "-1", "99999999999999999999", "1e308", "NaN",
		"[1,2]", "{\"a\":1}", "null",
	}
	for _, param := range []string{"lang", "theme", "motion", "controls", "autoplay", "load", "scene"} {
		for _, val := range values {
			if param == "scene" && (val == "null" || val == "true" || val == "NaN" || val == "1e308" || val == "99999999999999999999") {
				continue // scene ids (null, true, NaN…) and indices the widget resolves later; see below
			}
			p, warns := ParseParams(url.Values{param: {val}})
			if len(warns) != 1 {
				t.Errorf("%s=%.40q: %d warnings, want one: %v", param, val, len(warns), warns)
				continue
			}
			w := warns[0].String()
			if len(w) > maxNotice || strings.ContainsAny(w, "\x00\u202e") || strings.Contains(w, strings.Repeat("x", 41)) {
				t.Errorf("%s=%.40q: the warning is not a short, escaped quote: %.200q", param, val, w)
			}
			if p != defaults {
				t.Errorf("%s=%.40q: settings %+v, want the defaults %+v", param, val, p, defaults)
			}
		}
	}
	// Ids and indices that read well but name no scene are refused where
	// the scenes are known: by Resolve, which the app then reports once.
	ids := []string{"two-lines", "battlefield"}
	for _, val := range []string{"null", "true", "NaN", "no-such-scene", "99999999999999999999", "2", "1e308"} {
		p, warns := ParseParams(url.Values{"scene": {val}})
		if len(warns) > 1 {
			t.Errorf("scene=%q: %d warnings", val, len(warns))
		}
		if len(warns) == 1 {
			continue
		}
		if _, err := p.Scene.Resolve(ids); err == nil {
			t.Errorf("scene=%q resolves to a scene of %q", val, ids)
		}
	}
}

// Hostile host messages are refused with an error, never a command.
func TestHostileMessagesRefused(t *testing.T) {
	for _, m := range []string{
		`{"type":"parallel-lines","command":"goto","scene":"<img src=x onerror=alert(1)>"}`,
		`{"type":"parallel-lines","command":"goto","scene":-1}`,
		`{"type":"parallel-lines","command":"goto","scene":1e300}`,
		`{"type":"parallel-lines","command":"goto","scene":1.5}`,
		`{"type":"parallel-lines","command":"goto","scene":[0]}`,
		`{"type":"parallel-lines","command":"goto","scene":{"id":"x"}}`,
		`{"type":"parallel-lines","command":"goto","scene":"` + strings.Repeat("a", 10000) + `"}`,
		`{"type":"parallel-lines","command":"goto","scene":"\u202e\u0000"}`,
		`{"type":"parallel-lines","command":"lang","value":"<b>zh</b>"}`,
		`{"type":"parallel-lines","command":"theme","value":1}`,
		`{"type":"parallel-lines","command":"eval","code":"alert(1)"}`,
		`{"type":"parallel-lines","command":"fullscreen"}`,
		`{"type":"parallel-lines","command":["next"]}`,
		`{"type":"other","command":"next"}`,
		`{"command":"next"}`,
		`"next"`, `[]`, `null`, `{}`, ``, `{"type":"parallel-lines","command":"next"`,
	} {
		c, err := ParseMessage([]byte(m))
		if err == nil {
			t.Errorf("%.60q… was taken as %+v", m, c)
			continue
		}
		if len(err.Error()) > maxNotice || strings.Contains(err.Error(), strings.Repeat("a", 41)) {
			t.Errorf("%.60q…: the error is not short: %.200q", m, err)
		}
	}
}

package widget

import (
	"encoding/json"
	"testing"

	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
)

// FuzzInspect: whatever the screen, scene, language, pointer and time, the
// frame's description never panics and is the JSON the page's inspect()
// promises, with every box inside the canvas's numbers (no NaN or Inf, which
// JSON cannot carry).
func FuzzInspect(f *testing.F) {
	f.Add(uint16(1280), uint16(720), uint8(10), uint8(2), false, uint16(30), int16(600), int16(400), true)
	f.Add(uint16(390), uint16(844), uint8(20), uint8(7), true, uint16(0), int16(-1), int16(-1), false)
	f.Add(uint16(1), uint16(1), uint8(5), uint8(255), false, uint16(1000), int16(0), int16(0), true)
	f.Add(uint16(3840), uint16(200), uint8(32), uint8(11), true, uint16(480), int16(3000), int16(100), false)
	s := layouttest.Story(f)
	f.Fuzz(func(t *testing.T, w, h uint16, scale10, scene uint8, en bool, ticks uint16, px, py int16, present bool) {
		scr := layout.Screen{W: int(w%4000) + 1, H: int(h%4000) + 1, Scale: float64(scale10%40+5) / 10, Present: present}
		lang := layout.Zh
		if en {
			lang = layout.En
		}
		wd := New(s, mono{}, scr, lang, int(scene)%len(s.Scenes))
		wd.Tick(int(ticks % 600))
		wd.PointerMove(float64(px), float64(py))
		var d Description
		if err := json.Unmarshal([]byte(wd.Inspect()), &d); err != nil {
			t.Fatalf("Inspect() on %+v is not JSON: %v", scr, err)
		}
		if d.Scene != s.Scenes[int(scene)%len(s.Scenes)].ID || d.Width <= 0 || d.Height <= 0 {
			t.Fatalf("Inspect() on %+v: scene %q, %g×%g", scr, d.Scene, d.Width, d.Height)
		}
	})
}

package bench

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func one(x float64) Stat { return Summarize([]float64{x}) }

// passing returns results that meet every budget.
func passing() *Results {
	r := &Results{
		Floor: Size{Brotli: 1_000_000}, Interactive: Size{Brotli: 1_200_000}, FirstPicture: Size{Brotli: 60_000},
		InteractiveToFloor: 1.2, InteractiveZh: Size{Brotli: 1_240_000}, InteractiveZhToFloor: 1.24,
		Idle: map[string]Idle{},
		Transitions: map[string]Transition{
			"1280x720":  {P95: one(3), FPS: one(45)},
			"3840x2160": {P95: one(7), FPS: one(20)},
		},
		Heap:  Heap{GrowthPct: one(1)},
		Start: map[string]Stat{"ready_after_wasm_local": one(900)},
	}
	for _, k := range []string{"rest", "hidden", "offscreen"} {
		r.Idle[k] = Idle{Busy: one(0.2), FPS: one(0)}
	}
	for _, k := range []string{"rest_20_embeds", "hidden_20_embeds", "offscreen_20_embeds"} {
		r.Idle[k] = Idle{Busy: one(3), FPS: one(0)}
	}
	return r
}

func TestBudgetsPass(t *testing.T) {
	lines, ok := CheckBudgets(passing())
	if !ok {
		t.Fatalf("passing results fail:\n%s", strings.Join(lines, "\n"))
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "ok") {
			t.Errorf("line %q", l)
		}
	}
}

func TestBudgetsFail(t *testing.T) {
	for name, spoil := range map[string]func(*Results){
		"payload":         func(r *Results) { r.InteractiveToFloor = 1.3 },
		"payload zh":      func(r *Results) { r.InteractiveZhToFloor = 1.3 },
		"zh not measured": func(r *Results) { r.InteractiveZh = Size{} },
		"first picture":   func(r *Results) { r.FirstPicture.Brotli = 100_001 },
		"idle busy":       func(r *Results) { r.Idle["hidden"] = Idle{Busy: one(0.6), FPS: one(0)} },
		"idle frames":     func(r *Results) { r.Idle["rest"] = Idle{Busy: one(0.1), FPS: Summarize([]float64{0, 0.2})} },
		"embeds":          func(r *Results) { r.Idle["offscreen_20_embeds"] = Idle{Busy: one(5.5), FPS: one(0)} },
		"p95 small":       func(r *Results) { r.Transitions["1280x720"] = Transition{P95: one(4.5), FPS: one(60)} },
		"fps":             func(r *Results) { r.Transitions["1280x720"] = Transition{P95: one(1), FPS: one(29)} },
		"p95 large":       func(r *Results) { r.Transitions["3840x2160"] = Transition{P95: one(9), FPS: one(60)} },
		"heap":            func(r *Results) { r.Heap.GrowthPct = one(5.1) },
		"ready":           func(r *Results) { r.Start["ready_after_wasm_local"] = one(1600) },
		"not measured":    func(r *Results) { delete(r.Transitions, "3840x2160") },
		"no floor":        func(r *Results) { r.Floor.Brotli = 0 },
	} {
		r := passing()
		spoil(r)
		lines, ok := CheckBudgets(r)
		if ok {
			t.Errorf("%s: spoilt results pass", name)
		}
		over := 0
		for _, l := range lines {
			if strings.HasPrefix(l, "OVER") {
				over++
			}
		}
		want := 1
		if name == "no floor" { // both views' payloads are ratios to it
			want = 2
		}
		if over != want {
			t.Errorf("%s: %d budgets over, want exactly %d:\n%s", name, over, want, strings.Join(lines, "\n"))
		}
	}
}

// Results survive the JSON round trip that `make budget` relies on,
// figures that were not taken included (NaN is written as null).
func TestResultsJSON(t *testing.T) {
	r := passing()
	r.StoryDecode = Summarize(nil)
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"story_decode_ms":{"median":null`) {
		t.Errorf("a missing figure is not null: %s", b)
	}
	var back Results
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(back.StoryDecode.Median) || back.Transitions["1280x720"].P95.Median != 3 {
		t.Errorf("round trip lost figures: %+v", back.Transitions)
	}
	if _, ok := CheckBudgets(&back); !ok {
		t.Error("round-tripped results fail")
	}
	md := Markdown(&back)
	for _, want := range []string{"| 1280x720 | 0.00 | 3.00 |", "ok   transition frame rate at 1280x720: 45 fps"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestParseFrameTimes(t *testing.T) {
	r, err := parseFrameTimes("heap=1200 sys=5000 frames=3 us=100,2500,40")
	if err != nil || r.heap != 1200 || r.frames != 3 || len(r.us) != 3 || r.us[1] != 2500 {
		t.Errorf("got %+v, %v", r, err)
	}
	if _, err := parseFrameTimes(""); err == nil {
		t.Error("no export: want an error")
	}
	if _, err := parseFrameTimes("heap=x"); err == nil {
		t.Error("bad number: want an error")
	}
}

func TestLoadSet(t *testing.T) {
	s := &Site{files: map[string]*Encoded{}}
	s.Put("index.html", []byte("<html>"), "")
	s.Put("main.wasm", []byte("\x00asm"), "")
	files, fp, all := loadSet(s, []Sent{{Path: "index.html"}, {Path: "main.wasm"}, {Path: "index.html"}, {Path: "favicon.ico"}})
	if len(files) != 2 || !files[0].FirstPicture || files[1].FirstPicture {
		t.Errorf("files %+v", files)
	}
	if fp.Raw != 6 || all.Raw != 10 {
		t.Errorf("first picture %d, all %d raw bytes", fp.Raw, all.Raw)
	}
}

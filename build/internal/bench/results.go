package bench

import (
	"encoding/json"
	"math"
)

// D3Brotli is the reference for a hand-written JavaScript chart: d3 v7.9.0
// minified (https://cdn.jsdelivr.net/npm/d3@7.9.0/dist/d3.min.js, 279,706
// bytes) is about 78 KB with brotli. It is a constant, not a measurement of
// this run: the benchmark never touches the network.
const (
	D3Brotli    = 78_000
	D3Reference = "d3 v7.9.0 d3.min.js, ~78 KB brotli (https://cdn.jsdelivr.net/npm/d3@7.9.0/dist/d3.min.js)"
)

// Results is what `make bench` writes to bench/results.json. Times are in
// milliseconds since navigation, busy shares in percent of one core, sizes
// in bytes. Every Stat is over Runs runs.
type Results struct {
	Date     string `json:"date"`
	Go       string `json:"go"`
	Chromium string `json:"chromium"`
	Commit   string `json:"commit"`
	Runs     int    `json:"runs"`
	Short    bool   `json:"short"`

	// Files the widget's page loads, each with its three sizes.
	Files []FileSize `json:"files"`
	// FloorFiles are the same for the empty Ebitengine program.
	FloorFiles   []FileSize `json:"floor_files"`
	FirstPicture Size       `json:"first_picture"` // everything but the wasm: page, styles, loader, poster
	Interactive  Size       `json:"interactive"`   // every file up to ready
	Floor        Size       `json:"floor"`         // the empty program's page, loader and wasm
	// The same for the page opened in Chinese, which fetches the Chinese
	// glyphs beside the wasm.
	FilesZh       []FileSize `json:"files_zh"`
	InteractiveZh Size       `json:"interactive_zh"`
	// Ratios to the floor and to the D3 reference (brotli).
	InteractiveToFloor   float64 `json:"interactive_to_floor"`
	InteractiveZhToFloor float64 `json:"interactive_zh_to_floor"`
	FirstPictureToD3     float64 `json:"first_picture_to_d3"`
	D3Reference          string  `json:"d3_reference"`
	Poster               bool    `json:"poster"` // whether the page shows a poster before the wasm runs
	Font                 Size    `json:"font"`   // assets/fonts/subset.bin
	Story                Size    `json:"story"`  // assets/story.msgpack

	// Start-up, ms since navigation: first_picture, wasm_fetch (the page
	// asks for the wasm), wasm_local,
	// wasm_compiled, first_frame, ready, and ready_after_wasm_local.
	Start      map[string]Stat `json:"start"`
	FloorStart map[string]Stat `json:"floor_start"`
	// ReadyToFloor is the median ready time over the floor's.
	ReadyToFloor Stat `json:"ready_to_floor"`

	// Transitions by viewport ("1280x720", "3840x2160").
	Transitions map[string]Transition `json:"transitions"`

	// Idle by case: busy share of one core and frames per second.
	Idle map[string]Idle `json:"idle"`

	Heap Heap `json:"heap"`

	// Decode times inside wasm in the browser, ms.
	StoryDecode Stat `json:"story_decode_ms"`
	FontLoad    Stat `json:"font_load_ms"`

	// Make times in seconds (null when not taken): `make dist` from a
	// clean tree with an empty Go build cache, and after touching one Go
	// file.
	MakeClean   Stat `json:"make_clean_s"`
	MakeTouched Stat `json:"make_touched_s"`

	Errors []string `json:"errors,omitempty"`
}

// FileSize is one file's sizes and whether it belongs to the first picture.
type FileSize struct {
	Name         string `json:"name"`
	Size         Size   `json:"size"`
	FirstPicture bool   `json:"first_picture"`
}

// Transition is the Go work per frame (Update + Draw, ms) during scene
// transitions, and the frame rate they reached.
type Transition struct {
	P50    Stat `json:"p50_ms"`
	P95    Stat `json:"p95_ms"`
	Max    Stat `json:"max_ms"`
	FPS    Stat `json:"fps"`
	Frames Stat `json:"frames"`
	// FloorFPS is the frame rate of the floor's busy mode at this viewport
	// in the same run (build/bench/floor/busy): what the machine allows.
	FloorFPS Stat `json:"floor_fps"`
	// FloorFillFPS is the same program only filling the screen: the rate
	// of Ebitengine's loop and the browser's compositing alone.
	FloorFillFPS Stat `json:"floor_fill_fps"`
}

// Idle is the main thread's busy share (TaskDuration per second, % of one
// core), script share, and frames drawn per second while nothing moves.
type Idle struct {
	Busy   Stat `json:"busy_pct"`
	Script Stat `json:"script_pct"`
	FPS    Stat `json:"frames_per_s"`
}

// Heap after one loop through every scene and after ten (three in a short
// run; the *10 fields then hold loop 3): the Go heap in
// use after a collection, the wasm linear memory, and the JS heap.
type Heap struct {
	Loop      string `json:"loop"` // how a loop is driven
	GoHeap1   Stat   `json:"go_heap_1"`
	GoHeap10  Stat   `json:"go_heap_10"`
	Memory1   Stat   `json:"wasm_memory_1"`
	Memory10  Stat   `json:"wasm_memory_10"`
	JSHeap1   Stat   `json:"js_heap_1"`
	JSHeap10  Stat   `json:"js_heap_10"`
	GrowthPct Stat   `json:"growth_pct"` // Go heap, loop 10 over loop 1
}

// MarshalJSON writes NaN as null (encoding/json refuses NaN).
func (s Stat) MarshalJSON() ([]byte, error) {
	type out struct {
		Median  *float64  `json:"median"`
		Min     *float64  `json:"min"`
		Max     *float64  `json:"max"`
		Samples []float64 `json:"samples"`
	}
	num := func(x float64) *float64 {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
		x = math.Round(x*1000) / 1000
		return &x
	}
	o := out{Median: num(s.Median), Min: num(s.Min), Max: num(s.Max), Samples: []float64{}}
	for _, x := range s.Samples {
		o.Samples = append(o.Samples, math.Round(x*1000)/1000)
	}
	return json.Marshal(o)
}

// UnmarshalJSON reads null as NaN.
func (s *Stat) UnmarshalJSON(b []byte) error {
	var in struct {
		Median, Min, Max *float64
		Samples          []float64
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	val := func(p *float64) float64 {
		if p == nil {
			return math.NaN()
		}
		return *p
	}
	*s = Stat{Median: val(in.Median), Min: val(in.Min), Max: val(in.Max), Samples: in.Samples}
	return nil
}

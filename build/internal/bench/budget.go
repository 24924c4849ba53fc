package bench

import (
	"fmt"
	"math"
)

// The budgets of issue 12, checked by `make budget` against results.json.
const (
	MaxInteractiveToFloor = 1.25    // interactive payload, brotli, × the empty program's
	MaxFirstPictureBytes  = 100_000 // poster + page + loader, brotli
	MaxIdleBusyOne        = 0.5     // % of one core, one widget at rest, hidden or off screen
	MaxIdleBusyMany       = 5.0     // % of one core, the 20-embed page
	MaxIdleFPS            = 0.0     // frames drawn per second at rest
	MaxP95Small           = 4.0     // ms of Go work per frame at 1280×720
	MaxP95Large           = 8.0     // ms at 3840×2160
	MinFPSSmall           = 30.0    // frames per second during transitions at 1280×720
	MaxHeapGrowth         = 5.0     // % Go heap growth from loop 1 to loop 10
	MaxReadyAfterWasm     = 1500.0  // ms from the wasm bytes being local to ready
)

// CheckBudgets returns one line per budget ("ok" or "OVER", the figure and
// the limit) and whether all hold. A figure that is missing from the results
// fails its budget: a budget nobody measured does not hold.
func CheckBudgets(r *Results) (lines []string, ok bool) {
	ok = true
	check := func(name string, got, limit float64, atMost bool, unit string) {
		pass := !math.IsNaN(got) && (atMost && got <= limit || !atMost && got >= limit)
		rel := "≤"
		if !atMost {
			rel = "≥"
		}
		verdict := "ok  "
		if !pass {
			verdict, ok = "OVER", false
		}
		val := "not measured"
		if !math.IsNaN(got) {
			val = fmt.Sprintf("%.3g%s", got, unit)
		}
		lines = append(lines, fmt.Sprintf("%s %s: %s (budget %s %g%s)", verdict, name, val, rel, limit, unit))
	}
	nan := math.NaN()
	ratio := nan
	if r.Floor.Brotli > 0 {
		ratio = r.InteractiveToFloor
	}
	check("interactive payload, brotli, × the empty program", ratio, MaxInteractiveToFloor, true, "×")
	// A Chinese reader's first view fetches the Chinese glyphs too.
	ratioZh := nan
	if r.Floor.Brotli > 0 && r.InteractiveZh.Brotli > 0 {
		ratioZh = r.InteractiveZhToFloor
	}
	check("interactive payload in Chinese, brotli, × the empty program", ratioZh, MaxInteractiveToFloor, true, "×")
	fp := nan
	if r.Interactive.Brotli > 0 {
		fp = float64(r.FirstPicture.Brotli)
	}
	check("first picture (page + loader + poster), brotli", fp, MaxFirstPictureBytes, true, " B")
	idle := func(key string) Idle {
		if i, ok := r.Idle[key]; ok {
			return i
		}
		return Idle{Busy: Summarize(nil), FPS: Summarize(nil)}
	}
	for _, k := range []string{"rest", "hidden", "offscreen"} {
		i := idle(k)
		check("main thread busy, one widget, "+k, i.Busy.Median, MaxIdleBusyOne, true, " %")
		check("frames drawn, one widget, "+k, i.FPS.Max, MaxIdleFPS, true, "/s")
	}
	for _, k := range []string{"rest_20_embeds", "hidden_20_embeds", "offscreen_20_embeds"} {
		i := idle(k)
		check("main thread busy, "+k, i.Busy.Median, MaxIdleBusyMany, true, " %")
	}
	tr := func(key string) Transition {
		if t, ok := r.Transitions[key]; ok {
			return t
		}
		return Transition{P95: Summarize(nil), FPS: Summarize(nil)}
	}
	check("p95 Go work per frame at 1280x720", tr("1280x720").P95.Median, MaxP95Small, true, " ms")
	check("p95 Go work per frame at 3840x2160", tr("3840x2160").P95.Median, MaxP95Large, true, " ms")
	check("transition frame rate at 1280x720", tr("1280x720").FPS.Median, MinFPSSmall, false, " fps")
	check("Go heap growth over ten loops", r.Heap.GrowthPct.Median, MaxHeapGrowth, true, " %")
	ra := nan
	if s, ok := r.Start["ready_after_wasm_local"]; ok {
		ra = s.Median
	}
	check("ready after the wasm bytes are local", ra, MaxReadyAfterWasm, true, " ms")
	return lines, ok
}

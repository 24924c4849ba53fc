package bench

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Markdown renders the results as the readable table of bench/results.md.
func Markdown(r *Results) string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p("# Benchmark results\n\n%s · %s · %s · commit %s · %d runs%s. Medians, spread [min–max] over the runs.\n\n",
		r.Date, r.Go, r.Chromium, r.Commit, r.Runs, map[bool]string{true: " (short)", false: ""}[r.Short])
	p("## Bytes\n\n| file | raw | gzip | brotli | first picture |\n|---|--:|--:|--:|:-:|\n")
	for _, f := range r.Files {
		p("| %s | %d | %d | %d | %s |\n", f.Name, f.Size.Raw, f.Size.Gzip, f.Size.Brotli, map[bool]string{true: "yes", false: ""}[f.FirstPicture])
	}
	p("| **to first picture** | %d | %d | %d | |\n", r.FirstPicture.Raw, r.FirstPicture.Gzip, r.FirstPicture.Brotli)
	p("| **to interactive** | %d | %d | %d | |\n", r.Interactive.Raw, r.Interactive.Gzip, r.Interactive.Brotli)
	p("| **to interactive in Chinese** (the same page with `#lang=zh`, which fetches the Chinese glyphs) | %d | %d | %d | |\n", r.InteractiveZh.Raw, r.InteractiveZh.Gzip, r.InteractiveZh.Brotli)
	p("| empty Ebitengine program (floor) | %d | %d | %d | |\n\n", r.Floor.Raw, r.Floor.Gzip, r.Floor.Brotli)
	p("Interactive payload: **%.3f×** the floor (brotli), **%.3f×** in Chinese. First picture: %d B brotli = **%.2f×** the D3 reference (%s); poster in the page: %v.\n",
		r.InteractiveToFloor, r.InteractiveZhToFloor, r.FirstPicture.Brotli, r.FirstPictureToD3, r.D3Reference, r.Poster)
	p("Font subset: %d B raw, %d gzip, %d brotli. Dataset: %d B raw, %d brotli.\n\n", r.Font.Raw, r.Font.Gzip, r.Font.Brotli, r.Story.Raw, r.Story.Brotli)

	p("## Start-up (ms since navigation)\n\n| mark | widget | floor | widget / floor |\n|---|--:|--:|--:|\n")
	for _, k := range []string{"first_picture", "wasm_fetch", "wasm_local", "wasm_compiled", "first_frame", "ready", "ready_after_wasm_local"} {
		w, f := r.Start[k], r.FloorStart[k]
		p("| %s | %s | %s | %s |\n", k, stat(w, 0), stat(f, 0), ratio(w.Median, f.Median))
	}
	p("\n## Go work per frame during transitions (Update + Draw, ms)\n\n| viewport | p50 | p95 | max | frames/s | frames | busy floor's frames/s | floor filling only |\n|---|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, k := range sortedKeys(r.Transitions) {
		t := r.Transitions[k]
		p("| %s | %s | %s | %s | %s | %s | %s | %s |\n", k, stat(t.P50, 2), stat(t.P95, 2), stat(t.Max, 1), stat(t.FPS, 1), stat(t.Frames, 0), stat(t.FloorFPS, 1), stat(t.FloorFillFPS, 1))
	}
	p("\n## Main thread at rest (%% of one core; frames drawn per second)\n\n| case | busy | script | frames/s |\n|---|--:|--:|--:|\n")
	for _, k := range sortedKeys(r.Idle) {
		i := r.Idle[k]
		p("| %s | %s | %s | %s |\n", k, stat(i.Busy, 2), stat(i.Script, 2), stat(i.FPS, 2))
	}
	h := r.Heap
	p("\n## Memory (bytes) after one loop and after ten\n\nLoop: %s.\n\n| | after 1 | after 10 |\n|---|--:|--:|\n", h.Loop)
	p("| Go heap in use (after GC) | %s | %s |\n| wasm linear memory | %s | %s |\n| JS heap used | %s | %s |\n", stat(h.GoHeap1, 0), stat(h.GoHeap10, 0), stat(h.Memory1, 0), stat(h.Memory10, 0), stat(h.JSHeap1, 0), stat(h.JSHeap10, 0))
	p("\nGo heap growth from loop 1 to loop 10: %s %%.\n", stat(h.GrowthPct, 2))
	p("\n## Other\n\n| figure | value |\n|---|--:|\n")
	p("| story decode in wasm (ms) | %s |\n| font subset load in wasm (ms) | %s |\n", stat(r.StoryDecode, 2), stat(r.FontLoad, 2))
	p("| `make dist` from clean, empty Go cache (s) | %s |\n| `make dist` after touching one Go file (s) | %s |\n", stat(r.MakeClean, 1), stat(r.MakeTouched, 1))
	p("\n## Budgets\n\n")
	lines, _ := CheckBudgets(r)
	for _, l := range lines {
		p("- %s\n", l)
	}
	if len(r.Errors) > 0 {
		p("\n## Errors in this run\n\n")
		for _, e := range r.Errors {
			p("- %s\n", strings.ReplaceAll(e, "\n", " "))
		}
	}
	return b.String()
}

func stat(s Stat, prec int) string {
	if math.IsNaN(s.Median) {
		return "–"
	}
	if len(s.Samples) <= 1 {
		return fmt.Sprintf("%.*f", prec, s.Median)
	}
	return fmt.Sprintf("%.*f [%.*f–%.*f]", prec, s.Median, prec, s.Min, prec, s.Max)
}

func ratio(a, b float64) string {
	if math.IsNaN(a) || math.IsNaN(b) || b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// Command soak runs the built widget for a long time in headless Chromium,
// the way a kiosk does: the explorer page with ?autoplay=1&loop=1, in a
// full-window iframe of a host page (why, see page in soak.go). Along the
// way it opens a card on every other scene by hovering over its labels and
// switches the language twice a loop with the host's lang command, neither
// of which pauses autoplay. At the end it checks that nothing went wrong
// over time:
//
//   - no console error, uncaught exception, renderer crash or error event,
//     and the widget still in the ready state;
//
//   - memory flat: the Go heap (after runtime.GC) and the JavaScript heap
//     (after a full collection), measured at the end of every full loop,
//     grow from the first loop to the last by at most the budget of issue
//     12 (bench.MaxHeapGrowth, 5%); the wasm linear memory, a high-water
//     mark that never shrinks, by at most as much over the last loop;
//
//   - the schedule kept: every scene change is the next scene (autoplay
//     never paused or skipped), no scene stays more than -stall beyond its
//     duration, and the schedule does not fall behind: the median lateness
//     of the scene changes against the plan (the dataset's seconds, as
//     wasm/autoplay plays them) grows by at most -drift per loop from the
//     first full loop to the last. One slow step is jitter on a loaded
//     machine with software WebGL and is reported, not judged; see
//     schedule.go.
//
//     go run ./build/soak -dist dist -duration 10m
//
// The page loads one extra script first (probe.js), which keeps a handle
// on the wasm memory for measuring. Exit status 1 on any failure.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	var cfg config
	flag.StringVar(&cfg.dist, "dist", "dist", "the built widget to serve (`make dist` output)")
	flag.DurationVar(&cfg.duration, "duration", 10*time.Minute, "how long to run")
	flag.DurationVar(&cfg.drift, "drift", 1500*time.Millisecond, "largest allowed growth of the schedule's lateness per loop (one loop of drifting timers loses a frame's time per scene, over a second)")
	flag.DurationVar(&cfg.stall, "stall", 20*time.Second, "largest allowed overstay of one scene beyond its duration (more is a pause or a stall)")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "soak: unexpected arguments %q\n", flag.Args())
		flag.Usage()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := run(ctx, cfg, os.Stdout)
	if err == nil {
		err = res.verdict(cfg)
	}
	fmt.Println(res.summary())
	if err != nil {
		fmt.Fprintf(os.Stderr, "soak: FAILED: %v\n", err)
		stop()
		os.Exit(1)
	}
	fmt.Println("soak: PASS")
}

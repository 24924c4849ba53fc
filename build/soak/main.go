// Command soak runs the built widget for a long time in headless Chromium,
// the way a kiosk or a stage would: it steps through every scene in a loop,
// opens a card every few scenes and switches the language now and then, and
// checks at the end that nothing went wrong over time:
//
//   - no console error, uncaught exception or renderer crash, and the page
//     still in the ready state;
//
//   - memory flat: the Go program's linear memory and the page's JavaScript
//     heap grow by at most -heap (5%) from the end of the warm-up to the end;
//
//   - timing not drifting: the median time from a key press to the new
//     scene (data-widget-scene) in the last third of the run is within
//     -drift (50%, +100 ms: the machine's other load is noise) of the first.
//
// Memory and timing are compared after a warm-up of one loop through every
// scene (both languages seen, caches filled).
//
//	go run ./build/soak -dist dist -duration 10m
//
// It serves a copy of dist/ on 127.0.0.1 whose page loads one extra script
// first (probe.js), which keeps a handle on the wasm memory for measuring.
// Scenes are stepped with the keyboard (→, then Home after the last): the
// widget has no autoplay of its own yet. Exit status 1 on any failure.
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
	flag.DurationVar(&cfg.dwell, "dwell", 2*time.Second, "how long each scene stays after it settles, as autoplay would")
	flag.DurationVar(&cfg.sample, "sample", 20*time.Second, "how often memory is measured")
	flag.Float64Var(&cfg.heapGrowth, "heap", 0.05, "largest allowed memory growth after the warm-up, as a fraction")
	flag.Float64Var(&cfg.drift, "drift", 0.5, "largest allowed slow-down of scene changes (+100 ms), as a fraction: the machine's other load adds noise")
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

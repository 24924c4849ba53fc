// Command screenshots photographs the built widget: every scene of the
// embedded dataset, in both languages, at a desktop (1280×720) and a phone
// (390×844) viewport, each at rest. It serves dist/ on 127.0.0.1, drives one
// headless Chromium through all shots, and writes
// <out>/<scene>-<lang>-<w>x<h>.png. Any console error, a widget that does not
// get ready or come to rest within 90 s, or a wrong scene fails the run
// with exit status 1.
//
//	go run ./build/screenshots -dist dist -out dist/screenshots
//
// Run `make dist` first: the pictures are of dist/, the scene list is the
// dataset embedded in this command.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	var cfg config
	flag.StringVar(&cfg.dist, "dist", "dist", "the built widget to serve (`make dist` output)")
	flag.StringVar(&cfg.out, "out", "dist/screenshots", "directory for the PNG files")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "screenshots: unexpected arguments %q\n", flag.Args())
		flag.Usage()
		os.Exit(2)
	}

	// Ctrl-C ends the run through ctx, which also kills the browser.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg, os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "screenshots: FAILED: %v\n", err)
		stop()
		os.Exit(1)
	}
}

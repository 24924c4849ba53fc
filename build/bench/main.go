// Command bench measures what readers, speakers and article pages feel of
// the widget, next to an empty Ebitengine program built and measured in the
// same run, and writes bench/results.json and bench/results.md. With
// -check it instead checks an existing results file against the budgets
// (`make budget`). The work is done by package build/internal/bench;
// bench/README.md explains every figure.
//
// Usage:
//
//	go run ./build/bench [-runs 5] [-short] [-make] [-dist dist] [-out bench]
//	go run ./build/bench -check bench/results.json
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/parallel-lines/widget/build/internal/bench"
)

func main() { os.Exit(cli(os.Args[1:], os.Stdout, os.Stderr)) }

func cli(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	runs := fs.Int("runs", 5, "runs per figure (medians and spread over them)")
	short := fs.Bool("short", false, "fewer transitions and shorter idle windows, for CI")
	mk := fs.Bool("make", false, "also time `make dist` from clean (empty Go cache) and after touching a Go file: minutes")
	dist := fs.String("dist", "dist", "the built widget")
	nobuild := fs.Bool("nobuild", false, "take -dist as it is instead of running `make dist`")
	out := fs.String("out", "bench", "folder for results.json and results.md")
	check := fs.String("check", "", "check this results `file` against the budgets and exit")
	embeds := fs.Int("embeds", 20, "widgets on the host page")
	only := fs.String("only", "", "run only the steps whose names contain one of these comma-separated `parts` (partial results)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *check != "" {
		b, err := os.ReadFile(*check)
		if err != nil {
			fmt.Fprintf(stderr, "budget: %v (run `make bench` first)\n", err)
			return 1
		}
		var r bench.Results
		if err := json.Unmarshal(b, &r); err != nil {
			fmt.Fprintf(stderr, "budget: %s: %v\n", *check, err)
			return 1
		}
		lines, ok := bench.CheckBudgets(&r)
		for _, l := range lines {
			fmt.Fprintln(stdout, l)
		}
		if !ok {
			fmt.Fprintf(stderr, "budget: %s is over budget\n", *check)
			return 1
		}
		return 0
	}
	cache, _ := os.UserCacheDir()
	if cache != "" {
		cache = filepath.Join(cache, "parallel-lines-bench")
	}
	r, err := bench.Run(context.Background(), bench.Options{
		Root: ".", Dist: *dist, Cache: cache, Runs: *runs, Short: *short, NoBuild: *nobuild, Make: *mk, Embeds: *embeds, Only: *only,
		Logf: func(format string, a ...any) { fmt.Fprintf(stderr, "bench: "+format+"\n", a...) },
	})
	if err != nil {
		fmt.Fprintf(stderr, "bench: %v\n", err)
		return 1
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	j, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	md := bench.Markdown(r)
	if err := os.WriteFile(filepath.Join(*out, "results.json"), append(j, '\n'), 0o644); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := os.WriteFile(filepath.Join(*out, "results.md"), []byte(md), 0o644); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprint(stdout, md)
	return 0
}

// Package budget holds the size budgets of what the widget ships, checked
// against the built files: sizes are deterministic, so unlike timings they
// can be asserted on a shared machine. The budgets sit a little above the
// sizes measured when they were set (docs/architecture.md lists both), so
// a change that grows the download fails here and has to say why. The
// budgets on the whole payload (brotli, against an empty Ebitengine program
// built in the same run), start-up, frame time and idle cost are checked by
// `make budget` from the benchmark's results (build/bench, bench/README.md).
package budget

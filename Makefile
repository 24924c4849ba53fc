# Parallel Lines · 两条平行线
#
#   make          build the widget into dist/
#   make serve    build, then serve dist/ on http://localhost:8080
#   make test     every check and test, browser tests included
#   make generate rebuild the committed generated files (codecs, dataset, font)
#
# Everything but Go itself is installed by build/deps.sh when a target needs it.

GO        ?= go
WASMENV   := GOOS=js GOARCH=wasm
# Our own packages are compiled without inlining: natively it bought nothing
# measurable in the core's frame, and it cost 84 KB brotli of main.wasm
# (bench/README.md, 15). Ebitengine and the standard library keep theirs, so
# the benchmark's floor, built with these same flags, stays what it was.
GOFLAGS_R := -trimpath -ldflags='-s -w' -gcflags='github.com/parallel-lines/widget/...=-l'
DIST      := dist
GOROOT    := $(shell $(GO) env GOROOT)
FUZZTIME  ?= 5s
SOAKTIME  ?= 10m
BROTLI    ?= 11 # quality of the shipped wasm; lower only to iterate faster

# Text whose every character the font subset must cover: the text inventory,
# every string the canvas can draw (wasm/widget.Inventory), written by
# `make inventory`; a test fails when it or the font falls behind.
FONT_TEXT := wasm/layout/inventory.txt

.PHONY: all dist serve test unit vet fuzz generate data verify-quotes font inventory check-generated deps clean screenshots posters golden table bench budget microbench gallery offline soak program

all: dist

# dist/: the pages (web/, with the configuration filled in by build/webdist),
# the wasm under a content-hashed name with .br and .gz beside it, and the
# posters the embed shows before the wasm runs, one set per artboard.
dist: data $(DIST)/posters/.built
	@mkdir -p $(DIST)
	$(WASMENV) $(GO) build $(GOFLAGS_R) -o $(DIST)/main.wasm ./wasm
	cp "$(GOROOT)/lib/wasm/wasm_exec.js" $(DIST)/
	$(GO) run ./build/table -dist $(DIST)
	$(GO) run ./build/webdist -web web -dist $(DIST) -brotli $(BROTLI)
	@ls -l $(DIST)/main.wasm | awk '{print "main.wasm: " $$5 " bytes"}'
	@$(MAKE) --no-print-directory offline

# program builds one js/wasm command PKG into OUT with the widget's flags; the
# benchmark builds its floor through it, so the two cannot drift apart.
program:
	$(WASMENV) $(GO) build $(GOFLAGS_R) -o $(OUT) $(PKG)

POSTER_SRC := $(shell find wasm data assets build/posters build/internal/poster -name '*.go' -o -name '*.msgpack' -o -name '*.bin' 2>/dev/null)
$(DIST)/posters/.built: $(POSTER_SRC)
	$(GO) run ./build/posters -out $(DIST)/posters
	@touch $@

# The dataset: validated, compiled to the embedded msgpack, and written out
# as downloads. Fails with file:line:col messages and writes nothing on error.
data:
	$(GO) run ./build/datac -in data/story.yaml -out assets/story.msgpack -downloads $(DIST)/data

# Provenance: every quote verbatim in the interview (kept outside the
# repository), e.g. make verify-quotes SOURCE=../shared/source
verify-quotes:
	@test -n "$(SOURCE)" || { echo "verify-quotes: give SOURCE=<folder with interview.zh.md and interview.en.md>"; exit 2; }
	$(GO) run ./build/verifyquotes -story data/story.yaml -source $(SOURCE)

# The inventory, and which Chinese characters each opening view draws (the
# plan of the font's chunks, laid out with the committed font).
inventory: data
	$(GO) run ./build/inventory -o wasm/layout/inventory.txt -views assets/fonts/views.txt

# The base, embedded in the wasm, with what the English view draws; and the
# Chinese glyphs in chunks, fetched by the page only for Chinese: the first
# scene's opening view (before ready), the other scenes' (before ready for
# a deep link, else after), the rest (after ready).
font: inventory
	$(GO) run ./build/fontsubset -src assets/fonts/source -o assets/fonts/subset.bin -zh assets/fonts/subset.zh.bin -views assets/fonts/views.txt $(FONT_TEXT)

generate:
	$(GO) generate ./data/... ./wasm/...
	$(MAKE) data font

# CI: regenerating from a clean checkout must change nothing.
check-generated: generate
	@git diff --exit-code --stat -- data wasm assets || { echo "generated files are out of date: run 'make generate' and commit"; exit 1; }

serve: dist
	$(GO) run ./build/serve -dir $(DIST) -addr localhost:8080

deps:
	@sh build/deps.sh

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }
	$(GO) vet ./...
	$(WASMENV) $(GO) vet ./wasm/... ./data/... ./assets/...
	$(GO) mod tidy -diff # go.mod and go.sum say exactly what the code imports

# Never cached: the browser tests depend on Chromium, which Go cannot see.
# They share one build and run for longer than go test's default 10 minutes
# under software WebGL, hence the timeout.
unit:
	$(GO) test -count=1 -timeout 45m ./...

# Every fuzz target of the module (derived from the code, see build/fuzz.sh),
# FUZZTIME each (5s: about a minute for today's targets).
fuzz:
	GO=$(GO) FUZZTIME=$(FUZZTIME) sh build/fuzz.sh

# Long run in headless Chromium (not part of test): every scene in a loop with
# cards and language switches; fails on console errors, memory growth or drift.
soak: dist
	$(GO) run ./build/soak -dist $(DIST) -duration $(SOAKTIME)

# The browser tests need dist/ and Chromium; unit runs them with the rest.
test: deps vet dist unit fuzz

clean:
	rm -rf $(DIST)

screenshots: dist
	$(GO) run ./build/screenshots -dist $(DIST) -out $(DIST)/screenshots

# The explorer as one offline file, presenter view included (it needs
# dist's files and posters; `make dist` runs it).
offline:
	$(GO) run ./build/offline -dist $(DIST)

# Every scene, language, theme and artboard as PNG (1x, 2x) and SVG, with a
# manifest, into dist/posters (build/posters).
posters:
	$(GO) run ./build/posters -out $(DIST)/posters

# Every scene's poster, both languages and themes, desktop and phone, side by
# side in dist/gallery.html, for review.
gallery:
	$(GO) run ./build/gallery -out $(DIST)

# The table view alone (make dist writes it too).
table: data
	$(GO) run ./build/table -dist $(DIST)

# Rewrite the golden posters after a deliberate change of the picture.
golden:
	$(GO) test -count=1 ./build/internal/poster -run '^TestGolden$$' -update

# The benchmark (bench/README.md): builds dist/ and an empty Ebitengine
# program, serves both brotli/gzip on loopback, drives headless Chromium and
# writes bench/results.json and bench/results.md. Not part of `make test`.
BENCH_RUNS    ?= 5
BENCH_RESULTS ?= bench/results.json
bench: deps
	$(GO) run ./build/bench -runs $(BENCH_RUNS) -make -out bench

# Checks $(BENCH_RESULTS) against the budgets of issue 12.
budget:
	$(GO) run ./build/bench -check $(BENCH_RESULTS)

# Go micro-benchmarks of the hot paths.
microbench:
	$(GO) test -run '^$$' -bench . -benchmem ./wasm/widget ./wasm/text ./data

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
GOFLAGS_R := -trimpath -ldflags='-s -w'
DIST      := dist
GOROOT    := $(shell $(GO) env GOROOT)
FUZZTIME  ?= 15s

# Text whose every character the font subset must cover.
FONT_TEXT := data/story.yaml wasm/widget/strings.go wasm/layout/notes.go

.PHONY: all dist serve test unit vet fuzz generate data font check-generated deps clean screenshots posters bench budget microbench

all: dist

dist: data
	@mkdir -p $(DIST)
	$(WASMENV) $(GO) build $(GOFLAGS_R) -o $(DIST)/main.wasm ./wasm
	cp web/index.html web/widget.js web/widget.css web/frames.js $(DIST)/
	cp "$(GOROOT)/lib/wasm/wasm_exec.js" $(DIST)/
	@ls -l $(DIST)/main.wasm | awk '{print "main.wasm: " $$5 " bytes"}'

# The dataset: validated, compiled to the embedded msgpack, and written out
# as downloads. Fails with file:line:col messages and writes nothing on error.
data:
	$(GO) run ./build/datac -in data/story.yaml -out assets/story.msgpack -downloads $(DIST)/data

font:
	$(GO) run ./build/fontsubset -src assets/fonts/source -o assets/fonts/subset.bin $(FONT_TEXT)

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

unit: # never cached: the browser tests depend on Chromium, which Go cannot see
	$(GO) test -count=1 ./...

fuzz:
	$(GO) test ./data -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME)
	$(GO) test ./data -run '^$$' -fuzz '^FuzzTextCodec$$' -fuzztime $(FUZZTIME)
	$(GO) test ./build/internal/source -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME)
	$(GO) test ./wasm/text -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME)

# The browser tests need dist/ and Chromium; unit runs them with the rest.
test: deps vet dist unit fuzz

clean:
	rm -rf $(DIST)

screenshots: dist
	$(GO) run ./build/screenshots -dist $(DIST) -out $(DIST)/screenshots

# Static PNG of every scene (both languages and themes) from the x/image backend.
posters:
	$(GO) run ./build/posters -out $(DIST)/posters

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

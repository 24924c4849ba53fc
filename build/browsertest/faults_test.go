package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/build/internal/browser"
	"github.com/parallel-lines/widget/data"
)

// Faults from outside and inside the widget, in one browser: a lost WebGL
// context, a storm of resizes, an embed hidden and shown, a device pixel ratio that keeps
// changing, hostile URL parameters and host messages, a damaged dataset and
// a Go panic. Each ends either back where the reader was or in the page's
// error state with a message: never a loop, a blank box or a frozen canvas.

// faultProbe is loaded before the page's own scripts in the copies of dist/
// these tests serve: it counts console warnings (the browser package records
// errors only) and, across reloads of the tab, when the document loaded.
const faultProbe = `(function () {
  "use strict";
  window.__warnings = [];
  var warn = console.warn;
  console.warn = function () {
    window.__warnings.push(Array.prototype.map.call(arguments, String).join(" "));
    return warn.apply(console, arguments);
  };
  try {
    var times = JSON.parse(sessionStorage.getItem("faultLoads") || "[]");
    times.push(Date.now());
    sessionStorage.setItem("faultLoads", JSON.stringify(times));
    document.addEventListener("webglcontextlost", function () {
      sessionStorage.setItem("faultContextLost", String((+sessionStorage.getItem("faultContextLost") || 0) + 1));
    }, true);
  } catch (e) { /* no storage: loads are counted from requests */ }
})();
`

// probedSite copies dist into a temporary directory whose index.html loads
// probe.js first.
func probedSite(t *testing.T, dist string) string {
	t.Helper()
	site := filepath.Join(t.TempDir(), "site")
	copyDir(t, dist, site)
	index := filepath.Join(site, "index.html")
	page, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(page), "<script")
	if i < 0 {
		t.Fatal("dist/index.html loads no script")
	}
	page = []byte(string(page[:i]) + `<script src="fault-probe.js"></script>` + "\n" + string(page[i:]))
	if err := os.WriteFile(index, page, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "fault-probe.js"), []byte(faultProbe), 0o644); err != nil {
		t.Fatal(err)
	}
	return site
}

// documentLoads counts the requests for the explorer page since the
// browser started: the first load and every reload.
func documentLoads(b *testBrowser, base string) int {
	n := 0
	for _, r := range b.Requests() {
		u, err := url.Parse(r)
		if err == nil && strings.HasPrefix(r, base) && (u.Path == "/" || u.Path == "/index.html") {
			n++
		}
	}
	return n
}

func (b *testBrowser) warnings(t *testing.T) []string {
	t.Helper()
	return eval[[]string](t, b, `window.__warnings || []`)
}

// waitReadyStill waits for data-widget-state=ready and a picture at rest.
func (b *testBrowser) waitReadyStill(t *testing.T, what string) {
	t.Helper()
	state, err := b.WaitForState(readyTimeout)
	if err != nil || state != "ready" {
		t.Fatalf("%s: data-widget-state %q (%v); #widget-status: %s; console: %q", what, state, err, b.statusText(), b.Problems())
	}
	if err := b.WaitForAttr(motionAttr, "still", readyTimeout); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// buildTaggedWasm builds ./wasm with build tags (and an optional overlay
// file) into out.
func buildTaggedWasm(t *testing.T, out, tags, overlay string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), buildTimeout)
	defer cancel()
	args := []string{"build", "-tags", tags, "-o", out}
	if overlay != "" {
		args = append(args, "-overlay", overlay)
	}
	cmd := exec.CommandContext(ctx, "go", append(args, "./wasm")...)
	cmd.Dir = repoRoot(t)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	start := time.Now()
	if output, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("GOOS=js GOARCH=wasm go %s ./wasm: %v\n%s", strings.Join(args, " "), err, output)
	}
	t.Logf("timing: building the %s wasm took %s", tags, time.Since(start).Round(time.Millisecond))
}

func TestBrowserFaults(t *testing.T) {
	ids := sceneIDs(t)
	if len(ids) < 3 {
		t.Skipf("the dataset has %d scenes", len(ids))
	}
	dist := requireDist(t)
	site := probedSite(t, dist)
	srv := serveDir(t, site)
	b := startBrowser(t)
	scene := ids[2]
	deep := srv.URL + "/?lang=en#scene=" + url.QueryEscape(scene) + "&lang=en"

	t.Run("webgl-context-lost", func(t *testing.T) {
		b.screenshotOnFailure(t)
		mark := len(b.Problems())
		if err := b.Navigate(deep); err != nil {
			t.Fatal(err)
		}
		b.waitReadyStill(t, "before the context loss")
		loads := documentLoads(b, srv.URL)
		// Lose the canvas's context as the GPU process would, and give it
		// back half a second later.
		lost := eval[bool](t, b, `(() => {
			const c = document.querySelector('canvas');
			const gl = c && (c.getContext('webgl2') || c.getContext('webgl'));
			const ext = gl && gl.getExtension('WEBGL_lose_context');
			if (!ext) return false;
			window.__faultMarked = true; // a reload starts a document without it
			ext.loseContext();
			setTimeout(() => { try { ext.restoreContext(); } catch (e) {} }, 500);
			return true;
		})()`)
		if !lost {
			t.Fatal("the canvas has no WebGL context with WEBGL_lose_context")
		}
		// Ebitengine reloads the document; it must come back where it was.
		if _, err := browser.WaitFor(b.Browser, readyTimeout, `document.documentElement.getAttribute('data-widget-state') === 'ready' && !window.__faultMarked`, func(ok bool) bool { return ok }); err != nil {
			t.Fatalf("the widget did not come back after the context loss: %v; console: %q", err, b.Problems()[mark:])
		}
		b.waitReadyStill(t, "after the context loss")
		if got := b.attr(t, sceneAttr); got != scene {
			t.Errorf("after the context loss the widget shows scene %q, want %q", got, scene)
		}
		// And it must not loop: no further load over the next seconds.
		after := documentLoads(b, srv.URL)
		time.Sleep(6 * time.Second)
		if n := documentLoads(b, srv.URL); n != after {
			t.Errorf("the page kept reloading after the context came back: %d loads in 6 s", n-after)
		}
		t.Logf("context loss: %d reload(s), back on %s", after-loads, scene)
		if after-loads > 1 {
			t.Errorf("one context loss gave %d reloads, want at most one", after-loads)
		}
		b.checkNoProblems(t, mark)
	})

	t.Run("resize-storm-and-hidden-embed", func(t *testing.T) {
		b.screenshotOnFailure(t)
		mark := len(b.Problems())
		// The widget in an iframe of a host page, whose script resizes it:
		// a storm at the browser's own pace (a viewport change from the
		// test waits for each relayout).
		host := `<!doctype html><html><head><link rel="icon" href="data:,"></head><body style="margin:0">` +
			`<iframe id="f" src="index.html?lang=en#scene=` + url.QueryEscape(scene) + `&amp;lang=en" style="border:0;width:800px;height:500px"></iframe></body></html>`
		if err := os.WriteFile(filepath.Join(site, "storm.html"), []byte(host), 0o644); err != nil {
			t.Fatal(err)
		}
		// Not Navigate: its wait for the load event (the iframe's too) is
		// the action timeout, short for a busy machine; readiness is waited
		// for below.
		eval[bool](t, b, `(location.href = `+jsString(srv.URL+"/storm.html")+`, true)`)
		if _, err := browser.WaitFor(b.Browser, readyTimeout, `location.pathname`, func(p string) bool { return p == "/storm.html" }); err != nil {
			t.Fatal(err)
		}
		b.waitIframeReady(t)
		if _, err := browser.WaitFor(b.Browser, readyTimeout, iframeAttr(motionAttr), func(s string) bool { return s == "still" }); err != nil {
			t.Fatalf("the embed did not come to rest: %v", err)
		}
		loads := documentLoads(b, srv.URL)
		// Wide enough that the explorer's tools need no row of their own
		// (web/widget.css): the canvas is then the whole frame. The storm
		// crosses that width both ways.
		const finalW, finalH = 1040, 600
		// 100 resizes in one second, then five hidden/visible cycles, then
		// the final size.
		eval[bool](t, b, `(() => {
			const f = document.getElementById('f');
			let i = 0;
			const storm = setInterval(() => {
				f.style.width = (480 + (i * 37) % 900) + 'px';
				f.style.height = (360 + (i * 53) % 500) + 'px';
				if (++i < 100) return;
				clearInterval(storm);
				let k = 0;
				const blink = setInterval(() => {
					f.style.display = f.style.display === 'none' ? '' : 'none';
					if (++k < 10) return;
					clearInterval(blink);
					f.style.display = '';
					f.style.width = '`+fmt.Sprint(finalW)+`px';
					f.style.height = '`+fmt.Sprint(finalH)+`px';
					window.__stormDone = performance.now();
				}, 100);
			}, 10);
			window.__stormStart = performance.now();
			return true;
		})()`)
		// The host's timers run between the embed's frames: on a loaded
		// machine with software WebGL the storm takes longer than its
		// second (logged below).
		took, err := browser.WaitFor(b.Browser, 4*time.Minute, `window.__stormDone ? window.__stormDone - window.__stormStart : 0`, func(ms float64) bool { return ms > 0 })
		if err != nil {
			t.Fatalf("the host page's storm did not finish: %v", err)
		}
		t.Logf("100 resizes and 5 hidden/visible cycles in %.0f ms", took)
		// The canvas fills the final frame, at device resolution.
		type canvasSize struct{ CSSW, CSSH, W, H float64 }
		want := canvasSize{finalW, finalH, finalW, finalH}
		var got canvasSize
		_, err = browser.WaitFor(b.Browser, readyTimeout, `(() => {
			const d = document.getElementById('f').contentDocument, c = d && d.querySelector('canvas');
			if (!c) return {CSSW: 0, CSSH: 0, W: 0, H: 0};
			const r = c.getBoundingClientRect();
			return {CSSW: r.width, CSSH: r.height, W: c.width, H: c.height};
		})()`, func(s canvasSize) bool { got = s; return s == want })
		if err != nil {
			t.Errorf("after the storm the canvas is %+v, want %+v", got, want)
		}
		if s, err := browser.WaitFor(b.Browser, readyTimeout, iframeAttr(motionAttr), func(s string) bool { return s == "still" }); err != nil {
			t.Errorf("after the storm the embed is %q: %v", s, err)
		}
		if got := eval[string](t, b, iframeAttr(sceneAttr)); got != scene {
			t.Errorf("after the storm the embed shows scene %q, want %q", got, scene)
		}
		if st := eval[string](t, b, iframeAttr("data-widget-state")); st != "ready" {
			t.Errorf("after the storm the embed is in state %q", st)
		}
		if n := documentLoads(b, srv.URL) - loads; n != 0 {
			t.Errorf("the storm reloaded the embed %d times", n)
		}
		b.checkNoProblems(t, mark)
	})

	t.Run("dpr-keeps-changing", func(t *testing.T) {
		b.screenshotOnFailure(t)
		t.Cleanup(func() { b.SetViewport(viewportWidth, viewportHeight, 1) })
		mark := len(b.Problems())
		if err := b.Navigate(deep); err != nil {
			t.Fatal(err)
		}
		b.waitReadyStill(t, "before the zoom")
		loads := documentLoads(b, srv.URL)
		// A page at a fractional zoom whose ratio wobbles: a new ratio
		// every 150 ms for 6 s. Reloading on every change would reload as
		// often as the page gets ready; the widget waits for the ratio to
		// hold still, then reloads once to draw sharp at the new ratio.
		ratios := []float64{1.1, 1.25, 1.333, 1.5, 1.2, 1.75}
		start := time.Now()
		var longest time.Duration
		for i := 0; time.Since(start) < 6*time.Second; i++ {
			t0 := time.Now()
			if err := b.SetViewport(viewportWidth, viewportHeight, ratios[i%len(ratios)]); err != nil {
				t.Fatal(err)
			}
			longest = max(longest, time.Since(t0))
			time.Sleep(150 * time.Millisecond)
		}
		during := documentLoads(b, srv.URL) - loads
		const final = 1.5
		if err := b.SetViewport(viewportWidth, viewportHeight, final); err != nil {
			t.Fatal(err)
		}
		// Held still, the ratio gets its reload, and the widget draws at it.
		if _, err := browser.WaitFor(b.Browser, readyTimeout, `window.devicePixelRatio === 1.5 && document.documentElement.getAttribute('data-widget-state') === 'ready' && Math.abs(document.querySelector('canvas').width - innerWidth * 1.5) < 2`, func(ok bool) bool { return ok }); err != nil {
			t.Fatalf("the widget did not come back drawn at ratio %g: %v", final, err)
		}
		after := documentLoads(b, srv.URL)
		time.Sleep(4 * time.Second)
		if n := documentLoads(b, srv.URL) - after; n > 0 {
			t.Errorf("%d more reloads after the ratio held still", n)
		}
		// Never two reloads within a few seconds of each other.
		times := eval[[]float64](t, b, `JSON.parse(sessionStorage.getItem("faultLoads") || "[]")`)
		if len(times) < after-loads+1 {
			t.Fatalf("the probe saw %d loads, the server %d", len(times), after-loads+1)
		}
		times = times[len(times)-(after-loads+1):]
		// A WebGL context the browser takes away while the canvas is resized
		// over and over makes Ebitengine reload by itself (its context-loss
		// handler, not the shell's ratio guard); such a reload is let pass.
		lost, _ := strconv.Atoi(eval[string](t, b, `sessionStorage.getItem("faultContextLost") || "0"`))
		for i := 1; i < len(times); i++ {
			if gap := time.Duration(times[i]-times[i-1]) * time.Millisecond; gap < 5*time.Second {
				if lost > 0 {
					lost--
					t.Logf("reload %d came %s after the load before it, after a lost WebGL context", i, gap)
					continue
				}
				t.Errorf("reload %d came %s after the load before it: a ratio that keeps changing reloads at most once in a few seconds", i, gap)
			}
		}
		t.Logf("a device pixel ratio changing every 150 ms (slowest change %s) for 6 s: %d reload(s) while it changed, %d in all; contexts lost: %s",
			longest.Round(time.Millisecond), during, after-loads, eval[string](t, b, `sessionStorage.getItem("faultContextLost") || "0"`))
		if after-loads == 0 {
			t.Error("the widget never reloaded for the new ratio: it draws blurred")
		}
		b.waitReadyStill(t, "after the zoom")
		if got := b.attr(t, sceneAttr); got != scene {
			t.Errorf("after the zoom the widget shows scene %q, want %q", got, scene)
		}
		b.checkNoProblems(t, mark)
	})

	t.Run("hostile-parameters-and-messages", func(t *testing.T) {
		b.screenshotOnFailure(t)
		mark := len(b.Problems())
		long := strings.Repeat("A", 10000)
		hostile := map[string]string{
			"scene":  `"><img src=x onerror="window.__pwned=1">`,
			"lang":   "<script>window.__pwned=2</script>",
			"theme":  long,
			"motion": "\u202e\u0000ﬀ",
			"xyz":    "javascript:window.__pwned=3",
		}
		q := url.Values{}
		for k, v := range hostile {
			q.Set(k, v)
		}
		if err := b.Navigate(srv.URL + "/?" + q.Encode()); err != nil {
			t.Fatal(err)
		}
		b.waitReadyStill(t, "with hostile parameters")
		if got := b.attr(t, sceneAttr); got != ids[0] {
			t.Errorf("with a hostile scene parameter the widget shows %q, want the first scene %q", got, ids[0])
		}
		warns := b.warnings(t)
		for k := range hostile {
			n := 0
			for _, w := range warns {
				if strings.Contains(w, "URL parameter "+k+"=") {
					n++
				}
			}
			if n != 1 {
				t.Errorf("parameter %s gave %d warnings, want one; all warnings: %.300q", k, n, warns)
			}
		}
		for _, w := range warns {
			if len(w) > 600 {
				t.Errorf("a warning of %d characters: %.120q…", len(w), w)
			}
		}
		// Host messages, through the same entry point host.js uses.
		before := len(b.warnings(t))
		msgs := []string{
			`{"type":"parallel-lines","command":"goto","scene":"<img src=x onerror=window.__pwned=4>"}`,
			`{"type":"parallel-lines","command":"goto","scene":-1}`,
			`{"type":"parallel-lines","command":"goto","scene":1e300}`,
			`{"type":"parallel-lines","command":"goto","scene":"` + long + `"}`,
			`{"type":"parallel-lines","command":"lang","value":{"x":1}}`,
			`{"type":"parallel-lines","command":"eval","code":"window.__pwned=5"}`,
			`not json <b>`,
		}
		for _, m := range msgs {
			eval[bool](t, b, `(window.parallelLines && window.parallelLines.host ? (window.parallelLines.host(`+jsString(m)+`), true) : false)`)
		}
		time.Sleep(time.Second)
		if got := b.attr(t, sceneAttr); got != ids[0] {
			t.Errorf("after hostile host messages the widget shows %q, want %q", got, ids[0])
		}
		if n := len(b.warnings(t)) - before; n != len(msgs) {
			t.Errorf("%d hostile host messages gave %d warnings, want one each: %.400q", len(msgs), n, b.warnings(t)[before:])
		}
		// Nothing of it reached the DOM as markup.
		type dom struct {
			Pwned    any      `json:"pwned"`
			Elements []string `json:"elements"`
			Handlers int      `json:"handlers"`
		}
		d := eval[dom](t, b, `({
			pwned: window.__pwned || null,
			elements: [...document.querySelectorAll('img:not(#widget-poster img):not(.pl-print img), iframe, object, embed, svg, script:not([src]), a[href^="javascript"]')].map(e => e.outerHTML.slice(0, 80)),
			handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
		})`)
		if d.Pwned != nil || len(d.Elements) > 0 || d.Handlers > 0 {
			t.Errorf("hostile input reached the page: __pwned %v, injected elements %q, %d elements with on* handlers", d.Pwned, d.Elements, d.Handlers)
		}
		b.checkNoProblems(t, mark)
	})

	t.Run("bit-flipped-dataset", func(t *testing.T) {
		b.screenshotOnFailure(t)
		flipped := flippedDataset(t)
		dir := t.TempDir()
		backing := filepath.Join(dir, "flipped.msgpack")
		if err := os.WriteFile(backing, flipped, 0o644); err != nil {
			t.Fatal(err)
		}
		// The corruptdata build embeds assets/testdata/truncated.msgpack;
		// the overlay puts the flipped file in its place.
		ov, _ := json.Marshal(map[string]map[string]string{"Replace": {filepath.Join(repoRoot(t), "assets", "testdata", "truncated.msgpack"): backing}})
		overlay := filepath.Join(dir, "overlay.json")
		if err := os.WriteFile(overlay, ov, 0o644); err != nil {
			t.Fatal(err)
		}
		bad := filepath.Join(t.TempDir(), "site")
		copyDir(t, dist, bad)
		buildTaggedWasm(t, filepath.Join(bad, "main.wasm"), "corruptdata", overlay)
		useWasm(t, bad)
		badSrv := serveDir(t, bad)
		if state := b.load(t, badSrv.URL+"/"); state != "error" {
			t.Fatalf("with a bit-flipped dataset data-widget-state became %q, want error", state)
		}
		problems, err := statusProblems(b)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Error(p)
		}
		if text := b.statusText(); !strings.Contains(text, "story data") {
			t.Errorf("#widget-status says %s, want the story data named", text)
		}
	})

	t.Run("panic-after-start", func(t *testing.T) {
		b.screenshotOnFailure(t)
		lab := filepath.Join(t.TempDir(), "site")
		copyDir(t, dist, lab)
		buildTaggedWasm(t, filepath.Join(lab, "main.wasm"), "paniclab", "")
		useWasm(t, lab)
		labSrv := serveDir(t, lab)
		if err := b.Navigate(labSrv.URL + "/?lang=en"); err != nil {
			t.Fatal(err)
		}
		b.waitReadyStill(t, "the paniclab build")
		// Record what the host would be told.
		eval[bool](t, b, `(() => {
			window.__events = [];
			const h = window.parallelLinesHost;
			if (h) { const emit = h.emit; h.emit = j => { window.__events.push(JSON.parse(j)); try { emit(j); } catch (e) {} }; }
			return true;
		})()`)
		if !eval[bool](t, b, `!!(window.parallelLines && window.parallelLines.panic)`) {
			t.Fatal("the paniclab build exports no parallelLines.panic")
		}
		eval[any](t, b, `window.parallelLines.panic()`)
		if err := b.WaitForAttr("data-widget-state", "error", frameTimeout); err != nil {
			t.Fatalf("after a panic in Update: %v", err)
		}
		problems, err := statusProblems(b)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Error(p)
		}
		if text := b.statusText(); !strings.Contains(text, "internal error") || !strings.Contains(text, "paniclab") {
			t.Errorf("#widget-status says %s, want the internal error and its message", text)
		}
		info, err := b.pageInfo()
		if err != nil {
			t.Fatal(err)
		}
		if info.Canvas != nil {
			t.Errorf("a canvas is still visible after the panic (%+v): a frozen picture over the message", *info.Canvas)
		}
		type event struct{ Event, Message string }
		evs := eval[[]event](t, b, `window.__events || []`)
		var errs []event
		for _, e := range evs {
			if e.Event == "error" {
				errs = append(errs, e)
			}
		}
		if len(errs) != 1 || !strings.Contains(errs[0].Message, "internal error") {
			t.Errorf("the host was told %+v, want one error event with the message", evs)
		}
		// Later calls from the page must not throw into the console.
		mark := len(b.Problems())
		eval[any](t, b, `(() => { try { window.parallelLines.host('{"type":"parallel-lines","command":"next"}'); } catch (e) { return String(e); } return null; })()`)
		if p := b.Problems()[mark:]; len(p) > 0 {
			t.Logf("console after the panic: %q", p)
		}
	})
}

// flippedDataset returns the shipped dataset with one bit flipped where
// Decode refuses it: the first such bit from the middle of the file on.
func flippedDataset(t *testing.T) []byte {
	t.Helper()
	good := assets.Story
	for pos := len(good) / 2; pos < len(good); pos++ {
		for bit := range 8 {
			b := append([]byte(nil), good...)
			b[pos] ^= 1 << bit
			if _, err := data.Decode(b); err != nil {
				t.Logf("bit %d of byte %d flipped: %v", bit, pos, err)
				return b
			}
		}
	}
	t.Fatal("no single flipped bit makes the dataset fail to decode")
	return nil
}

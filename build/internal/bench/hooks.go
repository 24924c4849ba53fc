package bench

import (
	"fmt"
	"strings"
)

// hooks runs in every document before its own scripts (CDP
// Page.addScriptToEvaluateOnNewDocument). It only observes: it stamps, in
// performance.now() milliseconds since navigation, when the wasm module was
// compiled (the promise of WebAssembly.instantiate*/compile* resolves), the
// first frame (the widget's first write of window.__parallelLinesFrames), the
// ready state, a poster image painted (largest-contentful-paint of an IMG),
// and every change of data-widget-motion with the frame count at that
// moment. It keeps the instance so the page's wasm memory can be read.
const hooks = `(function () {
  if (window.__bench) return;
  var b = window.__bench = { marks: {}, motion: [], scenes: 0 };
  function mark(n) { if (!(n in b.marks)) b.marks[n] = performance.now(); }
  var W = window.WebAssembly;
  if (W) ["instantiateStreaming", "instantiate", "compileStreaming", "compile"].forEach(function (k) {
    var f = W[k];
    if (typeof f !== "function") return;
    W[k] = function () {
      mark("wasmStart");
      return f.apply(W, arguments).then(function (r) {
        mark("wasmCompiled");
        if (r && r.instance) b.inst = r.instance;
        return r;
      });
    };
  });
  var fr = 0;
  Object.defineProperty(window, "__parallelLinesFrames", {
    configurable: true,
    get: function () { return fr; },
    set: function (v) { fr = v; mark("firstFrame"); }
  });
  b.frames = function () { return fr; };
  new MutationObserver(function () {
    var r = document.documentElement;
    if (!r) return;
    if (r.getAttribute("data-widget-state") === "ready") mark("ready");
    var m = r.getAttribute("data-widget-motion");
    if (m && m !== b.lastMotion) { b.lastMotion = m; b.motion.push([m, performance.now(), fr]); }
    var s = r.getAttribute("data-widget-scene");
    if (s && s !== b.lastScene) { b.lastScene = s; b.scenes++; }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-widget-state", "data-widget-motion", "data-widget-scene"] });
  try {
    new PerformanceObserver(function (l) {
      l.getEntries().forEach(function (e) { if (e.element && e.element.tagName === "IMG") mark("poster"); });
    }).observe({ type: "largest-contentful-paint", buffered: true });
  } catch (e) {}
})();`

// marksExpr reads the marks of the top document plus the moments the page
// asked for the wasm (startTime of the .wasm resource) and had its bytes
// local (responseEnd).
const marksExpr = `(function () {
  var m = Object.assign({}, (window.__bench || {}).marks);
  performance.getEntriesByType("resource").forEach(function (e) {
    if (/\.wasm(\?|$)/.test(e.name)) { m.wasmFetch = e.startTime; m.wasmLocal = e.responseEnd; }
  });
  return m;
})()`

// hostPage is a host article with n embeds of the widget in same-origin
// iframes, 4 to a row, and a tall text after them, so that scrolling to the
// end leaves every embed off screen.
func hostPage(n int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">
<style>body{margin:0;font:16px sans-serif} .grid{display:grid;grid-template-columns:repeat(4,320px);gap:0}
iframe{width:320px;height:180px;border:0;display:block} .after{height:20000px}</style></head><body><div class="grid">`)
	for i := range n {
		fmt.Fprintf(&b, `<iframe src="index.html#lang=en&i=%d" title="embed %d"></iframe>`, i, i)
	}
	// Counts each iframe's loads (a reload is one more) and lost WebGL
	// contexts, for the log.
	b.WriteString(`</div><div class="after">after the embeds</div><script>
window.loads = 0; window.lost = 0;
document.querySelectorAll("iframe").forEach(function (f) {
  f.addEventListener("load", function () {
    window.loads++;
    try { f.contentWindow.addEventListener("webglcontextlost", function () { window.lost++; }, true); } catch (e) {}
  });
});
</script></body></html>`)
	return b.String()
}

// embedsExpr reads a host page: how many embeds are ready, how many are
// starting (loading their program, or reloading), how many hold a live
// canvas, the frames they drew in all, and the live budget the widgets
// share (web/live.js; n when the page has none).
const embedsExpr = `(function () {
  var r = { ready: 0, frames: 0, n: 0, starting: 0, live: 0, max: 0, loads: window.loads || 0, lost: window.lost || 0 };
  document.querySelectorAll("iframe").forEach(function (f) {
    r.n++;
    try {
      var d = f.contentDocument, w = f.contentWindow, s = d.documentElement.getAttribute("data-widget-state");
      if (s === "ready") r.ready++;
      if (d.readyState !== "complete" || d.documentElement.getAttribute("data-widget-load") && s !== "ready" && s !== "error") r.starting++;
      if (d.querySelector("canvas")) r.live++;
      if (w.parallelLinesLive && !r.max) r.max = w.parallelLinesLive.max;
      if (w.__bench) r.frames += w.__bench.frames();
    } catch (e) { r.starting++; }
  });
  if (!r.max) r.max = r.n;
  return r;
})()`

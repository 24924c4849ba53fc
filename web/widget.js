// Loads the widget: fetches and starts the WebAssembly module, and turns any
// failure (no WebAssembly, a missing file, a crash) into a visible message
// rather than a blank box. The Go side reports success itself.
(function () {
  "use strict";
  var root = document.documentElement;
  var status = document.getElementById("widget-status");

  function fail(msg) {
    status.textContent = "这个图表无法显示 · The graphic could not be shown: " + msg;
    status.classList.add("is-error");
    status.hidden = false;
    root.setAttribute("data-widget-state", "error");
  }

  if (typeof WebAssembly !== "object" || typeof Go !== "function") {
    fail("this browser cannot run WebAssembly.");
    return;
  }

  var go = new Go();
  // A Go program that exits on its own has failed: the widget runs until the
  // page goes away. A panic exits with code 2 after printing to the console.
  go.exit = function (code) {
    if (root.getAttribute("data-widget-state") !== "error") {
      fail(code === 0 ? "the program stopped." : "the program crashed (exit code " + code + "); see the console.");
    }
  };

  function instantiate(resp) {
    if (!resp.ok) throw new Error("main.wasm: HTTP " + resp.status);
    if (WebAssembly.instantiateStreaming && (resp.headers.get("Content-Type") || "").indexOf("application/wasm") === 0) {
      return WebAssembly.instantiateStreaming(resp, go.importObject);
    }
    // Some static hosts serve .wasm with another type; streaming refuses that.
    return resp.arrayBuffer().then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
  }

  fetch("main.wasm")
    .then(instantiate)
    .then(function (r) { return go.run(r.instance); })
    .catch(function (e) { fail(String(e && e.message || e)); });
})();

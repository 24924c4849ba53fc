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

  // Ebitengine's own key handler cancels every key, so Tab could never leave
  // the canvas. The shell takes Tab first (capture phase) and asks the widget
  // whether its focus moves inside or leaves; only in the first case is the
  // browser's own move cancelled.
  window.addEventListener("keydown", function (e) {
    var api = window.parallelLines, canvas = document.querySelector("canvas");
    if (e.key !== "Tab" || !api || !canvas || document.activeElement !== canvas) return;
    e.stopPropagation();
    if (api.focus(e.shiftKey ? "-1" : "1")) e.preventDefault();
  }, true);

  // Called by the widget after its first frame: give the canvas its name
  // and text alternative, and pass on what only the DOM knows.
  window.parallelLinesReady = function () {
    var api = window.parallelLines, canvas = document.querySelector("canvas");
    if (!canvas) return;
    canvas.setAttribute("role", "application");
    canvas.setAttribute("aria-roledescription", "interactive graphic");
    canvas.setAttribute("aria-label", document.title);
    canvas.setAttribute("aria-describedby", "widget-description");
    canvas.addEventListener("blur", function () { api && api.blur(); });
    canvas.addEventListener("mouseleave", function () { api && api.pointerLeave(); });
    // Ebitengine reads devicePixelRatio once, so after a zoom or a move to
    // another monitor its canvas would stay at the old resolution and blur.
    // The scene and language live in the URL, so a reload comes back to the
    // same place, drawn sharp.
    // Browsers announce the change differently (a resize on zoom, a media
    // query on a monitor move, neither under emulation), so a slow check
    // backs up the events; it costs no frames.
    var dpr = window.devicePixelRatio;
    var check = function () {
      if (window.devicePixelRatio !== dpr) location.reload();
    };
    window.addEventListener("resize", check);
    var res = window.matchMedia && window.matchMedia("(resolution: " + dpr + "dppx)");
    if (res) res.addEventListener("change", check);
    setInterval(check, 1000);
    // Off screen (an embed scrolled away), the widget's loop does nothing.
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries) {
        api.visible(entries[entries.length - 1].isIntersecting ? "1" : "0");
      }).observe(canvas);
    }
  };

  fetch("main.wasm")
    .then(instantiate)
    .then(function (r) { return go.run(r.instance); })
    .catch(function (e) { fail(String(e && e.message || e)); });
})();

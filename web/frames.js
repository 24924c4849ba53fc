// Holds Ebitengine's animation-frame callback while the widget is at rest.
//
// Ebitengine (FPSModeVsyncOffMinimum) draws nothing at rest, but its loop
// still asks for an animation frame every display frame and enters Go each
// time: about 5% of a core per idle widget. It reads
// window.requestAnimationFrame once, when the Go program starts, so this
// script (loaded before wasm_exec.js) decides when that callback runs. While
// <html data-widget-motion="still"> (set by the Go side) and nothing happened
// for a moment, the callback is held; it is released on input, a resize, a
// change of visibility or motion, or a call of
// window.parallelLinesFrames.wake() (the shell calls it after forwarding
// input to the widget). While the document is off screen it is held too. A slow heartbeat releases it now and then anyway, so
// a frame the Go side schedules by itself is late, never lost.
(function () {
  "use strict";
  var raf = window.requestAnimationFrame;
  if (typeof raf !== "function") return;
  raf = raf.bind(window);
  var caf = window.cancelAnimationFrame.bind(window);
  var root = document.documentElement;

  // GRACE: frames keep flowing this long after the last event, so that
  // Ebitengine sees the press and the release of a key or button (it reads
  // input once per frame) and the Go side can report that it moves.
  var GRACE = 300;
  // HEARTBEAT: the longest a held callback waits.
  var HEARTBEAT = 1000;

  var last = performance.now(); // the last event, wake or release
  var held = null; // the callback waiting, at most one: Ebitengine asks for one at a time
  var heldID = 0, nextID = -1; // held callbacks get negative ids
  var stats = { held: 0, released: 0, passed: 0 };

  // Off screen (an embed scrolled away) nothing is seen, moving or not: the
  // widget stops ticking there without reporting "still".
  var offscreen = false;

  function resting() {
    if (offscreen) return true;
    return root.getAttribute("data-widget-motion") === "still" && performance.now() - last > GRACE;
  }

  function release() {
    if (!held) return;
    var cb = held;
    held = null;
    stats.released++;
    raf(cb);
  }

  window.requestAnimationFrame = function (cb) {
    if (!resting()) {
      stats.passed++;
      return raf(cb);
    }
    release(); // never more than one held: an older one runs first
    held = cb;
    heldID = nextID--;
    stats.held++;
    return heldID;
  };
  window.cancelAnimationFrame = function (id) {
    if (id < 0) {
      if (id === heldID) held = null;
      return;
    }
    caf(id);
  };

  function wake() {
    last = performance.now();
    release();
  }

  // Capture phase on window: seen before Ebitengine's canvas listeners, and
  // passive, so nothing is cancelled or delayed.
  var opts = { capture: true, passive: true };
  ["keydown", "keyup", "mousedown", "mouseup", "mousemove", "wheel", "touchstart", "touchmove",
    "touchend", "touchcancel", "pointerdown", "pointerup", "pointermove", "focus", "blur", "resize"]
    .forEach(function (t) { window.addEventListener(t, wake, opts); });
  document.addEventListener("visibilitychange", wake);
  new MutationObserver(wake).observe(root, { attributes: true, attributeFilter: ["data-widget-motion"] });
  if ("IntersectionObserver" in window) {
    new IntersectionObserver(function (entries) {
      offscreen = !entries[entries.length - 1].isIntersecting;
      if (!offscreen) wake();
    }).observe(root);
  }
  setInterval(function () {
    if (held && performance.now() - last >= HEARTBEAT) {
      last = performance.now() - GRACE - 1; // released, but still resting
      release();
    }
  }, HEARTBEAT);

  window.parallelLinesFrames = {
    wake: wake,
    // stats counts callbacks held, released and passed straight through.
    stats: function () { return { held: stats.held, released: stats.released, passed: stats.passed, holding: !!held }; }
  };
})();

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
//
// Go's own timers are held the same way (holdGo, called by widget.js with
// its Go instance): Ebitengine runs a 100 ms ticker (to notice a hidden
// tab for its audio, which the widget has none of), and each tick is a
// setTimeout into Go, ten entries a second at rest. While resting, a Go
// timeout waits for the next release; off screen or in a hidden tab there
// is no heartbeat at all, so a held widget does no periodic work. A timer
// the Go side needs on time (autoplay's next scene) says so with
// parallelLinesFrames.at(ms), which releases everything then.
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
  var stats = { held: 0, released: 0, passed: 0, goHeld: 0, goReleased: 0, goPassed: 0 };

  // Off screen (an embed scrolled away) nothing is seen, moving or not: the
  // widget stops ticking there without reporting "still".
  var offscreen = false;

  function resting() {
    if (offscreen) return true;
    return root.getAttribute("data-widget-motion") === "still" && performance.now() - last > GRACE;
  }

  function release() {
    releaseGo();
    if (!held) return;
    var cb = held;
    held = null;
    stats.released++;
    raf(cb);
  }

  // Go's timeouts: while resting, wasm_exec.js's setTimeout calls are kept
  // here (by id) and run at the next release, or at their own time if that
  // is later.
  var setT = window.setTimeout.bind(window), clearT = window.clearTimeout.bind(window);
  var goHeld = {}, goNext = 0; // id -> {fn, due}
  var goIDs = {}; // id -> the browser's timeout id once released
  function hidden() { return offscreen || document.visibilityState === "hidden"; }
  function releaseGo() {
    var now = performance.now();
    Object.keys(goHeld).forEach(function (id) {
      var t = goHeld[id];
      delete goHeld[id];
      goIDs[id] = setT(function () { delete goIDs[id]; t.fn(); }, Math.max(0, t.due - now));
      stats.goReleased++;
    });
  }
  function holdGo(go) {
    var g = go && go.importObject && go.importObject.gojs;
    if (!g || typeof g["runtime.scheduleTimeoutEvent"] !== "function") return;
    var schedule = g["runtime.scheduleTimeoutEvent"], clear = g["runtime.clearTimeoutEvent"];
    // wasm_exec.js calls the global setTimeout and clearTimeout inside these
    // two; for the length of each call, they are ours.
    var goSet = function (fn, ms) {
      var id = "g" + (goNext++);
      if (resting()) {
        goHeld[id] = { fn: fn, due: performance.now() + (+ms || 0) };
        stats.goHeld++;
        beat();
      } else {
        goIDs[id] = setT(function () { delete goIDs[id]; fn(); }, ms);
        stats.goPassed++;
      }
      return id;
    };
    var goClear = function (id) {
      if (goHeld[id]) { delete goHeld[id]; return; }
      if (goIDs[id] !== undefined) { clearT(goIDs[id]); delete goIDs[id]; }
    };
    var inside = function (f) {
      return function (sp) {
        var s = window.setTimeout, c = window.clearTimeout;
        window.setTimeout = goSet;
        window.clearTimeout = goClear;
        try { return f(sp); } finally { window.setTimeout = s; window.clearTimeout = c; }
      };
    };
    g["runtime.scheduleTimeoutEvent"] = inside(schedule);
    g["runtime.clearTimeoutEvent"] = inside(clear);
  }

  window.requestAnimationFrame = function (cb) {
    if (!resting()) {
      stats.passed++;
      return raf(cb);
    }
    if (held) { // never more than one held: an older one runs first
      var older = held;
      held = null;
      stats.released++;
      raf(older);
    }
    held = cb;
    heldID = nextID--;
    stats.held++;
    beat();
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
  // The heartbeat: one timeout while something is held on screen, none
  // while hidden or off screen (those end with an event that wakes).
  var beating = 0;
  function beat() {
    if (beating || hidden()) return;
    beating = setT(function () {
      beating = 0;
      if (hidden()) return;
      if (performance.now() - last >= HEARTBEAT) {
        last = performance.now() - GRACE - 1; // released, but still resting
        release();
      } else if (held || Object.keys(goHeld).length) {
        beat();
      }
    }, HEARTBEAT);
  }
  // at(ms): release everything in ms (a Go timer that must be on time).
  function at(ms) {
    setT(function () { last = performance.now() - GRACE - 1; release(); }, Math.max(0, +ms || 0));
  }

  window.parallelLinesFrames = {
    wake: wake,
    holdGo: holdGo,
    at: at,
    // stats counts callbacks held, released and passed straight through.
    stats: function () {
      return { held: stats.held, released: stats.released, passed: stats.passed, holding: !!held,
        goHeld: stats.goHeld, goReleased: stats.goReleased, goPassed: stats.goPassed, goHolding: Object.keys(goHeld).length };
    }
  };
})();

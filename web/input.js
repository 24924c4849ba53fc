// Input that belongs to the page. Ebitengine's listeners sit on its canvas
// and cancel everything (touch, wheel, every key), so over the widget an
// article could not scroll and Tab could not leave. These capture-phase
// listeners on window run first, keep every raw event from reaching the
// canvas (stopPropagation, without preventDefault, so the browser's own
// action stays: a drag or the wheel scrolls the page, Tab moves on), and
// forward what the event means to the core through the command table
// (window.parallelLines.command / .key). Ebitengine only draws.
(function () {
  "use strict";
  var TAP_MOVE = 10, TAP_TIME = 600; // px, ms: more is a drag, or a hold
  var down = null, touch = null;

  function api() { return window.parallelLines && window.parallelLines.command ? window.parallelLines : null; }
  function onCanvas(e) { return e.target instanceof HTMLCanvasElement; }
  function at(canvas, x, y) {
    var r = canvas.getBoundingClientRect();
    return (x - r.left).toFixed(1) + " " + (y - r.top).toFixed(1);
  }
  function wake() { if (window.parallelLinesFrames && window.parallelLinesFrames.wake) window.parallelLinesFrames.wake(); }
  function send(cmd) {
    var a = api();
    if (!a) return false;
    var r = a.command(cmd);
    wake();
    return r;
  }
  function on(type, fn, opts) { window.addEventListener(type, fn, opts || { capture: true }); }

  on("keydown", function (e) {
    if (!onCanvas(e)) return;
    e.stopPropagation();
    var a = api();
    if (!a || e.ctrlKey || e.metaKey || e.altKey) return; // browser shortcuts stay the browser's
    if (e.key === "Tab") {
      // Focus moves inside the widget until its last item, then leaves.
      if (a.focus(e.shiftKey ? "-1" : "1")) e.preventDefault();
      wake();
      return;
    }
    if (a.key(e.key)) e.preventDefault();
    wake();
  });
  on("keyup", function (e) { if (onCanvas(e)) e.stopPropagation(); });

  on("mousemove", function (e) {
    if (!onCanvas(e)) return;
    e.stopPropagation();
    send("pointer " + at(e.target, e.clientX, e.clientY));
  });
  on("mousedown", function (e) {
    if (!onCanvas(e)) return;
    e.stopPropagation();
    if (e.button === 0) down = { x: e.clientX, y: e.clientY };
    e.target.focus({ preventScroll: true });
  });
  on("mouseup", function (e) {
    if (!onCanvas(e)) return;
    e.stopPropagation();
    if (e.button === 0 && down && Math.abs(e.clientX - down.x) + Math.abs(e.clientY - down.y) <= TAP_MOVE) {
      send("tap " + at(e.target, e.clientX, e.clientY));
    }
    down = null;
  });
  ["wheel", "contextmenu", "dragover", "drop"].forEach(function (t) {
    on(t, function (e) { if (onCanvas(e)) e.stopPropagation(); }, { capture: true, passive: t === "wheel" });
  });

  // A finger that moves scrolls the page; one that lifts where it landed,
  // soon enough, is a tap: it opens a card or presses a control.
  on("touchstart", function (e) {
    if (!onCanvas(e)) return;
    e.stopPropagation();
    var t = e.changedTouches[0];
    touch = e.touches.length === 1 ? { x: t.clientX, y: t.clientY, at: Date.now() } : null;
  }, { capture: true, passive: true });
  on("touchmove", function (e) {
    if (!onCanvas(e)) return;
    e.stopPropagation();
    var t = e.changedTouches[0];
    if (touch && Math.abs(t.clientX - touch.x) + Math.abs(t.clientY - touch.y) > TAP_MOVE) touch = null;
  }, { capture: true, passive: true });
  on("touchend", function (e) {
    if (!onCanvas(e)) return;
    e.stopPropagation();
    var t = e.changedTouches[0];
    if (touch && t && Date.now() - touch.at < TAP_TIME &&
        Math.abs(t.clientX - touch.x) + Math.abs(t.clientY - touch.y) <= TAP_MOVE) {
      e.preventDefault(); // no mouse events made up from the tap: it is taken once
      e.target.focus({ preventScroll: true });
      send("tap " + at(e.target, t.clientX, t.clientY));
    }
    touch = null;
  });
  on("touchcancel", function (e) { if (onCanvas(e)) { e.stopPropagation(); touch = null; } });
})();

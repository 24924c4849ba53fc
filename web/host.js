// The widget's side of its host page: the host protocol (postMessage, JSON
// objects with "type": "parallel-lines"; commands are parsed and checked by
// the core, package command), the height the widget wants for its width,
// and the child side of pym.js (NPR's responsive iframes), so a page that
// uses new pym.Parent(...) embeds it unchanged. See README: "Host protocol".
(function () {
  "use strict";
  var TYPE = "parallel-lines", SEP = "xPYMx";
  var inFrame = window.parent !== window;
  var q = new URLSearchParams(location.search + "&" + location.hash.slice(1));
  var meta = document.querySelector('meta[name="parallel-lines-config"]');
  var cfg = { artboards: [] };
  try { cfg = JSON.parse(meta.content); } catch (e) { /* an unbuilt page: no height to tell */ }

  // ?origin= restricts who may drive the widget and who hears it. The core
  // warns about an invalid value; here it fails closed, as there.
  var origin = q.get("origin");
  if (origin !== null) {
    try { origin = new URL(origin).origin; } catch (e) { origin = "null"; }
  }
  var target = origin || "*";
  var pymId = q.get("childId");

  function post(msg) { if (inFrame) window.parent.postMessage(msg, target); }

  // The layout's artboard for a width (command.Artboards, written into the
  // page by the build): the same shape as the poster, so nothing jumps.
  function wantedHeight(w) {
    var a = null;
    cfg.artboards.forEach(function (b) { if (w >= b.MinWidth) a = b; });
    return a ? Math.round(w * a.H / a.W) : 0;
  }
  var sentWidth = -1;
  function sendHeight(force) {
    var w = document.documentElement.clientWidth;
    if (!inFrame || !w || (w === sentWidth && !force)) return;
    sentWidth = w;
    var h = wantedHeight(w);
    post({ type: TYPE, event: "height", value: h });
    if (pymId) window.parent.postMessage(["pym", pymId, "height", String(h)].join(SEP), origin || "*");
  }

  // Commands that arrive before the program runs wait for it.
  var queue = [];
  function deliver(json) {
    var api = window.parallelLines;
    if (api && api.host && window.parallelLinesHost.ready) api.host(json);
    else queue.push(json);
    if (window.parallelLinesFrames && window.parallelLinesFrames.wake) window.parallelLinesFrames.wake();
  }

  window.addEventListener("message", function (e) {
    if (!inFrame || e.source !== window.parent) return;
    if (origin && e.origin !== origin) {
      console.warn("parallel-lines: message from " + e.origin + " ignored: this widget takes commands from " + origin + " only");
      return;
    }
    var d = e.data;
    if (typeof d === "string" && d.indexOf("pym" + SEP) === 0) {
      // pym.js: the parent tells its width; the child answers its height.
      var parts = d.split(SEP);
      if (parts[1] === pymId && parts[2] === "width") sendHeight(true);
      return;
    }
    var json;
    try { json = typeof d === "string" ? d : JSON.stringify(d); } catch (err) { json = ""; }
    if (typeof json !== "string") json = "";
    deliver(json); // the core checks it and warns once about anything else
  });

  window.parallelLinesHost = {
    ready: false,
    emit: function (json) {
      var ev = JSON.parse(json);
      if (ev.event === "ready") {
        window.parallelLinesHost.ready = true;
        queue.splice(0).forEach(deliver);
      }
      post(ev);
    },
    // Through emit, like every other event, so there is one way out.
    fail: function (msg) { window.parallelLinesHost.emit(JSON.stringify({ type: TYPE, event: "error", message: String(msg) })); },
    wantedHeight: wantedHeight,
  };

  window.addEventListener("resize", function () { sendHeight(false); });
  sendHeight(true);
})();

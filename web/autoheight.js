// The one small script of the embed snippet, for the HOST page: it sizes
// every Parallel Lines iframe to the height the widget asks for (its
// "height" event, see README "Host protocol"), and passes the host page's
// language to a widget whose snippet names none, and tells each widget how
// near the viewport it is, so that the page's live budget (the widgets'
// live.js: the few nearest run, the rest show their poster) knows what the
// reader is about to see. No dependencies; safe to include more than once.
(function () {
  "use strict";
  if (window.parallelLinesAutoHeight) return;
  window.parallelLinesAutoHeight = true;

  function frames() { return document.querySelectorAll("iframe[data-parallel-lines]"); }

  // The host's language, for widgets that were not given one.
  var hostLang = (document.documentElement.lang || "").toLowerCase();
  hostLang = hostLang.indexOf("zh") === 0 ? "zh" : hostLang.indexOf("en") === 0 ? "en" : "";
  function prepare(f) {
    if (f.getAttribute("data-parallel-lines-ready")) return;
    f.setAttribute("data-parallel-lines-ready", "1");
    f.style.border = "0";
    f.style.display = "block";
    f.addEventListener("load", function () { tell(f, true); }); // a new document: it knows nothing yet
    var src = f.getAttribute("src") || "";
    if (hostLang && src && !/[?&#]lang=/.test(src)) {
      f.setAttribute("src", src + (src.indexOf("?") < 0 ? "?" : "&") + "lang=" + hostLang);
    }
  }
  // How near: 0 on screen, else how many viewport heights away, rounded up.
  // Sent when it changes, at most every 100 ms while the page scrolls;
  // nothing runs while it does not.
  function tell(f, force) {
    if (!f.contentWindow) return;
    var r = f.getBoundingClientRect(), vh = window.innerHeight || 1;
    var d = r.bottom < 0 ? -r.bottom : r.top > vh ? r.top - vh : 0;
    var n = d > 0 ? Math.ceil(d / vh) : 0;
    if (!force && f.parallelLinesNear === n) return;
    f.parallelLinesNear = n;
    f.contentWindow.postMessage({ type: "parallel-lines", near: n }, "*");
  }
  var pending = 0;
  function measure() {
    if (pending) return;
    pending = setTimeout(function () {
      pending = 0;
      Array.prototype.forEach.call(frames(), function (f) { tell(f, false); });
    }, 100);
  }
  function all() { Array.prototype.forEach.call(frames(), prepare); measure(); }
  all();
  document.addEventListener("DOMContentLoaded", all);
  window.addEventListener("scroll", measure, { passive: true });
  window.addEventListener("resize", measure);

  window.addEventListener("message", function (e) {
    var d = e.data;
    if (!d || d.type !== "parallel-lines" || d.event !== "height") return;
    var h = Number(d.value);
    if (!(h > 0 && h < 20000)) return;
    Array.prototype.forEach.call(frames(), function (f) {
      if (f.contentWindow === e.source) f.style.height = Math.round(h) + "px";
    });
  });
})();

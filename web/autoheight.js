// The one small script of the embed snippet, for the HOST page: it sizes
// every Parallel Lines iframe to the height the widget asks for (its
// "height" event, see README "Host protocol"), and passes the host page's
// language to a widget whose snippet names none. No dependencies; safe to
// include more than once.
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
    var src = f.getAttribute("src") || "";
    if (hostLang && src && !/[?&#]lang=/.test(src)) {
      f.setAttribute("src", src + (src.indexOf("?") < 0 ? "?" : "&") + "lang=" + hostLang);
    }
  }
  Array.prototype.forEach.call(frames(), prepare);
  document.addEventListener("DOMContentLoaded", function () { Array.prototype.forEach.call(frames(), prepare); });

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

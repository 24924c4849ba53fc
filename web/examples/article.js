// Scrollytelling over the host protocol: one step per scene, built from the
// page's configuration; the step crossing the middle of the viewport sends
// {"type":"parallel-lines","command":"goto","scene":<index>} to the sticky
// iframe. An IntersectionObserver on a band around the middle keeps this
// right after resizes and browser zoom (it measures in the layout of the
// moment, no cached offsets); the widget's "ready" event re-sends the
// current step, since a step may be reached before the program runs.
(function () {
  "use strict";
  var cfg = JSON.parse(document.querySelector('meta[name="parallel-lines-config"]').content);
  var frame = document.getElementById("graphic"), steps = document.getElementById("steps");
  var lang = document.documentElement.lang.indexOf("zh") === 0 ? "zh" : "en";
  var current = 0, ready = false;

  cfg.scenes.forEach(function (sc, i) {
    var s = document.createElement("section"), box = document.createElement("div");
    var h = document.createElement("h2"), p = document.createElement("p");
    s.className = "step";
    s.setAttribute("data-scene", String(i));
    h.textContent = (i + 1) + ". " + sc.title[lang];
    p.textContent = sc.caption[lang];
    box.appendChild(h);
    box.appendChild(p);
    s.appendChild(box);
    steps.appendChild(s);
  });

  function send(cmd) {
    cmd.type = "parallel-lines";
    frame.contentWindow.postMessage(cmd, location.origin);
  }
  function activate(i) {
    current = i;
    Array.prototype.forEach.call(steps.children, function (s, k) { s.classList.toggle("is-active", k === i); });
    document.documentElement.setAttribute("data-step", String(i));
    if (ready) send({ command: "goto", scene: i });
  }

  var io = new IntersectionObserver(function (es) {
    es.forEach(function (e) {
      if (e.isIntersecting) activate(Number(e.target.getAttribute("data-scene")));
    });
  }, { rootMargin: "-45% 0px -45% 0px" });
  Array.prototype.forEach.call(steps.children, function (s) { io.observe(s); });

  window.addEventListener("message", function (e) {
    var d = e.data;
    if (e.source !== frame.contentWindow || !d || d.type !== "parallel-lines") return;
    if (d.event === "ready") {
      ready = true;
      send({ command: "goto", scene: current });
    }
    if (d.event === "scene") document.documentElement.setAttribute("data-widget-index", String(d.index));
  });
})();

// The soak host page's side of the host protocol: it stamps every widget →
// host event with the host's clock (window.soak.events: {t, event, scene,
// index}, t in ms of performance.now()) and sends commands
// (window.soak.send({command: "lang", value: "zh"})).
(function () {
  "use strict";
  var frame = document.querySelector("iframe");
  var soak = window.soak = { events: [] };
  soak.send = function (cmd) {
    var msg = { type: "parallel-lines" };
    Object.keys(cmd).forEach(function (k) { msg[k] = cmd[k]; });
    frame.contentWindow.postMessage(msg, location.origin);
  };
  window.addEventListener("message", function (e) {
    var d = e.data;
    if (e.source !== frame.contentWindow || !d || d.type !== "parallel-lines" || d.event === "height") return;
    soak.events.push({ t: performance.now(), event: String(d.event), scene: String(d.scene || d.message || ""), index: typeof d.index === "number" ? d.index : -1 });
  });
})();

// The widget's exports, as HTML controls outside the canvas so that the
// keyboard and screen readers reach them like any others: the current view
// as PNG (twice the screen's resolution) or SVG, drawn by the wasm
// (parallelLines.exportImage); the data files listed in data/index.json;
// and the sources of what is on screen (parallelLines.sources). Text goes
// into the page only through textContent, never as markup.
(function () {
  "use strict";
  var nav = document.getElementById("widget-exports");
  if (!nav) return;
  var root = document.documentElement;
  var toggle = nav.querySelector("[data-export=toggle]");
  var panel = document.getElementById("exports-panel");
  var dataList = document.getElementById("exports-data");
  var sourcesBox = document.getElementById("exports-sources");
  var status = document.getElementById("exports-status");

  // The controls' labels are in index.html (lang.js); these are the words
  // said or shown later.
  var words = {
    saved: { zh: "已下载：", en: "Downloaded: " },
    failed: { zh: "无法导出：", en: "Could not export: " },
    notReady: { zh: "图表尚未载入。", en: "The graphic has not loaded yet." },
    waiting: { zh: "正在载入中文字体，稍后下载……", en: "Loading the Chinese text; the download follows…" },
    interview: { zh: "访谈", en: "Interview" },
    onScreen: { zh: "本幕内容的出处", en: "Where what is on screen comes from" },
    outside: { zh: "其他来源", en: "Outside sources" }
  };
  var lang = window.parallelLinesLang.lang;
  function say(key) { return words[key][lang()]; }

  function label() {
    var table = nav.querySelector("[data-export=table]"); // not in the offline file
    if (table) table.setAttribute("href", lang() === "zh" ? "table.html" : "table-en.html");
    if (!sourcesBox.hidden) sources(); // follow the scene and language
  }

  function announce(text) {
    status.textContent = "";
    status.textContent = text;
  }

  function expand(button, box, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    box.hidden = !open;
  }

  function image(kind) {
    var api = window.parallelLines;
    if (!api || !api.exportImage) { announce(say("notReady")); return; }
    var f = api.exportImage(kind);
    if (f && typeof f.then === "function") { // its Chinese glyphs are still coming
      announce(say("waiting"));
      f.then(save);
      return;
    }
    save(f);
  }

  function save(f) {
    if (!f || f.error) { announce(say("failed") + (f && f.error)); return; }
    var url = URL.createObjectURL(new Blob([f.data], { type: f.type }));
    var a = document.createElement("a");
    a.href = url;
    a.download = f.name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    window.__parallelLinesLastExport = { name: f.name, type: f.type, bytes: f.data.length };
    announce(say("saved") + f.name);
  }

  function files() {
    if (dataList.childElementCount) return;
    fetch("data/index.json").then(function (r) {
      if (!r.ok) throw new Error("data/index.json: HTTP " + r.status);
      return r.json();
    }).then(function (list) {
      list.forEach(function (f) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = "data/" + encodeURIComponent(f.name);
        a.setAttribute("download", "");
        a.textContent = f.name + " (" + Math.max(1, Math.round(f.bytes / 1024)) + " KB)";
        li.appendChild(a);
        dataList.appendChild(li);
      });
    }).catch(function (e) { announce(say("failed") + e.message); });
  }

  function add(parent, tag, text) {
    var el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;
    parent.appendChild(el);
    return el;
  }

  function sources() {
    var api = window.parallelLines;
    sourcesBox.replaceChildren();
    if (!api || !api.sources) { add(sourcesBox, "p", say("notReady")); return; }
    var s = api.sources();
    add(sourcesBox, "h2", say("interview"));
    add(sourcesBox, "p", s.outlet + " · " + s.byline);
    add(sourcesBox, "p", s.interviewee);
    add(sourcesBox, "h2", say("onScreen"));
    var ul = add(sourcesBox, "ul");
    s.items.forEach(function (it) { add(ul, "li", it.what + " " + it.cite); });
    if (s.outside.length) {
      add(sourcesBox, "h2", say("outside"));
      var ol = add(sourcesBox, "ul");
      s.outside.forEach(function (o) {
        var li = add(ol, "li", o.publisher + ", " + o.title + " (" + o.date + ") ");
        var a = add(li, "a", o.url);
        a.href = o.url;
      });
    }
    add(sourcesBox, "p", s.credit);
  }

  toggle.addEventListener("click", function () {
    expand(toggle, panel, panel.hidden);
  });
  nav.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("[data-export]"); // a click may land on a label's span
    var k = b && b.getAttribute("data-export");
    if (k === "png" || k === "svg") image(k);
    if (k === "data") { files(); expand(b, dataList, dataList.hidden); }
    if (k === "sources") { var open = sourcesBox.hidden; if (open) sources(); expand(b, sourcesBox, open); }
  });
  // Esc closes the panel and gives the focus back to its button.
  nav.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !panel.hidden) {
      expand(toggle, panel, false);
      toggle.focus();
      e.stopPropagation();
    }
  });
  // The widget sets <html lang> and data-widget-scene: relabel on either.
  new MutationObserver(label).observe(root, { attributes: true, attributeFilter: ["lang", "data-widget-scene"] });
  label();
})();

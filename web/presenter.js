// The presenter window: the current scene's speaker notes in the chosen
// language, the next scene's title and poster, the scene number, the clock
// and the time elapsed. The explorer window owns the scene: a step here is
// a request sent to it, and what this window shows is what the explorer
// reports back, so the two never disagree for long.
(function () {
  "use strict";
  var P = window.parallelLinesPresent;
  var root = document.documentElement;
  // presenter.html says so itself; the offline file is the presenter when
  // opened with #presenter.
  if (!P || !(P.presenterMode || root.hasAttribute("data-presenter"))) return;
  root.setAttribute("data-presenter", "");
  // This window names itself (render); the explorer's title, which lang.js
  // keeps in the page's language in the offline file, is not its own.
  var own = document.querySelector("title");
  if (own) { delete own.dataset.zh; delete own.dataset.en; }
  var el = function (tag, cls, text) { return P.el(document, tag, cls, text); };

  var story = null, ids = [];
  var state = { scene: "", lang: "en" };
  var send = P.channel(function () { return window.opener; }, function (m) {
    if (m.type !== "state" || typeof m.scene !== "string") return;
    state = { scene: m.scene, lang: m.lang === "zh" ? "zh" : "en" };
    if (!since) since = Date.now();
    clearInterval(hello);
    render();
  });

  // The layout, built once; render fills it.
  var ui = {
    number: el("span", "pp-number"),
    title: el("h1", "pp-title"),
    status: el("span", "pp-status"),
    notes: el("div", "pp-notes"),
    nextLabel: el("p", "pp-label"),
    nextTitle: el("p", "pp-next-title"),
    preview: el("img", "pp-preview"),
    prev: el("button", "pp-prev"),
    next: el("button", "pp-next-button"),
    elapsed: el("span", "pp-elapsed", "0:00"),
    wall: el("span", "pp-wall"),
  };
  var app = el("div", "pp");
  var head = el("div", "pp-head");
  head.append(ui.number, ui.title, ui.status);
  var next = el("div", "pp-next");
  next.append(ui.nextLabel, ui.nextTitle, ui.preview);
  var nav = el("div", "pp-nav");
  ui.prev.type = ui.next.type = "button";
  nav.append(ui.prev, ui.next);
  var clock = el("div", "pp-clock");
  clock.append(ui.elapsed, ui.wall);
  app.append(head, ui.notes, next, nav, clock);
  document.body.replaceChildren(app);

  ui.prev.addEventListener("click", function () { step(-1); });
  ui.next.addEventListener("click", function () { step(1); });
  ui.elapsed.title = "click to reset";
  ui.elapsed.addEventListener("click", function () { since = Date.now(); tickClock(); });

  function step(d) {
    var i = ids.indexOf(state.scene);
    if (i < 0) return;
    goIndex(i + d);
  }
  function goIndex(i) {
    if (!ids.length) return;
    send({ type: "go", scene: ids[Math.max(0, Math.min(ids.length - 1, i))] });
  }

  function render() {
    var l = state.lang, zh = l === "zh";
    root.lang = zh ? "zh-Hans" : "en";
    root.setAttribute("data-presenter-scene", state.scene);
    ui.prev.textContent = zh ? "‹ 上一个" : "‹ Previous";
    ui.next.textContent = zh ? "下一个 ›" : "Next ›";
    ui.nextLabel.textContent = zh ? "下一个场景" : "Next scene";
    if (!story) return;
    var i = ids.indexOf(state.scene);
    ui.status.textContent = state.scene ? "" : (zh ? "等待讲解窗口……" : "Waiting for the explorer window…");
    if (i < 0) return;
    var sc = story.scenes[i];
    ui.number.textContent = (i + 1) + " / " + ids.length;
    ui.title.textContent = P.t(sc.title, l);
    document.title = (zh ? "演讲者视图 · " : "Presenter view · ") + P.t(sc.title, l);
    ui.notes.replaceChildren();
    P.t(sc.notes, l).split(/\n\s*\n/).forEach(function (para) {
      if (para.trim()) ui.notes.appendChild(el("p", "", para.trim()));
    });
    var n = story.scenes[i + 1];
    ui.nextTitle.textContent = n ? P.t(n.title, l) : (zh ? "（最后一个场景）" : "(last scene)");
    var src = n ? P.posterURL(n.id, l) : "";
    ui.preview.hidden = !src;
    if (src) {
      ui.preview.alt = P.t(n.title, l);
      if (ui.preview.getAttribute("src") !== src) ui.preview.src = src;
    } else ui.preview.removeAttribute("src");
  }

  // The clock: wall time, and the time since the talk began here (the
  // first scene report, or a click on the timer).
  var since = 0;
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function tickClock() {
    var s = since ? Math.floor((Date.now() - since) / 1000) : 0;
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
    ui.elapsed.textContent = (h ? h + ":" + pad(m) : String(m)) + ":" + pad(s % 60);
    var d = new Date();
    ui.wall.textContent = pad(d.getHours()) + ":" + pad(d.getMinutes());
  }
  tickClock();
  setInterval(tickClock, 1000);

  // Keys of a clicker or a keyboard step the explorer from here too.
  var digits = "";
  window.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var k = e.key;
    if (/^[0-9]$/.test(k)) { digits = (digits + k).slice(-3); e.preventDefault(); return; }
    switch (k) {
      case "ArrowRight": case " ": case "PageDown": case "ArrowDown":
        step(1); break;
      case "Enter":
        if (digits) { goIndex(parseInt(digits, 10) - 1); digits = ""; } else step(1);
        break;
      case "ArrowLeft": case "PageUp": case "Backspace": case "ArrowUp":
        step(-1); break;
      case "Home": goIndex(0); break;
      case "End": goIndex(ids.length - 1); break;
      default: return;
    }
    e.preventDefault();
  });

  // Ask the explorer for its state until it answers (it may still be
  // loading, or the message may cross its start).
  var hello = setInterval(function () { send({ type: "hello" }); }, 500);
  send({ type: "hello" });

  P.story().then(function (s) {
    story = s;
    ids = s.scenes.map(function (sc) { return sc.id; });
    render();
  }).catch(function (e) {
    ui.status.textContent = "The dataset could not be read: " + (e && e.message || e);
  });
  render();
})();

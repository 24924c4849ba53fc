// The explorer's presenting shell: what a speaker needs around the canvas.
// It performs the commands that act on the DOM (window.parallelLinesShell:
// fullscreen, black, white, presenter, help, escape), keeps the presenter
// window in step both ways, pauses autoplay on any input, switches the stage layout on in
// fullscreen or with ?mode=present, and builds the print handout (one page
// per scene) from the dataset. Everything is built with DOM calls: no
// markup from data, no inline script or style.
(function () {
  "use strict";
  var P = window.parallelLinesPresent;
  if (!P || P.presenterMode) return; // the presenter window runs presenter.js
  var root = document.documentElement;
  var params = new URLSearchParams(location.search);
  var el = function (tag, cls, text) { return P.el(document, tag, cls, text); };

  var story = null; // the dataset, once loaded
  var ids = [];     // scene ids in story order

  function api() { return window.parallelLines; }
  function current() { return root.getAttribute("data-widget-scene") || ""; }
  var L = window.parallelLinesLang; // lang.js
  var lang = L.lang;
  function index() { return ids.indexOf(current()); }
  function go(id) {
    var a = api();
    if (a && typeof a.go === "function" && ids.indexOf(id) >= 0) a.go(id);
  }
  function goIndex(i) { if (ids.length) go(ids[Math.max(0, Math.min(ids.length - 1, i))]); }
  function step(d) { var i = index(); if (i >= 0) goIndex(i + d); }

  // ---- screens: black, white ------------------------------------------
  var screenEl = el("div", "pl-screen");
  screenEl.hidden = true;
  screenEl.setAttribute("aria-hidden", "true");
  function setScreen(colour) {
    screenEl.hidden = !colour;
    screenEl.className = "pl-screen" + (colour ? " pl-screen-" + colour : "");
    if (colour) root.setAttribute("data-present-screen", colour);
    else root.removeAttribute("data-present-screen");
  }
  // A second press returns to the picture; B on a white screen turns it black.
  function toggleScreen(colour) {
    setScreen(root.getAttribute("data-present-screen") === colour ? "" : colour);
  }

  // ---- help overlay ------------------------------------------------------
  // keys lists what the keyboard does; the help overlay and README show it.
  var keys = [
    ["→  Space  PageDown  Enter", "下一场景", "next scene"],
    ["←  PageUp  Backspace", "上一场景", "previous scene"],
    ["Home  End", "第一个 / 最后一个场景", "first / last scene"],
    ["1…9 + Enter", "跳到第 n 个场景", "jump to scene n"],
    ["F  F5", "全屏", "fullscreen"],
    ["B  .", "黑屏（再按返回）", "black screen (again to return)"],
    ["W", "白屏", "white screen"],
    ["P", "自动播放 / 暂停", "play / pause autoplay"],
    ["L", "切换语言", "switch language"],
    ["N", "演讲者视图", "presenter view"],
    ["?", "本帮助", "this help"],
    ["Esc", "关闭浮层或卡片", "close the overlay or card"],
  ];
  var helpEl = el("div", "pl-help");
  helpEl.hidden = true;
  helpEl.setAttribute("role", "dialog");
  helpEl.setAttribute("aria-modal", "true");
  helpEl.tabIndex = -1;
  function fillHelp() {
    var l = lang();
    helpEl.replaceChildren();
    helpEl.setAttribute("aria-label", l === "zh" ? "键盘快捷键" : "Keyboard shortcuts");
    helpEl.appendChild(el("h2", "", l === "zh" ? "键盘快捷键" : "Keyboard shortcuts"));
    var table = el("table");
    keys.forEach(function (k) {
      var tr = el("tr");
      tr.appendChild(el("th", "", k[0]));
      tr.appendChild(el("td", "", l === "zh" ? k[1] : k[2]));
      table.appendChild(tr);
    });
    helpEl.appendChild(table);
    helpEl.appendChild(el("p", "pl-help-close", l === "zh" ? "按 Esc 或 ? 关闭" : "Esc or ? closes this"));
  }
  var helpReturn = null; // where the focus goes back to
  function toggleHelp() {
    if (helpEl.hidden) {
      fillHelp();
      helpReturn = document.activeElement;
      helpEl.hidden = false;
      root.setAttribute("data-present-help", "open");
      helpEl.focus();
    } else closeHelp();
  }
  function closeHelp() {
    if (helpEl.hidden) return;
    helpEl.hidden = true;
    root.removeAttribute("data-present-help");
    if (helpReturn && helpReturn.focus) helpReturn.focus();
  }
  helpEl.addEventListener("click", closeHelp);

  // ---- fullscreen and the stage layout -------------------------------------
  function fullscreen(enterOnly) {
    if (document.fullscreenElement) {
      if (!enterOnly) document.exitFullscreen().catch(function () {});
      return;
    }
    if (root.requestFullscreen) root.requestFullscreen().catch(function () {});
  }
  var idleTimer = 0;
  // IDLE_MS: the controls fade after this long without pointer movement.
  var IDLE_MS = 3000;
  function stage() {
    var on = params.get("mode") === "present" || !!document.fullscreenElement;
    root.setAttribute("data-stage", on ? "on" : "off");
    // The core's stage layout (larger type and marks), when the widget
    // offers it: window.parallelLines.present("1" | "0").
    var a = api();
    if (a && typeof a.present === "function") a.present(on ? "1" : "0");
    wake();
  }
  function wake() {
    root.removeAttribute("data-present-idle");
    clearTimeout(idleTimer);
    if (root.getAttribute("data-stage") === "on") {
      idleTimer = setTimeout(function () { root.setAttribute("data-present-idle", ""); }, IDLE_MS);
    }
  }
  document.addEventListener("fullscreenchange", stage);
  ["pointermove", "mousemove", "pointerdown", "touchstart"].forEach(function (t) {
    window.addEventListener(t, wake, { capture: true, passive: true });
  });

  // ---- presenter window ------------------------------------------------------
  var presenterWin = null;
  var send = P.channel(function () { return presenterWin; }, function (m) {
    if (m.type === "hello") tell();
    else if (m.type === "go") { command("pause"); go(m.scene); } // a step there is input too
  });
  function tell() {
    if (current()) send({ type: "state", scene: current(), lang: lang() });
  }
  function presenter() {
    loadStory();
    if (presenterWin && !presenterWin.closed) { presenterWin.focus(); return; }
    // The offline file is its own presenter page (#presenter); the explorer
    // has presenter.html beside it.
    var url = P.offline ? location.href.split("#")[0] + "#presenter" : "presenter.html";
    presenterWin = window.open(url, "parallel-lines-presenter", "width=1000,height=700");
  }

  // ---- autoplay ----------------------------------------------------------------
  // The widget plays (command table: play, pause, toggle-play; ?autoplay=1).
  // The shell adds what only the DOM sees: any key, click or touch pauses
  // it; P (the widget's key) resumes it.
  function command(c) {
    var a = api();
    return a && typeof a.command === "function" ? a.command(c) : false;
  }
  function pauseOnInput(e) {
    if (e.type === "keydown" && (e.key === "p" || e.key === "P" || e.repeat)) return;
    if (e.target && e.target.closest && e.target.closest(".pl-play")) return; // the play button itself
    command("pause");
  }
  ["keydown", "pointerdown", "touchstart"].forEach(function (t) {
    window.addEventListener(t, pauseOnInput, { capture: true, passive: true });
  });

  // ---- the language ---------------------------------------------------------
  // Until the widget offers a language command, L reloads the page in the
  // other language: scene and settings live in the fragment, so the reload
  // comes back to the same place.
  function switchLanguage() {
    var other = lang() === "zh" ? "en" : "zh";
    if (command("lang " + other)) return;
    var h = new URLSearchParams(location.hash.slice(1));
    h.set("lang", other);
    location.hash = h.toString();
    location.reload();
  }

  // ---- toolbar -----------------------------------------------------------------
  var bar = el("div", "pl-toolbar");
  function button(cls, labels, fn) {
    var b = L.fill(el("button", "pl-button " + cls), labels[0], labels[1]);
    b.type = "button";
    b.addEventListener("click", function (e) { e.stopPropagation(); fn(); });
    bar.appendChild(b);
    return b;
  }
  button("pl-fullscreen", ["全屏", "Fullscreen"], function () { fullscreen(false); });
  button("pl-presenter", ["演讲者视图", "Presenter"], presenter);
  button("pl-play", ["播放", "Play"], function () { command("toggle-play"); });
  button("pl-helpbutton", ["按键 ?", "Keys ?"], toggleHelp);

  // ---- print handout ---------------------------------------------------------------
  // One page per scene in the reader's language: poster, title, caption and
  // sources. Built ahead (print media only shows it) so that Ctrl+P and a
  // PDF export see it at once; the posters load lazily, which a browser
  // resolves before it prints.
  var printEl = el("div", "pl-print");
  printEl.setAttribute("aria-hidden", "true");
  var printedLang = "";
  function buildPrint() {
    if (!story || printedLang === lang()) return;
    var l = printedLang = lang();
    printEl.replaceChildren();
    printEl.setAttribute("lang", l === "zh" ? "zh-Hans" : "en");
    story.scenes.forEach(function (sc, i) {
      var page = el("article", "pl-page");
      page.dataset.scene = sc.id;
      var img = el("img", "pl-page-picture");
      img.alt = P.t(sc.title, l);
      img.loading = "lazy";
      img.src = P.posterURL(sc.id, l);
      page.appendChild(img);
      page.appendChild(el("h2", "pl-page-title", P.t(sc.title, l)));
      page.appendChild(el("p", "pl-page-caption", P.t(sc.caption, l)));
      page.appendChild(el("p", "pl-page-sources", P.sources(story, sc, l)));
      page.appendChild(el("p", "pl-page-number", P.t(story.meta.title, l) + " · " + (i + 1) + " / " + story.scenes.length));
      printEl.appendChild(page);
    });
  }
  window.addEventListener("beforeprint", function () {
    buildPrint();
    printEl.querySelectorAll("img").forEach(function (i) { i.loading = "eager"; });
  });

  // ---- keys ------------------------------------------------------------------------
  // The widget's command table reads the keys on its canvas (input.js). A
  // speaker's focus is often elsewhere, though: on a toolbar button just
  // clicked, on the help, on the page. Keys there are passed to the same
  // table, so the clicker works wherever the focus is. F5 (a clicker's
  // "start the show") enters fullscreen instead of reloading.
  function editable(t) {
    // The exports panel and the page's tools have keys of their own (Esc
    // closes the panel).
    return t && t.closest && t.closest("input, textarea, select, dialog, [contenteditable], #widget-exports, .page-tools");
  }
  function onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var k = e.key;
    if (k === "F5") { fullscreen(true); return stop(e); }
    if (e.target instanceof HTMLCanvasElement) return; // input.js has it
    if (k === "Escape" && (!helpEl.hidden || root.hasAttribute("data-present-screen"))) {
      closeHelp();
      setScreen("");
      return stop(e);
    }
    if (editable(e.target) || k === "Tab") return;
    if ((k === "Enter" || k === " ") && e.target.closest && e.target.closest("button")) return; // presses it
    var a = api();
    if (a && typeof a.key === "function" && a.key(k)) {
      stop(e);
      if (window.parallelLinesFrames && window.parallelLinesFrames.wake) window.parallelLinesFrames.wake();
    }
  }
  function stop(e) { e.preventDefault(); e.stopPropagation(); }
  window.addEventListener("keydown", onKey, true);

  // The commands i9's command table calls: window.parallelLinesShell[name]().
  window.parallelLinesShell = {
    fullscreen: function () { fullscreen(false); },
    black: function () { toggleScreen("black"); },
    white: function () { toggleScreen("white"); },
    presenter: presenter,
    help: toggleHelp,
    // escape closes an overlay and reports whether there was one, so that
    // the widget closes its card only when none was open.
    escape: function () {
      var was = !helpEl.hidden || root.hasAttribute("data-present-screen");
      closeHelp();
      setScreen("");
      return was;
    },
  };

  // ---- wiring ------------------------------------------------------------------
  // The widget reports its scene, language and state on <html>: follow them.
  new MutationObserver(function () {
    buildPrint();
    if (!helpEl.hidden) fillHelp();
    tell();
    if (root.getAttribute("data-widget-state") === "ready" && !started) start();
  }).observe(root, { attributes: true, attributeFilter: ["data-widget-scene", "lang", "data-widget-state"] });
  var started = false;
  function start() {
    started = true;
    stage();
  }

  (document.querySelector(".page-bar") || document.body).appendChild(bar); // beside Embed and Export
  document.body.appendChild(screenEl);
  document.body.appendChild(helpEl);
  document.body.appendChild(printEl);
  stage();

  // The dataset (the handout's text, the presenter's steps) waits until the
  // widget has shown, or failed, or was never asked to load (?load=click):
  // fetched at once it shared the start-up with the wasm. A print or the presenter window before then asks for it at once.
  var storyAsked = false;
  function loadStory() {
    if (storyAsked) return;
    storyAsked = true;
    P.story().then(function (s) {
      story = s;
      ids = s.scenes.map(function (sc) { return sc.id; });
      root.setAttribute("data-present-scenes", String(ids.length));
      buildPrint();
    }).catch(function (e) {
      console.warn("parallel-lines: presenting needs the dataset: " + (e && e.message || e));
    });
  }
  // Not requestIdleCallback: the entrance's frames leave no idle time, and a
  // print right after it must find the handout built.
  function loadStorySoon() {
    if (!storyAsked) setTimeout(loadStory, 0);
  }
  function settled() {
    var st = root.getAttribute("data-widget-state");
    return st === "ready" || st === "error";
  }
  new MutationObserver(function () { if (settled()) loadStorySoon(); }).observe(root, { attributes: true, attributeFilter: ["data-widget-state"] });
  window.addEventListener("load", function () { if (settled() || !root.hasAttribute("data-widget-load")) loadStorySoon(); });
  window.addEventListener("beforeprint", loadStory);
  if (settled()) loadStorySoon();
})();

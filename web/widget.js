// Loads the widget: the scene's poster at once (drawn at build time for the
// same artboard), the wasm only when near the viewport (or on a click,
// ?load=click), compiled as it streams in under a progress bar, the canvas
// swapped in under the poster without a jump. An embed runs only while the
// page's live budget allows (live.js: the few nearest the viewport); told to
// make room, it goes back to its poster (a reload: the URL keeps the scene,
// language and theme) and gives its WebGL context back, so many embeds never
// hit the browser's limit. Any failure becomes a visible message, never a
// blank box.
(function () {
  "use strict";
  var root = document.documentElement;
  var status = document.getElementById("widget-status");
  var cfg = {};
  try { cfg = JSON.parse(document.querySelector('meta[name="parallel-lines-config"]').content); } catch (e) { /* unbuilt */ }
  var wasmURL = cfg.wasm || "main.wasm";
  // The fragment first, as in the Go side (page.Param): it is what a deep
  // link and a return to the poster carry.
  var q = new URLSearchParams(location.hash.slice(1) + "&" + location.search.slice(1));
  var live = window.parallelLinesLive; // live.js; absent on an older page: always live
  var L = window.parallelLinesLang; // lang.js: <html lang> is already the start's

  // The Chinese glyphs come in chunks of their own (cfg.fontZh, hashed):
  // the first scene's view, the other scenes', the rest (bench/README 18).
  // Each is fetched once, only for Chinese: a start's beside the wasm, the
  // others when Go asks (later: at idle, after ready; page.FontZh). A
  // failed fetch is forgotten, so the next ask tries again.
  var fontURLs = [].concat(cfg.fontZh || "font-zh.bin"), fontChunks = [];
  var idle = (window.requestIdleCallback || setTimeout).bind(window);
  window.parallelLinesFont = function (i, later) {
    i = i | 0;
    var url = fontURLs[i];
    if (!fontChunks[i]) {
      fontChunks[i] = new Promise(function (ok) { if (later) idle(ok, { timeout: 1000 }); else ok(); }).then(function () {
        return fetch(url);
      }).then(function (r) {
        if (!r.ok) throw new Error(url + ": HTTP " + r.status);
        return r.arrayBuffer();
      });
      fontChunks[i].catch(function () { fontChunks[i] = null; });
    }
    return fontChunks[i];
  };
  window.parallelLinesFont.chunks = fontURLs.length;
  // What a start needs, as wasm/app later.go Start: the first chunk, or
  // all but the rest for another scene.
  function startChunks() {
    var s = q.get("scene"), first = cfg.scenes && cfg.scenes[0] && cfg.scenes[0].id;
    return !s || s === "1" || s === first ? 1 : Math.max(1, fontURLs.length - 1);
  }

  // notice tells the reader something went wrong while the widget goes on
  // (page.Notice): a line at the foot of the frame for a while. The Go
  // side's notices say it in both languages, "中文 · English": each half
  // goes in its span, so only the page's language shows.
  var noticeEl = null, noticeTimer = 0;
  window.parallelLinesNotice = function (msg) {
    if (!noticeEl) {
      noticeEl = document.createElement("p");
      noticeEl.id = "widget-notice";
      noticeEl.setAttribute("role", "status");
      document.body.appendChild(noticeEl);
    }
    var two = /^([^·]*[\u3400-\u9fff][^·]*) · (.*)$/.exec(msg);
    if (two) L.fill(noticeEl, two[1], two[2]);
    else noticeEl.textContent = msg;
    noticeEl.hidden = false;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(function () { noticeEl.hidden = true; }, 10000);
  };

  // fail shows msg instead of the graphic, tells the host, and offers Retry.
  // The Go side fails through it too (page.Fail), so a panic after start
  // gets the same message, event and button.
  var retryButton = null;
  function fail(msg) {
    if (root.getAttribute("data-widget-state") === "error") return; // the first cause is the one to show
    L.fill(status, "这个图表无法显示：", "The graphic could not be shown: ").append(msg);
    status.classList.add("is-error");
    status.hidden = false;
    root.setAttribute("data-widget-state", "error");
    if (window.parallelLinesHost) window.parallelLinesHost.fail(msg);
    if (!retryButton) {
      retryButton = document.createElement("button");
      retryButton.type = "button";
      retryButton.id = "widget-retry";
      L.fill(retryButton, "重试", "Retry");
      retryButton.addEventListener("click", retry);
      status.parentNode.insertBefore(retryButton, status.nextSibling);
    }
    retryButton.hidden = false;
  }
  window.parallelLinesFail = fail;

  // retry loads the program again. One that never ran (a failed, cut or
  // mistyped download) is fetched again in place; one that ran and stopped
  // (a panic) has left Ebitengine's canvas and state behind, so the frame
  // reloads: inside an iframe that is the widget alone, never the host
  // page, and the URL brings back the scene.
  function retry() {
    retryButton.hidden = true;
    if (root.getAttribute("data-widget-load") === "running") {
      location.reload();
      return;
    }
    status.classList.remove("is-error");
    L.fill(status, "正在载入…", "Loading…");
    root.setAttribute("data-widget-state", "loading");
    started = false;
    start();
  }

  // posterURL is the one place that knows how posters are named.
  function posterURL(scene, lang, theme, artboard) {
    return (cfg.posters || "posters/") + scene + "-" + lang + "-" + theme + "-" + artboard + "@1x.png";
  }

  function pick() {
    var scenes = cfg.scenes || [];
    var s = q.get("scene"), sc = scenes[0];
    scenes.forEach(function (x, i) { if (x.id === s || String(i) === s) sc = x; });
    var lang = L.lang();
    var th = q.get("theme");
    if (th !== "light" && th !== "dark") th = matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
    var a = null, w = root.clientWidth;
    (cfg.artboards || []).forEach(function (b) { if (w >= b.MinWidth) a = b; });
    return { scene: sc, lang: lang, theme: th, artboard: a };
  }

  var poster = document.getElementById("widget-poster");
  function showPoster() {
    var p = pick();
    if (!poster || !p.scene || !p.artboard) return;
    var img = poster.querySelector("img");
    img.alt = p.scene.title[p.lang];
    img.src = posterURL(p.scene.id, p.lang, p.theme, p.artboard.Name);
    poster.querySelector(".poster-title").textContent = p.scene.title[p.lang];
    poster.querySelector(".poster-caption").textContent = p.scene.caption[p.lang];
    poster.setAttribute("data-theme", p.theme);
    poster.hidden = false;
    status.hidden = true;
  }
  showPoster();

  if (typeof WebAssembly !== "object" || typeof Go !== "function") {
    fail("this browser cannot run WebAssembly.");
    return;
  }

  var bar = document.getElementById("widget-progress");
  function progress(n) {
    if (!bar) return;
    bar.hidden = false;
    bar.value = cfg.wasmBytes ? Math.min(1, n / cfg.wasmBytes) : 0;
  }

  // Counts bytes as they pass, while the browser compiles them. (A clone
  // counted beside the compiler's own read measured no faster under load:
  // bench/README.md, 14.)
  var servedAs = "", got = 0;
  function counted(resp) {
    if (!resp.ok) throw new Error(wasmURL + ": HTTP " + resp.status);
    servedAs = resp.headers.get("Content-Type") || "";
    got = 0;
    if (!resp.body || !window.ReadableStream) return resp;
    var reader = resp.body.getReader(), n = 0;
    var body = new ReadableStream({
      pull: function (c) {
        return reader.read().then(function (r) {
          if (r.done) { c.close(); return; }
          n += r.value.byteLength;
          got = n;
          progress(n);
          c.enqueue(r.value);
        });
      },
    });
    return new Response(body, { headers: { "Content-Type": "application/wasm" } });
  }

  var started = false;
  function start() {
    if (started) return;
    started = true;
    if (live) live.started();
    root.setAttribute("data-widget-load", "fetching");
    progress(0);
    var go = new Go();
    var frames = window.parallelLinesFrames;
    if (frames && typeof frames.holdGo === "function") frames.holdGo(go); // frames.js: Go's timers wait at rest
    // A Go program that exits has failed (a panic exits with code 2).
    go.exit = function (code) {
      if (root.getAttribute("data-widget-state") !== "error") {
        fail(code === 0 ? "the program stopped." : "the program crashed (exit code " + code + "); see the console.");
      }
    };
    if (L.lang() === "zh") {
      for (var i = 0, n = startChunks(); i < n; i++) window.parallelLinesFont(i).catch(function () { /* the Go side reports it */ });
    }
    fetch(wasmURL)
      .then(counted)
      .then(function (resp) {
        if (WebAssembly.instantiateStreaming) return WebAssembly.instantiateStreaming(resp, go.importObject);
        return resp.arrayBuffer().then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
      })
      .then(function (r) {
        root.setAttribute("data-widget-load", "running");
        return go.run(r.instance);
      })
      .catch(function (e) {
        var why = String(e && e.message || e);
        if (e instanceof WebAssembly.CompileError) {
          why = wasmURL + " is not a whole WebAssembly module (" + (servedAs || "no type") + (cfg.wasmBytes ? ", " + got + " of " + cfg.wasmBytes + " bytes" : "") + "): " + why;
        }
        fail(why);
      });
  }

  // Asked for (near the viewport, or clicked with ?load=click) and allowed
  // by the live budget: start. A lazy iframe is not even loaded before it is
  // near.
  var asked = false, mayLive = !live;
  function go() { if (asked && mayLive) start(); }
  if (live) {
    live.join(function (ok) {
      mayLive = ok;
      if (ok) go();
      else if (started) toPoster();
    });
  }
  if (q.get("load") === "click" && poster) {
    var btn = document.getElementById("widget-start");
    btn.hidden = false;
    btn.addEventListener("click", function () { btn.hidden = true; asked = true; if (live) live.want(true); go(); });
  } else if (q.get("load") !== "eager" && "IntersectionObserver" in window) {
    // A page of its own that shows is on screen by definition: it starts
    // now rather than at the observer's first call, a rendered frame later
    // (an iframe cannot know where its host scrolled, so it waits for it).
    if (window.parent === window && document.visibilityState === "visible") {
      asked = true;
      if (live) live.want(true);
      go();
    }
    new IntersectionObserver(function (es) {
      var near = es[es.length - 1].isIntersecting;
      if (live) live.want(near);
      if (near) { asked = true; go(); }
    }, { rootMargin: "50% 0px" }).observe(document.body);
  } else {
    asked = true;
    if (live) live.want(true);
    go();
  }
  // toPoster gives the WebGL context back: the program cannot be stopped, so
  // the frame reloads into its poster. The Go side keeps the scene, the
  // language and a motion switched off in the fragment (page.SetScene); a
  // theme set by the host since the page opened is added here, so the
  // poster and the widget come back as the reader left them.
  var leaving = false;
  function toPoster() {
    if (leaving || root.getAttribute("data-widget-state") === "error") return;
    leaving = true;
    // The URL as it is now: the Go side rewrites the fragment per scene.
    var h = new URLSearchParams(location.hash.slice(1));
    var th = root.getAttribute("data-widget-theme");
    var given = h.get("theme") || new URLSearchParams(location.search).get("theme");
    var implied = given === "light" || given === "dark" ? given : matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
    if (th && th !== implied) {
      h.set("theme", th);
      history.replaceState(null, "", "#" + h.toString());
    }
    location.reload();
  }

  // Called after the first frame: the poster goes, the canvas gets its name
  // and text alternative, and what only the DOM knows is passed on.
  window.parallelLinesReady = function () {
    var api = window.parallelLines, canvas = document.querySelector("canvas");
    window.parallelLinesFont.readyAt = performance.now(); // for the tests
    if (poster) poster.hidden = true;
    if (bar) bar.hidden = true;
    if (!canvas) return;
    canvas.setAttribute("role", "application");
    canvas.setAttribute("aria-roledescription", "interactive graphic");
    var t = document.querySelector("title"); // its name in the page's language, as lang.js keeps it
    L.label(canvas, "aria-label", t.getAttribute("data-zh") || t.text, t.getAttribute("data-en") || t.text);
    canvas.setAttribute("aria-describedby", "widget-description");
    canvas.addEventListener("blur", function () { api && api.blur(); });
    canvas.addEventListener("mouseleave", function () { api && api.pointerLeave(); });
    // Ebitengine reads devicePixelRatio once: after a zoom or a move to
    // another monitor, reload (the URL keeps the scene) to draw sharp. A
    // resize, a media query and a slow check catch the change however the
    // browser announces it; none costs a frame.
    var dpr = window.devicePixelRatio;
    // i13: a ratio that keeps changing (a page at a fractional zoom, a
    // window dragged across monitors) reloads once it has held still for a
    // second, and never within 10 s of the last such reload.
    var seen = dpr, settle = 0, KEY = "parallelLinesDprReload";
    var check = function () {
      var now = window.devicePixelRatio, last = 0;
      if (now === seen && (settle || now === dpr)) return;
      seen = now;
      clearTimeout(settle);
      try { last = +sessionStorage.getItem(KEY) || 0; } catch (e) { /* no storage */ }
      settle = now === dpr ? 0 : setTimeout(function () {
        try { sessionStorage.setItem(KEY, String(Date.now())); } catch (e) { /* no storage */ }
        location.reload();
      }, Math.max(1000, last + 10000 - Date.now()));
    };
    window.addEventListener("resize", check);
    var res = window.matchMedia && window.matchMedia("(resolution: " + dpr + "dppx)");
    if (res) res.addEventListener("change", check);
    setInterval(check, 1000);
    // Off screen (an embed scrolled away), the widget's loop does nothing.
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries) {
        api.visible(entries[entries.length - 1].isIntersecting ? "1" : "0");
      }).observe(canvas);
    }
  };
})();

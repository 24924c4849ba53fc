// The live budget: at most MAX widgets of one article page run their program
// (and hold a WebGL context) at once; the others show their poster, which
// costs nothing. Chromium keeps about 16 live WebGL contexts per page and
// then drops the oldest, which makes Ebitengine reload: with many embeds,
// a reload loop. The nearest to the viewport are live: when one comes into
// view and the budget is full, the farthest live one goes back to its
// poster, keeping its scene, language and theme in its URL.
//
// The widgets elect themselves over a BroadcastChannel (same-origin
// widgets of one page hear each other even when the page is of another
// origin), so iframes pasted without the snippet's script coordinate too.
// Each says how near it is; each is live when fewer than MAX wanting
// widgets are nearer. How near: the snippet's script on the host page
// (autoheight.js) sees every iframe and tells each how many viewport
// heights away it is ({"type":"parallel-lines","near":n}, 0 on screen);
// without it a widget knows only whether it is on screen and when it left.
// A widget the reader touched (pointer, key, focus) comes first.
//
// Only iframes take part: a page of its own (the explorer) is always live.
// The loader (widget.js) asks with join(fn) and is told when its verdict
// changes; it calls want(true) when near and started() once its program
// runs.
(function () {
  "use strict";
  // MAX: four. Chromium's limit is 16 contexts per page and the article may
  // have WebGL of its own (maps, ads); a swap briefly has one more; at rest a
  // held widget costs about 0.2% of a core and 50-60 MB (wasm memory and
  // canvas), so four cost under 1% and about 250 MB; and a reader sees at
  // most two widgets of a column at once (16:9 at full width), so four
  // cover those and the one above and below.
  var MAX = 4;
  // SETTLE: after joining, a widget listens this long for the others'
  // answers before it decides (starting is seconds of work; this is not).
  var SETTLE = 500;
  var TYPE = "parallel-lines";
  var inFrame = window.parent !== window;
  var origin = new URLSearchParams(location.search).get("origin");
  try { origin = origin && new URL(origin).origin; } catch (e) { origin = "null"; }

  var me = {
    id: Math.random().toString(36).slice(2) + Date.now().toString(36),
    want: false, live: false, touched: false,
    seen: false, left: 0, near: -1, hidden: document.visibilityState === "hidden", hiddenAt: 0,
  };
  var close = false; // the loader's own nearness (widget.js: on screen or within its margin)
  // A widget wants to be live while it is near or touched; a live one keeps
  // its place until nearer ones that want it fill the budget.
  function wanting() { return me.touched || me.seen || close || me.near >= 0 && me.near <= 1; }
  var peers = {}; // id -> the last state each said
  var listener = null, verdict = null, settled = false, bc = null;

  // key orders widgets, nearest first: touched, on screen, a host's
  // distance in viewport heights, then, of those off screen, the live ones
  // before the posters and the most recently seen first. A poster that left
  // moments after a live one must not out-rank it: a row of widgets
  // scrolled away together does not swap among itself. Ties keep the live
  // one, then the id decides. The order must be total and transitive (the
  // widgets each count who is ahead of them, and a cycle, such as "left
  // within two seconds of each other" chained along a column, lets more
  // than MAX count themselves in).
  function key(s) {
    if (s.touched) return [0, 0, 0];
    if (s.seen || s.near === 0) return [1, 0, 0];
    if (s.near > 0) return [2, 0, s.near];
    return [3, s.live ? 0 : 1, -s.left];
  }
  function nearer(a, b) {
    var x = key(a), y = key(b);
    for (var i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
    if (a.live !== b.live) return a.live;
    return a.id < b.id;
  }

  function allowed() {
    if (!inFrame || !bc) return true;
    if (!me.want && !me.live) return false;
    var ahead = 0;
    var now = Date.now();
    Object.keys(peers).forEach(function (id) {
      var p = peers[id];
      // Hidden for 3 s while this one shows: another tab, behind
      // everything here. (The widgets of one page hide together, within
      // moments: that is no reason to swap.)
      if (p.hidden && !me.hidden && now - p.hiddenAt > 3000) return;
      if ((p.want || p.live) && nearer(p, me)) ahead++;
    });
    return ahead < MAX;
  }

  // No verdict changes while this page is hidden (nobody sees it, and the
  // widgets do not all hear of it at once), nor for SETTLE after it shows
  // again, while the others say they are back.
  function decide() {
    if (!listener || !settled || bc && me.hidden) return;
    var v = allowed();
    if (v === verdict) return;
    verdict = v;
    listener(v);
  }

  var said = "";
  function say(force) {
    if (!bc) return;
    var s = { id: me.id, want: me.want, live: me.live, touched: me.touched, seen: me.seen, left: me.left, near: me.near, hidden: me.hidden, hiddenAt: me.hiddenAt };
    var j = JSON.stringify(s);
    if (j === said && !force) return;
    said = j;
    bc.postMessage({ type: TYPE, state: s });
  }
  function changed() { me.want = wanting(); say(false); decide(); }

  if (inFrame && typeof BroadcastChannel === "function") {
    try { bc = new BroadcastChannel("parallel-lines-live"); } catch (e) { bc = null; }
  }
  if (bc) {
    bc.onmessage = function (e) {
      var d = e.data;
      if (!d || d.type !== TYPE) return;
      if (d.hello) say(true);
      if (d.bye) delete peers[d.bye];
      if (d.state && d.state.id !== me.id) {
        peers[d.state.id] = d.state;
        if (d.state.hidden) setTimeout(decide, 3100);
      }
      decide();
    };
    window.addEventListener("pagehide", function () { bc.postMessage({ type: TYPE, bye: me.id }); });
    window.addEventListener("pageshow", function (e) { if (e.persisted) { say(true); bc.postMessage({ type: TYPE, hello: true }); } });
  }

  // The host page's distances. This script is loaded before host.js, so its
  // listener runs first and keeps these hints from the core's command table.
  window.addEventListener("message", function (e) {
    var d = e.data;
    if (!inFrame || e.source !== window.parent || !d || d.type !== TYPE || typeof d.near !== "number" || d.command) return;
    if (origin && e.origin !== origin) return; // host.js warns, as for any message from elsewhere
    e.stopImmediatePropagation();
    me.near = d.near >= 0 ? Math.min(Math.round(d.near), 1000) : -1;
    changed();
  });

  if (inFrame && "IntersectionObserver" in window) {
    new IntersectionObserver(function (es) {
      var on = es[es.length - 1].isIntersecting;
      if (on === me.seen) return;
      me.seen = on;
      if (!on) { me.left = Date.now(); me.touched = false; }
      changed();
    }).observe(document.documentElement);
  }
  var thaw = 0;
  document.addEventListener("visibilitychange", function () {
    me.hidden = document.visibilityState === "hidden";
    if (me.hidden) me.hiddenAt = Date.now();
    if (!me.hidden && listener && bc) {
      settled = false;
      clearTimeout(thaw);
      thaw = setTimeout(function () { settled = true; decide(); }, SETTLE);
    }
    changed();
  });
  // The reader reaching for this widget: it goes first.
  var touch = function () {
    if (me.touched) return;
    me.touched = true;
    changed();
  };
  ["pointerdown", "keydown", "focusin"].forEach(function (t) { window.addEventListener(t, touch, { capture: true, passive: true }); });

  window.parallelLinesLive = {
    max: MAX,
    // join(fn): fn(allowed) now (after SETTLE in an iframe) and whenever
    // the verdict changes.
    join: function (fn) {
      listener = fn;
      if (bc) {
        bc.postMessage({ type: TYPE, hello: true });
        say(true);
        setTimeout(function () { settled = true; decide(); }, SETTLE);
      } else {
        settled = true;
        decide();
      }
    },
    // want(on): the loader's widget is near (on screen or within its
    // margin) or no longer.
    want: function (on) { close = !!on; changed(); },
    started: function () { if (!me.live) { me.live = true; changed(); } },
    coordinated: function () { return !!bc; },
    // nearer(a, b), for tests: the order the election counts by.
    nearer: nearer,
    // state, for tests: this widget's view of the election.
    state: function () {
      return { id: me.id, allowed: allowed(), verdict: verdict, me: JSON.parse(JSON.stringify(me)), peers: Object.keys(peers).length };
    },
  };
})();

// What the explorer's presenting shell (present.js) and the presenter
// window (presenter.js) share: the dataset, the one place that knows where
// a scene's picture is, the channel between the two windows, and a DOM
// builder that never parses data as HTML.
(function () {
  "use strict";

  // The offline file opens itself a second time as the presenter window,
  // with this fragment; the explorer then does not start there.
  var presenterMode = location.hash === "#presenter";

  // The offline file embeds the dataset and its posters as JSON blocks
  // (never executed, so a strict CSP allows them). They are read now, while
  // this script runs: the presenter view later replaces the body.
  function block(id) {
    var el = document.getElementById(id);
    return el ? el.textContent : null;
  }
  var embeddedStory = block("parallel-lines-story");
  var embeddedPosters = block("parallel-lines-posters");
  embeddedPosters = embeddedPosters === null ? null : JSON.parse(embeddedPosters);

  var storyPromise = null;
  // story resolves to the dataset: the embedded one, else data/story.json
  // beside the page.
  function story() {
    if (!storyPromise) {
      storyPromise = embeddedStory !== null
        ? Promise.resolve().then(function () { return JSON.parse(embeddedStory); })
        : fetch("data/story.json").then(function (r) {
          if (!r.ok) throw new Error("data/story.json: HTTP " + r.status);
          return r.json();
        });
    }
    return storyPromise;
  }

  // posterURL is the address of a scene's poster in a language: the offline
  // file carries small ones as data: URLs, the explorer has dist/posters/.
  // The poster tool names its files; keep that knowledge here only.
  function posterURL(scene, lang) {
    if (embeddedPosters) return embeddedPosters[scene + "-" + lang] || "";
    return "posters/" + encodeURIComponent(scene) + "-" + lang + "-light-desktop@1x.png";
  }

  // channel connects this window with the other one both ways: over a
  // BroadcastChannel where there is one, and always also by postMessage to
  // the peer window (the opener, or the window this one opened), since a
  // BroadcastChannel does not reach between two file:// documents. A message
  // may so arrive twice; every message is a state or a request for one, so
  // that does no harm. peer returns the other window or null.
  function channel(peer, onMessage) {
    var bc = null;
    try { bc = new BroadcastChannel("parallel-lines"); } catch (e) { bc = null; }
    function accept(d) {
      if (d && typeof d === "object" && d.pl === 1 && typeof d.type === "string") onMessage(d);
    }
    if (bc) bc.onmessage = function (e) { accept(e.data); };
    window.addEventListener("message", function (e) {
      var p = peer();
      if (p && e.source === p) accept(e.data);
    });
    return function send(msg) {
      msg.pl = 1;
      if (bc) bc.postMessage(msg);
      var p = peer();
      if (p && !p.closed) {
        try { p.postMessage(msg, "*"); } catch (e) { /* the peer is navigating away */ }
      }
    };
  }

  // el builds an element; text is set as text, never parsed.
  function el(doc, tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // t picks a bilingual text's language.
  function t(text, lang) { return text ? (lang === "zh" ? text.zh : text.en) || "" : ""; }

  // sources is a scene's provenance in one line: the interview's outlet and
  // the cited paragraphs, then any outside sources.
  function sources(s, scene, lang) {
    var cite = (scene.basis && scene.basis.cite) || [];
    var out = (lang === "zh" ? "来源：" : "Source: ") + t(s.meta.outlet, lang) +
      (lang === "zh" ? "，" : ", ") + t(s.meta.interviewee, lang);
    if (cite.length) out += (lang === "zh" ? "；段落 " : "; paragraphs ") + cite.join(" ");
    var extra = ((scene.basis && scene.basis.sources) || []).map(function (id) {
      var src = (s.sources || []).filter(function (x) { return x.id === id; })[0];
      return src ? [src.publisher, src.title, src.date, src.url].filter(Boolean).join(", ") : id;
    });
    if (extra.length) out += (lang === "zh" ? "；另见 " : "; see also ") + extra.join("; ");
    return out;
  }

  window.parallelLinesPresent = {
    presenterMode: presenterMode,
    offline: embeddedStory !== null,
    story: story,
    posterURL: posterURL,
    channel: channel,
    el: el,
    t: t,
    sources: sources,
  };
})();

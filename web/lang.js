// The page's language, for the shell's own words (the HTML around the
// canvas). The canvas draws its own glyphs; these use the reader's system
// fonts, which may have no Chinese, so each label shows in one language
// only: the page's, <html lang>, which the Go side sets ("zh-Hans" or "en")
// and changes on a switch (L, the 中文/EN control, a host's lang command).
//
// A label is written once, in the HTML where it can be:
//   text:       <span lang="zh-Hans">导出</span><span lang="en">Export</span>
//               (widget.css hides the half not in the page's language, so a
//               screen reader hears only the other);
//   attributes: data-aria-label-zh="…" data-aria-label-en="…" (or title),
//               copied into aria-label (title) here on every switch;
//   in script:  parallelLinesLang.fill(el, zh, en) makes the two spans,
//               .pick(zh, en) is the one for now.
// Loaded in <head>, before the body is parsed (the CSP allows no inline
// script): it sets <html lang> to the language the widget will start in,
// so no label shows in the other language first.
(function () {
  "use strict";
  var root = document.documentElement;
  // Go's rule (wasm/main.go lang, command.ParseParams): the URL's lang (the
  // fragment over the query) when it is zh or en, else the browser's;
  // Chinese unless it is another.
  var q = new URLSearchParams(location.hash.slice(1) + "&" + location.search.slice(1));
  var want = (q.get("lang") || "").toLowerCase();
  if (!/^(zh|en)(-|$)/.test(want)) want = (navigator.language || "zh").toLowerCase();
  root.lang = want.indexOf("zh") === 0 ? "zh-Hans" : "en";

  function lang() { return (root.lang || "zh").indexOf("zh") === 0 ? "zh" : "en"; }
  function pick(zh, en) { return lang() === "zh" ? zh : en; }
  function span(tag, text) {
    var s = document.createElement("span");
    s.lang = tag;
    s.textContent = text;
    return s;
  }
  function fill(el, zh, en) {
    el.replaceChildren(span("zh-Hans", zh), span("en", en));
    return el;
  }

  // The attributes that carry words, and the document's title (its source
  // text is bilingual, for link previews and readers without script).
  var ATTRS = ["aria-label", "title"];
  function relabel() {
    var l = lang();
    ATTRS.forEach(function (a) {
      document.querySelectorAll("[data-" + a + "-" + l + "]").forEach(function (el) {
        el.setAttribute(a, el.getAttribute("data-" + a + "-" + l));
      });
    });
    var t = document.querySelector("title[data-" + l + "]");
    if (t) document.title = t.getAttribute("data-" + l);
  }
  // label gives el's attribute a in both languages and sets it for now.
  function label(el, a, zh, en) {
    el.setAttribute("data-" + a + "-zh", zh);
    el.setAttribute("data-" + a + "-en", en);
    el.setAttribute(a, pick(zh, en));
  }
  new MutationObserver(relabel).observe(root, { attributes: true, attributeFilter: ["lang"] });
  document.addEventListener("DOMContentLoaded", relabel);

  window.parallelLinesLang = { lang: lang, pick: pick, fill: fill, label: label };
})();

// The explorer's Embed button: shows the snippet a newsroom pastes (an
// iframe of embed.html at the current scene and language, and the small
// self-hosted autoheight.js that sizes it) and copies it.
(function () {
  "use strict";
  var open = document.getElementById("embed-open"), dlg = document.getElementById("embed-dialog");
  if (!open || !dlg) return;
  var box = document.getElementById("embed-snippet"), done = document.getElementById("embed-copied");

  function snippet() {
    var base = location.origin + location.pathname.replace(/[^/]*$/, "");
    var h = new URLSearchParams(location.hash.slice(1));
    var scene = h.get("scene") || new URLSearchParams(location.search).get("scene") || "";
    var lang = window.parallelLinesLang.lang();
    var src = base + "embed.html" + (scene ? "?scene=" + encodeURIComponent(scene) : "");
    var title = lang === "en" ? "Parallel Lines: the US and Chinese AI ecosystems, an interactive graphic"
                              : "两条平行线：中美 AI 生态互动图表";
    var esc = function (s) { return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;"); };
    return '<iframe src="' + esc(src) + '" title="' + esc(title) + '" width="100%" height="' +
      window.parallelLinesHost.wantedHeight(640) + '" loading="lazy" allow="fullscreen" ' +
      'data-parallel-lines></iframe>\n' +
      '<script src="' + esc(base + "autoheight.js") + '" async></script>';
  }

  open.addEventListener("click", function () {
    box.value = snippet();
    done.textContent = "";
    dlg.showModal();
    box.select();
  });
  document.getElementById("embed-copy").addEventListener("click", function () {
    box.select();
    var ok = function () { window.parallelLinesLang.fill(done, "已复制", "Copied"); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(box.value).then(ok, function () { document.execCommand("copy"); ok(); });
    } else {
      document.execCommand("copy");
      ok();
    }
  });
  document.getElementById("embed-close").addEventListener("click", function () { dlg.close(); });
  // Keys typed in the dialog are the dialog's, never the widget's.
  dlg.addEventListener("keydown", function (e) { e.stopPropagation(); });
})();

// Loaded by the soak run before the page's own scripts: keeps a handle on
// the Go program's linear memory (window.__soakMemory) so its size can be
// read from outside. It changes nothing the page does.
(function () {
  "use strict";
  function keep(r) {
    var inst = r && r.instance ? r.instance : r;
    if (inst && inst.exports && inst.exports.mem) window.__soakMemory = inst.exports.mem;
    return r;
  }
  var streaming = WebAssembly.instantiateStreaming, plain = WebAssembly.instantiate;
  if (streaming) {
    WebAssembly.instantiateStreaming = function () { return streaming.apply(WebAssembly, arguments).then(keep); };
  }
  WebAssembly.instantiate = function () { return plain.apply(WebAssembly, arguments).then(keep); };
})();

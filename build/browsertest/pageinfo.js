// Evaluated by the browser tests (see pageInfo in browser_test.go): one
// snapshot of what the page contract talks about. Coordinates are CSS pixels
// relative to the viewport.
(() => {
  const root = document.documentElement;
  const info = {
    state: root.getAttribute('data-widget-state') || '',
    scene: root.getAttribute('data-widget-scene') || '',
    viewportWidth: window.innerWidth,
    viewportHeight: window.innerHeight,
    devicePixelRatio: window.devicePixelRatio,
    canvasCount: 0,
    canvas: null,
    status: null,
  };

  // The widget's canvas is the largest visible one (Ebitengine appends its
  // own to <body>); only its part inside the viewport is on a screenshot.
  let best = 0;
  for (const c of document.querySelectorAll('canvas')) {
    info.canvasCount++;
    const r = c.getBoundingClientRect();
    const left = Math.max(r.left, 0), top = Math.max(r.top, 0);
    const right = Math.min(r.right, window.innerWidth);
    const bottom = Math.min(r.bottom, window.innerHeight);
    const w = Math.max(0, right - left), h = Math.max(0, bottom - top);
    if (w * h > best && c.checkVisibility({opacityProperty: true, visibilityProperty: true})) {
      best = w * h;
      info.canvas = {x: left, y: top, width: w, height: h};
    }
  }

  const st = document.getElementById('widget-status');
  if (st) {
    const r = st.getBoundingClientRect();
    const cs = getComputedStyle(st);
    // Is the element itself what a user sees at its centre, or is another
    // element (the widget canvas, say) painted over it?
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    info.status = {
      text: (st.innerText || '').trim(),
      display: cs.display,
      visibility: cs.visibility,
      opacity: Number(cs.opacity),
      visible: st.checkVisibility({opacityProperty: true, visibilityProperty: true}),
      onTop: hit !== null && (hit === st || st.contains(hit)),
      x: r.left, y: r.top, width: r.width, height: r.height,
    };
  }
  return info;
})()

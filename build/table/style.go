package main

// css is table.css: readable tables in both themes, contrast at least 4.5:1
// for text (WCAG 2.2 AA), and focus always visible.
const css = `html { color-scheme: light dark; }
body {
  margin: 0 auto;
  max-width: 72rem;
  padding: 1rem 1.25rem 3rem;
  background: #fbfaf7;
  color: #16181d;
  font: 16px/1.55 system-ui, -apple-system, "PingFang SC", "Noto Sans SC", "Microsoft YaHei", sans-serif;
}
a { color: #1d4f8f; }
a:focus-visible, .scroll:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
.bar { display: flex; gap: 1.5rem; padding: 0; list-style: none; }
h1 { font-size: 1.7rem; line-height: 1.25; }
h1 .view { display: block; font-size: 1rem; font-weight: normal; color: #4a4f59; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid #c9c6bd; }
h3 { margin-bottom: 0.25rem; }
.dek { font-weight: 600; margin-top: 0; }
.source { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
.source dt { font-weight: 600; }
.source dd { margin: 0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.94rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border-bottom: 1px solid #dedbd2; }
thead th { border-bottom: 2px solid #8d8a82; }
tbody th { font-weight: 600; }
td:last-child { color: #4a4f59; font-size: 0.88rem; }
footer { margin-top: 3rem; color: #4a4f59; font-size: 0.9rem; }
@media (prefers-color-scheme: dark) {
  body { background: #121419; color: #eceef1; }
  a { color: #8cb8f0; }
  a:focus-visible, .scroll:focus-visible { outline-color: #ffb35c; }
  h1 .view, td:last-child, footer { color: #b4b9c2; }
  h2 { border-color: #3a3e47; }
  th, td { border-color: #2c3038; }
  thead th { border-color: #6b707a; }
}
`

package browsertest

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/wasm/widget"
)

// The page's own HTML around the canvas: its words in one language (the
// reader's system fonts may have no Chinese: web/lang.js), and its tools
// clear of what the canvas draws (web/widget.css, .page-bar).

// shellWordsExpr lists what a reader sees or hears of the page's HTML
// outside the canvas: each visible text (a label's hidden half is neither
// seen nor read), each aria-label and title, and the document's title.
// The text alternative (#widget-description, #widget-live) is the
// dataset's, written by the Go side, and is not the shell's.
const shellWordsExpr = `(() => {
  const out = [], own = el => !el.closest('canvas, #widget-description, #widget-live, script, noscript, style');
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = w.nextNode());) {
    const el = n.parentElement, s = n.textContent.trim();
    if (s && el && own(el) && el.checkVisibility({visibilityProperty: true})) out.push({where: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' in ' + (el.parentElement.id || el.parentElement.className || el.parentElement.tagName), text: s});
  }
  for (const el of document.querySelectorAll('[aria-label], [title]')) {
    for (const a of ['aria-label', 'title']) if (el.hasAttribute(a)) out.push({where: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + a, text: el.getAttribute(a)});
  }
  out.push({where: 'document.title', text: document.title});
  // The label halves that show: all in the page's language.
  const wrong = [...document.querySelectorAll('body span[lang]')].filter(s => s.checkVisibility() && s.lang.slice(0, 2) !== document.documentElement.lang.slice(0, 2)).map(s => s.lang + ': ' + s.textContent);
  return {words: out, wrong: wrong, lang: document.documentElement.lang};
})()`

// toolsSelector finds the explorer's HTML tools: Embed, Export and the
// panel's controls, the presenting toolbar.
const toolsSelector = `.page-tools button, #widget-exports button, #widget-exports a, .pl-toolbar button`

type shellWords struct {
	Words []struct{ Where, Text string }
	Wrong []string
	Lang  string
}

// hanRE matches a Chinese character or full-width punctuation: what shows as
// a hollow box without a Chinese font.
const hanRE = `/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/`

func hasHan(t *testing.T, b *testBrowser, s string) bool {
	t.Helper()
	return eval[bool](t, b, hanRE+`.test(`+jsString(s)+`)`)
}

// checkShellWords checks the page's words in lang: in English not one
// Chinese character; in Chinese the controls' labels are Chinese; in both,
// no label half of the other language shows.
func checkShellWords(t *testing.T, b *testBrowser, lang, when string) {
	t.Helper()
	w := eval[shellWords](t, b, shellWordsExpr)
	if !strings.HasPrefix(w.Lang, lang) {
		t.Errorf("%s: <html lang> is %q, want %s", when, w.Lang, lang)
	}
	if len(w.Wrong) > 0 {
		t.Errorf("%s: label halves in the other language show: %q", when, w.Wrong)
	}
	if len(w.Words) < 3 {
		t.Fatalf("%s: the page shows %d texts: the check would prove nothing", when, len(w.Words))
	}
	for _, x := range w.Words {
		if han := hasHan(t, b, x.Text); lang == "en" && han {
			t.Errorf("%s: %s shows %q to an English reader: Chinese in it (hollow boxes without a Chinese font)", when, x.Where, x.Text)
		}
	}
	if lang != "zh" {
		return
	}
	// The controls' labels, where they show (the data list's links are file
	// names, the sources' addresses).
	labels := eval[[]string](t, b, `[...document.querySelectorAll('`+toolsSelector+`, #widget-start, #widget-retry, #embed-dialog button, #embed-dialog h2')]
	  .filter(e => e.checkVisibility() && !e.closest('#exports-data, #exports-sources')).map(e => e.innerText.trim()).concat([document.title, document.querySelector('#widget-exports').getAttribute('aria-label')])`)
	if len(labels) < 3 {
		t.Fatalf("%s: %d labels show", when, len(labels))
	}
	for _, l := range labels {
		if !hasHan(t, b, l) {
			t.Errorf("%s: a label reads %q in the Chinese view, want Chinese", when, l)
		}
	}
}

// The shell's words in the reader's language alone: before the program
// runs (?load=click), with the widget running and every panel open, after
// a switch of language at run time, and in the error state.
func TestShellSpeaksOneLanguage(t *testing.T) {
	srv := serveDir(t, requireDist(t))
	b := startBrowser(t)
	other := map[string]string{"en": "zh", "zh": "en"}
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			b.screenshotOnFailure(t)
			if err := b.Navigate(srv.URL + "/?scene=two-lines&load=click&lang=" + lang); err != nil {
				t.Fatal(err)
			}
			waitTrue(t, b, `!document.getElementById('widget-start').hidden && document.readyState === 'complete'`, "the start button")
			checkShellWords(t, b, lang, "before the program runs")

			b.openWidget(t, srv.URL+"/?scene=two-lines&motion=reduce&lang="+lang)
			checkShellWords(t, b, lang, "ready")
			// Every panel the shell has: exports, data, sources; the keys.
			eval[bool](t, b, `(() => { document.querySelector('[data-export=toggle] span').click();
			  document.querySelector('[data-export=data]').click();
			  document.querySelector('[data-export=sources] span').click(); parallelLinesShell.help(); return true; })()`)
			waitTrue(t, b, `document.querySelectorAll('#exports-data li').length > 0 && document.querySelectorAll('#exports-sources li').length > 0`, "the data list and the sources")
			checkShellWords(t, b, lang, "with the exports panel and the keys open")

			// A switch at run time: every label follows.
			eval[bool](t, b, `window.parallelLines.command("lang `+other[lang]+`")`)
			if err := b.WaitForAttr("lang", map[string]string{"en": "en", "zh": "zh-Hans"}[other[lang]], readyTimeout); err != nil {
				t.Fatal(err)
			}
			checkShellWords(t, b, other[lang], "after a switch to "+other[lang])
			eval[bool](t, b, `(() => { parallelLinesShell.help(); document.getElementById('embed-open').click(); document.getElementById('embed-copy').click(); return true; })()`)
			waitTrue(t, b, `document.getElementById('embed-copied').innerText !== ''`, "the copy to be confirmed")
			checkShellWords(t, b, other[lang], "in the embed dialog")

			eval[bool](t, b, `(() => { document.getElementById('embed-dialog').close(); parallelLinesFail('a test'); return true; })()`)
			waitTrue(t, b, `!!document.getElementById('widget-retry')`, "the Retry button")
			checkShellWords(t, b, other[lang], "in the error state")
		})
	}
}

// The explorer's HTML tools (Embed, Export, the presenting toolbar) never
// stand over the canvas's text, from a phone to a desktop, in both
// languages: where the header would run under them they get a row of
// their own (web/widget.css).
func TestToolsClearOfCanvasText(t *testing.T) {
	srv := serveDir(t, requireDist(t))
	b := startBrowser(t)
	sizes := []struct{ w, h int }{{320, 640}, {390, 844}, {800, 600}, {1100, 720}, {1280, 720}}
	for _, size := range sizes {
		for _, lang := range []string{"en", "zh"} {
			t.Run(fmt.Sprintf("%dx%d/%s", size.w, size.h, lang), func(t *testing.T) {
				b.screenshotOnFailure(t)
				if err := b.SetViewport(size.w, size.h, 1); err != nil {
					t.Fatal(err)
				}
				b.openWidget(t, srv.URL+"/?scene=two-lines&motion=reduce&lang="+lang)
				var d widget.Description
				if err := json.Unmarshal([]byte(eval[string](t, b, `window.parallelLines.inspect()`)), &d); err != nil {
					t.Fatal(err)
				}
				canvas := eval[rect](t, b, `(() => { const r = document.querySelector('canvas').getBoundingClientRect(); return {x: r.left, y: r.top, width: r.width, height: r.height}; })()`)
				type tool struct {
					rect
					Name string
				}
				tools := eval[[]tool](t, b, `[...document.querySelectorAll('`+toolsSelector+`')].filter(e => e.checkVisibility())
				  .map(e => { const r = e.getBoundingClientRect(); return {name: e.innerText.trim(), x: r.left, y: r.top, width: r.width, height: r.height}; })`)
				if len(tools) < 2 || len(d.Texts) == 0 {
					t.Fatalf("%d tools and %d texts show: the check would prove nothing", len(tools), len(d.Texts))
				}
				boxes := make([]widget.DescribedText, 0, len(d.Texts)+len(d.Controls))
				boxes = append(boxes, d.Texts...)
				for _, c := range d.Controls {
					boxes = append(boxes, widget.DescribedText{Text: "control " + c.ID, X: c.X, Y: c.Y, W: c.W, H: c.H})
				}
				for _, tl := range tools {
					for _, x := range boxes {
						// inspect() is in CSS px from the canvas's top left.
						l, tp := canvas.X+x.X, canvas.Y+x.Y
						if tl.X < l+x.W && l < tl.X+tl.Width && tl.Y < tp+x.H && tp < tl.Y+tl.Height {
							t.Errorf("the %q button (%.0f,%.0f %.0f×%.0f) stands over the canvas's %q (%.0f,%.0f %.0f×%.0f)",
								tl.Name, tl.X, tl.Y, tl.Width, tl.Height, x.Text, l, tp, x.W, x.H)
						}
					}
				}
			})
		}
	}
}

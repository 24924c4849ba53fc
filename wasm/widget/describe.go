package widget

import (
	"fmt"
	"strings"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/layout"
)

// Words for the text alternative.
var (
	sceneOf    = data.Text{Zh: "第 %d 幕，共 %d 幕：%s。", En: "Scene %d of %d: %s."}
	onLine     = data.Text{Zh: "%s一侧：%s。", En: "On the %s line: %s."}
	between    = data.Text{Zh: "两条线之间：%s。", En: "Between the lines: %s."}
	listSep    = data.Text{Zh: "、", En: ", "}
	keysHint   = data.Text{Zh: "用左右方向键切换场景，Tab 键逐个浏览，回车打开详情。", En: "Arrow keys change scene; Tab visits each item; Enter opens its details."}
	controlFmt = data.Text{Zh: "按钮：%s", En: "Button: %s"}
)

// Description is the text alternative of the current scene: what a sighted
// reader sees, in reading order, for screen readers.
func (w *Widget) Description() string {
	l, s := w.lang, w.story
	sc := s.Scenes[w.scene]
	parts := []string{
		fmt.Sprintf(l.Pick(sceneOf), w.scene+1, len(s.Scenes), l.Pick(sc.Title)),
		l.Pick(sc.Caption),
	}
	shown := map[string]bool{}
	for _, id := range sc.Shows {
		shown[id] = true
	}
	for _, ln := range s.Lines {
		var names []string
		for _, a := range s.Actors {
			if a.Line == ln.ID && shown[a.ID] {
				names = append(names, l.Pick(a.Name))
			}
		}
		if len(names) > 0 {
			parts = append(parts, fmt.Sprintf(l.Pick(onLine), l.Pick(ln.Name), strings.Join(names, l.Pick(listSep))))
		}
	}
	var mid []string
	for _, m := range s.Markets {
		if shown[m.ID] {
			mid = append(mid, l.Pick(m.Name))
		}
	}
	if len(mid) > 0 {
		parts = append(parts, fmt.Sprintf(l.Pick(between), strings.Join(mid, l.Pick(listSep))))
	}
	for _, id := range sc.Shows {
		if t, ok := layout.NoteText(s, id, l); ok {
			parts = append(parts, t)
		}
	}
	parts = append(parts, l.Pick(keysHint))
	return strings.Join(parts, " ")
}

// Label is what a screen reader says when t takes the focus: a control's
// name, or the whole of an element's card.
func (w *Widget) Label(t Target) string {
	if t.Control != nil {
		return fmt.Sprintf(w.lang.Pick(controlFmt), w.lang.Pick(t.Control.Label))
	}
	var c layout.Content
	var ok bool
	if t.ID == MoreID {
		c, ok = layout.DescribeMore(w.story, w.target.Folded, w.lang)
	} else {
		c, ok = layout.Describe(w.story, t.ID, w.lang)
	}
	if !ok {
		return t.ID
	}
	parts := []string{c.Kicker, c.Title, c.Other}
	parts = append(parts, c.Body...)
	parts = append(parts, c.Quote, c.Source)
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ". ")
}

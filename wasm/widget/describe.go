package widget

import (
	"fmt"
	"strings"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/alt"
	"github.com/parallel-lines/widget/wasm/layout"
)

// Words for the text alternative.
var (
	keysHint   = data.Text{Zh: "用左右方向键切换场景，Tab 键逐个浏览，回车打开详情。", En: "Arrow keys change scene; Tab visits each item; Enter opens its details."}
	controlFmt = data.Text{Zh: "按钮：%s", En: "Button: %s"}
)

// Description is the text alternative of the current scene, written by
// package alt from the dataset (title, dek, what the picture shows, who
// says what), and how to move through it.
func (w *Widget) Description() string {
	return alt.Describe(w.story, w.scene, w.lang).String() + " " + w.lang.Pick(keysHint)
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

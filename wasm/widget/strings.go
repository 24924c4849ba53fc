package widget

import (
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/layout"
)

// UI is the widget's own copy, apart from the story. The font subset is
// built from this file as well as from the story, so every character here
// is sure to have a glyph. The layout composes notes with these characters
// too: “” → · – … + ：
// The cards' own words (wasm/layout/card.go, not read by the subsetter):
// 人物 本幕其余内容 类比，不是商业关系
var UI = struct {
	Loading, Next, Prev, Scene, Language, Motion, Source data.Text
}{
	Loading:  data.Text{Zh: "正在载入…", En: "Loading…"},
	Next:     data.Text{Zh: "下一幕", En: "Next"},
	Prev:     data.Text{Zh: "上一幕", En: "Previous"},
	Scene:    data.Text{Zh: "第 %d 幕，共 %d 幕", En: "Scene %d of %d"},
	Language: data.Text{Zh: "English", En: "中文"},
	Motion:   data.Text{Zh: "动画", En: "Motion"},
	Source:   data.Text{Zh: "来源", En: "Source"},
}

// Inventory is every string the canvas can draw: the story's, the layout's
// words and the widget's own (see layout.Inventory), each with whether it
// can be set in bold. The widget's own words are drawn in the regular
// weight; the one control it draws in bold, the language switch, shows
// layout.LangText, which layout.BoldText has.
func Inventory(s *data.Story) []layout.Entry {
	var own []layout.Entry
	for _, t := range []data.Text{UI.Loading, UI.Next, UI.Prev, UI.Scene, UI.Language, UI.Motion, UI.Source} {
		own = append(own, layout.Entry{Text: t.Zh}, layout.Entry{Text: t.En, En: true})
	}
	return layout.Inventory(s, own...)
}

package main

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/alt"
	"github.com/parallel-lines/widget/wasm/layout"
)

// pageName is each language's page.
var pageName = map[layout.Lang]string{layout.Zh: "table.html", layout.En: "table-en.html"}

// words are the page's own words; the rest comes from the dataset.
var words = map[string]data.Text{
	"view":        {Zh: "表格视图", En: "Table view"},
	"back":        {Zh: "返回图表", En: "Back to the graphic"},
	"other":       {Zh: "English", En: "中文"},
	"contents":    {Zh: "目录", En: "Contents"},
	"story":       {Zh: "逐幕讲述", En: "The story, scene by scene"},
	"open":        {Zh: "在图表中打开这一幕", En: "Open this scene in the graphic"},
	"source":      {Zh: "出处", En: "Source"},
	"sources":     {Zh: "引用", En: "Citation"},
	"actors":      {Zh: "参与者", En: "Actors"},
	"relations":   {Zh: "关系", En: "Relations"},
	"markets":     {Zh: "第三方市场", En: "Third-party markets"},
	"flows":       {Zh: "输出", En: "Flows"},
	"contrasts":   {Zh: "对比", En: "Contrasts"},
	"figures":     {Zh: "数字", En: "Figures"},
	"logic":       {Zh: "投资逻辑", En: "Investment logic"},
	"quotes":      {Zh: "引语", En: "Quotes"},
	"downloads":   {Zh: "下载数据", En: "Download the data"},
	"name":        {Zh: "名称", En: "Name"},
	"kind":        {Zh: "类别", En: "Kind"},
	"line":        {Zh: "所在一侧", En: "Line"},
	"role":        {Zh: "角色", En: "Role"},
	"from":        {Zh: "从", En: "From"},
	"to":          {Zh: "到", En: "To"},
	"what":        {Zh: "内容", En: "What"},
	"has":         {Zh: "所长", En: "Has"},
	"lacks":       {Zh: "所短", En: "Lacks"},
	"topic":       {Zh: "话题", En: "Topic"},
	"value":       {Zh: "数值", En: "Value"},
	"label":       {Zh: "说明", En: "What it is"},
	"market":      {Zh: "市场", En: "Market"},
	"text":        {Zh: "论点", En: "Statement"},
	"speaker":     {Zh: "说话人", En: "Speaker"},
	"quote":       {Zh: "原话", En: "Words"},
	"neither":     {Zh: "两侧之外", En: "Neither"},
	"json":        {Zh: "完整数据集（JSON）", En: "The whole dataset (JSON)"},
	"readme":      {Zh: "说明与许可（README）", En: "About the files and licence (README)"},
	"csvnote":     {Zh: "每类元素另有一个 CSV 表格，见 data/ 目录与 README。", En: "Each kind of element is also a CSV table in data/; the README lists them."},
	"interviewee": {Zh: "受访者", En: "Interviewee"},
}

// Enumerations as a reader says them.
var enumWords = map[string]data.Text{
	"company": {Zh: "公司", En: "company"}, "buyers": {Zh: "买方", En: "buyers"}, "institution": {Zh: "机构", En: "institution"},
	"person": {Zh: "人物", En: "person"}, "investor": {Zh: "投资方", En: "investor"}, "group": {Zh: "群体", En: "group"},
	"alliance": {Zh: "联盟", En: "alliance"}, "investment": {Zh: "投资", En: "investment"}, "purchase": {Zh: "采购", En: "purchase"},
	"supply": {Zh: "供应", En: "supply"}, "competition": {Zh: "竞争", En: "competition"}, "mapping": {Zh: "映射", En: "mapping"},
	"primary": {Zh: "一级市场", En: "primary market"}, "secondary": {Zh: "二级市场", En: "secondary market"}, "both": {Zh: "一级与二级市场", En: "both markets"},
	"judgement": {Zh: "判断", En: "judgement"}, "shift": {Zh: "转变", En: "shift"}, "leg": {Zh: "一条腿", En: "leg"},
}

// Table is one HTML table: a caption, column heads, and rows whose first
// cell heads the row.
type Table struct {
	ID, Title string
	Head      []string
	Rows      [][]Cell
}

// Cell is a cell's text and, when it is in the other language, that
// language's tag.
type Cell struct {
	Text, Lang string
}

type sceneView struct {
	N          int
	ID, Href   string
	Title, Dek string
	Lead       string
	Body       []string
}

type pageView struct {
	Lang, Title, View, Back, BackHref, Other, OtherHref, OtherLang string
	Outlet, Byline, Interviewee, Note, Licence, Credit             string
	W                                                              map[string]string
	Scenes                                                         []sceneView
	Tables                                                         []Table
}

// Page is the table view in l.
func Page(s *data.Story, l layout.Lang) ([]byte, error) {
	w := map[string]string{}
	for k, t := range words {
		w[k] = l.Pick(t)
	}
	v := pageView{
		Lang: l.Tag(), Title: l.Pick(s.Meta.Title), View: w["view"], Back: w["back"],
		BackHref: "index.html?lang=" + l.Code(), Other: w["other"], OtherHref: pageName[l.Other()], OtherLang: l.Other().Tag(),
		Outlet: l.Pick(s.Meta.Outlet), Byline: l.Pick(s.Meta.Byline), Interviewee: l.Pick(s.Meta.Interviewee),
		Note: l.Pick(s.Meta.Note), Licence: l.Pick(s.Meta.Licence), Credit: s.Meta.Credit, W: w,
	}
	for i, sc := range s.Scenes {
		d := alt.Describe(s, i, l)
		v.Scenes = append(v.Scenes, sceneView{N: i + 1, ID: sc.ID, Href: "index.html#scene=" + sc.ID + "&lang=" + l.Code(),
			Title: d.Title, Dek: d.Dek, Lead: d.Lead, Body: d.Body})
	}
	v.Tables = tables(s, l, w)
	var b bytes.Buffer
	if err := page.Execute(&b, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func tables(s *data.Story, l layout.Lang, w map[string]string) []Table {
	cite := func(b data.Basis) Cell { return Cell{Text: strings.Trim(alt.Cite(s, b, l), "（）()")} }
	txt := func(t data.Text) Cell { return Cell{Text: l.Pick(t)} }
	name := func(t data.Text) Cell {
		if o := l.Other().Pick(t); o != l.Pick(t) && o != "" {
			return Cell{Text: l.Pick(t) + " · " + o}
		}
		return txt(t)
	}
	enum := func(v interface{ String() string }) Cell { return Cell{Text: l.Pick(enumWords[v.String()])} }
	ref := func(id string) Cell { return Cell{Text: alt.Name(s, id, l)} }
	var out []Table

	t := Table{ID: "actors", Title: w["actors"], Head: []string{w["name"], w["kind"], w["line"], w["role"], w["sources"]}}
	for _, a := range s.Actors {
		side := Cell{Text: w["neither"]}
		if a.Line != "" {
			side = ref(a.Line)
		}
		t.Rows = append(t.Rows, []Cell{name(a.Name), enum(a.Kind), side, txt(a.Role), cite(a.Basis)})
	}
	out = append(out, t)

	t = Table{ID: "relations", Title: w["relations"], Head: []string{w["from"], w["to"], w["kind"], w["what"], w["sources"]}}
	for _, r := range s.Relations {
		t.Rows = append(t.Rows, []Cell{ref(r.From), ref(r.To), enum(r.Kind), txt(r.Label), cite(r.Basis)})
	}
	out = append(out, t)

	t = Table{ID: "markets", Title: w["markets"], Head: []string{w["name"], w["has"], w["lacks"], w["sources"]}}
	for _, m := range s.Markets {
		t.Rows = append(t.Rows, []Cell{name(m.Name), txt(m.Has), txt(m.Lacks), cite(m.Basis)})
	}
	out = append(out, t)

	t = Table{ID: "flows", Title: w["flows"], Head: []string{w["from"], w["to"], w["what"], w["sources"]}}
	for _, f := range s.Flows {
		var to []string
		for _, id := range f.To {
			to = append(to, alt.Name(s, id, l))
		}
		t.Rows = append(t.Rows, []Cell{ref(f.From), {Text: strings.Join(to, map[layout.Lang]string{layout.Zh: "、", layout.En: ", "}[l])}, txt(f.What), cite(f.Basis)})
	}
	out = append(out, t)

	var us, cn string
	for _, ln := range s.Lines {
		if ln.Side == data.US {
			us = l.Pick(ln.Name)
		} else {
			cn = l.Pick(ln.Name)
		}
	}
	t = Table{ID: "contrasts", Title: w["contrasts"], Head: []string{w["topic"], us, cn, w["sources"]}}
	for _, c := range s.Contrasts {
		t.Rows = append(t.Rows, []Cell{txt(c.Topic), txt(c.US), txt(c.CN), cite(c.Basis)})
	}
	out = append(out, t)

	t = Table{ID: "figures", Title: w["figures"], Head: []string{w["label"], w["value"], w["sources"]}}
	for _, f := range s.Figures {
		t.Rows = append(t.Rows, []Cell{txt(f.Label), {Text: layout.FigureValue(f, l)}, cite(f.Basis)})
	}
	out = append(out, t)

	t = Table{ID: "logic", Title: w["logic"], Head: []string{w["text"], w["kind"], w["market"], w["sources"]}}
	for _, g := range s.Logic {
		text := l.Pick(g.Text)
		if g.Kind == data.Shift {
			text = l.Pick(g.From) + " → " + l.Pick(g.To) + map[layout.Lang]string{layout.Zh: "：", layout.En: ": "}[l] + text
		} else if g.Kind == data.Leg {
			text = l.Pick(g.To) + map[layout.Lang]string{layout.Zh: "：", layout.En: ": "}[l] + text
		}
		t.Rows = append(t.Rows, []Cell{{Text: text}, enum(g.Kind), enum(g.Market), cite(g.Basis)})
	}
	out = append(out, t)

	t = Table{ID: "quotes", Title: w["quotes"], Head: []string{w["quote"], w["speaker"], w["sources"]}}
	for _, q := range s.Quotes {
		t.Rows = append(t.Rows, []Cell{{Text: "“" + strings.TrimSpace(l.Pick(q.Text)) + "”"}, ref(q.Speaker), cite(q.Basis)})
	}
	out = append(out, t)
	return out
}

var page = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{{.View}} · {{.Title}}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="table.css">
<link rel="alternate" hreflang="{{.OtherLang}}" href="{{.OtherHref}}">
</head>
<body>
<header>
<nav aria-label="{{.W.pages}}">
<ul class="bar">
<li><a href="{{.BackHref}}">← {{.Back}}</a></li>
<li><a href="{{.OtherHref}}" lang="{{.OtherLang}}" hreflang="{{.OtherLang}}">{{.Other}}</a></li>
</ul>
</nav>
</header>
<main>
<h1>{{.Title}} <span class="view">{{.View}}</span></h1>
<dl class="source">
<dt>{{.W.source}}</dt><dd>{{.Outlet}} · {{.Byline}}</dd>
<dt>{{.W.interviewee}}</dt><dd>{{.Interviewee}}</dd>
</dl>
<p>{{.Note}}</p>
<nav aria-labelledby="toc">
<h2 id="toc">{{.W.contents}}</h2>
<ul>
<li><a href="#story">{{.W.story}}</a></li>
{{- range .Tables}}
<li><a href="#{{.ID}}">{{.Title}}</a></li>
{{- end}}
<li><a href="#downloads">{{.W.downloads}}</a></li>
</ul>
</nav>
<section aria-labelledby="story">
<h2 id="story">{{.W.story}}</h2>
{{- range .Scenes}}
<article aria-labelledby="scene-{{.ID}}">
<h3 id="scene-{{.ID}}">{{.N}}. {{.Title}}</h3>
<p class="dek">{{.Dek}}</p>
<p>{{.Lead}}</p>
<ul>
{{- range .Body}}
<li>{{.}}</li>
{{- end}}
</ul>
<p><a href="{{.Href}}">{{$.W.open}}: {{.Title}}</a></p>
</article>
{{- end}}
</section>
{{- range .Tables}}
<section aria-labelledby="{{.ID}}">
<h2 id="{{.ID}}">{{.Title}}</h2>
<div class="scroll" role="region" aria-labelledby="{{.ID}}-caption" tabindex="0">
<table>
<caption id="{{.ID}}-caption">{{.Title}}</caption>
<thead><tr>{{range .Head}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
<tr>{{range $i, $c := .}}{{if eq $i 0}}<th scope="row">{{$c.Text}}</th>{{else}}<td>{{$c.Text}}</td>{{end}}{{end}}</tr>
{{- end}}
</tbody>
</table>
</div>
</section>
{{- end}}
<section aria-labelledby="downloads">
<h2 id="downloads">{{.W.downloads}}</h2>
<ul>
<li><a href="data/story.json" download>{{.W.json}}</a></li>
<li><a href="data/README.txt" download>{{.W.readme}}</a></li>
</ul>
<p>{{.W.csvnote}}</p>
<p>{{.Licence}}</p>
</section>
</main>
<footer>
<p>{{.Credit}}</p>
</footer>
</body>
</html>
`))

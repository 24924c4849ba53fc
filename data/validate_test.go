package data

import (
	"strings"
	"testing"
)

func txt(zh, en string) Text { return Text{Zh: zh, En: en} }
func cite(ps ...Para) Basis  { return Basis{Cite: ps} }
func note(ps ...Para) Note   { return Note{Text: txt("注", "note"), Basis: cite(ps...)} }

// validStory is the smallest story that passes every rule without a warning
// other than the scene count.
func validStory() *Story {
	s := &Story{
		Version: FormatVersion,
		Meta: Meta{
			Title: txt("标题", "Title"), Outlet: txt("媒体", "Outlet"), Byline: txt("作者", "Byline"),
			Interviewee: txt("王智", "Wang Zhi"), Headline: txt("访谈", "Interview"), Published: txt("日期未注明", "Date not stated"), Note: txt("说明", "Note"), Licence: txt("许可", "Licence"),
			Basis: cite(1), Credit: "credit",
		},
		Claims: []Claim{{ID: "c1", Paras: []Para{34}}, {ID: "c2", Paras: []Para{3}, Omit: "not shown"}},
		Lines: []Line{
			{ID: "us", Side: US, Name: txt("美国", "US"), Goal: note(26), Metaphor: note(26), Question: note(30),
				Openness: Closed, OpenNote: note(27), Mode: Disruptive, ModeNote: note(30), Basis: cite(13)},
			{ID: "cn", Side: CN, Name: txt("中国", "China"), Goal: note(28), Metaphor: note(29), Question: note(30),
				Openness: Open, OpenNote: note(43), Mode: Incremental, ModeNote: note(30), Basis: cite(13)},
		},
		Actors: []Actor{
			{ID: "nvidia", Kind: Company, Line: "us", Name: txt("英伟达", "Nvidia"), Role: txt("芯片", "Chips"), Basis: cite(5)},
			{ID: "openai", Kind: Company, Line: "us", Name: txt("OpenAI", "OpenAI"), Role: txt("模型", "Models"), Basis: cite(5)},
			{ID: "wang-zhi", Kind: Person, Name: txt("王智", "Wang Zhi"), Role: txt("受访者", "Interviewee"), Basis: cite(8, 34), Quote: "q1", Speaks: []Speaker{WangZhi}},
			{ID: "outlet", Kind: Institution, Name: txt("媒体", "Outlet"), Role: txt("提问", "Asks"), Basis: cite(1), Speaks: []Speaker{Narration, Interviewer}},
		},
		Relations: []Relation{
			{ID: "deal", Kind: Alliance, From: "openai", To: "nvidia", Label: txt("联盟", "Alliance"), Basis: cite(21)},
			{ID: "buys", Kind: Purchase, From: "openai", To: "nvidia", Label: txt("采购", "Buys"), Basis: cite(34),
				Quote: "q1", Fact: txt("平行", "parallel")},
		},
		Markets:   []Market{{ID: "europe", Name: txt("欧洲", "Europe"), Has: txt("工业", "Industry"), Lacks: txt("模型", "Models"), Basis: cite(35)}},
		Flows:     []Flow{{ID: "us-offer", From: "us", To: []string{"europe"}, What: txt("标准", "Standards"), Basis: cite(36)}},
		Contrasts: []Contrast{{ID: "goal", Topic: txt("目标", "Goal"), US: txt("AGI", "AGI"), CN: txt("应用", "Use"), Basis: cite(26, 28)}},
		Logic:     []Logic{{ID: "shift-1", Market: Primary, Kind: Shift, From: txt("通用", "General"), To: txt("专用", "Special"), Text: txt("转变", "Shift"), Basis: cite(55)}},
		Figures:   []Figure{{ID: "staff", Value: 30000, Qualifier: Exact, Unit: txt("人", "people"), Label: txt("员工", "Staff"), Basis: cite(69)}},
		Quotes:    []Quote{{ID: "q1", Speaker: "wang-zhi", Text: txt("两条平行线", "Two parallel lines"), Basis: Basis{Cite: []Para{34}, Claims: []string{"c1"}}}},
	}
	for range MaxPara {
		s.Paragraphs = append(s.Paragraphs, Paragraph{Speaker: WangZhi, Section: 1})
	}
	s.Paragraphs[0].Speaker, s.Paragraphs[0].Section = Narration, 0 // P1
	s.Paragraphs[16].Speaker = Interviewer                          // P17
	all := []string{"us", "cn", "nvidia", "openai", "wang-zhi", "outlet", "deal", "buys", "europe", "us-offer", "goal", "shift-1", "staff", "q1"}
	for i := range MinScenes {
		s.Scenes = append(s.Scenes, Scene{
			ID: "scene-" + string(rune('a'+i)), Title: txt("标题", "Title"), Caption: txt("说明", "Caption"),
			Notes: txt("讲稿", "Notes"), Seconds: 10, Shows: all, Emphasis: []string{"us"}, Basis: cite(12),
		})
	}
	return s
}

func TestValidStoryHasNoProblems(t *testing.T) {
	if ps := Validate(validStory()); len(ps) != 0 {
		t.Fatalf("want no problems, got %v", ps)
	}
}

// Each rule, broken once: the validator must name the place and the fault.
var ruleCases = []struct {
	name     string
	break_   func(s *Story)
	path     string
	contains string
	warn     bool
}{
	{"wrong version", func(s *Story) { s.Version = 99 }, "version", "format version", false},
	{"duplicate id", func(s *Story) { s.Actors[1].ID = "nvidia" }, "actors[1].id", "duplicate id", false},
	{"id shape", func(s *Story) { s.Actors[0].ID = "Nvidia Corp" }, "actors[0].id", "lower-case", false},
	{"missing id", func(s *Story) { s.Markets[0].ID = "" }, "markets[0].id", "missing id", false},
	{"dangling relation", func(s *Story) { s.Relations[0].To = "amd" }, "relations[0].to", `unknown id "amd"`, false},
	{"relation to itself", func(s *Story) { s.Relations[0].To = "openai" }, "relations[0].to", "itself", false},
	{"flow to a non-market", func(s *Story) { s.Flows[0].To[0] = "nvidia" }, "flows[0].to[0]", "want a market", false},
	{"flow to nothing", func(s *Story) { s.Flows[0].To = nil }, "flows[0].to", "at least one market", false},
	{"actor on unknown line", func(s *Story) { s.Actors[0].Line = "eu" }, "actors[0].line", "unknown id", false},
	{"quote by non-actor", func(s *Story) { s.Quotes[0].Speaker = "europe" }, "quotes[0].speaker", "want a actor", false},
	{"missing English", func(s *Story) { s.Actors[0].Role.En = " " }, "actors[0].role.en", "missing English", false},
	{"missing Chinese", func(s *Story) { s.Markets[0].Name.Zh = "" }, "markets[0].name.zh", "missing Chinese", false},
	{"half an optional text", func(s *Story) { s.Logic[0].Kind = Judgement; s.Logic[0].From.En = "" }, "logic[0].from.en", "missing English", false},
	{"missing citation", func(s *Story) { s.Actors[0].Basis.Cite = nil }, "actors[0].cite", "missing citation", false},
	{"citation out of range", func(s *Story) { s.Markets[0].Basis.Cite = []Para{76} }, "markets[0].cite[0]", "out of range", false},
	{"citation zero", func(s *Story) { s.Lines[0].Goal.Basis.Cite = []Para{0} }, "lines[0].goal.cite[0]", "out of range", false},
	{"unknown outside source", func(s *Story) { s.Actors[0].Basis.Sources = []string{"ft"} }, "actors[0].sources[0]", "unknown source", false},
	{"outside source without url", func(s *Story) {
		s.Sources = []Source{{ID: "ft", Publisher: "FT", Title: "T", Date: "2025-01-02", URL: "ft.com"}}
	}, "sources[0].url", "https://", false},
	{"outside source bad date", func(s *Story) {
		s.Sources = []Source{{ID: "ft", Publisher: "FT", Title: "T", Date: "Jan 2025", URL: "https://ft.com"}}
	}, "sources[0].date", "YYYY-MM-DD", false},
	{"claim neither covered nor omitted", func(s *Story) { s.Claims = append(s.Claims, Claim{ID: "c3", Paras: []Para{9}}) }, "claims[2]", "carried by no element", false},
	{"unknown claim", func(s *Story) { s.Quotes[0].Basis.Claims = append(s.Quotes[0].Basis.Claims, "zz") }, "quotes[0].claims[1]", `unknown claim "zz"`, false},
	{"claim cited at the wrong paragraph", func(s *Story) { s.Quotes[0].Basis.Cite = []Para{35} }, "quotes[0].claims[0]", "claim c1 is at P34", false},
	{"duplicate claim", func(s *Story) { s.Claims[1].ID = "c1" }, "claims[1].id", "duplicate claim", false},
	{"claim omitted yet carried", func(s *Story) { s.Claims[0].Omit = "why" }, "claims[0].omit", "marked left out", true},
	{"scene shows nothing", func(s *Story) { s.Scenes[2].Shows, s.Scenes[2].Emphasis = nil, nil }, "scenes[2].shows", "shows nothing", false},
	{"scene shows unknown", func(s *Story) { s.Scenes[0].Shows = append(s.Scenes[0].Shows[:0:0], "ghost") }, "scenes[0].shows[0]", `unknown id "ghost"`, false},
	{"scene shows a scene", func(s *Story) { s.Scenes[0].Shows = []string{"scene-b"} }, "scenes[0].shows[0]", "is a scene", false},
	{"emphasis not shown", func(s *Story) { s.Scenes[0].Emphasis = []string{"staff"}; s.Scenes[0].Shows = []string{"us"} }, "scenes[0].emphasis[0]", "not shown", false},
	{"scene without duration", func(s *Story) { s.Scenes[1].Seconds = 0 }, "scenes[1].seconds", "duration", false},
	{"too few scenes", func(s *Story) { s.Scenes = s.Scenes[:3] }, "scenes", "3 scenes", true},
	{"no scene", func(s *Story) { s.Scenes = nil }, "scenes", "no scene", false},
	{"name too long for its slot", func(s *Story) { s.Actors[0].Name.Zh = strings.Repeat("英", 18) }, "actors[0].name.zh", "36 columns", false},
	{"caption too long", func(s *Story) { s.Scenes[0].Caption.En = strings.Repeat("x", SlotCaption+1) }, "scenes[0].caption.en", "slot holds", false},
	{"paragraph table short", func(s *Story) { s.Paragraphs = s.Paragraphs[:70] }, "paragraphs", "lists 70", false},
	{"unknown speaker", func(s *Story) { s.Paragraphs[3].Speaker = 9 }, "paragraphs[3].speaker", "unknown speaker", false},
	{"sections out of order", func(s *Story) { s.Paragraphs[4].Section = 0 }, "paragraphs[4].section", "in order", false},
	{"unknown enum from a corrupt file", func(s *Story) { s.Actors[0].Kind = 200 }, "actors[0].kind", "unknown actor kind", false},
	{"second line on one side", func(s *Story) { s.Lines[1].Side = US }, "lines[1].side", "second us line", false},
	{"no china line", func(s *Story) { s.Lines[1].Side = US }, "lines", "no cn line", false},
	{"range without max", func(s *Story) { s.Figures[0].Qualifier = Range }, "figures[0].max", "range needs max", false},
	{"several with a number", func(s *Story) { s.Figures[0].Qualifier = Several }, "figures[0].value", "carries no number", false},
	{"shift without its end", func(s *Story) { s.Logic[0].To = Text{} }, "logic[0].to.zh", "missing Chinese", false},
	{"no market", func(s *Story) {
		s.Markets = nil
		s.Flows = nil
		for i := range s.Scenes {
			s.Scenes[i].Shows = []string{"us"}
		}
	}, "markets", "no third-party market", false},
	{"element shown by no scene", func(s *Story) {
		s.Actors[2].Quote = ""
		s.Relations[1].Kind, s.Relations[1].Quote, s.Relations[1].Fact = Alliance, "", Text{}
		for i := range s.Scenes {
			s.Scenes[i].Shows = s.Scenes[i].Shows[:len(s.Scenes[i].Shows)-1]
		}
	}, "quotes[0]", `quote "q1" is shown by no scene`, true},
	{"missing credit", func(s *Story) { s.Meta.Credit = "" }, "meta.credit", "credit", false},
	{"card quote is not a quote", func(s *Story) { s.Actors[0].Quote = "europe" }, "actors[0].quote", `"europe" is a market, want a quote`, false},
	{"card quote unknown", func(s *Story) { s.Relations[0].Quote = "q9" }, "relations[0].quote", `unknown id "q9"`, false},
	{"card quote from another paragraph", func(s *Story) { s.Markets[0].Quote = "q1" }, "markets[0].quote", "quote q1 is at P34 but this element cites P35", false},
	// Whose words: a quote's speaker speaks as its paragraph's speaker.
	{"quote put in the mouth of someone Wang reports", func(s *Story) { s.Quotes[0].Speaker = "nvidia" }, "quotes[0].speaker", `"nvidia" speaks in no paragraph`, false},
	{"interviewer's words given to Wang", func(s *Story) { s.Quotes[0].Basis = cite(17) }, "quotes[0].speaker", "P17 is spoken by interviewer, but \"wang-zhi\" speaks as wang-zhi", false},
	{"Wang's words given to the outlet", func(s *Story) { s.Quotes[0].Speaker = "outlet" }, "quotes[0].speaker", "P34 is spoken by wang-zhi, but \"outlet\" speaks as narration, interviewer", false},
	{"quote across two paragraphs", func(s *Story) { s.Quotes[0].Basis.Cite = []Para{34, 35} }, "quotes[0].cite", "exactly one paragraph", false},
	{"speaker listed twice", func(s *Story) { s.Actors[3].Speaks = []Speaker{Narration, Narration} }, "actors[3].speaks[1]", "listed twice", false},
	{"unknown speaker value", func(s *Story) { s.Actors[3].Speaks = []Speaker{42} }, "actors[3].speaks[0]", "unknown speaker", false},
	// Business kinds: the words that state the tie.
	{"purchase without evidence", func(s *Story) { s.Relations[1].Quote = "" }, "relations[1].quote", "asserts a business fact", false},
	{"purchase without fact words", func(s *Story) { s.Relations[1].Fact = Text{} }, "relations[1].fact", "needs fact", false},
	{"fact words not in the quote", func(s *Story) { s.Relations[1].Fact.Zh = "采购" }, "relations[1].fact.zh", `"采购" is not in the words of quote q1`, false},
	{"fact words not in the English quote", func(s *Story) { s.Relations[1].Fact.En = "buys" }, "relations[1].fact.en", "not in the words", false},
	{"fact on a non-business kind", func(s *Story) { s.Relations[1].Kind = Analogy }, "relations[1].fact", "only a business tie", false},
	{"meta without the interview's date", func(s *Story) { s.Meta.Published = Text{} }, "meta.published.zh", "missing Chinese", false},
	{"unit in English only", func(s *Story) { s.Figures[0].Unit.Zh = "" }, "figures[0].unit.zh", "missing Chinese", false},
	{"flow quote from another paragraph", func(s *Story) { s.Flows[0].Quote = "q1" }, "flows[0].quote", "quote q1 is at P34 but this element cites P36", false},
}

func TestValidateRules(t *testing.T) {
	for _, c := range ruleCases {
		t.Run(c.name, func(t *testing.T) {
			s := validStory()
			c.break_(s)
			ps := Validate(s)
			for _, p := range ps {
				if p.Path == c.path && strings.Contains(p.Msg, c.contains) {
					if p.Warn != c.warn {
						t.Fatalf("%s: warn = %v, want %v", p, p.Warn, c.warn)
					}
					return
				}
			}
			t.Fatalf("want a problem at %s containing %q, got %v", c.path, c.contains, ps)
		})
	}
}

// A quote on the card of a shown element is on screen with the card.
func TestCardQuoteCountsAsShown(t *testing.T) {
	s := validStory()
	for i := range s.Scenes {
		s.Scenes[i].Shows = s.Scenes[i].Shows[:len(s.Scenes[i].Shows)-1] // drop q1
	}
	if ps := Validate(s); len(ps) != 0 {
		t.Fatalf("want no problems, got %v", ps)
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	s := validStory()
	s.Actors[0].Role.En = ""
	s.Markets[0].Basis.Cite = nil
	s.Relations[0].To = "ghost"
	if n := Errors(Validate(s)); n != 3 {
		t.Fatalf("want 3 errors at once, got %d: %v", n, Validate(s))
	}
}

// English writes a year bare: a unit in Chinese only is allowed.
func TestUnitInChineseOnly(t *testing.T) {
	s := validStory()
	s.Figures[0].Unit = txt("年", "")
	if ps := Validate(s); len(ps) != 0 {
		t.Fatalf("want no problems, got %v", ps)
	}
}

func TestColumns(t *testing.T) {
	for s, want := range map[string]int{"": 0, "AMD": 3, "英伟达": 6, "OpenAI 与英伟达": 15, "“武器”": 8} {
		if got := Columns(s); got != want {
			t.Errorf("Columns(%q) = %d, want %d", s, got, want)
		}
	}
}

package compile

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/build/internal/source"
	"github.com/parallel-lines/widget/data"
)

const committedSource = "../../../data/story.yaml"

// loadCommitted reads data/story.yaml as the compiler does.
func loadCommitted(t *testing.T) *data.Story {
	t.Helper()
	src, err := os.ReadFile(committedSource)
	if err != nil {
		t.Fatal(err)
	}
	f, diags := source.Load(committedSource, src)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return f.Story
}

func readCSV(t *testing.T, path string) (header []string, rows [][]string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		t.Errorf("%s starts with a byte-order mark", path)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll() // every row as wide as the header
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s is empty", path)
	}
	return recs[0], recs[1:]
}

func TestDownloads(t *testing.T) {
	dir := t.TempDir()
	if r, err := Run(Options{Source: committedSource, Downloads: dir}); err != nil || r.Errors > 0 {
		t.Fatalf("err %v, problems %v", err, r.Diags)
	}
	s := loadCommitted(t)
	counts := map[string]int{
		"paragraphs.csv": len(s.Paragraphs), "lines.csv": len(s.Lines), "actors.csv": len(s.Actors),
		"relations.csv": len(s.Relations), "markets.csv": len(s.Markets), "flows.csv": len(s.Flows),
		"contrasts.csv": len(s.Contrasts), "logic.csv": len(s.Logic), "figures.csv": len(s.Figures),
		"quotes.csv": len(s.Quotes), "scenes.csv": len(s.Scenes), "claims.csv": len(s.Claims),
	}
	tables := map[string][][]string{}
	for name, n := range counts {
		header, rows := readCSV(t, filepath.Join(dir, name))
		if len(rows) != n {
			t.Errorf("%s has %d rows, the story %d", name, len(rows), n)
		}
		if name != "paragraphs.csv" && header[0] != "id" {
			t.Errorf("%s: first column %q, want id", name, header[0])
		}
		// Texts come in pairs of columns, Chinese first.
		for i, h := range header {
			if strings.HasSuffix(h, "_zh") && (i+1 == len(header) || header[i+1] != strings.TrimSuffix(h, "_zh")+"_en") {
				t.Errorf("%s: column %q is not followed by its English", name, h)
			}
		}
		tables[name] = append([][]string{header}, rows...)
	}

	// Spot checks: values, citations and references as a reader sees them.
	find := func(table, col, val string) map[string]string {
		t.Helper()
		recs := tables[table]
		for _, rec := range recs[1:] {
			row := map[string]string{}
			for i, h := range recs[0] {
				row[h] = rec[i]
			}
			if row[col] == val {
				return row
			}
		}
		t.Fatalf("%s has no row with %s = %q", table, col, val)
		return nil
	}
	staff := find("figures.csv", "value", "30000")
	if staff["cite"] != "P69" || staff["unit_zh"] != "名员工" || staff["qualifier"] != "exact" {
		t.Errorf("the figure 30000: %v", staff)
	}
	if r := find("relations.csv", "id", "openai-nvidia"); r["from"] != "openai" || r["to"] != "nvidia" || r["cite"] != "P17 P21" || r["quote"] != "q-prosper" {
		t.Errorf("relation openai-nvidia: %v", r)
	}
	if f := find("flows.csv", "id", "us-offer"); f["to"] != "europe japan korea southeast-asia other-markets" {
		t.Errorf("flow us-offer goes to %q", f["to"])
	}
	if q := find("quotes.csv", "id", "q-parallel"); q["speaker"] != "wang-zhi" || q["speaker_name_en"] != "Wang Zhi" || q["cite"] != "P34" {
		t.Errorf("quote q-parallel: %v", q)
	}
	// Whose words: a view Wang reports is his quote; the outlet's say in which voice.
	if q := find("quotes.csv", "id", "q-ellison"); q["speaker"] != "wang-zhi" || q["voice"] != "wang-zhi" || q["speaker_name_zh"] != "王智" {
		t.Errorf("quote q-ellison: %v", q)
	}
	if q := find("quotes.csv", "id", "q-left-right"); q["voice"] != "interviewer" || q["speaker_name_en"] != "Tencent News Qianwang (interviewer)" ||
		q["speaker_name_zh"] != "腾讯新闻《潜望》（提问）" || q["cite"] != "P17" {
		t.Errorf("quote q-left-right: %v", q)
	}
	if r := find("relations.csv", "id", "internet-switch"); r["kind"] != "purchase" || r["to"] != "domestic-chips" || r["quote"] != "q-switch" || r["fact_zh"] == "" {
		t.Errorf("relation internet-switch: %v", r)
	}
	if r := find("relations.csv", "id", "zte-oracle"); r["kind"] != "analogy" || r["fact_en"] != "" {
		t.Errorf("relation zte-oracle: %v", r)
	}
	if a := find("actors.csv", "id", "qianwang"); a["speaks"] != "narration summary interviewer" {
		t.Errorf("actor qianwang speaks %q", a["speaks"])
	}
	if p := find("paragraphs.csv", "paragraph", "P17"); p["speaker"] != "interviewer" {
		t.Errorf("P17: %v", p)
	}
	if c := find("claims.csv", "id", "a26"); !slices.Contains(strings.Fields(c["carried_by"]), "nvidia") {
		t.Errorf("claim a26 carried by %q", c["carried_by"])
	}
	if sc := find("scenes.csv", "order", "1"); sc["id"] != s.Scenes[0].ID || sc["shows"] != strings.Join(s.Scenes[0].Shows, " ") {
		t.Errorf("first scene: %v", sc)
	}

	readme, err := os.ReadFile(filepath.Join(dir, "README.txt"))
	if err != nil {
		t.Fatal(err)
	}
	m := s.Meta
	for _, want := range []string{m.Outlet.Zh, m.Outlet.En, m.Byline.En, m.Interviewee.Zh, m.Interviewee.En,
		m.Licence.Zh, m.Published.En, m.Headline.Zh, "interviewee's", "as cited", "CC BY 4.0", "quotes.csv", "quoteSpeakers"} {
		if !bytes.Contains(readme, []byte(want)) {
			t.Errorf("README.txt does not say %q", want)
		}
	}

	// The same source gives the same files, byte for byte.
	again := t.TempDir()
	Run(Options{Source: committedSource, Downloads: again})
	for _, name := range downloadNames {
		a, _ := os.ReadFile(filepath.Join(dir, name))
		b, err := os.ReadFile(filepath.Join(again, name))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs (%v)", name, err)
		}
	}
}

// The JSON download and the embedded msgpack say the same thing: the
// committed assets/story.msgpack decodes to the story that story.json,
// compiled from data/story.yaml, spells out.
func TestJSONMatchesMsgpack(t *testing.T) {
	dir := t.TempDir()
	if r, err := Run(Options{Source: committedSource, Downloads: dir}); err != nil || r.Errors > 0 {
		t.Fatalf("err %v, problems %v", err, r.Diags)
	}
	js, err := os.ReadFile(filepath.Join(dir, "story.json"))
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := JSON(loadCommitted(t)); !bytes.Equal(js, want) {
		t.Fatal("story.json is not the compiled story")
	}
	// Each quote's speaker travels with it, by name in both languages.
	var extra struct {
		QuoteSpeakers []struct {
			Quote, Speaker, Voice string
			Name                  data.Text
		} `json:"quoteSpeakers"`
	}
	if err := json.Unmarshal(js, &extra); err != nil {
		t.Fatal(err)
	}
	if n := len(loadCommitted(t).Quotes); len(extra.QuoteSpeakers) != n {
		t.Fatalf("story.json names the speaker of %d quotes, the story has %d", len(extra.QuoteSpeakers), n)
	}
	for _, q := range extra.QuoteSpeakers {
		if q.Name.Zh == "" || q.Name.En == "" || q.Voice == "" {
			t.Errorf("quote %s: speaker %+v", q.Quote, q)
		}
	}
	var fromJSON data.Story
	if err := json.Unmarshal(js, &fromJSON); err != nil {
		t.Fatal(err)
	}
	mp, err := os.ReadFile("../../../assets/story.msgpack")
	if err != nil {
		t.Fatal(err)
	}
	fromMsgpack, err := data.Decode(mp)
	if err != nil {
		t.Fatal(err)
	}
	// An empty list is [] in one and absent in the other; that is no difference.
	nilEmpty(reflect.ValueOf(&fromJSON))
	nilEmpty(reflect.ValueOf(fromMsgpack))
	if !reflect.DeepEqual(&fromJSON, fromMsgpack) {
		a, _ := json.MarshalIndent(&fromJSON, "", " ")
		b, _ := json.MarshalIndent(fromMsgpack, "", " ")
		la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
		for i := range min(len(la), len(lb)) {
			if la[i] != lb[i] {
				t.Fatalf("JSON and msgpack disagree at line %d:\n json    %s\n msgpack %s", i+1, la[i], lb[i])
			}
		}
		t.Fatal("JSON and msgpack disagree")
	}
	if len(fromMsgpack.Quotes) == 0 || fromMsgpack.Actors[0].Quote == "" {
		t.Error("the real story lost its quotes on the way")
	}
}

// nilEmpty sets every empty slice under v to nil.
func nilEmpty(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			nilEmpty(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			nilEmpty(v.Field(i))
		}
	case reflect.Slice:
		if v.Len() == 0 {
			v.SetZero()
		}
		for i := range v.Len() {
			nilEmpty(v.Index(i))
		}
	}
}

package source

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

const small = `version: 1
markets:
  - id: europe
    name: {zh: 欧洲, en: Europe}
    has: {zh: 工业, en: Industry}
    lacks: {zh: 模型, en: Models}
    cite: [P35, 36]
`

func TestLoadReadsValuesAndPositions(t *testing.T) {
	f, diags := Load("s.yaml", []byte(small))
	if len(diags) != 0 {
		t.Fatalf("unexpected problems: %v", diags)
	}
	m := f.Story.Markets[0]
	if m.ID != "europe" || m.Name.Zh != "欧洲" || len(m.Basis.Cite) != 2 || m.Basis.Cite[1] != 36 {
		t.Fatalf("read %+v", m)
	}
	if p := f.Where("markets[0].name.en"); p != (Pos{4, 24}) { // columns count characters, not bytes
		t.Errorf("markets[0].name.en at %v, want 4:24", p)
	}
	// A missing field is placed at its nearest written ancestor.
	if p := f.Where("markets[0].basis.sources[0]"); p != (Pos{3, 5}) {
		t.Errorf("missing field placed at %v, want the market at 3:5", p)
	}
}

func TestLoadProblems(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"unknown key", "version: 1\nmarkets:\n  - id: e\n    nmae: {zh: a, en: b}\n", "s.yaml:4:5: unknown key \"nmae\""},
		{"list for text", "markets:\n  - id: [a, b]\n", "s.yaml:2:9: want text, got a list"},
		{"text for list", "scenes:\n  - shows: us\n", "s.yaml:2:12: want a list, got \"us\""},
		{"bad paragraph", "markets:\n  - cite: [X9]\n", `s.yaml:2:12: "X9" is not a paragraph number like P12`},
		{"bad enum", "actors:\n  - kind: bank\n", `s.yaml:2:11: "bank" is not a actor kind`},
		{"bad number", "version: one\n", `s.yaml:1:10: "one" is not a whole number`},
		{"number too big", "version: 70000\n", "s.yaml:1:10: \"70000\" is not a whole number from 0 to 65535"},
		{"duplicate key", "version: 1\nversion: 2\n", `s.yaml:2:1: key "version" appears twice`},
		{"syntax", "markets: [\n", "s.yaml:"},
		{"not a mapping", "- a\n- b\n", "s.yaml:1:1: want a mapping"},
		{"empty", "", "s.yaml:1:1: the file holds no story"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, diags := Load("s.yaml", []byte(c.src))
			var got []string
			for _, d := range diags {
				got = append(got, f.Format(d))
			}
			for _, g := range got {
				if strings.HasPrefix(g, c.want) {
					return
				}
			}
			t.Fatalf("want a problem starting %q, got %q", c.want, got)
		})
	}
}

func TestCheckPlacesValidatorProblems(t *testing.T) {
	src := strings.Replace(small, "has: {zh: 工业, en: Industry}", "has: {zh: 工业}", 1)
	f, diags := Load("s.yaml", []byte(src))
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	// en is absent, so the problem stands at the has: mapping.
	want := Diag{Pos: Pos{5, 10}, Msg: "missing English text"}
	for _, d := range f.Check() {
		if d == want {
			return
		}
	}
	t.Fatalf("want %v among %v", want, f.Check())
}

func TestEveryProblemAtOnce(t *testing.T) {
	src := "version: 1\nmarkets:\n  - id: e\n    nmae: x\n    cite: [Q]\n    has: [1]\n"
	_, diags := Load("s.yaml", []byte(src))
	if len(diags) != 3 {
		t.Fatalf("want 3 problems at once, got %d: %v", len(diags), diags)
	}
}

// The committed story must compile without a single error.
func TestCommittedStoryIsValid(t *testing.T) {
	src, err := os.ReadFile("../../../data/story.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, diags := Load("data/story.yaml", src)
	diags = append(diags, f.Check()...)
	for _, d := range diags {
		if !d.Warn {
			t.Error(f.Format(d))
		}
	}
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte(small))
	f.Add([]byte("version: 1\nscenes: [{id: a, shows: [b]}]\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		file, diags := Load("f.yaml", b)
		if len(diags) == 0 {
			diags = file.Check()
		}
		for _, d := range diags {
			if s := file.Format(d); !strings.HasPrefix(s, "f.yaml:") {
				t.Fatalf("unlocated problem %q", s)
			}
			_ = fmt.Sprint(d)
		}
	})
}

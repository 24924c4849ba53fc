package compile

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The bad-input matrix: malformed story sources, each with the exact
// diagnostics `make data` must print for it, file:line:col first. Problems
// of structure (YAML syntax, types, unknown keys, bad enums and numbers) are
// found while reading, before validation runs, so those cases give their
// whole output from small sources. Problems of meaning (unknown, duplicate
// and malformed ids, paragraphs out of range, missing texts, limits) need a
// story that is otherwise valid: those cases edit one line of the committed
// data/story.yaml and expect exactly one error at the edited place, with the
// position computed from where the edit landed.

// compileSource compiles src as story.yaml and returns its diagnostics with
// the directory stripped, and the number of errors.
func compileSource(t *testing.T, src string) ([]string, int) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "story.yaml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Run(Options{Source: path, Msgpack: filepath.Join(dir, "story.msgpack")})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range r.Diags {
		out = append(out, strings.TrimPrefix(d, dir+string(filepath.Separator)))
	}
	if r.Errors > 0 {
		if _, err := os.Stat(filepath.Join(dir, "story.msgpack")); err == nil {
			t.Error("a source with errors was compiled into story.msgpack")
		}
	}
	return out, r.Errors
}

func TestBadInputStructure(t *testing.T) {
	const topKeys = "(known here: actors, claims, contrasts, figures, flows, lines, logic, markets, meta, paragraphs, quotes, relations, scenes, sources, version)"
	// An alias bomb: each level repeats the one before nine times.
	bomb := "a: &a [x, x, x, x, x, x, x, x, x]\n"
	for _, l := range "bcdefg" {
		prev := string(l - 1)
		bomb += fmt.Sprintf("%c: &%c [%s]\n", l, l, strings.Repeat("*"+prev+", ", 8)+"*"+prev)
	}
	cases := []struct {
		name, src string
		want      []string
	}{
		{"unclosed list", "markets: [\n", []string{"story.yaml:1:1: YAML syntax: did not find expected node content"}},
		{"tab indentation", "version: 2\nmeta:\n\ttitle: x\n", []string{"story.yaml:3:1: YAML syntax: found character that cannot start any token"}},
		{"invalid UTF-8", "version: 2\nmeta:\n  title: {zh: \xff\xfe, en: x}\n", []string{"story.yaml:1:1: YAML syntax: invalid leading UTF-8 octet"}},
		{"empty file", "", []string{"story.yaml:1:1: the file holds no story"}},
		{"only a comment", "# nothing here\n", []string{"story.yaml:1:1: the file holds no story"}},
		{"list at the top", "- a\n- b\n", []string{"story.yaml:1:1: want a mapping of keys to values, got a list"}},
		{"duplicate key", "version: 2\nversion: 2\n", []string{`story.yaml:2:1: key "version" appears twice`}},
		{"unknown top-level key", "version: 2\nauthor: me\n", []string{`story.yaml:2:1: unknown key "author" ` + topKeys}},
		{"misspelt field", "version: 2\nmarkets:\n  - id: e\n    nmae: {zh: a, en: b}\n", []string{`story.yaml:4:5: unknown key "nmae" (known here: cite, claims, has, id, lacks, name, quote, sources)`}},
		{"third language", "meta:\n  title: {zh: 标题, en: Title, fr: Titre}\n", []string{`story.yaml:2:30: unknown key "fr" (known here: en, zh)`}},
		{"merge key", "version: 2\n<<: {a: 1}\n", []string{`story.yaml:2:1: unknown key "<<" ` + topKeys}},
		{"list for text", "markets:\n  - id: [a, b]\n", []string{"story.yaml:2:9: want text, got a list"}},
		{"text for list", "scenes:\n  - shows: us\n", []string{`story.yaml:2:12: want a list, got "us"`}},
		{"one citation without brackets", "version: 2\nmarkets:\n  - id: e\n    cite: P12\n", []string{`story.yaml:4:11: want a list, got "P12"`}},
		{"list inside a list", "version: 2\nscenes:\n  - id: s\n    shows: [[a]]\n", []string{"story.yaml:4:13: want text, got a list"}},
		{"mapping for a number", "version: {major: 2}\n", []string{"story.yaml:1:10: want a whole number, got a mapping"}},
		{"text for a mapping", "meta: hello\n", []string{`story.yaml:1:7: want a mapping of keys to values, got "hello"`}},
		{"nothing for a mapping", "version: 2\nmeta:\n", []string{`story.yaml:2:6: want a mapping of keys to values, got ""`}},
		{"binary for a mapping", "version: 2\nmeta: !!binary aGVsbG8=\n", []string{`story.yaml:2:7: want a mapping of keys to values, got "aGVsbG8="`}},
		{"word for a number", "version: two\n", []string{`story.yaml:1:10: "two" is not a whole number from 0 to 65535`}},
		{"number too large", "version: 70000\n", []string{`story.yaml:1:10: "70000" is not a whole number from 0 to 65535`}},
		{"negative number", "version: -1\n", []string{`story.yaml:1:10: "-1" is not a whole number from 0 to 65535`}},
		{"fraction of seconds", "scenes:\n  - seconds: 1.5\n", []string{`story.yaml:2:14: "1.5" is not a whole number from 0 to 65535`}},
		{"empty number", "version: 2\nscenes:\n  - id: s\n    seconds: \"\"\n", []string{`story.yaml:4:14: "" is not a whole number from 0 to 65535`}},
		{"not a paragraph", "markets:\n  - cite: [X9]\n", []string{`story.yaml:2:12: "X9" is not a paragraph number like P12`}},
		{"paragraph zero", "markets:\n  - cite: [P0]\n", []string{`story.yaml:2:12: "P0" is not a paragraph number like P12`}},
		{"paragraph with letters", "version: 2\nmarkets:\n  - id: e\n    cite: [P1x]\n", []string{`story.yaml:4:12: "P1x" is not a paragraph number like P12`}},
		{"paragraph beyond 64 bits", "version: 2\nmarkets:\n  - id: e\n    cite: [99999999999999999999]\n", []string{`story.yaml:4:12: "99999999999999999999" is not a paragraph number like P12`}},
		{"unknown actor kind", "actors:\n  - kind: bank\n", []string{`story.yaml:2:11: "bank" is not a actor kind (one of: company, buyers, institution, person, investor, group)`}},
		{"unknown side", "lines:\n  - side: moon\n", []string{`story.yaml:2:11: "moon" is not a side (one of: us, cn)`}},
		{"unknown openness", "lines:\n  - openness: ajar\n", []string{`story.yaml:2:15: "ajar" is not a openness (one of: open, closed)`}},
		{"unknown qualifier", "figures:\n  - qualifier: roughly\n", []string{`story.yaml:2:16: "roughly" is not a qualifier (one of: exact, about, over, range, several, none)`}},
		{"unknown speaker", "version: 2\nparagraphs:\n  - {speaker: ghost, section: 0}\n", []string{`story.yaml:3:15: "ghost" is not a speaker (one of: narration, summary, heading, interviewer, wang-zhi)`}},
		{"alias bomb", bomb, []string{
			`story.yaml:1:1: unknown key "a" ` + topKeys, `story.yaml:2:1: unknown key "b" ` + topKeys,
			`story.yaml:3:1: unknown key "c" ` + topKeys, `story.yaml:4:1: unknown key "d" ` + topKeys,
			`story.yaml:5:1: unknown key "e" ` + topKeys, `story.yaml:6:1: unknown key "f" ` + topKeys,
			`story.yaml:7:1: unknown key "g" ` + topKeys,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, errs := compileSource(t, c.src)
			if errs != len(got) || !slices.Equal(got, c.want) {
				t.Errorf("%q gives (%d errors)\n  %s\nwant\n  %s", c.src, errs, strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
		})
	}
}

// storyLines is the committed story, one string a line.
func storyLines(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../../../data/story.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(b), "\n")
}

// item returns the line index of the n-th list item ("  - ") of the
// top-level section, and the index where the item ends.
func item(t *testing.T, lines []string, section string, n int) (int, int) {
	t.Helper()
	start := slices.Index(lines, section+":")
	if start < 0 {
		t.Fatalf("data/story.yaml has no %s: section", section)
	}
	k := -1
	for i := start + 1; i < len(lines); i++ {
		l := lines[i]
		if l != "" && l[0] != ' ' && l[0] != '#' {
			break // the next section
		}
		if strings.HasPrefix(l, "  - ") {
			k++
			if k == n {
				end := i + 1
				for end < len(lines) && !strings.HasPrefix(lines[end], "  - ") && (lines[end] == "" || lines[end][0] == ' ' || lines[end][0] == '#') {
					end++
				}
				return i, end
			}
		}
	}
	t.Fatalf("data/story.yaml's %s has no item %d", section, n)
	return 0, 0
}

// field returns the line index of key within the item at [from, to).
func field(t *testing.T, lines []string, from, to int, key string) int {
	t.Helper()
	for i := from; i < to; i++ {
		if l := strings.TrimPrefix(strings.TrimLeft(lines[i], " "), "- "); strings.HasPrefix(l, key+":") {
			return i
		}
	}
	t.Fatalf("no %s: in lines %d–%d of data/story.yaml", key, from+1, to)
	return 0
}

// value returns the value of line l as written.
func value(l string) string {
	_, v, _ := strings.Cut(l, ": ")
	return v
}

// at is the file:line:col of the text mark on line i (0-based) of lines.
func at(t *testing.T, lines []string, i int, mark string) string {
	t.Helper()
	c := strings.Index(lines[i], mark)
	if c < 0 {
		t.Fatalf("%q is not on line %d: %q", mark, i+1, lines[i])
	}
	return fmt.Sprintf("story.yaml:%d:%d", i+1, utf8.RuneCountInString(lines[i][:c])+1)
}

func TestBadInputMeaning(t *testing.T) {
	base := storyLines(t)
	if got, errs := compileSource(t, strings.Join(base, "\n")); errs > 0 {
		t.Fatalf("the committed story has errors: %q", got)
	}
	type edit func(t *testing.T, l []string) (lines []string, want string)
	setLine := func(l []string, i int, s string) []string {
		out := slices.Clone(l)
		out[i] = s
		return out
	}
	cases := []struct {
		name string
		edit edit
	}{
		{"unknown id in a relation", func(t *testing.T, l []string) ([]string, string) {
			s, e := item(t, l, "relations", 0)
			i := field(t, l, s, e, "from")
			l = setLine(l, i, "    from: nobody")
			return l, at(t, l, i, "nobody") + `: unknown id "nobody"`
		}},
		{"reference of the wrong kind", func(t *testing.T, l []string) ([]string, string) {
			ms, me := item(t, l, "markets", 0)
			market := value(l[field(t, l, ms, me, "id")])
			s, e := item(t, l, "relations", 0)
			i := field(t, l, s, e, "from")
			l = setLine(l, i, "    from: "+market)
			return l, at(t, l, i, market) + fmt.Sprintf(`: %q is a market, want a actor or line`, market)
		}},
		{"relation to itself", func(t *testing.T, l []string) ([]string, string) {
			s, e := item(t, l, "relations", 0)
			from := value(l[field(t, l, s, e, "from")])
			i := field(t, l, s, e, "to")
			l = setLine(l, i, "    to: "+from)
			return l, at(t, l, i, from) + fmt.Sprintf(`: relation from %q to itself`, from)
		}},
		{"duplicate id", func(t *testing.T, l []string) ([]string, string) {
			s0, e0 := item(t, l, "scenes", 0)
			first := field(t, l, s0, e0, "id")
			id := value(l[first])
			s1, e1 := item(t, l, "scenes", 1)
			i := field(t, l, s1, e1, "id")
			l = setLine(l, i, "  - id: "+id)
			return l, at(t, l, i, id) + fmt.Sprintf(`: duplicate id %q (first defined at scenes[0])`, id)
		}},
		{"id that is no URL word", func(t *testing.T, l []string) ([]string, string) {
			s, e := item(t, l, "scenes", 1)
			i := field(t, l, s, e, "id")
			l = setLine(l, i, "  - id: Gilded_Age")
			return l, at(t, l, i, "Gilded_Age") + `: id "Gilded_Age" must be lower-case words joined by hyphens (it is used in URLs)`
		}},
		{"paragraph out of range", func(t *testing.T, l []string) ([]string, string) {
			s, e := item(t, l, "scenes", 0)
			i := field(t, l, s, e, "cite")
			l = setLine(l, i, strings.Replace(l[i], "]", ", P76]", 1))
			return l, at(t, l, i, "P76") + ": citation P76 is out of range (the interview has P1–P75)"
		}},
		{"missing Chinese text", func(t *testing.T, l []string) ([]string, string) {
			s, e := item(t, l, "scenes", 1)
			i := field(t, l, s, e, "title")
			l = setLine(l, i, "    title: {en: Title}")
			return l, at(t, l, i, "{") + ": missing Chinese text"
		}},
		{"missing English text", func(t *testing.T, l []string) ([]string, string) {
			s, e := item(t, l, "scenes", 1)
			i := field(t, l, s, e, "title")
			l = setLine(l, i, "    title: {zh: 标题}")
			return l, at(t, l, i, "{") + ": missing English text"
		}},
		{"format version", func(t *testing.T, l []string) ([]string, string) {
			i := slices.Index(l, "version: 3")
			l = setLine(l, i, "version: 4")
			return l, at(t, l, i, "4") + ": format version is 4, this build reads 3"
		}},
		{"scene without duration", func(t *testing.T, l []string) ([]string, string) {
			s, e := item(t, l, "scenes", 1)
			i := field(t, l, s, e, "seconds")
			l = setLine(l, i, "    seconds: 0")
			return l, at(t, l, i, "0") + ": a scene needs a duration in seconds"
		}},
		{"shown twice", func(t *testing.T, l []string) ([]string, string) {
			s, e := item(t, l, "scenes", 1)
			i := field(t, l, s, e, "shows")
			first := strings.TrimPrefix(strings.Split(value(l[i]), ",")[0], "[")
			l = setLine(l, i, strings.Replace(l[i], "]", ", "+first+"!]", 1))
			mark := at(t, l, i, first+"!]")
			l[i] = strings.Replace(l[i], "!]", "]", 1)
			return l, mark + fmt.Sprintf(": %q listed twice", first)
		}},
		{"emphasis not shown", func(t *testing.T, l []string) ([]string, string) {
			s1, e1 := item(t, l, "scenes", 1)
			i := field(t, l, s1, e1, "emphasis")
			l = setLine(l, i, "    emphasis: [nowhere-shown]")
			return l, at(t, l, i, "nowhere-shown") + `: "nowhere-shown" is emphasised but not shown`
		}},
		{"unknown source", func(t *testing.T, l []string) ([]string, string) {
			s, e := item(t, l, "scenes", 1)
			i := field(t, l, s, e, "cite")
			l = slices.Insert(slices.Clone(l), i+1, "    sources: [no-such-source]")
			return l, at(t, l, i+1, "no-such-source") + `: unknown source "no-such-source"`
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, want := c.edit(t, base)
			got, errs := compileSource(t, strings.Join(l, "\n"))
			var errors []string
			for _, g := range got {
				if !strings.Contains(g, ": warning: ") {
					errors = append(errors, g)
				}
			}
			if errs != 1 || len(errors) != 1 || errors[0] != want {
				t.Errorf("gives %d errors:\n  %s\nwant exactly\n  %s", errs, strings.Join(errors, "\n  "), want)
			}
		})
	}
}

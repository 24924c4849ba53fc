package compile

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/parallel-lines/widget/data"
)

// writeDownloads writes the reader-facing copies of the dataset: story.json,
// one CSV table per kind of element, and README.txt. Every file is a
// function of the story alone, so the same story gives the same bytes.
func writeDownloads(dir string, s *data.Story, js []byte) error {
	files := map[string][]byte{"story.json": js, "README.txt": readme(s)}
	for _, t := range tables(s) {
		b, err := t.csv()
		if err != nil {
			return fmt.Errorf("writing %s: %w", t.name, err)
		}
		files[t.name] = b
	}
	for _, name := range downloadNames {
		if err := WriteFile(filepath.Join(dir, name), files[name]); err != nil {
			return err
		}
	}
	return nil
}

// downloadNames lists what writeDownloads writes, in the order README.txt
// describes it.
var downloadNames = []string{
	"README.txt", "story.json", "paragraphs.csv", "lines.csv", "actors.csv", "relations.csv",
	"markets.csv", "flows.csv", "contrasts.csv", "logic.csv", "figures.csv", "quotes.csv",
	"scenes.csv", "claims.csv",
}

// table is one CSV file: a header row, then one row per element.
type table struct {
	name   string
	about  string // one line for README.txt
	header []string
	rows   [][]string
}

// csv writes t as UTF-8 without a byte-order mark, comma-separated, quoted
// where needed (RFC 4180), lines ending in \n.
func (t table) csv() ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(t.header)
	w.WriteAll(t.rows)
	return buf.Bytes(), w.Error()
}

// Column helpers: a text is two columns, zh then en; citations read as the
// interview writes them ("P12 P13"); lists of ids are space-separated.
func bi(name string) []string { return []string{name + "_zh", name + "_en"} }

func txt(t data.Text) []string { return []string{t.Zh, t.En} }

func cites(b data.Basis) []string {
	ps := make([]string, len(b.Cite))
	for i, p := range b.Cite {
		ps[i] = p.String()
	}
	return []string{strings.Join(ps, " "), strings.Join(b.Sources, " ")}
}

var basisCols = []string{"cite", "sources"}

func number(x float64, q data.Qualifier) string {
	if x == 0 && (q == data.Several || q == data.NoValue) {
		return ""
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

func row(parts ...[]string) []string {
	var r []string
	for _, p := range parts {
		r = append(r, p...)
	}
	return r
}

func one(s ...string) []string { return s }

func tables(s *data.Story) []table {
	var ts []table
	add := func(name, about string, header []string, n int, rowOf func(i int) []string) {
		t := table{name: name, about: about, header: header}
		for i := range n {
			t.rows = append(t.rows, rowOf(i))
		}
		ts = append(ts, t)
	}

	add("paragraphs.csv", "who speaks in each paragraph of the interview, and its section (0 = introduction)",
		one("paragraph", "speaker", "section"), len(s.Paragraphs), func(i int) []string {
			p := s.Paragraphs[i]
			return one(data.Para(i+1).String(), p.Speaker.String(), strconv.Itoa(int(p.Section)))
		})

	noteCols := func(name string) []string { return row(bi(name), one(name+"_cite", name+"_sources")) }
	note := func(n data.Note) []string { return row(txt(n.Text), cites(n.Basis)) }
	add("lines.csv", "the two lines (ecosystems) and their strategies",
		row(one("id", "side"), bi("name"), noteCols("goal"), noteCols("metaphor"), noteCols("question"),
			one("openness"), noteCols("open_note"), one("mode"), noteCols("mode_note"), basisCols),
		len(s.Lines), func(i int) []string {
			l := s.Lines[i]
			return row(one(l.ID, l.Side.String()), txt(l.Name), note(l.Goal), note(l.Metaphor), note(l.Question),
				one(l.Openness.String()), note(l.OpenNote), one(l.Mode.String()), note(l.ModeNote), cites(l.Basis))
		})

	add("actors.csv", "companies, buyer groups, institutions and people; line is the line they belong to, if any",
		row(one("id", "kind", "line"), bi("name"), bi("role"), basisCols, one("quote", "speaks")),
		len(s.Actors), func(i int) []string {
			a := s.Actors[i]
			speaks := make([]string, len(a.Speaks))
			for i, sp := range a.Speaks {
				speaks[i] = sp.String()
			}
			return row(one(a.ID, a.Kind.String(), a.Line), txt(a.Name), txt(a.Role), cites(a.Basis), one(a.Quote, strings.Join(speaks, " ")))
		})

	add("relations.csv", "ties between actors (or an actor and a line); from and to are actor or line ids; for a business tie, fact is the words of its quote that state it",
		row(one("id", "kind", "from", "to"), bi("label"), basisCols, one("quote"), bi("fact")),
		len(s.Relations), func(i int) []string {
			r := s.Relations[i]
			return row(one(r.ID, r.Kind.String(), r.From, r.To), txt(r.Label), cites(r.Basis), one(r.Quote), txt(r.Fact))
		})

	add("markets.csv", "third-party markets between the two lines",
		row(one("id"), bi("name"), bi("has"), bi("lacks"), basisCols, one("quote")),
		len(s.Markets), func(i int) []string {
			m := s.Markets[i]
			return row(one(m.ID), txt(m.Name), txt(m.Has), txt(m.Lacks), cites(m.Basis), one(m.Quote))
		})

	add("flows.csv", "what each line offers the third-party markets; from is a line id, to lists market ids",
		row(one("id", "from", "to"), bi("what"), basisCols, one("quote")),
		len(s.Flows), func(i int) []string {
			f := s.Flows[i]
			return row(one(f.ID, f.From, strings.Join(f.To, " ")), txt(f.What), cites(f.Basis), one(f.Quote))
		})

	add("contrasts.csv", "the two lines side by side, topic by topic",
		row(one("id"), bi("topic"), bi("us"), bi("cn"), basisCols),
		len(s.Contrasts), func(i int) []string {
			c := s.Contrasts[i]
			return row(one(c.ID), txt(c.Topic), txt(c.US), txt(c.CN), cites(c.Basis))
		})

	add("logic.csv", "steps of the investment argument: judgements, shifts (from one criterion to another) and legs",
		row(one("id", "market", "kind"), bi("from"), bi("to"), bi("text"), basisCols),
		len(s.Logic), func(i int) []string {
			l := s.Logic[i]
			return row(one(l.ID, l.Market.String(), l.Kind.String()), txt(l.From), txt(l.To), txt(l.Text), cites(l.Basis))
		})

	add("figures.csv", "numbers and dates from the interview; qualifier says how exact (max is the top of a range)",
		row(one("id", "value", "max", "qualifier"), bi("unit"), bi("label"), basisCols),
		len(s.Figures), func(i int) []string {
			f := s.Figures[i]
			hi := ""
			if f.Qualifier == data.Range || f.Max != 0 {
				hi = strconv.FormatFloat(f.Max, 'f', -1, 64)
			}
			return row(one(f.ID, number(f.Value, f.Qualifier), hi, f.Qualifier.String()), txt(f.Unit), txt(f.Label), cites(f.Basis))
		})

	add("quotes.csv", "passages in the speaker's own words, verbatim from the Chinese text and the English translation; voice is who speaks in the cited paragraph",
		row(one("id", "speaker", "voice"), bi("speaker_name"), bi("text"), basisCols),
		len(s.Quotes), func(i int) []string {
			q := s.Quotes[i]
			v, _ := s.QuoteVoice(q)
			return row(one(q.ID, q.Speaker, v.String()), txt(s.SpeakerName(q)), txt(q.Text), cites(q.Basis))
		})

	add("scenes.csv", "the steps of the story in order; shows and emphasis list element ids",
		row(one("id", "order"), bi("title"), bi("caption"), bi("notes"), one("seconds", "shows", "emphasis"), basisCols),
		len(s.Scenes), func(i int) []string {
			sc := s.Scenes[i]
			return row(one(sc.ID, strconv.Itoa(i+1)), txt(sc.Title), txt(sc.Caption), txt(sc.Notes),
				one(strconv.Itoa(int(sc.Seconds)), strings.Join(sc.Shows, " "), strings.Join(sc.Emphasis, " ")), cites(sc.Basis))
		})

	carried := carriers(s)
	add("claims.csv", "the claims index: each claim's paragraphs, the elements that carry it, or why it is left out",
		one("id", "cite", "carried_by", "omit"),
		len(s.Claims), func(i int) []string {
			c := s.Claims[i]
			return one(c.ID, cites(data.Basis{Cite: c.Paras})[0], strings.Join(carried[c.ID], " "), c.Omit)
		})
	return ts
}

// carriers maps each claim id to the ids of the elements that carry it (in
// story order, each once; meta for the dataset's own description).
func carriers(s *data.Story) map[string][]string {
	out := map[string][]string{}
	add := func(id string, bs ...data.Basis) {
		for _, b := range bs {
			for _, c := range b.Claims {
				if l := out[c]; len(l) == 0 || l[len(l)-1] != id {
					out[c] = append(l, id)
				}
			}
		}
	}
	add("meta", s.Meta.Basis)
	for _, e := range s.Elements() {
		if e.Kind == data.KindLine { // a line's notes carry claims of their own
			x := s.Lines[e.Index]
			add(e.ID, x.Goal.Basis, x.Metaphor.Basis, x.Question.Basis, x.OpenNote.Basis, x.ModeNote.Basis)
		}
		add(e.ID, *e.Basis)
	}
	return out
}

// readme says where the data comes from, whose statements these are, under
// what terms, and what each file holds.
func readme(s *data.Story) []byte {
	m := s.Meta
	var b strings.Builder
	line := func(ls ...string) { // as they are: labels, Chinese text
		for _, l := range ls {
			b.WriteString(l + "\n")
		}
		b.WriteByte('\n')
	}
	prose := func(en string) { line(wrap(en, 76)) }
	label := func(name string, t data.Text) string {
		if t.Zh == t.En {
			return fmt.Sprintf("%-13s %s", name, t.En)
		}
		return fmt.Sprintf("%-13s %s\n%-13s %s", name, t.En, "", t.Zh)
	}
	line(m.Title.En, m.Title.Zh)
	line("SOURCE")
	line(label("Outlet:", m.Outlet), label("Headline:", m.Headline), label("Published:", m.Published),
		label("Byline:", m.Byline), label("Interviewee:", m.Interviewee),
		label("Credit:", data.Text{Zh: m.Credit, En: m.Credit}))
	line(wrap(m.Note.En, 76), m.Note.Zh)
	line("WHOSE WORDS")
	prose(fmt.Sprintf("Statements in these files are the interviewee's (see above), as cited: "+
		"every row names the paragraphs of the interview it rests on, P1 to P%d, "+
		"and restates what they say; it is not the view of the dataset's makers. "+
		"Where a paragraph is the outlet's own narration, summary or question, "+
		"paragraphs.csv says so (column speaker), and so do quotes.csv (columns voice and "+
		"speaker_name) and story.json (quoteSpeakers). A view the interviewee reports "+
		"(for example Larry Ellison's) is quoted as his words. Quotes are verbatim from the "+
		"Chinese text and its English translation. Anything the interview does not say names an outside "+
		"source in column sources (story.json describes them; this release has %d).",
		len(s.Paragraphs), len(s.Sources)))
	line("LICENCE")
	line(wrap(m.Licence.En, 76), m.Licence.Zh)
	line("FILES")
	prose("All text is UTF-8. The CSV files are comma-separated, with a header row and no " +
		"byte-order mark. Each text has two columns, _zh (Chinese) and _en (English); " +
		"cite lists paragraphs (\"P12 P13\"); other rows are referred to by id, and lists " +
		"of ids are separated by spaces.")
	fmt.Fprintf(&b, "%-15s %s\n", "story.json", "everything in one file, as the widget reads it")
	for _, t := range tables(s) {
		fmt.Fprintf(&b, "%-15s %s\n", t.name, wrap(fmt.Sprintf("%s (%d rows)", t.about, len(t.rows)), 60, 16))
	}
	return []byte(b.String())
}

// wrap breaks s at spaces into lines of at most width bytes (the English
// text it is used for is ASCII but for a few dashes), indenting the lines
// after the first by indent[0] spaces. Existing line breaks are kept.
func wrap(s string, width int, indent ...int) string {
	pad := ""
	if len(indent) > 0 {
		pad = strings.Repeat(" ", indent[0])
	}
	var out strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			out.WriteByte('\n')
		}
		n := 0
		for j, w := range strings.Fields(line) {
			switch {
			case j == 0:
			case n+1+len(w) > width:
				out.WriteString("\n" + pad)
				n = 0
			default:
				out.WriteByte(' ')
				n++
			}
			out.WriteString(w)
			n += len(w)
		}
	}
	return out.String()
}

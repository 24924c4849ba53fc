package layout

import (
	"os"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// fixed measures like a monospaced CJK font: a wide character is one em,
// anything else half an em. It wraps at spaces and between wide characters.
type fixed struct{}

func (fixed) Advance(s string, size float64, _ frame.Weight) float64 {
	w := 0.0
	for _, r := range s {
		if data.Wide(r) {
			w += size
		} else {
			w += size / 2
		}
	}
	return w
}

func (f fixed) Wrap(s string, size float64, w frame.Weight, max float64) []string {
	var lines []string
	line := ""
	for _, word := range tokens(s) {
		if line != "" && f.Advance(strings.TrimRight(line+word, " "), size, w) > max {
			lines = append(lines, strings.TrimRight(line, " "))
			line = strings.TrimLeft(word, " ")
			continue
		}
		line += word
	}
	return append(lines, strings.TrimRight(line, " "))
}

// tokens splits s into words (with their trailing space) and single wide
// characters.
func tokens(s string) []string {
	var out []string
	cur := ""
	for _, r := range s {
		switch {
		case data.Wide(r):
			if cur != "" {
				out = append(out, cur)
			}
			out, cur = append(out, string(r)), ""
		case r == ' ':
			out, cur = append(out, cur+" "), ""
		default:
			cur += string(r)
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

func loadStory(t testing.TB) *data.Story {
	t.Helper()
	b, err := os.ReadFile("../../assets/story.msgpack")
	if err != nil {
		t.Fatal(err)
	}
	s, err := data.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestWideScreenStandsLinesSideBySide(t *testing.T) {
	s := loadStory(t)
	scene := s.SceneIndex("battlefield")
	l := Place(s, scene, Screen{W: 1280, H: 720, Scale: 1}, En, fixed{})
	if l.Portrait {
		t.Fatal("1280×720 laid out as portrait")
	}
	us, _ := l.Item("us")
	cn, _ := l.Item("cn")
	if us.A.X != us.B.X || cn.A.X != cn.B.X {
		t.Fatalf("lines are not upright: %v %v", us, cn)
	}
	if us.A.X >= cn.A.X {
		t.Fatalf("US line (x=%v) is not left of China's (x=%v)", us.A.X, cn.A.X)
	}
	for _, id := range []string{"europe", "japan", "korea", "southeast-asia"} {
		m, ok := l.Item(id)
		if !ok {
			t.Fatalf("market %s not placed", id)
		}
		if m.A.X <= us.A.X || m.A.X >= cn.A.X {
			t.Errorf("market %s at x=%v is not between the lines", id, m.A.X)
		}
	}
}

func TestTallScreenLaysLinesAcross(t *testing.T) {
	s := loadStory(t)
	l := Place(s, s.SceneIndex("battlefield"), Screen{W: 1170, H: 2532, Scale: 3}, Zh, fixed{})
	if !l.Portrait {
		t.Fatal("390×844 laid out as landscape")
	}
	us, _ := l.Item("us")
	cn, _ := l.Item("cn")
	if us.A.Y != us.B.Y || us.A.Y >= cn.A.Y {
		t.Fatalf("want a level US line above China's: %v %v", us, cn)
	}
	for _, id := range []string{"europe", "japan", "korea", "southeast-asia"} {
		m, _ := l.Item(id)
		if m.A.Y <= us.A.Y || m.A.Y >= cn.A.Y {
			t.Errorf("market %s at y=%v is not between the lines", id, m.A.Y)
		}
	}
}

// Every label stays on the canvas and clear of every other label, for every
// scene, in both languages, on a spread of screens.
func TestLabelsFitAndDoNotOverlap(t *testing.T) {
	s := loadStory(t)
	// Device pixels: CSS size × device scale factor.
	screens := []Screen{{1280, 720, 1}, {3840, 2160, 2}, {1170, 2532, 3}, {1536, 2048, 2}, {1024, 600, 1}}
	for _, scr := range screens {
		for scene := range s.Scenes {
			for _, lang := range []Lang{Zh, En} {
				l := Place(s, scene, scr, lang, fixed{})
				canvas := Rect{0, 0, float64(scr.W), float64(scr.H)}
				for i, a := range l.Runs {
					if !a.Box.Inside(canvas) {
						t.Errorf("%v scene %s lang %d: %q at %+v leaves the canvas", scr, s.Scenes[scene].ID, lang, a.Text, a.Box)
					}
					for _, b := range l.Runs[i+1:] {
						if a.Box.Overlaps(b.Box) {
							t.Errorf("%v scene %s lang %d: %q overlaps %q", scr, s.Scenes[scene].ID, lang, a.Text, b.Text)
						}
					}
				}
			}
		}
	}
}

func TestEveryShownElementIsPlaced(t *testing.T) {
	s := loadStory(t)
	for i, sc := range s.Scenes {
		l := Place(s, i, Screen{1280, 720, 1}, Zh, fixed{})
		placed := map[string]bool{}
		for _, it := range l.Items {
			placed[it.ID] = true
		}
		for _, k := range l.Links {
			placed[k.ID] = true
		}
		for _, r := range l.Runs {
			placed[r.Owner] = true
		}
		for _, id := range l.Folded {
			placed[id] = true
		}
		for _, id := range sc.Shows {
			if !placed[id] {
				t.Errorf("scene %s shows %s but the layout has no place for it", sc.ID, id)
			}
		}
	}
}


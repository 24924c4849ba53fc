package widget

import (
	"fmt"
	"image/color"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
	"github.com/parallel-lines/widget/wasm/text"
	"github.com/parallel-lines/widget/wasm/typeset"
)

// The rules a graphics desk checks, over the whole grid of screens (280×200
// to 3840×2160 CSS pixels, at 1× and 2×), every scene, both languages, read
// from the frame's description (what inspect() returns), with the shipped
// font: no text cut or ending in an ellipsis its source lacks; no Western
// word split; no text off the canvas or over other text; no stroke through
// a text's box padded by 4 px unless the text has a halo; no text under 12
// CSS px (13 with Chinese) on a phone; and text at 4.5:1, strokes at 3:1,
// in both themes.
func TestFrameRulesOverTheGrid(t *testing.T) {
	s := layouttest.Story(t)
	fonts, err := typeset.Load(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	var inv []string
	for _, e := range Inventory(s) {
		inv = append(inv, e.Text)
	}
	words := map[string]bool{}
	for _, x := range inv {
		for _, w := range latinWord.FindAllString(x, -1) {
			words[w] = true
		}
	}
	all := strings.Join(inv, "\n")
	// The runes with a bold glyph of their own: the subset's bold set holds
	// only what the inventory marks bold.
	font, err := text.Load(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	boldRunes := map[rune]bool{}
	for _, r := range font.Runes(text.Bold) {
		boldRunes[r] = true
	}
	counts := map[string]int{}
	examples := map[string][]string{}
	fail := func(rule, f string, args ...any) {
		counts[rule]++
		if len(examples[rule]) < 6 {
			examples[rule] = append(examples[rule], fmt.Sprintf(f, args...))
		}
	}
	for _, scr := range grid() {
		phone := short(scr) >= 320 && short(scr) <= 480
		for i := range s.Scenes {
			for _, lang := range []layout.Lang{layout.Zh, layout.En} {
				w := New(s, fonts, scr, lang, i)
				w.SetReducedMotion(true)
				settle(w)
				where := fmt.Sprintf("%gx%g@%g %s %s", float64(scr.W)/scr.Scale, float64(scr.H)/scr.Scale, scr.Scale, w.SceneID(), map[layout.Lang]string{0: "zh", 1: "en"}[lang])
				if scr.Present {
					where += " presenting"
				}
				d := w.Describe()
				if scr.Present {
					for _, t := range d.Texts {
						if t.Px < d.Height/30-0.01 {
							fail("text too small to present", "%s: %q at %.1f px on a %g px high screen", where, t.Text, t.Px, d.Height)
						}
					}
				}
				checkFrame(d, where, phone, words, all, fail)
				for _, t := range d.Texts {
					for _, r := range t.Text {
						if t.Bold && r > ' ' && !boldRunes[r] {
							fail("bold without a bold glyph", "%s: %q in %q (add it to layout.BoldText)", where, r, t.Text)
						}
					}
				}
				w.SetTheme(Dark)
				checkContrast(w.Describe(), Dark, where+" dark", fail)
				w.SetTheme(Light)
				checkContrast(d, Light, where+" light", fail)
			}
		}
	}
	var rules []string
	for r := range counts {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	for _, r := range rules {
		t.Errorf("%s: %d, e.g.\n\t%s", r, counts[r], strings.Join(examples[r], "\n\t"))
	}
}

var latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z0-9]*`)

func short(scr layout.Screen) float64 { return math.Min(float64(scr.W), float64(scr.H)) / scr.Scale }

func grid() []layout.Screen {
	var out []layout.Screen
	for _, w := range []int{280, 390, 768, 1280, 1920, 3840} {
		for _, h := range []int{200, 480, 844, 1080, 2160} {
			for _, s := range []int{1, 2} {
				out = append(out, layout.Screen{W: w * s, H: h * s, Scale: float64(s)})
			}
		}
	}
	// The review's screens and other common ones.
	for _, sz := range [][2]int{{1280, 720}, {844, 390}, {1366, 768}, {360, 640}, {1024, 600}} {
		for _, s := range []int{1, 2} {
			out = append(out, layout.Screen{W: sz[0] * s, H: sz[1] * s, Scale: float64(s)})
		}
	}
	// Presenting in a room: projectors and large screens.
	for _, sz := range [][2]int{{1280, 720}, {1920, 1080}, {3840, 2160}, {1024, 768}} {
		for _, s := range []int{1, 2} {
			out = append(out, layout.Screen{W: sz[0] * s, H: sz[1] * s, Scale: float64(s), Present: true})
		}
	}
	// Embedded with ?controls=0: a host drives the scenes, the stage takes
	// the controls' room.
	for _, sz := range [][2]int{{1200, 675}, {390, 844}, {280, 200}} {
		out = append(out, layout.Screen{W: sz[0], H: sz[1], Scale: 1, NoControls: true})
	}
	return out
}

type box struct{ x, y, w, h float64 }

func (a box) overlaps(b box) bool {
	const eps = 0.5
	return a.x+eps < b.x+b.w && b.x+eps < a.x+a.w && a.y+eps < b.y+b.h && b.y+eps < a.y+a.h
}

func hasWide(s string) bool {
	for _, r := range s {
		if r >= 0x2e80 {
			return true
		}
	}
	return false
}

func checkFrame(d Description, where string, phone bool, words map[string]bool, all string, fail func(string, string, ...any)) {
	for i, t := range d.Texts {
		b := box{t.X, t.Y, t.W, t.H}
		if strings.HasSuffix(strings.TrimSpace(t.Text), "…") && !strings.Contains(all, t.Text) {
			fail("cut with an ellipsis", "%s: %q", where, t.Text)
		}
		for _, wd := range latinWord.FindAllString(t.Text, -1) {
			if !words[wd] {
				fail("word split", "%s: %q in %q", where, wd, t.Text)
			}
		}
		if b.x < -0.5 || b.y < -0.5 || b.x+b.w > d.Width+0.5 || b.y+b.h > d.Height+0.5 {
			fail("text off the canvas", "%s: %q at %+v", where, t.Text, b)
		}
		for _, o := range d.Texts[i+1:] {
			if b.overlaps(box{o.X, o.Y, o.W, o.H}) {
				fail("text over text", "%s: %q and %q", where, t.Text, o.Text)
			}
		}
		if phone {
			min := 12.0
			if hasWide(t.Text) {
				min = 13
			}
			if t.Px < min-0.01 {
				fail("text too small on a phone", "%s: %q at %.1f px", where, t.Text, t.Px)
			}
		}
		if t.Halo {
			continue
		}
		pad := box{b.x - 4, b.y - 4, b.w + 8, b.h + 8}
		for _, st := range d.Strokes {
			if crosses(st.Points, pad) {
				fail("stroke through text", "%s: a %s stroke through %q", where, st.Color, t.Text)
				break
			}
		}
	}
}

// crosses reports whether the polyline enters the box.
func crosses(pts [][2]float64, b box) bool {
	for i := 1; i < len(pts); i++ {
		if segBox(pts[i-1], pts[i], b) {
			return true
		}
	}
	return len(pts) == 1 && inBox(pts[0], b)
}

func inBox(p [2]float64, b box) bool {
	return p[0] > b.x && p[0] < b.x+b.w && p[1] > b.y && p[1] < b.y+b.h
}

// segBox clips the segment to the box (Liang–Barsky).
func segBox(a, c [2]float64, b box) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := c[0]-a[0], c[1]-a[1]
	for _, e := range [][2]float64{{-dx, a[0] - b.x}, {dx, b.x + b.w - a[0]}, {-dy, a[1] - b.y}, {dy, b.y + b.h - a[1]}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q <= 0 {
				return false
			}
			continue
		}
		r := q / p
		if p < 0 {
			t0 = math.Max(t0, r)
		} else {
			t1 = math.Min(t1, r)
		}
		if t0 >= t1 {
			return false
		}
	}
	return true
}

func parseHex(s string) color.NRGBA {
	v, _ := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}
}

func checkContrast(d Description, th Theme, where string, fail func(string, string, ...any)) {
	for _, t := range d.Texts {
		if r := contrast(parseHex(t.Color), th.Background); r < 4.5 {
			fail("text contrast", "%s: %q at %.2f:1", where, t.Text, r)
		}
	}
	for _, st := range d.Strokes {
		if c := parseHex(st.Color); c != th.Rule && contrast(c, th.Background) < 3 {
			fail("stroke contrast", "%s: a %s stroke at %.2f:1", where, st.Color, contrast(c, th.Background))
		}
	}
}

// With NoControls the frame has no on-canvas controls at all, and the stage
// reaches further down than with them.
func TestNoControls(t *testing.T) {
	s := layouttest.Story(t)
	for _, scr := range []layout.Screen{{W: 1200, H: 675, Scale: 1}, {W: 390, H: 844, Scale: 1}} {
		with := New(s, mono{}, scr, layout.En, 3)
		bare := scr
		bare.NoControls = true
		without := New(s, mono{}, bare, layout.En, 3)
		settle(with)
		settle(without)
		if n := len(with.Describe().Controls); n == 0 {
			t.Fatalf("%dx%d: no controls even with them on", scr.W, scr.H)
		}
		if d := without.Describe(); len(d.Controls) != 0 {
			t.Errorf("%dx%d with NoControls: %d controls, want none", scr.W, scr.H, len(d.Controls))
		}
		if a, b := with.Layout().Stage, without.Layout().Stage; b.H <= a.H {
			t.Errorf("%dx%d: the stage is %.0f px tall without controls, %.0f with; want taller", scr.W, scr.H, b.H, a.H)
		}
	}
}

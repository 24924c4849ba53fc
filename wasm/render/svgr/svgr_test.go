package svgr_test

import (
	"bytes"
	"encoding/xml"
	"image/color"
	"io"
	"strings"
	"testing"

	"github.com/parallel-lines/widget/assets"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
	"github.com/parallel-lines/widget/wasm/layout/layouttest"
	"github.com/parallel-lines/widget/wasm/render/svgr"
	"github.com/parallel-lines/widget/wasm/typeset"
	"github.com/parallel-lines/widget/wasm/widget"
)

func settled(t *testing.T, lang layout.Lang, scene string) (frame.List, *typeset.Fonts) {
	t.Helper()
	s := layouttest.Story(t)
	f, err := typeset.Load(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	w := widget.New(s, f, layout.Screen{W: 1200, H: 675, Scale: 1}, lang, s.SceneIndex(scene))
	w.SetReducedMotion(true)
	for w.Animating() {
		w.Tick(1)
	}
	return w.Frame(), f
}

// element is what the test reads back from the document.
type element struct {
	name  string
	attrs map[string]string
	text  string
}

// parse checks that b is well-formed XML and returns its elements in order.
func parse(t *testing.T, b []byte) []element {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var out []element
	var stack []int
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			el := element{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				el.attrs[a.Name.Local] = a.Value
			}
			out = append(out, el)
			stack = append(stack, len(out)-1)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				out[stack[len(stack)-1]].text += string(tok)
			}
		}
	}
	if len(out) == 0 || out[0].name != "svg" {
		t.Fatal("document has no <svg> root")
	}
	return out
}

// Every fill and stroke of a real frame becomes a path in painting order,
// every visible glyph a <use> of an outline, and every run of text a
// <text> with its words, at the size the rasterising backends use.
func TestEveryOpIsDrawn(t *testing.T) {
	for _, lang := range []layout.Lang{layout.Zh, layout.En} {
		l, f := settled(t, lang, "battlefield")
		var buf bytes.Buffer
		if err := svgr.Write(&buf, &l, f, svgr.Meta{Title: "T", Desc: "D", Lang: "en"}); err != nil {
			t.Fatal(err)
		}
		els := parse(t, buf.Bytes())
		if els[0].attrs["width"] != "1200" || els[0].attrs["viewBox"] != "0 0 1200 675" {
			t.Fatalf("root: %v", els[0].attrs)
		}
		var shapes, uses []element
		var texts []string
		inDefs := false
		for _, e := range els {
			switch e.name {
			case "defs":
				inDefs = true
			case "g":
				inDefs = false
			case "path":
				if !inDefs {
					shapes = append(shapes, e)
				}
			case "use":
				uses = append(uses, e)
			case "text":
				texts = append(texts, e.text)
			}
		}
		var wantShapes, wantGlyphs int
		var wantTexts []string
		for _, op := range l.Ops {
			switch op.Kind {
			case frame.Fill, frame.Stroke:
				wantShapes++
			case frame.Text:
				for _, r := range op.Text {
					if p, _, ok := f.Outline(r, op.Font, float64(op.Size)); ok && len(p.Verbs) > 0 {
						wantGlyphs++
					}
				}
				if strings.TrimSpace(op.Text) != "" {
					wantTexts = append(wantTexts, op.Text)
				}
			}
		}
		if wantShapes == 0 || wantGlyphs == 0 {
			t.Fatal("the frame has no shapes or no text")
		}
		if len(shapes) != wantShapes {
			t.Errorf("%d shape paths for %d fill/stroke ops", len(shapes), wantShapes)
		}
		// Painting order and colour: the i-th shape op is the i-th path.
		i := 0
		for _, op := range l.Ops {
			if op.Kind == frame.Text || i >= len(shapes) {
				continue
			}
			attr := "fill"
			if op.Kind == frame.Stroke {
				attr = "stroke"
			}
			if got, want := shapes[i].attrs[attr], hex(op.Color); got != want {
				t.Errorf("shape %d: %s=%q, want %q", i, attr, got, want)
			}
			i++
		}
		if len(uses) != wantGlyphs {
			t.Errorf("%d glyphs placed, want %d", len(uses), wantGlyphs)
		}
		if strings.Join(texts, "\n") != strings.Join(wantTexts, "\n") {
			t.Errorf("text layer:\n%q\nwant\n%q", texts, wantTexts)
		}
	}
}

func hex(c color.NRGBA) string {
	const digits = "0123456789abcdef"
	b := []byte{'#', 0, 0, 0, 0, 0, 0}
	for i, v := range []uint8{c.R, c.G, c.B} {
		b[1+2*i], b[2+2*i] = digits[v>>4], digits[v&15]
	}
	return string(b)
}

// The same frame gives the same bytes: the posters are committed and
// compared, and a diff should mean the picture changed.
func TestDeterministic(t *testing.T) {
	l, f := settled(t, layout.En, "battlefield")
	var a, b bytes.Buffer
	if err := svgr.Write(&a, &l, f, svgr.Meta{}); err != nil {
		t.Fatal(err)
	}
	l2, _ := settled(t, layout.En, "battlefield")
	if err := svgr.Write(&b, &l2, f, svgr.Meta{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two writes of the same frame differ")
	}
}

// Text that looks like markup, and characters XML forbids, cannot break
// the document.
func TestEscapes(t *testing.T) {
	f, err := typeset.Load(assets.Font)
	if err != nil {
		t.Fatal(err)
	}
	l := frame.List{W: 10, H: 10, Background: color.NRGBA{A: 0xff}}
	l.Text(`a<b>&"c"`+"\x00\x01", frame.Point{X: 1, Y: 8}, 12, frame.Regular, color.NRGBA{R: 1, A: 0x80})
	var buf bytes.Buffer
	if err := svgr.Write(&buf, &l, f, svgr.Meta{Title: "</title><script>", Desc: "&"}); err != nil {
		t.Fatal(err)
	}
	els := parse(t, buf.Bytes())
	var got []string
	for _, e := range els {
		switch e.name {
		case "title", "desc", "text":
			got = append(got, e.text)
		case "script":
			t.Fatal("markup in a title became an element")
		}
	}
	if want := []string{"</title><script>", "&", `a<b>&"c"`}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("read back %q, want %q", got, want)
	}
}

// A writer that fails makes Write fail rather than report success.
func TestWriteError(t *testing.T) {
	l, f := settled(t, layout.En, "battlefield")
	if err := svgr.Write(failing{}, &l, f, svgr.Meta{}); err == nil {
		t.Fatal("no error from a failing writer")
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

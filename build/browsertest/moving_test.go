package browsertest

import (
	"image"
	"image/color"
	"net/url"
	"testing"

	"github.com/parallel-lines/widget/build/internal/browser"
)

// coreTolerance is how far (in any one channel) a pixel inside a shape of a
// moving frame may be from the same pixel once the picture rests. Inside a
// shape both are the shape's colour (meshes from wasm/render/fringe in
// both); composited layers round by a level or two.
const coreTolerance = 24

// maxCoreMiss is the share of shape interiors a moving frame may get wrong:
// particles crossing a marker or a label.
const maxCoreMiss = 0.01

// TestMovingFrameKeepsItsShapes opens a flow scene, whose particles run for
// 8 s while the rest of the picture stands still, and screenshots a frame
// while they run: its strokes and fills are drawn from meshes (the frame is
// gone within a tick), the links with them, since particles are drawn in
// between. Every pixel inside a shape of the picture at rest (a pixel whose
// whole 3×3 neighbourhood has one colour far from the background) must have
// that colour in the moving frame too: a mesh that is missing, misplaced,
// or wrongly coloured or blended fails it. The particles are the links'
// colour, so they do not change a link's interior.
func TestMovingFrameKeepsItsShapes(t *testing.T) {
	scene := flowScene(t)
	srv := serveDir(t, requireDist(t))
	b := startBrowserWith(t, browser.Options{Width: tourWidth, Height: tourHeight})
	b.screenshotOnFailure(t)
	mark := len(b.Problems())
	u := srv.URL + "/?scene=" + url.QueryEscape(scene) + "&lang=en"
	if err := b.Navigate(u); err != nil {
		t.Fatal(err)
	}
	if st, err := b.WaitForState(readyTimeout); err != nil || st != "ready" {
		t.Fatalf("%s: state %q: %v", u, st, err)
	}
	if m := b.attr(t, motionAttr); m != "moving" {
		t.Fatalf("%s: data-widget-motion is %q when ready, want moving (its particles run for 8 s)", scene, m)
	}
	// The scene draws itself in first. Its strokes and texts stand still
	// once that is over (the particles are fills), and only then is a
	// moving frame the picture at rest plus particles: on a busy machine
	// the screenshot could otherwise catch the entrance.
	standing := `(() => { const d = JSON.parse(window.parallelLines.inspect()); return JSON.stringify([d.strokes, d.texts]); })()`
	var last string
	seen := 0
	if _, err := browser.WaitFor(b.Browser, settleTimeout, standing, func(s string) bool {
		if s == last {
			seen++
		} else {
			last, seen = s, 0
		}
		return seen >= 4 // the same for 200 ms
	}); err != nil {
		t.Fatalf("%s: the entrance did not end: %v", scene, err)
	}
	moving := b.shot(t)
	if m := b.attr(t, motionAttr); m != "moving" {
		t.Fatalf("%s: the particles stopped before the screenshot was taken (data-widget-motion=%q)", scene, m)
	}
	if err := b.WaitForAttr(motionAttr, "still", settleTimeout); err != nil {
		t.Fatal(err)
	}
	still := b.shot(t)
	if n, _ := differentPixels(moving, still); n == 0 {
		t.Fatal("the moving frame is the same as the one at rest: no particles were caught, so this checks nothing")
	}

	bg, _ := dominantColour(still)
	r := still.Bounds()
	var cores, missed int
	worst, at := 0, image.Point{}
	for y := r.Min.Y + 1; y < r.Max.Y-1; y++ {
		for x := r.Min.X + 1; x < r.Max.X-1; x++ {
			c := rgba(still.At(x, y))
			if colourDistance(c, bg) < 64 || !uniform(still, x, y, c) {
				continue
			}
			cores++
			if d := colourDistance(c, rgba(moving.At(x, y))); d > coreTolerance {
				missed++
				if d > worst {
					worst, at = d, image.Pt(x, y)
				}
			}
		}
	}
	t.Logf("%s: %d pixels inside shapes at rest; the moving frame is off by more than %d at %d of them (worst %d at %v)",
		scene, cores, coreTolerance, missed, worst, at)
	if cores < 500 {
		t.Fatalf("only %d pixels inside shapes at rest: too few to check", cores)
	}
	if float64(missed) > maxCoreMiss*float64(cores) {
		t.Errorf("the moving frame differs from the picture at rest inside %d of %d shape pixels (more than %.0f%%), worst by %d at %v",
			missed, cores, 100*maxCoreMiss, worst, at)
	}
	b.checkNoProblems(t, mark)
}

func rgba(c color.Color) color.RGBA {
	r, g, b, _ := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff}
}

// uniform reports whether the 3×3 neighbourhood of (x, y) is all c.
func uniform(img image.Image, x, y int, c color.RGBA) bool {
	for dy := -1; dy <= 1; dy++ {
		for dx := -1; dx <= 1; dx++ {
			if rgba(img.At(x+dx, y+dy)) != c {
				return false
			}
		}
	}
	return true
}

package layout

import "fmt"

// Problems lists what is wrong with a layout: text or controls that leave
// the canvas, and any two of them that overlap. Tests run it over a grid of
// screens; it is cheap enough to run in a debug build as well.
func Problems(l *Layout) []string {
	canvas := Rect{0, 0, float64(l.Screen.W), float64(l.Screen.H)}
	type box struct {
		what string
		r    Rect
	}
	var boxes []box
	for _, r := range l.Runs {
		boxes = append(boxes, box{fmt.Sprintf("text %q", r.Text), r.Box})
	}
	for _, c := range l.Controls {
		boxes = append(boxes, box{c.ID(), c.Box})
	}
	var out []string
	for i, a := range boxes {
		if !a.r.Inside(canvas) {
			out = append(out, fmt.Sprintf("%s at %v leaves the %gx%g canvas", a.what, a.r, canvas.W, canvas.H))
		}
		for _, b := range boxes[i+1:] {
			if a.r.Overlaps(b.r) {
				out = append(out, fmt.Sprintf("%s overlaps %s", a.what, b.what))
			}
		}
	}
	// The spine is labelled in every scene: each line carries its name.
	named := map[string]bool{}
	for _, r := range l.Runs {
		if r.Role == Heading {
			named[r.Owner] = true
		}
	}
	for _, it := range l.Items {
		if it.Kind == LineItem && !named[it.ID] {
			out = append(out, fmt.Sprintf("line %s has no name on screen", it.ID))
		}
	}
	return out
}

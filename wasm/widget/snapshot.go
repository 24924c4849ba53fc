package widget

import (
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
)

// snapshot is what is on screen at one instant: every item, link and text run
// with how much of it shows. A transition mixes two snapshots; interrupting
// one takes a snapshot of the mix and starts again from there.
type snapshot struct {
	items []itemState
	marks []markState
	links []linkState
	runs  []runState
}

type markState struct {
	layout.Mark
	key     string // Key and its occurrence, so repeated keys pair in order
	alpha   float64
	leaving bool
}

type itemState struct {
	layout.Item
	alpha   float64
	drawn   float64 // how much of a line has drawn in, 0 to 1
	leaving bool    // fading out: not in the scene being moved to
}

type linkState struct {
	layout.Link
	alpha   float64
	leaving bool
}

type runState struct {
	layout.Run
	alpha   float64
	leaving bool
}

// departed returns s without what was on its way out. A transition that is
// interrupted starts the next one from here: what was leaving goes at once,
// so paging quickly never carries earlier scenes along as ghosts.
func (s snapshot) departed() snapshot {
	var out snapshot
	for _, x := range s.items {
		if !x.leaving {
			out.items = append(out.items, x)
		}
	}
	for _, x := range s.marks {
		if !x.leaving {
			out.marks = append(out.marks, x)
		}
	}
	for _, x := range s.links {
		if !x.leaving {
			out.links = append(out.links, x)
		}
	}
	for _, x := range s.runs {
		if !x.leaving {
			out.runs = append(out.runs, x)
		}
	}
	return out
}

func fromLayout(l *layout.Layout) snapshot {
	var s snapshot
	for _, it := range l.Items {
		s.items = append(s.items, itemState{Item: it, alpha: 1, drawn: 1})
	}
	seen := map[string]int{}
	for _, m := range l.Marks {
		k := m.Key + "\x00" + m.Owner
		seen[k]++
		s.marks = append(s.marks, markState{Mark: m, key: k + "\x00" + itoa(seen[k]), alpha: 1})
	}
	for _, k := range l.Links {
		s.links = append(s.links, linkState{Link: k, alpha: 1})
	}
	for _, r := range l.Runs {
		s.runs = append(s.runs, runState{Run: r, alpha: 1})
	}
	return s
}

func lerp(a, b, t float64) float64 { return a + (b-a)*t }

func lerpPt(a, b frame.Point, t float64) frame.Point { return frame.Lerp(a, b, float32(t)) }

// mix blends a into b at t. Things in both travel (when move is set) and keep
// their opacity; things only in a fade out where they stand, things only in b
// fade in where they will stand. Lines that enter draw in from their start.
func mix(a, b snapshot, t float64, move bool) snapshot {
	var out snapshot
	pos := t
	if !move {
		pos = 1
	}

	ai := map[string]int{}
	for i, it := range a.items {
		ai[it.ID] = i
	}
	inB := map[string]bool{}
	for _, bt := range b.items {
		inB[bt.ID] = true
		at, ok := ai[bt.ID]
		if !ok {
			e := bt
			e.alpha *= t
			e.drawn *= t
			if !move {
				e.drawn = bt.drawn
			}
			out.items = append(out.items, e)
			continue
		}
		old := a.items[at]
		e := bt
		if move {
			e.A, e.B = lerpPt(old.A, bt.A, pos), lerpPt(old.B, bt.B, pos)
			e.drawn = lerp(old.drawn, bt.drawn, t)
			e.R = lerp(old.R, bt.R, pos)
			e.Width = lerp(old.Width, bt.Width, pos)
			if len(old.Pts) == len(bt.Pts) && len(bt.Pts) > 0 {
				e.Pts = lerpPts(old.Pts, bt.Pts, pos)
			}
		}
		e.Alpha = lerp(old.Alpha, bt.Alpha, t)
		e.alpha = lerp(old.alpha, bt.alpha, t)
		out.items = append(out.items, e)
	}
	for _, it := range a.items {
		if !inB[it.ID] && it.alpha*(1-t) >= visible {
			it.alpha *= 1 - t
			it.leaving = true
			out.items = append(out.items, it)
		}
	}

	// Marks with the same key move when their paths have the same shape;
	// any other mark cross-fades.
	am := map[string]int{}
	for i, m := range a.marks {
		am[m.key] = i
	}
	usedM := make([]bool, len(a.marks))
	for _, m := range b.marks {
		if i, ok := am[m.key]; ok && move && sameShape(a.marks[i].Path, m.Path) {
			usedM[i] = true
			old := a.marks[i]
			m.Path = lerpPath(old.Path, m.Path, pos)
			m.Width = lerp(old.Width, m.Width, pos)
			m.alpha = lerp(old.alpha, m.alpha, t)
		} else {
			m.alpha *= t
		}
		out.marks = append(out.marks, m)
	}
	for i, m := range a.marks {
		if !usedM[i] && m.alpha*(1-t) >= visible {
			m.alpha *= 1 - t
			m.leaving = true
			out.marks = append(out.marks, m)
		}
	}

	type linkKey struct{ id, from, to string }
	al := map[linkKey]linkState{}
	for _, k := range a.links {
		al[linkKey{k.ID, k.From, k.To}] = k
	}
	for _, k := range b.links {
		key := linkKey{k.ID, k.From, k.To}
		if old, ok := al[key]; ok {
			k.alpha = lerp(old.alpha, k.alpha, t)
			if move && sameShape(old.Path, k.Path) {
				k.Path = lerpPath(old.Path, k.Path, pos)
			}
			delete(al, key)
		} else {
			k.alpha *= t
		}
		out.links = append(out.links, k)
	}
	for _, k := range a.links { // in a's order, for a stable frame
		if old, ok := al[linkKey{k.ID, k.From, k.To}]; ok && old.alpha*(1-t) >= visible {
			old.alpha *= 1 - t
			old.leaving = true
			out.links = append(out.links, old)
		}
	}

	// A run that says the same thing for the same owner in both travels
	// with its owner; any other run cross-fades.
	type runKey struct {
		owner, text string
		role        layout.Role
	}
	ar := map[runKey][]int{}
	for i, r := range a.runs {
		k := runKey{r.Owner, r.Text, r.Role}
		ar[k] = append(ar[k], i)
	}
	used := make([]bool, len(a.runs))
	for _, r := range b.runs {
		k := runKey{r.Owner, r.Text, r.Role}
		if is := ar[k]; len(is) > 0 && move {
			i := is[0]
			ar[k] = is[1:]
			used[i] = true
			old := a.runs[i]
			r.At = lerpPt(old.At, r.At, pos)
			r.alpha = lerp(old.alpha, r.alpha, t)
		} else {
			r.alpha *= textIn(t)
		}
		out.runs = append(out.runs, r)
	}
	for i, r := range a.runs {
		if !used[i] && r.alpha*textOut(t) >= visible {
			r.alpha *= textOut(t)
			r.leaving = true
			out.runs = append(out.runs, r)
		}
	}
	return out
}

// visible is the least opacity that still shows in 8-bit colour.
const visible = 1.0 / 255

func lerpPts(a, b []frame.Point, t float64) []frame.Point {
	out := make([]frame.Point, len(b))
	for i := range b {
		out[i] = lerpPt(a[i], b[i], t)
	}
	return out
}

// sameShape reports whether two paths have the same commands, so that one
// can move into the other point by point.
func sameShape(a, b frame.Path) bool {
	if len(a.Verbs) != len(b.Verbs) || len(a.Pts) != len(b.Pts) {
		return false
	}
	for i := range a.Verbs {
		if a.Verbs[i] != b.Verbs[i] {
			return false
		}
	}
	return true
}

func lerpPath(a, b frame.Path, t float64) frame.Path {
	if t >= 1 {
		return b
	}
	return frame.Path{Verbs: b.Verbs, Pts: lerpPts(a.Pts, b.Pts, t)}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// Text that changes goes out in the first half of a transition and comes in
// in the second, so two texts never show on top of each other.
func textOut(t float64) float64 { return clamp01(1 - 2*t) }
func textIn(t float64) float64  { return clamp01(2*t - 1) }

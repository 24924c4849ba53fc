package widget

import (
	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
	"github.com/parallel-lines/widget/wasm/layout"
)

// Laying a scene out takes milliseconds (the forms fit and wrap their
// text): done in the first frame of a transition, it was that frame's
// largest cost and the benchmark's p95. So the widget keeps the layouts it
// made, per scene, screen and language, and the host may lay out the scenes
// a reader reaches next while nothing moves (Ahead, Job.Run, Keep): a step
// then starts from a finished layout.

type placeKey struct {
	scene int
	scr   layout.Screen
	lang  layout.Lang
}

// keptLayouts bounds the layouts kept: every scene of the story in one
// screen and language, with room to spare.
const keptLayouts = 24

// place is the layout of scene for the current screen and language.
func (w *Widget) place(scene int) layout.Layout {
	k := placeKey{scene, w.scr, w.lang}
	if l, ok := w.placed[k]; ok {
		return l
	}
	l := layout.Place(w.story, scene, w.scr, w.lang, w.m)
	w.keep(k, l)
	return l
}

// keep remembers a layout, forgetting those for another screen or
// language: the reader who resized or switched is not going back soon.
func (w *Widget) keep(k placeKey, l layout.Layout) {
	if w.placed == nil || len(w.placed) >= keptLayouts {
		w.placed = map[placeKey]layout.Layout{}
	}
	for old := range w.placed {
		if old.scr != k.scr || old.lang != k.lang {
			delete(w.placed, old)
		}
	}
	w.placed[k] = l
}

// Job lays out one scene. It reads only the story and the measurer, so a
// host may run it while the widget rests, away from any frame, and hand the
// result to Keep.
type Job struct {
	key   placeKey
	story *data.Story
	m     layout.Measurer
}

// Laid is a Job's result.
type Laid struct {
	key placeKey
	l   layout.Layout
}

// Run lays the scene out.
func (j Job) Run() Laid {
	return Laid{j.key, layout.Place(j.story, j.key.scene, j.key.scr, j.key.lang, j.m)}
}

// Ahead lists the scenes one step either way from the current one that are
// not laid out yet for this screen and language, the next first.
func (w *Widget) Ahead() []Job {
	var jobs []Job
	for _, i := range []int{w.scene + 1, w.scene - 1} {
		k := placeKey{i, w.scr, w.lang}
		if _, ok := w.placed[k]; !ok && i >= 0 && i < len(w.story.Scenes) {
			jobs = append(jobs, Job{k, w.story, w.m})
		}
	}
	return jobs
}

// Keep takes a layout made by a Job. One made for another screen or
// language than the current one is dropped.
func (w *Widget) Keep(l Laid) {
	if l.key.scr == w.scr && l.key.lang == w.lang {
		w.keep(l.key, l.l)
	}
}

// Texts calls fn with every run of text in the layout, so that a host can
// rasterise its glyphs ahead too.
func (l Laid) Texts(fn func(s string, size float64, w frame.Weight)) {
	for _, r := range l.l.Runs {
		fn(r.Text, r.Size, r.Weight)
	}
}

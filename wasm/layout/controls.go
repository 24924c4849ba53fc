package layout

import (
	"fmt"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// ControlKind is what an on-canvas control does.
type ControlKind uint8

const (
	PrevControl   ControlKind = iota // previous scene
	NextControl                      // next scene
	SceneControl                     // jump to one scene (a progress dot)
	LangControl                      // switch language
	MotionControl                    // turn motion off and on
)

// Control is a button drawn on the canvas. Every control is reachable by
// pointer, touch and keyboard; the box is at least as large as a fingertip
// even where the drawing is smaller.
type Control struct {
	Kind  ControlKind
	Scene int  // for SceneControl
	Box   Rect // the hit area
	Label data.Text
	// Text is drawn on the control (LangControl); the others are drawn as
	// shapes by the painter.
	Text    string
	TextAt  frame.Point
	TextSz  float64
	Enabled bool
}

// ID names a control for focus and tests.
func (c Control) ID() string {
	switch c.Kind {
	case PrevControl:
		return "control-prev"
	case NextControl:
		return "control-next"
	case SceneControl:
		return fmt.Sprintf("control-scene-%d", c.Scene+1)
	case LangControl:
		return "control-lang"
	}
	return "control-motion"
}

// Control labels, read by screen readers and shown as tooltips.
var (
	PrevLabel   = data.Text{Zh: "上一幕", En: "Previous scene"}
	NextLabel   = data.Text{Zh: "下一幕", En: "Next scene"}
	SceneLabel  = data.Text{Zh: "第 %d 幕：%s", En: "Scene %d: %s"}
	LangLabel   = data.Text{Zh: "Switch to English", En: "切换到中文"}
	LangText    = data.Text{Zh: "EN", En: "中文"}
	MotionLabel = data.Text{Zh: "开关动画", En: "Turn motion on or off"}
)

// controls lays out the bar under the stage: previous, one dot per scene,
// next, centred; language and motion at the right end.
func (p *placer) controls() {
	u := p.u
	h := footer * u
	y := float64(p.scr.H) - h
	hit := 32 * u // a fingertip
	n := len(p.s.Scenes)
	dot := 14 * u
	size := 12 * u
	txt := p.lang.Pick(LangText)
	tw := p.m.Advance(txt, size, frame.Bold)
	bw := max(hit, tw+12*u)
	// Dots shrink to fit a narrow screen, but never below a usable target.
	total := float64(n)*dot + 2*hit
	right := bw + 8*u + hit // language and motion
	avail := float64(p.scr.W) - 2*margin*u - right - 8*u
	if total > avail {
		dot = max(6*u, (avail-2*hit)/float64(n))
		total = float64(n)*dot + 2*hit
	}
	x := (float64(p.scr.W)-total)/2 - right/2
	x = max(x, margin*u)
	cy := y + h/2
	add := func(c Control) { p.out.Controls = append(p.out.Controls, c) }
	add(Control{Kind: PrevControl, Box: Rect{x, cy - hit/2, hit, hit}, Label: PrevLabel, Enabled: p.scene > 0})
	x += hit
	for i := range n {
		label := data.Text{Zh: fmt.Sprintf(SceneLabel.Zh, i+1, p.s.Scenes[i].Title.Zh), En: fmt.Sprintf(SceneLabel.En, i+1, p.s.Scenes[i].Title.En)}
		add(Control{Kind: SceneControl, Scene: i, Box: Rect{x, cy - hit/2, dot, hit}, Label: label, Enabled: true})
		x += dot
	}
	add(Control{Kind: NextControl, Box: Rect{x, cy - hit/2, hit, hit}, Label: NextLabel, Enabled: p.scene < n-1})

	mx := float64(p.scr.W) - margin*u - hit
	lx := mx - 8*u - bw
	add(Control{Kind: LangControl, Box: Rect{lx, cy - hit/2, bw, hit}, Label: LangLabel, Enabled: true,
		Text: txt, TextAt: frame.Point{X: float32(lx + (bw-tw)/2), Y: float32(cy + size*0.35)}, TextSz: size})
	add(Control{Kind: MotionControl, Box: Rect{mx, cy - hit/2, hit, hit}, Label: MotionLabel, Enabled: true})
}

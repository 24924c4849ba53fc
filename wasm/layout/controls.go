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

// Counter is where the reader is: "3 / 12".
var Counter = "%d / %d"

// controls lays out the bar under the stage: previous and next, then where
// the reader is ("3 / 12" and the scene's title), and at the right end the
// More card's control (what the stage leaves out), language and motion.
// Targets are 44 CSS pixels, a fingertip on a touch screen.
func (p *placer) controls() {
	if p.scr.NoControls {
		return
	}
	u := p.u
	p.chrome = true
	hit := p.hit()
	h := p.footerH()
	y := float64(p.scr.H) - h
	cy := y + h/2
	n := len(p.s.Scenes)
	size := labelSize * u
	x := margin * u
	add := func(c Control) { p.out.Controls = append(p.out.Controls, c) }
	add(Control{Kind: PrevControl, Box: Rect{x, cy - hit/2, hit, hit}, Label: PrevLabel, Enabled: p.scene > 0})
	x += hit
	add(Control{Kind: NextControl, Box: Rect{x, cy - hit/2, hit, hit}, Label: NextLabel, Enabled: p.scene < n-1})
	x += hit + 8*u

	txt := p.lang.Pick(LangText)
	tw := p.m.Advance(txt, size, frame.Bold)
	bw := max(hit, tw+16*u)
	mx := float64(p.scr.W) - margin*u - hit
	lx := mx - 4*u - bw
	add(Control{Kind: LangControl, Box: Rect{lx, cy - hit/2, bw, hit}, Label: LangLabel, Enabled: true,
		Text: txt, TextAt: frame.Point{X: float32(lx + (bw-tw)/2), Y: float32(cy + size*0.35)}, TextSz: size})
	add(Control{Kind: MotionControl, Box: Rect{mx, cy - hit/2, hit, hit}, Label: MotionLabel, Enabled: true})
	right := lx - 8*u
	// The More card's control, a word in a box, when the stage left anything.
	if len(p.out.Folded) > 0 {
		s := fmt.Sprintf(p.lang.Pick(MoreText), len(p.out.Folded))
		w := p.m.Advance(s, size, frame.Regular)
		if right-w-16*u > x+60*u {
			bx := right - w - 16*u
			p.line(s, bx+8*u, cy+size*0.35, size, frame.Regular, More, "", false)
			right = bx - 8*u
		}
	}
	// Where the reader is.
	count := fmt.Sprintf(Counter, p.scene+1, n)
	cw := p.m.Advance(count, size, frame.Bold)
	lh := (ascent + descent) * size
	if x+cw <= right {
		p.line(count, x, cy-lh/2+ascent*size, size, frame.Bold, Primary, "", false)
		x += cw + 10*u
		p.fit("", Rect{x, cy - lh/2, right - x, lh + 1}, Left, Middle, piece{p.lang.Pick(p.sc.Title), size, frame.Regular, Caption, p.lang})
	}
}

// hit is the side of a control's target: 44 CSS pixels.
func (p *placer) hit() float64 {
	scale := p.scr.Scale
	if scale <= 0 {
		scale = 1
	}
	return max(44*scale, 44*p.u/1.6)
}

// footerH is the height of the controls' bar; without controls, a margin.
func (p *placer) footerH() float64 {
	if p.scr.NoControls {
		return margin * p.u
	}
	return max(footer*p.u, p.hit()+4*p.u)
}

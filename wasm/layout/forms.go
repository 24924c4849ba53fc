package layout

import (
	"math"

	"github.com/parallel-lines/widget/data"
	"github.com/parallel-lines/widget/wasm/frame"
)

// A form draws one kind of scene on the spine: it may bend the lines (set
// their points), dim one, and place its marks, labels and the dataset's
// annotations (at most three). Each form is one file, form_<name>.go, and
// one entry here; data.FormNames lists the same names for the validator.
//
// A form has two compositions: wide, where the lines run across the screen
// (US above China), and tall, for a portrait screen, where they run down it
// (US on the left, China on the right), so that on a phone too each line
// has the screen's long side to take its shape. A form without a tall
// composition keeps its wide one on a portrait screen.
type form struct {
	wide, tall func(*placer)
}

var registry = map[string]form{
	"band":      {wide: formBand, tall: formBandTall},
	"timeline":  {wide: formTimeline, tall: formTimelineTall},
	"network":   {wide: formNetwork, tall: formNetworkTall},
	"vanishing": {wide: formVanishing, tall: formVanishingTall},
	"staircase": {wide: formStaircase, tall: formStaircaseTall},
	"diverging": {wide: formDiverging, tall: formDivergingTall},
	"ribbons":   {wide: formRibbons, tall: formRibbonsTall},
	"ranked":    {wide: formRanked, tall: formRankedTall},
	"lanes":     {wide: formLanes, tall: formLanesTall},
	"arrows":    {wide: formArrows, tall: formArrowsTall},
	"legs":      {wide: formLegs, tall: formLegsTall},
	"waffle":    {wide: formWaffle, tall: formWaffleTall},
}

// Forms lists the registered form names, for tests.
func Forms() []string {
	out := make([]string, 0, len(registry))
	for k := range registry {
		out = append(out, k)
	}
	return out
}

// marks returns the form's marks of kind that the scene shows, in the
// dataset's order (a form may list marks of several kinds, and draws each
// its own way); when the form lists no marks at all, the scene's shown
// elements of kind. A contrast the form does not list stays in its card.
func (p *placer) marks(kind data.Kind) []string {
	var out []string
	for _, id := range p.sc.Form.Marks {
		if e, ok := p.s.Find(id); ok && e.Kind == kind && p.shown[id] {
			out = append(out, id)
		}
	}
	if len(p.sc.Form.Marks) > 0 {
		return out
	}
	for _, id := range p.sc.Shows {
		if e, ok := p.s.Find(id); ok && e.Kind == kind {
			out = append(out, id)
		}
	}
	return out
}

// contrastColumns stands each contrast in a column across the spine: its
// topic in the band at topicY(x), its US value on the US line's outer side
// and its China value on China's, in up to lines lines where the zones
// allow, so that a row of the table reads down the screen. The US value
// keeps clear of its line over the column's whole width (the line may
// slant). Values that do not fit their slot are left to the card.
func (p *placer) contrastColumns(ids []string, topicY func(x float64) float64, lines int) {
	p.contrastColumnsIn(ids, p.x0, p.x1, topicY, lines)
}

// contrastColumnsIn is contrastColumns over the stretch x0…x1 of the
// spine, for a form that draws its own marks beside the contrasts.
func (p *placer) contrastColumnsIn(ids []string, x0, x1 float64, topicY func(x float64) float64, lines int) {
	u := p.u
	n := len(ids)
	if n == 0 || x1 <= x0 {
		return
	}
	cw := (x1 - x0) / float64(n)
	zu, zc := p.zoneUS(), p.zoneCN()
	for i, id := range ids {
		e, ok := p.s.Find(id)
		if !ok || e.Kind != data.KindContrast {
			continue
		}
		c := p.s.Contrasts[e.Index]
		x := x0 + float64(i)*cw
		cx := x + cw/2
		ty := topicY(cx)
		lh := (ascent + descent) * labelSize * u
		p.node(id, LooseItem, 0, cx, ty, NoMarker)
		p.label(id, Rect{x + 4*u, ty - lh*1.5, cw - 8*u, 3*lh + 4*u}, Center, Middle, p.small(p.lang.Pick(c.Topic), frame.Bold, Primary))
		uy := yAt(p.lines[0], cx)
		cy := yAt(p.lines[1], cx)
		vh := float64(lines-1)*labelSize*u*lineGap + lh + 1
		// The US value keeps clear of its line over the column's width:
		// the line slants.
		gap := p.tickClear()
		ub := min(yAt(p.lines[0], x+4*u), yAt(p.lines[0], x+cw-4*u)) - gap
		top := max(zu.Y, ub-vh)
		p.label(id, Rect{x + 4*u, top, cw - 8*u, ub - top}, Center, Bottom, p.small(p.lang.Pick(c.US), frame.Regular, Label))
		p.label(id, Rect{x + 4*u, cy + gap, cw - 8*u, min(zc.Y+zc.H-cy-gap, vh)}, Center, Top, p.small(p.lang.Pick(c.CN), frame.Regular, Label))
		p.stroke("tick-us-"+id, id, ToneUS, 2*u, pt(cx, uy-5*u), pt(cx, uy+5*u))
		p.stroke("tick-cn-"+id, id, ToneCN, 2*u, pt(cx, cy-5*u), pt(cx, cy+5*u))
	}
}

// chips lays market chips in a row across the band at y: a tinted rounded
// box with the name inside; the item's marker is the chip itself.
func (p *placer) chips(ids []string, y float64) []Rect { return p.chipsIn(ids, p.x0, p.x1, y) }

// chipsIn is chips over the stretch x0…x1 of the spine: one row while each
// chip keeps room for a name (72 CSS px), else two columns.
func (p *placer) chipsIn(ids []string, x0, x1, y float64) []Rect {
	u := p.u
	n := len(ids)
	var out []Rect
	if n == 0 || x1 <= x0 {
		return out
	}
	cols := n
	if (x1-x0)/float64(n) < 72*max(p.scr.Scale, 1) && n > 2 {
		cols = 2
	}
	rows := (n + cols - 1) / cols
	cw := (x1 - x0) / float64(cols)
	lh := (ascent + descent) * labelSize * u
	ch := 2*lh + 14*u
	top := y - float64(rows)*(ch+10*u)/2
	for i, id := range ids {
		name, ok := p.chipName(id)
		if !ok {
			continue
		}
		box := Rect{x0 + float64(i%cols)*cw + 6*u, top + float64(i/cols)*(ch+10*u), cw - 12*u, ch}
		p.chip(id, name, box)
		out = append(out, box)
	}
	return out
}

// chipName is the name a chip shows: a market's or an actor's.
func (p *placer) chipName(id string) (data.Text, bool) {
	e, ok := p.s.Find(id)
	if !ok {
		return data.Text{}, false
	}
	switch e.Kind {
	case data.KindMarket:
		return p.s.Markets[e.Index].Name, true
	case data.KindActor:
		return p.s.Actors[e.Index].Name, true
	}
	return data.Text{}, false
}

// chip draws one chip in box: a tinted rounded box with the name inside
// (an outline for an open list); the item's marker is the chip itself.
func (p *placer) chip(id string, name data.Text, box Rect) {
	u := p.u
	var path frame.Path
	path.Rect(float32(box.X), float32(box.Y), float32(box.W), float32(box.H), float32(6*u))
	tone, fill := ToneBand, true
	if s := []rune(p.lang.Pick(name)); id == "other-markets" || (len(s) > 0 && s[0] == '…') {
		tone, fill = ToneMuted, false // an open list: an outline
	}
	p.mark(Mark{Key: "chip-" + id, Owner: id, Path: path, Fill: fill, Width: 1.5 * u, Tone: tone})
	p.node(id, MarketItem, 0, box.X+box.W/2, box.Y+box.H/2, NoMarker)
	p.label(id, Rect{box.X + 6*u, box.Y + 4*u, box.W - 12*u, box.H - 8*u}, Center, Middle, p.name(name))
}

// actorName is an actor's or line's name.
func (p *placer) actorName(id string) data.Text {
	for _, a := range p.s.Actors {
		if a.ID == id {
			return a.Name
		}
	}
	for _, l := range p.s.Lines {
		if l.ID == id {
			return l.Name
		}
	}
	return data.Text{}
}

func (p *placer) actorSide(id string) data.Side {
	for _, a := range p.s.Actors {
		if a.ID == id {
			for _, l := range p.s.Lines {
				if l.ID == a.Line {
					return l.Side
				}
			}
		}
	}
	return data.CN + 1
}

// curve is a cubic from a to b leaving and arriving along the vertical.
func curve(a, b frame.Point) frame.Path {
	var path frame.Path
	path.MoveTo(a.X, a.Y)
	dy := b.Y - a.Y
	path.CubeTo(a.X, a.Y+dy*0.55, b.X, b.Y-dy*0.55, b.X, b.Y)
	return path
}

// bow is a quadratic from a to b bowed by k of its length to one side.
func bow(a, b frame.Point, k float32) frame.Path {
	var path frame.Path
	path.MoveTo(a.X, a.Y)
	mx, my := (a.X+b.X)/2, (a.Y+b.Y)/2
	path.QuadTo(mx-(b.Y-a.Y)*k, my+(b.X-a.X)*k, b.X, b.Y)
	return path
}

func dist(a, b frame.Point) float64 { return math.Hypot(float64(a.X-b.X), float64(a.Y-b.Y)) }

package ui

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/game"
)

// paint draws the chart: the relations, the boxes over them, the labels, the parties and the legend.
func (c *chartState) paint(a *App, dst *ebiten.Image, v *game.View, selected string) {
	if c.empty {
		a.drawText(dst, a.t("chart_empty"), a.fonts.body, a.c.dim, float64(c.r.Min.X+a.u(20)), float64(c.r.Min.Y+a.u(20)))
		return
	}
	view := c.scroll.content(a)
	off := image.Pt(view.Min.X, view.Min.Y-int(c.scroll.skip()))
	sub := dst.SubImage(view).(*ebiten.Image)
	lw := float32(max(1, a.u(2.5)))
	at := func(r image.Rectangle) image.Rectangle { return r.Add(off) }
	drawEdge := func(e chartEdge, casing bool) {
		x1, y1, x2, y2 := linkEnds(at(c.boxes[e.from]), at(c.boxes[e.to]))
		sel := e.from == selected || e.to == selected
		col := a.edgeColor(e.style, sel)
		w := lw
		if sel {
			w *= 1.6
		}
		if casing {
			vector.StrokeLine(sub, x1, y1, x2, y2, w*3, a.c.panel, false)
		}
		if e.style == edgeLink {
			vector.StrokeLine(sub, x1, y1, x2, y2, w, col, false)
		} else {
			dashed(sub, x1, y1, x2, y2, w, float32(a.u(10)), col)
		}
		arrowHead(sub, x1, y1, x2, y2, w*3.2, col, a.whitePixel())
	}
	// Every line goes under the boxes, so that no name is crossed out;
	// the selection's lines last, over the others.
	for _, e := range c.edges {
		if e.from != selected && e.to != selected {
			drawEdge(e, false)
		}
	}
	for _, e := range c.edges {
		if e.from == selected || e.to == selected {
			drawEdge(e, true)
		}
	}
	for id, r := range c.boxes {
		a.paintNode(sub, v.Entity(id), at(r), c, id == selected)
	}
	for _, e := range c.edges {
		if e.at.Empty() {
			continue
		}
		r := at(e.at)
		if !r.In(view) {
			continue
		}
		sel := e.from == selected || e.to == selected
		vector.FillRect(sub, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), colorAlpha(a.c.panel, 0xf0), false)
		col := a.c.dim
		if sel {
			col = a.c.accent
		}
		y := float64(r.Min.Y + a.u(1))
		for _, l := range e.label {
			a.drawText(sub, l, a.fonts.small, col, float64(r.Min.X+a.u(6)), y+(a.fonts.lineSmall-textHeight(a.fonts.small))/2)
			y += a.fonts.lineSmall
		}
	}
	a.paintScrollbar(dst, &c.scroll)
	for _, p := range c.parties {
		a.paintChip(dst, p, p.id == selected)
	}
	for _, l := range c.legend {
		a.paintChip(dst, l, false)
	}
}

// paintChip draws a party's chip or a legend entry: a swatch (a stripe of
// the kind's colour, or a sample of the line) and the label.
func (a *App) paintChip(dst *ebiten.Image, ch chip, selected bool) {
	r := ch.r
	sw := a.u(34)
	if ch.id != "" {
		vector.FillRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), a.c.panel2, false)
		border := a.c.line
		if selected {
			border = a.c.accent
		}
		vector.StrokeRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), float32(max(1, a.u(1.5))), border, false)
	}
	cy := float32(r.Min.Y+r.Max.Y) / 2
	if ch.line {
		x1, x2 := float32(r.Min.X+a.u(2)), float32(r.Min.X+sw-a.u(6))
		w := float32(max(1, a.u(2.5)))
		if ch.sel {
			w *= 1.6
		}
		if ch.edge == edgeLink {
			vector.StrokeLine(dst, x1, cy, x2, cy, w, ch.col, false)
		} else {
			dashed(dst, x1, cy, x2, cy, w, float32(a.u(7)), ch.col)
		}
	} else {
		vector.FillRect(dst, float32(r.Min.X+a.u(4)), float32(r.Min.Y+a.u(4)), float32(a.u(10)), float32(r.Dy()-2*a.u(4)), ch.col, false)
	}
	y := float64(r.Min.Y + a.u(4))
	for _, l := range ch.lines {
		a.drawText(dst, l, a.fonts.small, a.c.text, float64(r.Min.X+sw), y+(a.fonts.lineSmall-textHeight(a.fonts.small))/2)
		y += a.fonts.lineSmall
	}
}

// paintNode draws one entity's box: its name, wrapped, then its kind,
// country and state.
func (a *App) paintNode(dst *ebiten.Image, e *game.EntityView, r image.Rectangle, c *chartState, selected bool) {
	if e == nil {
		return
	}
	name, tags := c.names[e.ID], c.tags[e.ID]
	if !r.Overlaps(dst.Bounds()) {
		return
	}
	vector.FillRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), a.c.panel2, false)
	stripe := float32(a.u(8))
	vector.FillRect(dst, float32(r.Min.X), float32(r.Min.Y), stripe, float32(r.Dy()), a.kindColor(e.Kind), false)
	border, bw := a.c.line, float32(max(1, a.u(1.5)))
	if selected {
		border, bw = a.c.accent, float32(a.u(4))
	}
	vector.StrokeRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), bw, border, false)
	x := float64(r.Min.X) + float64(stripe) + float64(a.u(8))
	textH := float64(len(name))*c.nameLine + float64(len(tags))*a.fonts.lineSmall
	y := float64(r.Min.Y) + (float64(r.Dy())-textH)/2
	for _, l := range name {
		a.drawTextIn(dst, l, c.nameFace, a.c.text, x, y+(c.nameLine-textHeight(c.nameFace))/2)
		y += c.nameLine
	}
	for _, l := range tags {
		a.drawTextIn(dst, l, a.fonts.small, a.c.dim, x, y+(a.fonts.lineSmall-textHeight(a.fonts.small))/2)
		y += a.fonts.lineSmall
	}
}

// dashed draws a dashed line.
func dashed(dst *ebiten.Image, x1, y1, x2, y2, width, dash float32, col color.NRGBA) {
	dx, dy := x2-x1, y2-y1
	n := max(2, int(float32(math.Hypot(float64(dx), float64(dy)))/dash))
	for i := 0; i < n; i += 2 {
		t0, t1 := float32(i)/float32(n), float32(min(i+1, n))/float32(n)
		vector.StrokeLine(dst, x1+dx*t0, y1+dy*t0, x1+dx*t1, y1+dy*t1, width, col, false)
	}
}

// arrowHead draws an arrow's head at x2, y2, pointing from x1, y1.
func arrowHead(dst *ebiten.Image, x1, y1, x2, y2, size float32, col color.NRGBA, src *ebiten.Image) {
	dx, dy := float64(x2-x1), float64(y2-y1)
	l := math.Hypot(dx, dy)
	if l < 1 {
		return
	}
	ux, uy := float32(dx/l), float32(dy/l)
	bx, by := x2-ux*size, y2-uy*size
	fillTriangle(dst, []float32{x2, y2, bx - uy*size*0.55, by + ux*size*0.55, bx + uy*size*0.55, by - ux*size*0.55}, col, src)
}

// linkEnds picks the sides of two boxes a link joins.
func linkEnds(a, b image.Rectangle) (x1, y1, x2, y2 float32) {
	mid := func(r image.Rectangle) (float32, float32) {
		return float32(r.Min.X+r.Max.X) / 2, float32(r.Min.Y+r.Max.Y) / 2
	}
	ax, ay := mid(a)
	bx, by := mid(b)
	switch {
	case b.Min.X >= a.Max.X:
		return float32(a.Max.X), ay, float32(b.Min.X), by
	case b.Max.X <= a.Min.X:
		return float32(a.Min.X), ay, float32(b.Max.X), by
	case b.Min.Y >= a.Max.Y:
		return ax, float32(a.Max.Y), bx, float32(b.Min.Y)
	default:
		return ax, float32(a.Min.Y), bx, float32(b.Max.Y)
	}
}

package ui

import (
	"fmt"
	"image"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/game"
)

// timelineLayout is the debrief's timeline page: decisions and events on
// a time axis, then every entry in a list; an entry opens the case as it
// stood then, replayed to that point and read-only.
type timelineLayout struct {
	axis   image.Rectangle
	legend []legendDot
	headH  int // the title's and legend's rows
	panel  image.Rectangle
	hint   []string
	list   scrollArea
	rows   []tlRow
	canRun bool // the engine can replay the case to a point
}

// legendDot is an entry of the timeline's legend, placed.
type legendDot struct {
	label string
	col   color.NRGBA
	at    image.Point
}

// tlRow is one entry of the list.
type tlRow struct {
	e     game.TimelineEntry
	when  string
	lines []string
	st    style
	r     image.Rectangle // in content coordinates
}

// entryStyle is how an entry of the timeline is shown.
func entryStyle(e game.TimelineEntry) style {
	switch {
	case e.Command:
		return stMonoCmd
	case e.Hidden:
		return stBad
	}
	return stBody
}

func (t *timelineLayout) build(a *App, body image.Rectangle, d *game.Debrief) {
	_, t.canRun = a.engine().(forker)
	// The title, then the legend: beside it while it fits, then in rows.
	pad := a.u(20)
	x0 := body.Min.X + pad
	x := x0 + int(textWidth(a.t("timeline"), a.fonts.bold)) + a.u(30)
	y := body.Min.Y + a.u(8)
	rowH := int(a.fonts.lineBody)
	t.legend = t.legend[:0]
	for _, lg := range []struct {
		label string
		col   color.NRGBA
	}{{a.t("legend_cmd"), a.c.accent}, {a.t("legend_event"), a.c.info}, {a.t("legend_hidden"), a.c.bad}} {
		w := a.u(30) + int(textWidth(lg.label, a.fonts.small))
		if x+w > body.Max.X-pad {
			x, y = x0, y+rowH
			rowH = int(a.fonts.lineSmall)
		}
		t.legend = append(t.legend, legendDot{lg.label, lg.col, image.Pt(x, y)})
		x += w + a.u(24)
	}
	t.headH = y + rowH - body.Min.Y
	axisH := t.headH + a.u(90) + int(4*a.fonts.lineSmall) + a.u(20)
	t.axis = image.Rect(body.Min.X, body.Min.Y, body.Max.X, body.Min.Y+axisH)
	if axisH > body.Dy()*45/100 {
		// Short of height, the list alone: it has every entry.
		t.axis = image.Rectangle{}
	}
	t.panel = image.Rect(body.Min.X, max(body.Min.Y, t.axis.Max.Y+a.u(12)), body.Max.X, body.Max.Y)
	inner := inset(t.panel, a.u(16))
	t.hint = nil
	if t.canRun {
		t.hint = wrapText(a.t("timeline_hint"), a.fonts.small, float64(inner.Dx()))
	}
	listBox := image.Rect(inner.Min.X, inner.Min.Y+int(float64(len(t.hint))*a.fonts.lineSmall)+a.u(6), inner.Max.X, inner.Max.Y)
	a.register(&t.list, listBox)
	t.list.buttons = t.canRun
	c := t.list.content(a)
	w := float64(c.Dx() - 2*a.u(10))
	t.rows = t.rows[:0]
	y = 0
	for _, e := range d.Timeline {
		st := entryStyle(e)
		face, _, lh := a.face(st)
		when := a.t("day_time", game.Num("day", int64(e.At/game.Day)+1), game.When("at", e.At))
		lines := wrapText(a.p.Msg(e.Msg), face, w)
		h := int(a.fonts.lineSmall+float64(len(lines))*lh) + a.u(10)
		t.rows = append(t.rows, tlRow{e: e, when: when, lines: lines, st: st, r: image.Rect(0, y, c.Dx(), y+h)})
		y += h + a.u(4)
	}
	t.list.setMax(float64(y))
	if !t.canRun {
		return
	}
	off := image.Pt(c.Min.X, c.Min.Y-int(t.list.skip()))
	entries := a.m.view.Entries
	for _, row := range t.rows {
		rr := row.r.Add(off)
		if !rr.In(c) {
			continue
		}
		n := min(row.e.Entry+1, entries)
		a.addButton(fmt.Sprintf("tl:%d", row.e.Seq), "", rr, bGhost, effect{kind: effFork, num: n})
	}
}

func (t *timelineLayout) paint(a *App, dst *ebiten.Image, d *game.Debrief) {
	if !t.axis.Empty() {
		a.drawPanel(dst, t.axis, a.c.panel)
		a.paintTimeline(dst, t.axis, d, t)
	}
	a.drawPanel(dst, t.panel, a.c.panel)
	inner := inset(t.panel, a.u(16))
	y := float64(inner.Min.Y)
	for _, l := range t.hint {
		a.drawText(dst, l, a.fonts.small, a.c.dim, float64(inner.Min.X), y+(a.fonts.lineSmall-textHeight(a.fonts.small))/2)
		y += a.fonts.lineSmall
	}
	c := t.list.content(a)
	sub := dst.SubImage(c).(*ebiten.Image)
	off := image.Pt(c.Min.X, c.Min.Y-int(t.list.skip()))
	for i, row := range t.rows {
		r := row.r.Add(off)
		if !r.Overlaps(c) {
			continue
		}
		if i%2 == 0 {
			vector.FillRect(sub, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), a.c.panel2, false)
		}
		yy := float64(r.Min.Y + a.u(5))
		a.drawTextIn(sub, row.when, a.fonts.small, a.c.dim, float64(r.Min.X+a.u(10)), yy+(a.fonts.lineSmall-textHeight(a.fonts.small))/2)
		yy += a.fonts.lineSmall
		face, col, lh := a.face(row.st)
		for _, l := range row.lines {
			a.drawTextIn(sub, l, face, col, float64(r.Min.X+a.u(10)), yy+(lh-textHeight(face))/2)
			yy += lh
		}
	}
	a.paintScrollbar(dst, &t.list)
}

// paintTimeline draws decisions above a time axis and events below it;
// events the trainee did not see are hollow red rings.
func (a *App) paintTimeline(dst *ebiten.Image, r image.Rectangle, d *game.Debrief, t *timelineLayout) {
	pad := a.u(20)
	a.drawText(dst, a.t("timeline"), a.fonts.bold, a.c.accent, float64(r.Min.X+pad), float64(r.Min.Y+a.u(8))+(a.fonts.lineBody-textHeight(a.fonts.bold))/2)
	for _, lg := range t.legend {
		y := float64(lg.at.Y) + (a.fonts.lineBody-textHeight(a.fonts.small))/2
		vector.FillCircle(dst, float32(lg.at.X+a.u(9)), float32(y+textHeight(a.fonts.small)/2), float32(a.u(7)), lg.col, false)
		a.drawText(dst, lg.label, a.fonts.small, a.c.text, float64(lg.at.X+a.u(24)), y)
	}
	top := float64(r.Min.Y+t.headH) + float64(a.u(36))
	bottom := float64(r.Max.Y) - a.fonts.lineSmall - float64(a.u(8))
	axisY := float32(top + (bottom-top)*0.3)
	x0, x1 := float32(r.Min.X+pad), float32(r.Max.X-pad)
	vector.StrokeLine(dst, x0, axisY, x1, axisY, float32(a.u(3)), a.c.line, false)
	span := float32(max(d.Elapsed, game.Day))
	xAt := func(m game.Minutes) float32 { return x0 + (x1-x0)*float32(m)/span }
	// Month ticks, labelled with numbers only where they fit.
	start := a.m.view.Scenario.Start
	lastEnd := float32(-1e9)
	for mth := 1; ; mth++ {
		t := start.AddDate(0, mth, 1-start.Day())
		m := game.Minutes(t.Sub(start).Minutes())
		if m > d.Elapsed {
			break
		}
		x := xAt(m)
		vector.FillRect(dst, x, axisY-float32(a.u(6)), 1, float32(a.u(12)), a.c.dim, false)
		lbl := t.Format("01.2006")
		w := float32(textWidth(lbl, a.fonts.small))
		if x+w < x1 && x > lastEnd+float32(a.u(10)) {
			a.drawText(dst, lbl, a.fonts.small, a.c.dim, float64(x)+2, bottom+float64(a.u(2)))
			lastEnd = x + w
		}
	}
	rad := float32(a.u(6))
	var placed [3]float32
	for i := range placed {
		placed[i] = -1e9
	}
	row := 0
	for _, e := range d.Timeline {
		x := xAt(e.At)
		switch {
		case e.Command:
			vector.StrokeLine(dst, x, axisY, x, axisY-float32(a.u(28)), float32(a.u(2)), a.c.accent, false)
			vector.FillCircle(dst, x, axisY-float32(a.u(28)), rad*0.8, a.c.accent, false)
		case e.Hidden:
			vector.StrokeCircle(dst, x, axisY+float32(a.u(22)), rad, float32(a.u(3)), a.c.bad, false)
		default:
			vector.FillCircle(dst, x, axisY+float32(a.u(22)), rad, a.c.info, false)
		}
		info, ok := game.KindInfo(e.Kind)
		if !ok || !info.Timeline {
			continue
		}
		s := a.p.T("timeline." + string(e.Kind))
		w := float32(textWidth(s, a.fonts.small))
		lx := min(x, x1-w)
		// Rows of labels below the axis; a label that would collide in
		// every row is left out (the list below has every entry).
		for k := 0; k < 3; k++ {
			rr := (row + k) % 3
			ly := float64(axisY) + float64(a.u(36)) + float64(rr)*a.fonts.lineSmall
			if lx <= placed[rr]+float32(a.u(8)) || ly+a.fonts.lineSmall > bottom {
				continue
			}
			col := a.c.text
			if e.Hidden {
				col = a.c.bad
			}
			a.drawText(dst, s, a.fonts.small, col, float64(lx), ly)
			placed[rr] = lx + w
			row = rr + 1
			break
		}
	}
}

package ui

import (
	"image"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/game"
)

// calState is the calendar laid out: a time axis with a labelled "now",
// then a row for each deadline ahead (a flag on its date) and for each
// request (a bar from when it was sent to when its answer is due). Each
// row's text sits in a column at the left, or above its bar when the
// panel is narrow.
type calState struct {
	header  image.Rectangle // the axis, which does not scroll
	scroll  *scrollArea
	labelW  int // the text column; 0 when text sits above the bars
	t0, t1  game.Minutes
	rows    []calRow
	ticks   []calTick
	nowText string
}

// calRow is one row of the calendar: a section's title, a deadline or a
// request.
type calRow struct {
	head  bool
	lines []string
	note  []string // wrapped
	noteS style
	y, h  int // in content coordinates
	flag  bool
	from  game.Minutes // a request's bar starts here; a flag stands here
	to    game.Minutes
	col   color.NRGBA
}

// calTick is a date on the axis.
type calTick struct {
	at    game.Minutes
	label string
}

// calendarSpan picks the days the axis shows: from a little before now
// (or the oldest pending request) to the last date ahead that matters,
// at most about seven months on.
func calendarSpan(v *game.View) (game.Minutes, game.Minutes) {
	now := v.Now
	t0 := now - 14*game.Day
	t1 := now + 30*game.Day
	for _, r := range v.Requests {
		if r.Status == game.StatusPending {
			t0 = min(t0, r.SentAt)
			t1 = max(t1, r.DueAt)
		}
	}
	for _, d := range v.Deadlines {
		if d.At <= now+150*game.Day {
			t1 = max(t1, d.At)
		}
	}
	t0 = max(0, t0)
	t1 = min(t1, now+210*game.Day)
	return t0, max(t1, t0+14*game.Day)
}

// layout places the rows.
func (cs *calState) layout(a *App, r image.Rectangle, v *game.View, s *scrollArea) {
	cs.scroll = s
	pad := a.u(14)
	inner := inset(r, pad)
	cs.t0, cs.t1 = calendarSpan(v)
	cs.labelW = 0
	if inner.Dx() >= a.u(760) {
		cs.labelW = inner.Dx() * 42 / 100
	}
	headH := int(2*a.fonts.lineSmall) + a.u(10)
	cs.header = image.Rect(inner.Min.X, inner.Min.Y, inner.Max.X, inner.Min.Y+headH)
	a.register(s, image.Rect(inner.Min.X, cs.header.Max.Y+a.u(4), inner.Max.X, inner.Max.Y))
	cw := s.content(a).Dx()
	textW := cw - a.u(8)
	if cs.labelW > 0 {
		textW = cs.labelW - a.u(16)
	}
	cs.rows = cs.rows[:0]
	y := 0
	add := func(row calRow) {
		row.y = y
		row.h = int(float64(len(row.lines)) * a.fonts.lineBody)
		if row.head {
			row.h = int(float64(len(row.lines))*a.fonts.lineHead) + a.u(4)
		}
		row.h += int(float64(len(row.note)) * a.fonts.lineSmall)
		if cs.labelW == 0 && !row.head {
			row.h += a.u(26)
		}
		row.h += a.u(10)
		cs.rows = append(cs.rows, row)
		y += row.h
	}
	now := v.Now
	add(calRow{head: true, lines: wrapText(a.t("deadlines"), a.fonts.head, float64(textW))})
	if len(v.Deadlines) == 0 {
		add(calRow{lines: wrapText(a.t("none"), a.fonts.body, float64(textW))})
	}
	for _, dl := range v.Deadlines {
		note := wrapText(a.t("deadline_note", game.When("at", dl.At), game.Span("left", dl.At-now)), a.fonts.small, float64(textW))
		add(calRow{lines: wrapText(a.p.Msg(dl.Msg), a.fonts.body, float64(textW)), note: note, noteS: urgencyStyle(dl.At - now),
			flag: true, from: dl.At, col: a.urgency(dl.At - now)})
	}
	add(calRow{head: true, lines: wrapText(a.t("requests"), a.fonts.head, float64(textW))})
	if len(v.Requests) == 0 {
		add(calRow{lines: wrapText(a.t("none"), a.fonts.body, float64(textW))})
	}
	for _, rq := range v.Requests {
		label := a.t("request_label", game.Str("id", rq.ID), game.Sub("instrument", game.M("instrument."+rq.Instrument)),
			game.Ent("holder", rq.Holder), game.Ent("target", rq.Target))
		if rq.Target == "" || rq.Target == rq.Holder {
			label = a.t("request_label_self", game.Str("id", rq.ID), game.Sub("instrument", game.M("instrument."+rq.Instrument)),
				game.Ent("holder", rq.Holder))
		}
		var note string
		st, col := stDim, a.c.line
		switch rq.Status {
		case game.StatusPending:
			note = a.t("request_pending", game.When("due", rq.DueAt), game.Span("left", rq.DueAt-now))
			st, col = urgencyStyle(rq.DueAt-now), a.c.info
		case game.StatusRejected:
			note = a.t("request_closed", game.Date("sent", rq.SentAt), game.Sub("status", game.M("status."+string(rq.Status))))
			st, col = stBad, a.c.bad
		default:
			note = a.t("request_closed", game.Date("sent", rq.SentAt), game.Sub("status", game.M("status."+string(rq.Status))))
			col = dimmed(a.c.good)
		}
		add(calRow{lines: wrapText(label, a.fonts.body, float64(textW)), note: wrapText(note, a.fonts.small, float64(textW)), noteS: st, from: rq.SentAt, to: rq.DueAt, col: col})
	}
	s.setMax(float64(y))
	// Dates along the axis, as many as fit without touching.
	axisW := cw - cs.labelW
	cs.ticks = cs.ticks[:0]
	cs.nowText = a.t("now", game.Date("date", now))
	labelW := textWidth(a.p.Date(now), a.fonts.small) + float64(a.u(24))
	span := float64(cs.t1 - cs.t0)
	for _, step := range []game.Minutes{game.Day, 2 * game.Day, game.Week, 2 * game.Week, 4 * game.Week, 8 * game.Week, 13 * game.Week} {
		if float64(axisW)*float64(step)/span < labelW {
			continue
		}
		first := (cs.t0/step + 1) * step
		for t := first; t < cs.t1; t += step {
			cs.ticks = append(cs.ticks, calTick{at: t, label: a.p.Date(t)})
		}
		break
	}
}

// xAt is the x of a point in time on the axis, in screen coordinates.
func (cs *calState) xAt(a *App, t game.Minutes) float32 {
	c := cs.scroll.content(a)
	x0 := float64(c.Min.X + cs.labelW + a.u(8))
	x1 := float64(c.Max.X - a.u(8))
	f := float64(t-cs.t0) / float64(cs.t1-cs.t0)
	return float32(x0 + (x1-x0)*min(1, max(0, f)))
}

// paint draws the axis, "now", the rows, their flags and bars.
func (cs *calState) paint(a *App, dst *ebiten.Image, v *game.View) {
	s := cs.scroll
	c := s.content(a)
	h := cs.header
	// The axis: dates, then "now" below them.
	axisY := float32(h.Max.Y - a.u(4))
	vector.StrokeLine(dst, cs.xAt(a, cs.t0), axisY, cs.xAt(a, cs.t1), axisY, float32(max(1, a.u(2))), a.c.line, false)
	lastEnd := -1e9
	for _, t := range cs.ticks {
		x := float64(cs.xAt(a, t.at))
		vector.StrokeLine(dst, float32(x), axisY-float32(a.u(8)), float32(x), axisY, 1, a.c.dim, false)
		w := textWidth(t.label, a.fonts.small)
		lx := x - w/2
		if lx < lastEnd+float64(a.u(12)) || lx < float64(h.Min.X+cs.labelW) || lx+w > float64(h.Max.X) {
			continue
		}
		a.drawText(dst, t.label, a.fonts.small, a.c.dim, lx, float64(h.Min.Y)+(a.fonts.lineSmall-textHeight(a.fonts.small))/2)
		lastEnd = lx + w
	}
	nx := cs.xAt(a, v.Now)
	nw := textWidth(cs.nowText, a.fonts.small)
	lx := min(max(float64(nx)-nw/2, float64(h.Min.X+cs.labelW)), float64(h.Max.X)-nw)
	a.drawText(dst, cs.nowText, a.fonts.small, a.c.accent, lx, float64(h.Min.Y)+a.fonts.lineSmall+(a.fonts.lineSmall-textHeight(a.fonts.small))/2)
	// Rows.
	sub := dst.SubImage(c).(*ebiten.Image)
	top := c.Min.Y - int(s.skip())
	for i, row := range cs.rows {
		y := top + row.y
		if i%2 == 1 && !row.head {
			vector.FillRect(sub, float32(c.Min.X), float32(y), float32(c.Dx()), float32(row.h-a.u(4)), colorAlpha(a.c.panel2, 0x80), false)
		}
		ty := float64(y + a.u(4))
		st, lh := stBody, a.fonts.lineBody
		if row.head {
			st, lh = stHead, a.fonts.lineHead
		}
		face, col, _ := a.face(st)
		for _, l := range row.lines {
			a.drawTextIn(sub, l, face, col, float64(c.Min.X+a.u(4)), ty+(lh-textHeight(face))/2)
			ty += lh
		}
		_, ncol, _ := a.face(row.noteS)
		for _, l := range row.note {
			a.drawTextIn(sub, l, a.fonts.small, ncol, float64(c.Min.X+a.u(4)), ty+(a.fonts.lineSmall-textHeight(a.fonts.small))/2)
			ty += a.fonts.lineSmall
		}
		if row.head || (!row.flag && row.to == 0) {
			continue
		}
		// Where the mark goes: beside the text, or below it.
		my := float32(y + (row.h-a.u(10))/2)
		if cs.labelW == 0 {
			my = float32(ty) + float32(a.u(12))
		}
		if row.flag {
			x := cs.xAt(a, row.from)
			vector.StrokeLine(sub, x, my-float32(a.u(14)), x, my+float32(a.u(14)), float32(max(2, a.u(3))), row.col, false)
			var p = []float32{x, my - float32(a.u(14)), x + float32(a.u(18)), my - float32(a.u(8)), x, my - float32(a.u(2))}
			fillTriangle(sub, p, row.col, a.whitePixel())
			continue
		}
		x0, x1 := cs.xAt(a, row.from), cs.xAt(a, row.to)
		x1 = max(x1, x0+float32(a.u(6)))
		bh := float32(a.u(16))
		vector.FillRect(sub, x0, my-bh/2, x1-x0, bh, row.col, false)
	}
	// "Now" across every row.
	vector.StrokeLine(dst, nx, float32(h.Max.Y-a.u(10)), nx, float32(c.Max.Y), float32(max(2, a.u(3))), a.c.accent, false)
	a.paintScrollbar(dst, s)
}

// urgency is the colour of a date by how soon it comes.
func (a *App) urgency(left game.Minutes) color.NRGBA {
	switch {
	case left < 3*game.Day:
		return a.c.bad
	case left < 14*game.Day:
		return a.c.warn
	}
	return a.c.info
}

// urgencyStyle is the text style of a date by how soon it comes.
func urgencyStyle(left game.Minutes) style {
	switch {
	case left < 3*game.Day:
		return stBad
	case left < 14*game.Day:
		return stWarn
	}
	return stInfo
}

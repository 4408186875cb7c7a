package ui

import (
	"fmt"
	"image"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/game"
)

func (a *App) buildDebrief() {
	a.buildTopBar(image.Rect(0, 0, a.w, a.u(64)))
	_, br := a.sceneFrame()
	w := a.buttonWidth(a.t("back")) + a.u(30)
	a.addButton("back", a.t("back"), image.Rect(br.Min.X, br.Min.Y, br.Min.X+w, br.Max.Y), bNormal, func() { a.goTo(SceneDesk) })
	w2 := a.buttonWidth(a.t("title_menu")) + a.u(30)
	a.addButton("menu2", a.t("title_menu"), image.Rect(br.Max.X-w2, br.Min.Y, br.Max.X, br.Max.Y), bNormal, func() { a.goTo(SceneTitle) })
}

// debriefLayout splits the body: outcome and score, the timeline, and the
// details in two columns.
func (a *App) debriefLayout() (outcome, score, timeline, left, right image.Rectangle) {
	body, _ := a.sceneFrame()
	gap := a.u(16)
	h1 := body.Dy() * 24 / 100
	h2 := body.Dy() * 22 / 100
	split := body.Min.X + body.Dx()/2
	outcome = image.Rect(body.Min.X, body.Min.Y, split-gap/2, body.Min.Y+h1)
	score = image.Rect(split+gap/2, body.Min.Y, body.Max.X, body.Min.Y+h1)
	timeline = image.Rect(body.Min.X, outcome.Max.Y+gap, body.Max.X, outcome.Max.Y+gap+h2)
	left = image.Rect(body.Min.X, timeline.Max.Y+gap, split-gap/2, body.Max.Y)
	right = image.Rect(split+gap/2, timeline.Max.Y+gap, body.Max.X, body.Max.Y)
	return
}

func (a *App) paintDebrief(dst *ebiten.Image) {
	a.paintTopBar(dst, image.Rect(0, 0, a.w, a.u(64)))
	body, _ := a.sceneFrame()
	d := a.m.s.Debrief()
	if d == nil {
		a.drawPanel(dst, body, a.c.panel)
		a.drawText(dst, a.t("not_ended"), a.fonts.head, a.c.text, float64(body.Min.X+a.u(24)), float64(body.Min.Y+a.u(24)))
		return
	}
	outR, scoreR, tlR, leftR, rightR := a.debriefLayout()
	pad := a.u(20)
	for _, r := range []image.Rectangle{outR, scoreR, tlR, leftR, rightR} {
		a.drawPanel(dst, r, a.c.panel)
	}
	// Outcome.
	st := stGood
	switch d.Ending.Result {
	case "loss":
		st = stBad
	case "partial":
		st = stWarn
	}
	var o doc
	o = append(o, para{st: stSmall, text: a.t("outcome")})
	o = append(o, para{st: stTitle, text: d.Ending.Title.In(a.lang)})
	o = append(o, para{st: st, text: d.Ending.Text.In(a.lang)})
	o = append(o, para{st: stDim, text: fmt.Sprintf("%s: %s", a.t("elapsed"), span(d.Elapsed, a.lang)), gap: 4})
	a.drawLines(dst.SubImage(outR).(*ebiten.Image), a.wrap(o, float64(outR.Dx()-2*pad)), float64(outR.Min.X+pad), float64(outR.Min.Y+pad/2), 0)
	// The score, and the counts behind it; the breakdown heads the details.
	met := 0
	for _, ob := range d.Objectives {
		if ob.Met {
			met++
		}
	}
	var sd doc
	sd = append(sd, para{st: stSmall, text: a.t("score")})
	sd = append(sd, para{st: stTitle, text: fmt.Sprintf("%d / 100", d.Score)})
	sd = append(sd, para{st: stBody, text: fmt.Sprintf("%s: %d / %d", a.t("objectives"), met, len(d.Objectives))})
	sd = append(sd, para{st: stBody, text: fmt.Sprintf("%s: %d · %s: %d", a.t("admitted"), len(d.Admitted), a.t("rejected"), len(d.Rejected))})
	a.drawLines(dst.SubImage(scoreR).(*ebiten.Image), a.wrap(sd, float64(scoreR.Dx()-2*pad)), float64(scoreR.Min.X+pad), float64(scoreR.Min.Y+pad/2), 0)
	a.paintTimeline(dst, tlR, d)
	// Details.
	var l doc
	l.head(a.t("breakdown"))
	for _, b := range d.Breakdown {
		st := stGood
		if b.Points < 0 {
			st = stBad
		}
		l = append(l, para{st: st, text: fmt.Sprintf("%+d  %s", b.Points, b.Label.In(a.lang))})
	}
	l.head(a.t("objectives"))
	for _, ob := range d.Objectives {
		if ob.Met {
			l = append(l, para{st: stGood, text: "✓ " + ob.Text.In(a.lang)})
		} else {
			l = append(l, para{st: stBad, text: "✗ " + ob.Text.In(a.lang)})
		}
	}
	l.head(a.t("decisions"))
	for _, dc := range d.Decisions {
		mark := "○"
		if dc.Taken {
			mark = "●"
		}
		l = append(l, para{st: stBold, text: mark + " " + dc.Label.In(a.lang), gap: 6})
		l = append(l, para{st: stBody, text: dc.Happened.In(a.lang), indent: 24})
		l = append(l, para{st: stInfo, text: a.t("otherwise") + ": " + dc.Otherwise.In(a.lang), indent: 24})
	}
	var r doc
	r.head(a.t("admitted"))
	for _, e := range d.Admitted {
		r = append(r, para{st: stGood, text: "✓ " + e.Num + "  " + e.Title.In(a.lang)})
	}
	if len(d.Admitted) == 0 {
		r.add(stDim, a.t("none"))
	}
	r.head(a.t("rejected"))
	for _, e := range d.Rejected {
		r = append(r, para{st: stBad, text: "✗ " + e.Num + "  " + e.Title.In(a.lang)})
		r = append(r, para{st: stBody, text: e.Reason.In(a.lang), indent: 24})
	}
	if v := d.Verdict; v != nil {
		for _, why := range v.Reasons {
			r = append(r, para{st: stBad, text: "✗ " + why.In(a.lang)})
		}
	}
	if len(d.Rejected) == 0 && (d.Verdict == nil || len(d.Verdict.Reasons) == 0) {
		r.add(stDim, a.t("none"))
	}
	r.head(a.t("missed"))
	for _, m := range d.MissedLeads {
		r = append(r, para{st: stWarn, text: "• " + m.In(a.lang)})
	}
	if len(d.MissedLeads) == 0 {
		r.add(stDim, a.t("none"))
	}
	ll := a.wrap(l, float64(leftR.Dx()-2*pad))
	rl := a.wrap(r, float64(rightR.Dx()-2*pad))
	a.maxScroll = max(0, max(linesHeight(ll), linesHeight(rl))-float64(leftR.Dy()-2*pad))
	a.scroll = min(a.scroll, a.maxScroll)
	a.drawLines(dst.SubImage(leftR).(*ebiten.Image), ll, float64(leftR.Min.X+pad), float64(leftR.Min.Y+pad/2), a.scroll)
	a.drawLines(dst.SubImage(rightR).(*ebiten.Image), rl, float64(rightR.Min.X+pad), float64(rightR.Min.Y+pad/2), a.scroll)
	a.scrollMark(dst, rightR, a.scroll, a.maxScroll, false)
}

// timelineLabel names the events worth a label on the timeline.
func timelineLabel(kind string) (game.Text, bool) {
	names := map[string]game.Text{
		"handoff_sent": {En: "hand-off", Ru: "передача"}, "handoff_returned": {En: "returned", Ru: "возврат"},
		"case_opened": {En: "case opened", Ru: "дело"}, "raid": {En: "raid", Ru: "обыск"}, "arrest": {En: "arrest", Ru: "задержание"},
		"site_down": {En: "takedown", Ru: "закрытие"}, "site_reappeared": {En: "site back", Ru: "сайт вернулся"},
		"verdict": {En: "verdict", Ru: "приговор"}, "tipped_off": {En: "tipped off", Ru: "утечка"},
		"wiped": {En: "wiped", Ru: "очистка"}, "records_expired": {En: "data lost", Ru: "данные утрачены"},
		"fled": {En: "fled", Ru: "бегство"}, "preserved": {En: "preserved", Ru: "сохранено"}, "indicted": {En: "to court", Ru: "в суд"},
	}
	t, ok := names[kind]
	return t, ok
}

// paintTimeline draws decisions above a time axis and events below it;
// events the trainee did not see are hollow red rings.
func (a *App) paintTimeline(dst *ebiten.Image, r image.Rectangle, d *game.Debrief) {
	pad := a.u(20)
	a.drawText(dst, a.t("timeline"), a.fonts.bold, a.c.accent, float64(r.Min.X+pad), float64(r.Min.Y+a.u(6)))
	legend := []struct {
		label string
		col   color.NRGBA
	}{{a.t("legend_cmd"), a.c.accent}, {a.t("legend_event"), a.c.info}, {a.t("legend_hidden"), a.c.bad}}
	lx := float64(r.Max.X - pad)
	for i := len(legend) - 1; i >= 0; i-- {
		lg := legend[i]
		lx -= textWidth(lg.label, a.fonts.small)
		a.drawText(dst, lg.label, a.fonts.small, a.c.text, lx, float64(r.Min.Y+a.u(8)))
		lx -= float64(a.u(22))
		vector.FillCircle(dst, float32(lx+float64(a.u(8))), float32(r.Min.Y+a.u(8))+float32(a.fonts.lineSmall)/2, float32(a.u(7)), lg.col, true)
		lx -= float64(a.u(16))
	}
	axisY := float32(r.Min.Y + r.Dy()*52/100)
	x0, x1 := float32(r.Min.X+pad), float32(r.Max.X-pad)
	vector.StrokeLine(dst, x0, axisY, x1, axisY, float32(a.u(3)), a.c.line, false)
	span := float32(max(d.Elapsed, game.Day))
	xAt := func(m game.Minutes) float32 { return x0 + (x1-x0)*float32(m)/span }
	cal := a.m.s.Calendar()
	// Month ticks.
	start := cal.At(0)
	for mth := 1; ; mth++ {
		t := start.AddDate(0, mth, 1-start.Day())
		m := game.Minutes(t.Sub(start).Minutes())
		if m > d.Elapsed {
			break
		}
		x := xAt(m)
		vector.FillRect(dst, x, axisY-float32(a.u(6)), 1, float32(a.u(12)), a.c.dim, false)
		if lbl := t.Format("01.2006"); float32(textWidth(lbl, a.fonts.small))+x < x1 {
			a.drawText(dst, lbl, a.fonts.small, a.c.dim, float64(x)+2, float64(r.Max.Y)-a.fonts.lineSmall-float64(a.u(4)))
		}
	}
	rad := float32(a.u(6))
	lastLabelX := [3]float32{-1e9, -1e9, -1e9}
	row := 0
	for _, e := range d.Timeline {
		x := xAt(e.At)
		switch {
		case e.Command:
			vector.StrokeLine(dst, x, axisY, x, axisY-float32(a.u(28)), float32(a.u(2)), a.c.accent, false)
			vector.FillCircle(dst, x, axisY-float32(a.u(28)), rad*0.8, a.c.accent, true)
		case e.Hidden:
			vector.StrokeCircle(dst, x, axisY+float32(a.u(22)), rad, float32(a.u(3)), a.c.bad, true)
		default:
			vector.FillCircle(dst, x, axisY+float32(a.u(22)), rad, a.c.info, true)
		}
		if lbl, ok := timelineLabel(e.Kind); ok {
			s := lbl.In(a.lang)
			w := float32(textWidth(s, a.fonts.small))
			lx := min(x, x1-w)
			// Three rows of labels below the axis; a label that would
			// collide in every row is left out.
			placed := false
			for k := 0; k < 3 && !placed; k++ {
				rr := (row + k) % 3
				if lx > lastLabelX[rr]+float32(a.u(8)) {
					ly := float64(axisY) + float64(a.u(34)) + float64(rr)*a.fonts.lineSmall*0.9
					if ly+a.fonts.lineSmall < float64(r.Max.Y)-a.fonts.lineSmall {
						col := a.c.text
						if e.Hidden {
							col = a.c.bad
						}
						a.drawText(dst, s, a.fonts.small, col, float64(lx), ly)
						lastLabelX[rr] = lx + w
						placed = true
						row = rr + 1
					}
				}
			}
		}
	}
}

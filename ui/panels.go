package ui

import (
	"fmt"
	"image"
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/game"
)

// inboxKinds are the events that arrive in the inbox.
func inboxKind(kind string) (style, game.Text, bool) {
	switch kind {
	case "message":
		return stInfo, game.Text{En: "Message", Ru: "Сообщение"}, true
	case "answer":
		return stGood, game.Text{En: "Answer", Ru: "Ответ"}, true
	case "preserved":
		return stGood, game.Text{En: "Preserved", Ru: "Сохранено"}, true
	case "rejected":
		return stBad, game.Text{En: "Rejected", Ru: "Отказ"}, true
	case "handoff_sent", "handoff_returned", "case_opened", "case_refused", "indicted":
		return stWarn, game.Text{En: "Case", Ru: "Дело"}, true
	case "warrant", "raid", "arrest":
		return stWarn, game.Text{En: "Operation", Ru: "Операция"}, true
	case "site_down", "site_reappeared":
		return stInfo, game.Text{En: "Site", Ru: "Сайт"}, true
	case "verdict", "ending", "deadline":
		return stAccent, game.Text{En: "Court", Ru: "Суд"}, true
	case "script_error":
		return stBad, game.Text{En: "Scenario error", Ru: "Ошибка сценария"}, true
	}
	return stBody, game.Text{}, false
}

// inboxDoc lists answers, rejections and events, newest first.
func (a *App) inboxDoc() doc {
	var d doc
	s := a.m.s
	evs := s.Events()
	for i := len(evs) - 1; i >= 0; i-- {
		ev := evs[i]
		if ev.Hidden {
			continue
		}
		st, label, ok := inboxKind(ev.Kind)
		if !ok {
			continue
		}
		d = append(d, para{st: st, text: fmt.Sprintf("%s  ·  %s", s.Calendar().Format(ev.At), label.In(a.lang)), gap: 10})
		d = append(d, para{st: stBody, text: ev.Text.In(a.lang), indent: 20})
	}
	if len(d) == 0 {
		d.add(stDim, a.t("inbox_empty"))
	}
	return d
}

// caseDoc is the case file: every item with its hash, time, officer,
// basis, admissibility and chain of custody.
func (a *App) caseDoc() doc {
	var d doc
	s := a.m.s
	cal := s.Calendar()
	if len(s.Evidence()) == 0 {
		d.add(stDim, a.t("case_empty"))
		return d
	}
	for _, e := range s.Evidence() {
		d = append(d, para{st: stBold, text: e.Num + "  " + e.Title.In(a.lang), gap: 12})
		if e.Admissible {
			d = append(d, para{st: stGood, text: "✓ " + a.t("admissible"), indent: 20})
		} else {
			d = append(d, para{st: stBad, text: "✗ " + a.t("intel_only") + ": " + e.Reason.In(a.lang), indent: 20})
		}
		d = append(d, para{st: stMonoDim, text: "sha256 " + e.SHA256, indent: 20})
		d = append(d, para{st: stSmall, text: fmt.Sprintf("%s %s · %s, %s", a.t("collected"), cal.Format(e.CollectedAt), e.Officer, a.m.name(e.Unit, a.lang)), indent: 20})
		d = append(d, para{st: stSmall, text: a.t("basis") + ": " + e.Basis.In(a.lang), indent: 20})
		var cust []string
		for _, c := range e.Custody {
			cust = append(cust, cal.Format(c.At)+" "+c.Action.In(a.lang))
		}
		d = append(d, para{st: stSmall, text: a.t("custody") + ": " + strings.Join(cust, " → "), indent: 20})
	}
	return d
}

// paintCalendar draws the days ahead as a strip with the deadlines on it,
// then lists deadlines and requests.
func (a *App) paintCalendar(dst *ebiten.Image, r image.Rectangle) {
	s := a.m.s
	cal := s.Calendar()
	pad := a.u(16)
	now := s.Now()
	dls := s.Deadlines()
	// The strip shows the next 120 days, or up to the last deadline if nearer.
	span := 120 * game.Day
	strip := image.Rect(r.Min.X+pad, r.Min.Y+pad+int(a.fonts.lineSmall), r.Max.X-pad, r.Min.Y+pad+int(a.fonts.lineSmall)+a.u(70))
	vector.FillRect(dst, float32(strip.Min.X), float32(strip.Min.Y), float32(strip.Dx()), float32(strip.Dy()), a.c.term, false)
	a.drawText(dst, cal.Date(now), a.fonts.small, a.c.accent, float64(strip.Min.X), float64(r.Min.Y+pad/2))
	end := cal.Date(now + span)
	a.drawText(dst, end, a.fonts.small, a.c.dim, float64(strip.Max.X)-textWidth(end, a.fonts.small), float64(r.Min.Y+pad/2))
	// Week ticks.
	for w := game.Minutes(0); w <= span; w += game.Week {
		x := float32(float64(strip.Min.X) + float64(strip.Dx())*float64(w)/float64(span))
		vector.FillRect(dst, x, float32(strip.Max.Y-a.u(10)), 1, float32(a.u(10)), a.c.line, false)
	}
	for i, dl := range dls {
		if dl.At > now+span {
			continue
		}
		x := float32(float64(strip.Min.X) + float64(strip.Dx())*float64(dl.At-now)/float64(span))
		col := a.urgency(dl.At - now)
		y := float32(strip.Min.Y + a.u(8) + (i%4)*a.u(14))
		vector.FillRect(dst, x-float32(a.u(2)), float32(strip.Min.Y), float32(a.u(4)), float32(strip.Dy()), col, false)
		vector.FillCircle(dst, x, y+float32(a.u(6)), float32(a.u(7)), col, true)
	}
	var d doc
	d.head(a.t("deadlines"))
	for _, dl := range dls {
		left := dl.At - now
		st := stBody
		switch {
		case left < 3*game.Day:
			st = stBad
		case left < 14*game.Day:
			st = stWarn
		}
		d = append(d, para{st: st, text: fmt.Sprintf("%s  (%s)  %s", cal.Format(dl.At), inDays(left, a.lang), dl.Label.In(a.lang)), indent: 10})
	}
	d.head(a.t("pending"))
	n := 0
	for _, rq := range s.Requests() {
		if rq.Status != "pending" {
			continue
		}
		n++
		d = append(d, para{st: stBody, text: fmt.Sprintf("%s  %s → %s (%s)  %s %s", rq.ID, rq.Instrument, a.m.name(rq.Holder, a.lang), rq.Target,
			game.Text{En: "due", Ru: "срок"}.In(a.lang), cal.Format(rq.DueAt)), indent: 10})
	}
	if n == 0 {
		d = append(d, para{st: stDim, text: a.t("none"), indent: 10})
	}
	d.head(a.t("requests"))
	for _, rq := range s.Requests() {
		st := stDim
		if rq.Status == "rejected" {
			st = stBad
		}
		d = append(d, para{st: st, text: fmt.Sprintf("%s  %s → %s (%s): %s, %s", rq.ID, rq.Instrument, a.m.name(rq.Holder, a.lang), rq.Target, cal.Date(rq.SentAt), rq.Status), indent: 10})
	}
	body := image.Rect(r.Min.X, strip.Max.Y+a.u(4), r.Max.X, r.Max.Y)
	sub := dst.SubImage(body).(*ebiten.Image)
	a.paintDoc(sub, body, d)
}

func (a *App) urgency(left game.Minutes) color.NRGBA {
	switch {
	case left < 3*game.Day:
		return a.c.bad
	case left < 14*game.Day:
		return a.c.warn
	}
	return a.c.info
}

// inDays says how far away a point is, in days or hours.
func inDays(m game.Minutes, l game.Lang) string {
	if m < game.Day {
		return game.Tf("in %dh", "через %d ч", int(m/game.Hour)).In(l)
	}
	if m < 2*game.Day {
		return game.Tf("in 1 day", "через 1 дн.").In(l)
	}
	return game.Tf("in %d days", "через %d дн.", int(m/game.Day)).In(l)
}

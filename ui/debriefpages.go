package ui

import (
	"fmt"
	"strings"

	"takedown/game"
)

// pageDocs is what a debrief page says, in its two panels.
func (a *App) pageDocs(page string, d *game.Debrief) (doc, doc) {
	switch page {
	case pageDecisions:
		return a.decisionsDoc(d), nil
	case pageEvidence:
		return a.admittedDoc(d), a.rejectedDoc(d)
	case pageLessons:
		return a.objectivesDoc(d), a.lessonsDoc(d)
	case pageCauses:
		return a.causesDoc(d), a.missedDoc(d)
	}
	return a.outcomeDoc(d), a.breakdownDoc(d)
}

// resultStyle is how an ending's result is shown.
func resultStyle(result string) style {
	switch result {
	case "loss":
		return stBad
	case "partial":
		return stWarn
	}
	return stGood
}

// outcomeDoc is the ending, the time taken and the score.
func (a *App) outcomeDoc(d *game.Debrief) doc {
	met := 0
	for _, ob := range d.Objectives {
		if ob.Met {
			met++
		}
	}
	var o doc
	o = append(o, para{st: stSmall, text: a.t("outcome")})
	o = append(o, para{st: stTitle, text: a.p.Text(d.Ending.Title)})
	o = append(o, para{st: resultStyle(d.Ending.Result), text: a.p.Text(d.Ending.Text), gap: 4})
	o = append(o, para{st: stDim, text: a.t("elapsed") + ": " + a.p.Span(d.Elapsed), gap: 8})
	o = append(o, para{st: stSmall, text: a.t("score"), gap: 18})
	o = append(o, para{st: stTitle, text: a.t("score_of", game.Num("score", int64(d.Score)))})
	o = append(o, para{st: stBody, text: a.t("objectives") + ": " + fmt.Sprintf("%d / %d", met, len(d.Objectives))})
	o = append(o, para{st: stBody, text: a.t("admitted") + ": " + fmt.Sprint(len(d.Admitted)) + " · " + a.t("rejected") + ": " + fmt.Sprint(len(d.Rejected))})
	return o
}

// breakdownDoc is the score's breakdown.
func (a *App) breakdownDoc(d *game.Debrief) doc {
	var l doc
	l.head(a.t("breakdown"))
	for _, b := range d.Breakdown {
		st := stGood
		if b.Points < 0 {
			st = stBad
		}
		l = append(l, para{st: st, text: fmt.Sprintf("%+d  %s", b.Points, a.p.Msg(b.Label)), gap: 4})
	}
	return l
}

// keyKind names a kind of key decision.
func (a *App) keyKind(kind string) string { return a.t("key_" + kind) }

// decisionsDoc is each key decision: what the trainee did and why, and
// what the other branch led to when the engine has played it out; without
// those, the scenario's declared decisions.
func (a *App) decisionsDoc(d *game.Debrief) doc {
	var l doc
	l.head(a.t("decisions"))
	for _, k := range d.Key {
		head := a.keyKind(k.Kind)
		if k.Entry >= 0 {
			head += " — " + a.t("day_time", game.Num("day", int64(k.At/game.Day)+1), game.When("at", k.At))
		}
		l = append(l, para{st: stBold, text: head, gap: 14})
		if k.Line != "" {
			l = append(l, para{st: stMonoCmd, text: "> " + k.Line, indent: 20})
		}
		st := stBody
		if k.Mistaken {
			st = stBad
		}
		l = append(l, para{st: st, text: a.t("you_did") + ": " + a.p.Msg(k.Taken), indent: 20})
		if k.Why != "" {
			l = append(l, para{st: stDim, text: a.t("your_reason") + ": " + k.Why, indent: 20})
		}
		if w := k.WhatIf; w != nil {
			l = append(l, para{st: stInfo, text: a.t("what_if") + ": " + a.p.Msg(w.Instead), indent: 20})
			res := a.t("what_if_result", game.Sub("result", game.M("result."+w.Result)), game.Num("score", int64(w.Score)), game.Num("day", int64(w.Day)))
			l = append(l, para{st: resultStyle(w.Result), text: res, indent: 40})
			if w.Reason.ID != "" {
				l = append(l, para{st: stBody, text: a.p.Msg(w.Reason), indent: 40})
			}
		}
	}
	if len(d.Key) == 0 {
		for _, dc := range d.Decisions {
			mark := "○"
			if dc.Taken {
				mark = "●"
			}
			l = append(l, para{st: stBold, text: mark + " " + a.p.Text(dc.Label), gap: 10})
			l = append(l, para{st: stBody, text: a.p.Text(dc.Happened), indent: 24})
			l = append(l, para{st: stInfo, text: a.t("otherwise") + ": " + a.p.Text(dc.Otherwise), indent: 24})
		}
	}
	if len(d.Key) == 0 && len(d.Decisions) == 0 {
		l.add(stDim, a.t("none"))
	}
	return l
}

// admittedDoc lists the evidence the court admitted.
func (a *App) admittedDoc(d *game.Debrief) doc {
	var r doc
	r.head(a.t("admitted"))
	for _, e := range d.Admitted {
		r = append(r, para{st: stGood, text: "✓ " + e.Num + "  " + a.p.Msg(e.Title), gap: 4})
	}
	if len(d.Admitted) == 0 {
		r.add(stDim, a.t("none"))
	}
	return r
}

// rejectedDoc lists the evidence rejected, and why, and the court's
// reasons.
func (a *App) rejectedDoc(d *game.Debrief) doc {
	var r doc
	r.head(a.t("rejected"))
	for _, e := range d.Rejected {
		r = append(r, para{st: stBad, text: "✗ " + e.Num + "  " + a.p.Msg(e.Title), gap: 4})
		r = append(r, para{st: stBody, text: a.p.Msg(e.Reason), indent: 24})
	}
	if v := d.Verdict; v != nil && len(v.Reasons) > 0 {
		r.head(a.t("verdict_reasons"))
		for _, why := range v.Reasons {
			r = append(r, para{st: stBad, text: "✗ " + strings.TrimLeft(a.p.Msg(why), " -")})
		}
	}
	if len(d.Rejected) == 0 && (d.Verdict == nil || len(d.Verdict.Reasons) == 0) {
		r.add(stDim, a.t("none"))
	}
	return r
}

// objectivesDoc lists the learning objectives, met or not.
func (a *App) objectivesDoc(d *game.Debrief) doc {
	var l doc
	l.head(a.t("objectives"))
	for _, ob := range d.Objectives {
		if ob.Met {
			l = append(l, para{st: stGood, text: "✓ " + a.p.Text(ob.Text), gap: 4})
		} else {
			l = append(l, para{st: stBad, text: "✗ " + a.p.Text(ob.Text), gap: 4})
		}
	}
	if len(d.Objectives) == 0 {
		l.add(stDim, a.t("none"))
	}
	return l
}

// lessonsDoc lists the scenario's lessons, earned or not, with the
// computed reason.
func (a *App) lessonsDoc(d *game.Debrief) doc {
	var l doc
	l.head(a.t("lessons"))
	for _, ls := range d.Lessons {
		st, mark := stGood, "✓ "
		if !ls.Met {
			st, mark = stBad, "✗ "
		}
		l = append(l, para{st: st, text: mark + a.p.Text(ls.Text), gap: 6})
		if ls.Why.ID != "" {
			l = append(l, para{st: stBody, text: a.p.Msg(ls.Why), indent: 24})
		}
	}
	if len(d.Lessons) == 0 {
		l.add(stDim, a.t("none"))
	}
	return l
}

// causesDoc lists what went wrong or right, and when.
func (a *App) causesDoc(d *game.Debrief) doc {
	var l doc
	l.head(a.t("causes"))
	for _, c := range d.Causes {
		l = append(l, para{st: stSmall, text: a.t("day_time", game.Num("day", int64(c.At/game.Day)+1), game.When("at", c.At)), gap: 8})
		l = append(l, para{st: stBody, text: a.p.Msg(c.Msg), indent: 20})
	}
	if len(d.Causes) == 0 {
		l.add(stDim, a.t("none"))
	}
	return l
}

// missedDoc lists the leads never followed.
func (a *App) missedDoc(d *game.Debrief) doc {
	var r doc
	r.head(a.t("missed"))
	for _, m := range d.MissedLeads {
		r = append(r, para{st: stWarn, text: "• " + a.p.Text(m), gap: 4})
	}
	if len(d.MissedLeads) == 0 {
		r.add(stDim, a.t("none"))
	}
	return r
}

package ui

import (
	"strings"

	"takedown/game"
)

// categoryStyle is how the inbox shows an event category.
func categoryStyle(c game.Category) style {
	switch c {
	case game.CatMessage, game.CatSite:
		return stInfo
	case game.CatAnswer:
		return stGood
	case game.CatRefusal, game.CatScript:
		return stBad
	case game.CatCase, game.CatOperation:
		return stWarn
	case game.CatCourt, game.CatSession:
		return stAccent
	}
	return stBody
}

// inboxDoc lists answers, refusals and events, newest first.
func (a *App) inboxDoc(v *game.View) doc {
	var d doc
	items := v.Inbox
	for i := len(items) - 1; i >= 0; i-- {
		it := items[i]
		d = append(d, para{st: categoryStyle(it.Category), text: a.p.Time(it.At) + "  ·  " + a.p.T("category."+string(it.Category)), gap: 10})
		d = append(d, para{st: stBody, text: a.p.Msg(it.Msg), indent: 20})
	}
	if len(d) == 0 {
		d.add(stDim, a.t("inbox_empty"))
	}
	return d
}

// caseDoc is the case file: every item with its hash, time, officer,
// basis, admissibility and chain of custody.
func (a *App) caseDoc(v *game.View) doc {
	var d doc
	if len(v.Evidence) == 0 {
		d.add(stDim, a.t("case_empty"))
		return d
	}
	for _, e := range v.Evidence {
		d = append(d, para{st: stBold, text: e.Num + "  " + a.p.Msg(e.Title), gap: 12})
		if e.Admissible {
			d = append(d, para{st: stGood, text: "✓ " + a.t("admissible"), indent: 20})
		} else {
			d = append(d, para{st: stBad, text: "✗ " + a.t("intel_only") + ": " + a.p.Msg(e.Reason), indent: 20})
		}
		d = append(d, para{st: stMonoDim, text: a.t("sha256", game.Str("hash", e.SHA256)), indent: 20})
		d = append(d, para{st: stSmall, text: a.t("collected_line", game.When("at", e.CollectedAt), game.Txt("officer", e.Officer), game.Ent("unit", e.Unit)), indent: 20})
		d = append(d, para{st: stSmall, text: a.t("basis") + ": " + a.p.Msg(e.Basis), indent: 20})
		var cust []string
		for _, c := range e.Custody {
			cust = append(cust, a.p.Time(c.At)+" "+a.p.Msg(c.Action))
		}
		d = append(d, para{st: stSmall, text: a.t("custody") + ": " + strings.Join(cust, " → "), indent: 20})
	}
	return d
}

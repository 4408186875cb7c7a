package ui

import (
	"strings"

	"takedown/game"
)

// findAction looks a command line up among the actions the View offers,
// for the entity named or for none; it reports false for a line the View
// does not offer (the rules then say what is wrong with it).
func findAction(v *game.View, line string) (game.ActionView, bool) {
	c, err := game.ParseCommand(line)
	if err != nil {
		return game.ActionView{}, false
	}
	norm := c.String()
	for _, act := range v.General {
		if act.Line == norm {
			return act, true
		}
	}
	for i := range v.Entities {
		for _, act := range v.Entities[i].Actions {
			if act.Line == norm {
				return act, true
			}
		}
	}
	return game.ActionView{}, false
}

// asks reports whether an action is confirmed before it runs: it cannot
// be undone, the View names a risk, or it is a key decision (hand-off,
// MLAT, takedown, raid, prosecute, ask), whose reason goes into the log.
func asks(act game.ActionView) bool { return act.Final || act.Risk != game.RiskNone || act.Key }

// actionEffect is what pressing an action does. A hand-off goes to the
// package's checklist; anything final or risky asks first, saying what it
// costs and risks, with a field for the trainee's reason; the rest runs.
func (a *App) actionEffect(act game.ActionView) effect {
	if act.Verb == "handoff" && a.scene != a.handoff {
		return goTo(SceneHandoff)
	}
	if !asks(act) {
		return run(act.Line)
	}
	return confirm(a.actionQuestion(act), run(act.Line))
}

// lineEffect is what Enter on a typed line does: the same as the button
// for that action when the View offers one, else the line runs as typed.
func (a *App) lineEffect(line string) effect {
	if act, ok := findAction(a.m.view, line); ok && asks(act) {
		return confirm(a.actionQuestion(act), run(act.Line))
	}
	return run(line)
}

// actionQuestion says what an action will do before it is confirmed: the
// command, its time, its risk, and for a hand-off the package's checklist.
func (a *App) actionQuestion(act game.ActionView) question {
	q := question{reason: true}
	switch {
	case act.Final:
		q.title = a.t("confirm_final", game.Str("line", act.Line))
	case act.Risk != game.RiskNone:
		q.title = a.t("confirm_risky", game.Str("line", act.Line))
	default:
		q.title = a.t("key_decision.confirm", game.Str("line", act.Line))
	}
	add := func(s string, warn bool) {
		q.lines = append(q.lines, s)
		q.bad = append(q.bad, warn)
	}
	add(a.costText(act.Cost), false)
	if act.RiskMsg.ID != "" {
		add("⚠ "+a.p.Msg(act.RiskMsg), true)
	}
	if act.Verb == "handoff" {
		for _, s := range a.checklist() {
			add(s.text, s.warn)
		}
	}
	return q
}

// checkLine is one line of the hand-off checklist.
type checkLine struct {
	text string
	warn bool
}

// checklist is what the hand-off package holds and lacks, from the View.
func (a *App) checklist() []checkLine {
	v := a.m.view
	hv := v.Handoff
	var out []checkLine
	if len(hv.Missing) == 0 {
		out = append(out, checkLine{"✓ " + a.t("nothing_missing"), false})
	}
	for _, m := range hv.Missing {
		out = append(out, checkLine{"✗ " + strings.TrimLeft(a.p.Msg(m), " -"), true})
	}
	adm := 0
	for _, e := range v.Evidence {
		if e.Admissible {
			adm++
		}
	}
	out = append(out, checkLine{a.t("package_count", game.Count("n", int64(len(v.Evidence))), game.Num("admissible", int64(adm))), false})
	out = append(out, checkLine{a.t("suspects_count", game.Count("n", int64(len(v.Suspects)))), len(v.Suspects) == 0})
	return out
}

// costText says how long an action takes.
func (a *App) costText(c game.Minutes) string {
	if c <= 0 {
		return a.t("cost_none")
	}
	return a.t("cost", game.Span("span", c))
}

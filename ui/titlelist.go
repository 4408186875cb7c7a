package ui

import (
	"path/filepath"

	"takedown/game"
)

// listLabel is a scenario's button in the title scene's list: its title
// and where the trainee stands in it, and below them how long it plays
// and the unit the trainee plays (issue 13: Department K, or the
// Investigative Department's investigator), when meta is set.
func (a *App) listLabel(ref string, si *scenarioInfo, meta bool) string {
	label := filepath.Base(ref)
	switch {
	case si == nil:
		return label
	case si.view == nil:
		return label + " ✗"
	}
	sv := si.view.Scenario
	label = a.profileLabel(a.p.Text(sv.Title), a.profileOf(ref, si))
	if m := a.scenarioMeta(si.view); meta && m != "" {
		label += "\n" + m
	}
	return label
}

// scenarioMeta is the line that says how long a scenario plays and which
// unit the trainee plays, or "" when the scenario declares neither.
func (a *App) scenarioMeta(v *game.View) string {
	sv := v.Scenario
	unit := ""
	if sv.Unit != "" {
		unit = a.p.Text(v.Name(sv.Unit))
	}
	switch {
	case sv.Duration > 0 && unit != "":
		return a.t("scenario_meta", game.Str("duration", a.p.Span(sv.Duration)), game.Str("unit", unit))
	case unit != "":
		return a.t("scenario_unit", game.Str("unit", unit))
	case sv.Duration > 0:
		return a.p.Span(sv.Duration)
	}
	return ""
}

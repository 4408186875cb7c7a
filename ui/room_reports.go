package ui

import (
	"path/filepath"
	"time"

	"takedown/game"
	"takedown/report"
)

// roomReports writes the after-action report of every trainee of the room
// the window hosts, with an index page, into a folder of the reports
// folder, off the loop, and says where.
func (a *App) roomReports(hr *hostedRoom) {
	dir, err := a.reportsDir()
	if err != nil {
		a.roomError(a.t("report.failed"), err)
		return
	}
	dir = filepath.Join(dir, "takedown-room-"+hr.info.Code+"-reports-"+time.Now().Format("2006-01-02-1504"))
	opt := report.Options{Lang: a.lang, Text: a.text, Scenario: hr.info.Scenario,
		Account: a.recSet.accountOf()}
	h := hr.h
	a.roomTask(func() func(*App) {
		var logs []report.RoomLog
		for _, l := range h.Logs() {
			logs = append(logs, report.RoomLog{ID: l.ID, Name: l.Name, Team: l.Team, Log: l.Log})
		}
		index, err := report.WriteRoom(dir, h.Program(), hr.info.Code, logs, opt)
		return func(a *App) {
			if err != nil {
				a.roomError(a.t("report.failed"), err)
				return
			}
			a.overlay = &overlay{title: a.t("room.reports_written", game.Num("n", int64(len(logs)))), lines: []string{index}}
			a.rebuild = true
		}
	})
}

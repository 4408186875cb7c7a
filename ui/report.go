package ui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
	"takedown/i18n"
	"takedown/records"
	"takedown/report"
	"takedown/safefile"
)

// reportDone is an after-action report written off the loop: where it
// went, or why it could not be written.
type reportDone struct {
	path string
	err  error
}

// folderer is a Store that says where its saves are; *save.Store is one.
type folderer interface {
	Dir() string
}

// reportsDir is where reports go: the folder chosen in the settings, else
// the save folder.
func (a *App) reportsDir() (string, error) {
	if d := strings.TrimSpace(a.recSet.reports); d != "" {
		if strings.HasPrefix(d, "~"+string(filepath.Separator)) || d == "~" {
			if home, err := os.UserHomeDir(); err == nil {
				d = filepath.Join(home, strings.TrimPrefix(d, "~"))
			}
		}
		return d, nil
	}
	if f, ok := a.opt.Store.(folderer); ok && f.Dir() != "" {
		return f.Dir(), nil
	}
	return "", errors.New(a.t("report.no_folder"))
}

// saveReport writes the session's after-action report, in the session's
// language, off the loop; pollReport says where it went.
func (a *App) saveReport() {
	if a.m == nil || a.m.src == nil || a.reporting != nil || a.busy() {
		return
	}
	dir, err := a.reportsDir()
	if err != nil {
		a.overlay = &overlay{title: a.t("report.failed"), lines: []string{err.Error()}, bad: true}
		a.rebuild = true
		return
	}
	var account records.Account
	if acc := a.recSet.accountOf(); acc.Name != "" && a.keeper != nil && a.keeper.opt.Launch == nil {
		account = acc
	}
	ch := make(chan reportDone, 1)
	a.reporting = ch
	cat, text, ref, log, lang := a.cat, a.text, a.m.src.Ref, a.m.log, a.lang
	go func() { ch <- writeReport(cat, text, ref, log, lang, account, dir) }()
	a.rebuild = true
}

// writeReport builds the report of a session log and writes it into dir,
// whole or not at all.
func writeReport(cat *catalog.Catalog, text *i18n.Catalog, ref string, log []byte, lang game.Lang, account records.Account, dir string) reportDone {
	p, err := compileRef(cat, ref)
	if err != nil {
		return reportDone{err: err}
	}
	l, err := game.ParseLog(bytes.NewReader(log))
	if err != nil {
		return reportDone{err: err}
	}
	r, err := report.Build(p, l, report.Options{Lang: lang, Text: text, Account: account, Scenario: ref})
	if err != nil {
		return reportDone{err: err}
	}
	var b bytes.Buffer
	if err := r.Write(&b); err != nil {
		return reportDone{err: err}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return reportDone{err: err}
	}
	path := filepath.Join(dir, reportFileName(l, lang))
	if err := safefile.WriteWhole(path, b.Bytes()); err != nil {
		return reportDone{err: err}
	}
	return reportDone{path: path}
}

// reportFileName names a session's report by its scenario, the time of its
// last command and the language: report-film-site-2026-03-01-1530-en.html.
func reportFileName(l game.SessionLog, lang game.Lang) string {
	name := "report-" + strings.TrimPrefix(saveName(l.Scenario), "session-")
	var last int64
	for _, e := range l.Entries {
		last = max(last, e.Wall)
	}
	if last > 0 {
		name += "-" + time.Unix(last, 0).Format("2006-01-02-1504")
	}
	return name + "-" + string(lang) + ".html"
}

// pollReport takes a written report on the loop and says where it went.
func (a *App) pollReport() bool {
	if a.reporting == nil {
		return false
	}
	select {
	case r := <-a.reporting:
		a.reporting = nil
		a.takeReport(r)
		return true
	default:
		return false
	}
}

// waitReport waits for a report being written, for tests.
func (a *App) waitReport() {
	if a.reporting != nil {
		r := <-a.reporting
		a.reporting = nil
		a.takeReport(r)
	}
}

func (a *App) takeReport(r reportDone) {
	if r.err != nil {
		a.overlay = &overlay{title: a.t("report.failed"), lines: []string{a.p.Err(r.err)}, bad: true}
	} else {
		a.overlay = &overlay{title: a.t("report.saved"), lines: []string{r.path}, note: a.t("report.saved_note")}
		a.lastReport = r.path
	}
	a.rebuild = true
}

// replayEngine is a session read from a report, a log or a save, shown
// read-only: every command is refused; the case as it stood at each point
// of the timeline can still be replayed.
type replayEngine struct {
	*engine.Session
}

// Exec refuses: a replay is read-only.
func (replayEngine) Exec(game.LogEntry) (engine.Change, error) {
	return engine.Change{}, &game.UsageError{Msg: game.M("ui.replay.read_only")}
}

// openReplay reads a report, a session log or a save and shows its
// session read-only, off the loop.
func (a *App) openReplay(path string) {
	if a.opening != nil {
		return
	}
	ch := make(chan opened, 1)
	a.opening = ch
	cat := a.cat
	go func() { ch <- loadReplay(cat, path) }()
	a.repaint = true
}

// loadReplay reads a file with report.ReadSource and replays its session
// on its scenario: the one the file names, else the embedded one of the
// log's scenario id.
func loadReplay(cat *catalog.Catalog, path string) opened {
	b, err := safefile.Read(path, report.MaxSource)
	if err != nil {
		return opened{err: err}
	}
	src, err := report.ReadSource(b)
	if err != nil {
		return opened{err: fmt.Errorf("%s: %w", filepath.Base(path), err)}
	}
	l, err := src.ParseLog()
	if err != nil {
		return opened{err: fmt.Errorf("%s: %w", filepath.Base(path), err)}
	}
	ref := src.ScenarioRef(l)
	p, err := compileRef(cat, ref)
	var nf *catalog.NotFoundError
	if errors.As(err, &nf) && ref != l.Scenario {
		// A path on the trainee's machine: the embedded scenario of the id.
		ref = l.Scenario
		p, err = compileRef(cat, ref)
	}
	if err != nil {
		return opened{err: err}
	}
	s, rerr := p.Resume(l, engine.Options{})
	if s == nil {
		return opened{err: rerr}
	}
	m := newMatch(p.Source, replayEngine{s})
	m.replay = path
	for _, e := range l.Entries {
		m.history = append(m.history, e.Line)
	}
	scene := SceneDesk
	if s.View().Ending != nil {
		scene = SceneDebrief
	}
	return opened{m: m, err: rerr, resume: true, st: savedState{source: ref, scene: scene, tab: TabChart}}
}

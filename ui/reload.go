package ui

import (
	"fmt"
	"os"
	"strings"
	"time"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
	"takedown/scripting/sandbox"
)

// reloadInterval is how many ticks pass between looks at the scenario file:
// once a second at 60 TPS.
const reloadInterval = 60

// reload takes a new version of the scenario: the file changed on disk, or
// the author pressed Ctrl+R. On an error the overlay shows it, positioned,
// and the previous version keeps running.
func (a *App) reload() {
	nm, err := reloadMatch(a.cat, a.m)
	if err != nil {
		a.overlay = &overlay{title: a.t("reload_error"), lines: strings.Split(a.p.Err(err), "\n"), note: a.t("reload_error_note"), bad: true}
		a.rebuild = true
		return
	}
	old := a.m
	a.m = nm
	old.eng.Close()
	a.setPrinter()
	if a.overlay != nil && a.overlay.title == a.t("reload_error") {
		a.overlay = nil
	}
	a.rebuild = true
	a.saveSession()
}

// reloadMatch loads the match's scenario again from its source and replays
// the session's commands on the new version, so that an author returns to
// the same point. The old match is not touched: on any error it keeps
// running and the error says why the new version was not taken.
func reloadMatch(cat *catalog.Catalog, m *match) (*match, error) {
	src, err := cat.Reload(m.src)
	if err != nil {
		return nil, err
	}
	p, errs := engine.Compile(src, sandbox.Limits{})
	if errs != nil {
		return nil, errs
	}
	l, err := game.ParseLog(strings.NewReader(string(m.eng.LogText())))
	if err != nil {
		return nil, err
	}
	for i := range l.Entries {
		l.Entries[i].Sum = "" // the new version may word or order its events differently
	}
	s, err := p.Resume(l, engine.Options{})
	if err != nil {
		if s != nil {
			s.Close()
		}
		return nil, fmt.Errorf("the new version cannot replay this session: %w", err)
	}
	nm := newMatch(src, s)
	nm.history = append([]string(nil), m.history...)
	return nm, nil
}

// watcher notices when a scenario file on disk changes. It looks at the
// file's size and modification time at most every interval of ticks, so
// that an idle app does no work between looks.
type watcher struct {
	path     string
	mod      time.Time
	size     int64
	interval int
	ticks    int
}

// newWatcher returns a watcher for a scenario file on disk, or nil for an
// embedded scenario.
func newWatcher(src *catalog.Source, interval int) *watcher {
	if src == nil || src.Embedded {
		return nil
	}
	st, err := os.Stat(src.Ref)
	if err != nil || st.IsDir() {
		return nil
	}
	return &watcher{path: src.Ref, mod: st.ModTime(), size: st.Size(), interval: max(1, interval)}
}

// poll counts a tick and reports whether the file changed since it was
// last seen.
func (w *watcher) poll() bool {
	if w == nil {
		return false
	}
	w.ticks++
	if w.ticks < w.interval {
		return false
	}
	w.ticks = 0
	st, err := os.Stat(w.path)
	if err != nil {
		return false
	}
	if st.ModTime().Equal(w.mod) && st.Size() == w.size {
		return false
	}
	w.mod, w.size = st.ModTime(), st.Size()
	return true
}

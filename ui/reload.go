package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"takedown/cli"
	"takedown/game"
	"takedown/scripting"
)

// reloadInterval is how many ticks pass between looks at the scenario file:
// once a second at 60 TPS.
const reloadInterval = 60

// reload takes a new version of the scenario: the file changed on disk, or
// the author pressed Ctrl+R. On an error the overlay shows it, positioned,
// and the previous version keeps running.
func (a *App) reload() {
	nm, err := reloadMatch(a.m)
	if err != nil {
		a.overlay = &overlay{title: a.t("reload_error"), lines: strings.Split(err.Error(), "\n"), note: a.t("reload_error_note"), bad: true}
		a.rebuild = true
		return
	}
	old := a.m
	a.m = nm
	if old.script != nil {
		old.script.Close()
	}
	if a.overlay != nil && a.overlay.title == a.t("reload_error") {
		a.overlay = nil
	}
	a.rebuild = true
	a.save()
}

// reloadMatch loads the match's scenario again from its source and replays
// the session's commands on the new version, so that an author returns to
// the same point. The old match is not touched: on any error it keeps
// running and the error says why the new version was not taken.
func reloadMatch(m *match) (*match, error) {
	src, err := refind(m.src)
	if err != nil {
		return nil, err
	}
	sc, script, errs := scripting.Load(src.Name, src.Src, src.Options())
	if errs != nil {
		return nil, errs
	}
	l := m.s.Record()
	l.Hash = sc.Hash
	for i := range l.Entries {
		l.Entries[i].Sum = "" // the new version may word its events differently
	}
	s, err := game.Replay(sc, script, l)
	if err != nil {
		script.Close()
		return nil, fmt.Errorf("the new version cannot replay this session: %v", err)
	}
	nm := &match{src: src, sc: sc, script: script, s: s, history: append([]string(nil), m.history...)}
	nm.rebuildConsole()
	return nm, nil
}

// refind reads a source again: from disk when it came from a file, else
// from the embedded scenarios.
func refind(old *cli.Source) (*cli.Source, error) {
	if st, err := os.Stat(old.Name); err == nil && !st.IsDir() {
		return cli.FindFile(old.Name)
	}
	return cli.Find(strings.TrimSuffix(filepath.Base(old.Name), ".lua"))
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
func newWatcher(path string, interval int) *watcher {
	st, err := os.Stat(path)
	if err != nil || st.IsDir() {
		return nil
	}
	return &watcher{path: path, mod: st.ModTime(), size: st.Size(), interval: max(1, interval)}
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

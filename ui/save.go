package ui

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"takedown/game"
)

// saveMagic starts the payload the app stores: a few header lines of
// interface state, a blank line, then the session log.
const saveMagic = "takedown-save 1"

// savedState is what a save holds besides the session log.
type savedState struct {
	source string // scenario name or path
	lang   game.Lang
	scene  string
	tab    string
	log    []byte
}

func encodeSave(st savedState) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\nsource %s\nlang %s\nscene %s\ntab %s\n\n", saveMagic, st.source, st.lang, st.scene, st.tab)
	b.Write(st.log)
	return b.Bytes()
}

func decodeSave(data []byte) (savedState, error) {
	var st savedState
	head, log, ok := bytes.Cut(data, []byte("\n\n"))
	if !ok {
		return st, fmt.Errorf("the save has no session log")
	}
	sc := bufio.NewScanner(bytes.NewReader(head))
	first := true
	for sc.Scan() {
		line := sc.Text()
		if first {
			if line != saveMagic {
				return st, fmt.Errorf("not a Takedown save (or written by a newer version)")
			}
			first = false
			continue
		}
		k, v, _ := strings.Cut(line, " ")
		switch k {
		case "source":
			st.source = v
		case "lang":
			st.lang = game.Lang(v)
		case "scene":
			st.scene = v
		case "tab":
			st.tab = v
		}
	}
	if first || st.source == "" {
		return st, fmt.Errorf("the save names no scenario")
	}
	st.log = log
	return st, nil
}

// saveName is the slot a scenario's session is kept in: its id, with any
// character a save name may not hold replaced.
func saveName(scenarioID string) string {
	b := []byte("session-" + scenarioID)
	for i, c := range b {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
		if !ok {
			b[i] = '_'
		}
	}
	return string(b[:min(len(b), 64)])
}

// save writes the session after a change. Saving is best effort: a failure
// is shown, never fatal.
func (a *App) save() {
	if a.opt.Store == nil || a.m == nil {
		return
	}
	scene := a.scene
	if scene == SceneTitle {
		scene = SceneDesk
	}
	data := encodeSave(savedState{source: sourceName(a.m.src), lang: a.lang, scene: scene, tab: a.desk.tab, log: a.m.logText()})
	if err := a.opt.Store.Write(saveName(a.m.sc.ID), data); err != nil {
		a.overlay = &overlay{title: a.t("save_warn"), lines: []string{err.Error()}, bad: true}
		a.rebuild = true
	}
}

// savedInfo describes a saved session for the title scene. ok is false
// when there is none; problem says why a save that exists cannot be used,
// or that an older copy will be used.
func (a *App) savedInfo(scenarioID string) (info string, ok bool, problem string) {
	if a.opt.Store == nil {
		return "", false, ""
	}
	data, warn, err := a.opt.Store.Read(saveName(scenarioID))
	if errors.Is(err, fs.ErrNotExist) {
		return "", false, ""
	}
	if err != nil {
		return "", false, err.Error()
	}
	if warn != nil {
		problem = warn.Error()
	}
	st, err := decodeSave(data)
	if err != nil {
		return "", false, err.Error()
	}
	l, err := game.ParseLog(bytes.NewReader(st.log))
	if err != nil {
		return "", false, err.Error()
	}
	return fmt.Sprintf("%d %s", len(l.Entries), a.t("commands_n")), true, problem
}

// resume loads the saved session of a scenario. quiet skips the message
// when there is no save.
func (a *App) resume(name string, quiet bool) bool {
	if a.opt.Store == nil {
		return false
	}
	src, sc, script, err := loadScenario(name)
	if err != nil {
		if !quiet {
			a.showLoadError(err)
		}
		return false
	}
	data, warn, err := a.opt.Store.Read(saveName(sc.ID))
	if err != nil || data == nil {
		script.Close()
		if !quiet && err != nil {
			a.overlay = &overlay{title: a.t("save_warn"), lines: []string{err.Error()}, bad: true}
			a.rebuild = true
		}
		return false
	}
	st, err := decodeSave(data)
	var m *match
	if err == nil {
		m, err = resumeMatch(src, sc, script, st.log)
	}
	if m == nil {
		script.Close()
		a.overlay = &overlay{title: a.t("save_warn"), lines: []string{err.Error()}, bad: true}
		a.rebuild = true
		return false
	}
	a.closeMatch()
	a.m = m
	a.watch = newWatcher(m.src.Name, reloadInterval)
	a.desk = deskState{tab: TabChart}
	if st.tab != "" {
		a.desk.tab = st.tab
	}
	if st.lang == game.RU || st.lang == game.EN {
		a.lang = st.lang
	}
	var msgs []string
	if warn != nil {
		msgs = append(msgs, warn.Error())
	}
	if err != nil {
		msgs = append(msgs, err.Error())
	}
	if len(msgs) > 0 {
		a.overlay = &overlay{title: a.t("save_warn"), lines: msgs, bad: true}
	}
	a.scene = st.scene
	if a.scene == "" || a.scene == SceneTitle {
		a.scene = SceneDesk
	}
	a.rebuild = true
	return true
}

// settingsName is the save that keeps the window's settings.
const settingsName = "settings"

// loadSettings reads the text size and language chosen last time.
func loadSettings(st Store) (float64, game.Lang) {
	scale, lang := 1.0, game.EN
	if st == nil {
		return scale, lang
	}
	data, _, err := st.Read(settingsName)
	if err != nil {
		return scale, lang
	}
	for _, line := range strings.Split(string(data), "\n") {
		k, v, _ := strings.Cut(line, " ")
		switch k {
		case "scale":
			if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 0.5 && f <= 3 {
				scale = f
			}
		case "lang":
			if game.Lang(v) == game.RU {
				lang = game.RU
			}
		}
	}
	return scale, lang
}

// saveSettings keeps the text size and language for the next start.
func (a *App) saveSettings() {
	if a.opt.Store == nil {
		return
	}
	data := fmt.Sprintf("scale %.2f\nlang %s\n", a.opt.Scale, a.lang)
	if err := a.opt.Store.Write(settingsName, []byte(data)); err != nil {
		a.overlay = &overlay{title: a.t("save_warn"), lines: []string{err.Error()}, bad: true}
		a.rebuild = true
	}
}

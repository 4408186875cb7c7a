package ui

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"takedown/catalog"
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

// saveSession queues the session and where the trainee is for writing off
// the loop. The log is the one the last finished command left, so saving
// never waits for a command that is running.
func (a *App) saveSession() {
	if a.saveSeatSession() {
		return // a room's seat is kept per room (join.go)
	}
	if a.saver == nil || a.m == nil || a.m.src == nil || a.m.log == nil || a.m.replay != "" {
		return // a replay is someone's file, read-only
	}
	id := a.scene.id()
	switch id {
	case SceneTitle:
		id = SceneDesk
	case SceneSnapshot:
		id = SceneDebrief
	}
	data := encodeSave(savedState{source: a.m.src.Ref, lang: a.lang, scene: id, tab: a.desk.tab, log: a.m.log})
	a.saver.put(a.saveSlot(a.m.view.Scenario.ID), data)
	a.title.refresh(a, a.m.src.Ref)
}

// opened is a session loaded off the loop, ready to be shown.
type opened struct {
	m      *match
	err    error // why it could not be opened (m is nil) or replayed to the end
	warn   error // the save fell back to an older copy
	st     savedState
	resume bool // it came from a save
	quiet  bool
	// copied is where the whole save was kept when only a part of it
	// replayed, before the part is saved over it; copyErr says why it
	// could not be kept.
	copied  string
	copyErr error
}

// open loads a scenario's session off the loop: its save when resume is set
// and one exists, else a new session when fresh is set. The loop takes the
// result in Update (see takeOpened).
func (a *App) open(ref string, resume, fresh, quiet bool) {
	if a.opening != nil {
		return
	}
	ch := make(chan opened, 1)
	a.opening = ch
	store, cat, seed := a.opt.Store, a.cat, a.seed()
	go func() { ch <- loadSession(cat, store, ref, resume, fresh, quiet, seed) }()
	a.repaint = true
}

// loadSession reads and replays a save, or starts a session.
func loadSession(cat *catalog.Catalog, store Store, ref string, resume, fresh, quiet bool, seed uint64) opened {
	p, err := compileRef(cat, ref)
	if err != nil {
		return opened{err: err}
	}
	if resume && store != nil {
		o := opened{resume: true, quiet: quiet}
		id, err := scenarioID(p)
		if err != nil {
			return opened{err: err}
		}
		data, warn, err := store.Read(saveName(id))
		switch {
		case errors.Is(err, fs.ErrNotExist) && fresh:
		case err != nil:
			o.err = err
			return o
		default:
			o.warn = warn
			st, derr := decodeSave(data)
			if derr != nil {
				o.err = derr
				return o
			}
			o.st = st
			o.m, o.err = resumeLocal(p, st.log)
			if o.m != nil && o.err != nil {
				o.copied, o.copyErr = keepWhole(store, saveName(id), data)
			}
			return o
		}
	}
	if !fresh {
		return opened{}
	}
	m, err := startLocal(p, seed)
	return opened{m: m, err: err}
}

// takeOpened installs a session loaded off the loop.
func (a *App) takeOpened(o opened) {
	if o.m == nil {
		if o.err == nil || o.quiet && errors.Is(o.err, fs.ErrNotExist) {
			return
		}
		if o.resume {
			a.overlay = &overlay{title: a.t("save_warn"), lines: []string{a.p.Err(o.err)}, note: a.t("save_kept_note"), bad: true}
			a.rebuild = true
			return
		}
		a.showLoadError(o.err)
		return
	}
	a.closeMatch()
	a.m = o.m
	a.m.log = a.m.eng.LogText()
	trimMemory()
	a.watch = newWatcher(a.m.src, reloadInterval)
	a.desk = newDeskScene()
	if !o.resume {
		a.setPrinter()
		a.goTo(SceneBriefing)
		return
	}
	if o.st.tab != "" {
		a.desk.tab = o.st.tab
	}
	if l := a.text.Supported(o.st.lang); o.st.lang != "" && l == o.st.lang {
		a.lang = l
	}
	a.setPrinter()
	var msgs []string
	if o.warn != nil {
		msgs = append(msgs, o.warn.Error())
	}
	if o.err != nil {
		msgs = append(msgs, a.p.Err(o.err))
	}
	if o.copied != "" || o.copyErr != nil {
		msgs = append(msgs, a.copyNote(o))
	}
	for _, n := range a.m.notes {
		msgs = append(msgs, a.t(n))
	}
	a.m.notes = nil
	if len(msgs) > 0 {
		a.overlay = &overlay{title: a.t("save_warn"), lines: msgs, bad: o.warn != nil || o.err != nil}
	}
	a.m.resumed = a.m.view.Entries > 0
	a.recordLeave() // the save ends the sitting it was written in
	id := o.st.scene
	if id == "" || id == SceneTitle {
		id = SceneDesk
	}
	a.scene = a.sceneByID(id)
	a.rebuild = true
}

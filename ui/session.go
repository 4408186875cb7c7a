package ui

import (
	"strings"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
	"takedown/scripting/sandbox"
)

// entry is one block of the console transcript.
type entry struct {
	kind string // command, output, event, error, hint
	at   game.Minutes
	msg  game.Msg
	err  error // a refusal, rendered in the reader's language
}

// match is a session the window plays: its engine, the View of it last
// computed, and the console's transcript and history.
type match struct {
	src     *catalog.Source // nil when the engine is remote
	eng     Engine
	view    *game.View
	console []entry
	history []string
	// errs are script errors not yet shown in the overlay.
	errs []string
	// notes are messages to show once (an old save's checksums dropped).
	notes []string
	// log is the session's log as the last finished command left it: what
	// a save writes.
	log []byte
	// replay is the file a read-only session was read from (report.go);
	// "" for the trainee's own session.
	replay string
	// resumed is set when the session was read from a save and no command
	// has been logged since: the next entry begins a new sitting.
	resumed bool
}

// newMatch wraps a session.
func newMatch(src *catalog.Source, eng Engine) *match {
	m := &match{src: src, eng: eng, view: eng.View(), log: eng.LogText()}
	m.rebuildConsole(eng.Events())
	return m
}

// compileRef finds and compiles a scenario.
func compileRef(cat *catalog.Catalog, ref string) (*engine.Program, error) {
	src, err := cat.Find(ref)
	if err != nil {
		return nil, err
	}
	p, errs := engine.Compile(src, sandbox.Limits{})
	if errs != nil {
		return nil, errs
	}
	return p, nil
}

// scenarioID runs a compiled scenario's declarations for its id.
func scenarioID(p *engine.Program) (string, error) {
	sc, script, errs := p.Load()
	if errs != nil {
		return "", errs
	}
	script.Close()
	return sc.ID, nil
}

// startLocal starts a new local session of a compiled scenario.
func startLocal(p *engine.Program, seed uint64) (*match, error) {
	s, err := p.NewSession(engine.Options{Seed: seed})
	if err != nil {
		return nil, err
	}
	return newMatch(p.Source, s), nil
}

// resumeLocal replays a saved log. A log that no longer replays to the end
// gives the session as far as it went and the reason.
func resumeLocal(p *engine.Program, log []byte) (*match, error) {
	s, rerr := p.ResumeText(log, engine.Options{})
	if s == nil {
		return nil, rerr
	}
	m := newMatch(p.Source, s)
	for _, e := range s.Log().Entries {
		m.history = append(m.history, e.Line)
	}
	if s.OldChecksums() {
		m.notes = append(m.notes, "old_checksums")
	}
	return m, rerr
}

// rebuildConsole makes the transcript from the session's visible events.
func (m *match) rebuildConsole(evs []game.Event) {
	m.console = m.console[:0]
	for _, ev := range evs {
		m.addEvent(ev)
	}
}

func (m *match) addEvent(ev game.Event) {
	if ev.Hidden || ev.Kind == game.EvStart {
		return
	}
	k := "event"
	switch ev.Kind {
	case game.EvCommand:
		k = "command"
	case game.EvOutput:
		k = "output"
	case game.EvScriptError:
		k = "error"
	}
	m.console = append(m.console, entry{kind: k, at: ev.At, msg: ev.Msg})
}

// remember adds a line to the console's history.
func (m *match) remember(line string) {
	if n := len(m.history); n == 0 || m.history[n-1] != line {
		m.history = append(m.history, line)
	}
}

// take applies a finished command to the transcript and the View, and
// reports whether the session's log grew.
func (m *match) take(res jobResult) (logged bool) {
	line := strings.TrimSpace(res.line)
	if res.view != nil {
		m.view = res.view
	}
	if res.log != nil {
		m.log = res.log
	}
	if res.err != nil && res.change.Halted == nil {
		m.console = append(m.console, entry{kind: "command", at: m.view.Now, msg: game.Verbatim(line)}, entry{kind: "error", at: m.view.Now, err: res.err})
		return false
	}
	if res.change.Halted != nil {
		// The command was undone: the transcript is the session's again.
		m.rebuildConsole(res.events)
		return false
	}
	for _, ev := range res.change.Events {
		if ev.Seq < 0 {
			m.console = append(m.console, entry{kind: "command", at: m.view.Now, msg: game.Verbatim(line)})
		}
		m.addEvent(ev)
		if ev.Kind == game.EvScriptError {
			a, _ := ev.Msg.Arg("s")
			m.errs = append(m.errs, a.Str)
		}
	}
	return res.change.Entry != nil
}

// name returns a known entity's display name in a language.
func (m *match) name(id string, l game.Lang) string { return m.view.Name(id).In(l) }

// actions lists the commands that fit a known entity, from the View.
func (m *match) actions(id string) []game.ActionView {
	if e := m.view.Entity(id); e != nil {
		return e.Actions
	}
	return nil
}

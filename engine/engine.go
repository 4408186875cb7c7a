// Package engine owns one session of one compiled scenario: it opens it from
// the catalogue, carries out commands as an actor (the trainee, the
// instructor, a script), and returns what changed as data — the events, and
// the session's View. It keeps the log, replays it, forks it for what-if
// questions, and rebuilds the session from its log when a command meets a
// halting error. The command-line tools, the window, the workshop room and
// the records all use it; none of them loads Lua or starts a game.Session
// itself.
package engine

import (
	"bytes"
	"errors"
	"sync/atomic"
	"time"

	"takedown/catalog"
	"takedown/game"
	"takedown/scripting"
	"takedown/scripting/sandbox"
)

// Program is a scenario compiled once; each session instantiates it in a
// sandbox of its own.
type Program struct {
	Source *catalog.Source
	prog   *scripting.Program
}

// Compile compiles a source found in the catalogue. limits may be zero for
// the defaults.
func Compile(src *catalog.Source, limits sandbox.Limits) (*Program, scripting.ErrorList) {
	p, errs := scripting.Compile(src.Name, src.Src, scripting.Options{Rules: src.Rules(), RulesDir: src.RulesDir(), Limits: limits})
	if errs != nil {
		return nil, errs
	}
	return &Program{Source: src, prog: p}, nil
}

// Open finds a scenario by name or path and compiles it.
func Open(cat *catalog.Catalog, ref string) (*Program, error) {
	src, err := cat.Find(ref)
	if err != nil {
		return nil, err
	}
	p, errs := Compile(src, sandbox.Limits{})
	if errs != nil {
		return nil, errs
	}
	return p, nil
}

// Load runs the scenario's declarations and returns the scenario and its
// script, for checks that need no session. The caller closes the script.
func (p *Program) Load() (*game.Scenario, *scripting.Script, scripting.ErrorList) {
	return p.prog.Instantiate()
}

// Options configures a session.
type Options struct {
	Seed   uint64
	Budget game.Budget
	// Clock gives the wall-clock time recorded with each log entry; nil
	// uses time.Now. It never affects the rules.
	Clock func() time.Time
}

// Session is one session of a compiled scenario.
type Session struct {
	prog   *Program
	opt    Options
	cancel atomic.Bool
	g      *game.Session
	script *scripting.Script
	view   *game.View
	// oldSums is set when the session was resumed from a log of an older
	// release whose checksums could not be checked.
	oldSums bool
}

// NewSession starts a new session.
func (p *Program) NewSession(opt Options) (*Session, error) {
	sc, script, errs := p.prog.Instantiate()
	if errs != nil {
		return nil, errs
	}
	g, err := game.NewSessionBudget(sc, opt.Seed, script, opt.Budget)
	if err != nil {
		script.Close()
		return nil, err
	}
	s := &Session{prog: p, opt: opt, g: g, script: script}
	g.SetInterrupt(s.cancel.Load)
	return s, nil
}

// Resume replays a saved log. When the log no longer replays to its end the
// session is returned as far as it went, with a *game.ReplayError saying
// why; other errors return no session.
func (p *Program) Resume(l game.SessionLog, opt Options) (*Session, error) {
	opt.Seed = l.Seed
	sc, script, errs := p.prog.Instantiate()
	if errs != nil {
		return nil, errs
	}
	g, err := game.ReplayBudget(sc, script, l, opt.Budget)
	if g == nil {
		script.Close()
		return nil, err
	}
	s := &Session{prog: p, opt: opt, g: g, script: script, oldSums: l.OldChecksums()}
	g.SetInterrupt(s.cancel.Load)
	return s, err
}

// ResumeText parses and replays a log in its text form.
func (p *Program) ResumeText(log []byte, opt Options) (*Session, error) {
	l, err := game.ParseLog(bytes.NewReader(log))
	if err != nil {
		return nil, err
	}
	return p.Resume(l, opt)
}

// Program returns the compiled scenario the session plays.
func (s *Session) Program() *Program { return s.prog }

// OldChecksums reports whether the session was resumed from a log of an
// older release, whose checksums were not checked (the app says so once).
func (s *Session) OldChecksums() bool { return s.oldSums }

// Change is what one command changed.
type Change struct {
	Events []game.Event    // the events it caused, or its answer
	Entry  *game.LogEntry  // the log entry, or nil for a question
	Halted *game.HaltError // set when the command met a halting error and was undone
}

// Do carries out one command line as an actor.
func (s *Session) Do(actor game.Actor, line string) (Change, error) {
	return s.Exec(game.LogEntry{Line: line, Actor: actor})
}

// Exec carries out one command with its reason. A usage error changes
// nothing. A command that meets a halting error (a limit that depends on the
// machine, a session-wide budget) is undone: the session is rebuilt from its
// log, and the error is returned (also as Change.Halted) so that the caller
// can show it.
func (s *Session) Exec(e game.LogEntry) (Change, error) {
	if e.Wall == 0 {
		now := time.Now
		if s.opt.Clock != nil {
			now = s.opt.Clock
		}
		e.Wall = now().Unix()
	}
	evs, err := s.g.Exec(e)
	s.cancel.Store(false)
	var h *game.HaltError
	if errors.As(err, &h) {
		if rerr := s.rebuild(); rerr != nil {
			return Change{Halted: h}, errors.Join(err, rerr)
		}
		return Change{Halted: h}, err
	}
	if err != nil {
		return Change{}, err
	}
	s.view = nil
	c := Change{Events: evs}
	if len(evs) > 0 && evs[0].Seq >= 0 {
		log := s.g.Log()
		c.Entry = &log[len(log)-1]
	}
	return c, nil
}

// rebuild replays the log into a fresh session after a halt.
func (s *Session) rebuild() error {
	l := s.g.Record()
	ns, err := s.prog.Resume(l, s.opt)
	if err != nil {
		if ns != nil {
			ns.Close()
		}
		return err
	}
	s.script.Close()
	s.g, s.script, s.view = ns.g, ns.script, nil
	s.g.SetInterrupt(s.cancel.Load)
	return nil
}

// Cancel stops the command that is running, if any: it is undone as if it
// had never been given. It may be called from any goroutine.
func (s *Session) Cancel() { s.cancel.Store(true) }

// View returns the session's View, computed once per change.
// Once the case has ended, the View's debrief includes the what-ifs of the
// key decisions, played out on forks of the log.
func (s *Session) View() *game.View {
	if s.view == nil {
		s.view = s.g.View()
		s.whatIfs(s.view.Debrief)
	}
	return s.view
}

// Events returns every event so far; the slice must not be changed.
func (s *Session) Events() []game.Event { return s.g.Events() }

// Log returns the session's log.
func (s *Session) Log() game.SessionLog { return s.g.Record() }

// LogText returns the session's log in its text form.
func (s *Session) LogText() []byte {
	var b bytes.Buffer
	_, _ = s.g.Record().WriteTo(&b) // a bytes.Buffer never fails
	return b.Bytes()
}

// Game returns the rules' session, read-only: for walkthrough
// expectations and tests. Changing it is an error.
func (s *Session) Game() *game.Session { return s.g }

// Script returns the scenario's script (for the text problems check reports).
func (s *Session) Script() *scripting.Script { return s.script }

// Fork returns a new session replayed to just before log entry n (0 is the
// start), to continue another way.
func (s *Session) Fork(n int) (*Session, error) {
	l := s.g.Record()
	if n < 0 || n > len(l.Entries) {
		n = len(l.Entries)
	}
	l.Entries = l.Entries[:n]
	return s.prog.Resume(l, s.opt)
}

// Close releases the session's sandbox.
func (s *Session) Close() {
	if s.script != nil {
		s.script.Close()
	}
}

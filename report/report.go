// Package report writes the after-action report of a session: one
// self-contained HTML file that opens offline in any browser, prints well,
// and carries the session itself so that the file is also a take-home
// replay (ReadSource reads it back).
//
// The report follows the shape of the HSEEP After-Action Report: an
// overview, an executive summary, each objective (and each lesson the
// scenario declares) rated P, S, M or U with the evidence for the rating,
// strengths, areas for improvement and an improvement plan. At each key
// decision it asks the Army after-action review's four questions. It draws
// a timeline and the strength of the case over the simulated days as SVG
// charts, lists the evidence with its hashes and admissibility and the
// reasons the trainee typed.
//
// Build replays a session's log entry by entry on its compiled scenario,
// sampling what the rules say after each; everything shown is the rules'
// (the View, the debrief, the events), rendered through the message
// catalogue in the report's language. Nothing depends on the clock of the
// machine that writes the report: the same session and options give the
// same bytes.
package report

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"takedown/engine"
	"takedown/game"
	"takedown/i18n"
	"takedown/records"
)

// Options configure a report.
type Options struct {
	// Lang is the report's language; the catalogue's best match is used.
	Lang game.Lang
	// Text is the message catalogue.
	Text *i18n.Catalog
	// Account is the trainee as the overview names them; zero names the
	// actor of the log's commands.
	Account records.Account
	// Scenario is the scenario's name or path, kept in the report so that
	// it can be replayed; empty means the log's scenario id.
	Scenario string
}

// sample is the case's strength after one log entry.
type sample struct {
	at      game.Minutes // when it changed: the last evidence filed in the entry, else the entry's end
	proven  int          // elements of the offence proven
	damages int64
}

// step is one log entry as the report needs it.
type step struct {
	entry   game.LogEntry
	cmd     game.Command
	events  []game.Event // the events the entry caused
	end     game.Minutes // the clock after it
	risk    game.Risk    // the risk the desk showed for the command before it
	riskMsg game.Msg
	flags   []string // flags the entry set
}

// Report is a session gathered for its after-action report. Build makes
// one; Write renders it.
type Report struct {
	opt      Options
	log      game.SessionLog
	view     *game.View // after the last entry
	events   []game.Event
	steps    []step
	samples  []sample
	elements []string // the elements of the offence the case needs
	decls    []scenarioDecision
	p        *i18n.Printer
}

// Build replays a session's log on its compiled scenario, entry by entry,
// checking each entry's checksum as Resume does, and gathers what the
// report shows. A log that does not replay to its end gives a
// *game.ReplayError.
func Build(prog *engine.Program, log game.SessionLog, opt Options) (*Report, error) {
	if opt.Text == nil {
		return nil, errors.New("report: no message catalogue")
	}
	es, err := prog.NewSession(engine.Options{Seed: log.Seed, Clock: func() time.Time { return time.Unix(0, 0) }})
	if err != nil {
		return nil, err
	}
	defer es.Close()
	if es.View().Scenario.ID != log.Scenario {
		return nil, fmt.Errorf("report: the session is of scenario %q, not %q", log.Scenario, es.View().Scenario.ID)
	}
	sc := es.Game().Scenario()
	r := &Report{opt: opt, log: log}
	for _, el := range slices.Concat(sc.Case.Handoff, sc.Case.Court) {
		if !slices.Contains(r.elements, el) {
			r.elements = append(r.elements, el)
		}
	}
	for _, d := range sc.Decisions {
		r.decls = append(r.decls, scenarioDecision{flag: d.Flag, taken: d.Taken, notTaken: d.NotTaken})
	}
	r.samples = append(r.samples, r.sample(es, 0))
	check := !log.OldChecksums()
	for i, e := range log.Entries {
		cmd, _ := game.ParseCommand(e.Line)
		st := step{entry: e, cmd: cmd}
		if isKey(cmd.Verb) {
			st.risk, st.riskMsg = riskOf(es.View(), cmd.String())
		}
		before := es.Game().Flags()
		first := len(es.Events())
		if _, err := es.Exec(e); err != nil {
			return nil, &game.ReplayError{Entry: i + 1, Line: e.Line, Err: err}
		}
		if check && e.Sum != "" && es.Game().Checksum() != e.Sum {
			return nil, &game.ReplayError{Entry: i + 1, Line: e.Line, Err: &game.DivergedError{Got: es.Game().Checksum(), Want: e.Sum}}
		}
		st.events = slices.Clone(es.Events()[first:])
		st.end = es.Game().Now()
		for f, v := range es.Game().Flags() {
			if v != "" && before[f] == "" {
				st.flags = append(st.flags, f)
			}
		}
		slices.Sort(st.flags)
		r.steps = append(r.steps, st)
		at := st.end
		filed := false
		for _, ev := range st.events {
			if ev.Kind == game.EvEvidence {
				at, filed = ev.At, true
			}
		}
		if filed {
			r.samples = append(r.samples, r.sample(es, at))
		}
	}
	r.view = es.View()
	r.events = slices.Clone(es.Events())
	if r.opt.Scenario == "" {
		r.opt.Scenario = log.Scenario
	}
	r.p = opt.Text.Printer(opt.Lang, r.view, r.view.Scenario.Start)
	return r, nil
}

// sample measures the case: elements proven (the rules' answer) and the
// damages proven.
func (r *Report) sample(es *engine.Session, at game.Minutes) sample {
	n := 0
	for _, el := range r.elements {
		if es.Game().Proven(el) {
			n++
		}
	}
	return sample{at: at, proven: n, damages: es.Game().Damages().Total}
}

// riskOf finds the risk the desk showed for a command line.
func riskOf(v *game.View, line string) (game.Risk, game.Msg) {
	for _, e := range v.Entities {
		for _, a := range e.Actions {
			if a.Line == line {
				return a.Risk, a.RiskMsg
			}
		}
	}
	for _, a := range v.General {
		if a.Line == line {
			return a.Risk, a.RiskMsg
		}
	}
	return game.RiskNone, game.Msg{}
}

// isKey reports whether a console verb is a key decision.
func isKey(verb string) bool { return slices.Contains(records.KeyDecisions(), verb) }

// Lang returns the language the report is written in.
func (r *Report) Lang() game.Lang { return r.p.Lang() }

// Ended reports whether the session's case has ended.
func (r *Report) Ended() bool { return r.view.Debrief != nil }

// wallRange returns the first and last wall-clock times of the log, zero
// when it has none.
func (r *Report) wallRange() (first, last int64) {
	for _, e := range r.log.Entries {
		if e.Wall > 0 {
			if first == 0 {
				first = e.Wall
			}
			last = max(last, e.Wall)
		}
	}
	return first, last
}

// sittings counts the sittings: runs of commands without a pause longer
// than records.DefaultGap.
func (r *Report) sittings() int {
	n, prev := 0, int64(0)
	for _, e := range r.log.Entries {
		if e.Wall <= 0 {
			continue
		}
		if prev == 0 || time.Duration(e.Wall-prev)*time.Second > records.DefaultGap {
			n++
		}
		prev = e.Wall
	}
	return n
}

// trainee names the trainee: the account, else the log's actor.
func (r *Report) trainee() string {
	if a := r.opt.Account; a.Name != "" {
		if a.HomePage != "" {
			return a.Name + " · " + a.HomePage
		}
		return a.Name
	}
	for _, e := range r.log.Entries {
		if e.Actor.Kind() == game.ActorTrainee {
			return string(e.Actor)
		}
	}
	return string(game.ActorTrainee)
}

// wallTime formats a wall-clock time with the catalogue's formats (through
// a printer whose calendar starts at that time), in UTC.
func (r *Report) wallTime(unix int64) string {
	return r.opt.Text.Printer(r.p.Lang(), nil, time.Unix(unix, 0).UTC()).Time(0) + " UTC"
}

// endingTitle names the ending reached.
func (r *Report) endingTitle(e *game.Ending) string {
	if t, _, ok := game.EndingMsgs(e); ok {
		return r.p.Msg(t)
	}
	return r.p.Text(e.Title)
}

// endingText tells what the ending means.
func (r *Report) endingText(e *game.Ending) string {
	if _, t, ok := game.EndingMsgs(e); ok {
		return r.p.Msg(t)
	}
	return r.p.Text(e.Text)
}

// lines renders messages, leaving out empty ones.
func (r *Report) lines(ms ...game.Msg) []string {
	var out []string
	for _, m := range ms {
		if s := strings.TrimSpace(r.p.Msg(m)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// t renders a catalogue message of the report.
func (r *Report) t(id string, args ...game.Arg) string { return r.p.T(id, args...) }

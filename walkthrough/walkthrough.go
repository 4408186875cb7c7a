// Package walkthrough reads and runs .moves files: console commands, one per
// line, with expectations that are checked where they stand.
//
//	# a comment
//	seed 7                  (optional, before the first command)
//	whois kadr-hd.ru
//	wait 3d
//	expect known 198.51.100.23
//	expect not flag takedown_early
//	expect ending conviction
//	expect score >= 70
package walkthrough

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"takedown/engine"
	"takedown/game"
)

// Step is one line of a walkthrough: a command or an expectation.
type Step struct {
	Line    int
	Command string   // console command, or ""
	Expect  []string // expectation words after "expect", or nil
	Negate  bool     // "expect not ..."
}

// Moves is a parsed walkthrough.
type Moves struct {
	Name   string
	Seed   uint64
	Seeded bool
	Steps  []Step
}

// MaxSteps bounds a walkthrough so a hostile file cannot exhaust memory.
const MaxSteps = 20000

// Error is a problem at a line of a walkthrough. Err may be a
// *game.UsageError, which the edge renders in the reader's language.
type Error struct {
	File string
	Line int
	Err  error
}

// Error returns "file:line: message".
func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Parse reads a walkthrough. Errors are *Error, positioned "name:line". A
// leading byte-order mark and CRLF line ends are accepted.
func Parse(name string, r io.Reader) (*Moves, error) {
	m := &Moves{Name: name, Seed: 1}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1024), game.MaxLineLength+64)
	n := 0
	errf := func(format string, args ...any) error {
		return &Error{File: name, Line: n, Err: fmt.Errorf(format, args...)}
	}
	for sc.Scan() {
		n++
		raw := strings.TrimSuffix(sc.Text(), "\r")
		if n == 1 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		line := strings.TrimSpace(raw)
		if i := strings.IndexByte(line, '#'); i == 0 {
			continue
		}
		if line == "" {
			continue
		}
		if len(m.Steps) >= MaxSteps {
			return nil, errf("more than %d steps", MaxSteps)
		}
		f := strings.Fields(stripComment(line))
		if len(f) == 0 {
			continue
		}
		switch strings.ToLower(f[0]) {
		case "seed":
			if len(m.Steps) > 0 || m.Seeded {
				return nil, errf("seed must come once, before the first command")
			}
			if len(f) != 2 {
				return nil, errf("usage: seed N")
			}
			v, err := strconv.ParseUint(f[1], 10, 64)
			if err != nil {
				return nil, errf("bad seed %q", f[1])
			}
			m.Seed, m.Seeded = v, true
		case "expect":
			st := Step{Line: n, Expect: f[1:]}
			if len(st.Expect) > 0 && st.Expect[0] == "not" {
				st.Negate, st.Expect = true, st.Expect[1:]
			}
			if err := checkExpectation(st); err != nil {
				return nil, &Error{File: name, Line: n, Err: err}
			}
			m.Steps = append(m.Steps, st)
		default:
			if _, err := game.ParseCommand(line); err != nil {
				return nil, &Error{File: name, Line: n, Err: err}
			}
			m.Steps = append(m.Steps, Step{Line: n, Command: line})
		}
	}
	if err := sc.Err(); err != nil {
		n++
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, errf("the line is longer than %d characters", game.MaxLineLength)
		}
		return nil, errf("cannot read: %v", err)
	}
	return m, nil
}

func stripComment(s string) string {
	inQ := false
	for i, r := range s {
		switch {
		case r == '"':
			inQ = !inQ
		case r == '#' && !inQ:
			return s[:i]
		}
	}
	return s
}

// expectation kinds and how many arguments each takes.
func expectationArity(kind string) (int, bool) {
	n, ok := map[string]int{
		"ending": 1, "result": 1, "score": 2, "admitted": 1, "rejected": 1, "flag": 1, "event": -1,
		"proven": 1, "known": 1, "arrested": 1, "fled": 1, "case-open": 0, "obtained": 1, "expired": 1,
		"returns": 2, "damages": 2, "ended": 0, "script-errors": 2, "cause": 1, "lesson": 1, "tier": 1, "whatif": 2,
	}[kind]
	return n, ok
}

// ExpectationKinds lists what walkthroughs can expect, for the docs.
func ExpectationKinds() []string {
	return []string{"ending ID", "result win|partial|loss", "score OP N", "admitted SOURCE", "rejected SOURCE",
		"flag NAME", "event KIND [SUBJECT]", "proven ELEMENT", "known ID", "arrested PERSON", "fled PERSON",
		"case-open", "obtained RECORD", "expired RECORD", "returns OP N", "damages OP N", "ended", "script-errors OP N",
		"cause ID (a computed cause: " + strings.Join(game.CauseIDs(), ", ") + ")", "lesson ID (the lesson was earned)", "tier ID (the damages tier reached)",
		"whatif KIND win|partial|loss (the what-if of the first key decision of a kind: ask, handoff, mlat, takedown, raid, prosecute)"}
}

func checkExpectation(st Step) error {
	if len(st.Expect) == 0 {
		return fmt.Errorf("expect what? (%s)", strings.Join(ExpectationKinds(), "; "))
	}
	n, ok := expectationArity(st.Expect[0])
	if !ok {
		return fmt.Errorf("unknown expectation %q (%s)", st.Expect[0], strings.Join(ExpectationKinds(), "; "))
	}
	got := len(st.Expect) - 1
	if n == -1 {
		if got < 1 || got > 2 {
			return fmt.Errorf("usage: expect event KIND [SUBJECT]")
		}
		return nil
	}
	if got != n {
		return fmt.Errorf("expect %s takes %d argument(s), got %d", st.Expect[0], n, got)
	}
	if n == 2 && st.Expect[0] != "whatif" {
		if _, err := compare(st.Expect[1], 0, st.Expect[2]); err != nil {
			return err
		}
	}
	return nil
}

func compare(op string, got int64, want string) (bool, error) {
	w, err := strconv.ParseInt(want, 10, 64)
	if err != nil {
		return false, fmt.Errorf("%q is not a whole number", want)
	}
	switch op {
	case "==", "=":
		return got == w, nil
	case "!=":
		return got != w, nil
	case ">=":
		return got >= w, nil
	case "<=":
		return got <= w, nil
	case ">":
		return got > w, nil
	case "<":
		return got < w, nil
	}
	return false, fmt.Errorf("unknown comparison %q (==, !=, >=, <=, >, <)", op)
}

// Failure is a walkthrough line whose command or expectation failed. Err,
// when set, is what the session said (render it for people).
type Failure struct {
	File string
	Line int
	Msg  string
	Err  error
}

func (f Failure) Error() string {
	if f.Err != nil {
		return fmt.Sprintf("%s:%d: %s: %v", f.File, f.Line, f.Msg, f.Err)
	}
	return fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Msg)
}

// Run plays the walkthrough as the trainee on a session and checks every
// expectation where it stands. It goes on after a failed expectation and
// stops at a command the session refuses or that halts it.
func (m *Moves) Run(es *engine.Session) []Failure {
	var fails []Failure
	for _, st := range m.Steps {
		if st.Command != "" {
			if _, err := es.Do(game.ActorTrainee, st.Command); err != nil {
				fails = append(fails, Failure{File: m.Name, Line: st.Line, Msg: st.Command, Err: err})
				return fails
			}
			continue
		}
		s := es.Game()
		var ok bool
		var desc string
		if st.Expect[0] == "whatif" {
			ok, desc = whatIf(es, st.Expect[1], st.Expect[2])
		} else {
			ok, desc = evaluate(s, st.Expect)
		}
		if ok == st.Negate {
			neg := ""
			if st.Negate {
				neg = "not "
			}
			fails = append(fails, Failure{File: m.Name, Line: st.Line, Msg: fmt.Sprintf("expected %s%s; %s", neg, strings.Join(st.Expect, " "), desc)})
		}
	}
	return fails
}

// whatIf checks the result of the what-if of the first key decision of a
// kind that has one.
func whatIf(es *engine.Session, kind, result string) (bool, string) {
	v := es.View()
	if v.Debrief == nil {
		return false, "the case has not ended"
	}
	for _, k := range v.Debrief.Key {
		if k.Kind == kind && k.WhatIf != nil {
			return k.WhatIf.Result == result, fmt.Sprintf("the what-if of %s ends %s (%s, score %d, day %d)", kind, k.WhatIf.Result, k.WhatIf.Ending, k.WhatIf.Score, k.WhatIf.Day)
		}
	}
	return false, "no key decision " + kind + " has a what-if"
}

// evaluate checks one expectation and describes what was found.
func evaluate(s *game.Session, e []string) (bool, string) {
	arg := func(i int) string { return e[i] }
	switch e[0] {
	case "ending":
		if s.Ending() == nil {
			return false, "the case has not ended"
		}
		return s.Ending().ID == arg(1), "ending is " + s.Ending().ID
	case "ended":
		return s.Ended(), fmt.Sprintf("ended: %v", s.Ended())
	case "result":
		if s.Ending() == nil {
			return false, "the case has not ended"
		}
		return s.Ending().Result == arg(1), "result is " + s.Ending().Result
	case "score":
		d := s.Debrief()
		if d == nil {
			return false, "the case has not ended"
		}
		ok, _ := compare(arg(1), int64(d.Score), arg(2))
		return ok, fmt.Sprintf("score is %d", d.Score)
	case "admitted", "rejected":
		want := e[0] == "admitted"
		var seen []string
		for _, ev := range s.Evidence() {
			if ev.Source == arg(1) {
				seen = append(seen, fmt.Sprintf("%s admissible=%v", ev.Num, ev.Admissible))
				if ev.Admissible == want {
					return true, ""
				}
			}
		}
		if len(seen) == 0 {
			return false, "no evidence from " + arg(1)
		}
		return false, strings.Join(seen, ", ")
	case "flag":
		v := s.Flag(arg(1))
		return v != "", fmt.Sprintf("flag %s = %q", arg(1), v)
	case "event":
		for _, ev := range s.Events() {
			if string(ev.Kind) == arg(1) && (len(e) < 3 || ev.Subject == arg(2)) {
				return true, fmt.Sprintf("event %d at %s", ev.Seq, s.Calendar().Format(ev.At))
			}
		}
		return false, "no such event"
	case "proven":
		return s.Proven(arg(1)), ""
	case "known":
		return s.Known(arg(1)), ""
	case "arrested":
		return s.Arrested(arg(1)), ""
	case "fled":
		return s.Fled(arg(1)), ""
	case "case-open":
		return s.CaseOpen(), ""
	case "obtained":
		return s.Obtained(arg(1)), ""
	case "expired":
		return s.Expired(arg(1)), ""
	case "returns":
		ok, _ := compare(arg(1), int64(s.Returns()), arg(2))
		return ok, fmt.Sprintf("returns: %d", s.Returns())
	case "damages":
		d := s.Damages()
		ok, _ := compare(arg(1), d.Total, arg(2))
		return ok, fmt.Sprintf("damages: %d", d.Total)
	case "cause":
		var ids []string
		for _, c := range s.Causes() {
			if c.ID == arg(1) {
				return true, "cause at day " + strconv.Itoa(int(c.At/game.Day)+1)
			}
			ids = append(ids, c.ID)
		}
		return false, "causes: " + strings.Join(ids, ", ")
	case "lesson":
		for _, l := range s.Lessons() {
			if l.ID == arg(1) {
				if l.Met {
					return true, "lesson met"
				}
				return false, "lesson not met: " + l.Why.ID
			}
		}
		return false, "no lesson " + arg(1)
	case "tier":
		d := s.Damages()
		return d.Tier == arg(1), "tier: " + d.Tier
	case "script-errors":
		n := len(s.ScriptErrors())
		ok, _ := compare(arg(1), int64(n), arg(2))
		return ok, fmt.Sprintf("script errors: %d %v", n, s.ScriptErrors())
	}
	return false, "unknown expectation"
}

// ExpectsScriptErrors reports whether the walkthrough checks script errors
// itself; otherwise any script error during play fails it.
func (m *Moves) ExpectsScriptErrors() bool {
	for _, st := range m.Steps {
		if len(st.Expect) > 0 && st.Expect[0] == "script-errors" {
			return true
		}
	}
	return false
}

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
	"fmt"
	"io"
	"strconv"
	"strings"

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

// Parse reads a walkthrough. Errors are "name:line: message".
func Parse(name string, r io.Reader) (*Moves, error) {
	m := &Moves{Name: name, Seed: 1}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), game.MaxLineLength+64)
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		line := strings.TrimSpace(raw)
		if i := strings.IndexByte(line, '#'); i == 0 {
			continue
		}
		if line == "" {
			continue
		}
		if len(m.Steps) >= MaxSteps {
			return nil, fmt.Errorf("%s:%d: more than %d steps", name, n, MaxSteps)
		}
		f := strings.Fields(stripComment(line))
		if len(f) == 0 {
			continue
		}
		switch strings.ToLower(f[0]) {
		case "seed":
			if len(m.Steps) > 0 || m.Seeded {
				return nil, fmt.Errorf("%s:%d: seed must come once, before the first command", name, n)
			}
			if len(f) != 2 {
				return nil, fmt.Errorf("%s:%d: usage: seed N", name, n)
			}
			v, err := strconv.ParseUint(f[1], 10, 64)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad seed %q", name, n, f[1])
			}
			m.Seed, m.Seeded = v, true
		case "expect":
			st := Step{Line: n, Expect: f[1:]}
			if len(st.Expect) > 0 && st.Expect[0] == "not" {
				st.Negate, st.Expect = true, st.Expect[1:]
			}
			if err := checkExpectation(st); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, n, err)
			}
			m.Steps = append(m.Steps, st)
		default:
			if _, err := game.ParseCommand(line); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, n, err)
			}
			m.Steps = append(m.Steps, Step{Line: n, Command: line})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %v", name, n+1, err)
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
		"returns": 2, "damages": 2, "ended": 0, "script-errors": 2,
	}[kind]
	return n, ok
}

// ExpectationKinds lists what walkthroughs can expect, for the docs.
func ExpectationKinds() []string {
	return []string{"ending ID", "result win|partial|loss", "score OP N", "admitted SOURCE", "rejected SOURCE",
		"flag NAME", "event KIND [SUBJECT]", "proven ELEMENT", "known ID", "arrested PERSON", "fled PERSON",
		"case-open", "obtained RECORD", "expired RECORD", "returns OP N", "damages OP N", "ended", "script-errors OP N"}
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
	if n == 2 {
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

// Failure is a walkthrough line whose command or expectation failed.
type Failure struct {
	File string
	Line int
	Msg  string
}

func (f Failure) Error() string { return fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Msg) }

// Run plays the walkthrough on a session and checks every expectation where
// it stands. It goes on after a failed expectation and stops at a command
// the session refuses.
func (m *Moves) Run(s *game.Session) []Failure {
	var fails []Failure
	for _, st := range m.Steps {
		if st.Command != "" {
			if _, err := s.Do(st.Command); err != nil {
				fails = append(fails, Failure{m.Name, st.Line, fmt.Sprintf("%s: %v", st.Command, err)})
				return fails
			}
			continue
		}
		ok, desc := evaluate(s, st.Expect)
		if ok == st.Negate {
			neg := ""
			if st.Negate {
				neg = "not "
			}
			fails = append(fails, Failure{m.Name, st.Line, fmt.Sprintf("expected %s%s; %s", neg, strings.Join(st.Expect, " "), desc)})
		}
	}
	return fails
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
			if ev.Kind == arg(1) && (len(e) < 3 || ev.Subject == arg(2)) {
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

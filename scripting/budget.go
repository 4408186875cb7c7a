package scripting

import (
	"fmt"

	"takedown/scripting/sandbox"
)

// Budget bounds what a scenario's scripts may do in one session, on top of
// the sandbox's per-call Limits. Instructions are counted the same way on
// every machine (see sandbox.Limits.MaxInstructions), so a session meets a
// bound at the same command whenever its log is replayed. The zero Budget
// means DefaultBudget.
type Budget struct {
	// PerCommand bounds the instructions all handler calls of one command
	// may run together: a wait of months fires every timer in it.
	PerCommand int64
	// PerSession bounds the instructions of the whole session.
	PerSession int64
	// Retained bounds what the Lua state keeps between calls, in the
	// sandbox's cells (about one per table, function, array slot, key and
	// 16 bytes of string; see sandbox.Sandbox.Retained).
	Retained int
}

// DefaultBudget returns the bounds for instructors' scenarios: about a
// hundred times what the heaviest shipped scenario needs (see
// BenchmarkScriptWork), and a second or two of work per command at the
// slowest measured rates.
func DefaultBudget() Budget {
	return Budget{PerCommand: 50_000_000, PerSession: 1_000_000_000, Retained: 1_000_000}
}

// The retained state is measured when enough work has run since the last
// measure: after a handler call once retainedEvery instructions have run,
// at the end of a command once retainedAtEnd have. A cell costs at least a
// quarter of an instruction to make, so the state can outgrow the bound by
// a bounded amount before it is caught, and scenarios whose handlers do
// little are not walked after every command. Both counts are
// deterministic, so a replay meets the bound at the same command.
const (
	retainedEvery = 1 << 20
	retainedAtEnd = 1 << 16
)

// BudgetError is a script that used up one of its session's bounds. The
// command that met it is undone: it halts (game.HaltingError), and the
// session's progress up to that command is kept.
type BudgetError struct {
	Err *sandbox.Error
}

// Error returns the positioned message.
func (e *BudgetError) Error() string { return e.Err.Error() }

// Halts reports true.
func (e *BudgetError) Halts() bool { return true }

// Unwrap returns the positioned error.
func (e *BudgetError) Unwrap() error { return e.Err }

// BeginCommand gives the scripts the rest of their budget for one command
// (game.CommandHooks).
func (s *Script) BeginCommand() {
	if s.sb == nil {
		return
	}
	b := s.budget()
	used := s.sb.Used() - s.loadUsed
	s.cmdStart = s.sb.Used()
	s.cmdBudget = min(b.PerCommand, max(b.PerSession-used, 0))
	s.sb.SetBudget(s.cmdBudget)
	s.inCommand = true
}

// EndCommand measures what the scripts keep once the command is done
// (game.CommandHooks).
func (s *Script) EndCommand() error {
	if s.sb == nil {
		return nil
	}
	s.sb.SetBudget(-1)
	s.inCommand = false
	return s.checkRetained(retainedAtEnd)
}

// budget returns the configured bounds with defaults filled in.
func (s *Script) budget() Budget {
	b, d := s.prog.opts.Budget, DefaultBudget()
	if b.PerCommand <= 0 {
		b.PerCommand = d.PerCommand
	}
	if b.PerSession <= 0 {
		b.PerSession = d.PerSession
	}
	if b.Retained <= 0 {
		b.Retained = d.Retained
	}
	return b
}

// overBudget turns the sandbox's "work budget" error into a halting one that
// names the bound that was met. It returns nil for any other error.
func (s *Script) overBudget(se *sandbox.Error) error {
	if !s.inCommand || s.sb.Used()-s.cmdStart < s.cmdBudget {
		return nil
	}
	b := s.budget()
	e := *se
	if s.cmdBudget < b.PerCommand {
		e.Msg = fmt.Sprintf("the scenario's scripts used their work budget for the whole session (%s instructions); the scenario must do less in its handlers", grouped(b.PerSession))
	} else {
		e.Msg = fmt.Sprintf("the scenario's scripts used their work budget for one command (%s instructions); the scenario must do less in its handlers", grouped(b.PerCommand))
	}
	return &BudgetError{Err: &e}
}

// checkRetained measures the Lua state when at least every instructions
// have run since the last measure.
func (s *Script) checkRetained(every int64) error {
	used := s.sb.Used()
	if used-s.retainedAt < every {
		return nil
	}
	s.retainedAt = used
	limit := s.budget().Retained
	if _, over := s.sb.Retained(limit); over {
		return &BudgetError{Err: &sandbox.Error{File: s.prog.name, Msg: fmt.Sprintf(
			"the scenario's scripts keep too much between calls (more than %s values in tables and strings); the scenario must keep less state", grouped(int64(limit)))}}
	}
	return nil
}

// grouped writes n with thousands separators.
func grouped(n int64) string {
	s := fmt.Sprint(n)
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// Work reports the instructions the scripts have run since the scenario
// loaded and the cells the Lua state retains now, for benchmarks and for
// authors sizing their scenarios against Budget.
func (s *Script) Work() (instructions int64, retained int) {
	if s.sb == nil {
		return 0, 0
	}
	n, _ := s.sb.Retained(1 << 30)
	return s.sb.Used() - s.loadUsed, n
}

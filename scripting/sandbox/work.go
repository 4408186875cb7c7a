package sandbox

import (
	"context"
	"fmt"

	lua "github.com/yuin/gopher-lua"
)

// defaultMaxInstructions is the work limit of one outermost Run or Call.
// Measured in the sandbox on the development machine (2 shared cores, Go
// 1.26, gopher-lua v1.1.2, counting context in place), in millions of
// instructions a second: `while true do end` 85 to 135, a loop doing
// `n = n + 1` 30 to 56, a loop calling a Lua function 25 to 57, a loop
// storing tostring(i) in a table 9 to 15, ipairs over records building
// strings 9 to 10. 5 million instructions therefore stop a runaway loop in
// 0.04 to 0.55 s here (BenchmarkRunaway: about 0.04 s for an empty loop),
// well before the 2 s deadline even on a machine a few times slower, while
// an honest event handler runs a few thousand and loading a large scenario
// a few hundred thousand. Counting costs nothing measurable over the plain
// deadline context it replaces (BenchmarkCounting).
const defaultMaxInstructions = 5_000_000

// Go builtins that loop without running VM instructions charge their work
// to the budget, so that they too stop at the same point on every machine:
// stepsPerInstruction pattern-matching steps or sort comparisons, or
// bytesPerInstruction bytes of a string built by string.rep, format, gsub,
// table.concat or print, cost one instruction, and so do each match
// attempt of gsub and each element table.concat joins. Measured here, a
// busy loop of each of them spends 10 to 47 million instructions a second,
// within the range of plain Lua code.
const (
	stepsPerInstruction = 4
	bytesPerInstruction = 64
)

// workCtx is the context a call runs under. gopher-lua's VM calls Done once
// before each instruction (mainLoopWithContext in vm.go); workCtx counts
// those calls, and once the call's allowance is spent Done returns a closed
// channel, so the VM raises Err's error at the script's position, and again
// at each later instruction: a script's pcall cannot swallow it.
//
// The embedded context is the call's deadline context, which the deadline,
// the memory watchdog and Fatal cancel. Until the allowance is spent, Done
// returns its channel, so those still stop the script; Err reports whichever
// limit was reached first.
//
// Done and charge must only be called on the goroutine running the script.
// That holds: the VM, the pattern matcher and table.sort run there, the
// memory watchdog waits on the deadline context itself, and the only code
// in gopher-lua deriving a context from an LState's (NewThread, through
// context.WithCancel, for coroutines) is never reached, since coroutine is
// not opened. Were it reached, WithCancel would find the deadline context
// through Value and attach its child there, without a goroutine; the
// coroutine's instructions would not be counted.
type workCtx struct {
	context.Context // the deadline context: Deadline, Value, cancellation

	done    <-chan struct{} // the deadline context's Done, cached
	left    int64           // instructions the call may still run
	start   int64           // left at the start of the call
	kind    string          // "limit" or "budget", for the error
	total   int64           // the allowance named in the error
	decided bool            // the allowance ran out and err was settled
	err     error           // set when the allowance ran out first
	closed  chan struct{}   // closed, returned by Done once err is set
}

// workError is the error of a spent allowance.
type workError struct{ msg string }

func (e *workError) Error() string { return e.msg }

// newWorkCtx returns a context allowing n instructions under parent, the
// deadline context. kind and total name the allowance in the error: "limit"
// for Limits.MaxInstructions, "budget" for SetBudget's.
func newWorkCtx(parent context.Context, n int64, kind string, total int64) *workCtx {
	return &workCtx{
		Context: parent,
		done:    parent.Done(),
		left:    n,
		start:   n,
		kind:    kind,
		total:   total,
	}
}

// Done counts one instruction. It returns the deadline context's channel
// while the allowance lasts, and a closed channel once it is spent (unless
// the deadline context was done first).
func (c *workCtx) Done() <-chan struct{} {
	c.left--
	if c.left >= 0 {
		return c.done
	}
	return c.spent()
}

// spent is Done once the allowance is gone. The first time, it settles
// which limit came first: the allowance, unless the deadline context was
// already done.
func (c *workCtx) spent() <-chan struct{} {
	c.left = -1 // stays negative however long a script keeps retrying
	if !c.decided {
		c.decided = true
		if c.Context.Err() == nil {
			c.err = &workError{msg: fmt.Sprintf("script exceeded its work %s (%d instructions)", c.kind, c.total)}
			c.closed = make(chan struct{})
			close(c.closed)
		}
	}
	if c.err != nil {
		return c.closed
	}
	return c.done
}

// Err returns the work-limit error if the allowance ran out first, and the
// deadline context's error otherwise.
func (c *workCtx) Err() error {
	if c.err != nil {
		return c.err
	}
	return c.Context.Err()
}

// exceeded reports whether the call stopped on its allowance.
func (c *workCtx) exceeded() bool { return c.err != nil }

// used returns the instructions counted so far, at most the allowance.
func (c *workCtx) used() int64 {
	if c.left < 0 {
		return c.start
	}
	return c.start - c.left
}

// charge counts n instructions of work done by a Go builtin and raises the
// limit's error on L if the allowance is spent or the deadline context is
// done.
func (c *workCtx) charge(L *lua.LState, n int64) {
	c.left -= n
	if c.left < 0 {
		c.spent()
	}
	if c.err == nil {
		select {
		case <-c.done:
		default:
			return
		}
	}
	L.RaiseError("%s", c.Err().Error())
}

// add counts n instructions without raising: if that spends the
// allowance, the next instruction stops the script.
func (c *workCtx) add(n int64) {
	c.left -= n
	if c.left < 0 {
		c.spent()
	}
}

// meter charges the steps of a Go builtin (pattern matching, sorting) to
// the call's budget and watches the call's deadline, checking every
// stepsPerCheck steps as the VM does between instructions.
type meter struct {
	L     *lua.LState
	work  *workCtx // nil when no call is running
	steps int      // steps not yet charged
}

func newMeter(L *lua.LState) meter {
	w, _ := L.Context().(*workCtx)
	return meter{L: L, work: w}
}

// add counts n steps.
func (m *meter) add(n int) {
	m.steps += n
	if m.steps >= stepsPerCheck {
		m.flush()
	}
}

// flush charges the steps counted so far (whole instructions only; the
// remainder waits for the next flush).
func (m *meter) flush() {
	if m.work == nil {
		m.steps = 0
		return
	}
	n := m.steps / stepsPerInstruction
	m.steps -= n * stepsPerInstruction
	m.work.charge(m.L, int64(n))
}

// chargeBytes charges the building of an n-byte string to the call's
// budget.
func chargeBytes(L *lua.LState, n int) {
	chargeWork(L, n/bytesPerInstruction)
}

// chargeWork charges n instructions of work by a Go builtin to the call's
// budget.
func chargeWork(L *lua.LState, n int) {
	if w, ok := L.Context().(*workCtx); ok {
		w.charge(L, int64(n))
	}
}

// SetBudget sets how many instructions the following Runs and Calls may run
// in all, on top of the per-call Limits.MaxInstructions: the host calls it
// with its per-command or per-session allowance, whichever is smaller. A
// call that spends the rest of the budget ends with "script exceeded its
// work budget (n instructions)", and later calls end with the same error at
// their first instruction, until SetBudget is called again. A negative n
// removes the budget. Instructions are counted deterministically: the same
// calls with the same arguments always use the same number. Called from a
// host function during a call, SetBudget takes effect from the next
// outermost Run or Call.
func (s *Sandbox) SetBudget(n int64) {
	if n < 0 {
		s.budget, s.budgetSet = -1, -1
		return
	}
	s.budget, s.budgetSet = n, n
}

// Used returns the instructions run by all Runs and Calls of this sandbox
// so far, including the running call's when called from a host function.
// It counts VM instructions plus the work charged by Go builtins (see
// Limits.MaxInstructions); a call stopped by a work limit counts as having
// used exactly its allowance. Like the outcome, the count is deterministic
// unless a call ended with an Environmental error, which stops it at a
// moment that depends on the machine.
func (s *Sandbox) Used() int64 {
	n := s.used
	if s.cur != nil {
		n += s.cur.work.used()
	}
	return n
}

// startWork returns the work context of an outermost call under ctx.
func (s *Sandbox) startWork(ctx context.Context) *workCtx {
	if s.budget >= 0 && s.budget < s.lim.MaxInstructions {
		return newWorkCtx(ctx, s.budget, "budget", s.budgetSet)
	}
	return newWorkCtx(ctx, s.lim.MaxInstructions, "limit", s.lim.MaxInstructions)
}

// endWork adds a finished call's instructions to Used and the budget.
func (s *Sandbox) endWork(w *workCtx) {
	n := w.used()
	s.used += n
	if s.budget >= 0 {
		s.budget = max(s.budget-n, 0)
	}
}

package ui

import (
	"sync"
	"sync/atomic"

	"takedown/engine"
	"takedown/game"
)

// Engine is what the window plays: a session it can give commands to and
// read a View of. The local engine (*engine.Session) implements it; a
// workshop room's client can too. Do may take long (a long wait, the
// network): the window calls it off its loop.
type Engine interface {
	Exec(e game.LogEntry) (engine.Change, error)
	View() *game.View
	Events() []game.Event
	LogText() []byte
	Close()
}

// canceller is implemented by engines whose running command can be
// cancelled (the command is then undone).
type canceller interface {
	Cancel()
}

// job is a command running off the window's loop.
type job struct {
	line string
	done chan jobResult
}

// jobResult is what a job brings back to the loop: the change, the error
// and the new View, computed off the loop.
type jobResult struct {
	line   string
	change engine.Change
	err    error
	view   *game.View
	events []game.Event
	log    []byte
}

// runner carries out one command at a time off the loop. The loop starts a
// command with start and collects its result with poll; while one runs, the
// window shows that it is working and keeps drawing.
type runner struct {
	mu      sync.Mutex
	cur     *job
	started int // ticks since the running command started
	busy    atomic.Bool
}

// start runs a line on eng in the background; it reports false when a
// command is already running.
func (r *runner) start(eng Engine, e game.LogEntry) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cur != nil {
		return false
	}
	j := &job{line: e.Line, done: make(chan jobResult, 1)}
	r.cur, r.started = j, 0
	r.busy.Store(true)
	go func() {
		c, err := eng.Exec(e)
		res := jobResult{line: e.Line, change: c, err: err}
		res.view = eng.View()
		res.events = eng.Events()
		if c.Entry != nil || c.Halted != nil {
			res.log = eng.LogText()
		}
		j.done <- res
	}()
	return true
}

// poll returns the finished command's result, if there is one.
func (r *runner) poll() (jobResult, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cur == nil {
		return jobResult{}, false
	}
	select {
	case res := <-r.cur.done:
		r.cur = nil
		r.busy.Store(false)
		return res, true
	default:
		r.started++
		return jobResult{}, false
	}
}

// wait blocks until the running command, if any, is done, and returns its
// result.
func (r *runner) wait() (jobResult, bool) {
	r.mu.Lock()
	j := r.cur
	r.mu.Unlock()
	if j == nil {
		return jobResult{}, false
	}
	res := <-j.done
	r.mu.Lock()
	r.cur = nil
	r.busy.Store(false)
	r.mu.Unlock()
	return res, true
}

// running reports whether a command is running, and for how many ticks.
func (r *runner) running() (bool, int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cur != nil, r.started
}

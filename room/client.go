package room

import (
	"context"
	"slices"
	"sync"
	"time"

	"takedown/engine"
	"takedown/game"
)

// Client is a trainee's side of a room: a session of the host's scenario
// that runs in the app, as the local engine does (it has the methods of
// ui.Engine), and that sends its log entries to the host as it goes. When
// the network drops it keeps playing; on reconnecting it sends what the
// host has not acknowledged. The instructor's orders arrive from the host
// and are carried out in order, as the instructor. Its methods may be
// called from any goroutine.
type Client struct {
	opt    JoinOptions
	addr   string
	code   string
	bundle *Bundle
	prog   *engine.Program
	sess   *engine.Session // set once by Join; guarded by mu
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	changes   chan struct{} // for the window: something changed
	wake      chan struct{} // for the sender: entries to send, or room in the window
	orderWake chan struct{} // for the order runner: orders to carry out

	mu           sync.Mutex
	token, id    string
	name, team   string
	seed         uint64
	acked        int     // entries the host has accepted
	sent         int     // entries sent on the current connection
	done         int     // orders carried out, or refused because the case had ended
	queue        []Order // orders received and not yet carried out
	state        ConnState
	cur          *conn
	refusal      *RefusedError // the host's last refusal
	stalled      bool          // the host rejected an entry: sending stops until a rejoin
	clock        Clock
	clockAt      time.Time // when clock arrived (local monotonic time)
	offlineSince time.Time
	closed       bool
	bcast        chan struct{} // closed and replaced on every change (for Sync)
	trace        *clientTrace  // measurements for benchmarks, or nil
}

// clientTrace lets a benchmark see when entries are logged and
// acknowledged. Its functions are called with c.mu held and must not call
// the client.
type clientTrace struct {
	logged func(n int) // entry n was logged
	acked  func(n int) // the host holds entries up to n
}

// Exec carries out a trainee's command on the local session and queues its
// log entry for the host. Instructor commands are refused: they come from
// the host.
func (c *Client) Exec(e game.LogEntry) (engine.Change, error) {
	if e.Actor == "" {
		e.Actor = game.ActorTrainee
	}
	if e.Actor.Kind() != game.ActorTrainee {
		return engine.Change{}, refuse(CodeInstructor, "room.refused.instructor")
	}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return engine.Change{}, refuse(CodeClosed, "room.refused.closed")
	}
	if e.Wall == 0 {
		e.Wall = c.opt.Clock().Unix()
	}
	ch, err := c.sess.Exec(e)
	if c.trace != nil && ch.Entry != nil {
		c.trace.logged(len(c.sess.Game().Log()))
	}
	c.mu.Unlock()
	if ch.Entry != nil {
		kick(c.wake)
	}
	c.notify()
	return ch, err
}

// Cancel stops the command that is running, if any (it is undone).
func (c *Client) Cancel() { c.sess.Cancel() }

// View returns the local session's View.
func (c *Client) View() *game.View {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sess.View()
}

// Events returns every event of the local session so far; the slice must
// not be changed.
func (c *Client) Events() []game.Event {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clip(c.sess.Events())
}

// LogText returns the local session's log in its text form: what the app
// saves, with Token, to rejoin after a restart.
func (c *Client) LogText() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sess.LogText()
}

// Token returns the session token the host gave: with the saved log it
// rejoins the same seat after a restart. Keep it secret.
func (c *Client) Token() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.token
}

// Scenario returns the scenario the host sent.
func (c *Client) Scenario() *Bundle { return c.bundle }

// Program returns the compiled scenario the session plays.
func (c *Client) Program() *engine.Program { return c.prog }

// Changes is signalled (without blocking) when the session or the
// connection changed outside Exec: an order was carried out, the host
// acknowledged entries, the connection dropped or came back.
func (c *Client) Changes() <-chan struct{} { return c.changes }

// Status is what the window shows of the room: the connection, the entries
// waiting for the host, the pause banner and the countdown.
type Status struct {
	State   ConnState `json:"state"`
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Team    string    `json:"team,omitempty"`
	Code    string    `json:"code"`
	Addr    string    `json:"addr"`
	Entries int       `json:"entries"` // in the local log
	Acked   int       `json:"acked"`   // accepted by the host
	Waiting int       `json:"waiting"` // entries the host has not acknowledged yet
	Orders  int       `json:"orders"`  // the instructor's orders not yet carried out
	Paused  bool      `json:"paused"`  // the room is paused: show the banner
	Ended   bool      `json:"ended"`
	// HasBudget says whether the instructor set a wall-clock budget;
	// Remaining counts it down (negative once time is up) and Running
	// says whether it is running.
	HasBudget    bool          `json:"has_budget"`
	Remaining    time.Duration `json:"remaining"`
	Running      bool          `json:"running"`
	OfflineSince time.Time     `json:"offline_since,omitzero"`
	// Refusal is the host's last refusal: why the app cannot join, or the
	// entry the host rejected (then Stalled is set and nothing more is
	// sent).
	Refusal *RefusedError `json:"-"`
	Stalled bool          `json:"stalled,omitempty"`
}

// Status returns the room's state as the app knows it.
func (c *Client) Status() Status {
	c.mu.Lock()
	defer c.mu.Unlock()
	g := c.sess.Game()
	n := len(g.Log())
	s := Status{State: c.state, ID: c.id, Name: c.name, Team: c.team, Code: c.code, Addr: c.addr,
		Entries: n, Acked: c.acked, Waiting: max(0, n-c.acked), Orders: len(c.queue),
		Paused: g.Paused(), Ended: g.Ended(), OfflineSince: c.offlineSince, Refusal: c.refusal, Stalled: c.stalled}
	if c.clock.Budget > 0 {
		s.HasBudget, s.Running = true, c.clock.Running
		s.Remaining = time.Duration(c.clock.Remaining) * time.Millisecond
		if c.clock.Running {
			s.Remaining -= time.Since(c.clockAt)
		}
	}
	return s
}

// Sync waits until the host has acknowledged every entry and every order
// received has been carried out, or until ctx ends or the host stops
// accepting the log.
func (c *Client) Sync(ctx context.Context) error {
	for {
		c.mu.Lock()
		n := len(c.sess.Game().Log())
		done := c.acked >= n && len(c.queue) == 0
		stalled, ref, ch := c.stalled, c.refusal, c.bcast
		closed := c.closed || c.state == StateRefused
		c.mu.Unlock()
		switch {
		case done:
			return nil
		case stalled || closed:
			if ref != nil {
				return ref
			}
			return refuse(CodeClosed, "room.refused.closed")
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Close leaves the room: the connection is closed (the host keeps the
// seat, and Token with the log rejoins it) and the session released.
func (c *Client) Close() {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.closed = true
	c.state = StateClosed
	cur := c.cur
	c.mu.Unlock()
	if cur != nil {
		cur.closeAfterQueue()
		select {
		case <-cur.done:
		case <-time.After(2 * time.Second):
		}
	}
	c.cancel()
	c.wg.Wait()
	c.mu.Lock()
	c.sess.Close()
	c.mu.Unlock()
	c.notify()
}

// notify tells the window and Sync that something changed.
func (c *Client) notify() {
	kick(c.changes)
	c.mu.Lock()
	close(c.bcast)
	c.bcast = make(chan struct{})
	c.mu.Unlock()
}

// kick signals a channel of capacity 1 without blocking.
func kick(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}

// runOrders carries out the instructor's orders in the order received.
func (c *Client) runOrders() {
	defer c.wg.Done()
	for {
		select {
		case <-c.ctx.Done():
			return
		case <-c.orderWake:
		}
		for c.runOrder() {
		}
	}
}

// runOrder carries out the first queued order and reports whether there
// was one. A refused order (the case has ended) counts as carried out: the
// host expects no more entries from an ended case.
func (c *Client) runOrder() bool {
	c.mu.Lock()
	if len(c.queue) == 0 || c.closed {
		c.mu.Unlock()
		return false
	}
	o := c.queue[0]
	// A refused order (the case has ended) and one that met a limit of
	// this machine (it was undone; the host shows it as waiting) are both
	// done with.
	_, _ = c.sess.Exec(game.LogEntry{Line: o.Line, Actor: game.ActorInstructor, Wall: c.opt.Clock().Unix()})
	c.queue = c.queue[1:]
	c.done++
	c.mu.Unlock()
	kick(c.wake)
	c.notify()
	return true
}

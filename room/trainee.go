package room

import (
	"errors"
	"sync"
	"time"

	"takedown/engine"
	"takedown/game"
)

// order is an instructor's command queued for one trainee.
type order struct {
	line string
	at   time.Time // when the host queued it (display only)
}

// trainee is one trainee as the host knows it: the session replayed from
// its log, the orders sent to it, and its connection.
type trainee struct {
	id, name, team, token string
	joined                time.Time // host clock

	mu        sync.Mutex
	sess      *engine.Session // the host's replay of the trainee's log
	orders    []order         // the instructor's orders to it, in order
	matched   int             // orders found in its log so far
	problem   *RefusedError   // why its log is accepted no further, or nil
	retry     bool            // the problem is the host's limit: try again
	conn      *conn           // the open connection, or nil
	lastEntry time.Time       // when the host accepted its last entry
	lastSeen  time.Time       // when its last connection closed (zero before)
	version   int             // counts changes, for the dashboard's cache
	row       *Row            // the dashboard row as of rowVer
	rowVer    int
}

// entries returns how many entries the host has accepted. The caller holds
// t.mu.
func (t *trainee) entries() int {
	if t.sess == nil {
		return 0
	}
	return len(t.sess.Game().Log())
}

// pending returns how many orders are not yet in the trainee's log; a case
// that has ended takes no more. The caller holds t.mu.
func (t *trainee) pending() int {
	if t.sess == nil || t.sess.Game().Ended() {
		return 0
	}
	return len(t.orders) - t.matched
}

// apply replays a frame of entries. It returns the acknowledgement to send
// and, when an entry was rejected, why. Entries the host holds already are
// compared and skipped, so a frame sent twice counts once.
func (t *trainee) apply(f *LogFrame, now time.Time) (Ack, *RefusedError) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.sess == nil {
		return Ack{T: tAck}, fatal(CodeClosed, "room.refused.closed")
	}
	have := t.entries()
	if t.problem != nil && !t.retry {
		return Ack{T: tAck, N: have}, t.problem
	}
	if f.From > have+1 {
		return Ack{T: tAck, N: have, Resend: true}, nil
	}
	log := t.sess.Game().Log()
	for i, e := range f.Entries {
		n := f.From + i
		if n <= have {
			if old := log[n-1]; old.Sum != e.Sum || old.Line != e.Line || old.Actor != e.Actor {
				return Ack{T: tAck, N: have}, t.flag(refuse(CodeRewritten, "room.rejected.rewritten", game.Num("entry", int64(n))), n, false)
			}
			continue
		}
		if rej := t.replay(e, n); rej != nil {
			t.version++
			return Ack{T: tAck, N: t.entries()}, rej
		}
		t.problem, t.retry = nil, false
		t.lastEntry = now
		t.version++
	}
	return Ack{T: tAck, N: t.entries()}, nil
}

// replay carries out one entry on the host's session and checks it. The
// caller holds t.mu.
func (t *trainee) replay(e game.LogEntry, n int) *RefusedError {
	instr := e.Actor.Kind() == game.ActorInstructor
	if instr {
		want := "-"
		if t.matched < len(t.orders) {
			want = t.orders[t.matched].line
		}
		if want != e.Line {
			return t.flag(refuse(CodeForged, "room.rejected.forged", game.Num("entry", int64(n)), game.Str("line", e.Line), game.Str("want", want)), n, false)
		}
	}
	c, err := t.sess.Exec(e)
	var halt *game.HaltError
	var usage *game.UsageError
	switch {
	case errors.As(err, &halt):
		// The engine rebuilt the session from its log: the entry is not in
		// it. The limit is the host's; the next frame tries again.
		return t.flag(refuse(CodeHalted, "room.rejected.halted", game.Num("entry", int64(n)), game.Str("line", e.Line), game.Str("err", halt.Error())), n, true)
	case errors.As(err, &usage):
		return t.flag(refuse(CodeRejected, "room.rejected.refused", game.Num("entry", int64(n)), game.Str("line", e.Line), game.Sub("err", usage.Msg)), n, false)
	case err != nil:
		return t.flag(refuse(CodeRejected, "room.rejected.refused", game.Num("entry", int64(n)), game.Str("line", e.Line), game.Str("err", err.Error())), n, false)
	case c.Entry == nil:
		return t.flag(refuse(CodeRejected, "room.rejected.not_logged", game.Num("entry", int64(n)), game.Str("line", e.Line)), n, false)
	case c.Entry.Sum != e.Sum || c.Entry.At != e.At:
		rej := refuse(CodeDiverged, "room.rejected.diverged", game.Num("entry", int64(n)), game.Str("line", e.Line), game.Str("got", c.Entry.Sum), game.Str("want", e.Sum))
		t.rollback(n - 1)
		return t.flag(rej, n, false)
	}
	if instr {
		t.matched++
	}
	return nil
}

// rollback rebuilds the host's session from its first n entries, dropping
// an entry that diverged. The caller holds t.mu.
func (t *trainee) rollback(n int) {
	ns, err := t.sess.Fork(n)
	if err != nil {
		if ns != nil {
			ns.Close()
		}
		return // keep the session as it is; the log is flagged anyway
	}
	t.sess.Close()
	t.sess = ns
}

// flag records why the trainee's log is accepted no further (or, with
// retry, not yet) and returns the refusal, naming the entry.
func (t *trainee) flag(r *RefusedError, n int, retry bool) *RefusedError {
	r.Entry = n
	t.problem, t.retry = r, retry
	return r
}

// addOrder queues an instructor's order and sends it when the trainee is
// connected. The caller holds t.mu.
func (t *trainee) addOrder(line string, now time.Time) {
	t.orders = append(t.orders, order{line: line, at: now})
	t.version++
	if t.conn != nil {
		t.conn.send(Order{T: tOrder, N: len(t.orders), Line: line})
	}
}

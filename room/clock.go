package room

import "time"

// budget is the session's wall-clock countdown. It is for display: the
// rules never see it, and the session ends only by a logged stop.
type budget struct {
	total time.Duration // as last set; 0 means no budget
	left  time.Duration // what was left at since, or when it stopped
	since time.Time     // when it last started running; zero while stopped
}

// set starts a countdown of d from now; running says whether it runs (not
// while the room is paused or ended).
func (b *budget) set(d time.Duration, now time.Time, running bool) {
	b.total, b.left, b.since = d, d, time.Time{}
	if running && d > 0 {
		b.since = now
	}
}

// stop holds the countdown.
func (b *budget) stop(now time.Time) {
	if !b.since.IsZero() {
		b.left -= now.Sub(b.since)
		b.since = time.Time{}
	}
}

// start lets the countdown run again.
func (b *budget) start(now time.Time) {
	if b.total > 0 && b.since.IsZero() {
		b.since = now
	}
}

// remaining returns the time left, negative once it has run out.
func (b *budget) remaining(now time.Time) time.Duration {
	if b.since.IsZero() {
		return b.left
	}
	return b.left - now.Sub(b.since)
}

// frame describes the countdown for the apps.
func (b *budget) frame(now time.Time) Clock {
	return Clock{Budget: b.total.Milliseconds(), Remaining: b.remaining(now).Milliseconds(), Running: !b.since.IsZero()}
}

// clockNow returns the countdown as it stands.
func (h *Host) clockNow() Clock {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.clock.frame(h.opt.Now())
}

// SetBudget restarts the countdown: d from now (0 removes it). It runs
// unless the room is paused or the session has ended.
func (h *Host) SetBudget(d time.Duration) {
	h.mu.Lock()
	now := h.opt.Now()
	h.clock.set(max(d, 0), now, !h.paused && !h.stopped)
	h.mu.Unlock()
	h.broadcastClock()
}

// broadcastClock sends the countdown to every connected app.
func (h *Host) broadcastClock() {
	f := ClockFrame{T: tClock, Clock: h.clockNow()}
	for _, t := range h.list() {
		t.mu.Lock()
		if t.conn != nil {
			t.conn.send(f)
		}
		t.mu.Unlock()
	}
	h.changed()
}

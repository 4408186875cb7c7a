package records

import (
	"context"
	"errors"
	"time"
)

// Jitter draws the random part of a backoff delay. *rand.Rand from
// math/rand/v2 satisfies it; the app passes one seeded as it likes, and
// tests a fixed one.
type Jitter interface {
	// Int64N returns a number in [0, n).
	Int64N(n int64) int64
}

// SyncOptions tune a Sync. The zero value is usable: batches of 50, 5
// attempts per request, backoff from 1 s to 1 min without jitter, real
// sleeps and the system clock.
type SyncOptions struct {
	// BatchSize is how many statements go in one request; MaxBatchBytes
	// bounds a request's body (a larger single statement still goes alone).
	BatchSize     int
	MaxBatchBytes int
	// Attempts is how many times a request is tried before Sync gives up
	// with a *RetryError and leaves the rest pending.
	Attempts int
	// The n-th retry waits d = MinBackoff·2ⁿ⁻¹, at most MaxBackoff; with a
	// Jitter the wait is drawn from [d/2, d]. It is never shorter than a
	// Retry-After the LRS asked for, up to MaxBackoff.
	MinBackoff time.Duration
	MaxBackoff time.Duration
	Jitter     Jitter
	// Sleep waits d or until ctx ends; nil means a timer.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now is the clock for dead letters and Status; nil means time.Now.
	Now func() time.Time
}

func (o SyncOptions) withDefaults() SyncOptions {
	if o.BatchSize <= 0 {
		o.BatchSize = 50
	}
	if o.MaxBatchBytes <= 0 {
		o.MaxBatchBytes = 4 << 20
	}
	if o.Attempts <= 0 {
		o.Attempts = 5
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = time.Minute
	}
	o.MaxBackoff = max(o.MaxBackoff, o.MinBackoff)
	if o.Sleep == nil {
		o.Sleep = sleep
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// SyncReport counts what a Sync did.
type SyncReport struct {
	Sent          int // statements the LRS accepted
	AlreadyStored int // statements the LRS already had (409 on one)
	DeadLettered  int // statements set aside after a 400 or 413 on one
	Requests      int // requests made
	Retries       int // requests repeated after a failure
}

// Sync delivers the pending statements to p in the order they were added,
// in batches, each a JSON array of the statements' exact bytes; a statement
// sent alone is its exact bytes. It returns when none is pending, or at the
// first error, leaving the rest pending for a later Sync.
//
// Answers are handled as LRSs expect:
//   - 2xx: the statements are marked delivered, durably, before anything
//     else is sent;
//   - 409, 400 or 413 to a batch: its statements are sent one by one;
//   - 409 to one statement: the LRS already has it; it counts as delivered;
//   - 400 or 413 to one statement: it is set aside as a dead letter with
//     the answer, and Sync goes on;
//   - 401 or 403: Sync stops with an *AuthError;
//   - no answer, 408, 429 or 5xx: the request is tried again after a
//     backoff, up to opts.Attempts times, then Sync stops with a
//     *RetryError;
//   - any other answer (a redirect, 404, ...): Sync stops with a
//     *StatusError.
//
// Only one Sync runs at a time on an outbox; a second waits for the first.
// The outcome is kept for Status.
func (o *Outbox) Sync(ctx context.Context, p Poster, opts SyncOptions) (SyncReport, error) {
	o.syncMu.Lock()
	defer o.syncMu.Unlock()
	s := &syncer{o: o, p: p, opts: opts.withDefaults()}
	o.setSyncing(true)
	err := s.run(ctx)
	o.mu.Lock()
	now := s.opts.Now()
	o.status.Syncing = false
	o.status.LastAttempt = now
	o.status.LastError = err
	if err == nil {
		o.status.LastSuccess = now
	}
	o.mu.Unlock()
	return s.report, err
}

func (o *Outbox) setSyncing(on bool) {
	o.mu.Lock()
	o.status.Syncing = on
	o.mu.Unlock()
}

type syncer struct {
	o      *Outbox
	p      Poster
	opts   SyncOptions
	report SyncReport
}

func (s *syncer) run(ctx context.Context) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		batch, err := s.o.batch(s.opts.BatchSize, s.opts.MaxBatchBytes)
		if err != nil || len(batch) == 0 {
			return err
		}
		if err := s.deliver(ctx, batch); err != nil {
			return err
		}
	}
}

// deliver sends a batch and settles every statement in it, or returns an
// error leaving the unsettled ones pending.
func (s *syncer) deliver(ctx context.Context, batch []*entry) error {
	a, err := s.post(ctx, body(batch))
	if err != nil {
		return err
	}
	single := len(batch) == 1
	switch st := a.Status; {
	case st >= 200 && st < 300:
		if err := s.o.markSent(batch); err != nil {
			return err
		}
		s.report.Sent += len(batch)
		return nil
	case st == 401 || st == 403:
		return &AuthError{Status: st, Answer: string(a.Body)}
	case !single && (st == 409 || st == 400 || st == 413):
		for _, e := range batch {
			if err := s.deliver(ctx, []*entry{e}); err != nil {
				return err
			}
		}
		return nil
	case st == 409:
		if err := s.o.markSent(batch); err != nil {
			return err
		}
		s.report.AlreadyStored++
		return nil
	case st == 400 || st == 413:
		if err := s.o.setAside(batch[0], st, string(a.Body), s.opts.Now()); err != nil {
			return err
		}
		s.report.DeadLettered++
		return nil
	default:
		return &StatusError{Status: st, Answer: string(a.Body), URL: s.url()}
	}
}

func (s *syncer) url() string {
	if l, ok := s.p.(*LRS); ok {
		return l.cfg.StatementsURL()
	}
	return "the statements resource"
}

// body returns a statement's exact bytes, or a JSON array of several.
func body(batch []*entry) []byte {
	if len(batch) == 1 {
		return batch[0].body
	}
	n := 1
	for _, e := range batch {
		n += len(e.body) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, '[')
	for i, e := range batch {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, e.body...)
	}
	return append(b, ']')
}

// post sends body, trying again after network errors and temporary answers.
func (s *syncer) post(ctx context.Context, body []byte) (Answer, error) {
	return retry(ctx, s.opts, &s.report, func() (Answer, error) {
		return s.p.PostStatements(ctx, body)
	})
}

// retry calls do until it gets an answer that is not temporary, at most
// opts.Attempts times, waiting a backoff between tries.
func retry(ctx context.Context, opts SyncOptions, r *SyncReport, do func() (Answer, error)) (Answer, error) {
	for attempt := 1; ; attempt++ {
		r.Requests++
		a, err := do()
		if ctx.Err() != nil {
			return Answer{}, ctx.Err()
		}
		if err == nil && !temporary(a.Status) {
			return a, nil
		}
		if attempt >= opts.Attempts {
			if err != nil {
				return Answer{}, &RetryError{Attempts: attempt, Err: err}
			}
			return Answer{}, &RetryError{Attempts: attempt, Status: a.Status, Answer: string(a.Body)}
		}
		r.Retries++
		if err := opts.Sleep(ctx, backoff(opts, attempt, a.RetryAfter)); err != nil {
			return Answer{}, err
		}
	}
}

func temporary(status int) bool {
	return status == 408 || status == 429 || status >= 500
}

// backoff returns the wait before retry number n (from 1).
func backoff(opts SyncOptions, n int, asked time.Duration) time.Duration {
	d := opts.MinBackoff
	for i := 1; i < n && d < opts.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, opts.MaxBackoff)
	if opts.Jitter != nil && d > 1 {
		half := d / 2
		d = half + time.Duration(opts.Jitter.Int64N(int64(d-half)+1))
	}
	return max(d, min(asked, opts.MaxBackoff))
}

// IsTemporary reports whether err, from Sync, is worth retrying later by
// itself: the LRS could not be reached or answered with a temporary error.
// An *AuthError or *StatusError needs the user to change the settings.
func IsTemporary(err error) bool {
	var r *RetryError
	return errors.As(err, &r)
}

package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"takedown/records"
	"takedown/room"
	"takedown/terminal"
)

// roomRecordFlags are host's flags for the room's training records.
type roomRecordFlags struct {
	outbox, endpoint, username, password, home *string
	allowHTTP                                  *bool
}

func addRoomRecordFlags(fl *flag.FlagSet) roomRecordFlags {
	return roomRecordFlags{
		outbox:    fl.String("outbox", "", "keep the room's training records (xAPI statements) in this folder (default: takedown-room-outbox, when --lrs-endpoint is given)"),
		endpoint:  fl.String("lrs-endpoint", "", "forward the room's training records to this LRS's xAPI address"),
		username:  fl.String("lrs-username", "", "the LRS's key"),
		password:  fl.String("lrs-password", "", "the LRS's secret (default: $TAKEDOWN_LRS_PASSWORD)"),
		home:      fl.String("home", defaultHome, "the home page of the academy's LMS: each trainee is the account named as it joined"),
		allowHTTP: fl.Bool("lrs-allow-http", false, "allow an http:// LRS on another machine (a closed training network)"),
	}
}

// roomRecords keeps a room's training records: every so often it builds
// each trainee's statements from the host's replay into an outbox on disk,
// and forwards the outbox to the LRS, one Sync at a time, off the
// instructor's loop.
type roomRecords struct {
	h    *room.Host
	env  Env
	home string
	out  *records.Outbox
	lrs  *records.LRS // nil: the records are kept, not sent
	say  func(format string, args ...any)

	busy    chan struct{} // holds a token while a Sync runs
	wg      sync.WaitGroup
	mu      sync.Mutex
	refused bool // the LRS refused the credentials: no more sending
	lastErr string
}

// open starts the room's records, or returns nil when none were asked for.
func (f roomRecordFlags) open(env Env, h *room.Host, say func(string, ...any)) (*roomRecords, error) {
	if *f.outbox == "" && *f.endpoint == "" {
		return nil, nil
	}
	if strings.Contains(*f.home, "@") {
		return nil, errors.New("--home: give the LMS's home page, not an e-mail address")
	}
	r := &roomRecords{h: h, env: env, home: *f.home, say: say, busy: make(chan struct{}, 1)}
	if *f.endpoint != "" {
		pw := *f.password
		if pw == "" {
			pw = os.Getenv("TAKEDOWN_LRS_PASSWORD")
		}
		lrs, err := records.NewLRS(records.Config{Endpoint: *f.endpoint, Username: *f.username, Password: pw, AllowHTTP: *f.allowHTTP}, nil)
		if err != nil {
			return nil, err
		}
		r.lrs = lrs
	}
	dir := *f.outbox
	if dir == "" {
		dir = "takedown-room-outbox"
	}
	out, err := records.OpenOutbox(dir)
	if err != nil {
		return nil, fmt.Errorf("--outbox %s: %w", dir, err)
	}
	r.out = out
	return r, nil
}

// collect adds the statements the room's logs give that the outbox lacks.
func (r *roomRecords) collect() {
	sts, err := r.h.Statements(r.home, r.env.Text)
	if err == nil {
		err = records.Push(r.out, sts)
	}
	if err != nil {
		r.problem("the room's records could not be kept: %v", err)
	}
}

// send starts a Sync when none runs and the LRS has not refused us.
func (r *roomRecords) send(ctx context.Context) {
	r.mu.Lock()
	refused := r.refused
	r.mu.Unlock()
	if r.lrs == nil || refused || r.out.Pending() == 0 {
		return
	}
	select {
	case r.busy <- struct{}{}:
	default:
		return // one is under way
	}
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		defer func() { <-r.busy }()
		_, err := r.out.Sync(ctx, r.lrs, records.SyncOptions{})
		var auth *records.AuthError
		switch {
		case errors.As(err, &auth):
			r.mu.Lock()
			r.refused = true
			r.mu.Unlock()
			r.problem("the LRS refused the key and secret (%d): the room's records stay in %s; nothing more is sent", auth.Status, r.out.Dir())
		case err != nil && ctx.Err() == nil:
			r.problem("%d records wait to be sent: %v", r.out.Pending(), err)
		}
	}()
}

// problem prints a problem once until it changes.
func (r *roomRecords) problem(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	r.mu.Lock()
	same := msg == r.lastErr
	r.lastErr = msg
	r.mu.Unlock()
	if !same {
		r.say("(records: %s)\n", terminal.Escape(msg))
	}
}

// finish collects the room's last statements, gives the LRS a last chance
// of up to limit, and says what waits where.
func (r *roomRecords) finish(limit time.Duration) {
	r.wg.Wait() // a Sync of the room's loop ends with its context
	r.collect()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	r.send(ctx)
	r.wg.Wait()
	if n := r.out.Pending(); n > 0 || r.lrs == nil {
		r.say("The room's training records: %d statements wait in %s.\n", n, terminal.Escape(r.out.Dir()))
	} else {
		r.say("The room's training records were sent to %s.\n", terminal.Escape(r.lrs.Endpoint()))
	}
	r.out.Close()
}

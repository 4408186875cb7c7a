package ui

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	"github.com/google/uuid"

	"takedown/i18n"
	"takedown/records"
)

// cmi5Session is the app launched by an LMS as a cmi5 assignable unit:
// the token is fetched once (AU.Start), the app's own initialized is the
// first statement and terminated the last, and each statement the session
// makes goes through AU.Record, which adds the LMS's context and refuses
// what the cmi5 rules forbid (a second completed or passed in the
// registration, failed after passed, judged statements in Browse or
// Review mode): those are left out, the rest go on.
type cmi5Session struct {
	launch  records.Launch
	client  *http.Client
	started time.Time // when the app started, to derive its own statements' ids

	mu         sync.Mutex
	au         *records.AU
	recorded   map[string]bool // statement ids given to Record, accepted or refused
	terminated bool
	refused    []string // the verbs Record refused, for tests
}

func newCMI5Session(l records.Launch, client *http.Client) *cmi5Session {
	return &cmi5Session{launch: l, client: client, started: time.Now(), recorded: map[string]bool{}}
}

// cmi5SaveName is the save slot of a launch's session: its own, so that a
// launch never replaces the trainee's own save of the scenario.
func cmi5SaveName(l records.Launch) string { return "cmi5-" + l.Registration }

// start opens the launch's outbox, fetches the token and reads the launch
// data, then records initialized. It runs off the loop, once.
func (c *cmi5Session) start(ctx context.Context, dir string) (*records.Outbox, error) {
	if dir == "" {
		return nil, errors.New("cmi5: no folder for the launch's outbox")
	}
	out, err := records.OpenOutbox(filepath.Join(dir, cmi5SaveName(c.launch)))
	if err != nil {
		return nil, err
	}
	au := records.NewAU(c.launch, out, records.AUOptions{Client: c.client})
	if err := au.Start(ctx); err != nil {
		return out, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.au = au
	// xAPI timestamps of the session's commands are whole seconds: the
	// first is never before initialized.
	at := time.Now().UTC().Truncate(time.Second)
	if _, err := au.Record(records.Statement{ID: c.ownID(records.VerbInitialized), Verb: records.Verb{ID: records.VerbInitialized},
		Object: au.Object(), Timestamp: records.FormatTimestamp(at)}); err != nil {
		return out, err
	}
	return out, nil
}

// ownID is the id of a statement the app makes itself (initialized,
// terminated): derived from the registration and the app's start.
func (c *cmi5Session) ownID(verb string) string {
	name := records.IRIBase + "/app-session/" + c.launch.Registration + "/" + c.started.UTC().Format(time.RFC3339Nano) + "/" + verb
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte(name)).String()
}

// options are the statement options of the launch: the LMS's learner,
// the AU as the object, the registration and the mastery score.
func (c *cmi5Session) options(text *i18n.Catalog, suspend bool) records.StatementOptions {
	opt := records.StatementOptions{Account: c.launch.Actor.Account, Text: text, ActivityID: c.launch.ActivityID,
		Registration: c.launch.Registration, Suspend: suspend}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.au != nil {
		if d := c.au.LaunchData(); d != nil {
			opt.MasteryScore = d.MasteryScore
		}
	}
	return opt
}

// record gives Record the statements it has not had yet, in order, and
// returns problems to tell the user (not the refusals of the ordering
// rules, which are how cmi5 wants them handled).
func (c *cmi5Session) record(sts []records.Statement) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.au == nil {
		return nil
	}
	var problems []string
	for _, st := range sts {
		if c.recorded[st.ID] || c.terminated {
			continue
		}
		if st.Verb.ID == records.VerbInitialized && st.Object.ID == c.launch.ActivityID {
			c.recorded[st.ID] = true // the app's own initialized came first
			continue
		}
		_, err := c.au.Record(st)
		var order *records.OrderError
		switch {
		case err == nil:
		case errors.As(err, &order):
			c.refused = append(c.refused, st.Verb.ID)
		default:
			// Kept for the next try: the disk may have room again.
			problems = append(problems, err.Error())
			return problems
		}
		c.recorded[st.ID] = true
		if st.Verb.ID == records.VerbTerminated && st.Object.ID == c.launch.ActivityID {
			c.terminated = true
		}
	}
	return problems
}

// terminate records terminated, unless the session's end already did.
func (c *cmi5Session) terminate() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.au == nil || c.terminated {
		return nil
	}
	c.terminated = true
	if _, err := c.au.Record(records.Statement{ID: c.ownID(records.VerbTerminated), Verb: records.Verb{ID: records.VerbTerminated},
		Object: c.au.Object()}); err != nil {
		return []string{fmt.Sprintf("cmi5: terminated: %v", err)}
	}
	return nil
}

// lrs is the LMS's LRS with the session's token; nil before the token.
func (c *cmi5Session) lrs() *records.LRS {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.au == nil {
		return nil
	}
	return c.au.LRS()
}

// refusedVerbs lists what the ordering rules refused, for tests.
func (c *cmi5Session) refusedVerbs() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.refused...)
}

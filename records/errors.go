package records

import (
	"errors"
	"fmt"
	"strings"
)

var (
	// ErrLocked is returned by OpenOutbox when another process has the
	// outbox folder open.
	ErrLocked = errors.New("another Takedown is using this outbox folder")
	// ErrFull is returned by Add when the outbox holds as many statements or
	// bytes as it may; nothing is lost, but nothing more is stored until a
	// Sync delivers some.
	ErrFull = errors.New("the outbox is full: statements must be sent to the LRS before more can be kept")
	// ErrClosed is returned by an Outbox after Close.
	ErrClosed = errors.New("the outbox is closed")
	// ErrInvalidStatement is wrapped by the errors of Add for statements it
	// cannot store.
	ErrInvalidStatement = errors.New("invalid statement")
	// ErrNotStarted is returned by AU.Record before AU.Start has succeeded.
	ErrNotStarted = errors.New("cmi5: the session has not started")
)

// VersionError reports an outbox file written in a newer format than this
// version of Takedown reads. The file is left as it is.
type VersionError struct {
	Version int // the format found in the file
}

// Error says which format the file has and which this version reads.
func (e *VersionError) Error() string {
	return fmt.Sprintf("written by a newer version of Takedown (format %d); this version reads format %d",
		e.Version, journalFormat)
}

// ConflictError reports an Add of a statement id that the outbox already has
// with different bytes. The stored bytes are kept.
type ConflictError struct {
	ID string
}

// Error names the id.
func (e *ConflictError) Error() string {
	return fmt.Sprintf("statement %s is already in the outbox with different content; a statement is never changed once stored", e.ID)
}

// AuthError reports that the LRS refused the credentials (401) or the
// permission (403). Sync stops at it: every further request would be refused
// too. The app tells the user to check the LRS settings.
type AuthError struct {
	Status int    // 401 or 403
	Answer string // the start of the LRS's answer, for the log
}

// Error says the LRS refused the credentials.
func (e *AuthError) Error() string {
	what := "the LRS refused the credentials"
	if e.Status == 403 {
		what = "the LRS refused access with these credentials"
	}
	return fmt.Sprintf("%s (HTTP %d)%s", what, e.Status, answerSuffix(e.Answer))
}

// RetryError reports that a request failed with a network error or a
// temporary answer (408, 429, 5xx) as many times as Sync may try. The
// statements not yet delivered stay pending for a later Sync.
type RetryError struct {
	Attempts int
	Status   int    // the last HTTP status, 0 after a network error
	Answer   string // the start of the last answer
	Err      error  // the last network error, if any
}

// Error says how often it was tried and what happened last.
func (e *RetryError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("the LRS could not be reached (%d attempts): %v", e.Attempts, e.Err)
	}
	return fmt.Sprintf("the LRS is not answering normally (HTTP %d, %d attempts)%s", e.Status, e.Attempts, answerSuffix(e.Answer))
}

// Unwrap returns the last network error.
func (e *RetryError) Unwrap() error { return e.Err }

// StatusError reports an answer that no retry can mend and that is not
// about one statement, such as 404 (a wrong endpoint) or a redirect. Sync
// stops at it; the statements stay pending.
type StatusError struct {
	Status int
	Answer string
	URL    string
}

// Error names the status and what it usually means.
func (e *StatusError) Error() string {
	hint := ""
	switch {
	case e.Status == 404 || e.Status == 405:
		hint = ": check the LRS endpoint"
	case e.Status >= 300 && e.Status < 400:
		hint = ": the LRS redirects; set the endpoint to where it redirects"
	}
	return fmt.Sprintf("the LRS answered HTTP %d at %s%s%s", e.Status, e.URL, hint, answerSuffix(e.Answer))
}

// OrderError reports a statement that the cmi5 rules forbid at this point of
// the session or registration. Nothing is stored.
type OrderError struct {
	Verb string // the verb's id
	Rule string // the rule broken, as a sentence
}

// Error says which rule the statement breaks.
func (e *OrderError) Error() string {
	return fmt.Sprintf("cmi5: a statement with verb %s cannot be sent now: %s", e.Verb, e.Rule)
}

// FetchError reports that the cmi5 authorization token could not be
// fetched. The fetch URL is used only once, so the session cannot send
// statements; the learner must launch the course again from the LMS.
type FetchError struct {
	// Code is the cmi5 error-code the LMS returned: "1" (already in use or
	// expired), "2" (general security error) or "3" (general application
	// error); empty when the LMS did not answer with one.
	Code   string
	Text   string // the LMS's error-text
	Status int    // the HTTP status when it was not 200
	Err    error  // a network or decoding error
}

// Error says why the token could not be fetched.
func (e *FetchError) Error() string {
	var what string
	switch e.Code {
	case "1":
		what = "the token was already used or has expired"
	case "2":
		what = "a security error"
	case "3":
		what = "an application error at the LMS"
	case "":
	default:
		what = "error code " + e.Code
	}
	var b strings.Builder
	b.WriteString("cmi5: the LMS gave no authorization token")
	switch {
	case what != "":
		fmt.Fprintf(&b, " (%s)", what)
	case e.Status != 0:
		fmt.Fprintf(&b, " (HTTP %d)", e.Status)
	}
	if e.Text != "" {
		fmt.Fprintf(&b, ": %s", e.Text)
	}
	if e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	b.WriteString("; launch the course again from the LMS")
	return b.String()
}

// Unwrap returns the network or decoding error.
func (e *FetchError) Unwrap() error { return e.Err }

func answerSuffix(answer string) string {
	if answer == "" {
		return ""
	}
	const max = 200
	if len(answer) > max {
		answer = answer[:max] + "..."
	}
	return ": " + answer
}

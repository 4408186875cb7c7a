package room

import (
	"takedown/game"
	"takedown/i18n"
	"time"
)

// Code says in one word why something was refused; apps and tests branch on
// it, people read the message.
type Code string

// The refusal codes.
const (
	CodeProtocol    Code = "protocol"    // the app speaks another room protocol
	CodeApp         Code = "app"         // the app is another release
	CodeRoomCode    Code = "code"        // wrong room code
	CodeScenario    Code = "scenario"    // another scenario
	CodeHash        Code = "hash"        // the same scenario, another version
	CodeUnavailable Code = "unavailable" // the app cannot compile the room's scenario
	CodeSession     Code = "session"     // unknown session token
	CodeFull        Code = "full"        // the room is full
	CodeName        Code = "name"        // a bad display or team name
	CodeRate        Code = "rate"        // too many requests
	CodeTooBig      Code = "too_big"     // a frame over MaxFrame
	CodeMalformed   Code = "malformed"   // a frame that cannot be read
	CodeUnexpected  Code = "unexpected"  // a frame of the wrong type
	CodeTooMany     Code = "too_many"    // too many entries in a frame
	CodeDiverged    Code = "diverged"    // an entry's checksum differs on the host
	CodeRejected    Code = "rejected"    // the host's replay refused an entry
	CodeForged      Code = "forged"      // an instructor entry that matches no order
	CodeRewritten   Code = "rewritten"   // an entry differs from one accepted before
	CodeHalted      Code = "halted"      // the host's replay met a halting error
	CodeReplaced    Code = "replaced"    // the session was opened from another connection
	CodeClosed      Code = "closed"      // the host closed the room
	CodeReadOnly    Code = "read_only"   // a spectator cannot give commands
	CodeInstructor  Code = "instructor"  // an instructor command, or a bad one
	CodeTarget      Code = "target"      // no such trainee or team
	CodeToken       Code = "token"       // wrong instructor token
	CodeState       Code = "state"       // pause while paused, resume while running, ...
)

// RefusedError is something the room refused, with the reason as a message
// for the app to render in the reader's language.
type RefusedError struct {
	Code  Code
	Msg   game.Msg
	Fatal bool // the app should not try again
	Entry int  // the log entry at fault, or 0
}

// Error says what was refused, in English.
func (e *RefusedError) Error() string { return English(e.Msg) }

// Unwrap returns the message as a *game.UsageError, so that the i18n
// printer renders it in the reader's language.
func (e *RefusedError) Unwrap() error { return &game.UsageError{Msg: e.Msg} }

// refuse makes a refusal.
func refuse(code Code, id string, args ...game.Arg) *RefusedError {
	return &RefusedError{Code: code, Msg: game.M(id, args...)}
}

// fatal makes a refusal after which the app should not try again.
func fatal(code Code, id string, args ...game.Arg) *RefusedError {
	r := refuse(code, id, args...)
	r.Fatal = true
	return r
}

// English renders a room message in English from the shipped catalogues;
// the app renders it in the reader's language instead.
func English(m game.Msg) string {
	if m.ID == "" {
		return ""
	}
	cat, err := i18n.Embedded()
	if err != nil {
		return (&game.UsageError{Msg: m}).Error()
	}
	return cat.Printer(game.EN, nil, time.Time{}).Msg(m)
}

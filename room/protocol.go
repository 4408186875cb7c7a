package room

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"takedown/game"
)

// Protocol is the version of the room protocol this program speaks. A host
// refuses an app that speaks another.
const Protocol = 1

// Limits on what a peer may send. A frame over MaxFrame is refused and the
// connection kept; one over HardFrame closes the connection.
const (
	MaxFrame    = 64 << 10 // bytes in one frame
	HardFrame   = 1 << 20  // bytes the WebSocket layer reads before it gives up
	MaxEntries  = 64       // log entries in one frame
	MaxName     = 40       // characters in a display name
	MaxTeam     = 40       // characters in a team name
	MaxTrainees = 100      // trainees in one room, unless Options say otherwise
	MaxNotice   = 300      // bytes of an instructor's notice
)

// Frame types, the value of every frame's "t".
const (
	tHello   = "hello"
	tLog     = "log"
	tWelcome = "welcome"
	tAck     = "ack"
	tOrder   = "order"
	tClock   = "clock"
	tRefusal = "refusal"
)

// Hello opens a trainee's connection. A new trainee gives a name and team;
// a rejoining one gives its session token instead.
type Hello struct {
	T        string `json:"t"`
	Proto    int    `json:"proto"`
	App      string `json:"app"`
	Code     string `json:"code"`
	Scenario string `json:"scenario"`
	Hash     string `json:"hash"`
	Name     string `json:"name,omitempty"`
	Team     string `json:"team,omitempty"`
	Token    string `json:"token,omitempty"`
	// Done is how many of the instructor's orders the app has carried
	// out (or found refused because its case had ended).
	Done int `json:"done"`
}

// LogFrame carries log entries numbered from From (1 is the first entry).
type LogFrame struct {
	T       string          `json:"t"`
	From    int             `json:"from"`
	Entries []game.LogEntry `json:"entries"`
}

// Welcome answers a hello that was accepted.
type Welcome struct {
	T     string `json:"t"`
	Token string `json:"token"`
	ID    string `json:"id"`
	Name  string `json:"name"`
	Team  string `json:"team,omitempty"`
	Seed  uint64 `json:"seed"`
	Acked int    `json:"acked"` // entries the host holds already
	Clock Clock  `json:"clock"`
}

// Ack says how many entries the host has accepted, contiguous from the
// first. With Resend the app sends everything after N again.
type Ack struct {
	T      string `json:"t"`
	N      int    `json:"n"`
	Resend bool   `json:"resend,omitempty"`
}

// Order is the instructor's order number N (1 is the first this trainee
// received): a console line the app carries out as the instructor.
type Order struct {
	T    string `json:"t"`
	N    int    `json:"n"`
	Line string `json:"line"`
}

// Clock is the session's wall-clock budget, for display only.
type Clock struct {
	Budget    int64 `json:"budget_ms"`    // 0: no budget
	Remaining int64 `json:"remaining_ms"` // may be negative once time is up
	Running   bool  `json:"running"`      // false while paused or ended
}

// ClockFrame carries a Clock.
type ClockFrame struct {
	T     string `json:"t"`
	Clock Clock  `json:"clock"`
}

// RefusalFrame says why the host refused something. Fatal refusals end the
// connection and the app should not reconnect; Entry names a log entry the
// host rejected.
type RefusalFrame struct {
	T     string   `json:"t"`
	Code  Code     `json:"code"`
	Msg   game.Msg `json:"msg"`
	Text  string   `json:"text"` // the message in English
	Fatal bool     `json:"fatal,omitempty"`
	Entry int      `json:"entry,omitempty"`
}

func refusalFrame(r *RefusedError) RefusalFrame {
	return RefusalFrame{T: tRefusal, Code: r.Code, Msg: r.Msg, Text: r.Error(), Fatal: r.Fatal, Entry: r.Entry}
}

// frameType reads the "t" of a frame.
func frameType(b []byte) (string, error) {
	var env struct {
		T string `json:"t"`
	}
	if err := json.Unmarshal(b, &env); err != nil {
		return "", err
	}
	return env.T, nil
}

// decodeStrict decodes one JSON value and refuses unknown fields and
// trailing data.
func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("data after the frame")
	}
	return nil
}

// decodeFrame reads a frame the host received and checks that it is of an
// expected type and well formed.
func decodeFrame(b []byte, want ...string) (any, *RefusedError) {
	if !utf8.Valid(b) {
		return nil, refuse(CodeMalformed, "room.refused.malformed", game.Str("err", "not UTF-8"))
	}
	t, err := frameType(b)
	if err != nil {
		return nil, refuse(CodeMalformed, "room.refused.malformed", game.Str("err", shortErr(err)))
	}
	ok := false
	for _, w := range want {
		ok = ok || t == w
	}
	if !ok {
		return nil, refuse(CodeUnexpected, "room.refused.unexpected", game.Str("got", clip(t, 20)), game.Str("want", strings.Join(want, ", ")))
	}
	switch t {
	case tHello:
		var h Hello
		if err := decodeStrict(b, &h); err != nil {
			return nil, refuse(CodeMalformed, "room.refused.malformed", game.Str("err", shortErr(err)))
		}
		return &h, checkHello(&h)
	case tLog:
		var l LogFrame
		if err := decodeStrict(b, &l); err != nil {
			return nil, refuse(CodeMalformed, "room.refused.malformed", game.Str("err", shortErr(err)))
		}
		return &l, checkLog(&l)
	}
	return nil, refuse(CodeUnexpected, "room.refused.unexpected", game.Str("got", clip(t, 20)), game.Str("want", strings.Join(want, ", ")))
}

// checkHello checks the fields of a hello that do not depend on the room.
func checkHello(h *Hello) *RefusedError {
	if h.Done < 0 {
		return refuse(CodeMalformed, "room.refused.field", game.Str("field", "done"))
	}
	for _, f := range []struct{ name, v string }{{"app", h.App}, {"code", h.Code}, {"scenario", h.Scenario}, {"hash", h.Hash}, {"token", h.Token}} {
		if len(f.v) > 200 || !utf8.ValidString(f.v) {
			return refuse(CodeMalformed, "room.refused.field", game.Str("field", f.name))
		}
	}
	if h.Token != "" {
		return nil
	}
	h.Name, h.Team = strings.TrimSpace(h.Name), strings.TrimSpace(h.Team)
	if err := checkName(h.Name, MaxName, false); err != nil {
		return err
	}
	return checkName(h.Team, MaxTeam, true)
}

// checkName checks a display or team name: printable, on one line, no
// characters that reorder or hide text, at most max characters.
func checkName(s string, max int, empty bool) *RefusedError {
	n := utf8.RuneCountInString(s)
	if (n == 0 && !empty) || n > max || !utf8.ValidString(s) {
		return refuse(CodeName, "room.refused.name", game.Num("max", int64(max)))
	}
	for _, r := range s {
		if !unicode.IsPrint(r) || unicode.Is(unicode.Cf, r) {
			return refuse(CodeName, "room.refused.name", game.Num("max", int64(max)))
		}
	}
	return nil
}

// checkLog checks a log frame's shape: numbering, count, and each entry's
// fields. Whether the entries are true is for the replay to say.
func checkLog(l *LogFrame) *RefusedError {
	if l.From < 1 {
		return refuse(CodeMalformed, "room.refused.field", game.Str("field", "from"))
	}
	if len(l.Entries) > MaxEntries {
		return refuse(CodeTooMany, "room.refused.entries", game.Num("n", int64(len(l.Entries))), game.Num("max", MaxEntries))
	}
	for i, e := range l.Entries {
		if field := entryFault(e); field != "" {
			r := refuse(CodeMalformed, "room.refused.entry_field", game.Num("entry", int64(l.From+i)), game.Str("field", field))
			r.Entry = l.From + i
			return r
		}
	}
	return nil
}

// entryFault names an entry's field that is not valid, or returns "".
func entryFault(e game.LogEntry) string {
	switch {
	case len(e.Line) == 0 || len(e.Line) > game.MaxLineLength || !utf8.ValidString(e.Line):
		return "line"
	case len(e.Why) > game.MaxWhy || !utf8.ValidString(e.Why):
		return "why"
	case e.At < 0:
		return "at"
	case e.Wall < 0:
		return "wall"
	case !validSum(e.Sum):
		return "sum"
	case !game.ValidActor(e.Actor) || (e.Actor.Kind() != game.ActorTrainee && e.Actor.Kind() != game.ActorInstructor):
		return "actor"
	}
	return ""
}

// validSum reports whether s looks like a session checksum: 16 hex digits.
func validSum(s string) bool {
	if len(s) != 16 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// shortErr keeps a decoding error short enough for a refusal.
func shortErr(err error) string { return clip(err.Error(), 160) }

// clip cuts s to at most n bytes on a character boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

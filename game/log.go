package game

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// LogVersion is the version of the session log this program writes. Version
// 1 logs (before checksums left rendered text out) still replay: their
// commands are played again and their checksums, which were taken another
// way, are ignored.
const LogVersion = 2

// logMagic starts every session log; the version follows it.
const logMagic = "takedown-log "

// SessionLog is a session reduced to what reproduces it: the scenario's id
// and hash, the seed and the commands with the checksum after each.
type SessionLog struct {
	Version  int
	Scenario string
	Hash     string
	Seed     uint64
	Entries  []LogEntry
}

// OldChecksums reports whether the log's checksums were taken by an older
// release and so cannot be checked on replay.
func (l SessionLog) OldChecksums() bool { return l.Version < LogVersion }

// Record returns the session's log.
func (s *Session) Record() SessionLog {
	return SessionLog{Version: LogVersion, Scenario: s.sc.ID, Hash: s.sc.Hash, Seed: s.seed, Entries: append([]LogEntry(nil), s.log...)}
}

// MaxWhy bounds the reason a trainee gives for a decision, in bytes.
const MaxWhy = 600

// WriteTo writes the log in its text form (always the current version):
//
//	takedown-log 2
//	scenario ID HASH
//	seed N
//	@MINUTES CHECKSUM ACTOR WALL COMMAND
//	why REASON            (optional: the reason for the entry above)
//	resumed               (optional: the entry above began a new sitting)
//	end N                 (the number of entries: a log without it is truncated)
func (l SessionLog) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s%d\nscenario %s %s\nseed %d\n", logMagic, LogVersion, l.Scenario, orDefault(l.Hash, "-"), l.Seed)
	for _, e := range l.Entries {
		actor := e.Actor
		if actor == "" {
			actor = ActorTrainee
		}
		fmt.Fprintf(&b, "@%d %s %s %d %s\n", e.At, orDefault(e.Sum, "-"), actor, e.Wall, e.Line)
		if e.Why != "" {
			fmt.Fprintf(&b, "why %s\n", escapeWhy(e.Why))
		}
		if e.Resumed {
			b.WriteString("resumed\n")
		}
	}
	fmt.Fprintf(&b, "end %d\n", len(l.Entries))
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// escapeWhy keeps a reason on one line: backslashes and line breaks are
// escaped, other control characters dropped.
func escapeWhy(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r < ' ' || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func unescapeWhy(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			if s[i] == 'n' {
				b.WriteByte('\n')
			} else {
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// MaxLogEntries bounds a log so that a hostile file cannot exhaust memory.
const MaxLogEntries = 100000

// LogError is a log that cannot be read, with the line at fault.
type LogError struct {
	Line int
	Msg  Msg
}

// Error gives the line and the problem in the catalogue's terms.
func (e *LogError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, msgString(e.Msg)) }

// ParseLog reads a log written by WriteTo, of this version or an older one.
// Errors are *LogError and name the line.
func ParseLog(r io.Reader) (SessionLog, error) {
	var l SessionLog
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1024), MaxLineLength+MaxWhy*2+256)
	n := 0
	ended := false
	fail := func(id string, args ...Arg) (SessionLog, error) {
		return SessionLog{}, &LogError{Line: n, Msg: M(id, args...)}
	}
	for sc.Scan() {
		n++
		line := strings.TrimSuffix(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if !utf8.ValidString(line) {
			return fail("log.utf8")
		}
		switch {
		case n == 1:
			v, ok := strings.CutPrefix(line, logMagic)
			if !ok {
				return fail("log.not_log")
			}
			ver, err := strconv.Atoi(v)
			switch {
			case err != nil || ver < 1:
				return fail("log.not_log")
			case ver > LogVersion:
				return fail("log.newer", Str("version", v), Num("ours", LogVersion))
			}
			l.Version = ver
		case n == 2:
			f := strings.Fields(line)
			if len(f) != 3 || f[0] != "scenario" {
				return fail("log.want_scenario")
			}
			l.Scenario, l.Hash = f[1], f[2]
			if l.Hash == "-" {
				l.Hash = ""
			}
		case n == 3:
			f := strings.Fields(line)
			if len(f) != 2 || f[0] != "seed" {
				return fail("log.want_seed")
			}
			seed, err := strconv.ParseUint(f[1], 10, 64)
			if err != nil {
				return fail("log.bad_seed", Str("seed", f[1]))
			}
			l.Seed = seed
		case ended:
			if strings.TrimSpace(line) != "" {
				return fail("log.after_end")
			}
		case line == "":
		case strings.HasPrefix(line, "why "):
			if len(l.Entries) == 0 {
				return fail("log.why_first")
			}
			why := unescapeWhy(strings.TrimPrefix(line, "why "))
			if len(why) > MaxWhy {
				return fail("log.why_long", Num("max", MaxWhy))
			}
			l.Entries[len(l.Entries)-1].Why = why
		case line == "resumed":
			if len(l.Entries) == 0 {
				return fail("log.resumed_first")
			}
			l.Entries[len(l.Entries)-1].Resumed = true
		case strings.HasPrefix(line, "end "):
			cnt, err := strconv.Atoi(strings.TrimPrefix(line, "end "))
			if err != nil || cnt != len(l.Entries) {
				return fail("log.bad_end", Count("n", int64(len(l.Entries))))
			}
			ended = true
		default:
			e, err := parseEntry(line, l.Version)
			if err != nil {
				return fail(err.Msg.ID, err.Msg.Args...)
			}
			if len(l.Entries) >= MaxLogEntries {
				return fail("log.too_many", Num("max", MaxLogEntries))
			}
			l.Entries = append(l.Entries, e)
		}
	}
	if err := sc.Err(); err != nil {
		n++
		if err == bufio.ErrTooLong {
			return fail("log.line_long")
		}
		return fail("log.read", Str("err", err.Error()))
	}
	if n < 3 {
		return SessionLog{}, &LogError{Line: n, Msg: M("log.truncated_header", Num("n", int64(n)))}
	}
	if l.Version >= 2 && !ended {
		return SessionLog{}, &LogError{Line: n, Msg: M("log.truncated", Count("n", int64(len(l.Entries))))}
	}
	return l, nil
}

// parseEntry reads "@AT SUM [ACTOR WALL] COMMAND".
func parseEntry(line string, version int) (LogEntry, *UsageError) {
	fields := 3
	if version >= 2 {
		fields = 5
	}
	f := strings.SplitN(line, " ", fields)
	if len(f) != fields || !strings.HasPrefix(f[0], "@") {
		if version >= 2 {
			return LogEntry{}, usage("log.want_entry")
		}
		return LogEntry{}, usage("log.want_entry1")
	}
	at, err := strconv.ParseInt(f[0][1:], 10, 64)
	if err != nil || at < 0 {
		return LogEntry{}, usage("log.bad_time", Str("value", f[0]))
	}
	e := LogEntry{At: Minutes(at), Sum: f[1], Line: f[fields-1], Actor: ActorTrainee}
	if e.Sum == "-" {
		e.Sum = ""
	}
	if version >= 2 {
		e.Actor = Actor(f[2])
		if !ValidActor(e.Actor) {
			return LogEntry{}, usage("log.bad_actor", Str("actor", f[2]))
		}
		if e.Wall, err = strconv.ParseInt(f[3], 10, 64); err != nil || e.Wall < 0 {
			return LogEntry{}, usage("log.bad_wall", Str("value", f[3]))
		}
	}
	if _, err := ParseCommand(e.Line); err != nil {
		if u, ok := err.(*UsageError); ok {
			return LogEntry{}, u
		}
		return LogEntry{}, usage("log.bad_command", Str("err", err.Error()))
	}
	return e, nil
}

// ReplayError says where and why a log stopped replaying.
type ReplayError struct {
	Entry int    // 1-based index of the entry that failed
	Line  string // its command
	Err   error  // what the session said, or a *DivergedError
	// Of is the number of entries in the log.
	Of int
	// Changed is set when the log was written for another version of the
	// scenario: the likely reason it no longer replays.
	Changed bool
}

// Error names the entry and the cause.
func (e *ReplayError) Error() string {
	return fmt.Sprintf("command %d (%s): %v", e.Entry, e.Line, e.Err)
}

// Unwrap returns the cause.
func (e *ReplayError) Unwrap() error { return e.Err }

// DivergedError is a replayed command that reached another state than the
// log recorded.
type DivergedError struct {
	Got, Want string
}

// Error gives both checksums.
func (e *DivergedError) Error() string {
	return fmt.Sprintf("the session diverged from the log (checksum %s, log says %s)", e.Got, e.Want)
}

// Replay plays a log against a scenario and checks that every command
// reaches the recorded checksum (unless the log's checksums are from an
// older release). It stops at the first command that fails or diverges and
// returns the session as far as it got, with a *ReplayError.
func Replay(sc *Scenario, hooks Hooks, l SessionLog) (*Session, error) {
	return ReplayBudget(sc, hooks, l, Budget{})
}

// ReplayBudget is Replay with bounds of its own.
func ReplayBudget(sc *Scenario, hooks Hooks, l SessionLog, b Budget) (*Session, error) {
	if l.Scenario != sc.ID {
		return nil, &UsageError{Msg: M("log.other_scenario", Str("log", l.Scenario), Str("scenario", sc.ID))}
	}
	s, err := NewSessionBudget(sc, l.Seed, hooks, b)
	if err != nil {
		return nil, err
	}
	check := !l.OldChecksums()
	changed := l.Hash != "" && sc.Hash != "" && l.Hash != sc.Hash
	for i, e := range l.Entries {
		if _, err := s.Exec(e); err != nil {
			return s, &ReplayError{Entry: i + 1, Line: e.Line, Err: err, Of: len(l.Entries), Changed: changed}
		}
		if check && e.Sum != "" && s.Checksum() != e.Sum {
			return s, &ReplayError{Entry: i + 1, Line: e.Line, Err: &DivergedError{Got: s.Checksum(), Want: e.Sum}, Of: len(l.Entries), Changed: changed}
		}
	}
	return s, nil
}

package game

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// LogMagic is the first line of every session log.
const LogMagic = "takedown-log 1"

// SessionLog is a session reduced to what reproduces it: the scenario's id
// and hash, the seed and the commands with the checksum after each.
type SessionLog struct {
	Scenario string
	Hash     string
	Seed     uint64
	Entries  []LogEntry
}

// Record returns the session's log.
func (s *Session) Record() SessionLog {
	return SessionLog{Scenario: s.sc.ID, Hash: s.sc.Hash, Seed: s.seed, Entries: append([]LogEntry(nil), s.log...)}
}

// WriteTo writes the log in its text form.
func (l SessionLog) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\nscenario %s %s\nseed %d\n", LogMagic, l.Scenario, orDefault(l.Hash, "-"), l.Seed)
	for _, e := range l.Entries {
		fmt.Fprintf(&b, "@%d %s %s\n", e.At, e.Sum, e.Line)
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// MaxLogEntries bounds a log so that a hostile file cannot exhaust memory.
const MaxLogEntries = 100000

// ParseLog reads a log written by WriteTo. Errors name the line.
func ParseLog(r io.Reader) (SessionLog, error) {
	var l SessionLog
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), MaxLineLength+128)
	n := 0
	fail := func(format string, args ...any) (SessionLog, error) {
		return SessionLog{}, fmt.Errorf("line %d: %s", n, fmt.Sprintf(format, args...))
	}
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case n == 1:
			if line != LogMagic {
				if strings.HasPrefix(line, "takedown-log ") {
					return fail("log version %q is newer than this program understands (%q)", strings.TrimPrefix(line, "takedown-log "), strings.TrimPrefix(LogMagic, "takedown-log "))
				}
				return fail("not a Takedown session log")
			}
		case n == 2:
			f := strings.Fields(line)
			if len(f) != 3 || f[0] != "scenario" {
				return fail("want: scenario ID HASH")
			}
			l.Scenario, l.Hash = f[1], f[2]
			if l.Hash == "-" {
				l.Hash = ""
			}
		case n == 3:
			f := strings.Fields(line)
			if len(f) != 2 || f[0] != "seed" {
				return fail("want: seed N")
			}
			seed, err := strconv.ParseUint(f[1], 10, 64)
			if err != nil {
				return fail("bad seed %q", f[1])
			}
			l.Seed = seed
		default:
			if line == "" {
				continue
			}
			f := strings.SplitN(line, " ", 3)
			if len(f) != 3 || !strings.HasPrefix(f[0], "@") {
				return fail("want: @MINUTES CHECKSUM COMMAND")
			}
			at, err := strconv.ParseInt(f[0][1:], 10, 64)
			if err != nil || at < 0 {
				return fail("bad time %q", f[0])
			}
			if len(l.Entries) >= MaxLogEntries {
				return fail("more than %d commands", MaxLogEntries)
			}
			if _, err := ParseCommand(f[2]); err != nil {
				return fail("%v", err)
			}
			l.Entries = append(l.Entries, LogEntry{At: Minutes(at), Sum: f[1], Line: f[2]})
		}
	}
	if err := sc.Err(); err != nil {
		return fail("%v", err)
	}
	if n < 3 {
		return SessionLog{}, fmt.Errorf("log is truncated: %d of 3 header lines", n)
	}
	return l, nil
}

// Replay plays a log against a scenario and checks that every command
// reaches the recorded checksum. It stops at the first command that fails or
// diverges and returns the session as far as it got.
func Replay(sc *Scenario, hooks Hooks, l SessionLog) (*Session, error) {
	if l.Scenario != sc.ID {
		return nil, fmt.Errorf("the log is for scenario %q, not %q", l.Scenario, sc.ID)
	}
	s := NewSession(sc, l.Seed, hooks)
	for i, e := range l.Entries {
		if _, err := s.Do(e.Line); err != nil {
			return s, fmt.Errorf("command %d (%s): %v", i+1, e.Line, err)
		}
		if e.Sum != "" && s.Checksum() != e.Sum {
			return s, fmt.Errorf("command %d (%s): the session diverged from the log (checksum %s, log says %s)", i+1, e.Line, s.Checksum(), e.Sum)
		}
	}
	return s, nil
}

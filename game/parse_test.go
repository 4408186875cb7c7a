package game

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseCommand(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // Command.String, or "error: substring"
	}{
		{"whois kadr-hd.ru", "whois kadr-hd.ru"},
		{"  WHOIS   kadr-hd.ru  # trace it", "whois kadr-hd.ru"},
		{`osint "Kuzya the admin"`, `osint "Kuzya the admin"`},
		{"wait until 05:30", "wait until 05:30"},
		{"", ""},
		{"# only a comment", ""},
		{"fly", `error: cmd.unknown verb="fly"`},
		{"whoid kadr-hd.ru", `error: cmd.unknown verb="whoid" suggest="whois"`},
		{"whois", `error: cmd.usage usage="whois DOMAIN"`},
		{"whois a b", "error: cmd.usage"},
		{`osint "open`, "error: cmd.quote"},
		{"whois a\x00", "error: cmd.control"},
		{strings.Repeat("a", MaxLineLength+1), "error: cmd.too_long"},
	} {
		c, err := ParseCommand(tc.in)
		got := c.String()
		if c.Verb == "" {
			got = ""
		}
		if err != nil {
			got = "error: " + err.Error()
		}
		if strings.HasPrefix(tc.want, "error: ") {
			if !strings.HasPrefix(got, "error: ") || !strings.Contains(got, strings.TrimPrefix(tc.want, "error: ")) {
				t.Errorf("ParseCommand(%q) = %q, want %s", tc.in, got, tc.want)
			}
			continue
		}
		if got != tc.want {
			t.Errorf("ParseCommand(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]Minutes{"30m": 30, "6h": 360, "3d": 3 * Day, "2w": 14 * Day, "1d12h": 36 * Hour} {
		if got, err := ParseDuration(in); err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "3", "d", "3x", "99999999999d", "-3d"} {
		if _, err := ParseDuration(bad); err == nil {
			t.Errorf("ParseDuration(%q) accepted", bad)
		}
	}
}

func TestParseLogErrors(t *testing.T) {
	const v2 = "takedown-log 2"
	for _, tc := range []struct{ in, want string }{
		{"", "log.truncated_header"},
		{"hello\n", "log.not_log"},
		{"takedown-log 9\n", "log.newer"},
		{v2 + "\nscenario x\n", "log.want_scenario"},
		{v2 + "\nscenario x -\nseed -1\n", "log.bad_seed"},
		{v2 + "\nscenario x -\nseed 1\n@5 abc trainee 0 fly\n", "line 4: cmd.unknown"},
		{v2 + "\nscenario x -\nseed 1\nwhois a\n", "line 4: log.want_entry"},
		{v2 + "\nscenario x -\nseed 1\n@5 abc trainee 0 wait 1d\n", "log.truncated"},
		{v2 + "\nscenario x -\nseed 1\n@5 abc trainee 0 wait 1d\nend 2\n", "log.bad_end"},
		{v2 + "\nscenario x -\nseed 1\n@5 abc boss 0 wait 1d\nend 1\n", "log.bad_actor"},
		{v2 + "\nscenario x -\nseed 1\nwhy first\nend 0\n", "log.why_first"},
		{v2 + "\nscenario x -\nseed 1\nresumed\nend 0\n", "log.resumed_first"},
		{v2 + "\nscenario x -\nseed 1\nend 0\nwhois a\n", "log.after_end"},
		{"takedown-log 1\nscenario x -\nseed 1\n@5 abc " + strings.Repeat("x", 4000) + "\n", "log.line_long"},
	} {
		if _, err := ParseLog(strings.NewReader(tc.in)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseLog(%q) error = %v, want %q", tc.in, err, tc.want)
		}
	}
}

// TestLogRoundTrip writes a log with actors, wall times, a reason and a
// sitting mark, and reads it back; a version 1 log (the previous
// release's) still reads.
func TestLogRoundTrip(t *testing.T) {
	l := SessionLog{Version: LogVersion, Scenario: "x", Hash: "abc", Seed: 9, Entries: []LogEntry{
		{Line: "whois a.ru", At: 0, Sum: "0123", Actor: ActorTrainee, Wall: 1764622800},
		{Line: "wait 3d", At: 10, Sum: "4567", Actor: "instructor/anna", Wall: 1764622900, Why: "to see what \\ comes\nnext"},
		{Line: "dns a.ru", At: 20, Sum: "89ab", Actor: ActorTrainee, Wall: 1764623000, Resumed: true},
	}}
	var b strings.Builder
	if _, err := l.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	got, err := ParseLog(strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if !reflect.DeepEqual(got, l) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, l)
	}
	old, err := ParseLog(strings.NewReader("takedown-log 1\nscenario x abc\nseed 3\n@0 0123 whois a.ru\n@10 4567 wait 3d\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !old.OldChecksums() || len(old.Entries) != 2 || old.Entries[1].Line != "wait 3d" || old.Entries[0].Actor != ActorTrainee {
		t.Errorf("version 1 log read as %+v", old)
	}
}

func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{"whois kadr-hd.ru", `osint "a b"`, "wait until 05:30", "mlat nordhost 198.51.100.23 # x", "\"", "ЖУК"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		c, err := ParseCommand(line)
		if err != nil || c.Verb == "" {
			return
		}
		// A parsed command renders back to text that parses to the same command.
		again, err := ParseCommand(c.String())
		if err != nil {
			t.Fatalf("%q -> %q does not parse: %v", line, c.String(), err)
		}
		if again.String() != c.String() {
			t.Fatalf("round trip changed %q into %q", c.String(), again.String())
		}
	})
}

func FuzzParseLog(f *testing.F) {
	f.Add("takedown-log 1\nscenario film-site abc\nseed 3\n@0 0123 whois kadr-hd.ru\n@10 4567 wait 3d\n")
	f.Add("takedown-log 2\nscenario film-site abc\nseed 3\n@0 0123 trainee 17 whois kadr-hd.ru\nwhy a reason\n@10 4567 instructor/x 0 wait 3d\nend 2\n")
	f.Add("takedown-log 2\nscenario x -\nseed 1\nend 0\n")
	f.Add("takedown-log 3\n")
	f.Fuzz(func(t *testing.T, in string) {
		l, err := ParseLog(strings.NewReader(in))
		if err != nil {
			return
		}
		var b strings.Builder
		if _, err := l.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		l2, err := ParseLog(strings.NewReader(b.String()))
		if err != nil {
			t.Fatalf("a log written back does not parse: %v\n%s", err, b.String())
		}
		if len(l2.Entries) != len(l.Entries) || l2.Seed != l.Seed || l2.Scenario != l.Scenario {
			t.Fatal("round trip lost data")
		}
		for i := range l.Entries {
			a, b := l.Entries[i], l2.Entries[i]
			if a.Line != b.Line || a.Why != b.Why || a.At != b.At || (a.Sum != b.Sum) || (l.Version >= 2 && (a.Actor != b.Actor || a.Wall != b.Wall)) {
				t.Fatalf("entry %d changed: %+v -> %+v", i, a, b)
			}
		}
	})
}

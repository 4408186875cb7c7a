package game

import (
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
		{"fly", "error: unknown command"},
		{"whois", "error: usage: whois DOMAIN"},
		{"whois a b", "error: usage"},
		{`osint "open`, "error: unterminated quote"},
		{"whois a\x00", "error: control character"},
		{strings.Repeat("a", MaxLineLength+1), "error: longer than"},
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
	for _, tc := range []struct{ in, want string }{
		{"", "truncated"},
		{"hello\n", "not a Takedown session log"},
		{"takedown-log 9\n", "newer than this program"},
		{LogMagic + "\nscenario x\n", "want: scenario ID HASH"},
		{LogMagic + "\nscenario x -\nseed -1\n", "bad seed"},
		{LogMagic + "\nscenario x -\nseed 1\n@5 abc fly\n", "line 4: unknown command"},
		{LogMagic + "\nscenario x -\nseed 1\nwhois a\n", "line 4: want: @MINUTES"},
	} {
		if _, err := ParseLog(strings.NewReader(tc.in)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseLog(%q) error = %v, want %q", tc.in, err, tc.want)
		}
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
	f.Add(LogMagic + "\nscenario film-site abc\nseed 3\n@0 0123 whois kadr-hd.ru\n@10 4567 wait 3d\n")
	f.Add(LogMagic + "\nscenario x -\nseed 1\n")
	f.Add("takedown-log 2\n")
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
	})
}

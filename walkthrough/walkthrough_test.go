package walkthrough

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseShippedWalkthroughs reads every walkthrough of the shipped
// scenarios: each has a seed and at least one command and one expectation.
func TestParseShippedWalkthroughs(t *testing.T) {
	files, _ := filepath.Glob("../scenarios/*.moves")
	if len(files) == 0 {
		t.Fatal("no walkthroughs")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Parse(f, strings.NewReader(string(b)))
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		cmds, exps := 0, 0
		for _, st := range m.Steps {
			if st.Command != "" {
				cmds++
			} else {
				exps++
			}
		}
		if !m.Seeded || cmds == 0 || exps == 0 {
			t.Errorf("%s: seeded %v, %d commands, %d expectations", f, m.Seeded, cmds, exps)
		}
	}
}

// TestParseErrorsArePositioned checks the messages of malformed files.
func TestParseErrorsArePositioned(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"whois a.ru\nseed 3\n", "w.moves:2: seed must come once, before the first command"},
		{"seed x\n", "w.moves:1: bad seed \"x\""},
		{"expect frobnicate\n", "w.moves:1:"},
		{"\ufeffseed 2\r\nwhois a.ru\r\n" + strings.Repeat("x", 550) + "\n", "w.moves:3: cmd.too_long"},
		{"seed 2\n" + strings.Repeat("x", 5000) + "\n", "w.moves:2: the line is longer than 512 characters"},
		{"whois \"a.ru\n", "w.moves:1:"},
	} {
		_, err := Parse("w.moves", strings.NewReader(tc.in))
		var e *Error
		if !errors.As(err, &e) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %q...", tc.in, err, tc.want)
		}
	}
	m, err := Parse("w.moves", strings.NewReader("\ufeff# Windows\r\nseed 2\r\nwhois a.ru\r\nexpect known x\r\n"))
	if err != nil || m.Seed != 2 || len(m.Steps) != 2 || m.Steps[0].Command != "whois a.ru" {
		t.Errorf("a BOM and CRLF file read as %+v, %v", m, err)
	}
}

// FuzzParse checks that no input makes the parser panic, that every error
// is positioned in the file, and that what parses keeps each step's line.
func FuzzParse(f *testing.F) {
	f.Add("seed 1\nwhois kadr-hd.ru\nexpect known nordhost\n")
	f.Add("# c\nseed 2\nwait 3d # x\nexpect not flag tipped_off\nexpect score >= 90\n")
	f.Add("\ufeffseed 5\r\nexpect cause logs-expired\r\n")
	f.Add("expect\nexpect not\n")
	f.Fuzz(func(t *testing.T, in string) {
		m, err := Parse("f.moves", strings.NewReader(in))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.File != "f.moves" || e.Line < 1 || !strings.HasPrefix(err.Error(), "f.moves:") {
				t.Fatalf("unpositioned error %v", err)
			}
			return
		}
		last := 0
		for _, st := range m.Steps {
			if st.Line <= last || (st.Command == "") == (st.Expect == nil) && st.Command != "" {
				t.Fatalf("step %+v after line %d", st, last)
			}
			last = st.Line
		}
	})
}

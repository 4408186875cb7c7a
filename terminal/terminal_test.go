package terminal

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	tests := []struct {
		name, in, want, lines string // lines is EscapeLines's output, when it differs
	}{
		{name: "empty", in: "", want: ""},
		{name: "ASCII", in: `scenario.lua:3: "x" expected, got nil`, want: `scenario.lua:3: "x" expected, got nil`},
		{name: "Cyrillic, ruble, check", in: "Штраф 500 ₽ ✓", want: "Штраф 500 ₽ ✓"},
		{name: "CJK and emoji", in: "规则 🚓", want: "规则 🚓"},
		{name: "emoji joined by ZWJ", in: "👩\u200d🚒", want: "👩\u200d🚒"},
		{name: "Persian ZWNJ", in: "می\u200cخواهم", want: "می\u200cخواهم"},
		{name: "backslash kept", in: `C:\rules\x1b.lua`, want: `C:\rules\x1b.lua`},
		{name: "replacement character kept", in: "a\uFFFDb", want: "a\uFFFDb"},

		{name: "newline", in: "a\nb", want: `a\nb`, lines: "a\nb"},
		{name: "carriage return", in: "PASS 10/10\r", want: `PASS 10/10\r`},
		{name: "CRLF", in: "a\r\nb", want: `a\r\nb`, lines: "a\\r\nb"},
		{name: "tab", in: "a\tb", want: `a\tb`},
		{name: "NUL", in: "a\x00b", want: `a\x00b`},
		{name: "BEL", in: "\a", want: `\x07`},
		{name: "backspace", in: "FAIL\b\b\b\bPASS", want: `FAIL\x08\x08\x08\x08PASS`},
		{name: "ESC clear screen", in: "\x1b[2J\x1b[H", want: `\x1b[2J\x1b[H`},
		{name: "ESC colour", in: "\x1b[32mok\x1b[0m", want: `\x1b[32mok\x1b[0m`},
		{name: "OSC title", in: "\x1b]0;pwned\a", want: `\x1b]0;pwned\x07`},
		{name: "unit separator", in: "\x1f", want: `\x1f`},
		{name: "DEL", in: "a\x7fb", want: `a\x7fb`},

		{name: "C1 NEL", in: "a\u0085b", want: `a\u0085b`},
		{name: "C1 CSI", in: "\u009b2J", want: `\u009b2J`},
		{name: "C1 first and last", in: "\u0080\u009f", want: `\u0080\u009f`},
		{name: "NBSP kept", in: "a\u00a0b", want: "a\u00a0b"},

		{name: "RLO", in: "user\u202Egnp.exe", want: `user\u202egnp.exe`},
		{name: "LRE PDF", in: "\u202Aa\u202C", want: `\u202aa\u202c`},
		{name: "RLE LRO", in: "\u202B\u202D", want: `\u202b\u202d`},
		{name: "isolates", in: "\u2066\u2067\u2068\u2069", want: `\u2066\u2067\u2068\u2069`},
		{name: "LRM RLM", in: "\u200E\u200F", want: `\u200e\u200f`},
		{name: "ALM", in: "\u061C", want: `\u061c`},
		{name: "zero-width space", in: "PA\u200BSS", want: `PA\u200bSS`},
		{name: "soft hyphen", in: "a\u00ADb", want: `a\u00adb`},
		{name: "word joiner", in: "\u2060", want: `\u2060`},
		{name: "BOM", in: "\uFEFFx", want: `\ufeffx`},
		{name: "tag characters", in: "\U000E0041\U000E007F", want: `\U000e0041\U000e007f`},
		{name: "line and paragraph separators", in: "a\u2028b\u2029c", want: `a\u2028b\u2029c`},

		{name: "invalid byte", in: "a\xffb", want: `a\xffb`},
		{name: "lone continuation byte", in: "\x80", want: `\x80`},
		{name: "truncated rune", in: "\xe2\x82", want: `\xe2\x82`},
		{name: "overlong NUL", in: "\xc0\x80", want: `\xc0\x80`},
		{name: "encoded surrogate", in: "\xed\xa0\x80", want: `\xed\xa0\x80`},
		{name: "raw C1 byte", in: "\x9b2J", want: `\x9b2J`},
		{name: "mixed", in: "ok\r\x1b[1A\u202e✓\xff\n", want: `ok\r\x1b[1A\u202e✓\xff\n`, lines: "ok\\r\\x1b[1A\\u202e✓\\xff\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
			lines := tt.lines
			if lines == "" {
				lines = tt.want
			}
			if got := EscapeLines(tt.in); got != lines {
				t.Errorf("EscapeLines(%q) = %q, want %q", tt.in, got, lines)
			}
		})
	}
}

// TestEveryControl escapes every C0 and C1 control and DEL one by one.
func TestEveryControl(t *testing.T) {
	for r := rune(0); r <= 0x9F; r++ {
		if r >= 0x20 && r < 0x7F {
			continue
		}
		s := string(r)
		if got := Escape(s); got == s || !strings.HasPrefix(got, `\`) {
			t.Errorf("Escape(%q) = %q, want an escape", s, got)
		}
	}
}

// FuzzEscape checks that no input gets a control, bidi or other harmful
// character through, that the output is valid UTF-8, that EscapeLines keeps
// exactly the input's line breaks, and that harmless text is unchanged.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "plain", "Штраф ₽ ✓", "\x1b[2J", "a\r\nb", "\u202e", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		one, lines := Escape(s), EscapeLines(s)
		for _, c := range []struct {
			name, out string
			newline   bool // '\n' may stay
		}{{"Escape", one, false}, {"EscapeLines", lines, true}} {
			if !utf8.ValidString(c.out) {
				t.Fatalf("%s(%q) = %q is not valid UTF-8", c.name, s, c.out)
			}
			for _, r := range c.out {
				if r == '\n' && c.newline {
					continue
				}
				if bad(r) {
					t.Fatalf("%s(%q) = %q lets %U through", c.name, s, c.out, r)
				}
			}
		}
		if strings.Count(lines, "\n") != strings.Count(s, "\n") {
			t.Fatalf("EscapeLines(%q) = %q has %d line breaks, want %d", s, lines, strings.Count(lines, "\n"), strings.Count(s, "\n"))
		}
		if utf8.ValidString(s) && !strings.ContainsFunc(s, bad) && one != s {
			t.Fatalf("Escape(%q) = %q changed harmless text", s, one)
		}
	})
}

// bad is the fuzz test's own idea of a harmful rune, from the unicode
// tables rather than from the code under test: a control character, a bidi
// control, a format character other than the joiners, or a line or
// paragraph separator.
func bad(r rune) bool {
	if r == '\u200c' || r == '\u200d' {
		return false
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) ||
		unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp)
}

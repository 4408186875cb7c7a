// Package terminal makes untrusted text safe to print on a terminal.
//
// Messages from scenarios (the text of a Lua error(), names, log lines) reach
// the check and run output. Printed raw, a carriage return or an ANSI escape
// in them could overwrite or hide the summary line, clear the screen or set
// the window title, and a bidi control could make text read in another order
// than it is stored. Escape and EscapeLines show every such character as a
// visible escape instead, and leave all other text, in any script, as it is.
//
// The escapes are for people to read, not to parse: a backslash in the text
// is left as it is, so the text `\x1b` and an escaped ESC look the same.
package terminal

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Escape returns s as a single line that is harmless on a terminal. It
// escapes:
//
//   - newline, carriage return and tab as \n, \r and \t, so the message stays
//     on one line and its width is the width of its characters;
//   - every other C0 control (NUL, BEL, backspace, ESC, ...) and DEL as \xNN;
//   - C1 controls (U+0080 to U+009F) as \u0080 to \u009f;
//   - Unicode format characters that reorder or hide text, as \uNNNN or
//     \UNNNNNNNN: the bidi controls (U+061C, U+200E, U+200F, U+202A to
//     U+202E, U+2066 to U+2069) and the rest of category Cf (soft hyphen,
//     zero-width space, word joiner, byte-order mark, tag characters, ...),
//     and the line and paragraph separators U+2028 and U+2029;
//   - each byte that is not part of valid UTF-8 as \xNN.
//
// The zero-width joiner and non-joiner (U+200D, U+200C) are kept: emoji and
// Persian and Indic text need them, and they can neither move nor hide
// other text. Everything else, such as Cyrillic, "₽" or "✓", is unchanged.
// When nothing needs escaping, Escape returns s itself.
func Escape(s string) string {
	return escape(s, false)
}

// EscapeLines is Escape for text of several lines, such as a transcript: it
// keeps each "\n" as a line break and escapes everything else as Escape does,
// "\r" and "\t" included.
func EscapeLines(s string) string {
	return escape(s, true)
}

// escape escapes s, keeping "\n" when lines is true.
func escape(s string, lines bool) string {
	i := firstUnsafe(s, lines)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			writeByte(&b, s[i])
		case lines && r == '\n':
			b.WriteByte('\n')
		case harmful(r):
			writeRune(&b, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// firstUnsafe returns the index of the first byte of s that must be
// escaped, or -1.
func firstUnsafe(s string, lines bool) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
			continue
		}
		if harmful(r) && !(lines && r == '\n') {
			return i
		}
	}
	return -1
}

// harmful reports whether r must be escaped: a control character, a format
// character other than the joiners, or a line or paragraph separator.
func harmful(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7F:
		return true
	case r < 0x80:
		return false
	case r <= 0x9F:
		return true
	case r == 0x200C || r == 0x200D:
		return false
	case r == 0x2028 || r == 0x2029:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

const hex = "0123456789abcdef"

// writeByte writes \xNN for the byte c.
func writeByte(b *strings.Builder, c byte) {
	b.WriteString(`\x`)
	b.WriteByte(hex[c>>4])
	b.WriteByte(hex[c&0xF])
}

// writeRune writes an escape for the harmful rune r.
func writeRune(b *strings.Builder, r rune) {
	switch {
	case r == '\n':
		b.WriteString(`\n`)
	case r == '\r':
		b.WriteString(`\r`)
	case r == '\t':
		b.WriteString(`\t`)
	case r < 0x80:
		writeByte(b, byte(r))
	case r <= 0xFFFF:
		b.WriteString(`\u`)
		writeHex(b, r, 4)
	default:
		b.WriteString(`\U`)
		writeHex(b, r, 8)
	}
}

// writeHex writes r as n lower-case hexadecimal digits.
func writeHex(b *strings.Builder, r rune, n int) {
	s := strconv.FormatInt(int64(r), 16)
	b.WriteString(strings.Repeat("0", n-len(s)))
	b.WriteString(s)
}

package sandbox

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/parse"
)

// Error is the only error type returned by this package: a message with the
// position in a script where it happened.
//
// Error() formats it as "File:Line:Col: Msg" when Col is known (only syntax
// errors carry a column), "File:Line: Msg" when only the line is known, and
// "File: Msg" when the line is unknown (Line == 0). File is never empty, Msg
// never holds a Go or Lua stack trace or a memory address. Line is known for
// every error that happened in a script: syntax and compile errors, runtime
// errors whatever value the script raised, and exceeded limits.
//
// Environmental tells the host how to treat the error in a replayable
// session. It is false for deterministic failures, which the same scenario
// and the same log of commands always reproduce: syntax and compile errors,
// runtime errors, the instruction limit and budget, the size limits of the
// string builtins, stack overflow. The host records those in the log like
// any other outcome. It is true for failures that depend on the machine or
// the moment: the deadline (Limits.CallTimeout), the memory watchdog, a call
// stopped by Fatal (unless the host passed an *Error with Environmental
// false), a closed sandbox. On those the host stops the session outside the
// log: it must not record the failed command, since a replay would not fail
// the same way.
type Error struct {
	File          string // chunk name given to Compile, e.g. "scenarios/x.lua"
	Line          int    // 1-based line, 0 when unknown
	Col           int    // 1-based column, 0 when unknown
	Msg           string // what went wrong
	Environmental bool   // the failure depends on the machine, not on the log
}

// Error returns the position and the message, as described on the type.
func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	default:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
}

// unknownFile names the chunk of an error whose chunk is not known, such as
// one raised by a Go function called directly with Call.
const unknownFile = "?"

// maxTokenQuote bounds how much of an offending token a syntax error quotes.
const maxTokenQuote = 40

// syntaxError converts an error from parse.Parse.
func syntaxError(name string, src []byte, err error) *Error {
	var pe *parse.Error
	if !errors.As(err, &pe) {
		return &Error{File: name, Msg: firstLine(err.Error())}
	}
	if pe.Pos.Line == parse.EOF {
		// The lexer reports errors at the end of the source without a
		// position: point at the last line.
		line := 1 + strings.Count(string(src), "\n")
		return &Error{File: name, Line: line, Msg: pe.Message + " at end of file"}
	}
	msg := pe.Message
	if pe.Token != "" {
		msg += " near '" + quoteToken(pe.Token) + "'"
	}
	col := pe.Pos.Column
	if col < 0 {
		col = 0
	}
	return &Error{File: name, Line: pe.Pos.Line, Col: col, Msg: msg}
}

// compileError converts an error from lua.Compile.
func compileError(name string, err error) *Error {
	var ce *lua.CompileError
	if errors.As(err, &ce) {
		line := ce.Line
		if line < 0 {
			line = 0
		}
		return &Error{File: name, Line: line, Msg: ce.Message}
	}
	return &Error{File: name, Msg: firstLine(err.Error())}
}

// quoteToken shortens a token for a message and keeps it on one line.
func quoteToken(tok string) string {
	if len(tok) > maxTokenQuote {
		tok = tok[:maxTokenQuote] + "..."
	}
	q := strconv.Quote(tok)
	return q[1 : len(q)-1]
}

// firstLine drops everything after the first newline of s.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// errorText returns the message carried by an error raised in Lua: the error
// object when it is a string or a number (never the traceback that
// ApiError.Error appends), or a description of its type otherwise. It never
// runs a __tostring metamethod: the call's deadline is already gone.
func errorText(err error) string {
	var ae *lua.ApiError
	if !errors.As(err, &ae) {
		return scrubAddresses(firstLine(err.Error()))
	}
	switch v := ae.Object.(type) {
	case lua.LString:
		return scrubAddresses(string(v))
	case lua.LNumber:
		return v.String()
	case nil:
		return "error object is missing"
	default:
		return fmt.Sprintf("(error object is a %s value)", v.Type().String())
	}
}

// scrubAddresses replaces the memory addresses that some of gopher-lua's
// messages hold ("attempt to index a non-table object(nil) with key
// 'table: 0xc000123450'") by "?", so that the message is the same on every
// run. Scripts cannot name values by address themselves (see tostring.go).
func scrubAddresses(msg string) string {
	if !strings.Contains(msg, ": 0x") {
		return msg
	}
	var b strings.Builder
	for {
		i := strings.Index(msg, ": 0x")
		if i < 0 {
			break
		}
		j := i + len(": 0x")
		k := j
		for k < len(msg) && isHexDigit(msg[k]) {
			k++
		}
		kind := false
		for _, name := range [...]string{"table", "function", "userdata", "thread", "channel"} {
			if strings.HasSuffix(msg[:i], name) {
				kind = true
				break
			}
		}
		if kind && k > j {
			b.WriteString(msg[:i])
			b.WriteString(": ?")
		} else {
			b.WriteString(msg[:k])
		}
		msg = msg[k:]
	}
	b.WriteString(msg)
	return b.String()
}

func isHexDigit(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

// splitPosition splits "file:line: message" into its parts. Chunk names in
// known are tried first, so names holding colons or spaces (Windows drives,
// folders with spaces) still split right; otherwise the file is what comes
// before the first ":<digits>:" and must hold no white space.
func splitPosition(msg string, known map[string]bool) (file string, line int, rest string, ok bool) {
	for name := range known {
		if !strings.HasPrefix(msg, name+":") {
			continue
		}
		if l, r, ok := splitLine(msg[len(name)+1:]); ok && len(name) > len(file) {
			file, line, rest = name, l, r
		}
	}
	if file != "" {
		return file, line, rest, true
	}
	for i := 0; i < len(msg); i++ {
		c := msg[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			return "", 0, msg, false
		}
		if c != ':' || i == 0 {
			continue
		}
		if l, r, ok := splitLine(msg[i+1:]); ok {
			return msg[:i], l, r, true
		}
	}
	return "", 0, msg, false
}

// splitLine parses "<digits>:" and an optional space at the start of s.
func splitLine(s string) (line int, rest string, ok bool) {
	n := 0
	for n < len(s) && n < 10 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 || n >= len(s) || s[n] != ':' {
		return 0, s, false
	}
	line, err := strconv.Atoi(s[:n])
	if err != nil {
		return 0, s, false
	}
	rest = s[n+1:]
	rest = strings.TrimPrefix(rest, " ")
	return line, rest, true
}

// formatBytes writes a byte count the way limits are documented.
func formatBytes(n uint64) string {
	const mib = 1 << 20
	const kib = 1 << 10
	switch {
	case n >= mib && n%mib == 0:
		return fmt.Sprintf("%d MiB", n/mib)
	case n >= kib && n%kib == 0:
		return fmt.Sprintf("%d KiB", n/kib)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}

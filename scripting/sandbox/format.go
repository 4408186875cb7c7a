package sandbox

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// formatFlags are the flags Lua 5.1's string.format accepts.
const formatFlags = "-+ #0"

// strFormat is Lua 5.1's string.format. gopher-lua hands the format string
// to fmt.Sprintf, where widths up to a million, %v of a table or verbs Lua
// does not have are all accepted. Here, as in Lua, flags are "-+ #0", width
// and precision have two digits at most, the verbs are c d i o u x X e E f g
// G q s, and the result is bounded by MaxString. %s accepts any value and
// converts it as tostring does, with stable names.
func (g *guards) strFormat(L *lua.LState) int {
	fs := L.CheckString(1)
	top := L.GetTop()
	arg := 1
	w := g.newBounded(L, "string.format")
	for i := 0; i < len(fs); {
		c := fs[i]
		if c != '%' {
			j := strings.IndexByte(fs[i:], '%')
			if j < 0 {
				j = len(fs) - i
			}
			w.add(fs[i : i+j])
			i += j
			continue
		}
		i++
		if i < len(fs) && fs[i] == '%' {
			w.addByte('%')
			i++
			continue
		}
		arg++
		if arg > top {
			L.ArgError(arg, "no value")
		}
		spec, conv, next := scanFormat(L, fs, i)
		i = next
		g.formatOne(L, w, spec, conv, arg)
	}
	w.push()
	return 1
}

// formatSpec is a parsed conversion: flags, width and precision.
type formatSpec struct {
	flags   string
	width   int // -1 when absent
	prec    int // -1 when absent
	hasPrec bool
}

func (s formatSpec) has(flag byte) bool { return strings.IndexByte(s.flags, flag) >= 0 }

// goVerb builds the fmt verb for this spec and conversion.
func (s formatSpec) goVerb(conv byte) string {
	var b strings.Builder
	b.WriteByte('%')
	b.WriteString(s.flags)
	if s.width >= 0 {
		fmt.Fprintf(&b, "%d", s.width)
	}
	if s.hasPrec {
		fmt.Fprintf(&b, ".%d", s.prec)
	}
	b.WriteByte(conv)
	return b.String()
}

// scanFormat parses flags, width, precision and the conversion at fs[i:].
func scanFormat(L *lua.LState, fs string, i int) (formatSpec, byte, int) {
	spec := formatSpec{width: -1, prec: -1}
	start := i
	for i < len(fs) && strings.IndexByte(formatFlags, fs[i]) >= 0 {
		i++
	}
	if i-start > len(formatFlags) {
		L.RaiseError("invalid format (repeated flags)")
	}
	spec.flags = fs[start:i]
	digits := func() int {
		n, v := 0, 0
		for i < len(fs) && fs[i] >= '0' && fs[i] <= '9' {
			if n == 2 {
				L.RaiseError("invalid format (width or precision too long)")
			}
			v = v*10 + int(fs[i]-'0')
			n++
			i++
		}
		if n == 0 {
			return -1
		}
		return v
	}
	spec.width = digits()
	if i < len(fs) && fs[i] == '.' {
		i++
		spec.hasPrec = true
		spec.prec = digits()
		if spec.prec < 0 {
			spec.prec = 0
		}
	}
	if i >= len(fs) {
		L.RaiseError("%s", "invalid option '%' to 'format'")
	}
	return spec, fs[i], i + 1
}

// formatOne appends argument arg converted by spec and conv.
func (g *guards) formatOne(L *lua.LState, w *bounded, spec formatSpec, conv byte, arg int) {
	switch conv {
	case 'c':
		c := byte(toInt64(float64(L.CheckNumber(arg))))
		w.add(pad(spec, string([]byte{c})))
	case 'd', 'i':
		v := toInt64(float64(L.CheckNumber(arg)))
		neg := v < 0
		u := uint64(v)
		if neg {
			u = -u
		}
		w.add(formatInt(spec, conv, u, neg))
	case 'o', 'u', 'x', 'X':
		w.add(formatInt(spec, conv, uint64(toInt64(float64(L.CheckNumber(arg)))), false))
	case 'e', 'E', 'f', 'g', 'G':
		v := float64(L.CheckNumber(arg))
		if math.IsInf(v, 0) || math.IsNaN(v) {
			w.add(pad(formatSpec{flags: strings.ReplaceAll(spec.flags, "0", ""), width: spec.width}, nonFinite(spec, conv, v)))
			return
		}
		if !spec.hasPrec && (conv == 'g' || conv == 'G') {
			spec.hasPrec, spec.prec = true, 6
		}
		w.add(fmt.Sprintf(spec.goVerb(conv), v))
	case 'q':
		s := L.CheckString(arg)
		w.room(quotedLen(s))
		w.addByte('"')
		for i := 0; i < len(s); i++ {
			switch c := s[i]; c {
			case '"', '\\', '\n':
				w.addByte('\\')
				w.addByte(c)
			case '\r':
				w.add(`\r`)
			case 0:
				w.add(`\000`)
			default:
				w.addByte(c)
			}
		}
		w.addByte('"')
	case 's':
		v := g.names.tostring(L, L.Get(arg))
		if !lua.LVCanConvToString(v) {
			L.RaiseError("'tostring' must return a string to 'format'")
		}
		s := lua.LVAsString(v)
		if !spec.hasPrec && len(s) >= 100 {
			w.add(s) // as in Lua: no precision and too long to format
			return
		}
		if spec.hasPrec && spec.prec < len(s) {
			s = s[:spec.prec]
		}
		w.add(pad(spec, s))
	default:
		L.RaiseError("invalid option '%%%c' to 'format'", conv)
	}
}

// pad pads s with spaces to the spec's width, on the right with the '-'
// flag; widths count bytes, as in C.
func pad(spec formatSpec, s string) string {
	if spec.width <= len(s) {
		return s
	}
	fill := strings.Repeat(" ", spec.width-len(s))
	if spec.has('-') {
		return s + fill
	}
	return fill + s
}

// nonFinite writes inf and nan as C's printf does.
func nonFinite(spec formatSpec, conv byte, v float64) string {
	s := "nan"
	if math.IsInf(v, 0) {
		s = "inf"
	}
	switch {
	case math.IsInf(v, -1):
		s = "-" + s
	case spec.has('+'):
		s = "+" + s
	case spec.has(' '):
		s = " " + s
	}
	if conv == 'E' || conv == 'G' {
		s = strings.ToUpper(s)
	}
	return s
}

// toInt64 converts as C's cast does on amd64: truncation toward zero, and
// math.MinInt64 for NaN and values out of range.
func toInt64(f float64) int64 {
	if f != f || f >= math.MaxInt64 || f < math.MinInt64 {
		return math.MinInt64
	}
	return int64(f)
}

// formatInt writes an integer conversion as C's printf does (fmt differs on
// '#' with zero, '+' with an empty zero and '0' with a precision).
func formatInt(spec formatSpec, conv byte, u uint64, neg bool) string {
	base := 10
	switch conv {
	case 'o':
		base = 8
	case 'x', 'X':
		base = 16
	}
	digits := strconv.FormatUint(u, base)
	if conv == 'X' {
		digits = strings.ToUpper(digits)
	}
	if spec.hasPrec {
		if spec.prec == 0 && u == 0 {
			digits = ""
		} else if len(digits) < spec.prec {
			digits = strings.Repeat("0", spec.prec-len(digits)) + digits
		}
	}
	prefix := ""
	switch conv {
	case 'd', 'i':
		switch {
		case neg:
			prefix = "-"
		case spec.has('+'):
			prefix = "+"
		case spec.has(' '):
			prefix = " "
		}
	case 'o':
		if spec.has('#') && (digits == "" || digits[0] != '0') {
			digits = "0" + digits
		}
	case 'x', 'X':
		if spec.has('#') && u != 0 {
			prefix = "0" + string(conv)
		}
	}
	n := len(prefix) + len(digits)
	if spec.width <= n {
		return prefix + digits
	}
	fill := spec.width - n
	switch {
	case spec.has('-'):
		return prefix + digits + strings.Repeat(" ", fill)
	case spec.has('0') && !spec.hasPrec:
		return prefix + strings.Repeat("0", fill) + digits
	default:
		return strings.Repeat(" ", fill) + prefix + digits
	}
}

// quotedLen is the length of s written by %q.
func quotedLen(s string) int {
	n := 2 + len(s)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"', '\\', '\n', '\r':
			n++
		case 0:
			n += 3
		}
	}
	return n
}

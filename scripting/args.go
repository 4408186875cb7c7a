package scripting

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"takedown/game"
)

// args reads a table argument against a function's field list. Problems are
// reported at the caller's line and reading goes on, so that one run of a
// scenario lists every mistake.
type args struct {
	c   *call
	t   *lua.LTable
	bad bool
}

// table reads the single table argument of c's function. It reports unknown
// fields and missing required ones.
func (c *call) table() *args {
	a := &args{c: c}
	v := c.L.Get(1)
	t, ok := v.(*lua.LTable)
	if !ok {
		c.fail("%s expects a table { ... }, got %s", c.fn.Name, v.Type())
		a.bad = true
		a.t = c.L.NewTable()
		return a
	}
	a.t = t
	known := map[string]bool{}
	for _, f := range c.fn.Fields {
		known[f.Name] = true
	}
	var unknown []string
	t.ForEach(func(k, _ lua.LValue) {
		ks, ok := k.(lua.LString)
		if !ok {
			switch k.(type) {
			case lua.LNumber, lua.LBool:
				unknown = append(unknown, k.String())
			default: // its text would be a memory address
				unknown = append(unknown, "a "+k.Type().String()+" key")
			}
			return
		}
		if !known[string(ks)] {
			unknown = append(unknown, string(ks))
		}
	})
	sort.Strings(unknown)
	for i, u := range unknown {
		if i == maxUnknownFields {
			c.fail("%s: %d more unknown fields", c.fn.Name, len(unknown)-i)
			break
		}
		c.fail("%s: unknown field %q%s", c.fn.Name, clip(u), suggest(u, c.fn.Fields))
	}
	for _, f := range c.fn.Fields {
		if f.Required && t.RawGetString(f.Name) == lua.LNil {
			c.fail("%s: missing field %q (%s)", c.fn.Name, f.Name, f.Doc)
			a.bad = true
		}
	}
	return a
}

// maxUnknownFields bounds how many unknown fields of one call are reported
// one by one, so that the work stays small whatever a script passes.
const maxUnknownFields = 10

// clip shortens a name for a message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

func suggest(u string, fields []Field) string {
	if len(u) > 40 {
		return ""
	}
	best, bestD := "", 3
	for _, f := range fields {
		if d := editDistance(u, f.Name); d < bestD {
			best, bestD = f.Name, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func (a *args) get(name string) lua.LValue { return a.t.RawGetString(name) }

func (a *args) wrong(name, want string, got lua.LValue) {
	a.c.fail("%s: field %q must be %s, got %s", a.c.fn.Name, name, want, got.Type())
	a.bad = true
}

func (a *args) str(name string) string {
	switch v := a.get(name).(type) {
	case *lua.LNilType:
		return ""
	case lua.LString:
		return string(v)
	default:
		a.wrong(name, "a string", v)
		return ""
	}
}

func (a *args) boolean(name string) bool {
	switch v := a.get(name).(type) {
	case *lua.LNilType:
		return false
	case lua.LBool:
		return bool(v)
	default:
		a.wrong(name, "true or false", v)
		return false
	}
}

func (a *args) integer(name string) int64 {
	switch v := a.get(name).(type) {
	case *lua.LNilType:
		return 0
	case lua.LNumber:
		f := float64(v)
		if f != math.Trunc(f) || math.IsInf(f, 0) || math.Abs(f) > 1e15 {
			a.c.fail("%s: field %q must be a whole number, got %v", a.c.fn.Name, name, f)
			a.bad = true
			return 0
		}
		return int64(f)
	default:
		a.wrong(name, "a number", v)
		return 0
	}
}

// text reads a field given either as a string (the same in every language)
// or as { en = "...", ru = "..." }.
func (a *args) text(name string) game.Text {
	return a.c.textValue(a.get(name), a.c.fn.Name+": field "+fmt.Sprintf("%q", name))
}

func (c *call) textValue(v lua.LValue, what string) game.Text {
	switch v := v.(type) {
	case *lua.LNilType:
		return nil
	case lua.LString:
		return game.Plain(string(v))
	case *lua.LTable:
		t := game.Text{}
		n := 0
		forEachSorted(v, func(k, val lua.LValue) {
			n++
			if n > maxTextLangs {
				if n == maxTextLangs+1 {
					c.fail("%s: more than %d languages", what, maxTextLangs)
				}
				return
			}
			ks, ok := k.(lua.LString)
			if !ok {
				c.fail("%s: a %s is not a language tag such as en, ru or uk", what, k.Type())
				return
			}
			if !game.ValidLang(game.Lang(ks)) {
				c.fail("%s: %s is not a language tag such as en, ru or uk", what, clip(string(ks)))
				return
			}
			s, ok := val.(lua.LString)
			if !ok {
				c.fail("%s: the %s text must be a string, got %s", what, ks, val.Type())
				return
			}
			t[game.Lang(ks)] = string(s)
		})
		return t
	default:
		c.fail("%s must be a string or { en = ..., ru = ... }, got %s", what, v.Type())
		return nil
	}
}

// forEachSorted calls fn for each pair of t in the order of its keys (by
// type, then by their text), so that what a table makes, and the problems
// reported about it, are the same on every run: LTable.ForEach follows Go's
// map order.
func forEachSorted(t *lua.LTable, fn func(k, v lua.LValue)) {
	type pair struct{ k, v lua.LValue }
	var ps []pair
	t.ForEach(func(k, v lua.LValue) { ps = append(ps, pair{k, v}) })
	slices.SortFunc(ps, func(a, b pair) int {
		if c := strings.Compare(a.k.Type().String(), b.k.Type().String()); c != 0 {
			return c
		}
		if x, ok := a.k.(lua.LNumber); ok {
			return cmp.Compare(float64(x), float64(b.k.(lua.LNumber)))
		}
		return strings.Compare(a.k.String(), b.k.String())
	})
	for _, p := range ps {
		fn(p.k, p.v)
	}
}

// maxTextLangs bounds the languages of one text.
const maxTextLangs = 32

func (a *args) duration(name string) game.Minutes {
	v := a.get(name)
	if v == lua.LNil {
		return 0
	}
	return a.c.durationValue(v, a.c.fn.Name+": field "+fmt.Sprintf("%q", name))
}

func (c *call) durationValue(v lua.LValue, what string) game.Minutes {
	s, ok := v.(lua.LString)
	if !ok {
		c.fail("%s must be a duration string such as \"3d\" or \"6h\", got %s", what, v.Type())
		return 0
	}
	d, err := game.ParseDuration(string(s))
	if err != nil {
		c.fail("%s: %s", what, c.sc.prog.printer.errText(err))
		return 0
	}
	return d
}

// span reads { "2d", "5d" }: a range of durations.
func (a *args) span(name string) [2]game.Minutes {
	v := a.get(name)
	if v == lua.LNil {
		return [2]game.Minutes{}
	}
	return a.c.spanValue(v, a.c.fn.Name+": field "+fmt.Sprintf("%q", name))
}

func (c *call) spanValue(v lua.LValue, what string) [2]game.Minutes {
	t, ok := v.(*lua.LTable)
	if !ok || t.Len() != 2 {
		c.fail("%s must be a range { \"min\", \"max\" }, e.g. { \"2d\", \"5d\" }", what)
		return [2]game.Minutes{}
	}
	lo := c.durationValue(t.RawGetInt(1), what)
	hi := c.durationValue(t.RawGetInt(2), what)
	if hi < lo {
		c.fail("%s: the maximum is smaller than the minimum", what)
	}
	return [2]game.Minutes{lo, hi}
}

// list reads an array of strings.
func (a *args) list(name string) []string {
	v := a.get(name)
	if v == lua.LNil {
		return nil
	}
	return a.c.listValue(v, a.c.fn.Name+": field "+fmt.Sprintf("%q", name))
}

func (c *call) listValue(v lua.LValue, what string) []string {
	t, ok := v.(*lua.LTable)
	if !ok {
		c.fail("%s must be a list of strings { \"a\", \"b\" }, got %s", what, v.Type())
		return nil
	}
	var out []string
	n := t.Len()
	for i := 1; i <= n; i++ {
		s, ok := t.RawGetInt(i).(lua.LString)
		if !ok {
			c.fail("%s: item %d must be a string", what, i)
			continue
		}
		out = append(out, string(s))
	}
	if cnt := countKeys(t); cnt != n {
		c.fail("%s must be a plain list { \"a\", \"b\" } without named keys", what)
	}
	return out
}

func countKeys(t *lua.LTable) int {
	n := 0
	t.ForEach(func(_, _ lua.LValue) { n++ })
	return n
}

// dict reads a table with string keys through fn, in a stable key order.
func (a *args) dict(name string, fn func(key string, v lua.LValue)) {
	v := a.get(name)
	if v == lua.LNil {
		return
	}
	t, ok := v.(*lua.LTable)
	if !ok {
		a.wrong(name, "a table { key = value }", v)
		return
	}
	var keys []string
	vals := map[string]lua.LValue{}
	t.ForEach(func(k, val lua.LValue) {
		ks, ok := k.(lua.LString)
		if !ok {
			a.c.fail("%s: field %q: keys must be names, got %s", a.c.fn.Name, name, k.Type())
			return
		}
		keys = append(keys, string(ks))
		vals[string(ks)] = val
	})
	sort.Strings(keys)
	for _, k := range keys {
		fn(k, vals[k])
	}
}

func (a *args) strMap(name string) map[string]string {
	out := map[string]string{}
	a.dict(name, func(k string, v lua.LValue) {
		switch v := v.(type) {
		case lua.LString:
			out[k] = string(v)
		case lua.LNumber:
			out[k] = v.String()
		case lua.LBool:
			if v {
				out[k] = "yes"
			} else {
				out[k] = "no"
			}
		default:
			a.c.fail("%s: %s.%s must be a string, number or boolean", a.c.fn.Name, name, k)
		}
	})
	return out
}

func (a *args) intMap(name string) map[string]int {
	out := map[string]int{}
	a.dict(name, func(k string, v lua.LValue) {
		n, ok := v.(lua.LNumber)
		if !ok || float64(n) != math.Trunc(float64(n)) || n < 0 || n > 1e12 {
			a.c.fail("%s: %s.%s must be a whole number of at least 0", a.c.fn.Name, name, k)
			return
		}
		out[k] = int(n)
	})
	return out
}

// fail records a problem at the line of the Lua code that made the call.
// While the scenario loads, every problem is listed; during play a problem
// is a script error raised at once.
func (c *call) fail(format string, args ...any) {
	if c.sc.phase != Declare {
		c.L.RaiseError(format, args...)
	}
	if len(c.sc.problems) >= maxProblems {
		return
	}
	c.sc.problem(c.where(), fmt.Sprintf(format, args...))
}

// maxProblems bounds the problems one load lists.
const maxProblems = 500

// where returns the position of the Lua caller.
func (c *call) where() pos {
	return parseWhere(c.L.Where(1))
}

type pos struct {
	file string
	line int
}

func (p pos) String() string {
	if p.line > 0 {
		return fmt.Sprintf("%s:%d", p.file, p.line)
	}
	return p.file
}

func parseWhere(w string) pos {
	w = strings.TrimSuffix(strings.TrimSpace(w), ":")
	i := strings.LastIndexByte(w, ':')
	if i < 0 {
		return pos{file: w}
	}
	line, err := strconv.Atoi(strings.TrimSpace(w[i+1:]))
	if err != nil {
		return pos{file: w}
	}
	return pos{file: w[:i], line: line}
}

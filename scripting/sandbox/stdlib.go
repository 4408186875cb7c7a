package sandbox

import (
	"math"
	"sort"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// maxResults bounds how many values unpack and string.byte may return, as
// LUAI_MAXCSTACK does in Lua 5.1 ("too many results to unpack").
const maxResults = 8000

// maxExactInt is the largest integer a float64 holds exactly; integer
// arguments are clamped to ±maxExactInt so conversions to int are defined.
const maxExactInt = 1 << 53

// guards holds the replacements for the Go builtins that SetContext cannot
// interrupt and that would otherwise allocate without bound.
type guards struct {
	lim   Limits
	rnd   func() float64
	print func(string)
	names *namer
}

// luaInt reads argument n as Lua 5.1's luaL_checkint does: a number or a
// numeric string, truncated toward zero, here clamped to ±2^53.
func luaInt(L *lua.LState, n int) int {
	return clampInt(float64(L.CheckNumber(n)))
}

// optLuaInt is luaInt with a default for a missing or nil argument.
func optLuaInt(L *lua.LState, n, d int) int {
	if L.Get(n) == lua.LNil {
		return d
	}
	return luaInt(L, n)
}

func clampInt(f float64) int {
	switch {
	case f != f:
		return 0
	case f > maxExactInt:
		return maxExactInt
	case f < -maxExactInt:
		return -maxExactInt
	}
	return int(f)
}

// posrelat turns a relative string position (negative counts from the end)
// into an absolute one, as in lstrlib.c.
func posrelat(pos, n int) int {
	if pos < 0 {
		pos += n + 1
	}
	if pos < 0 {
		return 0
	}
	return pos
}

// bounded is a string builder that raises a Lua error instead of growing
// past max bytes.
type bounded struct {
	L     *lua.LState
	fname string
	max   int
	b     []byte
}

func (g *guards) newBounded(L *lua.LState, fname string) *bounded {
	return &bounded{L: L, fname: fname, max: g.lim.MaxString}
}

func (w *bounded) room(n int) {
	if n > w.max-len(w.b) {
		w.L.RaiseError("%s: resulting string too large (limit %s)", w.fname, formatBytes(uint64(w.max)))
	}
}

func (w *bounded) add(s string) {
	w.room(len(s))
	w.b = append(w.b, s...)
}

func (w *bounded) addByte(c byte) {
	w.room(1)
	w.b = append(w.b, c)
}

// push pushes the string built and charges its building to the call's
// instruction budget.
func (w *bounded) push() {
	chargeBytes(w.L, len(w.b))
	w.L.Push(lua.LString(w.b))
}

// checkPattern refuses patterns and subjects too long to match within the
// limits.
func (g *guards) checkPattern(L *lua.LState, fname, s, p string) {
	if len(p) > g.lim.MaxPattern {
		L.RaiseError("%s: pattern too long (%d bytes, limit %d)", fname, len(p), g.lim.MaxPattern)
	}
	if len(s) > g.lim.MaxSubject {
		L.RaiseError("%s: string too long for pattern matching (%d bytes, limit %s)", fname, len(s), formatBytes(uint64(g.lim.MaxSubject)))
	}
}

// print joins its arguments with tabs, as Lua's print does, and hands the
// line to the host.
func (g *guards) basePrint(L *lua.LState) int {
	top := L.GetTop()
	w := g.newBounded(L, "print")
	for i := 1; i <= top; i++ {
		if i > 1 {
			w.addByte('\t')
		}
		v := g.names.tostring(L, L.Get(i))
		if !lua.LVCanConvToString(v) {
			L.RaiseError("'tostring' must return a string to 'print'")
		}
		w.add(lua.LVAsString(v))
	}
	chargeBytes(L, len(w.b))
	if g.print != nil {
		g.print(string(w.b))
	}
	return 0
}

// baseTostring is Lua 5.1's tostring with stable names (see namer).
func (g *guards) baseTostring(L *lua.LState) int {
	L.Push(g.names.tostring(L, L.CheckAny(1)))
	return 1
}

// baseUnpack is Lua 5.1's unpack with its stack bound.
func (g *guards) baseUnpack(L *lua.LState) int {
	t := L.CheckTable(1)
	i := optLuaInt(L, 2, 1)
	e := 0
	if L.Get(3) == lua.LNil {
		e = t.Len()
	} else {
		e = luaInt(L, 3)
	}
	if i > e {
		return 0
	}
	n := e - i + 1
	if n <= 0 || n > maxResults {
		L.RaiseError("too many results to unpack")
	}
	for ; i <= e; i++ {
		L.Push(t.RawGet(lua.LNumber(i)))
	}
	return n
}

// baseSetmetatable is Lua 5.1's setmetatable: unlike gopher-lua's it accepts
// only tables, so a script cannot replace the shared metatable of strings,
// numbers or functions; and it honours __metatable protection.
func (g *guards) baseSetmetatable(L *lua.LState) int {
	t := L.CheckTable(1)
	L.CheckTypes(2, lua.LTNil, lua.LTTable)
	if mt, ok := t.Metatable.(*lua.LTable); ok && mt.RawGetString("__metatable") != lua.LNil {
		L.RaiseError("cannot change a protected metatable")
	}
	L.SetMetatable(t, L.Get(2))
	L.SetTop(1)
	return 1
}

// strRep refuses results longer than MaxString before allocating them.
func (g *guards) strRep(L *lua.LState) int {
	s := L.CheckString(1)
	n := luaInt(L, 2)
	if n <= 0 || s == "" {
		L.Push(lua.LString(""))
		return 1
	}
	if n > g.lim.MaxString/len(s) {
		L.RaiseError("string.rep: resulting string too large (limit %s)", formatBytes(uint64(g.lim.MaxString)))
	}
	chargeBytes(L, n*len(s))
	L.Push(lua.LString(strings.Repeat(s, n)))
	return 1
}

// strByte is Lua 5.1's string.byte with its stack bound.
func (g *guards) strByte(L *lua.LState) int {
	s := L.CheckString(1)
	posi := posrelat(optLuaInt(L, 2, 1), len(s))
	pose := posrelat(optLuaInt(L, 3, posi), len(s))
	if posi <= 0 {
		posi = 1
	}
	if pose > len(s) {
		pose = len(s)
	}
	if posi > pose {
		return 0
	}
	n := pose - posi + 1
	if n > maxResults {
		L.RaiseError("string slice too long")
	}
	for i := posi - 1; i < pose; i++ {
		L.Push(lua.LNumber(s[i]))
	}
	return n
}

// strChar is Lua 5.1's string.char: codes outside 0..255 are errors, not
// silently wrapped.
func (g *guards) strChar(L *lua.LState) int {
	top := L.GetTop()
	b := make([]byte, top)
	for i := 1; i <= top; i++ {
		c := luaInt(L, i)
		if c < 0 || c > 255 {
			L.ArgError(i, "invalid value")
		}
		b[i-1] = byte(c)
	}
	L.Push(lua.LString(b))
	return 1
}

func (g *guards) strFind(L *lua.LState) int  { return g.findAux(L, true) }
func (g *guards) strMatch(L *lua.LState) int { return g.findAux(L, false) }

// findAux is str_find_aux of lstrlib.c over the bounded matcher.
func (g *guards) findAux(L *lua.LState, find bool) int {
	fname := "string.match"
	if find {
		fname = "string.find"
	}
	s := L.CheckString(1)
	p := L.CheckString(2)
	init := posrelat(optLuaInt(L, 3, 1), len(s)) - 1
	if init < 0 {
		init = 0
	} else if init > len(s) {
		init = len(s)
	}
	if find && (lua.LVAsBool(L.Get(4)) || !strings.ContainsAny(p, patternSpecial)) {
		if i := strings.Index(s[init:], p); i >= 0 {
			L.Push(lua.LNumber(init + i + 1))
			L.Push(lua.LNumber(init + i + len(p)))
			return 2
		}
		L.Push(lua.LNil)
		return 1
	}
	g.checkPattern(L, fname, s, p)
	m := newMatcher(L, s, p)
	anchor := len(p) > 0 && p[0] == '^'
	pstart := 0
	if anchor {
		pstart = 1
	}
	for s1 := init; ; s1++ {
		m.reset()
		if e := m.match(s1, pstart); e != -1 {
			if find {
				L.Push(lua.LNumber(s1 + 1))
				L.Push(lua.LNumber(e))
				return m.pushCaptures(s1, e, false) + 2
			}
			return m.pushCaptures(s1, e, true)
		}
		if s1 >= len(s) || anchor {
			break
		}
	}
	L.Push(lua.LNil)
	return 1
}

// strGmatch returns an iterator that finds one match per call, instead of
// finding all of them up front as gopher-lua does. The iterator holds the
// subject and the pattern as upvalues, where Retained sees them.
func (g *guards) strGmatch(L *lua.LState) int {
	s := L.CheckString(1)
	p := L.CheckString(2)
	g.checkPattern(L, "string.gmatch", s, p)
	pos := 0
	L.Push(L.NewClosure(func(L *lua.LState) int {
		s := lua.LVAsString(L.Get(lua.UpvalueIndex(1)))
		p := lua.LVAsString(L.Get(lua.UpvalueIndex(2)))
		m := newMatcher(L, s, p)
		for src := pos; src <= len(s); src++ {
			m.reset()
			if e := m.match(src, 0); e != -1 {
				pos = e
				if e == src {
					pos++
				}
				return m.pushCaptures(src, e, true)
			}
		}
		pos = len(s) + 1
		return 0
	}, lua.LString(s), lua.LString(p)))
	return 1
}

// strGsub is str_gsub of lstrlib.c with the result bounded by MaxString.
func (g *guards) strGsub(L *lua.LState) int {
	src := L.CheckString(1)
	p := L.CheckString(2)
	repl := L.Get(3)
	switch repl.(type) {
	case lua.LNumber, lua.LString, *lua.LFunction, *lua.LTable:
	default:
		L.ArgError(3, "string/function/table expected")
	}
	maxN := optLuaInt(L, 4, len(src)+1)
	g.checkPattern(L, "string.gsub", src, p)
	anchor := len(p) > 0 && p[0] == '^'
	pstart := 0
	if anchor {
		pstart = 1
	}
	m := newMatcher(L, src, p)
	w := g.newBounded(L, "string.gsub")
	s, n := 0, 0
	for n < maxN {
		m.meter.add(stepsPerInstruction) // one instruction per attempt
		m.reset()
		e := m.match(s, pstart)
		if e != -1 {
			n++
			g.addValue(L, m, w, s, e, repl)
		}
		if e != -1 && e > s {
			s = e
		} else if s < len(src) {
			w.addByte(src[s])
			s++
		} else {
			break
		}
		if anchor {
			break
		}
	}
	w.add(src[s:])
	w.push()
	L.Push(lua.LNumber(n))
	return 2
}

// addValue appends the replacement for the match src[s:e].
func (g *guards) addValue(L *lua.LState, m *matcher, w *bounded, s, e int, repl lua.LValue) {
	var v lua.LValue
	switch r := repl.(type) {
	case lua.LString, lua.LNumber:
		news := lua.LVAsString(r)
		for i := 0; i < len(news); i++ {
			c := news[i]
			if c != '%' || i+1 == len(news) {
				j := strings.IndexByte(news[i:len(news)-1], '%')
				if j < 0 {
					j = len(news) - i
				} else if j == 0 {
					j = 1
				}
				w.add(news[i : i+j])
				i += j - 1
				continue
			}
			i++
			c = news[i]
			switch {
			case c < '0' || c > '9':
				w.addByte(c)
			case c == '0':
				w.add(m.src[s:e])
			default:
				w.add(lua.LVAsString(m.captureValue(int(c-'1'), s, e)))
			}
		}
		return
	case *lua.LFunction:
		L.Push(r)
		n := m.pushCaptures(s, e, true)
		L.Call(n, 1)
		v = L.Get(-1)
		L.Pop(1)
	case *lua.LTable:
		v = L.GetTable(r, m.captureValue(0, s, e))
	}
	switch {
	case !lua.LVAsBool(v):
		w.add(m.src[s:e])
	case lua.LVCanConvToString(v):
		w.add(lua.LVAsString(v))
	default:
		L.RaiseError("invalid replacement value (a %s)", v.Type().String())
	}
}

// tabConcat is Lua 5.1's table.concat with the result bounded by MaxString.
func (g *guards) tabConcat(L *lua.LState) int {
	t := L.CheckTable(1)
	sep := ""
	if L.Get(2) != lua.LNil {
		sep = L.CheckString(2)
	}
	i := optLuaInt(L, 3, 1)
	last := 0
	if L.Get(4) == lua.LNil {
		last = t.Len()
	} else {
		last = luaInt(L, 4)
	}
	w := g.newBounded(L, "table.concat")
	elements := max(last-i+1, 0)
	for ; i <= last; i++ {
		v := t.RawGet(lua.LNumber(i))
		if !lua.LVCanConvToString(v) {
			L.RaiseError("invalid value (%s) at index %d in table for 'concat'", v.Type().String(), i)
		}
		w.add(lua.LVAsString(v))
		if i < last {
			w.add(sep)
		}
	}
	chargeWork(L, elements)
	w.push()
	return 1
}

// tabSort sorts t[1..#t] and, unlike gopher-lua's, charges its comparisons
// to the call's instruction budget and checks the call's deadline while it
// compares, so sorting millions of values without a Lua comparator (which
// the VM would count and interrupt) still stops, at the same point on every
// machine.
func (g *guards) tabSort(L *lua.LState) int {
	t := L.CheckTable(1)
	s := &tableSorter{L: L, t: t, n: t.Len(), meter: newMeter(L)}
	if L.Get(2) != lua.LNil {
		s.fn = L.CheckFunction(2)
	}
	sort.Sort(s)
	return 0
}

type tableSorter struct {
	L     *lua.LState
	t     *lua.LTable
	fn    *lua.LFunction
	n     int
	meter meter
}

func (s *tableSorter) Len() int { return s.n }

func (s *tableSorter) Swap(i, j int) {
	a, b := s.t.RawGet(lua.LNumber(i+1)), s.t.RawGet(lua.LNumber(j+1))
	s.t.RawSet(lua.LNumber(i+1), b)
	s.t.RawSet(lua.LNumber(j+1), a)
}

func (s *tableSorter) Less(i, j int) bool {
	s.meter.add(1)
	a, b := s.t.RawGet(lua.LNumber(i+1)), s.t.RawGet(lua.LNumber(j+1))
	if s.fn == nil {
		return s.L.LessThan(a, b)
	}
	s.L.Push(s.fn)
	s.L.Push(a)
	s.L.Push(b)
	s.L.Call(2, 1)
	r := lua.LVAsBool(s.L.Get(-1))
	s.L.Pop(1)
	return r
}

// mathRandom is Lua 5.1's math.random over the injected source.
func (g *guards) mathRandom(L *lua.LState) int {
	if g.rnd == nil {
		L.RaiseError("math.random is not available")
	}
	r := g.rnd()
	if !(r >= 0 && r < 1) {
		r = 0
	}
	switch L.GetTop() {
	case 0:
		L.Push(lua.LNumber(r))
	case 1:
		u := luaInt(L, 1)
		if u < 1 {
			L.ArgError(1, "interval is empty")
		}
		L.Push(lua.LNumber(math.Floor(r*float64(u)) + 1))
	case 2:
		l, u := luaInt(L, 1), luaInt(L, 2)
		if l > u {
			L.ArgError(2, "interval is empty")
		}
		L.Push(lua.LNumber(math.Floor(r*(float64(u)-float64(l)+1)) + float64(l)))
	default:
		L.RaiseError("wrong number of arguments")
	}
	return 1
}

// mathRandomseed checks its argument and does nothing: the host seeds the
// session's source, so a replay gives the same numbers.
func (g *guards) mathRandomseed(L *lua.LState) int {
	L.CheckNumber(1)
	return 0
}

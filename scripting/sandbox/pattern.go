package sandbox

import (
	lua "github.com/yuin/gopher-lua"
)

// This file is a Go port of the pattern matcher in Lua 5.1's lstrlib.c
// (Copyright (C) 1994-2012 Lua.org, PUC-Rio, MIT licence), with explicit
// ends instead of NUL terminators as in Lua 5.2. It replaces gopher-lua's pm
// package, which backtracks with Go recursion (up to a million frames), finds
// every match of gmatch and gsub before returning the first, and cannot be
// interrupted: `string.find(string.rep("a", 5e5), ".-.-.-.-b")` would run for
// days. This matcher recurses at most maxMatchDepth times, as Lua 5.2 does,
// and every few thousand steps charges its work to the call's instruction
// budget and checks the call's deadline.

const (
	maxCaptures    = 32   // LUA_MAXCAPTURES
	maxMatchDepth  = 200  // MAXCCALLS in Lua 5.2's lstrlib.c
	capUnfinished  = -1   // capture opened but not closed
	capPosition    = -2   // position capture "()"
	stepsPerCheck  = 4096 // matcher steps between deadline checks
	patternSpecial = "^$*+?.([%-"
)

type capture struct {
	init int // start in src
	len  int // length, or capUnfinished or capPosition
}

// matcher is the MatchState of lstrlib.c. Errors are raised on L, which
// unwinds through the matcher like longjmp does in C.
type matcher struct {
	L       *lua.LState
	src     string
	pat     string
	level   int // number of captures, finished or not
	capture [maxCaptures]capture
	depth   int // remaining recursion
	meter   meter
}

func newMatcher(L *lua.LState, src, pat string) *matcher {
	return &matcher{L: L, src: src, pat: pat, meter: newMeter(L)}
}

// tick counts one unit of matching work; see meter.
func (m *matcher) tick() {
	m.meter.add(1)
}

// reset prepares a match attempt.
func (m *matcher) reset() {
	m.level = 0
	m.depth = maxMatchDepth
}

func (m *matcher) checkCapture(l byte) int {
	i := int(l) - '1'
	if i < 0 || i >= m.level || m.capture[i].len == capUnfinished {
		m.L.RaiseError("invalid capture index")
	}
	return i
}

func (m *matcher) captureToClose() int {
	for level := m.level - 1; level >= 0; level-- {
		if m.capture[level].len == capUnfinished {
			return level
		}
	}
	m.L.RaiseError("invalid pattern capture")
	return 0
}

// classEnd returns the index just past the single-char class at p.
func (m *matcher) classEnd(p int) int {
	pat := m.pat
	c := pat[p]
	p++
	switch c {
	case '%':
		if p >= len(pat) {
			m.L.RaiseError("%s", "malformed pattern (ends with '%')")
		}
		return p + 1
	case '[':
		if p < len(pat) && pat[p] == '^' {
			p++
		}
		for {
			if p >= len(pat) {
				m.L.RaiseError("malformed pattern (missing ']')")
			}
			c := pat[p]
			p++
			if c == '%' && p < len(pat) {
				p++
			}
			if p < len(pat) && pat[p] == ']' {
				return p + 1
			}
		}
	default:
		return p
	}
}

// matchClass reports whether c belongs to the class %cl (C locale).
func matchClass(c int, cl byte) bool {
	var res bool
	switch cl | 0x20 {
	case 'a':
		res = isAlpha(c)
	case 'c':
		res = c < 32 || c == 127
	case 'd':
		res = '0' <= c && c <= '9'
	case 'l':
		res = 'a' <= c && c <= 'z'
	case 'p':
		res = isPunct(c)
	case 's':
		res = c == ' ' || ('\t' <= c && c <= '\r')
	case 'u':
		res = 'A' <= c && c <= 'Z'
	case 'w':
		res = isAlpha(c) || ('0' <= c && c <= '9')
	case 'x':
		res = ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
	case 'z':
		res = c == 0
	default:
		return int(cl) == c
	}
	if 'A' <= cl && cl <= 'Z' {
		return !res
	}
	return res
}

func isAlpha(c int) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

func isPunct(c int) bool {
	return (33 <= c && c <= 47) || (58 <= c && c <= 64) || (91 <= c && c <= 96) || (123 <= c && c <= 126)
}

// matchBracketClass matches c against the set pat[p:ec+1], where pat[p] is
// '[' and pat[ec] is the closing ']'.
func (m *matcher) matchBracketClass(c int, p, ec int) bool {
	pat := m.pat
	sig := true
	if pat[p+1] == '^' {
		sig = false
		p++
	}
	for p++; p < ec; p++ {
		switch {
		case pat[p] == '%':
			p++
			if matchClass(c, pat[p]) {
				return sig
			}
		case pat[p+1] == '-' && p+2 < ec:
			p += 2
			if int(pat[p-2]) <= c && c <= int(pat[p]) {
				return sig
			}
		case int(pat[p]) == c:
			return sig
		}
	}
	return !sig
}

// singleMatch matches src[s] against the class pat[p:ep].
func (m *matcher) singleMatch(s, p, ep int) bool {
	m.tick()
	if s >= len(m.src) {
		return false
	}
	c := int(m.src[s])
	switch m.pat[p] {
	case '.':
		return true
	case '%':
		return matchClass(c, m.pat[p+1])
	case '[':
		return m.matchBracketClass(c, p, ep-1)
	default:
		return int(m.pat[p]) == c
	}
}

func (m *matcher) matchBalance(s, p int) int {
	if p+1 >= len(m.pat) {
		m.L.RaiseError("unbalanced pattern")
	}
	if s >= len(m.src) || m.src[s] != m.pat[p] {
		return -1
	}
	b, e := m.pat[p], m.pat[p+1]
	cont := 1
	for s++; s < len(m.src); s++ {
		m.tick()
		switch m.src[s] {
		case e:
			cont--
			if cont == 0 {
				return s + 1
			}
		case b:
			cont++
		}
	}
	return -1
}

func (m *matcher) maxExpand(s, p, ep int) int {
	i := 0
	for m.singleMatch(s+i, p, ep) {
		i++
	}
	for ; i >= 0; i-- {
		if res := m.match(s+i, ep+1); res != -1 {
			return res
		}
	}
	return -1
}

func (m *matcher) minExpand(s, p, ep int) int {
	for {
		if res := m.match(s, ep+1); res != -1 {
			return res
		}
		if !m.singleMatch(s, p, ep) {
			return -1
		}
		s++
	}
}

func (m *matcher) startCapture(s, p, what int) int {
	level := m.level
	if level >= maxCaptures {
		m.L.RaiseError("too many captures")
	}
	m.capture[level] = capture{init: s, len: what}
	m.level = level + 1
	res := m.match(s, p)
	if res == -1 {
		m.level--
	}
	return res
}

func (m *matcher) endCapture(s, p int) int {
	l := m.captureToClose()
	m.capture[l].len = s - m.capture[l].init
	res := m.match(s, p)
	if res == -1 {
		m.capture[l].len = capUnfinished
	}
	return res
}

func (m *matcher) matchCapture(s int, l byte) int {
	i := m.checkCapture(l)
	n := m.capture[i].len
	if n < 0 || len(m.src)-s < n {
		return -1
	}
	init := m.capture[i].init
	if m.src[init:init+n] != m.src[s:s+n] {
		return -1
	}
	m.meter.add(n)
	return s + n
}

// match returns the end of a match of pat[p:] at src[s:], or -1.
func (m *matcher) match(s, p int) int {
	m.depth--
	if m.depth < 0 {
		m.L.RaiseError("pattern too complex")
	}
	res := m.doMatch(s, p)
	m.depth++
	return res
}

func (m *matcher) doMatch(s, p int) int {
	pat := m.pat
	for {
		if p >= len(pat) {
			return s
		}
		switch pat[p] {
		case '(':
			if p+1 < len(pat) && pat[p+1] == ')' {
				return m.startCapture(s, p+2, capPosition)
			}
			return m.startCapture(s, p+1, capUnfinished)
		case ')':
			return m.endCapture(s, p+1)
		case '$':
			if p+1 == len(pat) {
				if s == len(m.src) {
					return s
				}
				return -1
			}
		case '%':
			if p+1 < len(pat) {
				switch c := pat[p+1]; {
				case c == 'b':
					s = m.matchBalance(s, p+2)
					if s == -1 {
						return -1
					}
					p += 4
					continue
				case c == 'f':
					p += 2
					if p >= len(pat) || pat[p] != '[' {
						m.L.RaiseError("%s", "missing '[' after '%f' in pattern")
					}
					ep := m.classEnd(p)
					prev, cur := 0, 0
					if s > 0 {
						prev = int(m.src[s-1])
					}
					if s < len(m.src) {
						cur = int(m.src[s])
					}
					if !m.matchBracketClass(prev, p, ep-1) && m.matchBracketClass(cur, p, ep-1) {
						p = ep
						continue
					}
					return -1
				case '0' <= c && c <= '9':
					s = m.matchCapture(s, c)
					if s == -1 {
						return -1
					}
					p += 2
					continue
				}
			}
		}
		// default: a single-char class plus an optional suffix
		ep := m.classEnd(p)
		var suffix byte
		if ep < len(pat) {
			suffix = pat[ep]
		}
		if !m.singleMatch(s, p, ep) {
			if suffix == '*' || suffix == '?' || suffix == '-' {
				p = ep + 1
				continue
			}
			return -1
		}
		switch suffix {
		case '?':
			if res := m.match(s+1, ep+1); res != -1 {
				return res
			}
			p = ep + 1
		case '+':
			return m.maxExpand(s+1, p, ep)
		case '*':
			return m.maxExpand(s, p, ep)
		case '-':
			return m.minExpand(s, p, ep)
		default:
			s++
			p = ep
		}
	}
}

// captureValue returns capture i of the match src[s:e] (the whole match when
// the pattern has no captures and i is 0).
func (m *matcher) captureValue(i, s, e int) lua.LValue {
	if i >= m.level {
		if i != 0 {
			m.L.RaiseError("invalid capture index")
		}
		return lua.LString(m.src[s:e])
	}
	c := m.capture[i]
	switch c.len {
	case capUnfinished:
		m.L.RaiseError("unfinished capture")
	case capPosition:
		return lua.LNumber(c.init + 1)
	}
	return lua.LString(m.src[c.init : c.init+c.len])
}

// pushCaptures pushes the captures of the match src[s:e], or the whole match
// when there are none and wholeIfNone is set, and returns how many.
func (m *matcher) pushCaptures(s, e int, wholeIfNone bool) int {
	n := m.level
	if n == 0 && wholeIfNone {
		n = 1
	}
	for i := 0; i < n; i++ {
		m.L.Push(m.captureValue(i, s, e))
	}
	return n
}

package sandbox

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"

	lua "github.com/yuin/gopher-lua"
)

// testLimits keeps the hostile battery fast: a 200 ms deadline, 64 MiB.
// The instruction limit is out of reach, so that these tests still exercise
// the safety nets behind it (the deadline, the memory watchdog); work_test.go
// tests the instruction limit.
func testLimits() Limits {
	lim := DefaultLimits()
	lim.CallTimeout = 200 * time.Millisecond
	lim.MaxMemory = 64 << 20
	lim.MaxInstructions = unlimitedWork
	return lim
}

// unlimitedWork is an instruction limit no test reaches.
const unlimitedWork = 1 << 62

// memLimits gives memory and string bombs time to reach their own limit
// first, even on a slow, shared machine.
func memLimits() Limits {
	lim := testLimits()
	lim.CallTimeout = 20 * time.Second
	return lim
}

// longPatterns allows patterns long enough to recurse past the matcher's
// depth bound (at most 128 levels fit in 256 bytes).
func longPatterns() Limits {
	lim := testLimits()
	lim.MaxPattern = 1024
	return lim
}

// smallMemLimits keeps bombs whose single steps are large (each `..`
// doubles the string) quick to stop.
func smallMemLimits() Limits {
	lim := memLimits()
	lim.MaxMemory = 16 << 20
	return lim
}

func fixedRand() float64 { return 0.5 }

// compileRun compiles src as name in s and runs it.
func compileRun(s *Sandbox, name, src string) ([]lua.LValue, error) {
	p, err := s.Compile(name, []byte(src))
	if err != nil {
		return nil, err
	}
	return s.Run(p)
}

// checkError asserts that err is a *Error at file:line (line < 0: any line)
// whose message contains phrase and no trace.
func checkError(t *testing.T, err error, file string, line int, phrase string) *Error {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want %q", phrase)
	}
	var e *Error
	if !errors.As(err, &e) || e != err {
		t.Fatalf("got %T %v, want *sandbox.Error", err, err)
	}
	if e.File != file {
		t.Errorf("File = %q, want %q (error %v)", e.File, file, e)
	}
	if line >= 0 && e.Line != line {
		t.Errorf("Line = %d, want %d (error %v)", e.Line, line, e)
	}
	if !strings.Contains(e.Msg, phrase) {
		t.Errorf("Msg = %q, want it to contain %q", e.Msg, phrase)
	}
	for _, bad := range []string{"stack traceback", "goroutine ", "<string>", "\n\t"} {
		if strings.Contains(e.Msg, bad) {
			t.Errorf("Msg %q holds %q", e.Msg, bad)
		}
	}
	return e
}

// checkWorks asserts that s still runs a trivial chunk.
func checkWorks(t *testing.T, s *Sandbox) {
	t.Helper()
	rets, err := compileRun(s, "after.lua", "return 1+1")
	if err != nil || len(rets) != 1 || rets[0] != lua.LNumber(2) {
		t.Fatalf("after the script, return 1+1 gave %v, %v", rets, err)
	}
}

// checkGoroutines waits briefly for the goroutine count to fall back to base.
func checkGoroutines(t *testing.T, base int) {
	t.Helper()
	for i := 0; i < 100; i++ {
		if runtime.NumGoroutine() <= base {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("goroutines: %d, want at most %d", runtime.NumGoroutine(), base)
}

func TestHostileScripts(t *testing.T) {
	cases := []struct {
		name   string
		lim    Limits
		src    string
		line   int // -1: any (best effort)
		phrase string
	}{
		{"busy loop", testLimits(), "local n = 0\nwhile true do n = n + 1 end", 2, "script exceeded its time limit (200ms)"},
		{"loop inside pcall", testLimits(), "local ok = pcall(function()\n  while true do end\nend)\nreturn ok", 4, "script exceeded its time limit"},
		{"pcall inside loop", testLimits(), "while true do\n  pcall(function() while true do end end)\nend", -1, "script exceeded its time limit"},
		{"error handler loops", testLimits(), "xpcall(function() error('x') end, function() while true do end end)\nreturn 1", 2, "script exceeded its time limit"},
		{"infinite recursion", testLimits(), "local function f()\n  return 1 + f()\nend\nreturn f()", 2, "stack overflow"},
		{"recursion through pcall", testLimits(), "local function f()\n  local ok, e = pcall(f)\n  error(e, 0)\nend\nf()", 2, "stack overflow"},
		// gopher-lua builds one traceback line per tail call; protected
		// calls avoid building tracebacks at all, so this ends on time.
		{"tail-call loop", testLimits(), "function f() return f() end\nreturn f()", 1, "script exceeded its time limit"},
		{"tail-call loop in pcall", testLimits(), "function f() return f() end\nwhile true do pcall(f) end", 2, "script exceeded its time limit"},
		{"table growth", memLimits(), "t = {}\nfor i = 1, 1e9 do t[i] = i end", 2, "script exceeded its memory limit (64 MiB)"},
		{"string doubling", smallMemLimits(), "local s = 'x'\nwhile true do s = s .. s end", 2, "script exceeded its memory limit (16 MiB)"},
		{"string.rep 1e10", testLimits(), "return string.rep('x', 1e10)", 1, "string.rep: resulting string too large (limit 4 MiB)"},
		{"rep through the string metatable", testLimits(), "local s = 'x'\nreturn s:rep(1e9)", 2, "string.rep: resulting string too large"},
		{"rep then match", testLimits(), "return ('a'):rep(1e7):match('a*')", 1, "string.rep: resulting string too large"},
		{"match on a long subject", testLimits(), "return ('a'):rep(4e6):match('a*')", 1, "string.match: string too long for pattern matching"},
		{"long pattern", testLimits(), "return string.find('x', ('a?'):rep(200))", 1, "string.find: pattern too long (400 bytes, limit 256)"},
		{"catastrophic find", testLimits(), "return string.find(string.rep('a', 5e5), '.-.-.-.-b')", 1, "script exceeded its time limit"},
		{"catastrophic gsub", testLimits(), "return (string.rep('a', 5e5)):gsub('.-.-.-b', '')", 1, "script exceeded its time limit"},
		{"catastrophic gmatch", testLimits(), "for w in string.gmatch(string.rep('a', 5e5), '.-.-.-b') do end", 1, "script exceeded its time limit"},
		{"deep pattern recursion", longPatterns(), "return string.match(('a'):rep(300), ('a?'):rep(250))", 1, "pattern too complex"},
		{"gsub bomb", memLimits(), "local s = ('x'):rep(1e6)\nreturn s:gsub('x', ('y'):rep(100))", 2, "string.gsub: resulting string too large"},
		{"gsub %0 bomb", memLimits(), "local s = ('x'):rep(1e6)\nreturn s:gsub('.+', '%0%0%0%0%0')", 2, "string.gsub: resulting string too large"},
		{"table.concat bomb", memLimits(), "local t, s = {}, ('x'):rep(1e6)\nfor i = 1, 10 do t[i] = s end\nreturn table.concat(t)", 3, "table.concat: resulting string too large"},
		{"table.concat huge range", testLimits(), "return table.concat({'a'}, '', 1, 1e15)", 1, "invalid value (nil) at index 2 in table for 'concat'"},
		{"format bomb", memLimits(), "local s = ('x'):rep(1e6)\nreturn string.format('%s%s%s%s%s', s, s, s, s, s)", 2, "string.format: resulting string too large"},
		{"format width", testLimits(), "return string.format('%999999999d', 1)", 1, "invalid format (width or precision too long)"},
		{"format %v", testLimits(), "return string.format('%v', {})", 1, "invalid option '%v' to 'format'"},
		{"unpack huge range", testLimits(), "return unpack({}, 1, 1e9)", 1, "too many results to unpack"},
		{"string.byte huge range", testLimits(), "return string.byte(('x'):rep(1e5), 1, -1)", 1, "string slice too long"},
		{"string.char out of range", testLimits(), "return string.char(65, 256)", 1, "invalid value"},
		{"setmetatable on _G", testLimits(), "setmetatable(_G, {__index = function() while true do end end})", 1, "cannot change a protected metatable"},
		{"setmetatable on strings", testLimits(), "setmetatable('', {__index = {rep = function() end}})", 1, "table expected, got string"},
		{"error with a table", testLimits(), "error({code = 1})", 1, "(error object is a table value)"},
		{"error at level 0", testLimits(), "error('plain', 0)", 1, "plain"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			base := runtime.NumGoroutine()
			// Garbage left by earlier cases counts in the script's favour
			// (up to half the budget): collect it so that the bombs stop
			// at the same size every time.
			runtime.GC()
			s := New(c.lim, fixedRand, nil)
			defer s.Close()
			_, err := compileRun(s, "scenario.lua", c.src)
			checkError(t, err, "scenario.lua", c.line, c.phrase)
			checkWorks(t, s)
			s.Close()
			checkGoroutines(t, base)
		})
	}
}

// TestAbsentFunctions checks that nothing reaching outside the state exists.
func TestAbsentFunctions(t *testing.T) {
	s := New(testLimits(), fixedRand, nil)
	defer s.Close()
	for _, name := range []string{
		"require", "dofile", "loadstring", "load", "loadfile", "getfenv",
		"setfenv", "collectgarbage", "newproxy", "module", "gcinfo", "_printregs",
		"string.dump",
	} {
		t.Run(name, func(t *testing.T) {
			src := fmt.Sprintf("local x = %s\nassert(x == nil, 'present')\n%s('x')", name, name)
			_, err := compileRun(s, "absent.lua", src)
			// gopher-lua words "attempt to call a nil value" this way.
			checkError(t, err, "absent.lua", 3, "attempt to call a non-function object")
		})
	}
	for _, lib := range []string{"os", "io", "debug", "coroutine", "package", "channel"} {
		t.Run(lib, func(t *testing.T) {
			src := fmt.Sprintf("assert(%s == nil and rawget(_G, %q) == nil, 'present')\nreturn %s.x()", lib, lib, lib)
			_, err := compileRun(s, "absent.lua", src)
			checkError(t, err, "absent.lua", 2, "attempt to index a non-table object(nil)")
		})
	}
}

// TestGlobals pins the complete list of globals and library functions.
func TestGlobals(t *testing.T) {
	s := New(testLimits(), fixedRand, nil)
	defer s.Close()
	rets, err := compileRun(s, "globals.lua", `
local names = {}
for k, v in pairs(_G) do
  names[#names + 1] = k
  if type(v) == "table" and k ~= "_G" then
    for f in pairs(v) do names[#names + 1] = k .. "." .. f end
  end
end
table.sort(names)
return table.concat(names, " ")`)
	if err != nil {
		t.Fatal(err)
	}
	want := "_G _VERSION assert error getmetatable ipairs math math.abs math.acos math.asin " +
		"math.atan math.atan2 math.ceil math.cos math.cosh math.deg math.exp math.floor math.fmod " +
		"math.frexp math.huge math.ldexp math.log math.log10 math.max math.min math.mod math.modf " +
		"math.pi math.pow math.rad math.random math.randomseed math.sin math.sinh math.sqrt math.tan " +
		"math.tanh next pairs pcall print rawequal rawget rawset select setmetatable string " +
		"string.__index string.byte string.char string.find string.format string.gfind string.gmatch " +
		"string.gsub string.len string.lower string.match string.rep string.reverse string.sub " +
		"string.upper table table.concat table.getn table.insert table.maxn table.remove table.sort " +
		"tonumber tostring type unpack xpcall"
	if got := rets[0].String(); got != want {
		t.Errorf("globals:\n got %s\nwant %s", got, want)
	}
}

// TestNoEscape checks that the tricks a script may try stay inside its state.
func TestNoEscape(t *testing.T) {
	s := New(testLimits(), fixedRand, nil)
	defer s.Close()
	rets, err := compileRun(s, "escape.lua", `
local results = {}
results[#results + 1] = tostring(getmetatable(_G))
results[#results + 1] = tostring(pcall(setmetatable, _G, {}))
rawset(_G, "os", {execute = function() return "fake" end})
results[#results + 1] = os.execute()
-- the string metatable is the guarded string table itself
local mt = getmetatable("")
results[#results + 1] = tostring(mt.__index.rep == string.rep)
results[#results + 1] = tostring(rawget(mt, "dump"))
results[#results + 1] = tostring(pcall(string.rep, "x", 1e9))
string.rep = function() return "replaced" end
results[#results + 1] = ("x"):rep(2)
return table.concat(results, " ")`)
	if err != nil {
		t.Fatal(err)
	}
	want := "false false fake true nil false replaced"
	if got := rets[0].String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// The host still sees plain globals: no metamethod runs on GetGlobal.
	if v := s.L().GetGlobal("nothing"); v != lua.LNil {
		t.Errorf("GetGlobal(nothing) = %v", v)
	}
	// A replaced function stays in its own sandbox.
	other := New(testLimits(), fixedRand, nil)
	defer other.Close()
	_, err = compileRun(other, "other.lua", "return ('x'):rep(1e9)")
	checkError(t, err, "other.lua", 1, "string.rep: resulting string too large")
}

func TestPrintGoesToHost(t *testing.T) {
	var lines []string
	s := New(testLimits(), fixedRand, func(l string) { lines = append(lines, l) })
	defer s.Close()
	_, err := compileRun(s, "print.lua", `
print("hello", 1, nil, true, 2.5)
print()
print(setmetatable({}, {__tostring = function() return "custom" end}))`)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"hello\t1\tnil\ttrue\t2.5", "", "custom"}
	if strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("printed %q, want %q", lines, want)
	}
	quiet := New(testLimits(), fixedRand, nil)
	defer quiet.Close()
	if _, err := compileRun(quiet, "print.lua", "print('dropped')"); err != nil {
		t.Errorf("print without a host func: %v", err)
	}
}

func TestRandomIsInjected(t *testing.T) {
	script := `
math.randomseed(12345) -- does nothing: the host seeds the session
local out = {}
for i = 1, 5 do out[#out + 1] = math.random() end
for i = 1, 5 do out[#out + 1] = math.random(6) end
for i = 1, 5 do out[#out + 1] = math.random(-3, 3) end
return out`
	draw := func(seed uint64) []float64 {
		r := rand.New(rand.NewPCG(seed, 7))
		s := New(testLimits(), r.Float64, nil)
		defer s.Close()
		rets, err := compileRun(s, "rand.lua", script)
		if err != nil {
			t.Fatal(err)
		}
		tb := rets[0].(*lua.LTable)
		var got []float64
		for i := 1; i <= tb.Len(); i++ {
			got = append(got, float64(tb.RawGetInt(i).(lua.LNumber)))
		}
		return got
	}
	got := draw(42)
	again := draw(42)
	if fmt.Sprint(got) != fmt.Sprint(again) {
		t.Errorf("same seed, different numbers: %v and %v", got, again)
	}
	// The numbers are the source's, mapped as Lua 5.1 maps them.
	r := rand.New(rand.NewPCG(42, 7))
	var want []float64
	for i := 0; i < 5; i++ {
		want = append(want, r.Float64())
	}
	for i := 0; i < 5; i++ {
		want = append(want, math.Floor(r.Float64()*6)+1)
	}
	for i := 0; i < 5; i++ {
		want = append(want, math.Floor(r.Float64()*7)-3)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if fmt.Sprint(draw(43)) == fmt.Sprint(got) {
		t.Error("a different seed gave the same numbers")
	}

	s := New(testLimits(), fixedRand, nil)
	defer s.Close()
	_, err := compileRun(s, "rand.lua", "return math.random(0)")
	checkError(t, err, "rand.lua", 1, "interval is empty")
	none := New(testLimits(), nil, nil)
	defer none.Close()
	_, err = compileRun(none, "rand.lua", "return math.random()")
	checkError(t, err, "rand.lua", 1, "math.random is not available")
}

func TestSourceLimits(t *testing.T) {
	big := DefaultLimits()
	big.MaxSource = 4 << 20
	cases := []struct {
		name   string
		lim    Limits
		src    []byte
		line   int
		col    int
		phrase string
	}{
		{"2 MiB source", DefaultLimits(), bytes.Repeat([]byte("x = 1\n"), (2<<20)/6), 0, 0, "source too large (2097150 bytes, limit 1 MiB)"},
		{"2 MB of {", big, append([]byte("x = "), bytes.Repeat([]byte("{"), 2e6)...), 1, 0, "brackets nested too deeply (limit 200)"},
		{"2 MB of (", big, append([]byte("x = "), bytes.Repeat([]byte("("), 2e6)...), 1, 0, "brackets nested too deeply (limit 200)"},
		{"2 MB of [", big, append([]byte("x = t"), bytes.Repeat([]byte("[t"), 1e6)...), 1, 0, "brackets nested too deeply (limit 200)"},
		{"nesting on a later line", DefaultLimits(), []byte("-- {{{ [[ ( ]]\nlocal s = '((('\nx = " + strings.Repeat("{", 201) + strings.Repeat("}", 201)), 3, 0, "brackets nested too deeply"},
		{"operator chain", DefaultLimits(), []byte("x = 1" + strings.Repeat(" + 1", 20000)), 1, 0, "expressions or blocks nested too deeply (limit 10000)"},
		{"concat chain", DefaultLimits(), []byte("x = 'a'\n" + "y = x" + strings.Repeat(" .. x", 20000)), 2, 0, "nested too deeply"},
		{"syntax error", DefaultLimits(), []byte("local a = 1\nx = = 1"), 2, 5, "syntax error near '='"},
		{"syntax error at the end", DefaultLimits(), []byte("if x then\n  y = 1\n"), 3, 0, "syntax error at end of file"},
		{"unfinished string", DefaultLimits(), []byte("x = 'abc"), 1, 0, "unterminated string at end of file"},
		{"compile error", DefaultLimits(), []byte("local x = 1\nbreak"), 2, 0, "no loop to break"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := New(c.lim, fixedRand, nil)
			defer s.Close()
			_, err := s.Compile("scenarios/x.lua", c.src)
			e := checkError(t, err, "scenarios/x.lua", c.line, c.phrase)
			if e.Col != c.col {
				t.Errorf("Col = %d, want %d", e.Col, c.col)
			}
		})
	}
	// Brackets inside strings and comments do not count.
	s := New(DefaultLimits(), fixedRand, nil)
	defer s.Close()
	deep := strings.Repeat("{", 300)
	src := "local a = '" + deep + "'\nlocal b = [==[" + deep + "]]\n]==]\n--[[" + deep + "]]\n-- " + deep + "\nreturn #a + #b"
	if rets, err := compileRun(s, "quoted.lua", src); err != nil || rets[0] != lua.LNumber(300+303) {
		t.Errorf("brackets in strings and comments: %v, %v", rets, err)
	}
	// A long but flat operator chain is fine.
	if rets, err := compileRun(s, "chain.lua", "return 0"+strings.Repeat("+1", 5000)); err != nil || rets[0] != lua.LNumber(5000) {
		t.Errorf("chain of 5000: %v, %v", rets, err)
	}
}

func TestErrorFormat(t *testing.T) {
	cases := []struct {
		err  Error
		want string
	}{
		{Error{File: "a.lua", Line: 3, Col: 7, Msg: "syntax error near '='"}, "a.lua:3:7: syntax error near '='"},
		{Error{File: "a.lua", Line: 3, Msg: "boom"}, "a.lua:3: boom"},
		{Error{File: "a.lua", Msg: "script exceeded its time limit (2s)"}, "a.lua: script exceeded its time limit (2s)"},
	}
	for _, c := range cases {
		if got := c.err.Error(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

func TestRuntimeErrorPosition(t *testing.T) {
	s := New(testLimits(), fixedRand, nil)
	defer s.Close()
	lib, err := s.Compile("scenarios/lib folder/util.lua", []byte("local M = {}\nfunction M.check(v)\n  if not v then\n    error('value missing')\n  end\nend\nfunction M.add(a)\n  return a + 1\nend\nreturn M"))
	if err != nil {
		t.Fatal(err)
	}
	rets, err := s.Run(lib)
	if err != nil {
		t.Fatal(err)
	}
	s.L().SetGlobal("util", rets[0])
	main := "local function outer()\n  local function inner()\n    util.check(false)\n  end\n  inner()\nend\nouter()"
	_, err = compileRun(s, "scenarios/main.lua", main)
	e := checkError(t, err, "scenarios/lib folder/util.lua", 4, "value missing")
	if e.Error() != "scenarios/lib folder/util.lua:4: value missing" {
		t.Errorf("Error() = %q", e.Error())
	}
	_, err = compileRun(s, "scenarios/main.lua", "local x\n\nreturn util.add(x)")
	checkError(t, err, "scenarios/lib folder/util.lua", 8, "cannot perform add operation between nil and number")
	_, err = compileRun(s, "C:/scenarios/x.lua", "local t = nil\nreturn t.field")
	checkError(t, err, "C:/scenarios/x.lua", 2, "attempt to index a non-table object(nil)")
}

// TestLimitsCannotBeCaught: a script that swallows the limit error still
// gets it, and so does the host.
func TestLimitsCannotBeCaught(t *testing.T) {
	s := New(testLimits(), fixedRand, nil)
	defer s.Close()
	_, err := compileRun(s, "catch.lua", `
local ok, e = pcall(function() while true do end end)
local ok2, e2 = pcall(function() return string.rep("x", 1e9) end)
return "survived"`)
	// The first pcall catches the deadline; the next instruction raises it
	// again.
	checkError(t, err, "catch.lua", 3, "script exceeded its time limit")
	checkWorks(t, s)
}

// TestUpvaluesSurviveErrors guards the protected-call trick: gopher-lua's
// own xpcall leaves upvalues open, so the closure below would read the
// register that later holds c.
func TestUpvaluesSurviveErrors(t *testing.T) {
	s := New(testLimits(), fixedRand, nil)
	defer s.Close()
	rets, err := compileRun(s, "up.lua", `
local f, g
xpcall(function() local x = 41; f = function() x = x + 1; return x end; error("e") end, function(e) return e end)
pcall(function() local y = 41; g = function() y = y + 1; return y end; error("e") end)
local a, b, c = 7, 8, 9
return f(), f(), g(), a, b, c`)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(rets); got != "[42 43 42 7 8 9]" {
		t.Errorf("got %s, want [42 43 42 7 8 9]", got)
	}
	// The same after an error that ends a call.
	if _, err := compileRun(s, "up2.lua", "function mk()\n  local z = 1\n  h = function() z = z + 1 return z end\n  error('x')\nend"); err != nil {
		t.Fatal(err)
	}
	_, err = s.Call(s.L().GetGlobal("mk"), 0)
	checkError(t, err, "up2.lua", 4, "x")
	_, _ = compileRun(s, "noise.lua", "local a, b, c, d = 100, 200, 300, 400\nreturn a + b + c + d")
	r1, err1 := s.Call(s.L().GetGlobal("h"), 1)
	r2, err2 := s.Call(s.L().GetGlobal("h"), 1)
	if err1 != nil || err2 != nil || fmt.Sprint(r1, r2) != "[2] [3]" {
		t.Errorf("h() twice: %v %v %v %v, want [2] [3]", r1, err1, r2, err2)
	}
}

func TestCall(t *testing.T) {
	s := New(testLimits(), fixedRand, nil)
	defer s.Close()
	_, err := compileRun(s, "handlers.lua", "function on_tick(a, b)\n  if a == 0 then error('zero') end\n  return a + b, a * b\nend\nfunction spin() while true do end end")
	if err != nil {
		t.Fatal(err)
	}
	fn := s.L().GetGlobal("on_tick")
	rets, err := s.Call(fn, 2, lua.LNumber(3), lua.LNumber(4))
	if err != nil || fmt.Sprint(rets) != "[7 12]" {
		t.Errorf("Call = %v, %v", rets, err)
	}
	rets, err = s.Call(fn, lua.MultRet, lua.LNumber(3), nil)
	checkError(t, err, "handlers.lua", 3, "cannot perform add operation")
	if rets != nil {
		t.Errorf("results with an error: %v", rets)
	}
	_, err = s.Call(fn, 1, lua.LNumber(0), lua.LNumber(1))
	checkError(t, err, "handlers.lua", 2, "zero")
	_, err = s.Call(s.L().GetGlobal("spin"), 0)
	checkError(t, err, "handlers.lua", 5, "script exceeded its time limit")
	_, err = s.Call(lua.LNil, 0)
	checkError(t, err, "?", -1, "attempt to call")
	if top := s.L().GetTop(); top != 0 {
		t.Errorf("stack not balanced: top %d", top)
	}

	// A host function may call back into the script under the same deadline.
	s.L().SetGlobal("each", s.NewFunction(func(L *lua.LState) int {
		cb := L.CheckFunction(1)
		for i := 1; i <= 3; i++ {
			rets, err := s.Call(cb, 1, lua.LNumber(i))
			if err != nil {
				L.RaiseError("callback: %s", err.(*Error).Msg)
			}
			L.Push(rets[0])
		}
		return 3
	}))
	rets, err = compileRun(s, "cb.lua", "return each(function(i) return i * 10 end)")
	if err != nil || fmt.Sprint(rets) != "[10 20 30]" {
		t.Errorf("nested calls: %v, %v", rets, err)
	}
	_, err = compileRun(s, "cb.lua", "return each(function(i) while true do end end)")
	checkError(t, err, "cb.lua", 1, "script exceeded its time limit")
	checkWorks(t, s)
}

func TestFatal(t *testing.T) {
	s := New(testLimits(), fixedRand, nil)
	defer s.Close()
	s.L().SetGlobal("host_fail", s.NewFunction(func(L *lua.LState) int {
		s.Fatal(errors.New("save file corrupt"))
		return 0
	}))
	var nilMap map[string]int
	s.L().SetGlobal("host_bug", s.NewFunction(func(L *lua.LState) int {
		nilMap["x"] = 1 // a Go panic in host code
		return 0
	}))
	s.L().SetGlobal("host_check", s.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LNumber(CheckInteger(L, 1)))
		return 1
	}))

	// Lua errors raised by host functions stay ordinary, catchable errors.
	rets, err := compileRun(s, "fatal.lua", "local ok, e = pcall(host_check, 7.9)\nreturn ok, e, host_check(7)")
	if err != nil || len(rets) != 3 || rets[0] != lua.LFalse || !strings.Contains(rets[1].String(), "number has no integer representation") || rets[2] != lua.LNumber(7) {
		t.Errorf("CheckInteger: %v, %v", rets, err)
	}
	_, err = compileRun(s, "fatal.lua", "return host_check('x')")
	checkError(t, err, "fatal.lua", 1, "number expected, got string")

	_, err = compileRun(s, "fatal.lua", "local n = 0\nwhile true do\n  pcall(host_fail)\n  n = n + 1\nend")
	// host_fail returns normally; the script stops at its next instruction.
	checkError(t, err, "fatal.lua", 4, "save file corrupt")
	_, err = compileRun(s, "later.lua", "return 1")
	checkError(t, err, "later.lua", 0, "save file corrupt")

	t2 := New(testLimits(), fixedRand, nil)
	defer t2.Close()
	t2.L().SetGlobal("host_bug", t2.NewFunction(func(L *lua.LState) int {
		nilMap["x"] = 1
		return 0
	}))
	_, err = compileRun(t2, "bug.lua", "local ok = pcall(host_bug)\nreturn 'hidden'")
	checkError(t, err, "bug.lua", 2, "host function panicked: assignment to entry in nil map")

	// Fatal from another goroutine stops a running script.
	t3 := New(Limits{CallTimeout: 10 * time.Second, MaxInstructions: unlimitedWork}, fixedRand, nil)
	defer t3.Close()
	go func() {
		time.Sleep(50 * time.Millisecond)
		t3.Fatal(&Error{File: "host", Msg: "session ended"})
	}()
	_, err = compileRun(t3, "long.lua", "while true do end")
	checkError(t, err, "host", 0, "session ended")
}

func TestClosed(t *testing.T) {
	s := New(testLimits(), fixedRand, nil)
	p, err := s.Compile("c.lua", []byte("return 1"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s.Close()
	_, err = s.Run(p)
	checkError(t, err, "c.lua", 0, "sandbox is closed")
	// A compiled chunk runs in any sandbox.
	other := New(testLimits(), fixedRand, nil)
	defer other.Close()
	if rets, err := other.Run(p); err != nil || rets[0] != lua.LNumber(1) {
		t.Errorf("chunk in another sandbox: %v, %v", rets, err)
	}
	_, err = other.Run(nil)
	checkError(t, err, "?", 0, "no chunk to run")
}

func TestCheckIntegerCases(t *testing.T) {
	s := New(testLimits(), fixedRand, nil)
	defer s.Close()
	s.L().SetGlobal("int", s.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LNumber(CheckInteger(L, 1)))
		return 1
	}))
	for _, c := range []struct {
		arg  string
		want string // result, or an error phrase
	}{
		{"7", "7"}, {"-3", "-3"}, {"'12'", "12"}, {"2^53", "9007199254740992"},
		{"7.9", "number has no integer representation"},
		{"-0.5", "number has no integer representation"},
		{"2^60", "number has no integer representation"},
		{"0/0", "number has no integer representation"},
		{"math.huge", "number has no integer representation"},
		{"{}", "number expected, got table"},
	} {
		rets, err := compileRun(s, "int.lua", "return int("+c.arg+")")
		got := ""
		if err != nil {
			got = err.(*Error).Msg
		} else {
			got = rets[0].String()
		}
		if !strings.Contains(got, c.want) {
			t.Errorf("int(%s) = %q, want %q", c.arg, got, c.want)
		}
	}
}

// TestLua51Compat: the replaced library functions give what Lua 5.1.5 gives
// (expected values recorded from the reference interpreter).
func TestLua51Compat(t *testing.T) {
	s := New(testLimits(), fixedRand, nil)
	defer s.Close()
	ser, err := s.Compile("ser.lua", []byte(`
return function(...)
  local n = select('#', ...)
  local t = {}
  for i = 1, n do
    local v = select(i, ...)
    if type(v) == "string" then t[#t+1] = string.format("%q", v) else t[#t+1] = tostring(v) end
  end
  return (table.concat(t, ","):gsub("\n", "n"))
end`))
	if err != nil {
		t.Fatal(err)
	}
	rets, err := s.Run(ser)
	if err != nil {
		t.Fatal(err)
	}
	s.L().SetGlobal("ser", rets[0])
	for _, c := range []struct{ expr, want string }{
		{`string.find("hello world", "o w")`, `5,7`},
		{`string.find("hello world", "(l)(l)")`, `3,4,"l","l"`},
		{`string.find("a+b", "+", 1, true)`, `2,2`},
		{`string.find("hello", "()ll()")`, `3,4,3,5`},
		{`string.find("hello", "l", -2)`, `4,4`},
		{`string.find("hello", "xyz")`, ``},
		{`string.match("key = value", "(%w+)%s*=%s*(%w+)")`, `"key","value"`},
		{`string.match("  trim  ", "^%s*(.-)%s*$")`, `"trim"`},
		{`string.match("f(a(b)c)d", "%b()")`, `"(a(b)c)"`},
		{`string.match("THE (quick) fox", "%f[%a]%a+")`, `"THE"`},
		{`string.match("abcabc", "(abc)%1")`, `"abc"`},
		{`string.match("a]b", "[]]")`, `"]"`},
		{`string.match("-z", "[z-]+")`, `"-z"`},
		{`string.match("hello", "()", 3)`, `3`},
		{`string.match("hello", "((l)(l))")`, `"ll","l","l"`},
		{`string.gsub("hello world", "(%w+)", "<%1>")`, `"<hello> <world>",2`},
		{`string.gsub("hello world", "%w+", "%0 %0")`, `"hello hello world world",2`},
		{`string.gsub("hello", "", "-")`, `"-h-e-l-l-o-",6`},
		{`string.gsub("hello world", "%w+", {hello = "HI", world = false})`, `"HI world",2`},
		{`string.gsub("hello world", "%w+", function(w) return w:upper() end)`, `"HELLO WORLD",2`},
		{`string.gsub("abc", "^", "x")`, `"xabc",1`},
		{`string.gsub("abc", "b*", "-")`, `"-a--c-",4`},
		{`string.gsub("hello world", "o", "0", 1)`, `"hell0 world",1`},
		{`(function() local o = {} for k, v in string.gmatch("k1=v1, k2=v2", "(%w+)=(%w+)") do o[#o+1] = k .. v end return table.concat(o, ";") end)()`, `"k1v1;k2v2"`},
		{`(function() local o = {} for w in string.gmatch("abc", "") do o[#o+1] = "[" .. w .. "]" end return table.concat(o) end)()`, `"[][][][]"`},
		{`string.format("%d %5d %-5d| %05d %+d % d", 42, 42, 42, 42, 42, 42)`, `"42    42 42   | 00042 +42  42"`},
		{`string.format("%x %X %#x %o %#o %5x %#x %+.0d", 255, 255, 255, 8, 8, 255, 0, 0)`, `"ff FF 0xff 10 010    ff 0 +"`},
		{`string.format("%f %.2f %10.3f %-10.1f| %e %.0e %E", 3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 5, 0.001)`, `"3.141590 3.14      3.142 3.1       | 1.234568e+04 5e+00 1.000000E-03"`},
		{`string.format("%g %g %g %.3g %G %#g", 0.1, 100000, 1e6, 2/3, 1e-10, 1.5)`, `"0.1 100000 1e+06 0.667 1E-10 1.50000"`},
		{`string.format("%5c|%-3c|%c", 65, 66, 67)`, `"    A|B  |C"`},
		{`string.format("%q", "a\"b\\c\nd\re\0f")`, `"\"a\\\"b\\\\c\\\nd\\re\\000f\""`},
		{`string.format("%s %10s %-10s| %.2s %5.1s|", "hi", "hi", "hi", "hello", "hello")`, `"hi         hi hi        | he     h|"`},
		{`string.format("%5.1f|%5s|%-5d|%%", 2.25, "ab", 3)`, `"  2.2|   ab|3    |%"`},
		{`string.rep("ab", 3)`, `"ababab"`},
		{`string.rep("ab", -1)`, `""`},
		{`string.byte("hello", 2, 4)`, `101,108,108`},
		{`string.byte("hello", -100, 100)`, `104,101,108,108,111`},
		{`string.char(72, 105)`, `"Hi"`},
		{`table.concat({1, 2, 3}, ", ", 2, 3)`, `"2, 3"`},
		{`table.concat({1, 2, 3}, ", ", 3, 2)`, `""`},
		{`unpack({1, 2, 3}, 2, 5)`, `2,3`},
		{`(function() local t = {5, 2, 8, 1} table.sort(t) return table.concat(t, " ") end)()`, `"1 2 5 8"`},
		{`(function() local t = {"b", "a", "c"} table.sort(t, function(a, b) return a > b end) return table.concat(t, " ") end)()`, `"c b a"`},
		{`xpcall(function() error("e", 0) end, function(m) return "handled " .. m end)`, `false,"handled e"`},
		{`pcall(error, {1}) == false`, `true`},
	} {
		src := "local r = {" + c.expr + "}\nreturn ser(unpack(r, 1, table.maxn(r)))"
		rets, err := compileRun(s, "compat.lua", src)
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		if got := rets[0].String(); got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.expr, got, c.want)
		}
	}
}

// TestSortIsBoundedByTheDeadline: sorting without a Lua comparator runs in
// Go, and still stops at the deadline.
func TestSortIsBoundedByTheDeadline(t *testing.T) {
	s := New(testLimits(), fixedRand, nil)
	defer s.Close()
	s.L().SetGlobal("big", s.NewFunction(func(L *lua.LState) int {
		tb := L.CreateTable(1<<20, 0)
		for i := 1; i <= 1<<20; i++ {
			tb.RawSetInt(i, lua.LString(fmt.Sprintf("%08d", (i*7919)%(1<<20))))
		}
		L.Push(tb)
		return 1
	}))
	_, err := compileRun(s, "sort.lua", "local t = big()\nwhile true do table.sort(t) table.sort(t, function(a, b) return a > b end) end")
	checkError(t, err, "sort.lua", -1, "script exceeded its time limit")
}

func TestGoroutinesDoNotLeak(t *testing.T) {
	base := runtime.NumGoroutine()
	s := New(testLimits(), fixedRand, nil)
	p, err := s.Compile("tick.lua", []byte("local n = 0 for i = 1, 100 do n = n + i end return n"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 200; i++ {
		if _, err := s.Run(p); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	checkGoroutines(t, base)
}

// fuzzRun compiles and runs src in a fresh sandbox with lim and returns
// what it printed, the error (nil or a checked *Error) and the
// instructions it used.
func fuzzRun(t *testing.T, lim Limits, src []byte) (printed string, e *Error, used int64) {
	var out strings.Builder
	s := New(lim, fixedRand, func(l string) {
		if out.Len() < 1<<16 {
			out.WriteString(l + "\n")
		}
	})
	defer s.Close()
	p, err := s.Compile("fuzz.lua", src)
	if err == nil {
		var rets []lua.LValue
		rets, err = s.Run(p)
		for _, r := range rets {
			// what the host would show of the results
			switch r.(type) {
			case lua.LString, lua.LNumber:
				out.WriteString(r.String() + "\n")
			}
		}
	}
	if err == nil {
		return out.String(), nil, s.Used()
	}
	if !errors.As(err, &e) || e != err {
		t.Fatalf("error %T %v is not a *Error", err, err)
	}
	if e.File == "" {
		t.Fatalf("error without a file: %#v", e)
	}
	if strings.Contains(e.Msg, "stack traceback") {
		t.Fatalf("traceback in %q", e.Msg)
	}
	if strings.Contains(e.Msg, "runtime error") {
		t.Fatalf("Go panic in %q", e.Msg)
	}
	if scrubAddresses(e.Msg) != e.Msg {
		t.Fatalf("address in %q", e.Msg)
	}
	if e.File == "fuzz.lua" && e.Line <= 0 && !strings.HasPrefix(e.Msg, "source too large") {
		t.Fatalf("error without a line: %v", e)
	}
	return out.String(), e, s.Used()
}

// FuzzCompileRun feeds arbitrary sources through Compile and Run: nothing
// may panic, every error must be a *Error naming a file and, when it comes
// from the script, a line. A deterministic outcome (no error, or an error
// that is not Environmental) must be the same in a second sandbox: the same
// printed text, error and instruction count. The seed corpus is in
// testdata/fuzz/FuzzCompileRun.
func FuzzCompileRun(f *testing.F) {
	lim := Limits{CallTimeout: 250 * time.Millisecond, MaxInstructions: 200_000, MaxMemory: 64 << 20, MaxString: 1 << 20}
	f.Fuzz(func(t *testing.T, src []byte) {
		out1, e1, used1 := fuzzRun(t, lim, src)
		if e1 != nil && e1.Environmental {
			return
		}
		out2, e2, used2 := fuzzRun(t, lim, src)
		if e2 != nil && e2.Environmental {
			return
		}
		if out1 != out2 || fmt.Sprint(e1) != fmt.Sprint(e2) || used1 != used2 {
			t.Fatalf("two runs differ:\n%q %v %d\n%q %v %d", out1, e1, used1, out2, e2, used2)
		}
	})
}

// FuzzPatterns runs the pattern functions on arbitrary subjects, patterns
// and replacements: the matcher may refuse them, but never panic. The seed
// corpus is in testdata/fuzz/FuzzPatterns.
func FuzzPatterns(f *testing.F) {
	lim := Limits{CallTimeout: 20 * time.Millisecond, MaxInstructions: 1_000_000, MaxMemory: 64 << 20, MaxString: 1 << 20}
	s := New(lim, fixedRand, nil)
	defer s.Close()
	p, err := s.Compile("patterns.lua", []byte(`
local s, p, r = ...
local out = {}
out[#out + 1] = {pcall(string.find, s, p)}
out[#out + 1] = {pcall(string.find, s, p, -3)}
out[#out + 1] = {pcall(string.match, s, p, 2)}
out[#out + 1] = {pcall(string.gsub, s, p, r)}
out[#out + 1] = {pcall(string.gsub, s, p, function(...) return select("#", ...) end)}
out[#out + 1] = {pcall(function() local n = 0 for a in string.gmatch(s, p) do n = n + 1 if n > 100 then break end end return n end)}
for _, r in ipairs(out) do
  if not r[1] and tostring(r[2]):find("runtime error", 1, true) then error(r[2], 0) end
end`))
	if err != nil {
		f.Fatal(err)
	}
	fn := s.L().NewFunctionFromProto(p)
	f.Fuzz(func(t *testing.T, subject, pattern, repl string) {
		_, err := s.Call(fn, 0, lua.LString(subject), lua.LString(pattern), lua.LString(repl))
		if err != nil && !strings.Contains(err.Error(), "time limit") && !strings.Contains(err.Error(), "work limit") {
			t.Fatalf("%q %q %q: %v", subject, pattern, repl, err)
		}
	})
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		s := New(DefaultLimits(), fixedRand, nil)
		s.Close()
	}
}

// TestArrayPartMitigation: `t[n] = v` with n below lua.MaxArrayIndex
// extends the table's array with nils up to n in one VM instruction: with
// gopher-lua's default of 2^26, about 1 GiB and, here, tens of seconds. New
// lowers the process-wide bound to 2^20 itself (the program no longer needs
// to), so such keys go to the hash part and the script is harmless. The
// price: #t and ipairs see at most the first 2^20 entries of a list. (With
// the default bound, the script would trip the 64 MiB memory limit.)
func TestArrayPartMitigation(t *testing.T) {
	s := New(memLimits(), fixedRand, nil)
	defer s.Close()
	if lua.MaxArrayIndex != maxArrayIndex {
		t.Fatalf("after New, lua.MaxArrayIndex = %d, want %d", lua.MaxArrayIndex, maxArrayIndex)
	}
	rets, err := compileRun(s, "sparse.lua", "local t = {}\nt[67108863] = 1\nt[1048575] = 2\nreturn t[67108863] + t[1048575]")
	if err != nil || rets[0] != lua.LNumber(3) {
		t.Fatalf("got %v, %v", rets, err)
	}
}

// TestConcurrentSessions creates and runs sandboxes on several goroutines
// at once, as a host with several sessions does: under the race detector
// this checks that New's write of lua.MaxArrayIndex races with nothing.
func TestConcurrentSessions(t *testing.T) {
	done := make(chan error)
	for i := 0; i < 4; i++ {
		go func() {
			s := New(testLimits(), fixedRand, nil)
			defer s.Close()
			_, err := compileRun(s, "s.lua", "local t = {}\nfor i = 1, 1000 do t[i * 7] = i end\nreturn #t")
			done <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

package sandbox

import (
	"fmt"
	"runtime"
	"testing"
	"time"
)

func TestScratch(t *testing.T) {
	lim := DefaultLimits()
	lim.CallTimeout = 200 * time.Millisecond
	lim.MaxMemory = 64 << 20
	for _, src := range []string{
		"return 1+1",
		"while true do end",
		"\nlocal ok, e = pcall(function() while true do end end)\nreturn ok, e",
		"local function f() return 1 + f() end\nreturn f()",
		"function f() return f() end return f()",
		"t={} for i=1,1e9 do t[i]=i end",
		"s='x' while true do s=s..s end",
		"return string.rep('x',1e10)",
		"return ('x'):rep(1e9)",
		"return #(('a'):rep(1e6):match('a*'))",
		"return string.find(string.rep('a',5e5), '.-.-.-.-b')",
		"return os.execute('ls')",
		"\n\nlocal function g()\n  error('boom')\nend\nlocal function f() g() end\nf()",
		"x = = 1",
		"return math.random(), math.random(10), math.random(5, 6)",
		"print('hi', 1, nil, true)",
		"return unpack({}, 1, 1e9)",
		"setmetatable(_G, {})",
		"return getmetatable(_G), getmetatable('').rep == string.rep",
		"return string.format('%5.2f|%d|%x|%q|%s|%10s|%-5d|%g', 3.14159, 42, 255, 'a\"b\\n', {}, 'hi', 7, 0.1)",
		"error({})",
		"error('x', 0)",
	} {
		g0 := runtime.NumGoroutine()
		s := New(lim, func() float64 { return 0.5 }, func(l string) { fmt.Printf("  PRINT %q\n", l) })
		t0 := time.Now()
		p, err := s.Compile("scen.lua", []byte(src))
		if err != nil {
			fmt.Printf("%q: compile %T %v\n", src, err, err)
			continue
		}
		rets, err := s.Run(p)
		fmt.Printf("%q: %v %v (%v) goroutines %d->%d\n", src, rets, err, time.Since(t0).Round(time.Millisecond), g0, runtime.NumGoroutine())
		s.Close()
	}
}

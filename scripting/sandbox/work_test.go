package sandbox

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	lua "github.com/yuin/gopher-lua"
)

// workLimits gives the instruction limit time to act on any machine: the
// deadline is far away, so every stop below is the deterministic one.
func workLimits(n int64) Limits {
	lim := DefaultLimits()
	lim.CallTimeout = time.Minute
	lim.MaxInstructions = n
	return lim
}

// TestWorkLimitIsDeterministic: a runaway loop stops on the instruction
// limit, with the same error at the same position after the same number of
// instructions, in any sandbox, however fast the machine.
func TestWorkLimitIsDeterministic(t *testing.T) {
	cases := []struct {
		name, src string
		line      int
	}{
		{"empty loop", "local n = 0\n\nwhile true do end", 3},
		{"counting loop", "local n = 0\nwhile true do\n  n = n + 1\nend", 4},
		{"loop inside pcall", "local ok = pcall(function()\n  while true do end\nend)\nreturn ok", 4},
		{"pcall inside loop", "while true do\n  pcall(function() while true do end end)\nend", 3},
		{"error handler loops", "xpcall(function() error('x') end, function()\n  while true do end\nend)\nreturn 1", 4},
		{"tail-call loop", "function f() return f() end\nreturn f()", 1},
		{"recursion through pcall", "local function f()\n  pcall(f)\n  pcall(f)\nend\nf()", -1},
		// Each stack overflow makes gopher-lua trace the stack, with a line
		// per tail call made by f: the trace is charged.
		{"overflow after tail calls", "local function deep() return 1 + deep() end\nlocal function f(n)\n  if n > 0 then return f(n - 1) end\n  while true do pcall(deep) end\nend\nf(2e5)", 4},
		{"catastrophic find", "local s = string.rep('a', 5e5)\nreturn s:find('.-.-.-.-b')", 2},
		{"catastrophic gsub", "local s = string.rep('a', 5e5)\nreturn s:gsub('.-.-.-b', '')", 2},
		{"sort", "local t = {}\nfor i = 1, 1e5 do t[i] = (i * 7919) % 100003 end\nwhile true do\n  table.sort(t)\n  table.sort(t, function(a, b) return a > b end)\nend", -1},
		{"string.rep", "while true do\n  local s = string.rep('x', 4e6)\nend", 2},
		{"table.concat", "local p = {}\nfor i = 1, 1e4 do p[i] = 'abc' end\nwhile true do local s = table.concat(p, ',') end", 3},
		{"format", "local s = ('x'):rep(1e6)\nwhile true do\n  local f = string.format('%s%s', s, s)\nend", 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			const limit = 1_000_000
			var first *Error
			for i := 0; i < 2; i++ {
				s := New(workLimits(limit), fixedRand, nil)
				_, err := compileRun(s, "loop.lua", c.src)
				e := checkError(t, err, "loop.lua", c.line, "script exceeded its work limit (1000000 instructions)")
				if e.Environmental {
					t.Errorf("work limit is environmental: %v", e)
				}
				if s.Used() != limit {
					t.Errorf("Used = %d, want %d", s.Used(), limit)
				}
				if first == nil {
					first = e
				} else if *e != *first {
					t.Errorf("second run: %v, first: %v", e, first)
				}
				checkWorks(t, s)
				s.Close()
			}
		})
	}
}

// TestWorkLimitCannotBeCaught: the script's pcall and xpcall see the error,
// but the next instruction raises it again; so does a host function that
// swallows the error of a nested call.
func TestWorkLimitCannotBeCaught(t *testing.T) {
	s := New(workLimits(100_000), fixedRand, nil)
	defer s.Close()
	var seen []string
	s.L().SetGlobal("host", s.NewFunction(func(L *lua.LState) int {
		_, err := s.Call(L.CheckFunction(1), 0)
		seen = append(seen, fmt.Sprint(err))
		return 0 // swallowed
	}))
	_, err := compileRun(s, "catch.lua", `
local ok, e = pcall(function() while true do end end)
caught = e
local ok2, e2 = xpcall(function() while true do end end, function(m) return m end)
return "survived"`)
	checkError(t, err, "catch.lua", 3, "script exceeded its work limit (100000 instructions)")
	if v := s.L().GetGlobal("caught"); v != lua.LNil {
		t.Errorf("the script ran on after its pcall: caught = %v", v)
	}
	_, err = compileRun(s, "host.lua", "host(function() while true do end end)\nreturn 'survived'")
	checkError(t, err, "host.lua", 2, "script exceeded its work limit")
	if len(seen) != 1 || !strings.Contains(seen[0], "host.lua:1: script exceeded its work limit") {
		t.Errorf("the host function saw %q", seen)
	}
	checkWorks(t, s)
}

// TestBudgetAcrossCalls: SetBudget bounds a sequence of calls; Used counts
// exactly.
func TestBudgetAcrossCalls(t *testing.T) {
	run := func() (log []string) {
		s := New(workLimits(50_000), fixedRand, nil)
		defer s.Close()
		if _, err := compileRun(s, "h.lua", "function on_tick(n)\n  local x = 0\n  for i = 1, n do x = x + i end\n  return x\nend"); err != nil {
			t.Fatal(err)
		}
		loaded := s.Used()
		if loaded <= 0 {
			t.Fatalf("Used after loading = %d", loaded)
		}
		tick := s.L().GetGlobal("on_tick")
		// One call's cost, with no budget.
		if _, err := s.Call(tick, 1, lua.LNumber(100)); err != nil {
			t.Fatal(err)
		}
		cost := s.Used() - loaded
		// The same call costs the same again.
		if _, err := s.Call(tick, 1, lua.LNumber(100)); err != nil || s.Used()-loaded != 2*cost {
			t.Fatalf("second call: %v, Used %d, want %d", err, s.Used()-loaded, 2*cost)
		}
		log = append(log, fmt.Sprintf("cost %d", cost))

		// A budget of three and a half calls: three succeed, the fourth
		// stops, and so does every later call, at its first instruction.
		s.SetBudget(3*cost + cost/2)
		before := s.Used()
		for i := 1; i <= 5; i++ {
			_, err := s.Call(tick, 1, lua.LNumber(100))
			log = append(log, fmt.Sprintf("call %d: %v, used %d", i, err, s.Used()-before))
			if i <= 3 && err != nil {
				t.Errorf("call %d within the budget: %v", i, err)
			}
			if i > 3 {
				e := checkError(t, err, "h.lua", -1, fmt.Sprintf("script exceeded its work budget (%d instructions)", 3*cost+cost/2))
				if e.Environmental {
					t.Errorf("budget error is environmental")
				}
			}
		}
		if got := s.Used() - before; got != 3*cost+cost/2 {
			t.Errorf("used %d of a budget of %d", got, 3*cost+cost/2)
		}
		// A new budget lets calls run again; a negative one removes it.
		s.SetBudget(cost)
		if _, err := s.Call(tick, 1, lua.LNumber(100)); err != nil {
			t.Errorf("after a new budget: %v", err)
		}
		s.SetBudget(-1)
		for i := 0; i < 5; i++ {
			if _, err := s.Call(tick, 1, lua.LNumber(100)); err != nil {
				t.Errorf("without a budget: %v", err)
			}
		}
		// The per-call limit still holds without a budget...
		_, err := s.Call(tick, 1, lua.LNumber(1e6))
		log = append(log, fmt.Sprint(err))
		checkError(t, err, "h.lua", 3, "script exceeded its work limit (50000 instructions)")
		// ...and with a larger one.
		s.SetBudget(1e9)
		_, err = s.Call(tick, 1, lua.LNumber(1e6))
		checkError(t, err, "h.lua", 3, "script exceeded its work limit (50000 instructions)")
		log = append(log, fmt.Sprintf("total %d", s.Used()))
		return log
	}
	first, second := run(), run()
	if strings.Join(first, "\n") != strings.Join(second, "\n") {
		t.Errorf("two sessions differ:\n%s\n--\n%s", strings.Join(first, "\n"), strings.Join(second, "\n"))
	}
}

// TestUsedDuringCall: a host function sees the running call's count, and a
// nested call shares the outer call's allowance.
func TestUsedDuringCall(t *testing.T) {
	s := New(workLimits(10_000), fixedRand, nil)
	defer s.Close()
	var marks []int64
	s.L().SetGlobal("mark", s.NewFunction(func(L *lua.LState) int {
		marks = append(marks, s.Used())
		return 0
	}))
	s.L().SetGlobal("each", s.NewFunction(func(L *lua.LState) int {
		fn := L.CheckFunction(1)
		for i := 0; i < 3; i++ {
			if _, err := s.Call(fn, 0); err != nil {
				L.RaiseError("%s", err.(*Error).Msg)
			}
		}
		return 0
	}))
	if _, err := compileRun(s, "m.lua", "mark()\nfor i = 1, 10 do end\nmark()"); err != nil {
		t.Fatal(err)
	}
	if len(marks) != 2 || marks[1] <= marks[0] || s.Used() <= marks[1] {
		t.Errorf("marks %v, Used %d", marks, s.Used())
	}
	// Each nested call alone stays under 10,000 instructions; together
	// they do not.
	_, err := compileRun(s, "m.lua", "each(function()\n  for i = 1, 4000 do end\nend)")
	checkError(t, err, "m.lua", -1, "script exceeded its work limit (10000 instructions)")
}

// TestDeadlineIsTheSafetyNet: with the instruction limit out of reach the
// deadline still stops a loop, and its error is marked environmental.
func TestDeadlineIsTheSafetyNet(t *testing.T) {
	lim := testLimits()
	lim.CallTimeout = 50 * time.Millisecond
	s := New(lim, fixedRand, nil)
	defer s.Close()
	_, err := compileRun(s, "slow.lua", "while true do end")
	e := checkError(t, err, "slow.lua", 1, "script exceeded its time limit (50ms)")
	if !e.Environmental {
		t.Error("time limit is not environmental")
	}
	if s.Used() <= 0 {
		t.Errorf("Used = %d after a loop", s.Used())
	}
}

// TestWorkCtx checks the counting context alone: Done, Err and the order of
// limits.
func TestWorkCtx(t *testing.T) {
	isClosed := func(ch <-chan struct{}) bool {
		select {
		case <-ch:
			return true
		default:
			return false
		}
	}

	parent, cancel := context.WithCancel(context.Background())
	w := newWorkCtx(parent, 3, "limit", 3)
	for i := 0; i < 3; i++ {
		if ch := w.Done(); isClosed(ch) || w.Err() != nil {
			t.Fatalf("instruction %d: done early (%v)", i+1, w.Err())
		}
	}
	if ch := w.Done(); !isClosed(ch) {
		t.Fatal("the fourth instruction is allowed")
	}
	if w.Err() == nil || w.Err().Error() != "script exceeded its work limit (3 instructions)" || !w.exceeded() {
		t.Fatalf("Err = %v", w.Err())
	}
	cancel() // the deadline after the limit: the limit stays the cause
	if !isClosed(w.Done()) || !w.exceeded() || w.used() != 3 {
		t.Errorf("after cancel: Err %v, used %d", w.Err(), w.used())
	}

	// The deadline first: Done is the parent's, Err the parent's, and
	// running out afterwards changes neither.
	parent, cancel = context.WithTimeout(context.Background(), time.Hour)
	w = newWorkCtx(parent, 2, "limit", 2)
	w.Done()
	cancel()
	if !isClosed(w.Done()) || !errors.Is(w.Err(), context.Canceled) {
		t.Fatalf("after cancel: Err = %v", w.Err())
	}
	for i := 0; i < 5; i++ {
		w.Done()
	}
	if w.exceeded() || !errors.Is(w.Err(), context.Canceled) {
		t.Errorf("ran out after cancel: Err = %v", w.Err())
	}
	if dl, ok := w.Deadline(); !ok || dl.IsZero() {
		t.Error("Deadline is not the parent's")
	}

	// A child context (what gopher-lua's NewThread would make) attaches to
	// the deadline context without a goroutine that would call Done
	// concurrently, and follows its cancellation.
	base := runtime.NumGoroutine()
	parent, cancel = context.WithCancel(context.Background())
	w = newWorkCtx(parent, 1000, "limit", 1000)
	child, stop := context.WithCancel(w)
	defer stop()
	if n := runtime.NumGoroutine(); n != base {
		t.Errorf("WithCancel started %d goroutines", n-base)
	}
	cancel()
	<-child.Done()
}

// TestWorkCtxUnderRace runs scripts while other goroutines cancel their
// calls through Fatal, for the race detector.
func TestWorkCtxUnderRace(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := New(workLimits(2_000_000), fixedRand, nil)
			defer s.Close()
			done := make(chan struct{})
			go func() {
				defer close(done)
				time.Sleep(time.Duration(i) * 5 * time.Millisecond)
				s.Fatal(errors.New("stopped"))
			}()
			_, err := compileRun(s, "r.lua", "local n = 0\nwhile true do n = n + 1 end")
			<-done
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("got %v", err)
				return
			}
			// Whichever came first, the error is classified by its cause.
			switch {
			case strings.Contains(e.Msg, "work limit"):
				if e.Environmental {
					t.Errorf("work limit marked environmental")
				}
			case strings.Contains(e.Msg, "stopped"):
				if !e.Environmental {
					t.Errorf("Fatal not marked environmental")
				}
			default:
				t.Errorf("unexpected %v", e)
			}
		}()
	}
	wg.Wait()
}

// TestEnvironmental pins which errors depend on the machine.
func TestEnvironmental(t *testing.T) {
	cases := []struct {
		name  string
		lim   Limits
		src   string
		setup func(*Sandbox)
		env   bool
	}{
		{"syntax error", testLimits(), "x = = 1", nil, false},
		{"compile error", testLimits(), "break", nil, false},
		{"source too large", Limits{MaxSource: 10}, "return 'a long source'", nil, false},
		{"runtime error", testLimits(), "return nil + 1", nil, false},
		{"error()", testLimits(), "error({})", nil, false},
		{"stack overflow", testLimits(), "local function f() return 1 + f() end return f()", nil, false},
		{"string.rep limit", testLimits(), "return ('x'):rep(1e9)", nil, false},
		{"pattern limit", testLimits(), "return ('x'):find(('a?'):rep(200))", nil, false},
		{"work limit", workLimits(1000), "while true do end", nil, false},
		{"work budget", workLimits(1000), "while true do end", func(s *Sandbox) { s.SetBudget(10) }, false},
		{"time limit", testLimits(), "while true do end", nil, true},
		{"memory limit", smallMemLimits(), "local s = 'x' while true do s = s .. s end", nil, true},
		{"Fatal", testLimits(), "host()", func(s *Sandbox) {
			s.L().SetGlobal("host", s.NewFunction(func(*lua.LState) int { s.Fatal(errors.New("disk failed")); return 0 }))
		}, true},
		{"Fatal with a deterministic *Error", testLimits(), "host()", func(s *Sandbox) {
			s.L().SetGlobal("host", s.NewFunction(func(*lua.LState) int { s.Fatal(&Error{File: "api", Msg: "rule broken"}); return 0 }))
		}, false},
		{"host panic", testLimits(), "pcall(host)", func(s *Sandbox) {
			s.L().SetGlobal("host", s.NewFunction(func(*lua.LState) int { panic("bug") }))
		}, true},
		{"closed", testLimits(), "return 1", func(s *Sandbox) { s.Close() }, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			runtime.GC()
			s := New(c.lim, fixedRand, nil)
			defer s.Close()
			p, err := s.Compile("env.lua", []byte(c.src))
			if err == nil {
				if c.setup != nil {
					c.setup(s)
				}
				_, err = s.Run(p)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v", err)
			}
			if e.Environmental != c.env {
				t.Errorf("%v: Environmental = %v, want %v", e, e.Environmental, c.env)
			}
		})
	}
}

// BenchmarkCounting shows what counting instructions costs: the same tight
// loop (about 2 million instructions) under no context, under the plain
// deadline context the sandbox used before, and under the counting context.
func BenchmarkCounting(b *testing.B) {
	const src = "local n = 0 for i = 1, 1e6 do n = n + i end return n"
	counter := New(DefaultLimits(), fixedRand, nil)
	if _, err := compileRun(counter, "bench.lua", src); err != nil {
		b.Fatal(err)
	}
	instructions := float64(counter.Used())
	counter.Close()
	for _, c := range []struct {
		name string
		ctx  func(context.Context) context.Context
	}{
		{"none", nil},
		{"deadline", func(ctx context.Context) context.Context { return ctx }},
		{"counting", func(ctx context.Context) context.Context { return newWorkCtx(ctx, 1<<62, "limit", 1<<62) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			s := New(DefaultLimits(), fixedRand, nil)
			defer s.Close()
			p, err := s.Compile("bench.lua", []byte(src))
			if err != nil {
				b.Fatal(err)
			}
			L := s.L()
			for b.Loop() {
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				if c.ctx != nil {
					L.SetContext(c.ctx(ctx))
				}
				L.Push(L.NewFunctionFromProto(p))
				if err := L.PCall(0, 1, nil); err != nil {
					b.Fatal(err)
				}
				L.Pop(1)
				L.RemoveContext()
				cancel()
			}
			b.ReportMetric(instructions*float64(b.N)/b.Elapsed().Seconds()/1e6, "Minstr/s")
		})
	}
}

// BenchmarkRunaway measures how long the default limit takes to stop an
// empty loop through Run, everything included.
func BenchmarkRunaway(b *testing.B) {
	lim := DefaultLimits()
	lim.CallTimeout = time.Minute
	s := New(lim, fixedRand, nil)
	defer s.Close()
	p, err := s.Compile("loop.lua", []byte("while true do end"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Run(p); err == nil || !strings.Contains(err.Error(), "work limit") {
			b.Fatal(err)
		}
	}
}

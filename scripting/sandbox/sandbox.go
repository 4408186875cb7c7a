// Package sandbox runs untrusted scenario scripts in a hardened gopher-lua
// state.
//
// A Sandbox opens only Lua's base, table, string and math libraries. It
// removes load, loadstring, loadfile, dofile, require, module, getfenv,
// setfenv, collectgarbage, newproxy, _printregs and string.dump; io, os,
// debug, package, coroutine and channel are never opened. print goes to the
// host; math.random draws from the host's seeded source and math.randomseed
// does nothing; setmetatable accepts only tables, and the metatable of _G is
// protected, so a script cannot make the host's reads of its globals run
// script code. pcall and xpcall are replaced by versions that build no
// traceback and close upvalues correctly (see protect.go).
//
// # Determinism
//
// A session is replayed from its log, so whatever a script computes or
// shows must not depend on the machine. tostring, print and
// string.format's %s name tables, functions and userdata "table: 1",
// "function: 2", numbered per sandbox in the order they are first turned
// into text, instead of by memory address (see tostring.go), and error
// messages have addresses removed. Each outermost Run or Call may run
// Limits.MaxInstructions VM instructions, and the host may set a budget for
// a sequence of calls with SetBudget; Used reports what was spent. The count
// is exact and the same on every machine (see work.go). Retained measures,
// just as deterministically, how much data a script keeps between calls.
//
// # Limits
//
// Besides the instruction limit, each call has a deadline
// (Limits.CallTimeout) and a memory budget (Limits.MaxMemory): a watchdog
// goroutine polls the Go heap and cancels the call when it grew by more
// than the budget. These two depend on the machine and are a safety net;
// errors they cause are marked Environmental, and so are Fatal errors from
// the host (see Error). Go builtins that neither the VM's instruction count
// nor the deadline can interrupt are replaced by bounded versions that
// charge their work to the instruction count: string.rep, format, find,
// match, gmatch, gsub, byte, char, table.concat, table.sort and unpack.
// Compile refuses sources that are too large or too deeply nested before
// gopher-lua's parser and compiler (which would overflow the Go stack) see
// them; it accepts a UTF-8 byte-order mark and CRLF line endings. Exceeding
// a limit ends the call with an error that a script's pcall cannot hide.
//
// What is not guarded: a single VM instruction runs to its end and counts
// as one. `..` of two huge strings allocates in one step; the watchdog
// stops the script right after it. gopher-lua's own builtins that take time
// in proportion to a table or a string (table.insert and table.remove near
// the front of a long list, table.maxn, next over a table with many removed
// keys, string.sub, upper, lower and reverse of a huge string) also count
// as one instruction each, so only the deadline bounds a loop of them. Assigning t[n] for any n below
// lua.MaxArrayIndex makes gopher-lua extend the table's array with nils up
// to n in one instruction: about 1 GiB and many seconds for gopher-lua's
// default bound of 2^26. That bound is a process-wide variable of
// gopher-lua, so New lowers it to 2^20 once per process (larger keys go to
// the hash part; #t and ipairs then see at most the first 2^20 entries of a
// list). Memory is measured for the whole process, so allocations by other
// goroutines during a call count against the script, and garbage present
// when the call starts (up to half the budget) counts for it.
//
// A Go panic inside a host function is turned by gopher-lua into a Lua error
// that a script's pcall can catch. Register host functions with NewFunction,
// which records such panics with Fatal instead, or call Fatal yourself. Host
// code should read script-made tables with RawGet: metamethods run script
// code outside any deadline.
//
// A Sandbox, like its LState, must be used from one goroutine at a time;
// only Fatal may be called from any goroutine.
package sandbox

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/parse"
)

// Defaults used by DefaultLimits and for zero fields of Limits.
const (
	defaultCallTimeout = 2 * time.Second
	defaultMaxMemory   = 256 << 20
	defaultMaxSource   = 1 << 20
	defaultMaxNesting  = 200
	defaultMaxString   = 4 << 20
	defaultMaxPattern  = 256
	defaultMaxSubject  = 1 << 20
)

// maxArrayIndex is what New sets lua.MaxArrayIndex to: integer keys below
// it extend a table's array part (see the package doc).
const maxArrayIndex = 1 << 20

// lowerArrayIndex sets lua.MaxArrayIndex once per process. It is the one
// package-level variable of this package: lua.MaxArrayIndex is itself a
// process-wide variable of gopher-lua, read by every running state, so it
// is written once, before the first sandbox exists, and never again (a
// write while another goroutine runs a script would be a data race).
var lowerArrayIndex sync.Once

// State options: a bounded call stack (Lua-to-Lua recursion deeper than this
// is a "stack overflow" error) and a data stack that grows in large steps up
// to 1M slots (16 MiB).
const (
	callStackSize    = 200
	registrySize     = 4 * 1024
	registryMaxSize  = 1024 * 1024
	registryGrowStep = 64 * 1024
)

// pollInterval is how often the memory watchdog reads the heap metrics.
const pollInterval = 2 * time.Millisecond

// Limits bounds what one script may use. A zero field takes its default.
type Limits struct {
	// MaxInstructions bounds the work of each outermost Run or Call,
	// nested calls included: VM instructions, plus the work of Go builtins
	// that loop (one instruction per 4 pattern-matching steps or sort
	// comparisons, per 64 bytes built by string.rep, format, gsub,
	// table.concat or print). Default 5,000,000: about 0.04 s of
	// `while true do end`; see work.go for measured rates.
	MaxInstructions int64
	CallTimeout     time.Duration // deadline for each Run or Call (default 2s)
	MaxMemory       uint64        // heap growth allowed while a call runs, in bytes (default 256 MiB)
	MaxSource       int           // largest source Compile accepts, in bytes (default 1 MiB)
	MaxNesting      int           // deepest nesting of ( [ { in a source (default 200)
	MaxString       int           // longest string made by string.rep, format, gsub, table.concat or print, not by .. (default 4 MiB)
	MaxPattern      int           // longest pattern for find, match, gmatch and gsub (default 256 bytes)
	MaxSubject      int           // longest string those functions match a pattern against; a plain find is not capped (default 1 MiB)
}

// DefaultLimits returns the limits for instructors' scenario scripts.
func DefaultLimits() Limits {
	return Limits{
		MaxInstructions: defaultMaxInstructions,
		CallTimeout:     defaultCallTimeout,
		MaxMemory:       defaultMaxMemory,
		MaxSource:       defaultMaxSource,
		MaxNesting:      defaultMaxNesting,
		MaxString:       defaultMaxString,
		MaxPattern:      defaultMaxPattern,
		MaxSubject:      defaultMaxSubject,
	}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxInstructions <= 0 {
		l.MaxInstructions = d.MaxInstructions
	}
	if l.CallTimeout <= 0 {
		l.CallTimeout = d.CallTimeout
	}
	if l.MaxMemory == 0 {
		l.MaxMemory = d.MaxMemory
	}
	if l.MaxSource <= 0 {
		l.MaxSource = d.MaxSource
	}
	if l.MaxNesting <= 0 {
		l.MaxNesting = d.MaxNesting
	}
	if l.MaxString <= 0 {
		l.MaxString = d.MaxString
	}
	if l.MaxPattern <= 0 {
		l.MaxPattern = d.MaxPattern
	}
	if l.MaxSubject <= 0 {
		l.MaxSubject = d.MaxSubject
	}
	return l
}

// Sandbox is one Lua state for one session.
type Sandbox struct {
	lim    Limits
	l      *lua.LState
	prot   *protector
	names  map[string]bool // chunk names seen, to split "name:line: msg"
	depth  int             // Run and Call nesting: host functions may call back
	cur    *callState      // the outermost running call, nil when idle
	closed bool

	used      int64 // instructions run by finished calls (Used)
	budget    int64 // instructions left of SetBudget's budget, -1 for none
	budgetSet int64 // what SetBudget was given, for the error message

	mu     sync.Mutex // guards fatal and the cancel of cur
	fatal  *Error
	cancel context.CancelFunc
}

// callState is what one outermost Run or Call shares with its watchdog.
type callState struct {
	ctx    context.Context // the deadline context
	cancel context.CancelFunc
	work   *workCtx    // counts instructions; wraps ctx
	memory atomic.Bool // set by the watchdog before it cancels ctx
}

// New returns a sandbox with the given limits. rnd must return numbers in
// [0,1) from the session's seeded source (nil makes math.random an error);
// print receives each line printed by the script (nil discards them).
//
// The first call of New in a process sets lua.MaxArrayIndex (see the
// package doc).
func New(lim Limits, rnd func() float64, print func(string)) *Sandbox {
	lowerArrayIndex.Do(func() { lua.MaxArrayIndex = maxArrayIndex })
	lim = lim.withDefaults()
	L := lua.NewState(lua.Options{
		SkipOpenLibs:        true,
		CallStackSize:       callStackSize,
		RegistrySize:        registrySize,
		RegistryMaxSize:     registryMaxSize,
		RegistryGrowStep:    registryGrowStep,
		IncludeGoStackTrace: false,
	})
	s := &Sandbox{lim: lim, l: L, prot: newProtector(L), names: map[string]bool{}, budget: -1, budgetSet: -1}
	for _, lib := range []struct {
		name string
		open lua.LGFunction
	}{
		{lua.BaseLibName, lua.OpenBase},
		{lua.TabLibName, lua.OpenTable},
		{lua.StringLibName, lua.OpenString},
		{lua.MathLibName, lua.OpenMath},
	} {
		L.Push(L.NewFunction(lib.open))
		L.Push(lua.LString(lib.name))
		L.Call(1, 0)
	}

	g := &guards{lim: lim, rnd: rnd, print: print, names: &namer{}}
	globals := L.G.Global
	for _, name := range []string{
		"load", "loadstring", "loadfile", "dofile", "require", "module",
		"getfenv", "setfenv", "collectgarbage", "newproxy", "_printregs",
		"gcinfo", "_GOPHER_LUA_VERSION",
	} {
		globals.RawSetString(name, lua.LNil)
	}
	set := func(t *lua.LTable, name string, fn lua.LGFunction) {
		t.RawSetString(name, L.NewFunction(fn))
	}
	set(globals, "print", s.guardPanics(g.basePrint))
	set(globals, "tostring", g.baseTostring)
	set(globals, "unpack", g.baseUnpack)
	set(globals, "setmetatable", g.baseSetmetatable)
	set(globals, "pcall", s.prot.pcall)
	set(globals, "xpcall", s.prot.xpcall)

	str := globals.RawGetString(lua.StringLibName).(*lua.LTable)
	str.RawSetString("dump", lua.LNil)
	set(str, "rep", g.strRep)
	set(str, "format", g.strFormat)
	set(str, "byte", g.strByte)
	set(str, "char", g.strChar)
	set(str, "find", g.strFind)
	set(str, "match", g.strMatch)
	set(str, "gsub", g.strGsub)
	gmatch := L.NewFunction(g.strGmatch)
	str.RawSetString("gmatch", gmatch)
	str.RawSetString("gfind", gmatch)

	tab := globals.RawGetString(lua.TabLibName).(*lua.LTable)
	set(tab, "concat", g.tabConcat)
	set(tab, "sort", g.tabSort)

	mth := globals.RawGetString(lua.MathLibName).(*lua.LTable)
	set(mth, "random", s.guardPanics(g.mathRandom))
	set(mth, "randomseed", g.mathRandomseed)

	protect := L.NewTable()
	protect.RawSetString("__metatable", lua.LFalse)
	globals.Metatable = protect
	return s
}

// L returns the Lua state, for registering host functions (see
// NewFunction). Do not run code on it directly: only Run and Call apply the
// limits.
func (s *Sandbox) L() *lua.LState { return s.l }

// NewFunction returns a Lua function running the host function fn. A Go
// panic in fn, other than a Lua error raised through L (RaiseError,
// ArgError, the Check functions), is recorded with Fatal, so that no pcall
// in the script can hide it.
func (s *Sandbox) NewFunction(fn lua.LGFunction) *lua.LFunction {
	return s.l.NewFunction(s.guardPanics(fn))
}

func (s *Sandbox) guardPanics(fn lua.LGFunction) lua.LGFunction {
	return func(L *lua.LState) int {
		defer func() {
			r := recover()
			if r == nil {
				return
			}
			if _, ok := r.(*lua.ApiError); ok {
				panic(r)
			}
			s.Fatal(fmt.Errorf("host function panicked: %v", r))
			L.RaiseError("host function panicked: %v", r)
		}()
		return fn(L)
	}
}

// Fatal records err as a fatal condition: the running Run or Call stops at
// the script's next instruction and returns it, whatever pcall the script
// uses, and so does every later Run and Call. The error is returned as an
// *Error: unchanged if err is one (Environmental as the host set it),
// otherwise with err's text as Msg, the position where the script stopped,
// and Environmental set, since the host's reasons (a session stopped from
// another goroutine, a failing disk, a panic in host code) are not the
// script's. The first fatal error wins. Fatal may be called from any
// goroutine; it does nothing for a nil err.
func (s *Sandbox) Fatal(err error) {
	if err == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fatal == nil {
		var e *Error
		if errors.As(err, &e) {
			c := *e
			s.fatal = &c
		} else {
			s.fatal = &Error{Msg: err.Error(), Environmental: true}
		}
	}
	if s.cancel != nil {
		s.cancel()
	}
}

// fatalError returns a copy of the fatal error, if any, placed at file:line
// when it has no position of its own.
func (s *Sandbox) fatalError(file string, line int) *Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fatal == nil {
		return nil
	}
	e := *s.fatal
	if e.File == "" {
		e.File, e.Line = file, line
	}
	return &e
}

// Compile checks src against MaxSource and MaxNesting before parsing it,
// then parses and compiles it as the chunk name (a file path such as
// "scenarios/x.lua", used as is in error messages). A leading UTF-8
// byte-order mark is skipped, and CRLF, LF CR and lone CR line endings
// read as LF, as Lua 5.1 reads them (also inside long strings), so line
// numbers match what any editor shows. Every compile error carries a line:
// for the few that gopher-lua reports without one (too many local
// variables, registers or constants, or a jump too long, in the main
// chunk), the line of the statement that causes it. Compile also refuses
// functions that gopher-lua's compiler would take long over (too many
// distinct constants, labels and gotos; see maxConstantScan) or would
// miscompile (more than 255 upvalues). The result may be run by any
// Sandbox, any number of times.
func (s *Sandbox) Compile(name string, src []byte) (proto *lua.FunctionProto, err error) {
	if name == "" {
		name = unknownFile
	}
	if len(src) > s.lim.MaxSource {
		return nil, &Error{File: name, Msg: fmt.Sprintf("source too large (%d bytes, limit %s)", len(src), formatBytes(uint64(s.lim.MaxSource)))}
	}
	src = normalizeSource(src)
	if e := checkNesting(name, src, s.lim.MaxNesting); e != nil {
		return nil, e
	}
	defer func() {
		if r := recover(); r != nil {
			proto, err = nil, &Error{File: name, Msg: firstLine(fmt.Sprintf("cannot compile: %v", r))}
		}
	}()
	chunk, perr := parse.Parse(bytes.NewReader(src), name)
	if perr != nil {
		return nil, syntaxError(name, src, perr)
	}
	if e := checkTree(name, chunk); e != nil {
		return nil, e
	}
	proto, e := compileChunk(chunk, name)
	if e != nil {
		if e.Line == 0 {
			e.Line = locateCompileError(chunk, name, e.Msg)
		}
		return nil, e
	}
	s.names[name] = true
	return proto, nil
}

// Run runs a compiled chunk under the call's limits (instructions, budget,
// deadline, memory) and returns what the chunk returned.
func (s *Sandbox) Run(proto *lua.FunctionProto) ([]lua.LValue, error) {
	if proto == nil {
		return nil, &Error{File: unknownFile, Msg: "no chunk to run"}
	}
	file := proto.SourceName
	if file == "" {
		file = unknownFile
	}
	if s.closed {
		return nil, &Error{File: file, Msg: "sandbox is closed", Environmental: true}
	}
	s.names[file] = true
	return s.call(s.l.NewFunctionFromProto(proto), lua.MultRet, file, nil)
}

// Call calls fn with args under the call's limits (instructions, budget,
// deadline, memory) and returns nret results (all of them for
// lua.MultRet). A host function may use Call to call back into the script;
// such a nested call shares the outer call's limits and instruction count.
func (s *Sandbox) Call(fn lua.LValue, nret int, args ...lua.LValue) ([]lua.LValue, error) {
	file := unknownFile
	if f, ok := fn.(*lua.LFunction); ok && !f.IsG && f.Proto != nil && f.Proto.SourceName != "" {
		file = f.Proto.SourceName
		s.names[file] = true
	}
	if fn == nil {
		fn = lua.LNil
	}
	return s.call(fn, nret, file, args)
}

// Close releases the Lua state. Later Run and Call return an error.
func (s *Sandbox) Close() {
	if s.closed {
		return
	}
	s.closed = true
	s.l.Close()
}

func (s *Sandbox) call(fn lua.LValue, nret int, file string, args []lua.LValue) ([]lua.LValue, error) {
	if s.closed {
		return nil, &Error{File: file, Msg: "sandbox is closed", Environmental: true}
	}
	if e := s.fatalError(file, 0); e != nil {
		return nil, e
	}
	if s.depth > 0 {
		s.depth++
		rets, at, err := s.pcall(fn, nret, args)
		s.depth--
		if e := s.outcome(file, err, at, s.cur); e != nil {
			return nil, e
		}
		return rets, nil
	}

	ctx, cancel := context.WithTimeout(context.Background(), s.lim.CallTimeout)
	defer cancel()
	cs := &callState{ctx: ctx, cancel: cancel, work: s.startWork(ctx)}
	s.mu.Lock()
	s.cancel = cancel
	s.mu.Unlock()

	stop, done := make(chan struct{}), make(chan struct{})
	go watchMemory(s.lim.MaxMemory, memoryBase(s.lim.MaxMemory), cs, stop, done)

	s.cur = cs
	s.depth++
	s.l.SetContext(cs.work)
	rets, at, err := s.pcall(fn, nret, args)
	s.l.RemoveContext()
	s.depth--
	s.cur = nil
	s.endWork(cs.work)

	close(stop)
	<-done
	s.mu.Lock()
	s.cancel = nil
	s.mu.Unlock()

	if e := s.outcome(file, err, at, cs); e != nil {
		return nil, e
	}
	return rets, nil
}

// pcall calls fn in protected mode and pops its results. On an error it
// also returns where the error was raised (see protector.hostCall).
func (s *Sandbox) pcall(fn lua.LValue, nret int, args []lua.LValue) ([]lua.LValue, position, error) {
	L := s.l
	top := L.GetTop()
	L.Push(fn)
	for _, a := range args {
		if a == nil {
			a = lua.LNil
		}
		L.Push(a)
	}
	if at, err := s.prot.hostCall(L, top, len(args), nret); err != nil {
		L.SetTop(top)
		return nil, at, err
	}
	rets := make([]lua.LValue, L.GetTop()-top)
	for i := range rets {
		rets[i] = L.Get(top + 1 + i)
	}
	L.SetTop(top)
	return rets, position{}, nil
}

// outcome turns the end of a call into the error to return: a fatal error
// first, then an exceeded limit (which pcall in the script cannot hide,
// since the context stays done), the one reached first when several were,
// then the script's own error. at is where the error was raised, for
// messages that carry no position.
func (s *Sandbox) outcome(file string, err error, at position, cs *callState) *Error {
	pos := Error{File: file}
	if err != nil {
		pos.Msg = errorText(err)
		if f, line, rest, ok := splitPosition(pos.Msg, s.names); ok {
			pos.File, pos.Line, pos.Msg = f, line, rest
		} else if at.line > 0 {
			pos.File, pos.Line = at.file, at.line
		}
	}
	if e := s.fatalError(pos.File, pos.Line); e != nil {
		return e
	}
	if cs != nil {
		switch {
		case cs.work.exceeded():
			pos.Msg = cs.work.Err().Error()
			return &pos
		case cs.memory.Load():
			pos.Msg = fmt.Sprintf("script exceeded its memory limit (%s)", formatBytes(s.lim.MaxMemory))
			pos.Environmental = true
			return &pos
		case errors.Is(cs.ctx.Err(), context.DeadlineExceeded):
			pos.Msg = fmt.Sprintf("script exceeded its time limit (%s)", s.lim.CallTimeout)
			pos.Environmental = true
			return &pos
		case cs.ctx.Err() != nil:
			pos.Msg = "script was stopped"
			pos.Environmental = true
			return &pos
		}
	}
	if err == nil {
		return nil
	}
	return &pos
}

// The memory watchdog reads these metrics: bytes in heap objects, live or
// garbage not yet swept (cheap, always current), and bytes found live by the
// last collection.
const (
	heapObjectsMetric = "/memory/classes/heap/objects:bytes"
	heapLiveMetric    = "/gc/heap/live:bytes"
)

// readHeap returns the live bytes found by the last collection and the bytes
// in heap objects now.
func readHeap() (live, objects uint64) {
	sample := []metrics.Sample{{Name: heapLiveMetric}, {Name: heapObjectsMetric}}
	metrics.Read(sample)
	if sample[0].Value.Kind() == metrics.KindUint64 {
		live = sample[0].Value.Uint64()
	}
	if sample[1].Value.Kind() == metrics.KindUint64 {
		objects = sample[1].Value.Uint64()
	}
	return live, objects
}

// memoryBase returns the heap objects at the start of a call, the baseline
// of its memory budget. The garbage in it counts in the script's favour, so
// when the heap may hold more than half a budget of garbage it is collected
// first.
func memoryBase(limit uint64) uint64 {
	live, objects := readHeap()
	if objects > live && objects-live > limit/2 {
		runtime.GC()
		_, objects = readHeap()
	}
	return objects
}

// watchMemory cancels the call once a collection finds more than limit
// bytes live above base, the heap objects at the start of the call (an upper
// bound on what was live then, so data kept from earlier calls never counts
// against this one). Collections run by themselves as the script allocates;
// when the heap has grown by more than limit since the start and by half
// the limit since the last forced collection, the watchdog forces one, so
// garbage never counts against the script and a script that keeps its
// memory is found soon. It returns when stop is closed or the call's context
// is done, and then closes done.
func watchMemory(limit, base uint64, cs *callState, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	tick := time.NewTicker(pollInterval)
	defer tick.Stop()
	over := func(live uint64) bool { return live > base && live-base > limit }
	threshold := base + limit
	for {
		select {
		case <-stop:
			return
		case <-cs.ctx.Done():
			return
		case <-tick.C:
		}
		live, objects := readHeap()
		if !over(live) && objects > threshold {
			runtime.GC()
			live, objects = readHeap()
			threshold = max(base+limit, objects+limit/2)
		}
		if over(live) {
			cs.memory.Store(true)
			cs.cancel()
			return
		}
	}
}

// CheckInteger returns argument n as an int. Unlike LState.CheckInt, which
// truncates 7.9 to 7, it raises an argument error for a number that is not
// integral or not within ±2^53, and a type error for a non-number.
func CheckInteger(L *lua.LState, n int) int {
	f := float64(L.CheckNumber(n))
	if f != math.Trunc(f) || math.Abs(f) > maxExactInt {
		L.ArgError(n, "number has no integer representation")
	}
	return int(f)
}

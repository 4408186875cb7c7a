package sandbox

import (
	lua "github.com/yuin/gopher-lua"
)

// gopher-lua v1.1.2's LState.PCall has two flaws that matter here:
//
//   - Without an error handler it builds a traceback of every caught error,
//     with one line per tail call ever made by each frame on the stack. After
//     `function f() return f() end` has run for a second, that is tens of
//     millions of lines: seconds of uninterruptible Go work and gigabytes of
//     memory for one error.
//   - With an error handler (as its xpcall uses), errors no longer close the
//     open upvalues of the frames they unwind, so closures that outlive the
//     failed call read and write registers that later calls reuse.
//
// protected calls avoid both: they pass PCall a handler that returns the
// error object unchanged (so no traceback is built), and run the target
// through a trampoline that first makes an empty PCall, whose cleanup clears
// the state's has-error-handler flag (so errors close upvalues again). This
// relies on gopher-lua's internals; TestUpvaluesSurviveErrors and
// TestTailCallLoopStopsInTime check it.
//
// One traceback remains: an error raised with the call stack full (a stack
// overflow) leaves no room to call the handler, and gopher-lua then builds
// the traceback of all callStackSize frames, quadratic in the depth: about
// 0.3 ms here, plus one line per tail call ever made by each frame on the
// stack, about 0.3 µs each. Each such error is charged accordingly (see
// chargeTraceback), so a script that overflows the stack again and again
// under pcall still stops on its instruction limit, deterministically. One
// such error can still take long (every tail call is an instruction, so the
// instruction limit allows a traceback of up to about a second) before the
// charge applies.

// The charges for a traceback, in instructions, from the times above and
// the instruction rates in work.go.
const (
	overflowCost  = 20_000 // the frames of a full call stack
	tailCallCost  = 16     // each level of the remaining stack, tail calls included
	maxStackLevel = 1 << 40
)

// protector holds the helper functions of one state.
type protector struct {
	trampoline *lua.LFunction
	identity   *lua.LFunction
	noop       *lua.LFunction
	record     *lua.LFunction // identity that also sets raised
	raised     position       // where the error record last saw was raised
}

// position is a place in a script; line 0 when unknown.
type position struct {
	file string
	line int
}

func newProtector(L *lua.LState) *protector {
	p := &protector{}
	p.noop = L.NewFunction(func(*lua.LState) int { return 0 })
	p.identity = L.NewFunction(func(L *lua.LState) int { return 1 })
	p.record = L.NewFunction(func(L *lua.LState) int {
		p.raised = raisedAt(L)
		return 1
	})
	p.trampoline = L.NewFunction(func(L *lua.LState) int {
		L.Push(p.noop)
		if err := L.PCall(0, 0, nil); err != nil {
			L.RaiseError("%s", errorText(err))
		}
		L.Call(L.GetTop()-1, lua.MultRet)
		return L.GetTop()
	})
	return p
}

// call calls the function at stack index base+1 of the current frame (base
// is the top before the function was pushed) with the nargs values above it,
// in protected mode, leaving nret results (all for lua.MultRet) in its place.
func (p *protector) call(L *lua.LState, base, nargs, nret int) error {
	L.Insert(p.trampoline, base+1)
	err := L.PCall(nargs+1, nret, p.identity)
	chargeTraceback(L, err)
	return err
}

// chargeTraceback charges the traceback gopher-lua built for err, if it
// did, which it does only when the error handler itself failed: the frames
// of a full stack, and the levels of the stack that remains (the frames
// below the protected call, and their tail calls, which a loop around the
// call would have traced again and again). It raises nothing: if that
// spends the allowance, the script stops at its next instruction.
func chargeTraceback(L *lua.LState, err error) {
	ae, ok := err.(*lua.ApiError)
	if !ok || ae.StackTrace == "" {
		return
	}
	if w, ok := L.Context().(*workCtx); ok {
		w.add(overflowCost + tailCallCost*stackLevels(L))
	}
}

// stackLevels returns the levels of L's call stack as gopher-lua's
// traceback counts them: one per frame and one per tail call each frame
// made. GetStack(level) finds a frame exactly for the levels below that
// number, so a binary search finds it with a few dozen walks of the stack.
func stackLevels(L *lua.LState) int64 {
	has := func(level int64) bool {
		_, ok := L.GetStack(int(level))
		return ok
	}
	if !has(0) {
		return 0
	}
	lo, hi := int64(0), int64(1) // has(lo), and hi is to be tested
	for has(hi) {
		lo = hi
		if hi >= maxStackLevel {
			return hi
		}
		hi *= 2
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if has(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// hostCall is call for the host: it also returns where in a script an
// error was raised, so that errors whose message carries no position (error
// objects that are not strings, error(msg, 0), errors raised by host
// functions with Error) still get one. gopher-lua calls the error handler
// before it unwinds the call stack, so the handler still sees the frame
// that raised the error.
func (p *protector) hostCall(L *lua.LState, base, nargs, nret int) (position, error) {
	saved := p.raised // a host function may call back into the script
	p.raised = position{}
	L.Insert(p.trampoline, base+1)
	err := L.PCall(nargs+1, nret, p.record)
	chargeTraceback(L, err)
	at := p.raised
	p.raised = saved
	return at, err
}

// raisedAt returns the position of the innermost Lua function on L's call
// stack: called from an error handler, the line that raised the error (for
// an error raised by a Go function, the line that called it). It reads the
// call stack only, running no script code.
func raisedAt(L *lua.LState) position {
	// GetStack counts tail calls as levels and answers the bottom frame
	// for levels below it: bound the walk by the call stack size.
	for level := 1; level <= 2*callStackSize; level++ {
		dbg, ok := L.GetStack(level)
		if !ok {
			break
		}
		if _, err := L.GetInfo("Sl", dbg, lua.LNil); err != nil {
			continue
		}
		if dbg.Source != "" && dbg.CurrentLine > 0 {
			return position{file: dbg.Source, line: dbg.CurrentLine}
		}
	}
	return position{}
}

// pcall is Lua's pcall over a protected call.
func (p *protector) pcall(L *lua.LState) int {
	v := L.CheckAny(1)
	if v.Type() != lua.LTFunction && L.GetMetaField(v, "__call").Type() != lua.LTFunction {
		L.Push(lua.LFalse)
		L.Push(lua.LString("attempt to call a " + v.Type().String() + " value"))
		return 2
	}
	if err := p.call(L, 0, L.GetTop()-1, lua.MultRet); err != nil {
		L.SetTop(0)
		L.Push(lua.LFalse)
		L.Push(errorObject(err))
		return 2
	}
	L.Insert(lua.LTrue, 1)
	return L.GetTop()
}

// xpcall is Lua 5.1's xpcall(f, handler) over protected calls. The handler
// runs after the stack has unwound, which no script can tell apart without
// the debug library. An error inside the handler is returned in place of its
// result.
func (p *protector) xpcall(L *lua.LState) int {
	L.CheckAny(1)
	handler := L.CheckAny(2)
	L.SetTop(1)
	err := p.call(L, 0, 0, lua.MultRet)
	if err == nil {
		L.Insert(lua.LTrue, 1)
		return L.GetTop()
	}
	L.SetTop(0)
	L.Push(handler)
	L.Push(errorObject(err))
	if herr := p.call(L, 0, 1, 1); herr != nil {
		L.SetTop(0)
		L.Push(lua.LFalse)
		L.Push(errorObject(herr))
		return 2
	}
	L.Insert(lua.LFalse, 1)
	return 2
}

// errorObject returns the value a Lua error carries, with memory addresses
// in a message replaced (see scrubAddresses).
func errorObject(err error) lua.LValue {
	if ae, ok := err.(*lua.ApiError); ok && ae.Object != nil {
		if s, ok := ae.Object.(lua.LString); ok {
			return lua.LString(scrubAddresses(string(s)))
		}
		return ae.Object
	}
	return lua.LString(errorText(err))
}

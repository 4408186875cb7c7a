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

// protector holds the two helper functions of one state.
type protector struct {
	trampoline *lua.LFunction
	identity   *lua.LFunction
	noop       *lua.LFunction
}

func newProtector(L *lua.LState) *protector {
	p := &protector{}
	p.noop = L.NewFunction(func(*lua.LState) int { return 0 })
	p.identity = L.NewFunction(func(L *lua.LState) int { return 1 })
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
	return L.PCall(nargs+1, nret, p.identity)
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

// errorObject returns the value a Lua error carries.
func errorObject(err error) lua.LValue {
	if ae, ok := err.(*lua.ApiError); ok && ae.Object != nil {
		return ae.Object
	}
	return lua.LString(errorText(err))
}

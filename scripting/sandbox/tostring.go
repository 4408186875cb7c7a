package sandbox

import (
	"strconv"

	lua "github.com/yuin/gopher-lua"
)

// maxNames bounds how many values a sandbox remembers names for. Past it,
// the value named longest ago is forgotten (and, if turned into text again,
// gets a new number): the names stay deterministic, the bookkeeping stays
// under about 100 KiB, and at most maxNames values are kept alive by it
// after the script dropped them (they do not count in Retained).
const maxNames = 1024

// namer gives tables, functions, userdata and threads stable names: gopher-
// lua names them by memory address ("table: 0xc000123450"), which differs
// from run to run, so any text showing one would make a replay differ. A
// sandbox names them "table: 1", "function: 2" and so on, numbered in the
// order they are first turned into text, so the same script shows the same
// text in every sandbox.
type namer struct {
	last int                // the last number given
	ids  map[lua.LValue]int // remembered values and their numbers
	ring []lua.LValue       // remembered values, in a ring, oldest at next
	next int                // where the next value goes in ring once full
}

// name returns v's stable name.
func (n *namer) name(v lua.LValue) string {
	id, ok := n.ids[v]
	if !ok {
		if n.ids == nil {
			n.ids = make(map[lua.LValue]int)
		}
		n.last++
		id = n.last
		if len(n.ring) < maxNames {
			n.ring = append(n.ring, v)
		} else {
			delete(n.ids, n.ring[n.next])
			n.ring[n.next] = v
			n.next = (n.next + 1) % maxNames
		}
		n.ids[v] = id
	}
	return v.Type().String() + ": " + strconv.Itoa(id)
}

// tostring is Lua's tostring with stable names: a __tostring metamethod is
// called as gopher-lua calls it (its result returned as is), and values
// gopher-lua would name by address are named by n.
func (n *namer) tostring(L *lua.LState, v lua.LValue) lua.LValue {
	if fn, ok := L.GetMetaField(v, "__tostring").(*lua.LFunction); ok {
		L.Push(fn)
		L.Push(v)
		L.Call(1, 1)
		r := L.Get(-1)
		L.Pop(1)
		return r
	}
	switch v.(type) {
	case *lua.LTable, *lua.LFunction, *lua.LUserData, *lua.LState, lua.LChannel:
		return lua.LString(n.name(v))
	}
	return lua.LString(v.String())
}

package sandbox

import (
	"reflect"

	lua "github.com/yuin/gopher-lua"
)

// bytesPerCell is the string length that costs one more cell in Retained.
const bytesPerCell = 16

// Retained measures the data a script keeps between calls, for the host to
// bound deterministically (the memory watchdog only bounds what one call
// allocates, and depends on the machine). It walks what the script can
// still reach: the globals, the string metatable and the roots the host
// passes (such as its table of the script's handlers), and from them every
// table (keys, values and metatable), function (upvalues and environment)
// and userdata (metatable and environment). It counts cells:
//
//   - 1 per table, function, upvalue and userdata;
//   - 1 per slot of a table's array part, used or nil, and 1 per key its
//     hash part holds or has held (gopher-lua keeps the keys of removed
//     entries until the table is collected);
//   - 1 per distinct string (as in Lua, equal strings count once, wherever
//     they are used), plus 1 per 16 bytes of it.
//
// A cell stands for 16 to 100 bytes of memory; numbers and booleans live
// inside the cells that hold them. Code (function prototypes, constants)
// is not counted, nor what Go closures of host functions hold. A fresh
// sandbox measures a few hundred cells (its libraries).
//
// The walk stops as soon as the count passes limit, and then reports
// over; its cost is proportional to the cells counted, so at most to limit
// (plus one table). It visits everything in a fixed order (array slots in
// order, hash keys in insertion order), so the same data always gives the
// same n, and it reads with raw access only: no metamethod, no script code
// runs. Retained may be called between calls or from a host function
// during one (it then does not see the local variables of the functions
// running).
func (s *Sandbox) Retained(limit int, roots ...lua.LValue) (n int, over bool) {
	if s.closed {
		return 0, false
	}
	w := &walker{
		limit:   limit,
		seen:    make(map[any]struct{}),
		strings: make(map[string]struct{}),
	}
	w.arrayField, w.keysField = tableFields()
	all := append([]lua.LValue{s.l.G.Global, s.l.GetMetatable(lua.LString(""))}, roots...)
	for _, v := range all {
		if w.value(v) {
			return w.n, true
		}
	}
	for len(w.stack) > 0 {
		v := w.stack[len(w.stack)-1]
		w.stack = w.stack[:len(w.stack)-1]
		if w.expand(v) {
			return w.n, true
		}
	}
	return w.n, false
}

// walker is the state of one Retained walk.
type walker struct {
	limit   int
	n       int
	seen    map[any]struct{}    // tables, functions, userdata, upvalues counted
	strings map[string]struct{} // strings counted
	stack   []lua.LValue        // counted but not yet expanded

	// Indexes of LTable's unexported array and keys fields, or -1 (see
	// tableFields).
	arrayField, keysField int
}

// add counts k cells and reports whether the limit is passed.
func (w *walker) add(k int) bool {
	w.n += k
	return w.n > w.limit
}

// value counts v if it was not counted yet, and queues it to be expanded.
func (w *walker) value(v lua.LValue) bool {
	switch v := v.(type) {
	case lua.LString:
		if _, ok := w.strings[string(v)]; ok {
			return false
		}
		w.strings[string(v)] = struct{}{}
		return w.add(1 + len(v)/bytesPerCell)
	case *lua.LTable, *lua.LFunction, *lua.LUserData, *lua.LState, lua.LChannel:
		if _, ok := w.seen[v]; ok {
			return false
		}
		w.seen[v] = struct{}{}
		w.stack = append(w.stack, v)
		return w.add(1)
	}
	return false
}

// expand counts and visits what v holds.
func (w *walker) expand(v lua.LValue) bool {
	switch v := v.(type) {
	case *lua.LTable:
		return w.table(v)
	case *lua.LFunction:
		if v.Env != nil && w.value(v.Env) {
			return true
		}
		for _, uv := range v.Upvalues {
			if uv == nil {
				continue
			}
			if _, ok := w.seen[uv]; ok {
				continue
			}
			w.seen[uv] = struct{}{}
			if w.add(1) || w.value(uv.Value()) {
				return true
			}
		}
	case *lua.LUserData:
		if w.value(v.Metatable) {
			return true
		}
		if v.Env != nil && w.value(v.Env) {
			return true
		}
	}
	return false
}

// table counts t's slots and keys, then visits its entries and metatable.
func (w *walker) table(t *lua.LTable) bool {
	alen, klen := w.sizes(t)
	if w.add(alen + klen) {
		return true
	}
	for i := 1; i <= alen; i++ {
		if w.value(t.RawGetInt(i)) {
			return true
		}
	}
	// Next from the last array index (or from nil for an empty array)
	// continues with the hash part, in insertion order.
	var k lua.LValue = lua.LNil
	if alen > 0 {
		k = lua.LNumber(alen)
	}
	for {
		key, val := t.Next(k)
		if key == lua.LNil {
			break
		}
		if w.keysField < 0 && w.add(1) {
			return true
		}
		if w.value(key) || w.value(val) {
			return true
		}
		k = key
	}
	return w.value(t.Metatable)
}

// sizes returns the length of t's array part and of its list of hash keys.
// gopher-lua does not export them; they are read with reflect, which is
// cheap and runs no code. If a later gopher-lua renames the fields, the
// array length falls back to MaxN (which skips trailing nils) and the keys
// are counted as Next visits them.
func (w *walker) sizes(t *lua.LTable) (alen, klen int) {
	v := reflect.ValueOf(t).Elem()
	if w.arrayField >= 0 {
		alen = v.Field(w.arrayField).Len()
	} else {
		alen = t.MaxN()
	}
	if w.keysField >= 0 {
		klen = v.Field(w.keysField).Len()
	}
	return alen, klen
}

// tableFields returns the indexes of LTable's array and keys fields, or -1
// for a field that is missing or not a slice.
func tableFields() (array, keys int) {
	typ := reflect.TypeFor[lua.LTable]()
	index := func(name string) int {
		f, ok := typ.FieldByName(name)
		if !ok || f.Type.Kind() != reflect.Slice || len(f.Index) != 1 {
			return -1
		}
		return f.Index[0]
	}
	return index("array"), index("keys")
}

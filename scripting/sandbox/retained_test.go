package sandbox

import (
	"fmt"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

const noLimit = int(^uint(0) >> 1)

// retained runs src in a fresh sandbox and measures it.
func retained(t *testing.T, src string, limit int, roots ...string) (int, bool) {
	t.Helper()
	s := New(workLimits(unlimitedWork), fixedRand, nil)
	defer s.Close()
	rets, err := compileRun(s, "r.lua", src)
	if err != nil {
		t.Fatal(err)
	}
	var extra []lua.LValue
	for range roots {
		extra = append(extra, rets...)
	}
	return s.Retained(limit, extra...)
}

// TestRetainedCounts pins the unit: what each kind of data adds.
func TestRetainedCounts(t *testing.T) {
	base, over := retained(t, "", noLimit)
	if over || base <= 0 {
		t.Fatalf("fresh sandbox: %d, %v", base, over)
	}
	cases := []struct {
		name, src string
		delta     int
	}{
		// the global's key "t" (1 slot, 1 string) and the table (1) with 3
		// array slots
		{"list", "t = {1, 2, 3}", 1 + 1 + 1 + 3},
		// a table with 2 hash keys: 2 slots, 2 new strings
		{"record", "t = {a = true, b = false}", 1 + 1 + 1 + 2 + 2},
		// 48 bytes: 1 + 3 cells; stored twice, counted once
		{"string", "s = ('x'):rep(48)\nu = s", 1 + 1 + 1 + 1 + 4},
		// holes count: the array part has 5 slots
		{"holes", "t = {}\nt[5] = 1", 1 + 1 + 1 + 5},
		// a removed key's slot still counts (gopher-lua keeps it), its
		// string no longer
		{"removed keys", "t = {}\nt.a = 1\nt.a = nil", 1 + 1 + 1 + 1},
		// a closure and its upvalue holding a table
		{"closure", "local up = {1}\nf = function() return up end", 1 + 1 + 1 + 1 + 1 + 1},
		// a metatable
		{"metatable", "t = setmetatable({}, {})", 1 + 1 + 1 + 1},
		// a cycle counts each table once
		{"cycle", "a = {}\nb = {a}\na[1] = b", 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1},
		// the string metatable is reachable
		{"string metatable", "getmetatable('').extra = 1", 1 + 1},
		// a gmatch iterator holds its subject and pattern
		{"gmatch iterator", "it = string.gmatch(('y'):rep(64), 'y')", 1 + 1 + 1 + 2 + (1 + 4) + (1 + 0)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n, over := retained(t, c.src, noLimit)
			if over || n-base != c.delta {
				t.Errorf("Retained = %d (base %d, delta %d), want delta %d (over %v)", n, base, n-base, c.delta, over)
			}
		})
	}
	// Extra roots: data held only by the host.
	n, _ := retained(t, "local h = {on_tick = function() end}\nreturn h", noLimit, "handlers")
	if want := base + 1 + 1 + 1 + 1; n != want {
		t.Errorf("with a handlers table: %d, want %d", n, want)
	}
}

// TestRetainedStopsAtTheLimit: the walk ends as soon as the count passes
// the limit, and the result does not depend on the run.
func TestRetainedStopsAtTheLimit(t *testing.T) {
	const list = `
local head = nil
for i = 1, 30000 do head = {next = head, name = "n" .. i} end
chain = head`
	full, over := retained(t, list, noLimit)
	if over || full < 30000*3 {
		t.Fatalf("full walk: %d, %v", full, over)
	}
	for _, limit := range []int{0, 10, 1000, 50000} {
		n, over := retained(t, list, limit)
		if !over || n <= limit || n > limit+8 {
			t.Errorf("limit %d: %d, %v", limit, n, over)
		}
		again, _ := retained(t, list, limit)
		if again != n {
			t.Errorf("limit %d: %d then %d", limit, n, again)
		}
	}
	if n, over := retained(t, list, full); over || n != full {
		t.Errorf("limit = full: %d, %v", n, over)
	}
}

// TestRetainedIsDeterministic: two sandboxes that ran the same script
// measure the same, whatever the order of Go's maps.
func TestRetainedIsDeterministic(t *testing.T) {
	const src = `
data = {}
for i = 1, 2000 do
  local r = {id = i, tags = {}}
  for j = 1, i % 7 do r.tags[j] = "t" .. (i * j) % 13 end
  data[i % 500 .. ":" .. i] = r
  if i % 3 == 0 then data[i % 500 .. ":" .. i] = nil end
end`
	var results []string
	for i := 0; i < 3; i++ {
		for _, limit := range []int{noLimit, 5000, 12345} {
			n, over := retained(t, src, limit)
			results = append(results, fmt.Sprint(limit, n, over))
		}
	}
	for i := 3; i < len(results); i++ {
		if results[i] != results[i%3] {
			t.Errorf("run %d: %s, first run: %s", i/3, results[i], results[i%3])
		}
	}
}

// TestRetainedRunsNoScript: metamethods are not called.
func TestRetainedRunsNoScript(t *testing.T) {
	s := New(testLimits(), fixedRand, nil)
	defer s.Close()
	_, err := compileRun(s, "mm.lua", `
local boom = function() error("metamethod ran") end
t = setmetatable({}, {__index = boom, __newindex = boom, __len = boom, __pairs = boom, __tostring = boom})
t2 = setmetatable({1, 2}, getmetatable(t))`)
	if err != nil {
		t.Fatal(err)
	}
	if n, over := s.Retained(noLimit); over || n <= 0 {
		t.Errorf("Retained = %d, %v", n, over)
	}
	s.Close()
	if n, over := s.Retained(10); n != 0 || over {
		t.Errorf("after Close: %d, %v", n, over)
	}
}

// TestTableFields: Retained reads the sizes of gopher-lua's tables through
// its unexported fields; a gopher-lua that renamed them would fall back to
// a coarser count, which this test reports.
func TestTableFields(t *testing.T) {
	array, keys := tableFields()
	if array < 0 || keys < 0 {
		t.Errorf("LTable fields not found: array %d, keys %d", array, keys)
	}
}

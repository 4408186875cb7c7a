package sandbox

import (
	"fmt"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// TestStableNames: tables and functions are named by number, not by
// address, so two sandboxes running the same script print the same text.
func TestStableNames(t *testing.T) {
	const src = `
local t, u = {}, {}
local function f() end
print(tostring(t), tostring(u), tostring(t))
print(t, f, print, tostring(f), tostring(print))
print(string.format("%s|%s|%5.3s|", t, f, u))
print(setmetatable({}, {__tostring = function() return "custom" end}))
print(tostring(nil), tostring(true), tostring(1.5), tostring("s"))
local ok, e = pcall(function() local x = nil; return x[{}] end)
print(e)
-- many names: the oldest are forgotten, deterministically
local keep = {}
for i = 1, 1100 do keep[i] = {} ; tostring(keep[i]) end
print(tostring(keep[1]), tostring(keep[1100]), tostring(t))
return tostring(t), tostring({})`
	run := func() (lines []string, rets string) {
		s := New(testLimits(), fixedRand, func(l string) { lines = append(lines, l) })
		defer s.Close()
		r, err := compileRun(s, "names.lua", src)
		if err != nil {
			t.Fatal(err)
		}
		return lines, fmt.Sprint(r)
	}
	first, r1 := run()
	second, r2 := run()
	if strings.Join(first, "\n") != strings.Join(second, "\n") || r1 != r2 {
		t.Errorf("two sandboxes differ:\n%s\n%s\n--\n%s\n%s", strings.Join(first, "\n"), r1, strings.Join(second, "\n"), r2)
	}
	want := []string{
		"table: 1\ttable: 2\ttable: 1",
		"table: 1\tfunction: 3\tfunction: 4\tfunction: 3\tfunction: 4",
		"table: 1|function: 3|  tab|",
		"custom",
		"nil\ttrue\t1.5\ts",
		"names.lua:9: attempt to index a non-table object(nil) with key 'table: ?'",
		// t was named longest ago: forgotten, it gets a new number
		"table: 1105\ttable: 1104\ttable: 1106",
	}
	if strings.Join(first, "\n") != strings.Join(want, "\n") {
		t.Errorf("printed:\n%s\nwant:\n%s", strings.Join(first, "\n"), strings.Join(want, "\n"))
	}
	if r1 != "[table: 1106 table: 1107]" {
		t.Errorf("returned %s", r1)
	}
	for _, l := range first {
		if strings.Contains(l, "0x") {
			t.Errorf("an address in %q", l)
		}
	}
}

// TestNamesAreBounded: the bookkeeping keeps at most maxNames values.
func TestNamesAreBounded(t *testing.T) {
	var n namer
	for i := 0; i < 3*maxNames; i++ {
		n.name(&lua.LTable{})
	}
	if len(n.ids) != maxNames || len(n.ring) != maxNames {
		t.Errorf("remembered %d values, ring %d, want %d", len(n.ids), len(n.ring), maxNames)
	}
	v := &lua.LTable{}
	if a, b := n.name(v), n.name(v); a != b || a != fmt.Sprintf("table: %d", 3*maxNames+1) {
		t.Errorf("names %q and %q", a, b)
	}
}

// TestScrubAddresses covers the rewriting of gopher-lua's messages.
func TestScrubAddresses(t *testing.T) {
	for _, c := range [][2]string{
		{"with key 'table: 0xc000123450'", "with key 'table: ?'"},
		{"function: 0x1a2b and userdata: 0xff", "function: ? and userdata: ?"},
		{"ratio: 0x12 stays", "ratio: 0x12 stays"},
		{"table: 0x", "table: 0x"},
		{"no address", "no address"},
	} {
		if got := scrubAddresses(c[0]); got != c[1] {
			t.Errorf("scrubAddresses(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

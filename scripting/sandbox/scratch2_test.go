package sandbox

import (
	"fmt"
	"testing"
)

func TestScratch2(t *testing.T) {
	s := New(Limits{}, nil, func(l string) { fmt.Println(l) })
	defer s.Close()
	p, err := s.Compile("u.lua", []byte(`
local f
local ok, e = xpcall(function() local x = 41; f = function() x = x + 1; return x end; error("e") end, function(e) return "H:" .. e end)
local a, b, c = 7, 8, 9
local t = {f(), f()}
print("xpcall:", ok, e, t[1], t[2], a, b, c)
local g
print(pcall(function() local y = 41; g = function() y = y + 1; return y end; error("e") end))
local a, b, c = 7, 8, 9
print("pcall:", g(), g(), a, b, c)
print(pcall(error, {}))
print(pcall(nil))
print(xpcall(function() error("a") end, function(e) error("b") end))
print(pcall(function(...) return ... end, 1, 2, 3))
`))
	fmt.Println(err)
	fmt.Println(s.Run(p))
	p, _ = s.Compile("v.lua", []byte("h = nil\nfunction mk() local z = 1; h = function() z = z + 1 return z end; error('x') end"))
	fmt.Println(s.Run(p))
	fmt.Println(s.Call(s.L().GetGlobal("mk"), 0))
	fmt.Println(s.Call(s.L().GetGlobal("h"), 1))
	fmt.Println(s.Call(s.L().GetGlobal("h"), 1))
}

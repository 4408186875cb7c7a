package sandbox

import (
	"fmt"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

func TestScratch2(t *testing.T) {
	L := lua.NewState()
	defer L.Close()
	err := L.DoString(`
local f
local ok, e = xpcall(function() local x = 41; f = function() x = x + 1; return x end; error("e") end, function(e) return e end)
local a, b, c = 7, 8, 9
local t = {f(), f()}
print("xpcall:", ok, e, t[1], t[2], a, b, c)
local g
pcall(function() local y = 41; g = function() y = y + 1; return y end; error("e") end)
local a, b, c = 7, 8, 9
print("pcall:", g(), g(), a, b, c)
`)
	fmt.Println(err)
}

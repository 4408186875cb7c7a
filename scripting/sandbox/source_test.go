package sandbox

import (
	"fmt"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// windows turns a source into what a Windows editor saves: a byte-order
// mark and CRLF line endings.
func windows(src string) string {
	return utf8BOM + strings.ReplaceAll(src, "\n", "\r\n")
}

// TestBOMAndCRLF: sources saved by Windows editors compile, and every error
// names the line an editor shows.
func TestBOMAndCRLF(t *testing.T) {
	s := New(testLimits(), fixedRand, nil)
	defer s.Close()

	rets, err := compileRun(s, "win.lua", windows("local a = 1\n-- comment\nlocal s = [[x\ny]]\nreturn a + 1, s, #s"))
	if err != nil || fmt.Sprint(rets) != "[2 x\ny 3]" {
		t.Errorf("got %q, %v", fmt.Sprint(rets), err)
	}

	cases := []struct {
		name, src string
		line, col int
		phrase    string
	}{
		{"syntax error", windows("local a = 1\n\nlocal b = 2\nx = = 1\nreturn a"), 4, 5, "syntax error near '='"},
		{"syntax error on line 1", windows("x = = 1"), 1, 5, "syntax error near '='"},
		{"syntax error at the end", windows("if x then\n  y = 1\n"), 3, 0, "syntax error at end of file"},
		{"runtime error", windows("local t = {}\n\n\n\nreturn t.x.y"), 5, 0, "attempt to index a non-table object(nil)"},
		{"error()", windows("local a = 1\nlocal b = 2\nerror('boom')"), 3, 0, "boom"},
		{"nested brackets", windows("x = 1\n\ny = " + strings.Repeat("{", 201) + strings.Repeat("}", 201)), 3, 0, "brackets nested too deeply"},
		{"lone CR", "local a = 1\rlocal b = 2\rreturn nil + 1", 3, 0, "cannot perform add operation"},
		{"LF CR", "local a = 1\n\rlocal b = 2\n\rreturn nil + 1", 3, 0, "cannot perform add operation"},
		{"BOM only", utf8BOM + "return nil + 1", 1, 0, "cannot perform add operation"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := compileRun(s, "win.lua", c.src)
			e := checkError(t, err, "win.lua", c.line, c.phrase)
			if e.Col != c.col {
				t.Errorf("Col = %d, want %d", e.Col, c.col)
			}
		})
	}
}

// TestNormalizeSource pins the line endings Lua 5.1 reads as one.
func TestNormalizeSource(t *testing.T) {
	for _, c := range [][2]string{
		{"a\r\nb", "a\nb"},
		{"a\n\rb", "a\nb"},
		{"a\rb", "a\nb"},
		{"a\r\n\r\nb", "a\n\nb"},
		{"a\r\rb", "a\n\nb"},
		{"a\n\nb", "a\n\nb"},
		{utf8BOM + "x", "x"},
		{"x" + utf8BOM, "x" + utf8BOM},
		{"\r", "\n"},
	} {
		if got := string(normalizeSource([]byte(c[0]))); got != c[1] {
			t.Errorf("normalizeSource(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// TestCompileErrorsHaveLines: gopher-lua reports some limits of its
// compiler without a line (or with the line of the enclosing function);
// every one of them gets the line of its statement or function.
func TestCompileErrorsHaveLines(t *testing.T) {
	locals := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "local a%d = %d\n", i, i)
		}
		return b.String()
	}
	list := func(prefix string, n int) string {
		p := make([]string, n)
		for i := range p {
			p[i] = fmt.Sprintf("%s%d", prefix, i)
		}
		return strings.Join(p, ", ")
	}
	// upvalues nests four functions, each level declaring 190 locals that
	// the innermost uses: the third function, on line 5, needs 380
	// upvalues to pass them on.
	upvalues := func() string {
		var b strings.Builder
		var all []string
		b.WriteString("local function f0()\nlocal function f1()\nlocal function f2()\n")
		for lvl := 0; lvl < 3; lvl++ {
			for i := 0; i < 190; i++ {
				all = append(all, fmt.Sprintf("v%d_%d", lvl, i))
			}
		}
		b.WriteString("return function() return " + strings.Join(all, " + ") + " end\n")
		b.WriteString("end end end")
		// declare the locals where each level can see them
		src := b.String()
		for lvl := 2; lvl >= 0; lvl-- {
			decl := "local " + list(fmt.Sprintf("v%d_", lvl), 190) + "\n"
			src = strings.Replace(src, fmt.Sprintf("local function f%d()\n", lvl), fmt.Sprintf("local function f%d()\n", lvl)+decl, 1)
		}
		return src
	}
	big := DefaultLimits()
	big.MaxSource = 4 << 20
	cases := []struct {
		name   string
		lim    Limits
		src    string
		line   int
		phrase string
	}{
		{"locals in the main chunk", DefaultLimits(), "x = 1\n" + locals(300), 202, "too many local variables"},
		{"one long local statement", DefaultLimits(), "x = 1\n\nlocal " + list("b", 250) + " = 1\n", 3, "too many local variables"},
		{"locals in a do block", DefaultLimits(), "x = 1\ndo\n" + locals(300) + "end\n", 2, "too many local variables"},
		{"locals in a function", DefaultLimits(), "x = 1\nlocal function f()\n" + locals(300) + "end\n", 2, "too many local variables"},
		{"parameters", DefaultLimits(), "x = 1\nfunction f(" + list("p", 250) + ") end\n", 2, "register overflow"},
		{"call arguments", DefaultLimits(), "x = 1\n\nprint(" + strings.Repeat("1, ", 300) + "1)\n", 3, "register overflow"},
		{"jump too long", big, "local x = 1\n\nif x then\n" + strings.Repeat("x = x + 1\n", 140000) + "end\n", 3, "too long to jump"},
		{"upvalues", DefaultLimits(), upvalues(), 5, "too many upvalues (380, limit 255)"},
		{"constants", DefaultLimits(), "local t = {}\n" + func() string {
			var b strings.Builder
			for i := 0; i < 20000; i++ {
				fmt.Fprintf(&b, "t[%d] = 1\n", i+100000)
			}
			return b.String()
		}(), 9998, "too many constants"},
		{"labels in a row", DefaultLimits(), "do\n" + func() string {
			var b strings.Builder
			for i := 0; i < 1001; i++ {
				fmt.Fprintf(&b, "::l%d::\n", i)
			}
			return b.String()
		}() + "end", 1002, "too many labels in a row (limit 1000)"},
		{"labels and gotos", DefaultLimits(), func() string {
			var b strings.Builder
			for i := 0; i < 8000; i++ {
				fmt.Fprintf(&b, "goto l%d\n::l%d::\n", i, i)
			}
			return b.String()
		}(), -1, "too many labels and gotos in one function"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := New(c.lim, fixedRand, nil)
			defer s.Close()
			_, err := s.Compile("big.lua", []byte(c.src))
			e := checkError(t, err, "big.lua", c.line, c.phrase)
			if e.Line <= 0 {
				t.Errorf("no line: %v", e)
			}
		})
	}
}

// TestNonStringErrors: errors whose value is not a string carry the line of
// the error call, and no metamethod of the value runs on the host side.
func TestNonStringErrors(t *testing.T) {
	s := New(testLimits(), fixedRand, nil)
	defer s.Close()
	s.L().SetGlobal("host_raise", s.NewFunction(func(L *lua.LState) int {
		L.Error(L.NewTable(), 1) // a host function raising a table
		return 0
	}))
	lib, err := s.Compile("lib.lua", []byte("local M = {}\nfunction M.fail(v)\n\n  error(v)\nend\nreturn M"))
	if err != nil {
		t.Fatal(err)
	}
	rets, err := s.Run(lib)
	if err != nil {
		t.Fatal(err)
	}
	s.L().SetGlobal("lib", rets[0])
	cases := []struct {
		name, src string
		file      string
		line      int
		phrase    string
	}{
		{"table", "local a = 1\nerror({code = 1})", "e.lua", 2, "(error object is a table value)"},
		{"nil", "local a = 1\n\nerror(nil)", "e.lua", 3, "(error object is a nil value)"},
		{"number", "local a = 1\nerror(42)", "e.lua", 2, "42"},
		{"boolean", "error(false)", "e.lua", 1, "(error object is a boolean value)"},
		{"__tostring that loops", "local a = 1\nerror(setmetatable({}, {__tostring = function() while true do end end}))", "e.lua", 2, "(error object is a table value)"},
		{"level 0", "local a = 1\nerror('plain', 0)", "e.lua", 2, "plain"},
		// gopher-lua's level 2 names the function that called error, as
		// level 1 does (Lua 5.1 would name line 4).
		{"level 2", "local function f()\n  error('blame the caller', 2)\nend\nf()", "e.lua", 2, "blame the caller"},
		{"in another file", "local x = 1\nlib.fail({})", "lib.lua", 4, "(error object is a table value)"},
		{"rethrown", "local ok, e = pcall(error, {})\n\nerror(e)", "e.lua", 3, "(error object is a table value)"},
		{"raised by the host", "local a = 1\nhost_raise()", "e.lua", 2, "(error object is a table value)"},
		{"through xpcall", "local ok, e = xpcall(function() error({}) end, function(e) return e end)\n\nerror(e)", "e.lua", 3, "(error object is a table value)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := compileRun(s, "e.lua", c.src)
			e := checkError(t, err, c.file, c.line, c.phrase)
			if e.Environmental {
				t.Errorf("environmental: %v", e)
			}
		})
	}
	// A nested call from a host function keeps the outer call's record.
	s.L().SetGlobal("call_back", s.NewFunction(func(L *lua.LState) int {
		_, err := s.Call(L.CheckFunction(1), 0)
		if err == nil || err.(*Error).Line != 1 {
			t.Errorf("nested call: %v", err)
		}
		return 0
	}))
	_, err = compileRun(s, "outer.lua", "call_back(function() error({}) end)\nlocal a = 1\nerror({})")
	checkError(t, err, "outer.lua", 3, "(error object is a table value)")
}

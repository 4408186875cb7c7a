package sandbox

import (
	"bytes"
	"fmt"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/ast"
)

// utf8BOM is the byte-order mark some Windows editors put at the start of a
// UTF-8 file.
const utf8BOM = "\xEF\xBB\xBF"

// normalizeSource drops a leading UTF-8 byte-order mark and turns each line
// ending into "\n", reading "\r\n", "\n\r" and a lone "\r" as one line
// ending as Lua 5.1's lexer does (inclinenumber in llex.c). gopher-lua's
// lexer counts only "\n" and keeps "\r" in long strings; after this it sees
// the same lines and the same string contents as Lua 5.1. The result shares
// no memory with src when it differs from it.
func normalizeSource(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte(utf8BOM))
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c != '\r' && c != '\n' {
			out = append(out, c)
			continue
		}
		out = append(out, '\n')
		if i+1 < len(src) && (src[i+1] == '\r' || src[i+1] == '\n') && src[i+1] != c {
			i++
		}
	}
	return out
}

// maxUpvalues is the most upvalues a function may have: gopher-lua counts
// them in a uint8 (FunctionProto.NumUpvalues) and, with more, silently
// compiles code that fails at run time with a Go index error.
const maxUpvalues = 255

// compileChunk compiles a parsed chunk, turning errors and panics of
// gopher-lua's compiler into an *Error (Line 0 when it gave none).
func compileChunk(chunk []ast.Stmt, name string) (proto *lua.FunctionProto, err *Error) {
	defer func() {
		if r := recover(); r != nil {
			proto, err = nil, &Error{File: name, Msg: firstLine(fmt.Sprintf("cannot compile: %v", r))}
		}
	}()
	proto, cerr := lua.Compile(chunk, name)
	if cerr != nil {
		return nil, compileError(name, cerr)
	}
	if e := checkUpvalues(name, proto); e != nil {
		return nil, e
	}
	return proto, nil
}

// checkUpvalues refuses a compiled function, or a function inside it, with
// more than maxUpvalues upvalues.
func checkUpvalues(name string, proto *lua.FunctionProto) *Error {
	if len(proto.DbgUpvalues) > maxUpvalues {
		return &Error{File: name, Line: max(proto.LineDefined, 1), Msg: fmt.Sprintf("too many upvalues (%d, limit %d)", len(proto.DbgUpvalues), maxUpvalues)}
	}
	for _, p := range proto.FunctionPrototypes {
		if e := checkUpvalues(name, p); e != nil {
			return e
		}
	}
	return nil
}

// locateCompileError finds a line for a compile error that gopher-lua
// reported without one. Its compiler gives the line where the failing
// function starts, which is 0 for the main chunk: then the culprit is the
// first statement of the chunk whose addition makes compiling fail with the
// same message, found by compiling prefixes of the chunk: a binary search,
// at most about 20 compilations, on an error path only. The prefixes tried
// are mostly large when the culprit is near the end, so this can take ten
// times as long as the compilation that failed: up to a few seconds for a
// source made to compile slowly (see maxConstantScan).
func locateCompileError(chunk []ast.Stmt, name, msg string) int {
	fails := func(n int) bool {
		_, e := compileChunk(chunk[:n], name)
		return e != nil && e.Line == 0 && e.Msg == msg
	}
	// chunk[:lo] compiles without this error, chunk[:hi] has it (the
	// whole chunk just failed with it).
	lo, hi := 0, len(chunk)
	if hi == 0 {
		return 1
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	if line := chunk[hi-1].Line(); line > 0 {
		return line
	}
	return 1
}

// maxTreeDepth bounds how deeply statements and expressions may nest in the
// syntax tree (operator chains such as 1+1+...+1, call chains, elseif
// chains). gopher-lua's compiler recurses once per level, about 160 bytes of
// Go stack each; 2 MB of nesting overflows the Go stack, which kills the
// process. Brackets are bounded much lower by Limits.MaxNesting before
// parsing.
const maxTreeDepth = 10000

// checkNesting scans src as Lua tokens just far enough to skip strings and
// comments, and refuses it when (, [ or { nest deeper than max. It runs
// before parsing, because gopher-lua's compiler overflows the Go stack on
// deep nesting.
func checkNesting(name string, src []byte, max int) *Error {
	line, depth := 1, 0
	n := len(src)
	for i := 0; i < n; {
		c := src[i]
		switch {
		case c == '\n':
			line++
			i++
		case c == '-' && i+1 < n && src[i+1] == '-':
			i += 2
			if lvl, ok := longBracket(src, i); ok {
				i, line = skipLong(src, i+lvl+2, lvl, line)
				continue
			}
			for i < n && src[i] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			i, line = skipQuoted(src, i+1, c, line)
		case c == '[':
			if lvl, ok := longBracket(src, i); ok {
				i, line = skipLong(src, i+lvl+2, lvl, line)
				continue
			}
			fallthrough
		case c == '(' || c == '{':
			depth++
			if depth > max {
				return &Error{File: name, Line: line, Msg: fmt.Sprintf("brackets nested too deeply (limit %d)", max)}
			}
			i++
		case c == ')' || c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
			i++
		default:
			i++
		}
	}
	return nil
}

// longBracket reports whether src[i:] opens a long bracket "[", "="*lvl, "[".
func longBracket(src []byte, i int) (lvl int, ok bool) {
	if i >= len(src) || src[i] != '[' {
		return 0, false
	}
	j := i + 1
	for j < len(src) && src[j] == '=' {
		j++
	}
	if j < len(src) && src[j] == '[' {
		return j - i - 1, true
	}
	return 0, false
}

// skipLong skips a long string or comment body up to its closing bracket of
// level lvl; an unclosed one runs to the end (the parser reports it).
func skipLong(src []byte, i, lvl, line int) (int, int) {
	for ; i < len(src); i++ {
		switch src[i] {
		case '\n':
			line++
		case ']':
			j := i + 1
			for j < len(src) && src[j] == '=' {
				j++
			}
			if j-i-1 == lvl && j < len(src) && src[j] == ']' {
				return j + 1, line
			}
		}
	}
	return len(src), line
}

// skipQuoted skips a short string body up to its closing quote, an
// unescaped newline or the end (the parser reports the last two).
func skipQuoted(src []byte, i int, quote byte, line int) (int, int) {
	for i < len(src) {
		switch src[i] {
		case quote:
			return i + 1, line
		case '\n':
			return i, line
		case '\\':
			if i+1 < len(src) && src[i+1] == '\n' {
				line++
			}
			i += 2
		default:
			i++
		}
	}
	return len(src), line
}

// gopher-lua's compiler takes quadratic time on some sources well within
// MaxSource; Compile estimates the work before compiling and refuses a
// source above these bounds, each of which stands for about a third of a
// second of compiling here.
//
//   - It looks each use of a constant (a string or number literal, a
//     global's, field's or method's name) up by a linear scan of the
//     function's constants so far (funcContext.ConstIndex), about 5 ns per
//     step: 80,000 numbers in a 470 KB source took 22 s, 20,000 global
//     names 3 s. maxConstantScan allows, for instance, just under 10,000
//     distinct constants used once each in one function, or 5,700 used
//     three times each.
//   - For each label it scans every goto of the enclosing block (about 3 ns
//     a step: 45,000 labels and gotos took 2.8 s); maxGotoScan bounds
//     labels times gotos in one function.
//   - For each statement it scans the labels that follow it in a row
//     (90,000 labels in a row took 2.5 s); maxLabelRun bounds the row.
const (
	maxConstantScan = 50_000_000
	maxGotoScan     = 50_000_000
	maxLabelRun     = 1000
)

// checkTree walks a parsed chunk before it is compiled. It refuses the
// first node nested deeper than maxTreeDepth (the walk itself recurses at
// most that deep), and the first function that would take the compiler too
// long (see maxConstantScan).
func checkTree(name string, chunk []ast.Stmt) *Error {
	t := treeCheck{scopes: []map[string]bool{{}}}
	t.funcs = []*funcCosts{{index: map[constKey]int{}}}
	t.stmts(chunk, 1)
	if t.msg != "" {
		return &Error{File: name, Line: t.line, Msg: t.msg}
	}
	return nil
}

// treeCheck is the state of checkTree's walk.
type treeCheck struct {
	line int    // where the walk stopped
	msg  string // why, or "" while it goes on

	scopes []map[string]bool // local names of the enclosing blocks, innermost last
	funcs  []*funcCosts      // the enclosing functions, innermost last
}

// constKey is a constant as the compiler's table holds it: a string or the
// text of a number (two spellings of one number count twice, which only
// overestimates).
type constKey struct {
	number bool
	text   string
}

// funcCosts estimates the compiler's quadratic work in one function.
type funcCosts struct {
	index  map[constKey]int // each constant's place in the table
	steps  int64            // comparisons made by the constant lookups so far
	labels int64
	gotos  int64
}

func (t *treeCheck) stopped() bool { return t.msg != "" }

// stop ends the walk with msg at line.
func (t *treeCheck) stop(line int, msg string) {
	if !t.stopped() {
		t.line, t.msg = line, msg
	}
}

func (t *treeCheck) deep(line, depth int) bool {
	if t.stopped() {
		return true
	}
	if depth > maxTreeDepth {
		t.stop(line, fmt.Sprintf("expressions or blocks nested too deeply (limit %d)", maxTreeDepth))
		return true
	}
	return false
}

func (t *treeCheck) fn() *funcCosts { return t.funcs[len(t.funcs)-1] }

// constant counts a lookup of the constant k at line, as ConstIndex makes
// it: a scan up to k's place, or over the whole table for a new constant.
func (t *treeCheck) constant(k constKey, line int) {
	f := t.fn()
	i, ok := f.index[k]
	if !ok {
		i = len(f.index)
		f.index[k] = i
	}
	f.steps += int64(i) + 1
	if f.steps > maxConstantScan {
		t.stop(line, "too many constants (names, strings, numbers) in one function to compile quickly: split it into smaller functions")
	}
}

// jump counts a label or a goto at line.
func (t *treeCheck) jump(label bool, line int) {
	f := t.fn()
	if label {
		f.labels++
	} else {
		f.gotos++
	}
	if f.labels*f.gotos > maxGotoScan {
		t.stop(line, "too many labels and gotos in one function to compile quickly: split it into smaller functions")
	}
}

func (t *treeCheck) push() { t.scopes = append(t.scopes, map[string]bool{}) }
func (t *treeCheck) pop()  { t.scopes = t.scopes[:len(t.scopes)-1] }

func (t *treeCheck) declare(names ...string) {
	for _, n := range names {
		t.scopes[len(t.scopes)-1][n] = true
	}
}

// local reports whether name is a local of this or an enclosing function
// (an upvalue), rather than a global, whose name is a constant.
func (t *treeCheck) local(name string) bool {
	for i := len(t.scopes) - 1; i >= 0; i-- {
		if t.scopes[i][name] {
			return true
		}
	}
	return false
}

func (t *treeCheck) stmts(list []ast.Stmt, depth int) {
	run := 0 // labels in a row
	for _, s := range list {
		if t.stopped() {
			return
		}
		if _, ok := s.(*ast.LabelStmt); ok {
			run++
			if run > maxLabelRun {
				t.stop(s.Line(), fmt.Sprintf("too many labels in a row (limit %d)", maxLabelRun))
				return
			}
		} else {
			run = 0
		}
		t.stmt(s, depth)
	}
}

// block walks list in a scope of its own.
func (t *treeCheck) block(list []ast.Stmt, depth int) {
	t.push()
	t.stmts(list, depth)
	t.pop()
}

func (t *treeCheck) exprs(list []ast.Expr, depth int) {
	for _, e := range list {
		if t.stopped() {
			return
		}
		t.expr(e, depth)
	}
}

func (t *treeCheck) stmt(s ast.Stmt, depth int) {
	if s == nil || t.deep(s.Line(), depth) {
		return
	}
	d := depth + 1
	switch s := s.(type) {
	case *ast.AssignStmt:
		t.exprs(s.Lhs, d)
		t.exprs(s.Rhs, d)
	case *ast.LocalAssignStmt:
		if len(s.Names) == 1 && len(s.Exprs) == 1 {
			if _, ok := s.Exprs[0].(*ast.FunctionExpr); ok {
				t.declare(s.Names...) // local function f: f is visible inside
			}
		}
		t.exprs(s.Exprs, d)
		t.declare(s.Names...)
	case *ast.FuncCallStmt:
		t.expr(s.Expr, d)
	case *ast.DoBlockStmt:
		t.block(s.Stmts, d)
	case *ast.WhileStmt:
		t.expr(s.Condition, d)
		t.block(s.Stmts, d)
	case *ast.RepeatStmt:
		t.push() // the condition sees the body's locals
		t.stmts(s.Stmts, d)
		t.expr(s.Condition, d)
		t.pop()
	case *ast.IfStmt:
		t.expr(s.Condition, d)
		t.block(s.Then, d)
		t.block(s.Else, d)
	case *ast.NumberForStmt:
		t.expr(s.Init, d)
		t.expr(s.Limit, d)
		t.expr(s.Step, d)
		t.push()
		t.declare(s.Name)
		t.stmts(s.Stmts, d)
		t.pop()
	case *ast.GenericForStmt:
		t.exprs(s.Exprs, d)
		t.push()
		t.declare(s.Names...)
		t.stmts(s.Stmts, d)
		t.pop()
	case *ast.FuncDefStmt:
		if s.Name != nil {
			t.expr(s.Name.Func, d)
			t.expr(s.Name.Receiver, d)
			if s.Name.Method != "" {
				t.constant(constKey{text: s.Name.Method}, s.Line())
			}
		}
		if s.Func != nil {
			method := s.Name != nil && s.Name.Method != ""
			t.function(s.Func, method, d)
		}
	case *ast.ReturnStmt:
		t.exprs(s.Exprs, d)
	case *ast.LabelStmt:
		t.jump(true, s.Line())
	case *ast.GotoStmt:
		t.jump(false, s.Line())
	}
}

func (t *treeCheck) expr(e ast.Expr, depth int) {
	if e == nil || t.deep(e.Line(), depth) {
		return
	}
	d := depth + 1
	switch e := e.(type) {
	case *ast.NumberExpr:
		t.constant(constKey{number: true, text: e.Value}, e.Line())
	case *ast.StringExpr:
		t.constant(constKey{text: e.Value}, e.Line())
	case *ast.IdentExpr:
		if !t.local(e.Value) {
			t.constant(constKey{text: e.Value}, e.Line())
		}
	case *ast.AttrGetExpr:
		t.expr(e.Object, d)
		t.expr(e.Key, d)
	case *ast.TableExpr:
		for _, f := range e.Fields {
			if f == nil || t.stopped() {
				continue
			}
			t.expr(f.Key, d)
			t.expr(f.Value, d)
		}
	case *ast.FuncCallExpr:
		t.expr(e.Func, d)
		t.expr(e.Receiver, d)
		if e.Method != "" {
			t.constant(constKey{text: e.Method}, e.Line())
		}
		t.exprs(e.Args, d)
	case *ast.LogicalOpExpr:
		t.expr(e.Lhs, d)
		t.expr(e.Rhs, d)
	case *ast.RelationalOpExpr:
		t.expr(e.Lhs, d)
		t.expr(e.Rhs, d)
	case *ast.StringConcatOpExpr:
		t.expr(e.Lhs, d)
		t.expr(e.Rhs, d)
	case *ast.ArithmeticOpExpr:
		t.expr(e.Lhs, d)
		t.expr(e.Rhs, d)
	case *ast.UnaryMinusOpExpr:
		t.expr(e.Expr, d)
	case *ast.UnaryNotOpExpr:
		t.expr(e.Expr, d)
	case *ast.UnaryLenOpExpr:
		t.expr(e.Expr, d)
	case *ast.FunctionExpr:
		t.function(e, false, d)
	}
}

// function walks a function's body with its own constants and scope.
func (t *treeCheck) function(e *ast.FunctionExpr, method bool, depth int) {
	if t.deep(e.Line(), depth) {
		return
	}
	t.funcs = append(t.funcs, &funcCosts{index: map[constKey]int{}})
	t.push()
	if method {
		t.declare("self")
	}
	if e.ParList != nil {
		t.declare(e.ParList.Names...)
	}
	t.stmts(e.Stmts, depth+1)
	t.pop()
	t.funcs = t.funcs[:len(t.funcs)-1]
}

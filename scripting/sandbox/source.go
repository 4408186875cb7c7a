package sandbox

import (
	"fmt"

	"github.com/yuin/gopher-lua/ast"
)

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

// treeDepth walks a parsed chunk and reports the first node nested deeper
// than maxTreeDepth. The walk itself recurses at most maxTreeDepth times.
type treeDepth struct {
	line     int
	exceeded bool
}

func checkTreeDepth(name string, chunk []ast.Stmt) *Error {
	var t treeDepth
	t.stmts(chunk, 1)
	if t.exceeded {
		return &Error{File: name, Line: t.line, Msg: fmt.Sprintf("expressions or blocks nested too deeply (limit %d)", maxTreeDepth)}
	}
	return nil
}

func (t *treeDepth) deep(line, depth int) bool {
	if t.exceeded {
		return true
	}
	if depth > maxTreeDepth {
		t.exceeded, t.line = true, line
		return true
	}
	return false
}

func (t *treeDepth) stmts(list []ast.Stmt, depth int) {
	for _, s := range list {
		if t.exceeded {
			return
		}
		t.stmt(s, depth)
	}
}

func (t *treeDepth) exprs(list []ast.Expr, depth int) {
	for _, e := range list {
		if t.exceeded {
			return
		}
		t.expr(e, depth)
	}
}

func (t *treeDepth) stmt(s ast.Stmt, depth int) {
	if s == nil || t.deep(s.Line(), depth) {
		return
	}
	d := depth + 1
	switch s := s.(type) {
	case *ast.AssignStmt:
		t.exprs(s.Lhs, d)
		t.exprs(s.Rhs, d)
	case *ast.LocalAssignStmt:
		t.exprs(s.Exprs, d)
	case *ast.FuncCallStmt:
		t.expr(s.Expr, d)
	case *ast.DoBlockStmt:
		t.stmts(s.Stmts, d)
	case *ast.WhileStmt:
		t.expr(s.Condition, d)
		t.stmts(s.Stmts, d)
	case *ast.RepeatStmt:
		t.stmts(s.Stmts, d)
		t.expr(s.Condition, d)
	case *ast.IfStmt:
		t.expr(s.Condition, d)
		t.stmts(s.Then, d)
		t.stmts(s.Else, d)
	case *ast.NumberForStmt:
		t.expr(s.Init, d)
		t.expr(s.Limit, d)
		t.expr(s.Step, d)
		t.stmts(s.Stmts, d)
	case *ast.GenericForStmt:
		t.exprs(s.Exprs, d)
		t.stmts(s.Stmts, d)
	case *ast.FuncDefStmt:
		if s.Name != nil {
			t.expr(s.Name.Func, d)
			t.expr(s.Name.Receiver, d)
		}
		if s.Func != nil {
			t.expr(s.Func, d)
		}
	case *ast.ReturnStmt:
		t.exprs(s.Exprs, d)
	}
}

func (t *treeDepth) expr(e ast.Expr, depth int) {
	if e == nil || t.deep(e.Line(), depth) {
		return
	}
	d := depth + 1
	switch e := e.(type) {
	case *ast.AttrGetExpr:
		t.expr(e.Object, d)
		t.expr(e.Key, d)
	case *ast.TableExpr:
		for _, f := range e.Fields {
			if f == nil || t.exceeded {
				continue
			}
			t.expr(f.Key, d)
			t.expr(f.Value, d)
		}
	case *ast.FuncCallExpr:
		t.expr(e.Func, d)
		t.expr(e.Receiver, d)
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
		t.stmts(e.Stmts, d)
	}
}

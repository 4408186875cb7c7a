package scripting

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	lua "github.com/yuin/gopher-lua"

	"takedown/game"
	"takedown/scripting/sandbox"
)

// Error is a problem in a scenario, positioned as file:line: message.
type Error = sandbox.Error

// ErrorList is every problem found in a scenario, sorted by position.
type ErrorList []*Error

// Error joins the problems, one per line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

func (l ErrorList) sort() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		return l[i].Line < l[j].Line
	})
}

// Options configures loading.
type Options struct {
	// Rules holds the shared rule packs as ID.lua files; use_rules reads them.
	Rules fs.FS
	// RulesDir is the path shown in errors for rule packs, e.g. "scenarios/rules".
	RulesDir string
	// Limits bounds every call into Lua. Zero means sandbox.DefaultLimits().
	Limits sandbox.Limits
	// Print receives what scripts print; nil discards it.
	Print func(string)
}

// Program is a scenario compiled once; each session instantiates it in a
// sandbox of its own.
type Program struct {
	name  string
	src   []byte
	opts  Options
	proto *lua.FunctionProto

	mu    sync.Mutex
	rules map[string]*rulePack
}

type rulePack struct {
	name  string
	src   []byte
	proto *lua.FunctionProto
	err   error
}

// MaxSource bounds a scenario file's size.
const MaxSource = 1 << 20

// Compile parses and compiles a scenario's source. name is the path shown in
// error messages.
func Compile(name string, src []byte, opts Options) (*Program, ErrorList) {
	if opts.Limits == (sandbox.Limits{}) {
		opts.Limits = sandbox.DefaultLimits()
	}
	if opts.RulesDir == "" {
		opts.RulesDir = "rules"
	}
	p := &Program{name: name, src: src, opts: opts, rules: map[string]*rulePack{}}
	sb := sandbox.New(opts.Limits, func() float64 { return 0 }, nil)
	defer sb.Close()
	proto, err := sb.Compile(name, src)
	if err != nil {
		return nil, ErrorList{asError(name, err)}
	}
	p.proto = proto
	return p, nil
}

// Load compiles and instantiates a scenario in one step.
func Load(name string, src []byte, opts Options) (*game.Scenario, *Script, ErrorList) {
	p, errs := Compile(name, src, opts)
	if errs != nil {
		return nil, nil, errs
	}
	return p.Instantiate()
}

// LoadFS loads the scenario at path in fsys.
func LoadFS(fsys fs.FS, path string, opts Options) (*game.Scenario, *Script, ErrorList) {
	src, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, nil, ErrorList{{File: path, Msg: "cannot read: " + errors.Unwrap(err).Error()}}
	}
	return Load(path, src, opts)
}

func asError(file string, err error) *Error {
	var se *sandbox.Error
	if errors.As(err, &se) {
		return se
	}
	return &Error{File: file, Msg: err.Error()}
}

// Script is a scenario running in its own sandbox for one session. It
// implements game.Hooks.
type Script struct {
	prog     *Program
	sb       *sandbox.Sandbox
	scn      *game.Scenario
	cur      *game.Session
	phase    Phase
	loadRand *game.Rand

	declaredScenario bool
	handlers         map[string]*lua.LFunction
	checks           map[string]*lua.LFunction
	problems         ErrorList
	overridden       []string
	rulesUsed        []string
}

// Instantiate runs the compiled scenario in a new sandbox and returns the
// scenario it declares and the script that serves its handlers. Every
// problem found is returned, positioned; the scenario is nil if any exist.
func (p *Program) Instantiate() (*game.Scenario, *Script, ErrorList) {
	s := p.newScript()
	rets, err := s.sb.Run(p.proto)
	if err != nil {
		s.problems = append(s.problems, asError(p.name, err))
	} else {
		s.readHandlers(rets)
	}
	if len(s.problems) == 0 {
		for _, pr := range s.scn.Validate() {
			w := s.scn.Where[pr.ID]
			if w == "" {
				w = s.scn.Where[""]
			}
			ps := parseWhere(w)
			if ps.file == "" {
				ps.file = p.name
			}
			s.problems = append(s.problems, &Error{File: ps.file, Line: ps.line, Msg: pr.Msg})
		}
		for _, o := range s.scn.Objectives {
			if s.checks[o.ID] == nil && o.ID != "" {
				s.problem(parseWhere(s.scn.Where["objective:"+o.ID]), fmt.Sprintf("objective %q has no check function", o.ID))
			}
		}
	}
	s.scn.Hash = p.hash(s.rulesUsed)
	if len(s.problems) > 0 {
		s.problems.sort()
		s.Close()
		return nil, nil, s.problems
	}
	s.phase = Play
	return s.scn, s, nil
}

// newScript makes a script in the declaration phase with the API installed.
func (p *Program) newScript() *Script {
	s := &Script{prog: p, phase: Declare, loadRand: game.NewRand(0),
		handlers: map[string]*lua.LFunction{}, checks: map[string]*lua.LFunction{}}
	s.scn = &game.Scenario{Jurisdictions: map[string]*game.Jurisdiction{}, Where: map[string]string{},
		Langs: []game.Lang{game.EN, game.RU}}
	s.sb = sandbox.New(p.opts.Limits, s.random, p.opts.Print)
	s.install()
	return s
}

func (p *Program) hash(rules []string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00", p.name, len(p.src))
	h.Write(p.src)
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, id := range rules {
		if rp := p.rules[id]; rp != nil {
			fmt.Fprintf(h, "\x00%s\x00%d\x00", rp.name, len(rp.src))
			h.Write(rp.src)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (s *Script) random() float64 {
	if s.cur != nil {
		return s.cur.ScriptRandom()
	}
	return s.loadRand.Float()
}

// Close releases the sandbox.
func (s *Script) Close() {
	if s.sb != nil {
		s.sb.Close()
		s.sb = nil
	}
}

// Overridden lists the jurisdictions the scenario declared again after a
// rule pack had declared them.
func (s *Script) Overridden() []string { return s.overridden }

// RulesUsed lists the rule packs the scenario loaded, in order.
func (s *Script) RulesUsed() []string { return s.rulesUsed }

func (s *Script) problem(p pos, msg string) {
	if p.file == "" {
		p.file = s.prog.name
	}
	s.problems = append(s.problems, &Error{File: p.file, Line: p.line, Msg: msg})
}

// mark records where an id was declared; a second declaration is kept
// under "dup:ID" so that the problem points at it.
func (s *Script) mark(id string, p pos) {
	if _, ok := s.scn.Where[id]; !ok {
		s.scn.Where[id] = p.String()
	} else if _, ok := s.scn.Where["dup:"+id]; !ok {
		s.scn.Where["dup:"+id] = p.String()
	}
}

// lineOf returns the last line of the source that mentions word, or 0.
func (s *Script) lineOf(word string) int {
	lines := strings.Split(string(s.prog.src), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(lines[i], word) {
			return i + 1
		}
	}
	return 0
}

// install puts the API functions into the sandbox's globals.
func (s *Script) install() {
	L := s.sb.L()
	for _, f := range API() {
		f := f
		L.SetGlobal(f.Name, s.sb.NewFunction(func(L *lua.LState) int {
			switch {
			case f.Phase == Declare && s.phase != Declare:
				L.RaiseError("%s can only be called while the scenario loads, not from a handler", f.Name)
			case f.Phase == Play && s.phase != Play:
				L.RaiseError("%s can only be called from a handler or a check during play", f.Name)
			}
			return f.call(&call{L: L, sc: s, fn: f})
		}))
	}
}

func (s *Script) readHandlers(rets []lua.LValue) {
	if len(rets) == 0 || rets[0] == lua.LNil {
		return
	}
	t, ok := rets[0].(*lua.LTable)
	if !ok {
		s.problem(pos{file: s.prog.name}, fmt.Sprintf("the scenario must end with `return { on_event = ... }` or return nothing, not a %s", rets[0].Type()))
		return
	}
	known := map[string]bool{}
	var names []string
	for _, h := range Handlers() {
		known[h.Name] = true
		names = append(names, h.Name)
	}
	names = append(names, "on_KIND for each event kind (see docs)")
	for _, h := range KindHandlers() {
		known[h.Name] = true
	}
	t.ForEach(func(k, v lua.LValue) {
		name := k.String()
		fn, isFn := v.(*lua.LFunction)
		switch {
		case !known[name]:
			s.problem(pos{file: s.prog.name, line: s.lineOf(name)}, fmt.Sprintf("returned table: unknown handler %q (handlers: %s)", name, strings.Join(names, ", ")))
		case !isFn:
			s.problem(pos{file: s.prog.name, line: s.lineOf(name)}, fmt.Sprintf("returned table: %s must be a function, not a %s", name, v.Type()))
		default:
			s.handlers[name] = fn
		}
	})
}

// validRuleID reports whether id is a safe rule pack name.
func validRuleID(id string) bool {
	if id == "" || len(id) > 32 || id[0] < 'a' || id[0] > 'z' {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func (s *Script) useRules(id string) error {
	if !validRuleID(id) {
		return fmt.Errorf("%q is not a rule pack id (lowercase letters, digits, - and _)", id)
	}
	if slices.Contains(s.rulesUsed, id) {
		return nil
	}
	rp, err := s.prog.rulePack(id)
	if err != nil {
		return err
	}
	s.rulesUsed = append(s.rulesUsed, id)
	L := s.sb.L()
	L.Push(L.NewFunctionFromProto(rp.proto))
	L.Call(0, 0)
	return nil
}

func (p *Program) rulePack(id string) (*rulePack, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if rp, ok := p.rules[id]; ok {
		return rp, rp.err
	}
	rp := &rulePack{name: p.opts.RulesDir + "/" + id + ".lua"}
	p.rules[id] = rp
	if p.opts.Rules == nil {
		rp.err = fmt.Errorf("no rule packs are available")
		return rp, rp.err
	}
	src, err := fs.ReadFile(p.opts.Rules, id+".lua")
	if err != nil {
		rp.err = fmt.Errorf("no rule pack %q (looked for %s)", id, rp.name)
		return rp, rp.err
	}
	rp.src = src
	sb := sandbox.New(p.opts.Limits, func() float64 { return 0 }, nil)
	defer sb.Close()
	rp.proto, err = sb.Compile(rp.name, src)
	if err != nil {
		rp.err = fmt.Errorf("%v", err)
	}
	return rp, rp.err
}

// Event offers an event to the scenario's handlers (game.Hooks).
func (s *Script) Event(sess *game.Session, ev game.Event) error {
	if s.sb == nil {
		return nil
	}
	s.cur = sess
	switch ev.Kind {
	case "start":
		if err := s.callHandler("on_start"); err != nil {
			return err
		}
	case "timer":
		return s.callHandler("on_timer", lua.LString(ev.Subject))
	}
	var kind *lua.LFunction
	if ev.Kind != "start" && ev.Kind != "timer" {
		kind = s.handlers["on_"+ev.Kind]
	}
	all := s.handlers["on_event"]
	if kind == nil && all == nil {
		return nil
	}
	t := s.eventTable(sess, ev)
	if kind != nil {
		if err := s.callHandler("on_"+ev.Kind, t); err != nil {
			return err
		}
	}
	if all != nil {
		return s.callHandler("on_event", t)
	}
	return nil
}

func (s *Script) callHandler(name string, args ...lua.LValue) error {
	fn := s.handlers[name]
	if fn == nil {
		return nil
	}
	_, err := s.sb.Call(fn, 0, args...)
	return err
}

func (s *Script) eventTable(sess *game.Session, ev game.Event) *lua.LTable {
	L := s.sb.L()
	t := L.NewTable()
	t.RawSetString("kind", lua.LString(ev.Kind))
	t.RawSetString("subject", lua.LString(ev.Subject))
	t.RawSetString("at", lua.LNumber(ev.At))
	t.RawSetString("day", lua.LNumber(int(ev.At/game.Day)+1))
	t.RawSetString("text", lua.LString(ev.Text.En))
	d := L.NewTable()
	for _, k := range slices.Sorted(maps.Keys(ev.Data)) {
		d.RawSetString(k, lua.LString(ev.Data[k]))
	}
	t.RawSetString("data", d)
	return t
}

// Objective runs an objective's check (game.Hooks).
func (s *Script) Objective(sess *game.Session, id string) (bool, error) {
	fn := s.checks[id]
	if fn == nil || s.sb == nil {
		return false, nil
	}
	s.cur = sess
	rets, err := s.sb.Call(fn, 1)
	if err != nil {
		return false, err
	}
	return len(rets) > 0 && lua.LVAsBool(rets[0]), nil
}

// CheckRulePack runs a rule pack on its own and returns its problems.
func CheckRulePack(name string, src []byte) ErrorList {
	id := strings.TrimSuffix(name[strings.LastIndexAny(name, `/\`)+1:], ".lua")
	dir := strings.TrimSuffix(name, "/"+id+".lua")
	p, errs := Compile("(rule pack check)", []byte(fmt.Sprintf("use_rules(%q)", id)),
		Options{Rules: singleFile{id + ".lua": src}, RulesDir: dir})
	if errs != nil {
		return errs
	}
	s := p.newScript()
	defer s.Close()
	if _, err := s.sb.Run(p.proto); err != nil {
		s.problems = append(s.problems, asError(name, err))
	}
	for _, pr := range s.problems {
		if pr.File == "(rule pack check)" {
			pr.File = name
		}
	}
	if len(s.scn.Jurisdictions) == 0 && len(s.problems) == 0 {
		s.problems = append(s.problems, &Error{File: name, Msg: "the rule pack declares no jurisdiction (add_jurisdiction { ... })"})
	}
	s.problems.sort()
	return s.problems
}

// singleFile is a tiny in-memory file system for CheckRulePack.
type singleFile map[string][]byte

func (m singleFile) ReadFile(name string) ([]byte, error) {
	if b, ok := m[name]; ok {
		return b, nil
	}
	return nil, fs.ErrNotExist
}

func (m singleFile) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
}

// DefaultLimitsForTest returns tight limits that make hostile-script tests
// fast: a 200 ms deadline and 64 MiB of memory per call.
func DefaultLimitsForTest() sandbox.Limits {
	l := sandbox.DefaultLimits()
	l.CallTimeout = 200 * time.Millisecond
	l.MaxMemory = 64 << 20
	return l
}

// Lint returns what the scenario declares but play can never reach,
// positioned like load problems. It looks for the ids handlers pass to
// reveal and end_case as string literals in the source.
func (s *Script) Lint() ErrorList {
	scripted := map[string]bool{}
	for _, call := range []string{"reveal", "end_case"} {
		src := string(s.prog.src)
		for {
			i := strings.Index(src, call+"(")
			if i < 0 {
				break
			}
			src = src[i+len(call)+1:]
			arg := strings.TrimLeft(src, " \t")
			if len(arg) > 1 && (arg[0] == '"' || arg[0] == '\'') {
				if j := strings.IndexByte(arg[1:], arg[0]); j >= 0 {
					scripted[arg[1:1+j]] = true
				}
			}
		}
	}
	var out ErrorList
	for _, pr := range s.scn.Lint(scripted) {
		ps := parseWhere(s.scn.Where[pr.ID])
		if ps.file == "" {
			ps.file = s.prog.name
		}
		out = append(out, &Error{File: ps.file, Line: ps.line, Msg: pr.Msg})
	}
	out.sort()
	return out
}

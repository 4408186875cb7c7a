package scripting

import (
	"bytes"
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
	"takedown/i18n"
	"takedown/safefile"
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
	// Budget bounds the scripts' work and state over a whole session.
	// Zero fields take DefaultBudget's.
	Budget Budget
}

// Program is a scenario compiled once; each session instantiates it in a
// sandbox of its own.
type Program struct {
	name    string
	src     []byte
	opts    Options
	proto   *lua.FunctionProto
	printer *eventText

	mu    sync.Mutex
	rules map[string]*rulePack
	// hashes are the scenario's hashes by the rule packs it used, and
	// valid is set once an instance declared a scenario without a
	// problem. Declaring is deterministic (the scenario's math.random is
	// seeded with 0 until play begins, and nothing outside the sandbox is
	// read), so every instance declares the same scenario: it is
	// validated and hashed once.
	hashes map[string]string
	valid  bool
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
	src = safefile.Text(src)
	p := &Program{name: name, src: src, opts: opts, rules: map[string]*rulePack{}, printer: newEventText(src)}
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
// implements game.Hooks: handlers see the session read-only and their calls
// to reveal, send_message, set_flag, add_timer, end_case, set_fled and
// tip_off become effects that the session applies after the handler.
type Script struct {
	prog     *Program
	sb       *sandbox.Sandbox
	scn      *game.Scenario
	cur      game.Reader
	phase    Phase
	loadRand *game.Rand
	rand     func() float64
	effects  []game.Effect
	flagsSet map[string]string // flags set by the running handler, read back by get_flag
	printer  *eventText

	declaredScenario bool
	handlers         map[string]*lua.LFunction
	checks           map[string]*lua.LFunction
	injects          map[string]*lua.LFunction
	problems         ErrorList
	overridden       []string
	rulesUsed        []string
	textProblems     map[string]bool

	// The session's budget (budget.go): Used() when the scenario had loaded
	// and when the running command began, the command's allowance, and
	// Used() at the last measure of the retained state.
	loadUsed, cmdStart, cmdBudget, retainedAt int64
	inCommand                                 bool
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
	p.mu.Lock()
	valid := p.valid
	p.mu.Unlock()
	if len(s.problems) == 0 && !valid {
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
		for _, in := range s.scn.Injects {
			if s.injects[in.ID] == nil && in.ID != "" {
				s.problem(parseWhere(s.scn.Where["inject:"+in.ID]), fmt.Sprintf("inject %q has no run function", in.ID))
			}
		}
	}
	s.scn.Hash = p.hash(s.rulesUsed)
	if len(s.problems) > 0 {
		s.problems.sort()
		s.Close()
		return nil, nil, s.problems
	}
	p.mu.Lock()
	p.valid = true
	p.mu.Unlock()
	s.phase = Play
	s.loadUsed = s.sb.Used()
	s.retainedAt = s.loadUsed
	return s.scn, s, nil
}

// newScript makes a script in the declaration phase with the API installed.
func (p *Program) newScript() *Script {
	s := &Script{prog: p, phase: Declare, loadRand: game.NewRand(0), flagsSet: map[string]string{},
		handlers: map[string]*lua.LFunction{}, checks: map[string]*lua.LFunction{}, injects: map[string]*lua.LFunction{}, printer: p.printer, textProblems: map[string]bool{}}
	s.scn = &game.Scenario{Jurisdictions: map[string]*game.Jurisdiction{}, Where: map[string]string{},
		Langs: []game.Lang{game.EN, game.RU}}
	s.sb = sandbox.New(p.opts.Limits, s.random, p.opts.Print)
	s.install()
	return s
}

func (p *Program) hash(rules []string) string {
	key := strings.Join(rules, "\x00")
	p.mu.Lock()
	sum, ok := p.hashes[key]
	p.mu.Unlock()
	if ok {
		return sum
	}
	sum = p.hashOf(rules)
	p.mu.Lock()
	if p.hashes == nil {
		p.hashes = map[string]string{}
	}
	p.hashes[key] = sum
	p.mu.Unlock()
	return sum
}

// hashOf computes the hash of the scenario's source and the rule packs'.
func (p *Program) hashOf(rules []string) string {
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
	if s.rand != nil {
		return s.rand()
	}
	return s.loadRand.Float()
}

// UseRandom makes the script's math.random draw from a session's seeded
// generator (game.Session.ScriptRandom).
func (s *Script) UseRandom(f func() float64) { s.rand = f }

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

// lineOf returns the last of the source's lines that mentions word, or 0.
func lineOf(lines []string, word string) int {
	if word == "" || len(word) > 200 {
		return 0
	}
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(lines[i], word) {
			return i + 1
		}
	}
	return 0
}

// checkPlayText notes a text made during play that lacks one of the
// scenario's languages; check reports it after playing the walkthroughs.
func (s *Script) checkPlayText(c *call, what string, t game.Text) {
	if t.Empty() {
		return
	}
	for _, l := range s.scn.Langs {
		if !t.Has(l) {
			key := fmt.Sprintf("%s: %s has no %s text (the scenario declares langs %v)", c.where(), what, l, s.scn.Langs)
			if len(s.textProblems) < maxProblems {
				s.textProblems[key] = true
			}
		}
	}
}

// TextProblems lists the texts made during play that lacked a declared
// language, positioned, sorted.
func (s *Script) TextProblems() []string { return slices.Sorted(maps.Keys(s.textProblems)) }

// eventText renders the rules' messages in English for scenario authors:
// events' text for handlers that read ev.text, and errors such as a bad
// duration. Most scenarios' handlers never read an event's text, and a
// process that does not need the catalogues should not keep two megabytes
// of parsed messages for the collector to scan: they are read when the
// program is compiled if its source reads a ".text" (so not inside a call
// into Lua, whose time they would count against), else on first use.
type eventText struct {
	once sync.Once
	cat  *i18n.Catalog
}

func newEventText(src []byte) *eventText {
	e := &eventText{}
	if bytes.Contains(src, []byte(".text")) {
		e.catalog()
	}
	return e
}

// catalog returns the embedded catalogues, read on first use.
func (e *eventText) catalog() *i18n.Catalog {
	e.once.Do(func() { e.cat, _ = i18n.Embedded() })
	return e.cat
}

func (e *eventText) render(sc *game.Scenario, m game.Msg) string {
	cat := e.catalog()
	if cat == nil {
		return m.ID
	}
	return cat.Printer(game.EN, i18n.ScenarioNames{SC: sc}, sc.Start).Msg(m)
}

// errText renders an error of the rules (a bad duration, say) in English
// for a scenario's author.
func (e *eventText) errText(err error) string {
	cat := e.catalog()
	if cat == nil {
		return err.Error()
	}
	return cat.Printer(game.EN, nil, time.Time{}).Err(err)
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
			case f.Phase == Play && s.phase == Declare:
				L.RaiseError("%s can only be called from a handler or a check during play", f.Name)
			case f.Effect && s.phase == Check:
				L.RaiseError("%s changes the session, which an objective's check may not do: set a flag from an on_KIND handler and test it with get_flag in the check", f.Name)
			case s.phase != Declare && s.cur == nil:
				L.RaiseError("%s was called after its handler ended", f.Name)
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
	var lines []string // split only for a problem's line number
	lineOfName := func(name string) int {
		if lines == nil {
			lines = strings.Split(string(s.prog.src), "\n")
		}
		return lineOf(lines, name)
	}
	// Go's map order would make the report differ from run to run: the
	// handlers are read in the order of their names.
	fields := map[string]lua.LValue{}
	t.ForEach(func(k, v lua.LValue) { fields[k.String()] = v })
	bad := 0
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		v := fields[name]
		fn, isFn := v.(*lua.LFunction)
		switch {
		case !known[name]:
			bad++
			if bad <= maxUnknownFields {
				s.problem(pos{file: s.prog.name, line: lineOfName(name)}, fmt.Sprintf("returned table: unknown handler %q (handlers: %s)", clip(name), strings.Join(names, ", ")))
			}
		case !isFn:
			s.problem(pos{file: s.prog.name, line: lineOfName(name)}, fmt.Sprintf("returned table: %s must be a function, not a %s", name, v.Type()))
		default:
			s.handlers[name] = fn
		}
	}
	if bad > maxUnknownFields {
		s.problem(pos{file: s.prog.name}, fmt.Sprintf("returned table: %d more unknown handlers", bad-maxUnknownFields))
	}
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
	switch {
	case errors.Is(err, fs.ErrNotExist):
		rp.err = fmt.Errorf("no rule pack %q (looked for %s)", id, rp.name)
		return rp, rp.err
	case err != nil:
		rp.err = fmt.Errorf("rule pack %q: %v", id, err)
		return rp, rp.err
	}
	src = safefile.Text(src)
	rp.src = src
	sb := sandbox.New(p.opts.Limits, func() float64 { return 0 }, nil)
	defer sb.Close()
	rp.proto, err = sb.Compile(rp.name, src)
	if err != nil {
		rp.err = fmt.Errorf("%v", err)
	}
	return rp, rp.err
}

// Handle offers an event to the scenario's handlers and returns the effects
// they asked for (game.Hooks).
func (s *Script) Handle(r game.Reader, ev game.Event) ([]game.Effect, error) {
	if s.sb == nil {
		return nil, nil
	}
	var kind, all, inject *lua.LFunction
	switch ev.Kind {
	case game.EvStart:
		kind = s.handlers["on_start"]
	case game.EvTimer:
		kind = s.handlers["on_timer"]
	case game.EvInject:
		inject = s.injects[ev.Subject]
		kind = s.handlers["on_inject"]
	default:
		kind = s.handlers["on_"+string(ev.Kind)]
	}
	if ev.Kind != game.EvTimer {
		all = s.handlers["on_event"]
	}
	if kind == nil && all == nil && inject == nil {
		return nil, nil
	}
	s.begin(r, Play)
	defer s.end()
	if inject != nil {
		if _, err := s.call(inject, 0); err != nil {
			return s.effects, err
		}
	}
	var t lua.LValue
	if kind != nil {
		var args []lua.LValue
		switch ev.Kind {
		case game.EvStart:
		case game.EvTimer:
			args = []lua.LValue{lua.LString(ev.Subject)}
		default:
			t = s.eventTable(ev)
			args = []lua.LValue{t}
		}
		if _, err := s.call(kind, 0, args...); err != nil {
			return s.effects, err
		}
	}
	if all != nil {
		if t == nil {
			t = s.eventTable(ev)
		}
		if _, err := s.call(all, 0, t); err != nil {
			return s.effects, err
		}
	}
	return s.effects, nil
}

// begin prepares a call into the scenario with a read-only session.
func (s *Script) begin(r game.Reader, ph Phase) {
	s.cur, s.phase, s.effects = r, ph, nil
	clear(s.flagsSet)
}

// end closes a call: the session is no longer reachable from the script.
func (s *Script) end() {
	s.cur, s.phase = nil, Play
}

// callError turns a sandbox error into the session's terms: one that
// depends on the machine (a wall-clock deadline, the process's memory)
// halts the session outside its log; any other is a script error.
func (s *Script) callError(err error) error {
	var se *sandbox.Error
	if errors.As(err, &se) {
		if se.Environmental {
			return &HaltError{Err: se}
		}
		if b := s.overBudget(se); b != nil {
			return b
		}
	}
	return err
}

// call runs a handler and measures the state it leaves now and then.
func (s *Script) call(fn *lua.LFunction, nret int, args ...lua.LValue) ([]lua.LValue, error) {
	rets, err := s.sb.Call(fn, nret, args...)
	if err != nil {
		return rets, s.callError(err)
	}
	if err := s.checkRetained(retainedEvery); err != nil {
		return rets, err
	}
	return rets, nil
}

// HaltError is a scenario error that must stop the session outside its log.
type HaltError struct {
	Err *sandbox.Error
}

// Error returns the positioned error.
func (e *HaltError) Error() string { return e.Err.Error() }

// Halts reports true: the session stops (game.HaltingError).
func (e *HaltError) Halts() bool { return true }

// Unwrap returns the sandbox's error.
func (e *HaltError) Unwrap() error { return e.Err }

func (s *Script) eventTable(ev game.Event) *lua.LTable {
	L := s.sb.L()
	t := L.NewTable()
	t.RawSetString("kind", lua.LString(ev.Kind))
	t.RawSetString("subject", lua.LString(ev.Subject))
	t.RawSetString("at", lua.LNumber(ev.At))
	t.RawSetString("day", lua.LNumber(int(ev.At/game.Day)+1))
	t.RawSetString("msg", lua.LString(ev.Msg.ID))
	d := L.NewTable()
	for _, k := range slices.Sorted(maps.Keys(ev.Data)) {
		d.RawSetString(k, lua.LString(ev.Data[k]))
	}
	t.RawSetString("data", d)
	// ev.text is rendered in English only when a handler reads it.
	mt := L.NewTable()
	mt.RawSetString("__index", s.sb.NewFunction(func(L *lua.LState) int {
		if L.CheckString(2) == "text" {
			L.Push(lua.LString(s.printer.render(s.scn, ev.Msg)))
			return 1
		}
		L.Push(lua.LNil)
		return 1
	}))
	t.Metatable = mt
	return t
}

// Objective runs an objective's check (game.Hooks). A check may look at the
// session but not change it.
func (s *Script) Objective(r game.Reader, id string) (bool, error) {
	fn := s.checks[id]
	if fn == nil || s.sb == nil {
		return false, nil
	}
	s.begin(r, Check)
	defer s.end()
	rets, err := s.call(fn, 1)
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
	src = safefile.Text(src)
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
// fast: a million instructions and 64 MiB of memory per call.
func DefaultLimitsForTest() sandbox.Limits {
	l := sandbox.DefaultLimits()
	// The work limit, which is the same on every machine, must stop a
	// runaway script long before the time limit, which depends on the
	// machine's load, is reached.
	l.MaxInstructions = 1_000_000
	l.CallTimeout = 10 * time.Second
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

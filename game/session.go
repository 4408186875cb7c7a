package game

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Reader is what a scenario's handlers and objective checks may look at: the
// session, read-only. The session implements it; handlers change the
// session only through the effects they return.
type Reader interface {
	Scenario() *Scenario
	Now() Minutes
	Calendar() Calendar
	Known(id string) bool
	Flag(name string) string
	Proven(elem string) bool
	Obtained(recordID string) bool
	Expired(recordID string) bool
	Arrested(id string) bool
	Fled(id string) bool
	CaseOpen() bool
	Returns() int
	Damages() DamageReport
	Ended() bool
	// CheckEffect says what is wrong with an effect a handler asks for.
	CheckEffect(e Effect) error
}

// Hooks is how a scenario's script takes part in a session. The scripting
// package implements it; tests may use a Go fake. Handlers run after the
// events that caused them, with a read-only view of the session, and return
// effects that the session then applies; events those effects cause are
// offered to the handlers in turn, up to Budget.ChainDepth.
type Hooks interface {
	// Handle offers an event to the scenario's handlers and returns what
	// they want done.
	Handle(r Reader, ev Event) ([]Effect, error)
	// Objective reports whether a learning objective was met. It may not
	// change anything.
	Objective(r Reader, id string) (bool, error)
}

// RandomHooks is implemented by hooks whose scripts draw random numbers:
// the session gives them its seeded generator before anything runs.
type RandomHooks interface {
	UseRandom(f func() float64)
}

// CommandHooks is implemented by hooks that budget their work per command:
// BeginCommand is called before each logged command, EndCommand after its
// events have all been handled. An error from EndCommand that halts (see
// HaltingError) undoes the command; any other is a script error.
type CommandHooks interface {
	BeginCommand()
	EndCommand() error
}

// HaltingError is implemented by errors that must stop the session outside
// its log: a limit that depends on the machine (a wall-clock deadline, the
// process's memory) or a session-wide budget. A command that meets one is
// not logged, so that the same log always replays to the same events.
type HaltingError interface {
	error
	Halts() bool
}

// HaltError is returned by Do when the command met a halting error. The
// session must not be used afterwards: the engine rebuilds it from its log.
type HaltError struct {
	Err error
}

// Error returns the cause.
func (e *HaltError) Error() string { return e.Err.Error() }

// Unwrap returns the cause.
func (e *HaltError) Unwrap() error { return e.Err }

// CancelledError is the halting error of a command cancelled while it ran
// (see SetInterrupt): like any halt, the command is not logged.
type CancelledError struct{}

// Error says what happened.
func (e *CancelledError) Error() string { return "the command was cancelled" }

// Halts reports true.
func (e *CancelledError) Halts() bool { return true }

// SetInterrupt sets a function the session asks between the tasks of a
// command (a long wait runs many); when it returns true the command stops
// with a *HaltError wrapping a *CancelledError. It may be called from
// another goroutine's point of view only through f itself.
func (s *Session) SetInterrupt(f func() bool) { s.interrupt = f }

// halt is the panic value that unwinds a command that met a halting error.
type halt struct{ err error }

// Event is something that happened in the session. Events are the only
// output of the rules; the console, the app and the debrief read them.
type Event struct {
	Seq     int               `json:"seq"`
	At      Minutes           `json:"at"`
	Kind    EventKind         `json:"kind"`
	Subject string            `json:"subject,omitempty"`
	Msg     Msg               `json:"msg"`
	Hidden  bool              `json:"hidden,omitempty"` // the trainee does not see it until the debrief
	Data    map[string]string `json:"data,omitempty"`
}

// Request is a legal request on its way or answered.
type Request struct {
	ID         string        `json:"id"`
	Instrument string        `json:"instrument"`
	Holder     string        `json:"holder,omitempty"`
	Target     string        `json:"target,omitempty"`
	SentAt     Minutes       `json:"sent_at"`
	DueAt      Minutes       `json:"due_at"`
	Status     RequestStatus `json:"status"`
	AnsweredAt Minutes       `json:"answered_at,omitempty"` // when it was answered or refused
}

// LogEntry is one command in the session's log: what was typed, by whom,
// when (simulated and wall-clock time) and the state checksum the rules
// reached after it. Actor, Wall, Why and Resumed are records, never part
// of the checksum.
type LogEntry struct {
	Line  string  `json:"line"`
	At    Minutes `json:"at"`
	Sum   string  `json:"sum,omitempty"`
	Actor Actor   `json:"actor,omitempty"`
	Wall  int64   `json:"wall,omitempty"` // Unix seconds when it was recorded, 0 if unknown
	Why   string  `json:"why,omitempty"`  // the trainee's stated reason, at a key decision
	// Resumed marks the first entry of a new sitting: the trainee came
	// back to a saved session, however soon.
	Resumed bool `json:"resumed,omitempty"`
}

// Budget bounds what one session may produce, so that no scenario can hang
// or exhaust the program. Exceeding a bound halts the command (see
// HaltError). The zero Budget means DefaultBudget.
type Budget struct {
	EventsPerCommand int // events one command may cause
	EventsPerSession int // events in the whole session
	Timers           int // timers set by scripts and not yet run
	Messages         int // messages scripts may send in the whole session
	ChainDepth       int // how deep events caused by handlers' effects may chain
}

// DefaultBudget returns the bounds for instructors' scenarios: far above what
// any honest scenario needs, far below what would freeze the window.
func DefaultBudget() Budget {
	return Budget{EventsPerCommand: 20000, EventsPerSession: 400000, Timers: 1000, Messages: 2000, ChainDepth: 16}
}

type recState struct {
	obtained    bool // obtained through a proper channel
	seen        bool // obtained in any way, intelligence included
	expired     bool
	wiped       bool // deleted by the operators, not by retention
	frozenUntil Minutes
	heldByMLAT  bool    // frozen until the MLAT request that arrived for it is executed
	renewals    int     // preservation renewals used
	obtainedAt  Minutes // when it was obtained through a proper channel
	expiredAt   Minutes // when it was deleted
	lapsedAt    Minutes // when a freeze on it ran out without an MLAT holding it, 0 if never
}

// taskKind is what a queued task does.
type taskKind int

const (
	taskAnswer taskKind = iota
	taskRetention
	taskMessage
	taskTimer
	taskHop
	taskWipe
	taskHandoff
	taskVerdict
	taskDeadline
	taskFlee
	taskRecheck     // a refused package comes back after the prosecutor's review
	taskMLATArrives // an MLAT request reaches the foreign authority
	taskMirror      // the operators open the next mirror of a blocked site
	taskInstruct    // a unit carries out an instruction
	taskPackage     // a package reaches the trainee's unit
	taskDecision    // the time the law gives to decide on a package is up
)

type task struct {
	at   Minutes
	seq  int
	kind taskKind
	id   string
	req  *Request
	pkg  *handoffPackage
	line string // the command of an instruction
	step int    // an instruction put off once to a better hour
}

// pendingEvent is an event waiting to be offered to the handlers, with how
// deep in a chain of handler effects it was caused.
type pendingEvent struct {
	seq   int
	depth int
}

// Session is one play of a scenario: the world's state at the simulated
// clock, advanced only by commands.
type Session struct {
	sc     *Scenario
	seed   uint64
	rng    *Rand
	cal    Calendar
	hooks  Hooks
	now    Minutes
	verbs  VerbIndex
	budget Budget

	events    []Event
	log       []LogEntry
	sum       hash.Hash // SHA-256 over every event's structured fields so far
	buf       []byte
	tasks     []*task
	taskSeq   int
	timers    int
	messages  int
	pending   []pendingEvent
	depth     int // chain depth of the event whose handler effects are being applied
	cmdEvents int // events caused by the command being carried out
	halted    error
	interrupt func() bool // asked between tasks: true cancels the command
	// answering is the request whose answer is being delivered; events
	// emitted meanwhile carry its details.
	answering *Request

	known      map[string]bool
	knownOrder []string
	records    map[string]*recState
	renewing   map[string]bool // preservation requests that renew a freeze
	evidence   []*Evidence
	requests   []*Request
	flags      map[string]string

	caseOpen     bool
	handoffOut   bool
	inCourt      bool
	returns      int
	refusals     int     // hand-off refusals (the first one is cancelled on review)
	courtReturns int     // cases the court sent back for additional investigation
	indictedAt   Minutes // when the case went to court; the court reads the file as it was then
	rejections   int
	arrested     map[string]bool
	fled         map[string]bool
	warrants     map[string]Minutes
	siteDown     map[string]bool
	blocked      map[string]bool     // domains blocked in the home country
	granted      map[string][]string // target -> instruments granted on it
	mirrors      []string            // mirrors the operators have opened, in order
	mirrorOut    bool                // a mirror is being prepared
	acting       string              // the unit carrying out an instruction, or ""
	parallel     bool                // an instructed unit is acting: its commands cost the trainee no time
	received     bool                // a package is with the trainee's unit, awaiting a decision
	decided      bool                // the investigator decided on the report of a crime: opened or refused
	arrivedAt    Minutes             // when the first package arrived: the time to decide runs from then
	decideBy     Minutes             // the end of the time to decide (extended once)
	extended     bool
	alerted      bool
	alertedAt    Minutes
	tipCause     string // what alerted the operators: ask, takedown, raid, script
	tipWhy       Msg    // what the tip-off said
	hopped       bool
	unlawfulAt   Minutes
	wiped        bool
	ending       *Ending
	verdict      *Verdict
	objectives   []ObjectiveResult
	score        int
	breakdown    []ScoreLine
	scriptErrors []string
}

// NewSession starts a session of sc with a seed; hooks may be nil. The
// scenario's on_start handler runs here: an error is returned only if it met
// a halting error.
func NewSession(sc *Scenario, seed uint64, hooks Hooks) (*Session, error) {
	return NewSessionBudget(sc, seed, hooks, Budget{})
}

// NewSessionBudget is NewSession with bounds of its own; zero fields take
// DefaultBudget's.
func NewSessionBudget(sc *Scenario, seed uint64, hooks Hooks, b Budget) (s *Session, err error) {
	sc.buildIndex()
	s = &Session{
		sc: sc, seed: seed, rng: NewRand(seed), cal: Calendar{Start: sc.Start}, hooks: hooks, budget: b.withDefaults(),
		known: map[string]bool{}, records: map[string]*recState{}, flags: map[string]string{}, renewing: map[string]bool{},
		arrested: map[string]bool{}, fled: map[string]bool{}, warrants: map[string]Minutes{},
		siteDown: map[string]bool{}, blocked: map[string]bool{}, granted: map[string][]string{}, verbs: NewVerbIndex(),
	}
	for _, r := range sc.Records {
		s.records[r.ID] = &recState{}
		if end := s.retentionEnd(r); end > 0 {
			s.schedule(&task{at: end, kind: taskRetention, id: r.ID})
		}
	}
	for i, m := range sc.Messages {
		s.schedule(&task{at: m.At, kind: taskMessage, id: strconv.Itoa(i)})
	}
	if sc.Deadline > 0 {
		s.schedule(&task{at: sc.Deadline, kind: taskDeadline})
	}
	if r := sc.Case.Receive; r.From != "" {
		s.schedule(&task{at: r.At, kind: taskPackage, id: r.From})
	}
	for _, e := range sc.Entities {
		if e.Known {
			s.known[e.ID] = true
			s.knownOrder = append(s.knownOrder, e.ID)
		}
	}
	if r, ok := hooks.(RandomHooks); ok {
		r.UseRandom(s.ScriptRandom)
	}
	defer s.recoverHalt(&err)
	s.emit(Event{Kind: EvStart, Subject: sc.ID, Msg: TextMsg(sc.Title)})
	s.advance(0) // what is due at the start (a package, a message) is there before the first command
	return s, nil
}

func (b Budget) withDefaults() Budget {
	d := DefaultBudget()
	if b.EventsPerCommand <= 0 {
		b.EventsPerCommand = d.EventsPerCommand
	}
	if b.EventsPerSession <= 0 {
		b.EventsPerSession = d.EventsPerSession
	}
	if b.Timers <= 0 {
		b.Timers = d.Timers
	}
	if b.Messages <= 0 {
		b.Messages = d.Messages
	}
	if b.ChainDepth <= 0 {
		b.ChainDepth = d.ChainDepth
	}
	return b
}

// recoverHalt turns a halt unwinding the stack into a *HaltError and marks
// the session unusable.
func (s *Session) recoverHalt(err *error) {
	r := recover()
	if r == nil {
		return
	}
	h, ok := r.(halt)
	if !ok {
		panic(r)
	}
	s.halted = h.err
	*err = &HaltError{Err: h.err}
}

// Scenario returns the scenario being played.
func (s *Session) Scenario() *Scenario { return s.sc }

// Seed returns the session's seed.
func (s *Session) Seed() uint64 { return s.seed }

// Now returns the simulated clock.
func (s *Session) Now() Minutes { return s.now }

// Calendar returns the calendar that turns the clock into dates.
func (s *Session) Calendar() Calendar { return s.cal }

// Events returns every event so far. The slice must not be changed.
func (s *Session) Events() []Event { return s.events }

// Log returns the command log. The slice must not be changed.
func (s *Session) Log() []LogEntry { return s.log }

// Checksum returns the first 16 hex digits of the SHA-256 of every event's
// structured fields so far: sequence, time, kind, subject, visibility and
// data. Rendered text never enters it.
func (s *Session) Checksum() string {
	if s.sum == nil {
		return ""
	}
	return hex.EncodeToString(s.sum.Sum(s.buf[:0])[:8])
}

// hashEvent feeds an event to the running checksum: every structured field,
// each length-prefixed, with Data in key order.
func (s *Session) hashEvent(ev *Event) {
	if s.sum == nil {
		s.sum = sha256.New()
	}
	b := s.buf[:0]
	str := func(v string) {
		b = binary.AppendUvarint(b, uint64(len(v)))
		b = append(b, v...)
	}
	b = binary.AppendVarint(b, int64(ev.Seq))
	b = binary.AppendVarint(b, int64(ev.At))
	str(string(ev.Kind))
	str(ev.Subject)
	if ev.Hidden {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(len(ev.Data)))
	switch len(ev.Data) {
	case 0:
	case 1:
		for k, v := range ev.Data {
			str(k)
			str(v)
		}
	default:
		for _, k := range slices.Sorted(maps.Keys(ev.Data)) {
			str(k)
			str(ev.Data[k])
		}
	}
	s.sum.Write(b)
	s.buf = b
}

// EndingTitle names the ending reached.
func (s *Session) EndingTitle() Msg { return s.ending.TitleMsg() }

// Paused reports whether the instructor has paused the room.
func (s *Session) Paused() bool { return s.flags[string(FlagPaused)] != "" }

// Ended reports whether the case has reached an ending.
func (s *Session) Ended() bool { return s.ending != nil }

// Ending returns the ending reached, or nil.
func (s *Session) Ending() *Ending { return s.ending }

// Requests returns every legal request sent, in order.
func (s *Session) Requests() []*Request { return s.requests }

// CaseOpen reports whether a criminal case has been opened.
func (s *Session) CaseOpen() bool { return s.caseOpen }

// HandoffPending reports whether a hand-off package is with the other unit.
func (s *Session) HandoffPending() bool { return s.handoffOut }

// InCourt reports whether the case is before the court.
func (s *Session) InCourt() bool { return s.inCourt }

// Returns reports how many times a hand-off package came back.
func (s *Session) Returns() int { return s.returns }

// Arrested reports whether a person has been detained.
func (s *Session) Arrested(id string) bool { return s.arrested[id] }

// Fled reports whether a person has fled out of reach.
func (s *Session) Fled(id string) bool { return s.fled[id] }

// SiteDown reports whether a domain has been taken down.
func (s *Session) SiteDown(id string) bool { return s.siteDown[id] }

// Flag returns a flag's value, or "".
func (s *Session) Flag(name string) string { return s.flags[name] }

// Flags returns a copy of all flags.
func (s *Session) Flags() map[string]string { return maps.Clone(s.flags) }

func (s *Session) setFlag(f Flag) { s.flags[string(f)] = "yes" }

// Known reports whether the trainee has found an entity.
func (s *Session) Known(id string) bool { return s.known[id] }

// KnownEntities returns the entities found, in the order they were found.
func (s *Session) KnownEntities() []*Entity {
	out := make([]*Entity, 0, len(s.knownOrder))
	for _, id := range s.knownOrder {
		out = append(out, s.sc.Entity(id))
	}
	return out
}

// Obtained reports whether a record was obtained through a proper channel.
func (s *Session) Obtained(recordID string) bool {
	r := s.records[recordID]
	return r != nil && r.obtained
}

// Expired reports whether a record was deleted before anyone obtained it.
func (s *Session) Expired(recordID string) bool {
	r := s.records[recordID]
	return r != nil && r.expired
}

// WarrantUntil returns when a warrant for a person expires, or 0.
func (s *Session) WarrantUntil(person string) Minutes { return s.warrants[person] }

// Do parses and carries out one console line as the trainee. See Exec.
func (s *Session) Do(line string) ([]Event, error) {
	return s.Exec(LogEntry{Line: line, Actor: ActorTrainee})
}

// Exec parses and carries out one command. A usage error (unknown command,
// wrong arguments, a name the trainee has not found) returns a *UsageError
// and changes nothing. A read-only command returns its answer as one
// "output" event that is not recorded. Everything else is logged, with the
// entry's actor, wall-clock time and reason, and returns the events it
// caused. A *HaltError means the command met a halting error: it was not
// logged and the session must be rebuilt from its log.
func (s *Session) Exec(entry LogEntry) (evs []Event, err error) {
	if s.halted != nil {
		return nil, &HaltError{Err: s.halted}
	}
	cmd, err := parseCommand(entry.Line, s.verbs.Lookup)
	if err != nil {
		return nil, err
	}
	if cmd.Verb == "" {
		return nil, nil
	}
	if entry.Actor == "" {
		entry.Actor = ActorTrainee
	}
	v, _ := s.verbs.Lookup(cmd.Verb)
	if v.ReadOnly {
		m, err := s.query(cmd)
		if err != nil {
			return nil, err
		}
		return []Event{{Seq: -1, At: s.now, Kind: EvOutput, Subject: cmd.Verb, Msg: m}}, nil
	}
	if v.Instructor() && entry.Actor.Kind() != ActorInstructor {
		return nil, usage("cmd.instructor_only", Str("verb", v.Name))
	}
	if s.flags[string(FlagPaused)] != "" && entry.Actor.Kind() == ActorTrainee {
		return nil, usage("cmd.paused")
	}
	if s.ending != nil {
		return nil, usage("cmd.ended", Sub("ending", s.EndingTitle()))
	}
	if !s.may(s.sc.Entity(s.sc.Unit), cmd.Verb) {
		// The trainee's unit may not do this itself: another unit must.
		if u := s.instructable(cmd.Verb); u != nil {
			return nil, usage("cmd.instruct_instead", Str("verb", cmd.Verb), Ent("unit", u.ID), Str("line", "instruct "+u.ID+" "+cmd.String()))
		}
		return nil, usage("cmd.not_yours", Str("verb", cmd.Verb))
	}
	act, err := s.prepare(cmd)
	if err != nil {
		return nil, err
	}
	if ch, ok := s.hooks.(CommandHooks); ok {
		ch.BeginCommand()
	}
	first := len(s.events)
	s.cmdEvents = 0
	defer s.recoverHalt(&err)
	line := cmd.String()
	s.emit(Event{Kind: EvCommand, Subject: cmd.Verb, Msg: Verbatim(line)})
	act()
	s.drain()
	if ch, ok := s.hooks.(CommandHooks); ok {
		if err := ch.EndCommand(); err != nil {
			s.handlerError(err)
		}
	}
	entry.Line, entry.At, entry.Sum = line, s.events[first].At, s.Checksum()
	s.log = append(s.log, entry)
	return s.events[first:], nil
}

// schedule queues a task, keeping the queue ordered by time, then by order of
// scheduling.
func (s *Session) schedule(t *task) {
	s.taskSeq++
	t.seq = s.taskSeq
	i := sort.Search(len(s.tasks), func(i int) bool {
		a := s.tasks[i]
		return a.at > t.at || (a.at == t.at && a.seq > t.seq)
	})
	s.tasks = append(s.tasks, nil)
	copy(s.tasks[i+1:], s.tasks[i:])
	s.tasks[i] = t
}

// advance moves the clock forward by d, running every task that falls due on
// the way, in order, and offering each task's events to the handlers before
// the next. It stops early when the case ends.
func (s *Session) advance(d Minutes) {
	s.drain()
	if s.parallel {
		return // another unit's work: the clock is the trainee's
	}
	to := s.now + d
	for len(s.tasks) > 0 && s.tasks[0].at <= to && s.ending == nil {
		t := s.tasks[0]
		s.tasks = s.tasks[1:]
		if t.at > s.now {
			s.now = t.at
		}
		if t.kind == taskTimer {
			s.timers--
		}
		if s.interrupt != nil && s.interrupt() {
			panic(halt{err: &CancelledError{}})
		}
		s.run(t)
		s.drain()
	}
	if s.ending == nil && to > s.now {
		s.now = to
	}
}

// emit records an event and queues it for the handlers.
func (s *Session) emit(ev Event) {
	ev.Seq = len(s.events)
	ev.At = s.now
	if r := s.answering; r != nil && ev.Kind != EvOutput {
		if ev.Data == nil {
			ev.Data = map[string]string{}
		}
		ev.Data["request"], ev.Data["instrument"] = r.ID, r.Instrument
		ev.Data["holder"], ev.Data["target"] = r.Holder, r.Target
		ev.Data["sent_at"] = strconv.FormatInt(int64(r.SentAt), 10)
	}
	s.cmdEvents++
	switch {
	case s.cmdEvents > s.budget.EventsPerCommand:
		s.stop(M("halt.events_command", Count("n", int64(s.budget.EventsPerCommand))))
	case len(s.events) >= s.budget.EventsPerSession:
		s.stop(M("halt.events_session", Count("n", int64(s.budget.EventsPerSession))))
	}
	s.hashEvent(&ev)
	s.events = append(s.events, ev)
	if s.hooks != nil && ev.Kind != EvScriptError {
		s.pending = append(s.pending, pendingEvent{seq: ev.Seq, depth: s.depth})
	}
}

// stop halts the command with a budget error.
func (s *Session) stop(m Msg) {
	panic(halt{err: &BudgetError{Msg: m}})
}

// BudgetError is a session-wide bound a scenario's script exceeded.
type BudgetError struct {
	Msg Msg
}

// Error names the bound in the catalogue's terms (rendered at the edge).
func (e *BudgetError) Error() string { return msgString(e.Msg) }

// Halts reports that a budget error halts the session.
func (e *BudgetError) Halts() bool { return true }

// drain offers queued events to the handlers, in order, and applies the
// effects they return. Events those effects cause are offered too, one
// level deeper; past Budget.ChainDepth the chain is cut with a script error.
func (s *Session) drain() {
	for len(s.pending) > 0 && s.hooks != nil {
		p := s.pending[0]
		s.pending = s.pending[1:]
		ev := s.events[p.seq]
		effects, err := s.hooks.Handle(s, ev)
		if err != nil {
			s.handlerError(err)
			continue
		}
		if len(effects) == 0 {
			continue
		}
		if p.depth+1 > s.budget.ChainDepth {
			s.scriptError(msgString(M("script.chain", Count("n", int64(s.budget.ChainDepth)))), "")
			continue
		}
		s.depth = p.depth + 1
		for _, e := range effects {
			s.apply(e)
		}
		s.depth = 0
	}
	if s.hooks == nil {
		s.pending = s.pending[:0]
	}
}

// handlerError records a handler's failure: a halting error unwinds the
// command, any other becomes a script_error event.
func (s *Session) handlerError(err error) {
	var h HaltingError
	if errors.As(err, &h) && h.Halts() {
		panic(halt{err: err})
	}
	s.scriptError(err.Error(), "")
}

func (s *Session) scriptError(msg, pos string) {
	s.scriptErrors = append(s.scriptErrors, msg)
	var data map[string]string
	if pos != "" {
		data = map[string]string{"pos": pos}
	}
	s.emit(Event{Kind: EvScriptError, Msg: Verbatim(msg), Data: data})
}

// ScriptErrors returns the errors the scenario's script raised during play.
func (s *Session) ScriptErrors() []string { return s.scriptErrors }

func (s *Session) say(kind EventKind, subject string, m Msg) {
	s.emit(Event{Kind: kind, Subject: subject, Msg: m})
}

func (s *Session) sayData(kind EventKind, subject string, m Msg, data map[string]string) {
	s.emit(Event{Kind: kind, Subject: subject, Msg: m, Data: data})
}

func (s *Session) hidden(kind EventKind, subject string, m Msg, data map[string]string) {
	s.emit(Event{Kind: kind, Subject: subject, Msg: m, Hidden: true, Data: data})
}

func (s *Session) reveal(id string) bool {
	if id == "" || s.known[id] || s.sc.Entity(id) == nil {
		return false
	}
	s.known[id] = true
	s.knownOrder = append(s.knownOrder, id)
	e := s.sc.Entity(id)
	s.sayData(EvRevealed, id, M("lead.new", Ent("entity", id), Sub("kind", kindMsg(e))), map[string]string{"kind": e.Kind})
	return true
}

// resolve finds a known entity by id or display name, case-insensitively.
func (s *Session) resolve(arg, want string) (*Entity, error) {
	for _, id := range s.knownOrder {
		e := s.sc.Entity(id)
		if strings.EqualFold(id, arg) || nameMatches(e.Name, arg) {
			if want != "" && !kindMatches(e, want) {
				return nil, usage("cmd.wrong_kind", Ent("entity", id), Sub("is", kindMsg(e)), Sub("want", M("kind."+want)))
			}
			return e, nil
		}
	}
	var names []string
	for _, id := range s.knownOrder {
		names = append(names, id)
		if n := s.sc.Entity(id).Name.In(s.sc.DocLang()); n != "" && n != id {
			names = append(names, n)
		}
	}
	return nil, usage("cmd.not_found", Str("name", arg), Str("suggest", closest(arg, names)))
}

func nameMatches(t Text, arg string) bool {
	for _, n := range t {
		if n != "" && strings.EqualFold(n, arg) {
			return true
		}
	}
	return false
}

// kindMsg names an entity's kind, or its role where it has one.
func kindMsg(e *Entity) Msg {
	if e.Role != "" {
		return M("role." + e.Role)
	}
	return M("kind." + e.Kind)
}

func kindMatches(e *Entity, want string) bool {
	switch want {
	case "holder":
		return e.Kind == KindOrg || e.Kind == KindPerson
	case "party":
		return e.Kind == KindOrg || e.Kind == KindPerson || e.Kind == KindUnit
	case "target":
		return true
	case "rights_holder", "association":
		return e.Kind == KindOrg && e.Role == want
	}
	return e.Kind == want
}

// Deadline is a date the trainee should watch.
type Deadline struct {
	At   Minutes `json:"at"`
	Kind string  `json:"kind"` // answer, preservation, retention, warrant, case
	Ref  string  `json:"ref,omitempty"`
	Msg  Msg     `json:"msg"`
}

// Deadlines returns the dates ahead the trainee can know of: answers due,
// preservation expiries (the freeze confirmation gives its date), warrant
// expiries and the case deadline. When a holder deletes a given log is not
// known: the rule pack's retention period is (see the status).
func (s *Session) Deadlines() []Deadline {
	var out []Deadline
	for _, r := range s.requests {
		if r.Status == StatusPending {
			out = append(out, Deadline{r.DueAt, "answer", r.ID, M("deadline.answer", Str("id", r.ID), Sub("instrument", s.instrMsg(r.Instrument)), Ent("holder", r.Holder))})
		}
	}
	for _, r := range s.sc.Records {
		st := s.records[r.ID]
		if st.obtained || st.expired || !s.known[r.Holder] || !s.known[r.About] {
			continue
		}
		if st.frozenUntil > s.now && !st.heldByMLAT {
			out = append(out, Deadline{st.frozenUntil, "preservation", r.Holder + " " + r.About, M("deadline.preservation", Ent("about", r.About), Ent("holder", r.Holder))})
		}
	}
	for _, p := range slices.Sorted(maps.Keys(s.warrants)) {
		if until := s.warrants[p]; until > s.now {
			out = append(out, Deadline{until, "warrant", p, M("deadline.warrant", Ent("person", p))})
		}
	}
	out = append(out, Deadline{s.sc.Deadline, "case", "", M("deadline.case")})
	sort.SliceStable(out, func(i, j int) bool { return out[i].At < out[j].At })
	return dedupeDeadlines(out)
}

func dedupeDeadlines(in []Deadline) []Deadline {
	seen := map[string]bool{}
	out := in[:0]
	for _, d := range in {
		k := fmt.Sprint(d.At, d.Kind, d.Ref)
		if !seen[k] {
			seen[k] = true
			out = append(out, d)
		}
	}
	return out
}

func (s *Session) retentionEnd(r *Record) Minutes {
	switch {
	case r.Retention < 0:
		return 0
	case r.Retention > 0:
		return r.Retention
	}
	h := s.sc.Entity(r.Holder)
	if h == nil || h.Kind != KindOrg {
		return 0
	}
	if j := s.sc.Jurisdictions[h.Jurisdiction]; j != nil && j.Retention > 0 {
		return j.Retention
	}
	return 0
}

package game

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Hooks is how a scenario's script takes part in a session. The scripting
// package implements it; tests may use a Go fake. A hook may call the
// session's Script* methods; events those cause are not offered back.
type Hooks interface {
	// Event offers an event the rules produced to the scenario's handlers.
	Event(s *Session, ev Event) error
	// Objective reports whether a learning objective was met.
	Objective(s *Session, id string) (bool, error)
}

// Event is something that happened in the session. Events are the only
// output of the rules; the console, the app and the debrief read them.
type Event struct {
	Seq     int               `json:"seq"`
	At      Minutes           `json:"at"`
	Kind    string            `json:"kind"`
	Subject string            `json:"subject,omitempty"`
	Text    Text              `json:"text"`
	Hidden  bool              `json:"hidden,omitempty"` // the trainee does not see it until the debrief
	Data    map[string]string `json:"data,omitempty"`
}

// Request is a legal request on its way or answered.
type Request struct {
	ID         string  `json:"id"`
	Instrument string  `json:"instrument"`
	Holder     string  `json:"holder,omitempty"`
	Target     string  `json:"target,omitempty"`
	SentAt     Minutes `json:"sent_at"`
	DueAt      Minutes `json:"due_at"`
	Status     string  `json:"status"` // pending, answered, rejected
}

// LogEntry is one command in the session's log with the state checksum the
// rules reached after it.
type LogEntry struct {
	Line string
	At   Minutes
	Sum  string
}

type recState struct {
	obtained    bool // obtained through a proper channel
	seen        bool // obtained in any way, intelligence included
	expired     bool
	frozenUntil Minutes
}

type task struct {
	at   Minutes
	seq  int
	kind string
	id   string
	req  *Request
	pkg  *handoffPackage
}

// Session is one play of a scenario: the world's state at the simulated
// clock, advanced only by commands.
type Session struct {
	sc    *Scenario
	seed  uint64
	rng   *Rand
	cal   Calendar
	hooks Hooks
	now   Minutes
	verbs VerbIndex

	events  []Event
	log     []LogEntry
	sum     hash.Hash // SHA-256 over every event so far
	buf     []byte
	tasks   []*task
	taskSeq int
	inHook  bool
	// answering is the request whose answer is being delivered; events
	// emitted meanwhile carry its details.
	answering *Request

	known      map[string]bool
	knownOrder []string
	records    map[string]*recState
	evidence   []*Evidence
	requests   []*Request
	flags      map[string]string

	caseOpen     bool
	handoffOut   bool
	inCourt      bool
	returns      int
	rejections   int
	lastMissing  []Text
	arrested     map[string]bool
	fled         map[string]bool
	warrants     map[string]Minutes
	siteDown     map[string]bool
	alerted      bool
	wiped        bool
	ending       *Ending
	verdict      *Verdict
	objectives   []ObjectiveResult
	score        int
	breakdown    []ScoreLine
	scriptErrors []string
}

// NewSession starts a session of sc with a seed. hooks may be nil.
func NewSession(sc *Scenario, seed uint64, hooks Hooks) *Session {
	sc.buildIndex()
	s := &Session{
		sc: sc, seed: seed, rng: NewRand(seed), cal: Calendar{Start: sc.Start}, hooks: hooks,
		known: map[string]bool{}, records: map[string]*recState{}, flags: map[string]string{},
		arrested: map[string]bool{}, fled: map[string]bool{}, warrants: map[string]Minutes{},
		siteDown: map[string]bool{}, verbs: NewVerbIndex(),
	}
	for _, r := range sc.Records {
		s.records[r.ID] = &recState{}
		if end := s.retentionEnd(r); end > 0 {
			s.schedule(&task{at: end, kind: "retention", id: r.ID})
		}
	}
	for i, m := range sc.Messages {
		s.schedule(&task{at: m.At, kind: "message", id: fmt.Sprint(i)})
	}
	if sc.Deadline > 0 {
		s.schedule(&task{at: sc.Deadline, kind: "deadline"})
	}
	for _, e := range sc.Entities {
		if e.Known {
			s.known[e.ID] = true
			s.knownOrder = append(s.knownOrder, e.ID)
		}
	}
	s.emit(Event{Kind: "start", Subject: sc.ID, Text: sc.Title})
	return s
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

// Checksum returns the first 16 hex digits of the SHA-256 of every event
// so far.
func (s *Session) Checksum() string {
	if s.sum == nil {
		return ""
	}
	return hex.EncodeToString(s.sum.Sum(s.buf[:0])[:8])
}

// hashEvent feeds an event to the running checksum: every field, each
// length-prefixed, with Data in key order.
func (s *Session) hashEvent(ev Event) {
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
	str(ev.Kind)
	str(ev.Subject)
	str(ev.Text.En)
	str(ev.Text.Ru)
	if ev.Hidden {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(len(ev.Data)))
	for _, k := range slices.Sorted(maps.Keys(ev.Data)) {
		str(k)
		str(ev.Data[k])
	}
	s.sum.Write(b)
	s.buf = b
}

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
func (s *Session) Flags() map[string]string {
	out := make(map[string]string, len(s.flags))
	for k, v := range s.flags {
		out[k] = v
	}
	return out
}

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

// Do parses and carries out one console line. A usage error (unknown
// command, wrong arguments, a name the trainee has not found) returns an error
// and changes nothing. A read-only command returns its answer as one
// "output" event that is not recorded. Everything else is logged and returns
// the events it caused.
func (s *Session) Do(line string) ([]Event, error) {
	cmd, err := parseCommand(line, s.verbs.Lookup)
	if err != nil {
		return nil, err
	}
	if cmd.Verb == "" {
		return nil, nil
	}
	v, _ := s.verbs.Lookup(cmd.Verb)
	if v.ReadOnly {
		txt, err := s.query(cmd)
		if err != nil {
			return nil, err
		}
		return []Event{{Seq: -1, At: s.now, Kind: "output", Subject: cmd.Verb, Text: txt}}, nil
	}
	if s.ending != nil {
		return nil, fmt.Errorf("the case has ended (%s): nothing more can be done", s.ending.ID)
	}
	act, err := s.prepare(cmd)
	if err != nil {
		return nil, err
	}
	first := len(s.events)
	s.emit(Event{Kind: "command", Subject: cmd.Verb, Text: T(cmd.String())})
	act()
	s.log = append(s.log, LogEntry{Line: cmd.String(), At: s.events[first].At, Sum: s.Checksum()})
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
// the way, in order. It stops early when the case ends.
func (s *Session) advance(d Minutes) {
	to := s.now + d
	for len(s.tasks) > 0 && s.tasks[0].at <= to && s.ending == nil {
		t := s.tasks[0]
		s.tasks = s.tasks[1:]
		if t.at > s.now {
			s.now = t.at
		}
		s.run(t)
	}
	if s.ending == nil && to > s.now {
		s.now = to
	}
}

func (s *Session) emit(ev Event) {
	ev.Seq = len(s.events)
	ev.At = s.now
	if r := s.answering; r != nil && ev.Kind != "output" {
		if ev.Data == nil {
			ev.Data = map[string]string{}
		}
		ev.Data["request"], ev.Data["instrument"] = r.ID, r.Instrument
		ev.Data["holder"], ev.Data["target"] = r.Holder, r.Target
		ev.Data["sent_at"] = strconv.FormatInt(int64(r.SentAt), 10)
	}
	s.hashEvent(ev)
	s.events = append(s.events, ev)
	if s.hooks != nil && !s.inHook && ev.Kind != "script_error" {
		s.inHook = true
		err := s.hooks.Event(s, ev)
		s.inHook = false
		if err != nil {
			s.scriptError(err)
		}
	}
}

func (s *Session) scriptError(err error) {
	msg := err.Error()
	s.scriptErrors = append(s.scriptErrors, msg)
	s.emit(Event{Kind: "script_error", Text: T(msg)})
}

// ScriptErrors returns the errors the scenario's script raised during play.
func (s *Session) ScriptErrors() []string { return s.scriptErrors }

func (s *Session) say(kind, subject string, txt Text) {
	s.emit(Event{Kind: kind, Subject: subject, Text: txt})
}

func (s *Session) hidden(kind, subject string, txt Text) {
	s.emit(Event{Kind: kind, Subject: subject, Text: txt, Hidden: true})
}

func (s *Session) reveal(id string) bool {
	if id == "" || s.known[id] || s.sc.Entity(id) == nil {
		return false
	}
	s.known[id] = true
	s.knownOrder = append(s.knownOrder, id)
	e := s.sc.Entity(id)
	s.emit(Event{Kind: "revealed", Subject: id, Text: Tf("New lead: %s (%s)", "Новая зацепка: %s (%s)", s.nameT(id), e.Kind),
		Data: map[string]string{"kind": e.Kind}})
	return true
}

// name returns an entity's display name, or the id itself.
func (s *Session) name(id string, l Lang) string {
	if e := s.sc.Entity(id); e != nil && !e.Name.Empty() {
		return e.Name.In(l)
	}
	return id
}

// nameT returns an entity's display name in both languages.
func (s *Session) nameT(id string) Text {
	if e := s.sc.Entity(id); e != nil && !e.Name.Empty() {
		t := e.Name
		if t.Ru == "" {
			t.Ru = t.En
		}
		return t
	}
	return T(id)
}

// resolve finds a known entity by id or display name, case-insensitively.
func (s *Session) resolve(arg, want string) (*Entity, error) {
	for _, id := range s.knownOrder {
		e := s.sc.Entity(id)
		if strings.EqualFold(id, arg) || strings.EqualFold(e.Name.En, arg) || (e.Name.Ru != "" && strings.EqualFold(e.Name.Ru, arg)) {
			if want != "" && !kindMatches(e, want) {
				return nil, fmt.Errorf("%s is a %s, not a %s", id, kindLabel(e), want)
			}
			return e, nil
		}
	}
	return nil, fmt.Errorf("nothing called %q has been found yet (type known for the list)", arg)
}

func kindLabel(e *Entity) string {
	if e.Role != "" {
		return e.Role
	}
	return e.Kind
}

func kindMatches(e *Entity, want string) bool {
	switch want {
	case "holder":
		return e.Kind == KindOrg || e.Kind == KindPerson
	case "target":
		return true
	case "rights_holder", "association":
		return e.Kind == KindOrg && e.Role == want
	}
	return e.Kind == want
}

// Deadline is a date the trainee should watch.
type Deadline struct {
	At    Minutes
	Label Text
}

// Deadlines returns the dates ahead the trainee can know of: answers due,
// preservation expiries, warrant expiries, retention periods of data held by
// known organisations about known targets, and the case deadline.
func (s *Session) Deadlines() []Deadline {
	var out []Deadline
	for _, r := range s.requests {
		if r.Status == "pending" {
			out = append(out, Deadline{r.DueAt, Tf("answer due: %s %s (%s)", "ожидается ответ: %s %s (%s)", r.ID, instrText(r.Instrument), s.nameT(r.Holder))})
		}
	}
	for _, r := range s.sc.Records {
		st := s.records[r.ID]
		if st.obtained || st.expired || !s.known[r.Holder] || !s.known[r.About] {
			continue
		}
		if st.frozenUntil > s.now {
			out = append(out, Deadline{st.frozenUntil, Tf("preservation ends: %s at %s", "истекает сохранение: %s в %s", r.About, s.nameT(r.Holder))})
		} else if end := s.retentionEnd(r); end > s.now {
			out = append(out, Deadline{end, Tf("retention ends: data about %s at %s", "истекает срок хранения: данные о %s в %s", r.About, s.nameT(r.Holder))})
		}
	}
	for _, p := range slices.Sorted(maps.Keys(s.warrants)) {
		if until := s.warrants[p]; until > s.now {
			out = append(out, Deadline{until, Tf("warrant expires: %s", "истекает постановление: %s", s.nameT(p))})
		}
	}
	out = append(out, Deadline{s.sc.Deadline, Tf("case deadline", "крайний срок по делу")})
	sort.SliceStable(out, func(i, j int) bool { return out[i].At < out[j].At })
	return dedupeDeadlines(out)
}

func dedupeDeadlines(in []Deadline) []Deadline {
	seen := map[string]bool{}
	out := in[:0]
	for _, d := range in {
		k := fmt.Sprint(d.At, d.Label.En)
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

package records

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"takedown/game"
	"takedown/i18n"
)

// IRIBase is the root of every IRI Takedown defines: its verbs for legal
// steps, its activity types, its context and result extensions, and the
// activities of its scenarios. It is fixed so that statements from every
// installation can be queried together.
const IRIBase = "https://takedown.training/xapi"

// Verbs from the ADL vocabulary that Takedown uses besides the cmi5 ones.
const (
	VerbExperienced = "http://adlnet.gov/expapi/verbs/experienced"
	VerbInteracted  = "http://adlnet.gov/expapi/verbs/interacted"
	VerbAnswered    = "http://adlnet.gov/expapi/verbs/answered"
	VerbProgressed  = "http://adlnet.gov/expapi/verbs/progressed"
	VerbSuspended   = "http://adlnet.gov/expapi/verbs/suspended"
	VerbResumed     = "http://adlnet.gov/expapi/verbs/resumed"
)

// Activity types of Takedown's activities.
const (
	TypeSimulation  = "http://adlnet.gov/expapi/activities/simulation"
	TypeInteraction = "http://adlnet.gov/expapi/activities/cmi.interaction"
	TypeBriefing    = IRIBase + "/activity-types/briefing"
	TypeTool        = IRIBase + "/activity-types/tool"
	TypeEntity      = IRIBase + "/activity-types/entity"
	TypeCase        = IRIBase + "/activity-types/case"
	TypePhase       = IRIBase + "/activity-types/phase"
)

// Extensions Takedown puts in a statement's context or result.
const (
	// ExtEntry is the 1-based number of the log entry a statement comes
	// from (context).
	ExtEntry = IRIBase + "/extensions/entry"
	// ExtCommand is the console command of that entry (context).
	ExtCommand = IRIBase + "/extensions/command"
	// ExtGameTime is the simulated time of the entry, in minutes from the
	// scenario's start (context).
	ExtGameTime = IRIBase + "/extensions/game-time"
	// ExtGameDate is the simulated calendar time of the entry, RFC 3339
	// (context).
	ExtGameDate = IRIBase + "/extensions/game-date"
	// ExtTarget is the entity a tool or a legal step was aimed at
	// (context).
	ExtTarget = IRIBase + "/extensions/target"
	// ExtSeed is the session's seed, which with the scenario's id and hash
	// and the commands replays it (context of initialized).
	ExtSeed = IRIBase + "/extensions/seed"
	// ExtRequest is the id of the legal request a step sent (result).
	ExtRequest = IRIBase + "/extensions/request"
	// ExtRevealed lists the entities a tool revealed (result).
	ExtRevealed = IRIBase + "/extensions/revealed"
	// ExtRefused is the rules' reason code when a step was refused
	// (result).
	ExtRefused = IRIBase + "/extensions/refused"
	// ExtEnding is the ending reached (result of completed, passed and
	// failed).
	ExtEnding = IRIBase + "/extensions/ending"
	// ExtProgress is cmi5's progress extension, 0 to 100 (result of
	// progressed).
	ExtProgress = "https://w3id.org/xapi/cmi5/result/extensions/progress"
)

// DefaultGap is the pause between two commands after which the trainee is
// taken to have left and come back: a new sitting.
const DefaultGap = 30 * time.Minute

// Tools are the console verbs recorded as interacted.
func Tools() []string { return []string{"whois", "dns", "asn", "capture", "purchase", "osint"} }

// LegalSteps are the console verbs recorded with a Takedown verb of their
// own (see LegalVerbID).
func LegalSteps() []string {
	return []string{"order", "request", "preserve", "mlat", "ask", "statement", "takedown", "apply", "warrant", "raid", "arrest", "handoff", "prosecute"}
}

// KeyDecisions are the console verbs that are key decisions: each is also
// recorded as answered, with the trainee's reason as the response.
func KeyDecisions() []string {
	return []string{"handoff", "mlat", "takedown", "raid", "prosecute", "ask"}
}

// legalVerbName maps a legal step to the last part of its verb IRI.
func legalVerbName(step string) string {
	switch step {
	case "order":
		return "served-production-order"
	case "request":
		return "requested-subscriber-data"
	case "preserve":
		return "requested-preservation"
	case "mlat":
		return "sent-mlat-request"
	case "ask":
		return "asked-informally"
	case "statement":
		return "requested-statement-of-losses"
	case "takedown":
		return "sent-takedown-notice"
	case "apply":
		return "applied-legal-instrument"
	case "warrant":
		return "applied-for-warrant"
	case "raid":
		return "searched-premises"
	case "arrest":
		return "detained"
	case "handoff":
		return "handed-off"
	case "prosecute":
		return "sent-to-court"
	}
	return ""
}

// LegalVerbID returns the IRI of the Takedown verb for a legal step (a
// console verb such as "mlat"), and whether there is one.
func LegalVerbID(step string) (string, bool) {
	n := legalVerbName(step)
	if n == "" {
		return "", false
	}
	return IRIBase + "/verbs/" + n, true
}

// ScenarioActivityID is the activity id of a scenario at one version: its
// id and the hash of its source.
func ScenarioActivityID(id, hash string) string {
	if hash == "" {
		hash = "unhashed"
	}
	return IRIBase + "/scenarios/" + url.PathEscape(id) + "/" + url.PathEscape(hash)
}

// Session is what statements are made from: a session's log (with each
// entry's actor, wall-clock time and reason), every event it caused, and its
// View after the last entry (the scenario, the names of what was found and,
// once the case has ended, the debrief).
type Session struct {
	Log    game.SessionLog
	Events []game.Event
	View   *game.View
}

// StatementOptions say who the statements are about and how they are
// built.
type StatementOptions struct {
	// Account is the trainee: a pseudonymous account on the academy's
	// home page. Never an e-mail address.
	Account Account
	// Text gives verbs and activities their names in every language with a
	// catalogue.
	Text *i18n.Catalog
	// ActivityID is the object of the session-level statements
	// (initialized, suspended, resumed, completed, passed, failed,
	// terminated): the AU's activity id in a cmi5 launch. Empty means the
	// scenario's activity (ScenarioActivityID).
	ActivityID string
	// Registration is the attempt, a UUID: a cmi5 launch's registration.
	// Empty means one derived from the account and the log.
	Registration string
	// Gap is the pause between two commands that makes a new sitting
	// (suspended, then resumed); 0 means DefaultGap.
	Gap time.Duration
	// Suspend ends a session whose case has not ended with suspended: the
	// trainee has left it (the app closed, or the save is being read).
	Suspend bool
	// MasteryScore, when set (a cmi5 LMS's masteryScore, 0 to 1), decides
	// passed or failed by the scaled score; otherwise a won case passes.
	MasteryScore *float64
}

// namespace is the UUID namespace of statement ids: a version 5 UUID of
// IRIBase in the URL namespace.
func namespace() uuid.UUID { return uuid.NewSHA1(uuid.NameSpaceURL, []byte(IRIBase)) }

// builder holds what every statement of one session shares.
type builder struct {
	s        Session
	opt      StatementOptions
	actor    Actor
	key      string // the session's identity, the start of every id's name
	scenario Activity
	object   Activity // the object of session-level statements
	reg      string
	names    map[string]LanguageMap
	out      []Statement
	last     time.Time // the latest timestamp given, so that none goes back
}

// Statements turns a session into xAPI 1.0.3 statements, in order:
// initialized and experienced (the briefing) at the first command; for
// each of the trainee's commands interacted (a tool), a Takedown verb (a
// legal step, see LegalVerbID), answered (a key decision, with the reason
// the trainee typed as the response) and progressed (the case moved to
// another phase); suspended and resumed around every pause longer than Gap
// and before every entry marked Resumed (the trainee came back to a save);
// and, once the case has ended, completed, passed or failed (scaled score,
// success, and the duration from the first to the last command) and
// terminated.
//
// It is pure: timestamps are the log's wall-clock times (none when the log
// has none, as a walkthrough's), and each id is a version 5 UUID of the
// account, the scenario's id and hash, the seed, the wall-clock time of the
// first command, the entry's number and the verb. So the same session
// always gives the same statements, byte for byte; a lost outbox can be
// rebuilt by replaying the saved session; and what a log gives is kept,
// unchanged, by the statements of the same log played further (only the
// closing suspended of Suspend is not). A log with no command yet gives no
// statement, since its identity is not known until then. Commands by the
// instructor or a script are not the trainee's and give none. Every
// statement passes Statement.Check.
func Statements(s Session, opt StatementOptions) ([]Statement, error) {
	switch {
	case s.View == nil:
		return nil, errors.New("records: the session has no View")
	case opt.Text == nil:
		return nil, errors.New("records: no message catalogue for the statements' names")
	}
	if opt.Gap <= 0 {
		opt.Gap = DefaultGap
	}
	actor := Actor{ObjectType: "Agent", Account: opt.Account}
	if err := actor.Check(); err != nil {
		return nil, fmt.Errorf("records: the trainee's account: %w", err)
	}
	if opt.ActivityID != "" && !isIRI(opt.ActivityID) {
		return nil, fmt.Errorf("records: activity id %q is not an IRI", opt.ActivityID)
	}
	if opt.Registration != "" {
		if _, err := uuid.Parse(opt.Registration); err != nil || len(opt.Registration) != 36 {
			return nil, fmt.Errorf("records: registration %q is not a UUID", opt.Registration)
		}
	}
	if len(s.Log.Entries) == 0 {
		return nil, nil
	}
	b := &builder{s: s, opt: opt, actor: actor, names: map[string]LanguageMap{}}
	b.setup()
	b.build()
	for i := range b.out {
		if err := b.out[i].Check(); err != nil {
			return nil, fmt.Errorf("records: statement %d (%s): %w", i+1, verbName(b.out[i].Verb.ID), err)
		}
	}
	return b.out, nil
}

func (b *builder) setup() {
	l := b.s.Log
	first := int64(0)
	for _, e := range l.Entries {
		if e.Wall > 0 {
			first = e.Wall
			break
		}
	}
	b.key = strings.Join([]string{b.actor.Account.HomePage, b.actor.Account.Name, l.Scenario, l.Hash,
		strconv.FormatUint(l.Seed, 10), strconv.FormatInt(first, 10)}, "\n")
	b.reg = b.opt.Registration
	if b.reg == "" {
		b.reg = uuid.NewSHA1(namespace(), []byte(b.key+"\nregistration")).String()
	}
	sv := b.s.View.Scenario
	b.scenario = Activity{ObjectType: "Activity", ID: ScenarioActivityID(l.Scenario, l.Hash), Definition: &ActivityDefinition{
		Name: b.text(sv.Title), Description: b.text(sv.Summary), Type: TypeSimulation}}
	b.object = b.scenario
	if b.opt.ActivityID != "" && b.opt.ActivityID != b.scenario.ID {
		b.object = Activity{ObjectType: "Activity", ID: b.opt.ActivityID}
	}
}

// text turns scenario text into a language map, in the catalogue's
// languages.
func (b *builder) text(t game.Text) LanguageMap {
	if t.Empty() {
		return nil
	}
	m := LanguageMap{}
	for _, l := range b.opt.Text.Langs() {
		if s := t.In(l); s != "" {
			m[string(l)] = s
		}
	}
	if len(m) == 0 {
		return nil
	}
	return m
}

// msg renders a catalogue message in every language.
func (b *builder) msg(id string) LanguageMap {
	if m, ok := b.names[id]; ok {
		return m
	}
	m := LanguageMap{}
	for _, l := range b.opt.Text.Langs() {
		if b.opt.Text.Has(l, id) {
			m[string(l)] = b.opt.Text.Printer(l, nil, time.Time{}).T(id)
		}
	}
	b.names[id] = m
	return m
}

// verb returns a verb with its display in every language.
func (b *builder) verb(id, name string) Verb {
	return Verb{ID: id, Display: b.msg("xapi.verb." + name)}
}

// child returns an activity under the scenario's.
func (b *builder) child(path string, def *ActivityDefinition) Activity {
	return Activity{ObjectType: "Activity", ID: b.scenario.ID + "/" + path, Definition: def}
}

// entityName is a found entity's name in every language.
func (b *builder) entityName(id string) LanguageMap {
	if m := b.text(b.s.View.Name(id)); m != nil {
		return m
	}
	return LanguageMap{string(i18n.Source): id}
}

// at is the timestamp of a wall-clock time, never before the previous one;
// "" when the time is unknown.
func (b *builder) at(wall int64) string {
	if wall <= 0 {
		return ""
	}
	t := time.Unix(wall, 0).UTC()
	if t.Before(b.last) {
		t = b.last
	}
	b.last = t
	return FormatTimestamp(t)
}

// add appends a statement with its id, actor, timestamp and context.
func (b *builder) add(key string, wall int64, verb Verb, obj Activity, res *Result, ctx *Context) {
	if ctx == nil {
		ctx = &Context{}
	}
	ctx.Registration = b.reg
	if obj.ID != b.object.ID && obj.ID != b.scenario.ID {
		if ctx.ContextActivities == nil {
			ctx.ContextActivities = &ContextActivities{}
		}
		ctx.ContextActivities.Parent = []Activity{{ObjectType: "Activity", ID: b.scenario.ID}}
	}
	if pm := b.msg("xapi.platform"); pm[string(i18n.Source)] != "" {
		ctx.Platform = pm[string(i18n.Source)]
	}
	id := uuid.NewSHA1(namespace(), []byte(b.key+"\n"+key+"\n"+verb.ID)).String()
	b.out = append(b.out, Statement{ID: id, Actor: b.actor, Verb: verb, Object: obj, Result: res, Context: ctx, Timestamp: b.at(wall)})
}

// entryContext is the context of a statement about one log entry.
func (b *builder) entryContext(i int, e game.LogEntry, target string) *Context {
	ext := map[string]any{
		ExtEntry:    i + 1,
		ExtCommand:  e.Line,
		ExtGameTime: int64(e.At),
		ExtGameDate: b.s.View.Scenario.Start.Add(time.Duration(e.At) * time.Minute).UTC().Format(time.RFC3339),
	}
	if target != "" {
		ext[ExtTarget] = target
	}
	return &Context{Extensions: ext}
}

// entryEvents splits the events by the log entry that caused them: index 0
// holds those before the first command, index i+1 those of entry i.
func entryEvents(evs []game.Event, n int) [][]game.Event {
	out := make([][]game.Event, n+1)
	k := 0
	for _, ev := range evs {
		if ev.Kind == game.EvCommand && k < n {
			k++
		}
		out[k] = append(out[k], ev)
	}
	return out
}

func (b *builder) build() {
	l := b.s.Log
	per := entryEvents(b.s.Events, len(l.Entries))
	firstWall, lastWall := int64(0), int64(0)
	for _, e := range l.Entries {
		if e.Wall > 0 {
			if firstWall == 0 {
				firstWall = e.Wall
			}
			lastWall = max(lastWall, e.Wall)
		}
	}

	init := &Context{Extensions: map[string]any{ExtSeed: strconv.FormatUint(l.Seed, 10)}}
	b.add("start", firstWall, b.verb(VerbInitialized, "initialized"), b.object, nil, init)
	brief := b.child("briefing", &ActivityDefinition{Name: b.msg("xapi.briefing"), Description: b.msg("xapi.briefing_about"), Type: TypeBriefing})
	b.add("start", firstWall, b.verb(VerbExperienced, "experienced"), brief, nil, nil)

	phase := game.PhaseCheck
	sittingStart, prevWall := firstWall, int64(0)
	for i, e := range l.Entries {
		n := strconv.Itoa(i)
		gap := prevWall > 0 && e.Wall > 0 && time.Duration(e.Wall-prevWall)*time.Second > b.opt.Gap
		if i > 0 && (gap || e.Resumed) {
			b.add(strconv.Itoa(i-1), prevWall, b.verb(VerbSuspended, "suspended"), b.object,
				&Result{Duration: FormatDuration(time.Duration(prevWall-sittingStart) * time.Second)}, nil)
			b.add(n, e.Wall, b.verb(VerbResumed, "resumed"), b.object, nil, nil)
			sittingStart = e.Wall
		}
		if e.Wall > 0 {
			prevWall = e.Wall
		}
		if e.Actor.Kind() != game.ActorTrainee {
			phase = b.phases(i, e, per[i+1], phase, false)
			continue
		}
		cmd, err := game.ParseCommand(e.Line)
		if err != nil || cmd.Verb == "" {
			continue
		}
		target := ""
		if len(cmd.Args) > 0 {
			target = cmd.Args[len(cmd.Args)-1]
		}
		evs := per[i+1]
		switch {
		case isTool(cmd.Verb):
			obj := b.child("tools/"+cmd.Verb, &ActivityDefinition{Name: b.msg("xapi.tool." + cmd.Verb), Type: TypeTool})
			var res *Result
			if rev := revealed(evs); len(rev) > 0 {
				res = &Result{Extensions: map[string]any{ExtRevealed: rev}}
			}
			b.add(n, e.Wall, b.verb(VerbInteracted, "interacted"), obj, res, b.entryContext(i, e, target))
		case legalVerbName(cmd.Verb) != "":
			vid, _ := LegalVerbID(cmd.Verb)
			var obj Activity
			if len(cmd.Args) == 0 {
				obj = b.child("case", &ActivityDefinition{Name: b.msg("xapi.case"), Type: TypeCase})
			} else {
				obj = b.child("entities/"+url.PathEscape(cmd.Args[0]), &ActivityDefinition{Name: b.entityName(cmd.Args[0]), Type: TypeEntity})
			}
			if len(cmd.Args) < 2 {
				target = ""
			}
			b.add(n, e.Wall, b.verb(vid, cmd.Verb), obj, stepResult(cmd.Verb, evs), b.entryContext(i, e, target))
			if isKeyDecision(cmd.Verb) {
				b.answered(i, e, cmd.Verb)
			}
		}
		phase = b.phases(i, e, evs, phase, true)
	}

	d := b.s.View.Debrief
	if d == nil || d.Ending == nil {
		if b.opt.Suspend && len(l.Entries) > 0 {
			last := len(l.Entries) - 1
			if !b.hasKey(strconv.Itoa(last), VerbSuspended) {
				b.add(strconv.Itoa(last), lastWall, b.verb(VerbSuspended, "suspended"), b.object,
					&Result{Duration: FormatDuration(time.Duration(lastWall-sittingStart) * time.Second)}, nil)
			}
		}
		return
	}
	dur := FormatDuration(time.Duration(lastWall-firstWall) * time.Second)
	ending := map[string]any{ExtEnding: d.Ending.ID}
	if d.Ending.Outcome != game.OutcomeStopped {
		b.add("end", lastWall, b.verb(VerbCompleted, "completed"), b.object,
			&Result{Completion: Bool(true), Duration: dur, Extensions: ending}, nil)
		scaled := float64(d.Score) / 100
		pass := d.Ending.Result == "win"
		if m := b.opt.MasteryScore; m != nil {
			pass = scaled >= *m
		}
		v, name := VerbFailed, "failed"
		if pass {
			v, name = VerbPassed, "passed"
		}
		b.add("end", lastWall, b.verb(v, name), b.object, &Result{
			Score:   &Score{Scaled: Float(scaled), Raw: Float(float64(d.Score)), Min: Float(0), Max: Float(100)},
			Success: Bool(pass), Duration: dur, Extensions: ending}, nil)
	}
	b.add("end", lastWall, b.verb(VerbTerminated, "terminated"), b.object, &Result{Duration: dur}, nil)
}

// hasKey reports whether a statement with the key and verb was made.
func (b *builder) hasKey(key, verb string) bool {
	id := uuid.NewSHA1(namespace(), []byte(b.key+"\n"+key+"\n"+verb)).String()
	for _, s := range b.out {
		if s.ID == id {
			return true
		}
	}
	return false
}

// answered records a key decision with the trainee's reason. It says
// nothing of whether the decision was right: that is known only at the
// debrief, and a statement made before it must not change after it.
func (b *builder) answered(i int, e game.LogEntry, verb string) {
	obj := b.child("decisions/"+verb, &ActivityDefinition{Name: b.msg("xapi.decision." + verb), Type: TypeInteraction, InteractionType: "long-fill-in"})
	var res *Result
	if e.Why != "" {
		res = &Result{Response: e.Why}
	}
	b.add(strconv.Itoa(i), e.Wall, b.verb(VerbAnswered, "answered"), obj, res, b.entryContext(i, e, ""))
}

// phases records progressed for each change of phase the entry's events
// show, and returns the phase after them. record is false for entries that
// are not the trainee's: the phase is followed, nothing is recorded.
func (b *builder) phases(i int, e game.LogEntry, evs []game.Event, phase game.Phase, record bool) game.Phase {
	for _, ev := range evs {
		next := phase
		switch ev.Kind {
		case game.EvHandoffSent:
			next = game.PhaseHandoff
		case game.EvHandoffReturned:
			next = game.PhaseCheck
		case game.EvCaseOpened:
			next = game.PhaseCase
		case game.EvIndicted:
			next = game.PhaseCourt
		}
		if next == phase {
			continue
		}
		phase = next
		if !record {
			continue
		}
		obj := b.child("phases/"+string(phase), &ActivityDefinition{Name: b.msg("xapi.phase." + string(phase)), Type: TypePhase})
		res := &Result{Extensions: map[string]any{ExtProgress: phaseProgress(phase)}}
		b.add(strconv.Itoa(i)+"/"+strconv.Itoa(ev.Seq), e.Wall, b.verb(VerbProgressed, "progressed"), obj, res, b.entryContext(i, e, ""))
	}
	return phase
}

// phaseProgress is how far a phase is along the case, 0 to 100.
func phaseProgress(p game.Phase) int {
	switch p {
	case game.PhaseHandoff:
		return 25
	case game.PhaseCase:
		return 50
	case game.PhaseCourt:
		return 75
	}
	return 0
}

// stepResult says what a legal step led to at once: the request it sent,
// or the rules' refusal.
func stepResult(verb string, evs []game.Event) *Result {
	for _, ev := range evs {
		switch {
		case ev.Kind == game.EvRejected && ev.Subject == verb:
			return &Result{Success: Bool(false), Extensions: map[string]any{ExtRefused: ev.Data["reason"]}}
		case ev.Kind == game.EvRequestSent:
			return &Result{Extensions: map[string]any{ExtRequest: ev.Subject}}
		}
	}
	return nil
}

// revealed lists the entities an entry's events revealed.
func revealed(evs []game.Event) []string {
	var out []string
	for _, ev := range evs {
		if ev.Kind == game.EvRevealed {
			out = append(out, ev.Subject)
		}
	}
	return out
}

func isTool(verb string) bool { return slices.Contains(Tools(), verb) }

func isKeyDecision(verb string) bool { return slices.Contains(KeyDecisions(), verb) }

// Freeze turns statements into the bytes an outbox stores and an LRS
// receives: compact JSON, keys in a fixed order, no HTML escaping. The same
// statements always give the same bytes.
func Freeze(sts []Statement) ([]Item, error) {
	items := make([]Item, 0, len(sts))
	for _, st := range sts {
		b, err := marshal(st)
		if err != nil {
			return nil, err
		}
		items = append(items, Item{ID: st.ID, Statement: b})
	}
	return items, nil
}

// batchAdder is an Adder that stores several statements with one write, as
// *Outbox does.
type batchAdder interface {
	AddBatch(items []Item) error
}

// Push freezes a session's statements and adds them to an outbox (or any
// Adder), in order. It is idempotent: statements the outbox already has are
// skipped, because the same session gives the same ids and the same bytes;
// pushing a longer log of the same session adds only what is new.
func Push(out Adder, sts []Statement) error {
	items, err := Freeze(sts)
	if err != nil {
		return err
	}
	if ba, ok := out.(batchAdder); ok {
		return ba.AddBatch(items)
	}
	for _, it := range items {
		if err := out.Add(it.ID, it.Statement); err != nil {
			return err
		}
	}
	return nil
}

// MarshalStatements writes statements as a JSON array, one frozen
// statement per line, as `takedown xapi` prints them.
func MarshalStatements(sts []Statement) ([]byte, error) {
	items, err := Freeze(sts)
	if err != nil {
		return nil, err
	}
	var b []byte
	b = append(b, '[')
	for i, it := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n  "...)
		b = append(b, it.Statement...)
	}
	if len(items) > 0 {
		b = append(b, '\n')
	}
	b = append(b, "]\n"...)
	if !json.Valid(b) {
		return nil, errors.New("records: the statements do not make a JSON array")
	}
	return b, nil
}

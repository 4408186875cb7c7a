package game

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// APIVersion is the scenario API version this build of the rules implements.
// A scenario declares the version it was written for; older ones still run.
const APIVersion = 1

// Scenario is the static definition of one case: its world, its law, its
// adversary and how it ends. The scripting package builds it from Lua; the
// rules never change it while a session runs.
type Scenario struct {
	APIVersion int
	ID         string
	Title      Text
	Summary    Text
	Briefing   Text    // the complaint and the situation, shown before play
	Duration   Minutes // expected playing time (wall-clock minutes)
	Langs      []Lang
	Start      time.Time
	Deadline   Minutes // the case must reach a verdict by then
	Home       string  // the trainee's jurisdiction
	Unit       string  // the unit the trainee plays
	Officer    Text    // the collecting officer named in evidence

	Jurisdictions map[string]*Jurisdiction
	Entities      []*Entity
	Records       []*Record
	Titles        []*Title
	Objectives    []*Objective
	Lessons       []*Lesson
	Endings       []*Ending
	Messages      []*TimedMessage
	Decisions     []*Decision
	Injects       []*Inject
	Instruments   []*Instrument
	Adversary     Adversary
	Case          CaseRules

	// Where maps an id to the place it was declared ("file:line"), so
	// that problems found after loading can point at the source. Endings
	// and objectives are keyed "ending:ID" and "objective:ID".
	Where map[string]string
	// Hash is the SHA-256 of the scenario's sources, set by the loader.
	Hash string

	index map[string]*Entity
	recs  map[string]*Record
	ttls  map[string]*Title
}

// Jurisdiction is a country's law as the rules use it: treaties, channels,
// delays, retention and thresholds. Rule packs define these as data.
type Jurisdiction struct {
	ID            string
	Name          Text
	Currency      string
	Budapest      bool // party to the Budapest Convention on Cybercrime
	Network247    bool // keeps a 24/7 Network contact point
	MLATWith      []string
	Threshold     int64 // damages that make an IPR case serious, in Currency (the top tier when Damages is set)
	Retention     Minutes
	Delays        map[string][2]Minutes // per instrument: order, request, preserve, mlat, takedown, warrant, statement, handoff, court, central, recheck, additional
	Preserve      Minutes               // how long a preservation holds data
	Renewals      int                   // how many times a preservation may be renewed (-1: any number)
	HoldsForMLAT  bool                  // data frozen here stays frozen once an MLAT request for it has arrived (Budapest art. 29(7))
	WarrantLife   Minutes               // how long a warrant stays valid
	Powers        map[string][]string   // unit role -> powers (see Powers)
	MLATNeedsCase bool                  // an MLAT request needs an opened criminal case
	Night         [2]int                // hours [from, to) when investigative actions are unlawful without urgency; {0,0}: none
	Damages       []DamagesLaw          // damages tiers by date of the offence
}

// DamagesLaw is the damages tiers in force between two dates: each tier's
// lowest amount, ascending. Below the first tier the act is no crime; the
// last tier is the serious one.
type DamagesLaw struct {
	From  time.Time // zero: since always
	To    time.Time // zero: still in force
	Tiers []Tier
}

// Tier is one level of damages in law, e.g. "large" from 50,000 roubles.
type Tier struct {
	ID  string `json:"id"`
	Min int64  `json:"min"`
	Msg Msg    `json:"msg"` // its name in law ("tier.ID" in the catalogues)
}

// TiersAt returns the damages tiers in force at a date, ascending; a
// jurisdiction with no tiers by date has one tier, its Threshold.
func (j *Jurisdiction) TiersAt(t time.Time) []Tier {
	for _, law := range j.Damages {
		if (law.From.IsZero() || !t.Before(law.From)) && (law.To.IsZero() || t.Before(law.To)) {
			return law.Tiers
		}
	}
	if j.Threshold > 0 {
		return []Tier{{ID: "serious", Min: j.Threshold}}
	}
	return nil
}

// IsNight reports whether an hour of the day is in the jurisdiction's
// night, when investigative actions need an urgency.
func (j *Jurisdiction) IsNight(hour int) bool {
	from, to := j.Night[0], j.Night[1]
	switch {
	case from == to:
		return false
	case from < to:
		return hour >= from && hour < to
	}
	return hour >= from || hour < to
}

// Delay returns the delay range of an instrument, or a default.
func (j *Jurisdiction) Delay(instr string) [2]Minutes {
	if d, ok := j.Delays[instr]; ok {
		return d
	}
	return defaultDelay(instr)
}

// defaultDelay is the delay of an instrument when a rule pack names none.
func defaultDelay(instr string) [2]Minutes {
	switch instr {
	case "order":
		return [2]Minutes{5 * Day, 10 * Day}
	case "request":
		return [2]Minutes{1 * Day, 3 * Day}
	case "preserve":
		return [2]Minutes{4 * Hour, 24 * Hour}
	case "mlat":
		return [2]Minutes{60 * Day, 120 * Day}
	case "handoff":
		return [2]Minutes{10 * Day, 20 * Day}
	case "court":
		return [2]Minutes{30 * Day, 60 * Day}
	case "statement":
		return [2]Minutes{3 * Day, 7 * Day}
	}
	return [2]Minutes{1 * Day, 3 * Day}
}

// Can reports whether a unit role has a power in this jurisdiction.
func (j *Jurisdiction) Can(role, power string) bool {
	for _, p := range j.Powers[role] {
		if p == power {
			return true
		}
	}
	return false
}

// Entity kinds the tools and instruments understand.
const (
	KindDomain  = "domain"
	KindIP      = "ip"
	KindASN     = "asn"
	KindOrg     = "org"
	KindUnit    = "unit"
	KindPerson  = "person"
	KindAlias   = "alias"
	KindGroup   = "group"
	KindAccount = "account"
	KindMailbox = "mailbox"
	KindPhone   = "phone"
	KindServer  = "server"
)

// EntityKinds lists every entity kind in a stable order.
func EntityKinds() []string {
	return []string{KindDomain, KindIP, KindASN, KindOrg, KindUnit, KindPerson, KindAlias,
		KindGroup, KindAccount, KindMailbox, KindPhone, KindServer}
}

// Entity is anything in the world the trainee can find or name: an
// organisation, a unit, a person, an alias or an internet asset.
type Entity struct {
	ID           string
	Kind         string
	Name         Text
	Role         string // organisations: registrar, host, isp, payment, bank, association, rights_holder, webmail, mobile, police; units: cybercrime, investigative, prosecutor, customs
	Jurisdiction string
	Known        bool              // known from the start
	Links        map[string]string // relation -> entity id (registrar, registrant, ip, asn, host, holder, processor, bank, person, payment)
	Attrs        map[string]string // free facts: redacted, created, address, nameservers, ...
	Reveals      map[string][]string
	Notes        map[string]Text       // tool -> extra output
	Copies       map[string]int        // for a site: title id -> downloads shown on the page
	Delays       map[string][2]Minutes // per instrument: how this holder answers, overriding its jurisdiction
	Lead         Text                  // shown in the debrief if never found
	// Does is, for a unit that sends a package, what it does when the
	// package comes back asking for an element: console commands, by
	// element.
	Does map[string][]string
}

// Link returns the id linked under a relation, or "".
func (e *Entity) Link(rel string) string { return e.Links[rel] }

// Attr returns a free fact, or "".
func (e *Entity) Attr(k string) string { return e.Attrs[k] }

// Record is data an organisation (or a suspect's computer) holds about an
// entity; legal instruments obtain it.
type Record struct {
	ID        string
	Holder    string // organisation, or person for what a raid seizes
	About     string // the entity a request must name
	Kind      string // subscriber, logs, registrant, transactions, live, seized, ...
	Title     Text
	Content   Text
	Reveals   []string
	Proves    []string
	Copies    map[string]int
	Retention Minutes // 0: the holder's jurisdiction's retention; -1: kept forever
	Lead      Text
	// Filed is set for what the sending unit gathered before its package
	// reached the trainee's unit: in the file when the package arrives.
	Filed bool
}

// Title is a work offered on the pirate site.
type Title struct {
	ID           string
	Name         Text
	Kind         string // film, music, software, ...
	Price        int64  // retail value of one copy
	Prerelease   bool
	Estimate     int64 // the rights holder's estimated loss for a pre-release
	RightsHolder string
}

// Objective is a learning objective; Points are added to the score when met.
type Objective struct {
	ID     string
	Text   Text
	Points int
}

// Outcomes the rules reach by themselves; endings are chosen by outcome.
const (
	OutcomeConvicted = "convicted"
	OutcomeAcquitted = "acquitted"
	OutcomeRefused   = "refused"  // no criminal case: the damages are below the threshold
	OutcomeDeadline  = "deadline" // no verdict by the deadline
	OutcomeStopped   = "stopped"  // the instructor ended the session; a scenario need not declare it
	// OutcomePartial is a conviction that falls short: on a lesser charge
	// (the middle tier, an element of the serious charge not proven), with
	// a lesson skipped, or with the site still up. A scenario need not
	// declare it.
	OutcomePartial = "convicted_partial"
)

// Outcomes lists the outcomes the rules reach by themselves.
func Outcomes() []string {
	return []string{OutcomeConvicted, OutcomePartial, OutcomeAcquitted, OutcomeRefused, OutcomeDeadline, OutcomeStopped}
}

// Ending is one way the case can end.
type Ending struct {
	ID      string `json:"id"`
	Outcome string `json:"outcome,omitempty"` // the rules' outcome that leads here, or "" if only a script ends here
	Result  string `json:"result"`            // win, partial or loss
	Title   Text   `json:"title"`
	Text    Text   `json:"text"`
	Score   int    `json:"score"` // base score before objectives and penalties
}

// stoppedEnding is where the case ends when the instructor ends the session
// and the scenario declares no ending for it: its title and text are the
// rules' own messages (see EndingMsgs).
func stoppedEnding() *Ending {
	return &Ending{ID: OutcomeStopped, Outcome: OutcomeStopped, Result: "partial"}
}

// partialEnding is where a conviction that falls short ends when the
// scenario declares no ending for it.
func partialEnding() *Ending {
	return &Ending{ID: OutcomePartial, Outcome: OutcomePartial, Result: "partial", Score: 30}
}

// EndingMsgs returns the messages of an ending the rules made themselves,
// and false for a scenario's ending (whose Title and Text are scenario
// text).
func EndingMsgs(e *Ending) (title, text Msg, ok bool) {
	if e == nil || !e.Title.Empty() {
		return Msg{}, Msg{}, false
	}
	switch e.Outcome {
	case OutcomeStopped, OutcomePartial:
		return M("ending." + e.Outcome + "_title"), M("ending." + e.Outcome + "_text"), true
	}
	return Msg{}, Msg{}, false
}

// TitleMsg is the ending's headline as a message, for the rules' own
// endings and the scenario's alike.
func (e *Ending) TitleMsg() Msg {
	if t, _, ok := EndingMsgs(e); ok {
		return t
	}
	if e == nil {
		return Msg{}
	}
	return TextMsg(e.Title)
}

// BodyMsg is the ending's text as a message (see TitleMsg).
func (e *Ending) BodyMsg() Msg {
	if _, t, ok := EndingMsgs(e); ok {
		return t
	}
	if e == nil {
		return Msg{}
	}
	return TextMsg(e.Text)
}

// Inject is an event the instructor can fire during play: the scenario
// declares it with what it does (its handler returns effects, as any
// handler's calls do).
type Inject struct {
	ID    string `json:"id"`
	Label Text   `json:"label"`
}

// TimedMessage arrives in the inbox at a fixed point.
type TimedMessage struct {
	At      Minutes
	From    string
	Subject Text
	Body    Text
}

// Decision names a key decision for the debrief: what happened, and what
// would have happened had it gone the other way.
type Decision struct {
	Flag     string
	Label    Text
	Taken    Text // shown when the flag was set
	NotTaken Text // shown when it was not
}

// Adversary is how the operators react.
type Adversary struct {
	Site      string     // the pirate site's domain
	HopTo     string     // the domain it reappears under after a tip-off (a takedown before arrest, a leak)
	HopDelay  [2]Minutes // how soon it reappears
	Online    [2]int     // hours [from, to) when their computers are on; to < from wraps midnight
	WipeDelay [2]Minutes // how soon after a tip-off they wipe their computers and servers
	Operators []string
	Flee      []string   // who leaves the country after a tip-off, unless detained first
	FleeDelay [2]Minutes // how soon they leave
	// Mirrors are the domains the operators open, one after another, each
	// time the site or a mirror is blocked; MirrorDelay is how soon.
	Mirrors     []string
	MirrorDelay [2]Minutes
}

// CaseRules is what the units downstream need.
type CaseRules struct {
	Handoff []string // elements the investigative department needs before it opens a case
	Court   []string // elements the court needs for any conviction
	Serious []string // elements the court also needs for the serious charge (the case the rights holders want)
	Returns int      // how many returns before the department gives up (0: no limit)
	// Receive is set when the trainee plays the unit that receives the
	// package and decides on the case.
	Receive Receive
}

// Lesson is what a scenario exists to teach, as conditions the rules can
// check (see CheckLesson): the result "win" needs every lesson.
type Lesson struct {
	ID    string   `json:"id"`
	Text  Text     `json:"text"`
	Needs []string `json:"needs"`
	// Missed says what the trainee did wrong when a condition on one of the
	// scenario's own flags fails; the rules' conditions explain themselves.
	Missed Text `json:"missed,omitempty"`
}

// Elements that evidence proves. Scenarios may add their own.
const (
	ElemDistribution = "distribution"
	ElemIdentity     = "identity"
	ElemLink         = "link"
	ElemIncome       = "income"
	ElemDamages      = "damages"  // computed: damages at or above the first tier (a crime at all)
	ElemRelease      = "release"  // the suspects' own release work: what seized, running computers show
	ElemGroup        = "group"    // a group acting by prior agreement: the qualifier of the serious charge
	ElemTopTier      = "top-tier" // computed: the damages reach the top tier (what the rights holders claim)
)

// Entity returns the entity with the id, or nil.
func (sc *Scenario) Entity(id string) *Entity {
	sc.buildIndex()
	return sc.index[id]
}

// Record returns the record with the id, or nil.
func (sc *Scenario) Record(id string) *Record {
	sc.buildIndex()
	return sc.recs[id]
}

// Title returns the title with the id, or nil.
func (sc *Scenario) TitleByID(id string) *Title {
	sc.buildIndex()
	return sc.ttls[id]
}

// DocLang is the language documents of the case are recorded in (the
// scenario's first language): evidence hashes are taken over that form.
func (sc *Scenario) DocLang() Lang {
	if len(sc.Langs) > 0 {
		return sc.Langs[0]
	}
	return EN
}

// HomeLaw returns the trainee's jurisdiction.
func (sc *Scenario) HomeLaw() *Jurisdiction { return sc.Jurisdictions[sc.Home] }

// EndingFor returns the ending chosen for a rules outcome, or nil.
func (sc *Scenario) EndingFor(outcome string) *Ending {
	for _, e := range sc.Endings {
		if e.Outcome == outcome {
			return e
		}
	}
	switch outcome {
	case OutcomeStopped:
		return stoppedEnding()
	case OutcomePartial:
		return partialEnding()
	}
	return nil
}

// InjectByID returns the inject with the id, or nil.
func (sc *Scenario) InjectByID(id string) *Inject {
	for _, in := range sc.Injects {
		if in.ID == id {
			return in
		}
	}
	return nil
}

// EndingByID returns the ending with the id, or nil.
func (sc *Scenario) EndingByID(id string) *Ending {
	for _, e := range sc.Endings {
		if e.ID == id {
			return e
		}
	}
	return nil
}

func (sc *Scenario) buildIndex() {
	if sc.index != nil {
		return
	}
	sc.index = make(map[string]*Entity, len(sc.Entities)+len(sc.Jurisdictions))
	for _, e := range sc.Entities {
		sc.index[e.ID] = e
	}
	sc.recs = make(map[string]*Record, len(sc.Records))
	for _, r := range sc.Records {
		sc.recs[r.ID] = r
	}
	sc.ttls = make(map[string]*Title, len(sc.Titles))
	for _, t := range sc.Titles {
		sc.ttls[t.ID] = t
	}
}

// Problem is something wrong with a scenario, tied to the id it concerns.
type Problem struct {
	ID  string // the id whose declaration is at fault, or "" for the scenario
	Msg string
}

// Validate checks references and completeness and returns every problem
// found, in a stable order.
func (sc *Scenario) Validate() []Problem {
	sc.index = nil
	var ps []Problem
	add := func(id, format string, args ...any) {
		ps = append(ps, Problem{ID: id, Msg: fmt.Sprintf(format, args...)})
	}
	seen := map[string]string{}
	claim := func(id, what string) {
		if id == "" {
			add("", "%s without an id", what)
			return
		}
		if prev, ok := seen[id]; ok {
			add("dup:"+id, "id %q is used twice (%s and %s)", id, prev, what)
			return
		}
		seen[id] = what
	}
	if sc.ID == "" {
		add("", "scenario has no id: call scenario{ id = \"...\" }")
	}
	if sc.Title.Empty() {
		add("", "scenario has no title")
	}
	if len(sc.Langs) == 0 {
		add("", "scenario declares no language: langs = { \"en\", ... }")
	}
	sc.checkText("", "scenario title", sc.Title, true, add)
	sc.checkText("", "scenario summary", sc.Summary, false, add)
	sc.checkText("", "scenario briefing", sc.Briefing, true, add)
	sc.checkText("", "scenario officer", sc.Officer, false, add)
	if sc.Start.IsZero() {
		add("", "scenario has no start date")
	}
	if sc.Deadline <= 0 {
		add("", "scenario has no deadline")
	}
	if sc.Jurisdictions[sc.Home] == nil {
		add("", "home jurisdiction %q is not defined: load its rule pack with use_rules", sc.Home)
	}
	jur := func(owner, j string) {
		if j != "" && sc.Jurisdictions[j] == nil {
			add(owner, "unknown jurisdiction %q (load its rule pack with use_rules)", j)
		}
	}
	for _, e := range sc.Entities {
		claim(e.ID, e.Kind+" "+e.ID)
	}
	for _, r := range sc.Records {
		claim(r.ID, "record "+r.ID)
	}
	for _, t := range sc.Titles {
		claim(t.ID, "title "+t.ID)
	}
	sc.buildIndex()
	ref := func(owner, what, id string) {
		if id != "" && sc.index[id] == nil {
			add(owner, "%s %q is not defined", what, id)
		}
	}
	kindOK := map[string]bool{}
	for _, k := range EntityKinds() {
		kindOK[k] = true
	}
	for _, e := range sc.Entities {
		if !kindOK[e.Kind] {
			add(e.ID, "unknown entity kind %q", e.Kind)
		}
		jur(e.ID, e.Jurisdiction)
		if (e.Kind == KindOrg || e.Kind == KindUnit) && e.Jurisdiction == "" {
			add(e.ID, "%s %q needs a jurisdiction", e.Kind, e.ID)
		}
		for _, rel := range slices.Sorted(maps.Keys(e.Links)) {
			ref(e.ID, "link "+rel+" of "+e.ID+": entity", e.Links[rel])
		}
		for _, tool := range slices.Sorted(maps.Keys(e.Reveals)) {
			if !isTool(tool) {
				add(e.ID, "reveals: %q is not a tool (%v)", tool, ToolNames())
			}
			for _, id := range e.Reveals[tool] {
				ref(e.ID, "reveals of "+e.ID+": entity", id)
			}
		}
		for _, t := range slices.Sorted(maps.Keys(e.Copies)) {
			if sc.ttls[t] == nil {
				add(e.ID, "copies: title %q is not defined", t)
			}
		}
		sc.checkText(e.ID, fmt.Sprintf("%s %q: name", e.Kind, e.ID), e.Name, true, add)
		sc.checkText(e.ID, fmt.Sprintf("%s %q: lead", e.Kind, e.ID), e.Lead, false, add)
		for _, tool := range slices.Sorted(maps.Keys(e.Notes)) {
			sc.checkText(e.ID, fmt.Sprintf("%s %q: notes.%s", e.Kind, e.ID, tool), e.Notes[tool], false, add)
		}
	}
	if u := sc.Entity(sc.Unit); u == nil || u.Kind != KindUnit {
		add("", "the trainee's unit %q is not a defined unit", sc.Unit)
	}
	for _, r := range sc.Records {
		if sc.index[r.Holder] == nil {
			add(r.ID, "record %q: holder %q is not defined", r.ID, r.Holder)
		}
		if sc.index[r.About] == nil {
			add(r.ID, "record %q: about %q is not defined", r.ID, r.About)
		}
		for _, id := range r.Reveals {
			ref(r.ID, "record "+r.ID+" reveals entity", id)
		}
		for _, t := range slices.Sorted(maps.Keys(r.Copies)) {
			if sc.ttls[t] == nil {
				add(r.ID, "record %q: copies of title %q, which is not defined", r.ID, t)
			}
		}
		sc.checkText(r.ID, fmt.Sprintf("record %q: title", r.ID), r.Title, true, add)
		sc.checkText(r.ID, fmt.Sprintf("record %q: content", r.ID), r.Content, false, add)
		sc.checkText(r.ID, fmt.Sprintf("record %q: lead", r.ID), r.Lead, false, add)
	}
	for _, t := range sc.Titles {
		if t.Price <= 0 && !t.Prerelease {
			add(t.ID, "title %q has no price", t.ID)
		}
		if t.Prerelease && t.Estimate <= 0 {
			add(t.ID, "pre-release title %q has no estimate", t.ID)
		}
		if t.Prerelease && t.RightsHolder == "" {
			add(t.ID, "pre-release title %q names no rights holder to supply the estimate", t.ID)
		}
		ref(t.ID, "rights holder", t.RightsHolder)
		sc.checkText(t.ID, fmt.Sprintf("title %q: name", t.ID), t.Name, true, add)
	}
	a := sc.Adversary
	ref("", "adversary site", a.Site)
	ref("", "adversary hop_to", a.HopTo)
	for _, p := range a.Operators {
		ref("", "adversary operator", p)
	}
	for _, m := range a.Mirrors {
		ref("", "adversary mirror", m)
		if e := sc.Entity(m); e != nil && e.Kind != KindDomain {
			add("", "adversary mirror %q is a %s, not a domain", m, e.Kind)
		}
	}
	if len(a.Mirrors) > 0 && a.MirrorDelay[1] <= 0 {
		add("", "adversary mirrors need a mirror_delay, e.g. { \"3d\", \"7d\" }")
	}
	if r := sc.Case.Receive; r.From != "" {
		if u := sc.Entity(r.From); u == nil || u.Kind != KindUnit {
			add("case", "set_case: receive.from %q is not a unit", r.From)
		}
		if u := sc.Entity(sc.Unit); u != nil && sc.HomeLaw() != nil && !sc.HomeLaw().Can(u.Role, PowerOpenCase) {
			add("case", "set_case: receive needs the trainee's unit %q to have the power to open a case (its role %q has not)", sc.Unit, u.Role)
		}
	}
	for _, e := range sc.Entities {
		for _, el := range slices.Sorted(maps.Keys(e.Does)) {
			for _, l := range e.Does[el] {
				if c, err := ParseCommand(l); err != nil || c.Verb == "" {
					add(e.ID, "entity %q: does.%s: %q is not a console command", e.ID, el, l)
				}
			}
		}
	}
	for _, r := range sc.Records {
		if r.Filed && sc.Case.Receive.From == "" {
			add(r.ID, "record %q is filed, but no package is received (set_case receive)", r.ID)
		}
	}
	instrIDs := map[string]bool{}
	for _, in := range sc.Instruments {
		key := "instrument:" + in.ID
		if in.ID == "" || instrIDs[in.ID] {
			add(key, "instrument %q: every instrument needs an id of its own", in.ID)
		}
		instrIDs[in.ID] = true
		if _, ok := LookupVerb(in.ID); ok {
			add(key, "instrument %q: the id is a command's name; choose another", in.ID)
		}
		if sc.Jurisdictions[in.Jurisdiction] == nil {
			add(key, "instrument %q: unknown jurisdiction %q", in.ID, in.Jurisdiction)
		}
		if !slices.Contains(EntityKinds(), in.Target) {
			add(key, "instrument %q: target must be a kind of entity (%v), not %q", in.ID, EntityKinds(), in.Target)
		}
		if !slices.Contains(InstrumentEffects(), in.Effect) {
			add(key, "instrument %q: effect must be \"block\" or none, not %q", in.ID, in.Effect)
		}
		if in.Delay[1] <= 0 {
			add(key, "instrument %q: delay is missing, e.g. { \"2d\", \"5d\" }", in.ID)
		}
		for _, n := range in.Needs {
			f := strings.Fields(n)
			switch {
			case len(f) == 1 && (f[0] == "captured" || f[0] == "case-open" || f[0] == "mirror"):
			case len(f) == 2 && f[0] == "granted":
			default:
				add(key, "instrument %q: unknown need %q (captured, granted ID, case-open, mirror)", in.ID, n)
			}
		}
		sc.checkText(key, fmt.Sprintf("instrument %q: name", in.ID), in.Name, true, add)
	}
	for _, in := range sc.Instruments {
		for _, n := range in.Needs {
			if f := strings.Fields(n); len(f) == 2 && f[0] == "granted" && !instrIDs[f[1]] {
				add("instrument:"+in.ID, "instrument %q needs %q, which is not declared", in.ID, f[1])
			}
		}
	}
	endingIDs := map[string]bool{}
	for _, e := range sc.Endings {
		if endingIDs[e.ID] {
			add("ending:"+e.ID, "ending %q is declared twice", e.ID)
		}
		endingIDs[e.ID] = true
		switch e.Result {
		case "win", "partial", "loss":
		default:
			add("ending:"+e.ID, "ending %q: result must be win, partial or loss, not %q", e.ID, e.Result)
		}
		if e.Outcome != "" && !isOutcome(e.Outcome) {
			add("ending:"+e.ID, "ending %q: unknown outcome %q (%v)", e.ID, e.Outcome, Outcomes())
		}
		sc.checkText("ending:"+e.ID, fmt.Sprintf("ending %q: title", e.ID), e.Title, true, add)
		sc.checkText("ending:"+e.ID, fmt.Sprintf("ending %q: text", e.ID), e.Text, true, add)
	}
	for _, o := range Outcomes() {
		if sc.EndingFor(o) == nil {
			add("", "no ending for the outcome %q: add_ending{ outcome = %q, ... }", o, o)
		}
	}
	for _, o := range sc.Objectives {
		sc.checkText("objective:"+o.ID, fmt.Sprintf("objective %q: text", o.ID), o.Text, true, add)
	}
	for i, m := range sc.Messages {
		key := fmt.Sprintf("message:%d", i)
		ref(key, "message sender", m.From)
		sc.checkText(key, "message subject", m.Subject, true, add)
		sc.checkText(key, "message body", m.Body, false, add)
	}
	lessons := map[string]bool{}
	for _, l := range sc.Lessons {
		key := "lesson:" + l.ID
		if l.ID == "" || lessons[l.ID] {
			add(key, "lesson %q: every lesson needs an id of its own", l.ID)
		}
		lessons[l.ID] = true
		sc.checkText(key, fmt.Sprintf("lesson %q: text", l.ID), l.Text, true, add)
		if len(l.Needs) == 0 {
			add(key, "lesson %q: needs lists no condition (e.g. needs = { \"obtained rec-logs\" })", l.ID)
		}
		ownFlag := ""
		for _, n := range l.Needs {
			if err := sc.checkCondition(n); err != "" {
				add(key, "lesson %q: %s", l.ID, err)
			}
			if f := strings.Fields(strings.TrimPrefix(n, "not ")); len(f) == 2 && f[0] == "flag" && !IsRuleFlag(f[1]) && ownFlag == "" {
				ownFlag = f[1]
			}
		}
		if ownFlag != "" && l.Missed.Empty() {
			add(key, "lesson %q: needs the scenario's own flag %q: give missed = { en = ..., ru = ... } saying what the trainee did wrong, for the debrief", l.ID, ownFlag)
		}
		if !l.Missed.Empty() {
			sc.checkText(key, fmt.Sprintf("lesson %q: missed", l.ID), l.Missed, false, add)
		}
	}
	injects := map[string]bool{}
	for _, in := range sc.Injects {
		if in.ID == "" || injects[in.ID] {
			add("inject:"+in.ID, "inject %q: every inject needs an id of its own", in.ID)
		}
		injects[in.ID] = true
		sc.checkText("inject:"+in.ID, fmt.Sprintf("inject %q: label", in.ID), in.Label, true, add)
	}
	for i, d := range sc.Decisions {
		key := fmt.Sprintf("decision:%d", i)
		sc.checkText(key, fmt.Sprintf("decision %q: label", d.Flag), d.Label, true, add)
		sc.checkText(key, fmt.Sprintf("decision %q: taken", d.Flag), d.Taken, true, add)
		sc.checkText(key, fmt.Sprintf("decision %q: not_taken", d.Flag), d.NotTaken, true, add)
	}
	for _, id := range slices.Sorted(maps.Keys(sc.Jurisdictions)) {
		sc.checkText("jurisdiction:"+id, fmt.Sprintf("jurisdiction %q: name", id), sc.Jurisdictions[id].Name, true, add)
	}
	return ps
}

// checkText reports a text field that lacks one of the scenario's declared
// languages; an empty optional field is fine. A text given as one plain
// string counts for every language.
func (sc *Scenario) checkText(id, what string, t Text, required bool, add func(id, format string, args ...any)) {
	if t.Empty() {
		if required {
			add(id, "%s is missing", what)
		}
		return
	}
	for _, l := range sc.Langs {
		if !t.Has(l) {
			add(id, "%s has no %s text (the scenario declares langs %v)", what, l, sc.Langs)
		}
	}
}

func isOutcome(s string) bool {
	for _, o := range Outcomes() {
		if o == s {
			return true
		}
	}
	return false
}

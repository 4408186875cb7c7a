package game

import (
	"fmt"
	"maps"
	"slices"
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
	Briefing   Text // the complaint and the situation, shown before play
	Duration   string
	Langs      []Lang
	Start      time.Time
	Deadline   Minutes // the case must reach a verdict by then
	Home       string  // the trainee's jurisdiction
	Unit       string  // the unit the trainee plays
	Officer    string  // the collecting officer named in evidence

	Jurisdictions map[string]*Jurisdiction
	Entities      []*Entity
	Records       []*Record
	Titles        []*Title
	Objectives    []*Objective
	Endings       []*Ending
	Messages      []*TimedMessage
	Decisions     []*Decision
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
	Threshold     int64 // damages that make an IPR case serious, in Currency
	Retention     Minutes
	Delays        map[string][2]Minutes // per instrument: order, request, preserve, mlat, takedown, warrant, statement, handoff, court
	Preserve      Minutes               // how long a preservation holds data
	WarrantLife   Minutes               // how long a warrant stays valid
	Powers        map[string][]string   // unit role -> powers: investigate, open_case, prosecute
	MLATNeedsCase bool                  // an MLAT request needs an opened criminal case
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
)

// Outcomes lists the outcomes the rules reach by themselves.
func Outcomes() []string {
	return []string{OutcomeConvicted, OutcomeAcquitted, OutcomeRefused, OutcomeDeadline}
}

// Ending is one way the case can end.
type Ending struct {
	ID      string
	Outcome string // the rules' outcome that leads here, or "" if only a script ends here
	Result  string // win, partial or loss
	Title   Text
	Text    Text
	Score   int // base score before objectives and penalties
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
	HopTo     string     // the domain it reappears under after a takedown before arrest
	HopDelay  [2]Minutes // how soon it reappears
	Online    [2]int     // hours [from, to) when their computers are on; to < from wraps midnight
	WipeDelay [2]Minutes // how soon after a tip-off they wipe their computers and servers
	Operators []string
}

// CaseRules is what the units downstream need.
type CaseRules struct {
	Handoff []string // elements the investigative department needs before it opens a case
	Court   []string // elements the court needs for a conviction
	Returns int      // how many returns before the department gives up (0: no limit)
}

// Elements that evidence proves. Scenarios may add their own.
const (
	ElemDistribution = "distribution"
	ElemIdentity     = "identity"
	ElemLink         = "link"
	ElemIncome       = "income"
	ElemDamages      = "damages" // computed: damages at or above the threshold
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

// HomeLaw returns the trainee's jurisdiction.
func (sc *Scenario) HomeLaw() *Jurisdiction { return sc.Jurisdictions[sc.Home] }

// EndingFor returns the ending chosen for a rules outcome, or nil.
func (sc *Scenario) EndingFor(outcome string) *Ending {
	for _, e := range sc.Endings {
		if e.Outcome == outcome {
			return e
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
	for _, l := range sc.Langs {
		if !sc.Title.Has(l) {
			add("", "scenario title has no %s text", l)
		}
		if !sc.Briefing.Has(l) {
			add("", "scenario briefing has no %s text", l)
		}
	}
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
		for _, l := range sc.Langs {
			if !e.Name.Has(l) {
				add(e.ID, "%s %q has no %s name", e.Kind, e.ID, l)
			}
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
		for _, l := range sc.Langs {
			if !r.Title.Has(l) {
				add(r.ID, "record %q has no %s title", r.ID, l)
			}
		}
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
	}
	a := sc.Adversary
	ref("", "adversary site", a.Site)
	ref("", "adversary hop_to", a.HopTo)
	for _, p := range a.Operators {
		ref("", "adversary operator", p)
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
		for _, l := range sc.Langs {
			if !e.Title.Has(l) || !e.Text.Has(l) {
				add("ending:"+e.ID, "ending %q has no %s text", e.ID, l)
			}
		}
	}
	for _, o := range Outcomes() {
		if sc.EndingFor(o) == nil {
			add("", "no ending for the outcome %q: add_ending{ outcome = %q, ... }", o, o)
		}
	}
	for _, o := range sc.Objectives {
		for _, l := range sc.Langs {
			if !o.Text.Has(l) {
				add("objective:"+o.ID, "objective %q has no %s text", o.ID, l)
			}
		}
	}
	for _, m := range sc.Messages {
		ref("", "message sender", m.From)
	}
	return ps
}

func isOutcome(s string) bool {
	for _, o := range Outcomes() {
		if o == s {
			return true
		}
	}
	return false
}

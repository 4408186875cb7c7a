package game

import (
	"errors"
	"slices"
	"strings"
)

// The powers a unit's role needs to give a command itself (see
// Jurisdiction.Powers). A unit without the power instructs one that has it:
// `instruct UNIT COMMAND...`. A power no role of the home country's rule
// pack lists is not enforced, so that rule packs without it keep working.
const (
	PowerOperate     = "operate"     // operational work: tools, 24/7 preservation, searches, arrests
	PowerInvestigate = "investigate" // requests, orders, statements, MLAT, warrants, takedowns, instruments
	PowerOpenCase    = "open_case"   // receive a package and decide on a criminal case
)

// Powers lists the powers a rule pack may give a role: the three above,
// and prosecute.
func Powers() []string { return []string{PowerOperate, PowerInvestigate, PowerOpenCase, "prosecute"} }

// VerbPower returns the power a unit needs to give a verb itself, or "".
func VerbPower(verb string) string {
	switch verb {
	case "whois", "dns", "asn", "capture", "purchase", "osint", "preserve", "raid", "arrest":
		return PowerOperate
	case "order", "request", "statement", "mlat", "warrant", "takedown", "apply", "ask":
		return PowerInvestigate
	case "open", "return", "refuse", "extend":
		return PowerOpenCase
	}
	return ""
}

// Receive is the package a receiving unit's trainee gets: from which unit,
// when, and how long the law gives to decide on it (the Code of Criminal
// Procedure's three days, art. 144).
type Receive struct {
	From  string
	At    Minutes
	Limit Minutes
}

// actor returns the unit carrying out the command now: the unit an
// instruction was given to, else the trainee's.
func (s *Session) actor() *Entity {
	if s.acting != "" {
		return s.sc.Entity(s.acting)
	}
	return s.sc.Entity(s.sc.Unit)
}

// enforced reports whether some role of the home country has the power.
func (s *Session) enforced(power string) bool {
	home := s.sc.HomeLaw()
	if home == nil || power == "" {
		return false
	}
	for _, ps := range home.Powers {
		if slices.Contains(ps, power) {
			return true
		}
	}
	return false
}

// may reports whether a unit may give a verb itself.
func (s *Session) may(u *Entity, verb string) bool {
	p := VerbPower(verb)
	if !s.enforced(p) {
		return true
	}
	home := s.sc.HomeLaw()
	return u != nil && home.Can(u.Role, p)
}

// instructable returns the first known unit other than the trainee's that
// may give a verb, or nil.
func (s *Session) instructable(verb string) *Entity {
	for _, id := range s.knownOrder {
		if e := s.sc.Entity(id); e.Kind == KindUnit && e.ID != s.sc.Unit && s.may(e, verb) {
			return e
		}
	}
	return nil
}

// Powers returns the powers of the trainee's unit.
func (s *Session) Powers() []string {
	home := s.sc.HomeLaw()
	u := s.sc.Entity(s.sc.Unit)
	if home == nil || u == nil {
		return nil
	}
	return slices.Clone(home.Powers[u.Role])
}

// receiving reports whether the trainee plays a unit that receives a
// package and decides on the case.
func (s *Session) receiving() bool { return s.sc.Case.Receive.From != "" }

// packageArrives delivers the package: the records its unit gathered are in
// the file, and, the first time, the time the law gives to decide starts. A
// package sent back and returned does not stop that time (art. 144: only
// opening a case or refusing to is a decision).
func (s *Session) packageArrives(from string) {
	first := s.arrivedAt == 0 && !s.received && !s.decided
	s.received = true
	if first {
		for _, r := range s.sc.Records {
			if r.Filed {
				s.obtainRecord(r, M("basis.package", Ent("unit", from)), true, Msg{})
			}
		}
		s.arrivedAt = s.now
		s.decideBy = s.now + s.sc.Case.Receive.Limit
		if s.sc.Case.Receive.Limit > 0 {
			s.schedule(&task{at: s.decideBy, kind: taskDecision, id: from})
		}
	}
	s.say(EvPackage, from, M("case.package", Ent("unit", from), Date("by", s.decideBy)))
}

// decisionDue checks that a decision was taken on the report of a crime in
// time.
func (s *Session) decisionDue(at Minutes) {
	if s.decided || s.caseOpen || s.ending != nil || at < s.decideBy {
		return // decided, or the time was extended
	}
	s.setFlag(FlagDecisionLate)
	s.say(EvMessage, "", M("case.decision_late"))
}

// extendCheck extends the time to decide once, to ten days from the
// package's arrival (art. 144(3), by the head of the investigative body).
func (s *Session) extendCheck(cost Minutes) {
	switch {
	case s.decided || s.caseOpen:
		s.reject("extend", "decided", M("reject.case_open"), cost)
		return
	case s.arrivedAt == 0 && !s.received:
		s.reject("extend", "no_package", M("reject.no_package"), cost)
		return
	case s.extended:
		s.reject("extend", "extended", M("reject.extended"), cost)
		return
	}
	s.extended = true
	s.decideBy = s.arrivedAt + 10*Day
	s.schedule(&task{at: s.decideBy, kind: taskDecision, id: s.sc.Case.Receive.From})
	s.say(EvMessage, "", M("case.extended", Date("by", s.decideBy)))
	s.advance(cost)
}

// undecided reports whether a package is on the desk with no case opened
// on it yet; otherwise it rejects verb, at cost, saying which.
func (s *Session) undecided(verb string, cost Minutes) bool {
	switch {
	case s.caseOpen:
		s.reject(verb, "case_open", M("reject.case_open"), cost)
		return false
	case !s.received:
		s.reject(verb, "no_package", M("reject.no_package"), cost)
		return false
	}
	return true
}

// refuseCase is the investigator's decision not to open a case: final.
func (s *Session) refuseCase(cost Minutes) {
	if !s.undecided("refuse", cost) {
		return
	}
	s.decided = true
	s.advance(cost)
	s.refusals++
	s.setFlag(FlagHandoffRefused)
	s.say(EvCaseRefused, s.sc.Unit, M("case.refused_own", Ent("unit", s.sc.Unit)))
	s.endWith(OutcomeRefused)
}

// openCase opens the criminal case on the package received: the
// investigator's own decision, judged only later, by the court.
func (s *Session) openCase(cost Minutes) {
	if !s.undecided("open", cost) {
		return
	}
	s.decided = true
	s.caseOpen = true
	s.setFlag(FlagCaseOpen)
	s.say(EvCaseOpened, s.sc.Unit, M("case.opened_own", Ent("unit", s.sc.Unit)))
	s.advance(cost)
}

// returnPackage sends the package back with what is missing. The unit
// works on what was asked (its `does` plan for each element) and sends the
// package again; asking for what was already proven wastes the time.
func (s *Session) returnPackage(u *Entity, elems []string, cost Minutes) {
	switch {
	case s.caseOpen:
		s.reject("return", "case_open", M("reject.case_open"), cost)
		return
	case !s.received:
		s.reject("return", "no_package", M("reject.no_package"), cost)
		return
	case u.ID != s.sc.Case.Receive.From:
		s.reject("return", "not_sender", M("reject.not_sender", Ent("unit", u.ID), Ent("from", s.sc.Case.Receive.From)), cost)
		return
	}
	s.received = false
	s.returns++
	var wasted []string
	for _, el := range elems {
		if s.Proven(el) {
			wasted = append(wasted, el)
		}
	}
	if len(wasted) > 0 {
		s.setFlag(FlagReturnWasted)
	}
	s.sayData(EvHandoffReturned, u.ID, M("case.returned_by_you", Ent("unit", u.ID), Lines("missing", elementMsgs(strings.Join(elems, " ")))),
		map[string]string{"missing": strings.Join(elems, " ")})
	// The unit starts at once on what it was asked, and sends the package
	// again when its delay is up.
	for _, el := range elems {
		for _, line := range u.Does[el] {
			s.schedule(&task{at: s.now + cost + Hour, kind: taskInstruct, id: u.ID, line: line})
		}
	}
	d := s.sc.HomeLaw().Delay("return")
	s.schedule(&task{at: s.now + cost + s.rng.Between(d[0], d[1]), kind: taskPackage, id: u.ID})
	s.advance(cost)
}

// instruct has another unit carry out a command after its delay.
func (s *Session) instructUnit(u *Entity, line string, cost Minutes) {
	d := s.sc.HomeLaw().Delay("instruct")
	at := s.now + cost + s.rng.Between(d[0], d[1])
	s.schedule(&task{at: at, kind: taskInstruct, id: u.ID, line: line})
	s.sayData(EvInstructed, u.ID, M("case.instructed", Ent("unit", u.ID), Str("line", line), Date("due", at)), map[string]string{"line": line, "state": "given"})
	s.advance(cost)
}

// carryOut is an instructed unit doing what it was told, in parallel with
// the trainee: its command costs the trainee no time. A search is put off
// once to the first lawful hour at which the operators' computers run, as
// a unit planning it would.
func (s *Session) carryOut(t *task) {
	unit, line := t.id, t.line
	cmd, err := ParseCommand(line)
	if err == nil && cmd.Verb == "" {
		return
	}
	if err == nil && cmd.Verb == "raid" && t.step == 0 {
		if at := s.nextLawfulLive(); at > s.now {
			s.schedule(&task{at: at, kind: taskInstruct, id: unit, line: line, step: 1})
			return
		}
	}
	prev, prevPar := s.acting, s.parallel
	s.acting, s.parallel = unit, true
	defer func() { s.acting, s.parallel = prev, prevPar }()
	var act func()
	if err == nil {
		if !s.may(s.actor(), cmd.Verb) {
			err = usage("cmd.not_power", Ent("unit", unit), Str("verb", cmd.Verb))
		} else {
			act, err = s.prepare(cmd)
		}
	}
	if err != nil {
		var u *UsageError
		why := Verbatim(err.Error())
		if errors.As(err, &u) {
			why = u.Msg
		}
		s.sayData(EvInstructed, unit, M("case.instruct_failed", Ent("unit", unit), Str("line", line), Sub("why", why)), map[string]string{"line": line, "state": "failed"})
		return
	}
	s.sayData(EvInstructed, unit, M("case.instruct_done", Ent("unit", unit), Str("line", line)), map[string]string{"line": line, "state": "done"})
	act()
}

// nextLawfulLive returns the next moment, ten past an hour within a day,
// at which a search is lawful and the operators' computers run; 0 when
// there is none.
func (s *Session) nextLawfulLive() Minutes {
	home := s.sc.HomeLaw()
	for k := range 25 {
		at := s.now + Minutes(k)*Hour
		at += Minutes(10-s.cal.At(at).Minute()) * Minute
		if at < s.now {
			continue
		}
		if s.ComputersOn(at) && (home == nil || !home.IsNight(s.cal.HourOf(at))) {
			return at
		}
	}
	return 0
}

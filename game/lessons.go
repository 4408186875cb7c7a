package game

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// A lesson's conditions are short phrases the rules check at the end of a
// session (and the explorer checks on every winning path):
//
//	obtained REC        the record was obtained through a legal channel
//	proven ELEMENT      admissible evidence in the file the court read proves it
//	flag NAME           the flag is set
//	known ID            the trainee found the entity
//	arrested PERSON     the person was detained
//	site-down           the site, any domain it moved to and every mirror opened is down or blocked
//	lawful-searches     no search was unlawful
//	no-tipoff           the operators never learned of the investigation
//	serious-damages     the damages reach the serious tier
//	complete-handoff    no hand-off package came back, none was refused and the court sent none back
//	not CONDITION       the condition does not hold
//
// Each unmet condition has a computed reason (Why), and the session's
// causes name what went wrong and when.

// conditionWords are the conditions and how many arguments each takes.
func conditionWords() map[string]int {
	return map[string]int{"obtained": 1, "proven": 1, "flag": 1, "known": 1, "arrested": 1, "site-down": 0,
		"lawful-searches": 0, "no-tipoff": 0, "serious-damages": 0, "complete-handoff": 0}
}

// checkCondition says what is wrong with a lesson's condition, or "".
func (sc *Scenario) checkCondition(c string) string {
	f := strings.Fields(c)
	if len(f) > 0 && f[0] == "not" {
		f = f[1:]
	}
	if len(f) == 0 {
		return fmt.Sprintf("empty condition %q", c)
	}
	n, ok := conditionWords()[f[0]]
	if !ok {
		var words []string
		for w := range conditionWords() {
			words = append(words, w)
		}
		slices.Sort(words)
		return fmt.Sprintf("unknown condition %q (%s, or not ...)", f[0], strings.Join(words, ", "))
	}
	if len(f)-1 != n {
		return fmt.Sprintf("condition %q takes %d argument(s)", f[0], n)
	}
	sc.buildIndex()
	switch f[0] {
	case "obtained":
		if sc.recs[f[1]] == nil {
			return fmt.Sprintf("condition %q: no record %q", c, f[1])
		}
	case "known", "arrested":
		if sc.index[f[1]] == nil {
			return fmt.Sprintf("condition %q: no entity %q", c, f[1])
		}
	}
	return ""
}

// Holds reports whether a lesson's condition holds now, and if not, why.
func (s *Session) Holds(c string) (bool, Msg) {
	f := strings.Fields(c)
	neg := false
	if len(f) > 0 && f[0] == "not" {
		neg, f = true, f[1:]
	}
	if len(f) == 0 {
		return false, Verbatim(c)
	}
	ok, why := s.holds(f)
	if neg {
		if ok {
			return false, s.negWhy(f)
		}
		return true, Msg{}
	}
	return ok, why
}

func (s *Session) holds(f []string) (bool, Msg) {
	arg := ""
	if len(f) > 1 {
		arg = f[1]
	}
	switch f[0] {
	case "obtained":
		if s.Obtained(arg) {
			if st := s.records[arg]; s.inCourt || s.ending != nil {
				if s.indictedAt > 0 && st.obtainedAt > s.indictedAt {
					return false, M("why.late", Txt("record", s.sc.Record(arg).Title), Num("day", dayOf(st.obtainedAt)), Num("indicted", dayOf(s.indictedAt)))
				}
			}
			return true, Msg{}
		}
		return false, s.recordFate(arg)
	case "proven":
		if s.provenInFile(arg) {
			return true, Msg{}
		}
		return false, M("why.not_proven", Sub("element", ElementMsg(arg)))
	case "flag":
		if s.flags[arg] != "" {
			return true, Msg{}
		}
		return false, s.flagWhy(arg)
	case "known":
		if s.known[arg] {
			return true, Msg{}
		}
		return false, M("why.not_known", Ent("id", arg))
	case "arrested":
		if s.arrested[arg] {
			return true, Msg{}
		}
		if s.fled[arg] {
			return false, M("why.fled", Ent("person", arg))
		}
		return false, M("why.not_arrested", Ent("person", arg))
	case "site-down":
		if up := s.sitesUp(); len(up) > 0 {
			return false, M("why.site_up", Str("domain", up[0]))
		}
		return true, Msg{}
	case "lawful-searches":
		if s.flags[string(FlagUnlawfulSearch)] != "" {
			return false, M("why.unlawful", Num("day", dayOf(s.unlawfulAt)), Str("clock", s.cal.At(s.unlawfulAt).Format("15:04")))
		}
		return true, Msg{}
	case "no-tipoff":
		if s.alerted {
			return false, M("why.tipped_off", Sub("cause", s.tipCauseMsg()), Num("day", dayOf(s.alertedAt)))
		}
		return true, Msg{}
	case "serious-damages":
		if d := s.Damages(); d.Serious {
			return true, Msg{}
		} else {
			return false, M("why.damages", Money("total", d.Total, d.Currency), Money("threshold", d.Threshold, d.Currency))
		}
	case "complete-handoff":
		// A package sent too early costs weeks whichever way it comes back:
		// returned with a list, refused, or sent back by the court.
		switch {
		case s.returns > 0:
			return false, M("why.returned_n", Count("n", int64(s.returns)))
		case s.refusals > 0:
			return false, M("why.refused", Num("day", dayOf(s.eventAt(EvCaseRefused))))
		case s.courtReturns > 0:
			return false, s.negWhy([]string{"flag", string(FlagCourtReturned)})
		}
		return true, Msg{}
	}
	return false, Verbatim(strings.Join(f, " "))
}

// negWhy explains why a condition that should not hold does.
func (s *Session) negWhy(f []string) Msg {
	if f[0] == "flag" {
		switch Flag(f[1]) {
		case FlagInformal:
			return M("why.informal", Num("day", dayOf(s.firstRequestAt("ask"))))
		case FlagTakedownEarly:
			return M("why.takedown_early", Num("day", dayOf(s.eventAt(EvSiteDown))))
		case FlagTippedOff:
			return M("why.tipped_off", Sub("cause", s.tipCauseMsg()), Num("day", dayOf(s.alertedAt)))
		case FlagCourtReturned:
			ev := s.lastEvent(EvCourtReturned)
			return M("why.court_returned", Num("day", dayOf(ev.At)), Lines("missing", elementMsgs(ev.Data["missing"])))
		case FlagHandoffRefused:
			return M("why.refused", Num("day", dayOf(s.eventAt(EvCaseRefused))))
		case FlagHandoffReturned:
			return M("why.returned_n", Count("n", int64(s.returns)))
		case FlagUnlawfulSearch:
			return M("why.unlawful", Num("day", dayOf(s.unlawfulAt)), Str("clock", s.cal.At(s.unlawfulAt).Format("15:04")))
		case FlagRaidCold:
			return M("why.raid_cold", Num("day", dayOf(s.eventAt(EvRaid))), Str("clock", s.cal.At(s.eventAt(EvRaid)).Format("15:04")))
		}
		return M("why.flag_set", Sub("flag", FlagMsg(f[1])))
	}
	return M("why.holds", Str("condition", strings.Join(f, " ")))
}

// flagWhy explains why a rules flag was never set.
func (s *Session) flagWhy(name string) Msg {
	switch Flag(name) {
	case FlagRaidLive:
		switch {
		case s.flags[string(FlagRaidCold)] != "":
			return M("why.raid_cold", Num("day", dayOf(s.eventAt(EvRaid))), Str("clock", s.cal.At(s.eventAt(EvRaid)).Format("15:04")))
		default:
			return M("why.no_raid")
		}
	case FlagTakedownAfterArrest:
		if s.flags[string(FlagTakedownEarly)] != "" {
			return M("why.takedown_early", Num("day", dayOf(s.eventAt(EvSiteDown))))
		}
		return M("why.no_takedown")
	case FlagPreserved:
		return M("why.no_preserve")
	}
	return M("why.flag_unset", Sub("flag", FlagMsg(name)))
}

// recordFate explains why a record was not obtained through a legal
// channel: it was deleted (with or without a freeze that lapsed), it is
// still awaited, only an informal answer came, or nobody asked for it.
func (s *Session) recordFate(id string) Msg {
	r := s.sc.Record(id)
	st := s.records[id]
	if r == nil || st == nil {
		return Verbatim(id)
	}
	title := Txt("record", r.Title)
	switch {
	case st.expired && st.lapsedAt > 0:
		return M("why.freeze_lapsed", title, Ent("holder", r.Holder), Num("day", dayOf(st.lapsedAt)), Sub("mlat", s.mlatNote(r)))
	case st.expired && st.wiped:
		return M("why.wiped", title, Num("day", dayOf(st.expiredAt)))
	case st.expired:
		return M("why.expired", title, Ent("holder", r.Holder), Num("day", dayOf(st.expiredAt)))
	case st.seen:
		return M("why.intel_only", title)
	}
	for _, rq := range s.requests {
		if rq.Holder == r.Holder && rq.Target == r.About && rq.Status == StatusPending {
			return M("why.pending", title, Str("id", rq.ID), Date("due", rq.DueAt))
		}
	}
	return M("why.never", title, Ent("holder", r.Holder))
}

// mlatNote says when the MLAT request for a record went out, if it did.
func (s *Session) mlatNote(r *Record) Msg {
	for _, rq := range s.requests {
		if rq.Instrument == "mlat" && rq.Holder == r.Holder && rq.Target == r.About {
			return M("why.mlat_sent", Num("day", dayOf(rq.SentAt)))
		}
	}
	return M("why.mlat_never")
}

// dayOf is the game day (from 1) of a point of time.
func dayOf(at Minutes) int64 { return int64(at/Day) + 1 }

// DayOf is the game day (1 for the first day) of a moment.
func DayOf(at Minutes) int { return int(at/Day) + 1 }

// firstRequestAt is when the first request of an instrument left, or 0.
func (s *Session) firstRequestAt(instr string) Minutes {
	for _, r := range s.requests {
		if r.Instrument == instr {
			return r.SentAt
		}
	}
	return 0
}

// eventAt is when the first event of a kind happened, or 0.
func (s *Session) eventAt(k EventKind) Minutes {
	for _, ev := range s.events {
		if ev.Kind == k {
			return ev.At
		}
	}
	return 0
}

// sitesUp lists the adversary's domains still online: the site, and the
// domain it moved to once it did.
func (s *Session) sitesUp() []string {
	a := s.sc.Adversary
	up := func(d string) bool { return !s.siteDown[d] && !s.blocked[d] }
	var out []string
	if a.Site != "" && up(a.Site) {
		out = append(out, a.Site)
	}
	if a.HopTo != "" && s.hopped && up(a.HopTo) {
		out = append(out, a.HopTo)
	}
	for _, m := range s.mirrors {
		if up(m) {
			out = append(out, m)
		}
	}
	return out
}

// lessonResults evaluates the scenario's lessons now.
func (s *Session) lessonResults() []LessonResult {
	var out []LessonResult
	for _, l := range s.sc.Lessons {
		lr := LessonResult{ID: l.ID, Text: l.Text, Met: true}
		for _, c := range l.Needs {
			if ok, why := s.Holds(c); !ok {
				lr.Met, lr.Why = false, why
				// A scenario's own flag means nothing to the trainee: the
				// author's words say what was missed.
				if f := strings.Fields(strings.TrimPrefix(c, "not ")); len(f) == 2 && f[0] == "flag" && !IsRuleFlag(f[1]) && !l.Missed.Empty() {
					lr.Why = TextMsg(l.Missed)
				}
				break
			}
		}
		out = append(out, lr)
	}
	return out
}

// Lessons returns the scenario's lessons as they stand now; during play
// they say what is still missing.
func (s *Session) Lessons() []LessonResult { return s.lessonResults() }

// Causes computes what went wrong in the session and when, from its
// history, in order of time. Each cause has a stable id that walkthroughs
// can expect.
func (s *Session) Causes() []Cause {
	var out []Cause
	add := func(id string, at Minutes, m Msg) { out = append(out, Cause{ID: id, At: at, Msg: m}) }
	for _, r := range s.sc.Records {
		st := s.records[r.ID]
		if !st.expired || !s.known[r.Holder] || len(r.Proves)+len(r.Reveals) == 0 {
			continue
		}
		switch {
		case st.lapsedAt > 0:
			add("freeze-lapsed", st.lapsedAt, M("cause.freeze_lapsed", Txt("record", r.Title), Ent("holder", r.Holder), Num("day", dayOf(st.lapsedAt)), Sub("mlat", s.mlatNote(r))))
		case st.wiped:
			add("wiped", st.expiredAt, M("cause.wiped", Txt("record", r.Title), Num("day", dayOf(st.expiredAt))))
		default:
			id := "cause.expired"
			if h := s.sc.Entity(r.Holder); h != nil && h.Jurisdiction == s.sc.Home {
				id = "cause.expired_home" // preservation is for data abroad
			}
			add("logs-expired", st.expiredAt, M(id, Txt("record", r.Title), Ent("holder", r.Holder), Num("day", dayOf(st.expiredAt))))
		}
	}
	for _, ev := range s.events {
		switch ev.Kind {
		case EvHandoffReturned:
			missing, _ := ev.Msg.Arg("missing") // what the unit listed, as messages
			id := "cause.returned"
			if s.receiving() {
				id = "cause.returned_by_you" // the trainee's unit sent it back
			}
			add("returned", ev.At, M(id, Ent("unit", ev.Subject), Num("day", dayOf(ev.At)), Lines("missing", missing.Msgs)))
		case EvTippedOff:
			id := "cause.tipped_off"
			if s.tipCause == "script" && s.tipWhy.ID != "" {
				id = "cause.tipped_off_told" // the scenario's own sentence says how
			}
			add("tipped-off", ev.At, M(id, Sub("cause", s.tipCauseMsg()), Num("day", dayOf(ev.At))))
		case EvRaid:
			switch {
			case ev.Data["unlawful"] == "true":
				add("unlawful-search", ev.At, M("cause.unlawful", Ent("person", ev.Subject), Num("day", dayOf(ev.At)), Str("clock", s.cal.At(ev.At).Format("15:04"))))
			case ev.Data["live"] != "true":
				add("cold-raid", ev.At, M("cause.cold_raid", Ent("person", ev.Subject), Num("day", dayOf(ev.At)), Str("clock", s.cal.At(ev.At).Format("15:04"))))
			}
		case EvSiteDown:
			if ev.Data["early"] == "true" {
				add("takedown-early", ev.At, M("cause.takedown_early", Str("domain", ev.Subject), Num("day", dayOf(ev.At))))
			}
		case EvCourtReturned:
			add("court-returned", ev.At, M("cause.court_returned", Num("day", dayOf(ev.At)), Lines("missing", elementMsgs(ev.Data["missing"]))))
		case EvCaseRefused:
			id := "cause.refused"
			switch ev.Msg.ID {
			case "case.refused_returns":
				id = "cause.refused_returns" // refused after too many returns, whatever the damages
			case "case.refused_own":
				id = "cause.refused_own"
			}
			add("refused", ev.At, M(id, Num("day", dayOf(ev.At))))
		case EvFled:
			add("fled", ev.At, M("cause.fled", Ent("person", ev.Subject), Num("day", dayOf(ev.At))))
		case EvDeadline:
			add("deadline", ev.At, M("cause.deadline", Num("day", dayOf(ev.At))))
		}
	}
	if s.indictedAt > 0 {
		for _, e := range s.evidence {
			if e.CollectedAt > s.indictedAt && e.Admissible {
				add("late-evidence", e.CollectedAt, M("cause.late", Str("num", e.Num), Sub("title", e.Title), Num("day", dayOf(e.CollectedAt)), Num("indicted", dayOf(s.indictedAt))))
			}
		}
		for _, r := range s.pendingAt(s.indictedAt) {
			add("late-evidence", s.indictedAt, M("cause.pending", Str("id", r.ID), Sub("instrument", s.instrMsg(r.Instrument)),
				Ent("holder", r.Holder), Num("indicted", dayOf(s.indictedAt)), Num("due", dayOf(r.DueAt))))
		}
	}
	for _, e := range s.evidence {
		if !e.Admissible && e.Kind == "record" && e.Basis.ID == "basis.informal" && !s.admittedFrom(e.Source) {
			add("intelligence", e.CollectedAt, M("cause.intel", Str("num", e.Num), Sub("title", e.Title)))
		}
	}
	if s.ending != nil {
		if v := s.verdict; v != nil && v.Convicted {
			// The damages proven when the file closed decide the tier, even
			// when another qualifier made the charge serious.
			if d := s.damagesUntil(s.fileCut()); !d.Serious {
				add("minor-tier", s.now, M("cause.minor", Money("total", d.Total, d.Currency), Money("threshold", d.Threshold, d.Currency)))
			}
			for _, el := range v.Lesser {
				add("not-proven-"+el, s.now, M("cause.lesser", Sub("element", ElementMsg(el))))
			}
		}
		if v := s.verdict; v != nil {
			for _, el := range v.Missing {
				if el != "participation" {
					add("not-proven-"+el, s.now, M("cause.not_proven", Sub("element", ElementMsg(el))))
				}
			}
			for _, p := range v.Cleared {
				add("wrong-person", s.now, M("cause.wrong_person", Ent("person", p)))
			}
		}
		if s.sc.Adversary.Site != "" && s.ending.Outcome != OutcomeStopped {
			for _, d := range s.sitesUp() {
				add("site-up", s.now, M("cause.site_up", Str("domain", d)))
			}
		}
		if s.sc.hasLive() && !s.hasEvent(EvRaid) && s.caseOpen {
			add("no-raid", s.now, M("cause.no_raid", Lines("records", s.searchRecords())))
		}
	}
	slicesSortStable(out)
	return out
}

// hasEvent reports whether an event of a kind happened.
func (s *Session) hasEvent(k EventKind) bool {
	for _, ev := range s.events {
		if ev.Kind == k {
			return true
		}
	}
	return false
}

// hasLive reports whether the scenario has live evidence a raid can seize.
func (sc *Scenario) hasLive() bool {
	for _, r := range sc.Records {
		if r.Kind == "live" {
			return true
		}
	}
	return false
}

func slicesSortStable(cs []Cause) {
	slices.SortStableFunc(cs, func(a, b Cause) int {
		switch {
		case a.At < b.At:
			return -1
		case a.At > b.At:
			return 1
		}
		return 0
	})
}

// HasCause reports whether the session's causes include an id (a word, or
// "not-proven-ELEMENT").
func (s *Session) HasCause(id string) bool {
	for _, c := range s.Causes() {
		if c.ID == id {
			return true
		}
	}
	return false
}

// admittedFrom reports whether admissible evidence came from a source.
func (s *Session) admittedFrom(source string) bool {
	for _, e := range s.evidence {
		if e.Admissible && e.Source == source {
			return true
		}
	}
	return false
}

// searchRecords names what only a search of the operators could have
// seized: their live and seized records.
func (s *Session) searchRecords() []Msg {
	var out []Msg
	for _, r := range s.sc.Records {
		if (r.Kind == "live" || r.Kind == "seized") && slices.Contains(s.sc.Adversary.Operators, r.Holder) {
			out = append(out, TextMsg(r.Title))
		}
	}
	return out
}

// lastEvent returns the last event of a kind, or an empty event.
func (s *Session) lastEvent(k EventKind) Event {
	for i := len(s.events) - 1; i >= 0; i-- {
		if s.events[i].Kind == k {
			return s.events[i]
		}
	}
	return Event{}
}

// elementMsgs names the space-separated offence elements of event data.
func elementMsgs(ids string) []Msg {
	var out []Msg
	for _, id := range strings.Fields(ids) {
		out = append(out, ElementMsg(id))
	}
	return out
}

// tipCauseMsg says what warned the operators: for a scenario's own tip-off,
// the reason it gave.
func (s *Session) tipCauseMsg() Msg {
	if s.tipCause == "script" && s.tipWhy.ID != "" {
		return s.tipWhy
	}
	return M("tipcause." + s.tipCause)
}

// pendingAt lists the requests that were sent but not yet answered at t:
// their answers could not be in the file of a case indicted then.
func (s *Session) pendingAt(t Minutes) []*Request {
	var out []*Request
	for _, r := range s.requests {
		switch r.Instrument {
		case "mlat", "order", "request":
		default:
			continue // a preservation or an informal ask brings nothing to the file
		}
		if r.Status != StatusRejected && r.SentAt <= t && r.DueAt > t {
			out = append(out, r)
		}
	}
	return out
}

// causeIDs lists the cause ids the rules compute, for the docs.
func causeIDs() []string {
	return []string{"logs-expired", "freeze-lapsed", "wiped", "returned", "tipped-off", "unlawful-search", "cold-raid",
		"no-raid", "takedown-early", "court-returned", "refused", "fled", "deadline", "late-evidence", "intelligence",
		"minor-tier", "not-proven-ELEMENT", "site-up", "wrong-person"}
}

// CauseIDs lists the cause ids the rules compute.
func CauseIDs() []string { return causeIDs() }

// itoa formats an int for event data.
func itoa(n int) string { return strconv.Itoa(n) }

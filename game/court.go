package game

import (
	"slices"
	"sort"
	"strconv"
	"strings"
)

type handoffPackage struct {
	unit    string
	missing []Msg
	refused bool
	items   []string // evidence numbers sent
}

// Missing lists what the investigative department would find missing in a
// hand-off package sent now: the elements the scenario requires, suspects,
// and damages against the threshold. The hand-off scene shows it.
func (s *Session) Missing() []Msg {
	var out []Msg
	if len(s.Suspects()) == 0 {
		out = append(out, M("missing.suspect"))
	}
	for _, el := range s.sc.Case.Handoff {
		if el == ElemDamages || s.Proven(el) {
			continue
		}
		out = append(out, M("missing.element", Sub("element", ElementMsg(el))))
	}
	if slices.Contains(s.sc.Case.Handoff, ElemDamages) && !s.Proven(ElemDamages) {
		d := s.Damages()
		out = append(out, M("missing.damages", Money("total", d.Total, d.Currency), Money("threshold", d.CrimeMin(), d.Currency)))
	}
	return out
}

// Needed lists what the court will need that admissible evidence does not
// prove yet: for any conviction, then for the serious charge.
func (s *Session) Needed() (court, serious []string) {
	for _, el := range s.sc.Case.Court {
		if !s.Proven(el) {
			court = append(court, el)
		}
	}
	for _, el := range s.sc.Case.Serious {
		if !s.Proven(el) {
			serious = append(serious, el)
		}
	}
	return court, serious
}

// ElementMsg names an element of the offence; elements a scenario adds are
// shown by their id.
func ElementMsg(el string) Msg {
	switch el {
	case ElemDistribution, ElemIdentity, ElemLink, ElemIncome, ElemDamages, ElemRelease, ElemGroup, ElemTopTier, "payment":
		return M("element." + el)
	}
	return Verbatim(el)
}

func (s *Session) handoff(u *Entity, cost Minutes) {
	home := s.sc.HomeLaw()
	switch {
	case s.caseOpen:
		s.reject("handoff", "case_open", M("reject.case_open"), cost)
		return
	case s.handoffOut:
		s.reject("handoff", "handoff_out", M("reject.handoff_out"), cost)
		return
	case u.ID == s.sc.Unit:
		s.reject("handoff", "own_unit", M("reject.own_unit"), cost)
		return
	case !home.Can(u.Role, "open_case"):
		s.reject("handoff", "cannot_open", M("reject.cannot_open", Ent("unit", u.ID)), cost)
		return
	}
	pkg := &handoffPackage{unit: u.ID, missing: s.Missing()}
	pkg.refused = len(pkg.missing) == 1 && slices.Contains(s.sc.Case.Handoff, ElemDamages) && !s.Proven(ElemDamages)
	for _, e := range s.evidence {
		pkg.items = append(pkg.items, e.Num)
		e.Custody = append(e.Custody, Custody{At: s.now, Holder: u.ID, Action: M("custody.sent", Ent("unit", u.ID))})
	}
	s.handoffOut = true
	s.setFlag(FlagHandoffSent)
	d := home.Delay("handoff")
	s.schedule(&task{at: s.now + cost + s.rng.Between(d[0], d[1]), kind: taskHandoff, pkg: pkg})
	s.sayData(EvHandoffSent, u.ID, M("case.handoff_sent", Ent("unit", u.ID), Count("items", int64(len(pkg.items))), Num("suspects", int64(len(s.Suspects())))),
		map[string]string{"items": strconv.Itoa(len(pkg.items)), "suspects": strconv.Itoa(len(s.Suspects()))})
	s.advance(cost)
}

func (s *Session) handoffAnswer(pkg *handoffPackage) {
	s.handoffOut = false
	u := s.sc.Entity(pkg.unit)
	switch {
	case pkg.refused:
		s.refusals++
		s.setFlag(FlagHandoffRefused)
		s.say(EvCaseRefused, u.ID, M("case.refused_threshold", Ent("unit", u.ID)))
		if s.refusals > 1 {
			s.endWith(OutcomeRefused)
			return
		}
		// A refusal is not final: the prosecutor cancels it and sends the
		// material back for more checks, which takes time.
		d := s.sc.HomeLaw().Delay("recheck")
		back := s.now + s.rng.Between(d[0], d[1])
		s.handoffOut = true
		s.schedule(&task{at: back, kind: taskRecheck})
		s.say(EvMessage, "", M("case.recheck", Date("back", back)))
	case len(pkg.missing) > 0:
		s.returns++
		s.setFlag(FlagHandoffReturned)
		for _, e := range s.evidence {
			e.Custody = append(e.Custody, Custody{At: s.now, Holder: s.sc.Unit, Action: M("custody.returned", Ent("unit", u.ID))})
		}
		var ids []string
		for _, m := range pkg.missing {
			ids = append(ids, missingCode(m))
		}
		s.sayData(EvHandoffReturned, u.ID, M("case.returned", Ent("unit", u.ID), Lines("missing", pkg.missing)),
			map[string]string{"missing": strings.Join(ids, " ")})
		if lim := s.sc.Case.Returns; lim > 0 && s.returns >= lim {
			s.setFlag(FlagHandoffRefused)
			s.say(EvCaseRefused, u.ID, M("case.refused_returns", Count("n", int64(s.returns))))
			s.endWith(OutcomeRefused)
		}
	default:
		s.caseOpen = true
		s.setFlag(FlagCaseOpen)
		s.say(EvCaseOpened, u.ID, M("case.opened", Ent("unit", u.ID)))
		s.instruct(u.ID)
	}
}

// instruct is the investigator who now leads the case telling the
// trainee's unit what the court will still need.
func (s *Session) instruct(unit string) {
	court, serious := s.Needed()
	var need []Msg
	for _, el := range append(court, serious...) {
		need = append(need, M("instruction.need", Sub("element", ElementMsg(el))))
	}
	id := "instruction.lead"
	if len(need) == 0 {
		id = "instruction.lead_ready"
	}
	s.sayData(EvInstruction, unit, M(id, Ent("unit", unit), Lines("need", need)), map[string]string{"missing": strings.Join(append(court, serious...), " ")})
}

func (s *Session) prosecute(cost Minutes) {
	if !s.caseOpen {
		s.reject("prosecute", "no_case", M("reject.prosecute_no_case"), cost)
		return
	}
	if s.inCourt {
		s.reject("prosecute", "in_court", M("reject.in_court"), cost)
		return
	}
	n := 0
	for _, p := range s.Suspects() {
		if s.arrested[p] {
			n++
		}
	}
	if n == 0 {
		s.reject("prosecute", "none_detained", M("reject.none_detained"), cost)
		return
	}
	s.inCourt = true
	s.indictedAt = s.now + cost
	d := s.sc.HomeLaw().Delay("court")
	s.schedule(&task{at: s.now + cost + s.rng.Between(d[0], d[1]), kind: taskVerdict})
	s.say(EvIndicted, "", M("case.indicted"))
	s.advance(cost)
}

// Verdict is the court's decision with the reasons for it.
type Verdict struct {
	Convicted   bool     `json:"convicted"`
	SeriousTier bool     `json:"serious_tier,omitempty"` // damages at the serious tier, or the group qualifier proven
	Reasons     []Msg    `json:"reasons"`
	Admitted    []string `json:"admitted"` // evidence numbers in the file the court read
	Rejected    []string `json:"rejected"`
	Late        []string `json:"late,omitempty"`    // arrived after the indictment: not in the file
	Missing     []string `json:"missing,omitempty"` // elements of any conviction not proven
	Lesser      []string `json:"lesser,omitempty"`  // elements of the serious charge not proven
	// Accused are the detained persons the evidence identifies; Cleared
	// are those of them the court found took no part in the offence (they
	// are not among the scenario's operators).
	Accused []string `json:"accused,omitempty"`
	Cleared []string `json:"cleared,omitempty"`
}

// provenInFile reports whether an element is proven by the case file as it
// stood at the indictment (or now, before one).
func (s *Session) provenInFile(elem string) bool {
	cut := s.fileCut()
	switch elem {
	case ElemDamages:
		return s.damagesUntil(cut).Crime
	case ElemTopTier:
		return s.damagesUntil(cut).Serious
	case ElemGroup:
		if s.provenUntil(ElemGroup, cut) {
			return true
		}
	}
	return s.provenUntil(elem, cut)
}

// fileCut is the last moment whose evidence counts: the indictment, when
// the case went to court; otherwise no cut.
func (s *Session) fileCut() Minutes {
	if s.indictedAt > 0 {
		return s.indictedAt
	}
	return -1
}

func (s *Session) verdictDue() {
	v := &Verdict{}
	cut := s.fileCut()
	for _, e := range s.evidence {
		switch {
		case cut >= 0 && e.CollectedAt > cut:
			v.Late = append(v.Late, e.Num)
		case e.Admissible:
			v.Admitted = append(v.Admitted, e.Num)
		default:
			v.Rejected = append(v.Rejected, e.Num)
		}
	}
	for _, el := range s.sc.Case.Court {
		if !s.provenInFile(el) {
			v.Reasons = append(v.Reasons, M("court.not_proven", Sub("element", ElementMsg(el))))
			v.Missing = append(v.Missing, el)
		}
	}
	// The court tries people, not a company: each accused is convicted only
	// if they took part (the scenario's operators). Evidence that names an
	// employee or a director is not proof that they distributed anything.
	guilty := 0
	for _, p := range s.Suspects() {
		if !s.arrested[p] {
			continue
		}
		v.Accused = append(v.Accused, p)
		if len(s.sc.Adversary.Operators) > 0 && !slices.Contains(s.sc.Adversary.Operators, p) {
			v.Cleared = append(v.Cleared, p)
			v.Reasons = append(v.Reasons, M("court.no_part", Ent("person", p)))
		} else {
			guilty++
		}
	}
	if guilty == 0 && len(v.Accused) > 0 {
		// Nobody in the dock took part: there is nothing to send back for.
		v.Missing = append(v.Missing, "participation")
		s.verdict = v
		s.sayData(EvVerdict, "", M("court.acquitted", Lines("reasons", v.Reasons)), map[string]string{"convicted": "false", "missing": strings.Join(v.Missing, " ")})
		s.endWith(OutcomeAcquitted)
		return
	}
	if len(v.Missing) > 0 && s.courtReturns == 0 {
		// A weak case comes back once for additional investigation before
		// it ends in acquittal.
		s.courtReturns++
		s.inCourt, s.indictedAt = false, 0
		s.setFlag(FlagCourtReturned)
		s.sayData(EvCourtReturned, "", M("court.returned", Lines("reasons", v.Reasons)), map[string]string{"missing": strings.Join(v.Missing, " ")})
		return
	}
	v.Convicted = len(v.Missing) == 0
	s.verdict = v
	if !v.Convicted {
		s.sayData(EvVerdict, "", M("court.acquitted", Lines("reasons", v.Reasons)), map[string]string{"convicted": "false", "missing": strings.Join(v.Missing, " ")})
		s.endWith(OutcomeAcquitted)
		return
	}
	d := s.damagesUntil(cut)
	v.SeriousTier = d.Serious || (d.Crime && s.provenInFile(ElemGroup))
	for _, el := range s.sc.Case.Serious {
		if !s.provenInFile(el) {
			v.Lesser = append(v.Lesser, el)
			v.Reasons = append(v.Reasons, M("court.not_proven_serious", Sub("element", ElementMsg(el))))
		}
	}
	if !v.SeriousTier {
		v.Reasons = append(v.Reasons, M("court.minor_tier", Money("total", d.Total, d.Currency), Money("threshold", d.Threshold, d.Currency)))
	}
	// Charging someone who took no part is a miscarriage the court
	// corrects: the case as brought falls short even when the others are
	// convicted of everything.
	if v.SeriousTier && len(v.Lesser) == 0 && len(v.Cleared) == 0 {
		s.sayData(EvVerdict, "", M("court.guilty"), map[string]string{"convicted": "true"})
		s.endWith(OutcomeConvicted)
		return
	}
	s.sayData(EvVerdict, "", M("court.guilty_lesser", Lines("reasons", v.Reasons)), map[string]string{"convicted": "true", "lesser": strings.Join(v.Lesser, " ")})
	s.endWith(OutcomePartial)
}

// VerdictReached returns the court's verdict, or nil.
func (s *Session) VerdictReached() *Verdict { return s.verdict }

func (s *Session) endWith(outcome string) {
	s.finish(s.sc.EndingFor(outcome))
}

func (s *Session) finish(e *Ending) {
	if s.ending != nil || e == nil {
		return
	}
	// A win needs every lesson the scenario exists to teach, and the site
	// down: otherwise the conviction falls short.
	if e.Result == "win" {
		for _, l := range s.lessonResults() {
			if !l.Met {
				e = s.sc.EndingFor(OutcomePartial)
				break
			}
		}
		if e.Result == "win" && s.sc.Adversary.Site != "" && len(s.sitesUp()) > 0 {
			e = s.sc.EndingFor(OutcomePartial)
		}
	}
	s.ending = e
	s.tasks = nil
	s.timers = 0
	s.objectives = nil
	for _, o := range s.sc.Objectives {
		met := false
		if s.hooks != nil {
			ok, err := s.hooks.Objective(s, o.ID)
			if err != nil {
				s.handlerError(err)
			}
			met = ok
		}
		s.objectives = append(s.objectives, ObjectiveResult{ID: o.ID, Text: o.Text, Points: o.Points, Met: met})
	}
	s.score, s.breakdown = s.computeScore()
	s.emit(Event{Kind: EvEnding, Subject: e.ID, Msg: s.EndingTitle(),
		Data: map[string]string{"result": e.Result, "score": strconv.Itoa(s.score)}})
}

// ObjectiveResult says whether one learning objective was met.
type ObjectiveResult struct {
	ID     string `json:"id"`
	Text   Text   `json:"text"`
	Points int    `json:"points"`
	Met    bool   `json:"met"`
}

// ScoreLine is one line of the score's breakdown.
type ScoreLine struct {
	Label  Msg `json:"label"`
	Points int `json:"points"`
}

func (s *Session) computeScore() (int, []ScoreLine) {
	var lines []ScoreLine
	lines = append(lines, ScoreLine{M("score.ending", Sub("title", s.EndingTitle())), s.ending.Score})
	for _, o := range s.objectives {
		if o.Met && o.Points != 0 {
			lines = append(lines, ScoreLine{M("score.objective", Txt("objective", o.Text)), o.Points})
		}
	}
	if s.returns > 0 {
		id := "score.returns"
		if s.receiving() {
			id = "score.returns_by_you"
		}
		lines = append(lines, ScoreLine{M(id, Count("n", int64(s.returns))), -5 * s.returns})
	}
	if s.rejections > 0 {
		lines = append(lines, ScoreLine{M("score.rejections", Count("n", int64(s.rejections))), -2 * s.rejections})
	}
	intel := 0
	for _, e := range s.evidence {
		if !e.Admissible && e.Basis.ID == "basis.informal" {
			intel++
		}
	}
	if intel > 0 {
		lines = append(lines, ScoreLine{M("score.intel", Count("n", int64(intel))), -3 * intel})
	}
	// Each lesson skipped costs at least the gap between a win and a
	// partial result.
	gap := 20
	if w, p := s.sc.EndingFor(OutcomeConvicted), s.sc.EndingFor(OutcomePartial); w != nil && p != nil && w.Score-p.Score > gap {
		gap = w.Score - p.Score
	}
	for _, l := range s.lessonResults() {
		if !l.Met {
			lines = append(lines, ScoreLine{M("score.lesson", Txt("lesson", l.Text)), -gap})
		}
	}
	total := 0
	for _, l := range lines {
		total += l.Points
	}
	ceiling := 100
	switch s.ending.Result {
	case "partial":
		ceiling = 70
	case "loss":
		ceiling = 40
	}
	if total > ceiling {
		lines = append(lines, ScoreLine{M("score.ceiling", Str("result", s.ending.Result), Num("max", int64(ceiling))), ceiling - total})
		total = ceiling
	}
	return max(0, total), lines
}

// TimelineEntry is one line of the debrief's timeline.
type TimelineEntry struct {
	Seq     int       `json:"seq"`
	At      Minutes   `json:"at"`
	Kind    EventKind `json:"kind"`
	Msg     Msg       `json:"msg"`
	Hidden  bool      `json:"hidden,omitempty"`
	Command bool      `json:"command,omitempty"`
	Entry   int       `json:"entry"` // the log entry it happened in (-1: before any); Fork(Entry+1) shows the case just after it
}

// DecisionResult tells the trainee what a key decision led to and what the
// other branch would have led to.
type DecisionResult struct {
	Label     Text `json:"label"`
	Taken     bool `json:"taken"`
	Happened  Text `json:"happened"`
	Otherwise Text `json:"otherwise"`
}

// Debrief is everything the trainee learns at the end.
type Debrief struct {
	Ending      *Ending           `json:"ending"`
	Score       int               `json:"score"`
	Breakdown   []ScoreLine       `json:"breakdown"`
	Objectives  []ObjectiveResult `json:"objectives"`
	Timeline    []TimelineEntry   `json:"timeline"`
	Admitted    []*Evidence       `json:"admitted"`
	Rejected    []*Evidence       `json:"rejected"`
	MissedLeads []Text            `json:"missed_leads"`
	Decisions   []DecisionResult  `json:"decisions"`
	Verdict     *Verdict          `json:"verdict,omitempty"`
	Elapsed     Minutes           `json:"elapsed"`
	// Lessons are the scenario's declared lessons and whether each was
	// earned, with the computed reason.
	Lessons []LessonResult `json:"lessons,omitempty"`
	// Causes are what went wrong (or right) and when, computed from the
	// session.
	Causes []Cause `json:"causes,omitempty"`
	// Key lists the key decisions the trainee took, in order, with the
	// reason typed for each and, once the engine has computed it, the
	// alternative.
	Key []KeyDecision `json:"key,omitempty"`
	// Names are the names of every entity in the scenario, known to the
	// trainee or not: the debrief reveals what the trainee never found.
	Names map[string]Text `json:"names,omitempty"`
}

// LessonResult is one declared lesson of a scenario and whether the session
// earned it.
type LessonResult struct {
	ID   string `json:"id"`
	Text Text   `json:"text"`
	Met  bool   `json:"met"`
	Why  Msg    `json:"why"` // the computed reason, e.g. "the Dutch freeze lapsed on day 92"
}

// Cause is a computed reason for the outcome: a stable id (walkthroughs
// check it with "expect cause ID"), when it happened, and what it says.
type Cause struct {
	ID  string  `json:"id"`
	At  Minutes `json:"at"`
	Msg Msg     `json:"msg"`
}

// KeyDecision is a key decision of the session (hand-off, MLAT, takedown,
// raid, prosecute, ask): what the trainee did, why (as typed), and the
// computed alternative.
type KeyDecision struct {
	Kind     string  `json:"kind"`  // handoff, mlat, takedown, raid, prosecute, ask
	Entry    int     `json:"entry"` // the log entry (0-based); -1 when it was never taken
	At       Minutes `json:"at"`
	Line     string  `json:"line,omitempty"`
	Why      string  `json:"why,omitempty"`
	Taken    Msg     `json:"taken"`
	WhatIf   *WhatIf `json:"what_if,omitempty"`
	Lesson   string  `json:"lesson,omitempty"` // the lesson it bears on
	Mistaken bool    `json:"mistaken,omitempty"`
	// Alt is the other branch the rules chose, which the engine plays out
	// into WhatIf; nil when there is none worth playing.
	Alt *Alternative `json:"alt,omitempty"`
}

// WhatIf is the other branch of a key decision, played out by forking the
// log: what was done instead, and where the case ended.
type WhatIf struct {
	Instead Msg      `json:"instead"`
	Lines   []string `json:"lines,omitempty"` // the commands the fork played
	Ending  string   `json:"ending,omitempty"`
	Title   Msg      `json:"title"` // the ending's headline
	Result  string   `json:"result,omitempty"`
	Score   int      `json:"score"`
	Day     int      `json:"day"`
	Reason  Msg      `json:"reason"`
}

// Debrief returns the debrief, or nil before the case has ended.
func (s *Session) Debrief() *Debrief {
	if s.ending == nil {
		return nil
	}
	d := &Debrief{Ending: s.ending, Score: s.score, Breakdown: s.breakdown, Objectives: s.objectives,
		Verdict: s.verdict, Elapsed: s.now, Lessons: s.lessonResults(), Causes: s.Causes(), Key: s.keyDecisions()}
	d.Names = make(map[string]Text, len(s.sc.Entities))
	for _, e := range s.sc.Entities {
		d.Names[e.ID] = e.Name
	}
	entry := 0
	for _, ev := range s.events {
		if ev.Kind == EvCommand {
			entry++
		}
		switch ev.Kind {
		case EvOutput, EvRevealed, EvTimer, EvStart:
			continue
		}
		d.Timeline = append(d.Timeline, TimelineEntry{Seq: ev.Seq, At: ev.At, Kind: ev.Kind, Msg: ev.Msg, Hidden: ev.Hidden, Command: ev.Kind == EvCommand, Entry: entry - 1})
	}
	for _, e := range s.evidence {
		if e.Admissible {
			d.Admitted = append(d.Admitted, e)
		} else {
			d.Rejected = append(d.Rejected, e)
		}
	}
	for _, e := range s.sc.Entities {
		if !e.Lead.Empty() && !s.known[e.ID] {
			d.MissedLeads = append(d.MissedLeads, e.Lead)
		}
	}
	for _, r := range s.sc.Records {
		if !r.Lead.Empty() && !s.records[r.ID].obtained {
			d.MissedLeads = append(d.MissedLeads, r.Lead)
		}
	}
	for _, dc := range s.sc.Decisions {
		taken := s.flags[dc.Flag] != ""
		dr := DecisionResult{Label: Plain(dc.Flag), Taken: taken, Happened: dc.NotTaken, Otherwise: dc.Taken}
		if taken {
			dr.Happened, dr.Otherwise = dc.Taken, dc.NotTaken
		}
		if !dc.Label.Empty() {
			dr.Label = dc.Label
		}
		d.Decisions = append(d.Decisions, dr)
	}
	sort.SliceStable(d.Timeline, func(i, j int) bool { return d.Timeline[i].At < d.Timeline[j].At })
	return d
}

// missingCode is a stable code for an item a hand-off package lacked.
func missingCode(m Msg) string {
	switch m.ID {
	case "missing.element":
		if a, ok := m.Arg("element"); ok && len(a.Msgs) == 1 {
			if e, ok := a.Msgs[0].Arg("s"); ok {
				return e.Str
			}
			return strings.TrimPrefix(a.Msgs[0].ID, "element.")
		}
	case "missing.damages":
		return ElemDamages
	}
	return strings.TrimPrefix(m.ID, "missing.")
}

// KeyVerbs are the verbs of the key decisions the debrief looks at.
func KeyVerbs() []string {
	return []string{"ask", "handoff", "mlat", "takedown", "raid", "prosecute", "open", "return", "refuse"}
}

// innerCommand returns the command an instruction gives, or the command
// itself.
func innerCommand(cmd Command) Command {
	if cmd.Verb != "instruct" || len(cmd.Args) < 2 {
		return cmd
	}
	inner, err := ParseCommand(strings.Join(cmd.Args[1:], " "))
	if err != nil {
		return cmd
	}
	return inner
}

// keyDecisions lists the key decisions of the session from its log, with
// what each led to and whether it was a mistake, and the key decisions
// never taken that the case needed (a raid, a takedown).
func (s *Session) keyDecisions() []KeyDecision {
	var out []KeyDecision
	seen := map[string]bool{}
	for i, e := range s.log {
		cmd, err := ParseCommand(e.Line)
		if err == nil {
			cmd = innerCommand(cmd) // an instructed search is the investigator's decision too
		}
		if err != nil || !slices.Contains(KeyVerbs(), cmd.Verb) {
			continue
		}
		kd := KeyDecision{Kind: cmd.Verb, Entry: i, At: e.At, Line: e.Line, Why: e.Why}
		kd.Taken, kd.Mistaken = s.judge(cmd, e.At)
		out = append(out, kd)
		seen[cmd.Verb] = true
	}
	if s.sc.hasLive() && !seen["raid"] && s.caseOpen {
		out = append(out, KeyDecision{Kind: "raid", Entry: -1, At: s.now, Taken: M("key.no_raid"), Mistaken: true})
	}
	if up := s.sitesUp(); s.sc.Adversary.Site != "" && !seen["takedown"] && s.ending != nil && len(up) > 0 {
		taken := M("key.no_takedown")
		if len(s.siteDown)+len(s.blocked) > 0 {
			// Something was taken down or blocked, but not all of it: a
			// mirror or the new address of the site was left running.
			taken = M("key.still_up", Str("sites", strings.Join(up, ", ")))
		}
		out = append(out, KeyDecision{Kind: "takedown", Entry: -1, At: s.now, Taken: taken, Mistaken: true})
	}
	s.keyAlternatives(out)
	return out
}

// judge says what a key decision led to and whether it was a mistake, from
// the events that followed it.
func (s *Session) judge(cmd Command, at Minutes) (Msg, bool) {
	switch cmd.Verb {
	case "ask":
		return M("key.ask", Ent("holder", cmd.Args[0])), true
	case "takedown":
		for _, ev := range s.events {
			if ev.Kind == EvSiteDown && ev.Subject == cmd.Args[1] && ev.At >= at {
				if ev.Data["early"] == "true" {
					return M("key.takedown_early", Num("day", dayOf(ev.At))), true
				}
				return M("key.takedown_late", Num("day", dayOf(ev.At))), false
			}
		}
		for _, ev := range s.events {
			if ev.Kind == EvRejected && ev.Subject == "takedown" && ev.At >= at && ev.At <= at+Day {
				return M("key.takedown_refused"), true
			}
		}
		return M("key.takedown_pending"), false
	case "raid":
		for _, ev := range s.events {
			if ev.Kind == EvRaid && ev.At >= at && ev.Subject == cmd.Args[0] {
				clock := Str("clock", s.cal.At(ev.At).Format("15:04"))
				switch {
				case ev.Data["unlawful"] == "true":
					return M("key.raid_unlawful", clock, Num("day", dayOf(ev.At))), true
				case ev.Data["live"] == "true":
					return M("key.raid_live", clock, Num("day", dayOf(ev.At))), false
				default:
					return M("key.raid_cold", clock, Num("day", dayOf(ev.At))), true
				}
			}
		}
		return M("key.raid_refused"), true
	case "handoff":
		for _, ev := range s.events {
			if ev.At < at {
				continue
			}
			switch ev.Kind {
			case EvHandoffReturned:
				missing, _ := ev.Msg.Arg("missing")
				return M("key.handoff_returned", Num("day", dayOf(ev.At)), Lines("missing", missing.Msgs)), true
			case EvCaseOpened:
				return M("key.handoff_opened", Num("day", dayOf(ev.At))), false
			case EvCaseRefused:
				return M("key.handoff_refused", Num("day", dayOf(ev.At))), true
			}
		}
		return M("key.handoff_pending"), false
	case "mlat":
		for _, r := range s.requests {
			if r.Instrument != "mlat" || r.Holder != cmd.Args[0] || r.SentAt < at || r.SentAt > at+Day {
				continue
			}
			switch r.Status {
			case StatusRejected:
				return M("key.mlat_rejected", Str("id", r.ID)), true
			case StatusPending:
				return M("key.mlat_pending", Str("id", r.ID), Date("due", r.DueAt)), s.ending != nil
			}
			for _, rec := range s.heldRecords(r.Holder, r.Target) {
				if st := s.records[rec.ID]; st.expired && !st.obtained {
					return M("key.mlat_too_late", Str("id", r.ID), Num("day", dayOf(st.expiredAt))), true
				}
			}
			return M("key.mlat_answered", Str("id", r.ID), Num("day", dayOf(r.DueAt))), false
		}
		return M("key.mlat_refused"), true
	case "open":
		late := s.flags[string(FlagDecisionLate)] != ""
		return M("key.open", Num("day", dayOf(at))), late
	case "refuse":
		return M("key.refuse", Num("day", dayOf(at))), true
	case "return":
		return M("key.return", Num("day", dayOf(at))), true
	case "prosecute":
		late := 0
		for _, e := range s.evidence {
			if s.indictedAt > 0 && e.CollectedAt > s.indictedAt && e.Admissible {
				late++
			}
		}
		if late > 0 {
			return M("key.prosecute_early", Count("n", int64(late))), true
		}
		if s.indictedAt > 0 {
			if p := s.pendingAt(s.indictedAt); len(p) > 0 {
				return M("key.prosecute_pending", Count("n", int64(len(p)))), true
			}
		}
		if s.courtReturns > 0 {
			return M("key.prosecute_returned"), true
		}
		return M("key.prosecute_ok"), false
	}
	return Verbatim(cmd.String()), false
}

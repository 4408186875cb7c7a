package game

import "strings"

// query answers a read-only command with a message.
func (s *Session) query(cmd Command) (Msg, error) {
	switch cmd.Verb {
	case "help":
		if len(cmd.Args) == 1 {
			v, ok := LookupVerb(strings.ToLower(cmd.Args[0]))
			if !ok {
				return Msg{}, usage("cmd.no_help", Str("verb", cmd.Args[0]), Str("suggest", suggestVerb(cmd.Args[0])))
			}
			return M("help.verb", Str("usage", v.Usage()), Sub("help", v.Help()), Span("cost", v.Cost)), nil
		}
		return HelpMsg(), nil
	case "status":
		return s.StatusMsg(), nil
	case "known":
		var lines []Msg
		for _, k := range EntityKinds() {
			var names []string
			for _, e := range s.KnownEntities() {
				if e.Kind == k {
					names = append(names, e.ID)
				}
			}
			if len(names) > 0 {
				lines = append(lines, M("known.line", Sub("kind", M("kinds."+k)), Str("ids", strings.Join(names, ", "))))
			}
		}
		return Doc(lines...), nil
	case "evidence":
		if len(cmd.Args) == 1 {
			e := s.EvidenceByNum(cmd.Args[0])
			if e == nil {
				return Msg{}, usage("cmd.no_evidence", Str("num", cmd.Args[0]))
			}
			return s.evidenceDetail(e), nil
		}
		if len(s.evidence) == 0 {
			return M("evidence.empty"), nil
		}
		var lines []Msg
		for _, e := range s.evidence {
			st := M("evidence.admissible")
			if !e.Admissible {
				st = M("evidence.intel_caps")
			}
			lines = append(lines, M("evidence.line", Str("num", e.Num), When("at", e.CollectedAt), Sub("title", e.Title), Sub("status", st)))
		}
		return Doc(lines...), nil
	case "damages":
		return s.DamagesMsg(), nil
	}
	return Msg{}, usage("cmd.not_query", Str("verb", cmd.Verb))
}

// HelpMsg lists every console command by group, with its synopsis and time
// cost.
func HelpMsg() Msg {
	var lines []Msg
	group := ""
	for _, v := range Verbs() {
		if v.Group != group {
			group = v.Group
			lines = append(lines, M("help.group."+group))
		}
		lines = append(lines, M("help.line", Str("usage", v.Usage()), Sub("help", v.Help()), Span("cost", v.Cost)))
	}
	return Doc(lines...)
}

func (s *Session) evidenceDetail(e *Evidence) Msg {
	lines := []Msg{
		M("detail.head", Str("num", e.Num), Sub("title", e.Title)),
		Verbatim("  id:        " + e.ID),
		Verbatim("  sha256:    " + e.SHA256),
		M("detail.collected", When("at", e.CollectedAt)),
		M("detail.officer", Txt("officer", e.Officer), Ent("unit", e.Unit)),
		M("detail.basis", Sub("basis", e.Basis)),
	}
	if e.Admissible {
		lines = append(lines, M("detail.admissible"))
	} else {
		lines = append(lines, M("detail.inadmissible", Sub("reason", e.Reason)))
	}
	lines = append(lines, M("detail.custody"))
	for _, c := range e.Custody {
		lines = append(lines, M("detail.custody_line", When("at", c.At), Sub("action", c.Action)))
	}
	return Doc(lines...)
}

// DamagesMsg is the damages table against the threshold.
func (s *Session) DamagesMsg() Msg {
	d := s.Damages()
	var lines []Msg
	for _, line := range d.Lines {
		lines = append(lines, M("damages.line", Txt("title", line.Name), Money("value", line.Value, d.Currency), Sub("note", line.Note)))
	}
	state := M("damages.below")
	if d.Serious {
		state = M("damages.serious")
	}
	lines = append(lines, M("damages.total", Money("total", d.Total, d.Currency), Money("threshold", d.Threshold, d.Currency), Sub("state", state)))
	return Doc(lines...)
}

// StatusMsg summarises the session: date, case state, pending requests and
// deadlines.
func (s *Session) StatusMsg() Msg {
	lines := []Msg{
		M("status.date", When("now", s.now), Num("day", int64(s.now/Day)+1)),
		M("status.case", Sub("phase", s.PhaseMsg())),
	}
	if sus := s.Suspects(); len(sus) > 0 {
		var names []Msg
		for _, p := range sus {
			if s.arrested[p] {
				names = append(names, M("status.detained", Ent("person", p)))
			} else {
				names = append(names, M("entity", Ent("id", p)))
			}
		}
		lines = append(lines, M("status.suspects", List("names", names)))
	}
	d := s.Damages()
	lines = append(lines, M("status.damages", Money("total", d.Total, d.Currency), Money("threshold", d.Threshold, d.Currency)))
	if home := s.sc.HomeLaw(); home != nil && home.Retention > 0 {
		lines = append(lines, M("status.retention", Span("retention", home.Retention)))
	}
	lines = append(lines, M("status.coming"))
	for _, dl := range s.Deadlines() {
		lines = append(lines, M("status.deadline", When("at", dl.At), Sub("what", dl.Msg)))
	}
	return Doc(lines...)
}

// Phase is where the case stands.
type Phase string

// The phases of a case.
const (
	PhaseCheck   Phase = "check"   // the trainee's unit checks the complaint
	PhaseHandoff Phase = "handoff" // the package is with the unit that may open a case
	PhaseCase    Phase = "case"    // a criminal case is open
	PhaseCourt   Phase = "court"   // the case is before the court
	PhaseEnded   Phase = "ended"   // the case has ended
)

// Phase returns where the case stands now.
func (s *Session) Phase() Phase {
	switch {
	case s.ending != nil:
		return PhaseEnded
	case s.inCourt:
		return PhaseCourt
	case s.caseOpen:
		return PhaseCase
	case s.handoffOut:
		return PhaseHandoff
	}
	return PhaseCheck
}

// PhaseMsg names where the case stands.
func (s *Session) PhaseMsg() Msg {
	if s.ending != nil {
		return M("phase.ended", Sub("ending", s.EndingTitle()))
	}
	if p := s.Phase(); p != PhaseCheck || !s.receiving() {
		return M("phase." + string(p))
	}
	// The receiving unit's check is the sending unit's: the trainee waits
	// for the package, decides on it, or has sent it back.
	from := s.sc.Case.Receive.From
	switch {
	case s.received:
		return M("phase.decide", Date("by", s.decideBy))
	case s.arrivedAt > 0:
		return M("phase.returned", Ent("unit", from))
	}
	return M("phase.awaiting", Ent("unit", from))
}

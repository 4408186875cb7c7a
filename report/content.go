package report

import (
	"fmt"
	"slices"
	"strings"

	"takedown/game"
	"takedown/records"
)

// Rating is an HSEEP rating of how an objective was performed.
type Rating string

// The HSEEP ratings.
const (
	RatingP Rating = "P" // performed without challenges
	RatingS Rating = "S" // performed with some challenges
	RatingM Rating = "M" // performed with major challenges
	RatingU Rating = "U" // unable to be performed
)

// Rate rates an objective from whether it was met and the challenges met on
// the way: not met is U; met with no challenge P, with one or two S, with
// three or more M.
func Rate(met bool, challenges int) Rating {
	switch {
	case !met:
		return RatingU
	case challenges == 0:
		return RatingP
	case challenges <= 2:
		return RatingS
	}
	return RatingM
}

// row is one line of the overview.
type row struct{ Label, Value string }

// rated is one objective or lesson with its rating and the evidence for it.
type rated struct {
	Kind     string // "objective" or "lesson"
	Text     string
	Rating   Rating
	Name     string // the rating in words
	Evidence []string
}

// decision is one key decision with the four questions answered.
type decision struct {
	Title    string // what was done, in words
	When     string
	Line     string
	Planned  []string
	Happened []string
	Why      []string
	Keep     bool
	Lesson   []string
}

// event is one line of the timeline table.
type event struct {
	at      game.Minutes
	When    string
	Day     int
	Text    string
	Command bool
	Hidden  bool
}

// item is one line of the evidence table.
type item struct {
	Num, Title, Collected, SHA256, Basis, Status, Reason string
	Admissible                                           bool
}

// reason is a reason the trainee typed.
type reason struct{ When, Line, Why string }

// planRow is one line of the improvement plan.
type planRow struct{ Area, Action, Objective string }

// content is everything the template shows, rendered in the report's
// language.
type content struct {
	Lang         string
	Title        string
	Scenario     string
	Overview     []row
	ResultClass  string
	Result       string
	Score        string
	Ended        bool
	Summary      []string
	Rated        []rated
	Strengths    []string
	Improvements []string
	Decisions    []decision
	TimelineSVG  any
	StrengthSVG  any
	Timeline     []event
	Evidence     []item
	Reasons      []reason
	Plan         []planRow
	Log          string
	LogScenario  string
	LogLang      string
	ReplayHint   string
}

// challenge is a setback of the session. Those that cost the case time
// or evidence weigh on the ratings; the others are areas for improvement
// only.
type challenge struct {
	text   string
	action string // the corrective action for the improvement plan
	weighs bool   // counts against the ratings
}

// challenges lists the session's setbacks: hand-off packages returned,
// requests and actions refused, data lost, evidence that is intelligence
// only, the operators tipped off.
func (r *Report) challenges() []challenge {
	var out []challenge
	count := func(k game.EventKind) int64 {
		n := int64(0)
		for _, ev := range r.events {
			if ev.Kind == k {
				n++
			}
		}
		return n
	}
	if n := count(game.EvHandoffReturned); n > 0 {
		out = append(out, challenge{r.t("report.ch_returns", game.Count("n", n)), r.t("report.act_returns"), true})
	}
	if n := count(game.EvRejected); n > 0 {
		out = append(out, challenge{r.t("report.ch_refused", game.Count("n", n)), r.t("report.act_refused"), true})
	}
	if n := count(game.EvRecordsExpired); n > 0 {
		out = append(out, challenge{r.t("report.ch_lost", game.Count("n", n)), r.t("report.act_lost"), true})
	}
	intel := int64(0)
	for _, e := range r.view.Evidence {
		if !e.Admissible {
			intel++
		}
	}
	if intel > 0 {
		out = append(out, challenge{r.t("report.ch_intel", game.Count("n", intel)), r.t("report.act_intel"), false})
	}
	for _, ev := range r.events {
		if ev.Kind == game.EvTippedOff {
			out = append(out, challenge{r.t("report.ch_tipped", game.When("at", ev.At)), r.t("report.act_tipped"), true})
			break
		}
	}
	return out
}

// rate rates the objectives and the lessons.
func (r *Report) rate(ch []challenge) []rated {
	d := r.view.Debrief
	if d == nil {
		return nil
	}
	var texts []string
	for _, c := range ch {
		if c.weighs {
			texts = append(texts, c.text)
		}
	}
	var out []rated
	add := func(kind, text string, met bool, extra []string, n int) {
		g := Rate(met, n)
		ev := []string{r.t("report.ev_" + strings.ToLower(string(g)))}
		ev = append(ev, extra...)
		if met {
			ev = append(ev, texts...)
		}
		out = append(out, rated{Kind: kind, Text: text, Rating: g, Name: r.t("report.rating_" + strings.ToLower(string(g))), Evidence: ev})
	}
	for _, o := range d.Objectives {
		add("objective", r.p.Text(o.Text), o.Met, nil, len(texts))
	}
	for _, l := range d.Lessons {
		var extra []string
		n := len(texts)
		extra = append(extra, r.lines(l.Why)...)
		for _, k := range d.Key {
			if k.Lesson == l.ID && k.Mistaken {
				extra = append(extra, r.t("report.ev_mistaken", game.Str("line", k.Line), game.When("at", k.At)))
				n += 2
			}
		}
		add("lesson", r.p.Text(l.Text), l.Met, extra, n)
	}
	return out
}

// content renders everything the template shows.
func (r *Report) content() (*content, error) {
	v := r.view
	d := v.Debrief
	c := &content{Lang: string(r.p.Lang()), Title: r.t("report.title"), Scenario: r.p.Text(v.Scenario.Title), Ended: d != nil}
	ch := r.challenges()

	// Overview.
	first, last := r.wallRange()
	c.Overview = append(c.Overview, row{r.t("report.scenario"), fmt.Sprintf("%s (%s, %s)", c.Scenario, v.Scenario.ID, short(v.Scenario.Hash))})
	if first > 0 {
		c.Overview = append(c.Overview, row{r.t("report.played"), r.t("report.played_value", game.Str("from", r.wallTime(first)), game.Str("to", r.wallTime(last)), game.Count("n", int64(r.sittings())))})
		c.Overview = append(c.Overview, row{r.t("report.duration"), r.p.Span(game.Minutes((last - first) / 60))})
	} else {
		c.Overview = append(c.Overview, row{r.t("report.played"), r.t("report.no_wall")})
	}
	c.Overview = append(c.Overview, row{r.t("report.trainee"), r.trainee()})
	c.Overview = append(c.Overview, row{r.t("report.simulated"), r.t("report.simulated_value", game.Date("from", 0), game.Date("to", v.Now), game.Span("span", v.Now))})
	c.Overview = append(c.Overview, row{r.t("report.commands"), r.p.Number(int64(len(r.log.Entries)))})
	if d != nil {
		c.ResultClass = d.Ending.Result
		c.Result = r.t("report.result_value", game.Str("ending", r.endingTitle(d.Ending)), game.Sub("result", game.M("result."+d.Ending.Result)))
		c.Score = r.t("report.score_value", game.Num("score", int64(d.Score)))
		c.Overview = append(c.Overview, row{r.t("report.result"), c.Result + " · " + c.Score})
	} else {
		c.ResultClass = "open"
		c.Result = r.t("report.not_ended")
		c.Overview = append(c.Overview, row{r.t("report.result"), c.Result})
	}

	// Ratings, strengths, areas for improvement, the plan.
	c.Rated = r.rate(ch)
	c.Summary = r.summary(c.Rated)
	c.Decisions = r.decisions()
	c.Strengths, c.Improvements, c.Plan = r.strengths(c.Rated, ch, c.Decisions)
	c.Timeline = r.timeline()
	for _, e := range v.Evidence {
		it := item{Num: e.Num, Title: r.p.Msg(e.Title), Collected: r.p.Time(e.CollectedAt), SHA256: e.SHA256,
			Basis: r.p.Msg(e.Basis), Admissible: e.Admissible}
		if e.Admissible {
			it.Status = r.t("evidence.admissible")
		} else {
			it.Status = r.t("evidence.intel")
			it.Reason = r.p.Msg(e.Reason)
		}
		c.Evidence = append(c.Evidence, it)
	}
	for _, s := range r.steps {
		if s.entry.Why != "" {
			c.Reasons = append(c.Reasons, reason{When: r.p.Time(s.entry.At), Line: s.entry.Line, Why: s.entry.Why})
		}
	}
	var err error
	if c.TimelineSVG, err = r.timelineChart(); err != nil {
		return nil, err
	}
	if c.StrengthSVG, err = r.strengthChart(); err != nil {
		return nil, err
	}
	var b strings.Builder
	if _, err := r.log.WriteTo(&b); err != nil {
		return nil, err
	}
	c.Log, c.LogScenario, c.LogLang = b.String(), r.opt.Scenario, string(r.p.Lang())
	c.ReplayHint = r.t("report.replay_hint")
	return c, nil
}

// short is the start of a hash.
func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	if h == "" {
		return "-"
	}
	return h
}

// summary is the executive summary.
func (r *Report) summary(rs []rated) []string {
	v := r.view
	d := v.Debrief
	var out []string
	if d == nil {
		out = append(out, r.t("report.sum_open", game.Txt("scenario", v.Scenario.Title), game.Span("span", v.Now), game.Sub("phase", v.PhaseMsg)))
		return out
	}
	out = append(out, r.t("report.sum_ending", game.Txt("scenario", v.Scenario.Title), game.Span("span", d.Elapsed),
		game.Str("ending", r.endingTitle(d.Ending)), game.Sub("result", game.M("result."+d.Ending.Result)), game.Num("score", int64(d.Score))))
	if t := r.endingText(d.Ending); t != "" {
		out = append(out, t)
	}
	n := map[Rating]int64{}
	met, objectives := int64(0), int64(0)
	for _, x := range rs {
		n[x.Rating]++
		if x.Kind == "objective" {
			objectives++
			if x.Rating != RatingU {
				met++
			}
		}
	}
	out = append(out, r.t("report.sum_objectives", game.Num("met", met), game.Count("n", objectives),
		game.Num("p", n[RatingP]), game.Num("s", n[RatingS]), game.Num("m", n[RatingM]), game.Num("u", n[RatingU])))
	if vd := d.Verdict; vd != nil {
		out = append(out, r.t("report.sum_court", game.Count("admitted", int64(len(vd.Admitted))), game.Count("rejected", int64(len(vd.Rejected)))))
	}
	dm := v.Damages
	out = append(out, r.t("report.sum_damages", game.Money("total", dm.Total, dm.Currency), game.Money("threshold", dm.Threshold, dm.Currency), game.Bool("serious", dm.Serious)))
	return out
}

// strengths lists what went well, the areas for improvement and the
// improvement plan.
func (r *Report) strengths(rs []rated, ch []challenge, ds []decision) (good, bad []string, plan []planRow) {
	d := r.view.Debrief
	for _, x := range rs {
		switch x.Rating {
		case RatingP, RatingS:
			good = append(good, r.t("report.str_met", game.Str("objective", x.Text), game.Str("rating", string(x.Rating))))
		default:
			bad = append(bad, r.t("report.imp_unmet", game.Str("objective", x.Text), game.Str("rating", string(x.Rating))))
			plan = append(plan, planRow{Area: r.t("report.imp_unmet", game.Str("objective", x.Text), game.Str("rating", string(x.Rating))),
				Action: r.t("report.act_unmet"), Objective: x.Text})
		}
	}
	if d != nil {
		for _, dc := range d.Decisions {
			label := r.p.Text(dc.Label)
			if dc.Taken {
				good = append(good, r.t("report.str_decision", game.Str("label", label), game.Txt("text", dc.Happened)))
			}
		}
		if n := len(d.Admitted); n > 0 {
			good = append(good, r.t("report.str_admitted", game.Count("n", int64(n))))
		}
		for _, m := range d.MissedLeads {
			bad = append(bad, r.t("report.imp_missed", game.Txt("lead", m)))
			plan = append(plan, planRow{Area: r.t("report.imp_missed", game.Txt("lead", m)), Action: r.t("report.act_missed")})
		}
		for _, cs := range d.Causes {
			bad = append(bad, r.t("report.imp_cause", game.When("at", cs.At), game.Sub("cause", cs.Msg)))
		}
	}
	for _, c := range ch {
		bad = append(bad, c.text)
		plan = append(plan, planRow{Area: c.text, Action: c.action})
	}
	for _, dc := range ds {
		if !dc.Keep {
			plan = append(plan, planRow{Area: dc.Title + " (" + dc.When + ")", Action: strings.Join(dc.Lesson, " ")})
		}
	}
	if len(good) == 0 {
		good = append(good, r.t("report.none_found"))
	}
	if len(bad) == 0 {
		bad = append(bad, r.t("report.none_found"))
	}
	return good, bad, plan
}

// decisions answers the four questions at each key decision: the
// debrief's key decisions when it computed them, else the key commands of
// the log.
func (r *Report) decisions() []decision {
	d := r.view.Debrief
	var keys []game.KeyDecision
	if d != nil {
		keys = d.Key
	}
	if len(keys) == 0 {
		for i, s := range r.steps {
			if isKey(s.cmd.Verb) && s.entry.Actor.Kind() == game.ActorTrainee {
				keys = append(keys, game.KeyDecision{Kind: s.cmd.Verb, Entry: i, At: s.entry.At, Line: s.entry.Line, Why: s.entry.Why})
			}
		}
	}
	var out []decision
	for n, k := range keys {
		var next game.Minutes = -1
		if n+1 < len(keys) && keys[n+1].Entry >= 0 {
			next = keys[n+1].At
		}
		out = append(out, r.decision(k, next))
	}
	return out
}

// decision answers the four questions about one key decision.
func (r *Report) decision(k game.KeyDecision, next game.Minutes) decision {
	var s *step
	if k.Entry >= 0 && k.Entry < len(r.steps) {
		s = &r.steps[k.Entry]
	}
	dc := decision{Title: r.t("report.step."+k.Kind, game.Str("line", k.Line)), Line: k.Line, Keep: true}
	if k.Entry < 0 {
		dc.When = r.t("report.not_taken")
	} else {
		dc.When = r.p.Time(k.At)
	}
	d := r.view.Debrief
	// What was supposed to happen: the standard (the lesson) and the
	// trainee's intent.
	if d != nil && k.Lesson != "" {
		for _, l := range d.Lessons {
			if l.ID == k.Lesson {
				dc.Planned = append(dc.Planned, r.t("report.q_standard", game.Txt("lesson", l.Text)))
			}
		}
	}
	why := k.Why
	if why == "" && s != nil {
		why = s.entry.Why
	}
	if why != "" {
		dc.Planned = append(dc.Planned, r.t("report.q_reason", game.Str("why", why)))
	} else {
		dc.Planned = append(dc.Planned, r.t("report.q_no_reason"))
	}
	// What happened: the debrief's account, the decision's consequence,
	// what the entry caused at once.
	dc.Happened = append(dc.Happened, r.lines(k.Taken)...)
	refused := false
	if s != nil {
		for _, f := range s.flags {
			if d == nil {
				break
			}
			for _, sd := range r.scenarioDecisions() {
				if sd.flag == f {
					dc.Happened = append(dc.Happened, r.p.Text(sd.taken))
				}
			}
		}
		for _, ev := range s.events {
			info, ok := game.KindInfo(ev.Kind)
			if !ok || !info.Inbox || ev.Hidden || ev.Kind == game.EvMessage || len(dc.Happened) >= 4 {
				continue
			}
			if ev.Kind == game.EvRejected && ev.Subject == s.cmd.Verb {
				refused = true
			}
			dc.Happened = append(dc.Happened, r.t("report.at", game.When("at", ev.At), game.Sub("what", ev.Msg)))
		}
	}
	if len(dc.Happened) == 0 {
		dc.Happened = append(dc.Happened, r.t("report.q_nothing_yet"))
	}
	// Why: the computed causes of the time up to the next key decision, and
	// the desk's warning.
	if d != nil {
		for _, c := range d.Causes {
			if c.At >= k.At && (next < 0 || c.At < next) {
				dc.Why = append(dc.Why, r.t("report.at", game.When("at", c.At), game.Sub("what", c.Msg)))
			}
		}
	}
	if s != nil && s.risk != game.RiskNone {
		dc.Why = append(dc.Why, r.t("report.q_risk", game.Sub("risk", s.riskMsg)))
	}
	if refused {
		dc.Why = append(dc.Why, r.t("report.q_refused"))
	}
	if len(dc.Why) == 0 {
		dc.Why = append(dc.Why, r.t("report.q_no_cause"))
	}
	// Keep or change: the computed alternative when the rules judged the
	// decision mistaken; else a refusal or a warned risk calls for change.
	switch {
	case k.Mistaken && k.WhatIf != nil:
		dc.Keep = false
		w := k.WhatIf
		dc.Lesson = append(dc.Lesson, r.t("report.q_instead", game.Sub("instead", w.Instead)))
		dc.Lesson = append(dc.Lesson, r.lines(w.Reason)...)
		if w.Ending != "" {
			dc.Lesson = append(dc.Lesson, r.t("report.q_would_end", game.Str("ending", w.Ending), game.Num("score", int64(w.Score)), game.Num("day", int64(w.Day))))
		}
	case k.Mistaken || refused || s != nil && s.risk != game.RiskNone:
		dc.Keep = false
		if k.Mistaken {
			dc.Lesson = append(dc.Lesson, r.t("report.q_mistaken"))
			if d != nil {
				for _, l := range d.Lessons {
					if l.ID == k.Lesson {
						dc.Lesson = append(dc.Lesson, r.t("report.q_lesson", game.Txt("lesson", l.Text)))
					}
				}
			}
		} else {
			dc.Lesson = append(dc.Lesson, r.t("report.q_change"))
		}
		if s != nil {
			for _, f := range s.flags {
				for _, sd := range r.scenarioDecisions() {
					if sd.flag == f && !sd.notTaken.Empty() {
						dc.Lesson = append(dc.Lesson, r.t("report.q_otherwise", game.Txt("text", sd.notTaken)))
					}
				}
			}
		}
	default:
		dc.Lesson = append(dc.Lesson, r.t("report.q_keep"))
	}
	return dc
}

// scenarioDecision is a decision the scenario declares: the flag that
// marks it taken and what each branch leads to.
type scenarioDecision struct {
	flag            string
	taken, notTaken game.Text
}

// scenarioDecisions lists the scenario's declared decisions.
func (r *Report) scenarioDecisions() []scenarioDecision { return r.decls }

// timeline lists the events the debrief's timeline marks and the
// trainee's commands that are legal steps, in order.
func (r *Report) timeline() []event {
	var out []event
	for _, s := range r.steps {
		if _, ok := records.LegalVerbID(s.cmd.Verb); ok {
			out = append(out, event{at: s.entry.At, When: r.p.Time(s.entry.At), Day: int(s.entry.At/game.Day) + 1, Text: r.t("report.you", game.Str("line", s.entry.Line)), Command: true})
		}
	}
	for _, ev := range r.events {
		info, ok := game.KindInfo(ev.Kind)
		if !ok || !info.Timeline {
			continue
		}
		out = append(out, event{at: ev.At, When: r.p.Time(ev.At), Day: int(ev.At/game.Day) + 1, Text: firstLine(r.p.Msg(ev.Msg)), Hidden: ev.Hidden})
	}
	slices.SortStableFunc(out, func(a, b event) int { return int(a.at - b.at) })
	return out
}

// firstLine is the first line of a text.
func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

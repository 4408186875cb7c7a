package game

import (
	"fmt"
	"slices"
	"sort"
)

type handoffPackage struct {
	unit    string
	missing []Text
	refused bool
	items   []string // evidence numbers sent
}

// Missing lists what the investigative department would find missing in a
// hand-off package sent now: the elements the scenario requires, suspects,
// and damages against the threshold. The hand-off scene shows it.
func (s *Session) Missing() []Text {
	var out []Text
	if len(s.Suspects()) == 0 {
		out = append(out, Tf("no suspect identified by admissible evidence", "подозреваемый не установлен допустимыми доказательствами"))
	}
	for _, el := range s.sc.Case.Handoff {
		if el == ElemDamages || s.Proven(el) {
			continue
		}
		out = append(out, Tf("no admissible evidence of %s", "нет допустимых доказательств: %s", elementText(el)))
	}
	if slices.Contains(s.sc.Case.Handoff, ElemDamages) && !s.Proven(ElemDamages) {
		d := s.Damages()
		out = append(out, Tf("damages %d %s are below the threshold of %d %s", "ущерб %d %s ниже порога %d %s",
			d.Total, d.Currency, d.Threshold, d.Currency))
	}
	return out
}

// elementText names an element of the offence in both languages.
func elementText(el string) Text {
	t, ok := map[string]Text{
		ElemDistribution: {"distribution of the works", "распространение произведений"},
		ElemIdentity:     {"the operator's identity", "личность оператора"},
		ElemLink:         {"the link between the suspect and the site", "связь подозреваемого с сайтом"},
		ElemIncome:       {"income from the site", "доход от сайта"},
		ElemDamages:      {"damages above the threshold", "ущерб выше порога"},
	}[el]
	if !ok {
		return T(el)
	}
	return t
}

func (s *Session) handoff(u *Entity, cost Minutes) {
	home := s.sc.HomeLaw()
	switch {
	case s.caseOpen:
		s.reject("handoff", Tf("The criminal case is already open.", "Уголовное дело уже возбуждено."), cost)
		return
	case s.handoffOut:
		s.reject("handoff", Tf("A package is already with the investigative department.", "Материалы уже в следственном отделе."), cost)
		return
	case u.ID == s.sc.Unit:
		s.reject("handoff", Tf("You cannot hand the case to your own unit.", "Нельзя передать материалы своему же подразделению."), cost)
		return
	case !home.Can(u.Role, "open_case"):
		s.reject("handoff", Tf("%s cannot open a criminal case; hand the package to the investigative department.",
			"%s не может возбудить уголовное дело; передайте материалы в следственный отдел.", u.Name), cost)
		return
	}
	pkg := &handoffPackage{unit: u.ID, missing: s.Missing()}
	pkg.refused = len(pkg.missing) == 1 && slices.Contains(s.sc.Case.Handoff, ElemDamages) && !s.Proven(ElemDamages)
	for _, e := range s.evidence {
		pkg.items = append(pkg.items, e.Num)
		e.Custody = append(e.Custody, Custody{At: s.now, Holder: u.ID, Action: Tf("sent to %s in the hand-off package", "передано: %s", u.Name)})
	}
	s.handoffOut = true
	s.flags["handoff_sent"] = "yes"
	d := home.Delay("handoff")
	s.schedule(&task{at: s.now + cost + s.rng.Between(d[0], d[1]), kind: "handoff", pkg: pkg})
	s.say("handoff_sent", u.ID, Tf("Hand-off package sent to %s: evidence items: %d, suspects: %d.", "Материалы переданы в %s: доказательств: %d, подозреваемых: %d.",
		u.Name, len(pkg.items), len(s.Suspects())))
	s.advance(cost)
}

func (s *Session) handoffAnswer(pkg *handoffPackage) {
	s.handoffOut = false
	u := s.sc.Entity(pkg.unit)
	switch {
	case pkg.refused:
		s.say("case_refused", u.ID, Tf("%s refused to open a criminal case: the damages do not reach the threshold of a serious crime.",
			"%s отказал в возбуждении уголовного дела: ущерб не достигает крупного размера.", u.Name))
		s.endWith(OutcomeRefused)
	case len(pkg.missing) > 0:
		s.returns++
		s.flags["handoff_returned"] = "yes"
		for _, e := range s.evidence {
			e.Custody = append(e.Custody, Custody{At: s.now, Holder: s.sc.Unit, Action: Tf("returned by %s", "возвращено: %s", u.Name)})
		}
		txt := Tf("%s returned the package. Missing:", "%s вернул материалы. Не хватает:", u.Name)
		for _, m := range pkg.missing {
			txt.En += "\n  - " + m.En
			txt.Ru += "\n  - " + m.Ru
		}
		s.lastMissing = pkg.missing
		s.say("handoff_returned", u.ID, txt)
		if lim := s.sc.Case.Returns; lim > 0 && s.returns >= lim {
			s.say("case_refused", u.ID, Tf("After %d returns the department closed the material without a case.", "После %d возвратов материал списан без возбуждения дела.", s.returns))
			s.endWith(OutcomeRefused)
		}
	default:
		s.caseOpen = true
		s.flags["case_open"] = "yes"
		s.say("case_opened", u.ID, Tf("%s opened a criminal case. Warrants, arrests and MLAT requests are now possible.",
			"%s возбудил уголовное дело. Теперь возможны обыски, задержания и запросы о правовой помощи.", u.Name))
	}
}

func (s *Session) prosecute(cost Minutes) {
	if !s.caseOpen {
		s.reject("prosecute", Tf("There is no criminal case to prosecute yet.", "Уголовного дела ещё нет."), cost)
		return
	}
	if s.inCourt {
		s.reject("prosecute", Tf("The case is already before the court.", "Дело уже в суде."), cost)
		return
	}
	n := 0
	for _, p := range s.Suspects() {
		if s.arrested[p] {
			n++
		}
	}
	if n == 0 {
		s.reject("prosecute", Tf("No identified suspect has been detained.", "Ни один установленный подозреваемый не задержан."), cost)
		return
	}
	s.inCourt = true
	d := s.sc.HomeLaw().Delay("court")
	s.schedule(&task{at: s.now + cost + s.rng.Between(d[0], d[1]), kind: "verdict"})
	s.say("indicted", "", Tf("The prosecutor has sent the case to court.", "Прокурор направил дело в суд."))
	s.advance(cost)
}

// Verdict is the court's decision with the reasons for it.
type Verdict struct {
	Convicted bool     `json:"convicted"`
	Reasons   []Text   `json:"reasons"`
	Admitted  []string `json:"admitted"` // evidence numbers
	Rejected  []string `json:"rejected"`
}

func (s *Session) verdictDue() {
	v := &Verdict{}
	for _, e := range s.evidence {
		if e.Admissible {
			v.Admitted = append(v.Admitted, e.Num)
		} else {
			v.Rejected = append(v.Rejected, e.Num)
		}
	}
	for _, el := range s.sc.Case.Court {
		if !s.Proven(el) {
			v.Reasons = append(v.Reasons, Tf("not proven: %s", "не доказано: %s", elementText(el)))
		}
	}
	v.Convicted = len(v.Reasons) == 0
	s.verdict = v
	if v.Convicted {
		s.say("verdict", "", Tf("The court found the defendants guilty.", "Суд признал подсудимых виновными."))
		s.endWith(OutcomeConvicted)
		return
	}
	txt := Tf("The court acquitted the defendants.", "Суд оправдал подсудимых.")
	for _, r := range v.Reasons {
		txt.En += "\n  - " + r.En
		txt.Ru += "\n  - " + r.Ru
	}
	s.say("verdict", "", txt)
	s.endWith(OutcomeAcquitted)
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
	s.ending = e
	s.tasks = nil
	s.objectives = nil
	for _, o := range s.sc.Objectives {
		met := false
		if s.hooks != nil {
			s.inHook = true
			ok, err := s.hooks.Objective(s, o.ID)
			s.inHook = false
			if err != nil {
				s.scriptError(err)
			}
			met = ok
		}
		s.objectives = append(s.objectives, ObjectiveResult{ID: o.ID, Text: o.Text, Points: o.Points, Met: met})
	}
	s.score, s.breakdown = s.computeScore()
	s.emit(Event{Kind: "ending", Subject: e.ID, Text: e.Title,
		Data: map[string]string{"result": e.Result, "score": fmt.Sprint(s.score)}})
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
	Label  Text `json:"label"`
	Points int  `json:"points"`
}

func (s *Session) computeScore() (int, []ScoreLine) {
	var lines []ScoreLine
	lines = append(lines, ScoreLine{Text{"Ending: " + s.ending.Title.En, "Итог: " + s.ending.Title.In(RU)}, s.ending.Score})
	for _, o := range s.objectives {
		if o.Met && o.Points != 0 {
			lines = append(lines, ScoreLine{Text{"Objective met: " + o.Text.En, "Цель достигнута: " + o.Text.In(RU)}, o.Points})
		}
	}
	if s.returns > 0 {
		lines = append(lines, ScoreLine{Tf("Hand-off returned %d times", "Материалы возвращались: %d", s.returns), -5 * s.returns})
	}
	if s.rejections > 0 {
		lines = append(lines, ScoreLine{Tf("Requests refused: %d", "Отклонённых запросов: %d", s.rejections), -2 * s.rejections})
	}
	intel := 0
	for _, e := range s.evidence {
		if !e.Admissible {
			intel++
		}
	}
	if intel > 0 {
		lines = append(lines, ScoreLine{Tf("Material obtained outside a legal channel: %d", "Материалы вне правового канала: %d", intel), -3 * intel})
	}
	total := 0
	for _, l := range lines {
		total += l.Points
	}
	return max(0, min(100, total)), lines
}

// TimelineEntry is one line of the debrief's timeline.
type TimelineEntry struct {
	At      Minutes `json:"at"`
	Kind    string  `json:"kind"`
	Text    Text    `json:"text"`
	Hidden  bool    `json:"hidden,omitempty"`
	Command bool    `json:"command,omitempty"`
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
}

// Debrief returns the debrief, or nil before the case has ended.
func (s *Session) Debrief() *Debrief {
	if s.ending == nil {
		return nil
	}
	d := &Debrief{Ending: s.ending, Score: s.score, Breakdown: s.breakdown, Objectives: s.objectives,
		Verdict: s.verdict, Elapsed: s.now}
	for _, ev := range s.events {
		switch ev.Kind {
		case "output", "revealed", "timer", "start":
			continue
		}
		d.Timeline = append(d.Timeline, TimelineEntry{At: ev.At, Kind: ev.Kind, Text: ev.Text, Hidden: ev.Hidden, Command: ev.Kind == "command"})
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
		dr := DecisionResult{Label: T(dc.Flag), Taken: taken, Happened: dc.NotTaken, Otherwise: dc.Taken}
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

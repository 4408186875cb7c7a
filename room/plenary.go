package room

import (
	"slices"
	"strings"

	"takedown/game"
)

// KeyKinds are the key decisions the plenary debrief aligns the timelines
// by, in the order a case usually meets them.
func KeyKinds() []string {
	return []string{"handoff", "mlat", "takedown", "raid", "prosecute", "ask"}
}

// Choice is what a trainee did at a key decision.
type Choice string

// The choices.
const (
	ChoiceNotTaken Choice = "not_taken"
	ChoiceTaken    Choice = "taken"
	ChoiceMistaken Choice = "mistaken" // taken, and the rules count it a mistake (e.g. a takedown before the arrest)
)

// Step is one trainee's key decision of one kind: the first time it was
// taken, or not at all.
type Step struct {
	Kind     string       `json:"kind"`
	Choice   Choice       `json:"choice"`
	Entry    int          `json:"entry"` // the log entry, 0-based; -1 when not taken
	At       game.Minutes `json:"at"`
	Day      int          `json:"day,omitempty"`
	Line     string       `json:"line,omitempty"`
	Why      string       `json:"why,omitempty"` // the trainee's reason, as typed
	Msg      game.Msg     `json:"msg,omitempty"` // what was done, when the rules describe it
	Times    int          `json:"times,omitempty"`
	Mistaken bool         `json:"mistaken,omitempty"`
	WhatIf   *game.WhatIf `json:"what_if,omitempty"` // the computed alternative, when there is one
}

// Column is one trainee's case, side by side with the others.
type Column struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Team    string `json:"team,omitempty"`
	Ended   bool   `json:"ended"`
	Ending  string `json:"ending,omitempty"`
	Result  string `json:"result,omitempty"` // win, partial or loss
	Score   int    `json:"score"`
	Day     int    `json:"day"`
	Lessons *Tally `json:"lessons,omitempty"`
	// Steps has one step per KeyKinds entry, in the same order, so that
	// the columns line up.
	Steps []Step `json:"steps"`
}

// Option is one choice at a key decision: who took it, the share of the
// room, and where it led.
type Option struct {
	Choice   Choice         `json:"choice"`
	Count    int            `json:"count"`
	Share    float64        `json:"share"` // of the trainees in the plenary, 0 to 1
	Trainees []string       `json:"trainees"`
	Led      map[string]int `json:"led"` // result (win, partial, loss, or playing) to how many
	Mean     float64        `json:"mean_score"`
	// Alternatives are the computed other branches of those who chose it.
	Alternatives []Alternative `json:"alternatives,omitempty"`
}

// Alternative is one trainee's computed other branch of a decision.
type Alternative struct {
	Trainee string      `json:"trainee"`
	WhatIf  game.WhatIf `json:"what_if"`
}

// Split is how the room divided at one key decision.
type Split struct {
	Kind    string   `json:"kind"`
	Options []Option `json:"options"`
}

// TeamOutcome sums up a team's cases.
type TeamOutcome struct {
	Team    string         `json:"team"`
	Members []string       `json:"members"`
	Ended   int            `json:"ended"`
	Results map[string]int `json:"results"`
	Mean    float64        `json:"mean_score"`
	Best    int            `json:"best_score"`
}

// Plenary is the debrief for the whole room: every case side by side, the
// split at each key decision and where each branch led.
type Plenary struct {
	Scenario  string        `json:"scenario"`
	Title     game.Text     `json:"title"`
	Columns   []Column      `json:"columns"`
	Teams     []TeamOutcome `json:"teams,omitempty"`
	Decisions []Split       `json:"decisions"`
}

// Plenary computes the plenary debrief from the replayed sessions. Cases
// still running are shown as far as they went.
func (h *Host) Plenary() Plenary {
	p := Plenary{Scenario: h.bundle.ID, Title: h.bundle.Title}
	for _, t := range h.list() {
		t.mu.Lock()
		if t.sess != nil {
			p.Columns = append(p.Columns, column(t.id, t.name, t.team, t.sess.View(), t.sess.Game().Log()))
		}
		t.mu.Unlock()
	}
	return finishPlenary(p)
}

// finishPlenary orders the columns by team and computes the splits and the
// team outcomes.
func finishPlenary(p Plenary) Plenary {
	teamOrder := map[string]int{}
	for _, c := range p.Columns {
		if _, ok := teamOrder[strings.ToLower(c.Team)]; !ok && c.Team != "" {
			teamOrder[strings.ToLower(c.Team)] = len(teamOrder)
		}
	}
	rank := func(c Column) int {
		if c.Team == "" {
			return len(teamOrder)
		}
		return teamOrder[strings.ToLower(c.Team)]
	}
	slices.SortStableFunc(p.Columns, func(a, b Column) int { return rank(a) - rank(b) })
	p.Decisions = splits(p.Columns)
	p.Teams = teamOutcomes(p.Columns)
	return p
}

// column reads one trainee's case from its View and log: the debrief's key
// decisions when the case has ended and the rules listed them, else the
// first log entry of each key verb.
func column(id, name, team string, v *game.View, log []game.LogEntry) Column {
	c := Column{ID: id, Name: name, Team: team, Day: v.Day}
	var key []game.KeyDecision
	if d := v.Debrief; d != nil {
		c.Ended, c.Score = true, d.Score
		if d.Ending != nil {
			c.Ending, c.Result = d.Ending.ID, d.Ending.Result
		}
		key = d.Key
		c.Lessons = lessonTally(d)
	}
	for _, kind := range KeyKinds() {
		c.Steps = append(c.Steps, step(kind, key, log))
	}
	return c
}

// lessonTally counts the debrief's lessons met, or its objectives.
func lessonTally(d *game.Debrief) *Tally {
	if len(d.Lessons) > 0 {
		t := &Tally{Of: len(d.Lessons)}
		for _, l := range d.Lessons {
			if l.Met {
				t.Met++
			}
		}
		return t
	}
	if len(d.Objectives) == 0 {
		return nil
	}
	t := &Tally{Of: len(d.Objectives)}
	for _, o := range d.Objectives {
		if o.Met {
			t.Met++
		}
	}
	return t
}

// step finds a trainee's decision of one kind.
func step(kind string, key []game.KeyDecision, log []game.LogEntry) Step {
	s := Step{Kind: kind, Choice: ChoiceNotTaken, Entry: -1}
	for _, k := range key {
		if k.Kind != kind {
			continue
		}
		if k.Entry < 0 {
			if s.Entry < 0 && s.WhatIf == nil {
				s.Msg, s.WhatIf = k.Taken, k.WhatIf
			}
			continue
		}
		s.Times++
		if s.Times == 1 {
			s.Entry, s.At, s.Line, s.Why, s.Msg, s.Mistaken, s.WhatIf = k.Entry, k.At, k.Line, k.Why, k.Taken, k.Mistaken, k.WhatIf
		}
	}
	if len(key) == 0 {
		for i, e := range log {
			if verb, _, _ := strings.Cut(e.Line, " "); verb == kind && e.Actor.Kind() == game.ActorTrainee {
				s.Times++
				if s.Times == 1 {
					s.Entry, s.At, s.Line, s.Why = i, e.At, e.Line, e.Why
				}
			}
		}
	}
	if s.Entry >= 0 {
		s.Day = gameDay(s.At)
		s.Choice = ChoiceTaken
		if s.Mistaken {
			s.Choice = ChoiceMistaken
		}
	}
	return s
}

// splits counts, for each key decision, who chose what and where it led.
func splits(cols []Column) []Split {
	var out []Split
	for i, kind := range KeyKinds() {
		sp := Split{Kind: kind}
		for _, ch := range []Choice{ChoiceTaken, ChoiceMistaken, ChoiceNotTaken} {
			o := Option{Choice: ch, Led: map[string]int{}}
			ended := 0
			for _, c := range cols {
				st := c.Steps[i]
				if st.Choice != ch {
					continue
				}
				o.Count++
				o.Trainees = append(o.Trainees, c.ID)
				if c.Ended {
					o.Led[c.Result]++
					o.Mean += float64(c.Score)
					ended++
				} else {
					o.Led["playing"]++
				}
				if st.WhatIf != nil {
					o.Alternatives = append(o.Alternatives, Alternative{Trainee: c.ID, WhatIf: *st.WhatIf})
				}
			}
			if o.Count == 0 {
				continue
			}
			if ended > 0 {
				o.Mean /= float64(ended)
			}
			o.Share = float64(o.Count) / float64(len(cols))
			sp.Options = append(sp.Options, o)
		}
		out = append(out, sp)
	}
	return out
}

// teamOutcomes sums the columns up by team.
func teamOutcomes(cols []Column) []TeamOutcome {
	var out []TeamOutcome
	index := map[string]int{}
	for _, c := range cols {
		if c.Team == "" {
			continue
		}
		key := strings.ToLower(c.Team)
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, TeamOutcome{Team: c.Team, Results: map[string]int{}})
		}
		t := &out[i]
		t.Members = append(t.Members, c.ID)
		if c.Ended {
			t.Ended++
			t.Results[c.Result]++
			t.Mean += float64(c.Score)
			t.Best = max(t.Best, c.Score)
		}
	}
	for i := range out {
		if out[i].Ended > 0 {
			out[i].Mean /= float64(out[i].Ended)
		}
	}
	return out
}

package room

import (
	"slices"
	"strings"
	"time"

	"takedown/game"
)

// ConnState is how a trainee's app is connected to the room.
type ConnState string

// The connection states.
const (
	StateConnecting ConnState = "connecting" // the app is reaching the host
	StateOnline     ConnState = "online"
	StateOffline    ConnState = "offline" // the app plays on and sends its entries later
	StateRefused    ConnState = "refused" // the host refused the app for good (see the reason)
	StateClosed     ConnState = "closed"  // the app left the room
)

// Attention is why the dashboard marks a trainee.
type Attention string

// The reasons for attention.
const (
	AttentionOffline Attention = "offline"      // the app is not connected
	AttentionIdle    Attention = "idle"         // no command for Options.Idle
	AttentionMistake Attention = "mistake"      // a mistake in a case still running
	AttentionProblem Attention = "problem"      // the host rejected the log, or could not replay it
	AttentionPending Attention = "pending"      // an order has waited over a minute
	AttentionScript  Attention = "script_error" // the scenario's script failed
)

// pendingGrace is how long an order may wait for its log entry before the
// dashboard marks the trainee.
const pendingGrace = time.Minute

// Tally is how many of something were met, of how many.
type Tally struct {
	Met int `json:"met"`
	Of  int `json:"of"`
}

// Problem is why the host accepts a trainee's log no further (or, when
// Retrying, not yet).
type Problem struct {
	Code     Code     `json:"code"`
	Msg      game.Msg `json:"msg"`
	Text     string   `json:"text"` // in English
	Entry    int      `json:"entry"`
	Retrying bool     `json:"retrying,omitempty"`
}

// Row is one trainee on the instructor's dashboard, from the session the
// host replayed.
type Row struct {
	ID       string       `json:"id"`
	Name     string       `json:"name"`
	Team     string       `json:"team,omitempty"`
	State    ConnState    `json:"state"`
	Entries  int          `json:"entries"` // log entries the host accepted
	Phase    game.Phase   `json:"phase"`
	PhaseMsg game.Msg     `json:"phase_msg"`
	Day      int          `json:"day"`
	Now      game.Minutes `json:"now"`
	// Lessons counts the scenario's lessons met (as they stand during
	// play), or its objectives at the end when it declares no lessons.
	Lessons     *Tally `json:"lessons,omitempty"`
	LessonsKind string `json:"lessons_kind,omitempty"` // lessons or objectives
	Admitted    int    `json:"admitted"`               // admissible evidence
	Rejected    int    `json:"rejected"`               // intelligence only
	// Mistakes are the causes the rules computed: what went wrong, when.
	Mistakes      []game.Cause `json:"mistakes,omitempty"`
	TippedOff     bool         `json:"tipped_off,omitempty"`
	TakedownEarly bool         `json:"takedown_early,omitempty"`
	FreezeLapsed  bool         `json:"freeze_lapsed,omitempty"`
	Returned      int          `json:"returned,omitempty"` // hand-off packages sent back
	Ended         bool         `json:"ended,omitempty"`
	Ending        string       `json:"ending,omitempty"`
	Result        string       `json:"result,omitempty"`
	Score         int          `json:"score,omitempty"`
	ScriptErrors  int          `json:"script_errors,omitempty"`
	Pending       int          `json:"pending,omitempty"` // orders not yet in its log
	OfflineSince  time.Time    `json:"offline_since,omitzero"`
	Problem       *Problem     `json:"problem,omitempty"`
	Joined        time.Time    `json:"joined"`     // host clock
	LastEntry     time.Time    `json:"last_entry"` // host clock
	Checksum      string       `json:"checksum"`
	Attention     []Attention  `json:"attention,omitempty"`
}

// TeamRow sums up a team's trainees.
type TeamRow struct {
	Team      string     `json:"team"`
	Members   []string   `json:"members"` // trainee ids
	Online    int        `json:"online"`
	Ended     int        `json:"ended"`
	Phase     game.Phase `json:"phase"` // the furthest any member has reached
	Day       int        `json:"day"`   // the latest game day of any member
	Mistakes  int        `json:"mistakes"`
	BestScore int        `json:"best_score,omitempty"`
	Attention bool       `json:"attention,omitempty"`
}

// Dashboard is what the instructor's screen shows of the room.
type Dashboard struct {
	Code      string    `json:"code"`
	Scenario  string    `json:"scenario"`
	Title     game.Text `json:"title"`
	Seed      uint64    `json:"seed"`
	Paused    bool      `json:"paused,omitempty"`
	Stopped   bool      `json:"stopped,omitempty"`
	Clock     Clock     `json:"clock"`
	Trainees  []Row     `json:"trainees"`
	Teams     []TeamRow `json:"teams,omitempty"`
	Attention int       `json:"attention"` // trainees marked
}

// Dashboard computes the instructor's dashboard from every trainee's
// replayed session. Rows are cached until a trainee's session changes, so
// calling it a few times a second costs little; the rows share their
// slices with the cache and must not be changed.
func (h *Host) Dashboard() Dashboard {
	h.mu.Lock()
	now := h.opt.Now()
	d := Dashboard{Code: h.opt.Code, Scenario: h.bundle.ID, Title: h.bundle.Title, Seed: h.opt.Seed,
		Paused: h.paused, Stopped: h.stopped, Clock: h.clock.frame(now)}
	ts := slices.Clone(h.trainees)
	h.mu.Unlock()
	d.Trainees = make([]Row, 0, len(ts))
	for _, t := range ts {
		r := t.dashboardRow(now, h.opt.Idle)
		if len(r.Attention) > 0 {
			d.Attention++
		}
		d.Trainees = append(d.Trainees, r)
	}
	d.Teams = teamRows(d.Trainees)
	return d
}

// dashboardRow returns the trainee's row: the part that depends on its
// session from the cache, the part that depends on the time afresh.
func (t *trainee) dashboardRow(now time.Time, idle time.Duration) Row {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.row == nil || t.rowVer != t.version {
		t.row = t.computeRow()
		t.rowVer = t.version
	}
	r := *t.row
	r.State, r.OfflineSince = StateOffline, t.lastSeen
	if t.conn != nil {
		r.State, r.OfflineSince = StateOnline, time.Time{}
	}
	r.Pending = t.pending()
	r.Attention = nil
	if r.State == StateOffline && !r.Ended {
		r.Attention = append(r.Attention, AttentionOffline)
	}
	if !r.Ended && now.Sub(t.lastEntry) > idle {
		r.Attention = append(r.Attention, AttentionIdle)
	}
	if !r.Ended && len(r.Mistakes) > 0 {
		r.Attention = append(r.Attention, AttentionMistake)
	}
	if r.Problem != nil {
		r.Attention = append(r.Attention, AttentionProblem)
	}
	if r.Pending > 0 && now.Sub(t.orders[t.matched].at) > pendingGrace {
		r.Attention = append(r.Attention, AttentionPending)
	}
	if r.ScriptErrors > 0 {
		r.Attention = append(r.Attention, AttentionScript)
	}
	return r
}

// computeRow reads the trainee's replayed session. It asks the session
// for what the row shows rather than computing a whole View, which would
// cost the host several times more on every change. The caller holds t.mu.
func (t *trainee) computeRow() *Row {
	r := &Row{ID: t.id, Name: t.name, Team: t.team, Joined: t.joined, LastEntry: t.lastEntry}
	if p := t.problem; p != nil {
		r.Problem = &Problem{Code: p.Code, Msg: p.Msg, Text: p.Error(), Entry: p.Entry, Retrying: t.retry}
	}
	if t.sess == nil {
		return r
	}
	g := t.sess.Game()
	r.Entries, r.Phase, r.PhaseMsg, r.Now, r.Checksum = len(g.Log()), g.Phase(), g.PhaseMsg(), g.Now(), g.Checksum()
	r.Day = gameDay(r.Now)
	r.ScriptErrors = len(g.ScriptErrors())
	for _, e := range g.Evidence() {
		if e.Admissible {
			r.Admitted++
		} else {
			r.Rejected++
		}
	}
	var debrief *game.Debrief
	if e := g.Ending(); e != nil {
		debrief = g.Debrief()
		r.Ended, r.Ending, r.Result = true, e.ID, e.Result
		if debrief != nil {
			r.Score = debrief.Score
		}
	}
	if ls := g.Lessons(); len(ls) > 0 {
		r.Lessons, r.LessonsKind = &Tally{Of: len(ls)}, "lessons"
		for _, l := range ls {
			if l.Met {
				r.Lessons.Met++
			}
		}
	} else if debrief != nil && len(debrief.Objectives) > 0 {
		r.Lessons, r.LessonsKind = &Tally{Of: len(debrief.Objectives)}, "objectives"
		for _, o := range debrief.Objectives {
			if o.Met {
				r.Lessons.Met++
			}
		}
	}
	r.Mistakes = g.Causes()
	for _, c := range r.Mistakes {
		switch c.ID {
		case "tipped-off":
			r.TippedOff = true
		case "takedown-early":
			r.TakedownEarly = true
		case "freeze-lapsed":
			r.FreezeLapsed = true
		case "returned":
			r.Returned++
		}
	}
	return r
}

// gameDay is the day of the case a point of simulated time falls on, 1 for
// the first (as the View counts).
func gameDay(at game.Minutes) int { return int(at/game.Day) + 1 }

// phaseRank orders the phases of a case.
func phaseRank(p game.Phase) int {
	return slices.Index([]game.Phase{game.PhaseCheck, game.PhaseHandoff, game.PhaseCase, game.PhaseCourt, game.PhaseEnded}, p)
}

// teamRows sums the rows up by team, in the order teams first appear;
// trainees without a team make no team row.
func teamRows(rows []Row) []TeamRow {
	var out []TeamRow
	index := map[string]int{}
	for _, r := range rows {
		if r.Team == "" {
			continue
		}
		key := strings.ToLower(r.Team)
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, TeamRow{Team: r.Team, Phase: r.Phase})
		}
		tr := &out[i]
		tr.Members = append(tr.Members, r.ID)
		if r.State == StateOnline {
			tr.Online++
		}
		if r.Ended {
			tr.Ended++
			tr.BestScore = max(tr.BestScore, r.Score)
		}
		if phaseRank(r.Phase) > phaseRank(tr.Phase) {
			tr.Phase = r.Phase
		}
		tr.Day = max(tr.Day, r.Day)
		tr.Mistakes += len(r.Mistakes)
		tr.Attention = tr.Attention || len(r.Attention) > 0
	}
	return out
}

package room

import (
	"encoding/json"
	"slices"
	"sync"
	"testing"
	"time"
)

// The dashboard marks mistakes, idle and offline trainees from the replayed
// sessions; the plenary lines the cases up by key decision and counts
// where each choice led.
func TestDashboardAndPlenary(t *testing.T) {
	var mu sync.Mutex
	now := time.Unix(1_800_000_000, 0)
	clock := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		return now
	}
	advance := func(d time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(d)
	}
	h := startHost(t, filmSite(t), Options{Idle: 5 * time.Minute, Now: clock, Budget: 45 * time.Minute})
	a, b := join(t, h, "Anna", "Red"), join(t, h, "Boris", "Red")
	c := join(t, h, "Chen", "Blue")
	playAll(a, moves(t, "win"))
	playAll(b, moves(t, "lose-early-takedown"))
	playAll(c, moves(t, "lose-logs-expired")[:12])
	syncAll(t, a, b, c)

	ra, rb, rc := row(t, h, a.Status().ID), row(t, h, b.Status().ID), row(t, h, c.Status().ID)
	if !ra.Ended || ra.Result != "win" || ra.Lessons == nil || ra.Lessons.Met != ra.Lessons.Of || ra.Admitted == 0 || len(ra.Attention) != 0 {
		t.Errorf("the winner's row: %+v", ra)
	}
	if !rb.TakedownEarly || !rb.Ended || rb.Result != "loss" {
		t.Errorf("an early takedown: %+v", rb)
	}
	if rc.Ended || rc.Returned == 0 || !slices.Contains(rc.Attention, AttentionMistake) {
		t.Errorf("a returned package: %+v", rc)
	}
	advance(6 * time.Minute)
	if rc = row(t, h, c.Status().ID); !slices.Contains(rc.Attention, AttentionIdle) {
		t.Errorf("an idle trainee: %+v", rc)
	}
	d := h.Dashboard()
	if d.Clock.Budget != (45*time.Minute).Milliseconds() || d.Clock.Remaining != (39*time.Minute).Milliseconds() || !d.Clock.Running {
		t.Errorf("countdown: %+v", d.Clock)
	}
	if err := h.Pause(); err != nil {
		t.Fatal(err)
	}
	advance(10 * time.Minute)
	if d := h.Dashboard(); d.Clock.Remaining != (39*time.Minute).Milliseconds() || d.Clock.Running || !d.Paused {
		t.Errorf("a paused countdown: %+v", d.Clock)
	}
	waitFor(t, "the app's countdown to stop", func() bool { st := c.Status(); return st.HasBudget && !st.Running })
	if len(d.Teams) != 2 || d.Teams[0].Team != "Red" || d.Teams[0].Ended != 2 || d.Teams[0].BestScore != ra.Score {
		t.Errorf("teams: %+v", d.Teams)
	}

	p := h.Plenary()
	if len(p.Columns) != 3 || p.Columns[2].ID != c.Status().ID {
		t.Fatalf("columns: %+v", p.Columns)
	}
	for _, col := range p.Columns {
		if len(col.Steps) != len(KeyKinds()) {
			t.Fatalf("%s: %d steps", col.Name, len(col.Steps))
		}
	}
	takedown := p.Decisions[slices.Index(KeyKinds(), "takedown")]
	var taken Option
	for _, o := range takedown.Options {
		if o.Choice != ChoiceNotTaken {
			taken.Count += o.Count
			for r, n := range o.Led {
				if taken.Led == nil {
					taken.Led = map[string]int{}
				}
				taken.Led[r] += n
			}
		}
	}
	if taken.Count != 2 || taken.Led["win"] != 1 || taken.Led["loss"] != 1 {
		t.Errorf("takedown split: %+v", takedown)
	}
	handoff := p.Columns[2].Steps[0]
	if handoff.Kind != "handoff" || handoff.Choice == ChoiceNotTaken || handoff.Day == 0 {
		t.Errorf("Chen's hand-off: %+v", handoff)
	}
	if len(p.Teams) != 2 || p.Teams[0].Ended != 2 {
		t.Errorf("team outcomes: %+v", p.Teams)
	}
	if _, err := json.Marshal(p); err != nil {
		t.Error(err)
	}
}

package room

import (
	"errors"
	"sync"
	"testing"

	"takedown/game"
)

// Several trainees play the winning walkthrough at once; the host's replay
// of each is the trainee's own session, and the dashboard shows the case
// won.
func TestHostReplaysEveryTrainee(t *testing.T) {
	h := startHost(t, filmSite(t), Options{})
	win := moves(t, "win")
	var cs []*Client
	for _, name := range []string{"Anna", "Boris", "Chen"} {
		cs = append(cs, join(t, h, name, "Blue"))
	}
	var wg sync.WaitGroup
	for _, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, l := range win {
				if _, err := c.Exec(game.LogEntry{Line: l}); err != nil {
					t.Errorf("%s: %v", l, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	syncAll(t, cs...)
	for _, c := range cs {
		sameState(t, h, c)
		r := row(t, h, c.Status().ID)
		if !r.Ended || r.Result != "win" || r.Entries != len(win) || r.Problem != nil || r.State != StateOnline {
			t.Errorf("%s: row %+v", r.Name, r)
		}
	}
	d := h.Dashboard()
	if len(d.Teams) != 1 || len(d.Teams[0].Members) != 3 || d.Teams[0].Ended != 3 {
		t.Errorf("team rows: %+v", d.Teams)
	}
}

// A trainee whose network drops keeps playing; when it comes back the app
// sends what the host lacks, and nothing is lost or counted twice.
func TestRejoinLosesNothing(t *testing.T) {
	h := startHost(t, filmSite(t), Options{})
	net := newProxy(t, h.Addr().String())
	c := joinAt(t, net.addr(), h.Code(), "Dana", "", nil)
	win := moves(t, "win")
	half := len(win) / 2
	play(t, c, win[:10])
	syncAll(t, c)

	// A connection closed mid-play: the app reconnects at once.
	net.cut()
	play(t, c, win[10:half])
	syncAll(t, c)
	sameState(t, h, c)

	// The network fails for a while: the app plays on, offline.
	net.setDown(true)
	waitFor(t, "the app to notice", func() bool { return c.Status().State == StateOffline })
	play(t, c, win[half:])
	if st := c.Status(); st.Waiting != len(win)-half || st.State != StateOffline {
		t.Fatalf("offline: %+v", st)
	}
	waitFor(t, "the host to notice", func() bool { return row(t, h, c.Status().ID).State == StateOffline })
	if r := row(t, h, c.Status().ID); r.Entries != half || len(r.Attention) == 0 || r.Attention[0] != AttentionOffline {
		t.Fatalf("the host should hold %d entries of an offline trainee: %+v", half, r)
	}
	net.setDown(false)
	syncAll(t, c)
	sameState(t, h, c)
	if r := row(t, h, c.Status().ID); r.Entries != len(win) || !r.Ended || r.Result != "win" || r.Problem != nil {
		t.Errorf("after rejoining: %+v", r)
	}
}

// A paused room refuses the trainee's commands, on the app and so in the
// log; a trainee who joins while it is paused starts paused.
func TestPauseRefusesCommands(t *testing.T) {
	h := startHost(t, filmSite(t), Options{})
	a := join(t, h, "Anna", "")
	play(t, a, []string{"whois kadr-hd.ru"})
	if err := h.Pause(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the pause to arrive", func() bool { return a.Status().Paused })
	_, err := a.Exec(game.LogEntry{Line: "dns kadr-hd.ru"})
	var u *game.UsageError
	if !errors.As(err, &u) || u.Msg.ID != "cmd.paused" {
		t.Fatalf("a command while paused: %v", err)
	}
	if err := h.Pause(); err == nil {
		t.Error("pausing a paused room should be refused")
	}
	b := join(t, h, "Boris", "")
	waitFor(t, "a late joiner to start paused", func() bool { return b.Status().Paused })
	if err := h.Resume(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the resume to arrive", func() bool { return !a.Status().Paused && !b.Status().Paused })
	play(t, a, []string{"dns kadr-hd.ru"})
	syncAll(t, a, b)
	sameState(t, h, a)
	sameState(t, h, b)
	var actors []game.Actor
	for _, e := range clientLog(a) {
		actors = append(actors, e.Actor)
	}
	want := []game.Actor{game.ActorTrainee, game.ActorInstructor, game.ActorInstructor, game.ActorTrainee}
	if len(actors) != len(want) {
		t.Fatalf("log actors %v, want %v", actors, want)
	}
	for i := range want {
		if actors[i] != want[i] {
			t.Fatalf("log actors %v, want %v", actors, want)
		}
	}
	if r := row(t, h, a.Status().ID); r.Pending != 0 {
		t.Errorf("orders pending: %+v", r)
	}
}

// Stop takes every trainee to an ending, and the debrief; a trainee who
// joins after it ends at once.
func TestStopEndsEveryCase(t *testing.T) {
	h := startHost(t, filmSite(t), Options{})
	win := moves(t, "win")
	a, b := join(t, h, "Anna", "Red"), join(t, h, "Boris", "Blue")
	play(t, a, win[:5])
	play(t, b, win[:12])
	if err := h.Stop(); err != nil {
		t.Fatal(err)
	}
	late := join(t, h, "Chen", "Blue")
	syncAll(t, a, b, late)
	waitFor(t, "every case to end", func() bool {
		return a.Status().Ended && b.Status().Ended && late.Status().Ended
	})
	syncAll(t, a, b, late)
	for _, c := range []*Client{a, b, late} {
		v := c.View()
		if v.Ending == nil || v.Ending.Outcome != game.OutcomeStopped || v.Debrief == nil {
			t.Errorf("%s: ending %+v", c.Status().Name, v.Ending)
		}
		sameState(t, h, c)
		if r := row(t, h, c.Status().ID); !r.Ended || r.Ending != game.OutcomeStopped {
			t.Errorf("row %+v", r)
		}
	}
	if err := h.Resume(); err == nil {
		t.Error("resuming an ended session should be refused")
	}
	if _, err := a.Exec(game.LogEntry{Line: "dns kadr-hd.ru"}); err == nil {
		t.Error("a command after the end should be refused")
	}
	p := h.Plenary()
	if len(p.Columns) != 3 || p.Columns[0].Team != "Red" || !p.Columns[1].Ended {
		t.Errorf("plenary columns: %+v", p.Columns)
	}
}

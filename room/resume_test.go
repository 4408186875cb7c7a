package room

import (
	"context"
	"testing"
	"time"

	"takedown/engine"
	"takedown/game"
)

// engineLike is the window's engine interface (ui.Engine), restated so that
// the room need not import the window.
type engineLike interface {
	Exec(e game.LogEntry) (engine.Change, error)
	View() *game.View
	Events() []game.Event
	LogText() []byte
	Close()
}

var (
	_ engineLike = (*Client)(nil)
	_ engineLike = (*Spectator)(nil)
)

// An app that was closed rejoins its seat with its token and saved log and
// plays on; one that lost entries the host holds and plays otherwise is
// flagged, not merged.
func TestRejoinWithSavedLog(t *testing.T) {
	h := startHost(t, filmSite(t), Options{})
	win := moves(t, "win")
	c := join(t, h, "Anna", "Red")
	play(t, c, win[:8])
	syncAll(t, c)
	token, early := c.Token(), c.LogText()
	play(t, c, win[8:12])
	syncAll(t, c)
	saved := c.LogText()
	c.Close()
	waitFor(t, "the host to see the app leave", func() bool { return row(t, h, "t1").State == StateOffline })
	if _, err := h.Notice(Target{}, "Welcome back"); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	again, err := Join(ctx, JoinOptions{Addr: h.Addr().String(), Code: h.Code(), Token: token, Log: saved})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if st := again.Status(); st.ID != "t1" || st.Name != "Anna" || st.Team != "Red" || st.Entries != 12 {
		t.Fatalf("rejoined as %+v", st)
	}
	waitFor(t, "the notice", func() bool { return instructorEntries(again) == 1 })
	play(t, again, win[12:])
	syncAll(t, again)
	sameState(t, h, again)
	if d := h.Dashboard(); len(d.Trainees) != 1 || d.Trainees[0].Result != "win" {
		t.Errorf("dashboard: %+v", d.Trainees)
	}

	// An older save: the app catches up with the host's log and plays on.
	again.Close()
	old, err := Join(ctx, JoinOptions{Addr: h.Addr().String(), Code: h.Code(), Token: token, Log: early})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if st := old.Status(); st.Entries != len(win)+1 || st.Waiting != 0 || !st.Ended {
		t.Errorf("caught up to %+v", st)
	}
	sameState(t, h, old)
}

package room

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"
)

// The instructor's remote control reaches the room with the token, and only
// with it.
func TestRemoteInstructor(t *testing.T) {
	h := startHost(t, filmSite(t), Options{})
	a := join(t, h, "Anna", "Red")
	play(t, a, moves(t, "win")[:3])
	syncAll(t, a)
	ctx := context.Background()
	r := NewRemote(h.Addr().String(), h.Token())
	if n, err := r.Command(ctx, Target{Team: "red"}, "notice Look at the map"); err != nil || n != 1 {
		t.Fatalf("command: %d %v", n, err)
	}
	if _, err := r.Command(ctx, Target{}, "inject press"); err == nil {
		t.Error("film-site declares no inject")
	}
	if c, err := r.SetBudget(ctx, 20*time.Minute); err != nil || c.Budget != (20*time.Minute).Milliseconds() {
		t.Errorf("budget: %+v %v", c, err)
	}
	waitFor(t, "the notice", func() bool { return instructorEntries(a) == 1 })
	syncAll(t, a)
	d, err := r.Dashboard(ctx)
	if err != nil || len(d.Trainees) != 1 || d.Trainees[0].Entries != 4 {
		t.Fatalf("dashboard: %+v %v", d, err)
	}
	w, err := r.Watch(ctx, a.Status().ID)
	if err != nil || w.View == nil || w.View.Checksum != a.View().Checksum || len(w.Events) != len(a.Events()) {
		t.Errorf("watch: %v", err)
	}
	if p, err := r.Plenary(ctx); err != nil || len(p.Columns) != 1 {
		t.Errorf("plenary: %+v %v", p, err)
	}
	var zip bytes.Buffer
	if err := r.Export(ctx, &zip); err != nil {
		t.Fatal(err)
	}
	if ar, err := ReadArchiveFrom(bytes.NewReader(zip.Bytes()), int64(zip.Len())); err != nil || len(ar.Logs) != 1 {
		t.Errorf("export: %v", err)
	}
	var ref *RefusedError
	if _, err := NewRemote(h.Addr().String(), a.Token()).Dashboard(ctx); !errors.As(err, &ref) || ref.Code != CodeToken {
		t.Errorf("a trainee's token: %v", err)
	}
}

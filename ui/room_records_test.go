package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"takedown/game"
	"takedown/room"
	"takedown/room/lan"
	"takedown/save"
	"takedown/scenarios"
)

// TestHostedRoomKeepsRecords checks that a room hosted from the app keeps
// its trainees' training records in the app's outbox, built from the
// host's replays, each trainee the account named as it joined on the
// academy's home page of the settings, and that closing the room records
// what came last.
func TestHostedRoomKeepsRecords(t *testing.T) {
	dir := t.TempDir()
	h := newDriver(t, func(src Source) (*App, error) {
		a, err := New(Options{Size: size720, Source: src, Scenarios: []string{scenarios.Default},
			Records: RecordsOptions{Dir: dir, Home: "https://lms.academy.example/"}})
		if err == nil {
			a.room.addr, a.room.net = "127.0.0.1:0", &lan.Memory{}
		}
		return a, err
	})
	defer h.onLoop(h.app.Close)
	h.click("host_room")
	h.click("open_room")
	hr := h.app.room.host
	if hr == nil || hr.rec == nil {
		t.Fatal("the hosted room keeps no records")
	}
	c, err := room.Join(context.Background(), room.JoinOptions{Addr: hr.h.Addr().String(), Code: hr.info.Code, Name: "ada.k", Team: "North"})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{"whois kadr-hd.ru", "dns kadr-hd.ru"} {
		if _, err := c.Exec(game.LogEntry{Line: l}); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30e9)
	defer cancel()
	if err := c.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	c.Close()
	h.onLoop(func() { hr.record(true) })
	var verbs []string
	for _, st := range keptStatements(t, h.app.keeper) {
		if st.Actor.Account.Name != "ada.k" || st.Actor.Account.HomePage != "https://lms.academy.example/" {
			t.Errorf("a room statement is about %+v", st.Actor.Account)
		}
		verbs = append(verbs, st.Verb.ID[strings.LastIndex(st.Verb.ID, "/")+1:])
	}
	if got := strings.Join(verbs, " "); !strings.HasPrefix(got, "initialized experienced interacted interacted") {
		t.Errorf("the room's statements are %v", verbs)
	}
}

// TestRoomReports writes the whole room's after-action reports from the
// plenary: an index and a report for the trainee who played, in the
// reports folder, and the window says where.
func TestRoomReports(t *testing.T) {
	store, err := save.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	h := newDriver(t, func(src Source) (*App, error) {
		a, err := New(Options{Size: size720, Source: src, Store: store, Scenarios: []string{scenarios.Default}})
		if err == nil {
			a.room.addr, a.room.net = "127.0.0.1:0", &lan.Memory{}
		}
		return a, err
	})
	defer h.onLoop(h.app.Close)
	h.click("host_room")
	h.click("open_room")
	hr := h.app.room.host
	c, err := room.Join(context.Background(), room.JoinOptions{Addr: hr.h.Addr().String(), Code: hr.info.Code, Name: "Ada", Team: "North"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, l := range []string{"whois kadr-hd.ru", "dns kadr-hd.ru"} {
		if _, err := c.Exec(game.LogEntry{Line: l}); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30e9)
	defer cancel()
	if err := c.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	h.onLoop(func() { h.app.goTo(ScenePlenary) })
	h.until("the plenary offers the reports", func() bool { return h.has("room_reports") })
	h.click("room_reports")
	h.until("the reports are written", func() bool { title, _ := h.app.Overlay(); return title != "" })
	title, lines := h.app.Overlay()
	if !strings.Contains(title, "1 trainees") && !strings.Contains(title, "1 trainee") || len(lines) != 1 {
		t.Fatalf("the overlay says %q %q", title, lines)
	}
	page, err := os.ReadFile(lines[0])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `href="01-ada.html"`) {
		t.Errorf("the index does not link Ada's report:\n%s", page)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(lines[0]), "01-ada.html")); err != nil {
		t.Error(err)
	}
}

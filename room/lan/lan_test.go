package lan

import (
	"context"
	"strings"
	"testing"
)

func TestMemoryAnnouncesAndForgets(t *testing.T) {
	var m Memory
	stop, err := m.Announce(Room{Instance: "Room 204", Addrs: []string{"10.0.0.5:7345"}, Port: 7345, Scenario: "film-site", Title: "A film site", Proto: 1})
	if err != nil {
		t.Fatal(err)
	}
	rs, err := m.Browse(context.Background())
	if err != nil || len(rs) != 1 || rs[0].Scenario != "film-site" || rs[0].Proto != 1 || rs[0].Addrs[0] != "10.0.0.5:7345" {
		t.Fatalf("browse: %+v %v", rs, err)
	}
	stop()
	if rs, _ := m.Browse(context.Background()); len(rs) != 0 {
		t.Errorf("after stop: %+v", rs)
	}
}

func TestAnnouncedTextIsCleaned(t *testing.T) {
	var r Room
	fromTXT([]string{"proto=abc", "title=Evil\x1b[2J\u202eroom" + strings.Repeat("x", 300), "scenario=film-site", "junk"}, &r)
	if r.Proto != 0 || strings.ContainsAny(r.Title, "\x1b\u202e") || len(r.Title) > maxField || r.Scenario != "film-site" {
		t.Errorf("%+v", r)
	}
	if got := unescape(`Takedown\ on\ room\\204`); got != `Takedown on room\204` {
		t.Errorf("unescape: %q", got)
	}
	if got := dedupe([]Room{{Instance: "a", Port: 1}, {Instance: "b"}, {Instance: "a", Port: 2}}); len(got) != 2 || got[0].Port != 2 {
		t.Errorf("dedupe: %+v", got)
	}
}

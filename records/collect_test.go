package records

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestCollector has two participants deliver their outboxes to the host's
// collector, and the host forward everything to the LRS.
func TestCollector(t *testing.T) {
	host := openTest(t, t.TempDir())
	srv := httptest.NewServer(&Collector{Outbox: host, Token: "room-secret"})
	t.Cleanup(srv.Close)
	room := Config{Endpoint: srv.URL + "/xapi/", Token: "room-secret", TokenScheme: "Bearer", AllowHTTP: true}
	lrs, err := NewLRS(room, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, b := openTest(t, t.TempDir()), openTest(t, t.TempDir())
	itemsA := addN(t, a, 0, 70)
	itemsB := addN(t, b, 70, 90)
	// b also has a statement the host has with different bytes.
	twin := testStatement(0)
	changed := Item{ID: twin.ID, Statement: bytes.Replace(twin.Statement, []byte("PT120S"), []byte("PT2M"), 1)}
	if err := b.Add(changed.ID, changed.Statement); err != nil {
		t.Fatal(err)
	}
	for _, o := range []*Outbox{a, b, a} {
		if _, err := o.Sync(context.Background(), lrs, SyncOptions{BatchSize: 25}); err != nil {
			t.Fatal(err)
		}
	}
	if a.Pending() != 0 || b.Pending() != 0 {
		t.Errorf("participants still have %d and %d pending", a.Pending(), b.Pending())
	}
	if dl := b.DeadLetters(); len(dl) != 1 || dl[0].ID != changed.ID || dl[0].Status != 400 {
		t.Errorf("the conflicting statement: dead letters %+v", dl)
	}
	want := append(itemsA, itemsB...)
	got := host.PendingItems()
	if len(got) != len(want) {
		t.Fatalf("the host has %d statements, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].ID != want[i].ID || !bytes.Equal(got[i].Statement, want[i].Statement) {
			t.Fatalf("host statement %d = %s, want the exact bytes of %s", i, got[i].ID, want[i].ID)
		}
	}
	r := newRecorder(t)
	if _, err := host.Sync(context.Background(), r.lrs(t), SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	checkDelivered(t, r, want)
}

func TestCollectorRefusals(t *testing.T) {
	host := openTest(t, t.TempDir())
	c := &Collector{Outbox: host, Token: "room-secret", MaxBody: 4096}
	good := string(testStatement(1).Statement)
	tests := []struct {
		name, method, path, auth, version, body string
		status                                  int
	}{
		{"good", "POST", "/xapi/statements", "Bearer room-secret", "1.0.3", good, 200},
		{"basic token", "POST", "/xapi/statements", "Basic room-secret", "1.0.3", "[" + good + "]", 200},
		{"wrong token", "POST", "/xapi/statements", "Bearer guess", "1.0.3", good, 401},
		{"no token", "POST", "/xapi/statements", "", "1.0.3", good, 401},
		{"GET", "GET", "/xapi/statements", "Bearer room-secret", "1.0.3", "", 405},
		{"other path", "POST", "/xapi/activities/state", "Bearer room-secret", "1.0.3", good, 404},
		{"no version", "POST", "/xapi/statements", "Bearer room-secret", "", good, 400},
		{"no id", "POST", "/xapi/statements", "Bearer room-secret", "1.0.3", `{"actor":{}}`, 400},
		{"not JSON", "POST", "/xapi/statements", "Bearer room-secret", "1.0.3", `hello`, 400},
		{"empty array", "POST", "/xapi/statements", "Bearer room-secret", "1.0.3", `[]`, 400},
		{"array of strings", "POST", "/xapi/statements", "Bearer room-secret", "1.0.3", `["a"]`, 400},
		{"too large", "POST", "/xapi/statements", "Bearer room-secret", "1.0.3", "[" + strings.Repeat(good+",", 20) + good + "]", 413},
	}
	for _, tc := range tests {
		req := httptest.NewRequest(tc.method, tc.path, strings.NewReader(tc.body))
		if tc.auth != "" {
			req.Header.Set("Authorization", tc.auth)
		}
		if tc.version != "" {
			req.Header.Set("X-Experience-API-Version", tc.version)
		}
		w := httptest.NewRecorder()
		c.ServeHTTP(w, req)
		if w.Code != tc.status {
			t.Errorf("%s: status %d, want %d (%s)", tc.name, w.Code, tc.status, w.Body)
		}
	}
	if host.Pending() != 1 {
		t.Errorf("%d pending, want 1", host.Pending())
	}
	// A full host asks the participant to come back later.
	lim := defaultLimits()
	lim.pending = 0
	full, err := openOutbox(t.TempDir(), lim)
	if err != nil {
		t.Fatal(err)
	}
	defer full.Close()
	req := httptest.NewRequest("POST", "/statements", strings.NewReader(good))
	req.Header.Set("X-Experience-API-Version", "1.0.3")
	w := httptest.NewRecorder()
	(&Collector{Outbox: full}).ServeHTTP(w, req)
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
		t.Errorf("full host: %d %v", w.Code, w.Header())
	}
	if !errors.Is(full.Add(testStatement(2).ID, testStatement(2).Statement), ErrFull) {
		t.Error("the outbox with no room is not full")
	}
}

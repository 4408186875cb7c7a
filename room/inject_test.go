package room

import (
	"errors"
	"testing"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
)

// drill compiles testdata/drill.lua, a small scenario that declares two
// injects and that no app carries, and returns the compiler apps use by
// default: the scenario reaches them only as the bytes the host sends.
func drill(t testing.TB) (*engine.Program, Compiler) {
	t.Helper()
	cat := catalog.New()
	prog, err := engine.Open(cat, "testdata/drill.lua")
	if err != nil {
		t.Fatal(err)
	}
	return prog, BundleCompiler(cat)
}

// count counts a session's events of a kind with a subject ("" for any).
func count(evs []game.Event, kind game.EventKind, subject string) int {
	n := 0
	for _, ev := range evs {
		if ev.Kind == kind && (subject == "" || ev.Subject == subject) {
			n++
		}
	}
	return n
}

// instructorEntries counts a client's log entries given as the instructor.
func instructorEntries(c *Client) int {
	n := 0
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.sess.Game().Log() {
		if e.Actor.Kind() == game.ActorInstructor {
			n++
		}
	}
	return n
}

// clientLog returns a copy of a client's log.
func clientLog(c *Client) []game.LogEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]game.LogEntry(nil), c.sess.Game().Log()...)
}

// An inject or a notice reaches exactly the trainees it targets, as a log
// entry of the instructor's, and the host's replay agrees.
func TestInjectReachesItsTargets(t *testing.T) {
	prog, compile := drill(t)
	h := startHost(t, prog, Options{})
	addr := h.Addr().String()
	a := joinAt(t, addr, h.Code(), "Anna", "Red", compile)
	b := joinAt(t, addr, h.Code(), "Boris", "red", compile)
	c := joinAt(t, addr, h.Code(), "Chen", "Blue", compile)
	play(t, a, []string{"whois bookshelf-free.ru"})

	reach := func(to Target, line string, want int) {
		t.Helper()
		n, err := h.Command(to, line)
		if err != nil || n != want {
			t.Fatalf("%s to %s: reached %d (%v), want %d", line, to, n, err, want)
		}
	}
	reach(Target{Team: "Red"}, "inject press", 2)
	reach(Target{Trainee: c.Status().ID}, "inject leak", 1)
	if _, err := h.Notice(Target{}, "Ten minutes left: write up your case"); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []struct {
		to   Target
		line string
		code Code
	}{
		{Target{}, "inject nope", CodeInstructor},
		{Target{Team: "Green"}, "inject press", CodeTarget},
		{Target{Trainee: "t99"}, "notice hello", CodeTarget},
		{Target{Team: "Red"}, "pause", CodeInstructor},
		{Target{}, "whois bookshelf-free.ru", CodeInstructor},
		{Target{}, "resume", CodeState},
	} {
		var r *RefusedError
		if _, err := h.Command(bad.to, bad.line); !errors.As(err, &r) || r.Code != bad.code {
			t.Errorf("%s to %s: %v, want a refusal %s", bad.line, bad.to, err, bad.code)
		}
	}
	for c, want := range map[*Client]int{a: 2, b: 2, c: 2} {
		waitFor(t, "the orders to be carried out", func() bool { return instructorEntries(c) == want })
	}
	syncAll(t, a, b, c)
	for _, tc := range []struct {
		c            *Client
		press, leaks int
	}{{a, 1, 0}, {b, 1, 0}, {c, 0, 1}} {
		evs := tc.c.Events()
		if got := count(evs, game.EvInject, "press"); got != tc.press {
			t.Errorf("%s: %d press injects, want %d", tc.c.Status().Name, got, tc.press)
		}
		if got := count(evs, game.EvInject, "leak"); got != tc.leaks {
			t.Errorf("%s: %d leak injects, want %d", tc.c.Status().Name, got, tc.leaks)
		}
		if got := count(evs, game.EvNotice, ""); got != 1 {
			t.Errorf("%s: %d notices, want 1", tc.c.Status().Name, got)
		}
		sameState(t, h, tc.c)
	}
	if r := row(t, h, c.Status().ID); !r.TippedOff || r.Pending != 0 {
		t.Errorf("the leak inject should tip the operators off: %+v", r)
	}
	if len(h.Orders()) != 3 {
		t.Errorf("orders kept: %+v", h.Orders())
	}
}

// An order sent while a trainee is offline arrives, in order, when it
// reconnects.
func TestOrdersWaitForOfflineTrainees(t *testing.T) {
	prog, compile := drill(t)
	h := startHost(t, prog, Options{})
	net := newProxy(t, h.Addr().String())
	a := joinAt(t, net.addr(), h.Code(), "Anna", "", compile)
	net.setDown(true)
	waitFor(t, "the host to see the trainee leave", func() bool { return row(t, h, a.Status().ID).State == StateOffline })
	if _, err := h.Inject(Target{}, "press"); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Notice(Target{Trainee: a.Status().ID}, "Are you there?"); err != nil {
		t.Fatal(err)
	}
	play(t, a, []string{"whois bookshelf-free.ru"})
	if r := row(t, h, a.Status().ID); r.Pending != 2 {
		t.Errorf("pending orders: %+v", r)
	}
	net.setDown(false)
	waitFor(t, "the orders to arrive", func() bool { return instructorEntries(a) == 2 })
	syncAll(t, a)
	sameState(t, h, a)
	log := clientLog(a)
	if len(log) != 3 || log[1].Line != "inject press" || log[2].Line != "notice Are you there?" {
		t.Errorf("log: %+v", log)
	}
}

package room

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
)

// raw is a hand-driven connection to a room, for frames a real app never
// sends.
type raw struct {
	t  *testing.T
	ws *websocket.Conn
}

func dialRaw(t *testing.T, h *Host) *raw {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, "ws://"+h.Addr().String()+"/v1/ws", nil)
	if err != nil {
		t.Fatal(err)
	}
	ws.SetReadLimit(HardFrame)
	t.Cleanup(func() { ws.CloseNow() })
	return &raw{t: t, ws: ws}
}

// hello is a new trainee's hello to a host.
func hello(h *Host, name string) Hello {
	return Hello{T: tHello, Proto: Protocol, App: AppVersion(), Code: h.Code(), Scenario: h.bundle.ID, Hash: h.bundle.Hash, Name: name}
}

func (r *raw) sendBytes(typ websocket.MessageType, b []byte) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return r.ws.Write(ctx, typ, b)
}

func (r *raw) send(v any) {
	r.t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		r.t.Fatal(err)
	}
	if err := r.sendBytes(websocket.MessageText, b); err != nil {
		r.t.Fatal(err)
	}
}

// next reads the next frame, skipping clock frames.
func (r *raw) next() (string, []byte, error) {
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, b, err := r.ws.Read(ctx)
		cancel()
		if err != nil {
			return "", nil, err
		}
		if t, _ := frameType(b); t != tClock {
			return t, b, nil
		}
	}
}

// refusal reads the next frame and checks that it is a refusal.
func (r *raw) refusal(want Code) RefusalFrame {
	r.t.Helper()
	typ, b, err := r.next()
	if err != nil {
		r.t.Fatalf("waiting for a %s refusal: %v", want, err)
	}
	var rf RefusalFrame
	if typ != tRefusal || json.Unmarshal(b, &rf) != nil || rf.Code != want {
		r.t.Fatalf("got %s, want a %s refusal", b, want)
	}
	return rf
}

// ack reads the next frame and checks that it is an acknowledgement.
func (r *raw) ack() Ack {
	r.t.Helper()
	typ, b, err := r.next()
	var a Ack
	if err != nil || typ != tAck || json.Unmarshal(b, &a) != nil {
		r.t.Fatalf("got %s (%v), want an ack", b, err)
	}
	return a
}

// welcome says hello as a new trainee and reads the welcome.
func (r *raw) welcome(hl Hello) Welcome {
	r.t.Helper()
	r.send(hl)
	typ, b, err := r.next()
	var w Welcome
	if err != nil || typ != tWelcome || json.Unmarshal(b, &w) != nil {
		r.t.Fatalf("got %s (%v), want a welcome", b, err)
	}
	return w
}

// entry plays a command on a fresh session of the room's scenario and
// returns its true log entry.
func entry(t *testing.T, h *Host, line string) game.LogEntry {
	t.Helper()
	s, err := h.prog.NewSession(engine.Options{Seed: h.Seed()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Do(game.ActorTrainee, line)
	if err != nil || c.Entry == nil {
		t.Fatalf("%s: %v", line, err)
	}
	return *c.Entry
}

// An app with another scenario, another version of it, another protocol
// or another release is refused, and told exactly what differs.
func TestJoinRefusesWhatDiffers(t *testing.T) {
	h := startHost(t, filmSite(t), Options{})
	addr := h.Addr().String()
	ctx := context.Background()

	// The same scenario, changed by a comment: the hash differs.
	src, err := catalog.New().Find("film-site")
	if err != nil {
		t.Fatal(err)
	}
	changed := filepath.Join(t.TempDir(), "film-site.lua")
	if err := os.WriteFile(changed, append(src.Src, "\n-- changed\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Join(ctx, JoinOptions{Addr: addr, Code: h.Code(), Name: "Eve",
		Compile: func(*Bundle) (*engine.Program, error) { return engine.Open(catalog.New(), changed) }})
	var r *RefusedError
	if !errors.As(err, &r) || r.Code != CodeHash || !r.Fatal {
		t.Fatalf("a changed scenario: %v", err)
	}
	p, _ := engine.Open(catalog.New(), changed)
	sc, script, _ := p.Load()
	script.Close()
	want := "Scenario film-site differs: the host's version has hash " + shortHash(h.bundle.Hash) + ", this app's has " + shortHash(sc.Hash) + "."
	if r.Error() != want {
		t.Errorf("got %q\nwant %q", r.Error(), want)
	}

	// Another scenario.
	prog, _ := drill(t)
	_, err = Join(ctx, JoinOptions{Addr: addr, Code: h.Code(), Name: "Eve",
		Compile: func(*Bundle) (*engine.Program, error) { return prog, nil }})
	if !errors.As(err, &r) || r.Code != CodeScenario || r.Error() != "The room plays scenario film-site, and this app asked for drill." {
		t.Errorf("another scenario: %v", err)
	}

	// Another release of the app.
	_, err = Join(ctx, JoinOptions{Addr: addr, Code: h.Code(), Name: "Eve", App: "takedown v9.9"})
	if !errors.As(err, &r) || r.Code != CodeApp || !strings.Contains(r.Error(), "This app is takedown v9.9 and the host runs "+AppVersion()) {
		t.Errorf("another release: %v", err)
	}

	// Another protocol, and another hash, on the WebSocket.
	c := dialRaw(t, h)
	hl := hello(h, "Eve")
	hl.Proto = Protocol + 1
	c.send(hl)
	if rf := c.refusal(CodeProtocol); !rf.Fatal || rf.Text != "This app speaks room protocol 2 and the host speaks protocol 1: install the release of Takedown the instructor uses." {
		t.Errorf("another protocol: %+v", rf)
	}
	c = dialRaw(t, h)
	hl = hello(h, "Eve")
	hl.Hash = strings.Repeat("0", 64)
	c.send(hl)
	if rf := c.refusal(CodeHash); !strings.Contains(rf.Text, "this app's has 000000000000") {
		t.Errorf("another hash: %+v", rf)
	}
	if _, _, err := c.next(); err == nil {
		t.Error("the connection should close after a fatal refusal")
	}

	// No scenario download for another protocol.
	resp, err := http.Get("http://" + addr + "/v1/scenario?proto=7&code=" + h.Code())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusConflict {
		t.Errorf("scenario download for protocol 7: %s", resp.Status)
	}
	if n := len(h.Dashboard().Trainees); n != 0 {
		t.Errorf("%d trainees admitted", n)
	}
}

// A wrong room code is refused, and guessing codes is slowed down; a full
// room refuses more trainees.
func TestJoinNeedsTheCodeAndASeat(t *testing.T) {
	h := startHost(t, filmSite(t), Options{MaxTrainees: 2})
	addr := h.Addr().String()
	var r *RefusedError
	codes := map[Code]int{}
	for range 15 {
		_, err := Join(context.Background(), JoinOptions{Addr: addr, Code: "AAAAAA", Name: "Eve"})
		if !errors.As(err, &r) {
			t.Fatalf("a wrong code: %v", err)
		}
		codes[r.Code]++
	}
	if codes[CodeRoomCode] == 0 || codes[CodeRate] == 0 || codes[CodeRoomCode]+codes[CodeRate] != 15 {
		t.Errorf("refusals of wrong codes: %v", codes)
	}
	join(t, h, "Anna", "")
	join(t, h, "Boris", "")
	_, err := Join(context.Background(), JoinOptions{Addr: addr, Code: strings.ToLower(h.Code()), Name: "Chen"})
	if !errors.As(err, &r) || r.Code != CodeFull || r.Error() != "The room is full: it takes 2 trainees." {
		t.Errorf("a full room: %v", err)
	}
}

// A trainee writes only its own log and reads only its own state: frames
// name no trainee, an unknown token is refused, and the instructor's API
// needs the instructor's token.
func TestTraineesAreKeptApart(t *testing.T) {
	h := startHost(t, filmSite(t), Options{})
	a, b := join(t, h, "Anna", ""), join(t, h, "Boris", "")
	play(t, b, []string{"whois kadr-hd.ru"})
	syncAll(t, b)

	c := dialRaw(t, h)
	hl := hello(h, "")
	hl.Token = strings.Repeat("ab", 32)
	c.send(hl)
	c.refusal(CodeSession)

	for _, tok := range []string{"", a.Token(), "Bearer " + a.Token()} {
		for _, path := range []string{"/v1/dashboard", "/v1/watch?id=" + b.Status().ID, "/v1/export"} {
			req, _ := http.NewRequest(http.MethodGet, "http://"+h.Addr().String()+path, nil)
			if tok != "" {
				req.Header.Set("Authorization", "Bearer "+tok)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusTooManyRequests {
				t.Errorf("%s with a trainee's token: %s", path, resp.Status)
			}
		}
	}

	// A frame that names another trainee is not a frame of the protocol.
	c = dialRaw(t, h)
	c.welcome(hello(h, "Mallory"))
	c.sendBytes(websocket.MessageText, []byte(`{"t":"log","from":1,"entries":[],"id":"`+b.Status().ID+`"}`))
	c.refusal(CodeMalformed)
	e := entry(t, h, "dns kadr-hd.ru")
	c.send(LogFrame{T: tLog, From: 1, Entries: []game.LogEntry{e}})
	if a := c.ack(); a.N != 1 {
		t.Errorf("Mallory's own entry: %+v", a)
	}
	if r := row(t, h, b.Status().ID); r.Entries != 1 {
		t.Errorf("Boris's log changed: %+v", r)
	}
	if r := row(t, h, a.Status().ID); r.Entries != 0 {
		t.Errorf("Anna's log changed: %+v", r)
	}
	sameState(t, h, b)
}

// Malformed, oversized and untrue frames are refused with a reason; the
// connection stays open for the next frame, the host keeps serving the
// others, and a frame too large to read ends only that connection.
func TestBadFramesAreRefused(t *testing.T) {
	h := startHost(t, filmSite(t), Options{})
	good := join(t, h, "Anna", "")
	c := dialRaw(t, h)
	w := c.welcome(hello(h, "Mallory"))

	c.sendBytes(websocket.MessageText, []byte("not json"))
	c.refusal(CodeMalformed)
	c.sendBytes(websocket.MessageBinary, []byte(`{"t":"log","from":1,"entries":[]}`))
	c.refusal(CodeMalformed)
	c.sendBytes(websocket.MessageText, []byte{0xff, 0xfe})
	c.refusal(CodeMalformed)
	c.send(hello(h, "again"))
	c.refusal(CodeUnexpected)
	c.sendBytes(websocket.MessageText, []byte(`{"t":"log","from":1,"entries":[`+strings.Repeat(`{"line":"x"},`, 8000)+`{"line":"x"}]}`))
	if rf := c.refusal(CodeTooBig); !strings.Contains(rf.Text, "the limit is 65,536") {
		t.Errorf("too big: %+v", rf)
	}
	e := entry(t, h, "whois kadr-hd.ru")
	many := make([]game.LogEntry, MaxEntries+1)
	for i := range many {
		many[i] = e
	}
	c.send(LogFrame{T: tLog, From: 1, Entries: many})
	c.refusal(CodeTooMany)
	long := e
	long.Line = strings.Repeat("w", game.MaxLineLength+1)
	c.send(LogFrame{T: tLog, From: 1, Entries: []game.LogEntry{long}})
	if rf := c.refusal(CodeMalformed); rf.Entry != 1 || rf.Text != "Log entry 1 has an invalid line field." {
		t.Errorf("a long line: %+v", rf)
	}
	c.send(LogFrame{T: tLog, From: 0})
	c.refusal(CodeMalformed)
	c.send(LogFrame{T: tLog, From: 1, Entries: []game.LogEntry{e}})
	if a := c.ack(); a.N != 1 {
		t.Fatalf("a good entry after bad frames: %+v", a)
	}
	c.send(LogFrame{T: tLog, From: 1, Entries: []game.LogEntry{e}})
	if a := c.ack(); a.N != 1 {
		t.Errorf("an entry sent twice counts once: %+v", a)
	}
	c.send(LogFrame{T: tLog, From: 5, Entries: []game.LogEntry{e}})
	if a := c.ack(); a.N != 1 || !a.Resend {
		t.Errorf("a gap asks for a resend: %+v", a)
	}

	// The others play on meanwhile.
	play(t, good, moves(t, "win")[:6])
	syncAll(t, good)
	sameState(t, h, good)

	// A frame past the hard limit ends this connection only.
	c.sendBytes(websocket.MessageText, make([]byte, HardFrame+10))
	if _, _, err := c.next(); websocket.CloseStatus(err) != websocket.StatusMessageTooBig {
		t.Errorf("a frame past the hard limit: %v", err)
	}
	play(t, good, moves(t, "win")[6:8])
	syncAll(t, good)
	sameState(t, h, good)
	if r := row(t, h, w.ID); r.Entries != 1 || r.Problem != nil {
		t.Errorf("Mallory's row: %+v", r)
	}
}

// An entry whose checksum the host's replay does not reach, a command the
// replay refuses, and an instructor's entry the instructor never sent are
// rejected and flagged; the host keeps what came before.
func TestUntrueEntriesAreFlagged(t *testing.T) {
	h := startHost(t, filmSite(t), Options{})
	e := entry(t, h, "whois kadr-hd.ru")
	for _, tc := range []struct {
		name string
		e    game.LogEntry
		code Code
	}{
		{"diverged", game.LogEntry{Line: e.Line, At: e.At, Sum: "0123456789abcdef", Actor: game.ActorTrainee}, CodeDiverged},
		{"refused", game.LogEntry{Line: "mlat nowhere nobody", Sum: e.Sum, Actor: game.ActorTrainee}, CodeRejected},
		{"question", game.LogEntry{Line: "status", Sum: e.Sum, Actor: game.ActorTrainee}, CodeRejected},
		{"forged", game.LogEntry{Line: "stop", Sum: e.Sum, Actor: game.ActorInstructor}, CodeForged},
		{"rewritten", entry(t, h, "dns kadr-hd.ru"), CodeRewritten},
	} {
		c := dialRaw(t, h)
		w := c.welcome(hello(h, tc.name))
		frame, want := []game.LogEntry{e, tc.e}, 2
		if tc.code == CodeRewritten {
			// Another entry in the place of one the host holds.
			c.send(LogFrame{T: tLog, From: 1, Entries: []game.LogEntry{e}})
			c.ack()
			frame, want = []game.LogEntry{tc.e}, 1
		}
		c.send(LogFrame{T: tLog, From: 1, Entries: frame})
		if a := c.ack(); a.N != 1 {
			t.Errorf("%s: ack %+v", tc.name, a)
		}
		if rf := c.refusal(tc.code); rf.Entry != want {
			t.Errorf("%s: %+v", tc.name, rf)
		}
		r := row(t, h, w.ID)
		if r.Entries != 1 || r.Problem == nil || r.Problem.Code != tc.code || !slices.Contains(r.Attention, AttentionProblem) {
			t.Errorf("%s: row %+v", tc.name, r)
		}
		// Later entries are refused too: the log is broken there.
		c.send(LogFrame{T: tLog, From: 2, Entries: []game.LogEntry{entry(t, h, "dns kadr-hd.ru")}})
		c.ack()
		c.refusal(tc.code)
	}
}

// Connections that never say hello are bounded per address; once they
// go, the address is welcome again.
func TestSilentConnectionsAreBounded(t *testing.T) {
	h := startHost(t, filmSite(t), Options{})
	var silent []*websocket.Conn
	refused := 0
	for range maxGreeting + 3 {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		ws, resp, err := websocket.Dial(ctx, "ws://"+h.Addr().String()+"/v1/ws", nil)
		cancel()
		if err != nil {
			if resp == nil || resp.StatusCode != http.StatusServiceUnavailable {
				t.Fatalf("dial: %v", err)
			}
			refused++
			continue
		}
		silent = append(silent, ws)
	}
	if refused != 3 {
		t.Errorf("%d silent connections refused, want 3", refused)
	}
	for _, ws := range silent {
		ws.CloseNow()
	}
	waitFor(t, "the silent connections to go", func() bool {
		h.mu.Lock()
		defer h.mu.Unlock()
		return len(h.greeting) == 0
	})
	join(t, h, "Anna", "")
}

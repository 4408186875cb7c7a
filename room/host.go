package room

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"

	"takedown/engine"
	"takedown/game"
)

// Options configures a host. The zero value serves on a free port of every
// interface with a random room code and instructor token.
type Options struct {
	Addr        string        // where to listen, "host:port"; "" is ":0"
	Listener    net.Listener  // serve on this instead of Addr
	Seed        uint64        // the seed every trainee's session uses
	Code        string        // the room code; "" draws one
	Token       string        // the instructor's token; "" draws one
	Budget      time.Duration // the session's wall-clock budget; 0 is none
	MaxTrainees int           // 0 is MaxTrainees
	App         string        // this program's release; "" is AppVersion()
	// Idle is how long a trainee may give no command before the dashboard
	// marks it; 0 is ten minutes.
	Idle time.Duration
	// Now is the wall clock for the countdown and the dashboard; nil is
	// time.Now. The rules never see it.
	Now func() time.Time
}

// Host serves one room: it admits trainees, replays their logs, carries the
// instructor's orders to them and computes the dashboard. Its methods may be
// called from any goroutine.
type Host struct {
	prog   *engine.Program
	bundle *Bundle
	opt    Options
	ln     net.Listener
	srv    *http.Server
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	joins *limiter       // failed joins and bad tokens, by address
	conns sync.WaitGroup // open WebSocket connections

	mu       sync.Mutex
	open     int            // open WebSocket connections
	greeting map[string]int // connections by address that have not said hello yet
	trainees []*trainee
	byToken  map[string]*trainee
	orders   []OrderRecord
	paused   bool
	stopped  bool
	clock    budget
	closed   bool

	changes chan struct{}
}

// NewHost opens a room for a compiled scenario and starts serving it.
func NewHost(prog *engine.Program, opt Options) (*Host, error) {
	if opt.MaxTrainees <= 0 {
		opt.MaxTrainees = MaxTrainees
	}
	if opt.App == "" {
		opt.App = AppVersion()
	}
	if opt.Idle <= 0 {
		opt.Idle = 10 * time.Minute
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Code == "" {
		opt.Code = NewCode()
	}
	opt.Code = NormalizeCode(opt.Code)
	if !validCode(opt.Code) {
		return nil, fmt.Errorf("room code %q: want %d of %s", opt.Code, CodeLength, CodeAlphabet)
	}
	if opt.Token == "" {
		opt.Token = newToken()
	}
	b, err := newBundle(prog)
	if err != nil {
		return nil, err
	}
	b.Seed, b.Proto, b.App = opt.Seed, Protocol, opt.App
	ln := opt.Listener
	if ln == nil {
		addr := opt.Addr
		if addr == "" {
			addr = ":0"
		}
		if ln, err = net.Listen("tcp", addr); err != nil {
			return nil, fmt.Errorf("host a room on %s: %w", addr, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	h := &Host{prog: prog, bundle: b, opt: opt, ln: ln, ctx: ctx, cancel: cancel,
		joins: newLimiter(0.2, 10, opt.Now), byToken: map[string]*trainee{}, greeting: map[string]int{}, changes: make(chan struct{}, 1)}
	if opt.Budget > 0 {
		h.clock.set(opt.Budget, opt.Now(), true)
	}
	h.srv = &http.Server{Handler: h.Handler(), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: time.Minute, MaxHeaderBytes: 16 << 10,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		_ = h.srv.Serve(ln) // returns when Close shuts the server down
	}()
	return h, nil
}

// Addr returns the address the room listens on.
func (h *Host) Addr() net.Addr { return h.ln.Addr() }

// Code returns the room code.
func (h *Host) Code() string { return h.opt.Code }

// Token returns the instructor's secret token.
func (h *Host) Token() string { return h.opt.Token }

// Seed returns the seed of every trainee's session.
func (h *Host) Seed() uint64 { return h.opt.Seed }

// Program returns the compiled scenario the room plays.
func (h *Host) Program() *engine.Program { return h.prog }

// Scenario returns the scenario's sources as the host sends them.
func (h *Host) Scenario() *Bundle { return h.bundle }

// Changes is signalled (without blocking) whenever what the dashboard shows
// may have changed: a trainee joined, left, played or was flagged.
func (h *Host) Changes() <-chan struct{} { return h.changes }

func (h *Host) changed() {
	select {
	case h.changes <- struct{}{}:
	default:
	}
}

// Info is what the projector shows to let trainees join, and what the
// instructor keeps.
type Info struct {
	Code     string    `json:"code"`
	Token    string    `json:"token"`
	Addrs    []string  `json:"addrs"` // host:port for each network the room is reachable on
	URLs     []string  `json:"urls"`  // join addresses, for the QR code
	Scenario string    `json:"scenario"`
	Title    game.Text `json:"title"`
	Hash     string    `json:"hash"`
	Seed     uint64    `json:"seed"`
	Proto    int       `json:"proto"`
	App      string    `json:"app"`
}

// Info returns the room's code, token and join addresses.
func (h *Host) Info() Info {
	in := Info{Code: h.opt.Code, Token: h.opt.Token, Scenario: h.bundle.ID, Title: h.bundle.Title, Hash: h.bundle.Hash,
		Seed: h.opt.Seed, Proto: Protocol, App: h.opt.App}
	in.Addrs = JoinAddrs(h.ln.Addr())
	for _, a := range in.Addrs {
		in.URLs = append(in.URLs, JoinURL(a, h.opt.Code))
	}
	return in
}

// Close tells every connected app that the room is closed, stops serving
// and releases the trainees' sessions. The dashboard, plenary and export
// still work on what was received.
func (h *Host) Close() error {
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return nil
	}
	h.closed = true
	ts := slices.Clone(h.trainees)
	h.mu.Unlock()
	for _, t := range ts {
		t.mu.Lock()
		if t.conn != nil {
			t.conn.refuseAndClose(fatal(CodeClosed, "room.refused.closed"))
		}
		t.mu.Unlock()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := h.srv.Shutdown(ctx)
	h.cancel()
	if errors.Is(err, context.DeadlineExceeded) {
		err = h.srv.Close()
	}
	h.wg.Wait()
	h.conns.Wait()
	return err
}

// maxConns bounds the WebSocket connections open at once: every trainee
// with a spare for reconnects, and some that have not said hello yet.
func (h *Host) maxConns() int { return 2*h.opt.MaxTrainees + 32 }

// maxGreeting bounds the connections from one address that have not said
// hello yet: an app opens one at a time.
const maxGreeting = 4

// enter counts a new connection from an address in, or reports false when
// the room is closed or has too many.
func (h *Host) enter(ip string) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed || h.open >= h.maxConns() || h.greeting[ip] >= maxGreeting {
		return false
	}
	h.open++
	h.greeting[ip]++
	h.conns.Add(1)
	return true
}

// greeted counts a connection's hello done, whatever its answer.
func (h *Host) greeted(ip string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.greeting[ip]--; h.greeting[ip] <= 0 {
		delete(h.greeting, ip)
	}
}

// leave counts a connection out.
func (h *Host) leave() {
	h.mu.Lock()
	h.open--
	h.mu.Unlock()
	h.conns.Done()
}

// Release frees the trainees' replayed sessions once the room is closed and
// nothing reads it any more.
func (h *Host) Release() {
	h.mu.Lock()
	ts := slices.Clone(h.trainees)
	h.mu.Unlock()
	for _, t := range ts {
		t.mu.Lock()
		if t.sess != nil {
			t.sess.Close()
			t.sess = nil
		}
		t.mu.Unlock()
	}
}

// list returns the trainees in joining order.
func (h *Host) list() []*trainee {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.trainees)
}

// find returns a trainee by id.
func (h *Host) find(id string) *trainee {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, t := range h.trainees {
		if t.id == id {
			return t
		}
	}
	return nil
}

// full reports whether the room has all the trainees it takes.
func (h *Host) full() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.trainees) >= h.opt.MaxTrainees
}

// admit checks a hello and returns the trainee it opens: a new one, or the
// one whose token it carries.
func (h *Host) admit(hl *Hello, ip string) (*trainee, *RefusedError) {
	if hl.Proto != Protocol {
		return nil, fatal(CodeProtocol, "room.refused.protocol", game.Str("host", strconv.Itoa(Protocol)), game.Str("app", strconv.Itoa(hl.Proto)))
	}
	if hl.App != "" && h.opt.App != "" && hl.App != h.opt.App {
		return nil, fatal(CodeApp, "room.refused.app", game.Str("host", h.opt.App), game.Str("app", clip(hl.App, 80)))
	}
	if !sameSecret(NormalizeCode(hl.Code), h.opt.Code) {
		if !h.joins.allow(ip) {
			return nil, refuse(CodeRate, "room.refused.rate")
		}
		return nil, fatal(CodeRoomCode, "room.refused.code")
	}
	if hl.Scenario != h.bundle.ID {
		return nil, fatal(CodeScenario, "room.refused.scenario", game.Str("host", h.bundle.ID), game.Str("app", clip(hl.Scenario, 80)))
	}
	if hl.Hash != h.bundle.Hash {
		return nil, fatal(CodeHash, "room.refused.other_hash", game.Str("scenario", h.bundle.ID), game.Str("host", shortHash(h.bundle.Hash)), game.Str("app", shortHash(clip(hl.Hash, 64))))
	}
	if hl.Token != "" {
		h.mu.Lock()
		defer h.mu.Unlock()
		t := h.byToken[hl.Token]
		switch {
		case h.closed:
			return nil, fatal(CodeClosed, "room.refused.closed")
		case t == nil && !h.joins.allow(ip):
			return nil, refuse(CodeRate, "room.refused.rate")
		case t == nil:
			return nil, fatal(CodeSession, "room.refused.session")
		}
		return t, nil
	}
	if h.full() {
		return nil, fatal(CodeFull, "room.refused.full", game.Num("max", int64(h.opt.MaxTrainees)))
	}
	// The session is made outside the lock: it runs the scenario's start.
	sess, err := h.prog.NewSession(engine.Options{Seed: h.opt.Seed})
	if err != nil {
		return nil, fatal(CodeUnavailable, "room.refused.unavailable", game.Str("scenario", h.bundle.ID), game.Str("hash", shortHash(h.bundle.Hash)))
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case h.closed:
		sess.Close()
		return nil, fatal(CodeClosed, "room.refused.closed")
	case len(h.trainees) >= h.opt.MaxTrainees:
		sess.Close()
		return nil, fatal(CodeFull, "room.refused.full", game.Num("max", int64(h.opt.MaxTrainees)))
	}
	now := h.opt.Now()
	t := &trainee{id: "t" + strconv.Itoa(len(h.trainees)+1), name: hl.Name, team: hl.Team, token: newToken(),
		sess: sess, joined: now, lastEntry: now}
	// A late joiner takes the room's standing state with it.
	switch {
	case h.stopped:
		t.orders = append(t.orders, order{line: "stop", at: now})
	case h.paused:
		t.orders = append(t.orders, order{line: "pause", at: now})
	}
	h.trainees = append(h.trainees, t)
	h.byToken[t.token] = t
	return t, nil
}

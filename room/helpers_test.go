package room

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"sync"
	"testing"
	"time"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
	"takedown/walkthrough"
)

// filmSite compiles the embedded scenario the tests play.
func filmSite(t testing.TB) *engine.Program {
	t.Helper()
	prog, err := engine.Open(catalog.New(), "film-site")
	if err != nil {
		t.Fatal(err)
	}
	return prog
}

// moves reads the commands of one of film-site's walkthroughs.
func moves(t testing.TB, name string) []string {
	t.Helper()
	src, err := catalog.New().Find("film-site")
	if err != nil {
		t.Fatal(err)
	}
	b, err := src.ReadMoves("scenarios/film-site." + name + ".moves")
	if err != nil {
		t.Fatal(err)
	}
	mv, err := walkthrough.Parse(name, bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, st := range mv.Steps {
		if st.Command != "" {
			out = append(out, st.Command)
		}
	}
	return out
}

// startHost opens a room on loopback.
func startHost(t testing.TB, prog *engine.Program, opt Options) *Host {
	t.Helper()
	if opt.Addr == "" {
		opt.Addr = "127.0.0.1:0"
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	h, err := NewHost(prog, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		h.Close()
		h.Release()
	})
	return h
}

// joinAt joins a room at an address as a new trainee.
func joinAt(t testing.TB, addr, code, name, team string, compile Compiler) *Client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := Join(ctx, JoinOptions{Addr: addr, Code: code, Name: name, Team: team, Compile: compile})
	if err != nil {
		t.Fatalf("join as %s: %v", name, err)
	}
	t.Cleanup(c.Close)
	return c
}

// join joins a host directly.
func join(t testing.TB, h *Host, name, team string) *Client {
	t.Helper()
	return joinAt(t, h.Addr().String(), h.Code(), name, team, nil)
}

// play gives a client's session each command as the trainee.
func play(t testing.TB, c *Client, lines []string) {
	t.Helper()
	for _, l := range lines {
		if _, err := c.Exec(game.LogEntry{Line: l}); err != nil {
			t.Fatalf("%s: %s: %v", c.Status().Name, l, err)
		}
	}
}

// syncAll waits until the host holds every client's entries.
func syncAll(t testing.TB, cs ...*Client) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for _, c := range cs {
		if err := c.Sync(ctx); err != nil {
			t.Fatalf("sync %s: %v (status %+v)", c.Status().Name, err, c.Status())
		}
	}
}

// waitFor polls until cond holds; the bound only keeps a broken test from
// hanging.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// sameState checks that the host's replay of a client's log is the
// client's session: the same log, checksum and View.
func sameState(t testing.TB, h *Host, c *Client) {
	t.Helper()
	st := c.Status()
	w, err := h.Watch(st.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(w.LogText()), string(c.LogText()); got != want {
		t.Fatalf("%s: the host's log differs from the app's:\nhost:\n%s\napp:\n%s", st.Name, got, want)
	}
	hv, cv := w.View(), c.View()
	if hv.Checksum != cv.Checksum || hv.Entries != cv.Entries {
		t.Fatalf("%s: host at %d entries, checksum %s; app at %d, %s", st.Name, hv.Entries, hv.Checksum, cv.Entries, cv.Checksum)
	}
	hj, _ := json.Marshal(hv)
	cj, _ := json.Marshal(cv)
	if !bytes.Equal(hj, cj) {
		t.Fatalf("%s: the host's View differs from the app's", st.Name)
	}
}

// row returns a trainee's dashboard row.
func row(t testing.TB, h *Host, id string) Row {
	t.Helper()
	for _, r := range h.Dashboard().Trainees {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no dashboard row for %s", id)
	return Row{}
}

// proxy forwards TCP connections to a target; cut drops them all, as a
// network that fails does, and down refuses new ones until up again.
type proxy struct {
	ln     net.Listener
	target string

	mu    sync.Mutex
	conns map[net.Conn]bool
	down  bool
	wg    sync.WaitGroup
}

func newProxy(t testing.TB, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln, target: target, conns: map[net.Conn]bool{}}
	p.wg.Add(1)
	go p.serve()
	t.Cleanup(p.close)
	return p
}

func (p *proxy) addr() string { return p.ln.Addr().String() }

func (p *proxy) serve() {
	defer p.wg.Done()
	for {
		in, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		down := p.down
		p.mu.Unlock()
		if down {
			in.Close()
			continue
		}
		out, err := net.Dial("tcp", p.target)
		if err != nil {
			in.Close()
			continue
		}
		p.mu.Lock()
		p.conns[in], p.conns[out] = true, true
		p.mu.Unlock()
		p.wg.Add(2)
		go p.pipe(in, out)
		go p.pipe(out, in)
	}
}

func (p *proxy) pipe(dst, src net.Conn) {
	defer p.wg.Done()
	_, _ = io.Copy(dst, src)
	dst.Close()
	src.Close()
	p.mu.Lock()
	delete(p.conns, dst)
	delete(p.conns, src)
	p.mu.Unlock()
}

// cut drops every open connection.
func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for c := range p.conns {
		c.Close()
	}
}

// setDown makes the network fail (dropping what is open) or work again.
func (p *proxy) setDown(down bool) {
	p.mu.Lock()
	p.down = down
	p.mu.Unlock()
	if down {
		p.cut()
	}
}

func (p *proxy) close() {
	p.ln.Close()
	p.cut()
	p.wg.Wait()
}

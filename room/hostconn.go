package room

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/coder/websocket"

	"takedown/game"
)

// Timings of a connection.
const (
	helloTimeout = 10 * time.Second
	writeTimeout = 10 * time.Second
	pingEvery    = 15 * time.Second
	outQueue     = 512 // frames waiting to be written before the peer counts as stuck
	frameRate    = 40  // frames a second a trainee may send, on average
	frameBurst   = 200 // frames it may send at once (a reconnect's backlog)
)

// conn is one WebSocket connection, on either side: a queue of frames that
// one goroutine writes, and a reader that the owner runs.
type conn struct {
	ws     *websocket.Conn
	ip     string
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{} // closed when the writer has stopped

	mu      sync.Mutex // guards out and closing
	out     chan []byte
	closing bool // out is closed: nothing more is queued
}

func newConn(parent context.Context, ws *websocket.Conn, ip string) *conn {
	ctx, cancel := context.WithCancel(parent)
	c := &conn{ws: ws, ip: ip, ctx: ctx, cancel: cancel, out: make(chan []byte, outQueue), done: make(chan struct{})}
	go c.writeLoop()
	return c
}

// send queues a frame. A peer that lets outQueue frames pile up is cut off;
// it reconnects and catches up.
func (c *conn) send(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		return // frames are plain structs: cannot happen
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closing {
		return
	}
	select {
	case c.out <- b:
	default:
		c.close(websocket.StatusPolicyViolation, "too slow")
	}
}

// refuseAndClose sends a refusal and closes once it is written.
func (c *conn) refuseAndClose(r *RefusedError) {
	c.send(refusalFrame(r))
	c.closeAfterQueue()
}

// closeAfterQueue closes the connection once the queued frames are written.
func (c *conn) closeAfterQueue() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.closing {
		c.closing = true
		close(c.out)
	}
}

// close ends the connection at once, without waiting for the peer.
func (c *conn) close(code websocket.StatusCode, reason string) {
	c.cancel()
	go func() { _ = c.ws.Close(code, reason) }()
}

// writeLoop writes queued frames in order until the queue is closed or the
// connection ends, and pings the peer so that a dead network is noticed.
func (c *conn) writeLoop() {
	defer close(c.done)
	ping := time.NewTicker(pingEvery)
	defer ping.Stop()
	for {
		select {
		case b, ok := <-c.out:
			if !ok {
				_ = c.ws.Close(websocket.StatusNormalClosure, "")
				c.cancel()
				return
			}
			ctx, cancel := context.WithTimeout(c.ctx, writeTimeout)
			err := c.ws.Write(ctx, websocket.MessageText, b)
			cancel()
			if err != nil {
				c.close(websocket.StatusGoingAway, "write failed")
				return
			}
		case <-ping.C:
			ctx, cancel := context.WithTimeout(c.ctx, writeTimeout)
			err := c.ws.Ping(ctx)
			cancel()
			if err != nil {
				c.close(websocket.StatusGoingAway, "no answer to ping")
				return
			}
		case <-c.ctx.Done():
			return
		}
	}
}

// read reads one frame. A frame over MaxFrame is discarded and returned as
// a refusal; one over HardFrame ends the connection (the WebSocket layer
// says so to the peer).
func (c *conn) read(ctx context.Context) ([]byte, *RefusedError, error) {
	typ, r, err := c.ws.Reader(ctx)
	if err != nil {
		return nil, nil, err
	}
	b, err := io.ReadAll(io.LimitReader(r, MaxFrame+1))
	if err != nil {
		return nil, nil, err
	}
	if len(b) > MaxFrame {
		n, err := io.Copy(io.Discard, r)
		if err != nil {
			return nil, nil, err
		}
		return nil, refuse(CodeTooBig, "room.refused.too_big", game.Num("size", int64(len(b))+n), game.Num("max", MaxFrame)), nil
	}
	if typ != websocket.MessageText {
		return nil, refuse(CodeMalformed, "room.refused.malformed", game.Str("err", "a binary frame")), nil
	}
	return b, nil, nil
}

// serveTrainee runs one trainee connection: hello, then log frames.
func (h *Host) serveTrainee(w http.ResponseWriter, r *http.Request) {
	ip := clientIP(r)
	if !h.enter(ip) {
		http.Error(w, "the room takes no more connections now", http.StatusServiceUnavailable)
		return
	}
	defer h.leave()
	greeting := true
	defer func() {
		if greeting {
			h.greeted(ip)
		}
	}()
	ws, err := websocket.Accept(w, r, nil)
	if err != nil {
		return // Accept has answered the request
	}
	ws.SetReadLimit(HardFrame)
	c := newConn(h.ctx, ws, ip)
	defer func() {
		c.cancel()
		<-c.done
		_ = ws.CloseNow()
	}()
	hctx, cancel := context.WithTimeout(c.ctx, helloTimeout)
	b, rej, err := c.read(hctx)
	cancel()
	h.greeted(ip)
	greeting = false
	if err != nil {
		return
	}
	if rej == nil {
		var v any
		v, rej = decodeFrame(b, tHello)
		if rej == nil {
			var t *trainee
			if t, rej = h.admit(v.(*Hello), c.ip); rej == nil {
				h.run(c, t, v.(*Hello))
				return
			}
		}
	}
	rej.Fatal = rej.Fatal || rej.Code != CodeRate
	c.refuseAndClose(rej)
	<-c.done
}

// run attaches an admitted connection to its trainee and serves its log
// frames until it ends.
func (h *Host) run(c *conn, t *trainee, hl *Hello) {
	clock := h.clockNow()
	t.mu.Lock()
	if old := t.conn; old != nil {
		old.refuseAndClose(fatal(CodeReplaced, "room.refused.replaced"))
	}
	t.conn = c
	t.version++
	c.send(Welcome{T: tWelcome, Token: t.token, ID: t.id, Name: t.name, Team: t.team, Seed: h.opt.Seed, Acked: t.entries(), Clock: clock})
	for i := min(hl.Done, len(t.orders)); i < len(t.orders); i++ {
		c.send(Order{T: tOrder, N: i + 1, Line: t.orders[i].line})
	}
	t.mu.Unlock()
	h.changed()
	defer func() {
		t.mu.Lock()
		if t.conn == c {
			t.conn = nil
			t.lastSeen = h.opt.Now()
			t.version++
		}
		t.mu.Unlock()
		h.changed()
	}()
	rate := newBucket(frameRate, frameBurst, h.opt.Now())
	for {
		b, rej, err := c.read(c.ctx)
		if err != nil {
			return
		}
		if rej == nil && !rate.take(h.opt.Now()) {
			rej = refuse(CodeRate, "room.refused.rate")
		}
		if rej != nil {
			c.send(refusalFrame(rej))
			continue
		}
		v, rej := decodeFrame(b, tLog)
		if rej != nil {
			c.send(refusalFrame(rej))
			continue
		}
		ack, rej := t.apply(v.(*LogFrame), h.opt.Now())
		c.send(ack)
		if rej != nil {
			c.send(refusalFrame(rej))
		}
		h.changed()
	}
}

// clientIP is the address a request came from, without its port.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

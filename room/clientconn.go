package room

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/coder/websocket"

	"takedown/game"
)

// fetchBundle downloads the room's scenario.
func fetchBundle(ctx context.Context, addr, code, app string) (*Bundle, error) {
	q := url.Values{"code": {code}, "proto": {strconv.Itoa(Protocol)}, "app": {app}}
	u := (&url.URL{Scheme: "http", Host: addr, Path: "/v1/scenario", RawQuery: q.Encode()}).String()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("join %s: %w", addr, err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("cannot reach the room at %s: %w", addr, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 2*maxBundleBytes))
	if err != nil {
		return nil, fmt.Errorf("join %s: %w", addr, err)
	}
	if resp.StatusCode != http.StatusOK {
		var rf RefusalFrame
		if json.Unmarshal(body, &rf) == nil && rf.Code != "" {
			return nil, &RefusedError{Code: rf.Code, Msg: rf.Msg, Fatal: rf.Fatal}
		}
		return nil, fmt.Errorf("join %s: the host answered %s", addr, resp.Status)
	}
	var b Bundle
	if err := json.Unmarshal(body, &b); err != nil {
		return nil, fmt.Errorf("join %s: the scenario cannot be read: %w", addr, err)
	}
	if err := b.check(); err != nil {
		return nil, fmt.Errorf("join %s: %w", addr, err)
	}
	return &b, nil
}

// fetchLog downloads the log the host holds of this session.
func fetchLog(ctx context.Context, addr, token string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	u := (&url.URL{Scheme: "http", Host: addr, Path: "/v1/log"}).String()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("cannot reach the room at %s: %w", addr, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxLogBytes))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		var rf RefusalFrame
		if json.Unmarshal(body, &rf) == nil && rf.Code != "" {
			return nil, &RefusedError{Code: rf.Code, Msg: rf.Msg, Fatal: rf.Fatal}
		}
		return nil, fmt.Errorf("the room at %s answered %s", addr, resp.Status)
	}
	return body, nil
}

// maxLogBytes bounds a log the host sends back.
const maxLogBytes = 64 << 20

// hello is the frame that opens a connection. The caller holds c.mu, or
// no other goroutine runs yet.
func (c *Client) hello() Hello {
	h := Hello{T: tHello, Proto: Protocol, App: c.opt.App, Code: c.code, Scenario: c.bundle.ID, Hash: c.bundle.Hash,
		Token: c.token, Done: c.done + len(c.queue)}
	if h.Token == "" {
		h.Name, h.Team = c.name, c.team
	}
	return h
}

// connect opens a connection and says hello; it returns the host's
// welcome, or its refusal as a *RefusedError.
func (c *Client) connect(ctx context.Context) (*conn, *Welcome, error) {
	dctx, cancel := context.WithTimeout(ctx, dialTimeout)
	defer cancel()
	u := (&url.URL{Scheme: "ws", Host: c.addr, Path: "/v1/ws"}).String()
	ws, _, err := websocket.Dial(dctx, u, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot reach the room at %s: %w", c.addr, err)
	}
	ws.SetReadLimit(HardFrame)
	cc := newConn(c.ctx, ws, c.addr)
	c.mu.Lock()
	cc.send(c.hello())
	c.mu.Unlock()
	b, _, err := cc.read(dctx)
	if err != nil {
		cc.close(websocket.StatusGoingAway, "")
		return nil, nil, fmt.Errorf("the room at %s did not answer: %w", c.addr, err)
	}
	t, _ := frameType(b)
	switch t {
	case tWelcome:
		var w Welcome
		if err := json.Unmarshal(b, &w); err == nil {
			return cc, &w, nil
		}
	case tRefusal:
		var rf RefusalFrame
		if err := json.Unmarshal(b, &rf); err == nil {
			cc.close(websocket.StatusNormalClosure, "")
			return nil, nil, &RefusedError{Code: rf.Code, Msg: rf.Msg, Fatal: rf.Fatal}
		}
	}
	cc.close(websocket.StatusProtocolError, "")
	return nil, nil, fmt.Errorf("the room at %s answered with a frame this app cannot read", c.addr)
}

// attach makes an accepted connection the current one.
func (c *Client) attach(cc *conn, w *Welcome) {
	c.mu.Lock()
	c.cur = cc
	c.token, c.id, c.name, c.team = w.Token, w.ID, w.Name, w.Team
	c.acked = min(w.Acked, len(c.sess.Game().Log()))
	c.sent = c.acked
	c.state = StateOnline
	c.offlineSince = time.Time{}
	c.refusal, c.stalled = nil, false
	c.clock, c.clockAt = w.Clock, time.Now()
	if c.trace != nil {
		c.trace.acked(c.acked)
	}
	c.mu.Unlock()
	c.wg.Add(1)
	go c.pump(cc)
	kick(c.wake)
	c.notify()
}

// supervise serves the current connection and, when it drops, reconnects
// with a growing pause until the host answers, the app closes, or the host
// refuses for good.
func (c *Client) supervise(cc *conn) {
	defer c.wg.Done()
	pause := backoffMin
	for {
		if cc != nil {
			c.serve(cc)
			cc.cancel()
			<-cc.done
			_ = cc.ws.CloseNow()
			c.mu.Lock()
			if c.cur == cc {
				c.cur = nil
				if c.state == StateOnline {
					c.state, c.offlineSince = StateOffline, time.Now()
				}
			}
			c.mu.Unlock()
			c.notify()
			cc = nil
		}
		c.mu.Lock()
		stop := c.closed || c.state == StateRefused
		c.mu.Unlock()
		if stop {
			return
		}
		select {
		case <-c.ctx.Done():
			return
		case <-time.After(pause/2 + rand.N(pause/2+1)):
		}
		next, w, err := c.connect(c.ctx)
		if err != nil {
			if r, ok := err.(*RefusedError); ok {
				c.refused(r)
			}
			pause = min(2*pause, backoffMax)
			continue
		}
		if w.Seed != c.seed {
			c.refused(fatal(CodeSession, "room.refused.session"))
			next.close(websocket.StatusNormalClosure, "")
			continue
		}
		pause = backoffMin
		c.attach(next, w)
		cc = next
	}
}

// refused records a refusal; a fatal one stops reconnecting.
func (c *Client) refused(r *RefusedError) {
	c.mu.Lock()
	c.refusal = r
	if r.Fatal {
		c.state = StateRefused
	}
	c.mu.Unlock()
	c.notify()
}

// serve reads the host's frames until the connection ends.
func (c *Client) serve(cc *conn) {
	for {
		b, rej, err := cc.read(cc.ctx)
		if err != nil {
			return
		}
		if rej != nil {
			continue // an oversized frame from the host: ignore it
		}
		t, _ := frameType(b)
		switch t {
		case tAck:
			var a Ack
			if json.Unmarshal(b, &a) == nil {
				c.onAck(a)
			}
		case tOrder:
			var o Order
			if json.Unmarshal(b, &o) == nil && !c.onOrder(o) {
				return // orders were lost: reconnect, and the host sends them again
			}
		case tClock:
			var f ClockFrame
			if json.Unmarshal(b, &f) == nil {
				c.mu.Lock()
				c.clock, c.clockAt = f.Clock, time.Now()
				c.mu.Unlock()
				c.notify()
			}
		case tRefusal:
			var rf RefusalFrame
			if json.Unmarshal(b, &rf) == nil && !c.onRefusal(rf) {
				return
			}
		}
	}
}

// onAck records the host's acknowledgement.
func (c *Client) onAck(a Ack) {
	c.mu.Lock()
	n := len(c.sess.Game().Log())
	c.acked = min(max(c.acked, a.N), n)
	if a.Resend {
		c.acked = min(a.N, n)
		c.sent = c.acked
	}
	if c.trace != nil {
		c.trace.acked(c.acked)
	}
	c.mu.Unlock()
	kick(c.wake)
	c.notify()
}

// onOrder queues an order; it reports false when orders went missing.
func (c *Client) onOrder(o Order) bool {
	c.mu.Lock()
	next := c.done + len(c.queue) + 1
	switch {
	case o.N > next:
		c.mu.Unlock()
		return false
	case o.N == next && len(o.Line) <= game.MaxLineLength:
		c.queue = append(c.queue, o)
	}
	c.mu.Unlock()
	kick(c.orderWake)
	return true
}

// onRefusal handles a refusal frame; it reports false when the connection
// should end.
func (c *Client) onRefusal(rf RefusalFrame) bool {
	r := &RefusedError{Code: rf.Code, Msg: rf.Msg, Fatal: rf.Fatal, Entry: rf.Entry}
	c.mu.Lock()
	c.refusal = r
	switch {
	case r.Fatal:
		c.state = StateRefused
	case r.Code == CodeHalted || r.Code == CodeRate:
		// The host will try again: send again from what it holds, later.
		c.sent = c.acked
		c.wg.Add(1)
		go func() {
			defer c.wg.Done()
			select {
			case <-time.After(time.Second):
				kick(c.wake)
			case <-c.ctx.Done():
			}
		}()
	case r.Entry > 0:
		c.stalled = true
	}
	c.mu.Unlock()
	c.notify()
	return !r.Fatal
}

// pump sends the entries the host has not received, at most window ahead
// of its acknowledgements, while the connection lasts.
func (c *Client) pump(cc *conn) {
	defer c.wg.Done()
	for {
		select {
		case <-cc.ctx.Done():
			return
		case <-c.wake:
		}
		for {
			c.mu.Lock()
			log := c.sess.Game().Log()
			n := min(len(log)-c.sent, MaxEntries, window-(c.sent-c.acked))
			if c.cur != cc {
				c.mu.Unlock()
				kick(c.wake) // the signal is the new connection's
				return
			}
			if c.stalled || c.closed || n <= 0 {
				c.mu.Unlock()
				break
			}
			f := LogFrame{T: tLog, From: c.sent + 1, Entries: slices.Clone(log[c.sent : c.sent+n])}
			c.sent += n
			c.mu.Unlock()
			cc.send(f)
		}
	}
}

package room

import (
	"context"
	"fmt"
	"time"

	"github.com/coder/websocket"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
)

// JoinOptions says which room to join and as whom.
type JoinOptions struct {
	Addr string // host:port, or a join URL (which may carry the code)
	Code string // the room code; "" takes the one in Addr
	Name string
	Team string
	// Compile turns the host's scenario into a program; nil is
	// BundleCompiler(catalog.New()).
	Compile Compiler
	App     string // this program's release; "" is AppVersion()
	// Token and Log rejoin a session this app played before it was
	// restarted: the session token the host gave and the log kept since.
	Token string
	Log   []byte
	// Clock stamps each entry's wall-clock time; nil is time.Now. It
	// never affects the rules.
	Clock func() time.Time
}

// Timings of the client.
const (
	dialTimeout = 5 * time.Second
	backoffMin  = 100 * time.Millisecond
	backoffMax  = 3 * time.Second
	window      = 8 * MaxEntries // entries sent and not yet acknowledged
)

// Join joins a room: it downloads the scenario from the host, compiles it,
// checks that it is the host's (the same id and hash), opens the
// connection and starts the session with the room's seed (or replays
// opt.Log to rejoin). A *RefusedError says why the host or the scenario
// check refused.
func Join(ctx context.Context, opt JoinOptions) (*Client, error) {
	addr, code, err := ParseJoin(opt.Addr)
	if err != nil {
		return nil, err
	}
	if opt.Code != "" {
		code = NormalizeCode(opt.Code)
	}
	if opt.App == "" {
		opt.App = AppVersion()
	}
	if opt.Compile == nil {
		opt.Compile = BundleCompiler(catalog.New())
	}
	if opt.Clock == nil {
		opt.Clock = time.Now
	}
	b, err := fetchBundle(ctx, addr, code, opt.App)
	if err != nil {
		return nil, err
	}
	prog, err := compileBundle(opt.Compile, b)
	if err != nil {
		return nil, err
	}
	c := &Client{opt: opt, addr: addr, code: code, bundle: b, prog: prog, token: opt.Token, name: opt.Name, team: opt.Team,
		changes: make(chan struct{}, 1), wake: make(chan struct{}, 1), orderWake: make(chan struct{}, 1),
		state: StateConnecting, bcast: make(chan struct{})}
	c.ctx, c.cancel = context.WithCancel(context.Background())
	if len(opt.Log) > 0 {
		s, err := prog.ResumeText(opt.Log, engine.Options{Clock: opt.Clock})
		if err != nil {
			if s != nil {
				s.Close()
			}
			c.cancel()
			return nil, err
		}
		c.sess, c.seed = s, s.Game().Seed()
		for _, e := range s.Game().Log() {
			if e.Actor.Kind() == game.ActorInstructor {
				c.done++
			}
		}
	}
	cc, w, err := c.connect(ctx)
	if err != nil {
		c.cancel()
		if c.sess != nil {
			c.sess.Close()
		}
		return nil, err
	}
	if c.sess == nil {
		s, err := prog.NewSession(engine.Options{Seed: w.Seed, Clock: opt.Clock})
		if err != nil {
			cc.close(websocket.StatusNormalClosure, "")
			c.cancel()
			return nil, err
		}
		c.sess = s
	} else if w.Seed != c.seed {
		cc.close(websocket.StatusNormalClosure, "")
		c.cancel()
		c.sess.Close()
		return nil, fmt.Errorf("the saved session has seed %d, the room plays seed %d", c.seed, w.Seed)
	}
	c.seed = w.Seed
	if have := len(c.sess.Game().Log()); w.Acked > have {
		// The app was restarted from a save older than what the host
		// holds: take the host's log, which must begin with the save's.
		if err := c.catchUp(ctx); err != nil {
			cc.close(websocket.StatusNormalClosure, "")
			c.cancel()
			c.sess.Close()
			return nil, err
		}
	}
	c.attach(cc, w)
	c.wg.Add(2)
	go c.supervise(cc)
	go c.runOrders()
	return c, nil
}

// catchUp replaces the local session by the host's replay of it, when the
// host's log begins with the local one.
func (c *Client) catchUp(ctx context.Context) error {
	text, err := fetchLog(ctx, c.addr, c.token)
	if err != nil {
		return err
	}
	s, err := c.prog.ResumeText(text, engine.Options{Clock: c.opt.Clock})
	if err != nil {
		if s != nil {
			s.Close()
		}
		return err
	}
	mine, theirs := c.sess.Game().Log(), s.Game().Log()
	for i, e := range mine {
		if i >= len(theirs) || theirs[i].Sum != e.Sum || theirs[i].Line != e.Line {
			s.Close()
			r := fatal(CodeRewritten, "room.rejected.rewritten", game.Num("entry", int64(i+1)))
			r.Entry = i + 1
			return r
		}
	}
	c.sess.Close()
	c.sess, c.done = s, 0
	for _, e := range theirs {
		if e.Actor.Kind() == game.ActorInstructor {
			c.done++
		}
	}
	return nil
}

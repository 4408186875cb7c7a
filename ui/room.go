package ui

import (
	"slices"
	"strings"
	"sync"

	"takedown/engine"
	"takedown/game"
	"takedown/room"
	"takedown/room/lan"
)

// Scene names of the workshop room, as the screenshot command takes them.
const (
	SceneHost      = "host"      // hosting: the scenario, the minutes, the announcement
	SceneJoin      = "join"      // joining: address, code, name, team
	SceneRoom      = "room"      // the room card for the projector: code, address, QR code, countdown
	SceneDashboard = "dashboard" // every trainee's row
	SceneOrders    = "orders"    // injects and notices
	ScenePlenary   = "plenary"   // the room's debrief
)

// Scenes of the room that show a trainee's case rather than the room: the
// desk in a room as its trainee, paused ("room-desk"), and a trainee's
// desk as the instructor watches it ("watch").
const (
	sceneRoomDesk = "room-desk"
	sceneWatch    = "watch"
)

// roomScenes lists the room's scene names for the screenshot command:
// "plenary-PAGE" is a page of the plenary.
func roomScenes() []string {
	out := []string{SceneHost, SceneJoin, SceneRoom, SceneDashboard, SceneOrders, ScenePlenary}
	for _, p := range plenaryPages()[1:] {
		out = append(out, ScenePlenary+"-"+p) // the plenary's other pages
	}
	return append(out, sceneRoomDesk, sceneWatch)
}

// roomNet finds rooms on the local network and announces the one hosted.
type roomNet interface {
	lan.Announcer
	lan.Browser
}

// roomApp is the window's part in workshop rooms: the room it hosts, the
// seat it holds in a room as a trainee, the desk it watches, its scenes,
// and the room work it does off the loop.
type roomApp struct {
	host  *hostedRoom // the room this window hosts, or nil
	seat  *roomSeat   // this window's seat in a room as a trainee, or nil
	watch *watching   // a trainee's desk the instructor watches, or nil
	strip roomStrip   // the strip under the top bar, as last built

	net  roomNet // discovery; lan.Zeroconf in the app
	addr string  // where a hosted room listens first; ":0" is the fallback

	tasks   chan func(a *App) // room work done off the loop, to finish on it
	pending int               // tasks under way
	closing sync.WaitGroup    // clients leaving a room in the background

	setup  *hostScene
	join   *joinScene
	card   *cardScene
	dash   *dashScene
	orders *ordersScene
	plen   *plenaryScene
}

// newRoomApp makes the window's room part.
func newRoomApp() *roomApp {
	return &roomApp{net: lan.Zeroconf{}, addr: ":" + defaultRoomPort, tasks: make(chan func(a *App), 16),
		setup: newHostScene(), join: &joinScene{}, card: &cardScene{}, dash: &dashScene{}, orders: &ordersScene{}, plen: &plenaryScene{}}
}

// defaultRoomPort is the port a room is hosted on when it is free: the same
// address from one workshop to the next.
const defaultRoomPort = "7345"

// roomTask runs work off the loop; what it returns runs on the loop.
func (a *App) roomTask(work func() func(a *App)) {
	r := a.room
	r.pending++
	go func() { r.tasks <- work() }()
}

// roomBusy reports whether room work is under way off the loop.
func (a *App) roomBusy() bool { return a.room != nil && a.room.pending > 0 }

// pollRoom takes what the room's work and the room itself brought since the
// last tick; it reports whether anything did.
func (a *App) pollRoom() bool {
	r := a.room
	if r == nil {
		return false
	}
	got := false
	for done := false; !done; {
		select {
		case f := <-r.tasks:
			r.pending--
			if f != nil {
				f(a)
			}
			got = true
		default:
			done = true
		}
	}
	if r.host != nil && a.takeHostSnap() {
		got = true
	}
	if r.seat != nil && a.takeSeatSnap() {
		got = true
	}
	if a.pollJoinScene() {
		got = true
	}
	return got
}

// roomScene returns the room's scene with a name, or nil.
func (a *App) roomScene(id string) scene {
	r := a.room
	switch id {
	case SceneHost:
		return r.setup
	case SceneJoin:
		return r.join
	case SceneRoom:
		return r.card
	case SceneDashboard:
		return r.dash
	case SceneOrders:
		return r.orders
	case ScenePlenary:
		return r.plen
	}
	return nil
}

// roomSceneOK reports whether a scene can be shown without a session: the
// room's own scenes, when there is a room to show.
func (a *App) roomSceneOK(id string) bool {
	switch id {
	case SceneHost, SceneJoin:
		return true
	case SceneRoom, SceneDashboard, SceneOrders, ScenePlenary:
		return a.room.host != nil
	}
	return false
}

// projected reports whether the scene shown is one of the instructor's
// screens for the projector, which use presenter mode's sizes.
func (a *App) projected() bool {
	switch a.scene {
	case a.room.card, a.room.dash, a.room.plen:
		return true
	}
	return false
}

// roomEffect carries out an effRoom: the verb before the first colon, its
// argument after it.
func (a *App) roomEffect(e effect) {
	verb, arg, _ := strings.Cut(e.arg, ":")
	switch verb {
	case "host":
		if a.room.host != nil {
			a.goTo(SceneDashboard)
			return
		}
		a.goTo(SceneHost)
	case "join":
		a.openJoin()
	case "pick", "minutes", "announce", "open":
		a.room.setup.act(a, verb, arg)
	case "field", "connect", "lan", "browse":
		a.room.join.act(a, verb, arg)
	case "watch":
		a.startWatch(arg)
	case "unwatch":
		a.stopWatch()
		a.goTo(SceneDashboard)
	case "send_to":
		a.room.orders.target = targetOf(arg)
		a.room.orders.note = ""
		a.stopWatch()
		a.goTo(SceneOrders)
	case "pause", "resume", "budget", "stop", "export", "reports", "close", "view":
		a.hostAct(verb, arg)
	case "target", "inject", "notice":
		a.room.orders.act(a, verb, arg)
	case "page":
		a.room.plen.show(a, arg)
	}
}

// roomEff is an effRoom effect.
func roomEff(verb string, arg ...string) effect {
	if len(arg) > 0 {
		verb += ":" + arg[0]
	}
	return effect{kind: effRoom, arg: verb}
}

// closeRoom leaves the room this window is in and closes the one it hosts,
// keeping an archive of it in the save folder. It runs when the window
// closes, off the loop.
func (a *App) closeRoom() {
	r := a.room
	if r == nil {
		return
	}
	if r.seat != nil {
		if a.m != r.seat.m {
			r.seat.m.eng.Close()
		}
		r.seat.stop()
	}
	if r.host != nil {
		hr := r.host
		hr.stopPolling()
		hr.closeHost(true, a.exportDir())
	}
	r.closing.Wait()
}

// liveEngine is an engine whose session changes outside the window's
// commands: a room client, whose instructor's orders arrive from the host,
// or a trainee's desk that the instructor watches. It remembers which
// events the console has shown, so that the ones that arrive otherwise are
// added once.
type liveEngine struct {
	Engine
	prog *engine.Program // for the debrief's look at the case as it stood
	// closer, when set, closes the engine instead (a seat leaves its room
	// in the background).
	closer func()

	mu   sync.Mutex
	seen map[int]bool // events shown, by sequence number
}

// newLive wraps an engine; the events it has so far count as shown.
func newLive(eng Engine, prog *engine.Program) *liveEngine {
	e := &liveEngine{Engine: eng, prog: prog, seen: map[int]bool{}}
	e.mark(eng.Events())
	return e
}

// mark notes events as shown.
func (e *liveEngine) mark(evs []game.Event) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, ev := range evs {
		e.seen[ev.Seq] = true
	}
}

// Exec carries out a command; its events are shown by the console as
// usual. A command undone by a halting error leaves the events the session
// has as the shown ones.
func (e *liveEngine) Exec(le game.LogEntry) (engine.Change, error) {
	c, err := e.Engine.Exec(le)
	if c.Halted != nil {
		evs := e.Engine.Events()
		e.mu.Lock()
		clear(e.seen)
		e.mu.Unlock()
		e.mark(evs)
		return c, err
	}
	e.mark(c.Events)
	return c, err
}

// Close closes the engine, or leaves the room in the background.
func (e *liveEngine) Close() {
	if e.closer != nil {
		e.closer()
		return
	}
	e.Engine.Close()
}

// Cancel cancels the running command, when the engine can.
func (e *liveEngine) Cancel() {
	if c, ok := e.Engine.(canceller); ok {
		c.Cancel()
	}
}

// Fork replays the session to just before log entry n, for the debrief's
// timeline: a room's client and a watched desk can too.
func (e *liveEngine) Fork(n int) (*engine.Session, error) {
	s, err := e.prog.ResumeText(e.LogText(), engine.Options{})
	if s == nil {
		return nil, err
	}
	defer s.Close()
	return s.Fork(n)
}

// fresh returns the events not shown yet, in order, and notes them shown.
func (e *liveEngine) fresh(evs []game.Event) []game.Event {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []game.Event
	for _, ev := range evs {
		if !e.seen[ev.Seq] {
			e.seen[ev.Seq] = true
			out = append(out, ev)
		}
	}
	return out
}

// liveSnap is a live engine's state, read off the loop.
type liveSnap struct {
	view   *game.View
	events []game.Event
	log    []byte
}

// snapshot reads the engine's state; it may wait for a command running.
func (e *liveEngine) snapshot() *liveSnap {
	return &liveSnap{view: e.View(), events: e.Events(), log: e.LogText()}
}

// applyLive brings a match up to a snapshot of its engine: the View, the
// events the console has not shown, the log. It reports whether anything
// changed and whether the case ended with it.
func (a *App) applyLive(m *match, e *liveEngine, s *liveSnap) (changed, ended bool) {
	if s == nil || s.view == nil || s.view.Entries < m.view.Entries {
		return false, false
	}
	fresh := e.fresh(s.events)
	if s.view.Checksum == m.view.Checksum && s.view.Entries == m.view.Entries && len(fresh) == 0 {
		return false, false
	}
	was := m.view.Ending != nil
	m.view = s.view
	for _, ev := range fresh {
		m.addEvent(ev)
	}
	if s.log != nil {
		m.log = s.log
	}
	if a.m == m {
		a.setPrinter()
	}
	return true, !was && m.view.Ending != nil
}

// matchScene reports whether the scene shown draws the session (a.m).
func (a *App) matchScene() bool {
	switch a.scene {
	case a.briefing, a.desk, a.handoff, a.debrief, a.snapshot:
		return true
	}
	return false
}

// targetOf reads a target as the room's effects name it: "" or "room",
// "team=NAME", or a trainee's id.
func targetOf(s string) room.Target {
	switch {
	case s == "" || s == "room":
		return room.Target{}
	case strings.HasPrefix(s, "team="):
		return room.Target{Team: strings.TrimPrefix(s, "team=")}
	}
	return room.Target{Trainee: s}
}

// targetKey names a target for effects and test keys.
func targetKey(t room.Target) string {
	switch {
	case t.Trainee != "":
		return t.Trainee
	case t.Team != "":
		return "team=" + t.Team
	}
	return "room"
}

// refusalText renders an error of the room in the reader's language: the
// host's refusals from the catalogue, anything else as it is.
func (a *App) refusalText(err error) string { return a.p.Err(err) }

// joinNames lists names with commas, in the order given.
func joinNames(names []string) string { return strings.Join(slices.Clip(names), ", ") }

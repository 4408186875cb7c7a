package ui

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"takedown/game"
	"takedown/room"
)

// roomSeat is this window's seat in a room as a trainee: the room's client
// (the engine the desk plays, as a local session would be), and what its
// poller last read of the connection. Orders from the instructor change
// the session outside the window's commands; the poller brings them in.
type roomSeat struct {
	c          *room.Client
	live       *liveEngine
	m          *match
	desk       *deskScene // the desk's state while another desk is shown
	addr, code string
	name, team string

	snaps chan seatSnap
	quit  chan struct{}
	done  chan struct{}
	gone  atomic.Bool // the seat's session was closed: the window left the room

	// On the loop.
	status room.Status
	read   bool      // a status has arrived
	held   *liveSnap // a reading that waits for the command running
}

// seatSnap is what the poller read of the seat.
type seatSnap struct {
	status room.Status
	live   *liveSnap
}

// newSeat wraps a client and starts its poller.
func newSeat(c *room.Client, live *liveEngine, m *match, addr, code string) *roomSeat {
	st := c.Status()
	s := &roomSeat{c: c, live: live, m: m, addr: addr, code: code, name: st.Name, team: st.Team, status: st,
		snaps: make(chan seatSnap, 1), quit: make(chan struct{}), done: make(chan struct{})}
	go s.poll()
	return s
}

// poll reads the seat off the loop: the status on every change and once a
// second (for the countdown), the session when its log grew.
func (s *roomSeat) poll() {
	defer close(s.done)
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	last := -1
	for {
		sn := seatSnap{status: s.c.Status()}
		if sn.status.Entries != last {
			sn.live, last = s.live.snapshot(), sn.status.Entries
		}
		select {
		case old := <-s.snaps:
			if sn.live == nil {
				sn.live = old.live
			}
		default:
		}
		s.snaps <- sn
		select {
		case <-s.quit:
			return
		case <-s.c.Changes():
		case <-tick.C:
		}
	}
}

// stop ends the poller.
func (s *roomSeat) stop() {
	select {
	case <-s.quit:
	default:
		close(s.quit)
	}
}

// leave closes the seat's client in the background: it sends what the
// host has not acknowledged first.
func (a *App) leaveSeat(s *roomSeat) {
	if s.gone.Swap(true) {
		return
	}
	s.stop()
	r := a.room
	r.closing.Add(1)
	go func() {
		defer r.closing.Done()
		s.c.Close()
	}()
}

// takeSeatSnap takes the poller's latest reading on the loop; it reports
// whether the screen must change.
func (a *App) takeSeatSnap() bool {
	s := a.room.seat
	if s.gone.Load() {
		a.room.seat = nil
		return false
	}
	changed := false
	select {
	case sn := <-s.snaps:
		before := a.seatBanner()
		s.status, s.read = sn.status, true
		if sn.live != nil {
			s.held = sn.live
		}
		if after := a.seatBanner(); after != before && a.m == s.m && a.matchScene() {
			if len(a.stripLines(after.text)) != len(a.room.strip.lines) || after.kind != before.kind {
				a.rebuild = true
			} else {
				a.repaint = true
			}
			changed = true
		}
	default:
	}
	if s.held != nil && !a.jobs.busy.Load() {
		ch, ended := a.applyLive(s.m, s.live, s.held)
		s.held = nil
		if ch {
			a.saveSeat()
			if a.m == s.m && a.matchScene() {
				a.rebuild, changed = true, true
			}
		}
		if ended && a.m == s.m {
			// The instructor ended the session: on to the debrief.
			a.overlay = nil
			a.debrief.page = pageOutcome
			a.goTo(SceneDebrief)
			changed = true
		}
	}
	return changed
}

// banner is the line the strip under the top bar shows, and its kind.
type banner struct {
	text string
	kind string // ok, paused, offline, refused, watch
}

// seatBanner says how the room stands for this trainee: paused, offline
// (playing on), refused, or online; with the countdown.
func (a *App) seatBanner() banner {
	s := a.room.seat
	st := s.status
	who := st.Name
	if st.Team != "" {
		who = a.t("room.to_trainee_team", game.Str("name", st.Name), game.Str("team", st.Team))
	}
	b := banner{kind: "ok", text: a.t("room.banner_online", game.Str("code", st.Code), game.Str("who", who))}
	switch {
	case st.State == room.StateRefused || st.Stalled:
		msg := ""
		if st.Refusal != nil {
			msg = a.refusalText(st.Refusal)
		}
		b = banner{kind: "refused", text: a.t("room.banner_refused", game.Str("why", msg))}
	case st.Ended:
		b = banner{kind: "ok", text: a.t("room.banner_ended", game.Str("code", st.Code))}
	case st.Paused:
		b = banner{kind: "paused", text: a.t("room.banner_paused")}
	case st.State == room.StateOffline:
		since := ""
		if !st.OfflineSince.IsZero() {
			since = st.OfflineSince.Format("15:04")
		}
		b = banner{kind: "offline", text: a.t("room.banner_offline", game.Str("since", since), game.Count("n", int64(st.Waiting)))}
	case st.State == room.StateConnecting:
		b = banner{kind: "offline", text: a.t("room.banner_connecting", game.Str("code", st.Code))}
	}
	if st.HasBudget && !st.Ended {
		left := a.t("room.left", game.Str("clock", clockText(st.Remaining)))
		if st.Remaining <= 0 {
			left = a.t("room.time_up", game.Str("clock", clockText(-st.Remaining)))
		}
		b.text += " · " + left
	}
	return b
}

// seatFile is a seat in a room as the save store keeps it: enough to
// rejoin the same seat after the app restarts, with the log played so far.
type seatFile struct {
	addr, code, token string
	name, team        string
	lang              game.Lang
	scene, tab        string
	log               []byte
}

// seatMagic starts a seat's save.
const seatMagic = "takedown-room-seat 1"

// seatName is the save a room's seat is kept in.
func seatName(code string) string { return "room-" + room.NormalizeCode(code) }

// lastSeatName is the save that names the room joined last.
const lastSeatName = "room-last"

// encodeSeat writes a seat for the store.
func encodeSeat(f seatFile) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\naddr %s\ncode %s\ntoken %s\nname %s\nteam %s\nlang %s\nscene %s\ntab %s\n\n",
		seatMagic, f.addr, f.code, f.token, oneLine(f.name), oneLine(f.team), f.lang, f.scene, f.tab)
	b.Write(f.log)
	return b.Bytes()
}

// oneLine keeps a name on one line of a save.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// decodeSeat reads a seat's save.
func decodeSeat(data []byte) (seatFile, error) {
	var f seatFile
	head, log, _ := bytes.Cut(data, []byte("\n\n"))
	sc := bufio.NewScanner(bytes.NewReader(head))
	if !sc.Scan() || sc.Text() != seatMagic {
		return f, fmt.Errorf("not a room seat of this version of Takedown")
	}
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), " ")
		switch k {
		case "addr":
			f.addr = v
		case "code":
			f.code = v
		case "token":
			f.token = v
		case "name":
			f.name = v
		case "team":
			f.team = v
		case "lang":
			f.lang = game.Lang(v)
		case "scene":
			f.scene = v
		case "tab":
			f.tab = v
		}
	}
	f.log = log
	return f, nil
}

// readSeat reads the seat kept for a room code, or nil.
func readSeat(store Store, name string) *seatFile {
	if store == nil {
		return nil
	}
	data, _, err := store.Read(name)
	if err != nil {
		return nil
	}
	f, err := decodeSeat(data)
	if err != nil {
		return nil
	}
	return &f
}

// saveSeat queues the seat and its log for writing off the loop, with the
// room joined last pointing at it.
func (a *App) saveSeat() {
	s := a.room.seat
	if a.saver == nil || s == nil || s.m.log == nil {
		return
	}
	scene := SceneDesk
	if a.m == s.m {
		switch a.scene {
		case a.briefing, a.debrief:
			scene = a.scene.id()
		}
	}
	tab := s.desk.tab
	if a.m == s.m {
		tab = a.desk.tab
	}
	f := seatFile{addr: s.addr, code: s.code, token: s.c.Token(), name: s.name, team: s.team, lang: a.lang, scene: scene, tab: tab, log: s.m.log}
	a.saver.put(seatName(s.code), encodeSeat(f))
	f.log, f.token = nil, ""
	a.saver.put(lastSeatName, encodeSeat(f))
}

// saveSeatSession saves the seat when the session shown is the seat's;
// it reports whether it was (saveSession saves nothing else then).
func (a *App) saveSeatSession() bool {
	if a.room == nil || a.m == nil || a.room.seat == nil || a.m != a.room.seat.m {
		return false
	}
	a.saveSeat()
	return true
}

// joinRoom joins a room off the loop: as a new trainee, or back in the
// seat kept for that room code after a restart (its token and log).
func (a *App) joinRoom(addrIn, codeIn, name, team string) {
	j := a.room.join
	addr, code, err := room.ParseJoin(addrIn)
	switch {
	case strings.TrimSpace(addrIn) == "":
		j.note = a.t("room.need_addr")
	case err != nil:
		j.note = a.t("room.bad_addr")
	}
	if codeIn != "" {
		code = room.NormalizeCode(codeIn)
	}
	if j.note == "" && code == "" {
		j.note = a.t("room.need_code")
	}
	if j.note != "" {
		a.rebuild = true
		return
	}
	store, cat, stale := a.opt.Store, a.cat, j.stale[code]
	j.joining = true
	a.rebuild = true
	a.roomTask(func() func(*App) {
		var seat *seatFile
		if !stale {
			seat = readSeat(store, seatName(code))
		}
		opt := room.JoinOptions{Addr: addr, Code: code, Name: name, Team: team, Compile: room.BundleCompiler(cat)}
		rejoin := seat != nil && seat.token != ""
		if rejoin {
			opt.Token, opt.Log = seat.token, seat.log
		} else if name == "" {
			return func(a *App) {
				j.joining = false
				j.note = a.t("room.need_name")
				a.rebuild = true
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		c, err := room.Join(ctx, opt)
		if err != nil {
			return func(a *App) {
				j.joining = false
				a.joinFailed(err, addr, code, rejoin)
			}
		}
		live := newLive(c, c.Program())
		m := newMatch(nil, live)
		if l, err := game.ParseLog(bytes.NewReader(m.log)); err == nil {
			for _, e := range l.Entries {
				if e.Actor.Kind() == game.ActorTrainee {
					m.remember(e.Line)
				}
			}
		}
		return func(a *App) {
			j.joining = false
			a.takeSeat(newSeat(c, live, m, addr, code), seat, rejoin)
		}
	})
}

// joinFailed says why the room could not be joined: the host's refusal in
// the reader's language, or that it cannot be reached.
func (a *App) joinFailed(err error, addr, code string, rejoin bool) {
	var r *room.RefusedError
	switch {
	case errors.As(err, &r):
		o := &overlay{title: a.t("room.refused_title"), lines: []string{a.refusalText(err)}, bad: true}
		if r.Code == room.CodeSession && rejoin {
			// The host no longer knows the seat: the next Join takes a
			// new one.
			a.room.join.stale[code] = true
			o.note = a.t("room.seat_gone")
		}
		a.overlay = o
	case errors.Is(err, context.DeadlineExceeded):
		a.overlay = &overlay{title: a.t("room.join_failed"), lines: []string{a.t("room.unreachable", game.Str("addr", addr))}, bad: true}
	default:
		a.overlay = &overlay{title: a.t("room.join_failed"), lines: []string{a.t("room.unreachable", game.Str("addr", addr)), err.Error()}, bad: true}
	}
	a.rebuild = true
}

// takeSeat shows the desk of a room just joined: the briefing for a new
// trainee, where the trainee was for a seat taken back.
func (a *App) takeSeat(s *roomSeat, f *seatFile, rejoin bool) {
	r := a.room
	a.stopWatch()
	if old := r.seat; old != nil {
		if a.m == old.m {
			a.m = nil
		}
		a.leaveSeat(old)
	}
	if a.m != nil {
		a.closeMatch()
	}
	s.live.closer = func() { a.leaveSeat(s) }
	r.seat = s
	a.m = s.m
	a.desk = newDeskScene()
	s.desk = a.desk
	if s.name == "" && f != nil {
		s.name, s.team = f.name, f.team
	}
	a.setPrinter()
	if !rejoin || f == nil {
		a.saveSeat()
		a.goTo(SceneBriefing)
		return
	}
	if f.tab != "" {
		a.desk.tab = f.tab
	}
	if l := a.text.Supported(f.lang); f.lang != "" && l == f.lang {
		a.lang = l
		a.setPrinter()
	}
	switch f.scene {
	case SceneBriefing, SceneDebrief:
		a.goTo(f.scene)
	default:
		a.goTo(SceneDesk)
	}
}

// readLastSeat reads the room joined last, for the join form.
func readLastSeat(store Store) *seatFile {
	f := readSeat(store, lastSeatName)
	if f == nil {
		return nil
	}
	if s := readSeat(store, seatName(f.code)); s != nil && s.token != "" {
		s.addr = f.addr
		return s
	}
	return f
}

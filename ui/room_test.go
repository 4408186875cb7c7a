package ui

import (
	"archive/zip"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
	"takedown/room"
	"takedown/room/lan"
	"takedown/save"
	"takedown/scenarios"
)

// TestRoomThroughTheApp runs a workshop room between two windows in one
// process, on 127.0.0.1 only, through the app's own buttons and typing: the
// instructor hosts a room from the title scene; a trainee of another
// release is refused with both releases named; a trainee joins with the
// address, code, name and team, plays, loses the network and plays on, and
// the host gets every entry once the network is back; the instructor
// watches the trainee's desk read-only, sends it an inject, adds five
// minutes to the countdown, sends the room a notice, pauses (the
// trainee's banner says so and a command is refused), resumes, ends the
// session (the trainee's app opens the debrief, the instructor's the
// plenary) and exports the room, whose archive replays to the trainee's
// state.
func TestRoomThroughTheApp(t *testing.T) {
	store, err := save.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	h := newDriver(t, func(src Source) (*App, error) {
		a, err := New(Options{Size: size720, Source: src, Store: store, Scenarios: []string{scenarios.Default}})
		if err == nil {
			a.room.addr, a.room.net = "127.0.0.1:0", &lan.Memory{}
		}
		return a, err
	})
	defer h.onLoop(h.app.Close)

	// The instructor hosts the room from the title scene.
	h.click("host_room")
	h.wantScene(SceneHost)
	h.click("open_room")
	h.wantScene(SceneRoom)
	hr := h.app.room.host
	if hr == nil {
		t.Fatal("no room is hosted")
	}
	hostAddr, code := hr.h.Addr().String(), hr.info.Code

	// A trainee's app of another release is refused, and told what differs.
	other, err := room.NewHost(hr.h.Program(), room.Options{Addr: "127.0.0.1:0", Seed: 1, App: "takedown v0.0.1-other log 1 api 1"})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Release()
	defer other.Close()
	tr := newTrainee(t)
	defer tr.onLoop(tr.app.Close)
	tr.joinForm(other.Addr().String(), other.Info().Code, "Ada", "North")
	title, lines := tr.app.Overlay()
	if title != tr.app.t("room.refused_title") || len(lines) == 0 ||
		!strings.Contains(lines[0], room.AppVersion()) || !strings.Contains(lines[0], "takedown v0.0.1-other") {
		t.Fatalf("joining a host of another release said %q %q, not both releases", title, lines)
	}
	if tr.app.room.seat != nil {
		t.Fatal("a refused app took a seat")
	}

	// The trainee joins the instructor's room through a link that can be
	// cut, and plays.
	link := newCuttable(t, hostAddr)
	tr = newTrainee(t)
	defer tr.onLoop(tr.app.Close)
	tr.joinForm(link.addr(), code, "Ada", "North")
	if title, lines := tr.app.Overlay(); title != "" {
		t.Fatalf("joining said %q %q", title, lines)
	}
	tr.wantScene(SceneBriefing)
	tr.click("to_desk")
	tr.typeLine("whois kadr-hd.ru")
	if got := tr.logLines(); len(got) != 1 {
		t.Fatalf("the trainee's log holds %q after one command", got)
	}
	h.until("the dashboard shows the trainee's command", func() bool {
		return len(hr.dash.Trainees) == 1 && hr.dash.Trainees[0].Entries == 1
	})
	row := hr.dash.Trainees[0]
	if row.Name != "Ada" || row.Team != "North" {
		t.Errorf("the dashboard's row is %q of team %q, want Ada of North", row.Name, row.Team)
	}

	// The network drops: the trainee plays on, offline, and the host
	// gets the entry once it is back, once.
	link.cut()
	tr.until("the trainee's app sees it is offline", func() bool { return tr.app.room.seat.status.State == room.StateOffline })
	if b := tr.app.stripText(); b.kind != "offline" {
		t.Errorf("offline, the trainee's banner is %q %q", b.kind, b.text)
	}
	tr.typeLine("dns kadr-hd.ru")
	if got := tr.logLines(); len(got) != 2 {
		t.Fatalf("offline, the trainee's log holds %q after two commands", got)
	}
	link.restore()
	h.until("the host has the entry played offline", func() bool { return hr.dash.Trainees[0].Entries == 2 })
	tr.until("the trainee's app is online again", func() bool { return tr.app.room.seat.status.State == room.StateOnline })
	if n := hr.dash.Trainees[0].Entries; n != 2 {
		t.Fatalf("the host holds %d entries, want 2", n)
	}

	// The instructor watches the trainee's desk: live and read-only.
	h.click("dashboard")
	h.wantScene(SceneDashboard)
	h.click("watch:" + row.ID)
	if !strings.HasPrefix(h.app.Scene(), SceneDesk) || !h.app.readOnlyDesk() {
		t.Fatalf("clicking the row showed %s", h.app.Scene())
	}
	for _, k := range h.app.Targets() {
		if strings.HasPrefix(k, "cmd:") || k == "handoff" {
			t.Errorf("the watched desk offers %q", k)
		}
	}
	if !h.has("send_watched") || !h.has("unwatch") {
		t.Errorf("the watched desk lacks its inject and back buttons: %q", h.app.Targets())
	}
	h.typeLine("capture kadr-hd.ru")
	h.settle()
	if n := len(h.logLines()); n != 2 {
		t.Errorf("typing on the watched desk changed its log to %d entries", n)
	}
	h.onLoop(func() {
		h.app.apply([]effect{h.app.actionEffect(game.ActionView{Line: "capture kadr-hd.ru", Verb: "capture"})})
	})
	h.settle()
	if n := len(h.logLines()); n != 2 {
		t.Errorf("an action on the watched desk changed its log to %d entries", n)
	}
	// From the watched desk, an inject to that trainee alone.
	h.click("send_watched")
	h.wantScene(SceneOrders)
	if got := h.app.room.orders.target; got.Trainee != row.ID {
		t.Fatalf("Inject or notice on %s's desk is addressed to %+v", row.ID, got)
	}
	h.click("inject:pressure")
	if want := h.app.t("room.sent", game.Count("n", 1)); h.app.room.orders.note != want {
		t.Errorf("after the inject the orders say %q, want %q", h.app.room.orders.note, want)
	}
	tr.until("the inject reaches the trainee", func() bool {
		return strings.Contains(string(tr.app.m.log), "inject pressure")
	})
	h.click("back_dashboard")
	h.wantScene(SceneDashboard)

	// The countdown: five minutes more.
	budget := hr.dash.Clock.Budget
	h.click("plus5")
	h.until("the countdown grows", func() bool { return hr.dash.Clock.Budget > budget })

	// A notice to the room reaches the trainee's log, as the instructor's.
	h.click("orders")
	h.wantScene(SceneOrders)
	h.typeText("Check the payment trail")
	h.click("send_notice")
	tr.until("the notice reaches the trainee", func() bool {
		return strings.Contains(string(tr.app.m.log), "Check the payment trail")
	})
	h.click("back_dashboard")

	// Paused: the banner says so and a command is refused.
	h.click("pause")
	tr.until("the trainee's app sees the pause", func() bool { return tr.app.room.seat.status.Paused })
	tr.idle(2)
	if b := tr.app.stripText(); b.kind != "paused" {
		t.Errorf("paused, the trainee's banner is %q %q", b.kind, b.text)
	}
	before := len(tr.logLines())
	tr.typeLine("purchase kadr-hd.ru")
	if n := len(tr.logLines()); n != before {
		t.Errorf("paused, a command was logged (%d entries, was %d)", n, before)
	}
	h.until("the dashboard shows the pause", func() bool { return hr.dash.Paused && h.has("resume") })
	h.click("resume")
	tr.until("the trainee's app sees the room resume", func() bool { return !tr.app.room.seat.status.Paused })
	tr.typeLine("purchase kadr-hd.ru")
	if n := len(tr.logLines()); n <= before {
		t.Errorf("resumed, the command was not logged")
	}

	// Ending the session takes the trainee to the debrief and the
	// instructor to the plenary.
	h.click("stop")
	h.click("yes")
	h.wantScene(ScenePlenary)
	tr.until("the trainee's app opens the debrief", func() bool { return strings.HasPrefix(tr.app.Scene(), SceneDebrief) })
	tr.idle(2)

	// The room's archive replays to the trainee's state.
	h.until("the host has the trainee's last entry", func() bool {
		return hr.dash.Trainees[0].Entries == len(tr.logLines()) && hr.dash.Trainees[0].Ended
	})
	h.click("export")
	_, lines = h.app.Overlay()
	if len(lines) == 0 {
		t.Fatal("exporting said nothing")
	}
	arc, err := room.ReadArchive(lines[0])
	if err != nil {
		t.Fatalf("the archive %q: %v", lines[0], err)
	}
	defer os.Remove(lines[0])
	prog, err := arc.Compile(room.BundleCompiler(catalog.New()))
	if err != nil {
		t.Fatal(err)
	}
	s, err := arc.Replay(prog, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, want := s.View().Checksum, tr.app.m.view.Checksum; got != want {
		t.Errorf("the archive replays to %s, the trainee's app stands at %s", got, want)
	}
	// A trainee's log from the archive opens in the app as a replay.
	zr, err := zip.OpenReader(lines[0])
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open(arc.Manifest.Trainees[0].Log)
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	logFile := filepath.Join(t.TempDir(), "trainee.log")
	if err := os.WriteFile(logFile, text, 0o600); err != nil {
		t.Fatal(err)
	}
	o := loadReplay(catalog.New(), logFile)
	if o.m == nil || o.err != nil {
		t.Fatalf("the trainee's log from the archive does not open in the app: %v", o.err)
	}
	if got, want := o.m.view.Checksum, tr.app.m.view.Checksum; got != want {
		t.Errorf("the trainee's log opens at %s, the trainee's app stands at %s", got, want)
	}
}

// newTrainee makes a trainee's window on the title scene, looking for rooms
// on no network.
func newTrainee(t *testing.T) *driver {
	t.Helper()
	return newDriver(t, func(src Source) (*App, error) {
		a, err := New(Options{Size: size720, Source: src, Scenarios: []string{scenarios.Default}})
		if err == nil {
			a.room.net = &lan.Memory{}
		}
		return a, err
	})
}

// joinForm opens the join form from the title scene, types the address,
// code, name and team into it and presses Join.
func (d *driver) joinForm(addr, code, name, team string) {
	d.t.Helper()
	d.click("join_room")
	d.wantScene(SceneJoin)
	for i, s := range []string{addr, code, name, team} {
		d.click("field:" + string(rune('0'+i)))
		d.typeText(s)
	}
	d.click("connect")
}

// typeText types text a few characters a tick, without Enter.
func (d *driver) typeText(s string) {
	r := []rune(s)
	for len(r) > 0 {
		n := min(3, len(r))
		d.step(Input{Chars: r[:n]}, false)
		r = r[n:]
	}
	d.idle(1)
}

// wantScene fails the test unless the scene shown is id.
func (d *driver) wantScene(id string) {
	d.t.Helper()
	if got := d.app.Scene(); got != id {
		title, lines := d.app.Overlay()
		d.t.Fatalf("the scene is %s, want %s (overlay %q %q)", got, id, title, lines)
	}
}

// cuttable is a TCP link on 127.0.0.1 to a host that the test can cut (its
// connections close, new ones are closed as they come) and restore.
type cuttable struct {
	t  *testing.T
	ln net.Listener
	to string

	mu    sync.Mutex
	down  bool
	conns []net.Conn
}

// newCuttable listens on 127.0.0.1 and forwards to addr.
func newCuttable(t *testing.T, addr string) *cuttable {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c := &cuttable{t: t, ln: ln, to: addr}
	t.Cleanup(func() { ln.Close(); c.cut() })
	go c.serve()
	return c
}

func (c *cuttable) addr() string { return c.ln.Addr().String() }

func (c *cuttable) serve() {
	for {
		in, err := c.ln.Accept()
		if err != nil {
			return
		}
		c.mu.Lock()
		down := c.down
		c.mu.Unlock()
		if down {
			in.Close()
			continue
		}
		out, err := net.Dial("tcp", c.to)
		if err != nil {
			in.Close()
			continue
		}
		c.mu.Lock()
		c.conns = append(c.conns, in, out)
		c.mu.Unlock()
		go pipe(in, out)
		go pipe(out, in)
	}
}

// pipe copies one way and closes both ends when either does.
func pipe(dst, src net.Conn) {
	_, _ = io.Copy(dst, src)
	dst.Close()
	src.Close()
}

// cut closes every connection through the link and refuses new ones.
func (c *cuttable) cut() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.down = true
	for _, n := range c.conns {
		n.Close()
	}
	c.conns = nil
}

// restore lets connections through again.
func (c *cuttable) restore() {
	c.mu.Lock()
	c.down = false
	c.mu.Unlock()
}

// TestRoomSeatComesBack closes a trainee's app in the middle of a session
// and opens it again: the join form is filled in from the room joined last,
// and Join takes the same seat back with the log played so far; the host
// still counts one trainee, with every entry once.
func TestRoomSeatComesBack(t *testing.T) {
	prog, err := engine.Open(catalog.New(), scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	h, err := room.NewHost(prog, room.Options{Addr: "127.0.0.1:0", Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Release()
	defer h.Close()
	dir := t.TempDir()
	open := func() (*driver, *save.Store) {
		store, err := save.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		d := newDriver(t, func(src Source) (*App, error) {
			a, err := New(Options{Size: size720, Source: src, Store: store, Scenarios: []string{scenarios.Default}})
			if err == nil {
				a.room.net = &lan.Memory{}
			}
			return a, err
		})
		return d, store
	}
	tr, store := open()
	tr.joinForm(h.Addr().String(), h.Info().Code, "Ada", "")
	tr.wantScene(SceneBriefing)
	tr.click("to_desk")
	tr.typeLine("whois kadr-hd.ru")
	tr.typeLine("dns kadr-hd.ru")
	want := tr.app.m.view.Checksum
	tr.onLoop(tr.app.Close)
	store.Close()

	tr, store = open()
	defer store.Close()
	defer tr.onLoop(tr.app.Close)
	tr.click("join_room")
	tr.wantScene(SceneJoin)
	tr.onLoop(tr.app.settleJoin)
	tr.idle(2)
	if got := tr.app.room.join.fields[fieldCode].String(); got != h.Info().Code {
		t.Errorf("the join form's code is %q, want the room joined last, %q", got, h.Info().Code)
	}
	tr.click("connect")
	if title, lines := tr.app.Overlay(); title != "" {
		t.Fatalf("joining again said %q %q", title, lines)
	}
	if !strings.HasPrefix(tr.app.Scene(), SceneDesk) {
		t.Errorf("the seat taken back shows %s, not the desk", tr.app.Scene())
	}
	if got := tr.logLines(); len(got) != 2 || tr.app.m.view.Checksum != want {
		t.Errorf("the seat taken back holds %q at %s, want the two commands at %s", got, tr.app.m.view.Checksum, want)
	}
	tr.until("the host holds both entries", func() bool {
		d := h.Dashboard()
		return len(d.Trainees) == 1 && d.Trainees[0].Entries == 2 && d.Trainees[0].State == room.StateOnline
	})
	if d := h.Dashboard(); len(d.Trainees) != 1 {
		t.Errorf("the host counts %d trainees after the app came back, want 1", len(d.Trainees))
	}
}

package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"takedown/game"
	"takedown/room"
)

// hostedRoom is a room this window hosts: the host, and what its poller
// last read of it. The host's methods may wait for a trainee's replay, so
// the window calls none of them on its loop: a poller reads the dashboard
// (and the plenary, and a watched desk, when they are shown) off the loop
// whenever the room changes and once a second for the countdown.
type hostedRoom struct {
	h           *room.Host
	info        room.Info
	minutes     int
	unannounce  func()
	announceErr error
	sim         *simRoom      // the simulated trainees of a screenshot or test, or nil
	rec         *roomRecorder // keeps the room's training records, or nil

	snaps       chan hostSnap
	kick        chan struct{}
	quit        chan struct{}
	done        chan struct{}
	wantPlenary atomic.Bool
	watched     atomic.Pointer[liveEngine]

	// On the loop: what the poller read last.
	dash   room.Dashboard
	orders []room.OrderRecord
	plen   *room.Plenary
	sig    string // the dashboard as last built, to rebuild on a change
	clock  string // the countdown as last painted
	byTeam bool   // the dashboard shows teams rather than trainees
	read   bool   // a snapshot has arrived
}

// hostSnap is what the poller read of the room.
type hostSnap struct {
	dash   room.Dashboard
	orders []room.OrderRecord
	plen   *room.Plenary
	watch  *liveSnap
	of     *liveEngine // the engine watch was read from
}

// newHostedRoom wraps a host and starts its poller; rec, if set, keeps the
// room's training records.
func newHostedRoom(h *room.Host, minutes int, rec *roomRecorder) *hostedRoom {
	hr := &hostedRoom{h: h, info: h.Info(), minutes: minutes, snaps: make(chan hostSnap, 1), kick: make(chan struct{}, 1),
		quit: make(chan struct{}), done: make(chan struct{}), rec: rec}
	go hr.poll()
	return hr
}

// poll reads the room off the loop until stopPolling.
func (hr *hostedRoom) poll() {
	defer close(hr.done)
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	ver, plenAt, watchAt := 1, 0, 0
	var lastWatched *liveEngine
	for {
		s := hostSnap{dash: hr.h.Dashboard(), orders: hr.h.Orders()}
		if !hr.wantPlenary.Load() {
			plenAt = 0
		} else if plenAt != ver {
			p := hr.h.Plenary()
			s.plen, plenAt = &p, ver
		}
		if w := hr.watched.Load(); w != nil && (w != lastWatched || watchAt != ver) {
			s.watch, s.of, watchAt = w.snapshot(), w, ver
		}
		lastWatched = hr.watched.Load()
		// Keep what an unread snapshot carried that this one does not.
		select {
		case old := <-hr.snaps:
			if s.plen == nil {
				s.plen = old.plen
			}
			if s.watch == nil {
				s.watch, s.of = old.watch, old.of
			}
		default:
		}
		hr.snaps <- s
		hr.record(false)
		select {
		case <-hr.quit:
			return
		case <-hr.h.Changes():
			ver++
		case <-hr.kick:
		case <-tick.C:
		}
	}
}

// wake makes the poller read the room now.
func (hr *hostedRoom) wake() {
	select {
	case hr.kick <- struct{}{}:
	default:
	}
}

// stopPolling ends the poller and waits for it.
func (hr *hostedRoom) stopPolling() {
	select {
	case <-hr.quit:
		return
	default:
	}
	close(hr.quit)
	<-hr.done
}

// readNow reads the room on the calling goroutine, for screenshots and
// tests that must not depend on timing.
func (hr *hostedRoom) readNow() hostSnap {
	s := hostSnap{dash: hr.h.Dashboard(), orders: hr.h.Orders()}
	if hr.wantPlenary.Load() {
		p := hr.h.Plenary()
		s.plen = &p
	}
	if w := hr.watched.Load(); w != nil {
		s.watch, s.of = w.snapshot(), w
	}
	return s
}

// closeHost closes the room: the announcement, the connections and, with
// export, an archive of the room in dir. It returns the archive's path.
func (hr *hostedRoom) closeHost(export bool, dir string) (string, error) {
	if hr.unannounce != nil {
		hr.unannounce()
		hr.unannounce = nil
	}
	if hr.sim != nil {
		hr.sim.close()
	}
	hr.h.Close()
	defer hr.h.Release()
	hr.record(true) // the closed room's last records, before its sessions go
	if !export || hr.sim != nil || dir == "" {
		return "", nil
	}
	path := filepath.Join(dir, room.ArchiveName(hr.info.Code, time.Now()))
	return path, hr.h.ExportFile(path)
}

// takeHostSnap takes the poller's latest reading on the loop; it reports
// whether the screen must change.
func (a *App) takeHostSnap() bool {
	hr := a.room.host
	select {
	case s := <-hr.snaps:
		return a.useHostSnap(s)
	default:
		return false
	}
}

// useHostSnap shows a reading of the room.
func (a *App) useHostSnap(s hostSnap) bool {
	hr, r := a.room.host, a.room
	hr.dash, hr.orders, hr.read = s.dash, s.orders, true
	changed := false
	if s.plen != nil {
		hr.plen = s.plen
		if a.scene == r.plen {
			a.rebuild, changed = true, true
		}
	}
	if w := r.watch; w != nil && s.watch != nil && s.of == w.live {
		if ch, _ := a.applyLive(w.m, w.live, s.watch); ch && a.m == w.m && a.matchScene() {
			a.rebuild, changed = true, true
		}
	}
	if sig := dashSig(s.dash, s.orders); sig != hr.sig {
		hr.sig = sig
		switch a.scene {
		case r.dash, r.card, r.orders:
			a.rebuild, changed = true, true
		}
	}
	if c := a.countdown(s.dash); c != hr.clock {
		switch a.scene {
		case r.dash, r.card:
			a.repaint, changed = true, true
		}
	}
	return changed
}

// dashSig is what the dashboard shows, but for the countdown: when it
// changes, the instructor's screens are built again.
func dashSig(d room.Dashboard, orders []room.OrderRecord) string {
	d.Clock = room.Clock{Budget: d.Clock.Budget}
	b, _ := json.Marshal(d)
	return fmt.Sprintf("%s|%d", b, len(orders))
}

// countdown is the room's countdown as the instructor's screens show it.
func (a *App) countdown(d room.Dashboard) string {
	switch {
	case d.Stopped:
		return a.t("room.ended")
	case d.Clock.Budget <= 0 && d.Paused:
		return a.t("room.paused")
	case d.Clock.Budget <= 0:
		return a.t("room.no_limit")
	}
	left := a.t("room.left", game.Str("clock", clockText(time.Duration(d.Clock.Remaining)*time.Millisecond)))
	if d.Clock.Remaining <= 0 {
		left = a.t("room.time_up", game.Str("clock", clockText(time.Duration(-d.Clock.Remaining)*time.Millisecond)))
	}
	if d.Paused {
		return a.t("room.paused_left", game.Str("left", left))
	}
	return left
}

// clockText writes a span of wall-clock time as M:SS, or H:MM:SS from an
// hour.
func clockText(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// exportDir is where room archives go: the save folder, else the system's
// temporary folder.
func (a *App) exportDir() string {
	if d, ok := a.opt.Store.(interface{ Dir() string }); ok && d.Dir() != "" {
		return d.Dir()
	}
	return os.TempDir()
}

// hostAct carries out one of the instructor's actions on the room, off the
// loop.
func (a *App) hostAct(verb, arg string) {
	hr := a.room.host
	if hr == nil {
		return
	}
	h := hr.h
	switch verb {
	case "view":
		hr.byTeam = arg == "teams"
		a.rebuild = true
		return
	case "pause", "resume":
		a.roomTask(func() func(*App) {
			var err error
			if verb == "pause" {
				err = h.Pause()
			} else {
				err = h.Resume()
			}
			return a.afterOrder(err, 0, false)
		})
	case "budget":
		left := time.Duration(hr.dash.Clock.Remaining) * time.Millisecond
		if hr.dash.Clock.Budget <= 0 {
			left = 0
		}
		d := left.Round(time.Minute)
		if arg == "+5" {
			d += 5 * time.Minute
		} else {
			d = max(0, d-5*time.Minute)
		}
		a.roomTask(func() func(*App) {
			h.SetBudget(d)
			return func(a *App) { hr.wake() }
		})
	case "stop":
		a.roomTask(func() func(*App) {
			err := h.Stop()
			return func(a *App) {
				hr.wake()
				if err != nil {
					a.roomError(a.t("room.order_failed"), err)
					return
				}
				a.goTo(ScenePlenary)
			}
		})
	case "reports":
		a.roomReports(hr)
	case "export":
		dir := a.exportDir()
		code := hr.info.Code
		a.roomTask(func() func(*App) {
			path := filepath.Join(dir, room.ArchiveName(code, time.Now()))
			err := h.ExportFile(path)
			return func(a *App) {
				if err != nil {
					a.roomError(a.t("room.export_failed"), err)
					return
				}
				a.overlay = &overlay{title: a.t("room.exported"), lines: []string{path, a.t("room.replay_hint"), "takedown host --replay " + path}}
				a.rebuild = true
			}
		})
	case "close":
		dir := a.exportDir()
		a.stopWatch()
		a.room.host = nil
		a.roomTask(func() func(*App) {
			hr.stopPolling()
			path, err := hr.closeHost(true, dir)
			return func(a *App) {
				a.goTo(SceneTitle)
				if err != nil {
					a.roomError(a.t("room.export_failed"), err)
					return
				}
				lines := []string{a.t("room.closed_note")}
				if path != "" {
					lines = append(lines, path, a.t("room.replay_hint"), "takedown host --replay "+path)
				}
				a.overlay = &overlay{title: a.t("room.closed"), lines: lines}
				a.rebuild = true
			}
		})
	}
}

// afterOrder is what the loop does once an order was given: read the room
// again, and say what went wrong, if anything.
func (a *App) afterOrder(err error, reached int, report bool) func(*App) {
	return func(a *App) {
		if hr := a.room.host; hr != nil {
			hr.wake()
		}
		if err != nil {
			a.roomError(a.t("room.order_failed"), err)
			return
		}
		if report {
			a.room.orders.note = a.t("room.sent", game.Count("n", int64(reached)))
			a.rebuild = true
		}
	}
}

// roomError shows what the room refused, or what failed, in the overlay.
func (a *App) roomError(title string, err error) {
	var r *room.RefusedError
	bad := !errors.As(err, &r) || r.Fatal
	a.overlay = &overlay{title: title, lines: []string{a.refusalText(err)}, bad: bad}
	a.rebuild = true
}

// openHost opens a room for a scenario off the loop: it compiles it, starts
// the host on the usual port (or any free one) and announces the room when
// asked.
func (a *App) openHost(ref string, minutes int, announce bool) {
	if a.room.host != nil {
		a.goTo(SceneRoom)
		return
	}
	cat, addr, seed, nw, rec := a.cat, a.room.addr, a.seed(), a.room.net, a.newRoomRecorder()
	a.roomTask(func() func(*App) {
		prog, err := compileRef(cat, ref)
		if err != nil {
			return func(a *App) { a.showLoadError(err) }
		}
		opt := room.Options{Addr: addr, Seed: seed, Budget: time.Duration(minutes) * time.Minute}
		h, err := room.NewHost(prog, opt)
		var busy *net.OpError
		if err != nil && errors.As(err, &busy) && addr != ":0" {
			// The usual port is taken: any free one will do.
			opt.Addr = portZero(addr)
			h, err = room.NewHost(prog, opt)
		}
		if err != nil {
			return func(a *App) { a.roomError(a.t("room.host_failed"), err) }
		}
		hr := newHostedRoom(h, minutes, rec)
		if announce {
			hr.unannounce, hr.announceErr = h.Announce(nw)
		}
		return func(a *App) {
			a.room.host = hr
			a.goTo(SceneRoom)
		}
	})
}

// portZero keeps an address's host and asks for any free port.
func portZero(addr string) string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return ":0"
	}
	return net.JoinHostPort(host, "0")
}

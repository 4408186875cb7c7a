package ui

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"takedown/engine"
	"takedown/game"
	"takedown/room"
	"takedown/room/lan"
	"takedown/walkthrough"
)

// simRoom is a room of simulated trainees, for screenshots and tests: room
// clients on 127.0.0.1, each playing one of film-site's walkthroughs, and
// the host's wall clock held still so that the countdown and the idle
// marks do not depend on when the picture is taken.
type simRoom struct {
	clients []*room.Client
	clock   *simClock
}

// simClock is a wall clock that moves only when told.
type simClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *simClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *simClock) set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// close leaves the room with every simulated trainee.
func (s *simRoom) close() {
	for _, c := range s.clients {
		c.Close()
	}
}

// simWalks are the walkthroughs the simulated trainees play, one each.
func simWalks() []string {
	return []string{"win", "lose-early-takedown", "lose-informal-ask", "lose-cold-raid", "lose-domestic-only", "lose-false-urgency",
		"lose-freeze-lapsed", "lose-late-evidence", "lose-night-search", "lose-no-contact", "lose-no-raid", "lose-site-up",
		"lose-threshold", "lose-logs-expired"}
}

// simPeople are the simulated trainees' names and teams, in the
// interface's language: what trainees in such a room would type.
func simPeople(l game.Lang) (names, teams []string) {
	if l == game.RU {
		return []string{"Анна", "Борис", "Вера", "Глеб", "Дарья", "Егор", "Жанна", "Зоя", "Игорь", "Кира", "Лев", "Мария", "Нина", "Олег"},
			[]string{"Север", "Юг", "Восток", "Запад", "Центр"}
	}
	return []string{"Anna", "Boris", "Chen", "Dana", "Emil", "Farah", "Georg", "Hanna", "Ivan", "Julia", "Karim", "Lena", "Mona", "Nils"},
		[]string{"North", "South", "East", "West", "Centre"}
}

// simShare is how much of its walkthrough trainee i has played when the
// session is still running: some have finished, the rest are on the way.
func simShare(i int) float64 {
	return []float64{1, 0.8, 0.55, 1, 0.4, 0.65, 0.3, 1, 0.7, 0.5, 0.85, 0.6, 0.45, 0.75}[i%14]
}

// simCode is the simulated room's code.
const simCode = "TK4R7M"

// simulateRoom hosts film-site on 127.0.0.1 with n simulated trainees in
// teams of three. With finished, each plays its walkthrough to the end and
// the instructor ends the session; otherwise each has played a share of
// it, one went offline and one has been idle. It blocks until the host
// holds every entry.
func (a *App) simulateRoom(n int, finished bool) error {
	if a.room.host != nil {
		return nil
	}
	prog, err := engine.Open(a.cat, "film-site")
	if err != nil {
		return err
	}
	t0 := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	clk := &simClock{t: t0}
	h, err := room.NewHost(prog, room.Options{Addr: "127.0.0.1:0", Seed: 1, Code: simCode, Budget: time.Hour, Now: clk.now})
	if err != nil {
		return err
	}
	sim := &simRoom{clock: clk}
	hr := newHostedRoom(h, 60, nil)
	hr.sim = sim
	fail := func(err error) error {
		hr.stopPolling()
		hr.closeHost(false, "")
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	names, teams := simPeople(a.lang)
	src := prog.Source
	idle := 6 // the trainee who has given no command for a while
	for i := 0; i < n; i++ {
		walk := simWalks()[i%len(simWalks())]
		b, err := src.ReadMoves("scenarios/film-site." + walk + ".moves")
		if err != nil {
			return fail(err)
		}
		mv, err := walkthrough.Parse(walk, bytes.NewReader(b))
		if err != nil {
			return fail(err)
		}
		var lines []string
		for _, st := range mv.Steps {
			if st.Command != "" {
				lines = append(lines, st.Command)
			}
		}
		if !finished {
			lines = lines[:int(float64(len(lines))*simShare(i)+0.5)]
		}
		clk.set(t0.Add(20 * time.Minute))
		if i == idle && !finished {
			clk.set(t0.Add(2 * time.Minute))
		}
		c, err := room.Join(ctx, room.JoinOptions{Addr: h.Addr().String(), Code: simCode, Name: names[i%len(names)],
			Team: teams[i/3%len(teams)], Compile: room.BundleCompiler(a.cat), Clock: clk.now})
		if err != nil {
			return fail(fmt.Errorf("simulated trainee %d: %w", i+1, err))
		}
		sim.clients = append(sim.clients, c)
		for _, l := range lines {
			_, _ = c.Exec(game.LogEntry{Line: l}) // a step that no longer fits the room's seed is skipped
		}
		if err := c.Sync(ctx); err != nil {
			return fail(err)
		}
	}
	if finished {
		if err := h.Stop(); err != nil {
			return fail(err)
		}
		for _, c := range sim.clients {
			if err := c.Sync(ctx); err != nil {
				return fail(err)
			}
		}
	} else if n > 4 {
		// One trainee's laptop went to sleep.
		off := sim.clients[4]
		off.Close()
		for {
			d := h.Dashboard()
			if d.Trainees[4].State == room.StateOffline {
				break
			}
			if ctx.Err() != nil {
				return fail(ctx.Err())
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	clk.set(t0.Add(23*time.Minute + 12*time.Second))
	a.room.host = hr
	a.useHostSnap(hr.readNow())
	return nil
}

// joinSimSeat joins the room this window hosts as a trainee of its own,
// plays the first steps of the winning walkthrough and pauses the room:
// the desk a trainee sees while the instructor talks.
func (a *App) joinSimSeat() error {
	hr := a.room.host
	if hr == nil || a.room.seat != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	addr := hr.h.Addr().String()
	c, err := room.Join(ctx, room.JoinOptions{Addr: addr, Code: hr.info.Code, Name: a.t("room.sim_you"), Team: "", Compile: room.BundleCompiler(a.cat)})
	if err != nil {
		return err
	}
	for _, l := range []string{"whois kadr-hd.ru", "capture kadr-hd.ru", "dns kadr-hd.ru", "purchase kadr-hd.ru"} {
		_, _ = c.Exec(game.LogEntry{Line: l})
	}
	if !hr.dash.Paused && !hr.dash.Stopped {
		if err := hr.h.Pause(); err != nil {
			c.Close()
			return err
		}
	}
	if err := c.Sync(ctx); err != nil {
		c.Close()
		return err
	}
	live := newLive(c, c.Program())
	s := newSeat(c, live, newMatch(nil, live), addr, hr.info.Code)
	a.takeSeat(s, nil, false)
	s.status, s.read = c.Status(), true
	a.useHostSnap(hr.readNow())
	return nil
}

// watchSync shows a trainee's desk as the instructor watches it, at once.
func (a *App) watchSync(id string) error {
	hr := a.room.host
	sp, err := hr.h.Watch(id)
	if err != nil {
		return err
	}
	live := newLive(sp, hr.h.Program())
	m := newMatch(nil, live)
	a.stopWatch()
	a.installWatch(hr, sp, live, m)
	return nil
}

// setRoomScene shows one of the room's scenes for a screenshot or a test;
// it reports whether name is one. The room's scenes host a simulated room
// of twelve trainees when the window hosts none.
func (a *App) setRoomScene(name string) (bool, error) {
	page := plenOutcomes
	if p, ok := strings.CutPrefix(name, ScenePlenary+"-"); ok && slices.Contains(plenaryPages(), p) {
		name, page = ScenePlenary, p // a page of the plenary: "plenary-timelines"
	}
	switch name {
	case SceneHost:
		a.scene = a.room.setup
	case SceneJoin:
		if _, ok := a.room.net.(lan.Zeroconf); ok {
			// A picture never depends on the network it is taken on.
			a.room.net = &lan.Memory{}
		}
		a.openJoin()
		a.settleJoin()
	case SceneRoom, SceneDashboard, SceneOrders, ScenePlenary, sceneWatch, sceneRoomDesk:
		if err := a.simulateRoom(12, name == ScenePlenary); err != nil {
			return true, err
		}
		hr := a.room.host
		switch name {
		case ScenePlenary:
			hr.wantPlenary.Store(true)
			a.useHostSnap(hr.readNow())
			a.room.plen.page = page
			a.scene = a.room.plen
		case sceneWatch:
			if err := a.watchSync(hr.dash.Trainees[1].ID); err != nil {
				return true, err
			}
			a.desk.tab = TabChart
			a.scene = a.desk
		case sceneRoomDesk:
			a.stopWatch()
			if err := a.joinSimSeat(); err != nil {
				return true, err
			}
			a.m = a.room.seat.m
			a.desk = a.room.seat.desk
			a.desk.tab = TabChart
			a.setPrinter()
			a.scene = a.desk
		default:
			a.scene = a.roomScene(name)
		}
	default:
		return false, nil
	}
	a.overlay = nil
	a.rebuild = true
	return true, nil
}

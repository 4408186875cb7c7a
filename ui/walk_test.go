package ui

import (
	"bytes"
	"image"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
	"takedown/scenarios"
	"takedown/walkthrough"
)

var size720 = image.Pt(1280, 720)

// winningMoves reads the reference scenario's winning walkthrough.
func winningMoves(t *testing.T) *walkthrough.Moves {
	t.Helper()
	src, err := catalog.New().Find(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	b, err := src.ReadMoves("scenarios/film-site.win.moves")
	if err != nil {
		t.Fatal(err)
	}
	mv, err := walkthrough.Parse("film-site.win.moves", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return mv
}

// headless plays the walkthrough without the window and checks its
// expectations, for comparison with what the window reached.
func headless(t *testing.T, mv *walkthrough.Moves) *engine.Session {
	t.Helper()
	p, err := engine.Open(catalog.New(), scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	s, err := p.NewSession(engine.Options{Seed: mv.Seed})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	for _, f := range mv.Run(s) {
		t.Errorf("headless walkthrough: %v", f)
	}
	return s
}

// confirmIfAsked answers Yes to a question on screen, as a trainee sure of
// the step would.
func (d *driver) confirmIfAsked() {
	d.t.Helper()
	if d.has("yes") {
		d.click("yes")
	}
}

// play does one walkthrough command the way a trainee would: with the
// buttons when the desk offers one, else by typing it in the console.
func (d *driver) play(line string) (clicked bool) {
	defer d.confirmIfAsked()
	d.t.Helper()
	a := d.app
	c, err := game.ParseCommand(line)
	if err != nil {
		d.t.Fatal(err)
	}
	if c.Verb == "handoff" {
		d.click("handoff")
		d.golden("handoff")
		d.click("cmd:" + line)
		return true
	}
	if d.has("cmd:" + line) {
		d.click("cmd:" + line)
		return true
	}
	if len(c.Args) > 0 && a.desk.tab == TabChart && d.has("node:"+c.Args[0]) {
		// Odd commands use the context menu, even ones the action panel.
		if len(a.m.history)%2 == 1 {
			d.rightClick("node:" + c.Args[0])
			if d.has("menu:" + line) {
				d.click("menu:" + line)
				return true
			}
			d.key(ebiten.KeyEscape)
		} else {
			d.click("node:" + c.Args[0])
			if d.has("cmd:" + line) {
				d.click("cmd:" + line)
				return true
			}
		}
	}
	d.typeLine(line)
	return false
}

// TestWinningWalkthrough plays scenarios/film-site.win.moves through the
// window with clicks and typing, compares every scene with its golden
// image, and checks that the window reached exactly the session the
// headless runner reaches.
func TestWinningWalkthrough(t *testing.T) {
	if !isolated(t) {
		return
	}
	mv := winningMoves(t)
	want := headless(t, mv)
	d := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Seed: mv.Seed, Size: size720, Source: src, Scenarios: []string{scenarios.Default}})
	})
	if d.app.Scene() != SceneTitle {
		t.Fatalf("the app opened on %s, want the title", d.app.Scene())
	}
	d.golden("title")
	d.click("start")
	if d.app.Scene() != SceneBriefing {
		t.Fatalf("Start led to %s, want the briefing", d.app.Scene())
	}
	d.golden("briefing")
	d.click("to_desk")
	if d.app.Scene() != "desk:chart" {
		t.Fatalf("the briefing led to %s, want the desk", d.app.Scene())
	}
	// After these commands, a tab of the desk is compared with its golden.
	shots := map[int]string{3: TabChart, 13: TabMap, 19: TabInbox, 21: TabCalendar, 24: TabCase}
	clicks, typed := 0, 0
	n := 0
	for _, st := range mv.Steps {
		if st.Command == "" {
			continue
		}
		n++
		before := len(d.logLines())
		if d.play(st.Command) {
			clicks++
		} else {
			typed++
		}
		log := d.logLines()
		if len(log) != before+1 || log[len(log)-1] != st.Command {
			t.Fatalf("line %d: %q did not reach the session (log has %d entries)", st.Line, st.Command, len(log))
		}
		if tab, ok := shots[n]; ok {
			d.click("tab:" + tab)
			d.golden("desk-" + tab)
			d.click("tab:" + TabChart)
		}
	}
	if clicks == 0 || typed == 0 {
		t.Errorf("clicked %d and typed %d commands; the test should do both", clicks, typed)
	}
	got := d.app.View()
	if got.Checksum != want.View().Checksum {
		t.Errorf("the window's session ended at checksum %s, the headless run at %s", got.Checksum, want.View().Checksum)
	}
	if e := got.Ending; e == nil || e.ID != "conviction" {
		t.Fatalf("ending %v, want conviction", e)
	}
	// The end of the case is an obvious moment: it says so, and offers the
	// debrief.
	if title, _ := d.app.Overlay(); title == "" || !d.has("open_debrief") {
		t.Fatalf("the case ended without saying so (overlay %q)", title)
	}
	d.golden("ended")
	d.click("open_debrief")
	if d.app.Scene() != SceneDebrief+":"+pageOutcome {
		t.Fatalf("Open the debrief led to %s", d.app.Scene())
	}
	d.golden("debrief")
	d.click("lang")
	d.golden("debrief-ru")
	d.click("back")
	d.golden("desk-ru")
}

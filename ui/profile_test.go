package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
	"takedown/save"
	"takedown/walkthrough"
)

// playSave plays the first n commands of a walkthrough headless and keeps
// the session in the store as the app does.
func playSave(t *testing.T, store *save.Store, scenario, moves string, n int) {
	t.Helper()
	cat := catalog.New()
	src, err := cat.Find(scenario)
	if err != nil {
		t.Fatal(err)
	}
	b, err := src.ReadMoves(moves)
	if err != nil {
		t.Fatal(err)
	}
	mv, err := walkthrough.Parse(moves, bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	p, err := engine.Open(cat, scenario)
	if err != nil {
		t.Fatal(err)
	}
	s, err := p.NewSession(engine.Options{Seed: mv.Seed})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	done := 0
	for _, st := range mv.Steps {
		if st.Command == "" || n > 0 && done == n {
			continue
		}
		done++
		if _, err := s.Do(game.ActorTrainee, st.Command); err != nil {
			t.Fatal(err)
		}
	}
	data := encodeSave(savedState{source: scenario, lang: game.EN, scene: SceneDesk, tab: TabChart, log: s.LogText()})
	if _, err := store.Write(saveName(s.View().Scenario.ID), data); err != nil {
		t.Fatal(err)
	}
}

// TestProfileAcrossScenarios keeps sessions of three scenarios, two in
// progress and one won: the title scene lists each with where it stands,
// "continue" resumes the most recently saved session in progress, and a
// new session of the won scenario keeps its result as the best.
func TestProfileAcrossScenarios(t *testing.T) {
	dir := t.TempDir()
	store, err := save.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	playSave(t, store, "software-site", "scenarios/software-site.win.moves", 5)
	playSave(t, store, "music-store", "scenarios/music-store.win.moves", 4)
	playSave(t, store, "film-site", "scenarios/film-site.win.moves", 0)
	// The software-site session was saved last.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, saveName("software-site")+".sav"), later, later); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Size: size720, Source: src, Store: store})
	})
	d.until("the profile", func() bool { return d.app.profile.cur != nil && d.app.profile.loading == nil })
	p := d.app.profile.cur
	soft, music, film := p.entries["software-site"], p.entries["music-store"], p.entries["film-site"]
	if soft == nil || music == nil || film == nil {
		t.Fatalf("the profile lists %d scenarios, want software-site, music-store and film-site", len(p.entries))
	}
	if soft.state != stateGoing || music.state != stateGoing || film.state != stateEnded {
		t.Errorf("states %d, %d, %d; want in progress, in progress, ended", soft.state, music.state, film.state)
	}
	if soft.commands != 5 || music.commands != 4 {
		t.Errorf("%d and %d commands, want 5 and 4", soft.commands, music.commands)
	}
	if film.best == nil || film.best.result != "win" || p.lessonsMet() == 0 || p.completed() != 1 {
		t.Errorf("film-site's best is %v, %d lessons met, %d completed", film.best, p.lessonsMet(), p.completed())
	}
	if r := p.recent(); r == nil || r.id != "software-site" {
		t.Fatalf("continue would resume %v, want software-site", r)
	}
	d.idle(2)
	if !d.has("continue") {
		t.Fatal("the title scene has no continue button")
	}
	label := ""
	for _, n := range d.app.title.names(d.app) {
		if n == "film-site" {
			label = d.app.profileLabel(d.app.p.Text(film.title), film)
		}
	}
	if !strings.Contains(label, "100") {
		t.Errorf("film-site is listed as %q, without its score", label)
	}
	d.click("continue")
	if d.app.View() == nil || d.app.View().Scenario.ID != "software-site" || len(d.logLines()) != 5 {
		t.Fatalf("continue resumed %v", d.app.View())
	}

	// The won case, started again: its result stays the best.
	d.click("menu")
	d.click("scenario:film-site")
	d.click("start")
	d.click("yes")
	d.click("to_desk")
	d.typeLine("whois kadr-hd.ru")
	d.click("menu")
	d.until("the profile after the new session", func() bool {
		e := d.app.profile.cur.entries["film-site"]
		return d.app.profile.loading == nil && e != nil && e.state == stateGoing
	})
	if e := d.app.profile.cur.entries["film-site"]; e.best == nil || e.best.result != "win" {
		t.Errorf("a new session lost the best result: %v", e.best)
	}
	d.onLoop(d.app.Close)
}

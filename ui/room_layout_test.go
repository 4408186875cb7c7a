package ui

import (
	"image"
	"strings"
	"testing"

	"takedown/game"
	"takedown/i18n"
	"takedown/scenarios"
)

// roomDriver makes a window for the workshop room's scenes: the first of
// them hosts a simulated room of twelve trainees on 127.0.0.1 (room_sim.go).
func roomDriver(t *testing.T) *driver {
	t.Helper()
	d := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Size: size720, Source: src, Scenarios: []string{scenarios.Default}})
	})
	t.Cleanup(func() { d.onLoop(d.app.Close) })
	return d
}

// TestRoomScenesFit renders every scene of the workshop room (the host's
// setup, the join form, the room card, the dashboard, the orders, every
// page of the plenary, a trainee's paused desk and a watched desk) at
// every size and scale, in both languages and in presenter mode, and
// checks the layout of every string, as TestEverySceneFits does for the
// trainee's scenes.
func TestRoomScenesFit(t *testing.T) {
	if testing.Short() {
		t.Skip("renders every room scene about three hundred times")
	}
	d := roomDriver(t)
	for _, scene := range roomScenes() {
		for _, lang := range []game.Lang{game.EN, game.RU} {
			for _, size := range layoutSizes {
				for _, scale := range layoutScales {
					recs := d.renderAt(scene, size, scale, lang, false)
					for _, p := range layoutProblems(recs, image.Rectangle{Max: size}) {
						t.Errorf("room/%s %s %dx%d scale %.1f: %s", scene, lang, size.X, size.Y, scale, p)
					}
				}
				recs := d.renderAt(scene, size, 1, lang, true)
				for _, p := range layoutProblems(recs, image.Rectangle{Max: size}) {
					t.Errorf("room/%s %s %dx%d presenter: %s", scene, lang, size.X, size.Y, p)
				}
			}
		}
	}
}

// TestRoomStringsAreTranslated renders every scene of the workshop room in
// the pseudo-locale and fails on text that bypassed the catalogue, as
// TestEveryStringIsTranslated does for the trainee's scenes. What trainees
// and the room typed (names, teams, the room code, addresses) is data.
func TestRoomStringsAreTranslated(t *testing.T) {
	d := roomDriver(t)
	d.renderAt(SceneDashboard, image.Pt(1920, 1080), 1, i18n.Pseudo, false)
	hr := d.app.room.host
	if hr == nil {
		t.Fatal("no simulated room")
	}
	ok := allowedWords(d.app.View())
	for _, si := range d.app.title.info {
		if si.view != nil {
			for w := range allowedWords(si.view) {
				ok[w] = true
			}
		}
	}
	if v := hr.h.Program(); v != nil {
		ok[v.Source.Name] = true
	}
	// The room card shows the code in two halves, for reading aloud.
	code := hr.info.Code
	ok[code], ok[code[:len(code)/2]], ok[code[len(code)/2:]] = true, true, true
	for _, r := range hr.dash.Trainees {
		ok[r.Name], ok[r.Team] = true, true
	}
	for _, s := range roomScenes() {
		if s == sceneRoomDesk || s == sceneWatch {
			// A desk's ids are the case's: allowed as on the trainee's desk.
			d.renderAt(s, image.Pt(1920, 1080), 1, i18n.Pseudo, false)
			for w := range allowedWords(d.app.View()) {
				ok[w] = true
			}
		}
	}
	for _, scene := range roomScenes() {
		for _, presenter := range []bool{false, true} {
			recs := d.renderAt(scene, image.Pt(1920, 1080), 1, i18n.Pseudo, presenter)
			seen := map[string]bool{}
			for _, r := range recs {
				if r.ghost || seen[r.s] {
					continue
				}
				if out := d.app.desk.lay.out; (scene == sceneRoomDesk || scene == sceneWatch) && !out.Empty() && r.r.In(out) {
					continue // the transcript's tool output is the simulated tools' own (dig, whois)
				}
				seen[r.s] = true
				if ws := roomForeign(r.s, ok); len(ws) > 0 {
					t.Errorf("room/%s (presenter %v): %q has words not from the catalogue: %v", scene, presenter, r.s, ws)
				}
			}
		}
	}
}

// roomForeign is foreignWords for the room's screens, which also show
// network addresses and join addresses (data, not text).
func roomForeign(s string, ok map[string]bool) []string {
	var out []string
	for _, w := range foreignWords(s, ok) {
		if strings.HasPrefix(w, "http") || strings.Contains(w, "127.0.0.1") || strings.Count(w, ".") == 3 {
			continue
		}
		out = append(out, w)
	}
	return out
}

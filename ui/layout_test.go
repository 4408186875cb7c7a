package ui

import (
	"fmt"
	"image"
	"strings"
	"testing"

	"takedown/game"
	"takedown/scenarios"
)

// The sizes and scales every scene must fit: from a small projector to a
// 4K screen, at the user's three text sizes.
var (
	layoutSizes  = []image.Point{{1280, 720}, {1366, 768}, {1920, 1080}, {3840, 2160}}
	layoutScales = []float64{1, 1.5, 2}
)

// caseState is a point of the reference case and the scenes shown there.
type caseState struct {
	name   string
	moves  string // "" is the title scene, without a session
	scenes []string
}

// caseStates are the points of the reference case the layout tests render.
func caseStates() []caseState {
	var debrief []string
	for _, p := range debriefPages() {
		debrief = append(debrief, SceneDebrief+"-"+p)
	}
	return []caseState{
		{"title", "", []string{SceneTitle}},
		{"start", "-", []string{SceneBriefing, TabConsole, TabChart}},
		{"midgame", "../docs/screenshots/midgame.moves", []string{TabConsole, TabChart, TabMap, TabInbox, TabCalendar, TabCase, "menu", SceneHandoff, "confirm"}},
		{"win", "scenarios/film-site.win.moves", append([]string{TabChart, TabMap, TabCalendar, "ended", SceneSnapshot}, debrief...)},
		// A trainee who has played (profile_shot.go): the title scene with
		// the profile, and the settings.
		{"profile", SceneProfile, []string{SceneTitle, SceneSettings}},
	}
}

// stateDriver makes an app at a point of the reference case.
func stateDriver(t *testing.T, st caseState) *driver {
	t.Helper()
	return newDriver(t, func(src Source) (*App, error) {
		switch st.moves {
		case "":
			return New(Options{Size: size720, Source: src, Scenarios: []string{scenarios.Default}})
		case "-":
			return PrepareShot(ShotOptions{Scene: SceneBriefing, Size: size720, Scenario: scenarios.Default}, src)
		case SceneProfile:
			a, err := PrepareShot(ShotOptions{Scene: SceneProfile, Size: size720}, src)
			if err == nil {
				t.Cleanup(a.profile.cleanup)
			}
			return a, err
		}
		return PrepareShot(ShotOptions{Moves: st.moves, Scene: TabChart, Size: size720}, src)
	})
}

// renderAt builds a scene at a size, scale, language and mode, and returns
// what it drew.
func (d *driver) renderAt(scene string, size image.Point, scale float64, lang game.Lang, presenter bool) []textRecord {
	d.t.Helper()
	var err error
	var out []textRecord
	d.onLoop(func() {
		a := d.app
		a.opt.Size = size
		a.outW, a.outH, a.w, a.h = size.X, size.Y, size.X, size.Y
		a.opt.Scale = scale
		a.presenter = presenter
		a.overlay = nil
		a.desk.popup = ""
		a.SetLang(lang)
		if err = a.SetScene(scene); err != nil {
			return
		}
		a.waitFork()
		a.rec = &recorder{}
		a.build()
		out = append(out, a.rec.recs...)
		a.rec = nil
	})
	if err != nil {
		d.t.Fatal(err)
	}
	return out
}

// layoutProblems checks what was drawn: every string inside its panel,
// none cut, no name shortened with "…", no text over other text or over
// a button of its layer, no button over another.
func layoutProblems(recs []textRecord, screen image.Rectangle) []string {
	var out []string
	say := func(format string, args ...any) {
		if len(out) < 12 {
			out = append(out, fmt.Sprintf(format, args...))
		}
	}
	for _, r := range recs {
		switch {
		case r.ghost:
			continue
		case r.cut && r.button:
			say("button label %q does not fit its button %v", r.s, r.clip)
		case r.cut:
			say("%q is cut: it does not fit its panel %v", r.s, r.clip)
		case !r.r.In(r.clip.Inset(-1)):
			say("%q at %v leaves its panel %v", r.s, r.r, r.clip)
		case !r.clip.In(screen):
			say("%q is in a panel %v off the screen %v", r.s, r.clip, screen)
		}
		// A button that does not fit is caught as cut; its label may end
		// with "…" (Open…).
		if strings.Contains(r.s, "…") && !r.button && !strings.HasPrefix(r.s, "Loading") && !strings.HasPrefix(r.s, "Загрузка") {
			say("%q is shortened", r.s)
		}
	}
	for i := range recs {
		for k := i + 1; k < len(recs); k++ {
			p, q := recs[i], recs[k]
			if p.ghost || q.ghost {
				continue
			}
			// Buttons are drawn over everything the canvas holds: one of
			// a lower layer still shows over a menu's text.
			if p.layer != q.layer && !(p.button && p.layer < q.layer || q.button && q.layer < p.layer) {
				continue
			}
			pr, qr := p.r, q.r
			if p.button {
				pr = p.clip
			}
			if q.button {
				qr = q.clip
			}
			// Glyph boxes may touch by a pixel.
			if in := pr.Inset(1).Intersect(qr.Inset(1)); !in.Empty() {
				say("%q %v overlaps %q %v", p.s, pr, q.s, qr)
			}
		}
	}
	return out
}

// TestEverySceneFits renders every scene at every size and scale, in both
// languages, in the normal and the presenter mode, and checks the layout
// of every string.
func TestEverySceneFits(t *testing.T) {
	if testing.Short() {
		t.Skip("renders every scene about six hundred times")
	}
	for _, st := range caseStates() {
		d := stateDriver(t, st)
		for _, scene := range st.scenes {
			for _, lang := range []game.Lang{game.EN, game.RU} {
				for _, size := range layoutSizes {
					for _, scale := range layoutScales {
						recs := d.renderAt(scene, size, scale, lang, false)
						for _, p := range layoutProblems(recs, image.Rectangle{Max: size}) {
							t.Errorf("%s/%s %s %dx%d scale %.1f: %s", st.name, scene, lang, size.X, size.Y, scale, p)
						}
					}
					recs := d.renderAt(scene, size, 1, lang, true)
					for _, p := range layoutProblems(recs, image.Rectangle{Max: size}) {
						t.Errorf("%s/%s %s %dx%d presenter: %s", st.name, scene, lang, size.X, size.Y, p)
					}
				}
			}
		}
	}
}

// TestPresenterTextIsLarge checks that in presenter mode no text is
// smaller than a thirtieth of the screen's height.
func TestPresenterTextIsLarge(t *testing.T) {
	d := stateDriver(t, caseStates()[2])
	for _, size := range layoutSizes {
		d.renderAt(TabChart, size, 1, game.EN, true)
		if least := float64(size.Y) / 30; d.app.fonts.least < least {
			t.Errorf("%dx%d: the smallest face is %.1f px, want at least %.1f", size.X, size.Y, d.app.fonts.least, least)
		}
	}
}

package ui

import (
	"fmt"
	"image"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"takedown/game"
)

// Target returns the rectangle of a named button or entity, for tests.
func (a *App) Target(key string) (image.Rectangle, bool) {
	r, ok := a.targets[key]
	return r, ok
}

// Targets lists the names of everything clickable, for tests.
func (a *App) Targets() []string {
	out := make([]string, 0, len(a.targets))
	for k := range a.targets {
		out = append(out, k)
	}
	return out
}

// Scene returns the current scene and, on the desk, the tab; on the
// debrief, the page.
func (a *App) Scene() string {
	switch a.scene {
	case a.desk:
		return SceneDesk + ":" + a.desk.tab
	case a.debrief:
		return SceneDebrief + ":" + a.debrief.page
	}
	return a.scene.id()
}

// View returns the View of the session being played, or nil on the title
// scene.
func (a *App) View() *game.View {
	if a.m == nil {
		return nil
	}
	return a.m.view
}

// Busy reports whether a command is running off the loop.
func (a *App) Busy() bool { return a.busy() }

// Overlay returns the title and lines of the message on screen, if any.
func (a *App) Overlay() (string, []string) {
	if a.overlay == nil {
		return "", nil
	}
	return a.overlay.title, a.overlay.lines
}

// Frames counts the frames drawn so far.
func (a *App) Frames() int { return a.frames }

// Quit makes the next Update end the game.
func (a *App) Quit() { a.quit = ebiten.Termination }

// Redraw makes the next frame draw even if nothing changed.
func (a *App) Redraw() { a.dirty = max(a.dirty, 1) }

// Scenes lists the names SetScene takes, for the screenshot command's
// help and the tests.
func Scenes() []string {
	out := []string{SceneTitle, SceneBriefing, SceneDesk, TabConsole, TabChart, TabMap, TabInbox, TabCalendar, TabCase, "menu",
		SceneHandoff, "confirm", "ended", SceneDebrief}
	for _, p := range debriefPages() {
		out = append(out, SceneDebrief+"-"+p)
	}
	out = append(out, SceneSnapshot, "error", SceneSettings, SceneProfile)
	return append(out, roomScenes()...)
}

// SetScene shows a scene; desk tabs, the desk with the site's context
// menu open ("menu"), a confirmation ("confirm": the hand-off's), the end
// of the case ("ended"), debrief pages ("debrief-PAGE") and the case as it
// stood after the first command ("snapshot") are accepted as scenes too.
func (a *App) SetScene(name string) error {
	if ok, err := a.setRoomScene(name); ok {
		return err
	}
	if name == SceneProfile {
		name = SceneTitle // the title of a trainee with a profile (profile_shot.go)
	}
	if name != SceneTitle && name != SceneSettings && a.m == nil {
		return fmt.Errorf("scene %s needs a scenario", name)
	}
	v := a.View()
	switch {
	case name == TabConsole || name == TabChart || name == TabMap || name == TabInbox || name == TabCalendar || name == TabCase:
		a.desk.tab = name
		name = SceneDesk
	case name == "menu":
		a.desk.tab = TabChart
		a.desk.popup, a.desk.popupAt = v.Scenario.Site, image.Point{}
		name = SceneDesk
	case name == "confirm":
		for _, id := range v.Handoff.Targets {
			if e := v.Entity(id); e != nil && len(e.Actions) > 0 {
				a.overlay = nil
				a.scene = a.handoff
				a.apply([]effect{a.actionEffect(e.Actions[0])})
				return nil
			}
		}
		return fmt.Errorf("scene confirm needs a unit to hand the case to")
	case name == "ended":
		if v.Ending == nil {
			return fmt.Errorf("scene ended needs a session that has ended, e.g. --moves scenarios/film-site.win.moves")
		}
		a.overlay = a.endingOverlay()
		name = SceneDesk
	case strings.HasPrefix(name, SceneDebrief+"-"):
		p := strings.TrimPrefix(name, SceneDebrief+"-")
		if !isPage(p) {
			return fmt.Errorf("no debrief page %q: want %s", p, strings.Join(debriefPages(), ", "))
		}
		a.debrief.page = p
		name = SceneDebrief
	case name == SceneSnapshot:
		if v.Debrief == nil || len(v.Debrief.Timeline) == 0 {
			return fmt.Errorf("scene snapshot needs a session that has ended")
		}
		a.fork(firstCommand(v.Debrief))
		a.waitFork()
		return nil
	case name == "error":
		if len(v.ScriptErrors) == 0 {
			return fmt.Errorf("scene error needs a session whose script failed, e.g. --scenario ui/testdata/broken.lua --moves docs/screenshots/midgame.moves")
		}
		a.overlay = &overlay{title: a.t("script_error"), note: a.t("script_error_note"), bad: true, lines: v.ScriptErrors}
		name = SceneDesk
	}
	switch name {
	case SceneTitle, SceneBriefing, SceneDesk, SceneHandoff, SceneDebrief, SceneSettings:
	default:
		return fmt.Errorf("no scene %q: want %s", name, strings.Join(Scenes(), ", "))
	}
	a.scene = a.sceneByID(name)
	a.rebuild = true
	return nil
}

// firstCommand is the point a snapshot of the case shows by default:
// after the first command of the timeline.
func firstCommand(d *game.Debrief) int {
	for _, e := range d.Timeline {
		if e.Command {
			return e.Entry + 1
		}
	}
	return 0
}

// SetLang switches the interface language.
func (a *App) SetLang(l game.Lang) {
	a.lang = a.text.Supported(l)
	a.setPrinter()
	a.rebuild = true
}

// SetPresenter turns presenter mode on or off.
func (a *App) SetPresenter(on bool) { a.setPresenter(on) }

// Do runs a console line as if typed and waits for it, for tests and
// screenshots. It asks nothing first.
func (a *App) Do(line string) {
	a.run(line, "")
	if res, ok := a.jobs.wait(); ok {
		a.finish(res)
	}
}

package ui

import (
	"github.com/hajimehoshi/ebiten/v2"
)

// scene is one screen of the window: it builds its widgets from the View,
// turns the tick's input into effects, and paints itself. The App keeps the
// window, the fonts, the settings and the router; scenes keep their own
// state.
type scene interface {
	// id names the scene, as the screenshot command takes it.
	id() string
	// build lays the scene out and adds its buttons; it runs when the
	// View, the size, the language or the scene changes.
	build(a *App)
	// update handles the tick's input for the parts the scene draws
	// itself and returns what the app should do.
	update(a *App) []effect
	// paint renders the scene into the canvas; it only reads the View.
	paint(a *App, dst *ebiten.Image)
}

// liveScene is a scene with parts drawn every frame over the canvas (a
// text field's caret).
type liveScene interface {
	drawLive(a *App, screen *ebiten.Image)
}

// effectKind is what an effect asks the app to do.
type effectKind int

const (
	effNone         effectKind = iota
	effRun                     // run the command in arg, with the reason in why
	effGo                      // show the scene in arg
	effTab                     // show the desk tab in arg
	effStart                   // start a new session of the scenario arg
	effResume                  // resume the saved session of the scenario arg
	effRebuild                 // rebuild the scene
	effRepaint                 // repaint the scene
	effSaveUI                  // save where the trainee is (scene and tab)
	effCancel                  // cancel the running command
	effConfirm                 // ask before the effect in next; see the question in ask
	effYes                     // the question on screen was answered yes
	effDismiss                 // close the overlay
	effSelect                  // select the scenario arg on the title scene
	effOpenFolder              // open the folder typed on the title scene
	effSelectEntity            // select the entity arg on the desk
	effMenu                    // open the context menu of the entity arg on the desk
	effPopup                   // close the desk's context menu, then do next
	effWindow                  // a window control: fullscreen, bigger, smaller, lang, presenter
	effSetting                 // change the setting arg
	effPage                    // show the debrief page arg
	effFork                    // show the case as it stood before log entry num
	effSnapTab                 // show the tab arg of the case as it stood
	effParties                 // show (num 1) or hide (num 2) the parties on the link chart
	effReport                  // write the session's after-action report (report.go)
	effRoom                    // a workshop room's action, named by arg (room.go)
)

// effect is one thing a scene or a button asks the app to do.
type effect struct {
	kind effectKind
	arg  string
	why  string    // for effRun: the trainee's reason, for the log
	num  int       // for effFork: the log entry
	ask  *question // for effConfirm: what is asked
	next *effect   // for effConfirm: what to do when confirmed
}

// question is what a confirmation asks: a title, the lines that explain
// what will happen, and whether a reason may be typed for the log.
type question struct {
	title  string
	lines  []string
	bad    []bool // which lines are warnings
	reason bool   // offer a field for the trainee's reason
}

func run(line string) effect   { return effect{kind: effRun, arg: line} }
func goTo(scene string) effect { return effect{kind: effGo, arg: scene} }

// rebuild asks for the scene to be built again.
func rebuild() effect { return effect{kind: effRebuild} }

// repaint asks for the scene to be painted again.
func repaint() effect { return effect{kind: effRepaint} }

// confirm asks a question before doing e.
func confirm(q question, e effect) effect {
	return effect{kind: effConfirm, ask: &q, next: &e}
}

// then returns e followed by n.
func then(e, n effect) effect {
	if e.next == nil {
		e.next = &n
		return e
	}
	rest := then(*e.next, n)
	e.next = &rest
	return e
}

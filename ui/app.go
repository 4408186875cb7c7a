package ui

import (
	"errors"
	"image"
	"image/color"
	"slices"
	"strings"
	"time"

	"github.com/ebitenui/ebitenui"
	eimage "github.com/ebitenui/ebitenui/image"
	einput "github.com/ebitenui/ebitenui/input"
	"github.com/ebitenui/ebitenui/widget"
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/catalog"
	"takedown/game"
	"takedown/i18n"
	"takedown/save"
	"takedown/scenarios"
	"takedown/worldmap"
)

// Store keeps saved sessions; package save implements it.
type Store interface {
	// Write stores data; warn says what it kept aside or left untouched
	// (a damaged save, one from a newer version), for the user to know.
	Write(name string, data []byte) (warn, err error)
	// Read returns a save's data; warn is set when it fell back to an
	// older good copy.
	Read(name string) (data []byte, warn error, err error)
	// KeepCopy keeps data, the whole of a save, beside the save's
	// generations, where later Writes do not push it out.
	KeepCopy(name string, data []byte) (*save.KeptAside, error)
}

// Options configures the window.
type Options struct {
	Scenario   string    // name or path; "" shows the title scene
	Seed       uint64    // seed of a new session
	Lang       game.Lang // "" takes the saved setting, else English
	Scale      float64   // the user's text size factor; 0 takes the saved setting, else 1
	Fullscreen bool
	// Presenter starts in presenter mode; false takes the saved setting.
	Presenter bool
	Store     Store       // where progress is saved; nil saves nothing
	Size      image.Point // a fixed logical size (screenshots, tests); zero follows the window
	Source    Source      // nil reads the real keyboard and mouse
	// Scenarios lists what the title scene offers; nil offers every
	// embedded scenario.
	Scenarios []string
	// Catalog finds scenarios; nil uses the embedded ones and the disk.
	Catalog *catalog.Catalog
	// Text holds the message catalogues; nil loads the embedded ones.
	Text *i18n.Catalog
	// Records says where training records are kept and sent, and carries
	// a cmi5 launch (records.go).
	Records RecordsOptions
	// Open is a report, a session log or a save to replay read-only.
	Open string
	// StoreErr is why the save folder could not be opened (another
	// Takedown has it, or it is not writable); the window says so at
	// start-up, since nothing it plays will be saved.
	StoreErr error
}

// Scene names, as the screenshot command takes them.
const (
	SceneTitle    = "title"
	SceneBriefing = "briefing"
	SceneDesk     = "desk"
	SceneHandoff  = "handoff"
	SceneDebrief  = "debrief"
	SceneSnapshot = "snapshot"
)

// Desk tabs, also accepted as scene names by the screenshot command. The
// console is a tab of its own when the desk shows one panel at a time.
const (
	TabConsole  = "console"
	TabChart    = "chart"
	TabMap      = "map"
	TabInbox    = "inbox"
	TabCalendar = "calendar"
	TabCase     = "case"
)

// App is the window: an ebiten.Game that routes between scenes, each of
// which draws the View of the session.
type App struct {
	opt    Options
	src    Source
	in     Input
	prev   Input
	cursor *cursorUpdater
	cat    *catalog.Catalog
	text   *i18n.Catalog
	p      *i18n.Printer

	w, h   int
	outW   int
	outH   int
	scale  float64
	lang   game.Lang
	fs     *fontSources
	fsErr  error
	world  *worldmap.Map      // the map's outlines; nil until loaded, or if they failed to
	worlds chan *worldmap.Map // brings the outlines, loaded off the loop
	// worldAsked is set once the outlines' loading has started.
	worldAsked bool
	ready      chan struct{} // closed when prepare is done
	fonts      *fonts
	fontAt     [2]float64 // the scale and least size the fonts were made for
	c          colors

	// Settings, kept in the settings save.
	presenter      bool // one large panel at a time, text for the back row
	reasonRequired bool // a key decision needs a typed reason
	recSet         recordSettings

	// Training records, reports and the trainee's profile (records*.go,
	// report.go, profile*.go, settingsscene.go).
	keeper     *recordsKeeper
	reporting  chan reportDone
	lastReport string // the last report written
	profile    profileState

	ui      *ebitenui.UI
	root    *widget.Container
	targets map[string]image.Rectangle
	buttons map[string]*widget.Button
	slices  map[sliceKey]*eimage.NineSlice // button images, made once
	later   []effect
	areas   []*scrollArea // what the wheel scrolls, topmost last
	bar     topBar
	rec     *recorder // set by tests to see what is drawn

	scene    scene
	title    *titleScene
	briefing *briefingScene
	desk     *deskScene
	handoff  *handoffScene
	debrief  *debriefScene
	snapshot *snapshotScene
	settings *settingsScene

	m       *match
	opening chan opened // a session being loaded off the loop
	jobs    runner
	saver   *saver
	overlay *overlay
	// overlayRect is where the overlay's panel is, set by buildOverlay.
	overlayRect image.Rectangle
	watch       *watcher    // notices when the scenario file on disk changes
	forking     chan forked // the case as it stood at a point, replayed off the loop
	room        *roomApp    // the workshop room: hosting, joining, watching (room.go)

	rebuild bool
	repaint bool
	canvas  *ebiten.Image
	white   *ebiten.Image // a white pixel, for filling shapes
	dirty   int           // frames still to draw
	frames  int           // frames drawn, for tests and the benchmark
	quit    error
	// OnFrame, if set, is called at the end of every Draw that drew.
	OnFrame func(screen *ebiten.Image)
}

// New makes the window's game. It does not open the window.
func New(opt Options) (*App, error) {
	if opt.Text == nil {
		t, err := i18n.Load()
		if err != nil {
			return nil, err
		}
		opt.Text = t
	}
	if opt.Catalog == nil {
		opt.Catalog = catalog.New()
	}
	set := loadSettings(opt.Store)
	if opt.Scale <= 0 {
		opt.Scale = set.scale
	}
	if opt.Lang == "" {
		opt.Lang = set.lang
	}
	a := &App{opt: opt, src: opt.Source, c: defaultColors(), cat: opt.Catalog, text: opt.Text,
		lang: opt.Text.Supported(opt.Lang), targets: map[string]image.Rectangle{}, buttons: map[string]*widget.Button{},
		presenter: opt.Presenter || set.presenter, reasonRequired: set.reasonRequired, recSet: set.records}
	a.title = newTitleScene(a)
	a.briefing = &briefingScene{}
	a.desk = newDeskScene()
	a.handoff = &handoffScene{}
	a.debrief = &debriefScene{}
	a.snapshot = &snapshotScene{tab: TabChart}
	a.room = newRoomApp()
	a.settings = newSettingsScene()
	a.scene = a.title
	a.setPrinter()
	if opt.Store != nil {
		a.saver = newSaver(opt.Store)
	}
	a.prepare()
	if a.src == nil {
		a.src = ebitenSource{}
	}
	a.cursor = &cursorUpdater{cur: &a.in, prev: &a.prev}
	einput.SetCursorUpdater(a.cursor)
	einput.CursorManagementEnabled = false
	a.root = widget.NewContainer()
	a.ui = &ebitenui.UI{Container: a.root, DisableDefaultFocus: true}
	a.keeper = newRecordsKeeper(opt.Records, set.records, opt.Text)
	switch {
	case opt.Open != "":
		a.openReplay(opt.Open)
	case opt.Scenario != "":
		a.title.selected = opt.Scenario
		// A cmi5 launch is a new attempt: it starts a session.
		a.open(opt.Scenario, opt.Records.Launch == nil, true, true)
	}
	if opt.StoreErr != nil && a.overlay == nil {
		a.overlay = &overlay{title: a.t("save_off"), lines: []string{a.storeProblem(opt.StoreErr)}, note: a.t("save_off_note"), bad: true}
	}
	a.rebuild = true
	return a, nil
}

// prepare parses the fonts while the window opens; the first build waits
// for them. The title scene loads the scenarios' summaries on its own.
func (a *App) prepare() {
	done := make(chan struct{})
	a.ready = done
	go func() {
		a.fs, a.fsErr = loadFontSources()
		close(done)
	}()
}

// embedded lists the scenarios the title scene offers.
func (a *App) embedded() []string {
	if a.opt.Scenarios != nil {
		return a.opt.Scenarios
	}
	return a.cat.Embedded()
}

// Run opens the window and plays until it is closed.
func Run(opt Options) error {
	a, err := New(opt)
	if err != nil {
		return err
	}
	ebiten.SetWindowTitle("Takedown")
	ebiten.SetWindowSize(1600, 900)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetFullscreen(opt.Fullscreen)
	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetTPS(60)
	err = ebiten.RunGame(a)
	a.Close()
	if errors.Is(err, ebiten.Termination) {
		return nil
	}
	return err
}

// Close waits for a running command and for every queued save.
func (a *App) Close() {
	if res, ok := a.jobs.wait(); ok {
		a.finish(res)
	}
	if a.room != nil && a.room.host != nil {
		a.room.host.record(true) // before the keeper closes
	}
	a.closeRecords()
	if a.saver != nil {
		a.saver.close()
	}
	if a.m != nil {
		a.m.eng.Close()
	}
	a.closeRoom()
}

// setPrinter makes the printer for the language and the session's names.
func (a *App) setPrinter() {
	var names i18n.Names
	var start time.Time
	if a.m != nil {
		names, start = a.m.view, a.m.view.Scenario.Start
	}
	a.p = a.text.Printer(a.lang, names, start)
}

// t returns interface text in the current language.
func (a *App) t(key string, args ...game.Arg) string { return a.p.T("ui."+key, args...) }

// u scales a length given for a 1920x1080 window.
func (a *App) u(v float64) int { return int(v*a.scale + 0.5) }

// single reports whether the desk shows one panel at a time: in presenter
// mode, and when the text is too large for the panels side by side.
func (a *App) single() bool { return a.presenter || float64(a.w)/a.scale < 1400 }

// Layout implements ebiten.Game: the screen is the window's size, or the
// fixed size of a screenshot.
func (a *App) Layout(outsideWidth, outsideHeight int) (int, int) {
	if a.opt.Size != (image.Point{}) {
		a.outW, a.outH = a.opt.Size.X, a.opt.Size.Y
	} else {
		a.outW, a.outH = max(outsideWidth, 320), max(outsideHeight, 240)
	}
	return a.outW, a.outH
}

// size is the screen size Layout last gave, or a guess before the first.
func (a *App) size() (int, int) {
	if a.outW == 0 {
		if a.opt.Size != (image.Point{}) {
			return a.opt.Size.X, a.opt.Size.Y
		}
		return 1600, 900
	}
	return a.outW, a.outH
}

// Update implements ebiten.Game: it reads input, collects finished commands
// and rebuilds what changed. Commands run off this loop; nothing is drawn
// here.
func (a *App) Update() error {
	if a.quit != nil {
		return a.quit
	}
	// EbitenUI keeps one cursor source per process; make it this app's.
	einput.SetCursorUpdater(a.cursor)
	a.prev, a.in = a.in, a.prev
	a.in.Chars = a.in.Chars[:0]
	a.src.Read(&a.in)
	changed := a.inputChanged()
	if res, ok := a.jobs.poll(); ok {
		a.finish(res)
		changed = true
	}
	if a.opening != nil {
		select {
		case o := <-a.opening:
			a.opening = nil
			a.takeOpened(o)
			changed = true
		default:
		}
	} else if busy, ticks := a.jobs.running(); busy && ticks%15 == 1 {
		a.repaint = true // the progress indication
	}
	if a.pollFork() {
		changed = true
	}
	if a.saver != nil {
		if errs := a.saver.takeErrors(); len(errs) > 0 {
			var lines []string
			for _, e := range errs {
				lines = append(lines, e.Error())
			}
			a.showErrors(a.t("save_warn"), lines)
		}
	}
	if a.pollRoom() {
		changed = true
	}
	if a.title.poll(a) {
		changed = true
	}
	if a.pollRecords() || a.pollReport() || a.pollProfile() {
		changed = true
	}
	if a.m != nil && a.m.src != nil && !a.busy() && (a.watch.poll() || (a.in.Ctrl && a.in.has(ebiten.KeyR))) {
		a.reload()
		changed = true
	}
	if changed {
		a.dirty = max(a.dirty, 2)
	}
	w, h := a.size()
	if w != a.w || h != a.h {
		a.w, a.h = w, h
		a.rebuild = true
	}
	if !changed && !a.rebuild && !a.repaint && a.dirty == 0 {
		// Nothing happened: the widgets have nothing to react to.
		return a.quit
	}
	a.ui.Update()
	a.globalKeys()
	if a.overlay != nil {
		a.apply(a.updateOverlay())
	} else {
		a.apply(a.scrollWheel())
		a.apply(a.scene.update(a))
	}
	for len(a.later) > 0 {
		effs := a.later
		a.later = nil
		a.apply(effs)
	}
	if a.rebuild {
		a.build()
	} else if a.repaint {
		a.paint()
	}
	return a.quit
}

func (a *App) inputChanged() bool {
	p, c := &a.prev, &a.in
	return p.X != c.X || p.Y != c.Y || p.Left != c.Left || p.Right != c.Right || c.WheelY != 0 ||
		len(c.Chars) > 0 || len(c.Keys) > 0
}

// updateOverlay handles typing in the overlay's reason field, Enter, and
// scrolling its text.
func (a *App) updateOverlay() []effect {
	o := a.overlay
	var out []effect
	if o.reason {
		if changed, _ := o.why.edit(&a.in, nil); changed {
			if len(o.why.text) > 200 {
				o.why.text = o.why.text[:200]
				o.why.cur = min(o.why.cur, 200)
			}
			a.dirty = max(a.dirty, 2)
		}
	}
	if (a.in.has(ebiten.KeyEnter) || a.in.has(ebiten.KeyNumpadEnter)) && a.ui.GetFocusedWidget() == nil {
		switch {
		case o.yes != nil:
			out = append(out, effect{kind: effYes})
		case len(o.choices) > 0:
			out = append(out, o.choices[0].e)
		default:
			out = append(out, effect{kind: effDismiss})
		}
	}
	out = append(out, a.scrollWheel()...)
	out = append(out, a.pageKeys(&o.scroll, !o.reason)...)
	return out
}

// apply carries out effects.
func (a *App) apply(effs []effect) {
	for _, e := range effs {
		switch e.kind {
		case effRun:
			a.run(e.arg, e.why)
		case effGo:
			a.goTo(e.arg)
		case effTab:
			a.desk.tab = e.arg
			a.desk.popup = ""
			a.rebuild = true
			a.saveSession()
		case effStart:
			a.open(e.arg, false, true, false)
		case effResume:
			a.open(e.arg, true, false, false)
		case effRebuild:
			a.rebuild = true
		case effRepaint:
			a.repaint = true
		case effSaveUI:
			a.saveSession()
		case effCancel:
			if c, ok := a.engine().(canceller); ok && a.busy() {
				c.Cancel()
			}
		case effConfirm:
			a.ask(e.ask, *e.next)
		case effYes:
			a.answerYes()
		case effDismiss:
			a.dismissOverlay()
		case effSelect:
			a.title.selected = e.arg
			a.rebuild = true
		case effOpenFolder:
			a.title.openFolder(a)
			a.rebuild = true
		case effSelectEntity:
			a.desk.selected = e.arg
			a.rebuild = true
		case effMenu:
			a.desk.openMenu(a, e.arg)
		case effWindow:
			switch e.arg {
			case "fullscreen":
				a.toggleFullscreen()
			case "bigger":
				a.setScale(a.opt.Scale + 0.25)
			case "smaller":
				a.setScale(a.opt.Scale - 0.25)
			case "lang":
				a.toggleLang()
			case "presenter":
				a.setPresenter(!a.presenter)
			}
		case effSetting:
			if e.arg == "reason" {
				a.reasonRequired = !a.reasonRequired
				a.saveSettings()
				a.rebuild = true
			} else {
				a.applySetting(e.arg)
			}
		case effReport:
			a.saveReport()
		case effRoom:
			a.roomEffect(e)
		case effPage:
			a.debrief.show(a, e.arg)
		case effFork:
			a.fork(e.num)
		case effParties:
			a.desk.chart.partiesOpen = e.num
			a.snapshot.chart.partiesOpen = e.num
			a.rebuild = true
		case effSnapTab:
			a.snapshot.tab = e.arg
			a.rebuild = true
		case effPopup:
			a.desk.popup = ""
			a.rebuild = true
			if e.next != nil {
				a.apply([]effect{*e.next})
			}
		}
		if e.next != nil && e.kind != effConfirm && e.kind != effPopup {
			a.apply([]effect{*e.next})
		}
	}
}

// engine returns the running session's engine, or nil.
func (a *App) engine() Engine {
	if a.m == nil {
		return nil
	}
	return a.m.eng
}

// busy reports whether a command is running, a session loading or the case
// being replayed to a point.
func (a *App) busy() bool {
	return a.jobs.busy.Load() || a.opening != nil || a.forking != nil || a.roomBusy()
}

// globalKeys handles the keys that work in every scene.
func (a *App) globalKeys() {
	in := &a.in
	switch {
	case in.has(ebiten.KeyF11):
		a.toggleFullscreen()
	case in.has(ebiten.KeyF6):
		a.setPresenter(!a.presenter)
	case in.Ctrl && in.has(ebiten.KeyEqual):
		a.setScale(a.opt.Scale + 0.25)
	case in.Ctrl && in.has(ebiten.KeyMinus):
		a.setScale(a.opt.Scale - 0.25)
	case in.Ctrl && in.has(ebiten.KeyL):
		a.toggleLang()
	case in.has(ebiten.KeyTab) && !a.desk.wantsTab(a):
		if in.Shift {
			a.ui.ChangeFocus(widget.FOCUS_PREVIOUS)
		} else {
			a.ui.ChangeFocus(widget.FOCUS_NEXT)
		}
		a.dirty = max(a.dirty, 2)
	case in.has(ebiten.KeyEscape) && a.busy():
		a.apply([]effect{{kind: effCancel}})
	case in.has(ebiten.KeyEscape) && a.overlay != nil:
		a.dismissOverlay()
		in.Keys = in.Keys[:0]
	}
	a.activateFocused()
}

// activateFocused clicks the focused button on Enter or Space. Any other
// typing moves the focus back to the text field.
func (a *App) activateFocused() {
	in := &a.in
	b, ok := a.ui.GetFocusedWidget().(*widget.Button)
	if !ok || b == nil {
		return
	}
	space := len(in.Chars) == 1 && in.Chars[0] == ' '
	if in.has(ebiten.KeyEnter) || in.has(ebiten.KeyNumpadEnter) || space {
		in.Chars = in.Chars[:0]
		in.Keys = in.Keys[:0]
		b.Click()
		a.dirty = max(a.dirty, 2)
		return
	}
	if len(in.Chars) > 0 {
		a.ui.ClearFocus()
	}
}

func (a *App) toggleFullscreen() {
	ebiten.SetFullscreen(!ebiten.IsFullscreen())
	a.rebuild = true
}

// setScale sets the user's text size factor, from 0.75 to 2 (the largest
// the layout tests check).
func (a *App) setScale(s float64) {
	a.opt.Scale = min(2, max(0.75, s))
	a.rebuild = true
	a.saveSettings()
}

// setPresenter turns presenter mode on or off.
func (a *App) setPresenter(on bool) {
	a.presenter = on
	a.desk.popup = ""
	a.rebuild = true
	a.saveSettings()
}

// toggleLang moves to the next interface language.
func (a *App) toggleLang() {
	langs := a.text.Langs()
	i := slices.Index(langs, a.lang)
	a.lang = langs[(i+1)%len(langs)]
	a.setPrinter()
	a.rebuild = true
	a.saveSession()
	a.saveSettings()
}

func (a *App) dismissOverlay() {
	a.overlay = nil
	a.rebuild = true
}

// showErrors puts a list of problems in the overlay.
func (a *App) showErrors(title string, lines []string) {
	if a.overlay != nil && a.overlay.title == title {
		a.overlay.lines = append(a.overlay.lines, lines...)
	} else {
		a.overlay = &overlay{title: title, lines: lines, bad: true}
	}
	a.rebuild = true
}

// sceneByID returns the scene with a name.
func (a *App) sceneByID(id string) scene {
	switch id {
	case SceneBriefing:
		return a.briefing
	case SceneDesk:
		return a.desk
	case SceneHandoff:
		return a.handoff
	case SceneDebrief:
		return a.debrief
	case SceneSnapshot:
		return a.snapshot
	case SceneSettings:
		return a.settings
	}
	if s := a.roomScene(id); s != nil {
		return s
	}
	return a.title
}

// goTo switches scene.
func (a *App) goTo(id string) {
	if id != SceneTitle && id != SceneSettings && a.m == nil && !a.roomSceneOK(id) {
		id = SceneTitle
	}
	if id == SceneHandoff && a.readOnlyDesk() {
		id = SceneDesk // a watched desk is read-only (room_watch.go)
	}
	a.scene = a.sceneByID(id)
	a.desk.popup = ""
	a.rebuild = true
	a.ui.ClearFocus()
	a.saveSession()
}

// run starts a console line for the trainee off the loop, with the reason
// typed for it, if any.
func (a *App) run(line, why string) {
	line = strings.TrimSpace(line)
	if a.m == nil || line == "" || a.busy() {
		return
	}
	a.m.remember(line)
	if a.jobs.start(a.m.eng, game.LogEntry{Line: line, Actor: game.ActorTrainee, Why: why, Resumed: a.m.resumed}) {
		a.repaint = true
		if a.scene == a.desk && a.single() {
			// One panel at a time: the answer is what to show.
			a.desk.tab = TabConsole
			a.rebuild = true
		}
	}
}

// finish takes a finished command's result on the loop.
func (a *App) finish(res jobResult) {
	if a.m == nil {
		return
	}
	ended := a.m.view.Ending != nil
	start := len(a.m.console)
	logged := a.m.take(res)
	if logged {
		a.m.resumed = false
	}
	a.setPrinter()
	if h := res.change.Halted; h != nil {
		var c *game.CancelledError
		if errors.As(h, &c) {
			a.overlay = &overlay{title: a.t("cancelled"), lines: []string{a.t("cancelled_note", game.Str("line", res.line))}}
		} else {
			a.overlay = &overlay{title: a.t("script_error"), lines: []string{a.p.Err(h.Err)}, note: a.t("halted_note"), bad: true}
		}
	} else if len(a.m.errs) > 0 {
		errs := a.m.errs
		a.m.errs = nil
		a.overlay = &overlay{title: a.t("script_error"), lines: errs, note: a.t("script_error_note"), bad: true}
	} else if e := a.m.view.Ending; e != nil && !ended {
		a.overlay = a.endingOverlay()
	}
	// A long answer is read from its start: help, status, the case file.
	a.desk.showFrom = start
	a.rebuild = true
	if logged || res.change.Halted != nil {
		a.saveSession()
	}
	if logged {
		a.recordCommand(res.events)
	}
}

// endingOverlay says the case has ended and offers the debrief.
func (a *App) endingOverlay() *overlay {
	v := a.m.view
	o := &overlay{title: a.t("case_ended", game.Txt("title", v.Ending.Title))}
	o.lines = append(o.lines, a.p.Text(v.Ending.Text))
	if d := v.Debrief; d != nil {
		o.lines = append(o.lines, a.t("score_line", game.Num("score", int64(d.Score))))
	}
	o.choices = []choice{
		{"open_debrief", a.t("open_debrief"), bPrimary, goTo(SceneDebrief)},
		{"stay", a.t("stay"), bNormal, effect{kind: effDismiss}},
	}
	o.choices[0].e = then(effect{kind: effDismiss}, goTo(SceneDebrief))
	return o
}

// waitReady waits for prepare's fonts and reports whether they loaded.
func (a *App) waitReady() bool {
	if a.ready != nil {
		<-a.ready
		a.ready = nil
	}
	if a.fsErr != nil {
		a.quit = a.fsErr
		return false
	}
	return true
}

// settle waits for everything loaded in the background, for a screenshot
// that must not depend on timing.
func (a *App) settle() {
	if a.waitReady() {
		a.title.wait(a)
	}
	if a.opening != nil {
		o := <-a.opening
		a.opening = nil
		a.takeOpened(o)
	}
	if res, ok := a.jobs.wait(); ok {
		a.finish(res)
	}
	a.waitFork()
	a.waitReport()
	a.waitProfile()
}

// setScaleFor works out the layout scale and the fonts for the window's
// size, the user's factor and presenter mode.
func (a *App) setScaleFor() {
	a.scale = min(float64(a.w)/1920, float64(a.h)/1080) * a.opt.Scale
	least := 0.0
	if a.presenter || a.projected() {
		// Body text at least a thirtieth of the screen's height.
		a.scale = max(a.scale, float64(a.h)/720)
		least = float64(int(float64(a.h)/30 + 0.999))
	}
	if at := [2]float64{a.scale, least}; a.fonts == nil || a.fontAt != at {
		a.fonts = a.fs.at(a.scale, least)
		a.fontAt = at
	}
}

// build rebuilds the widgets and caches of the current scene.
func (a *App) build() {
	if !a.waitReady() {
		return
	}
	a.rebuild = false
	if !a.worldAsked {
		// The map's outlines load once the first frame is on its way.
		a.worldAsked = true
		worlds := make(chan *worldmap.Map, 1)
		a.worlds = worlds
		go func() {
			w, _ := worldmap.Load() // the map is drawn without outlines if they fail to load
			worlds <- w
		}()
	}
	a.setScaleFor()
	focusKey := ""
	if f := a.ui.GetFocusedWidget(); f != nil {
		for k, b := range a.buttons {
			if widget.Focuser(b) == f {
				focusKey = k
			}
		}
	}
	a.ui.ClearFocus()
	a.root.RemoveChildren()
	clear(a.targets)
	clear(a.buttons)
	a.areas = a.areas[:0]
	if a.rec != nil {
		a.rec.reset()
	}
	if a.scene != a.title && a.scene != a.settings && a.m == nil && !a.roomSceneOK(a.scene.id()) {
		a.scene = a.title
	}
	a.scene.build(a)
	if a.overlay != nil {
		// Only the overlay's buttons take clicks while it is up.
		a.root.RemoveChildren()
		clear(a.targets)
		clear(a.buttons)
		a.areas = a.areas[:0]
		if a.rec != nil {
			a.rec.reset()
		}
		a.buildOverlay()
	}
	if b := a.buttons[focusKey]; b != nil && focusKey != "" {
		a.ui.SetFocusedWidget(b)
	}
	a.paint()
}

// paint renders everything the scene draws itself into the canvas, which
// Draw then copies to the screen.
func (a *App) paint() {
	a.repaint = false
	if a.canvas == nil || a.canvas.Bounds().Dx() != a.w || a.canvas.Bounds().Dy() != a.h {
		if a.canvas != nil {
			a.canvas.Deallocate()
		}
		a.canvas = bigImage(a.w, a.h)
	}
	if a.rec != nil {
		// Keep the buttons' labels, drop the text of the last paint.
		keep := a.rec.recs[:0]
		for _, r := range a.rec.recs {
			if r.button || r.ghost {
				keep = append(keep, r)
			}
		}
		a.rec.recs = keep
	}
	a.canvas.Fill(a.c.bg)
	a.scene.paint(a, a.canvas)
	if busy, ticks := a.jobs.running(); busy {
		a.paintBusy(a.canvas, ticks)
	} else if a.opening != nil || a.forking != nil {
		a.paintBusy(a.canvas, -1)
	}
	if a.overlay != nil {
		a.paintOverlay(a.canvas)
	}
	a.dirty = max(a.dirty, 3)
}

// paintBusy shows that a command is running and how to cancel it.
func (a *App) paintBusy(dst *ebiten.Image, ticks int) {
	a.setLayer(layerTip)
	defer a.setLayer(layerBase)
	msg := a.t("working", game.Num("s", int64(ticks/60)))
	if ticks < 0 {
		msg = a.t("loading")
	}
	w := textWidth(msg, a.fonts.bold) + float64(a.u(48))
	h := a.fonts.lineBody + float64(a.u(24))
	x, y := (float64(a.w)-w)/2, float64(a.h)-h-float64(a.u(40))
	vector.FillRect(dst, float32(x), float32(y), float32(w), float32(h), a.c.panel2, false)
	vector.StrokeRect(dst, float32(x), float32(y), float32(w), float32(h), float32(a.u(3)), a.c.accent, false)
	a.drawText(dst, msg, a.fonts.bold, a.c.accent, x+float64(a.u(24)), y+(h-textHeight(a.fonts.bold))/2)
}

// Draw implements ebiten.Game. It draws only when something changed since
// the last frame; otherwise the screen keeps its picture.
func (a *App) Draw(screen *ebiten.Image) {
	if a.dirty <= 0 || a.canvas == nil {
		return
	}
	a.dirty--
	screen.DrawImage(a.canvas, nil)
	if l, ok := a.scene.(liveScene); ok && a.overlay == nil {
		l.drawLive(a, screen)
	}
	a.drawOverlayField(screen)
	a.ui.Draw(screen)
	a.drawFocus(screen)
	a.frames++
	if a.OnFrame != nil {
		a.OnFrame(screen)
	}
}

// drawFocus rings the focused widget so keyboard users see where they are.
func (a *App) drawFocus(screen *ebiten.Image) {
	f := a.ui.GetFocusedWidget()
	hw, ok := f.(widget.HasWidget)
	if f == nil || !ok {
		return
	}
	r := hw.GetWidget().Rect
	sw := float32(max(2, a.u(4)))
	vector.StrokeRect(screen, float32(r.Min.X)-sw/2, float32(r.Min.Y)-sw/2, float32(r.Dx())+sw, float32(r.Dy())+sw, sw, a.c.focus, false)
}

func (a *App) seed() uint64 {
	if a.opt.Seed != 0 {
		return a.opt.Seed
	}
	return 1
}

func (a *App) closeMatch() {
	if a.m != nil {
		if res, ok := a.jobs.wait(); ok {
			a.finish(res)
		}
		a.recordLeave()
		a.waitFork()
		a.m.eng.Close()
	}
	a.m = nil
}

func (a *App) showLoadError(err error) {
	var lines []string
	for _, l := range strings.Split(a.p.Err(err), "\n") {
		if l != "" {
			lines = append(lines, l)
		}
	}
	a.overlay = &overlay{title: a.t("load_error"), lines: lines, bad: true}
	a.rebuild = true
}

// drawPanel fills a rectangle with a panel's ground and border.
func (a *App) drawPanel(dst *ebiten.Image, r image.Rectangle, ground color.Color) {
	vector.FillRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), ground, false)
	vector.StrokeRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), float32(max(1, a.u(1.5))), a.c.line, false)
}

// defaultScenario is the scenario the title scene selects first.
func (a *App) defaultScenario() string {
	names := a.embedded()
	if slices.Contains(names, scenarios.Default) || len(names) == 0 {
		return scenarios.Default
	}
	return names[0]
}

package ui

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"slices"
	"strings"

	"github.com/ebitenui/ebitenui"
	eimage "github.com/ebitenui/ebitenui/image"
	einput "github.com/ebitenui/ebitenui/input"
	"github.com/ebitenui/ebitenui/widget"
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/cli"
	"takedown/game"
	"takedown/scenarios"
)

// Store keeps saved sessions; package save implements it.
type Store interface {
	Write(name string, data []byte) error
	// Read returns a save's data; warn is set when it fell back to an
	// older good copy.
	Read(name string) (data []byte, warn error, err error)
}

// Options configures the window.
type Options struct {
	Scenario   string    // name or path; "" shows the title scene
	Seed       uint64    // seed of a new session
	Lang       game.Lang // "" takes the saved setting, else English
	Scale      float64   // the user's text size factor; 0 takes the saved setting, else 1
	Fullscreen bool
	Store      Store       // where progress is saved; nil saves nothing
	Size       image.Point // a fixed logical size (screenshots, tests); zero follows the window
	Source     Source      // nil reads the real keyboard and mouse
	// Scenarios lists what the title scene offers; nil offers every
	// embedded scenario.
	Scenarios []string
}

// Scene names, as the screenshot command takes them.
const (
	SceneTitle    = "title"
	SceneBriefing = "briefing"
	SceneDesk     = "desk"
	SceneHandoff  = "handoff"
	SceneDebrief  = "debrief"
)

// Desk tabs, also accepted as scene names by the screenshot command.
const (
	TabChart    = "chart"
	TabMap      = "map"
	TabInbox    = "inbox"
	TabCalendar = "calendar"
	TabCase     = "case"
)

// App is the window: an ebiten.Game that draws scenes of a session.
type App struct {
	opt    Options
	src    Source
	in     Input
	prev   Input
	cursor *cursorUpdater

	w, h    int
	outW    int
	outH    int
	scale   float64
	lang    game.Lang
	fs      *fontSources
	fsErr   error
	ready   chan struct{} // closed when prepare is done
	titles  chan map[string]*scenarioInfo
	fonts   *fonts
	fontAt  float64
	c       colors
	strs    map[string]game.Text
	ui      *ebitenui.UI
	root    *widget.Container
	targets map[string]image.Rectangle
	buttons map[string]*widget.Button
	later   []func()

	scene   string
	desk    deskState
	title   titleState
	m       *match
	overlay *overlay
	// watch notices when the scenario file on disk changes (hot reload).
	watch *watcher

	rebuild   bool
	repaint   bool
	canvas    *ebiten.Image
	topRight  int     // left edge of the top bar's buttons
	scroll    float64 // the scroll of a scene's long text, in pixels
	maxScroll float64
	dirty     int // frames still to draw
	frames    int // frames drawn, for tests and the benchmark
	quit      error
	// OnFrame, if set, is called at the end of every Draw that drew.
	OnFrame func(screen *ebiten.Image)
}

// overlay is a message shown over the scene until dismissed.
type overlay struct {
	title string
	lines []string
	note  string
	bad   bool
}

// New makes the window's game. It does not open the window.
func New(opt Options) (*App, error) {
	if opt.Scale <= 0 || opt.Lang == "" {
		sc, l := loadSettings(opt.Store)
		if opt.Scale <= 0 {
			opt.Scale = sc
		}
		if opt.Lang == "" {
			opt.Lang = l
		}
	}
	if opt.Lang != game.RU {
		opt.Lang = game.EN
	}
	a := &App{opt: opt, src: opt.Source, c: defaultColors(), strs: uiText(), lang: opt.Lang,
		targets: map[string]image.Rectangle{}, buttons: map[string]*widget.Button{}, scene: SceneTitle}
	a.title.selected = scenarios.Default
	if names := a.embedded(); len(names) > 0 && !slices.Contains(names, a.title.selected) {
		a.title.selected = names[0]
	}
	a.prepare(opt.Scenario == "")
	if a.src == nil {
		a.src = ebitenSource{}
	}
	a.cursor = &cursorUpdater{cur: &a.in, prev: &a.prev}
	einput.SetCursorUpdater(a.cursor)
	einput.CursorManagementEnabled = false
	a.root = widget.NewContainer()
	a.ui = &ebitenui.UI{Container: a.root, DisableDefaultFocus: true}
	a.desk.tab = TabChart
	if opt.Scenario != "" {
		a.title.selected = opt.Scenario
		if !a.resume(opt.Scenario, true) {
			a.startNew(opt.Scenario)
		}
	}
	a.rebuild = true
	return a, nil
}

// prepare parses the fonts and the selected scenario while the window
// opens; the first build waits for them. The other scenarios on the title
// scene follow a moment later (see takeTitles).
func (a *App) prepare(titles bool) {
	done := make(chan struct{})
	a.ready = done
	if titles {
		a.titles = make(chan map[string]*scenarioInfo, 1)
	}
	go func() {
		a.fs, a.fsErr = loadFontSources()
		if !titles {
			close(done)
			return
		}
		load := func(name string) *scenarioInfo {
			_, sc, script, err := loadScenario(name)
			if script != nil {
				script.Close()
			}
			return &scenarioInfo{sc: sc, err: err}
		}
		a.title.info = map[string]*scenarioInfo{a.title.selected: load(a.title.selected)}
		close(done)
		rest := map[string]*scenarioInfo{}
		for _, name := range a.embedded() {
			if name != a.title.selected {
				rest[name] = load(name)
			}
		}
		a.titles <- rest
	}()
}

// takeTitles adds the scenarios loaded in the background to the title
// scene; wait blocks until they are there.
func (a *App) takeTitles(wait bool) {
	if a.titles == nil {
		return
	}
	var rest map[string]*scenarioInfo
	if wait {
		rest = <-a.titles
	} else {
		select {
		case rest = <-a.titles:
		default:
			return
		}
	}
	a.titles = nil
	for k, v := range rest {
		if _, ok := a.title.info[k]; !ok {
			a.title.info[k] = v
		}
	}
	if a.scene == SceneTitle {
		a.rebuild = true
	}
}

// embedded lists the scenarios the title scene offers.
func (a *App) embedded() []string {
	if a.opt.Scenarios != nil {
		return a.opt.Scenarios
	}
	return cli.Embedded()
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
	if errors.Is(err, ebiten.Termination) {
		return nil
	}
	return err
}

// t returns interface text in the current language.
func (a *App) t(key string) string {
	if s, ok := a.strs[key]; ok {
		return s.In(a.lang)
	}
	return key
}

// u scales a length given for a 1920x1080 window.
func (a *App) u(v float64) int { return int(v*a.scale + 0.5) }

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

// Update implements ebiten.Game: it reads input, runs commands and rebuilds
// what changed. Nothing is drawn here.
func (a *App) Update() error {
	if a.quit != nil {
		return a.quit
	}
	// EbitenUI keeps one cursor source per process; make it this app's.
	einput.SetCursorUpdater(a.cursor)
	a.prev, a.in = a.in, a.prev
	a.in.Chars = a.in.Chars[:0]
	a.src.Read(&a.in)
	if a.ready == nil {
		a.takeTitles(false)
	}
	changed := a.inputChanged()
	if a.m != nil && (a.watch.poll() || (a.in.Ctrl && a.in.has(ebiten.KeyR))) {
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
	a.sceneUpdate()
	for len(a.later) > 0 {
		fns := a.later
		a.later = nil
		for _, f := range fns {
			f()
		}
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

// globalKeys handles the keys that work in every scene.
func (a *App) globalKeys() {
	in := &a.in
	switch {
	case in.has(ebiten.KeyF11):
		a.toggleFullscreen()
	case in.Ctrl && in.has(ebiten.KeyEqual):
		a.setScale(a.opt.Scale + 0.1)
	case in.Ctrl && in.has(ebiten.KeyMinus):
		a.setScale(a.opt.Scale - 0.1)
	case in.Ctrl && in.has(ebiten.KeyL):
		a.toggleLang()
	case in.has(ebiten.KeyTab) && !a.consoleWantsTab():
		if in.Shift {
			a.ui.ChangeFocus(widget.FOCUS_PREVIOUS)
		} else {
			a.ui.ChangeFocus(widget.FOCUS_NEXT)
		}
		a.dirty = max(a.dirty, 2)
	case in.has(ebiten.KeyEscape) && a.overlay != nil:
		a.dismissOverlay()
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

func (a *App) setScale(s float64) {
	a.opt.Scale = min(2.5, max(0.6, s))
	a.rebuild = true
	a.saveSettings()
}

func (a *App) toggleLang() {
	if a.lang == game.EN {
		a.lang = game.RU
	} else {
		a.lang = game.EN
	}
	a.rebuild = true
	a.save()
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

// goTo switches scene.
func (a *App) goTo(scene string) {
	a.scene = scene
	a.scroll = 0
	a.rebuild = true
	a.ui.ClearFocus()
	a.save()
}

// run carries out a console line for the trainee, saving afterwards.
func (a *App) run(line string) {
	if a.m == nil {
		return
	}
	logged := a.m.do(line)
	if len(a.m.errs) > 0 {
		errs := a.m.errs
		a.m.errs = nil
		a.overlay = &overlay{title: a.t("script_error"), lines: errs, note: a.t("script_error_note"), bad: true}
	}
	a.desk.consoleScroll = 0
	a.rebuild = true
	if logged {
		a.save()
	}
}

// build rebuilds the widgets and caches of the current scene.
// waitReady waits for prepare's fonts and first scenario, and reports
// whether the fonts loaded.
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

// settle waits for everything prepare loads, for a screenshot that must
// not depend on timing.
func (a *App) settle() {
	if a.waitReady() {
		a.takeTitles(true)
	}
}

func (a *App) build() {
	if !a.waitReady() {
		return
	}
	a.rebuild = false
	a.scale = min(float64(a.w)/1920, float64(a.h)/1080) * a.opt.Scale
	if a.fonts == nil || a.fontAt != a.scale {
		a.fonts = a.fs.at(a.scale)
		a.fontAt = a.scale
	}
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
	switch a.scene {
	case SceneBriefing:
		a.buildBriefing()
	case SceneDesk:
		a.buildDesk()
	case SceneHandoff:
		a.buildHandoff()
	case SceneDebrief:
		a.buildDebrief()
	default:
		a.scene = SceneTitle
		a.buildTitle()
	}
	if a.overlay != nil {
		// Only the overlay's buttons take clicks while it is up.
		a.root.RemoveChildren()
		clear(a.targets)
		clear(a.buttons)
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
		a.canvas = ebiten.NewImage(a.w, a.h)
	}
	a.canvas.Fill(a.c.bg)
	switch a.scene {
	case SceneTitle:
		a.paintTitle(a.canvas)
	case SceneBriefing:
		a.paintBriefing(a.canvas)
	case SceneDesk:
		a.paintDesk(a.canvas)
	case SceneHandoff:
		a.paintHandoff(a.canvas)
	case SceneDebrief:
		a.paintDebrief(a.canvas)
	}
	if a.overlay != nil {
		a.paintOverlay(a.canvas)
	}
	a.dirty = max(a.dirty, 3)
}

// sceneUpdate gives the scene the tick's input for its own drawn parts.
func (a *App) sceneUpdate() {
	if a.overlay != nil {
		if a.in.has(ebiten.KeyEnter) {
			a.dismissOverlay()
		}
		return
	}
	switch a.scene {
	case SceneTitle:
		a.updateTitle()
	case SceneDesk:
		a.updateDesk()
	case SceneDebrief, SceneBriefing, SceneHandoff:
		a.updateScroll()
	}
}

// updateScroll scrolls a scene's long text with the wheel and the keys.
func (a *App) updateScroll() {
	step := float64(a.u(40))
	d := -a.in.WheelY * step * 2
	if a.in.has(ebiten.KeyPageDown) {
		d += float64(a.h) / 2
	}
	if a.in.has(ebiten.KeyPageUp) {
		d -= float64(a.h) / 2
	}
	if a.in.has(ebiten.KeyArrowDown) {
		d += step
	}
	if a.in.has(ebiten.KeyArrowUp) {
		d -= step
	}
	if d == 0 {
		return
	}
	ns := min(a.maxScroll, max(0, a.scroll+d))
	if ns != a.scroll {
		a.scroll = ns
		a.repaint = true
	}
}

// Draw implements ebiten.Game. It draws only when something changed since
// the last frame; otherwise the screen keeps its picture.
func (a *App) Draw(screen *ebiten.Image) {
	if a.dirty <= 0 || a.canvas == nil {
		return
	}
	a.dirty--
	screen.DrawImage(a.canvas, nil)
	if a.overlay == nil {
		switch a.scene {
		case SceneTitle:
			a.drawTitleInput(screen)
		case SceneDesk:
			a.drawConsoleInput(screen)
		}
	}
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

// Button kinds.
const (
	bNormal = iota
	bPrimary
	bTab
	bTabOn
	bQuiet
	bGhost // invisible until hovered or focused: lies over a drawn shape
)

// addButton puts a button on the scene. key names it for tests and focus.
func (a *App) addButton(key, label string, r image.Rectangle, kind int, onClick func()) *widget.Button {
	face := a.fonts.button
	body, border, txt, hover := a.c.btn, a.c.line, a.c.btnText, a.c.btnHover
	switch kind {
	case bPrimary:
		body, border, txt, hover = a.c.accent, a.c.accent, color.NRGBA{0x10, 0x10, 0x10, 0xff}, color.NRGBA{0xff, 0xe2, 0x80, 0xff}
	case bTab:
		body, border, hover = a.c.panel, a.c.line, a.c.panel2
	case bTabOn:
		body, border, txt, hover = a.c.panel2, a.c.accent, a.c.accent, a.c.panel2
	case bQuiet:
		body, border, hover = a.c.panel2, a.c.line, a.c.btn
	case bGhost:
		clearC := color.NRGBA{}
		body, border, hover = clearC, clearC, clearC
	}
	bw := max(1, a.u(2))
	img := &widget.ButtonImage{
		Idle:     eimage.NewBorderedNineSliceColor(body, border, bw),
		Hover:    eimage.NewBorderedNineSliceColor(hover, a.c.accent, bw),
		Pressed:  eimage.NewBorderedNineSliceColor(a.c.accent, a.c.accent, bw),
		Disabled: eimage.NewBorderedNineSliceColor(a.c.panel, a.c.panel2, bw),
	}
	if kind == bGhost {
		img.Pressed = eimage.NewBorderedNineSliceColor(color.NRGBA{}, a.c.accent, bw)
		img.Disabled = img.Idle
	}
	pressedText := color.NRGBA{0x10, 0x10, 0x10, 0xff}
	label = ellipsize(label, face, float64(r.Dx()-2*a.u(10)))
	b := widget.NewButton(
		widget.ButtonOpts.Image(img),
		widget.ButtonOpts.Text(label, &face, &widget.ButtonTextColor{Idle: txt, Hover: txt, Pressed: pressedText, Disabled: a.c.dim}),
		widget.ButtonOpts.TextProcessBBCode(false),
		widget.ButtonOpts.TextPadding(&widget.Insets{Left: a.u(10), Right: a.u(10)}),
		// Enter and Space are handled by activateFocused, from Input.
		widget.ButtonOpts.DisableDefaultKeys(),
		widget.ButtonOpts.ClickedHandler(func(*widget.ButtonClickedEventArgs) {
			a.later = append(a.later, onClick)
		}),
	)
	b.SetLocation(r)
	a.root.AddChild(b)
	a.targets[key] = r
	a.buttons[key] = b
	return b
}

// buttonWidth is the width a button needs for its label.
func (a *App) buttonWidth(label string) int {
	return int(text.Advance(label, a.fonts.button)) + 2*a.u(14)
}

// flow places buttons left to right in rows inside r and returns their
// rectangles; a button that does not fit is left out.
func (a *App) flow(r image.Rectangle, labels []string, h int) []image.Rectangle {
	gap := a.u(8)
	x, y := r.Min.X, r.Min.Y
	out := make([]image.Rectangle, 0, len(labels))
	for _, l := range labels {
		w := min(a.buttonWidth(l), r.Dx())
		if x+w > r.Max.X && x > r.Min.X {
			x = r.Min.X
			y += h + gap
		}
		if y+h > r.Max.Y {
			break
		}
		out = append(out, image.Rect(x, y, x+w, y+h))
		x += w + gap
	}
	return out
}

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

// Scene returns the current scene and, on the desk, the tab.
func (a *App) Scene() string {
	if a.scene == SceneDesk {
		return a.scene + ":" + a.desk.tab
	}
	return a.scene
}

// Session returns the session being played, or nil on the title scene.
func (a *App) Session() *game.Session {
	if a.m == nil {
		return nil
	}
	return a.m.s
}

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

// SetScene shows a scene; desk tabs are accepted as scenes too.
func (a *App) SetScene(name string) error {
	switch name {
	case TabChart, TabMap, TabInbox, TabCalendar, TabCase:
		a.desk.tab = name
		name = SceneDesk
	case "error":
		if a.m == nil || len(a.m.s.ScriptErrors()) == 0 {
			return fmt.Errorf("scene error needs a session whose script failed, e.g. --scenario ui/testdata/broken.lua --moves docs/screenshots/midgame.moves")
		}
		a.overlay = &overlay{title: a.t("script_error"), note: a.t("script_error_note"), bad: true, lines: a.m.s.ScriptErrors()}
		name = SceneDesk
	}
	switch name {
	case SceneTitle, SceneBriefing, SceneDesk, SceneHandoff, SceneDebrief:
	default:
		return fmt.Errorf("no scene %q: want title, briefing, desk, chart, map, inbox, calendar, case, handoff, debrief or error", name)
	}
	if name != SceneTitle && a.m == nil {
		return fmt.Errorf("scene %s needs a scenario", name)
	}
	a.scene = name
	a.rebuild = true
	return nil
}

// SetLang switches the interface language.
func (a *App) SetLang(l game.Lang) {
	a.lang = l
	a.rebuild = true
}

// Do runs a console line as if typed.
func (a *App) Do(line string) { a.run(line) }

// startNew begins a new session of a scenario and shows its briefing.
func (a *App) startNew(name string) bool {
	src, sc, script, err := loadScenario(name)
	if err != nil {
		a.showLoadError(err)
		return false
	}
	a.closeMatch()
	a.m = newMatch(src, sc, script, a.seed())
	a.watch = newWatcher(src.Name, reloadInterval)
	a.desk = deskState{tab: TabChart}
	a.goTo(SceneBriefing)
	return true
}

func (a *App) seed() uint64 {
	if a.opt.Seed != 0 {
		return a.opt.Seed
	}
	return 1
}

func (a *App) closeMatch() {
	if a.m != nil && a.m.script != nil {
		a.m.script.Close()
	}
	a.m = nil
}

func (a *App) showLoadError(err error) {
	var lines []string
	for _, l := range strings.Split(err.Error(), "\n") {
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

// sourceName is the scenario name that finds this source again.
func sourceName(src *cli.Source) string {
	n := strings.TrimPrefix(src.Name, "scenarios/")
	if !strings.ContainsAny(n, "/\\") {
		return strings.TrimSuffix(n, ".lua")
	}
	return src.Name
}

package ui

import (
	"fmt"
	"image"
	"sort"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/game"
)

// deskState is what the desk remembers between rebuilds.
type deskState struct {
	tab       string
	selected  string // entity id
	popup     string // entity id whose context menu is open
	popupAt   image.Point
	popupRect image.Rectangle
	// moreActions counts actions that did not fit in the panel.
	moreActions int
	edit        lineEdit
	hints       []string
	// consoleScroll is how far the console is scrolled up, in pixels.
	consoleScroll float64
	tabScroll     map[string]float64
	maxTabScroll  float64
	maxConsole    float64
	lay           deskLayout
	nodes         map[string]image.Rectangle
	cols          []string // headings of the chart's columns
	colW, colGap  int
	wrapped       []wline
	wrappedN      int
	wrappedKey    string
}

// deskLayout is where each part of the desk goes.
type deskLayout struct {
	top, console, out, input, hint, actions, tabs, content, meter image.Rectangle
}

func (a *App) deskLayout() deskLayout {
	var l deskLayout
	pad := a.u(12)
	topH := a.u(64)
	l.top = image.Rect(0, 0, a.w, topH)
	split := int(float64(a.w) * 0.46)
	y0 := topH + pad
	consoleBottom := y0 + int(float64(a.h-y0)*0.58)
	l.console = image.Rect(pad, y0, split-pad/2, consoleBottom)
	head := a.u(40)
	inH := a.u(46)
	hintH := int(a.fonts.lineSmall) + a.u(6)
	l.hint = image.Rect(l.console.Min.X, l.console.Max.Y-hintH, l.console.Max.X, l.console.Max.Y)
	l.input = image.Rect(l.console.Min.X, l.hint.Min.Y-inH, l.console.Max.X, l.hint.Min.Y)
	l.out = image.Rect(l.console.Min.X, l.console.Min.Y+head, l.console.Max.X, l.input.Min.Y)
	l.actions = image.Rect(pad, consoleBottom+pad, split-pad/2, a.h-pad)
	tabH := a.u(52)
	meterH := a.u(88)
	l.tabs = image.Rect(split+pad/2, y0, a.w-pad, y0+tabH)
	l.meter = image.Rect(split+pad/2, a.h-pad-meterH, a.w-pad, a.h-pad)
	l.content = image.Rect(split+pad/2, l.tabs.Max.Y+a.u(6), a.w-pad, l.meter.Min.Y-pad)
	return l
}

func (a *App) buildDesk() {
	d := &a.desk
	if d.tabScroll == nil {
		d.tabScroll = map[string]float64{}
	}
	d.lay = a.deskLayout()
	l := d.lay
	a.buildTopBar(l.top)
	// Tabs.
	tabs := []string{TabChart, TabMap, TabInbox, TabCalendar, TabCase}
	gap := a.u(6)
	tw := (l.tabs.Dx() - gap*(len(tabs)-1)) / len(tabs)
	for i, t := range tabs {
		kind := bTab
		if t == d.tab {
			kind = bTabOn
		}
		r := image.Rect(l.tabs.Min.X+i*(tw+gap), l.tabs.Min.Y, l.tabs.Min.X+i*(tw+gap)+tw, l.tabs.Max.Y)
		label := fmt.Sprintf("%s  F%d", a.t("tab_"+t), i+1)
		if a.buttonWidth(label) > tw {
			label = a.t("tab_" + t)
		}
		a.addButton("tab:"+t, label, r, kind, func() { a.setTab(t) })
	}
	a.buildActions(l.actions)
	if d.tab == TabChart {
		d.nodes = a.chartNodes(l.content)
		// Each box gets an invisible button, so that Tab reaches it and
		// Enter selects it like a click.
		ids := make([]string, 0, len(d.nodes))
		for id := range d.nodes {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, k int) bool {
			ri, rk := d.nodes[ids[i]], d.nodes[ids[k]]
			if ri.Min.X != rk.Min.X {
				return ri.Min.X < rk.Min.X
			}
			return ri.Min.Y < rk.Min.Y
		})
		for _, id := range ids {
			id := id
			a.addButton("node:"+id, "", d.nodes[id], bGhost, func() { a.desk.selected = id; a.rebuild = true })
		}
	}
	if d.popup != "" {
		a.buildPopup()
	}
}

// buildTopBar puts the title, clock and window controls across the top.
func (a *App) buildTopBar(r image.Rectangle) {
	h := r.Dy() - 2*a.u(10)
	y := r.Min.Y + a.u(10)
	x := r.Max.X - a.u(12)
	place := func(key, label string, kind int, fn func()) {
		w := a.buttonWidth(label)
		x -= w
		a.addButton(key, label, image.Rect(x, y, x+w, y+h), kind, fn)
		x -= a.u(8)
	}
	if a.scene != SceneTitle {
		place("menu", a.t("title_menu"), bQuiet, func() { a.goTo(SceneTitle) })
	}
	place("fullscreen", a.t("fullscreen"), bQuiet, a.toggleFullscreen)
	place("bigger", "A+", bQuiet, func() { a.setScale(a.opt.Scale + 0.1) })
	place("smaller", "A−", bQuiet, func() { a.setScale(a.opt.Scale - 0.1) })
	place("lang", a.t("lang_toggle"), bQuiet, a.toggleLang)
	if a.m != nil && a.scene == SceneTitle {
		place("back", a.t("back"), bNormal, func() { a.goTo(SceneDesk) })
	}
	if a.m != nil && a.scene == SceneDesk {
		if a.m.s.Ended() {
			place("debrief", a.t("debrief"), bPrimary, func() { a.goTo(SceneDebrief) })
		} else {
			place("handoff", a.t("handoff"), bNormal, func() { a.goTo(SceneHandoff) })
		}
	}
	a.topRight = x
}

func (a *App) setTab(t string) {
	a.desk.tab = t
	a.desk.popup = ""
	a.rebuild = true
	a.save()
}

// buildActions makes the buttons for the selected entity and the time and
// case commands.
func (a *App) buildActions(r image.Rectangle) {
	d := &a.desk
	bh := a.u(46)
	head := int(a.fonts.lineBody) + a.u(8)
	general := []string{"wait 2h", "wait 1d", "wait 3d", "wait 1w", "wait until 05:30", "status", "damages", "evidence", "help", "prosecute"}
	// General commands take the bottom rows.
	genRects := a.flow(image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Max.Y), general, bh)
	rows := 1
	for i := 1; i < len(genRects); i++ {
		if genRects[i].Min.Y != genRects[i-1].Min.Y {
			rows++
		}
	}
	genH := rows*bh + (rows-1)*a.u(8)
	genTop := r.Max.Y - genH
	genRects = a.flow(image.Rect(r.Min.X, genTop, r.Max.X, r.Max.Y), general, bh)
	for i, rr := range genRects {
		line := general[i]
		a.addButton("cmd:"+line, line, rr, bQuiet, func() { a.run(line) })
	}
	d.lay.actions = r
	d.moreActions = 0
	top := image.Rect(r.Min.X, r.Min.Y+head, r.Max.X, genTop-head-a.u(6))
	if d.selected == "" || a.m == nil || !a.m.s.Known(d.selected) {
		return
	}
	e := a.m.sc.Entity(d.selected)
	lines := a.m.actions(e)
	rects := a.flow(top, lines, bh)
	for i, rr := range rects {
		line := lines[i]
		a.addButton("cmd:"+line, line, rr, bNormal, func() { a.run(line) })
	}
	d.moreActions = len(lines) - len(rects)
}

// buildPopup opens the context menu of an entity next to it.
func (a *App) buildPopup() {
	d := &a.desk
	e := a.m.sc.Entity(d.popup)
	if e == nil {
		d.popup = ""
		return
	}
	lines := a.m.actions(e)
	bh := a.u(44)
	w := 0
	for _, l := range lines {
		w = max(w, a.buttonWidth(l))
	}
	w = min(w, d.lay.content.Dx()-a.u(20))
	x, y := d.popupAt.X, d.popupAt.Y
	hgt := len(lines)*(bh+a.u(4)) + a.u(8)
	x = min(x, d.lay.content.Max.X-w-a.u(8))
	y = max(d.lay.content.Min.Y, min(y, d.lay.content.Max.Y-hgt))
	for i, line := range lines {
		r := image.Rect(x+a.u(4), y+a.u(4)+i*(bh+a.u(4)), x+a.u(4)+w, y+a.u(4)+i*(bh+a.u(4))+bh)
		line := line
		a.addButton("menu:"+line, line, r, bNormal, func() { a.desk.popup = ""; a.run(line) })
	}
	a.desk.popupRect = image.Rect(x, y, x+w+a.u(8), y+hgt)
}

// consoleWantsTab reports whether Tab should complete in the console.
func (a *App) consoleWantsTab() bool {
	return a.scene == SceneDesk && a.overlay == nil && len(a.desk.edit.text) > 0
}

func (a *App) updateDesk() {
	d := &a.desk
	in := &a.in
	if a.m == nil {
		return
	}
	// Console typing.
	changed, enter := d.edit.edit(in, a.m.history)
	if changed {
		d.hints = nil
		a.dirty = max(a.dirty, 2)
	}
	if in.has(ebiten.KeyTab) && len(d.edit.text) > 0 {
		var names []string
		for _, e := range a.m.s.KnownEntities() {
			names = append(names, e.ID)
		}
		d.hints = d.edit.complete(verbNames(), names)
		a.repaint = true
	}
	if enter && a.ui.GetFocusedWidget() == nil {
		line := d.edit.String()
		d.edit.set("")
		d.edit.hist = -1
		d.hints = nil
		a.run(line)
	}
	if in.has(ebiten.KeyEscape) && d.popup != "" {
		d.popup = ""
		a.rebuild = true
	}
	for i, t := range []string{TabChart, TabMap, TabInbox, TabCalendar, TabCase} {
		if in.has(ebiten.KeyF1 + ebiten.Key(i)) {
			a.setTab(t)
		}
	}
	// Scrolling: the wheel scrolls what is under the cursor; Page keys the console.
	p := image.Pt(in.X, in.Y)
	step := float64(a.u(40))
	if in.WheelY != 0 {
		if p.In(d.lay.out) {
			d.consoleScroll = min(d.maxConsole, max(0, d.consoleScroll+in.WheelY*step*2))
			a.repaint = true
		} else if p.In(d.lay.content) {
			d.tabScroll[d.tab] = min(d.maxTabScroll, max(0, d.tabScroll[d.tab]-in.WheelY*step*2))
			a.repaint = true
		}
	}
	// Page keys scroll the tab; with Shift, the console, as in a terminal.
	page := 0.0
	if in.has(ebiten.KeyPageUp) {
		page = -1
	}
	if in.has(ebiten.KeyPageDown) {
		page = 1
	}
	switch {
	case page != 0 && in.Shift:
		d.consoleScroll = min(d.maxConsole, max(0, d.consoleScroll-page*float64(d.lay.out.Dy())*0.8))
		a.repaint = true
	case page != 0:
		d.tabScroll[d.tab] = min(d.maxTabScroll, max(0, d.tabScroll[d.tab]+page*float64(d.lay.content.Dy())*0.8))
		a.repaint = true
	}
	// Clicks on the chart select an entity; a right click opens its menu.
	left := in.Left && !a.prev.Left
	right := in.Right && !a.prev.Right
	if d.popup != "" && (left || right) {
		if !p.In(d.popupRect) {
			d.popup = ""
			a.rebuild = true
		}
		return
	}
	if (left || right) && d.tab == TabChart && p.In(d.lay.content) {
		for id, r := range d.nodes {
			if p.In(r) {
				d.selected = id
				if right {
					d.popup, d.popupAt = id, image.Pt(r.Min.X+a.u(20), r.Max.Y)
				}
				a.rebuild = true
				return
			}
		}
	}
}

// paintDesk renders the desk's own drawings into the canvas.
func (a *App) paintDesk(dst *ebiten.Image) {
	d := &a.desk
	l := d.lay
	a.paintTopBar(dst, l.top)
	// Console.
	a.drawPanel(dst, l.console, a.c.term)
	a.drawText(dst, a.t("console"), a.fonts.bold, a.c.accent, float64(l.console.Min.X+a.u(12)), float64(l.console.Min.Y+a.u(6)))
	a.paintConsole(dst)
	// Hint line.
	hint := a.t("console_hint")
	if len(d.hints) > 0 {
		hint = strings.Join(d.hints, "  ")
	}
	a.drawText(dst, ellipsize(hint, a.fonts.small, float64(l.hint.Dx()-a.u(24))), a.fonts.small, a.c.dim, float64(l.hint.Min.X+a.u(12)), float64(l.hint.Min.Y+a.u(2)))
	// Actions.
	a.drawPanel(dst, l.actions, a.c.panel)
	title := a.t("actions")
	if d.selected != "" {
		title = a.t("actions_for") + " " + a.m.name(d.selected, a.lang)
	}
	titleW := float64(l.actions.Dx() - a.u(24))
	if d.moreActions > 0 {
		titleW = titleW/2 - float64(a.u(12))
	}
	a.drawText(dst, ellipsize(title, a.fonts.bold, titleW), a.fonts.bold, a.c.accent, float64(l.actions.Min.X+a.u(12)), float64(l.actions.Min.Y+a.u(6)))
	if d.moreActions > 0 {
		note := game.Tf("+%d more: right-click the box, or type them", "ещё %d: правый щелчок по объекту или консоль", d.moreActions).In(a.lang)
		a.drawText(dst, ellipsize(note, a.fonts.small, float64(l.actions.Dx()/2)), a.fonts.small, a.c.dim, float64(l.actions.Max.X-a.u(12))-textWidth(ellipsize(note, a.fonts.small, float64(l.actions.Dx()/2)), a.fonts.small), float64(l.actions.Min.Y+a.u(8)))
	}
	if d.selected == "" {
		ls := a.wrap(doc{{st: stDim, text: a.t("select_hint")}}, float64(l.actions.Dx()-a.u(24)))
		sub := dst.SubImage(l.actions).(*ebiten.Image)
		a.drawLines(sub, ls, float64(l.actions.Min.X+a.u(12)), float64(l.actions.Min.Y+a.u(6))+a.fonts.lineBody+float64(a.u(8)), 0)
	}
	// The tab's content.
	a.drawPanel(dst, l.content, a.c.panel)
	sub := dst.SubImage(l.content.Inset(a.u(2))).(*ebiten.Image)
	switch d.tab {
	case TabChart:
		a.paintChart(sub, l.content)
	case TabMap:
		a.paintMap(sub, l.content)
	case TabInbox:
		a.paintDoc(sub, l.content, a.inboxDoc())
	case TabCalendar:
		a.paintCalendar(sub, l.content)
	case TabCase:
		a.paintDoc(sub, l.content, a.caseDoc())
	}
	a.paintMeter(dst, l.meter)
	if d.popup != "" {
		r := d.popupRect
		a.drawPanel(dst, r, a.c.panel2)
		vector.StrokeRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), float32(a.u(3)), a.c.accent, false)
	}
}

// paintTopBar draws the scenario, clock and case state across the top.
func (a *App) paintTopBar(dst *ebiten.Image, r image.Rectangle) {
	vector.FillRect(dst, 0, 0, float32(r.Dx()), float32(r.Dy()), a.c.panel, false)
	vector.FillRect(dst, 0, float32(r.Max.Y-a.u(2)), float32(r.Dx()), float32(a.u(2)), a.c.line, false)
	if a.m == nil {
		return
	}
	s := a.m.s
	clock := fmt.Sprintf("%s · %s %d", s.Calendar().Format(s.Now()), a.t("day"), int(s.Now()/game.Day)+1)
	x := float64(a.u(16))
	y := float64(r.Min.Y + (r.Dy()-int(a.fonts.lineHead))/2)
	avail := float64(a.topRight-a.u(16)) - x
	title := a.m.sc.Title.In(a.lang)
	cw := text.Advance(clock, a.fonts.head)
	a.drawText(dst, clock, a.fonts.head, a.c.accent, x, y)
	x += cw + float64(a.u(24))
	a.drawText(dst, ellipsize(title+" — "+a.caseState(), a.fonts.bold, avail-cw-float64(a.u(24))), a.fonts.bold, a.c.text, x, y+float64(a.u(4)))
}

// caseState says in a few words where the case stands.
func (a *App) caseState() string {
	s := a.m.s
	pick := func(en, ru string) string { return game.Text{En: en, Ru: ru}.In(a.lang) }
	switch {
	case s.Ended():
		return s.Ending().Title.In(a.lang)
	case s.InCourt():
		return pick("before the court", "в суде")
	case s.CaseOpen():
		return pick("criminal case open", "дело возбуждено")
	case s.HandoffPending():
		return pick("package with the investigators", "материалы у следователей")
	}
	return pick("material check", "доследственная проверка")
}

// paintConsole draws the transcript, newest at the bottom.
func (a *App) paintConsole(dst *ebiten.Image) {
	d := &a.desk
	r := d.lay.out
	width := float64(r.Dx() - a.u(24))
	key := fmt.Sprint(width, a.lang, a.scale)
	if key != d.wrappedKey || d.wrappedN > len(a.m.console) {
		d.wrapped, d.wrappedN, d.wrappedKey = nil, 0, key
	}
	cal := a.m.s.Calendar()
	for _, e := range a.m.console[d.wrappedN:] {
		var dd doc
		txt := strings.TrimRight(e.text.In(a.lang), "\n")
		switch e.kind {
		case "command":
			dd = append(dd, para{st: stMonoCmd, text: fmt.Sprintf("[%s] > %s", cal.Format(e.at), txt), gap: 8})
		case "output":
			dd = append(dd, para{st: stMono, text: txt, indent: 16})
		case "error":
			dd = append(dd, para{st: stBad, text: txt, indent: 16})
		default:
			dd = append(dd, para{st: stInfo, text: "• " + txt, indent: 8})
		}
		d.wrapped = append(d.wrapped, a.wrap(dd, width)...)
	}
	d.wrappedN = len(a.m.console)
	total := linesHeight(d.wrapped)
	view := float64(r.Dy() - a.u(8))
	d.maxConsole = max(0, total-view)
	d.consoleScroll = min(d.consoleScroll, d.maxConsole)
	skip := max(0, total-view-d.consoleScroll)
	sub := dst.SubImage(r).(*ebiten.Image)
	a.drawLines(sub, d.wrapped, float64(r.Min.X+a.u(12)), float64(r.Min.Y+a.u(4)), skip)
	if d.consoleScroll > 0 {
		a.scrollMark(dst, r, d.consoleScroll, d.maxConsole, true)
	}
}

// scrollMark draws a thin scroll bar at the right of r.
func (a *App) scrollMark(dst *ebiten.Image, r image.Rectangle, pos, maxPos float64, fromBottom bool) {
	if maxPos <= 0 {
		return
	}
	frac := pos / maxPos
	if fromBottom {
		frac = 1 - frac
	}
	bh := max(float64(a.u(30)), float64(r.Dy())*0.15)
	y := float64(r.Min.Y) + frac*(float64(r.Dy())-bh)
	w := float32(a.u(6))
	vector.FillRect(dst, float32(r.Max.X)-w-float32(a.u(3)), float32(y), w, float32(bh), a.c.dim, false)
	if !fromBottom && pos < maxPos {
		// More below: say how to get there.
		more := "▼ PgDn"
		mw := textWidth(more, a.fonts.small)
		x := float64(r.Max.X) - mw - float64(a.u(18))
		yy := float64(r.Max.Y) - a.fonts.lineSmall - float64(a.u(4))
		vector.FillRect(dst, float32(x)-float32(a.u(6)), float32(yy), float32(mw)+float32(a.u(12)), float32(a.fonts.lineSmall), a.c.panel2, false)
		a.drawText(dst, more, a.fonts.small, a.c.accent, x, yy)
	}
}

// drawConsoleInput draws the line being typed, with its caret.
func (a *App) drawConsoleInput(screen *ebiten.Image) {
	if a.m == nil {
		return
	}
	r := a.desk.lay.input
	a.drawPanel(screen, r.Inset(a.u(4)), a.c.panel)
	x := float64(r.Min.X + a.u(16))
	y := float64(r.Min.Y) + (float64(r.Dy())-a.fonts.lineMono)/2
	prompt := "> "
	a.drawText(screen, prompt, a.fonts.mono, a.c.accent, x, y)
	x += text.Advance(prompt, a.fonts.mono)
	e := &a.desk.edit
	s := string(e.text)
	avail := float64(r.Dx() - a.u(48))
	left := string(e.text[:e.cur])
	for text.Advance(left, a.fonts.mono) > avail-text.Advance(prompt, a.fonts.mono) && len(left) > 0 {
		_, n := firstRune(left)
		left, s = left[n:], s[n:]
	}
	a.drawText(screen, s, a.fonts.mono, a.c.text, x, y)
	cx := x + text.Advance(left, a.fonts.mono)
	if a.ui.GetFocusedWidget() == nil {
		vector.FillRect(screen, float32(cx), float32(y), float32(max(2, a.u(3))), float32(a.fonts.lineMono), a.c.accent, false)
	}
}

func firstRune(s string) (rune, int) {
	for i, r := range s {
		if i > 0 {
			return r, i
		}
	}
	return 0, len(s)
}

// paintDoc draws a scrolling document in the tab area.
func (a *App) paintDoc(dst *ebiten.Image, r image.Rectangle, dd doc) {
	d := &a.desk
	pad := a.u(16)
	ls := a.wrap(dd, float64(r.Dx()-2*pad))
	total := linesHeight(ls)
	d.maxTabScroll = max(0, total-float64(r.Dy()-2*pad))
	sc := min(d.tabScroll[d.tab], d.maxTabScroll)
	a.drawLines(dst, ls, float64(r.Min.X+pad), float64(r.Min.Y+pad), sc)
	a.scrollMark(dst, r, sc, d.maxTabScroll, false)
}

// paintMeter draws damages against the threshold.
func (a *App) paintMeter(dst *ebiten.Image, r image.Rectangle) {
	a.drawPanel(dst, r, a.c.panel)
	dm := a.m.s.Damages()
	pad := a.u(14)
	label := fmt.Sprintf("%s: %s / %s %s", a.t("damages"), money(dm.Total, dm.Currency), a.t("threshold"), money(dm.Threshold, dm.Currency))
	ok := dm.Total >= dm.Threshold && dm.Total > 0
	state, col := a.t("below"), a.c.warn
	if ok {
		state, col = a.t("serious"), a.c.good
	}
	a.drawText(dst, ellipsize(label+" — "+state, a.fonts.bold, float64(r.Dx()-2*pad)), a.fonts.bold, a.c.text, float64(r.Min.X+pad), float64(r.Min.Y+a.u(8)))
	bar := image.Rect(r.Min.X+pad, r.Min.Y+a.u(8)+int(a.fonts.lineBody)+a.u(6), r.Max.X-pad, r.Max.Y-a.u(12))
	vector.FillRect(dst, float32(bar.Min.X), float32(bar.Min.Y), float32(bar.Dx()), float32(bar.Dy()), a.c.term, false)
	// The threshold sits at 40% of the bar, so that damages far above it fit.
	scaleMax := float64(dm.Threshold) * 2.5
	if float64(dm.Total) > scaleMax {
		scaleMax = float64(dm.Total)
	}
	if scaleMax <= 0 {
		scaleMax = 1
	}
	fw := float64(bar.Dx()) * float64(dm.Total) / scaleMax
	vector.FillRect(dst, float32(bar.Min.X), float32(bar.Min.Y), float32(fw), float32(bar.Dy()), col, false)
	tx := float32(float64(bar.Min.X) + float64(bar.Dx())*float64(dm.Threshold)/scaleMax)
	vector.FillRect(dst, tx-float32(a.u(2)), float32(bar.Min.Y-a.u(4)), float32(a.u(4)), float32(bar.Dy()+a.u(8)), a.c.text, false)
	vector.StrokeRect(dst, float32(bar.Min.X), float32(bar.Min.Y), float32(bar.Dx()), float32(bar.Dy()), 1, a.c.line, false)
}

package ui

import (
	"errors"
	"image"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"takedown/engine"
	"takedown/game"
)

// titleScene is the scenario picker. What it shows of each scenario (its
// title, summary, objectives, and whether a save exists) is loaded off the
// loop: the title scene never runs Lua or reads saves inside Update.
type titleScene struct {
	selected string
	folder   lineEdit
	opened   []string // scenario paths from folders the user opened
	info     map[string]*scenarioInfo
	asked    map[string]bool
	results  chan *scenarioInfo
	list     image.Rectangle
	detail   image.Rectangle
	input    image.Rectangle
	note     string
	// laid out by build
	head         image.Rectangle
	tagline      []string
	hint         []string
	hintAt       image.Point
	startH       int
	strip        profileStrip // the trainee's progress (profile_title.go)
	listScroll   scrollArea
	detailScroll scrollArea
}

// scenarioInfo is what the picker shows of a scenario.
type scenarioInfo struct {
	ref     string
	view    *game.View // the scenario's start, for its texts
	err     error
	saved   bool   // a save exists that can be resumed
	entries int    // commands in it
	problem string // why the save cannot be used, or that an older copy will be
}

func newTitleScene(a *App) *titleScene {
	return &titleScene{selected: a.defaultScenario(), info: map[string]*scenarioInfo{}, asked: map[string]bool{},
		results: make(chan *scenarioInfo, 64)}
}

func (t *titleScene) id() string { return SceneTitle }

// names lists what the picker offers.
func (t *titleScene) names(a *App) []string { return append(a.embedded(), t.opened...) }

// ask loads a scenario's summary in the background, once.
func (t *titleScene) ask(a *App, ref string) {
	if t.asked[ref] {
		return
	}
	t.asked[ref] = true
	store := a.opt.Store
	go func() { t.results <- loadInfo(a, store, ref) }()
}

// refresh forgets what is known of a scenario's save, to load it again.
func (t *titleScene) refresh(a *App, ref string) {
	delete(t.asked, ref)
	t.ask(a, ref)
}

// loadInfo compiles a scenario, starts it to read its texts, and looks at
// its save. It runs off the loop.
func loadInfo(a *App, store Store, ref string) *scenarioInfo {
	si := &scenarioInfo{ref: ref}
	p, err := engine.Open(a.cat, ref)
	if err != nil {
		si.err = err
		return si
	}
	s, err := p.NewSession(engine.Options{Seed: 1})
	if err != nil {
		si.err = err
		return si
	}
	si.view = s.View()
	s.Close()
	if store == nil {
		return si
	}
	data, warn, err := store.Read(saveName(si.view.Scenario.ID))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return si
	case err != nil:
		si.problem = err.Error()
		return si
	}
	if warn != nil {
		si.problem = warn.Error()
	}
	st, err := decodeSave(data)
	if err != nil {
		si.problem = err.Error()
		return si
	}
	si.saved, si.entries = true, strings.Count(string(st.log), "\n@")
	return si
}

// poll takes summaries loaded in the background; it reports whether any
// arrived.
func (t *titleScene) poll(a *App) bool {
	got := false
	for {
		select {
		case si := <-t.results:
			t.info[si.ref] = si
			got = true
			if a.scene == t {
				a.rebuild = true
			}
		default:
			return got
		}
	}
}

// wait blocks until every summary asked for has arrived.
func (t *titleScene) wait(a *App) {
	for _, n := range t.names(a) {
		t.ask(a, n)
	}
	for len(t.info) < len(t.asked) {
		si := <-t.results
		t.info[si.ref] = si
	}
	t.poll(a)
}

func (t *titleScene) build(a *App) {
	top := a.buildTopBar()
	pad := a.u(24)
	// The app's name and what it is.
	nameW := int(textWidth(a.t("app"), a.fonts.title))
	roomW, roomH := a.roomButtonsSize(a.w - 2*pad - nameW - a.u(24)) // the workshop room's (room_title.go)
	t.tagline = wrapText(a.t("tagline"), a.fonts.head, float64(a.w-2*pad-nameW-a.u(24)-roomW))
	headH := max(int(a.fonts.lineTitle), int(float64(len(t.tagline))*a.fonts.lineHead), roomH)
	t.head = image.Rect(pad, top+a.u(12), a.w-pad, top+a.u(12)+headH)
	a.addRoomButtons(image.Rect(a.w-pad-roomW, t.head.Min.Y, a.w-pad, t.head.Max.Y))
	// The trainee's progress, then the footer: opening a folder or a
	// file, and the settings. The progress gives way to the list when
	// the window is short (profile_title.go).
	foot := t.buildFooter(a, pad)
	tag := image.Rect(t.head.Min.X+nameW+a.u(24), t.head.Min.Y, a.w-pad-roomW, t.head.Max.Y)
	stripEnd := t.buildProfile(a, pad, t.head.Max.Y+a.u(14), foot-a.u(18)-t.minList(a), tag)
	mid := image.Rect(pad, stripEnd+a.u(18), a.w-pad, foot-a.u(18))
	leftW := max(a.u(320), mid.Dx()*34/100)
	t.list = image.Rect(mid.Min.X, mid.Min.Y, mid.Min.X+leftW, mid.Max.Y)
	t.detail = image.Rect(t.list.Max.X+pad, mid.Min.Y, mid.Max.X, mid.Max.Y)
	// The scenarios, one button each, in a list that scrolls.
	listTop := t.list.Min.Y + int(a.fonts.lineHead) + a.u(10)
	box := image.Rect(t.list.Min.X, listTop, t.list.Max.X, t.list.Max.Y)
	a.register(&t.listScroll, box)
	t.listScroll.buttons = true
	cw := t.listScroll.content(a).Dx() - a.u(4)
	y := 0
	type item struct {
		name, label string
		r           image.Rectangle
	}
	var items []item
	if c := t.strip.inList; c != nil {
		// The window is short: continuing is the list's first button.
		n := len(wrapText(c.label, a.fonts.button, float64(cw-2*a.u(6))))
		bh := max(a.u(56), int(float64(n)*a.fonts.lineButton)+a.u(14))
		items = append(items, item{"", c.label, image.Rect(0, y, cw, y+bh)})
		y += bh + a.u(8)
	}
	// Each scenario says how long it plays and who the trainee plays,
	// unless the list is too short to show two of them so (the detail
	// panel says it of the one selected).
	meta := true
	for _, name := range t.names(a) {
		t.ask(a, name)
		n := len(wrapText(a.listLabel(name, t.info[name], true), a.fonts.button, float64(cw-2*a.u(6))))
		if 2*(int(float64(n)*a.fonts.lineButton)+a.u(14))+a.u(8) > box.Dy() {
			meta = false
		}
	}
	for _, name := range t.names(a) {
		label := a.listLabel(name, t.info[name], meta)
		n := len(wrapText(label, a.fonts.button, float64(cw-2*a.u(6))))
		bh := max(a.u(56), int(float64(n)*a.fonts.lineButton)+a.u(14))
		items = append(items, item{name, label, image.Rect(0, y, cw, y+bh)})
		y += bh + a.u(8)
	}
	t.listScroll.setMax(float64(y - a.u(8)))
	c := t.listScroll.content(a)
	off := image.Pt(c.Min.X, c.Min.Y-int(t.listScroll.skip()))
	for _, it := range items {
		r := it.r.Add(off)
		switch {
		case !r.In(c):
		case it.name == "":
			a.addButton("continue", it.label, r, bPrimary, t.strip.inList.effs...)
		case it.name == t.selected:
			a.addButton("scenario:"+it.name, it.label, r, bTabOn, effect{kind: effSelect, arg: it.name})
		default:
			a.addButton("scenario:"+it.name, it.label, r, bNormal, effect{kind: effSelect, arg: it.name})
		}
	}
	// Start and resume: with a save, Resume is the main button and a new
	// session asks first.
	t.startH = 0
	si := t.info[t.selected]
	if si == nil || si.view == nil {
		a.register(&t.detailScroll, inset(t.detail, a.u(20)))
		return
	}
	type startButton struct {
		key, label string
		kind       int
		e          effect
	}
	sel := t.selected
	var bs []startButton
	if si.saved {
		bs = append(bs, startButton{"resume", a.t("resume") + " (" + a.t("commands_n", game.Count("n", int64(si.entries))) + ")", bPrimary, effect{kind: effResume, arg: sel}})
		bs = append(bs, startButton{"start", a.t("new"), bNormal, confirm(question{title: a.t("confirm_new")}, effect{kind: effStart, arg: sel})})
	} else {
		bs = append(bs, startButton{"start", a.t("new"), bPrimary, effect{kind: effStart, arg: sel}})
	}
	var labels []string
	for _, b := range bs {
		labels = append(labels, "  "+b.label+"  ")
	}
	inner := inset(t.detail, a.u(20))
	bh := a.u(60)
	h := a.flowHeight(inner.Dx(), labels, bh)
	rects := a.flow(image.Rect(inner.Min.X, inner.Max.Y-h, inner.Max.X, inner.Max.Y), labels, bh)
	for i, b := range bs {
		a.addButton(b.key, b.label, rects[i], b.kind, b.e)
	}
	t.startH = h + a.u(16)
	a.register(&t.detailScroll, image.Rect(inner.Min.X, inner.Min.Y, inner.Max.X, inner.Max.Y-t.startH))
}

// buildFooter lays out the folder field, its button and the settings at
// the bottom of the scene, and returns the footer's top edge.
func (t *titleScene) buildFooter(a *App, pad int) int {
	bh := a.u(52)
	reason := a.t("settings.open") // the reason setting is in the settings scene
	width := a.w - 2*pad
	// The settings take their own row when the folder's part would be
	// too narrow beside them.
	setLabels := []string{reason}
	setW := 0
	for _, l := range setLabels {
		setW += a.buttonWidth(l) + a.u(8)
	}
	folderW := width - setW - a.u(24)
	stacked := folderW < a.u(620)
	if stacked {
		folderW = width
	}
	openW := a.buttonWidth(a.t("open.button"))
	t.hint = wrapText(t.folderHint(a), a.fonts.small, float64(folderW))
	hintH := int(float64(len(t.hint)) * a.fonts.lineSmall)
	folderH := hintH + a.u(6) + bh
	setH := a.flowHeight(width, setLabels, bh)
	bottom := a.h - pad
	if stacked {
		r := a.flow(image.Rect(pad, bottom-setH, a.w-pad, bottom), setLabels, bh)
		a.addButton("settings", reason, r[0], bQuiet, goTo(SceneSettings))
		bottom -= setH + a.u(12)
	} else {
		w := a.buttonWidth(reason)
		a.addButton("settings", reason, image.Rect(a.w-pad-w, bottom-bh, a.w-pad, bottom), bQuiet, goTo(SceneSettings))
	}
	t.hintAt = image.Pt(pad, bottom-folderH)
	t.input = image.Rect(pad, bottom-bh, pad+folderW-openW-a.u(12), bottom)
	a.addButton("open_folder", a.t("open.button"), image.Rect(t.input.Max.X+a.u(12), bottom-bh, t.input.Max.X+a.u(12)+openW, bottom), bNormal, effect{kind: effOpenFolder})
	return bottom - folderH
}

// folderHint is the line above the folder field: what to type, or what
// went wrong with the last folder.
func (t *titleScene) folderHint(a *App) string {
	if t.note != "" {
		return t.note
	}
	return a.t("open.hint")
}

// openFolder adds the scenarios in the typed folder to the list.
func (t *titleScene) openFolder(a *App) {
	dir := strings.TrimSpace(t.folder.String())
	if dir == "" {
		t.note = a.t("open.hint")
		return
	}
	if t.openPath(a, dir) {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.note = err.Error()
		return
	}
	var found []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".lua") {
			found = append(found, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(found)
	if len(found) == 0 {
		t.note = a.t("no_lua", game.Str("dir", dir))
		return
	}
	t.note = ""
	for _, f := range found {
		if !slices.Contains(t.opened, f) {
			t.opened = append(t.opened, f)
		}
	}
	t.selected = found[0]
}

func (t *titleScene) update(a *App) []effect {
	changed, enter := t.folder.edit(&a.in, nil)
	if changed {
		a.dirty = max(a.dirty, 2)
	}
	if enter && a.ui.GetFocusedWidget() == nil {
		t.openFolder(a)
		return []effect{rebuild()}
	}
	return nil
}

func (t *titleScene) paint(a *App, dst *ebiten.Image) {
	a.paintTopBar(dst)
	pad := a.u(24)
	a.drawText(dst, a.t("app"), a.fonts.title, a.c.accent, float64(t.head.Min.X), float64(t.head.Min.Y)+(a.fonts.lineTitle-textHeight(a.fonts.title))/2)
	x := float64(t.head.Min.X) + textWidth(a.t("app"), a.fonts.title) + float64(a.u(24))
	y := float64(t.head.Min.Y) + (float64(t.head.Dy())-float64(len(t.tagline))*a.fonts.lineHead)/2
	for _, l := range t.tagline {
		a.drawText(dst, l, a.fonts.head, a.c.text, x, y+(a.fonts.lineHead-textHeight(a.fonts.head))/2)
		y += a.fonts.lineHead
	}
	t.paintProfile(a, dst)
	a.drawText(dst, a.t("scenarios"), a.fonts.head, a.c.accent, float64(t.list.Min.X), float64(t.list.Min.Y))
	a.paintScrollbar(dst, &t.listScroll)
	hy := float64(t.hintAt.Y)
	for _, l := range t.hint {
		a.drawText(dst, l, a.fonts.small, a.c.dim, float64(t.hintAt.X), hy+(a.fonts.lineSmall-textHeight(a.fonts.small))/2)
		hy += a.fonts.lineSmall
	}
	a.drawPanel(dst, t.detail, a.c.panel)
	var d doc
	switch si := t.info[t.selected]; {
	case si == nil:
		d = append(d, para{st: stDim, text: a.t("loading")})
	case si.view == nil:
		d = append(d, para{st: stBad, text: a.t("load_error")})
		d = append(d, para{st: stMono, text: a.p.Err(si.err)})
	default:
		sv := si.view.Scenario
		d = append(d, para{st: stTitle, text: a.p.Text(sv.Title)})
		d = append(d, para{st: stLarge, text: a.p.Text(sv.Summary), gap: 6})
		var langs []string
		for _, l := range sv.Langs {
			langs = append(langs, strings.ToUpper(string(l)))
		}
		d = append(d, para{st: stBold, text: a.t("duration") + ": " + a.p.Span(sv.Duration), gap: 14})
		d = append(d, para{st: stBold, text: a.t("you_play") + ": " + a.p.Text(si.view.Name(sv.Unit))})
		d = append(d, para{st: stBold, text: a.t("languages") + ": " + strings.Join(langs, ", ")})
		d.head(a.t("objectives"))
		for _, o := range sv.Goals {
			d = append(d, para{st: stBody, text: "• " + a.p.Text(o.Text), indent: 10})
		}
		d = append(d, a.progressDoc(a.profileOf(t.selected, si))...)
		d = append(d, t.strip.inDoc...) // the progress strip, when the window is short
		if si.problem != "" {
			d.head(a.t("save_warn"))
			d = append(d, para{st: stBad, text: si.problem})
		}
	}
	_ = pad
	a.paintDoc(dst, &t.detailScroll, d)
}

// drawLive draws the folder path being typed.
func (t *titleScene) drawLive(a *App, screen *ebiten.Image) {
	a.drawLineEdit(screen, t.input, &t.folder, "")
}

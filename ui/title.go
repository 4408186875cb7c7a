package ui

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/game"
)

// titleState is the scenario picker's state.
type titleState struct {
	selected string
	folder   lineEdit
	opened   []string // scenario paths from folders the user opened
	info     map[string]*scenarioInfo
	list     image.Rectangle
	detail   image.Rectangle
	input    image.Rectangle
	note     string
	// saveProblem says why the selected scenario's save is damaged.
	saveProblem string
}

// scenarioInfo is what the picker shows of a scenario.
type scenarioInfo struct {
	sc  *game.Scenario
	err error
}

func (a *App) scenarioInfo(name string) *scenarioInfo {
	if a.title.info == nil {
		a.title.info = map[string]*scenarioInfo{}
	}
	if si, ok := a.title.info[name]; ok {
		return si
	}
	_, sc, script, err := loadScenario(name)
	si := &scenarioInfo{sc: sc, err: err}
	if script != nil {
		script.Close()
	}
	a.title.info[name] = si
	return si
}

func (a *App) scenarioNames() []string {
	return append(a.embedded(), a.title.opened...)
}

func (a *App) buildTitle() {
	t := &a.title
	pad := a.u(24)
	head := a.u(150)
	a.buildTopBar(image.Rect(0, 0, a.w, a.u(64)))
	leftW := a.w * 34 / 100
	t.list = image.Rect(pad, head, leftW, a.h-pad-a.u(170))
	t.detail = image.Rect(leftW+pad, head, a.w-pad, a.h-pad)
	bh := a.u(56)
	y := t.list.Min.Y + int(a.fonts.lineHead) + a.u(10)
	for _, name := range a.scenarioNames() {
		label := name
		if si := a.scenarioInfo(name); si.sc != nil {
			label = si.sc.Title.In(a.lang)
		} else {
			label = filepath.Base(name) + " ✗"
		}
		kind := bNormal
		if name == t.selected {
			kind = bTabOn
		}
		if y+bh > t.list.Max.Y {
			break
		}
		name := name
		a.addButton("scenario:"+name, label, image.Rect(t.list.Min.X, y, t.list.Max.X, y+bh), kind, func() {
			a.title.selected = name
			a.rebuild = true
		})
		y += bh + a.u(8)
	}
	// Folder opening.
	t.input = image.Rect(pad, a.h-pad-a.u(110), leftW, a.h-pad-a.u(60))
	a.addButton("open_folder", a.t("open_folder"), image.Rect(pad, a.h-pad-a.u(52), pad+a.buttonWidth(a.t("open_folder")), a.h-pad), bNormal, a.openFolder)
	// Start and resume.
	si := a.scenarioInfo(t.selected)
	if si.sc == nil {
		return
	}
	by := t.detail.Max.Y - a.u(70)
	x := t.detail.Min.X + a.u(20)
	w := a.buttonWidth(a.t("new")) + a.u(40)
	sel := t.selected
	a.addButton("start", a.t("new"), image.Rect(x, by, x+w, by+a.u(60)), bPrimary, func() { a.startNew(sel) })
	info, ok, problem := a.savedInfo(si.sc.ID)
	t.saveProblem = problem
	if ok {
		label := a.t("resume") + " (" + info + ")"
		x += w + a.u(16)
		a.addButton("resume", label, image.Rect(x, by, x+a.buttonWidth(label)+a.u(20), by+a.u(60)), bNormal, func() {
			if a.resume(sel, false) {
				a.save()
			}
		})
	}
}

// openFolder adds the scenarios in the typed folder to the list.
func (a *App) openFolder() {
	t := &a.title
	dir := strings.TrimSpace(t.folder.String())
	if dir == "" {
		t.note = a.t("folder_hint")
		a.rebuild = true
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.note = err.Error()
		a.rebuild = true
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
		t.note = game.Tf("no .lua scenarios in %s", "в %s нет сценариев .lua", dir).In(a.lang)
	} else {
		t.note = ""
		for _, f := range found {
			if !slices.Contains(t.opened, f) {
				t.opened = append(t.opened, f)
			}
		}
		t.selected = found[0]
	}
	a.rebuild = true
}

func (a *App) updateTitle() {
	changed, enter := a.title.folder.edit(&a.in, nil)
	if changed {
		a.dirty = max(a.dirty, 2)
	}
	if enter && a.ui.GetFocusedWidget() == nil {
		a.openFolder()
	}
}

func (a *App) paintTitle(dst *ebiten.Image) {
	t := &a.title
	a.paintTopBar(dst, image.Rect(0, 0, a.w, a.u(64)))
	pad := a.u(24)
	a.drawText(dst, a.t("app"), a.fonts.title, a.c.accent, float64(pad), float64(a.u(72)))
	tw := textWidth(a.t("app"), a.fonts.title)
	a.drawText(dst, ellipsize(a.t("tagline"), a.fonts.head, float64(a.w-3*pad)-tw), a.fonts.head, a.c.text, float64(pad)+tw+float64(a.u(24)), float64(a.u(86)))
	a.drawText(dst, a.t("scenarios"), a.fonts.head, a.c.accent, float64(t.list.Min.X), float64(t.list.Min.Y))
	// Folder hint.
	hint := a.t("folder_hint")
	if t.note != "" {
		hint = t.note
	}
	a.drawText(dst, ellipsize(hint, a.fonts.small, float64(t.input.Dx())), a.fonts.small, a.c.dim, float64(t.input.Min.X), float64(t.input.Min.Y)-a.fonts.lineSmall-float64(a.u(4)))
	// Details.
	a.drawPanel(dst, t.detail, a.c.panel)
	si := a.scenarioInfo(t.selected)
	var d doc
	if si.sc == nil {
		d = append(d, para{st: stBad, text: a.t("load_error")})
		if si.err != nil {
			d = append(d, para{st: stMono, text: si.err.Error()})
		}
	} else {
		sc := si.sc
		d = append(d, para{st: stTitle, text: sc.Title.In(a.lang)})
		d = append(d, para{st: stLarge, text: sc.Summary.In(a.lang), gap: 6})
		var langs []string
		for _, l := range sc.Langs {
			langs = append(langs, strings.ToUpper(string(l)))
		}
		d = append(d, para{st: stBold, text: fmt.Sprintf("%s: %s    %s: %s", a.t("duration"), sc.Duration, a.t("languages"), strings.Join(langs, ", ")), gap: 14})
		d.head(a.t("objectives"))
		for _, o := range sc.Objectives {
			d = append(d, para{st: stBody, text: "• " + o.Text.In(a.lang), indent: 10})
		}
		if t.saveProblem != "" {
			d.head(a.t("save_warn"))
			d = append(d, para{st: stBad, text: t.saveProblem})
		}
	}
	body := image.Rect(t.detail.Min.X, t.detail.Min.Y, t.detail.Max.X, t.detail.Max.Y-a.u(80))
	ls := a.wrap(d, float64(body.Dx()-2*a.u(20)))
	a.drawLines(dst.SubImage(body).(*ebiten.Image), ls, float64(body.Min.X+a.u(20)), float64(body.Min.Y+a.u(16)), 0)
}

// drawTitleInput draws the folder path being typed.
func (a *App) drawTitleInput(screen *ebiten.Image) {
	r := a.title.input
	a.drawPanel(screen, r, a.c.term)
	e := &a.title.folder
	x := float64(r.Min.X + a.u(10))
	y := float64(r.Min.Y) + (float64(r.Dy())-a.fonts.lineMono)/2
	s := string(e.text)
	for textWidth(s, a.fonts.mono) > float64(r.Dx()-a.u(24)) && len(s) > 0 {
		_, n := firstRune(s)
		s = s[n:]
	}
	a.drawText(screen, s, a.fonts.mono, a.c.text, x, y)
	cx := x + text.Advance(string(e.text[:e.cur]), a.fonts.mono) - (textWidth(string(e.text), a.fonts.mono) - textWidth(s, a.fonts.mono))
	if a.ui.GetFocusedWidget() == nil {
		vector.FillRect(screen, float32(cx), float32(y), float32(max(2, a.u(3))), float32(a.fonts.lineMono), a.c.accent, false)
	}
}

package ui

import (
	"image"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"takedown/game"
)

// profileStrip is the title scene's line about the trainee's progress:
// what is completed, the lessons met, the records waiting, and the button
// that continues where the trainee left off.
type profileStrip struct {
	lines []string
	warn  []bool
	at    image.Point
	// When the window is too short for the strip, its text goes to the
	// top of the detail panel, and the continue button takes the
	// tagline's place in the head or, failing that, the list's top.
	inDoc  []para
	inList *continueButton
}

// continueButton is the button that continues where the trainee left
// off, when it is the first entry of the scenario list.
type continueButton struct {
	label string
	effs  []effect
}

// minList is the least height the scenario list needs below the
// progress strip: its header and two scenarios of two lines. Below that
// the strip gives way; above it, the list may drop how long each
// scenario plays and who the trainee plays (title.go), which the detail
// panel says of the one selected.
func (t *titleScene) minList(a *App) int {
	return int(a.fonts.lineHead) + a.u(10) + 2*(int(2*a.fonts.lineButton)+a.u(14)+a.u(8))
}

// buildProfile lays out the progress strip below the scene's head, from
// top, and returns its bottom edge (top when there is nothing to say).
// When the strip would reach below limit it is not drawn: its text goes
// into the detail panel, and the continue button into tag (the tagline's
// place in the head) when it fits there, else to the list's top.
func (t *titleScene) buildProfile(a *App, pad, top, limit int, tag image.Rectangle) int {
	a.askProfile()
	t.strip = profileStrip{}
	p := a.profile.cur
	var texts []string
	var warns []bool
	if p != nil && len(p.entries) > 0 {
		total, lessons := 0, 0
		for _, n := range t.names(a) {
			total++
			if si := t.info[n]; si != nil && si.view != nil {
				lessons += len(si.view.Lessons)
			}
		}
		// Scenarios played from disk and not listed now still count.
		for _, e := range p.entries {
			if !t.listed(a, e) {
				total++
				lessons += e.declared
			}
		}
		texts = append(texts, a.t("profile.summary", game.Num("done", int64(p.completed())), game.Num("of", int64(total)),
			game.Num("met", int64(p.lessonsMet())), game.Num("lessons", int64(max(lessons, p.lessonsMet())))))
		warns = append(warns, false)
	}
	if l, warn := a.recordsLine(); l != "" {
		texts = append(texts, a.t("records.head")+": "+l)
		warns = append(warns, warn)
	}
	rec := p.recent()
	if len(texts) == 0 && rec == nil {
		return top
	}
	width := a.w - 2*pad
	label := ""
	bw, bh := 0, a.u(56)
	if rec != nil {
		label = a.t("profile.continue", game.Txt("title", rec.title), game.Num("day", int64(rec.day)))
		bw = min(a.buttonWidth(label), width)
	}
	textW := width - bw - a.u(20)
	beside := textW >= a.u(480)
	if !beside {
		textW = width
	}
	for i, s := range texts {
		for _, l := range wrapText(s, a.fonts.body, float64(textW)) {
			t.strip.lines = append(t.strip.lines, l)
			t.strip.warn = append(t.strip.warn, warns[i])
		}
	}
	textH := int(float64(len(t.strip.lines)) * a.fonts.lineBody)
	if rec != nil {
		maxW := width
		if beside {
			maxW = min(bw, width-a.u(500))
		}
		n := len(wrapText(label, a.fonts.button, float64(maxW-2*a.u(14))))
		bh = max(bh, int(float64(n)*a.fonts.lineButton)+a.u(16))
		bw = min(bw, maxW)
	}
	var effs []effect
	if rec != nil {
		effs = []effect{{kind: effResume, arg: rec.ref}, {kind: effSelect, arg: rec.ref}}
	}
	h := textH
	var btn image.Rectangle
	switch {
	case rec == nil:
	case beside:
		h = max(textH, bh)
		btn = image.Rect(a.w-pad-bw, top+(h-bh)/2, a.w-pad, top+(h-bh)/2+bh)
	default:
		btn = image.Rect(pad, top+textH+a.u(8), pad+bw, top+textH+a.u(8)+bh)
		h = textH + a.u(8) + bh
	}
	if top+h > limit {
		return t.compactProfile(a, top, tag, texts, warns, label, effs)
	}
	t.strip.at = image.Pt(pad, top+(h-textH)/2)
	if !beside {
		t.strip.at.Y = top
	}
	if rec != nil {
		a.addButton("continue", label, btn, bPrimary, effs...)
	}
	return top + h
}

// compactProfile places what the strip would say when the window is too
// short for it, and returns top: the strip takes no height.
func (t *titleScene) compactProfile(a *App, top int, tag image.Rectangle, texts []string, warns []bool, label string, effs []effect) int {
	for i, s := range texts {
		st := stBody
		if warns[i] {
			st = stWarn
		}
		t.strip.inDoc = append(t.strip.inDoc, para{st: st, text: s})
	}
	t.strip.lines, t.strip.warn = nil, nil
	if label == "" {
		return top
	}
	inner := tag.Dx() - 2*a.u(14)
	n := len(wrapText(label, a.fonts.button, float64(inner)))
	bh := max(a.u(56), int(float64(n)*a.fonts.lineButton)+a.u(16))
	if inner >= a.u(240) && bh <= tag.Dy() {
		bw := min(tag.Dx(), a.buttonWidth(label))
		y := tag.Min.Y + (tag.Dy()-bh)/2
		a.addButton("continue", label, image.Rect(tag.Min.X, y, tag.Min.X+bw, y+bh), bPrimary, effs...)
		t.tagline = nil
		return top
	}
	t.strip.inList = &continueButton{label: label, effs: effs}
	return top
}

// listed reports whether a profile entry's scenario is in the picker.
func (t *titleScene) listed(a *App, e *profileEntry) bool {
	for _, n := range t.names(a) {
		if n == e.ref {
			return true
		}
		if si := t.info[n]; si != nil && si.view != nil && si.view.Scenario.ID == e.id {
			return true
		}
	}
	return false
}

// paintProfile draws the progress strip's text.
func (t *titleScene) paintProfile(a *App, dst *ebiten.Image) {
	y := float64(t.strip.at.Y)
	for i, l := range t.strip.lines {
		col := a.c.dim
		if t.strip.warn[i] {
			col = a.c.warn
		}
		a.drawText(dst, l, a.fonts.body, col, float64(t.strip.at.X), y+(a.fonts.lineBody-textHeight(a.fonts.body))/2)
		y += a.fonts.lineBody
	}
}

// profileOf is the profile's entry for a scenario of the picker.
func (a *App) profileOf(ref string, si *scenarioInfo) *profileEntry {
	p := a.profile.cur
	if p == nil {
		return nil
	}
	if si != nil && si.view != nil {
		if e := p.entries[si.view.Scenario.ID]; e != nil {
			return e
		}
	}
	return p.byRef[ref]
}

// profileLabel is a scenario's label in the picker with where it stands.
func (a *App) profileLabel(label string, e *profileEntry) string {
	switch {
	case e == nil:
		return label
	case e.state == stateGoing:
		return label + " · " + a.t("profile.short_going", game.Num("day", int64(e.day)))
	case e.state == stateEnded:
		return label + " · " + a.t("profile.short_ended", game.Num("score", int64(e.last.score)))
	case e.best != nil:
		return label + " · " + a.t("profile.short_ended", game.Num("score", int64(e.best.score)))
	}
	return label
}

// progressDoc is what the detail panel says of the trainee's progress in
// a scenario: where its session stands, the best result and the lessons.
func (a *App) progressDoc(e *profileEntry) doc {
	var d doc
	d.head(a.t("profile.head"))
	switch {
	case e == nil || e.state == stateNone:
		d = append(d, para{st: stDim, text: a.t("profile.not_started")})
	case e.state == stateGoing:
		d = append(d, para{st: stBody, text: a.t("profile.going", game.Num("day", int64(e.day)), game.Count("n", int64(e.commands)))})
	default:
		d = append(d, para{st: resultStyle(e.last.result), text: a.t("profile.ended", game.Txt("title", e.last.title), game.Num("score", int64(e.last.score)))})
	}
	if e == nil {
		return d
	}
	if e.best != nil {
		d = append(d, para{st: stBold, text: a.t("profile.best", game.Txt("title", e.best.title), game.Num("score", int64(e.best.score)))})
	}
	if len(e.order) > 0 {
		met := 0
		for _, id := range e.order {
			if e.lessons[id] {
				met++
			}
		}
		d = append(d, para{st: stBold, text: a.t("profile.lessons", game.Num("met", int64(met)), game.Num("of", int64(len(e.order)))), gap: 6})
		for _, id := range e.order {
			mark, st := "✗ ", stDim
			if e.lessons[id] {
				mark, st = "✓ ", stGood
			}
			d = append(d, para{st: st, text: mark + a.p.Text(e.texts[id]), indent: 10})
		}
	}
	return d
}

// openPath opens what the title scene's field names when it is a file: a
// scenario (.lua) joins the picker; a report, a log or a save is replayed
// read-only. It reports false for a folder.
func (t *titleScene) openPath(a *App, path string) bool {
	st, err := os.Stat(path)
	if err != nil || st.IsDir() {
		return false
	}
	switch {
	case strings.EqualFold(filepath.Ext(path), ".lua"):
		t.note = ""
		if !slices.Contains(t.opened, path) {
			t.opened = append(t.opened, path)
		}
		t.selected = path
	default:
		t.note = ""
		a.openReplay(path)
	}
	return true
}

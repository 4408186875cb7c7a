package ui

import (
	"fmt"
	"image"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/game"
)

// sceneFrame is the common frame of the full-page scenes: top bar, a
// scrolling body and a row of buttons at the bottom.
func (a *App) sceneFrame() (body, buttons image.Rectangle) {
	pad := a.u(24)
	top := a.u(64) + pad
	bh := a.u(60)
	buttons = image.Rect(pad, a.h-pad-bh, a.w-pad, a.h-pad)
	body = image.Rect(pad, top, a.w-pad, buttons.Min.Y-pad)
	return body, buttons
}

// paintScrollingDoc draws a document in r with the scene's scroll.
func (a *App) paintScrollingDoc(dst *ebiten.Image, r image.Rectangle, d doc) {
	pad := a.u(20)
	ls := a.wrap(d, float64(r.Dx()-2*pad))
	a.maxScroll = max(0, linesHeight(ls)-float64(r.Dy()-2*pad))
	a.scroll = min(a.scroll, a.maxScroll)
	a.drawLines(dst.SubImage(r).(*ebiten.Image), ls, float64(r.Min.X+pad), float64(r.Min.Y+pad), a.scroll)
	a.scrollMark(dst, r, a.scroll, a.maxScroll, false)
}

func (a *App) buildBriefing() {
	a.buildTopBar(image.Rect(0, 0, a.w, a.u(64)))
	_, br := a.sceneFrame()
	w := a.buttonWidth(a.t("to_desk")) + a.u(40)
	a.addButton("to_desk", a.t("to_desk"), image.Rect(br.Max.X-w, br.Min.Y, br.Max.X, br.Max.Y), bPrimary, func() { a.goTo(SceneDesk) })
}

func (a *App) paintBriefing(dst *ebiten.Image) {
	a.paintTopBar(dst, image.Rect(0, 0, a.w, a.u(64)))
	body, _ := a.sceneFrame()
	sc := a.m.sc
	split := body.Min.X + body.Dx()*62/100
	left := image.Rect(body.Min.X, body.Min.Y, split-a.u(12), body.Max.Y)
	right := image.Rect(split+a.u(12), body.Min.Y, body.Max.X, body.Max.Y)
	a.drawPanel(dst, left, a.c.panel)
	a.drawPanel(dst, right, a.c.panel)
	var d doc
	d = append(d, para{st: stTitle, text: sc.Title.In(a.lang)})
	d.head(a.t("briefing"))
	for _, p := range strings.Split(sc.Briefing.In(a.lang), "\n\n") {
		d = append(d, para{st: stLarge, text: strings.ReplaceAll(p, "\n", " "), gap: 10})
	}
	a.paintScrollingDoc(dst, left, d)
	cal := a.m.s.Calendar()
	var r doc
	r.head(a.t("you_play"))
	r.add(stBold, a.m.name(sc.Unit, a.lang))
	if u := sc.Entity(sc.Unit); u != nil {
		r.add(stDim, kindName(u, a.lang)+" · "+a.m.jurName(u.Jurisdiction, a.lang))
	}
	r.add(stBody, a.t("officer")+": "+sc.Officer)
	r.head(a.t("clock"))
	r.add(stBody, a.t("starts")+": "+cal.Format(0))
	r.add(stBody, a.t("deadline")+": "+cal.Date(sc.Deadline))
	if sc.Duration != "" {
		r.add(stBody, a.t("duration")+": "+sc.Duration)
	}
	r.head(a.t("objectives"))
	for _, o := range sc.Objectives {
		r = append(r, para{st: stBody, text: "• " + o.Text.In(a.lang), indent: 6})
	}
	pad := a.u(20)
	ls := a.wrap(r, float64(right.Dx()-2*pad))
	a.drawLines(dst.SubImage(right).(*ebiten.Image), ls, float64(right.Min.X+pad), float64(right.Min.Y+pad), 0)
}

func (a *App) buildHandoff() {
	a.buildTopBar(image.Rect(0, 0, a.w, a.u(64)))
	_, br := a.sceneFrame()
	w := a.buttonWidth(a.t("back")) + a.u(30)
	a.addButton("back", a.t("back"), image.Rect(br.Min.X, br.Min.Y, br.Min.X+w, br.Max.Y), bNormal, func() { a.goTo(SceneDesk) })
	s := a.m.s
	if s.CaseOpen() || s.HandoffPending() || s.Ended() {
		return
	}
	home := a.m.sc.HomeLaw()
	x := br.Max.X
	for _, e := range s.KnownEntities() {
		if e.Kind != game.KindUnit || e.ID == a.m.sc.Unit || home == nil || !home.Can(e.Role, "open_case") {
			continue
		}
		label := a.t("send_to") + " " + a.m.name(e.ID, a.lang)
		bw := a.buttonWidth(label) + a.u(30)
		line := game.Command{Verb: "handoff", Args: []string{e.ID}}.String()
		kind := bPrimary
		if len(s.Missing()) > 0 {
			kind = bNormal
		}
		a.addButton("cmd:"+line, label, image.Rect(x-bw, br.Min.Y, x, br.Max.Y), kind, func() {
			a.run(line)
			a.goTo(SceneDesk)
		})
		x -= bw + a.u(12)
	}
}

func (a *App) paintHandoff(dst *ebiten.Image) {
	a.paintTopBar(dst, image.Rect(0, 0, a.w, a.u(64)))
	body, _ := a.sceneFrame()
	s := a.m.s
	split := body.Min.X + body.Dx()/2
	left := image.Rect(body.Min.X, body.Min.Y, split-a.u(12), body.Max.Y)
	right := image.Rect(split+a.u(12), body.Min.Y, body.Max.X, body.Max.Y)
	a.drawPanel(dst, left, a.c.panel)
	a.drawPanel(dst, right, a.c.panel)
	var d doc
	d = append(d, para{st: stTitle, text: a.t("handoff_title")})
	d.add(stBody, a.t("handoff_intro"))
	switch {
	case s.CaseOpen():
		d = append(d, para{st: stGood, text: "✓ " + a.t("case_open"), gap: 10})
	case s.HandoffPending():
		d = append(d, para{st: stWarn, text: a.t("already_sent"), gap: 10})
	}
	d.head(a.t("missing"))
	miss := s.Missing()
	if len(miss) == 0 {
		d = append(d, para{st: stGood, text: "✓ " + a.t("nothing_missing")})
	}
	for _, m := range miss {
		d = append(d, para{st: stBad, text: "✗ " + m.In(a.lang), indent: 6})
	}
	d.head(a.t("suspects"))
	sus := s.Suspects()
	if len(sus) == 0 {
		d = append(d, para{st: stDim, text: a.t("none"), indent: 6})
	}
	for _, p := range sus {
		d = append(d, para{st: stBody, text: "• " + a.m.name(p, a.lang), indent: 6})
	}
	dm := s.Damages()
	d.head(a.t("damages"))
	st := stWarn
	if dm.Total >= dm.Threshold && dm.Total > 0 {
		st = stGood
	}
	d = append(d, para{st: st, text: fmt.Sprintf("%s / %s %s", money(dm.Total, dm.Currency), a.t("threshold"), money(dm.Threshold, dm.Currency)), indent: 6})
	a.paintScrollingDoc(dst, left, d)
	var r doc
	r.head(a.t("package_items"))
	if len(s.Evidence()) == 0 {
		r.add(stDim, a.t("case_empty"))
	}
	for _, e := range s.Evidence() {
		if e.Admissible {
			r = append(r, para{st: stGood, text: "✓ " + e.Num + "  " + e.Title.In(a.lang)})
		} else {
			r = append(r, para{st: stBad, text: "✗ " + e.Num + "  " + e.Title.In(a.lang) + " — " + a.t("intel_only")})
		}
	}
	pad := a.u(20)
	ls := a.wrap(r, float64(right.Dx()-2*pad))
	a.drawLines(dst.SubImage(right).(*ebiten.Image), ls, float64(right.Min.X+pad), float64(right.Min.Y+pad), 0)
}

func (a *App) buildOverlay() {
	r := a.overlayRect()
	label := a.t("dismiss")
	w := a.buttonWidth(label) + a.u(40)
	a.addButton("dismiss", label, image.Rect(r.Max.X-w-a.u(20), r.Max.Y-a.u(80), r.Max.X-a.u(20), r.Max.Y-a.u(20)), bPrimary, a.dismissOverlay)
}

// overlayDoc is the overlay's text.
func (a *App) overlayDoc() doc {
	o := a.overlay
	var d doc
	d = append(d, para{st: stHead, text: "⚠ " + o.title})
	for _, l := range o.lines {
		d = append(d, para{st: stMono, text: l, gap: 6})
	}
	if o.note != "" {
		d = append(d, para{st: stBody, text: o.note, gap: 16})
	}
	return d
}

// overlayRect is a panel as tall as its text, centred.
func (a *App) overlayRect() image.Rectangle {
	mx := a.w / 10
	pad := a.u(24)
	h := int(linesHeight(a.wrap(a.overlayDoc(), float64(a.w-2*mx-2*pad)))) + 2*pad + a.u(90)
	h = min(h, a.h-2*a.u(40))
	y := (a.h - h) / 2
	return image.Rect(mx, y, a.w-mx, y+h)
}

func (a *App) paintOverlay(dst *ebiten.Image) {
	vector.FillRect(dst, 0, 0, float32(a.w), float32(a.h), colorAlpha(a.c.bg, 0xd8), false)
	o := a.overlay
	r := a.overlayRect()
	a.drawPanel(dst, r, a.c.panel)
	edge := a.c.accent
	if o.bad {
		edge = a.c.bad
	}
	vector.StrokeRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), float32(a.u(5)), edge, false)
	body := image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Max.Y-a.u(90))
	pad := a.u(24)
	ls := a.wrap(a.overlayDoc(), float64(body.Dx()-2*pad))
	a.drawLines(dst.SubImage(body).(*ebiten.Image), ls, float64(body.Min.X+pad), float64(body.Min.Y+pad), 0)
}

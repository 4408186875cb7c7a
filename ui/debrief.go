package ui

import (
	"image"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"

	"takedown/game"
)

// The debrief's pages, in the order a projector steps through them.
const (
	pageOutcome   = "outcome"
	pageTimeline  = "timeline"
	pageDecisions = "decisions"
	pageEvidence  = "evidence"
	pageLessons   = "lessons"
	pageCauses    = "causes"
)

// debriefPages lists the debrief's pages in order.
func debriefPages() []string {
	return []string{pageOutcome, pageTimeline, pageDecisions, pageEvidence, pageLessons, pageCauses}
}

func isPage(p string) bool { return slices.Contains(debriefPages(), p) }

// debriefScene is what the trainee learns at the end, one page at a time:
// the outcome and score, the timeline, the key decisions with what else
// could have happened, the evidence, the objectives and lessons, and the
// causes. Each panel of a page scrolls on its own.
type debriefScene struct {
	page        string
	scrolls     map[string]*[2]scrollArea
	left, right image.Rectangle
	tl          timelineLayout
	heading     []string // the page's name, when there is no room for tabs
	headAt      image.Point
}

func (d *debriefScene) id() string { return SceneDebrief }

// panels are the scroll areas of the page shown.
func (d *debriefScene) panels() *[2]scrollArea {
	if d.scrolls == nil {
		d.scrolls = map[string]*[2]scrollArea{}
	}
	p := d.scrolls[d.page]
	if p == nil {
		p = &[2]scrollArea{}
		d.scrolls[d.page] = p
	}
	return p
}

// show moves to a page.
func (d *debriefScene) show(a *App, page string) {
	if isPage(page) {
		d.page = page
		a.rebuild = true
	}
}

// step returns the page n steps from the one shown, or "".
func (d *debriefScene) step(n int) string { return stepPage(debriefPages(), d.page, n) }

// stepPage returns the page n steps from cur in pages, or "" past either
// end.
func stepPage(pages []string, cur string, n int) string {
	i := slices.Index(pages, cur) + n
	if i < 0 || i >= len(pages) {
		return ""
	}
	return pages[i]
}

func (d *debriefScene) update(a *App) []effect {
	var out []effect
	if a.in.has(ebiten.KeyArrowRight) {
		if p := d.step(1); p != "" {
			out = append(out, effect{kind: effPage, arg: p})
		}
	}
	if a.in.has(ebiten.KeyArrowLeft) {
		if p := d.step(-1); p != "" {
			out = append(out, effect{kind: effPage, arg: p})
		}
	}
	if d.page == pageTimeline {
		return append(out, a.pageKeys(&d.tl.list, false)...)
	}
	return append(out, a.pageKeys(&d.panels()[0], false)...)
}

func (d *debriefScene) build(a *App) {
	if !isPage(d.page) {
		d.page = pageOutcome
	}
	bs := []pageButton{
		{key: "back", label: a.t("back"), kind: bNormal, e: goTo(SceneDesk)},
	}
	if a.m.view.Debrief != nil {
		// The after-action report, written into the save folder (report.go).
		label := a.t("report.save")
		if a.reporting != nil {
			label = a.t("report.writing")
		}
		bs = append(bs, pageButton{key: "report", label: label, kind: bNormal, e: effect{kind: effReport}})
	}
	if p := d.step(-1); p != "" {
		bs = append(bs, pageButton{key: "prev", label: a.t("prev_page"), kind: bNormal, e: effect{kind: effPage, arg: p}, right: true})
	}
	if p := d.step(1); p != "" {
		bs = append(bs, pageButton{key: "next", label: a.t("next_page"), kind: bPrimary, e: effect{kind: effPage, arg: p}, right: true})
	}
	body := a.buildFrame(bs)
	if a.m.view.Debrief == nil {
		d.left, d.right = body, image.Rectangle{}
		return
	}
	// The pages as tabs; short of height, the page's name alone (the
	// buttons below and the arrow keys step through them).
	pages := debriefPages()
	labels := make([]string, len(pages))
	for i, p := range pages {
		labels[i] = a.t("page_" + p)
	}
	rects, th := a.justify(body, labels, a.u(52))
	d.heading = nil
	if th > a.u(60) && float64(body.Dy())/a.scale < 700 {
		i := slices.Index(pages, d.page)
		d.heading = wrapText(a.t("page_of", game.Num("n", int64(i+1)), game.Num("of", int64(len(pages))), game.Str("page", labels[i])), a.fonts.head, float64(body.Dx()))
		d.headAt = body.Min
		body.Min.Y += int(float64(len(d.heading))*a.fonts.lineHead) + a.u(8)
	} else {
		for i, p := range pages {
			kind := bTab
			if p == d.page {
				kind = bTabOn
			}
			a.addButton("page:"+p, labels[i], rects[i], kind, effect{kind: effPage, arg: p})
		}
		body.Min.Y += th + a.u(12)
	}
	sc := d.panels()
	switch d.page {
	case pageTimeline:
		d.left, d.right = body, image.Rectangle{}
		d.tl.build(a, body, a.m.view.Debrief)
		return
	case pageDecisions:
		d.left, d.right = body, image.Rectangle{}
	case pageOutcome:
		d.left, d.right = a.columns(body, 45)
	default:
		d.left, d.right = a.columns(body, 50)
	}
	a.register(&sc[0], inset(d.left, a.u(18)))
	if !d.right.Empty() {
		a.register(&sc[1], inset(d.right, a.u(18)))
	}
}

func (d *debriefScene) paint(a *App, dst *ebiten.Image) {
	a.paintTopBar(dst)
	y := float64(d.headAt.Y)
	for _, l := range d.heading {
		a.drawText(dst, l, a.fonts.head, a.c.accent, float64(d.headAt.X), y+(a.fonts.lineHead-textHeight(a.fonts.head))/2)
		y += a.fonts.lineHead
	}
	db := a.m.view.Debrief
	if db == nil {
		a.drawPanel(dst, d.left, a.c.panel)
		a.drawText(dst, a.t("not_ended"), a.fonts.head, a.c.text, float64(d.left.Min.X+a.u(24)), float64(d.left.Min.Y+a.u(24)))
		return
	}
	if d.page == pageTimeline {
		d.tl.paint(a, dst, db)
		return
	}
	l, r := a.pageDocs(d.page, db)
	sc := d.panels()
	a.drawPanel(dst, d.left, a.c.panel)
	if d.right.Empty() {
		a.paintDoc(dst, &sc[0], append(l, r...))
		return
	}
	a.drawPanel(dst, d.right, a.c.panel)
	a.paintDoc(dst, &sc[0], l)
	a.paintDoc(dst, &sc[1], r)
}

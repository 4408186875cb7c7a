package ui

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/game"
)

// menuLayout is an entity's context menu laid out: a card for each of its
// actions, in a box that scrolls when they do not all fit.
type menuLayout struct {
	r      image.Rectangle
	title  []string
	cards  []card
	scroll scrollArea
}

// buildPopup opens the context menu of an entity next to where it was
// asked for, inside the tab's panel.
func (d *deskScene) buildPopup(a *App) {
	v := a.m.view
	e := v.Entity(d.popup)
	if e == nil || len(e.Actions) == 0 || a.readOnlyDesk() {
		d.popup = ""
		return
	}
	a.setLayer(layerMenu)
	defer a.setLayer(layerBase)
	m := &d.menu
	area := d.lay.content
	if area.Empty() {
		d.popup = ""
		return
	}
	pad := a.u(10)
	w := min(area.Dx()-2*pad, a.u(560))
	m.title = wrapText(a.t("actions_on", game.Ent("entity", e.ID)), a.fonts.bold, float64(w-2*pad))
	titleH := int(float64(len(m.title))*a.fonts.lineBody) + a.u(8)
	cw := w - 2*pad - a.gutter()
	cards, h := a.layoutCards(e.Actions, 0, 0, cw)
	m.cards = cards
	total := titleH + h + 2*pad
	hgt := min(total, area.Dy()-2*pad)
	x := max(area.Min.X+pad, min(d.popupAt.X, area.Max.X-pad-w))
	y := max(area.Min.Y+pad, min(d.popupAt.Y, area.Max.Y-pad-hgt))
	if d.popupAt == (image.Point{}) {
		x, y = area.Min.X+(area.Dx()-w)/2, area.Min.Y+(area.Dy()-hgt)/2
	}
	m.r = image.Rect(x, y, x+w, y+hgt)
	// Buttons are drawn over the canvas, where the menu is painted: what
	// lies under the menu goes, so that nothing shows through it.
	for key, r := range a.targets {
		if r.Overlaps(m.r) {
			a.root.RemoveChild(a.buttons[key])
			delete(a.targets, key)
			delete(a.buttons, key)
			if a.rec != nil {
				a.rec.drop(r)
			}
		}
	}
	box := image.Rect(x+pad, y+pad+titleH, x+w-a.u(4), y+hgt-pad)
	a.register(&m.scroll, box)
	m.scroll.buttons = true
	m.scroll.setMax(float64(h))
	c := m.scroll.content(a)
	off := image.Pt(c.Min.X, c.Min.Y-int(m.scroll.skip()))
	for _, cd := range m.cards {
		if rr := cd.r.Add(off); rr.In(c) {
			next := a.actionEffect(cd.act)
			a.addButton("menu:"+cd.act.Line, "", rr, bGhost, effect{kind: effPopup, next: &next})
		}
	}
}

// paintPopup draws the context menu over the chart.
func (d *deskScene) paintPopup(a *App, dst *ebiten.Image) {
	a.setLayer(layerMenu)
	defer a.setLayer(layerBase)
	m := &d.menu
	r := m.r
	a.drawPanel(dst, r, a.c.panel2)
	vector.StrokeRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), float32(a.u(3)), a.c.accent, false)
	pad := a.u(10)
	y := float64(r.Min.Y + pad)
	for _, s := range m.title {
		a.drawText(dst, s, a.fonts.bold, a.c.accent, float64(r.Min.X+pad), y+(a.fonts.lineBody-textHeight(a.fonts.bold))/2)
		y += a.fonts.lineBody
	}
	c := m.scroll.content(a)
	sub := dst.SubImage(c).(*ebiten.Image)
	off := image.Pt(c.Min.X, c.Min.Y-int(m.scroll.skip()))
	for _, cd := range m.cards {
		a.paintCard(sub, cd, off, false)
	}
	a.paintScrollbar(dst, &m.scroll)
}

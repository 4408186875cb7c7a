package ui

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"

	"takedown/game"
)

// deskScene is the investigator's desk: the console, the actions on the
// selected entity, and the tabs (link chart, map, inbox, calendar, case
// file) with the damages meter. It draws the View and turns clicks and
// typing into commands.
type deskScene struct {
	tab      string
	selected string // entity id
	popup    string // entity id whose context menu is open
	popupAt  image.Point
	menu     menuLayout
	edit     lineEdit
	hints    []string
	lay      deskLayout
	// console scrolls from its newest line; showFrom, when not -1, is the
	// transcript entry to show from its start after the next paint.
	console  scrollArea
	showFrom int
	wrapped  []wline
	starts   []int // the first wrapped line of each transcript entry
	wrapKey  string
	acts     actionsLayout
	tabs     map[string]*scrollArea
	chart    chartState
	mp       mapState
	cal      calState
}

func newDeskScene() *deskScene {
	return &deskScene{tab: TabChart, showFrom: -1, console: scrollArea{fromBottom: true}, tabs: map[string]*scrollArea{}}
}

func (d *deskScene) id() string { return SceneDesk }

// tabScroll is the scroll area of a tab.
func (d *deskScene) tabScroll(tab string) *scrollArea {
	s := d.tabs[tab]
	if s == nil {
		s = &scrollArea{}
		d.tabs[tab] = s
	}
	return s
}

func (d *deskScene) build(a *App) {
	top := a.buildTopBar()
	v := a.m.view
	if d.selected == "" && v.Entity(v.Scenario.Site) != nil {
		// Until the trainee picks something, the actions are the site's.
		d.selected = v.Scenario.Site
	}
	d.lay = d.layoutDesk(a, top)
	l := d.lay
	if !l.console.Empty() {
		d.buildConsole(a)
	}
	if !l.actions.Empty() {
		d.buildActions(a, l.actions)
	}
	if !l.content.Empty() {
		inner := inset(l.content, a.u(2))
		switch d.tab {
		case TabChart:
			d.chart.build(a, inner, v, d.selected, func(id string) effect {
				if a.single() && !a.readOnlyDesk() {
					return effect{kind: effMenu, arg: id}
				}
				return effect{kind: effSelectEntity, arg: id}
			})
		case TabMap:
			d.mp.layout(a, inner, v, d.tabScroll(TabMap))
		case TabCalendar:
			d.cal.layout(a, inner, v, d.tabScroll(TabCalendar))
		case TabInbox, TabCase:
			a.register(d.tabScroll(d.tab), inset(l.content, a.u(14)))
		}
	}
	if d.popup != "" {
		d.buildPopup(a)
	}
}

// openMenu opens an entity's context menu below its box on the chart.
func (d *deskScene) openMenu(a *App, id string) {
	d.selected = id
	d.popup = id
	if r, ok := d.chart.nodes[id]; ok {
		d.popupAt = image.Pt(r.Min.X+a.u(20), r.Max.Y)
	}
	d.menu.scroll.pos = 0
	a.rebuild = true
}

// wantsTab reports whether Tab should complete in the console.
func (d *deskScene) wantsTab(a *App) bool {
	return a.scene == d && a.overlay == nil && len(d.edit.text) > 0 && !d.lay.console.Empty()
}

func (d *deskScene) update(a *App) []effect {
	in := &a.in
	if a.m == nil {
		return nil
	}
	var out []effect
	if !d.lay.console.Empty() && a.m.view.Ending == nil && !a.readOnlyDesk() {
		out = append(out, d.updateConsole(a)...)
	}
	if in.has(ebiten.KeyEscape) && d.popup != "" {
		d.popup = ""
		out = append(out, rebuild())
	}
	for i, t := range []string{TabChart, TabMap, TabInbox, TabCalendar, TabCase} {
		if in.has(ebiten.KeyF1 + ebiten.Key(i)) {
			out = append(out, effect{kind: effTab, arg: t})
		}
	}
	if in.has(ebiten.KeyF7) && a.single() {
		out = append(out, effect{kind: effTab, arg: TabConsole})
	}
	// Page keys scroll the tab; with Shift, the console, as in a terminal.
	if !in.Shift {
		if s := d.tabs[d.tab]; s != nil && !d.lay.content.Empty() {
			out = append(out, a.pageKeys(s, false)...)
		}
	} else if !d.lay.console.Empty() {
		out = append(out, a.pageKeys(&d.console, false)...)
	}
	// A click while the menu is open belongs to the menu: outside its
	// buttons it only closes it.
	p := image.Pt(in.X, in.Y)
	left := in.Left && !a.prev.Left
	right := in.Right && !a.prev.Right
	if d.popup != "" && (left || right) {
		if !p.In(d.menu.r) {
			d.popup = ""
			out = append(out, rebuild())
		}
		return out
	}
	// A right click on the chart opens the menu of what is under it.
	if right && d.tab == TabChart && p.In(d.lay.content) && !a.readOnlyDesk() {
		for id, r := range d.chart.nodes {
			if p.In(r) {
				d.openMenu(a, id)
				d.popupAt = image.Pt(p.X, p.Y)
				return out
			}
		}
	}
	return out
}

// paint renders the desk's own drawings into the canvas.
func (d *deskScene) paint(a *App, dst *ebiten.Image) {
	l := d.lay
	v := a.m.view
	a.paintTopBar(dst)
	if !l.console.Empty() {
		d.paintConsole(a, dst)
	}
	if !l.actions.Empty() {
		d.paintActions(a, dst)
	}
	if !l.content.Empty() {
		a.drawPanel(dst, l.content, a.c.panel)
		inner := inset(l.content, a.u(2))
		sub := dst.SubImage(inner).(*ebiten.Image)
		switch d.tab {
		case TabChart:
			d.chart.paint(a, sub, v, d.selected)
		case TabMap:
			d.mp.paint(a, sub, v)
		case TabInbox:
			a.paintDoc(sub, d.tabScroll(TabInbox), a.inboxDoc(v))
		case TabCalendar:
			d.cal.paint(a, sub, v)
		case TabCase:
			a.paintDoc(sub, d.tabScroll(TabCase), a.caseDoc(v))
		}
	}
	a.paintMeter(dst, l.meter, v.Damages)
	if d.popup != "" {
		d.paintPopup(a, dst)
	}
}

// drawLive draws the line being typed, with its caret.
func (d *deskScene) drawLive(a *App, screen *ebiten.Image) {
	if a.m == nil || d.lay.console.Empty() || a.m.view.Ending != nil || d.popup != "" || a.readOnlyDesk() {
		return
	}
	a.drawLineEdit(screen, inset(d.lay.input, a.u(4)), &d.edit, "> ")
}

// paintDoc draws a document in a scroll area.
func (a *App) paintDoc(dst *ebiten.Image, s *scrollArea, dd doc) {
	c := s.content(a)
	ls := a.wrap(dd, float64(c.Dx()))
	s.setMax(linesHeight(ls))
	a.drawLines(dst.SubImage(c).(*ebiten.Image), ls, float64(c.Min.X), float64(c.Min.Y), s.skip(), true)
	a.paintScrollbar(dst, s)
}

// entityName is an entity's name in the reader's language.
func (a *App) entityName(v *game.View, id string) string { return a.p.Text(v.Name(id)) }

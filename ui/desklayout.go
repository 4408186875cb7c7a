package ui

import (
	"image"

	"takedown/game"
)

// deskLayout is where each part of the desk goes. Side by side, the
// console and the actions take the left column and the tabs the right;
// one panel at a time (presenter mode, large text), the console is a tab
// too and the panels share the width. Rectangles of parts not shown are
// empty.
type deskLayout struct {
	console image.Rectangle // the console's panel
	head    image.Rectangle // its title row
	out     image.Rectangle // the transcript
	input   image.Rectangle // the line being typed, or the end-of-case banner
	hint    image.Rectangle // how to type, wrapped
	actions image.Rectangle // the actions panel
	tabs    image.Rectangle
	content image.Rectangle // the tab's panel
	meter   image.Rectangle
}

// deskTabs lists the desk's tabs: with the console among them when the
// desk shows one panel at a time.
func (a *App) deskTabs() []string {
	if a.single() {
		return []string{TabConsole, TabChart, TabMap, TabInbox, TabCalendar, TabCase}
	}
	return []string{TabChart, TabMap, TabInbox, TabCalendar, TabCase}
}

// tabLabel is a tab's label with its function key, as long as the labels
// fit.
func (a *App) tabLabels(tabs []string, width int) []string {
	labels := make([]string, len(tabs))
	total := 0
	for i, t := range tabs {
		labels[i] = a.t("tab_"+t) + "  " + a.t("key", game.Str("key", tabKey(t)))
		total += a.buttonWidth(labels[i]) + a.u(6)
	}
	if total > width {
		for i, t := range tabs {
			labels[i] = a.t("tab_" + t)
		}
	}
	return labels
}

// layoutDesk works the desk's layout out below the top bar and adds the
// tab buttons.
func (d *deskScene) layoutDesk(a *App, top int) deskLayout {
	var l deskLayout
	pad := a.u(12)
	y0 := top + pad
	meterH := a.meterHeight(a.w)
	tabs := a.deskTabs()
	if a.single() {
		if d.tab == "" {
			d.tab = TabChart
		}
		inner := image.Rect(pad, y0, a.w-pad, a.h-pad)
		labels := a.tabLabels(tabs, inner.Dx())
		rects, th := a.justify(inner, labels, a.u(52))
		d.addTabs(a, tabs, labels, rects)
		l.tabs = image.Rect(inner.Min.X, y0, inner.Max.X, y0+th)
		l.meter = image.Rect(inner.Min.X, a.h-pad-a.meterHeight(inner.Dx()), inner.Max.X, a.h-pad)
		l.content = image.Rect(inner.Min.X, l.tabs.Max.Y+a.u(8), inner.Max.X, l.meter.Min.Y-pad)
		if d.tab == TabConsole {
			// The console and the actions share the panel.
			c := l.content
			if c.Dx() >= a.u(800) {
				split := c.Min.X + c.Dx()*58/100
				l.console = image.Rect(c.Min.X, c.Min.Y, split-pad/2, c.Max.Y)
				l.actions = image.Rect(split+pad/2, c.Min.Y, c.Max.X, c.Max.Y)
			} else {
				split := c.Min.Y + c.Dy()*60/100
				l.console = image.Rect(c.Min.X, c.Min.Y, c.Max.X, split-pad/2)
				l.actions = image.Rect(c.Min.X, split+pad/2, c.Max.X, c.Max.Y)
			}
			l.content = image.Rectangle{}
		}
	} else {
		if d.tab == TabConsole || d.tab == "" {
			d.tab = TabChart
		}
		split := int(float64(a.w) * 0.44)
		bottom := a.h - pad
		consoleBottom := y0 + int(float64(bottom-y0)*0.56)
		l.console = image.Rect(pad, y0, split-pad/2, consoleBottom)
		l.actions = image.Rect(pad, consoleBottom+pad, split-pad/2, bottom)
		right := image.Rect(split+pad/2, y0, a.w-pad, bottom)
		labels := a.tabLabels(tabs, right.Dx())
		rects, th := a.justify(right, labels, a.u(52))
		d.addTabs(a, tabs, labels, rects)
		l.tabs = image.Rect(right.Min.X, y0, right.Max.X, y0+th)
		meterH = a.meterHeight(right.Dx())
		l.meter = image.Rect(right.Min.X, bottom-meterH, right.Max.X, bottom)
		l.content = image.Rect(right.Min.X, l.tabs.Max.Y+a.u(8), right.Max.X, l.meter.Min.Y-pad)
	}
	if a.readOnlyDesk() && !l.actions.Empty() {
		// A watched desk takes no commands: the console has the room.
		l.console, l.actions = l.console.Union(l.actions), image.Rectangle{}
	}
	if !l.console.Empty() {
		c := l.console
		headH := int(a.fonts.lineBody) + a.u(12)
		l.head = image.Rect(c.Min.X, c.Min.Y, c.Max.X, c.Min.Y+headH)
		hintLines := wrapText(a.consoleHint(), a.fonts.small, float64(c.Dx()-2*a.u(12)))
		hintH := int(float64(len(hintLines))*a.fonts.lineSmall) + a.u(8)
		l.hint = image.Rect(c.Min.X, c.Max.Y-hintH, c.Max.X, c.Max.Y)
		inH := max(a.u(50), int(a.fonts.lineMono)+a.u(16))
		if a.m.view.Ending != nil {
			inH = a.bannerHeight(c.Dx())
		} else if a.readOnlyDesk() {
			inH = a.watchInputHeight(c.Dx())
		}
		l.input = image.Rect(c.Min.X, l.hint.Min.Y-inH, c.Max.X, l.hint.Min.Y)
		l.out = image.Rect(c.Min.X+a.u(4), l.head.Max.Y, c.Max.X-a.u(4), l.input.Min.Y-a.u(4))
	}
	return l
}

// addTabs adds the tab buttons.
func (d *deskScene) addTabs(a *App, tabs, labels []string, rects []image.Rectangle) {
	for i, t := range tabs {
		kind := bTab
		if t == d.tab {
			kind = bTabOn
		}
		a.addButton("tab:"+t, labels[i], rects[i], kind, effect{kind: effTab, arg: t})
	}
}

// tabKey is the function key that shows a tab.
func tabKey(tab string) string {
	switch tab {
	case TabChart:
		return "F1"
	case TabMap:
		return "F2"
	case TabInbox:
		return "F3"
	case TabCalendar:
		return "F4"
	case TabCase:
		return "F5"
	}
	return "F7"
}

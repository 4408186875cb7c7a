package ui

import (
	"image"
	"path/filepath"

	"github.com/hajimehoshi/ebiten/v2"

	"takedown/game"
)

// hostScene opens a workshop room: the scenario every trainee plays, the
// minutes the session has (a countdown for display), and whether to
// announce the room on the local network (a convenience: typing the
// address and code always works).
type hostScene struct {
	selected string
	minutes  int
	announce bool
	list     scrollArea
	text     scrollArea
	listHead image.Point
	setHeads []orderHead
	minAt    image.Point
	minLabel string
	textBox  image.Rectangle
}

// newHostScene makes the scene with an hour and the announcement on.
func newHostScene() *hostScene { return &hostScene{minutes: 60, announce: true} }

func (s *hostScene) id() string { return SceneHost }

func (s *hostScene) update(a *App) []effect { return a.pageKeys(&s.text, false) }

// act carries out the scene's effects.
func (s *hostScene) act(a *App, verb, arg string) {
	switch verb {
	case "pick":
		s.selected = arg
	case "minutes":
		if arg == "+" {
			s.minutes = min(s.minutes+15, 240)
		} else {
			s.minutes = max(s.minutes-15, 0)
		}
	case "announce":
		s.announce = !s.announce
	case "open":
		a.openHost(s.selected, s.minutes, s.announce)
	}
	a.rebuild = true
}

func (s *hostScene) build(a *App) {
	if s.selected == "" {
		s.selected = a.title.selected
	}
	body := a.buildFrame([]pageButton{
		{key: "back_title", label: a.t("room.back_title"), kind: bNormal, e: goTo(SceneTitle)},
		{key: "open_room", label: a.t("room.open"), kind: bPrimary, e: roomEff("open"), right: true},
	})
	pad := a.u(20)
	left, right := body, image.Rectangle{}
	if float64(body.Dx())/a.scale >= 1000 {
		split := body.Min.X + body.Dx()*42/100
		left = image.Rect(body.Min.X, body.Min.Y, split-pad/2, body.Max.Y)
		right = image.Rect(split+pad/2, body.Min.Y, body.Max.X, body.Max.Y)
	}
	// The settings go on the right, or above the list when there is one
	// column.
	set := right
	if right.Empty() {
		set = body
	}
	y := set.Min.Y
	s.setHeads = s.setHeads[:0]
	head := func(t string, r image.Rectangle) {
		for _, l := range wrapText(t, a.fonts.head, float64(r.Dx())) {
			s.setHeads = append(s.setHeads, orderHead{l, image.Pt(r.Min.X, y)})
			y += int(a.fonts.lineHead)
		}
		y += a.u(4)
	}
	bh := a.u(52)
	head(a.t("room.minutes_head"), set)
	s.minLabel = a.t("room.no_limit")
	if s.minutes > 0 {
		s.minLabel = a.t("room.minutes", game.Num("n", int64(s.minutes)))
	}
	mw := a.buttonWidth("−15")
	a.addButton("minutes-", "−15", image.Rect(set.Min.X, y, set.Min.X+mw, y+bh), bNormal, roomEff("minutes", "-"))
	lw := int(textWidth(s.minLabel, a.fonts.large))
	s.minAt = image.Pt(set.Min.X+mw+a.u(16), y+(bh-int(a.fonts.lineLarge))/2)
	a.addButton("minutes+", "+15", image.Rect(set.Min.X+mw+lw+2*a.u(16), y, set.Min.X+2*mw+lw+2*a.u(16), y+bh), bNormal, roomEff("minutes", "+"))
	y += bh + a.u(14)
	ann := a.t("room.announce_off")
	if s.announce {
		ann = a.t("room.announce_on")
	}
	head(a.t("room.network_head"), set)
	rs := a.flow(image.Rect(set.Min.X, y, set.Max.X, y+bh), []string{ann}, bh)
	a.addButton("announce", ann, rs[0], bQuiet, roomEff("announce"))
	y = rs[0].Max.Y + a.u(14)
	if right.Empty() {
		// One column: the list below the settings.
		left = image.Rect(body.Min.X, y, body.Max.X, body.Max.Y)
		s.textBox = image.Rectangle{}
	} else {
		s.textBox = image.Rect(set.Min.X, y, set.Max.X, set.Max.Y)
		a.register(&s.text, inset(s.textBox, a.u(16)))
	}
	// The scenarios, one button each, in a list that scrolls.
	s.listHead = left.Min
	top := left.Min.Y + int(a.fonts.lineHead) + a.u(8)
	a.register(&s.list, image.Rect(left.Min.X, top, left.Max.X, left.Max.Y))
	s.list.buttons = true
	cw := s.list.content(a).Dx() - a.u(4)
	type item struct {
		name, label string
		r           image.Rectangle
	}
	var items []item
	yy := 0
	for _, name := range a.title.names(a) {
		a.title.ask(a, name)
		label := filepath.Base(name)
		if si := a.title.info[name]; si != nil && si.view != nil {
			label = a.p.Text(si.view.Scenario.Title)
		}
		n := len(wrapLine(label, a.fonts.button, float64(cw-2*a.u(6))))
		h := max(a.u(52), int(float64(n)*a.fonts.lineButton)+a.u(14))
		items = append(items, item{name, label, image.Rect(0, yy, cw, yy+h)})
		yy += h + a.u(8)
	}
	s.list.setMax(float64(yy - a.u(8)))
	c := s.list.content(a)
	off := image.Pt(c.Min.X, c.Min.Y-int(s.list.skip()))
	for _, it := range items {
		kind := bNormal
		if it.name == s.selected {
			kind = bTabOn
		}
		if r := it.r.Add(off); r.In(c) {
			a.addButton("host_scenario:"+it.name, it.label, r, kind, roomEff("pick", it.name))
		}
	}
}

// hostDoc explains what opening a room does.
func (a *App) hostDoc() doc {
	var d doc
	d.add(stBody, a.t("room.host_intro"))
	d = append(d, para{st: stBody, text: a.t("room.host_network"), gap: 10})
	d = append(d, para{st: stDim, text: a.t("room.host_multicast"), gap: 10})
	return d
}

func (s *hostScene) paint(a *App, dst *ebiten.Image) {
	a.paintTopBar(dst)
	a.drawText(dst, a.t("room.scenario_head"), a.fonts.head, a.c.accent, float64(s.listHead.X), float64(s.listHead.Y)+(a.fonts.lineHead-textHeight(a.fonts.head))/2)
	for _, h := range s.setHeads {
		a.drawText(dst, h.text, a.fonts.head, a.c.accent, float64(h.at.X), float64(h.at.Y)+(a.fonts.lineHead-textHeight(a.fonts.head))/2)
	}
	a.drawText(dst, s.minLabel, a.fonts.large, a.c.text, float64(s.minAt.X), float64(s.minAt.Y)+(a.fonts.lineLarge-textHeight(a.fonts.large))/2)
	a.paintScrollbar(dst, &s.list)
	if !s.textBox.Empty() {
		a.drawPanel(dst, s.textBox, a.c.panel)
		a.paintDoc(dst, &s.text, a.hostDoc())
	}
}

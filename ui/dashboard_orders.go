package ui

import (
	"image"
	"slices"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"takedown/game"
	"takedown/room"
)

// ordersScene sends the instructor's injects and notices: to the whole
// room, a team or one trainee, chosen with the arrows (or by clicking a
// team's row on the dashboard, or "Send to this trainee" while watching a
// desk). What was sent is listed below, newest first.
type ordersScene struct {
	target room.Target
	notice lineEdit
	note   string // what the last order did
	// laid out by build
	label   []string // the target's name, wrapped
	labelAt image.Point
	heads   []orderHead
	noteAt  image.Point
	noteLs  []string
	field   image.Rectangle
	sent    scrollArea
	sentBox image.Rectangle
}

// orderHead is a heading of the orders scene and where it goes.
type orderHead struct {
	text string
	at   image.Point
}

func (o *ordersScene) id() string { return SceneOrders }

// targets lists whom orders can go to: the room, each team, each trainee.
func (a *App) orderTargets(d room.Dashboard) []room.Target {
	out := []room.Target{{}}
	for _, t := range d.Teams {
		out = append(out, room.Target{Team: t.Team})
	}
	for _, r := range d.Trainees {
		out = append(out, room.Target{Trainee: r.ID})
	}
	return out
}

// targetLabel names a target for people.
func (a *App) targetLabel(t room.Target) string {
	d := a.room.host.dash
	switch {
	case t.Trainee != "":
		for _, r := range d.Trainees {
			if r.ID == t.Trainee {
				if r.Team != "" {
					return a.t("room.to_trainee_team", game.Str("name", r.Name), game.Str("team", r.Team))
				}
				return a.t("room.to_trainee", game.Str("name", r.Name))
			}
		}
		return t.Trainee
	case t.Team != "":
		n := 0
		for _, tr := range d.Teams {
			if strings.EqualFold(tr.Team, t.Team) {
				n = len(tr.Members)
			}
		}
		return a.t("room.to_team", game.Str("team", t.Team), game.Count("n", int64(n)))
	}
	return a.t("room.to_room", game.Count("n", int64(len(d.Trainees))))
}

// act carries out the scene's effects.
func (o *ordersScene) act(a *App, verb, arg string) {
	hr := a.room.host
	if hr == nil {
		return
	}
	h := hr.h
	switch verb {
	case "target":
		ts := a.orderTargets(hr.dash)
		i := slices.IndexFunc(ts, func(t room.Target) bool { return targetKey(t) == targetKey(o.target) })
		switch arg {
		case "next":
			o.target = ts[(i+1)%len(ts)]
		case "prev":
			o.target = ts[(i-1+2*len(ts))%len(ts)]
		default:
			o.target = targetOf(arg)
		}
		o.note = ""
		a.rebuild = true
	case "inject":
		to := o.target
		a.roomTask(func() func(*App) {
			n, err := h.Inject(to, arg)
			return a.afterOrder(err, n, true)
		})
	case "notice":
		text := strings.Join(strings.Fields(o.notice.String()), " ")
		if text == "" {
			o.note = a.t("room.notice_empty")
			a.rebuild = true
			return
		}
		to := o.target
		a.roomTask(func() func(*App) {
			n, err := h.Notice(to, text)
			after := a.afterOrder(err, n, true)
			return func(a *App) {
				if err == nil {
					a.room.orders.notice.set("")
				}
				after(a)
			}
		})
	}
}

func (o *ordersScene) update(a *App) []effect {
	var out []effect
	changed, enter := o.notice.edit(&a.in, nil)
	if changed {
		if len(o.notice.text) > room.MaxNotice/2 {
			o.notice.text = o.notice.text[:room.MaxNotice/2]
			o.notice.cur = min(o.notice.cur, len(o.notice.text))
		}
		a.dirty = max(a.dirty, 2)
	}
	if enter && a.ui.GetFocusedWidget() == nil {
		out = append(out, roomEff("notice"))
	}
	return append(out, a.pageKeys(&o.sent, false)...)
}

func (o *ordersScene) build(a *App) {
	hr := a.room.host
	if hr == nil {
		a.scene = a.title
		a.title.build(a)
		return
	}
	body := a.buildFrame([]pageButton{{key: "back_dashboard", label: a.t("room.back_dashboard"), kind: bNormal, e: goTo(SceneDashboard)}})
	gap := a.u(10)
	y := body.Min.Y
	o.heads = o.heads[:0]
	head := func(s string) {
		for _, l := range wrapText(s, a.fonts.head, float64(body.Dx())) {
			o.heads = append(o.heads, orderHead{l, image.Pt(body.Min.X, y)})
			y += int(a.fonts.lineHead)
		}
		y += a.u(4)
	}
	bh := a.u(52)
	// Whom to: the arrows and the target's name between them.
	head(a.t("room.send_to"))
	prev, next := "◀", "▶"
	pw, nw := a.buttonWidth(prev)+a.u(12), a.buttonWidth(next)+a.u(12)
	o.label = wrapText(a.targetLabel(o.target), a.fonts.large, float64(body.Dx()-pw-nw-4*gap))
	lh := max(bh, int(float64(len(o.label))*a.fonts.lineLarge))
	a.addButton("target_prev", prev, image.Rect(body.Min.X, y+(lh-bh)/2, body.Min.X+pw, y+(lh+bh)/2), bNormal, roomEff("target", "prev"))
	a.addButton("target_next", next, image.Rect(body.Max.X-nw, y+(lh-bh)/2, body.Max.X, y+(lh+bh)/2), bNormal, roomEff("target", "next"))
	o.labelAt = image.Pt(body.Min.X+pw+2*gap, y+(lh-int(float64(len(o.label))*a.fonts.lineLarge))/2)
	y += lh + 2*gap
	// The scenario's injects, by label.
	head(a.t("room.injects"))
	injects := hr.h.Scenario().Injects
	var labels []string
	for _, in := range injects {
		labels = append(labels, a.p.Text(in.Label))
	}
	if len(labels) > 0 {
		h := a.flowHeight(body.Dx(), labels, bh)
		rs := a.flow(image.Rect(body.Min.X, y, body.Max.X, y+h), labels, bh)
		for i, in := range injects {
			a.addButton("inject:"+in.ID, labels[i], rs[i], bNormal, roomEff("inject", in.ID))
		}
		y += h + 2*gap
	} else {
		head(a.t("room.no_injects"))
	}
	// A notice typed here.
	head(a.t("room.notice"))
	send := a.t("room.send_notice")
	sw := a.buttonWidth(send)
	o.field = image.Rect(body.Min.X, y, body.Max.X-sw-gap, y+bh)
	a.addButton("send_notice", send, image.Rect(body.Max.X-sw, y, body.Max.X, y+bh), bPrimary, roomEff("notice"))
	y += bh + gap
	o.noteLs = nil
	if o.note != "" {
		o.noteLs = wrapText(o.note, a.fonts.bold, float64(body.Dx()))
	}
	o.noteAt = image.Pt(body.Min.X, y)
	y += int(float64(len(o.noteLs))*a.fonts.lineBody) + gap
	// What was sent, when there is room for a few lines of it (at large
	// text on a small screen the orders come first; the sent ones are in
	// the trainees' logs and the room's archive).
	o.sentBox = image.Rectangle{}
	heads := len(wrapText(a.t("room.sent_list"), a.fonts.head, float64(body.Dx())))
	if body.Max.Y-y < int(float64(heads)*a.fonts.lineHead+2*a.fonts.lineBody)+a.u(24) {
		return
	}
	head(a.t("room.sent_list"))
	o.sentBox = image.Rect(body.Min.X, y, body.Max.X, body.Max.Y)
	a.register(&o.sent, inset(o.sentBox, a.u(10)))
}

// sentDoc lists the orders sent, newest first.
func (a *App) sentDoc(orders []room.OrderRecord) doc {
	var d doc
	for i := len(orders) - 1; i >= 0; i-- {
		or := orders[i]
		at := time.Unix(or.Wall, 0).Format("15:04")
		d = append(d, para{st: stSmall, text: a.t("room.sent_line", game.Str("at", at), game.Str("to", a.targetLabel(or.Target)), game.Count("n", int64(len(or.Reached)))), gap: 6})
		d = append(d, para{st: stMonoCmd, text: or.Line, indent: 16})
	}
	if len(d) == 0 {
		d.add(stDim, a.t("room.sent_none"))
	}
	return d
}

func (o *ordersScene) paint(a *App, dst *ebiten.Image) {
	a.paintTopBar(dst)
	hr := a.room.host
	if hr == nil {
		return
	}
	for _, h := range o.heads {
		a.drawText(dst, h.text, a.fonts.head, a.c.accent, float64(h.at.X), float64(h.at.Y)+(a.fonts.lineHead-textHeight(a.fonts.head))/2)
	}
	y := float64(o.labelAt.Y)
	for _, l := range o.label {
		a.drawText(dst, l, a.fonts.large, a.c.text, float64(o.labelAt.X), y+(a.fonts.lineLarge-textHeight(a.fonts.large))/2)
		y += a.fonts.lineLarge
	}
	y = float64(o.noteAt.Y)
	for _, l := range o.noteLs {
		a.drawText(dst, l, a.fonts.bold, a.c.good, float64(o.noteAt.X), y+(a.fonts.lineBody-textHeight(a.fonts.bold))/2)
		y += a.fonts.lineBody
	}
	if !o.sentBox.Empty() {
		a.drawPanel(dst, o.sentBox, a.c.panel)
		a.paintDoc(dst, &o.sent, a.sentDoc(hr.orders))
	}
}

// drawLive draws the notice being typed.
func (o *ordersScene) drawLive(a *App, screen *ebiten.Image) {
	if a.room.host == nil || o.field.Empty() {
		return
	}
	a.drawLineEdit(screen, o.field, &o.notice, "")
}

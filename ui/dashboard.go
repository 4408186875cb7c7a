package ui

import (
	"fmt"
	"image"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/game"
	"takedown/room"
)

// dashScene is the instructor's dashboard, for the projector: one row per
// trainee (or per team) with the connection, the phase of the case, the
// game day, lessons met, evidence admitted and rejected, mistakes and a
// mark for those who need attention. Clicking a trainee's row shows that
// trainee's desk, read-only and live; a team's row leads to the injects
// and notices for that team. The room's controls are along the bottom.
type dashScene struct {
	table  grid
	scroll scrollArea
	head   image.Rectangle // the table's header row
	view   image.Rectangle // its rows
	info   []string        // the room's line: code, countdown, trainees
	infoAt image.Point
	large  bool // the room's line is in the heading's face
}

func (d *dashScene) id() string { return SceneDashboard }

func (d *dashScene) update(a *App) []effect { return a.pageKeys(&d.scroll, true) }

// barFree is the part of the top bar left of its buttons.
func (a *App) barFree() image.Rectangle {
	left := a.w
	for _, b := range a.barButtons() {
		if r, ok := a.targets[b.key]; ok && r.Min.Y < a.bar.r.Max.Y {
			left = min(left, r.Min.X)
		}
	}
	return image.Rect(a.u(12), 0, left-a.u(16), a.bar.r.Max.Y)
}

// roomLine says which room this is and how it stands: its code, the
// countdown and the trainees.
func (a *App) roomLine(hr *hostedRoom) string {
	d := hr.dash
	att := ""
	if d.Attention > 0 {
		att = " · " + a.t("room.attention_n", game.Count("n", int64(d.Attention)))
	}
	return a.t("room.room_code", game.Str("code", hr.info.Code)) + " · " + a.countdown(d) + " · " +
		a.t("room.trainees_n", game.Count("n", int64(len(d.Trainees)))) + att
}

// placeRoomLine puts the room's line in the top bar when it fits there on
// one line (large, else in bold), else at the top of body; it returns the
// lines, where they go, whether they are large, and what is left of body.
func (a *App) placeRoomLine(hr *hostedRoom, body image.Rectangle) ([]string, image.Point, bool, image.Rectangle) {
	line := a.roomLine(hr)
	free := a.barFree()
	for _, f := range []struct {
		face textFace
		lh   float64
	}{{a.fonts.head, a.fonts.lineHead}, {a.fonts.bold, a.fonts.lineBody}} {
		if textWidth(line, f.face) <= float64(free.Dx()) {
			return []string{line}, image.Pt(free.Min.X, (free.Dy()-int(f.lh))/2), f.face == a.fonts.head, body
		}
	}
	ls := wrapText(line, a.fonts.bold, float64(body.Dx()))
	at := body.Min
	body.Min.Y += int(float64(len(ls))*a.fonts.lineBody) + a.u(8)
	return ls, at, false, body
}

// paintRoomLine draws the room's line where placeRoomLine put it.
func (a *App) paintRoomLine(dst *ebiten.Image, ls []string, at image.Point, large bool) {
	face, lh := a.fonts.bold, a.fonts.lineBody
	if large {
		face, lh = a.fonts.head, a.fonts.lineHead
	}
	y := float64(at.Y)
	for _, l := range ls {
		a.drawText(dst, l, face, a.c.accent, float64(at.X), y+(lh-textHeight(face))/2)
		y += lh
	}
}

func (d *dashScene) build(a *App) {
	hr := a.room.host
	if hr == nil {
		a.scene = a.title
		a.title.build(a)
		return
	}
	dash := hr.dash
	var bs []pageButton
	bs = append(bs, pageButton{key: "room_card", label: a.t("room.card"), kind: bNormal, e: goTo(SceneRoom)})
	if !dash.Stopped {
		if dash.Paused {
			bs = append(bs, pageButton{key: "resume", label: a.t("room.resume"), kind: bPrimary, e: roomEff("resume")})
		} else {
			bs = append(bs, pageButton{key: "pause", label: a.t("room.pause"), kind: bNormal, e: roomEff("pause")})
		}
		bs = append(bs,
			pageButton{key: "minus5", label: a.t("room.minus5"), kind: bNormal, e: roomEff("budget", "-5")},
			pageButton{key: "plus5", label: a.t("room.plus5"), kind: bNormal, e: roomEff("budget", "+5")},
			pageButton{key: "orders", label: a.t("room.orders"), kind: bNormal, e: roomEff("send_to", targetKey(a.room.orders.target))})
	}
	if len(dash.Teams) > 0 {
		if hr.byTeam {
			bs = append(bs, pageButton{key: "by_trainee", label: a.t("room.by_trainee"), kind: bNormal, e: roomEff("view", "trainees"), right: true})
		} else {
			bs = append(bs, pageButton{key: "by_team", label: a.t("room.by_team"), kind: bNormal, e: roomEff("view", "teams"), right: true})
		}
	}
	plenKind := bNormal
	if dash.Stopped {
		plenKind = bPrimary
	}
	bs = append(bs, pageButton{key: "plenary", label: a.t("room.plenary"), kind: plenKind, e: goTo(ScenePlenary), right: true})
	if !dash.Stopped {
		q := question{title: a.t("room.stop_q"), lines: []string{a.t("room.stop_note")}}
		bs = append(bs, pageButton{key: "stop", label: a.t("room.stop"), kind: bNormal, e: confirm(q, roomEff("stop")), right: true})
	}
	body := a.buildControls(bs)
	d.info, d.infoAt, d.large, body = a.placeRoomLine(hr, body)
	d.table = a.dashGrid(hr)
	d.table.layout(a, float64(body.Dx()-a.gutter()))
	d.head = image.Rect(body.Min.X, body.Min.Y, body.Max.X-a.gutter(), body.Min.Y+int(d.table.headH))
	d.view = image.Rect(body.Min.X, d.head.Max.Y, body.Max.X, body.Max.Y)
	a.register(&d.scroll, d.view)
	d.scroll.buttons = true
	d.scroll.setMax(d.table.height)
	d.table.buttons(a, d.scroll.content(a), d.scroll.skip())
}

func (d *dashScene) paint(a *App, dst *ebiten.Image) {
	a.paintTopBar(dst)
	if a.room.host == nil {
		return
	}
	a.paintRoomLine(dst, d.info, d.infoAt, d.large)
	d.table.paintHead(a, dst, d.head)
	c := d.scroll.content(a)
	if len(d.table.rows) == 0 {
		a.drawPanel(dst, d.view, a.c.panel)
		ls := wrapText(a.t("room.nobody"), a.fonts.large, float64(c.Dx()-2*a.u(16)))
		y := float64(c.Min.Y + a.u(16))
		for _, l := range ls {
			if y+a.fonts.lineLarge > float64(c.Max.Y) {
				break
			}
			a.drawText(dst, l, a.fonts.large, a.c.dim, float64(c.Min.X+a.u(16)), y)
			y += a.fonts.lineLarge
		}
		return
	}
	d.table.paintRows(a, dst, c, d.scroll.skip())
	a.paintScrollbar(dst, &d.scroll)
	vector.StrokeRect(dst, float32(d.view.Min.X), float32(d.head.Min.Y), float32(d.view.Dx()), float32(d.view.Max.Y-d.head.Min.Y), float32(max(1, a.u(1.5))), a.c.line, false)
}

// buildControls adds the top bar and a scene's buttons along the bottom,
// as compact as their labels allow, in as few rows as fit (the right-hand
// ones at the right edge when all fit in one); it returns the body between.
func (a *App) buildControls(bs []pageButton) image.Rectangle {
	top := a.buildTopBar()
	pad := a.u(20)
	bh := a.u(54)
	labels := make([]string, len(bs))
	for i, b := range bs {
		labels[i] = b.label
	}
	h := a.flowHeight(a.w-2*pad, labels, bh)
	y0 := a.h - pad - h
	rects := a.flow(image.Rect(pad, y0, a.w-pad, a.h-pad), labels, bh)
	if len(rects) > 0 && h == bh {
		shift := a.w - pad - rects[len(rects)-1].Max.X
		for i, b := range bs {
			if b.right {
				rects[i] = rects[i].Add(image.Pt(shift, 0))
			}
		}
	}
	for i, b := range bs {
		a.addButton(b.key, b.label, rects[i], b.kind, b.e)
	}
	return image.Rect(pad, top+a.u(12), a.w-pad, y0-a.u(12))
}

// dashGrid is the dashboard's table: a row per trainee, or per team.
func (a *App) dashGrid(hr *hostedRoom) grid {
	dash := hr.dash
	if hr.byTeam && len(dash.Teams) > 0 {
		return a.teamGrid(dash)
	}
	teams := len(dash.Teams) > 0
	g := grid{cols: []gridCol{{head: a.t("room.col_trainee"), flex: true, minW: 120}}}
	if teams {
		g.cols = append(g.cols, gridCol{head: a.t("room.col_team"), flex: true, minW: 90})
	}
	g.cols = append(g.cols,
		gridCol{head: a.t("room.col_phase"), flex: true, minW: 110},
		gridCol{head: a.t("room.col_day")},
		gridCol{head: a.t("room.col_lessons")},
		gridCol{head: a.t("room.col_evidence")},
		gridCol{head: a.t("room.col_mistakes"), flex: true, minW: 120},
		gridCol{head: a.t("room.col_attention"), flex: true, minW: 110},
	)
	for _, r := range dash.Trainees {
		cells := []gridCell{{r.Name, stBold}}
		if teams {
			cells = append(cells, gridCell{r.Team, stBody})
		}
		cells = append(cells,
			a.phaseCell(r),
			gridCell{fmt.Sprint(r.Day), stBody},
			a.tallyCell(r.Lessons),
			gridCell{fmt.Sprintf("%d ✓  %d ✗", r.Admitted, r.Rejected), stBody},
			a.mistakesCell(r),
			a.attentionCell(r.Attention),
		)
		light := a.connLight(r.State)
		g.rows = append(g.rows, gridRow{key: "watch:" + r.ID, cells: cells, mark: len(r.Attention) > 0, light: &light})
	}
	return g
}

// teamGrid is the dashboard's table by team.
func (a *App) teamGrid(dash room.Dashboard) grid {
	g := grid{cols: []gridCol{
		{head: a.t("room.col_team"), flex: true, minW: 120},
		{head: a.t("room.col_online")},
		{head: a.t("room.col_phase"), flex: true, minW: 110},
		{head: a.t("room.col_day")},
		{head: a.t("room.col_ended")},
		{head: a.t("room.col_mistakes_n")},
		{head: a.t("room.col_best")},
		{head: a.t("room.col_attention"), flex: true, minW: 110},
	}}
	for _, t := range dash.Teams {
		best := gridCell{"—", stDim}
		if t.Ended > 0 {
			best = gridCell{fmt.Sprint(t.BestScore), stBody}
		}
		att := gridCell{}
		if t.Attention {
			att = gridCell{"⚠ " + a.t("room.needs_attention"), stBad}
		}
		g.rows = append(g.rows, gridRow{key: "send_to:team=" + t.Team, mark: t.Attention, cells: []gridCell{
			{t.Team, stBold},
			{fmt.Sprintf("%d / %d", t.Online, len(t.Members)), stBody},
			{a.t("room.phase_" + string(t.Phase)), stBody},
			{fmt.Sprint(t.Day), stBody},
			{fmt.Sprintf("%d / %d", t.Ended, len(t.Members)), stBody},
			{fmt.Sprint(t.Mistakes), stBody},
			best,
			att,
		}})
	}
	return g
}

// connLight is the colour of a trainee's status light: how the app is
// connected (an app offline is also marked for attention, in words).
func (a *App) connLight(s room.ConnState) colorT {
	switch s {
	case room.StateOnline:
		return a.c.good
	case room.StateOffline:
		return a.c.warn
	case room.StateRefused:
		return a.c.bad
	}
	return a.c.line
}

// phaseCell is where a trainee's case stands, or how it ended.
func (a *App) phaseCell(r room.Row) gridCell {
	if r.Ended {
		return gridCell{a.t("room.result_score", game.Sub("result", game.M("ui.room.res_"+r.Result)), game.Num("score", int64(r.Score))), resultStyle(r.Result)}
	}
	return gridCell{a.t("room.phase_" + string(r.Phase)), stBody}
}

// tallyCell is lessons met of all.
func (a *App) tallyCell(t *room.Tally) gridCell {
	if t == nil {
		return gridCell{"—", stDim}
	}
	return gridCell{fmt.Sprintf("%d / %d", t.Met, t.Of), stBody}
}

// mistakesCell names a trainee's mistakes briefly: the ones the dashboard
// knows by name, then how many others.
func (a *App) mistakesCell(r room.Row) gridCell {
	var ms []string
	if r.TippedOff {
		ms = append(ms, a.t("room.m_tipped"))
	}
	if r.TakedownEarly {
		ms = append(ms, a.t("room.m_takedown"))
	}
	if r.FreezeLapsed {
		ms = append(ms, a.t("room.m_freeze"))
	}
	if r.Returned > 0 {
		ms = append(ms, a.t("room.m_returned", game.Num("n", int64(r.Returned))))
	}
	named := 0
	for _, c := range r.Mistakes {
		switch c.ID {
		case "tipped-off", "takedown-early", "freeze-lapsed", "returned":
			named++
		}
	}
	other := len(r.Mistakes) - named
	if len(ms) > 1 {
		// One by name, the rest counted: a row stays one line on the
		// projector; the watched desk has them all.
		other += len(ms) - 1
		ms = ms[:1]
	}
	if other > 0 {
		ms = append(ms, a.t("room.m_other", game.Count("n", int64(other))))
	}
	if len(ms) == 0 {
		return gridCell{"—", stDim}
	}
	return gridCell{strings.Join(ms, ", "), stWarn}
}

// attentionCell says why a trainee needs attention.
func (a *App) attentionCell(as []room.Attention) gridCell {
	if len(as) == 0 {
		return gridCell{}
	}
	var ws []string
	for _, at := range as {
		ws = append(ws, a.p.T("room.attention."+string(at)))
	}
	return gridCell{"⚠\u00a0" + strings.Join(ws, ", "), stBad}
}

// watching is a trainee's desk the instructor watches, live and read-only.
type watching struct {
	id, name, team string
	live           *liveEngine
	m              *match
}

// startWatch shows a trainee's desk as the host replayed it. The window's
// own session, if any, is closed first (it is saved); a seat in another
// room stays as it is and comes back after.
func (a *App) startWatch(id string) {
	hr := a.room.host
	if hr == nil {
		return
	}
	h := hr.h
	a.roomTask(func() func(*App) {
		sp, err := h.Watch(id)
		if err == nil && sp.View() == nil {
			err = &room.RefusedError{Code: room.CodeClosed, Msg: game.M("room.refused.closed")}
		}
		if err != nil {
			return func(a *App) { a.roomError(a.t("room.watch_failed"), err) }
		}
		live := newLive(sp, h.Program())
		m := newMatch(nil, live)
		return func(a *App) {
			if a.room.host != hr {
				return
			}
			a.stopWatch()
			a.installWatch(hr, sp, live, m)
			a.goTo(SceneDesk)
		}
	})
}

// installWatch makes a watched desk the session shown.
func (a *App) installWatch(hr *hostedRoom, sp *room.Spectator, live *liveEngine, m *match) {
	if s := a.room.seat; s != nil && a.m == s.m {
		s.desk = a.desk
	} else if a.m != nil {
		a.closeMatch()
	}
	a.room.watch = &watching{id: sp.ID(), name: sp.Name(), team: sp.Team(), live: live, m: m}
	hr.watched.Store(live)
	hr.wake()
	a.m = m
	a.desk = newDeskScene()
	a.setPrinter()
}

// stopWatch stops watching a trainee's desk; the window's seat in a room,
// if it has one, is shown again.
func (a *App) stopWatch() {
	w := a.room.watch
	if w == nil {
		return
	}
	a.room.watch = nil
	if hr := a.room.host; hr != nil {
		hr.watched.Store(nil)
	}
	if a.m == w.m {
		a.m = nil
		a.desk = newDeskScene()
		if s := a.room.seat; s != nil {
			a.m = s.m
			a.desk = s.desk
		}
		a.setPrinter()
	}
}

package ui

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/game"
)

// topBar is the strip across the top of every scene: the clock and the
// case phase on the left, the window's controls on the right. It grows a
// row when the controls do not fit beside the text.
type topBar struct {
	r       image.Rectangle
	clock   string
	clockAt image.Point
	lines   []string // the scenario's title and the case phase, wrapped
	linesAt image.Point
}

// barButton is one control of the top bar.
type barButton struct {
	key, label string
	kind       int
	e          effect
}

// barButtons lists the top bar's controls for the current scene, the
// rightmost first.
func (a *App) barButtons() []barButton {
	var bs []barButton
	if a.scene != a.title {
		bs = append(bs, barButton{"menu", a.t("title_menu"), bQuiet, goTo(SceneTitle)})
	}
	if !a.presenter && !a.projected() {
		// On a projector the window's controls give way to the case; their
		// keys still work: F11, Ctrl+= and Ctrl+-, Ctrl+L.
		bs = append(bs,
			barButton{"fullscreen", a.t("fullscreen"), bQuiet, effect{kind: effWindow, arg: "fullscreen"}},
			barButton{"bigger", a.t("bigger"), bQuiet, effect{kind: effWindow, arg: "bigger"}},
			barButton{"smaller", a.t("smaller"), bQuiet, effect{kind: effWindow, arg: "smaller"}},
			barButton{"lang", a.t("lang_toggle"), bQuiet, effect{kind: effWindow, arg: "lang"}},
		)
	}
	pk := bQuiet
	if a.presenter {
		pk = bTabOn
	}
	bs = append(bs, barButton{"presenter", a.t("presenter_key"), pk, effect{kind: effWindow, arg: "presenter"}})
	switch {
	case a.m != nil && a.scene == a.title:
		bs = append(bs, barButton{"back", a.t("back"), bNormal, goTo(SceneDesk)})
	case a.m != nil && a.scene == a.desk && a.m.view.Ending != nil:
		bs = append(bs, barButton{"debrief", a.t("debrief"), bPrimary, goTo(SceneDebrief)})
	case a.m != nil && a.scene == a.desk && !a.readOnlyDesk(): // a watched desk is read-only (room_watch.go)
		bs = append(bs, barButton{"handoff", a.t("handoff"), bNormal, goTo(SceneHandoff)})
	}
	return bs
}

// buildTopBar lays the top bar out and adds its buttons; it returns the
// bar's bottom edge, where the scene's body starts.
func (a *App) buildTopBar() int {
	pad := a.u(12)
	bh := a.u(46)
	rowH := max(bh+2*a.u(9), int(a.fonts.lineHead)+2*a.u(6))
	bs := a.barButtons()
	bw := 0
	for _, b := range bs {
		bw += a.buttonWidth(b.label) + a.u(8)
	}
	bar := topBar{}
	clockW := 0
	v := a.barView()
	if v != nil {
		bar.clock = a.t("clock_line", game.When("now", v.Now), game.Num("day", int64(v.Day)))
		clockW = int(textWidth(bar.clock, a.fonts.head)) + a.u(24)
	}
	// The controls go beside the text when the title and phase keep
	// room enough there; otherwise in rows of their own below.
	// With no session there is no text: the controls take the first row
	// when they fit in it.
	beside := a.w-2*pad-bw-clockW >= a.u(420) || (v == nil && bw-a.u(8) <= a.w-2*pad)
	titleW := a.w - 2*pad - clockW
	if beside {
		titleW -= bw
	}
	block := rowH
	below := false // the title and phase sit below the clock, full width
	if v != nil {
		title := a.p.Text(v.Scenario.Title) + " — " + a.p.Msg(v.PhaseMsg)
		if a.m != nil && a.m.replay != "" {
			title = a.t("replay.tag") + " · " + title
		}
		bar.clockAt = image.Pt(pad, (rowH-int(a.fonts.lineHead))/2)
		bar.lines = wrapText(title, a.fonts.bold, float64(titleW))
		if len(bar.lines) > 1 {
			// Short of room, the phase alone: the scenario's title is on
			// the briefing and the title scene.
			title = a.p.Msg(v.PhaseMsg)
			if a.m != nil && a.m.replay != "" {
				title = a.t("replay.tag") + " · " + title
			}
			bar.lines = wrapText(title, a.fonts.bold, float64(titleW))
		}
		if len(bar.lines) <= 2 {
			textH := int(float64(len(bar.lines)) * a.fonts.lineBody)
			block = max(rowH, textH+2*a.u(6))
			bar.linesAt = image.Pt(pad+clockW, (block-textH)/2)
		} else {
			below = true
			bar.lines = wrapText(title, a.fonts.bold, float64(a.w-2*pad))
			textH := int(float64(len(bar.lines)) * a.fonts.lineBody)
			bar.linesAt = image.Pt(pad, rowH)
			block = rowH + textH + a.u(6)
		}
	}
	// The controls, right-aligned, in as many rows as they need: beside
	// the text, beside the clock when the text went below it, or below.
	x := a.w - pad
	by := (block - bh) / 2
	switch {
	case below && a.w-2*pad-bw-clockW >= 0:
		by = (rowH - bh) / 2
	case below || !beside:
		by = block
	}
	rowsBelow := by >= block
	for _, b := range bs {
		w := a.buttonWidth(b.label)
		if x-w < pad {
			x = a.w - pad
			by += bh + a.u(8)
		}
		x -= w
		a.addButton(b.key, b.label, image.Rect(x, by, x+w, by+bh), b.kind, b.e)
		x -= a.u(8)
	}
	bottom := block
	if rowsBelow {
		bottom = by + bh + a.u(9)
	}
	bar.r = image.Rect(0, 0, a.w, bottom)
	a.bar = bar
	return a.buildRoomStrip(bottom)
}

// barView is the View whose clock and phase the top bar shows: the case
// as it stood, on a snapshot of it.
func (a *App) barView() *game.View {
	if a.roomScene(a.scene.id()) == a.scene {
		return nil // a room's own scenes show no one session (room.go)
	}
	if a.scene == a.snapshot && a.snapshot.view != nil {
		return a.snapshot.view
	}
	if a.m == nil {
		return nil
	}
	return a.m.view
}

// paintTopBar draws the clock, the scenario's title and the case phase.
func (a *App) paintTopBar(dst *ebiten.Image) {
	a.paintRoomStrip(dst)
	r := a.bar.r
	vector.FillRect(dst, 0, 0, float32(r.Dx()), float32(r.Dy()), a.c.panel, false)
	vector.FillRect(dst, 0, float32(r.Max.Y-a.u(2)), float32(r.Dx()), float32(a.u(2)), a.c.line, false)
	if a.barView() == nil {
		return
	}
	b := a.bar
	a.drawText(dst, b.clock, a.fonts.head, a.c.accent, float64(b.clockAt.X), float64(b.clockAt.Y)+(a.fonts.lineHead-textHeight(a.fonts.head))/2)
	for i, l := range b.lines {
		y := float64(b.linesAt.Y) + float64(i)*a.fonts.lineBody + (a.fonts.lineBody-textHeight(a.fonts.bold))/2
		a.drawText(dst, l, a.fonts.bold, a.c.text, float64(b.linesAt.X), y)
	}
}

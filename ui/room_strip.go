package ui

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/game"
)

// roomStrip is the strip under the top bar while the session shown belongs
// to a room: for a trainee, whether the room is paused, whether the app is
// offline (and playing on), refused, and the countdown; for the instructor
// watching a trainee's desk, whose it is and the way back.
type roomStrip struct {
	r     image.Rectangle
	lines []string
	at    image.Point
	width float64 // the text's width, for the countdown's repaint
	kind  string
}

// stripText is the strip's line for the session shown, and its kind; ""
// when there is no strip.
func (a *App) stripText() banner {
	r := a.room
	if r == nil || a.m == nil || !a.matchScene() {
		return banner{}
	}
	if w := r.watch; w != nil && a.m == w.m {
		who := w.name
		if w.team != "" {
			who = a.t("room.to_trainee_team", game.Str("name", w.name), game.Str("team", w.team))
		}
		return banner{kind: "watch", text: a.t("room.watching", game.Str("who", who))}
	}
	if s := r.seat; s != nil && a.m == s.m && s.read {
		return a.seatBanner()
	}
	return banner{}
}

// stripLines wraps the strip's text to the width it was built with; nil
// before the window's fonts are ready (the first build lays it out).
func (a *App) stripLines(s string) []string {
	if a.fonts == nil || a.fonts.bold == nil {
		return nil
	}
	return wrapText(s, a.fonts.bold, a.room.strip.width)
}

// buildRoomStrip lays the strip out below the top bar, whose bottom is top,
// and returns where the scene's body starts.
func (a *App) buildRoomStrip(top int) int {
	r := a.room
	if r == nil {
		return top
	}
	r.strip = roomStrip{}
	b := a.stripText()
	if b.text == "" {
		return top
	}
	pad := a.u(12)
	bh := a.u(46)
	x0, x1 := pad, a.w-pad
	var keys, labels []string
	var effs []effect
	if b.kind == "watch" {
		w := r.watch
		keys = []string{"send_watched", "unwatch"}
		labels = []string{a.t("room.send_to_trainee"), a.t("room.back_dashboard")}
		effs = []effect{roomEff("send_to", w.id), roomEff("unwatch")}
	}
	bw := 0
	for _, l := range labels {
		bw += a.buttonWidth(l) + a.u(8)
	}
	textW := x1 - x0 - 2*pad - bw
	below := textW < a.u(360)
	if below {
		textW = x1 - x0 - 2*pad
	}
	s := &r.strip
	s.kind, s.width = b.kind, float64(textW)
	s.lines = wrapText(b.text, a.fonts.bold, s.width)
	textH := int(float64(len(s.lines)) * a.fonts.lineBody)
	h := max(textH, bh) + 2*a.u(8)
	if below && len(labels) > 0 {
		h = textH + bh + 3*a.u(8)
	}
	s.r = image.Rect(x0, top+a.u(6), x1, top+a.u(6)+h)
	s.at = image.Pt(x0+pad, s.r.Min.Y+a.u(8))
	if !below {
		s.at.Y = s.r.Min.Y + (h-textH)/2
	}
	bx, by := x1-pad, s.r.Min.Y+(h-bh)/2
	if below {
		by = s.r.Max.Y - a.u(8) - bh
	}
	for i := len(labels) - 1; i >= 0; i-- {
		w := a.buttonWidth(labels[i])
		kind := bNormal
		if i == len(labels)-1 {
			kind = bPrimary
		}
		a.addButton(keys[i], labels[i], image.Rect(bx-w, by, bx, by+bh), kind, effs[i])
		bx -= w + a.u(8)
	}
	return s.r.Max.Y
}

// paintRoomStrip draws the strip with what the room says now.
func (a *App) paintRoomStrip(dst *ebiten.Image) {
	r := a.room
	if r == nil || r.strip.r.Empty() {
		return
	}
	s := &r.strip
	b := a.stripText()
	lines := s.lines
	if b.text != "" {
		if ls := a.stripLines(b.text); len(ls) <= len(s.lines) {
			lines = ls
		}
	}
	edge, col := a.c.good, a.c.text
	switch s.kind {
	case "paused":
		edge, col = a.c.warn, a.c.warn
	case "offline":
		edge, col = a.c.warn, a.c.text
	case "refused":
		edge, col = a.c.bad, a.c.bad
	case "watch":
		edge, col = a.c.info, a.c.info
	}
	a.drawPanel(dst, s.r, a.c.panel2)
	vector.FillRect(dst, float32(s.r.Min.X), float32(s.r.Min.Y), float32(max(4, a.u(8))), float32(s.r.Dy()), edge, false)
	if s.kind == "paused" {
		vector.StrokeRect(dst, float32(s.r.Min.X), float32(s.r.Min.Y), float32(s.r.Dx()), float32(s.r.Dy()), float32(max(2, a.u(4))), edge, false)
	}
	y := float64(s.at.Y)
	for _, l := range lines {
		a.drawText(dst, l, a.fonts.bold, col, float64(s.at.X), y+(a.fonts.lineBody-textHeight(a.fonts.bold))/2)
		y += a.fonts.lineBody
	}
}

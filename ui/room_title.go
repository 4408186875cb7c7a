package ui

import (
	"image"

	"takedown/game"
)

// roomButtons are the title scene's ways into a workshop room: hosting
// one (or back to the one hosted), and joining one.
func (a *App) roomButtons() []barButton {
	host := barButton{"host_room", a.t("room.host"), bNormal, roomEff("host")}
	if hr := a.room.host; hr != nil {
		host = barButton{"host_room", a.t("room.your_room", game.Str("code", hr.info.Code)), bPrimary, roomEff("host")}
	}
	return []barButton{host, {"join_room", a.t("room.join_button"), bNormal, roomEff("join")}}
}

// roomButtonsSize is the width the room's buttons take at the right of the
// title scene's heading (with the gap before them), and their height: side
// by side when the tagline keeps room enough beside them, else one above
// the other.
func (a *App) roomButtonsSize(room int) (int, int) {
	bh := a.u(52)
	gap := a.u(16)
	side, stack := 0, 0
	for _, b := range a.roomButtons() {
		w := a.buttonWidth(b.label)
		side += w + a.u(8)
		stack = max(stack, w)
	}
	if room-side-gap >= a.u(480) {
		return side - a.u(8) + gap, bh
	}
	return stack + gap, 2*bh + a.u(8)
}

// addRoomButtons puts the room's buttons in r, at its right, centred
// across its height.
func (a *App) addRoomButtons(r image.Rectangle) {
	bh := a.u(52)
	bs := a.roomButtons()
	w := 0
	for _, b := range bs {
		w += a.buttonWidth(b.label) + a.u(8)
	}
	if w-a.u(8) <= r.Dx()-a.u(16) {
		x := r.Max.X
		y := r.Min.Y + (r.Dy()-bh)/2
		for i := len(bs) - 1; i >= 0; i-- {
			bw := a.buttonWidth(bs[i].label)
			a.addButton(bs[i].key, bs[i].label, image.Rect(x-bw, y, x, y+bh), bs[i].kind, bs[i].e)
			x -= bw + a.u(8)
		}
		return
	}
	y := r.Min.Y + (r.Dy()-2*bh-a.u(8))/2
	for _, b := range bs {
		a.addButton(b.key, b.label, image.Rect(r.Min.X+a.u(16), y, r.Max.X, y+bh), b.kind, b.e)
		y += bh + a.u(8)
	}
}

package ui

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
)

// readOnlyDesk reports whether the desk shown is a trainee's that the
// instructor watches: it is read-only there. The console takes no typing,
// the actions panel and the entities' menus are not shown, and the way to
// reach the trainee is the strip's "Send to this trainee" (an inject or a
// message), which stays.
func (a *App) readOnlyDesk() bool {
	return a.room != nil && a.room.watch != nil && a.m != nil && a.m == a.room.watch.m
}

// consoleHint is the line under the console: how to type, or on a watched
// desk that it is read-only and how to reach the trainee instead.
func (a *App) consoleHint() string {
	if a.readOnlyDesk() {
		return a.t("room.watch_hint")
	}
	return a.t("console_hint")
}

// watchInputHeight is the height of the note that takes the typing line's
// place on a watched desk.
func (a *App) watchInputHeight(width int) int {
	lines := wrapText(a.t("room.watch_input"), a.fonts.bold, float64(width-2*a.u(16)))
	return max(a.u(50), int(float64(len(lines))*a.fonts.lineBody)+2*a.u(10))
}

// paintWatchInput draws the note that takes the typing line's place on a
// watched desk: nothing can be typed into a trainee's case.
func (a *App) paintWatchInput(dst *ebiten.Image, r image.Rectangle) {
	a.drawPanel(dst, inset(r, a.u(4)), a.c.panel2)
	lines := wrapText(a.t("room.watch_input"), a.fonts.bold, float64(r.Dx()-2*a.u(16)))
	y := float64(r.Min.Y) + (float64(r.Dy())-float64(len(lines))*a.fonts.lineBody)/2
	for _, s := range lines {
		a.drawText(dst, s, a.fonts.bold, a.c.info, float64(r.Min.X+a.u(16)), y+(a.fonts.lineBody-textHeight(a.fonts.bold))/2)
		y += a.fonts.lineBody
	}
}

package ui

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/game"
)

// meterText is the damages meter's line: the total against the
// threshold and what that makes the case.
func (a *App) meterText(dm game.DamageReport) string {
	state := a.t("below")
	if dm.Serious {
		state = a.t("serious")
	}
	return a.t("meter", game.Money("total", dm.Total, dm.Currency), game.Money("threshold", dm.Threshold, dm.Currency), game.Str("state", state))
}

// meterRow reports whether the meter's text and bar fit side by side in
// a width: the bar at least a quarter of it.
func (a *App) meterRow(text string, width int) bool {
	return int(textWidth(text, a.fonts.bold))+3*a.u(14) <= width*3/4
}

// meterHeight is the meter's height in a width: its text beside the bar,
// or wrapped above it.
func (a *App) meterHeight(width int) int {
	dm := game.DamageReport{}
	if a.m != nil {
		dm = a.m.view.Damages
	}
	txt := a.meterText(dm)
	if a.meterRow(txt, width) {
		return int(a.fonts.lineBody) + 2*a.u(12)
	}
	lines := wrapText(txt, a.fonts.bold, float64(width-2*a.u(14)))
	return int(float64(len(lines))*a.fonts.lineBody) + a.u(8) + a.u(6) + a.u(18) + a.u(10)
}

// paintMeter draws damages against the threshold: the bar and the
// threshold's mark.
func (a *App) paintMeter(dst *ebiten.Image, r image.Rectangle, dm game.DamageReport) {
	a.drawPanel(dst, r, a.c.panel)
	pad := a.u(14)
	col := a.c.warn
	if dm.Serious {
		col = a.c.good
	}
	txt := a.meterText(dm)
	var bar image.Rectangle
	if a.meterRow(txt, r.Dx()) {
		a.drawText(dst, txt, a.fonts.bold, a.c.text, float64(r.Min.X+pad), float64(r.Min.Y)+(float64(r.Dy())-textHeight(a.fonts.bold))/2)
		x := r.Min.X + 2*pad + int(textWidth(txt, a.fonts.bold))
		bh := a.u(20)
		bar = image.Rect(x, r.Min.Y+(r.Dy()-bh)/2, r.Max.X-pad, r.Min.Y+(r.Dy()+bh)/2)
	} else {
		y := float64(r.Min.Y + a.u(8))
		for _, s := range wrapText(txt, a.fonts.bold, float64(r.Dx()-2*pad)) {
			a.drawText(dst, s, a.fonts.bold, a.c.text, float64(r.Min.X+pad), y+(a.fonts.lineBody-textHeight(a.fonts.bold))/2)
			y += a.fonts.lineBody
		}
		bar = image.Rect(r.Min.X+pad, int(y)+a.u(6), r.Max.X-pad, r.Max.Y-a.u(10))
	}
	vector.FillRect(dst, float32(bar.Min.X), float32(bar.Min.Y), float32(bar.Dx()), float32(bar.Dy()), a.c.term, false)
	// The threshold sits at 40% of the bar, so that damages far above it fit.
	scaleMax := max(float64(dm.Threshold)*2.5, float64(dm.Total), 1)
	fw := float64(bar.Dx()) * float64(dm.Total) / scaleMax
	vector.FillRect(dst, float32(bar.Min.X), float32(bar.Min.Y), float32(fw), float32(bar.Dy()), col, false)
	tx := float32(float64(bar.Min.X) + float64(bar.Dx())*float64(dm.Threshold)/scaleMax)
	vector.FillRect(dst, tx-float32(a.u(2)), float32(bar.Min.Y-a.u(4)), float32(a.u(4)), float32(bar.Dy()+a.u(8)), a.c.text, false)
	vector.StrokeRect(dst, float32(bar.Min.X), float32(bar.Min.Y), float32(bar.Dx()), float32(bar.Dy()), 1, a.c.line, false)
}

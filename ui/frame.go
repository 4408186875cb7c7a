package ui

import (
	"image"
)

// pageButton is a button of a page's bottom row: on the left (back,
// previous) or on the right (the way on).
type pageButton struct {
	key, label string
	kind       int
	e          effect
	right      bool
}

// buildFrame adds the top bar and the page's bottom row of buttons, which
// wraps into more rows when they do not fit; it returns the body between.
func (a *App) buildFrame(buttons []pageButton) image.Rectangle {
	top := a.buildTopBar()
	pad := a.u(20)
	bh := a.u(58)
	width := a.w - 2*pad
	var left, right []pageButton
	total := 0
	for _, b := range buttons {
		total += a.buttonWidth(b.label) + a.u(30) + a.u(12)
		if b.right {
			right = append(right, b)
		} else {
			left = append(left, b)
		}
	}
	rows := [][]pageButton{append(left, right...)}
	if total > width {
		rows = [][]pageButton{left, right}
	}
	// Lay each group out from the bottom up.
	y := a.h - pad
	for i := len(rows) - 1; i >= 0; i-- {
		row := rows[i]
		if len(row) == 0 {
			continue
		}
		var labels []string
		for _, b := range row {
			labels = append(labels, b.label)
		}
		h := a.flowHeight(width, widen(labels), bh)
		rects := a.flow(image.Rect(pad, y-h, a.w-pad, y), widen(labels), bh)
		// Right-hand buttons end at the right edge of their line.
		ends := map[int]int{}
		for k, b := range row {
			if b.right {
				ends[rects[k].Min.Y] = max(ends[rects[k].Min.Y], rects[k].Max.X)
			}
		}
		for k, b := range row {
			r := rects[k]
			if b.right {
				r = r.Add(image.Pt(a.w-pad-ends[r.Min.Y], 0))
			}
			a.addButton(b.key, b.label, r, b.kind, b.e)
		}
		y -= h + a.u(10)
	}
	return image.Rect(pad, top+pad, a.w-pad, y-a.u(6))
}

// widen pads labels so that page buttons are roomier than their text.
func widen(labels []string) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = "  " + l + "  "
	}
	return out
}

// columns splits a body into two panels side by side when it is wide
// enough for both, else returns it whole and an empty second.
func (a *App) columns(body image.Rectangle, leftPct int) (image.Rectangle, image.Rectangle) {
	if float64(body.Dx())/a.scale < 1300 {
		return body, image.Rectangle{}
	}
	gap := a.u(20)
	split := body.Min.X + body.Dx()*leftPct/100
	return image.Rect(body.Min.X, body.Min.Y, split-gap/2, body.Max.Y), image.Rect(split+gap/2, body.Min.Y, body.Max.X, body.Max.Y)
}

package ui

import (
	"image"
	"image/color"
	"strings"

	eimage "github.com/ebitenui/ebitenui/image"
	"github.com/ebitenui/ebitenui/widget"
)

// Button kinds.
const (
	bNormal = iota
	bPrimary
	bTab
	bTabOn
	bQuiet
	bGhost // invisible until hovered or focused: lies over a drawn shape
	bRisky // an action with a risk: drawn as a card by the scene
)

// addButton puts a button on the scene. key names it for tests and focus;
// clicking it applies the effects. A label too wide for the button is
// broken into lines when the button is tall enough; the layout tests catch
// one that still does not fit.
func (a *App) addButton(key, label string, r image.Rectangle, kind int, effs ...effect) *widget.Button {
	face := a.fonts.button
	body, border, txt, hover := a.c.btn, a.c.line, a.c.btnText, a.c.btnHover
	switch kind {
	case bPrimary:
		body, border, txt, hover = a.c.accent, a.c.accent, color.NRGBA{0x10, 0x10, 0x10, 0xff}, color.NRGBA{0xff, 0xe2, 0x80, 0xff}
	case bTab:
		body, border, hover = a.c.panel, a.c.line, a.c.panel2
	case bTabOn:
		body, border, txt, hover = a.c.panel2, a.c.accent, a.c.accent, a.c.panel2
	case bQuiet:
		body, border, hover = a.c.panel2, a.c.line, a.c.btn
	case bGhost, bRisky:
		clearC := color.NRGBA{}
		body, border, hover = clearC, clearC, clearC
	}
	ghost := kind == bGhost || kind == bRisky
	bw := max(1, a.u(2))
	img := &widget.ButtonImage{
		Idle:     a.slice(body, border, bw),
		Hover:    a.slice(hover, a.c.accent, bw),
		Pressed:  a.slice(a.c.accent, a.c.accent, bw),
		Disabled: a.slice(a.c.panel, a.c.panel2, bw),
	}
	if ghost {
		// Nothing is drawn until it is hovered or pressed: what it lies
		// over is drawn in the canvas.
		img.Idle = eimage.NewNineSliceColor(nil)
		img.Hover = a.slice(color.NRGBA{}, a.c.accent, max(2, a.u(3)))
		img.Pressed = a.slice(color.NRGBA{}, a.c.accent, max(2, a.u(4)))
		img.Disabled = img.Idle
	}
	lines := 1
	if !ghost && label != "" {
		pad := float64(a.u(6))
		if maxWidth(splitLines(label), face) > float64(r.Dx())-2*pad {
			ls := wrapText(label, face, float64(r.Dx())-2*pad)
			if float64(len(ls))*a.fonts.lineButton <= float64(r.Dy()) {
				label = strings.Join(ls, "\n")
				lines = len(ls)
			}
		}
	}
	a.recordButton(label, r, lines, ghost)
	if ghost {
		label = ""
	}
	pressedText := color.NRGBA{0x10, 0x10, 0x10, 0xff}
	b := widget.NewButton(
		widget.ButtonOpts.Image(img),
		widget.ButtonOpts.Text(label, &face, &widget.ButtonTextColor{Idle: txt, Hover: txt, Pressed: pressedText, Disabled: a.c.dim}),
		widget.ButtonOpts.TextProcessBBCode(false),
		widget.ButtonOpts.TextPadding(&widget.Insets{Left: a.u(6), Right: a.u(6)}),
		// Enter and Space are handled by activateFocused, from Input.
		widget.ButtonOpts.DisableDefaultKeys(),
		widget.ButtonOpts.ClickedHandler(func(*widget.ButtonClickedEventArgs) {
			// An open menu takes every click: one outside it only closes
			// it (see deskScene.update), and never reaches what lies
			// beneath.
			if a.menuOpen() && !strings.HasPrefix(key, "menu:") {
				return
			}
			a.later = append(a.later, effs...)
		}),
	)
	b.SetLocation(r)
	a.root.AddChild(b)
	a.targets[key] = r
	a.buttons[key] = b
	return b
}

// sliceKey names a bordered button image.
type sliceKey struct {
	body, border color.NRGBA
	width        int
}

// slice returns a bordered button image, made once for the window: every
// build adds the scene's buttons again, and each new image would take
// memory until the collector runs.
func (a *App) slice(body, border color.NRGBA, width int) *eimage.NineSlice {
	k := sliceKey{body, border, width}
	if s, ok := a.slices[k]; ok {
		return s
	}
	if a.slices == nil {
		a.slices = map[sliceKey]*eimage.NineSlice{}
	}
	s := eimage.NewBorderedNineSliceColor(body, border, width)
	a.slices[k] = s
	return s
}

// menuOpen reports whether the desk's context menu is open.
func (a *App) menuOpen() bool { return a.scene == a.desk && a.desk.popup != "" && a.overlay == nil }

// buttonWidth is the width a button needs for its label.
func (a *App) buttonWidth(label string) int {
	return int(maxWidth(splitLines(label), a.fonts.button)) + 2*a.u(14)
}

// flow places buttons left to right in rows inside r, wrapping as needed,
// and returns their rectangles; rows go on below r when it is too short,
// so callers size r from the result (see flowHeight).
func (a *App) flow(r image.Rectangle, labels []string, h int) []image.Rectangle {
	gap := a.u(8)
	x, y := r.Min.X, r.Min.Y
	out := make([]image.Rectangle, 0, len(labels))
	for _, l := range labels {
		w := min(a.buttonWidth(l), r.Dx())
		if x+w > r.Max.X && x > r.Min.X {
			x = r.Min.X
			y += h + gap
		}
		out = append(out, image.Rect(x, y, x+w, y+h))
		x += w + gap
	}
	return out
}

// flowHeight is the height flow takes for the labels in a width.
func (a *App) flowHeight(width int, labels []string, h int) int {
	rs := a.flow(image.Rect(0, 0, width, 1), labels, h)
	if len(rs) == 0 {
		return 0
	}
	return rs[len(rs)-1].Max.Y
}

// justify lays tabs out in as few rows as fit, each row stretched to the
// full width, and returns the rectangles and the height used.
func (a *App) justify(r image.Rectangle, labels []string, h int) ([]image.Rectangle, int) {
	gap := a.u(6)
	var rows [][]int
	var cur []int
	curW := 0
	for i, l := range labels {
		w := a.buttonWidth(l)
		if len(cur) > 0 && curW+gap+w > r.Dx() {
			rows = append(rows, cur)
			cur, curW = nil, 0
		}
		if len(cur) > 0 {
			curW += gap
		}
		cur = append(cur, i)
		curW += w
	}
	if len(cur) > 0 {
		rows = append(rows, cur)
	}
	// Rows of equal length read better: spread the tabs evenly when
	// they still fit.
	if n := len(rows); n > 1 {
		per := (len(labels) + n - 1) / n
		var even [][]int
		fits := true
		for i := 0; i < len(labels); i += per {
			var row []int
			w := -gap
			for k := i; k < min(i+per, len(labels)); k++ {
				row = append(row, k)
				w += gap + a.buttonWidth(labels[k])
			}
			fits = fits && w <= r.Dx()
			even = append(even, row)
		}
		if fits && len(even) == n {
			rows = even
		}
	}
	out := make([]image.Rectangle, len(labels))
	y := r.Min.Y
	for _, row := range rows {
		total := 0
		for _, i := range row {
			total += a.buttonWidth(labels[i])
		}
		extra := r.Dx() - total - gap*(len(row)-1)
		x := r.Min.X
		for k, i := range row {
			w := a.buttonWidth(labels[i]) + extra/len(row)
			if k == len(row)-1 {
				w = r.Max.X - x
			}
			out[i] = image.Rect(x, y, x+w, y+h)
			x += w + gap
		}
		y += h + gap
	}
	return out, y - gap - r.Min.Y
}

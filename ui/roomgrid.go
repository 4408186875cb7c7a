package ui

import (
	"image"
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// gridCol is a column of a room's table.
type gridCol struct {
	head string
	flex bool    // its text may wrap to leave room for the others
	minW float64 // the narrowest a flexible column gets, in unscaled pixels
}

// gridCell is one cell: its text and style.
type gridCell struct {
	text string
	st   style
}

// gridRow is one row: a trainee, a team. A row with a key is a button.
type gridRow struct {
	key   string
	cells []gridCell
	mark  bool    // needs attention: a coloured edge at its left
	group string  // a heading shown above the row, or ""
	light *colorT // a status light before the first cell (the connection), or nil
}

// grid is a table laid out for a width: columns side by side when they
// fit, wrapping the text of flexible ones, else each row stacked as a
// paragraph. Every line of text is measured, so nothing is cut.
type grid struct {
	cols    []gridCol
	rows    []gridRow
	stacked bool
	x, w    []float64  // column offsets and widths
	head    [][]string // the header, wrapped per column
	headH   float64
	lay     []gridRowLay
	height  float64 // of the rows, without the header
	lightW  float64 // room before the first cell's text for status lights
}

// gridRowLay is a row laid out.
type gridRowLay struct {
	y, h   float64 // from the top of the rows
	groupH float64 // the heading above it, inside h
	group  []string
	cells  [][]string // table: each cell's lines; stacked: one entry, the paragraph's lines
	first  []string   // stacked: the first cell's lines
}

// cellPad is a cell's padding across and down, in unscaled pixels.
const (
	cellPadX = 10
	cellPadY = 3
)

// layout lays the table out in a width.
func (g *grid) layout(a *App, width float64) {
	padX, padY := float64(a.u(cellPadX)), float64(a.u(cellPadY))
	n := len(g.cols)
	g.lightW = 0
	for _, r := range g.rows {
		if r.light != nil {
			g.lightW = float64(a.u(24))
		}
	}
	natural := make([]float64, n)
	least := make([]float64, n)
	for i, c := range g.cols {
		// A heading may wrap between its words.
		for _, w := range strings.Fields(c.head) {
			natural[i] = max(natural[i], textWidth(w, a.fonts.bold))
		}
		least[i] = natural[i]
		for _, r := range g.rows {
			if i < len(r.cells) {
				f, _, _ := a.face(r.cells[i].st)
				natural[i] = max(natural[i], textWidth(r.cells[i].text, f))
				if c.flex {
					// Lines break at spaces only (wrapLine): a no-break
					// space keeps a mark with its word.
					for _, w := range strings.Split(r.cells[i].text, " ") {
						least[i] = max(least[i], textWidth(w, f))
					}
				}
			}
		}
		natural[i] += 2 * padX
		least[i] += 2 * padX
		if i == 0 {
			natural[i] += g.lightW
			least[i] += g.lightW
		}
		if !c.flex {
			least[i] = natural[i]
		} else {
			least[i] = max(least[i], c.minW*a.scale)
		}
	}
	g.w = make([]float64, n)
	g.x = make([]float64, n)
	sumNat, sumLeast := 0.0, 0.0
	for i := range g.cols {
		sumNat += natural[i]
		sumLeast += least[i]
	}
	g.stacked = false
	switch {
	case sumNat <= width:
		copy(g.w, natural)
		// The room left goes to the flexible columns, else to the first.
		extra := width - sumNat
		flex := 0
		for _, c := range g.cols {
			if c.flex {
				flex++
			}
		}
		for i, c := range g.cols {
			if flex == 0 && i == 0 {
				g.w[i] += extra
			} else if c.flex {
				g.w[i] += extra / float64(flex)
			}
		}
	case sumLeast <= width:
		// The widest flexible columns give way first: each is capped at
		// the same width (never below its least), the cap as wide as the
		// room allows, so that narrow columns keep their text on one line.
		lo, hi := 0.0, width
		for range 40 {
			c := (lo + hi) / 2
			sum := 0.0
			for i, col := range g.cols {
				if col.flex {
					sum += min(natural[i], max(least[i], c))
				} else {
					sum += natural[i]
				}
			}
			if sum > width {
				hi = c
			} else {
				lo = c
			}
		}
		for i, col := range g.cols {
			g.w[i] = natural[i]
			if col.flex {
				g.w[i] = min(natural[i], max(least[i], lo))
			}
		}
	default:
		g.stacked = true
	}
	x := 0.0
	for i := range g.w {
		g.x[i] = x
		x += g.w[i]
	}
	lb := a.fonts.lineBody
	g.head, g.headH = nil, 0
	if !g.stacked {
		lines := 1
		for i, c := range g.cols {
			ls := wrapText(c.head, a.fonts.bold, g.w[i]-2*padX)
			g.head = append(g.head, ls)
			lines = max(lines, len(ls))
		}
		g.headH = float64(lines)*lb + 2*padY
	}
	g.lay = g.lay[:0]
	y := 0.0
	for _, r := range g.rows {
		rl := gridRowLay{y: y}
		if r.group != "" {
			rl.group = wrapText(r.group, a.fonts.head, width-2*padX)
			rl.groupH = float64(len(rl.group))*a.fonts.lineHead + padY
		}
		h := 0.0
		if g.stacked {
			f0, _, lh0 := a.face(r.cells[0].st)
			rl.first = wrapText(r.cells[0].text, f0, width-2*padX-g.lightW)
			var parts []string
			for i := 1; i < len(r.cells) && i < n; i++ {
				if r.cells[i].text == "" {
					continue
				}
				parts = append(parts, g.cols[i].head+": "+r.cells[i].text)
			}
			rest := wrapText(strings.Join(parts, " · "), a.fonts.body, width-2*padX)
			rl.cells = [][]string{rest}
			h = float64(len(rl.first))*lh0 + float64(len(rest))*lb
		} else {
			for i := range g.cols {
				var ls []string
				if i < len(r.cells) && r.cells[i].text != "" {
					f, _, lh := a.face(r.cells[i].st)
					w := g.w[i] - 2*padX
					if i == 0 {
						w -= g.lightW
					}
					ls = wrapText(r.cells[i].text, f, w)
					h = max(h, float64(len(ls))*lh)
				}
				rl.cells = append(rl.cells, ls)
			}
			h = max(h, lb)
		}
		rl.h = rl.groupH + h + 2*padY
		g.lay = append(g.lay, rl)
		y += rl.h
	}
	g.height = y
}

// buttons adds a ghost button over each row with a key that is in view.
func (g *grid) buttons(a *App, view image.Rectangle, skip float64) {
	for i, r := range g.rows {
		if r.key == "" {
			continue
		}
		l := g.lay[i]
		top := float64(view.Min.Y) + l.y + l.groupH - skip
		rr := image.Rect(view.Min.X, int(top), view.Max.X, int(top+l.h-l.groupH)).Intersect(view)
		if rr.Dy() >= int(a.fonts.lineBody)/2 {
			a.addButton(r.key, "", rr, bGhost, roomEffOf(r.key))
		}
	}
}

// roomEffOf is what clicking a row of a room's table does: its key is the
// effect's verb and argument.
func roomEffOf(key string) effect { return effect{kind: effRoom, arg: key} }

// paintHead draws the header row in r.
func (g *grid) paintHead(a *App, dst *ebiten.Image, r image.Rectangle) {
	if g.stacked {
		return
	}
	padX, padY := float64(a.u(cellPadX)), float64(a.u(cellPadY))
	vector.FillRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), a.c.panel2, false)
	for i, ls := range g.head {
		y := float64(r.Min.Y) + padY
		for _, l := range ls {
			a.drawText(dst, l, a.fonts.bold, a.c.accent, float64(r.Min.X)+g.x[i]+padX, y+(a.fonts.lineBody-textHeight(a.fonts.bold))/2)
			y += a.fonts.lineBody
		}
	}
}

// paintRows draws the rows in view, skip pixels scrolled.
func (g *grid) paintRows(a *App, dst *ebiten.Image, view image.Rectangle, skip float64) {
	sub := dst.SubImage(view).(*ebiten.Image)
	padX, padY := float64(a.u(cellPadX)), float64(a.u(cellPadY))
	x0 := float64(view.Min.X)
	top, bottom := float64(view.Min.Y), float64(view.Max.Y)
	line := func(s string, f textFace, col color.Color, x, y, lh float64) {
		ty := y + (lh-textHeight(f))/2
		if ty >= top-0.5 && ty+textHeight(f) <= bottom+0.5 {
			a.drawText(sub, s, f, col, x, ty)
		}
	}
	for i, r := range g.rows {
		l := g.lay[i]
		y := top + l.y - skip
		if y > bottom || y+l.h < top {
			continue
		}
		gy := y + padY/2
		for _, s := range l.group {
			line(s, a.fonts.head, a.c.accent, x0+padX, gy, a.fonts.lineHead)
			gy += a.fonts.lineHead
		}
		ry := y + l.groupH
		rh := l.h - l.groupH
		ground := a.c.panel
		if i%2 == 1 {
			ground = a.c.panel2
		}
		vector.FillRect(sub, float32(x0), float32(ry), float32(view.Dx()), float32(rh), ground, false)
		if r.mark {
			vector.FillRect(sub, float32(x0), float32(ry), float32(max(3, a.u(6))), float32(rh), a.c.bad, false)
		}
		cy := ry + padY
		if r.light != nil {
			d := float32(a.u(14))
			ly := float32(cy + (a.fonts.lineBody-float64(d))/2)
			if float64(ly) >= top && float64(ly+d) <= bottom {
				vector.FillRect(sub, float32(x0+padX), ly, d, d, *r.light, false)
			}
		}
		if g.stacked {
			f0, c0, lh0 := a.face(r.cells[0].st)
			for _, s := range l.first {
				line(s, f0, c0, x0+padX+g.lightW, cy, lh0)
				cy += lh0
			}
			for _, s := range l.cells[0] {
				line(s, a.fonts.body, a.c.text, x0+padX, cy, a.fonts.lineBody)
				cy += a.fonts.lineBody
			}
			continue
		}
		for k, ls := range l.cells {
			if len(ls) == 0 {
				continue
			}
			f, col, lh := a.face(r.cells[k].st)
			yy := cy
			x := x0 + g.x[k] + padX
			if k == 0 {
				x += g.lightW
			}
			for _, s := range ls {
				line(s, f, col, x, yy, lh)
				yy += lh
			}
		}
	}
}

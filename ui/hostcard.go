package ui

import (
	"image"
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/game"
	"takedown/room"
)

// cardScene is the room card for the projector: the room code in large
// letters, the address to type, a QR code of the join address, the
// countdown and how many have joined.
type cardScene struct {
	lines   []stackLine
	scroll  scrollArea
	left    image.Rectangle
	qrAt    image.Rectangle
	qr      *ebiten.Image
	qrKey   string
	caption []string
	// The code's face, made for its size.
	codeFace textFace
	codeSize float64
}

func (c *cardScene) id() string { return SceneRoom }

func (c *cardScene) update(a *App) []effect { return a.pageKeys(&c.scroll, true) }

// stackLine is one line of a panel of lines in several faces.
type stackLine struct {
	text string
	face textFace
	col  color.Color
	lh   float64 // line advance
	gap  float64 // space before
	bar  float64 // a bar of this share of the width instead of text (with col), when text is ""
}

// stack wraps text in a face into lines no wider than width.
func stack(s string, face textFace, col color.Color, lh, gap, width float64) []stackLine {
	var out []stackLine
	for i, l := range wrapText(s, face, width) {
		sl := stackLine{text: l, face: face, col: col, lh: lh}
		if i == 0 {
			sl.gap = gap
		}
		out = append(out, sl)
	}
	return out
}

// stackHeight is the height of lines.
func stackHeight(ls []stackLine) float64 {
	h := 0.0
	for _, l := range ls {
		h += l.gap + l.lh
	}
	return h
}

// paintStack draws lines in a scroll area, skipping those out of view.
func (a *App) paintStack(dst *ebiten.Image, s *scrollArea, ls []stackLine) {
	c := s.content(a)
	s.setMax(stackHeight(ls))
	sub := dst.SubImage(c).(*ebiten.Image)
	y := float64(c.Min.Y) - s.skip()
	for _, l := range ls {
		y += l.gap
		if l.text == "" && l.bar > 0 {
			h := l.lh * 0.7
			top := y + (l.lh-h)/2
			if top >= float64(c.Min.Y) && top+h <= float64(c.Max.Y) {
				w := float32(float64(c.Dx()-a.u(8)) * min(1, l.bar))
				vector.FillRect(sub, float32(c.Min.X), float32(top), float32(c.Dx()-a.u(8)), float32(h), a.c.panel2, false)
				vector.FillRect(sub, float32(c.Min.X), float32(top), max(w, float32(a.u(4))), float32(h), l.col, false)
			}
		} else if l.text != "" {
			th := textHeight(l.face)
			top := y + (l.lh-th)/2
			if top >= float64(c.Min.Y)-0.5 && top+th <= float64(c.Max.Y)+0.5 {
				a.drawText(sub, l.text, l.face, l.col, float64(c.Min.X), top)
			}
		}
		y += l.lh
	}
	a.paintScrollbar(dst, s)
}

// spacedCode writes a room code in two groups, easier to read aloud.
func spacedCode(code string) string {
	if len(code) == room.CodeLength {
		return code[:3] + " " + code[3:]
	}
	return code
}

func (c *cardScene) build(a *App) {
	hr := a.room.host
	if hr == nil {
		a.scene = a.title
		a.title.build(a)
		return
	}
	body := a.buildFrame([]pageButton{
		{key: "dashboard", label: a.t("room.dashboard"), kind: bPrimary, e: goTo(SceneDashboard), right: true},
		{key: "plenary", label: a.t("room.plenary"), kind: bNormal, e: goTo(ScenePlenary), right: true},
		{key: "export", label: a.t("room.export"), kind: bNormal, e: roomEff("export"), right: true},
		{key: "close_room", label: a.t("room.close"), kind: bNormal, e: confirm(question{title: a.t("room.close_q"), lines: []string{a.t("room.close_note")}}, roomEff("close")), right: true},
	})
	gap := a.u(24)
	// The QR code takes a square on the right when there is room for the
	// text beside it, else it goes below the text.
	side := min(body.Dy(), body.Dx()*2/5)
	c.left = body
	c.qrAt = image.Rectangle{}
	capFace := a.fonts.small
	if side >= a.u(300) {
		c.left = image.Rect(body.Min.X, body.Min.Y, body.Max.X-side-gap, body.Max.Y)
		c.caption = wrapText(a.t("room.scan"), capFace, float64(side))
		capH := int(float64(len(c.caption)) * a.fonts.lineSmall)
		q := min(side, body.Dy()-capH-a.u(8))
		x := body.Max.X - side + (side-q)/2
		c.qrAt = image.Rect(x, body.Min.Y, x+q, body.Min.Y+q)
	}
	a.register(&c.scroll, c.left)
	width := float64(c.scroll.content(a).Dx() - a.u(8))
	c.lines = a.roomCardLines(hr, width, float64(c.left.Dy()))
	if len(hr.info.URLs) > 0 && !c.qrAt.Empty() {
		key := hr.info.URLs[0] + "|" + strings.Repeat("#", c.qrAt.Dx())
		if key != c.qrKey || c.qr == nil {
			if img, err := room.QRImage(hr.info.URLs[0], c.qrAt.Dx()); err == nil {
				if c.qr != nil {
					c.qr.Deallocate()
				}
				c.qr = ebiten.NewImageFromImage(img)
				c.qrKey = key
			}
		}
	}
}

// codeFaceFor returns the face for the room code at a size, made once per
// size.
func (c *cardScene) codeFaceFor(a *App, size float64) textFace {
	size = float64(int(size))
	if c.codeFace == nil || c.codeSize != size {
		c.codeFace, c.codeSize = a.fs.face(a.fs.mono, size), size
	}
	return c.codeFace
}

// roomCardLines lays the room card's text out in a width: the code as large as
// the width and the height leave room for.
func (a *App) roomCardLines(hr *hostedRoom, width, height float64) []stackLine {
	code := spacedCode(hr.info.Code)
	// Everything but the code, to see what height the code may take.
	f := a.fonts
	var before, after []stackLine
	before = append(before, stack(a.t("room.join_head", game.Txt("title", hr.info.Title)), f.head, a.c.accent, f.lineHead, 0, width)...)
	before = append(before, stack(a.t("room.code_label"), f.bold, a.c.dim, f.lineBody, 12, width)...)
	after = append(after, stack(a.t("room.addr_label"), f.bold, a.c.dim, f.lineBody, 8, width)...)
	after = append(after, stack(strings.Join(hr.info.Addrs, "   "), f.title, a.c.text, f.lineTitle, 0, width)...)
	after = append(after, stack(a.t("room.how_to_join"), f.body, a.c.text, f.lineBody, 12, width)...)
	after = append(after, stack(a.countdown(hr.dash), f.title, a.c.accent, f.lineTitle, 16, width)...)
	online := 0
	for _, r := range hr.dash.Trainees {
		if r.State == room.StateOnline {
			online++
		}
	}
	after = append(after, stack(a.t("room.joined", game.Count("n", int64(len(hr.dash.Trainees))), game.Num("online", int64(online))), f.body, a.c.text, f.lineBody, 4, width)...)
	switch {
	case hr.announceErr != nil:
		after = append(after, stack(a.t("room.not_announced"), f.small, a.c.warn, f.lineSmall, 8, width)...)
	case hr.unannounce != nil:
		after = append(after, stack(a.t("room.announced"), f.small, a.c.dim, f.lineSmall, 8, width)...)
	}
	// The code: as wide as the panel allows, at most a fifth of the
	// screen's height, and no taller than the rest leaves room for (but
	// never smaller than a title).
	probe := a.card().codeFaceFor(a, 100)
	size := 100 * width / max(1, textWidth(code, probe))
	size = min(size, float64(a.h)/5)
	rest := height - stackHeight(before) - stackHeight(after) - float64(a.u(8))
	size = min(size, rest*3/4)
	least := float64(a.fonts.px) * 50 / 24
	size = max(size, least)
	for size > least && textWidth(code, a.card().codeFaceFor(a, size)) > width {
		size--
	}
	face := a.card().codeFaceFor(a, size)
	lines := append(before, stack(code, face, a.c.accent, float64(int(size*4/3+0.5)), 0, width)...)
	return append(lines, after...)
}

// card returns the room card scene.
func (a *App) card() *cardScene { return a.room.card }

func (c *cardScene) paint(a *App, dst *ebiten.Image) {
	a.paintTopBar(dst)
	if a.room.host == nil {
		return
	}
	a.paintStack(dst, &c.scroll, c.lines)
	if c.qr != nil && !c.qrAt.Empty() {
		// The QR code's own white margin is part of the image.
		op := &ebiten.DrawImageOptions{}
		b := c.qr.Bounds()
		op.GeoM.Scale(float64(c.qrAt.Dx())/float64(b.Dx()), float64(c.qrAt.Dy())/float64(b.Dy()))
		op.GeoM.Translate(float64(c.qrAt.Min.X), float64(c.qrAt.Min.Y))
		dst.DrawImage(c.qr, op)
		y := float64(c.qrAt.Max.Y + a.u(8))
		for _, l := range c.caption {
			w := textWidth(l, a.fonts.small)
			a.drawText(dst, l, a.fonts.small, a.c.dim, float64(c.qrAt.Min.X)+(float64(c.qrAt.Dx())-w)/2, y+(a.fonts.lineSmall-textHeight(a.fonts.small))/2)
			y += a.fonts.lineSmall
		}
	}
}

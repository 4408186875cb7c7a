package ui

import (
	"image"
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// style is how a paragraph is drawn.
type style int

const (
	stBody style = iota
	stBold
	stDim
	stSmall
	stHead
	stMono
	stMonoCmd
	stMonoDim
	stGood
	stBad
	stWarn
	stInfo
	stTitle
	stAccent
	stLarge
	stWarnSmall
)

// textFace is the face type the window draws with.
type textFace = text.Face

// para is one paragraph of a text panel.
type para struct {
	st     style
	text   string
	indent float64 // in unscaled pixels
	gap    float64 // extra space before, in unscaled pixels
}

// doc is a text panel's content before wrapping.
type doc []para

// add appends a paragraph.
func (d *doc) add(st style, s string) { *d = append(*d, para{st: st, text: s}) }

// head appends a heading.
func (d *doc) head(s string) { *d = append(*d, para{st: stHead, text: s, gap: 10}) }

// wline is one wrapped line, ready to draw.
type wline struct {
	st   style
	text string
	x    float64
	h    float64 // line advance
	gap  float64
}

// face returns the face and colour of a style.
func (a *App) face(st style) (text.Face, color.Color, float64) {
	f, c := a.fonts, a.c
	switch st {
	case stBold:
		return f.bold, c.text, f.lineBody
	case stDim:
		return f.body, c.dim, f.lineBody
	case stSmall:
		return f.small, c.dim, f.lineSmall
	case stHead:
		return f.head, c.accent, f.lineHead
	case stMono:
		return f.mono, c.termText, f.lineMono
	case stMonoCmd:
		return f.mono, c.termCmd, f.lineMono
	case stMonoDim:
		return f.mono, c.dim, f.lineMono
	case stGood:
		return f.body, c.good, f.lineBody
	case stBad:
		return f.body, c.bad, f.lineBody
	case stWarn:
		return f.body, c.warn, f.lineBody
	case stInfo:
		return f.body, c.info, f.lineBody
	case stTitle:
		return f.title, c.text, f.lineTitle
	case stAccent:
		return f.bold, c.accent, f.lineBody
	case stLarge:
		return f.large, c.text, f.lineLarge
	case stWarnSmall:
		return f.small, c.warn, f.lineSmall
	}
	return f.body, c.text, f.lineBody
}

// wrap lays a doc out in lines no wider than width.
func (a *App) wrap(d doc, width float64) []wline {
	var out []wline
	for _, p := range d {
		face, _, lh := a.face(p.st)
		x := p.indent * a.scale
		gap := p.gap * a.scale
		if p.text == "" {
			out = append(out, wline{st: p.st, h: lh, gap: gap})
			continue
		}
		for _, raw := range strings.Split(strings.TrimRight(p.text, "\n"), "\n") {
			lead := len(raw) - len(strings.TrimLeft(raw, " "))
			pad := strings.Repeat(" ", lead)
			for i, l := range wrapLine(raw, face, width-x) {
				if i > 0 && lead > 0 {
					l = pad + l
				}
				out = append(out, wline{st: p.st, text: l, x: x, h: lh, gap: gap})
				gap = 0
			}
		}
	}
	return out
}

// wrapLine breaks one line of text at spaces, or inside a word too long to fit.
func wrapLine(s string, face text.Face, width float64) []string {
	if width < 10 {
		width = 10
	}
	if text.Advance(s, face) <= width {
		return []string{s}
	}
	var out []string
	words := strings.Split(s, " ")
	cur := ""
	for _, w := range words {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if text.Advance(try, face) <= width {
			cur = try
			continue
		}
		if cur != "" && strings.TrimSpace(cur) != "" {
			out = append(out, cur)
			cur = ""
		}
		for text.Advance(w, face) > width {
			n := fitRunes(w, face, width)
			out = append(out, w[:n])
			w = w[n:]
		}
		cur = w
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// fitRunes returns how many bytes of s fit in width, at least one rune.
func fitRunes(s string, face text.Face, width float64) int {
	last := 0
	for i := range s {
		if i > 0 && text.Advance(s[:i], face) > width {
			break
		}
		last = i
	}
	if last == 0 {
		for i := range s {
			if i > 0 {
				return i
			}
		}
		return len(s)
	}
	return last
}

// linesHeight is the height of wrapped lines.
func linesHeight(ls []wline) float64 {
	h := 0.0
	for _, l := range ls {
		h += l.h + l.gap
	}
	return h
}

// drawLines draws wrapped lines into dst from y0, skipping the first skip
// pixels of content. Only lines wholly inside dst are drawn. In a panel
// that scrolls, the others are out of view; in one that does not, each is
// recorded as cut, for the layout tests to catch.
func (a *App) drawLines(dst *ebiten.Image, ls []wline, x0, y0, skip float64, scrolls bool) {
	y := y0 - skip
	b := dst.Bounds()
	for _, l := range ls {
		y += l.gap
		if l.text != "" {
			face, col, _ := a.face(l.st)
			_, th := text.Measure(l.text, face, 0)
			top := y + (l.h-th)/2
			if top >= float64(b.Min.Y)-0.5 && top+th <= float64(b.Max.Y)+0.5 {
				a.drawText(dst, l.text, face, col, x0+l.x, top)
			} else if !scrolls {
				a.record(l.text, textBox(l.text, face, x0+l.x, top), b, true)
			}
		}
		y += l.h
	}
}

// drawText draws one line with the top-left corner of its glyphs' box at
// x, y.
func (a *App) drawText(dst *ebiten.Image, s string, face text.Face, col color.Color, x, y float64) {
	if a.rec != nil {
		a.record(s, textBox(s, face, x, y), dst.Bounds(), false)
	}
	op := &text.DrawOptions{}
	op.GeoM.Translate(x, y)
	op.ColorScale.ScaleWithColor(col)
	text.Draw(dst, s, face, op)
}

// drawTextCentered draws a line centred in a rectangle.
func (a *App) drawTextCentered(dst *ebiten.Image, s string, face text.Face, col color.Color, r image.Rectangle) {
	w, h := text.Measure(s, face, 0)
	a.drawText(dst, s, face, col, float64(r.Min.X)+(float64(r.Dx())-w)/2, float64(r.Min.Y)+(float64(r.Dy())-h)/2)
}

// wrapText breaks s into lines no wider than width in one face.
func wrapText(s string, face text.Face, width float64) []string {
	var out []string
	for _, raw := range splitLines(s) {
		out = append(out, wrapLine(raw, face, width)...)
	}
	return out
}

// splitLines splits s at line breaks.
func splitLines(s string) []string { return strings.Split(strings.TrimRight(s, "\n"), "\n") }

// textHeight is the height of a face's glyph box: ascent and descent.
func textHeight(f text.Face) float64 {
	m := f.Metrics()
	return m.HAscent + m.HDescent
}

// textWidth is the advance of a line of text.
func textWidth(s string, f text.Face) float64 { return text.Advance(s, f) }

// maxWidth is the advance of the widest line.
func maxWidth(lines []string, f text.Face) float64 {
	w := 0.0
	for _, l := range lines {
		w = max(w, text.Advance(l, f))
	}
	return w
}

// lineOf is the line height of a face the window uses.
func (a *App) lineOf(f text.Face) float64 {
	switch f {
	case a.fonts.small:
		return a.fonts.lineSmall
	case a.fonts.mono:
		return a.fonts.lineMono
	case a.fonts.head:
		return a.fonts.lineHead
	case a.fonts.large:
		return a.fonts.lineLarge
	case a.fonts.title:
		return a.fonts.lineTitle
	case a.fonts.button:
		return a.fonts.lineButton
	}
	return a.fonts.lineBody
}

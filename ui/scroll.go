package ui

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// scrollArea is a part of a scene whose content may be taller than it:
// it scrolls on its own, with its own scroll bar.
type scrollArea struct {
	pos float64         // pixels scrolled from the top (from the bottom when fromBottom)
	max float64         // the largest pos, set when the content is laid out
	box image.Rectangle // where it is on screen, set when the scene is built
	// fromBottom keeps the newest content in view, as a terminal does.
	fromBottom bool
	// buttons is set when the content holds buttons: scrolling rebuilds
	// the scene so that they move with it.
	buttons bool
}

// content is where an area's content goes: its box less the scroll bar's
// gutter.
func (s *scrollArea) content(a *App) image.Rectangle {
	r := s.box
	r.Max.X -= a.gutter()
	return r
}

// gutter is the width kept at the right of a scroll area for its bar.
func (a *App) gutter() int { return max(6, a.u(14)) }

// setMax sets how far the content can scroll, given its height, and keeps
// the position within it.
func (s *scrollArea) setMax(contentH float64) {
	s.max = max(0, contentH-float64(s.box.Dy()))
	s.pos = min(max(0, s.pos), s.max)
}

// skip is how many pixels of content lie above the view.
func (s *scrollArea) skip() float64 {
	if s.fromBottom {
		return s.max - s.pos
	}
	return s.pos
}

// by scrolls by d pixels (positive is down the content) and reports
// whether the position changed.
func (s *scrollArea) by(d float64) bool {
	if s.fromBottom {
		d = -d
	}
	n := min(s.max, max(0, s.pos+d))
	if n == s.pos {
		return false
	}
	s.pos = n
	return true
}

// register makes an area scroll with the wheel while the mouse is over
// it; areas registered later lie on top.
func (a *App) register(s *scrollArea, box image.Rectangle) {
	s.box = box
	a.areas = append(a.areas, s)
}

// scrollWheel scrolls the area under the mouse, if the wheel moved.
func (a *App) scrollWheel() []effect {
	if a.in.WheelY == 0 {
		return nil
	}
	p := image.Pt(a.in.X, a.in.Y)
	for i := len(a.areas) - 1; i >= 0; i-- {
		s := a.areas[i]
		if !p.In(s.box) {
			continue
		}
		return a.scrollBy(s, -a.in.WheelY*float64(a.u(80)))
	}
	return nil
}

// scrollBy scrolls an area and asks for what must follow.
func (a *App) scrollBy(s *scrollArea, d float64) []effect {
	if s == nil || !s.by(d) {
		return nil
	}
	if s.buttons {
		return []effect{rebuild()}
	}
	return []effect{repaint()}
}

// pageKeys scrolls an area by a page with PgUp and PgDn, and by a line
// with the arrow keys when arrows is set.
func (a *App) pageKeys(s *scrollArea, arrows bool) []effect {
	if s == nil {
		return nil
	}
	d := 0.0
	page := float64(s.box.Dy()) * 0.85
	if a.in.has(ebiten.KeyPageDown) {
		d += page
	}
	if a.in.has(ebiten.KeyPageUp) {
		d -= page
	}
	if arrows && a.in.has(ebiten.KeyArrowDown) {
		d += float64(a.u(60))
	}
	if arrows && a.in.has(ebiten.KeyArrowUp) {
		d -= float64(a.u(60))
	}
	if d == 0 {
		return nil
	}
	return a.scrollBy(s, d)
}

// paintScrollbar draws an area's bar in its gutter, with a mark at each
// end where more content lies beyond.
func (a *App) paintScrollbar(dst *ebiten.Image, s *scrollArea) {
	if s.max <= 0 {
		return
	}
	r := s.box
	g := a.gutter()
	track := image.Rect(r.Max.X-g+g/4, r.Min.Y+g, r.Max.X-g/4, r.Max.Y-g)
	vector.FillRect(dst, float32(track.Min.X), float32(track.Min.Y), float32(track.Dx()), float32(track.Dy()), colorAlpha(a.c.line, 0x90), false)
	view := float64(r.Dy())
	total := view + s.max
	th := max(float64(a.u(36)), float64(track.Dy())*view/total)
	frac := s.skip() / s.max
	y := float64(track.Min.Y) + frac*(float64(track.Dy())-th)
	vector.FillRect(dst, float32(track.Min.X), float32(y), float32(track.Dx()), float32(th), a.c.accent, false)
	// Arrows: more above, more below.
	cx := float32(track.Min.X+track.Max.X) / 2
	hw := float32(g) * 0.4
	if s.skip() > 0 {
		triangle(dst, cx, float32(r.Min.Y+g/5), hw, true, a.c.accent, a.whitePixel())
	}
	if s.skip() < s.max {
		triangle(dst, cx, float32(r.Max.Y-g/5), hw, false, a.c.accent, a.whitePixel())
	}
}

// triangle draws a small arrow head pointing up or down with its tip at
// x, y.
func triangle(dst *ebiten.Image, x, y, hw float32, up bool, col colorT, src *ebiten.Image) {
	h := hw * 1.4
	if !up {
		h = -h
	}
	fillTriangle(dst, []float32{x, y, x + hw, y + h, x - hw, y + h}, col, src)
}

// fillTriangle fills the triangle given by three points, x and y each,
// with src (a white pixel) coloured, without antialiasing: on a software renderer Ebiten's antialiased paths
// cost far more than the few shapes they would smooth.
func fillTriangle(dst *ebiten.Image, p []float32, col colorT, src *ebiten.Image) {
	r, g, b, al := float32(col.R)/255, float32(col.G)/255, float32(col.B)/255, float32(col.A)/255
	vs := make([]ebiten.Vertex, 3)
	for i := range vs {
		vs[i] = ebiten.Vertex{DstX: p[2*i], DstY: p[2*i+1], SrcX: 1, SrcY: 1, ColorR: r * al, ColorG: g * al, ColorB: b * al, ColorA: al}
	}
	dst.DrawTriangles32(vs, []uint32{0, 1, 2}, src, nil)
}

package ui

import (
	"image"
	"image/color"
	"runtime/debug"

	"github.com/hajimehoshi/ebiten/v2"
)

// colorT is the colour type of the palette.
type colorT = color.NRGBA

// colorAlpha returns c with a new alpha.
func colorAlpha(c color.NRGBA, alpha uint8) color.NRGBA {
	c.A = alpha
	return c
}

// dim returns c darkened by half, for what is not yet in play.
func dimmed(c color.NRGBA) color.NRGBA {
	return color.NRGBA{c.R / 2, c.G / 2, c.B / 2, c.A}
}

// inset shrinks r by d on every side, never past its centre.
func inset(r image.Rectangle, d int) image.Rectangle {
	d = min(d, r.Dx()/2, r.Dy()/2)
	return r.Inset(d)
}

// bigImage makes an image of its own texture, outside Ebiten's shared
// atlas: a large image there makes the atlas grow and be copied, which a
// software renderer pays for dearly.
func bigImage(w, h int) *ebiten.Image {
	return ebiten.NewImageWithOptions(image.Rect(0, 0, w, h), &ebiten.NewImageOptions{Unmanaged: true})
}

// trimMemory gives the memory a load left behind back to the system, off
// the loop: compiling a scenario and replaying a log are the window's
// peaks, and the Go runtime would keep those pages for minutes.
func trimMemory() { go debug.FreeOSMemory() }

// whitePixel returns the centre of a small white image, the source that
// fillTriangle colours; it is made once for the window.
func (a *App) whitePixel() *ebiten.Image {
	if a.white == nil {
		img := ebiten.NewImage(3, 3)
		img.Fill(color.White)
		a.white = img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
	}
	return a.white
}

package ui

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// Input is the keyboard and mouse as one tick sees them.
type Input struct {
	X, Y        int
	Left, Right bool    // held down
	WheelY      float64 // scrolled this tick
	Chars       []rune  // typed this tick
	Keys        []ebiten.Key
	Shift, Ctrl bool
}

// Source fills in the input for one tick. The window reads Ebiten; tests
// use a Script.
type Source interface {
	Read(in *Input)
}

// ebitenSource reads the real keyboard and mouse.
type ebitenSource struct{}

// editKeys are the keys the window reacts to, with key repeat.
func editKeys() [25]ebiten.Key {
	return [...]ebiten.Key{
		ebiten.KeyEnter, ebiten.KeyNumpadEnter, ebiten.KeyBackspace, ebiten.KeyDelete, ebiten.KeyEscape,
		ebiten.KeyTab, ebiten.KeyArrowUp, ebiten.KeyArrowDown, ebiten.KeyArrowLeft, ebiten.KeyArrowRight,
		ebiten.KeyHome, ebiten.KeyEnd, ebiten.KeyPageUp, ebiten.KeyPageDown, ebiten.KeyF1, ebiten.KeyF2,
		ebiten.KeyF3, ebiten.KeyF4, ebiten.KeyF5, ebiten.KeyF6, ebiten.KeyF7, ebiten.KeyF11, ebiten.KeyEqual,
		ebiten.KeyMinus, ebiten.KeyL,
	}
}

func (ebitenSource) Read(in *Input) {
	in.X, in.Y = ebiten.CursorPosition()
	in.Left = ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft)
	in.Right = ebiten.IsMouseButtonPressed(ebiten.MouseButtonRight)
	_, in.WheelY = ebiten.Wheel()
	in.Chars = ebiten.AppendInputChars(in.Chars[:0])
	in.Keys = in.Keys[:0]
	for _, k := range editKeys() {
		if repeated(k) {
			in.Keys = append(in.Keys, k)
		}
	}
	in.Shift = ebiten.IsKeyPressed(ebiten.KeyShift)
	in.Ctrl = ebiten.IsKeyPressed(ebiten.KeyControl) || ebiten.IsKeyPressed(ebiten.KeyMeta)
}

// repeated reports a key press, repeating while the key is held.
func repeated(k ebiten.Key) bool {
	d := inpututil.KeyPressDuration(k)
	return d == 1 || (d >= 30 && (d-30)%4 == 0)
}

// has reports whether a key was pressed this tick.
func (in *Input) has(k ebiten.Key) bool {
	for _, x := range in.Keys {
		if x == k {
			return true
		}
	}
	return false
}

// cursorUpdater hands EbitenUI the tick's mouse, so that scripted clicks reach
// its buttons exactly as real ones do.
type cursorUpdater struct {
	cur, prev *Input
}

func (c *cursorUpdater) Update()                             {}
func (c *cursorUpdater) AfterUpdate()                        {}
func (c *cursorUpdater) Draw(*ebiten.Image)                  {}
func (c *cursorUpdater) AfterDraw(*ebiten.Image)             {}
func (c *cursorUpdater) CursorPosition() (int, int)          { return c.cur.X, c.cur.Y }
func (c *cursorUpdater) GetCursorImage(string) *ebiten.Image { return nil }
func (c *cursorUpdater) GetCursorOffset(string) image.Point  { return image.Point{} }

func (c *cursorUpdater) button(in *Input, b ebiten.MouseButton) bool {
	switch b {
	case ebiten.MouseButtonLeft:
		return in.Left
	case ebiten.MouseButtonRight:
		return in.Right
	}
	return false
}

func (c *cursorUpdater) MouseButtonPressed(b ebiten.MouseButton) bool { return c.button(c.cur, b) }

func (c *cursorUpdater) MouseButtonJustPressed(b ebiten.MouseButton) bool {
	return c.button(c.cur, b) && !c.button(c.prev, b)
}

func (c *cursorUpdater) MouseButtonJustReleased(b ebiten.MouseButton) bool {
	return !c.button(c.cur, b) && c.button(c.prev, b)
}

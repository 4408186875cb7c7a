package ui

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"

	"github.com/hajimehoshi/ebiten/v2"

	"takedown/catalog"
	"takedown/game"
	"takedown/scenarios"
	"takedown/walkthrough"
)

// ShotOptions says what the screenshot command renders.
type ShotOptions struct {
	Out      string // PNG file
	Scenario string // name or path; "" is the default scenario
	Moves    string // walkthrough played before the shot, or ""
	Scene    string // a scene or desk tab; "" is the desk after moves, else the title
	Size     image.Point
	Lang     game.Lang
	Scale    float64
	// Presenter renders the scene in presenter mode.
	Presenter bool
}

// stillSource is input with the mouse parked off screen and no keys.
type stillSource struct{}

func (stillSource) Read(in *Input) {
	*in = Input{X: -10000, Y: -10000, Chars: in.Chars[:0], Keys: in.Keys[:0]}
}

// readMoves reads a walkthrough from disk, or from the scenario's embedded
// walkthroughs.
func readMoves(cat *catalog.Catalog, path, scenario string) (*walkthrough.Moves, error) {
	b, err := catalog.ReadMovesFile(path)
	if err != nil {
		src, ferr := cat.Find(scenario)
		if ferr != nil {
			return nil, err
		}
		var err2 error
		if b, err2 = src.ReadMoves(path); err2 != nil {
			return nil, err
		}
	}
	return walkthrough.Parse(path, bytes.NewReader(b))
}

// PrepareShot makes an app with a scenario's walkthrough played and a scene
// shown, as the screenshot command and the tests use it.
func PrepareShot(o ShotOptions, src Source) (*App, error) {
	if o.Scenario == "" {
		o.Scenario = scenarios.Default
	}
	if o.Size == (image.Point{}) {
		o.Size = image.Pt(1920, 1080)
	}
	if o.Scene == SceneProfile || o.Scene == SceneSettings && o.Moves == "" {
		return prepareProfileShot(o, src)
	}
	seed := uint64(1)
	var mv *walkthrough.Moves
	cat := catalog.New()
	if o.Moves != "" {
		var err error
		if mv, err = readMoves(cat, o.Moves, o.Scenario); err != nil {
			return nil, err
		}
		seed = mv.Seed
	}
	if src == nil {
		src = stillSource{}
	}
	a, err := New(Options{Scenario: o.Scenario, Seed: seed, Lang: o.Lang, Scale: o.Scale, Size: o.Size, Source: src, Catalog: cat, Presenter: o.Presenter})
	if err != nil {
		return nil, err
	}
	a.settle()
	if a.overlay != nil {
		return nil, fmt.Errorf("%s: %v", a.overlay.title, a.overlay.lines)
	}
	if mv != nil {
		for _, st := range mv.Steps {
			if st.Command != "" {
				a.Do(st.Command)
			}
		}
		a.m.errs = nil
		a.overlay = nil
	}
	scene := o.Scene
	if scene == "" {
		scene = SceneDesk
		if mv == nil {
			scene = SceneTitle
		}
	}
	if scene == SceneTitle && mv == nil {
		a.closeMatch()
	}
	if a.desk.selected == "" && a.m != nil {
		a.desk.selected = a.m.view.Scenario.Site
	}
	if err := a.SetScene(scene); err != nil {
		return nil, err
	}
	trimMemory() // as after resuming a save: the walkthrough was its replay
	return a, nil
}

// Screenshot renders one scene to a PNG file.
func Screenshot(o ShotOptions) error {
	a, err := PrepareShot(o, nil)
	if err != nil {
		return err
	}
	var shot *image.RGBA
	a.OnFrame = func(screen *ebiten.Image) {
		if a.Frames() >= 3 && shot == nil {
			shot = capture(screen)
			a.Quit()
		}
	}
	ebiten.SetWindowTitle("Takedown screenshot")
	ebiten.SetWindowSize(min(o.Size.X, 1280), min(o.Size.Y, 720))
	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetVsyncEnabled(false)
	err = ebiten.RunGame(keepDrawing{a})
	if a.profile.cleanup != nil {
		a.profile.cleanup()
	}
	if err != nil && !errors.Is(err, ebiten.Termination) {
		return err
	}
	if shot == nil {
		return fmt.Errorf("no frame was drawn")
	}
	return writePNG(o.Out, shot)
}

// keepDrawing redraws every frame, so that a shot is taken after the UI's
// layout has settled.
type keepDrawing struct{ *App }

func (k keepDrawing) Update() error {
	k.Redraw()
	return k.App.Update()
}

// capture reads the screen's pixels.
func capture(screen *ebiten.Image) *image.RGBA {
	b := screen.Bounds()
	img := image.NewRGBA(b)
	screen.ReadPixels(img.Pix)
	return img
}

func writePNG(path string, img image.Image) error {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

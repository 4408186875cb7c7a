package ui

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"takedown/game"
)

var update = flag.Bool("update", false, "rewrite the golden PNGs in testdata")

// The tests drive apps from the test goroutine; the harness runs each tick
// on Ebiten's loop, so every App method runs where Ebiten expects it.
func TestMain(m *testing.M) {
	flag.Parse()
	h := &harness{jobs: make(chan *tick), done: make(chan struct{})}
	global = h
	code := 0
	go func() {
		code = m.Run()
		close(h.done)
	}()
	ebiten.SetWindowSize(640, 360)
	ebiten.SetWindowTitle("Takedown tests")
	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetVsyncEnabled(false)
	ebiten.SetTPS(ebiten.SyncWithFPS)
	if err := ebiten.RunGame(h); err != nil && !errors.Is(err, ebiten.Termination) {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(code)
}

// global is the harness the tests share: Ebiten runs one game per process.
var global *harness

// tick is one step of an app: input for its Update, then its Draw.
type tick struct {
	app     *App
	src     *scriptSource
	in      Input
	capture bool
	fn      func() // runs on the loop before Update
	shot    chan *image.RGBA
}

type harness struct {
	jobs chan *tick
	done chan struct{}
	cur  *tick
}

func (h *harness) Update() error {
	select {
	case t := <-h.jobs:
		h.cur = t
	case <-h.done:
		return ebiten.Termination
	}
	t := h.cur
	if t.fn != nil {
		t.fn()
	}
	if t.app == nil {
		return nil
	}
	t.src.next = t.in
	if t.capture {
		t.app.Redraw()
	}
	return t.app.Update()
}

func (h *harness) Draw(screen *ebiten.Image) {
	t := h.cur
	if t == nil {
		return
	}
	h.cur = nil
	var img *image.RGBA
	if t.app != nil {
		t.app.Draw(screen)
		if t.capture {
			img = capture(screen.SubImage(image.Rect(0, 0, t.app.w, t.app.h)).(*ebiten.Image))
		}
	}
	t.shot <- img
}

func (h *harness) Layout(w, hh int) (int, int) {
	if t := h.cur; t != nil && t.app != nil {
		return t.app.Layout(w, hh)
	}
	return 1280, 720
}

// scriptSource is input the test sets tick by tick.
type scriptSource struct{ next Input }

func (s *scriptSource) Read(in *Input) {
	chars := append(in.Chars[:0], s.next.Chars...)
	keys := append(in.Keys[:0], s.next.Keys...)
	*in = s.next
	in.Chars, in.Keys = chars, keys
}

// driver plays an app as a person would: moving, clicking and typing.
type driver struct {
	t     *testing.T
	app   *App
	src   *scriptSource
	mouse image.Point
}

// newDriver makes an app under test; make runs on the loop.
func newDriver(t *testing.T, make func(src Source) (*App, error)) *driver {
	t.Helper()
	d := &driver{t: t, src: &scriptSource{}, mouse: image.Pt(-1000, -1000)}
	var err error
	d.onLoop(func() { d.app, err = make(d.src) })
	if err != nil {
		t.Fatal(err)
	}
	d.idle(3)
	d.settle()
	return d
}

// settle steps the app until nothing runs off its loop: commands and
// sessions being loaded finish on their own goroutines.
func (d *driver) settle() {
	d.t.Helper()
	for i := 0; d.app.Busy(); i++ {
		if i > 20000 {
			d.t.Fatal("the app stayed busy")
		}
		d.step(Input{}, false)
		time.Sleep(time.Millisecond)
	}
	d.idle(2)
}

// logLines returns the commands in the session's log as the last finished
// command left it.
func (d *driver) logLines() []string {
	d.t.Helper()
	if d.app.m == nil {
		return nil
	}
	l, err := game.ParseLog(bytes.NewReader(d.app.m.log))
	if err != nil {
		d.t.Fatal(err)
	}
	var out []string
	for _, e := range l.Entries {
		out = append(out, e.Line)
	}
	return out
}

// onLoop runs fn on Ebiten's loop.
func (d *driver) onLoop(fn func()) {
	t := &tick{fn: fn, shot: make(chan *image.RGBA, 1)}
	global.jobs <- t
	<-t.shot
}

func (d *driver) step(in Input, capture bool) *image.RGBA {
	in.X, in.Y = d.mouse.X, d.mouse.Y
	t := &tick{app: d.app, src: d.src, in: in, capture: capture, shot: make(chan *image.RGBA, 1)}
	global.jobs <- t
	img := <-t.shot
	if err := d.app.quit; err != nil && !errors.Is(err, ebiten.Termination) {
		d.t.Fatal(err)
	}
	return img
}

func (d *driver) idle(n int) {
	for i := 0; i < n; i++ {
		d.step(Input{}, false)
	}
}

// target finds a named thing on screen.
func (d *driver) target(key string) image.Rectangle {
	d.t.Helper()
	r, ok := d.app.Target(key)
	if !ok {
		d.t.Fatalf("nothing called %q on the %s scene", key, d.app.Scene())
	}
	return r
}

func (d *driver) has(key string) bool {
	_, ok := d.app.Target(key)
	return ok
}

// click moves the mouse onto a target, presses and releases a button.
func (d *driver) click(key string) { d.t.Helper(); d.press(key, false) }

func (d *driver) rightClick(key string) { d.t.Helper(); d.press(key, true) }

func (d *driver) press(key string, right bool) {
	d.t.Helper()
	r := d.target(key)
	d.mouse = image.Pt((r.Min.X+r.Max.X)/2, (r.Min.Y+r.Max.Y)/2)
	d.step(Input{}, false)
	d.step(Input{Left: !right, Right: right}, false)
	d.step(Input{}, false)
	d.idle(2)
	d.settle()
}

// typeLine types text a few characters a tick, then presses Enter.
func (d *driver) typeLine(s string) {
	r := []rune(s)
	for len(r) > 0 {
		n := min(3, len(r))
		d.step(Input{Chars: r[:n]}, false)
		r = r[n:]
	}
	d.key(ebiten.KeyEnter)
}

func (d *driver) key(k ebiten.Key) {
	d.step(Input{Keys: []ebiten.Key{k}}, false)
	d.idle(1)
	d.settle()
}

// park moves the mouse off the window so nothing is hovered.
func (d *driver) park() {
	d.mouse = image.Pt(-1000, -1000)
	d.idle(2)
}

// golden compares the screen with testdata/NAME.png, or rewrites it with
// -update. A few pixels may differ by a little (antialiasing); nothing more.
func (d *driver) golden(name string) {
	d.t.Helper()
	d.park()
	got := d.step(Input{}, true)
	path := filepath.Join("testdata", name+".png")
	if *update {
		if err := writePNG(path, got); err != nil {
			d.t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		d.t.Fatalf("%v (run go test ./ui -update to create it)", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		d.t.Fatal(err)
	}
	if n, total := diffPixels(got, want); n > total/1000 {
		out := filepath.Join(os.TempDir(), "takedown-ui-"+name+".png")
		_ = writePNG(out, got)
		d.t.Errorf("%s: %d of %d pixels differ from the golden image; this run's picture is %s", name, n, total, out)
	}
}

// diffPixels counts pixels that differ by more than a small amount.
func diffPixels(got *image.RGBA, want image.Image) (int, int) {
	b := got.Bounds()
	if want.Bounds() != b {
		return b.Dx() * b.Dy(), b.Dx() * b.Dy()
	}
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r1, g1, b1, _ := got.At(x, y).RGBA()
			r2, g2, b2, _ := want.At(x, y).RGBA()
			if far(r1, r2) || far(g1, g2) || far(b1, b2) {
				n++
			}
		}
	}
	return n, b.Dx() * b.Dy()
}

func far(a, b uint32) bool {
	if a > b {
		a, b = b, a
	}
	return b-a > 24<<8
}

// escapeKeyForTest dismisses overlays and menus.
const escapeKeyForTest = ebiten.KeyEscape

// isolated runs the calling test again in a fresh test process, where no
// other test has drawn into the shared window before it, and reports
// whether the caller is that process and should go on. Golden images are
// compared pixel by pixel, and a process that ran other tests first keeps
// state in Ebiten and ebitenui that changes a few thousand pixels (button
// borders); a fresh process draws the same picture every time.
func isolated(t *testing.T) bool {
	t.Helper()
	if os.Getenv("TAKEDOWN_UI_ISOLATED") == t.Name() {
		return true
	}
	args := []string{"-test.run=^" + t.Name() + "$", "-test.count=1"}
	if *update {
		args = append(args, "-update")
	}
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "TAKEDOWN_UI_ISOLATED="+t.Name())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s, run in a process of its own: %v\n%s", t.Name(), err, out)
	}
	return false
}

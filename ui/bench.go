package ui

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"image"
	"io"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// Bench runs the window benchmark: each measurement in a child process of
// this program, the app beside a minimal Ebiten window, printed side by
// side. With --probe it is that child.
func Bench(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("bench-ui", flag.ContinueOnError)
	fl.SetOutput(stderr)
	probe := fl.String("probe", "", "run one measurement (internal)")
	secs := fl.Float64("seconds", 5, "how long each frame-rate and CPU measurement runs")
	runs := fl.Int("runs", 3, "how many times first frames are timed")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *probe != "" {
		return runProbe(*probe, time.Duration(*secs*float64(time.Second)), stdout)
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	b := &bencher{exe: exe, secs: *secs, stderr: stderr}
	fmt.Fprintf(stdout, "Takedown window benchmark (1920x1080; each figure from a separate process)\n\n")
	var minimal, app []float64
	for i := 0; i < *runs; i++ {
		m, err := b.firstFrame("first-minimal")
		if err != nil {
			return err
		}
		a, err := b.firstFrame("first-app")
		if err != nil {
			return err
		}
		minimal, app = append(minimal, m), append(app, a)
	}
	mf, af := median(minimal), median(app)
	clear, err := b.value("fps-clear", "FPS")
	if err != nil {
		return err
	}
	busy, err := b.value("fps-app", "FPS")
	if err != nil {
		return err
	}
	repaint, err := b.value("fps-app-repaint", "FPS")
	if err != nil {
		return err
	}
	idleApp, err := b.idle("idle-app")
	if err != nil {
		return err
	}
	idleMin, err := b.idle("idle-minimal")
	if err != nil {
		return err
	}
	idleEmpty, err := b.idle("idle-empty")
	if err != nil {
		return err
	}
	row := func(what, app, base, ratio, aim string) {
		fmt.Fprintf(stdout, "%-44s %14s %14s %8s  %s\n", what, app, base, ratio, aim)
	}
	row("measure", "app", "baseline", "ratio", "aim")
	row("time to first frame (median of "+strconv.Itoa(*runs)+")", ms(af), ms(mf), fmt.Sprintf("%.2fx", af/mf), "within 1.15x of a minimal window")
	row("frames/s, busiest scene (desk, end of case)", fmt.Sprintf("%.1f", busy), fmt.Sprintf("%.1f", clear), fmt.Sprintf("%.2fx", busy/clear), "at least 0.8x of clear-only")
	row("frames/s, same scene fully repainted", fmt.Sprintf("%.1f", repaint), fmt.Sprintf("%.1f", clear), fmt.Sprintf("%.2fx", repaint/clear), "(worst case: every panel re-rendered each frame)")
	row("idle CPU, nothing changing (% of a core)", fmt.Sprintf("%.1f%%", idleApp.cpu), fmt.Sprintf("%.1f%%", idleMin.cpu), "", "under 5% of one core")
	row("idle CPU of an empty Ebiten window", "", fmt.Sprintf("%.1f%%", idleEmpty.cpu), "", "(the floor: Ebiten polling X11 at 60 ticks/s)")
	row("resident memory (busiest scene, idle)", mb(idleApp.rss), mb(idleMin.rss), fmt.Sprintf("%.2fx", float64(idleApp.rss)/float64(idleMin.rss)), "")
	row("resident memory against an empty Ebiten window", mb(idleApp.rss), mb(idleEmpty.rss), fmt.Sprintf("%.2fx", float64(idleApp.rss)/float64(idleEmpty.rss)), "aim 1.2x")
	fmt.Fprintf(stdout, "\nbaselines: first frame and idle use a minimal Ebiten window that clears the screen each frame;\nframes/s compares with a window that only clears the screen, both with vsync off.\n")
	return nil
}

type bencher struct {
	exe    string
	secs   float64
	stderr io.Writer
}

func (b *bencher) command(probe string) *exec.Cmd {
	cmd := exec.Command(b.exe, "bench-ui", "--probe", probe, "--seconds", fmt.Sprint(b.secs))
	cmd.Stderr = b.stderr
	return cmd
}

// firstFrame times a child from its start to its first drawn frame.
func (b *bencher) firstFrame(probe string) (float64, error) {
	cmd := b.command(probe)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	sc := bufio.NewScanner(out)
	var took time.Duration
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "FRAME") && took == 0 {
			took = time.Since(start)
		}
	}
	if err := cmd.Wait(); err != nil {
		return 0, fmt.Errorf("%s: %v", probe, err)
	}
	if took == 0 {
		return 0, fmt.Errorf("%s: no frame", probe)
	}
	return float64(took) / float64(time.Millisecond), nil
}

// value runs a child and reads the number it prints after a key.
func (b *bencher) value(probe, key string) (float64, error) {
	out, err := b.command(probe).Output()
	if err != nil {
		return 0, fmt.Errorf("%s: %v", probe, err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, key+" "); ok {
			return strconv.ParseFloat(strings.TrimSpace(v), 64)
		}
	}
	return 0, fmt.Errorf("%s: printed no %s", probe, key)
}

type idleResult struct {
	cpu float64 // percent of one core
	rss int64   // bytes
}

// idle measures a child's CPU time and memory while it sits unchanged.
func (b *bencher) idle(probe string) (idleResult, error) {
	cmd := b.command(probe)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return idleResult{}, err
	}
	if err := cmd.Start(); err != nil {
		return idleResult{}, err
	}
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}()
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "READY") {
			break
		}
	}
	pid := cmd.Process.Pid
	t0, err := cpuTicks(pid)
	if err != nil {
		return idleResult{}, err
	}
	w0 := time.Now()
	time.Sleep(time.Duration(b.secs * float64(time.Second)))
	t1, err := cpuTicks(pid)
	if err != nil {
		return idleResult{}, err
	}
	wall := time.Since(w0).Seconds()
	rss, err := rssBytes(pid)
	if err != nil {
		return idleResult{}, err
	}
	const hz = 100 // USER_HZ on Linux
	return idleResult{cpu: 100 * float64(t1-t0) / hz / wall, rss: rss}, nil
}

// cpuTicks reads a process's user and system time from /proc.
func cpuTicks(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	s := string(b)
	s = s[strings.LastIndex(s, ")")+2:]
	f := strings.Fields(s)
	if len(f) < 13 {
		return 0, errors.New("short /proc stat")
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	k, _ := strconv.ParseInt(f[12], 10, 64)
	return u + k, nil
}

func rssBytes(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			f := strings.Fields(v)
			n, err := strconv.ParseInt(f[0], 10, 64)
			return n * 1024, err
		}
	}
	return 0, errors.New("no VmRSS")
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func ms(v float64) string { return fmt.Sprintf("%.0f ms", v) }

func mb(v int64) string { return fmt.Sprintf("%.0f MB", float64(v)/(1<<20)) }

// minimalGame clears the screen every frame: the baseline.
type minimalGame struct {
	onDraw func()
}

func (g *minimalGame) Update() error { return nil }

func (g *minimalGame) Draw(screen *ebiten.Image) {
	screen.Fill(defaultColors().bg)
	if g.onDraw != nil {
		g.onDraw()
	}
}

func (g *minimalGame) Layout(int, int) (int, int) { return 1920, 1080 }

// emptyGame draws nothing at all: the floor of an idle Ebiten window.
type emptyGame struct{}

func (emptyGame) Update() error              { return nil }
func (emptyGame) Draw(*ebiten.Image)         {}
func (emptyGame) Layout(int, int) (int, int) { return 1920, 1080 }

// probeGame wraps a game to count frames and stop after a while.
type probeGame struct {
	ebiten.Game
	start   time.Time
	warm    time.Time
	frames  int
	dur     time.Duration
	report  func(fps float64)
	force   func()
	started bool
}

func (p *probeGame) Update() error {
	if p.force != nil {
		p.force()
	}
	if err := p.Game.Update(); err != nil {
		return err
	}
	if !p.started {
		return nil
	}
	if time.Since(p.warm) >= p.dur {
		p.report(float64(p.frames) / time.Since(p.warm).Seconds())
		return ebiten.Termination
	}
	return nil
}

func (p *probeGame) Draw(screen *ebiten.Image) {
	p.Game.Draw(screen)
	if !p.started && time.Since(p.start) > time.Second {
		p.started, p.warm, p.frames = true, time.Now(), 0
	}
	p.frames++
}

// busiestApp is the desk at the end of the winning walkthrough, the scene
// with the most on it.
func busiestApp() (*App, error) {
	return PrepareShot(ShotOptions{Moves: "scenarios/film-site.win.moves", Scene: TabChart, Size: image.Pt(1920, 1080)}, nil)
}

func runProbe(name string, dur time.Duration, stdout io.Writer) error {
	ebiten.SetWindowSize(1920, 1080)
	ebiten.SetWindowTitle("Takedown benchmark")
	var g ebiten.Game
	switch name {
	case "first-minimal":
		done := false
		g = &minimalGame{onDraw: func() {
			if !done {
				done = true
				fmt.Fprintln(stdout, "FRAME")
			}
		}}
		g = &stopAfter{Game: g, n: 2}
	case "first-app":
		ebiten.SetScreenClearedEveryFrame(false)
		a, err := New(Options{Size: image.Pt(1920, 1080)})
		if err != nil {
			return err
		}
		done := false
		a.OnFrame = func(*ebiten.Image) {
			if !done {
				done = true
				fmt.Fprintln(stdout, "FRAME")
			}
		}
		g = &stopAfter{Game: a, n: 2}
	case "fps-clear":
		ebiten.SetVsyncEnabled(false)
		ebiten.SetTPS(ebiten.SyncWithFPS)
		g = &probeGame{Game: &minimalGame{}, start: time.Now(), dur: dur, report: func(f float64) { fmt.Fprintf(stdout, "FPS %.2f\n", f) }}
	case "fps-app", "fps-app-repaint":
		ebiten.SetVsyncEnabled(false)
		ebiten.SetTPS(ebiten.SyncWithFPS)
		ebiten.SetScreenClearedEveryFrame(false)
		a, err := busiestApp()
		if err != nil {
			return err
		}
		force := a.Redraw
		if name == "fps-app-repaint" {
			force = func() { a.repaint = true }
		}
		g = &probeGame{Game: a, start: time.Now(), dur: dur, force: force, report: func(f float64) { fmt.Fprintf(stdout, "FPS %.2f\n", f) }}
	case "idle-app", "idle-minimal", "idle-empty":
		ebiten.SetScreenClearedEveryFrame(name == "idle-minimal")
		var inner ebiten.Game = &minimalGame{}
		if name == "idle-empty" {
			inner = emptyGame{}
		}
		if name == "idle-app" {
			a, err := busiestApp()
			if err != nil {
				return err
			}
			inner = a
		}
		g = &readyAfter{Game: inner, out: stdout}
	default:
		return fmt.Errorf("no probe %q", name)
	}
	err := ebiten.RunGame(g)
	if errors.Is(err, ebiten.Termination) {
		return nil
	}
	return err
}

// stopAfter ends a game after n drawn frames.
type stopAfter struct {
	ebiten.Game
	n, drawn int
}

func (s *stopAfter) Update() error {
	if s.drawn >= s.n {
		return ebiten.Termination
	}
	return s.Game.Update()
}

func (s *stopAfter) Draw(screen *ebiten.Image) {
	s.Game.Draw(screen)
	s.drawn++
}

// readyAfter says READY once the first two seconds have passed, then runs
// until killed.
type readyAfter struct {
	ebiten.Game
	out   io.Writer
	start time.Time
	said  bool
}

func (r *readyAfter) Update() error {
	if r.start.IsZero() {
		r.start = time.Now()
	}
	if !r.said && time.Since(r.start) > 2*time.Second {
		r.said = true
		fmt.Fprintln(r.out, "READY")
	}
	return r.Game.Update()
}

package main

import (
	"errors"
	"flag"
	"fmt"
	"image"
	"strconv"
	"strings"

	"takedown/cli"
	"takedown/game"
	"takedown/i18n"
	"takedown/save"
	"takedown/ui"
)

// play runs the window commands: play (the default), screenshot and
// bench-ui.
func play(args []string, env cli.Env) int {
	cmd := "play"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "play":
		err = playWindow(args, env)
	case "screenshot":
		err = screenshot(args, env)
	case "bench-ui":
		err = ui.Bench(args, env.Stdout, env.Stderr)
	default:
		fmt.Fprintf(env.Stderr, "takedown: unknown command %q (try help)\n", cmd)
		return cli.ExitUsage
	}
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(env.Stderr, "takedown %s: %v\n", cmd, err)
		}
		return cli.ExitUsage
	}
	return cli.ExitOK
}

func flags(name string, env cli.Env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

// parseLang reads --lang against the shipped catalogues.
func parseLang(s string) (game.Lang, error) {
	if s == "" {
		return game.EN, nil
	}
	t, err := i18n.Load()
	if err != nil {
		return "", err
	}
	var langs []string
	for _, l := range t.Langs() {
		if string(l) == s {
			return l, nil
		}
		langs = append(langs, string(l))
	}
	return "", fmt.Errorf("--lang %q: want %s", s, strings.Join(langs, " or "))
}

func playWindow(args []string, env cli.Env) error {
	fl := flags("play", env)
	scenario := fl.String("scenario", "", "scenario name or path (default: choose on the title screen)")
	seed := fl.Uint64("seed", 0, "seed of a new session (default 1)")
	lang := fl.String("lang", "", "interface language: en or ru (default: as last time, else en)")
	scale := fl.Float64("scale", 0, "text and control size, e.g. 1.25 for a large room (default: as last time, else 1)")
	full := fl.Bool("fullscreen", false, "start in full screen (F11 toggles)")
	presenter := fl.Bool("presenter", false, "start in presenter mode (F6 toggles; default: as last time)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %s", strings.Join(fl.Args(), " "))
	}
	var l game.Lang
	if *lang != "" {
		var err error
		if l, err = parseLang(*lang); err != nil {
			return err
		}
	}
	if *scale != 0 && (*scale < 0.5 || *scale > 3) {
		return fmt.Errorf("--scale %g: want a factor between 0.5 and 3", *scale)
	}
	opt := ui.Options{Scenario: *scenario, Seed: *seed, Lang: l, Scale: *scale, Fullscreen: *full, Presenter: *presenter}
	store, err := openStore()
	if err != nil {
		fmt.Fprintf(env.Stderr, "takedown: progress will not be saved: %v\n", err)
	} else {
		opt.Store = store
	}
	return ui.Run(opt)
}

func openStore() (*save.Store, error) {
	dir, err := save.DefaultDir()
	if err != nil {
		return nil, err
	}
	return save.Open(dir)
}

func screenshot(args []string, env cli.Env) error {
	fl := flags("screenshot", env)
	out := fl.String("out", "", "PNG file to write")
	scenario := fl.String("scenario", "", "scenario name or path (default: the default scenario)")
	moves := fl.String("moves", "", "walkthrough whose commands are played first")
	scene := fl.String("scene", "", "one of: "+strings.Join(ui.Scenes(), ", "))
	size := fl.String("size", "1920x1080", "image size WxH")
	lang := fl.String("lang", "en", "interface language: en or ru")
	scale := fl.Float64("scale", 1, "text and control size")
	presenter := fl.Bool("presenter", false, "presenter mode: one large panel at a time, text for the back of a room")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("--out FILE.png is required")
	}
	l, err := parseLang(*lang)
	if err != nil {
		return err
	}
	w, h, err := parseSize(*size)
	if err != nil {
		return err
	}
	return ui.Screenshot(ui.ShotOptions{Out: *out, Scenario: *scenario, Moves: *moves, Scene: *scene,
		Size: image.Pt(w, h), Lang: l, Scale: *scale, Presenter: *presenter})
}

func parseSize(s string) (int, int, error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	w, err1 := strconv.Atoi(ws)
	h, err2 := strconv.Atoi(hs)
	if !ok || err1 != nil || err2 != nil || w < 320 || h < 240 || w > 7680 || h > 4320 {
		return 0, 0, fmt.Errorf("--size %q: want WxH between 320x240 and 7680x4320, e.g. 1920x1080", s)
	}
	return w, h, nil
}

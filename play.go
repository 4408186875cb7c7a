package main

import (
	"errors"
	"flag"
	"fmt"
	"image"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"takedown/cli"
	"takedown/game"
	"takedown/i18n"
	"takedown/records"
	"takedown/save"
	"takedown/scenarios"
	"takedown/ui"
)

// play runs the window commands: play (the default), screenshot and
// bench-ui.
func play(args []string, env cli.Env) int {
	cmd := "play"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") && !isLaunchLink(args[0]) {
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
	rec := recordFlags(fl)
	if err := fl.Parse(args); err != nil {
		return err
	}
	var open string
	switch {
	case fl.NArg() > 1:
		return fmt.Errorf("unexpected arguments: %s", strings.Join(fl.Args()[1:], " "))
	case fl.NArg() == 1 && isLaunchLink(fl.Arg(0)):
		rec.link = fl.Arg(0)
	case fl.NArg() == 1:
		open = fl.Arg(0) // a report, a session log or a save, replayed read-only
	}
	records, linkScenario, err := rec.options(fl)
	if err != nil {
		return err
	}
	if *scenario == "" && linkScenario != "" {
		*scenario = linkScenario
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
	opt := ui.Options{Scenario: *scenario, Seed: *seed, Lang: l, Scale: *scale, Fullscreen: *full, Presenter: *presenter,
		Records: records, Open: open}
	if records.Launch != nil && opt.Scenario == "" {
		opt.Scenario = scenarios.Default
	}
	store, err := openStore()
	if err != nil {
		fmt.Fprintf(env.Stderr, "takedown: progress will not be saved: %v\n", err)
		opt.StoreErr = err
	} else {
		opt.Store = store
	}
	return ui.Run(opt)
}

// recordsDir is the outbox's folder: takedown/outbox beside the saves.
func recordsDir() string {
	dir, err := save.DefaultDir()
	if err != nil {
		return ""
	}
	return filepath.Join(filepath.Dir(dir), "outbox")
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

// isLaunchLink reports whether an argument is a takedown:// link, as an
// LMS opens the app with for a cmi5 launch.
func isLaunchLink(s string) bool { return strings.HasPrefix(strings.ToLower(s), "takedown:") }

// playRecordFlags are play's flags for training records: the LRS, the
// trainee's account and a cmi5 launch's parameters.
type playRecordFlags struct {
	endpoint, username, password, home, account *string
	cmi5                                        map[string]*string
	link                                        string // a takedown:// link given as the argument
}

// cmi5Params are the launch parameters an LMS passes an assignable unit.
func cmi5Params() []string {
	return []string{"endpoint", "fetch", "actor", "registration", "activityId"}
}

func recordFlags(fl *flag.FlagSet) *playRecordFlags {
	r := &playRecordFlags{
		endpoint: fl.String("lrs-endpoint", "", "the LRS's xAPI address for training records (default: as set in the settings)"),
		username: fl.String("lrs-username", "", "the LRS's key (default: as set in the settings)"),
		password: fl.String("lrs-password", "", "the LRS's secret (default: $TAKEDOWN_LRS_PASSWORD, else as set in the settings)"),
		home:     fl.String("home", "", "the home page of the academy's LMS, where the trainee's account is"),
		account:  fl.String("account", "", "the trainee's account name on the academy's LMS; never an e-mail address"),
		cmi5:     map[string]*string{},
	}
	for _, p := range cmi5Params() {
		r.cmi5[p] = fl.String(p, "", "cmi5 launch parameter "+p+" (an LMS's launch; or give a takedown:// link)")
	}
	return r
}

// options makes the window's records options; a cmi5 launch comes from a
// takedown:// link or from the five launch flags. It returns the scenario
// a link names (its scenario parameter), if any.
func (r *playRecordFlags) options(fl *flag.FlagSet) (ui.RecordsOptions, string, error) {
	o := ui.RecordsOptions{Dir: recordsDir(), Endpoint: *r.endpoint, Username: *r.username, Password: *r.password,
		Home: *r.home, Account: *r.account}
	if o.Password == "" {
		o.Password = os.Getenv("TAKEDOWN_LRS_PASSWORD")
	}
	if strings.Contains(o.Account, "@") {
		return o, "", fmt.Errorf("--account: give the LMS account name, not an e-mail address: records never carry e-mail")
	}
	given := false
	q := url.Values{}
	for _, p := range cmi5Params() {
		if v := *r.cmi5[p]; v != "" {
			q.Set(p, v)
			given = true
		}
	}
	scenario := ""
	switch {
	case r.link != "" && given:
		return o, "", fmt.Errorf("give a takedown:// link or the cmi5 launch flags, not both")
	case r.link != "":
		l, err := records.ParseLaunch(r.link)
		if err != nil {
			return o, "", err
		}
		if u, err := url.Parse(r.link); err == nil {
			scenario = u.Query().Get("scenario")
		}
		o.Launch = &l
	case given:
		l, err := records.LaunchFromQuery(q)
		if err != nil {
			return o, "", err
		}
		o.Launch = &l
	}
	return o, scenario, nil
}

// Package cli implements the headless subcommands of the takedown binary:
// check, run, test and docs. It never opens a window.
package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"takedown/game"
	"takedown/scenarios"
	"takedown/scripting"
	"takedown/walkthrough"
)

// Exit codes, as DESIGN.md sets them.
const (
	ExitOK      = 0
	ExitFinding = 1 // a failed check or test
	ExitUsage   = 2 // bad usage or unreadable input
)

// Env is where a command writes.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
}

// Headless reports whether a subcommand runs without a window.
func Headless(cmd string) bool {
	switch cmd {
	case "check", "run", "test", "docs", "graph", "new", "help", "-h", "-help", "--help":
		return true
	}
	return false
}

// Main runs a headless subcommand and returns the exit code.
func Main(args []string, env Env) int {
	if len(args) == 0 {
		usage(env.Stderr)
		return ExitUsage
	}
	var err error
	code := ExitOK
	switch args[0] {
	case "check":
		code, err = env.check(args[1:])
	case "run":
		code, err = env.run(args[1:])
	case "test":
		code, err = env.test(args[1:])
	case "docs":
		code, err = env.docs(args[1:])
	case "graph":
		code, err = env.graph(args[1:])
	case "new":
		code, err = env.newScenario(args[1:])
	case "help", "-h", "-help", "--help":
		usage(env.Stdout)
		return ExitOK
	default:
		fmt.Fprintf(env.Stderr, "takedown: unknown command %q\n", args[0])
		usage(env.Stderr)
		return ExitUsage
	}
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(env.Stderr, "takedown %s: %v\n", args[0], err)
		}
		return ExitUsage
	}
	return code
}

func usage(w io.Writer) {
	fmt.Fprint(w, `usage: takedown [command] [flags]

  play [--scenario NAME|PATH] [--seed N] [--lang en|ru] [--scale X] [--fullscreen]
                      open the window (the default command)
  check PATH...       validate scenarios and rule packs; print file:line: message
  run --scenario NAME|PATH --moves FILE [--seed N] [--json]
                      play console commands headless and print the outcome
  test [PATH...] [--random N] [--seed S]
                      run every scenario's walkthroughs (and N seeded random walks);
                      print N passed, N failed
  graph SCENARIO [--format dot|mermaid]
                      leads, evidence, legal steps and endings as a graph
  new NAME            start a scenario from a commented template (NAME.lua and walkthroughs)
  docs [--luals]      print the Lua API reference, or the lua-language-server stub
  screenshot --out FILE.png [--scenario X] [--moves FILE] [--scene NAME] [--size WxH] [--lang en|ru]
                      render one scene to a PNG

exit codes: 0 success, 1 a failed check or test, 2 bad usage or unreadable input
`)
}

func newFlags(name string, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

func (env Env) check(args []string) (int, error) {
	fl := newFlags("check", env)
	rest, err := parse(fl, args)
	if err != nil {
		return 0, err
	}
	if len(rest) == 0 {
		return 0, fmt.Errorf("name at least one scenario file or folder, e.g. check scenarios")
	}
	scen, rules, err := expand(rest)
	if err != nil {
		return 0, err
	}
	problems := 0
	for _, p := range rules {
		src, err := os.ReadFile(p)
		if err != nil {
			return 0, fmt.Errorf("%s: %v", p, unwrapPath(err))
		}
		for _, e := range scripting.CheckRulePack(filepath.ToSlash(p), src) {
			fmt.Fprintln(env.Stdout, e)
			problems++
		}
	}
	for _, p := range scen {
		src, err := FindFile(p)
		if err != nil {
			fmt.Fprintln(env.Stdout, err)
			problems++
			continue
		}
		problems += env.checkOne(src)
	}
	fmt.Fprintf(env.Stderr, "checked %d scenarios and %d rule packs: %d problems\n", len(scen), len(rules), problems)
	if problems > 0 {
		return ExitFinding, nil
	}
	return ExitOK, nil
}

// checkOne loads a scenario and parses its walkthroughs, printing problems.
func (env Env) checkOne(src *Source) int {
	_, script, errs := scripting.Load(src.Name, src.Src, src.Options())
	for _, e := range errs {
		fmt.Fprintln(env.Stdout, e)
	}
	n := len(errs)
	if script != nil {
		for _, e := range script.Lint() {
			fmt.Fprintln(env.Stdout, e)
			n++
		}
		for _, id := range script.Overridden() {
			fmt.Fprintf(env.Stdout, "%s: warning: the scenario redefines jurisdiction %q from its rule pack\n", src.Name, id)
		}
		script.Close()
	}
	met := map[string]bool{}
	for _, mv := range src.Moves {
		b, err := src.ReadMoves(mv)
		if err != nil {
			fmt.Fprintf(env.Stdout, "%s: %v\n", mv, unwrapPath(err))
			n++
			continue
		}
		moves, err := walkthrough.Parse(mv, bytes.NewReader(b))
		if err != nil {
			fmt.Fprintln(env.Stdout, err)
			n++
			continue
		}
		if len(errs) == 0 {
			for _, id := range objectivesMet(src, moves) {
				met[id] = true
			}
		}
	}
	if len(errs) == 0 && len(src.Moves) > 0 {
		n += env.unmetObjectives(src, met)
	}
	return n
}

// objectivesMet plays a walkthrough and returns the objectives its ending
// met; nothing if it does not end.
func objectivesMet(src *Source, mv *walkthrough.Moves) []string {
	sc, script, errs := scripting.Load(src.Name, src.Src, src.Options())
	if errs != nil {
		return nil
	}
	defer script.Close()
	s := game.NewSession(sc, mv.Seed, script)
	mv.Run(s)
	var out []string
	if d := s.Debrief(); d != nil {
		for _, o := range d.Objectives {
			if o.Met {
				out = append(out, o.ID)
			}
		}
	}
	return out
}

// unmetObjectives reports objectives that none of the walkthroughs meets:
// no known path reaches them.
func (env Env) unmetObjectives(src *Source, met map[string]bool) int {
	sc, script, errs := scripting.Load(src.Name, src.Src, src.Options())
	if errs != nil {
		return 0
	}
	script.Close()
	n := 0
	for _, o := range sc.Objectives {
		if !met[o.ID] {
			fmt.Fprintf(env.Stdout, "%s: objective %q is met by none of the walkthroughs: add one that meets it, or fix its check\n",
				orWhere(sc.Where["objective:"+o.ID], src.Name), o.ID)
			n++
		}
	}
	return n
}

func orWhere(where, file string) string {
	if where == "" {
		return file
	}
	return where
}

func (env Env) run(args []string) (int, error) {
	fl := newFlags("run", env)
	name := fl.String("scenario", scenarios.Default, "scenario name or path")
	moves := fl.String("moves", "", "walkthrough file of console commands")
	seed := fl.Uint64("seed", 0, "seed (default: the walkthrough's seed line, else 1)")
	asJSON := fl.Bool("json", false, "print the outcome as JSON")
	rest, err := parse(fl, args)
	if err != nil {
		return 0, err
	}
	if *moves == "" {
		return 0, fmt.Errorf("--moves FILE is required")
	}
	if len(rest) > 0 {
		return 0, fmt.Errorf("unexpected arguments: %s", strings.Join(rest, " "))
	}
	src, err := Find(*name)
	if err != nil {
		return 0, err
	}
	b, err := os.ReadFile(*moves)
	if err != nil {
		return 0, fmt.Errorf("%s: %v", *moves, unwrapPath(err))
	}
	mv, err := walkthrough.Parse(*moves, bytes.NewReader(b))
	if err != nil {
		return 0, err
	}
	sc, script, errs := scripting.Load(src.Name, src.Src, src.Options())
	if errs != nil {
		return 0, errs
	}
	defer script.Close()
	sd := mv.Seed
	seedSet := false
	fl.Visit(func(f *flag.Flag) { seedSet = seedSet || f.Name == "seed" })
	if seedSet {
		sd = *seed
	}
	s := game.NewSession(sc, sd, script)
	fails := mv.Run(s)
	if *asJSON {
		out := Outcome(s)
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return 0, err
		}
	} else {
		Transcript(env.Stdout, s, game.EN)
	}
	for _, f := range fails {
		fmt.Fprintln(env.Stderr, f)
	}
	if len(fails) > 0 {
		return ExitFinding, nil
	}
	return ExitOK, nil
}

// Result is what run --json prints.
type Result struct {
	Scenario string        `json:"scenario"`
	Hash     string        `json:"hash"`
	Seed     uint64        `json:"seed"`
	Clock    string        `json:"clock"`
	Ended    bool          `json:"ended"`
	Ending   string        `json:"ending,omitempty"`
	Result   string        `json:"result,omitempty"`
	Score    int           `json:"score"`
	Checksum string        `json:"checksum"`
	Log      []string      `json:"log"`
	Events   []game.Event  `json:"events"`
	Debrief  *game.Debrief `json:"debrief,omitempty"`
	Errors   []string      `json:"script_errors,omitempty"`
}

// Outcome summarises a session for JSON output.
func Outcome(s *game.Session) Result {
	r := Result{Scenario: s.Scenario().ID, Hash: s.Scenario().Hash, Seed: s.Seed(),
		Clock: s.Calendar().Format(s.Now()), Ended: s.Ended(), Checksum: s.Checksum(),
		Events: s.Events(), Debrief: s.Debrief(), Errors: s.ScriptErrors()}
	for _, e := range s.Log() {
		r.Log = append(r.Log, e.Line)
	}
	if e := s.Ending(); e != nil {
		r.Ending, r.Result = e.ID, e.Result
		r.Score = r.Debrief.Score
	}
	return r
}

// Transcript prints the session as the console shows it, then the outcome.
func Transcript(w io.Writer, s *game.Session, l game.Lang) {
	cal := s.Calendar()
	for _, ev := range s.Events() {
		if ev.Hidden || ev.Kind == "start" {
			continue
		}
		text := strings.TrimRight(ev.Text.In(l), "\n")
		switch ev.Kind {
		case "command":
			fmt.Fprintf(w, "\n[%s] > %s\n", cal.Format(ev.At), text)
		case "output":
			fmt.Fprintln(w, indent(text))
		default:
			fmt.Fprintf(w, "[%s] %s\n", cal.Format(ev.At), indentRest(text))
		}
	}
	fmt.Fprintln(w)
	d := s.Debrief()
	if d == nil {
		fmt.Fprintf(w, "Not ended yet: %s\n", cal.Format(s.Now()))
		return
	}
	fmt.Fprintf(w, "Ending: %s (%s) - %s\n", d.Ending.Title.In(l), d.Ending.Result, d.Ending.Text.In(l))
	fmt.Fprintf(w, "Score: %d\n", d.Score)
	for _, b := range d.Breakdown {
		fmt.Fprintf(w, "  %+4d  %s\n", b.Points, b.Label.In(l))
	}
	for _, o := range d.Objectives {
		mark := "[ ]"
		if o.Met {
			mark = "[x]"
		}
		fmt.Fprintf(w, "  %s %s\n", mark, o.Text.In(l))
	}
	for _, e := range d.Rejected {
		fmt.Fprintf(w, "Rejected: %s %s: %s\n", e.Num, e.Title.In(l), e.Reason.In(l))
	}
	for _, m := range d.MissedLeads {
		fmt.Fprintf(w, "Missed lead: %s\n", m.In(l))
	}
}

func indent(s string) string { return "    " + strings.ReplaceAll(s, "\n", "\n    ") }

func indentRest(s string) string { return strings.ReplaceAll(s, "\n", "\n    ") }

func (env Env) docs(args []string) (int, error) {
	fl := newFlags("docs", env)
	luals := fl.Bool("luals", false, "print the lua-language-server ---@meta stub")
	rest, err := parse(fl, args)
	if err != nil {
		return 0, err
	}
	if len(rest) > 0 {
		return 0, fmt.Errorf("unexpected arguments: %s", strings.Join(rest, " "))
	}
	if *luals {
		fmt.Fprint(env.Stdout, scripting.LuaLSStub())
	} else {
		fmt.Fprint(env.Stdout, scripting.Reference())
	}
	return ExitOK, nil
}

// parse parses flags that may come before, between or after positional
// arguments, and returns the positional ones.
func parse(fl *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		args = fl.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

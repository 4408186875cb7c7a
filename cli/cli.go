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
	"path/filepath"
	"strings"
	"time"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
	"takedown/i18n"
	"takedown/scenarios"
	"takedown/scripting"
	"takedown/scripting/sandbox"
	"takedown/terminal"
	"takedown/walkthrough"
)

// Exit codes, as DESIGN.md sets them.
const (
	ExitOK      = 0
	ExitFinding = 1 // a failed check or test
	ExitUsage   = 2 // bad usage or unreadable input
)

// Env is where a command writes. Cat and Text may be nil: Main fills them.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	Cat    *catalog.Catalog
	Text   *i18n.Catalog
}

// Headless reports whether a subcommand runs without a window.
func Headless(cmd string) bool {
	switch cmd {
	case "check", "run", "test", "docs", "xapi", "report", "graph", "new", "host", "help", "-h", "-help", "--help":
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
	if env.Cat == nil {
		env.Cat = catalog.New()
	}
	if env.Text == nil {
		t, err := i18n.Load()
		if err != nil {
			fmt.Fprintf(env.Stderr, "takedown: %v\n", err)
			return ExitUsage
		}
		env.Text = t
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
	case "xapi":
		code, err = env.xapi(args[1:])
	case "report":
		code, err = env.report(args[1:])
	case "graph":
		code, err = env.graph(args[1:])
	case "new":
		code, err = env.newScenario(args[1:])
	case "host":
		code, err = env.host(args[1:])
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
			for _, line := range strings.Split(env.render(err), "\n") {
				fmt.Fprintf(env.Stderr, "takedown %s: %s\n", args[0], terminal.Escape(line))
			}
		}
		return ExitUsage
	}
	return code
}

// render gives an error in words: the rules' messages in English.
func (env Env) render(err error) string {
	var we *walkthrough.Error
	if errors.As(err, &we) {
		return fmt.Sprintf("%s:%d: %s", we.File, we.Line, env.render(we.Err))
	}
	return env.Text.Printer(game.EN, nil, time.Time{}).Err(err)
}

// line prints one line of untrusted text (a script's error, a path) with
// control characters made visible.
func (env Env) line(w io.Writer, s string) {
	fmt.Fprintln(w, terminal.Escape(s))
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
  host --scenario X [--addr :PORT] [--seed N] [--minutes M]  host a workshop room (--replay ARCHIVE replays one)
  xapi SAVE|--scenario X --moves FILE [--seed N] [--actor NAME] [--home URL]
                      print a session's xAPI statements as a JSON array
                      (SAVE: a save file, a session log or a report)
  report SAVE|--scenario X --moves FILE [--seed N] [--lang en|ru] --out FILE.html
                      write the after-action report: one HTML file with the session in it
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
	scen, rules, err := catalog.Expand(rest)
	if err != nil {
		return 0, err
	}
	problems := 0
	for _, p := range rules {
		src, err := catalog.ReadRulePack(p)
		if err != nil {
			env.line(env.Stdout, err.Error())
			problems++
			continue
		}
		for _, e := range scripting.CheckRulePack(filepath.ToSlash(p), src) {
			env.line(env.Stdout, e.Error())
			problems++
		}
	}
	for _, p := range scen {
		src, err := env.Cat.File(p)
		if err != nil {
			env.line(env.Stdout, err.Error())
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

// checkOne loads a scenario, parses and plays its walkthroughs, and prints
// every problem: load errors, unreachable parts, objectives no walkthrough
// meets, and texts made during play that lack a declared language.
func (env Env) checkOne(src *catalog.Source) int {
	prog, errs := engine.Compile(src, sandbox.Limits{})
	n := 0
	if errs == nil {
		_, script, lerrs := prog.Load()
		errs = lerrs
		if script != nil {
			for _, e := range script.Lint() {
				env.line(env.Stdout, e.Error())
				n++
			}
			for _, id := range script.Overridden() {
				env.line(env.Stdout, fmt.Sprintf("%s: warning: the scenario redefines jurisdiction %q from its rule pack", src.Name, id))
			}
			script.Close()
		}
	}
	for _, e := range errs {
		env.line(env.Stdout, e.Error())
	}
	n += len(errs)
	met := map[string]bool{}
	var scenario *game.Scenario
	textProblems := map[string]bool{}
	for _, mv := range src.Moves {
		b, err := src.ReadMoves(mv)
		if err != nil {
			env.line(env.Stdout, err.Error())
			n++
			continue
		}
		moves, err := walkthrough.Parse(mv, bytes.NewReader(b))
		if err != nil {
			env.line(env.Stdout, env.render(err))
			n++
			continue
		}
		if len(errs) > 0 {
			continue
		}
		s, err := prog.NewSession(engine.Options{Seed: moves.Seed})
		if err != nil {
			env.line(env.Stdout, mv+": "+env.render(err))
			n++
			continue
		}
		moves.Run(s)
		scenario = s.Game().Scenario()
		if d := s.Game().Debrief(); d != nil {
			for _, o := range d.Objectives {
				if o.Met {
					met[o.ID] = true
				}
			}
		}
		for _, p := range s.Script().TextProblems() {
			textProblems[p] = true
		}
		s.Close()
	}
	for p := range textProblems {
		env.line(env.Stdout, p)
		n++
	}
	if scenario != nil {
		for _, o := range scenario.Objectives {
			if !met[o.ID] {
				env.line(env.Stdout, fmt.Sprintf("%s: objective %q is met by none of the walkthroughs: add one that meets it, or fix its check",
					orWhere(scenario.Where["objective:"+o.ID], src.Name), o.ID))
				n++
			}
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
	lang := fl.String("lang", "en", "language of the transcript: "+langList(env.Text))
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
	l, err := parseLang(env.Text, *lang)
	if err != nil {
		return 0, err
	}
	prog, err := engine.Open(env.Cat, *name)
	if err != nil {
		return 0, err
	}
	b, err := catalog.ReadMovesFile(*moves)
	if err != nil {
		return 0, err
	}
	mv, err := walkthrough.Parse(*moves, bytes.NewReader(b))
	if err != nil {
		return 0, err
	}
	sd := mv.Seed
	seedSet := false
	fl.Visit(func(f *flag.Flag) { seedSet = seedSet || f.Name == "seed" })
	if seedSet {
		sd = *seed
	}
	s, err := prog.NewSession(engine.Options{Seed: sd, Clock: zeroClock})
	if err != nil {
		return 0, err
	}
	defer s.Close()
	fails := mv.Run(s)
	if *asJSON {
		out := Outcome(s)
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return 0, err
		}
	} else {
		env.Transcript(env.Stdout, s, l)
	}
	for _, f := range fails {
		fmt.Fprintln(env.Stderr, terminal.EscapeLines(env.failure(f, s, l)))
	}
	if len(fails) > 0 {
		return ExitFinding, nil
	}
	return ExitOK, nil
}

// zeroClock records no wall-clock time, so that run --json prints the same
// bytes on every machine at every hour.
func zeroClock() time.Time { return time.Unix(0, 0) }

// failure renders a walkthrough failure.
// failure renders a walkthrough's failure with the session's names and
// calendar, its later lines indented under the first.
func (env Env) failure(f walkthrough.Failure, es *engine.Session, l game.Lang) string {
	if f.Err != nil {
		v := es.View()
		msg := env.Text.Printer(l, v, v.Scenario.Start).Err(f.Err)
		return fmt.Sprintf("%s:%d: %s: %s", f.File, f.Line, f.Msg, indentRest(msg))
	}
	return f.Error()
}

// parseLang reads a --lang value against the shipped catalogues.
func parseLang(t *i18n.Catalog, s string) (game.Lang, error) {
	for _, l := range t.Langs() {
		if string(l) == s {
			return l, nil
		}
	}
	return "", fmt.Errorf("--lang %q: want %s", s, langList(t))
}

func langList(t *i18n.Catalog) string {
	var ls []string
	for _, l := range t.Langs() {
		ls = append(ls, string(l))
	}
	return strings.Join(ls, " or ")
}

// Result is what run --json prints: the session's log, events, View and
// debrief as data.
type Result struct {
	Scenario string        `json:"scenario"`
	Hash     string        `json:"hash"`
	Seed     uint64        `json:"seed"`
	Now      game.Minutes  `json:"now"`
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
func Outcome(es *engine.Session) Result {
	s := es.Game()
	r := Result{Scenario: s.Scenario().ID, Hash: s.Scenario().Hash, Seed: s.Seed(),
		Now: s.Now(), Ended: s.Ended(), Checksum: s.Checksum(),
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

// Transcript prints the session as the console shows it, then the outcome,
// in a language.
func (env Env) Transcript(w io.Writer, es *engine.Session, l game.Lang) {
	v := es.View()
	p := env.Text.Printer(l, v, v.Scenario.Start)
	for _, ev := range es.Events() {
		if ev.Hidden || ev.Kind == game.EvStart {
			continue
		}
		text := terminal.EscapeLines(strings.TrimRight(p.Msg(ev.Msg), "\n"))
		switch ev.Kind {
		case game.EvCommand:
			fmt.Fprintf(w, "\n[%s] > %s\n", p.Time(ev.At), text)
		case game.EvOutput:
			fmt.Fprintln(w, indent(text))
		default:
			fmt.Fprintf(w, "[%s] %s\n", p.Time(ev.At), indentRest(text))
		}
	}
	fmt.Fprintln(w)
	d := v.Debrief
	if d == nil {
		fmt.Fprintf(w, "%s %s\n", p.T("cli.not_ended"), p.Time(v.Now))
		return
	}
	fmt.Fprintf(w, "%s\n", terminal.Escape(p.T("cli.ending", game.Sub("title", d.Ending.TitleMsg()), game.Sub("result", game.M("result."+d.Ending.Result)), game.Sub("text", d.Ending.BodyMsg()))))
	fmt.Fprintf(w, "%s\n", p.T("cli.score", game.Num("score", int64(d.Score))))
	for _, b := range d.Breakdown {
		fmt.Fprintf(w, "  %+4d  %s\n", b.Points, terminal.Escape(p.Msg(b.Label)))
	}
	for _, o := range d.Objectives {
		mark := "[ ]"
		if o.Met {
			mark = "[x]"
		}
		fmt.Fprintf(w, "  %s %s\n", mark, terminal.Escape(p.Text(o.Text)))
	}
	for _, l := range d.Lessons {
		mark := "[x]"
		why := ""
		if !l.Met {
			mark, why = "[ ]", " — "+p.Msg(l.Why)
		}
		fmt.Fprintf(w, "  %s %s%s\n", mark, terminal.Escape(p.Text(l.Text)), indentRest(terminal.EscapeLines(why)))
	}
	for _, c := range d.Causes {
		fmt.Fprintf(w, "%s\n", indentRest(terminal.EscapeLines(p.T("cli.cause", game.Str("id", c.ID), game.Sub("msg", c.Msg)))))
	}
	for _, k := range d.Key {
		fmt.Fprintf(w, "%s\n", indentRest(terminal.EscapeLines(p.T("cli.key", game.Str("kind", k.Kind), game.Num("day", int64(k.At/game.Day)+1),
			game.Str("line", k.Line), game.Sub("taken", k.Taken)))))
		if wi := k.WhatIf; wi != nil {
			fmt.Fprintf(w, "%s\n", indentRest(terminal.EscapeLines(p.T("cli.whatif", game.Sub("instead", wi.Instead),
				game.Sub("outcome", WhatIfOutcome(wi)), game.Sub("reason", wi.Reason)))))
		}
	}
	for _, e := range d.Rejected {
		fmt.Fprintf(w, "%s\n", terminal.Escape(p.T("cli.rejected", game.Str("num", e.Num), game.Sub("title", e.Title), game.Sub("reason", e.Reason))))
	}
	for _, m := range d.MissedLeads {
		fmt.Fprintf(w, "%s\n", terminal.Escape(p.T("cli.missed", game.Txt("lead", m))))
	}
}

// WhatIfOutcome says where a what-if branch ended, as a message.
func WhatIfOutcome(w *game.WhatIf) game.Msg {
	if w.Ending == "" {
		return game.M("whatif.open", game.Num("day", int64(w.Day)))
	}
	return game.M("whatif.outcome", game.Sub("ending", w.Title), game.Sub("result", game.M("result."+w.Result)),
		game.Num("score", int64(w.Score)), game.Num("day", int64(w.Day)))
}

func indent(s string) string { return "    " + strings.ReplaceAll(s, "\n", "\n    ") }

func indentRest(s string) string { return strings.ReplaceAll(s, "\n", "\n    ") }

func (env Env) docs(args []string) (int, error) {
	fl := newFlags("docs", env)
	luals := fl.Bool("luals", false, "print the lua-language-server ---@meta stub")
	rules := fl.Bool("rules", false, "print docs/rules.md, the rules the engine applies")
	rest, err := parse(fl, args)
	if err != nil {
		return 0, err
	}
	if len(rest) > 0 {
		return 0, fmt.Errorf("unexpected arguments: %s", strings.Join(rest, " "))
	}
	if *luals {
		fmt.Fprint(env.Stdout, scripting.LuaLSStub())
	} else if *rules {
		fmt.Fprint(env.Stdout, game.RulesDoc())
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

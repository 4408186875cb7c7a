package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"strings"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
	"takedown/records"
	"takedown/report"
	"takedown/safefile"
	"takedown/scenarios"
	"takedown/walkthrough"
)

// defaultHome is the academy's home page when --home is not given: a
// reserved name that never resolves, so that a record sent with it is
// plainly not the academy's.
const defaultHome = "https://academy.invalid/"

// sessionFlags are the flags that say where a session comes from, shared by
// xapi and report.
type sessionFlags struct {
	scenario *string
	moves    *string
	seed     *uint64
	fl       *flag.FlagSet
}

func addSessionFlags(fl *flag.FlagSet) sessionFlags {
	return sessionFlags{
		scenario: fl.String("scenario", scenarios.Default, "scenario name or path, with --moves"),
		moves:    fl.String("moves", "", "walkthrough file of console commands to play"),
		seed:     fl.Uint64("seed", 0, "seed, with --moves (default: the walkthrough's seed line, else 1)"),
		fl:       fl,
	}
}

// loaded is a session ready for records or a report.
type loaded struct {
	prog   *engine.Program
	es     *engine.Session
	source report.Source // what the file said; zero for --moves
}

// load reads the session that the positional argument (a save, a session
// log or a report) or --moves names, and replays it. The caller closes the
// session.
func (env Env) load(sf sessionFlags, rest []string) (*loaded, error) {
	switch {
	case len(rest) > 1:
		return nil, fmt.Errorf("unexpected arguments: %s", strings.Join(rest[1:], " "))
	case len(rest) == 1 && *sf.moves != "":
		return nil, errors.New("give a session file or --moves, not both")
	case len(rest) == 0 && *sf.moves == "":
		return nil, errors.New("give a session file (a save, a session log or a report) or --scenario X --moves FILE")
	}
	if *sf.moves != "" {
		return env.playMoves(sf)
	}
	b, err := safefile.Read(rest[0], report.MaxSource)
	if err != nil {
		return nil, err
	}
	src, err := report.ReadSource(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rest[0], err)
	}
	l, err := src.ParseLog()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rest[0], err)
	}
	prog, err := engine.Open(env.Cat, src.ScenarioRef(l))
	if err != nil {
		var nf *catalog.NotFoundError
		if errors.As(err, &nf) && src.Scenario != "" && src.Scenario != l.Scenario {
			// The file names a scenario that is not here (say, a path on the
			// trainee's machine): try the embedded one of the log's id.
			prog, err = engine.Open(env.Cat, l.Scenario)
		}
		if err != nil {
			return nil, err
		}
	}
	es, err := prog.Resume(l, engine.Options{})
	if err != nil {
		if es != nil {
			es.Close()
		}
		return nil, err
	}
	return &loaded{prog: prog, es: es, source: src}, nil
}

// playMoves plays a walkthrough with no wall-clock time recorded, so that
// the same walkthrough always gives the same output.
func (env Env) playMoves(sf sessionFlags) (*loaded, error) {
	prog, err := engine.Open(env.Cat, *sf.scenario)
	if err != nil {
		return nil, err
	}
	b, err := catalog.ReadMovesFile(*sf.moves)
	if err != nil {
		return nil, err
	}
	mv, err := walkthrough.Parse(*sf.moves, bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	seed := mv.Seed
	sf.fl.Visit(func(f *flag.Flag) {
		if f.Name == "seed" {
			seed = *sf.seed
		}
	})
	es, err := prog.NewSession(engine.Options{Seed: seed, Clock: zeroClock})
	if err != nil {
		return nil, err
	}
	for _, st := range mv.Steps {
		if st.Command == "" {
			continue
		}
		if _, err := es.Do(game.ActorTrainee, st.Command); err != nil {
			es.Close()
			return nil, &walkthrough.Error{File: *sf.moves, Line: st.Line, Err: err}
		}
	}
	return &loaded{prog: prog, es: es, source: report.Source{Scenario: *sf.scenario}}, nil
}

// account is the trainee's account: --actor on --home, else the name of
// the log's trainee ("trainee/alice" is alice), else "trainee".
func account(actor, home string, l game.SessionLog) records.Account {
	if actor == "" {
		actor = string(game.ActorTrainee)
		for _, e := range l.Entries {
			if e.Actor.Kind() == game.ActorTrainee {
				if _, name, ok := strings.Cut(string(e.Actor), "/"); ok {
					actor = name
				}
				break
			}
		}
	}
	return records.Account{HomePage: home, Name: actor}
}

func (env Env) xapi(args []string) (int, error) {
	fl := newFlags("xapi", env)
	sf := addSessionFlags(fl)
	actor := fl.String("actor", "", "the trainee's account name on the academy's LMS (default: the log's trainee name, else trainee); never an e-mail address")
	home := fl.String("home", defaultHome, "the home page of the academy's LMS, where the account is")
	rest, err := parse(fl, args)
	if err != nil {
		return 0, err
	}
	if strings.Contains(*actor, "@") {
		return 0, errors.New("--actor: give the LMS account name, not an e-mail address: statements never carry e-mail")
	}
	ld, err := env.load(sf, rest)
	if err != nil {
		return 0, err
	}
	defer ld.es.Close()
	log := ld.es.Log()
	sts, err := records.Statements(records.Session{Log: log, Events: ld.es.Events(), View: ld.es.View()}, records.StatementOptions{
		Account: account(*actor, *home, log), Text: env.Text, Suspend: true})
	if err != nil {
		return 0, err
	}
	b, err := records.MarshalStatements(sts)
	if err != nil {
		return 0, err
	}
	if _, err := env.Stdout.Write(b); err != nil {
		return 0, err
	}
	return ExitOK, nil
}

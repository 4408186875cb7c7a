package cli

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"takedown/catalog"
	"takedown/engine"
	"takedown/explore"
	"takedown/game"
	"takedown/scripting/sandbox"
	"takedown/terminal"
	"takedown/walkthrough"
)

func (env Env) test(args []string) (int, error) {
	fl := newFlags("test", env)
	random := fl.Int("random", 0, "also play N seeded random walks per scenario")
	seed := fl.Uint64("seed", 1, "seed of the random walks and of the explorer")
	doExplore := fl.Bool("explore", false, "also search each scenario for wins that skip a declared lesson")
	budget := fl.Int("budget", explore.DefaultBudget, "variants the explorer plays per scenario")
	rest, err := parse(fl, args)
	if err != nil {
		return 0, err
	}
	if *random < 0 || *random > 1000000 {
		return 0, fmt.Errorf("--random must be between 0 and 1000000")
	}
	if *budget < 1 || *budget > 1000000 {
		return 0, fmt.Errorf("--budget must be between 1 and 1000000")
	}
	var sources []*catalog.Source
	if len(rest) == 0 {
		for _, name := range env.Cat.Embedded() {
			s, err := env.Cat.Find(name)
			if err != nil {
				return 0, err
			}
			sources = append(sources, s)
		}
	} else {
		scen, _, err := catalog.Expand(rest)
		if err != nil {
			return 0, err
		}
		for _, p := range scen {
			s, err := env.Cat.File(p)
			if err != nil {
				return 0, err
			}
			sources = append(sources, s)
		}
	}
	passed, failed := 0, 0
	for _, src := range sources {
		p, errs := engine.Compile(src, sandbox.Limits{})
		if errs == nil {
			_, script, lerrs := p.Load()
			if script != nil {
				script.Close()
			}
			errs = lerrs
		}
		if errs != nil {
			for _, e := range errs {
				env.line(env.Stdout, e.Error())
			}
			env.line(env.Stdout, fmt.Sprintf("FAIL %s: does not load", src.Name))
			failed++
			continue
		}
		if len(src.Moves) == 0 {
			env.line(env.Stdout, fmt.Sprintf("FAIL %s: no walkthroughs (%s.*.moves)", src.Name, src.Name[:len(src.Name)-4]))
			failed++
			continue
		}
		if *random > 0 {
			rep, err := RandomWalks(p, *random, *seed)
			if err != nil {
				return 0, err
			}
			if env.printRandom(env.Stdout, src.Name, rep) > 0 {
				failed++
			} else {
				passed++
			}
		}
		if *doExplore {
			if env.explore(p, src, *seed, *budget) {
				passed++
			} else {
				failed++
			}
		}
		for _, path := range src.Moves {
			if res := env.RunWalkthrough(p, path); res.ok() {
				passed++
				env.line(env.Stdout, fmt.Sprintf("ok   %s %s", path, res.summary))
			} else {
				failed++
				env.line(env.Stdout, fmt.Sprintf("FAIL %s %s", path, res.summary))
				for _, f := range res.failures {
					fmt.Fprintln(env.Stdout, indent(terminal.EscapeLines(f)))
				}
			}
		}
	}
	fmt.Fprintf(env.Stdout, "%d passed, %d failed\n", passed, failed)
	if failed > 0 {
		return ExitFinding, nil
	}
	return ExitOK, nil
}

// WalkResult is the outcome of one walkthrough.
type WalkResult struct {
	summary  string
	failures []string
}

func (r WalkResult) ok() bool { return len(r.failures) == 0 }

// RunWalkthrough plays one .moves file of a compiled scenario. Script
// errors during play fail the walkthrough unless it expects them.
func (env Env) RunWalkthrough(p *engine.Program, path string) WalkResult {
	b, err := p.Source.ReadMoves(path)
	if err != nil {
		return WalkResult{failures: []string{err.Error()}}
	}
	mv, err := walkthrough.Parse(path, bytes.NewReader(b))
	if err != nil {
		return WalkResult{failures: []string{env.render(err)}}
	}
	es, err := p.NewSession(engine.Options{Seed: mv.Seed})
	if err != nil {
		return WalkResult{failures: []string{env.render(err)}}
	}
	defer es.Close()
	var res WalkResult
	for _, f := range mv.Run(es) {
		res.failures = append(res.failures, env.failure(f, es, game.EN))
	}
	s := es.Game()
	if errs := s.ScriptErrors(); len(errs) > 0 && !mv.ExpectsScriptErrors() {
		for _, e := range errs {
			res.failures = append(res.failures, "script error during play: "+e)
		}
	}
	if e := s.Ending(); e != nil {
		res.summary = fmt.Sprintf("(ending %s, score %d, day %d)", e.ID, s.Debrief().Score, int(s.Now()/game.Day)+1)
	} else {
		res.summary = fmt.Sprintf("(not ended, day %d)", int(s.Now()/game.Day)+1)
	}
	return res
}

// explore runs the explorer on one scenario and prints what it found; it
// reports false when a path wins a full conviction while skipping a lesson.
func (env Env) explore(p *engine.Program, src *catalog.Source, seed uint64, budget int) bool {
	start := time.Now()
	r, err := explore.Explore(context.Background(), p, explore.Options{Seed: seed, Budget: budget})
	if err != nil {
		env.line(env.Stdout, fmt.Sprintf("FAIL %s --explore: %s", src.Name, env.render(err)))
		return false
	}
	var ends []string
	for _, id := range slices.Sorted(maps.Keys(r.Endings)) {
		ends = append(ends, fmt.Sprintf("%s %d", id, r.Endings[id]))
	}
	cheapest := "no win found"
	if c := r.Cheapest; c != nil {
		cheapest = fmt.Sprintf("cheapest win day %d, score %d, %d commands (%s)", c.Day, c.Score, len(c.Lines), c.Variant)
	}
	summary := fmt.Sprintf("%d variants in %.1fs; %s; endings: %s", r.Played, time.Since(start).Seconds(), cheapest, strings.Join(ends, ", "))
	if len(r.Unearned) == 0 {
		env.line(env.Stdout, fmt.Sprintf("ok   %s --explore (%s)", src.Name, summary))
		return true
	}
	env.line(env.Stdout, fmt.Sprintf("FAIL %s --explore (%s)", src.Name, summary))
	u := r.Unearned[0]
	env.line(env.Stdout, fmt.Sprintf("    %d paths reach a full conviction while skipping a lesson, which then holds only by the score; the cheapest (%s) skips %s:",
		len(r.Unearned), u.Variant, strings.Join(u.Unearned, ", ")))
	fmt.Fprintln(env.Stdout, indent(terminal.EscapeLines(strings.TrimRight(u.Moves(seed, "the court convicted of the full charge although lessons were skipped"), "\n"))))
	return false
}

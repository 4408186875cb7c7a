package cli

import (
	"bytes"
	"fmt"

	"takedown/game"
	"takedown/scripting"
	"takedown/walkthrough"
)

func (env Env) test(args []string) (int, error) {
	fl := newFlags("test", env)
	random := fl.Int("random", 0, "also play N seeded random walks per scenario")
	seed := fl.Uint64("seed", 1, "seed of the random walks")
	rest, err := parse(fl, args)
	if err != nil {
		return 0, err
	}
	if *random < 0 || *random > 1000000 {
		return 0, fmt.Errorf("--random must be between 0 and 1000000")
	}
	var sources []*Source
	if len(rest) == 0 {
		for _, name := range Embedded() {
			s, err := Find(name)
			if err != nil {
				return 0, err
			}
			sources = append(sources, s)
		}
	} else {
		scen, _, err := expand(rest)
		if err != nil {
			return 0, err
		}
		for _, p := range scen {
			s, err := FindFile(p)
			if err != nil {
				return 0, err
			}
			sources = append(sources, s)
		}
	}
	passed, failed := 0, 0
	for _, src := range sources {
		p, errs := scripting.Compile(src.Name, src.Src, src.Options())
		if errs == nil {
			var script *scripting.Script
			_, script, errs = p.Instantiate()
			if script != nil {
				script.Close()
			}
		}
		if errs != nil {
			for _, e := range errs {
				fmt.Fprintln(env.Stdout, e)
			}
			fmt.Fprintf(env.Stdout, "FAIL %s: does not load\n", src.Name)
			failed++
			continue
		}
		if len(src.Moves) == 0 {
			fmt.Fprintf(env.Stdout, "FAIL %s: no walkthroughs (%s.*.moves)\n", src.Name, src.Name[:len(src.Name)-4])
			failed++
			continue
		}
		if *random > 0 {
			rep, err := RandomWalks(p, *random, *seed)
			if err != nil {
				return 0, err
			}
			if printRandom(env.Stdout, src.Name, rep) > 0 {
				failed++
			} else {
				passed++
			}
		}
		for _, path := range src.Moves {
			if res := RunWalkthrough(p, src, path); res.ok() {
				passed++
				fmt.Fprintf(env.Stdout, "ok   %s %s\n", path, res.summary)
			} else {
				failed++
				fmt.Fprintf(env.Stdout, "FAIL %s %s\n", path, res.summary)
				for _, f := range res.failures {
					fmt.Fprintf(env.Stdout, "    %s\n", f)
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

// RunWalkthrough plays one .moves file against a compiled scenario. Script
// errors during play fail the walkthrough unless it expects them.
func RunWalkthrough(p *scripting.Program, src *Source, path string) WalkResult {
	b, err := src.ReadMoves(path)
	if err != nil {
		return WalkResult{failures: []string{fmt.Sprintf("%s: %v", path, unwrapPath(err))}}
	}
	mv, err := walkthrough.Parse(path, bytes.NewReader(b))
	if err != nil {
		return WalkResult{failures: []string{err.Error()}}
	}
	sc, script, errs := p.Instantiate()
	if errs != nil {
		return WalkResult{failures: []string{errs.Error()}}
	}
	defer script.Close()
	s := game.NewSession(sc, mv.Seed, script)
	var res WalkResult
	for _, f := range mv.Run(s) {
		res.failures = append(res.failures, f.Error())
	}
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

package cli

import (
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"

	"takedown/engine"
	"takedown/game"
	"takedown/terminal"
)

// RandomReport is what seeded random walks found in one scenario.
type RandomReport struct {
	Walks        int
	ScriptErrors []Walk // walks that raised a script error
	DeadEnds     []Walk // walks that reached no ending even after waiting past the deadline
	Reached      map[string]int
	Unreached    []string // endings no walk reached
}

// Walk is one random walk, replayable as a .moves file.
type Walk struct {
	Seed  uint64
	Lines []string
	Why   string
}

// Moves renders the walk as a walkthrough file.
func (w Walk) Moves() string {
	return fmt.Sprintf("# %s\nseed %d\n%s\n", w.Why, w.Seed, strings.Join(w.Lines, "\n"))
}

// MaxWalkSteps bounds one random walk before it waits out the deadline.
const MaxWalkSteps = 120

// RandomWalks plays n seeded random walks of a compiled scenario. Each walk
// picks commands from the console language with names the trainee has found,
// then waits until the case ends.
func RandomWalks(p *engine.Program, n int, seed uint64) (*RandomReport, error) {
	rep := &RandomReport{Walks: n, Reached: map[string]int{}}
	var endings []string
	for i := 0; i < n; i++ {
		ws := seed*1000003 + uint64(i)
		es, err := p.NewSession(engine.Options{Seed: ws})
		if err != nil {
			return nil, err
		}
		if endings == nil {
			for _, e := range es.Game().Scenario().Endings {
				endings = append(endings, e.ID)
			}
		}
		w := walk(es, ws)
		es.Close()
		switch {
		case w.scriptErr:
			rep.ScriptErrors = append(rep.ScriptErrors, w.Walk)
		case w.ending == "":
			rep.DeadEnds = append(rep.DeadEnds, w.Walk)
		default:
			rep.Reached[w.ending]++
		}
	}
	for _, e := range endings {
		if rep.Reached[e] == 0 {
			rep.Unreached = append(rep.Unreached, e)
		}
	}
	return rep, nil
}

type walkResult struct {
	Walk
	ending    string
	scriptErr bool
}

func walk(es *engine.Session, seed uint64) walkResult {
	rng := rand.New(rand.NewPCG(seed, 0x7a6b))
	res := walkResult{Walk: Walk{Seed: seed}}
	verbs := game.Verbs()
	halted := false
	do := func(line string) bool {
		c, err := es.Do(game.ActorTrainee, line)
		if c.Halted != nil {
			halted = true
			res.Why = "halted: " + c.Halted.Error()
		}
		if err != nil {
			return false
		}
		res.Lines = append(res.Lines, line)
		return true
	}
	s := es.Game()
	for step := 0; step < MaxWalkSteps && !halted && !s.Ended() && len(s.ScriptErrors()) == 0; step++ {
		v := verbs[rng.IntN(len(verbs))]
		// A takedown ends most walks early; draw it rarely so that walks
		// explore the rest of the case.
		if v.ReadOnly || (v.Name == "takedown" && rng.IntN(8) != 0) {
			continue
		}
		do(randomLine(v, s, rng))
		s = es.Game()
	}
	for tries := 0; !halted && !s.Ended() && len(s.ScriptErrors()) == 0 && tries < 3; tries++ {
		do("wait " + (s.Scenario().Deadline - s.Now() + game.Day).Compact())
		s = es.Game()
	}
	if halted {
		res.scriptErr = true
		return res
	}
	if len(s.ScriptErrors()) > 0 {
		res.Why = "script error: " + s.ScriptErrors()[0]
		res.scriptErr = true
		return res
	}
	if e := s.Ending(); e != nil {
		res.ending = e.ID
		res.Walk.Why = "ending " + e.ID
	} else {
		res.Walk.Why = "dead end: no ending after the deadline"
	}
	return res
}

// randomLine builds a plausible command: each argument is a found name of
// the right kind where one exists.
func randomLine(v game.Verb, s *game.Session, rng *rand.Rand) string {
	if v.Name == "wait" {
		spans := []string{"1h", "6h", "1d", "3d", "10d", "30d"}
		if rng.IntN(4) == 0 {
			return fmt.Sprintf("wait until %02d:%02d", rng.IntN(24), rng.IntN(4)*15)
		}
		return "wait " + spans[rng.IntN(len(spans))]
	}
	known := s.KnownEntities()
	parts := []string{v.Name}
	for _, a := range v.Args {
		if strings.HasSuffix(a, "?") {
			continue
		}
		var pool []string
		for _, e := range known {
			if argFits(a, e) {
				pool = append(pool, e.ID)
			}
		}
		if len(pool) == 0 {
			for _, e := range known {
				pool = append(pool, e.ID)
			}
		}
		sort.Strings(pool)
		parts = append(parts, pool[rng.IntN(len(pool))])
	}
	return strings.Join(parts, " ")
}

func argFits(arg string, e *game.Entity) bool {
	switch arg {
	case "holder":
		return e.Kind == game.KindOrg
	case "target":
		return e.Kind != game.KindUnit && e.Kind != game.KindOrg
	case "rights_holder", "association":
		return e.Role == arg
	}
	return e.Kind == arg
}

// printRandom writes a report; it returns how many findings it printed.
func (env Env) printRandom(w io.Writer, name string, rep *RandomReport) int {
	var reached []string
	for _, id := range slices.Sorted(maps.Keys(rep.Reached)) {
		reached = append(reached, fmt.Sprintf("%s %d", id, rep.Reached[id]))
	}
	fmt.Fprintf(w, "random %s: %d walks; endings reached: %s\n", name, rep.Walks, strings.Join(reached, ", "))
	for _, e := range rep.Unreached {
		fmt.Fprintf(w, "  note: no random walk reached the ending %q\n", e)
	}
	for _, k := range []struct {
		what  string
		walks []Walk
	}{{"script error", rep.ScriptErrors}, {"dead end", rep.DeadEnds}} {
		for i, wk := range k.walks {
			if i == 3 {
				fmt.Fprintf(w, "  ... and %d more %ss\n", len(k.walks)-3, k.what)
				break
			}
			fmt.Fprintf(w, "FAIL %s: %s in walk %d (replay it as a .moves file):\n", terminal.Escape(name), k.what, wk.Seed)
			fmt.Fprintln(w, indent(terminal.EscapeLines(wk.Moves())))
		}
	}
	return len(rep.ScriptErrors) + len(rep.DeadEnds)
}

// Command statements writes the xAPI statements of every walkthrough
// shipped with Takedown, as one JSON object keyed by walkthrough, for
// validate.js to check with @learninglocker/xapi-validation:
//
//	go run ./tools/xapi-validate -o statements.json
//	node tools/xapi-validate/validate.js statements.json
//
// Each walkthrough is written twice: as `takedown xapi --moves` prints it
// (no wall-clock time), and as a trainee would have played it (a minute
// per command, a two-hour pause halfway, a reason typed at each key
// decision), so that timestamps, sittings and responses are checked too.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"time"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
	"takedown/i18n"
	"takedown/records"
	"takedown/scripting/sandbox"
	"takedown/walkthrough"
)

func main() {
	out := flag.String("o", "", "the file to write (default: standard output)")
	flag.Parse()
	b, n, errs := dump()
	if b != nil {
		if *out == "" {
			os.Stdout.Write(b)
		} else if err := os.WriteFile(*out, b, 0o644); err != nil {
			errs = append(errs, err)
		}
	}
	fmt.Fprintf(os.Stderr, "statements: %d statements from %d sessions\n", n.statements, n.sessions)
	for _, err := range errs {
		fmt.Fprintln(os.Stderr, "statements:", err)
	}
	if len(errs) > 0 {
		os.Exit(1)
	}
}

type counts struct{ statements, sessions int }

// dump writes the statements of every walkthrough that plays; a
// walkthrough that does not is reported and the others are still written.
func dump() ([]byte, counts, []error) {
	var n counts
	var errs []error
	text, err := i18n.Load()
	if err != nil {
		return nil, n, []error{err}
	}
	cat := catalog.New()
	all := map[string]json.RawMessage{}
	for _, name := range cat.Embedded() {
		src, err := cat.Find(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		prog, cerrs := engine.Compile(src, sandbox.Limits{})
		if cerrs != nil {
			errs = append(errs, cerrs)
			continue
		}
		for _, m := range src.Moves {
			b, err := src.ReadMoves(m)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			mv, err := walkthrough.Parse(m, bytes.NewReader(b))
			if err != nil {
				errs = append(errs, err)
				continue
			}
			for _, timed := range []bool{false, true} {
				sts, err := statements(prog, mv, text, timed)
				if err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", m, err))
					continue
				}
				arr, err := records.MarshalStatements(sts)
				if err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", m, err))
					continue
				}
				key := m
				if timed {
					key += " (timed, with reasons)"
				}
				all[key] = arr
				n.statements += len(sts)
				n.sessions++
			}
		}
	}
	b, err := json.MarshalIndent(all, "", " ")
	if err != nil {
		return nil, n, append(errs, err)
	}
	return b, n, errs
}

// statements plays a walkthrough and returns its statements.
func statements(prog *engine.Program, mv *walkthrough.Moves, text *i18n.Catalog, timed bool) ([]records.Statement, error) {
	var cmds []string
	for _, st := range mv.Steps {
		if st.Command != "" {
			cmds = append(cmds, st.Command)
		}
	}
	now := time.Date(2026, 3, 2, 17, 30, 0, 0, time.UTC)
	k := 0
	clock := func() time.Time {
		if !timed {
			return time.Unix(0, 0)
		}
		k++
		if k == len(cmds)/2+1 {
			now = now.Add(2 * time.Hour)
		}
		now = now.Add(time.Minute)
		return now
	}
	es, err := prog.NewSession(engine.Options{Seed: mv.Seed, Clock: clock})
	if err != nil {
		return nil, err
	}
	defer es.Close()
	for _, line := range cmds {
		e := game.LogEntry{Line: line, Actor: game.ActorTrainee}
		if c, _ := game.ParseCommand(line); timed && slices.Contains(records.KeyDecisions(), c.Verb) {
			e.Why = "Обоснование: the data is frozen and the file is complete \"now\" <ok>."
		}
		if _, err := es.Exec(e); err != nil {
			return nil, fmt.Errorf("%s: %s", line, text.Printer(game.EN, es.View(), es.View().Scenario.Start).Err(err))
		}
	}
	return records.Statements(records.Session{Log: es.Log(), Events: es.Events(), View: es.View()}, records.StatementOptions{
		Account: records.Account{HomePage: "https://lms.academy.test/", Name: "1625378"}, Text: text, Suspend: true})
}

package scripting_test

import (
	"errors"
	"strings"
	"testing"

	"takedown/game"
	"takedown/scripting"
)

// budgetScenario works a fixed amount in every hourly timer call.
const budgetScenario = minimal + `
return {
  on_start = function() add_timer("1h", "t") end,
  on_timer = function(id)
    local n = 0
    for i = 1, 1000 do n = n + i end
    add_timer("1h", "t")
  end,
}`

// play loads src with the budget and runs the lines, returning the session
// and the error of the first command that failed.
func playBudget(t *testing.T, src string, b scripting.Budget, lines ...string) (*game.Session, int, error) {
	t.Helper()
	o := opts()
	o.Budget = b
	sc, script, errs := scripting.Load("budget.lua", []byte(src), o)
	if errs != nil {
		t.Fatal(errs)
	}
	t.Cleanup(script.Close)
	s, err := game.NewSession(sc, 1, script)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range lines {
		if _, err := s.Do(l); err != nil {
			return s, i, err
		}
	}
	return s, -1, nil
}

// TestCommandWorkBudget checks that one command's handler work is bounded,
// that the command meeting the bound halts with a positioned message naming
// it, and that it meets it at the same command every time.
func TestCommandWorkBudget(t *testing.T) {
	b := scripting.Budget{PerCommand: 200_000, PerSession: 1 << 40}
	for range 2 {
		_, at, err := playBudget(t, budgetScenario, b, "wait 1d", "wait 40d")
		var h game.HaltingError
		if at != 1 || !errors.As(err, &h) || !h.Halts() {
			t.Fatalf("command %d failed with %v; want the long wait to halt", at, err)
		}
		var be *scripting.BudgetError
		if !errors.As(err, &be) || be.Err.Line == 0 || !strings.Contains(err.Error(), "budget.lua:") ||
			!strings.Contains(err.Error(), "work budget for one command (200,000 instructions)") {
			t.Fatalf("the error does not name the bound and the line: %v", err)
		}
	}
}

// TestSessionWorkBudget checks that short commands that each stay under the
// per-command bound still meet the session's bound.
func TestSessionWorkBudget(t *testing.T) {
	b := scripting.Budget{PerCommand: 1 << 40, PerSession: 300_000}
	lines := make([]string, 30)
	for i := range lines {
		lines[i] = "wait 1d"
	}
	_, at, err := playBudget(t, budgetScenario, b, lines...)
	if at < 1 || !strings.Contains(fmtErr(err), "work budget for the whole session (300,000 instructions)") {
		t.Fatalf("command %d: %v; want a later command to meet the session's bound", at, err)
	}
}

// TestRetainedBudget checks that state kept across calls is bounded, and
// that a scenario keeping little is not stopped.
func TestRetainedBudget(t *testing.T) {
	keeper := minimal + `
kept = {}
return {
  on_start = function() add_timer("1h", "t") end,
  on_timer = function(id)
    local t = {}
    for i = 1, 100 do t[i] = i end
    kept[#kept + 1] = t
    add_timer("1h", "t")
  end,
}`
	b := scripting.Budget{Retained: 50_000}
	if _, at, err := playBudget(t, keeper, b, "wait 1d"); err != nil {
		t.Fatalf("a day of keeping 2,400 values failed at %d: %v", at, err)
	}
	_, at, err := playBudget(t, keeper, b, "wait 1d", "wait 30d")
	var be *scripting.BudgetError
	if at != 1 || !errors.As(err, &be) || !strings.Contains(err.Error(), "keep too much between calls (more than 50,000 values") {
		t.Fatalf("command %d: %v; want the month's wait to meet the bound", at, err)
	}
	// The shipped scenario keeps far less than the default bound.
	_, script, errs := scripting.Load("film-site.lua", filmSite(t), opts())
	if errs != nil {
		t.Fatal(errs)
	}
	defer script.Close()
	if _, cells := script.Work(); cells <= 0 || cells > scripting.DefaultBudget().Retained/100 {
		t.Errorf("film-site retains %d cells, the default bound is %d", cells, scripting.DefaultBudget().Retained)
	}
}

func fmtErr(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

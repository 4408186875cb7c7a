//go:build unix

package scripting_test

import (
	"bytes"
	"io/fs"
	"syscall"
	"testing"
	"time"

	"takedown/game"
	"takedown/scenarios"
	"takedown/scripting"
	"takedown/walkthrough"
)

// BenchmarkPlaythrough measures full headless playthroughs of the reference
// scenario's winning walkthrough: a new sandbox, the scenario declared in it,
// and every command played. The compiled program is reused, as the test
// runner does.
func BenchmarkPlaythrough(b *testing.B) {
	p, errs := scripting.Compile("film-site.lua", filmSite(b), opts())
	if errs != nil {
		b.Fatal(errs)
	}
	mvSrc, _ := fs.ReadFile(scenarios.FS(), "film-site.win.moves")
	mv, err := walkthrough.Parse("win", bytes.NewReader(mvSrc))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	start := cpuTime()
	n := 0
	var work int64
	var cells int
	for b.Loop() {
		n++
		sc, script, errs := p.Instantiate()
		if errs != nil {
			b.Fatal(errs)
		}
		s, err := game.NewSession(sc, mv.Seed, script)
		if err != nil {
			b.Fatal(err)
		}
		for _, st := range mv.Steps {
			if st.Command == "" {
				continue
			}
			if _, err := s.Do(st.Command); err != nil {
				b.Fatal(err)
			}
		}
		if e := s.Ending(); e == nil || e.ID != "conviction" {
			b.Fatalf("the walkthrough ended at %v", e)
		}
		work, cells = script.Work()
		script.Close()
	}
	// Per CPU second of this process, so that other work on the machine
	// does not change the figure much.
	if cpu := cpuTime() - start; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "playthroughs/cpu-s")
	}
	// What the scripts did, against scripting.DefaultBudget.
	b.ReportMetric(float64(work), "script-instr/op")
	b.ReportMetric(float64(cells), "retained-cells")
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

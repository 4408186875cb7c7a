//go:build unix

package engine_test

import (
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
)

// BenchmarkRelease1Playthrough plays release 1's winning walkthrough of
// film-site against release 1's scenario, both kept in testdata, from a
// compiled program: the same work release 1's BenchmarkPlaythrough measured,
// so that the two figures compare (README, "Performance").
func BenchmarkRelease1Playthrough(b *testing.B) {
	p, err := engine.Open(catalog.New(), "testdata/release1/film-site.lua")
	if err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile("testdata/release1/win.txt")
	if err != nil {
		b.Fatal(err)
	}
	var lines []string
	seed := uint64(1)
	for _, l := range strings.Split(string(src), "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "" || strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "seed "):
		default:
			lines = append(lines, l)
		}
	}
	b.ReportAllocs()
	start := cpuTime()
	n := 0
	for b.Loop() {
		n++
		s, err := p.NewSession(engine.Options{Seed: seed})
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range lines {
			if _, err := s.Do(game.ActorTrainee, l); err != nil {
				b.Fatalf("%s: %v", l, err)
			}
		}
		if s.Game().Ending() == nil {
			b.Fatal("the walkthrough did not end the case")
		}
		s.Close()
	}
	if cpu := cpuTime() - start; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "playthroughs/cpu-s")
	}
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

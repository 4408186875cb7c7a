package scripting_test

import (
	"bytes"
	"io/fs"
	"testing"

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
	for b.Loop() {
		sc, script, errs := p.Instantiate()
		if errs != nil {
			b.Fatal(errs)
		}
		s := game.NewSession(sc, mv.Seed, script)
		if f := mv.Run(s); len(f) > 0 {
			b.Fatal(f)
		}
		script.Close()
	}
}

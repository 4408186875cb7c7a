package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"takedown/game"
	"takedown/report"
	"takedown/safefile"
	"takedown/save"
)

// TestReportButtonAndReplay plays the winning walkthrough, presses the
// debrief's "Save the report", reads the file back with report.ReadSource,
// then opens it from the title scene's field: its session comes back,
// read-only, at the same checksum.
func TestReportButtonAndReplay(t *testing.T) {
	dir := t.TempDir()
	store, err := save.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	mv := winningMoves(t)
	d := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Scenario: "film-site", Seed: mv.Seed, Size: size720, Source: src, Store: store})
	})
	for _, st := range mv.Steps {
		if st.Command != "" {
			d.onLoop(func() { d.app.Do(st.Command) })
		}
	}
	d.onLoop(func() {
		d.app.overlay = nil
		if err := d.app.SetScene(SceneDebrief); err != nil {
			t.Fatal(err)
		}
	})
	d.idle(2)
	want := d.app.View().Checksum
	entries := len(d.logLines())
	d.click("report")
	d.until("the report to be written", func() bool { return d.app.reporting == nil && d.app.overlay != nil })
	if title, lines := d.app.Overlay(); title != d.app.t("report.saved") || len(lines) != 1 {
		t.Fatalf("saving the report said %q %v", title, lines)
	}
	path := d.app.lastReport
	if filepath.Dir(path) != store.Dir() || !strings.HasSuffix(path, "-en.html") {
		t.Errorf("the report went to %s, want an English report in the save folder %s", path, store.Dir())
	}
	b, err := safefile.Read(path, report.MaxSource)
	if err != nil {
		t.Fatal(err)
	}
	src, err := report.ReadSource(b)
	if err != nil {
		t.Fatalf("report.ReadSource: %v", err)
	}
	l, err := src.ParseLog()
	if err != nil {
		t.Fatal(err)
	}
	if src.Kind != report.KindReport || len(l.Entries) != entries || src.Scenario != "film-site" {
		t.Errorf("the report holds a %s of %d entries of %q, want a report of %d entries of film-site", src.Kind, len(l.Entries), src.Scenario, entries)
	}
	d.click("dismiss")

	// A new window opens it from the title scene: a replay, read-only.
	r := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Size: size720, Source: src, Scenarios: []string{"film-site"}})
	})
	r.step(Input{Chars: []rune(path)}, false)
	r.click("open_folder")
	r.settle()
	if title, lines := r.app.Overlay(); title != "" {
		t.Fatalf("opening the report said %q %v", title, lines)
	}
	if got := r.app.View(); got == nil || got.Checksum != want {
		t.Fatalf("the replay is not the session of the report")
	}
	if r.app.Scene() != SceneDebrief+":"+pageOutcome {
		t.Errorf("the replay of an ended case opened on %s, want the debrief", r.app.Scene())
	}
	if !strings.HasPrefix(strings.Join(r.app.bar.lines, " "), r.app.t("replay.tag")) {
		t.Errorf("the top bar does not say it is a replay: %q", r.app.bar.lines)
	}
	// It is read-only: a command is refused, nothing is logged or saved.
	// (The console of an ended case takes no typing; the command is given
	// as a button would.)
	r.onLoop(func() { r.app.Do("wait 1d") })
	if n := len(r.logLines()); n != entries {
		t.Errorf("a command reached the replay: %d entries, want %d", n, entries)
	}
	last := r.app.m.console[len(r.app.m.console)-1]
	if last.kind != "error" || r.app.p.Err(last.err) != r.app.t("replay.read_only") {
		t.Errorf("the console said %s %q %v, not that the replay is read-only", last.kind, r.app.p.Err(last.err), last.msg)
	}

	// The same with `takedown play FILE`: Options.Open.
	o := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Size: size720, Source: src, Open: path})
	})
	if got := o.app.View(); got == nil || got.Checksum != want || o.app.m.replay != path {
		t.Fatal("Options.Open did not replay the report")
	}
	// A bare session log opens the same way.
	logPath := filepath.Join(t.TempDir(), "session.log")
	if err := os.WriteFile(logPath, src.Log, 0o644); err != nil {
		t.Fatal(err)
	}
	g := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Size: size720, Source: src, Open: logPath})
	})
	if got := g.app.View(); got == nil || got.Checksum != want {
		t.Fatal("a bare log did not replay")
	}
}

// TestKeyDecisionsAskForAReason checks that a key decision asks, with the
// reason field, even when it is neither final nor risky.
func TestKeyDecisionsAskForAReason(t *testing.T) {
	if !asks(game.ActionView{Verb: "mlat", Key: true}) {
		t.Error("a key decision runs without asking")
	}
	if asks(game.ActionView{Verb: "whois"}) {
		t.Error("a tool asks first")
	}
	d := midgame(t)
	var act game.ActionView
	for _, e := range d.app.View().Entities {
		for _, a := range e.Actions {
			if a.Key && a.Verb != "handoff" && !a.Final && a.Risk == game.RiskNone && act.Line == "" {
				act = a
			}
		}
	}
	if act.Line == "" {
		t.Skip("no key decision without risk at this point of the case")
	}
	d.onLoop(func() { d.app.apply([]effect{d.app.actionEffect(act)}) })
	d.idle(2)
	if d.app.overlay == nil || !d.app.overlay.reason {
		t.Fatalf("%s asked nothing, or without a reason field", act.Line)
	}
	if title, _ := d.app.Overlay(); title != d.app.t("key_decision.confirm", game.Str("line", act.Line)) {
		t.Errorf("%s asked %q", act.Line, title)
	}
}

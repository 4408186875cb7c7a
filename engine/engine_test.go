package engine_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
	"takedown/i18n"
	"takedown/scripting/sandbox"
	"takedown/walkthrough"
)

// play opens a scenario and plays one of its walkthroughs.
func play(t *testing.T, ref, moves string) *engine.Session {
	t.Helper()
	cat := catalog.New()
	p, err := engine.Open(cat, ref)
	if err != nil {
		t.Fatal(err)
	}
	b, err := p.Source.ReadMoves(moves)
	if err != nil {
		t.Fatal(err)
	}
	mv, err := walkthrough.Parse(moves, bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	s, err := p.NewSession(engine.Options{Seed: mv.Seed, Clock: func() time.Time { return time.Unix(1764622800, 0) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	if f := mv.Run(s); len(f) > 0 {
		t.Fatal(f)
	}
	return s
}

// everyWalkthrough plays every shipped walkthrough.
func everyWalkthrough(t *testing.T, fn func(name string, s *engine.Session)) {
	t.Helper()
	cat := catalog.New()
	for _, ref := range cat.Embedded() {
		src, err := cat.Find(ref)
		if err != nil {
			t.Fatal(err)
		}
		for _, mv := range src.Moves {
			fn(mv, play(t, ref, mv))
		}
	}
}

func TestWalkthroughIsDeterministic(t *testing.T) {
	run := func() []byte {
		s := play(t, "film-site", "scenarios/film-site.win.moves")
		var b bytes.Buffer
		if err := json.NewEncoder(&b).Encode(s.Events()); err != nil {
			t.Fatal(err)
		}
		return append(b.Bytes(), s.LogText()...)
	}
	if a, b := run(), run(); !bytes.Equal(a, b) {
		t.Fatal("two runs of the same walkthrough differ")
	}
}

// TestEveryEventKindIsCatalogued plays every walkthrough and fails on an
// event whose kind game.EventKinds does not list, or whose data has a key
// the catalogue (and so docs/rules.md) does not name.
func TestEveryEventKindIsCatalogued(t *testing.T) {
	seen := map[game.EventKind]bool{}
	kinds := game.KindIndex()
	everyWalkthrough(t, func(name string, s *engine.Session) {
		for _, ev := range s.Events() {
			info, ok := kinds[ev.Kind]
			if !ok {
				t.Errorf("%s: event %d has the uncatalogued kind %q", name, ev.Seq, ev.Kind)
				continue
			}
			for k := range ev.Data {
				if !slices.Contains(info.Data, k) {
					t.Errorf("%s: event %d (%s) has the data key %q, which the catalogue does not list", name, ev.Seq, ev.Kind, k)
				}
			}
			seen[ev.Kind] = true
		}
	})
	if len(seen) < 20 {
		t.Errorf("the walkthroughs produced only %d kinds of event", len(seen))
	}
}

// TestEveryMessageRendersInEveryLanguage renders every event and the View
// of every walkthrough in every shipped language, and fails on a message id
// a catalogue lacks.
func TestEveryMessageRendersInEveryLanguage(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	everyWalkthrough(t, func(name string, s *engine.Session) {
		v := s.View()
		for _, l := range cat.Langs() {
			p := cat.Printer(l, v, v.Scenario.Start)
			p.Missing = func(lang game.Lang, id string) {
				if !strings.HasPrefix(id, "rel.") || cat.Has(i18n.Source, id) {
					t.Errorf("%s: %s lacks message %q", name, lang, id)
				}
			}
			for _, ev := range s.Events() {
				if out := p.Msg(ev.Msg); strings.Contains(out, "⟨") || strings.Contains(out, "<no value>") {
					t.Errorf("%s (%s): event %d renders as %q", name, l, ev.Seq, out)
				}
			}
			for _, m := range viewMsgs(v) {
				if out := p.Msg(m); strings.Contains(out, "⟨") || strings.Contains(out, "<no value>") {
					t.Errorf("%s (%s): %s renders as %q", name, l, m.ID, out)
				}
			}
		}
	})
}

// viewMsgs collects the messages a View carries.
func viewMsgs(v *game.View) []game.Msg {
	out := []game.Msg{v.PhaseMsg}
	for _, e := range v.Entities {
		out = append(out, e.KindMsg)
		for _, l := range e.Links {
			out = append(out, l.Msg)
		}
		for _, a := range e.Actions {
			if !a.RiskMsg.Empty() {
				out = append(out, a.RiskMsg)
			}
		}
	}
	for _, c := range v.Countries {
		out = append(out, c.ChannelMsg)
		out = append(out, c.Status...)
	}
	for _, d := range v.Deadlines {
		out = append(out, d.Msg)
	}
	for _, e := range v.Evidence {
		out = append(out, e.Title, e.Content, e.Basis)
		for _, c := range e.Custody {
			out = append(out, c.Action)
		}
	}
	out = append(out, v.Handoff.Missing...)
	if d := v.Debrief; d != nil {
		for _, b := range d.Breakdown {
			out = append(out, b.Label)
		}
	}
	return out
}

// TestViewRoundTripsThroughJSON checks that the View is data: what a room's
// client receives is what the window draws.
func TestViewRoundTripsThroughJSON(t *testing.T) {
	s := play(t, "film-site", "scenarios/film-site.win.moves")
	v := s.View()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var back game.View
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	b2, err := json.Marshal(&back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, b2) {
		t.Error("the View changed through JSON")
	}
	if back.Debrief == nil || back.Ending == nil || len(back.Entities) == 0 || len(back.Countries) < 3 {
		t.Errorf("the View lacks parts: %+v", back.Scenario)
	}
}

// TestReleaseOneLogResumes replays a log written by the previous release
// (checksums taken over rendered text): its commands replay, and the
// session says its old checksums were not checked.
func TestReleaseOneLogResumes(t *testing.T) {
	b, err := os.ReadFile("testdata/release1-film-site.log")
	if err != nil {
		t.Fatal(err)
	}
	// The log was written with the film-site scenario of release 1, kept
	// here with its rule packs: the scenario has changed since.
	p, err := engine.Open(catalog.New(), "testdata/release1/film-site.lua")
	if err != nil {
		t.Fatal(err)
	}
	s, err := p.ResumeText(b, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.OldChecksums() {
		t.Error("a release-1 log was not noticed as one")
	}
	if n := s.View().Entries; n != 24 {
		t.Errorf("resumed %d commands, want 24", n)
	}
	// Written again, it is a current log that checks its checksums.
	again, err := p.ResumeText(s.LogText(), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if again.OldChecksums() || again.View().Checksum != s.View().Checksum {
		t.Error("the rewritten log does not replay to the same state")
	}
}

// TestChangedScenarioSaysSo replays the release-1 log against today's
// film-site, which has changed since: the log replays as far as it can, and
// the error says the scenario changed, in words.
func TestChangedScenarioSaysSo(t *testing.T) {
	b, err := os.ReadFile("testdata/release1-film-site.log")
	if err != nil {
		t.Fatal(err)
	}
	p, err := engine.Open(catalog.New(), "film-site")
	if err != nil {
		t.Fatal(err)
	}
	s, err := p.ResumeText(b, engine.Options{})
	var r *game.ReplayError
	if !errors.As(err, &r) || s == nil {
		t.Fatalf("resumed with %v, want a replay error and the session so far", err)
	}
	defer s.Close()
	if !r.Changed || r.Of != 24 || r.Entry < 1 || r.Entry > 24 {
		t.Errorf("replay error %+v: want a changed scenario at an entry of 24", r)
	}
	if n := s.View().Entries; n != r.Entry-1 {
		t.Errorf("the session holds %d commands, want the %d before the failing one", n, r.Entry-1)
	}
	cat, err := i18n.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if msg := cat.Printer("en", s.View(), time.Time{}).Err(r); !strings.Contains(msg, "scenario has changed") {
		t.Errorf("the message does not say the scenario changed: %s", msg)
	}
}

// TestHaltUndoesTheCommand plays a scenario whose timer handler sets two
// timers each time it runs: a long wait exceeds the session's budget, the
// command is undone and not logged, and play goes on.
func TestHaltUndoesTheCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "fanout.lua")
	src := minimal + `
return {
  on_start = function() add_timer("1h", "t") end,
  on_timer = function(id) add_timer("1m", "a"); add_timer("1m", "b") end,
}`
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := engine.Open(catalog.New(), path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := p.NewSession(engine.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Do(game.ActorTrainee, "wait 30m"); err != nil {
		t.Fatal(err)
	}
	c, err := s.Do(game.ActorTrainee, "wait 3d")
	var h *game.HaltError
	if !errors.As(err, &h) || c.Halted == nil {
		t.Fatalf("want a halt, got %v", err)
	}
	var b *game.BudgetError
	if !errors.As(err, &b) {
		t.Errorf("the halt is not a budget error: %v", err)
	}
	if v := s.View(); v.Entries != 1 || v.Now != 30 {
		t.Errorf("after the halt: %d entries at minute %d, want 1 at 30", v.Entries, v.Now)
	}
	if _, err := s.Do(game.ActorTrainee, "wait 10m"); err != nil {
		t.Errorf("play does not go on after a halt: %v", err)
	}
}

// TestFork replays a session to an earlier command and goes another way.
func TestFork(t *testing.T) {
	s := play(t, "film-site", "scenarios/film-site.win.moves")
	f, err := s.Fork(5)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if n := f.View().Entries; n != 5 {
		t.Fatalf("fork has %d entries, want 5", n)
	}
	if _, err := f.Do(game.ActorTrainee, "ask nordhost 198.51.100.23"); err != nil {
		t.Fatal(err)
	}
	if s.View().Entries == f.View().Entries {
		t.Error("the fork shares the original's log")
	}
}

// TestLogRecordsActorsAndTimes checks that the log keeps who gave each
// command and when, and that neither enters the checksum.
func TestLogRecordsActorsAndTimes(t *testing.T) {
	cat := catalog.New()
	p, err := engine.Open(cat, "film-site")
	if err != nil {
		t.Fatal(err)
	}
	at := func(sec int64) func() time.Time { return func() time.Time { return time.Unix(sec, 0) } }
	a, _ := p.NewSession(engine.Options{Seed: 3, Clock: at(100)})
	b, _ := p.NewSession(engine.Options{Seed: 3, Clock: at(999)})
	defer a.Close()
	defer b.Close()
	if _, err := a.Exec(game.LogEntry{Line: "whois kadr-hd.ru", Actor: "trainee/anna", Why: "start with the registry"}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Do(game.ActorInstructor, "whois kadr-hd.ru"); err != nil {
		t.Fatal(err)
	}
	la, lb := a.Log().Entries[0], b.Log().Entries[0]
	if la.Actor != "trainee/anna" || la.Wall != 100 || la.Why != "start with the registry" || lb.Wall != 999 || lb.Actor != game.ActorInstructor {
		t.Errorf("log entries %+v and %+v", la, lb)
	}
	if la.Sum != lb.Sum {
		t.Error("the actor or the wall-clock time changed the checksum")
	}
	l, err := game.ParseLog(bytes.NewReader(a.LogText()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(l.Entries[0], la) {
		t.Errorf("written and read back: %+v, want %+v", l.Entries[0], la)
	}
}

// TestDependencies keeps the layers apart: game imports no other package of
// the project and neither Ebiten nor gopher-lua; scripting, engine and the
// packages around them import no Ebiten; ui imports no cli. It never
// skips: without the go command it fails.
func TestDependencies(t *testing.T) {
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	deps := func(pkg string) []string {
		out, err := exec.Command(gobin, "list", "-deps", "-f", "{{.ImportPath}}", pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		return strings.Fields(string(out))
	}
	for _, d := range deps("takedown/game") {
		if strings.HasPrefix(d, "takedown/") && d != "takedown/game" {
			t.Errorf("game depends on %s", d)
		}
		if strings.Contains(d, "ebiten") || strings.Contains(d, "gopher-lua") {
			t.Errorf("game depends on %s", d)
		}
	}
	for _, pkg := range []string{"takedown/scripting", "takedown/engine", "takedown/catalog", "takedown/i18n", "takedown/cli", "takedown/walkthrough"} {
		for _, d := range deps(pkg) {
			if strings.Contains(d, "ebiten") {
				t.Errorf("%s depends on %s", pkg, d)
			}
		}
	}
	for _, d := range deps("takedown/ui") {
		if d == "takedown/cli" {
			t.Error("ui depends on cli")
		}
	}
}

// TestSandboxLimitsAreTheDefaults makes sure sessions run with the sandbox's
// default limits unless told otherwise.
func TestSandboxLimitsAreTheDefaults(t *testing.T) {
	if sandbox.DefaultLimits() == (sandbox.Limits{}) {
		t.Fatal("the sandbox has no default limits")
	}
}

const minimal = `scenario { id = "mini", api = 1, title = "Mini", briefing = "b", start = "2009-01-01", deadline = "100d", home = "ru", unit = "k", langs = { "en" } }
use_rules("ru")
add_entity { id = "k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true }
add_ending { id = "a", outcome = "convicted", result = "win", title = "a", text = "a" }
add_ending { id = "b", outcome = "acquitted", result = "loss", title = "b", text = "b" }
add_ending { id = "c", outcome = "refused", result = "loss", title = "c", text = "c" }
add_ending { id = "d", outcome = "deadline", result = "loss", title = "d", text = "d" }
`

// TestWhatIfsArePlayedOut checks the what-ifs of the key decisions of two
// losing walkthroughs: a night search moved to the morning, and a takedown
// held until the arrest, each win; the correct takedown's alternative (going
// first) loses points; the reasons name the cause avoided or met; and the
// what-ifs are the same on every run.
func TestWhatIfsArePlayedOut(t *testing.T) {
	find := func(s *engine.Session, kind string) *game.KeyDecision {
		t.Helper()
		d := s.View().Debrief
		if d == nil {
			t.Fatal("the case has not ended")
		}
		for i := range d.Key {
			if d.Key[i].Kind == kind && d.Key[i].WhatIf != nil {
				return &d.Key[i]
			}
		}
		t.Fatalf("no what-if for %s", kind)
		return nil
	}
	night := play(t, "film-site", "scenarios/film-site.lose-night-search.moves")
	raid := find(night, "raid")
	if raid.WhatIf.Result != "win" || raid.WhatIf.Reason.ID != "whatif.better" || len(raid.WhatIf.Lines) == 0 {
		t.Errorf("the night search's what-if: %+v", raid.WhatIf)
	}
	take := find(night, "takedown")
	if take.Mistaken || take.WhatIf.Score >= night.View().Debrief.Score || take.WhatIf.Reason.ID != "whatif.worse" {
		t.Errorf("the correct takedown's what-if should score less: %+v", take.WhatIf)
	}
	early := play(t, "film-site", "scenarios/film-site.lose-early-takedown.moves")
	if w := find(early, "takedown").WhatIf; w.Result != "win" || w.Day <= 1 {
		t.Errorf("holding the takedown: %+v", w)
	}
	again := play(t, "film-site", "scenarios/film-site.lose-night-search.moves")
	a, _ := json.Marshal(night.View().Debrief.Key)
	b, _ := json.Marshal(again.View().Debrief.Key)
	if !bytes.Equal(a, b) {
		t.Error("two runs give different what-ifs")
	}
}

// TestBlockingIsNotATakedown plays a rule pack's instruments: a site is
// blocked after a court's interim measures, the operators open a mirror
// that only monitoring finds, and a mirror needs its own capture; the
// out-of-court mirror block is in force only from 2017.
func TestBlockingIsNotATakedown(t *testing.T) {
	src := func(start string) string {
		return `scenario { id = "blk", api = 1, title = "Blk", briefing = "b", start = "` + start + `", deadline = "300d", home = "ru", unit = "k", langs = { "en" } }
use_rules("ru")
add_entity { id = "k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true }
add_entity { id = "site.example", kind = "domain", known = true }
add_entity { id = "m1.example", kind = "domain" }
add_entity { id = "m2.example", kind = "domain" }
set_adversary { site = "site.example", mirrors = { "m1.example", "m2.example" }, mirror_delay = { "2d", "4d" } }
add_ending { id = "a", outcome = "convicted", result = "win", title = "a", text = "a" }
add_ending { id = "b", outcome = "acquitted", result = "loss", title = "b", text = "b" }
add_ending { id = "c", outcome = "refused", result = "loss", title = "c", text = "c" }
add_ending { id = "d", outcome = "deadline", result = "loss", title = "d", text = "d" }
`
	}
	dir := t.TempDir()
	open := func(name, start string) *engine.Session {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(src(start)), 0o644); err != nil {
			t.Fatal(err)
		}
		p, err := engine.Open(catalog.New(), path)
		if err != nil {
			t.Fatal(err)
		}
		s, err := p.NewSession(engine.Options{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(s.Close)
		return s
	}
	do := func(s *engine.Session, lines ...string) {
		t.Helper()
		for _, l := range lines {
			if _, err := s.Do(game.ActorTrainee, l); err != nil {
				t.Fatalf("%s: %v", l, err)
			}
		}
	}
	s := open("b2016.lua", "2016-03-01")
	do(s, "apply interim site.example")
	if ev := s.Events()[len(s.Events())-1]; ev.Kind != game.EvRejected || ev.Msg.ID != "reject.needs_capture" {
		t.Fatalf("interim measures without a capture: %+v", ev)
	}
	do(s, "capture site.example", "apply interim site.example", "wait 4d", "apply block site.example", "wait 12d")
	g := s.Game()
	if !has(s.Events(), game.EvBlocked, "site.example") || g.Known("m1.example") {
		t.Fatal("the site should be blocked and its mirror not yet found")
	}
	if _, err := s.Do(game.ActorTrainee, "apply mirror-block m1.example"); err == nil {
		t.Error("the out-of-court mirror block was offered in 2016")
	}
	do(s, "osint site.example")
	if !g.Known("m1.example") {
		t.Fatal("monitoring the site did not find its mirror")
	}
	if up := s.View().Debrief; up != nil {
		t.Fatal("the case ended")
	}
	later := open("b2018.lua", "2018-03-01")
	do(later, "capture site.example", "apply interim site.example", "wait 4d", "apply block site.example", "wait 12d", "osint site.example",
		"capture m1.example", "apply mirror-block m1.example", "wait 3d")
	if !has(later.Events(), game.EvBlocked, "m1.example") {
		t.Error("the mirror was not blocked without a court case in 2018")
	}
}

func has(evs []game.Event, k game.EventKind, subject string) bool {
	for _, ev := range evs {
		if ev.Kind == k && ev.Subject == subject {
			return true
		}
	}
	return false
}

// TestTheInvestigatorsDesk plays the receiving unit: the package arrives
// with what the police gathered; operational work must be instructed; a
// return asking for what is already proven is a waste; opening the case is
// the investigator's own decision.
func TestTheInvestigatorsDesk(t *testing.T) {
	src := `scenario { id = "desk", api = 1, title = "Desk", briefing = "b", start = "2009-03-01", deadline = "300d", home = "ru", unit = "inv", langs = { "en" } }
use_rules("ru")
add_entity { id = "inv", kind = "unit", role = "investigative", jurisdiction = "ru", known = true }
add_entity { id = "k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true,
  does = { identity = { "request isp 10.0.0.1" } } }
add_entity { id = "site.ru", kind = "domain", known = true, links = { ip = "10.0.0.1" } }
add_entity { id = "10.0.0.1", kind = "ip", known = true, links = { isp = "isp" } }
add_entity { id = "isp", kind = "org", role = "isp", jurisdiction = "ru", known = true }
add_entity { id = "op", kind = "person", name = "Op" }
add_record { id = "rec-cap", holder = "k", about = "site.ru", kind = "capture", title = "Capture", proves = { "distribution" }, filed = true, keep = true }
add_record { id = "rec-sub", holder = "isp", about = "10.0.0.1", kind = "subscriber", title = "Subscriber", reveals = { "op" }, proves = { "identity" }, keep = true }
set_adversary { site = "site.ru", operators = { "op" } }
set_case { handoff = { "distribution", "identity" }, court = { "distribution", "identity" }, receive = { from = "k", at = "1h", limit = "3d" } }
add_ending { id = "a", outcome = "convicted", result = "win", title = "a", text = "a" }
add_ending { id = "b", outcome = "acquitted", result = "loss", title = "b", text = "b" }
add_ending { id = "c", outcome = "refused", result = "loss", title = "c", text = "c" }
add_ending { id = "d", outcome = "deadline", result = "loss", title = "d", text = "d" }
`
	path := filepath.Join(t.TempDir(), "desk.lua")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := engine.Open(catalog.New(), path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := p.NewSession(engine.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	do := func(lines ...string) {
		t.Helper()
		for _, l := range lines {
			if _, err := s.Do(game.ActorTrainee, l); err != nil {
				t.Fatalf("%s: %v", l, err)
			}
		}
	}
	phase := func(want string) {
		t.Helper()
		if got := s.View().PhaseMsg.ID; got != want {
			t.Errorf("phase %s, want %s", got, want)
		}
	}
	phase("phase.awaiting")
	do("wait 2h")
	phase("phase.decide")
	g := s.Game()
	if !g.Proven("distribution") || !has(s.Events(), game.EvPackage, "k") {
		t.Fatal("the package did not arrive with the filed capture")
	}
	var u *game.UsageError
	if _, err := s.Do(game.ActorTrainee, "capture site.ru"); !errors.As(err, &u) || u.Msg.ID != "cmd.instruct_instead" {
		t.Fatalf("an investigator capturing a site herself: %v", err)
	}
	found := false
	for _, e := range s.View().Entities {
		for _, a := range e.Actions {
			if a.Verb == "capture" {
				found = found || (a.Via == "k" && a.Line == "instruct k capture site.ru")
			}
		}
	}
	if !found {
		t.Error("the View does not offer the capture as an instruction to k")
	}
	do("return k distribution")
	phase("phase.returned")
	do("wait 30d")
	if g.Flag("return_wasted") == "" || g.Proven("identity") {
		t.Fatal("a return asking for what was proven should be a waste, and prove nothing new")
	}
	do("return k identity", "wait 30d")
	if !g.Proven("identity") || !g.Known("op") {
		t.Fatal("the sending unit did not carry out its plan for identity")
	}
	do("open")
	if !g.CaseOpen() {
		t.Fatal("the investigator could not open the case")
	}
	phase("phase.case")
	if g.Flag("decision_late") == "" {
		t.Error("deciding weeks after the package arrived should be late")
	}
	do("instruct k osint site.ru", "wait 3d")
	if !has(s.Events(), game.EvInstructed, "k") {
		t.Error("no instruction event")
	}
}

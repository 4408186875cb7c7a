package records

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
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

var testAccount = Account{HomePage: "https://lms.academy.test", Name: "1625378"}

func loadText(t testing.TB) *i18n.Catalog {
	t.Helper()
	c, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// played is a walkthrough played to its end.
type played struct {
	name string
	s    Session
}

// play plays one walkthrough of an embedded scenario with a clock that
// moves a minute per command and, if gapAfter > 0, jumps two hours after
// that many commands (a second sitting). wall false records no wall-clock
// time, as `takedown run` does.
func play(t testing.TB, cat *catalog.Catalog, scenario, moves string, wall bool, gapAfter int) played {
	t.Helper()
	src, err := cat.Find(scenario)
	if err != nil {
		t.Fatal(err)
	}
	prog, errs := engine.Compile(src, sandbox.Limits{})
	if errs != nil {
		t.Fatal(errs)
	}
	b, err := src.ReadMoves(moves)
	if err != nil {
		t.Fatal(err)
	}
	mv, err := walkthrough.Parse(moves, bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 1, 18, 0, 0, 0, time.UTC)
	n := 0
	clock := func() time.Time {
		if !wall {
			return time.Unix(0, 0)
		}
		n++
		if n == gapAfter+1 && gapAfter > 0 {
			now = now.Add(2 * time.Hour)
		}
		now = now.Add(time.Minute)
		return now
	}
	es, err := prog.NewSession(engine.Options{Seed: mv.Seed, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer es.Close()
	// The walkthrough's expectations are the rules' business (`takedown
	// test` checks them); here only what was played matters.
	if fails := mv.Run(es); len(fails) > 0 {
		t.Logf("%s: %v", moves, fails)
	}
	return played{name: moves, s: Session{Log: es.Log(), Events: slices.Clone(es.Events()), View: es.View()}}
}

func walkthroughs(t testing.TB) (cat *catalog.Catalog, out [][2]string) {
	cat = catalog.New()
	for _, name := range cat.Embedded() {
		src, err := cat.Find(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range src.Moves {
			out = append(out, [2]string{name, m})
		}
	}
	if len(out) == 0 {
		t.Fatal("no walkthroughs are shipped")
	}
	return cat, out
}

func options(t testing.TB) StatementOptions {
	return StatementOptions{Account: testAccount, Text: loadText(t)}
}

func verbsOf(sts []Statement) []string {
	var out []string
	for _, s := range sts {
		out = append(out, verbName(s.Verb.ID))
	}
	return out
}

func TestStatementsOfTheWin(t *testing.T) {
	cat := catalog.New()
	p := play(t, cat, "film-site", "scenarios/film-site.win.moves", true, 10)
	// The trainee typed reasons at two key decisions.
	for i, e := range p.s.Log.Entries {
		switch {
		case strings.HasPrefix(e.Line, "handoff"):
			p.s.Log.Entries[i].Why = "Identity, distribution and damages are proven: the department can open the case."
		case strings.HasPrefix(e.Line, "takedown"):
			p.s.Log.Entries[i].Why = "Только после задержания: иначе сайт вернётся."
		}
	}
	opt := options(t)
	sts, err := Statements(p.s, opt)
	if err != nil {
		t.Fatal(err)
	}
	verbs := verbsOf(sts)
	if verbs[0] != "initialized" || verbs[1] != "experienced" || verbs[len(verbs)-1] != "terminated" {
		t.Errorf("verbs %v: want initialized, experienced first and terminated last", verbs)
	}
	count := func(v string) int {
		n := 0
		for _, x := range verbs {
			if x == v {
				n++
			}
		}
		return n
	}
	want := map[string]int{
		"initialized": 1, "experienced": 1, "completed": 1, "passed": 1, "failed": 0, "terminated": 1,
		"suspended": 1, "resumed": 1,
		"progressed": 3, // hand-off, case, court
	}
	for _, e := range p.s.Log.Entries {
		c, _ := game.ParseCommand(e.Line)
		if id, ok := LegalVerbID(c.Verb); ok {
			want[verbName(id)]++
		}
		if slices.Contains(Tools(), c.Verb) {
			want["interacted"]++
		}
		if slices.Contains(KeyDecisions(), c.Verb) {
			want["answered"]++
		}
	}
	if want["sent-mlat-request"] < 2 || want["handed-off"] != 1 || want["interacted"] < 6 {
		t.Fatalf("the win walkthrough has changed beyond this test: %v", want)
	}
	for v, n := range want {
		if got := count(v); got != n {
			t.Errorf("%d statements %s, want %d (verbs %v)", got, v, n, verbs)
		}
	}
	ids := map[string]bool{}
	var prev string
	for i, s := range sts {
		if ids[s.ID] {
			t.Errorf("statement %d: id %s given twice", i, s.ID)
		}
		ids[s.ID] = true
		if s.Actor.Account != testAccount || s.Actor.ObjectType != "Agent" {
			t.Errorf("statement %d: actor %+v", i, s.Actor)
		}
		if s.Timestamp == "" || s.Timestamp < prev {
			t.Errorf("statement %d (%s): timestamp %q after %q", i, verbs[i], s.Timestamp, prev)
		}
		prev = s.Timestamp
		if s.Context == nil || s.Context.Registration == "" {
			t.Errorf("statement %d: no registration", i)
		}
		if len(s.Verb.Display["en"]) == 0 || len(s.Verb.Display["ru"]) == 0 {
			t.Errorf("statement %d: verb display %v lacks en or ru", i, s.Verb.Display)
		}
	}
	var responses []string
	for i, s := range sts {
		switch verbs[i] {
		case "answered":
			if s.Result != nil {
				responses = append(responses, s.Result.Response)
			}
		case "passed":
			r := s.Result
			if r == nil || r.Score == nil || r.Score.Scaled == nil || *r.Score.Scaled < 0.9 || r.Success == nil || !*r.Success {
				t.Errorf("passed result %+v: want success and a scaled score >= 0.9", r)
			}
			// 10 commands, the jump, then the rest at a minute each.
			want := FormatDuration(time.Duration(len(p.s.Log.Entries)-1)*time.Minute + 2*time.Hour)
			if r.Duration != want {
				t.Errorf("passed duration %s, want %s", r.Duration, want)
			}
		case "suspended":
			if s.Timestamp != FormatTimestamp(time.Date(2026, 3, 1, 18, 10, 0, 0, time.UTC)) {
				t.Errorf("suspended at %s, want after the 10th command", s.Timestamp)
			}
		case "resumed":
			if s.Timestamp != FormatTimestamp(time.Date(2026, 3, 1, 20, 11, 0, 0, time.UTC)) {
				t.Errorf("resumed at %s, want at the 11th command", s.Timestamp)
			}
		}
	}
	if len(responses) != 2 || !strings.HasPrefix(responses[0], "Identity") || !strings.HasPrefix(responses[1], "Только") {
		t.Errorf("answered responses %q: want the two typed reasons, in order", responses)
	}

	again, err := Statements(p.s, opt)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := MarshalStatements(sts)
	b, _ := MarshalStatements(again)
	if !bytes.Equal(a, b) {
		t.Error("the same session gave different bytes")
	}
	if bytes.Contains(a, []byte("mbox")) || bytes.Contains(a, []byte("mailto:")) {
		t.Error("the statements name an e-mail address")
	}
	var arr []json.RawMessage
	if err := json.Unmarshal(a, &arr); err != nil || len(arr) != len(sts) {
		t.Errorf("MarshalStatements: %d statements in a JSON array (%v), want %d", len(arr), err, len(sts))
	}
}

// TestStatementsIdentity checks what makes statement ids differ: the
// trainee and the session, but not the reasons typed.
func TestStatementsIdentity(t *testing.T) {
	cat := catalog.New()
	p := play(t, cat, "film-site", "scenarios/film-site.lose-threshold.moves", true, 0)
	base, err := Statements(p.s, options(t))
	if err != nil {
		t.Fatal(err)
	}
	later := p.s
	later.Log.Entries = slices.Clone(p.s.Log.Entries)
	for i := range later.Log.Entries {
		later.Log.Entries[i].Wall += 86400
	}
	other := options(t)
	other.Account.Name = "8810023"
	for _, tc := range []struct {
		name string
		s    Session
		opt  StatementOptions
		same bool
	}{
		{"the same session", p.s, options(t), true},
		{"another trainee", p.s, other, false},
		{"the same moves a day later", later, options(t), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sts, err := Statements(tc.s, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			shared := 0
			for i := range min(len(sts), len(base)) {
				if sts[i].ID == base[i].ID {
					shared++
				}
			}
			if tc.same && shared != len(base) || !tc.same && shared != 0 {
				t.Errorf("%d of %d ids shared with the base session", shared, len(base))
			}
		})
	}
}

// TestStatementsOfAPrefix checks that a log played further keeps every
// statement its start gave, byte for byte, so that pushing as the session
// goes never conflicts with what the outbox has.
func TestStatementsOfAPrefix(t *testing.T) {
	cat := catalog.New()
	p := play(t, cat, "film-site", "scenarios/film-site.win.moves", true, 6)
	full, err := Statements(p.s, options(t))
	if err != nil {
		t.Fatal(err)
	}
	fullItems, _ := Freeze(full)
	byID := map[string][]byte{}
	for _, it := range fullItems {
		byID[it.ID] = it.Statement
	}
	src, _ := cat.Find("film-site")
	prog, errs := engine.Compile(src, sandbox.Limits{})
	if errs != nil {
		t.Fatal(errs)
	}
	for _, n := range []int{1, 7, 12, len(p.s.Log.Entries) - 1} {
		l := p.s.Log
		l.Entries = l.Entries[:n]
		es, err := prog.Resume(l, engine.Options{})
		if err != nil {
			t.Fatal(err)
		}
		pre, err := Statements(Session{Log: es.Log(), Events: es.Events(), View: es.View()}, options(t))
		es.Close()
		if err != nil {
			t.Fatal(err)
		}
		items, _ := Freeze(pre)
		for _, it := range items {
			if b, ok := byID[it.ID]; !ok || !bytes.Equal(b, it.Statement) {
				t.Errorf("after %d commands: statement %s is not in the full session's with the same bytes:\n%s", n, it.ID, it.Statement)
			}
		}
	}
}

func TestSuspendUnfinished(t *testing.T) {
	cat := catalog.New()
	p := play(t, cat, "film-site", "scenarios/film-site.win.moves", true, 0)
	src, _ := cat.Find("film-site")
	prog, errs := engine.Compile(src, sandbox.Limits{})
	if errs != nil {
		t.Fatal(errs)
	}
	l := p.s.Log
	l.Entries = l.Entries[:5]
	es, err := prog.Resume(l, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer es.Close()
	s := Session{Log: es.Log(), Events: es.Events(), View: es.View()}
	for _, suspend := range []bool{false, true} {
		opt := options(t)
		opt.Suspend = suspend
		sts, err := Statements(s, opt)
		if err != nil {
			t.Fatal(err)
		}
		verbs := verbsOf(sts)
		last := verbs[len(verbs)-1]
		if slices.Contains(verbs, "terminated") || slices.Contains(verbs, "completed") {
			t.Errorf("suspend %v: an unfinished session gave %v", suspend, verbs)
		}
		if (last == "suspended") != suspend {
			t.Errorf("suspend %v: last verb %s", suspend, last)
		}
	}
}

func TestStatementOptionsChecked(t *testing.T) {
	cat := catalog.New()
	p := play(t, cat, "film-site", "scenarios/film-site.lose-threshold.moves", false, 0)
	for _, tc := range []struct {
		name string
		edit func(*StatementOptions)
		err  string
	}{
		{"no account name", func(o *StatementOptions) { o.Account.Name = "" }, "no name"},
		{"home page not a URL", func(o *StatementOptions) { o.Account.HomePage = "academy" }, "homePage"},
		{"no catalogue", func(o *StatementOptions) { o.Text = nil }, "catalogue"},
		{"activity not an IRI", func(o *StatementOptions) { o.ActivityID = "film site" }, "IRI"},
		{"registration not a UUID", func(o *StatementOptions) { o.Registration = "42" }, "UUID"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := options(t)
			tc.edit(&opt)
			if _, err := Statements(p.s, opt); err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("error %v, want one about %q", err, tc.err)
			}
		})
	}
}

// TestEveryWalkthrough checks the statements of every shipped walkthrough:
// each passes Check, has no timestamp when the log has no wall-clock time,
// and the legal steps and tools match the commands one for one.
func TestEveryWalkthrough(t *testing.T) {
	cat, list := walkthroughs(t)
	for _, w := range list {
		t.Run(w[1], func(t *testing.T) {
			p := play(t, cat, w[0], w[1], false, 0)
			sts, err := Statements(p.s, options(t))
			if err != nil {
				t.Fatal(err)
			}
			steps, tools := 0, 0
			for _, e := range p.s.Log.Entries {
				c, _ := game.ParseCommand(e.Line)
				if _, ok := LegalVerbID(c.Verb); ok {
					steps++
				}
				if slices.Contains(Tools(), c.Verb) {
					tools++
				}
			}
			gotSteps, gotTools := 0, 0
			for _, s := range sts {
				if err := s.Check(); err != nil {
					t.Errorf("%s: %v", s.ID, err)
				}
				if s.Timestamp != "" {
					t.Errorf("%s: timestamp %s from a log without wall-clock times", s.ID, s.Timestamp)
				}
				if strings.HasPrefix(s.Verb.ID, IRIBase+"/verbs/") {
					gotSteps++
				}
				if s.Verb.ID == VerbInteracted {
					gotTools++
				}
			}
			if gotSteps != steps || gotTools != tools {
				t.Errorf("%d legal-step and %d tool statements, want %d and %d", gotSteps, gotTools, steps, tools)
			}
		})
	}
}

// TestWalkthroughsFollowCMI5 sends every shipped walkthrough's statements
// through an AU launched by a test LMS: the AU refuses, with an
// *OrderError, any statement the cmi5 ordering rules forbid.
func TestWalkthroughsFollowCMI5(t *testing.T) {
	cat, list := walkthroughs(t)
	for _, w := range list {
		t.Run(w[1], func(t *testing.T) {
			p := play(t, cat, w[0], w[1], true, 5)
			l := newLMS(t)
			launch := l.start(t)
			out := &memAdder{}
			au := NewAU(launch, out, AUOptions{Retry: fastRetry()})
			if err := au.Start(context.Background()); err != nil {
				t.Fatal(err)
			}
			opt := options(t)
			opt.Account, opt.ActivityID, opt.Registration = launch.Actor.Account, launch.ActivityID, launch.Registration
			sts, err := Statements(p.s, opt)
			if err != nil {
				t.Fatal(err)
			}
			for i, s := range sts {
				if _, err := au.Record(s); err != nil {
					t.Fatalf("statement %d (%s): %v", i+1, verbName(s.Verb.ID), err)
				}
			}
			if len(out.items) != len(sts) {
				t.Errorf("%d statements stored, want %d", len(out.items), len(sts))
			}
			reg := au.Registration()
			if ended := p.s.View.Ending != nil; reg.Completed != ended {
				t.Errorf("registration %+v after a session that ended: %v", reg, ended)
			}
		})
	}
}

// TestCMI5RefusesAReorderedSession checks that the test above can fail:
// the same statements out of order are refused.
func TestCMI5RefusesAReorderedSession(t *testing.T) {
	cat := catalog.New()
	p := play(t, cat, "film-site", "scenarios/film-site.lose-early-takedown.moves", true, 0)
	for _, tc := range []struct {
		name  string
		order func([]Statement) []Statement
	}{
		{"terminated first", func(s []Statement) []Statement {
			return append([]Statement{s[0], s[len(s)-1]}, s[1:len(s)-1]...)
		}},
		{"a statement after terminated", func(s []Statement) []Statement {
			return append(slices.Clone(s), s[2])
		}},
		{"initialized not first", func(s []Statement) []Statement {
			return append([]Statement{s[1], s[0]}, s[2:]...)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := newLMS(t)
			launch := l.start(t)
			au := NewAU(launch, &memAdder{}, AUOptions{Retry: fastRetry(), Now: newTestClock().now})
			if err := au.Start(context.Background()); err != nil {
				t.Fatal(err)
			}
			opt := options(t)
			opt.Account, opt.ActivityID, opt.Registration = launch.Actor.Account, launch.ActivityID, launch.Registration
			sts, err := Statements(p.s, opt)
			if err != nil {
				t.Fatal(err)
			}
			var oe *OrderError
			refused := false
			for _, s := range tc.order(sts) {
				if _, err := au.Record(s); errors.As(err, &oe) {
					refused = true
					break
				}
			}
			if !refused {
				t.Error("the AU took every statement")
			}
		})
	}
}

func TestPushIsIdempotent(t *testing.T) {
	cat := catalog.New()
	p := play(t, cat, "film-site", "scenarios/film-site.lose-threshold.moves", true, 0)
	sts, err := Statements(p.s, options(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	o, err := OpenOutbox(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := Push(o, sts[:4]); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := Push(o, sts); err != nil {
			t.Fatal(err)
		}
	}
	if got := o.Pending(); got != len(sts) {
		t.Errorf("%d pending, want %d", got, len(sts))
	}
	want, _ := Freeze(sts)
	got := o.PendingItems()
	for i := range want {
		if got[i].ID != want[i].ID || !bytes.Equal(got[i].Statement, want[i].Statement) {
			t.Errorf("pending %d differs from the frozen statement", i)
		}
	}
	// A statement changed under the same id is refused, not stored.
	changed := slices.Clone(sts)
	changed[3].Timestamp = FormatTimestamp(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	var ce *ConflictError
	if err := Push(o, changed); !errors.As(err, &ce) {
		t.Errorf("pushing a changed statement: %v, want a *ConflictError", err)
	}
	if err := o.Close(); err != nil {
		t.Fatal(err)
	}
	// The same session replayed into a new outbox gives the same bytes.
	o2, err := OpenOutbox(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer o2.Close()
	if err := Push(&adderOnly{o2}, sts); err != nil {
		t.Fatal(err)
	}
	for i, it := range o2.PendingItems() {
		if !bytes.Equal(it.Statement, want[i].Statement) {
			t.Errorf("rebuilt outbox: statement %d differs", i)
		}
	}
}

// adderOnly hides AddBatch, so that Push adds one statement at a time.
type adderOnly struct{ a Adder }

func (a *adderOnly) Add(id string, b []byte) error { return a.a.Add(id, b) }

// TestResumedSoonAfter checks that a trainee who leaves a session and comes
// back within the gap gets resumed: the log marks the first entry of the
// new sitting, the statements put suspended and resumed before it, and the
// suspended sent when the trainee left (Suspend) is the same statement,
// byte for byte, so the outbox holds it once.
func TestResumedSoonAfter(t *testing.T) {
	cat := catalog.New()
	p := play(t, cat, "film-site", "scenarios/film-site.win.moves", true, 0)
	src, _ := cat.Find("film-site")
	prog, errs := engine.Compile(src, sandbox.Limits{})
	if errs != nil {
		t.Fatal(errs)
	}
	resume := func(n int) Session {
		l := p.s.Log
		l.Entries = slices.Clone(l.Entries[:n])
		es, err := prog.Resume(l, engine.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer es.Close()
		return Session{Log: es.Log(), Events: slices.Clone(es.Events()), View: es.View()}
	}
	opt := options(t)
	opt.Suspend = true
	left, err := Statements(resume(5), opt)
	if err != nil {
		t.Fatal(err)
	}
	p.s.Log.Entries[5].Resumed = true // one minute later, well within the gap
	later := resume(8)
	if !later.Log.Entries[5].Resumed {
		t.Fatal("the log lost the sitting mark on resume")
	}
	back, err := Statements(later, options(t))
	if err != nil {
		t.Fatal(err)
	}
	verbs := verbsOf(back)
	i := slices.Index(verbs, "suspended")
	if i < 0 || i+1 >= len(verbs) || verbs[i+1] != "resumed" {
		t.Fatalf("verbs %v, want suspended then resumed", verbs)
	}
	frozenLeft, _ := Freeze(left[len(left)-1:])
	frozenBack, _ := Freeze(back[i : i+1])
	if left[len(left)-1].ID != back[i].ID || string(frozenLeft[0].Statement) != string(frozenBack[0].Statement) {
		t.Errorf("the suspended sent on leaving differs from the one in the longer log:\n%s\n%s", frozenLeft[0].Statement, frozenBack[0].Statement)
	}
}

package game

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestToolsRevealTheChain(t *testing.T) {
	s := newSession(t, fixture(), 1)
	if _, err := s.Do("dns 192.0.2.1"); err == nil {
		t.Fatal("an unknown address was accepted before dns revealed it")
	}
	play(t, s, "whois site.ru", "dns site.ru", "asn 192.0.2.1")
	for _, id := range []string{"reg", "192.0.2.1", "AS1", "host"} {
		if !s.Known(id) {
			t.Errorf("%s not revealed", id)
		}
	}
	out := msgString(lastEvent(s, EvOutput).Msg)
	if !strings.Contains(out, "tool.asn_note") {
		t.Errorf("asn output lacks the location caveat:\n%s", out)
	}
	if s.Now() != 25*Minute {
		t.Errorf("three tools took %s, want 25m", s.Now())
	}
}

func TestCaptureFilesHashedEvidence(t *testing.T) {
	s := newSession(t, fixture(), 1)
	play(t, s, "capture site.ru")
	ev := s.Evidence()
	if len(ev) != 1 || !ev[0].Admissible || ev[0].Num != "E1" {
		t.Fatalf("evidence = %+v", ev)
	}
	if len(ev[0].SHA256) != 64 || ev[0].Officer.In(EN) != "Lt. Test" || ev[0].Unit != "k" || len(ev[0].Custody) != 1 {
		t.Errorf("evidence metadata incomplete: %+v", ev[0])
	}
	if !s.Proven(ElemDistribution) {
		t.Error("a capture should prove distribution")
	}
}

func TestDamagesNeedTheRightsHoldersEstimate(t *testing.T) {
	s := newSession(t, fixture(), 1)
	play(t, s, "capture site.ru")
	if d := s.Damages(); d.Total != 500 || s.Proven(ElemDamages) {
		t.Fatalf("retail only: total %d, want 500 and below threshold", d.Total)
	}
	play(t, s, "statement rh", "wait 2d")
	if d := s.Damages(); d.Total != 5500 || !s.Proven(ElemDamages) {
		t.Fatalf("with estimate: total %d, want 5500 and above threshold", d.Total)
	}
}

func TestDomesticOrderRejectedAbroad(t *testing.T) {
	s := newSession(t, fixture(), 1)
	play(t, s, "dns site.ru", "asn 192.0.2.1", "order host 192.0.2.1")
	ev := lastEvent(s, EvRejected)
	if ev == nil || ev.Msg.ID != "reject.abroad" || ev.Data["reason"] != "abroad" {
		t.Fatalf("want a rejection pointing to the 24/7 Network, got %+v", ev)
	}
}

func TestMLATNeedsAnOpenCase(t *testing.T) {
	s := newSession(t, fixture(), 1)
	play(t, s, "dns site.ru", "asn 192.0.2.1", "mlat host 192.0.2.1")
	if ev := lastEvent(s, EvRejected); ev == nil || ev.Msg.ID != "reject.mlat_no_case" {
		t.Fatalf("MLAT before a case was not rejected: %+v", ev)
	}
	if len(s.Requests()) != 0 {
		t.Errorf("a rejected MLAT still created a request")
	}
}

// openCase plays the shortest route to an open case in the fixture.
func openCase(t *testing.T, s *Session) {
	t.Helper()
	play(t, s, "whois site.ru", "capture site.ru", "statement rh", "order reg site.ru", "wait 2d",
		"request isp 10.0.0.1", "wait 2d", "handoff inv", "wait 11d")
	if !s.CaseOpen() {
		t.Fatalf("case not open; missing: %v", s.Missing())
	}
}

func TestRetentionDeletesUnlessPreserved(t *testing.T) {
	lost := newSession(t, fixture(), 1)
	openCase(t, lost)
	play(t, lost, "dns site.ru", "asn 192.0.2.1", "wait 20d", "mlat host 192.0.2.1", "wait 61d")
	if !lost.Expired("logs") || lost.Obtained("logs") {
		t.Fatalf("logs should have expired at 30 days: expired=%v obtained=%v", lost.Expired("logs"), lost.Obtained("logs"))
	}

	kept := newSession(t, fixture(), 1)
	play(t, kept, "dns site.ru", "asn 192.0.2.1", "preserve host 192.0.2.1")
	openCase(t, kept)
	play(t, kept, "wait 20d", "mlat host 192.0.2.1", "wait 70d")
	if kept.Expired("logs") || !kept.Obtained("logs") || !kept.Proven(ElemLink) {
		t.Fatalf("preserved logs should arrive by MLAT: expired=%v obtained=%v", kept.Expired("logs"), kept.Obtained("logs"))
	}
}

func TestInformalRequestIsIntelligenceAndTipsOff(t *testing.T) {
	s := newSession(t, fixture(), 1)
	play(t, s, "dns site.ru", "asn 192.0.2.1", "ask host 192.0.2.1", "wait 3d")
	var logs *Evidence
	for _, e := range s.Evidence() {
		if e.Source == "logs" {
			logs = e
		}
	}
	if logs == nil || logs.Admissible || logs.Reason.Empty() {
		t.Fatalf("informal logs should be filed as inadmissible with a reason: %+v", logs)
	}
	if s.Proven(ElemLink) {
		t.Error("intelligence must not prove an element")
	}
	if s.Flag("tipped_off") == "" || lastEvent(s, EvWiped) == nil {
		t.Error("the host should have tipped off the operators, who wiped their computers")
	}
}

func TestEarlyTakedownMakesTheSiteHop(t *testing.T) {
	s := newSession(t, fixture(), 1)
	play(t, s, "takedown assoc site.ru", "wait 5d")
	if !s.SiteDown("site.ru") || s.Flag("takedown_early") == "" {
		t.Fatal("takedown did not happen early")
	}
	if !s.Known("new.ru") || lastEvent(s, EvSiteReappeared) == nil {
		t.Error("the site did not reappear under its new domain")
	}
}

func TestRaidWhileComputersAreOnYieldsLiveEvidence(t *testing.T) {
	for _, tc := range []struct {
		at   string
		live bool
	}{{"05:30", true}, {"14:00", false}} {
		s := newSession(t, fixture(), 1)
		openCase(t, s)
		play(t, s, "warrant op", "wait 2d", "wait until "+tc.at, "raid op")
		if got := s.Obtained("live"); got != tc.live {
			t.Errorf("raid at %s: live evidence %v, want %v", tc.at, got, tc.live)
		}
	}
}

func TestHandoffReturnedWithMissingItems(t *testing.T) {
	s := newSession(t, fixture(), 1)
	play(t, s, "capture site.ru", "handoff inv", "wait 11d")
	if s.CaseOpen() || s.Returns() != 1 {
		t.Fatalf("returns=%d open=%v", s.Returns(), s.CaseOpen())
	}
	ev := lastEvent(s, EvHandoffReturned)
	if ev == nil || !strings.Contains(msgString(ev.Msg), "missing.suspect") || !strings.Contains(ev.Data["missing"], "suspect") {
		t.Fatalf("return should list the missing suspect: %+v", ev)
	}
}

// TestBelowThresholdIsRefused checks that a refusal to open a case is not
// final the first time: the prosecutor sends the material back for more
// checks, at a cost in time; the second refusal ends the case.
func TestBelowThresholdIsRefused(t *testing.T) {
	s := newSession(t, fixture(), 1)
	play(t, s, "whois site.ru", "capture site.ru", "order reg site.ru", "wait 2d", "request isp 10.0.0.1", "wait 2d", "handoff inv", "wait 11d")
	if s.Ending() != nil || lastEvent(s, EvCaseRefused) == nil {
		t.Fatalf("the first refusal should be reviewed, not end the case: %+v", s.Ending())
	}
	if _, err := s.Do("handoff inv"); err != nil {
		t.Fatal(err)
	}
	if ev := lastEvent(s, EvRejected); ev == nil || ev.Data["reason"] != "handoff_out" {
		t.Errorf("a hand-off during the review was not refused: %+v", ev)
	}
	play(t, s, "wait 4d", "handoff inv", "wait 11d")
	if s.Ending() == nil || s.Ending().ID != "ref" {
		t.Fatalf("want refusal ending, got %+v", s.Ending())
	}
	if !s.HasCause("refused") {
		t.Errorf("causes %+v lack the refusal", s.Causes())
	}
	if _, err := s.Do("wait 1d"); err == nil {
		t.Error("commands after the ending should be refused")
	}
}

func TestWinningPathAndDebrief(t *testing.T) {
	s := newSession(t, fixture(), 1)
	openCase(t, s)
	play(t, s, "warrant op", "wait 2d", "wait until 05:00", "raid op", "arrest op", "takedown assoc site.ru", "prosecute", "wait 40d")
	d := s.Debrief()
	if d == nil || d.Ending.ID != "win" || !s.VerdictReached().Convicted {
		t.Fatalf("want conviction, got %+v", s.Ending())
	}
	if s.Flag("takedown_after_arrest") == "" {
		t.Error("takedown after arrest not recorded")
	}
	if len(d.Admitted) == 0 || len(d.Timeline) == 0 || d.Score != 50 {
		t.Errorf("debrief incomplete: admitted=%d timeline=%d score=%d", len(d.Admitted), len(d.Timeline), d.Score)
	}
}

func TestUsageErrorsChangeNothing(t *testing.T) {
	s := newSession(t, fixture(), 1)
	before := s.Checksum()
	for _, l := range []string{"fly away", "whois", "whois nowhere.ru", "asn site.ru", "wait 0m", "wait 5x", `capture "site.ru`} {
		if _, err := s.Do(l); err == nil {
			t.Errorf("%q was accepted", l)
		}
	}
	if s.Checksum() != before || len(s.Log()) != 0 || s.Now() != 0 {
		t.Error("a refused command changed the session")
	}
	if ev, err := s.Do("status"); err != nil || len(ev) != 1 || ev[0].Seq != -1 || len(s.Log()) != 0 {
		t.Errorf("status should answer without being logged: %v %v", ev, err)
	}
}

func TestSameSeedSameEventsReplay(t *testing.T) {
	lines := []string{"whois site.ru", "capture site.ru", "statement rh", "order reg site.ru", "wait 2d", "request isp 10.0.0.1", "wait 2d", "handoff inv", "wait 30d"}
	run := func(seed uint64) []byte {
		s := newSession(t, fixture(), seed)
		play(t, s, lines...)
		b, _ := json.Marshal(s.Events())
		return b
	}
	a, b := run(7), run(7)
	if !bytes.Equal(a, b) {
		t.Fatal("same seed gave different events")
	}
	if bytes.Equal(a, run(8)) {
		t.Error("a different seed gave identical events: delays are not drawn from the seed")
	}

	s := newSession(t, fixture(), 7)
	play(t, s, lines...)
	var buf bytes.Buffer
	if _, err := s.Record().WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	l, err := ParseLog(&buf)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Replay(fixture(), nil, l)
	if err != nil {
		t.Fatal(err)
	}
	if r.Checksum() != s.Checksum() {
		t.Error("replay reached a different state")
	}
	l.Entries[3].Sum = "0000000000000000"
	var div *DivergedError
	if _, err := Replay(fixture(), nil, l); !errors.As(err, &div) {
		t.Errorf("a tampered checksum was not detected: %v", err)
	}
}

// TestRoomControl checks the instructor's commands: only the instructor may
// give them; a paused room refuses the trainee's commands without logging
// them; stop ends the case at the rules' own ending.
func TestRoomControl(t *testing.T) {
	s := newSession(t, fixture(), 1)
	var u *UsageError
	if _, err := s.Do("pause"); !errors.As(err, &u) || u.Msg.ID != "cmd.instructor_only" {
		t.Fatalf("a trainee paused the room: %v", err)
	}
	as := func(a Actor, line string) {
		t.Helper()
		if _, err := s.Exec(LogEntry{Line: line, Actor: a}); err != nil {
			t.Fatalf("%s %s: %v", a, line, err)
		}
	}
	as(ActorInstructor, "pause")
	if _, err := s.Do("whois site.ru"); !errors.As(err, &u) || u.Msg.ID != "cmd.paused" {
		t.Fatalf("a paused room took a command: %v", err)
	}
	as(ActorInstructor, `notice "look at the registrar first"`)
	as(ActorInstructor, "resume")
	as(ActorTrainee, "whois site.ru")
	if n := len(s.Log()); n != 4 {
		t.Fatalf("%d entries logged, want 4", n)
	}
	if e := lastEvent(s, EvNotice); e == nil || !strings.Contains(msgString(e.Msg), "look at the registrar first") {
		t.Errorf("the notice did not arrive: %+v", e)
	}
	as(ActorInstructor, "stop")
	if e := s.Ending(); e == nil || e.Outcome != OutcomeStopped || s.Debrief() == nil {
		t.Fatalf("stop ended at %+v", e)
	}
	if _, err := s.Exec(LogEntry{Line: "inject x", Actor: ActorInstructor}); err == nil {
		t.Error("a command after the end was accepted")
	}
}

// TestProsecutingWithAnswersPendingWarnsFirst checks that the console will
// not close the file while requests are out unless told "prosecute now", and
// that what arrives later counts for nothing and is named as the cause.
func TestProsecutingWithAnswersPendingWarnsFirst(t *testing.T) {
	s := newSession(t, fixture(), 1)
	play(t, s, "dns site.ru", "asn 192.0.2.1", "preserve host 192.0.2.1")
	openCase(t, s)
	play(t, s, "mlat host 192.0.2.1", "warrant op", "wait 2d", "wait until 05:00", "raid op", "arrest op", "takedown assoc site.ru")
	before := s.Checksum()
	_, err := s.Do("prosecute")
	var u *UsageError
	if !errors.As(err, &u) || u.Msg.ID != "cmd.prosecute_pending" || s.Checksum() != before {
		t.Fatalf("prosecute with an MLAT out gave %v, want a warning that changes nothing", err)
	}
	found := false
	for _, a := range s.View().General {
		if a.Verb == "prosecute" {
			found = true
			if a.Line != "prosecute now" || a.Risk != RiskHigh {
				t.Errorf("the app's prosecute action is %q at risk %v, want a confirmed prosecute now", a.Line, a.Risk)
			}
		}
	}
	if !found {
		t.Error("the View offers no prosecute action")
	}
	play(t, s, "prosecute now", "wait 70d")
	if s.Ending() == nil {
		t.Fatal("the case did not end")
	}
	if !s.HasCause("late-evidence") {
		t.Errorf("causes %v lack late-evidence", s.Causes())
	}
	if s.Obtained("logs") && s.provenInFile(ElemLink) {
		t.Error("logs that arrived after the indictment were counted")
	}
}

package ui

import (
	"encoding/json"
	"strings"
	"testing"

	"takedown/records"
	"takedown/save"
)

// keptStatements are the statements waiting in the keeper's outbox, once
// what was pushed is stored.
func keptStatements(t *testing.T, k *recordsKeeper) []records.Statement {
	t.Helper()
	k.flush()
	k.mu.Lock()
	out := k.out
	k.mu.Unlock()
	if out == nil {
		t.Fatal("the outbox is not open")
	}
	var sts []records.Statement
	for _, it := range out.PendingItems() {
		var st records.Statement
		if err := json.Unmarshal(it.Statement, &st); err != nil {
			t.Fatal(err)
		}
		sts = append(sts, st)
	}
	return sts
}

// TestRationaleReachesDebriefAndRecords plays the winning walkthrough,
// giving a reason at the hand-off as the confirmation's field does: the
// reason is in the log, on the debrief's key decisions, and the response
// of the hand-off's answered statement in the outbox.
func TestRationaleReachesDebriefAndRecords(t *testing.T) {
	store, err := save.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	outDir := t.TempDir()
	mv := winningMoves(t)
	d := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Scenario: "film-site", Seed: mv.Seed, Size: size720, Source: src, Store: store,
			Records: RecordsOptions{Dir: outDir, Account: "1625378", Home: "https://lms.academy.example/"}})
	})
	const why = "the package holds the damages and the identity"
	handoffs := 0
	for _, st := range mv.Steps {
		if st.Command == "" {
			continue
		}
		reason := ""
		if strings.HasPrefix(st.Command, "handoff") {
			reason = why
			handoffs++
		}
		d.onLoop(func() {
			d.app.run(st.Command, reason)
			if res, ok := d.app.jobs.wait(); ok {
				d.app.finish(res)
			}
		})
	}
	if handoffs == 0 {
		t.Fatal("the walkthrough has no hand-off")
	}
	v := d.app.View()
	if v.Debrief == nil || v.Debrief.Ending == nil {
		t.Fatal("the walkthrough did not end the case")
	}
	shown := false
	for _, p := range d.app.decisionsDoc(v.Debrief) {
		shown = shown || p.text == d.app.t("your_reason")+": "+why
	}
	if !shown {
		t.Errorf("the debrief's key decisions do not show the reason %q", why)
	}
	answered := 0
	for _, st := range keptStatements(t, d.app.keeper) {
		if st.Verb.ID == records.VerbAnswered && st.Result != nil && st.Result.Response == why {
			answered++
		}
	}
	if answered != handoffs {
		t.Errorf("%d answered statements carry the reason, want %d", answered, handoffs)
	}
	d.onLoop(d.app.Close)
}

// TestLeavingSuspends plays two commands with an account, then starts
// another scenario from the title scene: the session left behind ends
// with suspended in the outbox, and the new one has its own save, so both
// stay resumable.
func TestLeavingSuspends(t *testing.T) {
	outDir := t.TempDir()
	d, store := recordsApp(t, RecordsOptions{Dir: outDir, Account: "1625378", Home: "https://lms.academy.example/"})
	for _, line := range []string{"whois kadr-hd.ru", "dns kadr-hd.ru"} {
		d.typeLine(line)
	}
	d.click("menu")
	d.click("scenario:music-store")
	d.until("music-store to load", func() bool { return d.app.title.info["music-store"] != nil })
	d.click("start")
	d.settle()
	if v := d.app.View(); v == nil || v.Scenario.ID != "music-store" {
		t.Fatalf("the title started %v", v)
	}
	var verbs []string
	for _, st := range keptStatements(t, d.app.keeper) {
		verbs = append(verbs, st.Verb.ID[strings.LastIndex(st.Verb.ID, "/")+1:])
	}
	if len(verbs) == 0 || verbs[len(verbs)-1] != "suspended" {
		t.Errorf("the left session's statements are %v, want them to end with suspended", verbs)
	}
	d.onLoop(func() { d.app.saver.flush() })
	if _, _, err := store.Read(saveName("film-site")); err != nil {
		t.Errorf("the left session's save: %v", err)
	}

	// Coming back at once is a new sitting all the same: resumed follows
	// the suspended already kept, which is not kept twice.
	d.click("menu")
	d.click("scenario:film-site")
	d.until("film-site to load", func() bool { return d.app.title.info["film-site"] != nil })
	d.click("resume")
	d.settle()
	// a resumed session opens on the desk
	d.typeLine("asn 198.51.100.23")
	var film []string
	for _, st := range keptStatements(t, d.app.keeper) {
		if strings.Contains(st.Object.ID, "film-site") {
			film = append(film, st.Verb.ID[strings.LastIndex(st.Verb.ID, "/")+1:])
		}
	}
	joined := strings.Join(film, " ")
	if strings.Count(joined, "suspended") != 1 || !strings.Contains(joined, "suspended resumed interacted") {
		t.Errorf("film-site's statements after coming back: %v, want one suspended, then resumed and the new command", film)
	}
}

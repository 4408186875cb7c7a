package ui

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"takedown/records"
	"takedown/save"
)

// until steps the app until cond holds, for work done off the loop (the
// records' goroutines); it fails after a bounded number of steps.
func (d *driver) until(what string, cond func() bool) {
	d.t.Helper()
	for i := 0; ; i++ {
		ok := false
		d.onLoop(func() { ok = cond() })
		if ok {
			d.idle(2)
			return
		}
		if i > 5000 {
			d.t.Fatalf("waited in vain for %s", what)
		}
		d.step(Input{}, false)
		time.Sleep(2 * time.Millisecond)
	}
}

// recordingLRS is a test LRS that only records what it is sent and
// answers as told: it stores nothing and checks nothing.
type recordingLRS struct {
	mu       sync.Mutex
	requests []string // method and path of each request, in order
	bodies   [][]byte // the body of each statements POST
	status   int      // the answer to statements POSTs
	srv      *httptest.Server
}

func newRecordingLRS(t *testing.T, status int, handle func(w http.ResponseWriter, r *http.Request) bool) *recordingLRS {
	l := &recordingLRS{status: status}
	l.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		l.mu.Lock()
		l.requests = append(l.requests, r.Method+" "+r.URL.Path)
		if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/statements") {
			l.bodies = append(l.bodies, body)
		}
		status := l.status
		l.mu.Unlock()
		if handle != nil && handle(w, r) {
			return
		}
		w.WriteHeader(status)
		if status == 200 {
			fmt.Fprint(w, "[]")
		}
	}))
	t.Cleanup(l.srv.Close)
	return l
}

// posts counts the statements POSTs so far.
func (l *recordingLRS) posts() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.bodies)
}

// recordsApp makes an app with a save folder and an outbox, on the desk
// of the reference case.
func recordsApp(t *testing.T, rec RecordsOptions) (*driver, *save.Store) {
	t.Helper()
	store, err := save.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if rec.Dir == "" {
		rec.Dir = t.TempDir()
	}
	d := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Scenario: "film-site", Size: size720, Source: src, Store: store, Records: rec})
	})
	t.Cleanup(func() { d.onLoop(d.app.Close) })
	d.click("to_desk")
	return d, store
}

// TestOutboxCountShown plays a few commands with an account and no LRS:
// their statements wait in the outbox, and the title scene says how many.
func TestOutboxCountShown(t *testing.T) {
	d, _ := recordsApp(t, RecordsOptions{Account: "1625378", Home: "https://lms.academy.example/"})
	for _, line := range []string{"whois kadr-hd.ru", "dns kadr-hd.ru"} {
		d.typeLine(line)
	}
	d.app.keeper.flush()
	st := d.app.keeper.status()
	// initialized, experienced, and one interacted per tool.
	if st.pending != 4 || !st.noLRS {
		t.Fatalf("the outbox has %d statements waiting (no LRS: %v), want 4", st.pending, st.noLRS)
	}
	d.click("menu")
	if d.app.Scene() != SceneTitle {
		t.Fatalf("the menu led to %s", d.app.Scene())
	}
	d.until("the title to show the records", func() bool {
		return strings.Contains(strings.Join(d.app.title.strip.lines, " "), "4 statements waiting")
	})
	if got := strings.Join(d.app.title.strip.lines, " "); !strings.Contains(got, "no LRS set") {
		t.Errorf("the title says %q, not that no LRS is set", got)
	}
}

// TestRefusedCredentialsStopSync points the records at an LRS that
// answers 401: the first send stops, the app says so in an overlay that
// leads to the settings, and nothing more is sent until the settings
// change.
func TestRefusedCredentialsStopSync(t *testing.T) {
	lrs := newRecordingLRS(t, http.StatusUnauthorized, nil)
	d, _ := recordsApp(t, RecordsOptions{Account: "1625378", Endpoint: lrs.srv.URL + "/xapi/", Username: "key", Password: "wrong"})
	d.typeLine("whois kadr-hd.ru")
	d.until("the overlay about the credentials", func() bool {
		title, _ := d.app.Overlay()
		return title == d.app.t("records.auth_title")
	})
	if !d.has("open_settings") {
		t.Fatal("the overlay offers no way to the settings")
	}
	if n := lrs.posts(); n != 1 {
		t.Errorf("the LRS was sent %d requests, want 1: a 401 is not retried", n)
	}
	// Another command: its statements wait, and none is sent.
	d.click("dismiss")
	d.typeLine("dns kadr-hd.ru")
	d.app.keeper.flush()
	if out, p := d.app.keeper.poster(); out != nil || p != nil {
		t.Error("sending goes on after the LRS refused the credentials")
	}
	if st := d.app.keeper.status(); st.pending != 4 || st.stopped == nil {
		t.Errorf("%d statements wait (stopped: %v), want 4 and stopped", st.pending, st.stopped)
	}
	d.idle(5)
	if n := lrs.posts(); n != 1 {
		t.Errorf("the LRS was sent %d requests after the refusal, want 1", n)
	}
	// Right credentials in the settings: saving sends what waits.
	lrs.mu.Lock()
	lrs.status = http.StatusOK
	lrs.mu.Unlock()
	d.click("menu")
	d.click("settings")
	if d.app.Scene() != SceneSettings {
		t.Fatalf("Settings led to %s", d.app.Scene())
	}
	d.click("save_settings")
	d.until("the statements to be sent", func() bool { return d.app.keeper.status().pending == 0 })
	if n := lrs.posts(); n < 2 {
		t.Errorf("saving the settings sent nothing (%d requests)", n)
	}
}

// TestSettingsKeepsTheLRS types an LRS and an account into the settings
// scene, saves, and checks that a new window reads them back; the secret
// is never drawn.
func TestSettingsKeepsTheLRS(t *testing.T) {
	dir := t.TempDir()
	store, err := save.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Size: size720, Source: src, Store: store, Scenarios: []string{"film-site"}})
	})
	d.click("settings")
	values := map[string]string{"lrs-endpoint": "https://lrs.academy.example/xapi/", "lrs-username": "key",
		"lrs-password": "s3cret pass", "lrs-home": "https://lms.academy.example/", "lrs-account": "1625378"}
	for i, f := range d.app.settings.fields {
		v, ok := values[f.key]
		if !ok {
			continue
		}
		d.onLoop(func() { d.app.settings.focus = i })
		d.step(Input{Chars: []rune(v)}, false)
		d.idle(1)
	}
	var drawn []textRecord
	d.onLoop(func() {
		d.app.rec = &recorder{}
		d.app.build()
		drawn = append(drawn, d.app.rec.recs...)
		d.app.rec = nil
	})
	for _, r := range drawn {
		if strings.Contains(r.s, "s3cret") {
			t.Errorf("the secret is drawn: %q", r.s)
		}
	}
	d.click("save_settings")
	if note := d.app.settings.note; note != d.app.t("settings.saved") {
		t.Fatalf("saving said %q", note)
	}
	d.onLoop(func() { d.app.saver.flush() })
	got := loadSettings(store)
	for k, v := range values {
		if *got.records.field(k) != v {
			t.Errorf("%s read back as %q, want %q", k, *got.records.field(k), v)
		}
	}
	// An e-mail address as the account is refused.
	d.onLoop(func() {
		for _, f := range d.app.settings.fields {
			if f.key == "lrs-account" {
				f.edit.set("officer@academy.example")
			}
		}
	})
	d.click("save_settings")
	if !d.app.settings.noteBad || !strings.Contains(d.app.settings.note, "e-mail") {
		t.Errorf("an e-mail address as the account was taken: %q", d.app.settings.note)
	}
	d.onLoop(d.app.Close)
	store.Close()
}

// cmi5LMS is a test LMS: the fetch URL, LMS.LaunchData, the learner's
// preferences and the statements resource, recording every request.
func cmi5LMS(t *testing.T) (*recordingLRS, records.Launch) {
	t.Helper()
	fetches := 0
	var l *recordingLRS
	l = newRecordingLRS(t, http.StatusOK, func(w http.ResponseWriter, r *http.Request) bool {
		switch {
		case r.URL.Path == "/fetch":
			fetches++
			if fetches > 1 {
				w.WriteHeader(400)
				fmt.Fprint(w, `{"error-code":"1","error-text":"already used"}`)
				return true
			}
			fmt.Fprint(w, `{"auth-token":"dG9rZW4="}`)
		case strings.HasSuffix(r.URL.Path, "/activities/state"):
			fmt.Fprint(w, `{"contextTemplate":{"extensions":{"https://w3id.org/xapi/cmi5/context/extensions/sessionid":"session-42"}},"launchMode":"Normal","masteryScore":0.8,"moveOn":"CompletedAndPassed"}`)
		case strings.HasSuffix(r.URL.Path, "/agents/profile"):
			w.WriteHeader(404)
		case r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/statements"):
			fmt.Fprint(w, `{"statements":[],"more":""}`)
		default:
			return false
		}
		return true
	})
	q := url.Values{
		"endpoint":     {l.srv.URL + "/xapi/"},
		"fetch":        {l.srv.URL + "/fetch"},
		"actor":        {`{"objectType":"Agent","account":{"homePage":"https://lms.academy.example/","name":"1625378"}}`},
		"registration": {"0b2a63e4-4c1a-4f35-9a1d-7a2b0c9d1e11"},
		"activityId":   {"https://lms.academy.example/courses/piracy/au/film-site"},
	}
	launch, err := records.ParseLaunch("takedown://launch?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	return l, launch
}

// TestCMI5Launch launches the app as an LMS would, plays the winning
// walkthrough and closes it, and checks what reached the LMS's LRS: the
// token fetched once, first; initialized the first statement and
// terminated the last; one completed and one passed; every statement with
// the registration and the LMS's context template; the cmi5 category on
// the cmi5 defined ones.
func TestCMI5Launch(t *testing.T) {
	lms, launch := cmi5LMS(t)
	store, err := save.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	mv := winningMoves(t)
	d := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Scenario: "film-site", Seed: mv.Seed, Size: size720, Source: src, Store: store,
			Records: RecordsOptions{Dir: t.TempDir(), Launch: &launch}})
	})
	d.until("the launch to start", func() bool {
		d.app.keeper.flush()
		return d.app.keeper.cmi.lrs() != nil
	})
	for _, st := range mv.Steps {
		if st.Command != "" {
			d.onLoop(func() { d.app.Do(st.Command) })
		}
	}
	if e := d.app.View().Ending; e == nil || e.ID != "conviction" {
		t.Fatalf("the walkthrough ended with %v", e)
	}
	cmi := d.app.keeper.cmi
	d.onLoop(d.app.Close)
	if refused := cmi.refusedVerbs(); len(refused) > 0 {
		t.Errorf("the cmi5 rules refused %v", refused)
	}

	lms.mu.Lock()
	requests := slices.Clone(lms.requests)
	bodies := slices.Clone(lms.bodies)
	lms.mu.Unlock()
	if len(requests) == 0 || requests[0] != "POST /fetch" {
		t.Fatalf("the first request was not the token's fetch: %v", requests)
	}
	if n := slices.Index(requests[1:], "POST /fetch"); n >= 0 {
		t.Errorf("the token was fetched twice: %v", requests)
	}
	// An LRS keeps statements by id: a statement sent again (a send cut
	// short when the app closed) is one statement.
	var sts []records.Statement
	seen := map[string]bool{}
	for _, b := range bodies {
		var batch []records.Statement
		if err := json.Unmarshal(b, &batch); err != nil {
			var one records.Statement
			if err := json.Unmarshal(b, &one); err != nil {
				t.Fatalf("a statements POST is not JSON: %v", err)
			}
			batch = []records.Statement{one}
		}
		for _, st := range batch {
			if !seen[st.ID] {
				seen[st.ID] = true
				sts = append(sts, st)
			}
		}
	}
	if len(sts) < 10 {
		t.Fatalf("%d statements reached the LRS", len(sts))
	}
	verbs := map[string]int{}
	for i, st := range sts {
		verbs[st.Verb.ID]++
		if st.Context == nil || st.Context.Registration != launch.Registration {
			t.Errorf("statement %d (%s) lacks the registration", i, st.Verb.ID)
			continue
		}
		if st.Context.Extensions[records.ExtensionSessionID] != "session-42" {
			t.Errorf("statement %d (%s) lacks the context template's session id", i, st.Verb.ID)
		}
		defined := st.Object.ID == launch.ActivityID && slices.Contains([]string{records.VerbInitialized, records.VerbCompleted,
			records.VerbPassed, records.VerbFailed, records.VerbTerminated}, st.Verb.ID)
		hasCat := st.Context.ContextActivities != nil && slices.ContainsFunc(st.Context.ContextActivities.Category,
			func(a records.Activity) bool { return a.ID == records.CategoryCMI5 })
		if defined != hasCat {
			t.Errorf("statement %d (%s): cmi5 defined %v, cmi5 category %v", i, st.Verb.ID, defined, hasCat)
		}
		if st.Actor.Account != launch.Actor.Account {
			t.Errorf("statement %d is about %v, not the launched learner", i, st.Actor.Account)
		}
	}
	if sts[0].Verb.ID != records.VerbInitialized {
		t.Errorf("the first statement is %s, want initialized", sts[0].Verb.ID)
	}
	if last := sts[len(sts)-1]; last.Verb.ID != records.VerbTerminated {
		t.Errorf("the last statement is %s, want terminated", last.Verb.ID)
	}
	for _, v := range []string{records.VerbInitialized, records.VerbCompleted, records.VerbPassed, records.VerbTerminated} {
		if verbs[v] != 1 {
			t.Errorf("%d statements with %s, want 1", verbs[v], v)
		}
	}
	if verbs[records.VerbFailed] != 0 {
		t.Errorf("failed was sent for a won case")
	}
}

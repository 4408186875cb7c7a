package records

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	testActor        = `{"objectType":"Agent","account":{"homePage":"https://lms.academy.test","name":"1625378"}}`
	testRegistration = "760e3480-ba55-4991-94b0-01820dbd23a2"
	testActivity     = "https://lms.academy.test/course/7/au/takedown"
	testSession      = "5a4b4e16-5d1d-4a0a-9c1e-b1b0d1b0b1b0"
	testPublisher    = "https://takedown.test/au/film-site"
)

func testQuery(endpoint, fetch string) url.Values {
	return url.Values{
		"endpoint":     {endpoint},
		"fetch":        {fetch},
		"actor":        {testActor},
		"registration": {testRegistration},
		"activityId":   {testActivity},
	}
}

func TestParseLaunch(t *testing.T) {
	q := testQuery("https://lms.academy.test/xapi/", "https://lms.academy.test/fetch?k=2390289x0")
	enc := q.Encode()
	with := func(k, v string) string {
		q2 := testQuery("https://lms.academy.test/xapi/", "https://lms.academy.test/fetch?k=2390289x0")
		if v == "" {
			q2.Del(k)
		} else {
			q2.Set(k, v)
		}
		return q2.Encode()
	}
	tests := []struct {
		name string
		in   string
		err  string // part of the error; "" for none
	}{
		{"takedown link", "takedown://launch?" + enc, ""},
		{"takedown link, opaque", "takedown:launch?" + enc, ""},
		{"web AU URL", "https://au.example/start.html?" + enc, ""},
		{"query", enc, ""},
		{"query with ?", "?" + enc, ""},
		{"other parameters too", enc + "&lang=ru", ""},
		{"http endpoint", with("endpoint", "http://lms.academy.test/xapi/"), ""},
		{"actor without objectType", with("actor", `{"account":{"homePage":"https://lms.academy.test","name":"1"}}`), ""},
		{"nothing", "", "endpoint is missing"},
		{"no fetch", with("fetch", ""), "fetch is missing"},
		{"fetch twice", enc + "&fetch=https%3A%2F%2Fother.test%2F", "fetch is given 2 times"},
		{"endpoint not a URL", with("endpoint", "lms.academy.test"), "endpoint"},
		{"endpoint with a query", with("endpoint", "https://lms.academy.test/xapi/?a=1"), "query"},
		{"fetch ftp", with("fetch", "ftp://lms.academy.test/fetch"), "fetch"},
		{"actor by e-mail", with("actor", `{"objectType":"Agent","mbox":"mailto:a@academy.test"}`), "mbox"},
		{"actor with both", with("actor", `{"mbox":"mailto:a@academy.test","account":{"homePage":"https://x.test","name":"1"}}`), "mbox"},
		{"actor not JSON", with("actor", `Ivanov`), "not a JSON object"},
		{"actor a group", with("actor", `{"objectType":"Group","account":{"homePage":"https://x.test","name":"1"}}`), "Agent"},
		{"actor account without home page", with("actor", `{"account":{"name":"1"}}`), "homePage"},
		{"registration not a UUID", with("registration", "12345"), "registration"},
		{"activityId not an IRI", with("activityId", "takedown"), "activityId"},
		{"bad escape", "endpoint=%zz", "cannot be read"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := ParseLaunch(tc.in)
			if tc.err == "" {
				if err != nil {
					t.Fatal(err)
				}
				if l.Registration != testRegistration || l.ActivityID != testActivity || l.Actor.Account.Name == "" ||
					l.Actor.ObjectType != "Agent" || l.Fetch == "" || l.Endpoint == "" {
					t.Errorf("Launch = %+v", l)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("error = %v, want one about %q", err, tc.err)
			}
		})
	}
}

// lms is a test LMS: the recorder LRS plus a fetch URL and the cmi5
// documents, each answer scripted and each request recorded.
type lms struct {
	*recorder
	mu         sync.Mutex
	fetches    int
	fetchReply []string // answers to the fetch URL in turn: JSON, or "500"
	launchData string   // LMS.LaunchData; "" answers 404
	stateFails int      // LMS.LaunchData requests answered 503 first
	prefs      string   // cmi5LearnerPreferences; "" answers 404
	prior      string   // the statements query's answer; "" answers 403
	launch     Launch
}

func launchDataJSON(mode string, mastery string) string {
	m := ""
	if mastery != "" {
		m = `,"masteryScore":` + mastery
	}
	return `{"contextTemplate":{"contextActivities":{"grouping":[{"id":"` + testPublisher + `"}]},` +
		`"extensions":{"` + ExtensionSessionID + `":"` + testSession + `","https://lms.test/ext/n":1.50}},` +
		`"launchMode":"` + mode + `","moveOn":"CompletedOrPassed","returnURL":"https://lms.academy.test/back"` + m + `}`
}

func newLMS(t *testing.T) *lms {
	l := &lms{
		recorder:   newRecorder(t),
		fetchReply: []string{`{"auth-token":"dG9rMTIz"}`},
		launchData: launchDataJSON(LaunchNormal, ""),
		prefs:      `{"languagePreference":"ru-RU,en-US","audioPreference":"off"}`,
		prior:      `{"statements":[],"more":""}`,
	}
	l.recorder.auth = "Basic dG9rMTIz"
	l.recorder.handle = l.serve
	return l
}

// start returns the launch; the server starts then, with the fields set.
func (l *lms) start(t *testing.T) Launch {
	u := l.url()
	launch, err := LaunchFromQuery(testQuery(u+"/xapi/", u+"/fetch?k=1"))
	if err != nil {
		t.Fatal(err)
	}
	return launch
}

func (l *lms) serve(w http.ResponseWriter, r *http.Request, _ []byte) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	reply := func(status int, body string) bool {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write([]byte(body))
		return true
	}
	if r.URL.Path == "/fetch" {
		if r.Method != http.MethodPost {
			l.recorder.t.Errorf("the fetch URL was called with %s", r.Method)
		}
		l.fetches++
		if len(l.fetchReply) == 0 {
			return reply(200, `{"error-code":"1","error-text":"The authorization token has already been returned."}`)
		}
		a := l.fetchReply[0]
		l.fetchReply = l.fetchReply[1:]
		if st, err := strconv.Atoi(a); err == nil {
			return reply(st, `{}`)
		}
		return reply(200, a)
	}
	if r.Method != http.MethodGet {
		return false
	}
	if r.Header.Get("Authorization") != l.recorder.auth || r.Header.Get("X-Experience-API-Version") != "1.0.3" {
		return reply(401, `{}`)
	}
	q := r.URL.Query()
	if q.Get("agent") != testActor {
		return reply(400, `{"error":"agent"}`)
	}
	switch r.URL.Path {
	case "/xapi/activities/state":
		if q.Get("stateId") != "LMS.LaunchData" || q.Get("activityId") != testActivity || q.Get("registration") != testRegistration {
			return reply(400, `{"error":"state query"}`)
		}
		if l.stateFails > 0 {
			l.stateFails--
			return reply(503, `{}`)
		}
		if l.launchData == "" {
			return reply(404, ``)
		}
		return reply(200, l.launchData)
	case "/xapi/agents/profile":
		if q.Get("profileId") != "cmi5LearnerPreferences" {
			return reply(400, `{"error":"profile query"}`)
		}
		if l.prefs == "" {
			return reply(404, ``)
		}
		return reply(200, l.prefs)
	case "/xapi/statements":
		if q.Get("activity") != testActivity || q.Get("registration") != testRegistration || q.Get("verb") == "" {
			return reply(400, `{"error":"statements query"}`)
		}
		if l.prior == "" {
			return reply(403, `{}`)
		}
		if strings.Contains(l.prior, q.Get("verb")) {
			return reply(200, l.prior)
		}
		return reply(200, `{"statements":[],"more":""}`)
	}
	return false
}

// memAdder keeps what Record adds, and fails when told.
type memAdder struct {
	items []Item
	fail  error
}

func (m *memAdder) Add(id string, b []byte) error {
	if m.fail != nil {
		err := m.fail
		m.fail = nil
		return err
	}
	m.items = append(m.items, Item{ID: id, Statement: b})
	return nil
}

// clock is a test clock that moves a minute each time it is read.
type clock struct{ t time.Time }

func (c *clock) now() time.Time {
	c.t = c.t.Add(time.Minute)
	return c.t
}

func newTestClock() *clock { return &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)} }

// ids returns a NewID that counts.
func ids() func() (string, error) {
	n := 0
	return func() (string, error) {
		n++
		return fmt.Sprintf("00000000-0000-4000-8000-%012d", n), nil
	}
}

func fastRetry() SyncOptions {
	return SyncOptions{Sleep: func(ctx context.Context, d time.Duration) error { return ctx.Err() }}
}

func TestTokenFetchedOnce(t *testing.T) {
	ctx := context.Background()
	t.Run("success, then Start again", func(t *testing.T) {
		l := newLMS(t)
		au := NewAU(l.start(t), &memAdder{}, AUOptions{Retry: fastRetry()})
		for range 3 {
			if err := au.Start(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if l.fetches != 1 {
			t.Errorf("%d fetches", l.fetches)
		}
		if au.LRS() == nil || au.LaunchData().SessionID() != testSession {
			t.Errorf("LaunchData = %+v", au.LaunchData())
		}
		if p := au.Preferences(); p.LanguagePreference != "ru-RU,en-US" || p.AudioPreference != "off" {
			t.Errorf("Preferences = %+v", p)
		}
		if len(au.Problems()) != 0 {
			t.Errorf("Problems = %v", au.Problems())
		}
	})
	t.Run("launch data missing, then there", func(t *testing.T) {
		l := newLMS(t)
		l.launchData = ""
		au := NewAU(l.start(t), &memAdder{}, AUOptions{Retry: fastRetry()})
		if err := au.Start(ctx); err == nil || !strings.Contains(err.Error(), "LMS.LaunchData") {
			t.Fatalf("Start = %v", err)
		}
		if _, err := au.Record(Statement{Verb: Verb{ID: VerbInitialized}, Object: au.Object()}); !errors.Is(err, ErrNotStarted) {
			t.Errorf("Record before Start = %v", err)
		}
		l.mu.Lock()
		l.launchData = launchDataJSON(LaunchNormal, "")
		l.stateFails = 2 // and retried
		l.mu.Unlock()
		if err := au.Start(ctx); err != nil {
			t.Fatal(err)
		}
		if l.fetches != 1 {
			t.Errorf("%d fetches", l.fetches)
		}
	})
	t.Run("fetch refused", func(t *testing.T) {
		l := newLMS(t)
		l.fetchReply = []string{`{"error-code":"2","error-text":"Invalid token."}`, `{"auth-token":"dG9rMTIz"}`}
		au := NewAU(l.start(t), &memAdder{}, AUOptions{Retry: fastRetry()})
		for range 2 {
			var fe *FetchError
			if err := au.Start(ctx); !errors.As(err, &fe) || fe.Code != "2" || fe.Text != "Invalid token." {
				t.Fatalf("Start = %v", err)
			}
		}
		if l.fetches != 1 || au.LRS() != nil {
			t.Errorf("%d fetches", l.fetches)
		}
	})
	t.Run("cancelled before the fetch", func(t *testing.T) {
		l := newLMS(t)
		au := NewAU(l.start(t), &memAdder{}, AUOptions{Retry: fastRetry()})
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if err := au.Start(cctx); !errors.Is(err, context.Canceled) {
			t.Fatalf("Start = %v", err)
		}
		if err := au.Start(ctx); err != nil || l.fetches != 1 {
			t.Fatalf("Start = %v after %d fetches", err, l.fetches)
		}
	})
	t.Run("LMS unreachable", func(t *testing.T) {
		l := newLMS(t)
		launch := l.start(t)
		l.srv.Close()
		au := NewAU(launch, &memAdder{}, AUOptions{Retry: fastRetry()})
		var fe *FetchError
		if err := au.Start(ctx); !errors.As(err, &fe) || fe.Err == nil {
			t.Fatalf("Start = %v", err)
		}
		if err := au.Start(ctx); !errors.As(err, &fe) {
			t.Fatalf("second Start = %v", err)
		}
	})
	t.Run("preferences and statements refused", func(t *testing.T) {
		l := newLMS(t)
		l.prefs, l.prior = "", ""
		au := NewAU(l.start(t), &memAdder{}, AUOptions{Retry: fastRetry()})
		if err := au.Start(ctx); err != nil {
			t.Fatal(err)
		}
		if p := au.Problems(); len(p) != 2 {
			t.Errorf("Problems = %v, want the two statement queries", p)
		}
	})
}

func TestFetchToken(t *testing.T) {
	tests := []struct {
		reply  string
		token  string
		code   string
		status int
	}{
		{`{"auth-token":"QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}`, "QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "", 0},
		{`{"error-code":"1","error-text":"The authorization token has already been returned."}`, "", "1", 0},
		{`{"error-code":3,"error-text":"Down for maintenance"}`, "", "3", 0},
		{`{"auth-token":"two words"}`, "", "", 0},
		{`{"auth-token":""}`, "", "", 0},
		{`{"something":"else"}`, "", "", 0},
		{`not json`, "", "", 0},
		{`500`, "", "", 500},
		{`302`, "", "", 302},
	}
	for _, tc := range tests {
		t.Run(tc.reply, func(t *testing.T) {
			l := newLMS(t)
			l.fetchReply = []string{tc.reply}
			launch := l.start(t)
			token, err := FetchToken(context.Background(), nil, launch.Fetch)
			if tc.token != "" {
				if err != nil || token != tc.token {
					t.Fatalf("FetchToken = %q, %v", token, err)
				}
				return
			}
			var fe *FetchError
			if !errors.As(err, &fe) || fe.Code != tc.code || fe.Status != tc.status {
				t.Fatalf("FetchToken = %q, %#v", token, err)
			}
			if !strings.Contains(err.Error(), "launch the course again") {
				t.Errorf("the message does not say what to do: %v", err)
			}
			if l.fetches != 1 {
				t.Errorf("%d fetches", l.fetches)
			}
		})
	}
}

// step is one statement of an order test: the verb (about the AU unless
// other is set), and whether Record accepts it.
type step struct {
	verb   string
	other  bool // about another activity: a cmi5 allowed statement
	result *Result
	ok     bool
}

func TestAUOrder(t *testing.T) {
	dur := &Result{Duration: "PT2M"}
	scaled := func(s float64) *Result { return &Result{Duration: "PT2M", Score: &Score{Scaled: Float(s)}} }
	const (
		I, C, P, F, T = VerbInitialized, VerbCompleted, VerbPassed, VerbFailed, VerbTerminated
		X             = "https://takedown.test/verbs/captured"
	)
	tests := []struct {
		name    string
		mode    string
		mastery string
		prior   Outcome
		steps   []step
	}{
		{"a whole session", "", "", Outcome{}, []step{
			{I, false, nil, true}, {X, true, nil, true}, {C, false, dur, true}, {P, false, dur, true}, {X, true, nil, true}, {T, false, nil, true}}},
		{"initialized first", "", "", Outcome{}, []step{
			{X, true, nil, false}, {C, false, dur, false}, {T, false, nil, false}, {I, false, nil, true}}},
		{"initialized once", "", "", Outcome{}, []step{
			{I, false, nil, true}, {I, false, nil, false}}},
		{"nothing after terminated", "", "", Outcome{}, []step{
			{I, false, nil, true}, {T, false, nil, true}, {X, true, nil, false}, {C, false, dur, false}, {T, false, nil, false}}},
		{"completed once", "", "", Outcome{}, []step{
			{I, false, nil, true}, {C, false, dur, true}, {C, false, dur, false}}},
		{"passed once", "", "", Outcome{}, []step{
			{I, false, nil, true}, {P, false, dur, true}, {P, false, dur, false}}},
		{"not passed and failed in a session", "", "", Outcome{}, []step{
			{I, false, nil, true}, {F, false, dur, true}, {P, false, dur, false}, {F, false, dur, false}}},
		{"never failed after passed", "", "", Outcome{}, []step{
			{I, false, nil, true}, {P, false, dur, true}, {F, false, dur, false}}},
		{"failed after passed in an earlier session", "", "", Outcome{Passed: true}, []step{
			{I, false, nil, true}, {F, false, dur, false}, {P, false, dur, false}, {C, false, dur, true}}},
		{"passed after failed in an earlier session", "", "", Outcome{}, []step{
			{I, false, nil, true}, {P, false, dur, true}}},
		{"completed in an earlier session", "", "", Outcome{Completed: true}, []step{
			{I, false, nil, true}, {C, false, dur, false}, {P, false, dur, true}}},
		{"allowed verbs may repeat", "", "", Outcome{}, []step{
			{I, false, nil, true}, {C, true, nil, true}, {C, true, nil, true}, {P, true, nil, true}, {F, true, nil, true}, {C, false, dur, true}}},
		{"browse mode", LaunchBrowse, "", Outcome{}, []step{
			{I, false, nil, true}, {C, false, dur, false}, {P, false, dur, false}, {F, false, dur, false}, {X, true, nil, true}, {T, false, nil, true}}},
		{"review mode", LaunchReview, "", Outcome{}, []step{
			{I, false, nil, true}, {C, false, dur, false}, {T, false, nil, true}}},
		{"LMS verbs", "", "", Outcome{}, []step{
			{I, false, nil, true}, {VerbSatisfied, false, nil, false}, {VerbWaived, false, nil, false},
			{VerbAbandoned, false, nil, false}, {VerbLaunched, false, nil, false}}},
		{"durations required", "", "", Outcome{}, []step{
			{I, false, nil, true}, {C, false, nil, false}, {P, false, nil, false}, {F, false, &Result{}, false}, {T, false, nil, true}}},
		{"result fields", "", "", Outcome{}, []step{
			{I, false, &Result{Success: Bool(true)}, false},
			{I, false, &Result{Completion: Bool(true)}, false},
			{I, false, nil, true},
			{C, false, &Result{Duration: "PT1M", Success: Bool(true)}, false},
			{C, false, &Result{Duration: "PT1M", Completion: Bool(false)}, false},
			{C, false, &Result{Duration: "PT1M", Score: &Score{Scaled: Float(1)}}, false},
			{C, false, &Result{Duration: "PT1M", Completion: Bool(true)}, true},
			{P, false, &Result{Duration: "PT1M", Success: Bool(false)}, false},
			{P, false, &Result{Duration: "PT1M", Completion: Bool(true)}, false},
			{P, false, scaled(1.5), false},
			{P, false, &Result{Duration: "PT1M", Success: Bool(true)}, true},
			{T, false, &Result{Duration: "PT3M", Score: &Score{Scaled: Float(1)}}, false},
			{T, false, &Result{Duration: "PT3M"}, true}}},
		{"mastery: passed below", "", "0.8", Outcome{}, []step{
			{I, false, nil, true}, {P, false, scaled(0.79), false}, {P, false, scaled(0.8), true}}},
		{"mastery: failed at or above", "", "0.8", Outcome{}, []step{
			{I, false, nil, true}, {F, false, scaled(0.8), false}, {F, false, scaled(0.5), true}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := newLMS(t)
			mode := tc.mode
			if mode == "" {
				mode = LaunchNormal
			}
			l.launchData = launchDataJSON(mode, tc.mastery)
			out := &memAdder{}
			c := newTestClock()
			au := NewAU(l.start(t), out, AUOptions{Now: c.now, NewID: ids(), Prior: tc.prior, Retry: fastRetry()})
			if err := au.Start(context.Background()); err != nil {
				t.Fatal(err)
			}
			for i, s := range tc.steps {
				obj := au.Object()
				if s.other {
					obj = Activity{ID: "https://takedown.test/evidence/e3"}
				}
				before := len(out.items)
				_, err := au.Record(Statement{Verb: Verb{ID: s.verb}, Object: obj, Result: s.result})
				if s.ok != (err == nil) {
					t.Fatalf("step %d (%s): Record = %v, want ok %v", i, verbName(s.verb), err, s.ok)
				}
				var oe *OrderError
				if err != nil && !errors.As(err, &oe) {
					t.Errorf("step %d: %v is not an OrderError", i, err)
				}
				if want := before + map[bool]int{true: 1}[s.ok]; len(out.items) != want {
					t.Errorf("step %d: %d statements stored, want %d", i, len(out.items), want)
				}
			}
		})
	}
}

// decoded is a stored statement read back for checks.
type decoded struct {
	Statement
	raw map[string]any
}

func decode(t *testing.T, it Item) decoded {
	t.Helper()
	var d decoded
	if err := json.Unmarshal(it.Statement, &d.Statement); err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(it.Statement, &d.raw)
	return d
}

func categories(d decoded) []string {
	var ids []string
	if d.Context != nil && d.Context.ContextActivities != nil {
		for _, a := range d.Context.ContextActivities.Category {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

func TestAUContext(t *testing.T) {
	l := newLMS(t)
	l.launchData = launchDataJSON(LaunchNormal, "0.8")
	dir := t.TempDir()
	o := openTest(t, dir)
	c := newTestClock()
	launch := l.start(t)
	au := NewAU(launch, o, AUOptions{Now: c.now, NewID: ids(), Retry: fastRetry()})
	if err := au.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	own := &Context{
		Language:          "ru-RU",
		ContextActivities: &ContextActivities{Grouping: []Activity{{ID: testPublisher}}, Parent: []Activity{{ID: "https://takedown.test/scenario/film-site"}}},
		Extensions:        map[string]any{"https://takedown.test/ext/seed": 7, "https://lms.test/ext/n": json.Number("1.50")},
	}
	var items []Item
	for _, st := range []Statement{
		{Verb: Verb{ID: VerbInitialized}, Object: au.Object()},
		{Verb: Verb{ID: "https://takedown.test/verbs/captured"}, Object: Activity{ID: "https://takedown.test/evidence/e3"}, Context: own},
		{Verb: Verb{ID: VerbCompleted}, Object: au.Object(), Result: &Result{Duration: "PT120S"}},
		{Verb: Verb{ID: VerbPassed}, Object: au.Object(), Result: &Result{Duration: "PT121S", Score: &Score{Scaled: Float(0.9)}}},
		{Verb: Verb{ID: VerbTerminated}, Object: au.Object()},
	} {
		it, err := au.Record(st)
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, it)
	}
	if got := o.PendingItems(); len(got) != len(items) || string(got[2].Statement) != string(items[2].Statement) {
		t.Fatalf("the outbox holds %d statements", len(got))
	}
	wantCats := [][]string{{CategoryCMI5}, nil, {CategoryCMI5, CategoryMoveOn}, {CategoryCMI5, CategoryMoveOn}, {CategoryCMI5}}
	for i, it := range items {
		d := decode(t, it)
		if got := fmt.Sprint(categories(d)); got != fmt.Sprint(wantCats[i]) {
			t.Errorf("statement %d categories = %s, want %v", i, got, wantCats[i])
		}
		ctx := d.Context
		if ctx == nil || ctx.Registration != testRegistration || ctx.Extensions[ExtensionSessionID] != testSession ||
			ctx.ContextActivities == nil || len(ctx.ContextActivities.Grouping) != 1 || ctx.ContextActivities.Grouping[0].ID != testPublisher {
			t.Errorf("statement %d context = %s", i, it.Statement)
		}
		if d.Actor.Account.Name != "1625378" || d.Actor.ObjectType != "Agent" || d.Timestamp == "" || !strings.HasSuffix(d.Timestamp, "Z") {
			t.Errorf("statement %d actor or timestamp: %s", i, it.Statement)
		}
		if _, ok := d.raw["actor"].(map[string]any)["mbox"]; ok {
			t.Errorf("statement %d has an mbox", i)
		}
		if strings.Contains(string(it.Statement), `\u003c`) {
			t.Errorf("statement %d is HTML-escaped", i)
		}
	}
	init, allowed, completed, passed, term := decode(t, items[0]), decode(t, items[1]), decode(t, items[2]), decode(t, items[3]), decode(t, items[4])
	if init.Result != nil || init.Verb.Display["en-US"] != "initialized" || init.Object.ObjectType != "Activity" {
		t.Errorf("initialized = %s", items[0].Statement)
	}
	if a := allowed.Context; a.Language != "ru-RU" || len(a.ContextActivities.Parent) != 1 || a.Extensions["https://takedown.test/ext/seed"] != 7.0 {
		t.Errorf("the statement's own context was not merged: %s", items[1].Statement)
	}
	if r := completed.Result; r == nil || r.Completion == nil || !*r.Completion || r.Success != nil || r.Duration != "PT120S" {
		t.Errorf("completed = %s", items[2].Statement)
	}
	if r := passed.Result; r == nil || r.Success == nil || !*r.Success || r.Completion != nil || passed.Context.Extensions[ExtensionMasteryScore] != 0.8 {
		t.Errorf("passed = %s", items[3].Statement)
	}
	// The clock moves a minute per statement: terminated is 4 minutes after
	// initialized.
	if r := term.Result; r == nil || r.Duration != "PT4M" || r.Success != nil || r.Completion != nil {
		t.Errorf("terminated = %s", items[4].Statement)
	}
	if !strings.Contains(string(items[0].Statement), `"https://lms.test/ext/n":1.50`) {
		t.Errorf("a number in the template was re-encoded: %s", items[0].Statement)
	}
	if au.Registration() != (Outcome{Completed: true, Passed: true}) {
		t.Errorf("Registration = %+v", au.Registration())
	}

	// Delivered with the session's token, in order, with the same bytes.
	if _, err := o.Sync(context.Background(), au.LRS(), SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	checkDelivered(t, l.recorder, items)
	for _, q := range l.statementRequests() {
		if q.header.Get("Authorization") != "Basic dG9rMTIz" {
			t.Errorf("posted with Authorization %q", q.header.Get("Authorization"))
		}
	}
}

func TestAURefusals(t *testing.T) {
	l := newLMS(t)
	out := &memAdder{}
	c := newTestClock()
	au := NewAU(l.start(t), out, AUOptions{Now: c.now, NewID: ids(), Retry: fastRetry()})
	if err := au.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	other := Activity{ID: "https://takedown.test/evidence/e1"}
	tests := []struct {
		name string
		st   Statement
		err  string
	}{
		{"another learner", Statement{Verb: Verb{ID: VerbInitialized}, Object: au.Object(),
			Actor: Actor{ObjectType: "Agent", Account: Account{HomePage: "https://lms.academy.test", Name: "2"}}}, "learner the LMS launched"},
		{"not UTC", Statement{Verb: Verb{ID: VerbInitialized}, Object: au.Object(), Timestamp: "2026-03-01T12:00:00+03:00"}, "UTC"},
		{"bad id", Statement{ID: "x", Verb: Verb{ID: VerbInitialized}, Object: au.Object()}, "UUID"},
		{"bad duration", Statement{Verb: Verb{ID: VerbInitialized}, Object: au.Object(), Result: &Result{Duration: "2 minutes"}}, "duration"},
	}
	for _, tc := range tests {
		if _, err := au.Record(tc.st); err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s: Record = %v, want an error about %q", tc.name, err, tc.err)
		}
	}
	if len(out.items) != 0 {
		t.Fatalf("%d statements stored", len(out.items))
	}
	// A failed Add changes nothing: initialized can be recorded again.
	out.fail = errors.New("disk full")
	if _, err := au.Record(Statement{Verb: Verb{ID: VerbInitialized}, Object: au.Object()}); err == nil {
		t.Fatal("Record succeeded although Add failed")
	}
	if _, err := au.Record(Statement{Verb: Verb{ID: VerbInitialized}, Object: au.Object(), Timestamp: "2026-03-01T09:00:30.000Z"}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		st   Statement
		err  string
	}{
		{"time goes back", Statement{Verb: Verb{ID: "https://takedown.test/verbs/x"}, Object: other, Timestamp: "2026-03-01T09:00:29.999Z"}, "before the previous"},
		{"claims the cmi5 category", Statement{Verb: Verb{ID: "https://takedown.test/verbs/x"}, Object: other,
			Context: &Context{ContextActivities: &ContextActivities{Category: []Activity{{ID: CategoryCMI5}}}}}, "categories"},
		{"changes the session id", Statement{Verb: Verb{ID: "https://takedown.test/verbs/x"}, Object: other,
			Context: &Context{Extensions: map[string]any{ExtensionSessionID: "mine"}}}, "must not be changed"},
		{"another registration", Statement{Verb: Verb{ID: "https://takedown.test/verbs/x"}, Object: other,
			Context: &Context{Registration: "11111111-2222-4333-8444-555555555555"}}, "registration"},
		{"no id and no NewID", Statement{}, ""},
	} {
		if tc.err == "" {
			continue
		}
		if _, err := au.Record(tc.st); err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s: Record = %v, want an error about %q", tc.name, err, tc.err)
		}
	}
	noID := NewAU(l.start(t), out, AUOptions{Now: c.now})
	noID.data, noID.template = au.data, au.template
	if _, err := noID.Record(Statement{Verb: Verb{ID: VerbInitialized}, Object: au.Object()}); err == nil || !strings.Contains(err.Error(), "no id") {
		t.Errorf("Record without an id = %v", err)
	}
}

func TestAUPriorFromLRS(t *testing.T) {
	l := newLMS(t)
	l.prior = `{"statements":[{"id":"00000000-0000-4000-8000-000000000001","actor":` + testActor + `,` +
		`"verb":{"id":"` + VerbCompleted + `"},"object":{"id":"` + testActivity + `"},` +
		`"context":{"contextActivities":{"category":[{"id":"` + CategoryCMI5 + `"}]}}}],"more":""}`
	out := &memAdder{}
	au := NewAU(l.start(t), out, AUOptions{Now: newTestClock().now, NewID: ids(), Retry: fastRetry()})
	if err := au.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	if au.Registration() != (Outcome{Completed: true}) {
		t.Fatalf("Registration = %+v", au.Registration())
	}
	au.Record(Statement{Verb: Verb{ID: VerbInitialized}, Object: au.Object()})
	var oe *OrderError
	if _, err := au.Record(Statement{Verb: Verb{ID: VerbCompleted}, Object: au.Object(), Result: &Result{Duration: "PT1M"}}); !errors.As(err, &oe) {
		t.Errorf("a second completed in the registration: %v", err)
	}
}

package records

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"slices"
	"testing"
	"time"
)

// sleeper records the waits Sync asks for instead of sleeping.
type sleeper struct{ waits []time.Duration }

func (s *sleeper) sleep(ctx context.Context, d time.Duration) error {
	s.waits = append(s.waits, d)
	return ctx.Err()
}

func fixedNow() time.Time { return time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC) }

func openTest(t *testing.T, dir string) *Outbox {
	t.Helper()
	o, err := OpenOutbox(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	return o
}

func addN(t *testing.T, o *Outbox, from, to int) []Item {
	t.Helper()
	var items []Item
	for i := from; i < to; i++ {
		it := testStatement(i)
		if err := o.Add(it.ID, it.Statement); err != nil {
			t.Fatal(err)
		}
		items = append(items, it)
	}
	return items
}

// checkDelivered fails unless the recorder stored exactly items, with their
// bytes, each once.
func checkDelivered(t *testing.T, r *recorder, items []Item) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.stored) != len(items) {
		t.Errorf("the LRS stored %d statements, want %d", len(r.stored), len(items))
	}
	for _, it := range items {
		if got, ok := r.stored[it.ID]; !ok {
			t.Errorf("statement %s never reached the LRS", it.ID)
		} else if !bytes.Equal(got, it.Statement) {
			t.Errorf("statement %s reached the LRS as\n%s\nnot\n%s", it.ID, got, it.Statement)
		}
	}
	if len(r.conflicts) > 0 {
		t.Errorf("conflicts at the LRS: %v", r.conflicts)
	}
}

// acceptedOnce fails if an id was in more than one request the LRS
// answered with success.
func acceptedOnce(t *testing.T, r *recorder) {
	t.Helper()
	seen := map[string]int{}
	for _, q := range r.statementRequests() {
		if q.status/100 != 2 {
			continue
		}
		items, _ := splitStatements(q.body)
		for _, it := range items {
			seen[it.ID]++
			if seen[it.ID] == 2 {
				t.Errorf("statement %s was accepted by the LRS in two requests", it.ID)
			}
		}
	}
}

func TestSyncStatuses(t *testing.T) {
	type want struct {
		err        any // nil or a pointer to the error type wanted
		sent       int
		already    int
		dead       int
		pending    int
		requests   int
		retries    int
		deadStatus int
	}
	tests := []struct {
		name    string
		n       int // statements
		script  []int
		bad     []int // statements the LRS finds invalid
		known   []int // statements the LRS already has
		strict  bool
		success int
		opts    SyncOptions
		want    want
	}{
		{name: "200 in batches", n: 120,
			want: want{sent: 120, requests: 3}},
		{name: "204 in batches", n: 60, success: 204,
			want: want{sent: 60, requests: 2}},
		{name: "batch size 7", n: 20, opts: SyncOptions{BatchSize: 7},
			want: want{sent: 20, requests: 3}},
		{name: "409 on a batch resends singly", n: 5, script: []int{409},
			want: want{sent: 5, requests: 6}},
		{name: "409 on one is already stored", n: 3, known: []int{1}, strict: true,
			want: want{sent: 2, already: 1, requests: 4}},
		{name: "400 on a batch, then on one: dead letter and go on", n: 4, bad: []int{2},
			want: want{sent: 3, dead: 1, requests: 5, deadStatus: 400}},
		{name: "413 on one: dead letter", n: 1, script: []int{413},
			want: want{dead: 1, requests: 1, deadStatus: 413}},
		{name: "400 alone", n: 1, bad: []int{0},
			want: want{dead: 1, requests: 1, deadStatus: 400}},
		{name: "401 stops", n: 60, script: []int{401},
			want: want{err: new(*AuthError), pending: 60, requests: 1}},
		{name: "403 stops", n: 3, script: []int{0, 403}, opts: SyncOptions{BatchSize: 1},
			want: want{err: new(*AuthError), sent: 1, pending: 2, requests: 2}},
		{name: "401 on a single after a batch 409", n: 3, script: []int{409, 0, 401},
			want: want{err: new(*AuthError), sent: 1, pending: 2, requests: 3}},
		{name: "503 then success", n: 3, script: []int{503, 502},
			want: want{sent: 3, requests: 3, retries: 2}},
		{name: "429 and 408 are temporary", n: 3, script: []int{429, 408},
			want: want{sent: 3, requests: 3, retries: 2}},
		{name: "500 until attempts run out", n: 3, script: []int{500, 500, 500, 500, 500},
			want: want{err: new(*RetryError), pending: 3, requests: 5, retries: 4}},
		{name: "3 attempts", n: 3, script: []int{500, 500, 500}, opts: SyncOptions{Attempts: 3},
			want: want{err: new(*RetryError), pending: 3, requests: 3, retries: 2}},
		{name: "404 is a wrong endpoint", n: 3, script: []int{404},
			want: want{err: new(*StatusError), pending: 3, requests: 1}},
		{name: "a redirect is not followed", n: 3, script: []int{307},
			want: want{err: new(*StatusError), pending: 3, requests: 1}},
		{name: "nothing to send", n: 0,
			want: want{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := newRecorder(t)
			r.script = tc.script
			r.strict = tc.strict
			r.success = tc.success
			o := openTest(t, t.TempDir())
			items := addN(t, o, 0, tc.n)
			for _, i := range tc.bad {
				r.bad[items[i].ID] = true
			}
			for _, i := range tc.known {
				r.stored[items[i].ID] = items[i].Statement
			}
			var sl sleeper
			opts := tc.opts
			opts.Sleep, opts.Now = sl.sleep, fixedNow
			rep, err := o.Sync(context.Background(), r.lrs(t), opts)
			w := tc.want
			switch {
			case w.err == nil && err != nil:
				t.Fatalf("Sync: %v", err)
			case w.err != nil && !errors.As(err, w.err):
				t.Fatalf("Sync error = %v (%T), want %T", err, err, w.err)
			}
			got := want{err: w.err, sent: rep.Sent, already: rep.AlreadyStored, dead: rep.DeadLettered,
				pending: o.Pending(), requests: rep.Requests, retries: rep.Retries, deadStatus: w.deadStatus}
			if got != w {
				t.Errorf("got %+v\nwant %+v", got, w)
			}
			if n := len(r.statementRequests()); n != rep.Requests {
				t.Errorf("the LRS saw %d requests, the report says %d", n, rep.Requests)
			}
			if len(sl.waits) != rep.Retries {
				t.Errorf("%d sleeps for %d retries", len(sl.waits), rep.Retries)
			}
			dl := o.DeadLetters()
			if len(dl) != w.dead {
				t.Fatalf("%d dead letters, want %d", len(dl), w.dead)
			}
			for _, d := range dl {
				i := slices.IndexFunc(items, func(it Item) bool { return it.ID == d.ID })
				if i < 0 || !bytes.Equal(d.Statement, items[i].Statement) {
					t.Errorf("dead letter %s does not hold the statement's exact bytes", d.ID)
				}
				if d.Status != w.deadStatus || d.Answer == "" || !d.Time.Equal(fixedNow()) {
					t.Errorf("dead letter = status %d, answer %q, time %v", d.Status, d.Answer, d.Time)
				}
			}
			st := o.Status()
			if st.Pending != w.pending || st.Dead != w.dead || st.Sent != w.sent+w.already || st.Syncing ||
				!st.LastAttempt.Equal(fixedNow()) || (st.LastError == nil) != (w.err == nil) {
				t.Errorf("Status = %+v", st)
			}
			acceptedOnce(t, r)
			checkInvariants(t, o)
			if w.err == nil {
				delivered := slices.DeleteFunc(slices.Clone(items), func(it Item) bool {
					return slices.ContainsFunc(dl, func(d DeadLetter) bool { return d.ID == it.ID })
				})
				checkDelivered(t, r, delivered)
			}
			// What was decided survives reopening.
			o.Close()
			o2 := openTest(t, o.Dir())
			if o2.Pending() != w.pending || len(o2.DeadLetters()) != w.dead {
				t.Errorf("after reopening: %d pending, %d dead", o2.Pending(), len(o2.DeadLetters()))
			}
			for i, d := range o2.DeadLetters() {
				if !bytes.Equal(d.Statement, dl[i].Statement) || d.Answer != dl[i].Answer || !d.Time.Equal(dl[i].Time) {
					t.Errorf("dead letter %s changed when reopened", d.ID)
				}
			}
			checkInvariants(t, o2)
		})
	}
}

func TestSyncBatchBody(t *testing.T) {
	r := newRecorder(t)
	o := openTest(t, t.TempDir())
	items := addN(t, o, 0, 3)
	if _, err := o.Sync(context.Background(), r.lrs(t), SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	reqs := r.statementRequests()
	want := "[" + string(items[0].Statement) + "," + string(items[1].Statement) + "," + string(items[2].Statement) + "]"
	if len(reqs) != 1 || string(reqs[0].body) != want {
		t.Fatalf("body = %s\nwant %s", reqs[0].body, want)
	}
	h := reqs[0].header
	if h.Get("X-Experience-API-Version") != "1.0.3" || h.Get("Content-Type") != "application/json" ||
		h.Get("Authorization") != "Basic dGVzdDpzZWNyZXQ=" || reqs[0].method != http.MethodPost {
		t.Errorf("headers = %v", h)
	}
}

// TestSyncResendsExactBytes checks that every retry, in the same Sync and
// in a later one, sends the same bytes, and that a single is the
// statement's bytes alone.
func TestSyncResendsExactBytes(t *testing.T) {
	r := newRecorder(t)
	o := openTest(t, t.TempDir())
	items := addN(t, o, 0, 4)
	r.script = []int{503, 503, 503, 503, 503, 503, 409, 0, 503, 0, 0, 0}
	var sl sleeper
	opts := SyncOptions{Sleep: sl.sleep, Attempts: 3}
	if _, err := o.Sync(context.Background(), r.lrs(t), opts); !IsTemporary(err) {
		t.Fatalf("first Sync: %v", err)
	}
	if _, err := o.Sync(context.Background(), r.lrs(t), opts); !IsTemporary(err) {
		t.Fatalf("second Sync: %v", err)
	}
	rep, err := o.Sync(context.Background(), r.lrs(t), opts)
	if err != nil {
		t.Fatalf("third Sync: %v", err)
	}
	reqs := r.statementRequests()
	batch := "[" + string(bytes.Join([][]byte{items[0].Statement, items[1].Statement, items[2].Statement, items[3].Statement}, []byte(","))) + "]"
	for i := range 7 {
		if string(reqs[i].body) != batch {
			t.Errorf("request %d differs from the first batch:\n%s", i, reqs[i].body)
		}
	}
	singles := []string{string(items[0].Statement), string(items[1].Statement), string(items[1].Statement), string(items[2].Statement), string(items[3].Statement)}
	for i, s := range singles {
		if got := string(reqs[7+i].body); got != s {
			t.Errorf("single %d = %s\nwant %s", i, got, s)
		}
	}
	if rep.Sent != 4 || o.Pending() != 0 {
		t.Errorf("report %+v, %d pending", rep, o.Pending())
	}
	checkDelivered(t, r, items)
	acceptedOnce(t, r)
}

func TestSyncBackoff(t *testing.T) {
	tests := []struct {
		name       string
		opts       SyncOptions
		retryAfter string
		want       []time.Duration
	}{
		{"doubling from 1s", SyncOptions{Attempts: 6}, "",
			[]time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second}},
		{"capped", SyncOptions{Attempts: 5, MinBackoff: 10 * time.Second, MaxBackoff: 25 * time.Second}, "",
			[]time.Duration{10 * time.Second, 20 * time.Second, 25 * time.Second, 25 * time.Second}},
		{"Retry-After is honoured up to the cap", SyncOptions{Attempts: 3, MaxBackoff: 90 * time.Second}, "120",
			[]time.Duration{90 * time.Second, 90 * time.Second}},
		{"Retry-After above the backoff", SyncOptions{Attempts: 3}, "7",
			[]time.Duration{7 * time.Second, 7 * time.Second}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := newRecorder(t)
			r.retryAfter = tc.retryAfter
			for range tc.opts.Attempts {
				r.script = append(r.script, 503)
			}
			o := openTest(t, t.TempDir())
			addN(t, o, 0, 1)
			var sl sleeper
			opts := tc.opts
			opts.Sleep = sl.sleep
			if _, err := o.Sync(context.Background(), r.lrs(t), opts); !IsTemporary(err) {
				t.Fatalf("Sync: %v", err)
			}
			if !slices.Equal(sl.waits, tc.want) {
				t.Errorf("waits = %v, want %v", sl.waits, tc.want)
			}
		})
	}
}

func TestSyncJitter(t *testing.T) {
	run := func(seed uint64) []time.Duration {
		r := newRecorder(t)
		r.script = []int{503, 503, 503, 503, 503}
		o := openTest(t, t.TempDir())
		addN(t, o, 0, 1)
		var sl sleeper
		opts := SyncOptions{Sleep: sl.sleep, Jitter: rand.New(rand.NewPCG(seed, 1))}
		o.Sync(context.Background(), r.lrs(t), opts)
		return sl.waits
	}
	a, b, c := run(1), run(1), run(2)
	if !slices.Equal(a, b) {
		t.Errorf("the same seed gave %v and %v", a, b)
	}
	if slices.Equal(a, c) {
		t.Errorf("different seeds gave the same waits %v", a)
	}
	for i, d := range a {
		full := time.Second << i
		if d < full/2 || d > full {
			t.Errorf("wait %d = %v, not in [%v, %v]", i, d, full/2, full)
		}
	}
}

func TestSyncNetworkError(t *testing.T) {
	r := newRecorder(t)
	lrs := r.lrs(t)
	r.srv.Close() // nothing listens any more
	o := openTest(t, t.TempDir())
	addN(t, o, 0, 2)
	var sl sleeper
	rep, err := o.Sync(context.Background(), lrs, SyncOptions{Sleep: sl.sleep, Attempts: 4})
	var re *RetryError
	if !errors.As(err, &re) || re.Err == nil || re.Attempts != 4 {
		t.Fatalf("Sync error = %v", err)
	}
	if rep.Requests != 4 || len(sl.waits) != 3 || o.Pending() != 2 {
		t.Errorf("report %+v, waits %v, %d pending", rep, sl.waits, o.Pending())
	}
	if st := o.Status(); !IsTemporary(st.LastError) || !st.LastSuccess.IsZero() {
		t.Errorf("Status = %+v", st)
	}
}

func TestSyncCancelledDuringBackoff(t *testing.T) {
	r := newRecorder(t)
	r.script = []int{503, 503}
	o := openTest(t, t.TempDir())
	addN(t, o, 0, 1)
	ctx, cancel := context.WithCancel(context.Background())
	opts := SyncOptions{Sleep: func(ctx context.Context, d time.Duration) error {
		cancel()
		return ctx.Err()
	}}
	if _, err := o.Sync(ctx, r.lrs(t), opts); !errors.Is(err, context.Canceled) {
		t.Fatalf("Sync = %v", err)
	}
	if o.Pending() != 1 {
		t.Error("the statement was lost")
	}
}

func TestSyncWithAddsMeanwhile(t *testing.T) {
	r := newRecorder(t)
	o := openTest(t, t.TempDir())
	items := addN(t, o, 0, 50)
	done := make(chan []Item)
	go func() {
		var more []Item
		for i := 50; i < 200; i++ {
			it := testStatement(i)
			if err := o.Add(it.ID, it.Statement); err != nil {
				t.Error(err)
			}
			more = append(more, it)
		}
		done <- more
	}()
	if _, err := o.Sync(context.Background(), r.lrs(t), SyncOptions{BatchSize: 10}); err != nil {
		t.Fatal(err)
	}
	items = append(items, <-done...)
	if _, err := o.Sync(context.Background(), r.lrs(t), SyncOptions{BatchSize: 10}); err != nil {
		t.Fatal(err)
	}
	checkDelivered(t, r, items)
	acceptedOnce(t, r)
	// The LRS got them in the order added.
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, id := range r.order {
		if id != items[i].ID {
			t.Fatalf("statement %d stored at the LRS is %s, want %s", i, id, items[i].ID)
		}
	}
}

package records

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
)

// recorder is a test LRS that records the requests it gets and answers with
// scripted statuses. Beyond the script it keeps statements by id as an LRS
// does: a new id is stored, a known id with the same bytes is accepted again
// without being stored twice (or answered 409, as strict LRSs do), and a
// known id with different bytes is a conflict, which the tests fail on.
type recorder struct {
	t      testing.TB
	srv    *httptest.Server
	auth   string // the Authorization header expected
	strict bool   // answer 409 to a request with a known id

	once sync.Once

	mu        sync.Mutex
	script    []int           // statuses to answer before anything is stored
	bad       map[string]bool // ids answered 400, as invalid statements
	stored    map[string][]byte
	order     []string       // ids in the order stored
	received  map[string]int // how often each id came in a request
	again     int            // statements that came when already stored
	conflicts []string
	requests  []recorded
	// onStored, when set, is called after a request's statements are
	// stored and before it is answered.
	onStored func(n int)
	// handle, when set, answers other paths (cmi5 fetch, state, ...).
	handle     func(w http.ResponseWriter, r *http.Request, body []byte) bool
	retryAfter string
	success    int           // the status of a success; 200 when zero
	delay      time.Duration // before answering each request
}

type recorded struct {
	method, path, query string
	header              http.Header
	body                []byte
	status              int
}

func newRecorder(t testing.TB) *recorder {
	r := &recorder{
		t:        t,
		auth:     "Basic " + "dGVzdDpzZWNyZXQ=", // test:secret
		bad:      map[string]bool{},
		stored:   map[string][]byte{},
		received: map[string]int{},
	}
	return r
}

// url starts the server, on first use, and returns its address. Tests set
// the recorder's fields before: the server's goroutines then see them.
func (r *recorder) url() string {
	r.once.Do(func() {
		r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
		r.t.Cleanup(r.srv.Close)
	})
	return r.srv.URL
}

func (r *recorder) config() Config {
	return Config{Endpoint: r.url() + "/xapi/", Username: "test", Password: "secret"}
}

func (r *recorder) lrs(t testing.TB) *LRS {
	l, err := NewLRS(r.config(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func (r *recorder) serve(w http.ResponseWriter, req *http.Request) {
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return // the client died while sending: an LRS would store nothing
	}
	if r.delay > 0 {
		time.Sleep(r.delay)
	}
	r.mu.Lock()
	rec := recorded{method: req.Method, path: req.URL.Path, query: req.URL.RawQuery, header: req.Header.Clone(), body: body}
	i := len(r.requests)
	r.requests = append(r.requests, rec)
	r.mu.Unlock()
	status, answer := r.answer(w, req, body)
	r.mu.Lock()
	r.requests[i].status = status
	r.mu.Unlock()
	if status == 0 {
		return // answered by handle
	}
	if r.retryAfter != "" && status >= 500 {
		w.Header().Set("Retry-After", r.retryAfter)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(answer)
}

func (r *recorder) answer(w http.ResponseWriter, req *http.Request, body []byte) (int, []byte) {
	if r.handle != nil && r.handle(w, req, body) {
		return 0, nil
	}
	if req.URL.Path != "/xapi/statements" || req.Method != http.MethodPost {
		return 404, []byte(`{"error":"not found"}`)
	}
	if req.Header.Get("Authorization") != r.auth {
		return 401, []byte(`{"error":"bad credentials"}`)
	}
	if req.Header.Get("X-Experience-API-Version") != "1.0.3" || req.Header.Get("Content-Type") != "application/json" {
		return 400, []byte(`{"error":"xAPI headers missing"}`)
	}
	items, err := splitStatements(body)
	if err != nil {
		r.t.Errorf("recorder: %v in %q", err, body)
		return 400, []byte(`{"error":"bad body"}`)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	known := false
	for _, it := range items {
		id := strings.ToLower(it.ID)
		r.received[id]++
		if old, ok := r.stored[id]; ok {
			known = true
			r.again++
			if !bytes.Equal(old, it.Statement) {
				r.conflicts = append(r.conflicts, id)
				r.t.Errorf("recorder: statement %s posted with different bytes:\n%s\nafter\n%s", id, it.Statement, old)
			}
		}
	}
	if len(r.script) > 0 {
		st := r.script[0]
		r.script = r.script[1:]
		if st != 0 {
			return st, []byte(fmt.Sprintf(`{"scripted":%d}`, st))
		}
	}
	for _, it := range items {
		if r.bad[strings.ToLower(it.ID)] {
			return 400, []byte(`{"error":"invalid statement ` + it.ID + `"}`)
		}
	}
	if known && r.strict {
		return 409, []byte(`{"error":"conflict"}`)
	}
	ids := make([]string, 0, len(items))
	for _, it := range items {
		id := strings.ToLower(it.ID)
		ids = append(ids, id)
		if _, ok := r.stored[id]; !ok {
			r.stored[id] = bytes.Clone(it.Statement)
			r.order = append(r.order, id)
		}
	}
	if r.onStored != nil {
		r.onStored(len(r.requests))
	}
	out, _ := json.Marshal(ids)
	if r.success != 0 {
		return r.success, nil
	}
	return 200, out
}

// statementRequests returns the recorded posts to the statements resource.
func (r *recorder) statementRequests() []recorded {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []recorded
	for _, q := range r.requests {
		if q.path == "/xapi/statements" {
			out = append(out, q)
		}
	}
	return out
}

// reposts returns how many times statements came again after the LRS had
// stored them.
func (r *recorder) reposts() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.again
}

// testStatement returns statement i of a test: deliberately formatted so
// that any re-encoding would change its bytes (spacing, a newline, key
// order, escapes, PT120S rather than PT2M, 1.50, Cyrillic).
func testStatement(i int) Item {
	id := uuid.NewSHA1(uuid.NameSpaceURL, []byte(fmt.Sprintf("https://takedown.test/statement/%d", i))).String()
	s := fmt.Sprintf(`{"verb": {"id":"http://adlnet.gov/expapi/verbs/experienced"},  "id":"%s",
 "actor":{"objectType":"Agent","account":{"name":"1625378","homePage":"https://lms.academy.test"}},
"object":{"id":"https://takedown.test/evidence/%d","definition":{"name":{"ru-RU":"Улика №%d \u00e9 <b>"}}},
"result":{"duration":"PT120S","score":{"scaled":1.50e-1}},"timestamp":"2026-03-01T09:%02d:00.000Z"}`, id, i, i, i%60)
	return Item{ID: id, Statement: []byte(s)}
}

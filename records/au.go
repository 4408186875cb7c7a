package records

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
)

// Adder stores a statement's exact bytes under its id; *Outbox is one.
type Adder interface {
	Add(id string, statement []byte) error
}

// Outcome says which cmi5 defined statements of the AU the registration
// already has from earlier sessions.
type Outcome struct {
	Completed bool
	Passed    bool
}

// AUOptions are what an AU session uses besides the launch.
type AUOptions struct {
	// Client makes the HTTP requests; nil means a client with a 30 s
	// timeout.
	Client *http.Client
	// Now is the clock for statements recorded without a timestamp; nil
	// means time.Now.
	Now func() time.Time
	// NewID returns an id for a statement recorded without one; nil means
	// such statements are refused (give every statement its id).
	NewID func() (string, error)
	// Prior is what the registration has from earlier sessions, when the
	// app knows it (say, from its own records); Start adds what the LRS
	// says.
	Prior Outcome
	// Retry sets the attempts and backoff of Start's reads; its batch
	// fields are not used.
	Retry SyncOptions
}

// AU is one session of Takedown launched by an LMS as a cmi5 assignable
// unit. Start fetches the session's token (once) and reads the launch data;
// Record then turns each statement the app sends into bytes with the cmi5
// context and stores them, refusing with an *OrderError what the cmi5 rules
// forbid. The statements go to the LMS's endpoint by an Outbox's Sync with
// LRS.
//
// The rules enforced (cmi5 section 9.3, "AU verb ordering rules"), where a
// cmi5 defined statement is one whose verb is initialized, completed,
// passed, failed or terminated and whose object is the AU:
//   - initialized is the first statement of the session, of any kind;
//   - terminated is the last: nothing is recorded after it;
//   - a cmi5 defined verb is used at most once in a session, and not both
//     passed and failed;
//   - completed and passed are sent at most once per registration, and
//     failed never after passed (passed after failed, in a later session,
//     is allowed: the learner may try again);
//   - in Browse and Review launch modes only initialized and terminated
//     are sent;
//   - timestamps, which give the order, never go back;
//   - launched, abandoned, waived and satisfied about the AU are the LMS's.
//
// The results must be as section 9.5 says (success only in passed and
// failed, completion only in completed, a score only in passed and failed
// and consistent with masteryScore, a duration in completed, passed, failed
// and terminated); Record fills what it can (success, completion, the
// duration of terminated since initialized) and refuses what contradicts.
//
// The context is the LMS's context template, with the registration, the
// cmi5 category in cmi5 defined statements, the moveOn category in
// completed, passed and failed, and the masteryScore extension in passed
// and failed when the LMS set one. A statement's own context is merged in
// but may not change a value of the template, nor claim the cmi5 or moveOn
// category when it is not cmi5 defined.
type AU struct {
	launch Launch
	out    Adder
	opts   AUOptions

	mu       sync.Mutex
	fetched  bool // the fetch URL was used, successfully or not
	fetchErr error
	lrs      *LRS
	data     *LaunchData
	template []byte // the context template as JSON, copied per statement
	prefs    LearnerPreferences
	problems []error

	initialized bool
	terminated  bool
	used        map[string]bool // cmi5 defined verbs of this session
	reg         Outcome
	initAt      time.Time
	last        time.Time
}

// NewAU returns the session of a launch, storing its statements in out. It
// does nothing on the network until Start.
func NewAU(l Launch, out Adder, opts AUOptions) *AU {
	if opts.Client == nil {
		opts.Client = &http.Client{Timeout: 30 * time.Second}
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	opts.Retry = opts.Retry.withDefaults()
	return &AU{launch: l, out: out, opts: opts, used: map[string]bool{}, reg: opts.Prior}
}

// Start prepares the session: it fetches the token from the fetch URL,
// once for the life of the AU, whatever happens; then reads LMS.LaunchData
// and, without failing if it cannot, the learner's preferences and whether
// the registration already has completed or passed. A failed fetch is
// returned again by every later Start (a *FetchError: the learner must
// launch again from the LMS); a failure after it may be retried by calling
// Start again. Start does nothing once it has succeeded.
func (a *AU) Start(ctx context.Context) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.data != nil {
		return nil
	}
	if !a.fetched {
		if err := ctx.Err(); err != nil {
			return err // nothing was sent: the fetch URL is still unused
		}
		a.fetched = true
		token, err := FetchToken(ctx, a.opts.Client, a.launch.Fetch)
		if err != nil {
			a.fetchErr = err
		} else {
			a.lrs, err = NewLRS(a.config(token), a.opts.Client)
			a.fetchErr = err
		}
	}
	if a.fetchErr != nil {
		return a.fetchErr
	}
	data, err := a.readLaunchData(ctx)
	if err != nil {
		return err
	}
	tmpl, err := json.Marshal(data.ContextTemplate)
	if err != nil {
		return err
	}
	a.problems = nil
	if err := a.readPreferences(ctx); err != nil {
		a.problems = append(a.problems, fmt.Errorf("cmi5: learner preferences: %w", err))
	}
	for _, v := range []string{VerbCompleted, VerbPassed} {
		has, err := a.registrationHas(ctx, v)
		switch {
		case err != nil:
			a.problems = append(a.problems, fmt.Errorf("cmi5: whether the registration has %s: %w", v, err))
		case has && v == VerbCompleted:
			a.reg.Completed = true
		case has && v == VerbPassed:
			a.reg.Passed = true
		}
	}
	a.data, a.template = data, tmpl
	return nil
}

func (a *AU) config(token string) Config {
	return Config{Endpoint: a.launch.Endpoint, Token: token, TokenScheme: "Basic", AllowHTTP: true}
}

// LRS returns the client for the session's endpoint and token, to Sync the
// session's outbox with; nil before Start has fetched the token.
func (a *AU) LRS() *LRS {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.lrs
}

// LaunchData returns LMS.LaunchData as read by Start; nil before.
func (a *AU) LaunchData() *LaunchData {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.data
}

// Preferences returns the learner's preferences as read by Start.
func (a *AU) Preferences() LearnerPreferences {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.prefs
}

// Problems returns what the last Start could not read but went on without.
func (a *AU) Problems() []error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return slices.Clone(a.problems)
}

// Registration returns what the registration has, as far as the session
// knows: from Prior, the LRS, and this session.
func (a *AU) Registration() Outcome {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.reg
}

// Object returns the AU as the object of its cmi5 defined statements.
func (a *AU) Object() Activity {
	return Activity{ObjectType: "Activity", ID: a.launch.ActivityID}
}

// query returns the launch's agent, activity and registration parameters.
func (a *AU) query() url.Values {
	return url.Values{
		"agent":        {a.launch.actorJSON},
		"activityId":   {a.launch.ActivityID},
		"registration": {a.launch.Registration},
	}
}

func (a *AU) getJSON(ctx context.Context, resource string, q url.Values) (Answer, error) {
	var r SyncReport
	ans, err := retry(ctx, a.opts.Retry, &r, func() (Answer, error) {
		return a.lrs.get(ctx, resource, q, 1<<20)
	})
	if err != nil {
		return Answer{}, err
	}
	switch {
	case ans.Status == 401 || ans.Status == 403:
		return ans, &AuthError{Status: ans.Status, Answer: string(ans.Body)}
	case ans.Status != 200 && ans.Status != 404:
		return ans, &StatusError{Status: ans.Status, Answer: string(ans.Body), URL: resourceURL(a.launch.Endpoint, resource)}
	}
	return ans, nil
}

func (a *AU) readLaunchData(ctx context.Context) (*LaunchData, error) {
	q := a.query()
	q.Set("stateId", "LMS.LaunchData")
	ans, err := a.getJSON(ctx, "activities/state", q)
	if err != nil {
		return nil, err
	}
	if ans.Status == 404 {
		return nil, errors.New("cmi5: the LMS has no LMS.LaunchData for this launch")
	}
	return parseLaunchData(ans.Body)
}

func (a *AU) readPreferences(ctx context.Context) error {
	q := url.Values{"agent": {a.launch.actorJSON}, "profileId": {"cmi5LearnerPreferences"}}
	ans, err := a.getJSON(ctx, "agents/profile", q)
	var auth *AuthError
	if errors.As(err, &auth) && auth.Status == 403 || err == nil && ans.Status == 404 {
		return nil // the LMS keeps none, or does not share them
	}
	if err != nil {
		return err
	}
	var p LearnerPreferences
	if err := json.Unmarshal(ans.Body, &p); err != nil {
		return err
	}
	a.prefs = p
	return nil
}

// registrationHas asks the LRS whether the registration has a cmi5 defined
// statement with the verb about the AU.
func (a *AU) registrationHas(ctx context.Context, verb string) (bool, error) {
	q := url.Values{
		"agent":        {a.launch.actorJSON},
		"activity":     {a.launch.ActivityID},
		"registration": {a.launch.Registration},
		"verb":         {verb},
		"limit":        {"50"},
	}
	ans, err := a.getJSON(ctx, "statements", q)
	if err != nil {
		return false, err
	}
	if ans.Status == 404 {
		return false, errors.New("the LRS has no statements resource")
	}
	var res struct {
		Statements []Statement `json:"statements"`
	}
	if err := json.Unmarshal(ans.Body, &res); err != nil {
		return false, err
	}
	for _, s := range res.Statements {
		if s.Object.ID == a.launch.ActivityID && s.Context != nil && hasActivity(s.Context.ContextActivities, CategoryCMI5) {
			return true, nil
		}
	}
	return false, nil
}

func hasActivity(ca *ContextActivities, id string) bool {
	return ca != nil && slices.ContainsFunc(ca.Category, func(x Activity) bool { return x.ID == id })
}

func isDefinedVerb(v string) bool {
	switch v {
	case VerbInitialized, VerbCompleted, VerbPassed, VerbFailed, VerbTerminated:
		return true
	}
	return false
}

func isLMSVerb(v string) bool {
	switch v {
	case VerbLaunched, VerbAbandoned, VerbWaived, VerbSatisfied:
		return true
	}
	return false
}

// verbName returns the last part of a verb's IRI: "passed".
func verbName(v string) string { return v[strings.LastIndexByte(v, '/')+1:] }

// Record completes a statement for the session, checks it against the cmi5
// rules, marshals it once and adds the bytes to the outbox. It fills the
// actor (the launch's), the timestamp (now, if empty), the id (from NewID,
// if empty), the verb's display (for cmi5 verbs) and the context as AU
// describes. The session's state changes only when the outbox has stored
// the statement. It returns the statement as stored.
func (a *AU) Record(st Statement) (Item, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.data == nil {
		return Item{}, ErrNotStarted
	}
	verb := st.Verb.ID
	defined := isDefinedVerb(verb) && st.Object.ID == a.launch.ActivityID
	refuse := func(rule string) (Item, error) { return Item{}, &OrderError{Verb: verb, Rule: rule} }
	switch {
	case isLMSVerb(verb) && st.Object.ID == a.launch.ActivityID:
		return refuse("only the LMS sends " + verbName(verb) + " about the AU")
	case a.terminated:
		return refuse("terminated was the last statement of the session; nothing may follow it")
	case !a.initialized && !(defined && verb == VerbInitialized):
		return refuse("initialized must be the first statement of the session")
	}
	if defined {
		if err := a.checkDefined(verb); err != nil {
			return Item{}, err
		}
	}

	// Fill and check the statement.
	if st.Actor == (Actor{}) {
		st.Actor = a.launch.Actor
	} else if st.Actor.Account != a.launch.Actor.Account {
		return Item{}, fmt.Errorf("cmi5: the actor must be the learner the LMS launched (%s on %s)",
			a.launch.Actor.Account.Name, a.launch.Actor.Account.HomePage)
	}
	if st.ID == "" {
		if a.opts.NewID == nil {
			return Item{}, errors.New("cmi5: the statement has no id")
		}
		id, err := a.opts.NewID()
		if err != nil {
			return Item{}, fmt.Errorf("cmi5: a new statement id: %w", err)
		}
		st.ID = id
	}
	u, err := uuid.Parse(st.ID)
	if err != nil || len(st.ID) != 36 {
		return Item{}, fmt.Errorf("cmi5: statement id %q is not a UUID", st.ID)
	}
	st.ID = u.String()
	at := a.opts.Now()
	if st.Timestamp == "" {
		st.Timestamp = FormatTimestamp(at)
	} else if at, err = time.Parse(time.RFC3339Nano, st.Timestamp); err != nil {
		return Item{}, fmt.Errorf("cmi5: timestamp %q is not an RFC 3339 time", st.Timestamp)
	} else if _, off := at.Zone(); off != 0 {
		return Item{}, fmt.Errorf("cmi5: timestamp %q is not in UTC", st.Timestamp)
	}
	if at.Before(a.last) {
		return refuse(fmt.Sprintf("its timestamp %s is before the previous statement's (%s); the order is the timestamps'",
			st.Timestamp, FormatTimestamp(a.last)))
	}
	if defined {
		st.Object.ObjectType = "Activity"
		if st.Verb.Display == nil {
			st.Verb.Display = LanguageMap{"en-US": verbName(verb)}
		}
		if st.Result, err = a.definedResult(verb, st.Result, at); err != nil {
			return Item{}, err
		}
	}
	if st.Context, err = a.context(verb, defined, st.Context); err != nil {
		return Item{}, err
	}
	if err := st.Check(); err != nil {
		return Item{}, fmt.Errorf("cmi5: %w", err)
	}
	b, err := marshal(st)
	if err != nil {
		return Item{}, err
	}
	if err := a.out.Add(st.ID, b); err != nil {
		return Item{}, err
	}

	a.last = at
	if defined {
		a.used[verb] = true
		switch verb {
		case VerbInitialized:
			a.initialized, a.initAt = true, at
		case VerbTerminated:
			a.terminated = true
		case VerbCompleted:
			a.reg.Completed = true
		case VerbPassed:
			a.reg.Passed = true
		}
	}
	return Item{ID: st.ID, Statement: b}, nil
}

// checkDefined applies the ordering rules to a cmi5 defined statement.
func (a *AU) checkDefined(verb string) error {
	refuse := func(rule string) error { return &OrderError{Verb: verb, Rule: rule} }
	judged := verb == VerbCompleted || verb == VerbPassed || verb == VerbFailed
	switch {
	case a.used[verb]:
		return refuse(verbName(verb) + " was already sent in this session")
	case judged && a.data.LaunchMode != LaunchNormal:
		return refuse("in " + a.data.LaunchMode + " mode only initialized and terminated are sent")
	case verb == VerbCompleted && a.reg.Completed:
		return refuse("completed is sent at most once per registration, and this one has it")
	case verb == VerbPassed && a.reg.Passed:
		return refuse("passed is sent at most once per registration, and this one has it")
	case verb == VerbPassed && a.used[VerbFailed]:
		return refuse("failed was sent in this session; a session has passed or failed, not both")
	case verb == VerbFailed && a.reg.Passed:
		return refuse("the registration has passed; failed must not follow it")
	}
	return nil
}

// definedResult checks and completes the result of a cmi5 defined
// statement (cmi5 section 9.5). It returns a copy.
func (a *AU) definedResult(verb string, r *Result, at time.Time) (*Result, error) {
	refuse := func(rule string) (*Result, error) { return nil, &OrderError{Verb: verb, Rule: rule} }
	var res Result
	if r != nil {
		res = *r
	}
	name := verbName(verb)
	if res.Success != nil && verb != VerbPassed && verb != VerbFailed {
		return refuse(name + " must not have a result success")
	}
	if res.Completion != nil && verb != VerbCompleted {
		return refuse(name + " must not have a result completion")
	}
	if res.Score != nil && verb != VerbPassed && verb != VerbFailed {
		return refuse(name + " must not have a score")
	}
	switch verb {
	case VerbCompleted:
		if res.Completion != nil && !*res.Completion {
			return refuse("completed must have completion true")
		}
		res.Completion = Bool(true)
	case VerbPassed, VerbFailed:
		want := verb == VerbPassed
		if res.Success != nil && *res.Success != want {
			return refuse(fmt.Sprintf("%s must have success %v", name, want))
		}
		res.Success = Bool(want)
		if m := a.data.MasteryScore; m != nil && res.Score != nil && res.Score.Scaled != nil {
			s := *res.Score.Scaled
			if want && s < *m {
				return refuse(fmt.Sprintf("a scaled score of %v is below the masteryScore %v", s, *m))
			}
			if !want && s >= *m {
				return refuse(fmt.Sprintf("a scaled score of %v reaches the masteryScore %v", s, *m))
			}
		}
		if res.Score != nil && res.Score.Scaled != nil && (*res.Score.Scaled < 0 || *res.Score.Scaled > 1) {
			return refuse("a cmi5 scaled score is between 0 and 1")
		}
	case VerbTerminated:
		if res.Duration == "" && !a.initAt.IsZero() {
			res.Duration = FormatDuration(at.Sub(a.initAt))
		}
	}
	if res.Duration == "" && verb != VerbInitialized {
		return refuse(name + " must have a result duration")
	}
	if reflect.ValueOf(res).IsZero() {
		return nil, nil
	}
	return &res, nil
}

// context builds a statement's context from the template and the
// statement's own context.
func (a *AU) context(verb string, defined bool, own *Context) (*Context, error) {
	dec := json.NewDecoder(bytes.NewReader(a.template))
	dec.UseNumber()
	var c Context
	if err := dec.Decode(&c); err != nil {
		return nil, err
	}
	if own != nil {
		if hasActivity(own.ContextActivities, CategoryCMI5) || hasActivity(own.ContextActivities, CategoryMoveOn) {
			return nil, errors.New("cmi5: Record adds the cmi5 and moveOn categories itself; leave them out of the statement's context")
		}
		if err := mergeContext(&c, own); err != nil {
			return nil, err
		}
	}
	if c.Registration != "" && !strings.EqualFold(c.Registration, a.launch.Registration) {
		return nil, fmt.Errorf("cmi5: the context's registration %s is not the launch's %s", c.Registration, a.launch.Registration)
	}
	c.Registration = a.launch.Registration
	if defined {
		if c.ContextActivities == nil {
			c.ContextActivities = &ContextActivities{}
		}
		addActivity(&c.ContextActivities.Category, CategoryCMI5)
		if verb == VerbCompleted || verb == VerbPassed || verb == VerbFailed {
			addActivity(&c.ContextActivities.Category, CategoryMoveOn)
		}
		if m := a.data.MasteryScore; m != nil && (verb == VerbPassed || verb == VerbFailed) {
			if c.Extensions == nil {
				c.Extensions = map[string]any{}
			}
			c.Extensions[ExtensionMasteryScore] = *m
		}
	}
	return &c, nil
}

func addActivity(list *[]Activity, id string) {
	if !slices.ContainsFunc(*list, func(x Activity) bool { return x.ID == id }) {
		*list = append(*list, Activity{ObjectType: "Activity", ID: id})
	}
}

// mergeContext adds own's values to c without changing any of c's.
func mergeContext(c *Context, own *Context) error {
	conflict := func(field string) error {
		return fmt.Errorf("cmi5: the statement's context %s differs from the LMS's context template, which must not be changed", field)
	}
	for _, f := range []struct {
		name string
		dst  *string
		src  string
		fold bool
	}{
		{"registration", &c.Registration, own.Registration, true},
		{"revision", &c.Revision, own.Revision, false},
		{"platform", &c.Platform, own.Platform, false},
		{"language", &c.Language, own.Language, false},
	} {
		switch {
		case f.src == "":
		case *f.dst == "":
			*f.dst = f.src
		case *f.dst != f.src && !(f.fold && strings.EqualFold(*f.dst, f.src)):
			return conflict(f.name)
		}
	}
	for _, f := range []struct {
		name string
		dst  *json.RawMessage
		src  json.RawMessage
	}{
		{"instructor", &c.Instructor, own.Instructor},
		{"team", &c.Team, own.Team},
		{"statement", &c.Statement, own.Statement},
	} {
		switch {
		case len(f.src) == 0:
		case len(*f.dst) == 0:
			*f.dst = f.src
		case !jsonEqual(*f.dst, f.src):
			return conflict(f.name)
		}
	}
	if oa := own.ContextActivities; oa != nil {
		if c.ContextActivities == nil {
			c.ContextActivities = &ContextActivities{}
		}
		ca := c.ContextActivities
		for _, l := range []struct {
			dst *[]Activity
			src []Activity
		}{{&ca.Parent, oa.Parent}, {&ca.Grouping, oa.Grouping}, {&ca.Category, oa.Category}, {&ca.Other, oa.Other}} {
			for _, x := range l.src {
				if !slices.ContainsFunc(*l.dst, func(y Activity) bool { return y.ID == x.ID }) {
					*l.dst = append(*l.dst, x)
				}
			}
		}
	}
	for k, v := range own.Extensions {
		if old, ok := c.Extensions[k]; ok {
			ob, _ := json.Marshal(old)
			nb, _ := json.Marshal(v)
			if !jsonEqual(ob, nb) {
				return conflict("extension " + k)
			}
			continue
		}
		if c.Extensions == nil {
			c.Extensions = map[string]any{}
		}
		c.Extensions[k] = v
	}
	return nil
}

// jsonEqual reports whether two JSON texts have the same value.
func jsonEqual(a, b []byte) bool {
	var x, y any
	da, db := json.NewDecoder(bytes.NewReader(a)), json.NewDecoder(bytes.NewReader(b))
	da.UseNumber()
	db.UseNumber()
	if da.Decode(&x) != nil || db.Decode(&y) != nil {
		return bytes.Equal(a, b)
	}
	return reflect.DeepEqual(x, y)
}

// marshal freezes a statement to bytes: JSON without HTML escaping, keys in
// the order of the types' fields and of sorted map keys, so the same
// statement always gives the same bytes.
func marshal(st Statement) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(st); err != nil {
		return nil, fmt.Errorf("cmi5: the statement cannot be written as JSON: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte{'\n'}), nil
}

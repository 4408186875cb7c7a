package records

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/google/uuid"
)

// cmi5 identifiers.
const (
	// Verbs an AU sends as cmi5 defined statements.
	VerbInitialized = "http://adlnet.gov/expapi/verbs/initialized"
	VerbCompleted   = "http://adlnet.gov/expapi/verbs/completed"
	VerbPassed      = "http://adlnet.gov/expapi/verbs/passed"
	VerbFailed      = "http://adlnet.gov/expapi/verbs/failed"
	VerbTerminated  = "http://adlnet.gov/expapi/verbs/terminated"
	// Verbs only the LMS sends.
	VerbLaunched  = "http://adlnet.gov/expapi/verbs/launched"
	VerbAbandoned = "https://w3id.org/xapi/adl/verbs/abandoned"
	VerbWaived    = "https://w3id.org/xapi/adl/verbs/waived"
	VerbSatisfied = "https://w3id.org/xapi/adl/verbs/satisfied"

	// CategoryCMI5 marks cmi5 defined statements.
	CategoryCMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
	// CategoryMoveOn marks cmi5 defined statements whose result has success
	// or completion.
	CategoryMoveOn = "https://w3id.org/xapi/cmi5/context/categories/moveon"
	// ExtensionSessionID is the context extension with the LMS's session id.
	ExtensionSessionID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
	// ExtensionMasteryScore is the context extension with the masteryScore
	// a passed or failed statement was judged by.
	ExtensionMasteryScore = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
)

// Launch modes in LMS.LaunchData.
const (
	LaunchNormal = "Normal"
	LaunchBrowse = "Browse"
	LaunchReview = "Review"
)

// Launch is what an LMS passes to an AU it launches: the xAPI endpoint,
// the one-time URL of the session's token, the learner, the registration
// and the AU's activity id.
type Launch struct {
	Endpoint     string
	Fetch        string
	Actor        Actor
	Registration string
	ActivityID   string
	// actorJSON is the actor parameter as given, for the agent parameter of
	// State and Agent Profile requests.
	actorJSON string
}

// ParseLaunch reads cmi5 launch parameters from a takedown:// link
// (takedown://launch?endpoint=...&fetch=...&actor=...&registration=...&activityId=...),
// from the URL an LMS would launch a web AU with (the same query on any
// http or https URL), or from the query alone, with or without its leading
// '?', as the command line passes it. The parameters may come in any order;
// others are ignored. See LaunchFromQuery for the checks.
func ParseLaunch(s string) (Launch, error) {
	s = strings.TrimSpace(s)
	raw := s
	lower := strings.ToLower(s)
	if strings.HasPrefix(lower, "takedown:") || strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
		u, err := url.Parse(s)
		if err != nil {
			return Launch{}, fmt.Errorf("cmi5 launch: %q is not a URL", s)
		}
		raw = u.RawQuery
	}
	q, err := url.ParseQuery(strings.TrimPrefix(raw, "?"))
	if err != nil {
		return Launch{}, fmt.Errorf("cmi5 launch: the parameters cannot be read: %v", err)
	}
	return LaunchFromQuery(q)
}

// LaunchFromQuery reads and checks cmi5 launch parameters: endpoint (an
// http or https URL), fetch (an http or https URL), actor (an Agent with an
// account, as JSON; an e-mail address is refused), registration (a UUID) and
// activityId (an IRI), each given exactly once.
func LaunchFromQuery(q url.Values) (Launch, error) {
	var errs []error
	get := func(name string) string {
		switch v := q[name]; {
		case len(v) == 0 || v[0] == "":
			errs = append(errs, fmt.Errorf("%s is missing", name))
		case len(v) > 1:
			errs = append(errs, fmt.Errorf("%s is given %d times", name, len(v)))
		default:
			return v[0]
		}
		return ""
	}
	l := Launch{
		Endpoint:     get("endpoint"),
		Fetch:        get("fetch"),
		actorJSON:    get("actor"),
		Registration: get("registration"),
		ActivityID:   get("activityId"),
	}
	if l.Endpoint != "" {
		if err := checkEndpoint(l.Endpoint, true); err != nil {
			errs = append(errs, fmt.Errorf("endpoint: %v", err))
		}
	}
	if l.Fetch != "" {
		if u, err := url.Parse(l.Fetch); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("fetch %q is not an http or https URL", l.Fetch))
		}
	}
	if l.actorJSON != "" {
		a, err := parseActor(l.actorJSON)
		if err != nil {
			errs = append(errs, err)
		}
		l.Actor = a
	}
	if l.Registration != "" {
		if _, err := uuid.Parse(l.Registration); err != nil || len(l.Registration) != 36 {
			errs = append(errs, fmt.Errorf("registration %q is not a UUID", l.Registration))
		}
	}
	if l.ActivityID != "" && !isIRI(l.ActivityID) {
		errs = append(errs, fmt.Errorf("activityId %q is not an IRI", l.ActivityID))
	}
	if err := errors.Join(errs...); err != nil {
		return Launch{}, fmt.Errorf("cmi5 launch: %w", err)
	}
	return l, nil
}

// parseActor reads the actor launch parameter.
func parseActor(s string) (Actor, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(s), &fields); err != nil {
		return Actor{}, fmt.Errorf("actor is not a JSON object: %v", err)
	}
	for _, k := range []string{"mbox", "mbox_sha1sum", "openid"} {
		if _, ok := fields[k]; ok {
			return Actor{}, fmt.Errorf("actor is identified by %s; cmi5 requires an account (homePage and name)", k)
		}
	}
	if _, ok := fields["account"]; !ok {
		return Actor{}, errors.New("actor has no account; cmi5 requires an account (homePage and name)")
	}
	var a Actor
	if err := json.Unmarshal([]byte(s), &a); err != nil {
		return Actor{}, fmt.Errorf("actor: %v", err)
	}
	if a.ObjectType == "" {
		a.ObjectType = "Agent" // xAPI's default for an actor
	}
	if err := a.Check(); err != nil {
		return Actor{}, err
	}
	return a, nil
}

// FetchToken makes the one POST to the launch's fetch URL and returns the
// auth-token. It does not retry: the URL is for one use, so a second request
// could only be refused. Every failure is a *FetchError; the cmi5 error-code
// and error-text of an LMS's refusal are in it. An AU calls it through
// Start, which makes sure it is called once.
func FetchToken(ctx context.Context, client *http.Client, fetch string) (string, error) {
	var c http.Client
	if client != nil {
		c = *client
	}
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fetch, http.NoBody)
	if err != nil {
		return "", &FetchError{Err: err}
	}
	resp, err := c.Do(req)
	if err != nil {
		return "", &FetchError{Err: err}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return "", &FetchError{Status: resp.StatusCode, Err: err}
	}
	var answer map[string]json.RawMessage
	jsonErr := json.Unmarshal(b, &answer)
	if resp.StatusCode != http.StatusOK || jsonErr != nil {
		fe := &FetchError{}
		fe.Code, fe.Text = errorCode(answer)
		if resp.StatusCode == http.StatusOK {
			fe.Err = fmt.Errorf("the answer is not a JSON object: %v", jsonErr)
		} else {
			fe.Status = resp.StatusCode
		}
		return "", fe
	}
	if raw, ok := answer["auth-token"]; ok {
		var token string
		if err := json.Unmarshal(raw, &token); err != nil || token == "" || strings.ContainsFunc(token, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
			return "", &FetchError{Err: errors.New("the auth-token is not a usable string")}
		}
		return token, nil
	}
	code, text := errorCode(answer)
	if code == "" {
		return "", &FetchError{Err: errors.New(`the answer has neither "auth-token" nor "error-code"`)}
	}
	return "", &FetchError{Code: code, Text: text}
}

// errorCode reads a cmi5 fetch error, whose code may come as a string or a
// number.
func errorCode(answer map[string]json.RawMessage) (code, text string) {
	if raw, ok := answer["error-code"]; ok {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			s = string(bytes.TrimSpace(raw))
		}
		code = s
	}
	if raw, ok := answer["error-text"]; ok {
		_ = json.Unmarshal(raw, &text)
	}
	return code, text
}

// LaunchData is the LMS.LaunchData state document the LMS writes for each
// launch.
type LaunchData struct {
	ContextTemplate  Context         `json:"contextTemplate"`
	LaunchMode       string          `json:"launchMode"`
	LaunchParameters string          `json:"launchParameters,omitempty"`
	MasteryScore     *float64        `json:"masteryScore,omitempty"`
	MoveOn           string          `json:"moveOn,omitempty"`
	ReturnURL        string          `json:"returnURL,omitempty"`
	EntitlementKey   *EntitlementKey `json:"entitlementKey,omitempty"`
}

// EntitlementKey is LMS.LaunchData's entitlementKey.
type EntitlementKey struct {
	CourseStructure string `json:"courseStructure,omitempty"`
	Alternate       string `json:"alternate,omitempty"`
}

// SessionID returns the session id in the context template, or "".
func (d *LaunchData) SessionID() string {
	s, _ := d.ContextTemplate.Extensions[ExtensionSessionID].(string)
	return s
}

// parseLaunchData reads and checks an LMS.LaunchData document.
func parseLaunchData(b []byte) (*LaunchData, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber() // extension values keep their exact numbers
	var d LaunchData
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("cmi5: LMS.LaunchData cannot be read: %v", err)
	}
	switch {
	case d.LaunchMode != LaunchNormal && d.LaunchMode != LaunchBrowse && d.LaunchMode != LaunchReview:
		return nil, fmt.Errorf("cmi5: LMS.LaunchData has launchMode %q, not Normal, Browse or Review", d.LaunchMode)
	case d.SessionID() == "":
		return nil, errors.New("cmi5: LMS.LaunchData's contextTemplate has no session id")
	case d.MasteryScore != nil && !(*d.MasteryScore >= 0 && *d.MasteryScore <= 1):
		return nil, fmt.Errorf("cmi5: LMS.LaunchData's masteryScore %v is not between 0 and 1", *d.MasteryScore)
	}
	return &d, nil
}

// LearnerPreferences is the learner's cmi5LearnerPreferences agent
// profile; empty when the LMS has none.
type LearnerPreferences struct {
	// LanguagePreference lists RFC 5646 tags, most preferred first, comma
	// separated: "ru-RU,en-US".
	LanguagePreference string `json:"languagePreference,omitempty"`
	AudioPreference    string `json:"audioPreference,omitempty"` // "on" or "off"
}

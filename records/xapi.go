package records

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// The xAPI 1.0.3 types a statement is built from: only what Takedown needs.
// A learner is always an Agent with an account on the academy's home page,
// never an e-mail address; the types have no field for one.

// LanguageMap maps RFC 5646 language tags, such as "en-US" or "ru-RU", to
// text in that language.
type LanguageMap map[string]string

// Statement is an xAPI statement whose object is an activity.
type Statement struct {
	ID        string   `json:"id,omitempty"` // a UUID
	Actor     Actor    `json:"actor"`
	Verb      Verb     `json:"verb"`
	Object    Activity `json:"object"`
	Result    *Result  `json:"result,omitempty"`
	Context   *Context `json:"context,omitempty"`
	Timestamp string   `json:"timestamp,omitempty"` // see FormatTimestamp
}

// Actor is the learner: an Agent identified by an account.
type Actor struct {
	ObjectType string  `json:"objectType"` // "Agent"
	Name       string  `json:"name,omitempty"`
	Account    Account `json:"account"`
}

// Account identifies a learner by a name (often a number) on a system, the
// academy's LMS, given by its home page.
type Account struct {
	HomePage string `json:"homePage"`
	Name     string `json:"name"`
}

// Verb is what the learner did, identified by an IRI.
type Verb struct {
	ID      string      `json:"id"`
	Display LanguageMap `json:"display,omitempty"`
}

// Activity is a thing the learner interacted with, identified by an IRI.
type Activity struct {
	ObjectType string              `json:"objectType,omitempty"` // "Activity" or empty
	ID         string              `json:"id"`
	Definition *ActivityDefinition `json:"definition,omitempty"`
}

// ActivityDefinition describes an activity.
type ActivityDefinition struct {
	Name                    LanguageMap            `json:"name,omitempty"`
	Description             LanguageMap            `json:"description,omitempty"`
	Type                    string                 `json:"type,omitempty"`
	MoreInfo                string                 `json:"moreInfo,omitempty"`
	InteractionType         string                 `json:"interactionType,omitempty"`
	CorrectResponsesPattern []string               `json:"correctResponsesPattern,omitempty"`
	Choices                 []InteractionComponent `json:"choices,omitempty"`
	Scale                   []InteractionComponent `json:"scale,omitempty"`
	Source                  []InteractionComponent `json:"source,omitempty"`
	Target                  []InteractionComponent `json:"target,omitempty"`
	Steps                   []InteractionComponent `json:"steps,omitempty"`
	Extensions              map[string]any         `json:"extensions,omitempty"`
}

// InteractionComponent is one choice, scale point, source, target or step
// of an interaction activity.
type InteractionComponent struct {
	ID          string      `json:"id"`
	Description LanguageMap `json:"description,omitempty"`
}

// Result is the outcome of what the learner did.
type Result struct {
	Score      *Score         `json:"score,omitempty"`
	Success    *bool          `json:"success,omitempty"`
	Completion *bool          `json:"completion,omitempty"`
	Response   string         `json:"response,omitempty"`
	Duration   string         `json:"duration,omitempty"` // ISO 8601, see FormatDuration
	Extensions map[string]any `json:"extensions,omitempty"`
}

// Score is a result's score. Scaled is from -1 to 1 (cmi5: 0 to 1); Raw is
// between Min and Max.
type Score struct {
	Scaled *float64 `json:"scaled,omitempty"`
	Raw    *float64 `json:"raw,omitempty"`
	Min    *float64 `json:"min,omitempty"`
	Max    *float64 `json:"max,omitempty"`
}

// Context is where a statement happened: its registration, the activities
// around it and extensions. Instructor, Team and Statement are kept as raw
// JSON so that a cmi5 context template passes through unchanged.
type Context struct {
	Registration      string             `json:"registration,omitempty"` // a UUID
	Instructor        json.RawMessage    `json:"instructor,omitempty"`
	Team              json.RawMessage    `json:"team,omitempty"`
	ContextActivities *ContextActivities `json:"contextActivities,omitempty"`
	Revision          string             `json:"revision,omitempty"`
	Platform          string             `json:"platform,omitempty"`
	Language          string             `json:"language,omitempty"`
	Statement         json.RawMessage    `json:"statement,omitempty"`
	Extensions        map[string]any     `json:"extensions,omitempty"`
}

// ContextActivities lists activities related to a statement.
type ContextActivities struct {
	Parent   []Activity `json:"parent,omitempty"`
	Grouping []Activity `json:"grouping,omitempty"`
	Category []Activity `json:"category,omitempty"`
	Other    []Activity `json:"other,omitempty"`
}

// Bool returns a pointer to b, for Result.
func Bool(b bool) *bool { return &b }

// Float returns a pointer to f, for Score.
func Float(f float64) *float64 { return &f }

// FormatTimestamp returns t in UTC as xAPI timestamps are written, with
// milliseconds: 2026-03-01T09:30:00.000Z.
func FormatTimestamp(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000Z07:00")
}

// FormatDuration returns d as an ISO 8601 duration with hours, minutes and
// seconds to the hundredth (xAPI keeps no more), such as PT1H2M3.5S; zero
// and negative durations are PT0S. The same d always gives the same text,
// so a statement built twice from the same session has the same bytes.
func FormatDuration(d time.Duration) string {
	cs := int64(max(d, 0) / (10 * time.Millisecond))
	h, m, s := cs/360000, cs/6000%60, cs%6000
	var b strings.Builder
	b.WriteString("PT")
	if h > 0 {
		fmt.Fprintf(&b, "%dH", h)
	}
	if m > 0 {
		fmt.Fprintf(&b, "%dM", m)
	}
	if s > 0 || cs == 0 {
		fmt.Fprintf(&b, "%d", s/100)
		if f := s % 100; f > 0 {
			b.WriteString(strings.TrimRight(fmt.Sprintf(".%02d", f), "0"))
		}
		b.WriteByte('S')
	}
	return b.String()
}

// CheckDuration checks that s is an ISO 8601 duration such as PT2M or
// P1DT12H.
func CheckDuration(s string) error {
	bad := fmt.Errorf("%q is not an ISO 8601 duration such as PT1H30M", s)
	rest, ok := strings.CutPrefix(s, "P")
	if !ok {
		return bad
	}
	date, tm, hasT := strings.Cut(rest, "T")
	if hasT && tm == "" {
		return bad
	}
	n1, ok1 := durationParts(date, "YMWD")
	n2, ok2 := durationParts(tm, "HMS")
	if !ok1 || !ok2 || n1+n2 == 0 {
		return bad
	}
	return nil
}

// durationParts checks a run of number-unit parts with units in the order
// of units and returns how many there are.
func durationParts(s, units string) (int, bool) {
	n := 0
	for s != "" {
		i := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
		if i <= 0 {
			return 0, false
		}
		num := s[:i]
		if _, err := strconv.ParseFloat(num, 64); err != nil || num[0] == '.' || num[len(num)-1] == '.' {
			return 0, false
		}
		u := strings.IndexByte(units, s[i])
		if u < 0 {
			return 0, false
		}
		units = units[u+1:]
		s = s[i+1:]
		n++
	}
	return n, true
}

// Check checks what xAPI requires of a statement that Takedown builds: a
// UUID id (when given), an Agent with an account whose home page is a URL,
// IRIs for the verb and object, a consistent score, an ISO 8601 duration,
// a UUID registration and an RFC 3339 timestamp.
func (s *Statement) Check() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if s.ID != "" {
		if _, err := uuid.Parse(s.ID); err != nil || len(s.ID) != 36 {
			bad("id %q is not a UUID", s.ID)
		}
	}
	if err := s.Actor.Check(); err != nil {
		errs = append(errs, err)
	}
	if !isIRI(s.Verb.ID) {
		bad("verb id %q is not an IRI", s.Verb.ID)
	}
	if !isIRI(s.Object.ID) {
		bad("object id %q is not an IRI", s.Object.ID)
	}
	if t := s.Object.ObjectType; t != "" && t != "Activity" {
		bad("object type %q is not Activity", t)
	}
	if r := s.Result; r != nil {
		if r.Duration != "" {
			if err := CheckDuration(r.Duration); err != nil {
				bad("result duration: %v", err)
			}
		}
		if sc := r.Score; sc != nil {
			if sc.Scaled != nil && !(*sc.Scaled >= -1 && *sc.Scaled <= 1) {
				bad("scaled score %v is not between -1 and 1", *sc.Scaled)
			}
			if sc.Raw != nil && ((sc.Min != nil && *sc.Raw < *sc.Min) || (sc.Max != nil && *sc.Raw > *sc.Max)) {
				bad("raw score %v is outside min and max", *sc.Raw)
			}
			if sc.Min != nil && sc.Max != nil && *sc.Min > *sc.Max {
				bad("score min %v is above max %v", *sc.Min, *sc.Max)
			}
			for _, f := range []*float64{sc.Scaled, sc.Raw, sc.Min, sc.Max} {
				if f != nil && (math.IsNaN(*f) || math.IsInf(*f, 0)) {
					bad("a score is not a number")
				}
			}
		}
	}
	if c := s.Context; c != nil && c.Registration != "" {
		if _, err := uuid.Parse(c.Registration); err != nil {
			bad("registration %q is not a UUID", c.Registration)
		}
	}
	if s.Timestamp != "" {
		if _, err := time.Parse(time.RFC3339Nano, s.Timestamp); err != nil {
			bad("timestamp %q is not an RFC 3339 time", s.Timestamp)
		}
	}
	return errors.Join(errs...)
}

// Check checks that the actor is an Agent with an account: a home page
// that is an absolute URL and a name.
func (a *Actor) Check() error {
	switch {
	case a.ObjectType != "Agent":
		return fmt.Errorf("actor objectType %q is not Agent", a.ObjectType)
	case a.Account.Name == "":
		return errors.New("actor account has no name")
	case !isIRI(a.Account.HomePage):
		return fmt.Errorf("actor account homePage %q is not a URL", a.Account.HomePage)
	}
	return nil
}

// isIRI reports whether s is an absolute IRI (a scheme and more).
func isIRI(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && len(s) > len(u.Scheme)+1 && !strings.ContainsAny(s, " \t\n")
}

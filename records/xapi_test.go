package records

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"
)

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "PT0S"},
		{-time.Second, "PT0S"},
		{5 * time.Millisecond, "PT0S"},
		{10 * time.Millisecond, "PT0.01S"},
		{1500 * time.Millisecond, "PT1.5S"},
		{120 * time.Second, "PT2M"},
		{time.Hour + 2*time.Minute + 3*time.Second + 456*time.Millisecond, "PT1H2M3.45S"},
		{26 * time.Hour, "PT26H"},
		{time.Hour + 5*time.Second, "PT1H5S"},
	}
	for _, tc := range tests {
		got := FormatDuration(tc.d)
		if got != tc.want {
			t.Errorf("FormatDuration(%v) = %s, want %s", tc.d, got, tc.want)
		}
		if err := CheckDuration(got); err != nil {
			t.Errorf("CheckDuration(%s): %v", got, err)
		}
	}
}

func TestCheckDuration(t *testing.T) {
	for s, ok := range map[string]bool{
		"PT120S": true, "PT2M": true, "P1D": true, "P1DT12H": true, "PT1.5S": true, "P1Y2M3DT4H5M6S": true, "P2W": true,
		"": false, "P": false, "PT": false, "P1DT": false, "1H": false, "PT1H2H": false, "PT2M1H": false,
		"PT.5S": false, "PT5.S": false, "PT-1S": false, "PT1X": false, "pt1s": false,
	} {
		if err := CheckDuration(s); (err == nil) != ok {
			t.Errorf("CheckDuration(%q) = %v, want ok %v", s, err, ok)
		}
	}
}

func TestStatementCheck(t *testing.T) {
	good := func() Statement {
		return Statement{
			ID:        "00000000-0000-4000-8000-000000000001",
			Actor:     Actor{ObjectType: "Agent", Account: Account{HomePage: "https://lms.academy.test", Name: "1625378"}},
			Verb:      Verb{ID: "http://adlnet.gov/expapi/verbs/experienced"},
			Object:    Activity{ID: "https://takedown.test/evidence/e1"},
			Result:    &Result{Duration: "PT2M", Score: &Score{Scaled: Float(0.5), Raw: Float(5), Min: Float(0), Max: Float(10)}},
			Context:   &Context{Registration: testRegistration},
			Timestamp: FormatTimestamp(time.Date(2026, 3, 1, 9, 0, 0, 0, time.FixedZone("MSK", 3*3600))),
		}
	}
	tests := []struct {
		name   string
		change func(*Statement)
		err    string
	}{
		{"good", func(*Statement) {}, ""},
		{"bad id", func(s *Statement) { s.ID = "1" }, "id"},
		{"group", func(s *Statement) { s.Actor.ObjectType = "Group" }, "Agent"},
		{"no account name", func(s *Statement) { s.Actor.Account.Name = "" }, "name"},
		{"home page not a URL", func(s *Statement) { s.Actor.Account.HomePage = "academy" }, "homePage"},
		{"verb not an IRI", func(s *Statement) { s.Verb.ID = "experienced" }, "verb"},
		{"object with a space", func(s *Statement) { s.Object.ID = "https://takedown.test/a b" }, "object"},
		{"object type", func(s *Statement) { s.Object.ObjectType = "Agent" }, "Activity"},
		{"scaled above 1", func(s *Statement) { s.Result.Score.Scaled = Float(1.1) }, "scaled"},
		{"raw above max", func(s *Statement) { s.Result.Score.Raw = Float(11) }, "raw"},
		{"min above max", func(s *Statement) { s.Result.Score.Min = Float(20); s.Result.Score.Raw = nil }, "min"},
		{"NaN", func(s *Statement) { s.Result.Score.Max = Float(math.NaN()) }, "not a number"},
		{"duration", func(s *Statement) { s.Result.Duration = "120" }, "duration"},
		{"registration", func(s *Statement) { s.Context.Registration = "r1" }, "registration"},
		{"timestamp", func(s *Statement) { s.Timestamp = "yesterday" }, "timestamp"},
	}
	for _, tc := range tests {
		s := good()
		tc.change(&s)
		err := s.Check()
		if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("%s: Check = %v, want an error about %q", tc.name, err, tc.err)
		}
	}
	s := good()
	if s.Timestamp != "2026-03-01T06:00:00.000Z" {
		t.Errorf("FormatTimestamp gave %s", s.Timestamp)
	}
	b, _ := json.Marshal(s)
	for _, no := range []string{"mbox", "mbox_sha1sum", "openid"} {
		if strings.Contains(string(b), no) {
			t.Errorf("a statement has %s: %s", no, b)
		}
	}
}

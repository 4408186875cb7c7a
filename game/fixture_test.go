package game

import (
	"strings"
	"testing"
	"time"
)

// fixture builds a small two-country case in Go: a site at home-registered
// domain, hosted abroad, a domestic ISP that names the operator.
func fixture() *Scenario {
	home := &Jurisdiction{ID: "ru", Name: Text{EN: "Russia", RU: "Россия"}, Currency: "RUB", Network247: true,
		MLATWith: []string{"nl"}, MLATNeedsCase: true, Threshold: 1000, Preserve: 90 * Day, WarrantLife: 30 * Day,
		Delays: map[string][2]Minutes{"order": {Day, Day}, "request": {Day, Day}, "handoff": {10 * Day, 10 * Day},
			"court": {30 * Day, 30 * Day}, "warrant": {Day, Day}, "statement": {Day, Day}},
		Powers: map[string][]string{"cybercrime": {"investigate"}, "investigative": {"investigate", "open_case"}}}
	nl := &Jurisdiction{ID: "nl", Name: Text{EN: "the Netherlands", RU: "Нидерланды"}, Network247: true, MLATWith: []string{"ru"}, HoldsForMLAT: true,
		Preserve: 90 * Day, Delays: map[string][2]Minutes{"mlat": {60 * Day, 60 * Day}, "preserve": {Hour, Hour},
			"ask": {Day, Day}, "takedown": {Day, Day}}}
	ent := func(id, kind, role, jur string, known bool) *Entity {
		return &Entity{ID: id, Kind: kind, Role: role, Jurisdiction: jur, Known: known, Name: Plain(id),
			Links: map[string]string{}, Attrs: map[string]string{}}
	}
	site := ent("site.ru", KindDomain, "", "", true)
	site.Links = map[string]string{"ip": "192.0.2.1", "registrar": "reg"}
	site.Attrs["redacted"] = "yes"
	site.Copies = map[string]int{"film": 10, "pre": 5}
	ip := ent("192.0.2.1", KindIP, "", "", false)
	ip.Links = map[string]string{"asn": "AS1", "host": "host"}
	host := ent("host", KindOrg, "host", "nl", false)
	host.Attrs = map[string]string{"informal": "answers", "tips_off": "yes"}
	sc := &Scenario{
		ID: "fixture", Title: Text{EN: "Fixture", RU: "Тест"}, Briefing: Text{EN: "b", RU: "б"}, Langs: []Lang{EN, RU},
		Start: time.Date(2009, 3, 2, 9, 0, 0, 0, time.UTC), Deadline: 400 * Day, Home: "ru", Unit: "k", Officer: Plain("Lt. Test"),
		Jurisdictions: map[string]*Jurisdiction{"ru": home, "nl": nl},
		Entities: []*Entity{
			ent("k", KindUnit, "cybercrime", "ru", true), ent("inv", KindUnit, "investigative", "ru", true),
			ent("assoc", KindOrg, "association", "nl", true), ent("rh", KindOrg, "rights_holder", "ru", true),
			site, ip, ent("AS1", KindASN, "", "nl", false), host, ent("reg", KindOrg, "registrar", "ru", false),
			ent("isp", KindOrg, "isp", "ru", false), ent("10.0.0.1", KindIP, "", "", false), ent("op", KindPerson, "", "ru", false),
			ent("new.ru", KindDomain, "", "", false),
		},
		Records: []*Record{
			{ID: "regfile", Holder: "reg", About: "site.ru", Kind: "registrant", Title: Plain("registrant file"), Content: Plain("logins from 10.0.0.1"), Reveals: []string{"10.0.0.1", "isp"}, Retention: -1},
			{ID: "sub", Holder: "isp", About: "10.0.0.1", Kind: "subscriber", Title: Plain("subscriber"), Content: Plain("op"), Reveals: []string{"op"}, Proves: []string{ElemIdentity}, Retention: -1},
			{ID: "logs", Holder: "host", About: "192.0.2.1", Kind: "logs", Title: Plain("logs"), Content: Plain("ssh from 10.0.0.1"), Proves: []string{ElemLink}, Retention: 30 * Day},
			{ID: "live", Holder: "op", About: "op", Kind: "live", Title: Plain("live"), Proves: []string{ElemLink}},
		},
		Titles: []*Title{{ID: "film", Name: Plain("Film"), Price: 50}, {ID: "pre", Name: Plain("Pre"), Prerelease: true, Estimate: 5000, RightsHolder: "rh"}},
		Endings: []*Ending{
			{ID: "win", Outcome: OutcomeConvicted, Result: "win", Title: Plain("win"), Text: Plain("w"), Score: 50},
			{ID: "acq", Outcome: OutcomeAcquitted, Result: "loss", Title: Plain("acq"), Text: Plain("a"), Score: 10},
			{ID: "ref", Outcome: OutcomeRefused, Result: "loss", Title: Plain("ref"), Text: Plain("r")},
			{ID: "late", Outcome: OutcomeDeadline, Result: "loss", Title: Plain("late"), Text: Plain("l")},
		},
		Adversary: Adversary{Site: "site.ru", HopTo: "new.ru", HopDelay: [2]Minutes{2 * Day, 2 * Day}, Online: [2]int{22, 7},
			WipeDelay: [2]Minutes{Day, Day}, Operators: []string{"op"}},
		Case: CaseRules{Handoff: []string{ElemDistribution, ElemIdentity, ElemDamages}, Court: []string{ElemDistribution, ElemIdentity, ElemLink, ElemDamages}},
	}
	return sc
}

// newSession starts a session of the fixture without hooks.
func newSession(t *testing.T, sc *Scenario, seed uint64) *Session {
	t.Helper()
	s, err := NewSession(sc, seed, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// play runs lines and fails the test on a usage error.
func play(t *testing.T, s *Session, lines ...string) {
	t.Helper()
	for _, l := range lines {
		if _, err := s.Do(l); err != nil {
			t.Fatalf("%s: %v", l, err)
		}
	}
}

func lastEvent(s *Session, kind EventKind) *Event {
	for i := len(s.events) - 1; i >= 0; i-- {
		if s.events[i].Kind == kind {
			return &s.events[i]
		}
	}
	return nil
}

func TestFixtureIsValid(t *testing.T) {
	if ps := fixture().Validate(); len(ps) > 0 {
		t.Fatalf("fixture has problems: %v", ps)
	}
}

func TestValidateFindsBrokenReferences(t *testing.T) {
	sc := fixture()
	sc.Entities[5].Links["host"] = "nobody"
	sc.Records[0].Holder = "ghost"
	sc.Endings = sc.Endings[:3]
	sc.Titles[1].Estimate = 0
	var msgs []string
	for _, p := range sc.Validate() {
		msgs = append(msgs, p.ID+": "+p.Msg)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{`"nobody" is not defined`, `holder "ghost" is not defined`, `no ending for the outcome "deadline"`, `pre-release title "pre" has no estimate`} {
		if !strings.Contains(all, want) {
			t.Errorf("Validate did not report %q; got:\n%s", want, all)
		}
	}
}

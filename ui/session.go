package ui

import (
	"bytes"
	"strings"

	"takedown/cli"
	"takedown/game"
	"takedown/scripting"
)

// entry is one block of the console transcript.
type entry struct {
	kind string // command, output, event, error, hint
	at   game.Minutes
	text game.Text
}

// match is a loaded scenario with its session.
type match struct {
	src     *cli.Source
	sc      *game.Scenario
	script  *scripting.Script
	s       *game.Session
	console []entry
	history []string
	// errs are script errors not yet shown in the overlay.
	errs []string
}

// loadScenario compiles and instantiates a scenario by name or path.
func loadScenario(nameOrPath string) (*cli.Source, *game.Scenario, *scripting.Script, error) {
	src, err := cli.Find(nameOrPath)
	if err != nil {
		return nil, nil, nil, err
	}
	sc, script, errs := scripting.Load(src.Name, src.Src, src.Options())
	if errs != nil {
		return src, nil, nil, errs
	}
	return src, sc, script, nil
}

// newMatch starts a fresh session.
func newMatch(src *cli.Source, sc *game.Scenario, script *scripting.Script, seed uint64) *match {
	m := &match{src: src, sc: sc, script: script, s: game.NewSession(sc, seed, script)}
	m.rebuildConsole()
	return m
}

// resumeMatch replays a saved log. A log that no longer replays to the end
// gives the session as far as it went and the reason.
func resumeMatch(src *cli.Source, sc *game.Scenario, script *scripting.Script, logText []byte) (*match, error) {
	l, err := game.ParseLog(bytes.NewReader(logText))
	if err != nil {
		return nil, err
	}
	s, rerr := game.Replay(sc, script, l)
	if s == nil {
		return nil, rerr
	}
	m := &match{src: src, sc: sc, script: script, s: s}
	for _, e := range l.Entries {
		m.history = append(m.history, e.Line)
	}
	m.rebuildConsole()
	return m, rerr
}

// rebuildConsole makes the transcript from the session's visible events.
func (m *match) rebuildConsole() {
	m.console = m.console[:0]
	for _, ev := range m.s.Events() {
		m.addEvent(ev)
	}
}

func (m *match) addEvent(ev game.Event) {
	if ev.Hidden || ev.Kind == "start" {
		return
	}
	k := "event"
	switch ev.Kind {
	case "command":
		k = "command"
	case "output":
		k = "output"
	case "script_error":
		k = "error"
	}
	m.console = append(m.console, entry{kind: k, at: ev.At, text: ev.Text})
}

// do runs one console line and reports whether the session's log grew.
func (m *match) do(line string) (logged bool) {
	line = strings.TrimSpace(line)
	if line == "" {
		return false
	}
	if n := len(m.history); n == 0 || m.history[n-1] != line {
		m.history = append(m.history, line)
	}
	before := len(m.s.Log())
	evs, err := m.s.Do(line)
	if err != nil {
		m.console = append(m.console, entry{kind: "command", at: m.s.Now(), text: game.T(line)}, entry{kind: "error", at: m.s.Now(), text: game.T(err.Error())})
		return false
	}
	for _, ev := range evs {
		if ev.Seq < 0 {
			m.console = append(m.console, entry{kind: "command", at: m.s.Now(), text: game.T(line)})
		}
		m.addEvent(ev)
		if ev.Kind == "script_error" {
			m.errs = append(m.errs, ev.Text.En)
		}
	}
	return len(m.s.Log()) > before
}

// logText is the session log in its text form.
func (m *match) logText() []byte {
	var b bytes.Buffer
	if _, err := m.s.Record().WriteTo(&b); err != nil {
		return nil
	}
	return b.Bytes()
}

// entity returns a known entity's display name.
func (m *match) name(id string, l game.Lang) string {
	if e := m.sc.Entity(id); e != nil && !e.Name.Empty() {
		return e.Name.In(l)
	}
	return id
}

// jurName is a jurisdiction's display name, or its code.
func (m *match) jurName(id string, l game.Lang) string {
	if j := m.sc.Jurisdictions[id]; j != nil && !j.Name.Empty() {
		return j.Name.In(l)
	}
	return strings.ToUpper(id)
}

// country is the jurisdiction an entity sits in, looking through its links.
func (m *match) country(e *game.Entity) string {
	if e.Jurisdiction != "" {
		return e.Jurisdiction
	}
	for _, rel := range []string{"asn", "host", "processor", "registrar"} {
		if id := e.Link(rel); id != "" {
			if l := m.sc.Entity(id); l != nil && l.Jurisdiction != "" {
				return l.Jurisdiction
			}
		}
	}
	return ""
}

// actions lists the commands that make sense on a known entity, as console
// lines, in the order the verbs are listed.
func (m *match) actions(e *game.Entity) []string {
	var out []string
	add := func(verb string, args ...string) {
		c := game.Command{Verb: verb, Args: args}
		out = append(out, c.String())
	}
	home := m.sc.Home
	switch e.Kind {
	case game.KindDomain:
		for _, v := range []string{"whois", "dns", "capture", "purchase", "osint"} {
			add(v, e.ID)
		}
	case game.KindIP:
		add("asn", e.ID)
		add("osint", e.ID)
	case game.KindOrg:
		switch e.Role {
		case "rights_holder":
			add("statement", e.ID)
		case "association":
			for _, d := range m.s.KnownEntities() {
				if d.Kind == game.KindDomain {
					add("takedown", e.ID, d.ID)
				}
			}
		default:
			targets := m.targetsOf(e)
			for _, t := range targets {
				if e.Jurisdiction == home {
					add("order", e.ID, t)
					switch e.Role {
					case "isp", "mobile", "webmail", "host":
						add("request", e.ID, t)
					}
				} else {
					add("preserve", e.ID, t)
					add("mlat", e.ID, t)
				}
				add("ask", e.ID, t)
			}
		}
	case game.KindPerson:
		for _, v := range []string{"warrant", "raid", "arrest", "osint"} {
			add(v, e.ID)
		}
	case game.KindUnit:
		if e.ID != m.sc.Unit {
			add("handoff", e.ID)
		}
	default:
		add("osint", e.ID)
	}
	return out
}

// targetsOf lists the known entities an organisation may hold data about:
// those that link to it.
func (m *match) targetsOf(org *game.Entity) []string {
	var out []string
	for _, e := range m.s.KnownEntities() {
		for _, rel := range sortedRels(e.Links) {
			if e.Links[rel] == org.ID {
				out = append(out, e.ID)
				break
			}
		}
	}
	return out
}

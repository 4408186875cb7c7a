package game

import (
	"slices"
	"strings"
	"time"
)

// Instrument is a legal remedy a rule pack declares as data, such as a
// court's interim measures or the blocking of access by a regulator: what it
// acts on, what it needs, how long it takes and what it does. The trainee
// applies one with `apply INSTRUMENT TARGET`.
type Instrument struct {
	ID           string
	Jurisdiction string // the country whose law it is: only the home country's apply
	Name         Text
	Since, Until time.Time // in force from, and until (zero: always)
	Target       string    // the kind of entity it acts on, e.g. domain
	// Needs are conditions on the target when it is applied: "captured" (a
	// hashed capture of it is in the file, admissible), "granted ID"
	// (another instrument was granted on it), "case-open", "mirror" (it is
	// a mirror the operators opened of a site that is blocked).
	Needs []string
	Delay [2]Minutes
	// Effect is what it does when granted: "block" (the domain is blocked
	// in the home country, which the operators answer with a mirror), or
	// "" (only granted, for other instruments to need).
	Effect string
}

// InstrumentEffects lists the effects an instrument may have.
func InstrumentEffects() []string { return []string{"", "block"} }

// Instrument returns the declared instrument with the id, or nil.
func (sc *Scenario) Instrument(id string) *Instrument {
	for _, in := range sc.Instruments {
		if in.ID == id {
			return in
		}
	}
	return nil
}

// inForce reports whether an instrument of the home country is available
// on the scenario's date.
func (s *Session) inForce(in *Instrument) bool {
	if in == nil || in.Jurisdiction != s.sc.Home {
		return false
	}
	at := s.cal.At(s.now)
	return (in.Since.IsZero() || !at.Before(in.Since)) && (in.Until.IsZero() || at.Before(in.Until))
}

// instrMsg names a legal instrument: the rules' own by the catalogue, a
// rule pack's by its name.
func (s *Session) instrMsg(instr string) Msg {
	if in := s.sc.Instrument(instr); in != nil && !in.Name.Empty() {
		return TextMsg(in.Name)
	}
	return M("instrument." + instr)
}

// unmet returns the first need of an instrument the target does not meet,
// as a message, or an empty message.
func (s *Session) unmet(in *Instrument, t *Entity) Msg {
	for _, n := range in.Needs {
		f := strings.Fields(n)
		switch f[0] {
		case "captured":
			if !s.captured(t.ID) {
				return M("reject.needs_capture", Ent("target", t.ID))
			}
		case "granted":
			if !slices.Contains(s.granted[t.ID], f[1]) {
				return M("reject.needs_granted", Ent("target", t.ID), Sub("instrument", s.instrMsg(f[1])))
			}
		case "case-open":
			if !s.caseOpen {
				return M("reject.prosecute_no_case")
			}
		case "mirror":
			if !slices.Contains(s.mirrors, t.ID) || !s.siteBlocked() {
				return M("reject.needs_mirror", Ent("target", t.ID))
			}
		}
	}
	return Msg{}
}

// siteBlocked reports whether the pirate site itself is blocked.
func (s *Session) siteBlocked() bool { return s.blocked[s.sc.Adversary.Site] }

// captured reports whether the file holds an admissible capture of an
// entity.
func (s *Session) captured(id string) bool {
	for _, e := range s.evidence {
		if e.Admissible && e.Kind == "capture" && e.Source == id {
			return true
		}
	}
	return false
}

// applyInstrument sends a rule pack's instrument against a target.
func (s *Session) applyInstrument(in *Instrument, t *Entity, cost Minutes) {
	if m := s.unmet(in, t); m.ID != "" {
		s.reject("apply", "needs", m, cost)
		return
	}
	s.newRequest(in.ID, t.ID, t.ID, in.Delay, cost)
	s.advance(cost)
}

// grant answers an instrument's request.
func (s *Session) grant(in *Instrument, r *Request) {
	s.granted[r.Target] = append(s.granted[r.Target], in.ID)
	s.say(EvAnswer, r.ID, M("answer.granted", Str("id", r.ID), Sub("instrument", s.instrMsg(in.ID)), Ent("target", r.Target)))
	if in.Effect == "block" && !s.blocked[r.Target] {
		s.blocked[r.Target] = true
		s.say(EvBlocked, r.Target, M("site.blocked", Str("domain", r.Target)))
		s.nextMirror()
	}
}

// nextMirror has the operators prepare their next mirror, if they have one
// left and none is being prepared.
func (s *Session) nextMirror() {
	a := s.sc.Adversary
	if s.mirrorOut || len(s.mirrors) >= len(a.Mirrors) {
		return
	}
	s.mirrorOut = true
	s.schedule(&task{at: s.now + s.rng.Between(a.MirrorDelay[0], a.MirrorDelay[1]), kind: taskMirror, id: a.Mirrors[len(s.mirrors)]})
}

// openMirror puts the next mirror online. Nobody announces it to the
// trainee: it is found by monitoring (osint of the site or of a mirror).
func (s *Session) openMirror(domain string) {
	s.mirrorOut = false
	s.mirrors = append(s.mirrors, domain)
	s.hidden(EvSiteReappeared, domain, M("site.mirror", Str("domain", domain)), map[string]string{"mirror": "true"})
}

// openMirrors returns the mirrors online and not yet known to the trainee.
func (s *Session) openMirrors() []string {
	var out []string
	for _, m := range s.mirrors {
		if !s.known[m] {
			out = append(out, m)
		}
	}
	return out
}

// isSiteOrMirror reports whether a domain is the pirate site, the domain it
// moved to, or one of its mirrors.
func (s *Session) isSiteOrMirror(id string) bool {
	a := s.sc.Adversary
	return id != "" && (id == a.Site || id == a.HopTo || slices.Contains(a.Mirrors, id))
}

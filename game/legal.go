package game

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// prepare checks a command against what the trainee knows and returns the
// action that carries it out. Errors here are usage errors: nothing changes.
func (s *Session) prepare(cmd Command) (func(), error) {
	v, _ := s.verbs.Lookup(cmd.Verb)
	arg := func(i int, want string) (*Entity, error) { return s.resolve(cmd.Args[i], want) }
	switch cmd.Verb {
	case "wait":
		d, err := s.parseWait(cmd.Args)
		if err != nil {
			return nil, err
		}
		return func() { s.advance(d) }, nil
	case "whois", "dns", "capture", "purchase":
		e, err := arg(0, KindDomain)
		if err != nil {
			return nil, err
		}
		return func() { s.tool(cmd.Verb, e, v.Cost) }, nil
	case "asn":
		e, err := arg(0, KindIP)
		if err != nil {
			return nil, err
		}
		return func() { s.tool(cmd.Verb, e, v.Cost) }, nil
	case "osint":
		e, err := arg(0, "target")
		if err != nil {
			return nil, err
		}
		return func() { s.tool(cmd.Verb, e, v.Cost) }, nil
	case "contact":
		e, err := arg(0, "party")
		if err != nil {
			return nil, err
		}
		return func() { s.tool(cmd.Verb, e, v.Cost) }, nil
	case "order", "request", "preserve", "mlat", "ask":
		h, err := arg(0, "holder")
		if err != nil {
			return nil, err
		}
		t, err := arg(1, "target")
		if err != nil {
			return nil, err
		}
		return func() { s.legalRequest(cmd.Verb, h, t, v.Cost) }, nil
	case "statement":
		h, err := arg(0, "rights_holder")
		if err != nil {
			return nil, err
		}
		return func() { s.statement(h, v.Cost) }, nil
	case "takedown":
		a, err := arg(0, "association")
		if err != nil {
			return nil, err
		}
		d, err := arg(1, KindDomain)
		if err != nil {
			return nil, err
		}
		return func() { s.takedown(a, d, v.Cost) }, nil
	case "warrant", "raid", "arrest":
		p, err := arg(0, KindPerson)
		if err != nil {
			return nil, err
		}
		urgency := ""
		if len(cmd.Args) > 1 {
			urgency = cmd.Args[1]
		}
		return func() { s.personAction(cmd.Verb, p, urgency, v.Cost) }, nil
	case "handoff":
		u, err := arg(0, KindUnit)
		if err != nil {
			return nil, err
		}
		return func() { s.handoff(u, v.Cost) }, nil
	case "open":
		return func() { s.openCase(v.Cost) }, nil
	case "refuse":
		return func() { s.refuseCase(v.Cost) }, nil
	case "extend":
		return func() { s.extendCheck(v.Cost) }, nil
	case "return":
		u, err := arg(0, KindUnit)
		if err != nil {
			return nil, err
		}
		var elems []string
		for _, el := range strings.Fields(strings.Join(cmd.Args[1:], " ")) {
			if !slices.Contains(s.elements(), el) {
				return nil, usage("cmd.no_element", Str("element", el), Str("elements", strings.Join(s.elements(), ", ")))
			}
			elems = append(elems, el)
		}
		if len(elems) == 0 {
			return nil, usage("cmd.usage", Str("usage", v.Usage()))
		}
		return func() { s.returnPackage(u, elems, v.Cost) }, nil
	case "instruct":
		u, err := arg(0, KindUnit)
		if err != nil {
			return nil, err
		}
		if u.ID == s.sc.Unit {
			return nil, usage("cmd.instruct_self")
		}
		inner, err := ParseCommand(strings.Join(cmd.Args[1:], " "))
		if err != nil {
			return nil, err
		}
		if inner.Verb == "" || inner.Verb == "instruct" || inner.Verb == "wait" {
			return nil, usage("cmd.usage", Str("usage", v.Usage()))
		}
		if vb, _ := s.verbs.Lookup(inner.Verb); vb.ReadOnly || vb.Instructor() {
			return nil, usage("cmd.usage", Str("usage", v.Usage()))
		}
		if !s.may(u, inner.Verb) {
			return nil, usage("cmd.not_power", Ent("unit", u.ID), Str("verb", inner.Verb))
		}
		return func() { s.instructUnit(u, inner.String(), v.Cost) }, nil
	case "apply":
		in := s.sc.Instrument(cmd.Args[0])
		if in == nil || !s.inForce(in) {
			var ids []string
			for _, i := range s.sc.Instruments {
				if s.inForce(i) {
					ids = append(ids, i.ID)
				}
			}
			return nil, usage("cmd.no_instrument", Str("id", cmd.Args[0]), Str("ids", strings.Join(ids, ", ")))
		}
		t, err := arg(1, in.Target)
		if err != nil {
			return nil, err
		}
		return func() { s.applyInstrument(in, t, v.Cost) }, nil
	case "prosecute":
		switch {
		case len(cmd.Args) > 0 && cmd.Args[0] != "now":
			return nil, usage("cmd.usage", Str("usage", v.Usage()))
		case len(cmd.Args) == 0 && s.caseOpen && !s.inCourt:
			// Sending a case to court closes its file: with answers still
			// awaited, the console warns first, as the app's button does.
			if p := s.pendingAt(s.now); len(p) > 0 {
				var lines []Msg
				for _, r := range p {
					lines = append(lines, M("cmd.pending_request", Str("id", r.ID), Sub("instrument", s.instrMsg(r.Instrument)), Ent("holder", r.Holder), Date("due", r.DueAt)))
				}
				return nil, usage("cmd.prosecute_pending", Lines("requests", lines))
			}
		}
		return func() { s.prosecute(v.Cost) }, nil
	case "inject":
		in := s.sc.InjectByID(cmd.Args[0])
		if in == nil {
			var ids []string
			for _, i := range s.sc.Injects {
				ids = append(ids, i.ID)
			}
			return nil, usage("cmd.no_inject", Str("id", cmd.Args[0]), Str("suggest", closest(cmd.Args[0], ids)))
		}
		return func() { s.sayData(EvInject, in.ID, M("room.inject", Txt("label", in.Label)), nil) }, nil
	case "notice":
		return func() { s.say(EvNotice, "", M("room.notice", Str("text", cmd.Args[0]))) }, nil
	case "pause":
		if s.Paused() {
			return nil, usage("cmd.already_paused")
		}
		return func() { s.setFlag(FlagPaused); s.say(EvPaused, "", M("room.paused")) }, nil
	case "resume":
		if !s.Paused() {
			return nil, usage("cmd.not_paused")
		}
		return func() { delete(s.flags, string(FlagPaused)); s.say(EvResumed, "", M("room.resumed")) }, nil
	case "stop":
		return func() { s.endWith(OutcomeStopped) }, nil
	}
	return nil, usage("cmd.not_here", Str("verb", cmd.Verb))
}

func (s *Session) parseWait(args []string) (Minutes, error) {
	if len(args) == 2 && strings.EqualFold(args[0], "until") {
		hh, mm, err := ParseClock(args[1])
		if err != nil {
			return 0, err
		}
		return s.cal.Until(s.now, hh, mm), nil
	}
	if len(args) != 1 {
		return 0, usage("cmd.wait_usage")
	}
	d, err := ParseDuration(args[0])
	if err != nil {
		return 0, err
	}
	if d <= 0 {
		return 0, usage("cmd.wait_positive")
	}
	return d, nil
}

// reject records a refusal that costs the time already spent. reason is a
// stable code for the debrief's computed causes.
func (s *Session) reject(subject, reason string, m Msg, cost Minutes) {
	s.rejections++
	s.sayData(EvRejected, subject, m, map[string]string{"reason": reason})
	s.advance(cost)
}

func (s *Session) jur(e *Entity) *Jurisdiction { return s.sc.Jurisdictions[e.Jurisdiction] }

// holderDelay is how long a holder takes to answer an instrument: its own
// delay when the scenario gives it one, else the given one.
func (s *Session) holderDelay(holder, instr string, delay [2]Minutes) [2]Minutes {
	if h := s.sc.Entity(holder); h != nil {
		if d, ok := h.Delays[instr]; ok {
			return d
		}
	}
	return delay
}

// newRequest sends a request that the holder answers within its delay (see
// holderDelay).
func (s *Session) newRequest(instr string, holder, target string, delay [2]Minutes, cost Minutes) *Request {
	return s.sendRequest(instr, holder, target, s.holderDelay(holder, instr, delay), cost)
}

// sendRequest sends a request answered within exactly the delay given.
func (s *Session) sendRequest(instr string, holder, target string, delay [2]Minutes, cost Minutes) *Request {
	// The request leaves once drafted: SentAt is after the command's cost.
	r := &Request{ID: "R" + strconv.Itoa(len(s.requests)+1), Instrument: instr, Holder: holder, Target: target,
		SentAt: s.now + cost, Status: StatusPending}
	r.DueAt = r.SentAt + s.rng.Between(delay[0], delay[1])
	s.requests = append(s.requests, r)
	s.schedule(&task{at: r.DueAt, kind: taskAnswer, req: r})
	to := Ent("to", holder)
	if instr == "warrant" {
		to = Sub("to", M("party.court"))
	}
	id := "request.sent"
	if instr == "mlat" && s.caseOpen {
		id = "request.sent_central"
	}
	m := M(id, Str("id", r.ID), Sub("instrument", s.instrMsg(instr)), to, Ent("about", target), Date("due", r.DueAt))
	if in := s.sc.Instrument(instr); in != nil {
		m = M("request.applied", Str("id", r.ID), Sub("instrument", s.instrMsg(instr)), Ent("target", target), Date("due", r.DueAt))
	} else if target == holder {
		m = M("request.sent_self", Str("id", r.ID), Sub("instrument", s.instrMsg(instr)), to, Date("due", r.DueAt))
	}
	s.sayData(EvRequestSent, r.ID, m, map[string]string{"instrument": instr, "holder": holder, "target": target})
	return r
}

// telecomRoles are the organisations a subscriber request may go to.
func telecomRoles() []string { return []string{"isp", "mobile", "webmail", "host"} }

func (s *Session) legalRequest(instr string, h, t *Entity, cost Minutes) {
	home := s.sc.HomeLaw()
	hj := s.jur(h)
	if h.Kind != KindOrg || hj == nil {
		s.reject(instr, "not_holder", M("reject.not_holder", Ent("holder", h.ID)), cost)
		return
	}
	domestic := h.Jurisdiction == s.sc.Home
	unitRole := s.actor().Role
	switch instr {
	case "order", "request":
		if !domestic {
			s.reject(instr, "abroad", M("reject.abroad", Ent("holder", h.ID), Jur("country", h.Jurisdiction), Sub("instrument", s.instrMsg(instr))), cost)
			return
		}
		if !home.Can(unitRole, "investigate") {
			s.reject(instr, "no_power", M("reject.no_power"), cost)
			return
		}
		if instr == "request" && !slices.Contains(telecomRoles(), h.Role) {
			s.reject(instr, "not_telecom", M("reject.not_telecom", Ent("holder", h.ID)), cost)
			return
		}
		s.newRequest(instr, h.ID, t.ID, home.Delay(instr), cost)
	case "preserve":
		if domestic {
			s.reject(instr, "domestic", M("reject.domestic", Ent("holder", h.ID)), cost)
			return
		}
		if !home.Network247 {
			s.reject(instr, "no_247_home", M("reject.no_247_home", Jur("country", home.ID)), cost)
			return
		}
		if !hj.Network247 {
			s.reject(instr, "no_247", M("reject.no_247", Jur("country", hj.ID)), cost)
			return
		}
		if cp := s.contactPoint(); cp != nil && !s.known[cp.ID] {
			s.reject(instr, "no_contact_point", M("reject.no_contact_point", Jur("country", home.ID)), cost)
			return
		}
		renewal := false
		for _, rec := range s.heldRecords(h.ID, t.ID) {
			if st := s.records[rec.ID]; !st.expired && !st.obtained && st.frozenUntil > s.now+cost {
				renewal = true
				if hj.Renewals >= 0 && st.renewals >= hj.Renewals {
					s.reject(instr, "no_renewal", M("reject.no_renewal", Jur("country", hj.ID), Date("until", st.frozenUntil)), cost)
					return
				}
			}
		}
		s.setFlag(FlagPreserveSent)
		delay := hj.Delay("preserve")
		if l := s.liaisonFor(hj.ID); l != nil {
			if d, ok := l.Delays["preserve"]; ok {
				delay = d
			}
		}
		r := s.newRequest(instr, h.ID, t.ID, delay, cost)
		if renewal {
			s.renewing[r.ID] = true
		}
	case "mlat":
		if domestic {
			s.reject(instr, "domestic", M("reject.domestic", Ent("holder", h.ID)), cost)
			return
		}
		if !slices.Contains(home.MLATWith, h.Jurisdiction) && !slices.Contains(hj.MLATWith, s.sc.Home) {
			s.reject(instr, "no_treaty", M("reject.no_treaty", Jur("home", home.ID), Jur("country", hj.ID)), cost)
			return
		}
		if home.MLATNeedsCase && !s.caseOpen {
			s.reject(instr, "no_case", M("reject.mlat_no_case"), cost)
			return
		}
		s.setFlag(FlagMLATSent)
		// The holder's own time to execute the request, then the central
		// authority's transit on top.
		delay := s.holderDelay(h.ID, "mlat", hj.Delay("mlat"))
		transit := Minutes(0)
		if s.caseOpen {
			// Once a case is open the investigator leads: the request goes
			// through the central authority, which adds its own time.
			c := home.Delay("central")
			transit = s.rng.Between(c[0], c[1])
			delay = [2]Minutes{delay[0] + transit, delay[1] + transit}
		}
		r := s.sendRequest(instr, h.ID, t.ID, delay, cost)
		if hj.HoldsForMLAT {
			// Data frozen when the request arrives stays frozen until it is
			// executed (Budapest Convention art. 29(7)).
			s.schedule(&task{at: r.SentAt + transit, kind: taskMLATArrives, req: r})
		}
	case "ask":
		s.setFlag(FlagInformal)
		s.newRequest(instr, h.ID, t.ID, hj.Delay("ask"), cost)
	}
	s.advance(cost)
}

func (s *Session) statement(h *Entity, cost Minutes) {
	s.newRequest("statement", h.ID, h.ID, s.sc.HomeLaw().Delay("statement"), cost)
	s.advance(cost)
}

// hostCountry returns the jurisdiction of the host that serves a domain, or "".
func (s *Session) hostCountry(d *Entity) string {
	if ip := s.sc.Entity(d.Link("ip")); ip != nil {
		if h := s.sc.Entity(ip.Link("host")); h != nil {
			return h.Jurisdiction
		}
	}
	return ""
}

func (s *Session) takedown(a, d *Entity, cost Minutes) {
	if hostJur := s.hostCountry(d); hostJur != "" && a.Jurisdiction != hostJur {
		s.reject("takedown", "no_standing", M("reject.no_standing", Ent("association", a.ID), Jur("country", hostJur)), cost)
		return
	}
	j := s.jur(a)
	if j == nil {
		j = s.sc.HomeLaw()
	}
	s.newRequest("takedown", a.ID, d.ID, j.Delay("takedown"), cost)
	s.advance(cost)
}

func (s *Session) personAction(verb string, p *Entity, urgency string, cost Minutes) {
	if s.fled[p.ID] {
		s.reject(verb, "fled", M("reject.fled", Ent("person", p.ID)), cost)
		return
	}
	if p.Jurisdiction != "" && p.Jurisdiction != s.sc.Home {
		// A warrant of the home country cannot be carried out abroad: the
		// person's data comes by MLAT, the person by extradition, which no
		// scenario's time frame allows.
		s.reject(verb, "abroad", M("reject.person_abroad", Ent("person", p.ID), Jur("country", p.Jurisdiction)), cost)
		return
	}
	if !s.caseOpen {
		s.reject(verb, "no_case", M("reject.no_case", Sub("action", M("action."+verb))), cost)
		return
	}
	if !s.Identified(p.ID) {
		s.reject(verb, "not_identified", M("reject.not_identified", Ent("person", p.ID)), cost)
		return
	}
	switch verb {
	case "warrant":
		s.newRequest("warrant", p.ID, p.ID, s.sc.HomeLaw().Delay("warrant"), cost)
		s.advance(cost)
	case "raid":
		if s.warrants[p.ID] <= s.now {
			s.reject(verb, "no_warrant", M("reject.no_warrant", Ent("person", p.ID)), cost)
			return
		}
		s.raid(p, urgency, cost)
	case "arrest":
		if s.arrested[p.ID] {
			s.reject(verb, "already", M("reject.already_detained", Ent("person", p.ID)), cost)
			return
		}
		s.arrested[p.ID] = true
		s.setFlag(FlagArrested)
		s.say(EvArrest, p.ID, M("op.arrest", Ent("person", p.ID)))
		s.advance(cost)
	}
}

// ComputersOn reports whether the operators' computers are on at a point.
func (s *Session) ComputersOn(at Minutes) bool {
	on := s.sc.Adversary.Online
	if on[0] == on[1] {
		return false
	}
	h := s.cal.HourOf(at)
	if on[0] < on[1] {
		return h >= on[0] && h < on[1]
	}
	return h >= on[0] || h < on[1]
}

// raid searches a person's premises. A search at night (the home
// jurisdiction's night hours) is lawful only with an urgency that the facts
// bear out: the operators alerted and their data at risk. Evidence from an
// unlawful search is challenged and the court does not admit it.
func (s *Session) raid(p *Entity, urgency string, cost Minutes) {
	home := s.sc.HomeLaw()
	// Once the person is detained, nobody is at the keyboard: the machines
	// are found locked or off.
	live := s.ComputersOn(s.now) && !s.wiped && !s.arrested[p.ID] && slices.Contains(s.sc.Adversary.Operators, p.ID)
	night := home.IsNight(s.cal.HourOf(s.now))
	unlawful := night && (urgency == "" || !s.alerted)
	operator := slices.Contains(s.sc.Adversary.Operators, p.ID)
	found := 0
	var seized []*Record
	for _, r := range s.sc.Records {
		if r.Holder != p.ID || s.records[r.ID].obtained {
			continue
		}
		switch {
		case r.Kind == "live" && !live:
			continue
		case r.Kind == "live" || r.Kind == "seized":
			if s.records[r.ID].expired {
				continue
			}
			found++
			seized = append(seized, r)
		}
	}
	s.sayData(EvRaid, p.ID, M("op.raid", Ent("person", p.ID), When("at", s.now)),
		map[string]string{"live": strconv.FormatBool(live), "found": strconv.Itoa(found), "night": strconv.FormatBool(night), "unlawful": strconv.FormatBool(unlawful)})
	if unlawful {
		s.setFlag(FlagUnlawfulSearch)
		s.unlawfulAt = s.now
		why := M("reason.night")
		if urgency != "" {
			why = M("reason.no_urgency", Str("urgency", urgency))
		}
		s.say(EvOutput, "raid", M("op.raid_unlawful", Sub("why", why)))
		for _, r := range seized {
			s.obtainRecord(r, M("basis.search_night"), false, why)
		}
	} else {
		basis := M("basis.search")
		if night {
			basis = M("basis.search_urgent", Str("urgency", urgency))
		}
		for _, r := range seized {
			s.obtainRecord(r, basis, true, Msg{})
		}
	}
	switch {
	case live:
		s.setFlag(FlagRaidLive)
		s.say(EvOutput, "raid", M("op.raid_live"))
	case s.wiped:
		s.setFlag(FlagRaidCold)
		s.say(EvOutput, "raid", M("op.raid_wiped"))
	default:
		s.setFlag(FlagRaidCold)
		s.say(EvOutput, "raid", M("op.raid_cold"))
	}
	if found == 0 {
		s.say(EvOutput, "raid", M("op.raid_nothing"))
	}
	if !operator && len(s.sc.Adversary.Operators) > 0 {
		// Searching the wrong person first warns the right ones.
		s.tipOff(M("adversary.tip_raid", Ent("person", p.ID)), "raid")
	}
	s.advance(cost)
}

// obtainRecord turns a record into evidence; admissible or intelligence.
func (s *Session) obtainRecord(r *Record, basis Msg, admissible bool, reason Msg) {
	st := s.records[r.ID]
	st.seen = true
	if admissible {
		st.obtained = true
		st.obtainedAt = s.now
	}
	if !r.Content.Empty() {
		s.emit(Event{Kind: EvOutput, Subject: r.ID, Msg: TextMsg(r.Content)})
	}
	s.addEvidence(evidenceSpec{
		Kind: "record", Source: r.ID, Title: TextMsg(r.Title), Content: TextMsg(r.Content), Doc: r.Content.In(s.sc.DocLang()),
		Basis: basis, Admissible: admissible, Reason: reason, Proves: r.Proves, Copies: r.Copies, Reveals: r.Reveals,
	})
	for _, id := range r.Reveals {
		s.reveal(id)
	}
}

// heldRecords returns the records a holder keeps about a target.
func (s *Session) heldRecords(holder, about string) []*Record {
	var out []*Record
	for _, r := range s.sc.Records {
		if r.Holder == holder && r.About == about {
			out = append(out, r)
		}
	}
	return out
}

// answer delivers a legal request's result.
func (s *Session) answer(r *Request) {
	r.Status = StatusAnswered
	r.AnsweredAt = s.now
	if r.Instrument == "mlat" {
		for _, rec := range s.heldRecords(r.Holder, r.Target) {
			if st := s.records[rec.ID]; st.heldByMLAT {
				st.heldByMLAT = false
				if !st.expired && !st.obtained {
					s.schedule(&task{at: s.now, kind: taskRetention, id: rec.ID})
				}
			}
		}
	}
	s.answering = r
	defer func() { s.answering = nil }()
	h := s.sc.Entity(r.Holder)
	recs := s.heldRecords(r.Holder, r.Target)
	if in := s.sc.Instrument(r.Instrument); in != nil {
		s.grant(in, r)
		return
	}
	switch r.Instrument {
	case "order", "request", "mlat":
		basis := M("basis." + r.Instrument)
		if r.Instrument == "mlat" && !s.Proven(ElemDistribution) {
			r.Status = StatusRejected
			r.AnsweredAt = s.now
			s.rejections++
			s.sayData(EvRejected, r.ID, M("answer.mlat_incomplete", Str("id", r.ID), Jur("country", h.Jurisdiction)), map[string]string{"reason": "mlat_incomplete"})
			return
		}
		got := 0
		for _, rec := range recs {
			if r.Instrument == "request" && rec.Kind != "subscriber" {
				continue
			}
			st := s.records[rec.ID]
			if st.expired {
				s.say(EvAnswer, r.ID, M("answer.gone", Str("id", r.ID), Ent("holder", h.ID), Txt("record", rec.Title)))
				got++
				continue
			}
			if st.obtained {
				s.say(EvAnswer, r.ID, M("answer.already", Str("id", r.ID), Ent("holder", h.ID), Txt("record", rec.Title)))
				got++
				continue
			}
			got++
			s.say(EvAnswer, r.ID, M("answer.data", Str("id", r.ID), Ent("holder", h.ID), Txt("record", rec.Title)))
			s.obtainRecord(rec, basis, true, Msg{})
		}
		if got == 0 {
			s.say(EvAnswer, r.ID, M("answer.none", Str("id", r.ID), Ent("holder", h.ID), Ent("about", r.Target)))
		}
	case "ask":
		if h.Attr("informal") != "answers" {
			s.say(EvAnswer, r.ID, M("answer.ask_declined", Str("id", r.ID), Ent("holder", h.ID)))
		} else {
			got := 0
			for _, rec := range recs {
				if s.records[rec.ID].expired {
					continue
				}
				got++
				s.say(EvAnswer, r.ID, M("answer.ask_data", Str("id", r.ID), Ent("holder", h.ID), Txt("record", rec.Title)))
				s.obtainRecord(rec, M("basis.informal"), false, M("reason.informal"))
			}
			if got == 0 {
				s.say(EvAnswer, r.ID, M("answer.none", Str("id", r.ID), Ent("holder", h.ID), Ent("about", r.Target)))
			}
		}
		if h.Attr("tips_off") == "yes" {
			s.tipOff(M("adversary.tip_holder", Ent("holder", h.ID)), "ask")
		}
	case "preserve":
		j := s.jur(h)
		n := 0
		until := s.now + j.Preserve
		for _, rec := range recs {
			st := s.records[rec.ID]
			if st.expired || st.obtained {
				continue
			}
			if s.renewing[r.ID] && st.frozenUntil > s.now {
				st.renewals++
				until = st.frozenUntil + j.Preserve
			}
			st.frozenUntil = max(st.frozenUntil, until)
			until = st.frozenUntil
			n++
		}
		if n == 0 {
			s.say(EvAnswer, r.ID, M("answer.preserve_none", Str("id", r.ID), Ent("holder", h.ID), Ent("about", r.Target)))
			return
		}
		s.setFlag(FlagPreserved)
		id := "answer.preserved"
		if hj := s.jur(h); hj != nil && !hj.HoldsForMLAT {
			id = "answer.preserved_nohold"
		}
		if s.renewing[r.ID] {
			id = "answer.renewed"
		}
		s.sayData(EvPreserved, r.ID, M(id, Str("id", r.ID), Ent("holder", h.ID), Ent("about", r.Target), Date("until", until)),
			map[string]string{"until": strconv.FormatInt(int64(until), 10)})
	case "statement":
		var lines []Msg
		var doc strings.Builder
		cur := s.sc.HomeLaw().Currency
		for _, t := range s.sc.Titles {
			if t.RightsHolder == h.ID && t.Prerelease {
				lines = append(lines, M("statement.line", Txt("title", t.Name), Money("estimate", t.Estimate, cur)))
				fmt.Fprintf(&doc, "%s\t%d %s\n", t.Name.In(s.sc.DocLang()), t.Estimate, cur)
			}
		}
		content := M("statement.doc", Ent("holder", h.ID), Lines("lines", lines))
		s.say(EvOutput, r.ID, content)
		s.addEvidence(evidenceSpec{Kind: "statement", Source: h.ID, Title: M("evidence.statement", Ent("holder", h.ID)),
			Content: content, Doc: "statement of losses by " + h.ID + "\n" + doc.String(), Basis: M("basis.statement"), Admissible: true})
		s.setFlag(FlagStatement)
	case "takedown":
		s.siteDown[r.Target] = true
		early := s.takedownFlags(r.Target)
		s.sayData(EvSiteDown, r.Target, M("site.down", Str("id", r.ID), Str("domain", r.Target)), map[string]string{"early": strconv.FormatBool(early)})
		if early {
			s.tipOff(M("adversary.tip_takedown"), "takedown")
		}
	case "warrant":
		life := s.sc.HomeLaw().WarrantLife
		if life <= 0 {
			life = 30 * Day
		}
		s.warrants[r.Target] = s.now + life
		s.sayData(EvWarrant, r.Target, M("op.warrant", Str("id", r.ID), Ent("person", r.Target), Date("until", s.now+life)),
			map[string]string{"until": strconv.FormatInt(int64(s.now+life), 10)})
	}
}

// takedownFlags records whether a takedown came before any operator was
// arrested, and reports it.
func (s *Session) takedownFlags(domain string) (early bool) {
	a := s.sc.Adversary
	for _, p := range a.Operators {
		if s.arrested[p] {
			s.setFlag(FlagTakedownAfterArrest)
			return false
		}
	}
	if domain != a.Site {
		return false
	}
	s.setFlag(FlagTakedownEarly)
	return true
}

// tipOff alerts the operators, once; cause is a stable code of what did.
// They wipe their computers, move the site to the domain they keep in
// reserve, and those who can leave the country do, unless detained first.
func (s *Session) tipOff(why Msg, cause string) {
	if s.alerted {
		return
	}
	a := s.sc.Adversary
	s.alerted, s.alertedAt, s.tipCause, s.tipWhy = true, s.now, cause, why
	s.setFlag(FlagTippedOff)
	s.hidden(EvTippedOff, "", why, map[string]string{"cause": cause})
	s.schedule(&task{at: s.now + s.rng.Between(a.WipeDelay[0], a.WipeDelay[1]), kind: taskWipe})
	if a.HopTo != "" && !s.hopped {
		s.schedule(&task{at: s.now + s.rng.Between(a.HopDelay[0], a.HopDelay[1]), kind: taskHop, id: a.HopTo})
	}
	for _, p := range a.Flee {
		s.schedule(&task{at: s.now + s.rng.Between(a.FleeDelay[0], a.FleeDelay[1]), kind: taskFlee, id: p})
	}
}

// run carries out a queued task.
func (s *Session) run(t *task) {
	switch t.kind {
	case taskAnswer:
		s.answer(t.req)
	case taskRetention:
		st := s.records[t.id]
		switch {
		case st.obtained || st.expired:
		case st.heldByMLAT:
			// Held until the MLAT request is executed: looked at again then.
		case st.frozenUntil > s.now:
			s.schedule(&task{at: st.frozenUntil, kind: taskRetention, id: t.id})
		default:
			if st.frozenUntil > 0 {
				st.lapsedAt = st.frozenUntil
			}
			st.expired, st.expiredAt = true, s.now
			r := s.sc.Record(t.id)
			s.hidden(EvRecordsExpired, r.ID, M("data.expired", Ent("holder", r.Holder), Txt("record", r.Title)), map[string]string{"holder": r.Holder})
		}
	case taskMLATArrives:
		if t.req.Status != StatusPending {
			break
		}
		for _, rec := range s.heldRecords(t.req.Holder, t.req.Target) {
			if st := s.records[rec.ID]; !st.expired && !st.obtained && st.frozenUntil > s.now {
				st.heldByMLAT = true
			}
		}
	case taskMessage:
		i, _ := strconv.Atoi(t.id)
		m := s.sc.Messages[i]
		s.emit(Event{Kind: EvMessage, Subject: m.From, Msg: M("inbox.message", Txt("subject", m.Subject), Txt("body", m.Body))})
	case taskTimer:
		s.emit(Event{Kind: EvTimer, Subject: t.id, Hidden: true, Msg: M("script.timer", Str("id", t.id))})
	case taskHop:
		s.hopped = true
		s.reveal(t.id)
		s.say(EvSiteReappeared, t.id, M("site.back", Str("domain", t.id)))
	case taskMirror:
		s.openMirror(t.id)
	case taskWipe:
		s.wiped = true
		for _, r := range s.sc.Records {
			if st := s.records[r.ID]; r.Kind == "live" && !st.obtained && !st.expired {
				st.expired, st.wiped, st.expiredAt = true, true, s.now
			}
		}
		s.hidden(EvWiped, "", M("adversary.wiped"), nil)
	case taskFlee:
		if !s.arrested[t.id] && !s.fled[t.id] {
			s.fled[t.id] = true
			s.hidden(EvFled, t.id, M("adversary.fled", Ent("person", t.id)), nil)
		}
	case taskInstruct:
		s.carryOut(t)
	case taskPackage:
		s.packageArrives(t.id)
	case taskDecision:
		s.decisionDue(t.at)
	case taskRecheck:
		s.handoffOut = false
		s.say(EvMessage, "", M("case.recheck_back"))
	case taskHandoff:
		s.handoffAnswer(t.pkg)
	case taskVerdict:
		s.verdictDue()
	case taskDeadline:
		s.say(EvDeadline, "", M("court.deadline"))
		s.endWith(OutcomeDeadline)
	}
}

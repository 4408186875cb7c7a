package game

import (
	"fmt"
	"slices"
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
		return func() { s.personAction(cmd.Verb, p, v.Cost) }, nil
	case "handoff":
		u, err := arg(0, KindUnit)
		if err != nil {
			return nil, err
		}
		return func() { s.handoff(u, v.Cost) }, nil
	case "prosecute":
		return func() { s.prosecute(v.Cost) }, nil
	}
	return nil, fmt.Errorf("%s cannot be done here", cmd.Verb)
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
		return 0, fmt.Errorf("usage: wait DURATION (e.g. 6h, 3d) or wait until HH:MM")
	}
	d, err := ParseDuration(args[0])
	if err != nil {
		return 0, err
	}
	if d <= 0 {
		return 0, fmt.Errorf("wait: the duration must be positive")
	}
	return d, nil
}

// reject records a refusal that costs the time already spent.
func (s *Session) reject(subject string, why Text, cost Minutes) {
	s.rejections++
	s.say("rejected", subject, why)
	s.advance(cost)
}

func (s *Session) jur(e *Entity) *Jurisdiction { return s.sc.Jurisdictions[e.Jurisdiction] }

func (s *Session) newRequest(instr string, holder, target string, delay [2]Minutes, cost Minutes) *Request {
	// The request leaves once drafted: SentAt is after the command's cost.
	r := &Request{ID: fmt.Sprintf("R%d", len(s.requests)+1), Instrument: instr, Holder: holder, Target: target,
		SentAt: s.now + cost, Status: "pending"}
	if h := s.sc.Entity(holder); h != nil {
		if d, ok := h.Delays[instr]; ok {
			delay = d
		}
	}
	r.DueAt = r.SentAt + s.rng.Between(delay[0], delay[1])
	s.requests = append(s.requests, r)
	s.schedule(&task{at: r.DueAt, kind: "answer", req: r})
	to := s.nameT(holder)
	if instr == "warrant" {
		to = Text{"the court", "суд"}
	}
	txt := Tf("%s %s sent to %s about %s; answer expected by %s", "Отправлено: %s, %s — адресат %s, о %s; ответ ожидается к %s",
		r.ID, instrText(instr), to, s.nameT(target), s.cal.Date(r.DueAt))
	if target == holder {
		txt = Tf("%s %s sent to %s; answer expected by %s", "Отправлено: %s, %s — адресат %s; ответ ожидается к %s",
			r.ID, instrText(instr), to, s.cal.Date(r.DueAt))
	}
	s.emit(Event{Kind: "request_sent", Subject: r.ID, Text: txt,
		Data: map[string]string{"instrument": instr, "holder": holder, "target": target}})
	return r
}

func instrText(instr string) Text {
	names := map[string]Text{
		"order":     {"production order", "судебное решение"},
		"request":   {"subscriber request", "запрос об абоненте"},
		"preserve":  {"24/7 preservation request", "запрос о сохранении (Сеть 24/7)"},
		"mlat":      {"MLAT request", "запрос о правовой помощи"},
		"ask":       {"informal request", "неформальный запрос"},
		"statement": {"request for a statement of losses", "запрос справки об ущербе"},
		"takedown":  {"takedown notice", "уведомление об удалении"},
		"warrant":   {"warrant application", "ходатайство об обыске"},
		"handoff":   {"hand-off package", "передача материалов"},
		"court":     {"indictment", "обвинительное заключение"},
	}
	if t, ok := names[instr]; ok {
		return t
	}
	return T(instr)
}

func (s *Session) legalRequest(instr string, h, t *Entity, cost Minutes) {
	home := s.sc.HomeLaw()
	hj := s.jur(h)
	if h.Kind != KindOrg || hj == nil {
		s.reject(instr, Tf("%s is not an organisation that holds data; legal requests go to organisations.",
			"%s не организация-держатель данных; запросы направляются организациям.", h.ID), cost)
		return
	}
	domestic := h.Jurisdiction == s.sc.Home
	unitRole := s.sc.Entity(s.sc.Unit).Role
	switch instr {
	case "order", "request":
		if !domestic {
			s.reject(instr, Tf("%s is in %s: a domestic %s cannot reach it. Preserve the data through the 24/7 Network, then send an MLAT request.",
				"%s находится в юрисдикции %s: отечественный %s туда не действует. Сохраните данные через Сеть 24/7, затем направьте запрос о правовой помощи.",
				h.Name, hj.Name, instrText(instr)), cost)
			return
		}
		if !home.Can(unitRole, "investigate") {
			s.reject(instr, Tf("Your unit has no power to investigate.", "У вашего подразделения нет полномочий на проверку."), cost)
			return
		}
		if instr == "request" && !slices.Contains([]string{"isp", "mobile", "webmail", "host"}, h.Role) {
			s.reject(instr, Tf("%s is not a telecom operator: subscriber requests go to ISPs and mobile operators; use a production order.",
				"%s не оператор связи: запрос об абоненте направляется операторам; используйте судебное решение.", h.Name), cost)
			return
		}
		s.newRequest(instr, h.ID, t.ID, home.Delay(instr), cost)
	case "preserve":
		if domestic {
			s.reject(instr, Tf("%s is in your own country: use a production order.", "%s в вашей стране: используйте судебное решение.", h.Name), cost)
			return
		}
		if !home.Network247 {
			s.reject(instr, Tf("%s has no 24/7 Network contact point.", "У %s нет контактного пункта Сети 24/7.", home.Name), cost)
			return
		}
		if !hj.Network247 {
			s.reject(instr, Tf("%s has no 24/7 Network contact point: only an MLAT request can reach it.",
				"У %s нет контактного пункта Сети 24/7: остаётся запрос о правовой помощи.", hj.Name), cost)
			return
		}
		s.flags["preserve_sent"] = "yes"
		s.newRequest(instr, h.ID, t.ID, hj.Delay("preserve"), cost)
	case "mlat":
		if domestic {
			s.reject(instr, Tf("%s is in your own country: use a production order.", "%s в вашей стране: используйте судебное решение.", h.Name), cost)
			return
		}
		if !slices.Contains(home.MLATWith, h.Jurisdiction) && !slices.Contains(hj.MLATWith, s.sc.Home) {
			s.reject(instr, Tf("There is no mutual legal assistance treaty between %s and %s.", "Между %s и %s нет договора о правовой помощи.", home.Name, hj.Name), cost)
			return
		}
		if home.MLATNeedsCase && !s.caseOpen {
			s.reject(instr, Tf("An MLAT request in a criminal matter needs an opened criminal case: hand the case off first.",
				"Запрос о правовой помощи по уголовному делу возможен только после возбуждения дела: сначала передайте материалы."), cost)
			return
		}
		s.flags["mlat_sent"] = "yes"
		r := s.newRequest(instr, h.ID, t.ID, hj.Delay("mlat"), cost)
		// Data already frozen stays frozen until the request is executed.
		for _, rec := range s.heldRecords(h.ID, t.ID) {
			if st := s.records[rec.ID]; !st.expired && st.frozenUntil > s.now && st.frozenUntil < r.DueAt {
				st.frozenUntil = r.DueAt
			}
		}
	case "ask":
		s.flags["informal_request"] = "yes"
		s.newRequest(instr, h.ID, t.ID, hj.Delay("ask"), cost)
	}
	s.advance(cost)
}

func (s *Session) statement(h *Entity, cost Minutes) {
	s.newRequest("statement", h.ID, h.ID, s.sc.HomeLaw().Delay("statement"), cost)
	s.advance(cost)
}

func (s *Session) takedown(a, d *Entity, cost Minutes) {
	hostJur := ""
	if ip := s.sc.Entity(d.Link("ip")); ip != nil {
		if h := s.sc.Entity(ip.Link("host")); h != nil {
			hostJur = h.Jurisdiction
		}
	}
	if hostJur != "" && a.Jurisdiction != hostJur {
		s.reject("takedown", Tf("%s has no standing with a host in %s: send the notice through an association there.",
			"%s не может действовать в отношении хостера в %s: направьте уведомление через местную ассоциацию.",
			a.Name, s.sc.Jurisdictions[hostJur].Name), cost)
		return
	}
	j := s.jur(a)
	if j == nil {
		j = s.sc.HomeLaw()
	}
	s.newRequest("takedown", a.ID, d.ID, j.Delay("takedown"), cost)
	s.advance(cost)
}

func (s *Session) personAction(verb string, p *Entity, cost Minutes) {
	if s.fled[p.ID] {
		s.reject(verb, Tf("%s has left the country and is out of reach.", "%s выехал(а) из страны и недоступен(на).", p.Name), cost)
		return
	}
	if !s.caseOpen {
		s.reject(verb, Tf("A %s needs an opened criminal case: only the investigative department can ask for it.",
			"Для этого (%s) нужно возбуждённое уголовное дело: это делает следственный отдел.", verb), cost)
		return
	}
	if !s.Identified(p.ID) {
		s.reject(verb, Tf("%s is not identified by admissible evidence.", "Личность %s не установлена допустимыми доказательствами.", p.Name), cost)
		return
	}
	switch verb {
	case "warrant":
		s.newRequest("warrant", p.ID, p.ID, s.sc.HomeLaw().Delay("warrant"), cost)
		s.advance(cost)
	case "raid":
		if s.warrants[p.ID] <= s.now {
			s.reject(verb, Tf("There is no valid search warrant for %s.", "Нет действующего постановления об обыске у %s.", p.Name), cost)
			return
		}
		s.raid(p, cost)
	case "arrest":
		if s.arrested[p.ID] {
			s.reject(verb, Tf("%s is already detained.", "%s уже задержан(а).", p.Name), cost)
			return
		}
		s.arrested[p.ID] = true
		s.flags["arrested"] = "yes"
		s.say("arrest", p.ID, Tf("%s detained.", "%s задержан(а).", p.Name))
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

func (s *Session) raid(p *Entity, cost Minutes) {
	live := s.ComputersOn(s.now) && !s.wiped
	s.say("raid", p.ID, Tf("Search of the premises of %s at %s.", "Обыск у %s в %s.", p.Name, s.cal.Format(s.now)))
	found := 0
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
			s.obtainRecord(r, Text{"search under a court warrant, with attesting witnesses", "обыск по постановлению суда, с понятыми"}, true, Text{})
		}
	}
	switch {
	case live:
		s.flags["raid_live"] = "yes"
		s.say("output", "raid", Tf("The computers were on: the forensic team imaged them while running.",
			"Компьютеры были включены: специалисты сняли образы работающих систем."))
	case s.wiped:
		s.flags["raid_cold"] = "yes"
		s.say("output", "raid", Tf("The disks had been wiped: nothing of value on them.", "Диски были очищены: ничего ценного."))
	default:
		s.flags["raid_cold"] = "yes"
		s.say("output", "raid", Tf("The computers were off and their disks encrypted.", "Компьютеры были выключены, диски зашифрованы."))
	}
	if found == 0 {
		s.say("output", "raid", Tf("Nothing usable was seized.", "Ничего пригодного не изъято."))
	}
	s.advance(cost)
}

// obtainRecord turns a record into evidence; admissible or intelligence.
func (s *Session) obtainRecord(r *Record, basis Text, admissible bool, reason Text) {
	st := s.records[r.ID]
	st.seen = true
	if admissible {
		st.obtained = true
	}
	if !r.Content.Empty() {
		s.emit(Event{Kind: "output", Subject: r.ID, Text: r.Content})
	}
	s.addEvidence(evidenceSpec{
		Kind: "record", Source: r.ID, Title: r.Title, Content: r.Content, Basis: basis,
		Admissible: admissible, Reason: reason, Proves: r.Proves, Copies: r.Copies, Reveals: r.Reveals,
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
	r.Status = "answered"
	s.answering = r
	defer func() { s.answering = nil }()
	h := s.sc.Entity(r.Holder)
	recs := s.heldRecords(r.Holder, r.Target)
	switch r.Instrument {
	case "order", "request", "mlat":
		basis := map[string]Text{
			"order":   {"court production order", "судебное решение о предоставлении данных"},
			"request": {"request to a telecom operator under the law on operational-search activity", "запрос оператору связи (закон об ОРД)"},
			"mlat":    {"mutual legal assistance request", "запрос о правовой помощи"},
		}[r.Instrument]
		if r.Instrument == "mlat" && !s.Proven(ElemDistribution) {
			r.Status = "rejected"
			s.rejections++
			s.say("rejected", r.ID, Tf("%s returned by %s as incomplete: it shows no admissible evidence of the offence.",
				"%s возвращён (%s) как неполный: нет допустимых доказательств преступления.", r.ID, s.jur(h).Name))
			return
		}
		got := 0
		for _, rec := range recs {
			if r.Instrument == "request" && rec.Kind != "subscriber" {
				continue
			}
			st := s.records[rec.ID]
			if st.expired {
				s.say("answer", r.ID, Tf("%s: %s answers that the data (%s) is no longer retained.",
					"%s: %s отвечает, что данные (%s) уже не хранятся.", r.ID, h.Name, rec.Title))
				got++
				continue
			}
			if st.obtained {
				continue
			}
			got++
			s.say("answer", r.ID, Tf("%s answered by %s: %s", "%s: ответ от %s: %s", r.ID, h.Name, rec.Title))
			s.obtainRecord(rec, basis, true, Text{})
		}
		if got == 0 {
			s.say("answer", r.ID, Tf("%s: %s holds no data about %s.", "%s: у %s нет данных о %s.", r.ID, h.Name, r.Target))
		}
	case "ask":
		if h.Attr("informal") != "answers" {
			s.say("answer", r.ID, Tf("%s: %s declines to give data without a formal legal request.",
				"%s: %s отказывается предоставлять данные без официального запроса.", r.ID, h.Name))
		} else {
			got := 0
			for _, rec := range recs {
				if s.records[rec.ID].expired {
					continue
				}
				got++
				s.say("answer", r.ID, Tf("%s: %s replied informally: %s", "%s: %s ответил неформально: %s", r.ID, h.Name, rec.Title))
				s.obtainRecord(rec, Text{"none: informal e-mail to the holder", "нет: неформальное письмо держателю"}, false,
					Text{"obtained outside any legal channel: intelligence only, not admissible", "получено вне правового канала: только ориентирующая информация, недопустимо"})
			}
			if got == 0 {
				s.say("answer", r.ID, Tf("%s: %s holds no data about %s.", "%s: у %s нет данных о %s.", r.ID, h.Name, r.Target))
			}
		}
		if h.Attr("tips_off") == "yes" {
			s.tipOff(Tf("%s told its customer about the police enquiry.", "%s сообщил клиенту о запросе полиции.", h.Name))
		}
	case "preserve":
		j := s.jur(h)
		n := 0
		for _, rec := range recs {
			st := s.records[rec.ID]
			if st.expired || st.obtained {
				continue
			}
			st.frozenUntil = s.now + j.Preserve
			n++
		}
		if n == 0 {
			s.say("answer", r.ID, Tf("%s: %s confirms, but holds nothing about %s that can still be preserved.",
				"%s: %s подтверждает, но данных о %s для сохранения нет.", r.ID, h.Name, r.Target))
			return
		}
		s.flags["preserved"] = "yes"
		s.say("preserved", r.ID, Tf("%s: through the 24/7 Network, %s has frozen its data about %s until %s. Preservation obtains nothing: send an MLAT request before then.",
			"%s: через Сеть 24/7 %s заморозил данные о %s до %s. Сохранение ничего не даёт: направьте запрос о правовой помощи до этого срока.",
			r.ID, h.Name, r.Target, s.cal.Date(s.now+j.Preserve)))
	case "statement":
		content := both(func(l Lang) string {
			var b strings.Builder
			fmt.Fprintf(&b, "%s %s\n", pick(l, "statement of losses by", "справка об ущербе:"), h.Name.In(l))
			for _, t := range s.sc.Titles {
				if t.RightsHolder == h.ID && t.Prerelease {
					fmt.Fprintf(&b, "  %-34s %s %d %s\n", t.Name.In(l), pick(l, "estimated loss", "оценка ущерба"), t.Estimate, s.sc.HomeLaw().Currency)
				}
			}
			return b.String()
		})
		s.say("output", r.ID, content)
		s.addEvidence(evidenceSpec{Kind: "statement", Source: h.ID, Title: Tf("Statement of losses by %s", "Справка об ущербе от %s", h.Name),
			Content: content, Basis: Text{"rights holder's statement, attached to the complaint", "заявление правообладателя"}, Admissible: true})
		s.flags["statement"] = "yes"
	case "takedown":
		s.siteDown[r.Target] = true
		early := s.takedownFlags(r.Target)
		s.say("site_down", r.Target, Tf("%s: the host took %s offline after the association's notice.",
			"%s: хостер отключил %s по уведомлению ассоциации.", r.ID, r.Target))
		if early {
			s.adversaryReacts()
		}
	case "warrant":
		life := s.sc.HomeLaw().WarrantLife
		if life <= 0 {
			life = 30 * Day
		}
		s.warrants[r.Target] = s.now + life
		s.say("warrant", r.Target, Tf("%s: the court granted a search warrant for %s, valid until %s.",
			"%s: суд разрешил обыск у %s, действует до %s.", r.ID, s.nameT(r.Target), s.cal.Date(s.now+life)))
	}
}

// takedownFlags records whether a takedown came before any operator was
// arrested, and reports it.
func (s *Session) takedownFlags(domain string) (early bool) {
	a := s.sc.Adversary
	for _, p := range a.Operators {
		if s.arrested[p] {
			s.flags["takedown_after_arrest"] = "yes"
			return false
		}
	}
	if domain != a.Site {
		return false
	}
	s.flags["takedown_early"] = "yes"
	return true
}

// adversaryReacts is what operators do when their site goes down while they
// are free: they wipe and reappear under a new domain.
func (s *Session) adversaryReacts() {
	a := s.sc.Adversary
	s.tipOff(Tf("The operators saw their site go down and know they are being watched.", "Операторы увидели отключение сайта и поняли, что за ними следят."))
	if a.HopTo != "" {
		s.schedule(&task{at: s.now + s.rng.Between(a.HopDelay[0], a.HopDelay[1]), kind: "hop", id: a.HopTo})
	}
}

func (s *Session) tipOff(why Text) {
	if s.alerted {
		return
	}
	s.alerted = true
	s.flags["tipped_off"] = "yes"
	s.hidden("tipped_off", "", why)
	w := s.sc.Adversary.WipeDelay
	s.schedule(&task{at: s.now + s.rng.Between(w[0], w[1]), kind: "wipe"})
}

// run carries out a queued task.
func (s *Session) run(t *task) {
	switch t.kind {
	case "answer":
		s.answer(t.req)
	case "retention":
		st := s.records[t.id]
		switch {
		case st.obtained || st.expired:
		case st.frozenUntil > s.now:
			s.schedule(&task{at: st.frozenUntil, kind: "retention", id: t.id})
		default:
			st.expired = true
			r := s.sc.Record(t.id)
			s.hidden("records_expired", r.ID, Tf("%s deleted %s when its retention period ended.", "%s удалил(а): %s (истёк срок хранения).", s.nameT(r.Holder), r.Title))
		}
	case "message":
		var i int
		fmt.Sscan(t.id, &i)
		m := s.sc.Messages[i]
		s.emit(Event{Kind: "message", Subject: m.From, Text: Text{En: m.Subject.En + "\n" + m.Body.En, Ru: m.Subject.In(RU) + "\n" + m.Body.In(RU)}})
	case "timer":
		s.emit(Event{Kind: "timer", Subject: t.id, Hidden: true, Text: T("timer " + t.id)})
	case "hop":
		s.reveal(t.id)
		s.say("site_reappeared", t.id, Tf("The site is back online under a new name: %s.", "Сайт снова работает под новым именем: %s.", t.id))
	case "wipe":
		s.wiped = true
		for _, r := range s.sc.Records {
			if r.Kind == "live" && !s.records[r.ID].obtained {
				s.records[r.ID].expired = true
			}
		}
		s.hidden("wiped", "", Tf("The operators wiped their computers and server.", "Операторы очистили компьютеры и сервер."))
	case "handoff":
		s.handoffAnswer(t.pkg)
	case "verdict":
		s.verdictDue()
	case "deadline":
		s.say("deadline", "", Tf("The case deadline has passed without a verdict.", "Крайний срок прошёл без приговора."))
		s.endWith(OutcomeDeadline)
	}
}

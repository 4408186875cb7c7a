package game

import (
	"maps"
	"slices"
	"sort"
	"time"
)

// View is everything any screen shows of a session, computed by the rules:
// the desk, the hand-off scene, the map, the debrief, the room's dashboard
// and the reports draw from it and decide no rule of their own. It holds
// data and messages, never rendered text, and round-trips through JSON.
type View struct {
	Scenario ScenarioView `json:"scenario"`
	Now      Minutes      `json:"now"`
	Day      int          `json:"day"`
	Phase    Phase        `json:"phase"`
	PhaseMsg Msg          `json:"phase_msg"`
	Lead     string       `json:"lead"` // the unit that leads the case now

	Entities  []EntityView   `json:"entities"`
	General   []ActionView   `json:"general"` // commands that concern no one entity
	Countries []CountryView  `json:"countries"`
	Requests  []Request      `json:"requests"`
	Deadlines []Deadline     `json:"deadlines"`
	Evidence  []Evidence     `json:"evidence"`
	Damages   DamageReport   `json:"damages"`
	Suspects  []string       `json:"suspects"`
	Proven    []string       `json:"proven"`            // elements admissible evidence proves now
	Needed    []string       `json:"needed,omitempty"`  // elements the court still needs (any conviction, then the serious charge)
	Lessons   []LessonResult `json:"lessons,omitempty"` // the scenario's lessons as they stand
	Handoff   HandoffView    `json:"handoff"`
	Inbox     []InboxItem    `json:"inbox"`

	Ending       *Ending  `json:"ending,omitempty"`
	Debrief      *Debrief `json:"debrief,omitempty"`
	ScriptErrors []string `json:"script_errors,omitempty"`
	Checksum     string   `json:"checksum"`
	Entries      int      `json:"entries"` // commands in the log
}

// ScenarioView is what screens show of the scenario itself.
type ScenarioView struct {
	ID       string      `json:"id"`
	Hash     string      `json:"hash"`
	Title    Text        `json:"title"`
	Summary  Text        `json:"summary,omitempty"`
	Briefing Text        `json:"briefing"`
	Langs    []Lang      `json:"langs"`
	Duration Minutes     `json:"duration,omitempty"`
	Start    time.Time   `json:"start"`
	Deadline Minutes     `json:"deadline"`
	Home     string      `json:"home"`
	Unit     string      `json:"unit"`
	Powers   []string    `json:"powers,omitempty"`   // what the trainee's unit may do itself (see game.VerbPower)
	Receives bool        `json:"receives,omitempty"` // the trainee's unit receives a package and decides on the case
	Officer  Text        `json:"officer,omitempty"`
	Site     string      `json:"site,omitempty"` // the pirate site the case is about
	Goals    []Objective `json:"objectives"`
}

// EntityView is one known entity as the screens show it.
type EntityView struct {
	ID      string       `json:"id"`
	Kind    string       `json:"kind"`
	Role    string       `json:"role,omitempty"`
	Name    Text         `json:"name"`
	KindMsg Msg          `json:"kind_msg"`
	Country string       `json:"country,omitempty"`
	Party   bool         `json:"party,omitempty"` // a unit, association or rights holder: not on the link chart
	Own     bool         `json:"own,omitempty"`   // the trainee's own unit
	Links   []LinkView   `json:"links,omitempty"` // relations to other known entities
	Status  []string     `json:"status,omitempty"`
	Actions []ActionView `json:"actions,omitempty"`
}

// LinkView is a known relation from one entity to another.
type LinkView struct {
	Rel string `json:"rel"` // registrar, ip, host, alias, holder, found_by, ...
	To  string `json:"to"`
	Msg Msg    `json:"msg"`
}

// Risk is how much an action may cost the case beyond its time.
type Risk string

// The levels of risk.
const (
	RiskNone Risk = ""
	RiskLow  Risk = "low"
	RiskHigh Risk = "high"
)

// ActionView is a command that fits an entity (or none), with what it
// costs and what it risks.
type ActionView struct {
	Line    string  `json:"line"`
	Verb    string  `json:"verb"`
	Cost    Minutes `json:"cost"`
	Risk    Risk    `json:"risk,omitempty"`
	RiskMsg Msg     `json:"risk_msg,omitempty"`
	Final   bool    `json:"final,omitempty"` // cannot be undone: confirm first
	// Via is the unit that carries the command out when the trainee's unit
	// may not do it itself: Line then instructs it.
	Via string `json:"via,omitempty"`
	// More says that the command needs more words from the trainee (e.g.
	// the elements a returned package lacks): Line is its beginning.
	More bool `json:"more,omitempty"`
	// Key marks a key decision (see KeyVerbs): the app asks for a reason.
	Key bool `json:"key,omitempty"`
}

// Channel is the legal route from the trainee's country to another.
type Channel string

// The channels.
const (
	ChannelDomestic     Channel = "domestic" // production orders, ISP requests
	ChannelPreserve     Channel = "247_mlat" // 24/7 preservation, then MLAT
	ChannelMLAT         Channel = "mlat"     // MLAT only
	ChannelPreserveOnly Channel = "247"      // preservation only, no treaty
	ChannelNone         Channel = "none"     // informal only
)

// CountryView is a jurisdiction in play, with the channel that reaches it
// and where each request to it stands.
type CountryView struct {
	ID         string  `json:"id"`
	Name       Text    `json:"name"`
	Home       bool    `json:"home,omitempty"`
	Budapest   bool    `json:"budapest,omitempty"`
	Network247 bool    `json:"network_247,omitempty"`
	Retention  Minutes `json:"retention,omitempty"`
	Preserve   Minutes `json:"preserve,omitempty"`
	Channel    Channel `json:"channel"`
	ChannelMsg Msg     `json:"channel_msg"`
	// Found lists the known entities there; a country with none is not yet
	// in play.
	Found  []string `json:"found,omitempty"`
	Status []Msg    `json:"status,omitempty"`
}

// HandoffView is what the hand-off scene shows.
type HandoffView struct {
	Targets  []string `json:"targets"` // known units that may open a case
	Missing  []Msg    `json:"missing"`
	CanSend  bool     `json:"can_send"` // no package out, no case open, not ended
	Pending  bool     `json:"pending,omitempty"`
	CaseOpen bool     `json:"case_open,omitempty"`
}

// InboxItem is an event shown in the inbox.
type InboxItem struct {
	Seq      int       `json:"seq"`
	At       Minutes   `json:"at"`
	Kind     EventKind `json:"kind"`
	Category Category  `json:"category"`
	Subject  string    `json:"subject,omitempty"`
	Msg      Msg       `json:"msg"`
}

// View computes the session's View.
func (s *Session) View() *View {
	sc := s.sc
	v := &View{
		Scenario: ScenarioView{ID: sc.ID, Hash: sc.Hash, Title: sc.Title, Summary: sc.Summary, Briefing: sc.Briefing, Langs: sc.Langs,
			Duration: sc.Duration, Start: sc.Start, Deadline: sc.Deadline, Home: sc.Home, Unit: sc.Unit, Powers: s.Powers(), Receives: s.receiving(), Officer: sc.Officer,
			Site: sc.Adversary.Site},
		Now: s.now, Day: int(s.now/Day) + 1, Phase: s.Phase(), PhaseMsg: s.PhaseMsg(), Lead: s.lead(),
		Requests: make([]Request, len(s.requests)), Deadlines: s.Deadlines(), Damages: s.Damages(), Suspects: s.Suspects(),
		Ending: s.ending, Debrief: s.Debrief(), ScriptErrors: slices.Clone(s.scriptErrors), Checksum: s.Checksum(), Entries: len(s.log),
	}
	for _, o := range sc.Objectives {
		v.Scenario.Goals = append(v.Scenario.Goals, *o)
	}
	for i, r := range s.requests {
		v.Requests[i] = *r
	}
	for _, e := range s.evidence {
		c := *e
		c.Custody = slices.Clone(e.Custody)
		v.Evidence = append(v.Evidence, c)
	}
	revealed := s.revealedLinks()
	for _, e := range s.KnownEntities() {
		v.Entities = append(v.Entities, s.entityView(e, revealed))
	}
	v.General = s.generalActions()
	for _, el := range s.elements() {
		if s.Proven(el) {
			v.Proven = append(v.Proven, el)
		}
	}
	court, serious := s.Needed()
	v.Needed = append(court, serious...)
	v.Lessons = s.lessonResults()
	v.Countries = s.countries()
	v.Handoff = HandoffView{Missing: s.Missing(), Pending: s.handoffOut, CaseOpen: s.caseOpen,
		CanSend: !s.handoffOut && !s.caseOpen && s.ending == nil}
	for _, e := range s.KnownEntities() {
		if s.canOpenCase(e) {
			v.Handoff.Targets = append(v.Handoff.Targets, e.ID)
		}
	}
	kinds := KindIndex()
	for _, ev := range s.events {
		info, ok := kinds[ev.Kind]
		if !ok || !info.Inbox || ev.Hidden {
			continue
		}
		v.Inbox = append(v.Inbox, InboxItem{Seq: ev.Seq, At: ev.At, Kind: ev.Kind, Category: info.Category, Subject: ev.Subject, Msg: ev.Msg})
	}
	return v
}

// Entity returns the view of a known entity, or nil.
func (v *View) Entity(id string) *EntityView {
	for i := range v.Entities {
		if v.Entities[i].ID == id {
			return &v.Entities[i]
		}
	}
	return nil
}

// Country returns the view of a jurisdiction, or nil.
func (v *View) Country(id string) *CountryView {
	for i := range v.Countries {
		if v.Countries[i].ID == id {
			return &v.Countries[i]
		}
	}
	return nil
}

// Name returns an entity's name, or its id as plain text when it is not
// known.
func (v *View) Name(id string) Text {
	if e := v.Entity(id); e != nil {
		return e.Name
	}
	if c := v.Country(id); c != nil {
		return c.Name
	}
	if v.Debrief != nil {
		if n, ok := v.Debrief.Names[id]; ok {
			return n
		}
	}
	return Plain(id)
}

// lead is the unit that leads the case now: the trainee's unit until a case
// is opened, then the unit that opened it.
func (s *Session) lead() string {
	if s.caseOpen {
		if u := s.caseUnit(); u != "" {
			return u
		}
	}
	return s.sc.Unit
}

// caseUnit is the unit that opened the case, or "".
func (s *Session) caseUnit() string {
	for i := len(s.events) - 1; i >= 0; i-- {
		if s.events[i].Kind == EvCaseOpened {
			return s.events[i].Subject
		}
	}
	return ""
}

// canOpenCase reports whether a unit may receive the hand-off package.
func (s *Session) canOpenCase(e *Entity) bool {
	home := s.sc.HomeLaw()
	return e.Kind == KindUnit && e.ID != s.sc.Unit && home != nil && home.Can(e.Role, "open_case")
}

// CountryOf is the jurisdiction an entity sits in, looking through its
// links when it names none itself (an IP address is where its network or
// host is).
func (s *Session) CountryOf(e *Entity) string {
	if e.Jurisdiction != "" {
		return e.Jurisdiction
	}
	for _, rel := range []string{"asn", "host", "processor", "registrar"} {
		if l := s.sc.Entity(e.Link(rel)); l != nil && l.Jurisdiction != "" {
			return l.Jurisdiction
		}
	}
	return ""
}

// isParty reports whether an entity is a party to the case (a unit, an
// association, a rights holder) rather than part of the trail.
func isParty(e *Entity) bool {
	switch e.Kind {
	case KindUnit:
		return true
	case KindOrg:
		return e.Role == "association" || e.Role == "rights_holder"
	}
	return false
}

func (s *Session) entityView(e *Entity, revealed map[string][]LinkView) EntityView {
	ev := EntityView{ID: e.ID, Kind: e.Kind, Role: e.Role, Name: e.Name, KindMsg: kindMsg(e), Country: s.CountryOf(e),
		Party: isParty(e), Own: e.ID == s.sc.Unit}
	for _, rel := range slices.Sorted(maps.Keys(e.Links)) {
		if to := e.Links[rel]; to != e.ID && s.known[to] {
			ev.Links = append(ev.Links, LinkView{Rel: rel, To: to, Msg: M("rel." + rel)})
		}
	}
	ev.Links = append(ev.Links, revealed[e.ID]...)
	switch {
	case s.siteDown[e.ID]:
		ev.Status = append(ev.Status, "down")
	case s.arrested[e.ID]:
		ev.Status = append(ev.Status, "detained")
	case s.fled[e.ID]:
		ev.Status = append(ev.Status, "fled")
	}
	if e.Kind == KindPerson && s.Identified(e.ID) {
		ev.Status = append(ev.Status, "identified")
	}
	if s.warrants[e.ID] > s.now {
		ev.Status = append(ev.Status, "warrant")
	}
	ev.Actions = s.actionsFor(e)
	return ev
}

// revealedLinks lists, for each known entity, the relations by which it
// was found that its own links do not already show: the entity whose tool
// output or record revealed it. It is built once per View.
func (s *Session) revealedLinks() map[string][]LinkView {
	out := map[string][]LinkView{}
	for _, r := range s.sc.Records {
		if !s.records[r.ID].seen || !s.known[r.About] {
			continue
		}
		for _, id := range r.Reveals {
			if id != r.About {
				out[id] = append(out[id], LinkView{Rel: "record", To: r.About, Msg: M("rel.record", Txt("record", r.Title))})
			}
		}
	}
	for _, src := range s.sc.Entities {
		if !s.known[src.ID] || len(src.Reveals) == 0 {
			continue
		}
		for _, tool := range slices.Sorted(maps.Keys(src.Reveals)) {
			if s.flags[string(UsedFlag(tool))] == "" {
				continue
			}
			for _, id := range src.Reveals[tool] {
				if id != src.ID {
					out[id] = append(out[id], LinkView{Rel: "found_by_" + tool, To: src.ID, Msg: M("rel.found_by", Str("tool", tool))})
				}
			}
		}
	}
	return out
}

// actionsFor lists the commands that make sense on a known entity, in the
// order the verbs are listed, with their time cost and risk.
func (s *Session) actionsFor(e *Entity) []ActionView {
	var out []ActionView
	add := func(verb string, args ...string) {
		out = append(out, s.action(verb, args...))
	}
	home := s.sc.Home
	switch e.Kind {
	case KindDomain:
		for _, v := range []string{"whois", "dns", "capture", "purchase", "osint"} {
			add(v, e.ID)
		}
	case KindIP:
		add("asn", e.ID)
		add("osint", e.ID)
	case KindOrg:
		switch e.Role {
		case "rights_holder":
			add("statement", e.ID)
		case "association":
			for _, d := range s.KnownEntities() {
				if d.Kind == KindDomain && !s.siteDown[d.ID] {
					add("takedown", e.ID, d.ID)
				}
			}
		default:
			for _, t := range s.targetsOf(e) {
				if e.Jurisdiction == home {
					add("order", e.ID, t)
					if slices.Contains(telecomRoles(), e.Role) {
						add("request", e.ID, t)
					}
				} else {
					add("preserve", e.ID, t)
					add("mlat", e.ID, t)
				}
				add("ask", e.ID, t)
			}
		}
	case KindPerson:
		for _, v := range []string{"warrant", "raid", "arrest", "osint"} {
			add(v, e.ID)
		}
	case KindUnit:
		if s.canOpenCase(e) {
			add("handoff", e.ID)
		}
		if e.ID != s.sc.Unit {
			add("contact", e.ID)
		}
	default:
		add("osint", e.ID)
	}
	// The home country's instruments in force that act on this kind, not
	// yet granted or asked for.
	for _, in := range s.sc.Instruments {
		if in.Target == e.Kind && s.inForce(in) && !slices.Contains(s.granted[e.ID], in.ID) && !s.pendingInstrument(in.ID, e.ID) && s.unmet(in, e).ID == "" {
			add("apply", in.ID, e.ID)
		}
	}
	return out
}

// pendingInstrument reports whether an instrument was applied to a target
// and is not yet answered.
func (s *Session) pendingInstrument(instr, target string) bool {
	for _, r := range s.requests {
		if r.Instrument == instr && r.Target == target && r.Status == StatusPending {
			return true
		}
	}
	return false
}

// action describes one command with its cost and risk; a command the
// trainee's unit may not give itself is offered as an instruction to a unit
// that may.
func (s *Session) action(verb string, args ...string) ActionView {
	v, _ := s.verbs.Lookup(verb)
	a := ActionView{Line: Command{Verb: verb, Args: args}.String(), Verb: verb, Cost: v.Cost, Key: slices.Contains(KeyVerbs(), verb)}
	if !s.may(s.sc.Entity(s.sc.Unit), verb) {
		if u := s.instructable(verb); u != nil {
			iv, _ := s.verbs.Lookup("instruct")
			a.Line, a.Via, a.Cost = "instruct "+u.ID+" "+a.Line, u.ID, iv.Cost
		}
	}
	switch verb {
	case "ask":
		a.Risk, a.RiskMsg = RiskHigh, M("risk.ask")
	case "takedown":
		a.Final = true
		if !s.anyOperatorArrested() {
			a.Risk, a.RiskMsg = RiskHigh, M("risk.takedown_early")
		}
	case "raid":
		a.Final = true
		if home := s.sc.HomeLaw(); home != nil && home.IsNight(s.cal.HourOf(s.now)) {
			a.Risk, a.RiskMsg = RiskHigh, M("risk.raid_night")
		}
	case "mlat":
		if home := s.sc.HomeLaw(); home != nil && home.MLATNeedsCase && !s.caseOpen {
			a.Risk, a.RiskMsg = RiskLow, M("risk.mlat_no_case")
		}
	case "prosecute":
		a.Final = true
		if len(s.pendingAt(s.now)) > 0 {
			a.Risk, a.RiskMsg = RiskHigh, M("risk.prosecute_pending")
			a.Line = "prosecute now" // the app confirms instead of the console's warning
		}
	case "handoff", "arrest":
		a.Final = true
	case "warrant":
		if !s.caseOpen {
			a.Risk, a.RiskMsg = RiskLow, M("risk.no_case")
		}
	}
	return a
}

func (s *Session) anyOperatorArrested() bool {
	for _, p := range s.sc.Adversary.Operators {
		if s.arrested[p] {
			return true
		}
	}
	return false
}

// generalActions are the commands about time and the case as a whole.
func (s *Session) generalActions() []ActionView {
	var out []ActionView
	for _, w := range []string{"2h", "1d", "3d", "1w"} {
		a := s.action("wait", w)
		a.Cost, _ = ParseDuration(w)
		out = append(out, a)
	}
	out = append(out, ActionView{Line: "wait until 05:30", Verb: "wait", Cost: s.cal.Until(s.now, 5, 30)})
	for _, q := range []string{"status", "damages", "evidence", "help"} {
		out = append(out, s.action(q))
	}
	if s.receiving() && !s.caseOpen && s.received && !s.decided {
		out = append(out, s.action("open"))
		if from := s.sc.Case.Receive.From; s.known[from] {
			a := s.action("return", from)
			a.More = true
			out = append(out, a)
		}
		if !s.extended {
			out = append(out, s.action("extend"))
		}
		out = append(out, s.action("refuse"))
	}
	out = append(out, s.action("prosecute"))
	return out
}

// targetsOf lists the known entities an organisation may hold data about:
// those that link to it, and those its records are about.
func (s *Session) targetsOf(org *Entity) []string {
	var out []string
	for _, e := range s.KnownEntities() {
		for _, rel := range slices.Sorted(maps.Keys(e.Links)) {
			if e.Links[rel] == org.ID {
				out = append(out, e.ID)
				break
			}
		}
	}
	// What the organisation holds records about is a target too, even
	// when nothing links it to the organisation.
	for _, r := range s.sc.Records {
		if r.Holder == org.ID && r.About != org.ID && s.known[r.About] && !slices.Contains(out, r.About) {
			out = append(out, r.About)
		}
	}
	return out
}

// ChannelTo is the legal route from the scenario's home country to a
// jurisdiction, from the rule packs.
func (sc *Scenario) ChannelTo(j *Jurisdiction) Channel {
	home := sc.HomeLaw()
	if home == nil || j == nil {
		return ChannelNone
	}
	if j.ID == home.ID {
		return ChannelDomestic
	}
	mlat := slices.Contains(home.MLATWith, j.ID) || slices.Contains(j.MLATWith, home.ID)
	n247 := home.Network247 && j.Network247
	switch {
	case mlat && n247:
		return ChannelPreserve
	case mlat:
		return ChannelMLAT
	case n247:
		return ChannelPreserveOnly
	}
	return ChannelNone
}

// countries lists every jurisdiction of the scenario, the home country
// first, then those where something was found, then the rest, each with its
// channel and the state of the requests and data there.
func (s *Session) countries() []CountryView {
	found := map[string][]string{}
	for _, e := range s.KnownEntities() {
		if c := s.CountryOf(e); c != "" && e.Kind != KindUnit {
			found[c] = append(found[c], e.ID)
		}
	}
	var out []CountryView
	for _, id := range slices.Sorted(maps.Keys(s.sc.Jurisdictions)) {
		j := s.sc.Jurisdictions[id]
		ch := s.sc.ChannelTo(j)
		cv := CountryView{ID: id, Name: j.Name, Home: id == s.sc.Home, Budapest: j.Budapest, Network247: j.Network247,
			Retention: j.Retention, Preserve: j.Preserve, Channel: ch, ChannelMsg: M("channel." + string(ch)), Found: found[id]}
		cv.Status = s.countryStatus(id)
		out = append(out, cv)
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Home != out[b].Home {
			return out[a].Home
		}
		return len(out[a].Found) > 0 && len(out[b].Found) == 0
	})
	return out
}

// countryStatus says where things stand in one country: frozen data with
// the days left, pending requests with their due dates, data lost.
func (s *Session) countryStatus(id string) []Msg {
	var out []Msg
	for _, r := range s.requests {
		h := s.sc.Entity(r.Holder)
		if h == nil || h.Jurisdiction != id || r.Status != StatusPending {
			continue
		}
		out = append(out, M("country.pending", Sub("instrument", s.instrMsg(r.Instrument)), Ent("holder", r.Holder), Date("due", r.DueAt), Span("left", r.DueAt-s.now)))
	}
	frozen := map[string]bool{}
	for _, r := range s.sc.Records {
		h := s.sc.Entity(r.Holder)
		st := s.records[r.ID]
		if h == nil || h.Jurisdiction != id || !s.known[r.Holder] || !s.known[r.About] {
			continue
		}
		if key := r.Holder + "\x00" + r.About; st.frozenUntil > s.now && !st.obtained && !st.expired {
			if frozen[key] {
				continue // one line for all the data a holder froze about one target
			}
			frozen[key] = true
		}
		switch {
		case st.obtained:
			out = append(out, M("country.obtained", Txt("record", r.Title)))
		case st.expired:
			out = append(out, M("country.lost", Txt("record", r.Title)))
		case st.frozenUntil > s.now:
			out = append(out, M("country.frozen", Ent("holder", r.Holder), Date("until", st.frozenUntil), Span("left", st.frozenUntil-s.now), Bool("mlat", s.mlatPending(r.Holder, r.About))))
		}
	}
	return out
}

// mlatPending reports whether an MLAT request to a holder about a target is
// on its way.
func (s *Session) mlatPending(holder, about string) bool {
	for _, r := range s.requests {
		if r.Instrument == "mlat" && r.Holder == holder && r.Target == about && r.Status == StatusPending {
			return true
		}
	}
	return false
}

// elements lists every element the scenario's rules or records mention.
func (s *Session) elements() []string {
	var out []string
	add := func(el string) {
		if !slices.Contains(out, el) {
			out = append(out, el)
		}
	}
	for _, el := range s.sc.Case.Handoff {
		add(el)
	}
	for _, el := range s.sc.Case.Court {
		add(el)
	}
	for _, el := range s.sc.Case.Serious {
		add(el)
	}
	for _, r := range s.sc.Records {
		for _, el := range r.Proves {
			add(el)
		}
	}
	add(ElemDistribution)
	return out
}

package scripting

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"takedown/game"
)

// API returns every function a scenario may call, with its documentation.
// It is the single registry: the sandbox installs these functions, and the
// reference and the editor stubs are generated from it.
func API() []*Func {
	return []*Func{
		{Name: "scenario", Phase: Declare, Summary: "Declares the scenario's metadata. Call it once, first.",
			Params: []Param{{"def", "table", "the scenario's metadata"}},
			Fields: []Field{
				{"id", "string", true, "a short unique id, e.g. \"film-site\""},
				{"api", "integer", true, "the API version the scenario was written for (now 1)"},
				{"title", "text", true, "the title shown in the picker"},
				{"summary", "text", false, "one or two sentences for the picker"},
				{"briefing", "text", true, "the complaint and situation the trainee reads first"},
				{"duration", "string", false, "expected playing time, e.g. \"45m\" or \"1h30m\""},
				{"langs", "list", false, "languages all text is given in (any tags: \"en\", \"ru\", \"uk\", ...); default { \"en\", \"ru\" }; the first is the language documents are recorded in"},
				{"start", "string", true, "start date and time, \"YYYY-MM-DD HH:MM\""},
				{"deadline", "duration", true, "time until the case must have a verdict, e.g. \"300d\""},
				{"home", "string", true, "the trainee's jurisdiction id, e.g. \"ru\""},
				{"unit", "string", true, "the id of the unit the trainee plays"},
				{"officer", "text", false, "the collecting officer named in evidence, with rank, e.g. { en = \"Lt. A. Volkov\", ru = \"лейтенант А. Волков\" }"},
			},
			Example: `scenario { id = "film-site", api = 1, title = { en = "Premiere", ru = "Премьера" }, ... }`,
			call:    declScenario},
		{Name: "use_rules", Phase: Declare, Summary: "Loads shared jurisdiction rule packs by id (ru, nl, ua, us, fi, ee, ...).",
			Params:  []Param{{"...", "string", "rule pack ids"}},
			Example: `use_rules("ru", "nl", "us")`, call: declUseRules},
		{Name: "add_jurisdiction", Phase: Declare, Summary: "Declares a jurisdiction's law as data. Rule packs call it; a scenario may add its own.",
			Params: []Param{{"def", "table", "the jurisdiction"}},
			Fields: []Field{
				{"id", "string", true, "ISO-like code, e.g. \"nl\""},
				{"name", "text", true, "the country's name"},
				{"currency", "string", false, "currency of thresholds, e.g. \"RUB\""},
				{"budapest", "boolean", false, "party to the Budapest Convention on Cybercrime"},
				{"network_247", "boolean", false, "keeps a 24/7 Network contact point"},
				{"mlat_with", "list", false, "jurisdictions it has mutual legal assistance with"},
				{"mlat_needs_case", "boolean", false, "its MLAT requests need an opened criminal case"},
				{"threshold", "integer", false, "damages that make an IPR case a serious crime"},
				{"retention", "duration", false, "how long holders there keep logs"},
				{"preserve_for", "duration", false, "how long a preservation request freezes data"},
				{"warrant_valid", "duration", false, "how long a search warrant stays valid"},
				{"delays", "spans", false, "per instrument { order = {\"5d\",\"10d\"}, mlat = ..., preserve, request, takedown, warrant, statement, handoff, court, ask, central (the central authority's own time for an MLAT sent once a case is open), recheck (a refused package's review) }"},
				{"preserve_renewals", "integer", false, "how many times a preservation may be renewed (default 0; -1: any number)"},
				{"holds_for_mlat", "boolean", false, "data frozen there stays frozen once an MLAT request for it arrives (Budapest Convention art. 29(7))"},
				{"night", "hours", false, "hours { from, to } when investigative actions are unlawful without urgency, e.g. { 22, 6 }"},
				{"damages", "tiers", false, "damages tiers by date of the offence: { { from = \"2003-12-08\", to = \"2011-12-08\", tiers = { large = 50000, especially_large = 250000 } }, ... }: below the lowest tier no crime; the highest is the serious one"},
				{"powers", "lists", false, "unit role -> powers, e.g. { cybercrime = { \"investigate\" }, investigative = { \"investigate\", \"open_case\" } }"},
			},
			call: declJurisdiction},
		{Name: "add_entity", Phase: Declare, Summary: "Declares an organisation, unit, person, alias, group or internet asset.",
			Params: []Param{{"def", "table", "the entity"}},
			Fields: []Field{
				{"id", "string", true, "unique id; for assets the name itself, e.g. \"kadr-torrent.ru\" or \"198.51.100.23\""},
				{"kind", "string", true, "domain, ip, asn, org, unit, person, alias, group, account, mailbox, phone or server"},
				{"name", "text", false, "display name (defaults to the id)"},
				{"role", "string", false, "organisations: registrar, host, isp, payment, bank, association, rights_holder, webmail, mobile, police; units: cybercrime, investigative, prosecutor, customs"},
				{"jurisdiction", "string", false, "where it is (required for org and unit)"},
				{"known", "boolean", false, "known to the trainee from the start"},
				{"links", "map", false, "relation -> id: domain: registrar, registrant, ip, payment; ip: asn, host; account: processor, holder"},
				{"attrs", "map", false, "free facts: redacted, created, nameservers, page_title, offer and price (what a test purchase buys), informal (\"answers\"), tips_off (true), address"},
				{"reveals", "lists", false, "tool -> ids the tool reveals on this entity, e.g. { osint = { \"alias-ryzhaya\" } }"},
				{"notes", "texts", false, "tool -> extra text in that tool's output"},
				{"copies", "counts", false, "for a site: title id -> downloads the page shows"},
				{"delays", "spans", false, "how this holder answers, overriding its jurisdiction: { request = { \"5m\", \"40m\" } }"},
				{"lead", "text", false, "told in the debrief if the trainee never found this"},
				{"does", "lists", false, "for a unit that sends the trainee's unit a package: element -> console commands it carries out when the package comes back asking for that element, e.g. { identity = { \"request stolitsa 203.0.113.45\" } }"},
			},
			call: declEntity},
		{Name: "add_record", Phase: Declare, Summary: "Declares data an organisation holds about an entity, which legal instruments obtain, or what a raid seizes from a person.",
			Params: []Param{{"def", "table", "the record"}},
			Fields: []Field{
				{"id", "string", true, "unique id"},
				{"holder", "string", true, "the organisation that holds it, or the person whose premises a raid searches"},
				{"about", "string", true, "the entity a request must name to get it"},
				{"kind", "string", true, "subscriber, logs, registrant, transactions, live (raid while computers are on), seized (any raid)"},
				{"title", "text", true, "what it is, e.g. \"Access logs of the server\""},
				{"content", "text", false, "the data as the trainee reads it"},
				{"reveals", "list", false, "ids it reveals"},
				{"proves", "list", false, "elements it proves: distribution, identity, link, income, or your own"},
				{"copies", "counts", false, "title id -> copies it proves"},
				{"retention", "duration", false, "deleted after this long unless preserved; default: the holder jurisdiction's retention; \"forever\" is not a duration: use keep = true"},
				{"keep", "boolean", false, "never deleted"},
				{"lead", "text", false, "told in the debrief if never obtained through a legal channel"},
				{"filed", "boolean", false, "gathered by the unit that sends the package before it reaches the trainee's unit (set_case receive): in the file when the package arrives"},
			},
			call: declRecord},
		{Name: "add_title", Phase: Declare, Summary: "Declares a work offered on the site, for the damages.",
			Params: []Param{{"def", "table", "the title"}},
			Fields: []Field{
				{"id", "string", true, "unique id"},
				{"name", "text", true, "the title's name"},
				{"kind", "string", false, "film, music, software, ..."},
				{"price", "integer", false, "retail value of one copy (required unless pre-release)"},
				{"prerelease", "boolean", false, "not yet released: valued at the rights holder's estimate"},
				{"estimate", "integer", false, "the rights holder's estimated loss (pre-release)"},
				{"rights_holder", "string", false, "the organisation that supplies the estimate"},
			},
			call: declTitle},
		{Name: "add_objective", Phase: Declare, Summary: "Declares a learning objective; check is called at the end and returns true when it was met.",
			Params: []Param{{"def", "table", "the objective"}},
			Fields: []Field{
				{"id", "string", true, "unique id"},
				{"text", "text", true, "what the trainee should learn to do"},
				{"points", "integer", false, "added to the score when met"},
				{"check", "function", true, "function() return is_proven(\"link\") end"},
			},
			call: declObjective},
		{Name: "add_lesson", Phase: Declare, Summary: "Declares a lesson the scenario exists to teach, as conditions the rules check: a win needs every lesson, and each one skipped costs at least the gap between a win and a partial result.",
			Params: []Param{{"def", "table", "the lesson"}},
			Fields: []Field{
				{"id", "string", true, "unique id"},
				{"text", "text", true, "the lesson in one sentence"},
				{"needs", "list", true, "conditions: obtained REC, proven ELEMENT, flag NAME, known ID, arrested PERSON, site-down, lawful-searches, no-tipoff, serious-damages, complete-handoff; not CONDITION"},
				{"missed", "text", false, "what the debrief says when a condition on one of the scenario's own flags fails (required then: the rules explain their own conditions)"},
			},
			Example: `add_lesson { id = "preserve", text = "Freeze foreign data at once", needs = { "flag preserved", "obtained rec-host-logs" } }`,
			call:    declLesson},
		{Name: "add_ending", Phase: Declare, Summary: "Declares an ending. Every rules outcome (convicted, acquitted, refused, deadline) needs one; others are reached by end_case.",
			Params: []Param{{"def", "table", "the ending"}},
			Fields: []Field{
				{"id", "string", true, "unique id"},
				{"outcome", "string", false, "the rules' outcome that leads here: convicted, acquitted, refused, deadline"},
				{"result", "string", true, "win, partial or loss"},
				{"title", "text", true, "headline"},
				{"text", "text", true, "what happened and why"},
				{"score", "integer", false, "base score before objectives and penalties"},
			},
			call: declEnding},
		{Name: "add_message", Phase: Declare, Summary: "Schedules a message to the trainee's inbox.",
			Params: []Param{{"def", "table", "the message"}},
			Fields: []Field{
				{"at", "duration", true, "when, from the start"},
				{"from", "string", false, "sender entity id"},
				{"subject", "text", true, "subject line"},
				{"body", "text", false, "body"},
			},
			call: declMessage},
		{Name: "add_decision", Phase: Declare, Summary: "Names a key decision for the debrief, by the flag it sets, with what each branch leads to.",
			Params: []Param{{"def", "table", "the decision"}},
			Fields: []Field{
				{"flag", "string", true, "the flag set when the decision is taken (rules flags: takedown_early, tipped_off, preserved, raid_live, statement, ...)"},
				{"label", "text", true, "the decision in a few words"},
				{"taken", "text", true, "what follows when it is taken"},
				{"not_taken", "text", true, "what follows when it is not"},
			},
			call: declDecision},
		{Name: "add_inject", Phase: Declare, Summary: "Declares an inject the instructor can fire during a workshop: what it does is a function that calls the play functions (send_message, reveal, tip_off, ...).",
			Params: []Param{{"def", "table", "the inject"}},
			Fields: []Field{
				{"id", "string", true, "unique id, used by the instructor's `inject ID`"},
				{"label", "text", true, "what the instructor sees on the button"},
				{"run", "function", true, "function() send_message { ... } end"},
			},
			Example: `add_inject { id = "press", label = "A journalist calls", run = function() send_message { from = "kinoshield", subject = "Press", body = "..." } end }`,
			call:    declInject},
		{Name: "set_adversary", Phase: Declare, Summary: "Sets how the operators react: domain hopping, working hours, wiping.",
			Params: []Param{{"def", "table", "the adversary"}},
			Fields: []Field{
				{"site", "string", true, "the pirate site's domain"},
				{"hop_to", "string", false, "the domain it reappears under after a takedown before arrest"},
				{"hop_delay", "range", false, "how soon it reappears, e.g. { \"3d\", \"7d\" }"},
				{"online", "hours", false, "hours their computers are on, { from, to }, e.g. { 22, 7 }"},
				{"wipe_delay", "range", false, "how soon after a tip-off they wipe everything"},
				{"operators", "list", false, "person ids of the operators"},
				{"flee", "list", false, "person ids who leave the country after a tip-off, unless detained first"},
				{"flee_delay", "range", false, "how soon they leave, e.g. { \"5d\", \"10d\" }"},
				{"mirrors", "list", false, "domains the operators open one after another, each time the site or a mirror is blocked (found only by monitoring: osint of the site or a mirror)"},
				{"mirror_delay", "range", false, "how soon a mirror opens after a block, e.g. { \"3d\", \"7d\" }"},
			},
			call: declAdversary},
		{Name: "add_instrument", Phase: Declare, Summary: "Declares a legal instrument of a country as data, such as a court's interim measures or the blocking of access; the trainee applies one with `apply ID TARGET`. Rule packs declare them.",
			Params: []Param{{"def", "table", "the instrument"}},
			Fields: []Field{
				{"id", "string", true, "unique id, typed by the trainee: apply ID TARGET"},
				{"jurisdiction", "string", true, "the country whose law it is; only the home country's can be applied"},
				{"name", "text", true, "its name in the trainee's language"},
				{"since", "string", false, "the date it came into force, YYYY-MM-DD"},
				{"until", "string", false, "the date it ceased to be in force, YYYY-MM-DD"},
				{"target", "string", true, "the kind of entity it acts on, e.g. domain"},
				{"needs", "list", false, "conditions on the target: captured (a hashed capture of it is in the file), granted ID (another instrument granted on it), case-open, mirror (a mirror the operators opened of a blocked site)"},
				{"delay", "range", true, "how long it takes to be granted, e.g. { \"2d\", \"5d\" }"},
				{"effect", "string", false, "what it does when granted: block (access to the domain is blocked in the country; the operators answer with a mirror), or none"},
			},
			Example: `add_instrument { id = "block", jurisdiction = "ru", name = { en = "blocking of access", ru = "блокировка доступа" }, since = "2013-08-01", target = "domain", needs = { "captured", "granted interim" }, delay = { "1d", "3d" }, effect = "block" }`,
			call:    declInstrument},
		{Name: "set_case", Phase: Declare, Summary: "Sets what the investigative department and the court need.",
			Params: []Param{{"def", "table", "the case rules"}},
			Fields: []Field{
				{"handoff", "list", true, "elements needed to open a case, e.g. { \"distribution\", \"identity\", \"damages\" }"},
				{"court", "list", true, "elements needed for any conviction"},
				{"serious", "list", false, "elements the court also needs for the serious charge (with damages at the top tier, or the group qualifier proven); without them the conviction falls short"},
				{"returns", "integer", false, "returns after which the department gives up (0: never)"},
				{"receive", "table", false, "the trainee plays the unit that receives the package: { from = UNIT, at = \"2h\", limit = \"3d\" } (when it arrives, and the time the law gives to decide: open, or return it with what is missing)"},
			},
			call: declCase},

		{Name: "reveal", Phase: Play, Effect: true, Summary: "Makes an entity known to the trainee (after the handler returns).",
			Params: []Param{{"id", "string", "entity id"}}, call: playReveal},
		{Name: "send_message", Phase: Play, Effect: true, Summary: "Puts a message in the trainee's inbox (after the handler returns).",
			Params: []Param{{"msg", "table", "{ from = id, subject = text, body = text }"}},
			Fields: []Field{{"from", "string", false, "sender entity id"}, {"subject", "text", true, "subject"}, {"body", "text", false, "body"}},
			call:   playMessage},
		{Name: "set_flag", Phase: Play, Effect: true, Summary: "Sets a flag (any string value; nil or \"\" clears it). get_flag sees it at once; the session when the handler returns.",
			Params: []Param{{"name", "string", "flag name"}, {"value", "string|boolean|nil", "value"}}, call: playSetFlag},
		{Name: "get_flag", Phase: Play, Summary: "Returns a flag's value, or nil.",
			Params: []Param{{"name", "string", "flag name"}}, Returns: "string|nil", call: playGetFlag},
		{Name: "add_timer", Phase: Play, Effect: true, Summary: "Calls on_timer(id) after a delay of simulated time.",
			Params: []Param{{"delay", "string", "e.g. \"10d\""}, {"id", "string", "timer id"}}, call: playTimer},
		{Name: "end_case", Phase: Play, Effect: true, Summary: "Ends the case at a declared ending (after the handler returns).",
			Params: []Param{{"id", "string", "ending id"}}, call: playEnd},
		{Name: "set_fled", Phase: Play, Effect: true, Summary: "Puts a person out of reach (left the country).",
			Params: []Param{{"id", "string", "person id"}}, call: playFlee},
		{Name: "tip_off", Phase: Play, Effect: true, Summary: "Alerts the operators; they wipe their computers after the adversary's wipe_delay.",
			Params: []Param{{"why", "text", "what alerted them (shown in the debrief)"}}, call: playTipOff},
		{Name: "is_known", Phase: Play, Summary: "Whether the trainee has found an entity.",
			Params: []Param{{"id", "string", "entity id"}}, Returns: "boolean", call: playIsKnown},
		{Name: "is_proven", Phase: Play, Summary: "Whether admissible evidence proves an element (damages: at or above the threshold).",
			Params: []Param{{"element", "string", "distribution, identity, link, income, damages, ..."}}, Returns: "boolean", call: playIsProven},
		{Name: "is_obtained", Phase: Play, Summary: "Whether a record was obtained through a legal channel.",
			Params: []Param{{"id", "string", "record id"}}, Returns: "boolean", call: playIsObtained},
		{Name: "is_expired", Phase: Play, Summary: "Whether a record was deleted before it was obtained.",
			Params: []Param{{"id", "string", "record id"}}, Returns: "boolean", call: playIsExpired},
		{Name: "is_arrested", Phase: Play, Summary: "Whether a person is detained.",
			Params: []Param{{"id", "string", "person id"}}, Returns: "boolean", call: playIsArrested},
		{Name: "is_fled", Phase: Play, Summary: "Whether a person has left the country.",
			Params: []Param{{"id", "string", "person id"}}, Returns: "boolean", call: playIsFled},
		{Name: "is_case_open", Phase: Play, Summary: "Whether a criminal case has been opened.", Returns: "boolean", call: playIsCaseOpen},
		{Name: "get_time", Phase: Play, Summary: "Simulated minutes since the start, and the hour of the day.", Returns: "integer, integer", call: playGetTime},
		{Name: "get_damages", Phase: Play, Summary: "Proven damages and the threshold.", Returns: "integer, integer", call: playGetDamages},
		{Name: "get_returns", Phase: Play, Summary: "How many times the hand-off package came back.", Returns: "integer", call: playGetReturns},
	}
}

func (c *call) argString(i int, name string) string {
	v := c.L.Get(i)
	s, ok := v.(lua.LString)
	if !ok {
		c.L.ArgError(i, fmt.Sprintf("%s: %s must be a string, got %s", c.fn.Name, name, v.Type()))
	}
	return string(s)
}

func (c *call) check(err error) {
	if err != nil {
		c.L.RaiseError("%s", err.Error())
	}
}

func (c *call) ret(v lua.LValue) int { c.L.Push(v); return 1 }

func declScenario(c *call) int {
	a := c.table()
	sc := c.sc.scn
	if c.sc.declaredScenario {
		c.fail("scenario is declared twice")
		return 0
	}
	c.sc.declaredScenario = true
	sc.ID = a.str("id")
	sc.APIVersion = int(a.integer("api"))
	if sc.APIVersion > game.APIVersion {
		c.fail("scenario: written for API version %d, but this program implements version %d: update Takedown", sc.APIVersion, game.APIVersion)
	} else if sc.APIVersion < 1 && a.get("api") != lua.LNil {
		c.fail("scenario: api must be 1 or more")
	}
	if langs := a.list("langs"); langs != nil {
		sc.Langs = nil
		for _, l := range langs {
			if !game.ValidLang(game.Lang(l)) {
				c.fail("scenario: langs: %q is not a language tag such as \"en\", \"ru\" or \"uk\"", l)
				continue
			}
			if slices.Contains(sc.Langs, game.Lang(l)) {
				c.fail("scenario: langs: %q is listed twice", l)
				continue
			}
			sc.Langs = append(sc.Langs, game.Lang(l))
		}
	}
	sc.Title, sc.Summary, sc.Briefing = a.text("title"), a.text("summary"), a.text("briefing")
	if d := a.str("duration"); d != "" {
		m, err := parsePlayTime(d)
		if err != nil {
			c.fail("scenario: duration: %q: give the expected playing time such as \"45m\" or \"1h30m\"", d)
		}
		sc.Duration = m
	}
	if s := a.str("start"); s != "" {
		t, err := game.ParseDate(s)
		if err != nil {
			c.fail("scenario: start: %v", err)
		}
		sc.Start = t
	}
	sc.Deadline = a.duration("deadline")
	sc.Home, sc.Unit, sc.Officer = a.str("home"), a.str("unit"), a.text("officer")
	if sc.Officer.Empty() {
		sc.Officer = game.Text{game.EN: "Duty officer", game.RU: "Дежурный сотрудник"}
	}
	c.sc.mark("", c.where())
	return 0
}

func declUseRules(c *call) int {
	n := c.L.GetTop()
	if n == 0 {
		c.fail("use_rules needs at least one rule pack id, e.g. use_rules(\"ru\")")
	}
	for i := 1; i <= n; i++ {
		id := c.argString(i, "rule pack id")
		if err := c.sc.useRules(id); err != nil {
			c.fail("use_rules: %v", err)
		}
	}
	return 0
}

func declJurisdiction(c *call) int {
	a := c.table()
	j := &game.Jurisdiction{
		ID: a.str("id"), Name: a.text("name"), Currency: a.str("currency"), Budapest: a.boolean("budapest"),
		Network247: a.boolean("network_247"), MLATWith: a.list("mlat_with"), MLATNeedsCase: a.boolean("mlat_needs_case"),
		Threshold: a.integer("threshold"), Retention: a.duration("retention"), Preserve: a.duration("preserve_for"),
		WarrantLife: a.duration("warrant_valid"), Delays: map[string][2]game.Minutes{}, Powers: map[string][]string{},
		Renewals: int(a.integer("preserve_renewals")), HoldsForMLAT: a.boolean("holds_for_mlat"), Night: c.hours(a, "night"),
	}
	if j.Preserve == 0 {
		j.Preserve = 90 * game.Day
	}
	j.Damages = c.damagesLaw(a)
	if n := len(j.Damages); n > 0 && j.Threshold == 0 {
		if tiers := j.Damages[n-1].Tiers; len(tiers) > 0 {
			j.Threshold = tiers[len(tiers)-1].Min
		}
	}
	instruments := []string{"order", "request", "preserve", "mlat", "takedown", "warrant", "statement", "handoff", "court", "ask", "central", "recheck", "instruct", "return"}
	a.dict("delays", func(k string, v lua.LValue) {
		if !slices.Contains(instruments, k) {
			c.fail("add_jurisdiction: delays: unknown instrument %q (%s)", k, strings.Join(instruments, ", "))
			return
		}
		j.Delays[k] = c.spanValue(v, "add_jurisdiction: delays."+k)
	})
	powers := game.Powers()
	a.dict("powers", func(k string, v lua.LValue) {
		ps := c.listValue(v, "add_jurisdiction: powers."+k)
		for _, p := range ps {
			if !slices.Contains(powers, p) {
				c.fail("add_jurisdiction: powers.%s: unknown power %q (%s)", k, p, strings.Join(powers, ", "))
			}
		}
		j.Powers[k] = ps
	})
	if j.ID == "" {
		return 0
	}
	if prev, ok := c.sc.scn.Jurisdictions[j.ID]; ok && prev != nil {
		c.sc.overridden = append(c.sc.overridden, j.ID)
	}
	c.sc.scn.Jurisdictions[j.ID] = j
	at := c.where()
	c.sc.mark("jurisdiction:"+j.ID, at)
	if w := at.String(); c.sc.scn.Where["jurisdiction:"+j.ID] != w {
		// A redefinition: problems point at the latest declaration.
		c.sc.scn.Where["jurisdiction:"+j.ID] = w
	}
	return 0
}

func declEntity(c *call) int {
	a := c.table()
	e := &game.Entity{
		ID: a.str("id"), Kind: a.str("kind"), Name: a.text("name"), Role: a.str("role"), Jurisdiction: a.str("jurisdiction"),
		Known: a.boolean("known"), Links: a.strMap("links"), Attrs: a.strMap("attrs"), Reveals: map[string][]string{},
		Notes: map[string]game.Text{}, Copies: a.intMap("copies"), Lead: a.text("lead"),
	}
	if e.Name.Empty() {
		e.Name = game.Plain(e.ID)
	}
	a.dict("reveals", func(k string, v lua.LValue) { e.Reveals[k] = c.listValue(v, "add_entity: reveals."+k) })
	a.dict("delays", func(k string, v lua.LValue) {
		if e.Delays == nil {
			e.Delays = map[string][2]game.Minutes{}
		}
		e.Delays[k] = c.spanValue(v, "add_entity: delays."+k)
	})
	a.dict("notes", func(k string, v lua.LValue) { e.Notes[k] = c.textValue(v, "add_entity: notes."+k) })
	a.dict("does", func(k string, v lua.LValue) {
		if e.Does == nil {
			e.Does = map[string][]string{}
		}
		e.Does[k] = c.listValue(v, "add_entity: does."+k)
	})
	c.sc.scn.Entities = append(c.sc.scn.Entities, e)
	c.sc.mark(e.ID, c.where())
	return 0
}

func declRecord(c *call) int {
	a := c.table()
	r := &game.Record{
		ID: a.str("id"), Holder: a.str("holder"), About: a.str("about"), Kind: a.str("kind"), Title: a.text("title"),
		Content: a.text("content"), Reveals: a.list("reveals"), Proves: a.list("proves"), Copies: a.intMap("copies"),
		Retention: a.duration("retention"), Lead: a.text("lead"), Filed: a.boolean("filed"),
	}
	if a.boolean("keep") {
		r.Retention = -1
	}
	c.sc.scn.Records = append(c.sc.scn.Records, r)
	c.sc.mark(r.ID, c.where())
	return 0
}

func declTitle(c *call) int {
	a := c.table()
	t := &game.Title{ID: a.str("id"), Name: a.text("name"), Kind: a.str("kind"), Price: a.integer("price"),
		Prerelease: a.boolean("prerelease"), Estimate: a.integer("estimate"), RightsHolder: a.str("rights_holder")}
	c.sc.scn.Titles = append(c.sc.scn.Titles, t)
	c.sc.mark(t.ID, c.where())
	return 0
}

func declObjective(c *call) int {
	a := c.table()
	o := &game.Objective{ID: a.str("id"), Text: a.text("text"), Points: int(a.integer("points"))}
	fn, ok := a.get("check").(*lua.LFunction)
	if !ok && a.get("check") != lua.LNil {
		a.wrong("check", "a function", a.get("check"))
	}
	if o.ID != "" {
		if _, dup := c.sc.checks[o.ID]; dup {
			c.fail("add_objective: objective %q is declared twice", o.ID)
			return 0
		}
		c.sc.checks[o.ID] = fn
	}
	c.sc.scn.Objectives = append(c.sc.scn.Objectives, o)
	c.sc.mark("objective:"+o.ID, c.where())
	return 0
}

func declLesson(c *call) int {
	a := c.table()
	l := &game.Lesson{ID: a.str("id"), Text: a.text("text"), Needs: a.list("needs"), Missed: a.text("missed")}
	c.sc.scn.Lessons = append(c.sc.scn.Lessons, l)
	c.sc.mark("lesson:"+l.ID, c.where())
	return 0
}

func declEnding(c *call) int {
	a := c.table()
	e := &game.Ending{ID: a.str("id"), Outcome: a.str("outcome"), Result: a.str("result"), Title: a.text("title"),
		Text: a.text("text"), Score: int(a.integer("score"))}
	c.sc.scn.Endings = append(c.sc.scn.Endings, e)
	c.sc.mark("ending:"+e.ID, c.where())
	return 0
}

func declMessage(c *call) int {
	a := c.table()
	c.sc.mark(fmt.Sprintf("message:%d", len(c.sc.scn.Messages)), c.where())
	c.sc.scn.Messages = append(c.sc.scn.Messages, &game.TimedMessage{At: a.duration("at"), From: a.str("from"),
		Subject: a.text("subject"), Body: a.text("body")})
	return 0
}

func declDecision(c *call) int {
	a := c.table()
	c.sc.mark(fmt.Sprintf("decision:%d", len(c.sc.scn.Decisions)), c.where())
	c.sc.scn.Decisions = append(c.sc.scn.Decisions, &game.Decision{Flag: a.str("flag"), Label: a.text("label"),
		Taken: a.text("taken"), NotTaken: a.text("not_taken")})
	return 0
}

func declInject(c *call) int {
	a := c.table()
	in := &game.Inject{ID: a.str("id"), Label: a.text("label")}
	fn, ok := a.get("run").(*lua.LFunction)
	if !ok && a.get("run") != lua.LNil {
		a.wrong("run", "a function", a.get("run"))
	}
	if in.ID != "" {
		if _, dup := c.sc.injects[in.ID]; dup {
			c.fail("add_inject: inject %q is declared twice", in.ID)
			return 0
		}
		c.sc.injects[in.ID] = fn
	}
	c.sc.scn.Injects = append(c.sc.scn.Injects, in)
	c.sc.mark("inject:"+in.ID, c.where())
	return 0
}

func declAdversary(c *call) int {
	a := c.table()
	adv := game.Adversary{Site: a.str("site"), HopTo: a.str("hop_to"), HopDelay: a.span("hop_delay"),
		WipeDelay: a.span("wipe_delay"), Operators: a.list("operators"), Flee: a.list("flee"), FleeDelay: a.span("flee_delay"),
		Mirrors: a.list("mirrors"), MirrorDelay: a.span("mirror_delay")}
	adv.Online = c.hours(a, "online")
	if adv.WipeDelay == [2]game.Minutes{} {
		adv.WipeDelay = [2]game.Minutes{game.Day, 3 * game.Day}
	}
	if adv.HopDelay == [2]game.Minutes{} {
		adv.HopDelay = [2]game.Minutes{2 * game.Day, 5 * game.Day}
	}
	if adv.FleeDelay == [2]game.Minutes{} {
		adv.FleeDelay = [2]game.Minutes{5 * game.Day, 10 * game.Day}
	}
	c.sc.scn.Adversary = adv
	c.sc.mark("adversary", c.where())
	return 0
}

func declInstrument(c *call) int {
	a := c.table()
	in := &game.Instrument{ID: a.str("id"), Jurisdiction: a.str("jurisdiction"), Name: a.text("name"), Target: a.str("target"),
		Needs: a.list("needs"), Delay: a.span("delay"), Effect: a.str("effect")}
	for _, k := range []string{"since", "until"} {
		if s := a.str(k); s != "" {
			d, err := game.ParseDate(s)
			if err != nil {
				c.fail("%s: field %q: %v", c.fn.Name, k, err)
			}
			if k == "since" {
				in.Since = d
			} else {
				in.Until = d
			}
		}
	}
	// A later declaration of the same id replaces the earlier one, as a
	// scenario may override a rule pack's.
	list := c.sc.scn.Instruments
	if i := slices.IndexFunc(list, func(x *game.Instrument) bool { return x.ID == in.ID }); i >= 0 {
		list[i] = in
	} else {
		c.sc.scn.Instruments = append(list, in)
	}
	c.sc.mark("instrument:"+in.ID, c.where())
	return 0
}

func declCase(c *call) int {
	a := c.table()
	c.sc.scn.Case = game.CaseRules{Handoff: a.list("handoff"), Court: a.list("court"), Serious: a.list("serious"), Returns: int(a.integer("returns"))}
	if v := a.get("receive"); v != lua.LNil {
		t, ok := v.(*lua.LTable)
		if !ok {
			a.wrong("receive", "a table { from = UNIT, at = DURATION, limit = DURATION }", v)
		} else {
			r := &c.sc.scn.Case.Receive
			if s, ok := t.RawGetString("from").(lua.LString); ok {
				r.From = string(s)
			} else {
				c.fail("set_case: receive.from must name the unit that sends the package")
			}
			if at := t.RawGetString("at"); at != lua.LNil {
				r.At = c.durationValue(at, "set_case: receive.at")
			}
			if lim := t.RawGetString("limit"); lim != lua.LNil {
				r.Limit = c.durationValue(lim, "set_case: receive.limit")
			}
		}
	}
	c.sc.mark("case", c.where())
	return 0
}

// effect records what a handler asks for, at the line that asked, after
// the session has checked it.
func (c *call) effect(e game.Effect) {
	e.Pos = c.where().String()
	if err := c.sc.cur.CheckEffect(e); err != nil {
		c.L.RaiseError("%s", err.Error())
	}
	if len(c.sc.effects) >= maxEffects {
		c.L.RaiseError("%s: more than %d effects from one handler call", c.fn.Name, maxEffects)
	}
	c.sc.effects = append(c.sc.effects, e)
}

// maxEffects bounds what one handler call may ask for.
const maxEffects = 1000

func playReveal(c *call) int {
	c.effect(game.Effect{Kind: game.EffReveal, ID: c.argString(1, "id")})
	return 0
}

func playMessage(c *call) int {
	a := c.table()
	subject, body := a.text("subject"), a.text("body")
	c.sc.checkPlayText(c, "send_message: subject", subject)
	c.sc.checkPlayText(c, "send_message: body", body)
	c.effect(game.Effect{Kind: game.EffMessage, From: a.str("from"), Subject: subject, Body: body})
	return 0
}

func playSetFlag(c *call) int {
	name := c.argString(1, "name")
	var val string
	switch v := c.L.Get(2).(type) {
	case *lua.LNilType:
	case lua.LBool:
		if v {
			val = "yes"
		}
	case lua.LString:
		val = string(v)
	case lua.LNumber:
		val = v.String()
	default:
		c.L.ArgError(2, "set_flag: value must be a string, number, boolean or nil")
	}
	c.effect(game.Effect{Kind: game.EffSetFlag, ID: name, Value: val})
	c.sc.flagsSet[name] = val
	return 0
}

func playGetFlag(c *call) int {
	name := c.argString(1, "name")
	v, set := c.sc.flagsSet[name]
	if !set {
		v = c.sc.cur.Flag(name)
	}
	if v == "" {
		return c.ret(lua.LNil)
	}
	return c.ret(lua.LString(v))
}

func playTimer(c *call) int {
	d, err := game.ParseDuration(c.argString(1, "delay"))
	if err != nil {
		c.L.ArgError(1, "add_timer: "+c.sc.prog.printer.errText(err))
	}
	c.effect(game.Effect{Kind: game.EffTimer, After: d, ID: c.argString(2, "id")})
	return 0
}

func playEnd(c *call) int {
	c.effect(game.Effect{Kind: game.EffEnd, ID: c.argString(1, "id")})
	return 0
}

func playFlee(c *call) int {
	c.effect(game.Effect{Kind: game.EffFlee, ID: c.argString(1, "id")})
	return 0
}

func playTipOff(c *call) int {
	why := c.textValue(c.L.Get(1), "tip_off: why")
	if why.Empty() {
		c.L.ArgError(1, "tip_off: say what alerted the operators, e.g. tip_off(\"a forum post about the raid\")")
	}
	c.effect(game.Effect{Kind: game.EffTipOff, Body: why})
	return 0
}

func playIsKnown(c *call) int { return c.ret(lua.LBool(c.sc.cur.Known(c.argString(1, "id")))) }
func playIsProven(c *call) int {
	return c.ret(lua.LBool(c.sc.cur.Proven(c.argString(1, "element"))))
}
func playIsObtained(c *call) int {
	return c.ret(lua.LBool(c.sc.cur.Obtained(c.argString(1, "id"))))
}
func playIsExpired(c *call) int {
	return c.ret(lua.LBool(c.sc.cur.Expired(c.argString(1, "id"))))
}
func playIsArrested(c *call) int {
	return c.ret(lua.LBool(c.sc.cur.Arrested(c.argString(1, "id"))))
}
func playIsFled(c *call) int { return c.ret(lua.LBool(c.sc.cur.Fled(c.argString(1, "id")))) }

func playIsCaseOpen(c *call) int { return c.ret(lua.LBool(c.sc.cur.CaseOpen())) }

func playGetTime(c *call) int {
	s := c.sc.cur
	c.L.Push(lua.LNumber(s.Now()))
	c.L.Push(lua.LNumber(s.Calendar().HourOf(s.Now())))
	return 2
}

func playGetDamages(c *call) int {
	d := c.sc.cur.Damages()
	c.L.Push(lua.LNumber(d.Total))
	c.L.Push(lua.LNumber(d.Threshold))
	return 2
}

func playGetReturns(c *call) int { return c.ret(lua.LNumber(c.sc.cur.Returns())) }

// parsePlayTime reads an expected playing time: "45m", "1h30m", or the
// older forms "45 min" and "1 h 30 min".
func parsePlayTime(s string) (game.Minutes, error) {
	t := strings.ToLower(strings.ReplaceAll(s, " ", ""))
	t = strings.ReplaceAll(t, "min", "m")
	if n, err := strconv.Atoi(t); err == nil && n > 0 {
		return game.Minutes(n), nil
	}
	return game.ParseDuration(t)
}

// hours reads { from_hour, to_hour } with hours 0-23.
func (c *call) hours(a *args, name string) [2]int {
	v := a.get(name)
	if v == lua.LNil {
		return [2]int{}
	}
	var h1, h2 lua.LNumber
	ok1, ok2 := false, false
	t, ok := v.(*lua.LTable)
	if ok {
		h1, ok1 = t.RawGetInt(1).(lua.LNumber)
		h2, ok2 = t.RawGetInt(2).(lua.LNumber)
	}
	if !ok || !ok1 || !ok2 || h1 < 0 || h1 > 23 || h2 < 0 || h2 > 23 || h1 != lua.LNumber(int(h1)) || h2 != lua.LNumber(int(h2)) {
		c.fail("%s: %s must be { from_hour, to_hour } with hours 0-23, e.g. { 22, 7 }", c.fn.Name, name)
		return [2]int{}
	}
	return [2]int{int(h1), int(h2)}
}

// damagesLaw reads the damages tiers by date of a jurisdiction.
func (c *call) damagesLaw(a *args) []game.DamagesLaw {
	v := a.get("damages")
	if v == lua.LNil {
		return nil
	}
	t, ok := v.(*lua.LTable)
	if !ok {
		a.wrong("damages", "a list of { from, to, tiers }", v)
		return nil
	}
	var out []game.DamagesLaw
	for i := 1; i <= t.Len() && i <= 20; i++ {
		item, ok := t.RawGetInt(i).(*lua.LTable)
		if !ok {
			c.fail("%s: damages[%d] must be { from = \"YYYY-MM-DD\", to = ..., tiers = { name = amount, ... } }", c.fn.Name, i)
			continue
		}
		var law game.DamagesLaw
		for _, k := range []string{"from", "to"} {
			if s, ok := item.RawGetString(k).(lua.LString); ok {
				d, err := game.ParseDate(string(s))
				if err != nil {
					c.fail("%s: damages[%d].%s: %v", c.fn.Name, i, k, err)
				}
				if k == "from" {
					law.From = d
				} else {
					law.To = d
				}
			}
		}
		tiers, ok := item.RawGetString("tiers").(*lua.LTable)
		if !ok {
			c.fail("%s: damages[%d]: tiers must be { name = amount, ... }", c.fn.Name, i)
			continue
		}
		forEachSorted(tiers, func(k, val lua.LValue) {
			n, ok := val.(lua.LNumber)
			ks, kok := k.(lua.LString)
			if !ok || !kok || n <= 0 || float64(n) != float64(int64(n)) {
				c.fail("%s: damages[%d].tiers: each tier is name = a whole amount above 0", c.fn.Name, i)
				return
			}
			law.Tiers = append(law.Tiers, game.Tier{ID: string(ks), Min: int64(n)})
		})
		slices.SortFunc(law.Tiers, func(x, y game.Tier) int {
			switch {
			case x.Min < y.Min:
				return -1
			case x.Min > y.Min:
				return 1
			}
			return strings.Compare(x.ID, y.ID)
		})
		out = append(out, law)
	}
	return out
}

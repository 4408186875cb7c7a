package scripting

import (
	"fmt"
	"slices"
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
				{"duration", "string", false, "expected playing time, e.g. \"45 min\""},
				{"langs", "list", false, "languages all text is given in; default { \"en\", \"ru\" }"},
				{"start", "string", true, "start date and time, \"YYYY-MM-DD HH:MM\""},
				{"deadline", "duration", true, "time until the case must have a verdict, e.g. \"300d\""},
				{"home", "string", true, "the trainee's jurisdiction id, e.g. \"ru\""},
				{"unit", "string", true, "the id of the unit the trainee plays"},
				{"officer", "string", false, "the collecting officer named in evidence"},
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
				{"delays", "spans", false, "per instrument { order = {\"5d\",\"10d\"}, mlat = ..., preserve, request, takedown, warrant, statement, handoff, court, ask }"},
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
		{Name: "set_adversary", Phase: Declare, Summary: "Sets how the operators react: domain hopping, working hours, wiping.",
			Params: []Param{{"def", "table", "the adversary"}},
			Fields: []Field{
				{"site", "string", true, "the pirate site's domain"},
				{"hop_to", "string", false, "the domain it reappears under after a takedown before arrest"},
				{"hop_delay", "range", false, "how soon it reappears, e.g. { \"3d\", \"7d\" }"},
				{"online", "hours", false, "hours their computers are on, { from, to }, e.g. { 22, 7 }"},
				{"wipe_delay", "range", false, "how soon after a tip-off they wipe everything"},
				{"operators", "list", false, "person ids of the operators"},
			},
			call: declAdversary},
		{Name: "set_case", Phase: Declare, Summary: "Sets what the investigative department and the court need.",
			Params: []Param{{"def", "table", "the case rules"}},
			Fields: []Field{
				{"handoff", "list", true, "elements needed to open a case, e.g. { \"distribution\", \"identity\", \"damages\" }"},
				{"court", "list", true, "elements needed for a conviction"},
				{"returns", "integer", false, "returns after which the department gives up (0: never)"},
			},
			call: declCase},

		{Name: "reveal", Phase: Play, Summary: "Makes an entity known to the trainee.",
			Params: []Param{{"id", "string", "entity id"}}, call: playReveal},
		{Name: "send_message", Phase: Play, Summary: "Puts a message in the trainee's inbox now.",
			Params: []Param{{"msg", "table", "{ from = id, subject = text, body = text }"}},
			Fields: []Field{{"from", "string", false, "sender entity id"}, {"subject", "text", true, "subject"}, {"body", "text", false, "body"}},
			call:   playMessage},
		{Name: "set_flag", Phase: Play, Summary: "Sets a flag (any string value; nil or \"\" clears it).",
			Params: []Param{{"name", "string", "flag name"}, {"value", "string|boolean|nil", "value"}}, call: playSetFlag},
		{Name: "get_flag", Phase: Play, Summary: "Returns a flag's value, or nil.",
			Params: []Param{{"name", "string", "flag name"}}, Returns: "string|nil", call: playGetFlag},
		{Name: "add_timer", Phase: Play, Summary: "Calls on_timer(id) after a delay of simulated time.",
			Params: []Param{{"delay", "string", "e.g. \"10d\""}, {"id", "string", "timer id"}}, call: playTimer},
		{Name: "end_case", Phase: Play, Summary: "Ends the case at a declared ending.",
			Params: []Param{{"id", "string", "ending id"}}, call: playEnd},
		{Name: "set_fled", Phase: Play, Summary: "Puts a person out of reach (left the country).",
			Params: []Param{{"id", "string", "person id"}}, call: playFlee},
		{Name: "tip_off", Phase: Play, Summary: "Alerts the operators; they wipe their computers after the adversary's wipe_delay.",
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
	sc.Title, sc.Summary, sc.Briefing = a.text("title"), a.text("summary"), a.text("briefing")
	sc.Duration = a.str("duration")
	if langs := a.list("langs"); langs != nil {
		sc.Langs = nil
		for _, l := range langs {
			if l != "en" && l != "ru" {
				c.fail("scenario: unknown language %q (en, ru)", l)
				continue
			}
			sc.Langs = append(sc.Langs, game.Lang(l))
		}
	}
	if s := a.str("start"); s != "" {
		t, err := game.ParseDate(s)
		if err != nil {
			c.fail("scenario: start: %v", err)
		}
		sc.Start = t
	}
	sc.Deadline = a.duration("deadline")
	sc.Home, sc.Unit, sc.Officer = a.str("home"), a.str("unit"), a.str("officer")
	if sc.Officer == "" {
		sc.Officer = "Duty officer"
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
	}
	if j.Preserve == 0 {
		j.Preserve = 90 * game.Day
	}
	instruments := []string{"order", "request", "preserve", "mlat", "takedown", "warrant", "statement", "handoff", "court", "ask"}
	a.dict("delays", func(k string, v lua.LValue) {
		if !slices.Contains(instruments, k) {
			c.fail("add_jurisdiction: delays: unknown instrument %q (%s)", k, strings.Join(instruments, ", "))
			return
		}
		j.Delays[k] = c.spanValue(v, "add_jurisdiction: delays."+k)
	})
	powers := []string{"investigate", "open_case", "prosecute"}
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
	c.sc.mark("jurisdiction:"+j.ID, c.where())
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
		e.Name = game.T(e.ID)
	}
	if e.Name.Ru == "" {
		e.Name.Ru = e.Name.En
	}
	a.dict("reveals", func(k string, v lua.LValue) { e.Reveals[k] = c.listValue(v, "add_entity: reveals."+k) })
	a.dict("delays", func(k string, v lua.LValue) {
		if e.Delays == nil {
			e.Delays = map[string][2]game.Minutes{}
		}
		e.Delays[k] = c.spanValue(v, "add_entity: delays."+k)
	})
	a.dict("notes", func(k string, v lua.LValue) { e.Notes[k] = c.textValue(v, "add_entity: notes."+k) })
	c.sc.scn.Entities = append(c.sc.scn.Entities, e)
	c.sc.mark(e.ID, c.where())
	return 0
}

func declRecord(c *call) int {
	a := c.table()
	r := &game.Record{
		ID: a.str("id"), Holder: a.str("holder"), About: a.str("about"), Kind: a.str("kind"), Title: a.text("title"),
		Content: a.text("content"), Reveals: a.list("reveals"), Proves: a.list("proves"), Copies: a.intMap("copies"),
		Retention: a.duration("retention"), Lead: a.text("lead"),
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
	c.sc.scn.Messages = append(c.sc.scn.Messages, &game.TimedMessage{At: a.duration("at"), From: a.str("from"),
		Subject: a.text("subject"), Body: a.text("body")})
	return 0
}

func declDecision(c *call) int {
	a := c.table()
	c.sc.scn.Decisions = append(c.sc.scn.Decisions, &game.Decision{Flag: a.str("flag"), Label: a.text("label"),
		Taken: a.text("taken"), NotTaken: a.text("not_taken")})
	return 0
}

func declAdversary(c *call) int {
	a := c.table()
	adv := game.Adversary{Site: a.str("site"), HopTo: a.str("hop_to"), HopDelay: a.span("hop_delay"),
		WipeDelay: a.span("wipe_delay"), Operators: a.list("operators")}
	if v := a.get("online"); v != lua.LNil {
		t, ok := v.(*lua.LTable)
		h1, ok1 := t.RawGetInt(1).(lua.LNumber)
		h2, ok2 := t.RawGetInt(2).(lua.LNumber)
		if !ok || !ok1 || !ok2 || h1 < 0 || h1 > 23 || h2 < 0 || h2 > 23 {
			c.fail("set_adversary: online must be { from_hour, to_hour } with hours 0-23, e.g. { 22, 7 }")
		} else {
			adv.Online = [2]int{int(h1), int(h2)}
		}
	}
	if adv.WipeDelay == [2]game.Minutes{} {
		adv.WipeDelay = [2]game.Minutes{game.Day, 3 * game.Day}
	}
	if adv.HopDelay == [2]game.Minutes{} {
		adv.HopDelay = [2]game.Minutes{2 * game.Day, 5 * game.Day}
	}
	c.sc.scn.Adversary = adv
	c.sc.mark("adversary", c.where())
	return 0
}

func declCase(c *call) int {
	a := c.table()
	c.sc.scn.Case = game.CaseRules{Handoff: a.list("handoff"), Court: a.list("court"), Returns: int(a.integer("returns"))}
	c.sc.mark("case", c.where())
	return 0
}

func playReveal(c *call) int { c.check(c.sc.cur.ScriptReveal(c.argString(1, "id"))); return 0 }

func playMessage(c *call) int {
	a := c.table()
	c.check(c.sc.cur.ScriptMessage(a.str("from"), a.text("subject"), a.text("body")))
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
	c.check(c.sc.cur.ScriptSetFlag(name, val))
	return 0
}

func playGetFlag(c *call) int {
	v := c.sc.cur.Flag(c.argString(1, "name"))
	if v == "" {
		return c.ret(lua.LNil)
	}
	return c.ret(lua.LString(v))
}

func playTimer(c *call) int {
	d, err := game.ParseDuration(c.argString(1, "delay"))
	if err != nil {
		c.L.ArgError(1, "add_timer: "+err.Error())
	}
	c.check(c.sc.cur.ScriptTimer(d, c.argString(2, "id")))
	return 0
}

func playEnd(c *call) int  { c.check(c.sc.cur.ScriptEnd(c.argString(1, "id"))); return 0 }
func playFlee(c *call) int { c.check(c.sc.cur.ScriptFlee(c.argString(1, "id"))); return 0 }

func playTipOff(c *call) int {
	c.sc.cur.ScriptTipOff(c.textValue(c.L.Get(1), "tip_off: why"))
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

package game

import (
	"fmt"
	"slices"
)

// Alternative is the other branch of a key decision, as console commands:
// the engine plays it on a fork of the log, then the trainee's remaining
// commands where they still apply, then the scenario's winning walkthrough
// (see engine.Session.View). The rules choose it because they know what the
// decision led to.
type Alternative struct {
	At      int      `json:"at"`      // the log entry the fork starts at: the entries before it are kept
	Replace bool     `json:"replace"` // entry At is dropped; otherwise the lines go before it
	Lines   []string `json:"lines"`   // the commands played instead
	// Until, when set, is the moment the replaced wait ran to: after the
	// lines the fork waits until then, so that the trainee's next command
	// comes at about the time it came.
	Until   Minutes `json:"until,omitempty"`
	Instead Msg     `json:"instead"` // what the other branch was, in words
}

// alternative returns the other branch of a key decision, or nil when the
// rules know of none worth playing.
func (s *Session) alternative(kd KeyDecision, cmd Command) *Alternative {
	switch kd.Kind {
	case "ask":
		h := s.sc.Entity(cmd.Args[0])
		if h == nil || len(cmd.Args) < 2 {
			return nil
		}
		verb, id := "preserve", "whatif.ask_preserve"
		if h.Jurisdiction == s.sc.Home {
			verb, id = "order", "whatif.ask_order"
		}
		return &Alternative{At: kd.Entry, Replace: true, Lines: []string{Command{Verb: verb, Args: cmd.Args[:2]}.String()},
			Instead: M(id, Ent("holder", h.ID))}
	case "handoff":
		if !kd.Mistaken || kd.Entry < 0 {
			return nil
		}
		// Not sending the package yet: the trainee's own later hand-off, or
		// the winning walkthrough's, takes its place.
		return &Alternative{At: kd.Entry, Replace: true, Instead: M("whatif.handoff_wait")}
	case "mlat":
		if !kd.Mistaken || kd.Entry < 0 || len(cmd.Args) < 2 {
			return nil
		}
		return s.mlatAlternative(kd, cmd)
	case "takedown":
		return s.takedownAlternative(kd, cmd)
	case "raid":
		return s.raidAlternative(kd, cmd)
	case "return", "refuse":
		// Deciding instead: the package proved enough to open the case.
		return &Alternative{At: kd.Entry, Replace: true, Lines: []string{"open"}, Instead: M("whatif.open_instead")}
	case "prosecute":
		if !kd.Mistaken || kd.Entry < 0 {
			return nil
		}
		indicted := s.log[kd.Entry].At
		last := Minutes(0)
		for _, r := range s.pendingAt(indicted) {
			last = max(last, r.DueAt)
		}
		if last == 0 {
			return nil
		}
		wait := last - indicted + Hour
		return &Alternative{At: kd.Entry, Replace: true, Lines: []string{waitLine(wait), "prosecute"},
			Instead: M("whatif.prosecute_wait", Num("day", dayOf(last+Hour)))}
	}
	return nil
}

// mlatAlternative freezes the data that an MLAT request came too late for:
// a preservation request as soon as the holder was known, or a renewal
// before a freeze lapsed.
func (s *Session) mlatAlternative(kd KeyDecision, cmd Command) *Alternative {
	holder, target := cmd.Args[0], cmd.Args[1]
	h := s.sc.Entity(holder)
	if h == nil || h.Jurisdiction == s.sc.Home {
		return nil
	}
	preserve := Command{Verb: "preserve", Args: []string{holder, target}}.String()
	for _, rec := range s.heldRecords(holder, target) {
		st := s.records[rec.ID]
		if !st.expired || st.obtained {
			continue
		}
		if st.lapsedAt > 0 {
			if j := s.jur(h); j != nil && (j.Renewals < 0 || s.preservations(holder, target) <= j.Renewals) {
				at := st.lapsedAt - 7*Day
				return s.insertAt(at, []string{preserve}, M("whatif.renew", Ent("holder", holder), Num("day", dayOf(at))))
			}
			// No renewal was left: only an earlier request would have come
			// in time, as soon as the case was open.
			if at := s.eventAt(EvCaseOpened); at > 0 && at < kd.At {
				return s.insertAt(at, []string{cmd.String()}, M("whatif.mlat_early", Ent("holder", holder), Num("day", dayOf(at))))
			}
			return nil
		}
		at := s.knownAt(holder)
		if at < 0 {
			return nil
		}
		return s.insertAt(at, []string{preserve}, M("whatif.preserve", Ent("holder", holder), Num("day", dayOf(at))))
	}
	return nil
}

// takedownAlternative waits for the arrest when the site went down too
// early, and shows what an early takedown does when it came at the right
// time.
func (s *Session) takedownAlternative(kd KeyDecision, cmd Command) *Alternative {
	if kd.Entry < 0 {
		// Never taken down: the winning walkthrough's takedown comes before
		// the trainee's prosecution.
		line := s.takedownLine()
		at := s.firstEntry("prosecute")
		if line == "" || at < 0 {
			return nil
		}
		return &Alternative{At: at, Lines: []string{line, "wait 4d"}, Instead: M("whatif.takedown_add")}
	}
	if kd.Mistaken {
		return &Alternative{At: kd.Entry, Replace: true, Instead: M("whatif.takedown_wait")}
	}
	// Taken down after the arrest: what if it had gone first?
	at := s.firstEntry("arrest")
	if at < 0 || at > kd.Entry {
		return nil
	}
	return &Alternative{At: at, Lines: []string{cmd.String(), "wait 4d"}, Instead: M("whatif.takedown_first")}
}

// raidAlternative moves a night or cold search to soon after six in the
// morning, adds one that never happened, and shows what a daytime search
// finds when it came at the right time.
func (s *Session) raidAlternative(kd KeyDecision, cmd Command) *Alternative {
	if kd.Entry < 0 {
		p := s.searchable()
		at := s.firstEntry("arrest")
		if at < 0 {
			at = s.firstEntry("prosecute")
		}
		if p == "" || at < 0 {
			return nil
		}
		clock := s.lawfulLiveClock()
		return &Alternative{At: at, Lines: []string{"warrant " + p, "wait 3d", "wait until " + clock, "raid " + p},
			Instead: M("whatif.raid_add", Ent("person", p), Str("clock", clock))}
	}
	p := cmd.Args[0]
	if kd.Mistaken {
		clock := s.lawfulLiveClock()
		return &Alternative{At: kd.Entry, Replace: true, Lines: []string{"wait until " + clock, "raid " + p},
			Instead: M("whatif.raid_dawn", Str("clock", clock))}
	}
	return &Alternative{At: kd.Entry, Replace: true, Lines: []string{"wait until 14:00", "raid " + p},
		Instead: M("whatif.raid_day")}
}

// lawfulLiveClock is the first time of day, ten past the hour, at which a
// search is lawful and the operators' computers run; "06:10" when there is
// none.
func (s *Session) lawfulLiveClock() string {
	home := s.sc.HomeLaw()
	best := -1
	for k := range 24 {
		at := Minutes(k) * Hour
		h := s.cal.HourOf(at)
		at += Minutes(10-s.cal.At(at).Minute()) * Minute
		if s.ComputersOn(at) && (home == nil || !home.IsNight(h)) && (best < 0 || h < best) {
			best = h
		}
	}
	if best < 0 {
		return "06:10"
	}
	return fmt.Sprintf("%02d:10", best)
}

// insertAt places lines at a moment of the session: inside the wait that
// spans it (split in two around the lines), or after the command running
// then.
func (s *Session) insertAt(t Minutes, lines []string, instead Msg) *Alternative {
	if t < 0 {
		t = 0
	}
	j := -1
	for i, e := range s.log {
		if e.At <= t {
			j = i
		}
	}
	if j < 0 {
		return &Alternative{At: 0, Lines: lines, Instead: instead}
	}
	cmd, _ := ParseCommand(s.log[j].Line)
	end := s.now
	if j+1 < len(s.log) {
		end = s.log[j+1].At
	}
	if cmd.Verb != "wait" || t <= s.log[j].At || t >= end {
		return &Alternative{At: j + 1, Lines: lines, Instead: instead}
	}
	out := append([]string{waitLine(t - s.log[j].At)}, lines...)
	return &Alternative{At: j, Replace: true, Lines: out, Until: end, Instead: instead}
}

// preservations counts the preservation requests sent to a holder about a
// target.
func (s *Session) preservations(holder, target string) int {
	n := 0
	for _, r := range s.requests {
		if r.Instrument == "preserve" && r.Holder == holder && r.Target == target {
			n++
		}
	}
	return n
}

// knownAt returns when an entity became known to the trainee, or -1.
func (s *Session) knownAt(id string) Minutes {
	if e := s.sc.Entity(id); e != nil && e.Known {
		return 0
	}
	for _, ev := range s.events {
		if ev.Kind == EvRevealed && ev.Subject == id {
			return ev.At
		}
	}
	return -1
}

// firstEntry returns the index of the first log entry with a verb, or -1.
func (s *Session) firstEntry(verb string) int {
	for i, e := range s.log {
		if cmd, err := ParseCommand(e.Line); err == nil && cmd.Verb == verb {
			return i
		}
	}
	return -1
}

// takedownLine is a takedown notice the trainee could have sent: an
// association known in the site's host country, and the site.
func (s *Session) takedownLine() string {
	site := s.sc.Adversary.Site
	d := s.sc.Entity(site)
	if d == nil || !s.known[site] {
		return ""
	}
	host := s.hostCountry(d)
	for _, id := range s.knownOrder {
		e := s.sc.Entity(id)
		if kindMatches(e, "association") && (host == "" || e.Jurisdiction == host) {
			return Command{Verb: "takedown", Args: []string{id, site}}.String()
		}
	}
	return ""
}

// searchable returns an identified operator still in the country, or "".
func (s *Session) searchable() string {
	for _, p := range s.sc.Adversary.Operators {
		e := s.sc.Entity(p)
		if s.Identified(p) && !s.fled[p] && e != nil && (e.Jurisdiction == "" || e.Jurisdiction == s.sc.Home) {
			return p
		}
	}
	return ""
}

// waitLine is a wait of exactly d.
func waitLine(d Minutes) string {
	if d <= 0 {
		d = Minute
	}
	return fmt.Sprintf("wait %dm", d)
}

// keyAlternatives attaches the other branch to each key decision.
func (s *Session) keyAlternatives(kds []KeyDecision) {
	for i := range kds {
		var cmd Command
		if kds[i].Entry >= 0 {
			c, err := ParseCommand(kds[i].Line)
			if err != nil {
				continue
			}
			cmd = c
		}
		cmd = innerCommand(cmd)
		if kds[i].Entry >= 0 && !slices.Contains(KeyVerbs(), cmd.Verb) {
			continue
		}
		kds[i].Alt = s.alternative(kds[i], cmd)
		if alt := kds[i].Alt; alt != nil {
			// What the trainee's unit may not do itself, it instructs.
			for j, l := range alt.Lines {
				if c, err := ParseCommand(l); err == nil && c.Verb != "wait" && !s.may(s.sc.Entity(s.sc.Unit), c.Verb) {
					if u := s.instructable(c.Verb); u != nil {
						alt.Lines[j] = "instruct " + u.ID + " " + l
					}
				}
			}
		}
	}
}

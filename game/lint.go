package game

import (
	"fmt"
	"maps"
	"slices"
)

// Lint finds what a scenario declares but play can never reach: entities no
// tool, record or script reveals, records whose holder or subject can never
// be named, records that reveal and prove nothing, and endings that neither
// an outcome nor a script leads to. scripted lists the ids the scenario's
// handlers pass to reveal and end_case, found by the loader.
func (sc *Scenario) Lint(scripted map[string]bool) []Problem {
	sc.buildIndex()
	var ps []Problem
	reach := map[string]bool{}
	for _, e := range sc.Entities {
		if e.Known || scripted[e.ID] {
			reach[e.ID] = true
		}
	}
	for changed := true; changed; {
		changed = false
		add := func(id string) {
			if id != "" && !reach[id] && sc.index[id] != nil {
				reach[id] = true
				changed = true
			}
		}
		for _, e := range sc.Entities {
			if !reach[e.ID] {
				continue
			}
			for _, id := range sc.toolReveals(e) {
				add(id)
			}
			if e.ID == sc.Adversary.Site {
				// Where the site moves, and its mirrors, are found by
				// following it.
				add(sc.Adversary.HopTo)
				for _, m := range sc.Adversary.Mirrors {
					add(m)
				}
			}
		}
		for _, r := range sc.Records {
			if reach[r.Holder] && reach[r.About] {
				for _, id := range r.Reveals {
					add(id)
				}
			}
		}
	}
	for _, e := range sc.Entities {
		if !reach[e.ID] && e.Kind != KindUnit {
			ps = append(ps, Problem{e.ID, fmt.Sprintf("%s %q can never be found: no tool, record or script reveals it", e.Kind, e.ID)})
		}
	}
	for _, r := range sc.Records {
		switch {
		case !reach[r.Holder] || !reach[r.About]:
			ps = append(ps, Problem{r.ID, fmt.Sprintf("record %q can never be requested: the trainee never finds %q", r.ID, unreached(reach, r.Holder, r.About))})
		case len(r.Reveals) == 0 && len(r.Proves) == 0 && len(r.Copies) == 0 && r.Kind != "seized":
			ps = append(ps, Problem{r.ID, fmt.Sprintf("record %q is a lead that reveals nothing and proves nothing", r.ID)})
		}
	}
	for _, e := range sc.Endings {
		if e.Outcome == "" && !scripted[e.ID] {
			ps = append(ps, Problem{"ending:" + e.ID, fmt.Sprintf("ending %q is unreachable: it has no outcome and no handler calls end_case(%q)", e.ID, e.ID)})
		}
	}
	if u := sc.Entity(sc.Unit); u != nil {
		if home := sc.HomeLaw(); home != nil && !home.Can(u.Role, "investigate") {
			ps = append(ps, Problem{sc.Unit, fmt.Sprintf("the trainee's unit has role %q, which the %s rule pack gives no power to investigate", u.Role, home.ID)})
		}
	}
	return ps
}

func unreached(reach map[string]bool, ids ...string) string {
	for _, id := range ids {
		if !reach[id] {
			return id
		}
	}
	return ""
}

// toolReveals lists what the investigative tools can reveal from an entity.
func (sc *Scenario) toolReveals(e *Entity) []string {
	var out []string
	switch e.Kind {
	case KindDomain:
		out = append(out, e.Link("registrar"), e.Link("ip"), e.Link("payment"))
		if e.Attr("redacted") != "yes" {
			out = append(out, e.Link("registrant"))
		}
		if acc := sc.index[e.Link("payment")]; acc != nil {
			out = append(out, acc.Link("processor"))
		}
	case KindIP:
		out = append(out, e.Link("asn"), e.Link("host"))
	}
	for _, tool := range slices.Sorted(maps.Keys(e.Reveals)) {
		out = append(out, e.Reveals[tool]...)
	}
	return out
}

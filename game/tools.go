package game

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// ToolNames lists the investigative tools, which scenarios may extend with
// reveals and notes per entity.
func ToolNames() []string {
	return []string{"whois", "dns", "asn", "capture", "purchase", "osint", "contact"}
}

func isTool(name string) bool { return slices.Contains(ToolNames(), name) }

// tool runs an investigative tool on a known entity, now. What the real
// tools print (WHOIS records, dig output) is shown verbatim, as the real
// tools print it; the lines the simulator adds are messages.
func (s *Session) tool(verb string, e *Entity, cost Minutes) {
	var out []Msg
	var raw strings.Builder
	lines := func(format string, args ...any) { fmt.Fprintf(&raw, format+"\n", args...) }
	flush := func() {
		if raw.Len() > 0 {
			out = append(out, Verbatim(strings.TrimSuffix(raw.String(), "\n")))
			raw.Reset()
		}
	}
	var reveals []string
	var filed *Evidence
	down := s.siteDown[e.ID]
	doc := s.sc.DocLang()
	switch verb {
	case "whois":
		lines("%% RDAP/WHOIS %s", e.ID)
		lines("domain:        %s", strings.ToUpper(e.ID))
		if down {
			lines("state:         REGISTERED, NOT DELEGATED")
		} else {
			lines("state:         REGISTERED, DELEGATED, VERIFIED")
		}
		if reg := e.Link("registrar"); reg != "" {
			lines("registrar:     %s", s.nameIn(reg, EN))
			reveals = append(reveals, reg)
		}
		if p := e.Link("registrant"); p != "" && e.Attr("redacted") != "yes" {
			lines("person:        %s", s.nameIn(p, EN))
			reveals = append(reveals, p)
		} else {
			lines("person:        Private Person (REDACTED FOR PRIVACY)")
		}
		for _, n := range strings.Fields(e.Attr("nameservers")) {
			lines("nserver:       %s", n)
		}
		if c := e.Attr("created"); c != "" {
			lines("created:       %s", c)
		}
		if p := e.Attr("paid_till"); p != "" {
			lines("paid-till:     %s", p)
		}
	case "dns":
		lines("; <<>> dig <<>> %s A", e.ID)
		ip := e.Link("ip")
		switch {
		case down || ip == "":
			lines(";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN")
		default:
			lines(";; ANSWER SECTION:")
			lines("%-24s 300 IN A %s", e.ID+".", ip)
			reveals = append(reveals, ip)
		}
	case "asn":
		asn, host := e.Link("asn"), e.Link("host")
		if asn == "" {
			lines("%s: no route announced", e.ID)
			break
		}
		a := s.sc.Entity(asn)
		country := a.Jurisdiction
		if h := s.sc.Entity(host); h != nil && country == "" {
			country = h.Jurisdiction
		}
		lines("AS      | IP               | CC | Registry | AS Name")
		lines("%-7s | %-16s | %-2s | %-8s | %s", strings.TrimPrefix(asn, "AS"), e.ID, strings.ToUpper(country), orDefault(a.Attr("registry"), "ripencc"), s.nameIn(asn, EN))
		flush()
		if host != "" {
			out = append(out, M("tool.asn_host", Ent("host", host)))
			reveals = append(reveals, host)
		}
		reveals = append(reveals, asn)
		out = append(out, M("tool.asn_note"))
	case "capture":
		if down {
			out = append(out, M("tool.capture_down", Str("domain", e.ID)))
			break
		}
		page, pageDoc := s.siteContent(e)
		// The protocol records what was captured, where and when: two
		// captures are two documents.
		pageDoc = fmt.Sprintf("url: https://%s/\ncaptured: %s\n%s", e.ID, s.cal.At(s.now).Format(time.RFC3339), pageDoc)
		ev := s.newEvidence(evidenceSpec{
			Kind: "capture", Source: e.ID, Title: M("evidence.capture", Str("domain", e.ID)), Content: page, Doc: pageDoc,
			Basis: M("basis.capture"), Proves: []string{ElemDistribution}, Copies: e.Copies, Admissible: true,
		})
		out = append(out, M("tool.captured", Str("domain", e.ID), When("at", s.now)), Verbatim("sha256: "+ev.SHA256), page,
			M("tool.filed", Str("num", ev.Num)))
		filed = ev
	case "purchase":
		acc := e.Link("payment")
		if down || acc == "" {
			out = append(out, M("tool.purchase_none", Str("domain", e.ID)))
			break
		}
		a := s.sc.Entity(acc)
		proc := a.Link("processor")
		offer := e.Attr("offer")
		var offerMsg Msg
		if offer != "" {
			offerMsg = Verbatim(offer)
		} else {
			offerMsg = M("tool.purchase_vip", Str("domain", e.ID))
		}
		receipt := M("tool.receipt", Sub("offer", offerMsg), Str("price", orDefault(e.Attr("price"), "300 RUB")), Ent("processor", proc), Ent("account", acc))
		ev := s.newEvidence(evidenceSpec{
			Kind: "purchase", Source: e.ID, Title: M("evidence.purchase", Str("domain", e.ID)), Content: receipt,
			Doc:   fmt.Sprintf("order: %s\namount: %s\npaid via: %s\npayee account: %s\n", orDefault(offer, "VIP access to "+e.ID), orDefault(e.Attr("price"), "300 RUB"), s.nameIn(proc, doc), s.nameIn(acc, doc)),
			Basis: M("basis.purchase"), Proves: []string{"payment"}, Admissible: true, Reveals: []string{acc, proc},
		})
		out = append(out, receipt, M("tool.receipt_filed", Str("num", ev.Num)))
		filed = ev
		reveals = append(reveals, acc, proc)
	case "osint":
		if len(e.Reveals["osint"]) == 0 && e.Notes["osint"].Empty() {
			out = append(out, M("tool.osint_nothing", Str("target", e.ID)))
		} else {
			out = append(out, M("tool.osint", Str("target", e.ID)))
		}
	case "contact":
		if len(e.Reveals["contact"]) == 0 && e.Notes["contact"].Empty() && len(s.spontaneous(e.ID)) == 0 {
			out = append(out, M("tool.contact_nothing", Ent("party", e.ID)))
		} else {
			out = append(out, M("tool.contact", Ent("party", e.ID)))
		}
	}
	flush()
	if note := e.Notes[verb]; !note.Empty() {
		out = append(out, TextMsg(note))
	}
	s.emit(Event{Kind: EvOutput, Subject: verb, Msg: Doc(out...), Data: map[string]string{"target": e.ID}})
	if filed != nil {
		s.fileEvidence(filed)
	}
	if verb == "contact" {
		s.flags["contacted_"+e.ID] = "yes"
		// A counterpart may pass what it knows without a request (Budapest
		// Convention art. 26): it starts an investigation but is not
		// evidence until obtained formally.
		for _, r := range s.spontaneous(e.ID) {
			s.obtainRecord(r, M("basis.spontaneous"), false, M("reason.spontaneous"))
		}
	}
	if verb == "osint" && s.isSiteOrMirror(e.ID) {
		// The operators announce their new addresses where their users
		// look: monitoring the site finds its mirrors.
		for _, m := range s.openMirrors() {
			s.say(EvOutput, verb, M("tool.osint_mirror", Str("domain", m)))
			reveals = append(reveals, m)
		}
	}
	for _, id := range append(reveals, e.Reveals[verb]...) {
		s.reveal(id)
	}
	s.flags[string(UsedFlag(verb))] = "yes"
	s.advance(cost)
}

// siteContent is what a page capture records: the titles offered and their
// download counters, in the scenario's order. It returns the page for the
// reader and the page as a document, whose hash is filed.
func (s *Session) siteContent(e *Entity) (Msg, string) {
	var lines []Msg
	var doc strings.Builder
	title := orDefault(e.Attr("page_title"), e.ID)
	fmt.Fprintf(&doc, "page title: %s\n", title)
	for _, t := range s.sc.Titles {
		n, ok := e.Copies[t.ID]
		if !ok {
			continue
		}
		id := "capture.line"
		if t.Prerelease {
			id = "capture.line_pre"
		}
		lines = append(lines, M(id, Txt("title", t.Name), Count("n", int64(n))))
		fmt.Fprintf(&doc, "  %s\t%d\n", t.Name.In(s.sc.DocLang()), n)
	}
	return M("capture.page", Str("title", title), Lines("lines", lines)), doc.String()
}

// nameIn returns an entity's display name in a language, or the id itself.
func (s *Session) nameIn(id string, l Lang) string {
	if e := s.sc.Entity(id); e != nil && !e.Name.Empty() {
		return e.Name.In(l)
	}
	return id
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// spontaneous lists the records a party passes on when contacted: those it
// holds of the kind "spontaneous", not yet passed.
func (s *Session) spontaneous(party string) []*Record {
	var out []*Record
	for _, r := range s.sc.Records {
		if r.Holder == party && r.Kind == "spontaneous" && !s.records[r.ID].seen {
			out = append(out, r)
		}
	}
	return out
}

// contactPoint returns the scenario's entity that is the home country's
// 24/7 contact point, or nil when the scenario declares none.
func (s *Session) contactPoint() *Entity {
	for _, e := range s.sc.Entities {
		if e.Role == "contact_point" && e.Jurisdiction == s.sc.Home {
			return e
		}
	}
	return nil
}

// liaisonFor returns a foreign counterpart in a country whom the trainee
// has contacted, or nil: through one, preservation there goes faster.
func (s *Session) liaisonFor(country string) *Entity {
	for _, e := range s.sc.Entities {
		if e.Role == "liaison" && e.Jurisdiction == country && s.flags["contacted_"+e.ID] != "" {
			return e
		}
	}
	return nil
}

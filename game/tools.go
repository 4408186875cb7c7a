package game

import (
	"fmt"
	"strings"
)

// ToolNames lists the investigative tools, which scenarios may extend with
// reveals and notes per entity.
func ToolNames() []string {
	return []string{"whois", "dns", "asn", "capture", "purchase", "osint"}
}

func isTool(name string) bool {
	for _, t := range ToolNames() {
		if t == name {
			return true
		}
	}
	return false
}

// tool runs an investigative tool on a known entity, now.
func (s *Session) tool(verb string, e *Entity, cost Minutes) {
	var out strings.Builder
	var reveals []string
	var filed *Evidence
	lines := func(format string, args ...any) { fmt.Fprintf(&out, format+"\n", args...) }
	down := s.siteDown[e.ID]
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
			lines("registrar:     %s", s.name(reg, EN))
			reveals = append(reveals, reg)
		}
		if p := e.Link("registrant"); p != "" && e.Attr("redacted") != "yes" {
			lines("person:        %s", s.name(p, EN))
			reveals = append(reveals, p)
		} else {
			lines("person:        Private Person (REDACTED FOR PRIVACY)")
		}
		if ns := e.Attr("nameservers"); ns != "" {
			for _, n := range strings.Fields(ns) {
				lines("nserver:       %s", n)
			}
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
		lines("%-7s | %-16s | %-2s | %-8s | %s", strings.TrimPrefix(asn, "AS"), e.ID, strings.ToUpper(country), orDefault(a.Attr("registry"), "ripencc"), s.name(asn, EN))
		if host != "" {
			lines("hosting organisation: %s", s.name(host, EN))
			reveals = append(reveals, host)
		}
		reveals = append(reveals, asn)
		lines("note: the country of an ASN is where the network is registered, not where the server stands.")
	case "capture":
		if down {
			lines("capture of http://%s/ failed: the server does not answer (site taken down)", e.ID)
			break
		}
		content := s.siteContent(e)
		ev := s.newEvidence(evidenceSpec{
			Kind: "capture", Source: e.ID,
			Title:   Tf("Capture of %s", "Осмотр сайта %s", e.ID),
			Content: content,
			Basis:   Text{"inspection of an open web resource, protocol with hash and time", "осмотр открытого интернет-ресурса, протокол с хешем и временем"},
			Proves:  []string{ElemDistribution}, Copies: e.Copies, Admissible: true,
		})
		lines("captured http://%s/ at %s UTC", e.ID, s.cal.Format(s.now))
		lines("sha256: %s", ev.SHA256)
		out.WriteString(content.En)
		lines("saved as %s in the case file", ev.Num)
		filed = ev
	case "purchase":
		acc := e.Link("payment")
		if down || acc == "" {
			lines("test purchase on %s: no payment page answered", e.ID)
			break
		}
		a := s.sc.Entity(acc)
		proc := a.Link("processor")
		content := T(fmt.Sprintf("order: %s\namount: %s\npaid via: %s\npayee account: %s\n",
			orDefault(e.Attr("offer"), "VIP access to "+e.ID), orDefault(e.Attr("price"), "300 RUB"), s.name(proc, EN), s.name(acc, EN)))
		ev := s.newEvidence(evidenceSpec{
			Kind: "purchase", Source: e.ID,
			Title:   Tf("Test purchase on %s", "Проверочная закупка на %s", e.ID),
			Content: content,
			Basis:   Text{"test purchase, an operational-search measure", "проверочная закупка (оперативно-розыскное мероприятие)"},
			Proves:  []string{"payment"}, Admissible: true, Reveals: []string{acc, proc},
		})
		out.WriteString(content.En)
		lines("receipt saved as %s in the case file", ev.Num)
		filed = ev
		reveals = append(reveals, acc, proc)
	case "osint":
		if len(e.Reveals["osint"]) == 0 && e.Notes["osint"].Empty() {
			lines("searched forums, trackers and paste sites for %q: nothing useful", e.ID)
		} else {
			lines("searched forums, trackers and paste sites for %q:", e.ID)
		}
	}
	if note := e.Notes[verb]; !note.Empty() {
		out.WriteString(note.En)
		if !strings.HasSuffix(note.En, "\n") {
			out.WriteString("\n")
		}
	}
	txt := T(out.String())
	if note := e.Notes[verb]; !note.Empty() && note.Ru != "" {
		txt.Ru = strings.Replace(txt.En, note.En, note.Ru, 1)
	}
	s.emit(Event{Kind: "output", Subject: verb, Text: txt, Data: map[string]string{"target": e.ID}})
	if filed != nil {
		s.fileEvidence(filed)
	}
	for _, id := range append(reveals, e.Reveals[verb]...) {
		s.reveal(id)
	}
	s.flags["used_"+verb] = "yes"
	s.advance(cost)
}

// siteContent renders what a page capture records: the titles offered and
// their download counters, in the scenario's order.
func (s *Session) siteContent(e *Entity) Text {
	return both(func(l Lang) string {
		var b strings.Builder
		fmt.Fprintf(&b, "page title: %s\n", orDefault(e.Attr("page_title"), e.ID))
		for _, t := range s.sc.Titles {
			n, ok := e.Copies[t.ID]
			if !ok {
				continue
			}
			mark := ""
			if t.Prerelease {
				mark = pick(l, "  [not yet released]", "  [ещё не в прокате]")
			}
			fmt.Fprintf(&b, "  %-34s %s %d%s\n", t.Name.In(l), pick(l, "downloads:", "скачиваний:"), n, mark)
		}
		return b.String()
	})
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

package game

import (
	"fmt"
	"strings"
)

// both renders a text once per language.
func both(f func(l Lang) string) Text { return Text{En: f(EN), Ru: f(RU)} }

func pick(l Lang, en, ru string) string {
	if l == RU {
		return ru
	}
	return en
}

// query answers a read-only command.
func (s *Session) query(cmd Command) (Text, error) {
	switch cmd.Verb {
	case "help":
		if len(cmd.Args) == 1 {
			v, ok := LookupVerb(strings.ToLower(cmd.Args[0]))
			if !ok {
				return Text{}, fmt.Errorf("no command %q: type help for the list", cmd.Args[0])
			}
			return both(func(l Lang) string {
				return fmt.Sprintf("%s\n  %s\n  %s %s\n", v.Usage(), v.Help.In(l), pick(l, "takes", "занимает"), v.Cost)
			}), nil
		}
		return HelpText(), nil
	case "status":
		return s.StatusText(), nil
	case "known":
		return both(func(l Lang) string {
			var b strings.Builder
			for _, k := range EntityKinds() {
				var names []string
				for _, e := range s.KnownEntities() {
					if e.Kind == k {
						names = append(names, e.ID)
					}
				}
				if len(names) > 0 {
					fmt.Fprintf(&b, "%-8s %s\n", k+":", strings.Join(names, ", "))
				}
			}
			return b.String()
		}), nil
	case "evidence":
		if len(cmd.Args) == 1 {
			e := s.EvidenceByNum(cmd.Args[0])
			if e == nil {
				return Text{}, fmt.Errorf("no evidence %q in the case file", cmd.Args[0])
			}
			return both(func(l Lang) string { return s.evidenceDetail(e, l) }), nil
		}
		return both(func(l Lang) string {
			if len(s.evidence) == 0 {
				return pick(l, "The case file is empty.\n", "Материалы дела пусты.\n")
			}
			var b strings.Builder
			for _, e := range s.evidence {
				st := pick(l, "admissible", "допустимо")
				if !e.Admissible {
					st = pick(l, "INTELLIGENCE ONLY", "ТОЛЬКО ОРИЕНТИРУЮЩАЯ")
				}
				fmt.Fprintf(&b, "%-4s %s  %s  [%s]\n", e.Num, s.cal.Format(e.CollectedAt), e.Title.In(l), st)
			}
			return b.String()
		}), nil
	case "damages":
		return s.DamagesText(), nil
	}
	return Text{}, fmt.Errorf("%s is not a query", cmd.Verb)
}

// HelpText lists every console command with its synopsis.
func HelpText() Text {
	return both(func(l Lang) string {
		var b strings.Builder
		group := ""
		for _, v := range Verbs() {
			if v.Group != group {
				group = v.Group
				fmt.Fprintf(&b, "%s:\n", groupName(group, l))
			}
			fmt.Fprintf(&b, "  %-32s %s\n", v.Usage(), v.Help.In(l))
		}
		return b.String()
	})
}

func groupName(g string, l Lang) string {
	names := map[string]Text{
		"tools": {"Investigative tools", "Инструменты проверки"},
		"legal": {"Legal instruments", "Правовые инструменты"},
		"case":  {"The case", "Дело"},
		"time":  {"Time", "Время"},
		"info":  {"Information (takes no time)", "Справка (не занимает времени)"},
	}
	return names[g].In(l)
}

func (s *Session) evidenceDetail(e *Evidence, l Lang) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s\n", e.Num, e.Title.In(l))
	fmt.Fprintf(&b, "  id:        %s\n", e.ID)
	fmt.Fprintf(&b, "  sha256:    %s\n", e.SHA256)
	fmt.Fprintf(&b, "  %s %s\n", pick(l, "collected:", "получено:"), s.cal.Format(e.CollectedAt))
	fmt.Fprintf(&b, "  %s %s, %s\n", pick(l, "officer:  ", "сотрудник:"), e.Officer, s.name(e.Unit, l))
	fmt.Fprintf(&b, "  %s %s\n", pick(l, "basis:    ", "основание:"), e.Basis.In(l))
	if e.Admissible {
		fmt.Fprintf(&b, "  %s\n", pick(l, "admissible", "допустимое доказательство"))
	} else {
		fmt.Fprintf(&b, "  %s: %s\n", pick(l, "NOT ADMISSIBLE", "НЕДОПУСТИМО"), e.Reason.In(l))
	}
	fmt.Fprintf(&b, "  %s\n", pick(l, "chain of custody:", "цепочка хранения:"))
	for _, c := range e.Custody {
		fmt.Fprintf(&b, "    %s  %s\n", s.cal.Format(c.At), c.Action.In(l))
	}
	return b.String()
}

// DamagesText renders the damages table against the threshold.
func (s *Session) DamagesText() Text {
	d := s.Damages()
	return both(func(l Lang) string {
		var b strings.Builder
		for _, line := range d.Lines {
			fmt.Fprintf(&b, "  %-36s %12d  %s\n", line.Name.In(l), line.Value, line.Note.In(l))
		}
		fmt.Fprintf(&b, "%s %d %s / %s %d %s", pick(l, "total", "итого"), d.Total, d.Currency,
			pick(l, "threshold", "порог"), d.Threshold, d.Currency)
		if d.Total >= d.Threshold && d.Total > 0 {
			fmt.Fprintf(&b, "  (%s)\n", pick(l, "serious crime", "крупный размер"))
		} else {
			fmt.Fprintf(&b, "  (%s)\n", pick(l, "below the threshold", "ниже порога"))
		}
		return b.String()
	})
}

// StatusText summarises the session: date, case state, pending requests and
// deadlines.
func (s *Session) StatusText() Text {
	return both(func(l Lang) string {
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s (%s %s)\n", pick(l, "Date:", "Дата:"), s.cal.Format(s.now), pick(l, "day", "день"), fmt.Sprint(int(s.now/Day)+1))
		state := pick(l, "material check by your unit", "доследственная проверка вашим подразделением")
		switch {
		case s.ending != nil:
			state = pick(l, "ended: ", "завершено: ") + s.ending.Title.In(l)
		case s.inCourt:
			state = pick(l, "before the court", "в суде")
		case s.caseOpen:
			state = pick(l, "criminal case open", "уголовное дело возбуждено")
		case s.handoffOut:
			state = pick(l, "package with the investigative department", "материалы в следственном отделе")
		}
		fmt.Fprintf(&b, "%s %s\n", pick(l, "Case:", "Дело:"), state)
		if sus := s.Suspects(); len(sus) > 0 {
			var names []string
			for _, p := range sus {
				n := s.name(p, l)
				if s.arrested[p] {
					n += pick(l, " (detained)", " (задержан)")
				}
				names = append(names, n)
			}
			fmt.Fprintf(&b, "%s %s\n", pick(l, "Suspects:", "Подозреваемые:"), strings.Join(names, ", "))
		}
		d := s.Damages()
		fmt.Fprintf(&b, "%s %d / %d %s\n", pick(l, "Damages:", "Ущерб:"), d.Total, d.Threshold, d.Currency)
		fmt.Fprintf(&b, "%s\n", pick(l, "Coming up:", "Впереди:"))
		for _, dl := range s.Deadlines() {
			fmt.Fprintf(&b, "  %s  %s\n", s.cal.Format(dl.At), dl.Label.In(l))
		}
		return b.String()
	})
}

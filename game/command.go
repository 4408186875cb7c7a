package game

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Command is one parsed console line: a verb and its arguments.
type Command struct {
	Verb string
	Args []string
}

// String renders the command back into console text that parses to the same
// command.
func (c Command) String() string {
	parts := []string{c.Verb}
	for _, a := range c.Args {
		if a == "" || strings.ContainsAny(a, " \t\"#") {
			a = `"` + strings.ReplaceAll(a, `"`, `'`) + `"`
		}
		parts = append(parts, a)
	}
	return strings.Join(parts, " ")
}

// Verb describes one console command: its arguments, the simulated time it
// costs and its help text.
type Verb struct {
	Name     string
	Args     []string // argument names; a trailing "?" marks an optional one
	Group    string   // tools, legal, case, time, info
	Cost     Minutes  // simulated time the action itself takes
	ReadOnly bool     // shows something and changes nothing; never logged
	Help     Text
}

// MinArgs is how many arguments the verb needs.
func (v Verb) MinArgs() int {
	n := 0
	for _, a := range v.Args {
		if !strings.HasSuffix(a, "?") {
			n++
		}
	}
	return n
}

// Usage is the verb's one-line synopsis, e.g. "mlat HOLDER TARGET".
func (v Verb) Usage() string {
	parts := []string{v.Name}
	for _, a := range v.Args {
		if strings.HasSuffix(a, "?") {
			parts = append(parts, "["+strings.ToUpper(strings.TrimSuffix(a, "?"))+"]")
		} else {
			parts = append(parts, strings.ToUpper(a))
		}
	}
	return strings.Join(parts, " ")
}

// Verbs returns the console language: every command the trainee can type, in
// help order. The app's buttons and the walkthrough files use the same verbs.
func Verbs() []Verb {
	return []Verb{
		{"whois", []string{"domain"}, "tools", 10 * Minute, false, Text{
			"RDAP/WHOIS lookup: registrar, registrant (often redacted), dates.",
			"Запрос RDAP/WHOIS: регистратор, администратор (часто скрыт), даты."}},
		{"dns", []string{"domain"}, "tools", 5 * Minute, false, Text{
			"DNS lookup: the addresses a domain points to.",
			"Запрос DNS: адреса, на которые указывает домен."}},
		{"asn", []string{"ip"}, "tools", 10 * Minute, false, Text{
			"IP to ASN: the network and the hosting organisation (not a location).",
			"IP в ASN: сеть и хостинговая организация (но не местоположение)."}},
		{"capture", []string{"domain"}, "tools", 30 * Minute, false, Text{
			"Record the site's pages with time and SHA-256 hash (inspection protocol).",
			"Зафиксировать страницы сайта со временем и хешем SHA-256 (протокол осмотра)."}},
		{"purchase", []string{"domain"}, "tools", 2 * Hour, false, Text{
			"Test purchase: pay for access and see which account receives the money.",
			"Проверочная закупка: оплатить доступ и узнать счёт получателя."}},
		{"osint", []string{"target"}, "tools", 4 * Hour, false, Text{
			"Search forums and trackers for aliases, partners and posts.",
			"Поиск по форумам и трекерам: псевдонимы, партнёры, сообщения."}},
		{"order", []string{"holder", "target"}, "legal", 2 * Hour, false, Text{
			"Court production order to a holder in your own country.",
			"Судебное решение о предоставлении данных (держатель в своей стране)."}},
		{"request", []string{"holder", "target"}, "legal", 1 * Hour, false, Text{
			"Request subscriber data from a domestic telecom operator.",
			"Запрос сведений об абоненте у отечественного оператора связи."}},
		{"preserve", []string{"holder", "target"}, "legal", 1 * Hour, false, Text{
			"24/7 Network preservation request abroad: freezes data, obtains nothing.",
			"Запрос через Сеть 24/7 о сохранении данных за рубежом: только замораживает."}},
		{"mlat", []string{"holder", "target"}, "legal", 1 * Day, false, Text{
			"Mutual legal assistance request abroad: slow, obtains admissible data.",
			"Запрос о правовой помощи за рубеж: долго, но данные допустимы."}},
		{"ask", []string{"holder", "target"}, "legal", 30 * Minute, false, Text{
			"Informal request by e-mail: fast, intelligence only, may tip off.",
			"Неформальный запрос по почте: быстро, только ориентирующая информация, риск утечки."}},
		{"statement", []string{"rights_holder"}, "legal", 1 * Hour, false, Text{
			"Ask a rights holder for its statement of losses (pre-release estimates).",
			"Запросить у правообладателя справку об ущербе (оценка для премьер)."}},
		{"takedown", []string{"association", "domain"}, "legal", 1 * Hour, false, Text{
			"Takedown notice to the site's host through an industry association.",
			"Уведомление хостеру об удалении сайта через отраслевую ассоциацию."}},
		{"warrant", []string{"person"}, "legal", 2 * Hour, false, Text{
			"Apply for a search warrant for a suspect's premises (case must be open).",
			"Ходатайство об обыске у подозреваемого (нужно возбуждённое дело)."}},
		{"raid", []string{"person"}, "legal", 4 * Hour, false, Text{
			"Search the premises under a valid warrant; seize computers.",
			"Провести обыск по действующему постановлению; изъять компьютеры."}},
		{"arrest", []string{"person"}, "legal", 2 * Hour, false, Text{
			"Detain an identified suspect (case must be open).",
			"Задержать установленного подозреваемого (нужно возбуждённое дело)."}},
		{"handoff", []string{"unit"}, "case", 2 * Hour, false, Text{
			"Send the case package to the unit that may open a criminal case.",
			"Передать материалы в подразделение, которое может возбудить дело."}},
		{"prosecute", nil, "case", 2 * Hour, false, Text{
			"Send the open case with arrested suspects to the prosecutor and court.",
			"Направить дело с задержанными прокурору и в суд."}},
		{"wait", []string{"duration"}, "time", 0, false, Text{
			"Let time pass: wait 6h, wait 3d, wait 2w, or wait until 05:30.",
			"Ждать: wait 6h, wait 3d, wait 2w или wait until 05:30."}},
		{"help", []string{"verb?"}, "info", 0, true, Text{
			"List the commands, or explain one.", "Список команд или справка по одной."}},
		{"status", nil, "info", 0, true, Text{
			"Date, deadlines, pending requests and the state of the case.",
			"Дата, сроки, ожидаемые ответы и состояние дела."}},
		{"known", nil, "info", 0, true, Text{
			"Everything found so far, by kind.", "Всё, что найдено, по видам."}},
		{"evidence", []string{"id?"}, "info", 0, true, Text{
			"The case file, or one item with its chain of custody.",
			"Материалы дела или одно доказательство с цепочкой хранения."}},
		{"damages", nil, "info", 0, true, Text{
			"Damages per title against the serious-crime threshold.",
			"Ущерб по произведениям и порог крупного размера."}},
	}
}

// LookupVerb finds a verb by name.
func LookupVerb(name string) (Verb, bool) {
	for _, v := range Verbs() {
		if v.Name == name {
			return v, true
		}
	}
	return Verb{}, false
}

// MaxLineLength bounds a console line.
const MaxLineLength = 512

// ParseCommand reads one console line. Words are separated by spaces; a
// double-quoted word may contain spaces; "#" starts a comment. A blank line
// gives a Command with an empty Verb.
func ParseCommand(line string) (Command, error) {
	return parseCommand(line, LookupVerb)
}

// VerbIndex maps verb names to verbs; a Session keeps one so that parsing a
// line does not rebuild the table.
type VerbIndex map[string]Verb

// NewVerbIndex indexes Verbs.
func NewVerbIndex() VerbIndex {
	ix := VerbIndex{}
	for _, v := range Verbs() {
		ix[v.Name] = v
	}
	return ix
}

// Lookup finds a verb by name.
func (ix VerbIndex) Lookup(name string) (Verb, bool) {
	v, ok := ix[name]
	return v, ok
}

func parseCommand(line string, lookup func(string) (Verb, bool)) (Command, error) {
	if len(line) > MaxLineLength {
		return Command{}, fmt.Errorf("line longer than %d characters", MaxLineLength)
	}
	if !utf8.ValidString(line) {
		return Command{}, fmt.Errorf("line is not valid UTF-8")
	}
	var words []string
	var cur strings.Builder
	inWord, inQuote := false, false
	for _, r := range line {
		if (r < ' ' && r != ' ' && r != '\t' && r != '\r' && r != '\n') || r == 0x7f || (inQuote && r < ' ') {
			return Command{}, fmt.Errorf("control character %U in line", r)
		}
		switch {
		case inQuote && r == '"':
			inQuote = false
		case inQuote:
			cur.WriteRune(r)
		case r == '"':
			inQuote, inWord = true, true
		case r == '#':
			goto done
		case r == ' ' || r == '\t' || r == '\r' || r == '\n':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
done:
	if inQuote {
		return Command{}, fmt.Errorf("unterminated quote")
	}
	if inWord {
		words = append(words, cur.String())
	}
	if len(words) == 0 {
		return Command{}, nil
	}
	c := Command{Verb: strings.ToLower(words[0]), Args: words[1:]}
	v, ok := lookup(c.Verb)
	if !ok {
		return c, fmt.Errorf("unknown command %q: type help for the list", words[0])
	}
	if len(c.Args) < v.MinArgs() || len(c.Args) > len(v.Args) {
		if c.Verb == "wait" && len(c.Args) == 2 && strings.EqualFold(c.Args[0], "until") {
			return c, nil
		}
		return c, fmt.Errorf("usage: %s", v.Usage())
	}
	return c, nil
}

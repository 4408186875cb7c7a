package game

import (
	"fmt"
	"slices"
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
	if !slices.ContainsFunc(c.Args, needsQuotes) {
		return strings.Join(append([]string{c.Verb}, c.Args...), " ")
	}
	parts := []string{c.Verb}
	// A last argument that takes the rest of the line ("text...") is
	// written as typed, unquoted, when it can be read back that way.
	restAt := -1
	if v, ok := LookupVerb(c.Verb); ok && len(v.Args) > 0 && strings.HasSuffix(strings.TrimSuffix(v.Args[len(v.Args)-1], "?"), "...") {
		restAt = len(v.Args) - 1
	}
	for i, a := range c.Args {
		if i == restAt && i == len(c.Args)-1 && a != "" && !strings.ContainsAny(a, "\"#\t") {
			parts = append(parts, a)
			continue
		}
		if needsQuotes(a) {
			a = `"` + strings.ReplaceAll(a, `"`, `'`) + `"`
		}
		parts = append(parts, a)
	}
	return strings.Join(parts, " ")
}

// needsQuotes reports whether an argument must be quoted to read back as
// one word.
func needsQuotes(a string) bool { return a == "" || strings.ContainsAny(a, " \t\"#") }

// Verb describes one console command: its arguments, the simulated time it
// costs and where its help text is in the message catalogue ("verb.NAME").
type Verb struct {
	Name     string
	Args     []string // argument names; a trailing "?" marks an optional one; "text..." takes the rest of the line
	Group    string   // tools, legal, case, time, info, room
	Cost     Minutes  // simulated time the action itself takes
	ReadOnly bool     // shows something and changes nothing; never logged
}

// Instructor reports whether only the instructor may give the verb.
func (v Verb) Instructor() bool { return v.Group == "room" }

// Help is the verb's one-line description, as a message.
func (v Verb) Help() Msg { return M("verb." + v.Name) }

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

// rest reports whether the verb's last argument takes the rest of the line.
func (v Verb) rest() bool {
	return len(v.Args) > 0 && strings.HasSuffix(strings.TrimSuffix(v.Args[len(v.Args)-1], "?"), "...")
}

// Usage is the verb's one-line synopsis, e.g. "mlat HOLDER TARGET".
func (v Verb) Usage() string {
	parts := []string{v.Name}
	for _, a := range v.Args {
		if strings.HasSuffix(a, "?") {
			parts = append(parts, "["+strings.ToUpper(strings.TrimSuffix(a, "?"))+"]")
		} else if strings.HasSuffix(a, "...") {
			parts = append(parts, strings.ToUpper(strings.TrimSuffix(a, "..."))+"...")
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
		{"whois", []string{"domain"}, "tools", 10 * Minute, false},
		{"dns", []string{"domain"}, "tools", 5 * Minute, false},
		{"asn", []string{"ip"}, "tools", 10 * Minute, false},
		{"capture", []string{"domain"}, "tools", 30 * Minute, false},
		{"purchase", []string{"domain"}, "tools", 2 * Hour, false},
		{"osint", []string{"target"}, "tools", 4 * Hour, false},
		{"contact", []string{"party"}, "tools", 1 * Hour, false},
		{"order", []string{"holder", "target"}, "legal", 2 * Hour, false},
		{"request", []string{"holder", "target"}, "legal", 1 * Hour, false},
		{"preserve", []string{"holder", "target"}, "legal", 1 * Hour, false},
		{"mlat", []string{"holder", "target"}, "legal", 1 * Day, false},
		{"ask", []string{"holder", "target"}, "legal", 30 * Minute, false},
		{"statement", []string{"rights_holder"}, "legal", 1 * Hour, false},
		{"takedown", []string{"association", "domain"}, "legal", 1 * Hour, false},
		{"apply", []string{"instrument", "target"}, "legal", 2 * Hour, false},
		{"warrant", []string{"person"}, "legal", 2 * Hour, false},
		{"raid", []string{"person", "urgency...?"}, "legal", 4 * Hour, false},
		{"arrest", []string{"person"}, "legal", 2 * Hour, false},
		{"handoff", []string{"unit"}, "case", 2 * Hour, false},
		{"open", nil, "case", 2 * Hour, false},
		{"refuse", nil, "case", 2 * Hour, false},
		{"extend", nil, "case", 30 * Minute, false},
		{"return", []string{"unit", "element..."}, "case", 2 * Hour, false},
		{"instruct", []string{"unit", "command..."}, "case", 30 * Minute, false},
		{"prosecute", []string{"now?"}, "case", 2 * Hour, false},
		{"wait", []string{"duration"}, "time", 0, false},
		{"help", []string{"verb?"}, "info", 0, true},
		{"status", nil, "info", 0, true},
		{"known", nil, "info", 0, true},
		{"evidence", []string{"id?"}, "info", 0, true},
		{"damages", nil, "info", 0, true},
		{"inject", []string{"id"}, "room", 0, false},
		{"notice", []string{"text..."}, "room", 0, false},
		{"pause", nil, "room", 0, false},
		{"resume", nil, "room", 0, false},
		{"stop", nil, "room", 0, false},
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
		return Command{}, usage("cmd.too_long", Num("max", MaxLineLength))
	}
	if !utf8.ValidString(line) {
		return Command{}, usage("cmd.bad_utf8")
	}
	var words []string
	var cur strings.Builder
	inWord, inQuote := false, false
	for _, r := range line {
		if (r < ' ' && r != ' ' && r != '\t' && r != '\r' && r != '\n') || r == 0x7f || (inQuote && r < ' ') {
			return Command{}, usage("cmd.control", Str("char", fmt.Sprintf("%U", r)))
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
		return Command{}, usage("cmd.quote")
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
		return c, usage("cmd.unknown", Str("verb", words[0]), Str("suggest", suggestVerb(c.Verb)))
	}
	if v.rest() && len(c.Args) >= len(v.Args) && len(c.Args) >= v.MinArgs() {
		// The rest of the line is one argument.
		head := c.Args[:len(v.Args)-1]
		c.Args = append(append([]string(nil), head...), strings.Join(c.Args[len(v.Args)-1:], " "))
		return c, nil
	}
	if len(c.Args) < v.MinArgs() || len(c.Args) > len(v.Args) {
		if c.Verb == "wait" && len(c.Args) == 2 && strings.EqualFold(c.Args[0], "until") {
			return c, nil
		}
		return c, usage("cmd.usage", Str("usage", v.Usage()))
	}
	return c, nil
}

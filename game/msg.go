package game

// Msg is a piece of product text as data: an id in the message catalogue and
// the arguments its template needs. The rules never render text; the i18n
// package renders a Msg at the edge, in the reader's language, from
// catalogues of its own. A reworded sentence therefore changes no event, no
// checksum and no save.
type Msg struct {
	ID   string `json:"id"`
	Args []Arg  `json:"args,omitempty"`
}

// ArgKind says how an argument of a Msg is rendered.
type ArgKind string

// The kinds of message argument.
const (
	ArgStr    ArgKind = "str"    // Str verbatim: ids, console lines, tool output
	ArgNum    ArgKind = "num"    // Num as a number
	ArgCount  ArgKind = "count"  // Num as a number that also chooses the plural form
	ArgEntity ArgKind = "entity" // Str is an entity id, rendered as its name
	ArgJur    ArgKind = "jur"    // Str is a jurisdiction id, rendered as its name
	ArgDate   ArgKind = "date"   // Num is a point of simulated time, rendered as a date
	ArgTime   ArgKind = "time"   // Num is a point of simulated time, rendered as date and time
	ArgSpan   ArgKind = "span"   // Num is a span of simulated time, in words
	ArgMoney  ArgKind = "money"  // Num in the currency Str
	ArgText   ArgKind = "text"   // Text: scenario text in the reader's language
	ArgMsg    ArgKind = "msg"    // Msgs[0] rendered
	ArgList   ArgKind = "list"   // Msgs rendered and joined by commas
	ArgLines  ArgKind = "lines"  // Msgs rendered one per line
	ArgBool   ArgKind = "bool"   // Num != 0, for templates that choose words by it
)

// Arg is one named argument of a Msg. Which fields are set depends on Kind.
type Arg struct {
	Name string  `json:"name"`
	Kind ArgKind `json:"kind"`
	Str  string  `json:"str,omitempty"`
	Num  int64   `json:"num,omitempty"`
	Text Text    `json:"text,omitempty"`
	Msgs []Msg   `json:"msgs,omitempty"`
}

// M makes a message.
func M(id string, args ...Arg) Msg { return Msg{ID: id, Args: args} }

// Empty reports whether the message is the zero Msg.
func (m Msg) Empty() bool { return m.ID == "" }

// Arg returns the argument with the name, and whether there is one.
func (m Msg) Arg(name string) (Arg, bool) {
	for _, a := range m.Args {
		if a.Name == name {
			return a, true
		}
	}
	return Arg{}, false
}

// Str is a verbatim string argument.
func Str(name, s string) Arg { return Arg{Name: name, Kind: ArgStr, Str: s} }

// Num is a number argument.
func Num(name string, n int64) Arg { return Arg{Name: name, Kind: ArgNum, Num: n} }

// Count is a number argument that chooses the message's plural form.
func Count(name string, n int64) Arg { return Arg{Name: name, Kind: ArgCount, Num: n} }

// Ent is an entity argument, rendered as the entity's name.
func Ent(name, id string) Arg { return Arg{Name: name, Kind: ArgEntity, Str: id} }

// Jur is a jurisdiction argument, rendered as the country's name.
func Jur(name, id string) Arg { return Arg{Name: name, Kind: ArgJur, Str: id} }

// Date is a point of simulated time rendered as a date.
func Date(name string, at Minutes) Arg { return Arg{Name: name, Kind: ArgDate, Num: int64(at)} }

// When is a point of simulated time rendered as a date and time.
func When(name string, at Minutes) Arg { return Arg{Name: name, Kind: ArgTime, Num: int64(at)} }

// Span is a span of simulated time rendered in words.
func Span(name string, d Minutes) Arg { return Arg{Name: name, Kind: ArgSpan, Num: int64(d)} }

// Money is an amount in a currency.
func Money(name string, amount int64, currency string) Arg {
	return Arg{Name: name, Kind: ArgMoney, Num: amount, Str: currency}
}

// Txt is a scenario text argument.
func Txt(name string, t Text) Arg { return Arg{Name: name, Kind: ArgText, Text: t} }

// Sub is a nested message argument.
func Sub(name string, m Msg) Arg { return Arg{Name: name, Kind: ArgMsg, Msgs: []Msg{m}} }

// List is a list of messages rendered as one line, joined by commas.
func List(name string, ms []Msg) Arg { return Arg{Name: name, Kind: ArgList, Msgs: ms} }

// Lines is a list of messages rendered one per line.
func Lines(name string, ms []Msg) Arg { return Arg{Name: name, Kind: ArgLines, Msgs: ms} }

// Verbatim is a message that shows a string as it is: tool output, an id,
// a console line.
func Verbatim(s string) Msg { return M("verbatim", Str("s", s)) }

// TextMsg is a message that shows a scenario text.
func TextMsg(t Text) Msg { return M("text", Txt("t", t)) }

// Bool is a yes/no argument, for templates that choose words by it.
func Bool(name string, b bool) Arg {
	a := Arg{Name: name, Kind: ArgBool}
	if b {
		a.Num = 1
	}
	return a
}

// Doc is a message made of other messages, one per line.
func Doc(lines ...Msg) Msg { return M("doc", Lines("lines", lines)) }

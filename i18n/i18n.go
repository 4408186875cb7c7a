// Package i18n renders product text at the edge. The rules (package game)
// describe what happened as messages: an id and arguments (game.Msg). This
// package keeps one catalogue per language, in locales/LANG.toml, and turns a
// message into text in the reader's language, with the plural forms the
// language needs (go-i18n), dates, spans of time and money in that language's
// format, and the names of the scenario's entities in that language.
//
// Adding a language to the interface means adding a catalogue file: the
// catalogue test fails until it has every message the English one has.
package i18n

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"takedown/game"
)

//go:embed locales/*.toml
var locales embed.FS

// Source is the language every catalogue is checked against.
const Source = game.EN

// Pseudo is the pseudo-locale: English text with every letter accented and
// every message bracketed, so that a screen rendered in it shows at a glance
// any text that did not come through a catalogue.
const Pseudo game.Lang = "qps"

// Catalog holds the message catalogues of every language shipped.
type Catalog struct {
	bundle *goi18n.Bundle
	langs  []game.Lang
	ids    map[game.Lang]map[string]bool
	names  map[game.Lang]string // each language's name in itself
	locs   map[game.Lang]*goi18n.Localizer
}

// Load reads the catalogues embedded in the program.
func Load() (*Catalog, error) { return LoadFS(locales, "locales") }

// embedded is the embedded catalogues, parsed once per process on first use.
// It is the one package-level value of this package: the catalogues are
// immutable data, and parsing them costs about 10 ms, too much to repeat for
// every scenario a test suite or a room compiles.
var embedded = sync.OnceValues(Load)

// Embedded returns the embedded catalogues, parsed once per process.
func Embedded() (*Catalog, error) { return embedded() }

// LoadFS reads every LANG.toml in dir of fsys. The English catalogue must be
// among them.
func LoadFS(fsys fs.FS, dir string) (*Catalog, error) {
	c := &Catalog{bundle: goi18n.NewBundle(language.English), ids: map[game.Lang]map[string]bool{},
		names: map[game.Lang]string{}, locs: map[game.Lang]*goi18n.Localizer{}}
	c.bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	files, err := fs.Glob(fsys, path.Join(dir, "*.toml"))
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		mf, err := c.bundle.ParseMessageFileBytes(b, path.Base(f))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		l := game.Lang(strings.TrimSuffix(path.Base(f), ".toml"))
		if !game.ValidLang(l) {
			return nil, fmt.Errorf("%s: %q is not a language tag", f, l)
		}
		ids := map[string]bool{}
		for _, m := range mf.Messages {
			ids[m.ID] = true
		}
		c.ids[l] = ids
		c.langs = append(c.langs, l)
		c.locs[l] = goi18n.NewLocalizer(c.bundle, string(l))
	}
	if c.ids[Source] == nil {
		return nil, errors.New("i18n: the English catalogue (en.toml) is missing")
	}
	slices.Sort(c.langs)
	// English first: it is the default.
	c.langs = append([]game.Lang{Source}, slices.DeleteFunc(c.langs, func(l game.Lang) bool { return l == Source })...)
	return c, nil
}

// Langs lists the languages with a catalogue, English first.
func (c *Catalog) Langs() []game.Lang { return slices.Clone(c.langs) }

// Has reports whether a language's catalogue has a message.
func (c *Catalog) Has(l game.Lang, id string) bool { return c.ids[l][id] }

// IDs lists the message ids of a language's catalogue, sorted.
func (c *Catalog) IDs(l game.Lang) []string {
	var out []string
	for id := range c.ids[l] {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// Supported returns the language with a catalogue that best matches l (an
// exact match, else its base language), else English.
func (c *Catalog) Supported(l game.Lang) game.Lang {
	if c.ids[l] != nil || l == Pseudo {
		return l
	}
	if base, _, ok := strings.Cut(string(l), "-"); ok && c.ids[game.Lang(base)] != nil {
		return game.Lang(base)
	}
	return Source
}

// Names turns the ids of entities and jurisdictions into their names. A
// *game.View is one; ScenarioNames adapts a scenario.
type Names interface {
	Name(id string) game.Text
}

// ScenarioNames gives the names a scenario declares.
type ScenarioNames struct{ SC *game.Scenario }

// Name returns the name of an entity or jurisdiction, or the id itself.
func (n ScenarioNames) Name(id string) game.Text {
	if n.SC != nil {
		if e := n.SC.Entity(id); e != nil && !e.Name.Empty() {
			return e.Name
		}
		if j := n.SC.Jurisdictions[id]; j != nil && !j.Name.Empty() {
			return j.Name
		}
	}
	return game.Plain(id)
}

// Printer renders messages in one language for one session.
type Printer struct {
	c      *Catalog
	lang   game.Lang
	loc    *goi18n.Localizer
	names  Names
	start  time.Time
	pseudo bool
	// Missing, if set, is told every message id the catalogue lacks.
	Missing func(lang game.Lang, id string)
}

// Printer returns a printer for a language (see Supported), resolving names
// with names (nil shows ids) and dates from start, the scenario's start.
func (c *Catalog) Printer(l game.Lang, names Names, start time.Time) *Printer {
	p := &Printer{c: c, lang: c.Supported(l), names: names, start: start}
	if p.lang == Pseudo {
		p.pseudo = true
		p.loc = c.locs[Source]
	} else {
		p.loc = c.locs[p.lang]
	}
	return p
}

// Lang returns the printer's language.
func (p *Printer) Lang() game.Lang { return p.lang }

// textLang is the language scenario text is taken in.
func (p *Printer) textLang() game.Lang {
	if p.pseudo {
		return Source
	}
	return p.lang
}

// Text renders scenario text.
func (p *Printer) Text(t game.Text) string {
	s := t.In(p.textLang())
	if p.pseudo {
		return pseudo(s)
	}
	return s
}

// T renders a catalogue message given by id and arguments.
func (p *Printer) T(id string, args ...game.Arg) string { return p.Msg(game.M(id, args...)) }

// Msg renders a message.
func (p *Printer) Msg(m game.Msg) string {
	switch m.ID {
	case "":
		return ""
	case "verbatim":
		a, _ := m.Arg("s")
		return a.Str
	case "text":
		a, _ := m.Arg("t")
		return p.Text(a.Text)
	case "doc":
		a, _ := m.Arg("lines")
		return p.join(a.Msgs, "\n")
	}
	data := make(map[string]any, len(m.Args))
	var count any
	for _, a := range m.Args {
		data[a.Name] = p.arg(a)
		if a.Kind == game.ArgCount && count == nil {
			count = a.Num
		}
	}
	s, ok := p.localize(m.ID, data, count)
	if !ok {
		s = p.fallback(m)
	}
	if p.pseudo {
		return "⟦" + pseudo(s) + "⟧"
	}
	return s
}

// localize looks a message up in the printer's language, then in English.
func (p *Printer) localize(id string, data map[string]any, count any) (string, bool) {
	lc := &goi18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count}
	// go-i18n reports a plural form the message lacks but still renders
	// its "other" form: that is taken.
	if p.c.ids[p.lang][id] || p.pseudo {
		if s, err := p.loc.Localize(lc); err == nil || s != "" {
			return s, true
		}
	}
	if p.Missing != nil {
		p.Missing(p.lang, id)
	}
	if p.lang != Source && p.c.ids[Source][id] {
		if s, err := p.c.locs[Source].Localize(lc); err == nil || s != "" {
			return s, true
		}
	}
	return "", false
}

// fallback shows a message no catalogue has: for the open vocabularies of
// scenarios (a role or relation an author made up) the last part of the id,
// else the id itself.
func (p *Printer) fallback(m game.Msg) string {
	for _, prefix := range []string{"rel.", "role.", "kind.", "kinds.", "element.", "instrument.", "action.", "help.group.", "tier."} {
		if rest, ok := strings.CutPrefix(m.ID, prefix); ok {
			return strings.ReplaceAll(rest, "_", " ")
		}
	}
	return "⟨" + m.ID + "⟩"
}

// arg renders one argument for a template.
func (p *Printer) arg(a game.Arg) any {
	switch a.Kind {
	case game.ArgStr:
		return a.Str
	case game.ArgNum, game.ArgCount:
		return p.Number(a.Num)
	case game.ArgBool:
		return a.Num != 0
	case game.ArgEntity, game.ArgJur:
		if p.names == nil {
			return a.Str
		}
		return p.Text(p.names.Name(a.Str))
	case game.ArgDate:
		return p.Date(game.Minutes(a.Num))
	case game.ArgTime:
		return p.Time(game.Minutes(a.Num))
	case game.ArgSpan:
		return p.Span(game.Minutes(a.Num))
	case game.ArgMoney:
		return p.Money(a.Num, a.Str)
	case game.ArgText:
		return p.Text(a.Text)
	case game.ArgMsg:
		if len(a.Msgs) == 0 {
			return ""
		}
		return p.Msg(a.Msgs[0])
	case game.ArgList:
		return p.join(a.Msgs, p.format("list", ", "))
	case game.ArgLines:
		return p.join(a.Msgs, "\n")
	}
	return ""
}

func (p *Printer) join(ms []game.Msg, sep string) string {
	parts := make([]string, 0, len(ms))
	for _, m := range ms {
		parts = append(parts, p.Msg(m))
	}
	return strings.Join(parts, sep)
}

// format returns a formatting setting of the language (format.date, ...).
func (p *Printer) format(key, def string) string {
	id := "format." + key
	if !p.c.ids[p.lang][id] && !p.pseudo {
		return def
	}
	s, err := p.loc.Localize(&goi18n.LocalizeConfig{MessageID: id})
	if err != nil {
		return def
	}
	return s
}

// Number formats a whole number with the language's thousands separator.
func (p *Printer) Number(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if len(s) <= 4 {
		if neg {
			return "-" + s
		}
		return s
	}
	sep := p.format("thousands", ",")
	if sep == " " {
		sep = "\u202f" // a narrow no-break space: groups never split across lines
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Money formats an amount in a currency the way the language writes it.
func (p *Printer) Money(amount int64, currency string) string {
	data := map[string]any{"amount": p.Number(amount), "currency": currency}
	id := "money." + currency
	if !p.c.ids[Source][id] {
		id = "money.default"
	}
	s, ok := p.localize(id, data, nil)
	if !ok {
		return p.Number(amount) + " " + currency
	}
	return strings.Replace(s, " ", "\u00a0", 1)
}

// Date formats a point of simulated time as a date.
func (p *Printer) Date(at game.Minutes) string {
	return p.start.Add(time.Duration(at) * time.Minute).Format(p.format("date", "2006-01-02"))
}

// Time formats a point of simulated time as a date and time of day.
func (p *Printer) Time(at game.Minutes) string {
	return p.start.Add(time.Duration(at) * time.Minute).Format(p.format("time", "2006-01-02 15:04"))
}

// Clock formats the time of day of a point of simulated time.
func (p *Printer) Clock(at game.Minutes) string {
	return p.start.Add(time.Duration(at) * time.Minute).Format(p.format("clock", "15:04"))
}

// Span formats a span of time in words: "3 days 4 hours", "3 дня 4 часа".
// Spans of two weeks or more that are whole weeks are given in weeks; minutes
// are left out of spans longer than a day.
func (p *Printer) Span(d game.Minutes) string {
	if d < 0 {
		d = -d
	}
	if d == 0 {
		s, _ := p.localize("span.none", nil, nil)
		return s
	}
	part := func(id string, n int64) string {
		s, ok := p.localize(id, map[string]any{"n": p.Number(n)}, n)
		if !ok {
			return strconv.FormatInt(n, 10)
		}
		return s
	}
	if d >= 2*game.Week && d%game.Week == 0 {
		return part("span.weeks", int64(d/game.Week))
	}
	var parts []string
	if days := d / game.Day; days > 0 {
		parts = append(parts, part("span.days", int64(days)))
	}
	if h := d % game.Day / game.Hour; h > 0 {
		parts = append(parts, part("span.hours", int64(h)))
	}
	if m := d % game.Hour; m > 0 && d < game.Day {
		parts = append(parts, part("span.minutes", int64(m)))
	}
	return strings.Join(parts, " ")
}

// Err renders an error for a person: a message the rules raised (usage
// errors, refusals, unreadable logs) in the printer's language, anything
// else as it is.
func (p *Printer) Err(err error) string {
	if err == nil {
		return ""
	}
	var u *game.UsageError
	var l *game.LogError
	var b *game.BudgetError
	var r *game.ReplayError
	switch {
	case errors.As(err, &r):
		id := "err.replay"
		if r.Changed {
			id = "err.replay_changed"
		}
		return p.T(id, game.Num("entry", int64(r.Entry)), game.Str("line", r.Line), game.Str("err", p.Err(r.Err)))
	case errors.As(err, &u):
		return p.Msg(u.Msg)
	case errors.As(err, &l):
		return p.T("err.log_line", game.Num("line", int64(l.Line)), game.Sub("msg", l.Msg))
	case errors.As(err, &b):
		return p.Msg(b.Msg)
	}
	return err.Error()
}

// pseudo accents every ASCII letter of s.
func pseudo(s string) string {
	const from = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	to := []rune("àƀçđéƒĝĥíĵķĺɱñóƥʠŕšŧúʋŵẋýžÀƁÇĐÉƑĜĤÍĴĶĹϺÑÓƤɊŔŠŦÚƲŴẊÝŽ")
	var b strings.Builder
	for _, r := range s {
		if i := strings.IndexRune(from, r); i >= 0 {
			b.WriteRune(to[i])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

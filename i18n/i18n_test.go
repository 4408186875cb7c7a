package i18n

import (
	"os"

	"github.com/BurntSushi/toml"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"takedown/game"
)

func load(t *testing.T) *Catalog {
	t.Helper()
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestCataloguesHaveTheSameMessages fails on a message one shipped
// language has and another lacks.
func TestCataloguesHaveTheSameMessages(t *testing.T) {
	c := load(t)
	if len(c.Langs()) < 2 {
		t.Fatalf("languages %v: want at least en and ru", c.Langs())
	}
	en := c.IDs(Source)
	for _, l := range c.Langs() {
		ids := c.IDs(l)
		for _, id := range en {
			if !slices.Contains(ids, id) {
				t.Errorf("%s.toml lacks %q", l, id)
			}
		}
		for _, id := range ids {
			if !slices.Contains(en, id) {
				t.Errorf("%s.toml has %q, which en.toml lacks", l, id)
			}
		}
	}
}

var placeholder = regexp.MustCompile(`\{\{[^}]*?\.([a-zA-Z_]+)[^}]*\}\}`)

// TestEveryMessageRenders renders every message of every language with a
// value for each of its placeholders, with counts that need each plural
// form, and fails on a template error or a placeholder left empty.
func TestEveryMessageRenders(t *testing.T) {
	c := load(t)
	for _, l := range c.Langs() {
		p := c.Printer(l, nil, time.Date(2009, 3, 2, 9, 0, 0, 0, time.UTC))
		src := sources(t, l)
		for _, id := range c.IDs(l) {
			if forms := src[id]; len(forms) > 1 && len(forms) < pluralForms(l) {
				t.Errorf("%s: %s has %d plural forms, the language needs %d", l, id, len(forms), pluralForms(l))
			}
			var args []game.Arg
			for _, name := range placeholderNames(t, l, id) {
				args = append(args, game.Str(name, "X"+name))
			}
			for _, n := range []int64{1, 2, 5, 21} {
				a := append(slices.Clone(args), game.Count("n", n))
				s, ok := p.localize(id, mapOf(p, a), n)
				if !ok {
					t.Errorf("%s: %s does not render", l, id)
					continue
				}
				if strings.Contains(s, "<no value>") {
					t.Errorf("%s: %s leaves a placeholder empty: %q", l, id, s)
				}
			}
		}
	}
}

func mapOf(p *Printer, args []game.Arg) map[string]any {
	m := map[string]any{}
	for _, a := range args {
		m[a.Name] = p.arg(a)
	}
	return m
}

// pluralForms is how many forms a counted message needs in a language:
// one and other in English; one, few, many and other in Russian.
func pluralForms(l game.Lang) int {
	if l == game.RU {
		return 4
	}
	return 2
}

// placeholderNames finds the names a message's templates use, in every
// plural form, from the catalogue's source file.
func placeholderNames(t *testing.T, l game.Lang, id string) []string {
	srcs := sources(t, l)[id]
	var names []string
	for _, src := range srcs {
		for _, m := range placeholder.FindAllStringSubmatch(src, -1) {
			if !slices.Contains(names, m[1]) {
				names = append(names, m[1])
			}
		}
	}
	return names
}

// sources reads a catalogue file into message id -> template sources.
func sources(t *testing.T, l game.Lang) map[string][]string {
	var raw map[string]any
	if _, err := toml.DecodeFile(filepath.Join("locales", string(l)+".toml"), &raw); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch v := v.(type) {
		case string:
			out[prefix] = append(out[prefix], v)
		case map[string]any:
			plural := false
			for k := range v {
				switch k {
				case "zero", "one", "two", "few", "many", "other":
					plural = true
				}
			}
			for k, sub := range v {
				if plural {
					walk(prefix, sub)
				} else if prefix == "" {
					walk(k, sub)
				} else {
					walk(prefix+"."+k, sub)
				}
			}
		}
	}
	walk("", raw)
	return out
}

// TestRussianPlurals checks the forms Russian needs: 1 день, 2 дня, 5 дней,
// 31 день (and 21 days are 3 недели).
func TestRussianPlurals(t *testing.T) {
	p := load(t).Printer(game.RU, nil, time.Time{})
	for n, want := range map[game.Minutes]string{1: "1 день", 2: "2 дня", 5: "5 дней", 31: "31 день", 11: "11 дней", 22: "22 дня", 21: "3 недели"} {
		if got := p.Span(n * game.Day); got != want {
			t.Errorf("Span(%d days) = %q, want %q", n, got, want)
		}
	}
	if got := p.T("damages.copies", game.Count("n", 3), game.Money("price", 270, "RUB")); got != "3 копии по 270\u00a0₽" {
		t.Errorf("3 copies: %q", got)
	}
	en := load(t).Printer(game.EN, nil, time.Time{})
	if got := en.T("damages.copies", game.Count("n", 1), game.Money("price", 270, "RUB")); got != "1 copy at 270\u00a0₽" {
		t.Errorf("1 copy: %q", got)
	}
}

// TestMoneyAndNumbers checks one money format per language.
func TestMoneyAndNumbers(t *testing.T) {
	c := load(t)
	cases := []struct {
		l    game.Lang
		v    int64
		cur  string
		want string
	}{
		{game.EN, 250000, "RUB", "250,000\u00a0₽"},
		{game.RU, 250000, "RUB", "250\u202f000\u00a0₽"},
		{game.EN, 32400, "USD", "$32,400"},
		{game.RU, 1400000, "XYZ", "1\u202f400\u202f000\u00a0XYZ"},
		{game.EN, 270, "RUB", "270\u00a0₽"},
	}
	for _, tc := range cases {
		if got := c.Printer(tc.l, nil, time.Time{}).Money(tc.v, tc.cur); got != tc.want {
			t.Errorf("%s Money(%d, %s) = %q, want %q", tc.l, tc.v, tc.cur, got, tc.want)
		}
	}
}

// TestMessagesInTheRulesAreCatalogued finds every literal message id in
// package game and fails on one the English catalogue lacks.
func TestMessagesInTheRulesAreCatalogued(t *testing.T) {
	c := load(t)
	files, err := filepath.Glob("../game/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no sources of package game: %v", err)
	}
	lit := regexp.MustCompile(`\b(?:M|usage|stop)\("([a-z0-9_.]+)"`)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range lit.FindAllStringSubmatch(string(b), -1) {
			n++
			id := m[1]
			if builtin(id) || strings.HasSuffix(id, ".") {
				continue
			}
			if !c.Has(Source, id) {
				t.Errorf("%s: message %q is not in en.toml", filepath.Base(f), id)
			}
		}
	}
	if n < 100 {
		t.Errorf("found only %d message ids in package game: the pattern is out of date", n)
	}
}

func builtin(id string) bool { return id == "verbatim" || id == "text" || id == "doc" }

// TestPseudoMarksEveryMessage renders nested messages in the pseudo-locale.
func TestPseudoMarksEveryMessage(t *testing.T) {
	p := load(t).Printer(Pseudo, nil, time.Time{})
	s := p.T("request.sent", game.Str("id", "R1"), game.Sub("instrument", game.M("instrument.mlat")), game.Str("to", "x"), game.Str("about", "y"), game.Date("due", 0))
	if !strings.HasPrefix(s, "⟦") || !strings.Contains(s, "⟦ḾĹÀŦ") && !strings.Contains(s, "⟦ϺĹÀŦ") {
		t.Errorf("pseudo rendering %q is not marked", s)
	}
	if strings.ContainsAny(s, "aeiou") {
		t.Errorf("pseudo rendering %q keeps plain letters", s)
	}
}

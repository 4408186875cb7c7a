package ui

import (
	"image"
	"regexp"
	"strings"
	"testing"

	"takedown/game"
	"takedown/i18n"
)

// stripMessages removes every catalogue message from s: in the
// pseudo-locale each is bracketed ⟦…⟧, and messages may nest.
func stripMessages(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '⟦':
			depth++
		case r == '⟧' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var (
	// token is a run of what may make a word, an id or a number.
	token = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9_.:/'@+-]*`)
	// latin finds an unaccented letter: text from the catalogue or the
	// scenario has none in the pseudo-locale.
	latin = regexp.MustCompile(`[A-Za-z]`)
	// month is a month's name as Go's date formats give it: dates are
	// formatted by the language's pattern, and the pseudo-locale takes
	// the English one.
	month = regexp.MustCompile(`^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$`)
	// hash is a hex digest (evidence hashes).
	hash = regexp.MustCompile(`^[0-9a-f]{16,}$`)
	// duration is a console duration (wait 2h).
	duration = regexp.MustCompile(`^[0-9]+[mhdw]$`)
	// span is a span of time as i18n.Printer.Span writes it: in the
	// pseudo-locale it gives the English units unmarked.
	span = regexp.MustCompile(`\b[0-9]+ (days?|hours?|min|weeks?)\b`)
	// prompt is what the console puts before a command it echoes.
	prompt = regexp.MustCompile(`^(\[[^\]]*\] )?> `)
)

// allowedWords are the words a screen may show that come from neither the
// catalogue nor the scenario's text, because they are the data itself:
// the ids of entities, requests and evidence, country and language codes.
func allowedWords(v *game.View) map[string]bool {
	ok := map[string]bool{}
	if v == nil {
		return ok
	}
	ok[v.Scenario.ID] = true
	for _, l := range v.Scenario.Langs {
		ok[strings.ToUpper(string(l))] = true
	}
	for _, e := range v.Entities {
		ok[e.ID] = true
	}
	for _, c := range v.Countries {
		ok[c.ID], ok[strings.ToUpper(c.ID)] = true, true
	}
	for _, r := range v.Requests {
		ok[r.ID] = true
	}
	for _, e := range v.Evidence {
		ok[e.Num] = true
	}
	return ok
}

// foreignWords lists the words of a drawn string that came through
// neither the catalogue nor the scenario's text.
func foreignWords(s string, ok map[string]bool) []string {
	rest := strings.TrimSpace(stripMessages(s))
	// A console command, echoed or on a button, is what the trainee types.
	if c, err := game.ParseCommand(prompt.ReplaceAllString(rest, "")); err == nil {
		if _, known := game.LookupVerb(c.Verb); known {
			return nil
		}
	}
	var out []string
	for _, w := range token.FindAllString(span.ReplaceAllString(rest, ""), -1) {
		w = strings.TrimRight(w, ".:,;'")
		if !latin.MatchString(w) || ok[w] || ok[strings.TrimSuffix(w, "/")] || month.MatchString(w) || hash.MatchString(w) || duration.MatchString(w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// TestEveryStringIsTranslated renders every scene in the pseudo-locale,
// in which every catalogue message is bracketed and every letter of the
// catalogue's and the scenario's text accented, and fails on any drawn
// string or button label with a plain Latin word that is not part of a
// console command, an id (see allowedWords), a date's month, a span of
// time's unit, a duration or a hash. Scenario script errors are left out:
// they are the Lua VM's own text.
func TestEveryStringIsTranslated(t *testing.T) {
	for _, st := range caseStates() {
		d := stateDriver(t, st)
		ok := allowedWords(d.app.View())
		for _, si := range d.app.title.info {
			if si.view != nil {
				for w := range allowedWords(si.view) {
					ok[w] = true
				}
			}
		}
		for _, scene := range st.scenes {
			for _, presenter := range []bool{false, true} {
				recs := d.renderAt(scene, image.Pt(1920, 1080), 1, i18n.Pseudo, presenter)
				seen := map[string]bool{}
				for _, r := range recs {
					if r.ghost || seen[r.s] {
						continue
					}
					seen[r.s] = true
					if ws := foreignWords(r.s, ok); len(ws) > 0 {
						t.Errorf("%s/%s (presenter %v): %q has words not from the catalogue: %v", st.name, scene, presenter, r.s, ws)
					}
				}
			}
		}
	}
}

// TestPseudoCheckCatchesRawText makes sure the check above fails on text
// that bypassed the catalogue.
func TestPseudoCheckCatchesRawText(t *testing.T) {
	ok := allowedWords(nil)
	for s, want := range map[string]bool{
		"⟦Ŧàķéš 2 ĥóúŕš⟧":                       false,
		"[4 Mar 2009 20:55] > whois kadr-hd.ru": false,
		"prosecute now":                         false,
		"⟦Ŧàķéš⟧ 2 hours":                       false,
		"Hand-off":                              true,
		"Takes 2 hours":                         true,
		"⟦Ðàmàĝéš: 1,000 ₽⟧ — below":            true,
		"E1  ⟦Çàƥŧúŕé⟧":                         true,
	} {
		if got := len(foreignWords(s, ok)) > 0; got != want {
			t.Errorf("%q: foreign %v, want %v (%v)", s, got, want, foreignWords(s, ok))
		}
	}
}

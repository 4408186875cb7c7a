package game

import (
	"maps"
	"slices"
)

// Lang is a language tag for product text, such as "en" or "ru". A
// scenario may declare any languages; the interface ships catalogues for
// some of them (see the i18n package).
type Lang string

// The languages the shipped scenarios and catalogues are written in.
const (
	EN Lang = "en"
	RU Lang = "ru"
)

// AnyLang is the key of a Text that reads the same in every language.
const AnyLang Lang = "*"

// ValidLang reports whether l looks like a language tag: two or three
// lowercase letters, optionally followed by "-" and a region or script of
// two to four letters or digits (en, ru, uk, pt-br).
func ValidLang(l Lang) bool {
	s := string(l)
	n := 0
	for n < len(s) && s[n] >= 'a' && s[n] <= 'z' {
		n++
	}
	if n < 2 || n > 3 {
		return false
	}
	if n == len(s) {
		return true
	}
	if s[n] != '-' || len(s)-n-1 < 2 || len(s)-n-1 > 4 {
		return false
	}
	for _, r := range s[n+1:] {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// Text is scenario text: what an instructor wrote, in each language the
// scenario gives it in. A Text made by Plain reads the same in every
// language. Product text of the rules themselves is never a Text but a Msg.
type Text map[Lang]string

// Plain returns a Text that reads the same in every language.
func Plain(s string) Text {
	if s == "" {
		return nil
	}
	return Text{AnyLang: s}
}

// In returns the text in language l, falling back to the text for every
// language, then English, then the first language in alphabetical order.
func (t Text) In(l Lang) string {
	if s, ok := t[l]; ok && s != "" {
		return s
	}
	if s := t[AnyLang]; s != "" {
		return s
	}
	if s := t[EN]; s != "" {
		return s
	}
	for _, k := range slices.Sorted(maps.Keys(t)) {
		if t[k] != "" {
			return t[k]
		}
	}
	return ""
}

// Has reports whether the text exists in language l (text for every
// language counts).
func (t Text) Has(l Lang) bool { return t[l] != "" || t[AnyLang] != "" }

// Empty reports whether the text has no words in any language.
func (t Text) Empty() bool {
	for _, s := range t {
		if s != "" {
			return false
		}
	}
	return true
}

// Langs lists the languages the text is given in, sorted; AnyLang is left
// out.
func (t Text) Langs() []Lang {
	var out []Lang
	for _, k := range slices.Sorted(maps.Keys(t)) {
		if k != AnyLang && t[k] != "" {
			out = append(out, k)
		}
	}
	return out
}

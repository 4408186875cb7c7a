package game

// Lang is a language code for product text: "en" or "ru".
type Lang string

// The languages every scenario may provide text in.
const (
	EN Lang = "en"
	RU Lang = "ru"
)

// Langs lists the supported languages in display order.
func Langs() []Lang { return []Lang{EN, RU} }

// Text is a piece of product text in several languages.
type Text struct {
	En string `json:"en,omitempty"`
	Ru string `json:"ru,omitempty"`
}

// T returns a Text that reads the same in every language.
func T(s string) Text { return Text{En: s, Ru: s} }

// In returns the text in the given language, falling back to English.
func (t Text) In(l Lang) string {
	if l == RU && t.Ru != "" {
		return t.Ru
	}
	return t.En
}

// Empty reports whether the text has no words in any language.
func (t Text) Empty() bool { return t.En == "" && t.Ru == "" }

// Has reports whether the text exists in language l.
func (t Text) Has(l Lang) bool {
	if l == RU {
		return t.Ru != ""
	}
	return t.En != ""
}

// Tf formats an English and a Russian template with the same arguments; an
// argument that is itself a Text is put in the matching language.
func Tf(en, ru string, args ...any) Text {
	return Text{En: sprintf(en, localize(args, EN)...), Ru: sprintf(ru, localize(args, RU)...)}
}

func localize(args []any, l Lang) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if t, ok := a.(Text); ok {
			out[i] = t.In(l)
		} else {
			out[i] = a
		}
	}
	return out
}

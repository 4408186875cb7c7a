package ui

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"takedown/game"
)

func sortedRels(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// money formats an amount with thin groups and the currency's sign.
func money(v int64, currency string) string {
	s := fmt.Sprint(v)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune('\u202f')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if neg {
		out = "-" + out
	}
	switch currency {
	case "RUB":
		return out + "\u00a0₽"
	case "USD":
		return "$" + out
	case "EUR":
		return out + "\u00a0€"
	}
	return out + " " + currency
}

// colorAlpha returns c with a new alpha, premultiplied.
func colorAlpha(c color.NRGBA, alpha uint8) color.NRGBA {
	c.A = alpha
	return c
}

// span formats a stretch of simulated time in words of the language.
func span(m game.Minutes, l game.Lang) string {
	d, h, mm := int(m/game.Day), int(m%game.Day/game.Hour), int(m%game.Hour)
	var parts []string
	if d > 0 {
		parts = append(parts, game.Tf("%d d", "%d дн.", d).In(l))
	}
	if h > 0 {
		parts = append(parts, game.Tf("%d h", "%d ч", h).In(l))
	}
	if mm > 0 || len(parts) == 0 {
		parts = append(parts, game.Tf("%d min", "%d мин", mm).In(l))
	}
	return strings.Join(parts, " ")
}

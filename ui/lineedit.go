package ui

import (
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"takedown/game"
)

// lineEdit is a one-line text field driven by Input.
type lineEdit struct {
	text []rune
	cur  int
	hist int // position in history while recalling; -1 when editing
}

func (e *lineEdit) String() string { return string(e.text) }

func (e *lineEdit) set(s string) {
	e.text = []rune(s)
	e.cur = len(e.text)
}

// edit applies typed characters and editing keys, and reports whether
// anything changed and whether Enter was pressed.
func (e *lineEdit) edit(in *Input, history []string) (changed, enter bool) {
	for _, r := range in.Chars {
		if r < ' ' || r == 0x7f {
			continue
		}
		e.text = append(e.text[:e.cur], append([]rune{r}, e.text[e.cur:]...)...)
		e.cur++
		changed = true
	}
	for _, k := range in.Keys {
		switch k {
		case ebiten.KeyBackspace:
			if e.cur > 0 {
				e.text = append(e.text[:e.cur-1], e.text[e.cur:]...)
				e.cur--
				changed = true
			}
		case ebiten.KeyDelete:
			if e.cur < len(e.text) {
				e.text = append(e.text[:e.cur], e.text[e.cur+1:]...)
				changed = true
			}
		case ebiten.KeyArrowLeft:
			e.cur = max(0, e.cur-1)
			changed = true
		case ebiten.KeyArrowRight:
			e.cur = min(len(e.text), e.cur+1)
			changed = true
		case ebiten.KeyHome:
			e.cur, changed = 0, true
		case ebiten.KeyEnd:
			e.cur, changed = len(e.text), true
		case ebiten.KeyArrowUp:
			if len(history) > 0 {
				if e.hist < 0 || e.hist > len(history) {
					e.hist = len(history)
				}
				e.hist = max(0, e.hist-1)
				e.set(history[e.hist])
				changed = true
			}
		case ebiten.KeyArrowDown:
			if e.hist >= 0 && e.hist < len(history)-1 {
				e.hist++
				e.set(history[e.hist])
			} else {
				e.hist = -1
				e.set("")
			}
			changed = true
		case ebiten.KeyEnter, ebiten.KeyNumpadEnter:
			enter = true
		}
	}
	return changed, enter
}

// complete extends the word before the caret with the candidates that
// match it and returns the candidates when more than one matches.
func (e *lineEdit) complete(verbs, names []string) []string {
	left := string(e.text[:e.cur])
	start := strings.LastIndex(left, " ") + 1
	word := left[start:]
	pool := names
	if strings.TrimSpace(left[:start]) == "" {
		pool = verbs
	} else if f := strings.Fields(left); len(f) > 0 && strings.EqualFold(f[0], "wait") {
		pool = []string{"until", "6h", "1d", "3d", "1w"}
	}
	var hits []string
	for _, c := range pool {
		if strings.HasPrefix(strings.ToLower(c), strings.ToLower(word)) {
			hits = append(hits, c)
		}
	}
	if len(hits) == 0 {
		return nil
	}
	common := hits[0]
	for _, h := range hits[1:] {
		common = commonPrefix(common, h)
	}
	add := common
	if len(hits) == 1 {
		add += " "
	}
	if len([]rune(add)) >= len([]rune(word)) {
		rest := string(e.text[e.cur:])
		e.text = []rune(left[:start] + add + rest)
		e.cur = len([]rune(left[:start] + add))
	}
	if len(hits) == 1 {
		return nil
	}
	return hits
}

func commonPrefix(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && strings.EqualFold(string(ra[n]), string(rb[n])) {
		n++
	}
	return string(ra[:n])
}

// verbNames lists the console verbs.
func verbNames() []string {
	var out []string
	for _, v := range game.Verbs() {
		out = append(out, v.Name)
	}
	return out
}

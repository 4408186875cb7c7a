package ui

import (
	"fmt"
	"image"
	"image/color"
	"slices"
	"sort"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/game"
)

// channel says how the home country reaches a foreign one.
func (a *App) channel(home, j *game.Jurisdiction) (string, color.NRGBA) {
	if j == home {
		return a.t("ch_domestic"), a.c.good
	}
	mlat := slices.Contains(home.MLATWith, j.ID) || slices.Contains(j.MLATWith, home.ID)
	n247 := home.Network247 && j.Network247
	switch {
	case mlat && n247:
		return a.t("ch_247"), a.c.good
	case mlat:
		return a.t("ch_mlat"), a.c.info
	case n247:
		return game.Text{En: "24/7 preservation only (no MLAT treaty)", Ru: "только сохранение через Сеть 24/7 (нет договора)"}.In(a.lang), a.c.warn
	}
	return a.t("ch_none"), a.c.bad
}

// paintMap draws the home country on the left and every foreign
// jurisdiction in play on the right, each joined by its legal channel.
func (a *App) paintMap(dst *ebiten.Image, r image.Rectangle) {
	sc := a.m.sc
	home := sc.HomeLaw()
	if home == nil {
		return
	}
	pad := a.u(16)
	a.drawText(dst, ellipsize(a.t("map_title"), a.fonts.bold, float64(r.Dx()-2*pad)), a.fonts.bold, a.c.accent, float64(r.Min.X+pad), float64(r.Min.Y+pad))
	found := map[string][]string{}
	for _, e := range a.m.s.KnownEntities() {
		if c := a.m.country(e); c != "" && e.Kind != game.KindUnit {
			found[c] = append(found[c], a.m.name(e.ID, a.lang))
		}
	}
	var foreign []*game.Jurisdiction
	for id, j := range sc.Jurisdictions {
		if id != home.ID {
			foreign = append(foreign, j)
		}
	}
	// Countries where something was found come first.
	sort.Slice(foreign, func(i, k int) bool {
		fi, fk := len(found[foreign[i].ID]) > 0, len(found[foreign[k].ID]) > 0
		if fi != fk {
			return fi
		}
		return foreign[i].ID < foreign[k].ID
	})
	top := r.Min.Y + pad + int(a.fonts.lineBody) + a.u(12)
	area := image.Rect(r.Min.X+pad, top, r.Max.X-pad, r.Max.Y-pad)
	homeW := area.Dx() * 36 / 100
	gapX := area.Dx() * 14 / 100
	homeR := image.Rect(area.Min.X, area.Min.Y, area.Min.X+homeW, area.Max.Y)
	cardX := homeR.Max.X + gapX
	n := max(1, len(foreign))
	gap := a.u(12)
	cardH := min(a.u(230), (area.Dy()-(n-1)*gap)/n)
	lw := float32(max(2, a.u(5)))
	for i, j := range foreign {
		cr := image.Rect(cardX, area.Min.Y+i*(cardH+gap), area.Max.X, area.Min.Y+i*(cardH+gap)+cardH)
		ch, col := a.channel(home, j)
		active := len(found[j.ID]) > 0
		if !active {
			col = color.NRGBA{col.R / 2, col.G / 2, col.B / 2, 0xff}
		}
		x1, y1 := float32(homeR.Max.X), float32(homeR.Min.Y+homeR.Dy()/2)
		x2, y2 := float32(cr.Min.X), float32(cr.Min.Y+cr.Dy()/2)
		vector.StrokeLine(dst, x1, y1, x2, y2, lw, col, true)
		vector.FillCircle(dst, x2, y2, lw*1.6, col, true)
		a.paintCountry(dst, cr, j, ch, col, found[j.ID], active)
	}
	ch, col := a.channel(home, home)
	a.paintCountry(dst, homeR, home, ch, col, found[home.ID], true)
}

// paintCountry draws one jurisdiction's card.
func (a *App) paintCountry(dst *ebiten.Image, r image.Rectangle, j *game.Jurisdiction, channel string, col color.NRGBA, found []string, active bool) {
	ground := a.c.panel2
	if !active {
		ground = a.c.panel
	}
	vector.FillRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), ground, false)
	vector.StrokeRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), float32(max(2, a.u(3))), col, false)
	pad := a.u(12)
	name := j.Name.In(a.lang)
	if j.ID == a.m.sc.Home {
		name += " (" + a.t("home") + ")"
	}
	mark := func(b bool) string {
		if b {
			return "✓"
		}
		return "✗"
	}
	facts := fmt.Sprintf("Budapest %s · 24/7 %s · %s %s", mark(j.Budapest), mark(j.Network247),
		game.Text{En: "retention", Ru: "хранение"}.In(a.lang), span(j.Retention, a.lang))
	var d doc
	d = append(d, para{st: stHead, text: strings.ToUpper(j.ID) + "  " + name})
	d = append(d, para{st: stBold, text: channel})
	d = append(d, para{st: stSmall, text: facts})
	if j.ID == a.m.sc.Home && j.Threshold > 0 {
		d = append(d, para{st: stSmall, text: fmt.Sprintf("%s: %s", game.Text{En: "serious-crime threshold", Ru: "порог крупного размера"}.In(a.lang), money(j.Threshold, j.Currency))})
	}
	width, avail := float64(r.Dx()-2*pad), float64(r.Dy()-pad)
	ls := a.wrap(d, width)
	// Name as many finds as fit the box, then say how many more there are.
	for n := len(found); n > 0; n-- {
		text := a.t("map_found") + ": " + strings.Join(found[:n], ", ")
		if n < len(found) {
			text += fmt.Sprintf(" +%d", len(found)-n)
		}
		if withFound := a.wrap(append(d, para{st: stBody, text: text, gap: 4}), width); linesHeight(withFound) <= avail || n == 1 {
			ls = withFound
			break
		}
	}
	sub := dst.SubImage(r.Inset(a.u(3))).(*ebiten.Image)
	a.drawLines(sub, ls, float64(r.Min.X+pad), float64(r.Min.Y+pad/2), 0)
}

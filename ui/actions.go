package ui

import (
	"image"
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/game"
)

// card is an action drawn as a box: the command, then what it costs in
// time and what it risks. A ghost button over it takes the click.
type card struct {
	act   game.ActionView
	r     image.Rectangle // in content coordinates: add the scroll's offset
	lines []cardLine
}

// cardLine is one line of a card's text.
type cardLine struct {
	s  string
	st style
}

// actionsLayout is the actions panel laid out: its title, the cards of
// the selected entity and the general commands, in one scroll area.
type actionsLayout struct {
	r       image.Rectangle
	title   []string
	hint    []string // what to do when nothing is selected
	scroll  scrollArea
	cards   []card
	quick   []game.ActionView // one-line buttons: waiting and questions
	quickR  []image.Rectangle
	caption []string // says which commands take no time
	capY    int
	height  int // of the content
}

// cardLines are what a card says.
func (a *App) cardLines(act game.ActionView, width float64) []cardLine {
	var out []cardLine
	for _, s := range wrapText(act.Line, a.fonts.mono, width) {
		out = append(out, cardLine{s, stMonoCmd})
	}
	cost := a.costText(act.Cost)
	if act.Final {
		cost += " · " + a.t("final")
	}
	for _, s := range wrapText(cost, a.fonts.small, width) {
		out = append(out, cardLine{s, stSmall})
	}
	if act.RiskMsg.ID != "" {
		for _, s := range wrapText("⚠ "+a.p.Msg(act.RiskMsg), a.fonts.small, width) {
			out = append(out, cardLine{s, stWarnSmall})
		}
	}
	return out
}

// cardHeight is the height of a card with its lines.
func (a *App) cardHeight(lines []cardLine) int {
	h := 2 * a.u(8)
	for _, l := range lines {
		_, _, lh := a.face(l.st)
		h += int(lh)
	}
	return h
}

// layoutCards places cards in as many columns as fit a minimum width,
// each row as tall as its tallest card, from y; it returns them and the
// bottom.
func (a *App) layoutCards(acts []game.ActionView, x0, y0, width int) ([]card, int) {
	gap := a.u(10)
	cols := max(1, (width+gap)/(a.u(330)+gap))
	cols = min(cols, max(1, len(acts)))
	cw := (width - (cols-1)*gap) / cols
	var out []card
	y := y0
	for i := 0; i < len(acts); i += cols {
		rowH := 0
		row := acts[i:min(i+cols, len(acts))]
		start := len(out)
		for k, act := range row {
			lines := a.cardLines(act, float64(cw-2*a.u(12)))
			rowH = max(rowH, a.cardHeight(lines))
			x := x0 + k*(cw+gap)
			out = append(out, card{act: act, lines: lines, r: image.Rect(x, y, x+cw, y)})
		}
		for k := start; k < len(out); k++ {
			out[k].r.Max.Y = y + rowH
		}
		y += rowH + gap
	}
	return out, y - gap
}

// buildActions lays the actions panel out and adds a button over each
// card and for each quick command.
func (d *deskScene) buildActions(a *App, r image.Rectangle) {
	v := a.m.view
	al := &d.acts
	al.r = r
	pad := a.u(12)
	width := r.Dx() - 2*pad
	title := a.t("actions")
	if e := v.Entity(d.selected); e != nil {
		title = a.t("actions_on", game.Ent("entity", e.ID))
	} else {
		d.selected = ""
	}
	al.title = wrapText(title, a.fonts.bold, float64(width))
	top := r.Min.Y + a.u(8) + int(float64(len(al.title))*a.fonts.lineBody) + a.u(6)
	box := image.Rect(r.Min.X+pad, top, r.Max.X-a.u(4), r.Max.Y-a.u(6))
	a.register(&al.scroll, box)
	al.scroll.buttons = true
	cw := al.scroll.content(a).Dx() - a.u(4)
	// The selected entity's actions, then the general ones: cards for
	// what costs time and is not waiting, quick buttons for the rest.
	var acts []game.ActionView
	al.hint = nil
	if d.selected != "" {
		acts = append(acts, v.Entity(d.selected).Actions...)
	} else {
		al.hint = wrapText(a.t("select_hint"), a.fonts.body, float64(cw))
	}
	al.quick = al.quick[:0]
	var free []string
	for _, act := range v.General {
		switch {
		case act.Verb == "wait" || act.Cost == 0 && !asks(act):
			al.quick = append(al.quick, act)
			if act.Cost == 0 {
				free = append(free, act.Verb)
			}
		default:
			acts = append(acts, act)
		}
	}
	y := 0
	if len(al.hint) > 0 {
		y += int(float64(len(al.hint))*a.fonts.lineBody) + a.u(10)
	}
	al.cards, y = a.layoutCards(acts, 0, y, cw)
	y += a.u(12)
	al.caption = nil
	if len(free) > 0 {
		al.caption = wrapText(a.t("no_time", game.Str("verbs", strings.Join(free, ", "))), a.fonts.small, float64(cw))
		al.capY = y
		y += int(float64(len(al.caption))*a.fonts.lineSmall) + a.u(4)
	}
	var labels []string
	for _, act := range al.quick {
		labels = append(labels, act.Line)
	}
	bh := a.u(46)
	al.quickR = a.flow(image.Rect(0, y, cw, y+bh), labels, bh)
	if n := len(al.quickR); n > 0 {
		y = al.quickR[n-1].Max.Y
	}
	al.height = y
	al.scroll.setMax(float64(y))
	// Buttons where the content is now, clipped to the view.
	c := al.scroll.content(a)
	off := image.Pt(c.Min.X, c.Min.Y-int(al.scroll.skip()))
	for _, cd := range al.cards {
		if rr := cd.r.Add(off); rr.In(c) {
			kind := bGhost
			a.addButton("cmd:"+cd.act.Line, "", rr, kind, a.actionEffect(cd.act))
		}
	}
	for i, rr := range al.quickR {
		if rr = rr.Add(off); rr.In(c) {
			a.addButton("cmd:"+al.quick[i].Line, al.quick[i].Line, rr, bQuiet, a.actionEffect(al.quick[i]))
		}
	}
}

// paintActions draws the actions panel: title, hint, cards and caption.
func (d *deskScene) paintActions(a *App, dst *ebiten.Image) {
	al := &d.acts
	r := al.r
	a.drawPanel(dst, r, a.c.panel)
	y := float64(r.Min.Y + a.u(8))
	for _, s := range al.title {
		a.drawText(dst, s, a.fonts.bold, a.c.accent, float64(r.Min.X+a.u(12)), y+(a.fonts.lineBody-textHeight(a.fonts.bold))/2)
		y += a.fonts.lineBody
	}
	c := al.scroll.content(a)
	sub := dst.SubImage(c).(*ebiten.Image)
	off := image.Pt(c.Min.X, c.Min.Y-int(al.scroll.skip()))
	yy := float64(off.Y)
	for _, s := range al.hint {
		a.drawTextIn(sub, s, a.fonts.body, a.c.dim, float64(c.Min.X), yy+(a.fonts.lineBody-textHeight(a.fonts.body))/2)
		yy += a.fonts.lineBody
	}
	_, first := a.firstStep()
	for _, cd := range al.cards {
		a.paintCard(sub, cd, off, first != nil && cd.act.Line == first.Line)
	}
	yy = float64(off.Y + al.capY)
	for _, s := range al.caption {
		a.drawTextIn(sub, s, a.fonts.small, a.c.dim, float64(c.Min.X), yy+(a.fonts.lineSmall-textHeight(a.fonts.small))/2)
		yy += a.fonts.lineSmall
	}
	a.paintScrollbar(dst, &al.scroll)
}

// paintCard draws one action card at its place moved by off; the first
// step's card is ringed.
func (a *App) paintCard(dst *ebiten.Image, cd card, off image.Point, first bool) {
	r := cd.r.Add(off)
	if !r.Overlaps(dst.Bounds()) {
		return
	}
	ground, edge := a.c.btn, a.c.line
	if cd.act.Risk == game.RiskHigh {
		ground, edge = a.c.panel2, a.c.warn
	} else if cd.act.Final || cd.act.Risk != game.RiskNone {
		edge = a.c.warn
	}
	vector.FillRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), ground, false)
	bw := float32(max(1, a.u(2)))
	if first {
		edge, bw = a.c.accent, float32(max(2, a.u(4)))
	}
	vector.StrokeRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), bw, edge, false)
	y := float64(r.Min.Y + a.u(8))
	for _, l := range cd.lines {
		face, col, lh := a.face(l.st)
		if l.st == stMonoCmd {
			col = a.c.btnText
		}
		a.drawTextIn(dst, l.s, face, col, float64(r.Min.X+a.u(12)), y+(lh-textHeight(face))/2)
		y += lh
	}
}

// drawTextIn draws a line inside a scrolling view: a line not wholly in
// view is left out.
func (a *App) drawTextIn(dst *ebiten.Image, s string, face textFace, col color.Color, x, y float64) {
	b := dst.Bounds()
	if y < float64(b.Min.Y)-0.5 || y+textHeight(face) > float64(b.Max.Y)+0.5 {
		return
	}
	a.drawText(dst, s, face, col, x, y)
}

package ui

import (
	"image"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// overlay is a message shown over the scene until dismissed, a question
// with a yes and a no, or a choice of next steps. Only its buttons take
// clicks while it is up.
type overlay struct {
	title string
	lines []string
	warn  []bool // lines to show as warnings; may be shorter than lines
	note  string
	bad   bool
	yes   *effect // set for a question: what Yes does
	// reason offers a field for the trainee's reason, which goes into the
	// log with the command.
	reason bool
	why    lineEdit
	// choices replace the single Continue button.
	choices []choice
	scroll  scrollArea
	// laid out by build for paint and drawLive
	body, field image.Rectangle
}

// choice is one of an overlay's buttons.
type choice struct {
	key, label string
	kind       int
	e          effect
}

// ask puts a question on screen.
func (a *App) ask(q *question, yes effect) {
	a.overlay = &overlay{title: q.title, lines: q.lines, warn: q.bad, yes: &yes, reason: q.reason}
	a.rebuild = true
}

// answerYes carries out what the question on screen asked, with the typed
// reason.
func (a *App) answerYes() {
	o := a.overlay
	if o == nil || o.yes == nil {
		return
	}
	why := strings.Join(strings.Fields(o.why.String()), " ")
	if o.reason && a.reasonRequired && why == "" {
		o.note = a.t("reason_needed")
		a.rebuild = true
		return
	}
	e := withWhy(*o.yes, why)
	a.overlay = nil
	a.rebuild = true
	a.apply([]effect{e})
}

// withWhy gives the first command of a chain of effects its reason.
func withWhy(e effect, why string) effect {
	if e.kind == effRun {
		e.why = why
		return e
	}
	if e.next != nil {
		n := withWhy(*e.next, why)
		e.next = &n
	}
	return e
}

// overlayChoices are the overlay's buttons.
func (a *App) overlayChoices() []choice {
	o := a.overlay
	switch {
	case o.yes != nil:
		return []choice{{"yes", a.t("yes"), bPrimary, effect{kind: effYes}}, {"no", a.t("no"), bNormal, effect{kind: effDismiss}}}
	case len(o.choices) > 0:
		return o.choices
	}
	return []choice{{"dismiss", a.t("dismiss"), bPrimary, effect{kind: effDismiss}}}
}

// overlayDoc is the overlay's text.
func (a *App) overlayDoc() doc {
	o := a.overlay
	var d doc
	mark := "⚠ "
	if o.yes != nil || !o.bad {
		mark = ""
	}
	d = append(d, para{st: stHead, text: mark + o.title})
	for i, l := range o.lines {
		st := stMono
		if o.yes != nil || len(o.choices) > 0 {
			st = stBody
			if i < len(o.warn) && o.warn[i] {
				st = stWarn
			}
		}
		d = append(d, para{st: st, text: l, gap: 6})
	}
	if o.note != "" {
		d = append(d, para{st: stAccent, text: o.note, gap: 16})
	}
	return d
}

// buildOverlay lays the overlay out: a panel as tall as its text, centred,
// the field for a reason under the text, the buttons at the bottom.
func (a *App) buildOverlay() {
	o := a.overlay
	a.setLayer(layerOverlay)
	defer a.setLayer(layerBase)
	mx := max(a.u(24), (a.w-a.u(1500))/2)
	pad := a.u(24)
	width := a.w - 2*mx
	chs := a.overlayChoices()
	var labels []string
	for _, c := range chs {
		labels = append(labels, "   "+c.label+"   ")
	}
	bh := a.u(60)
	buttonsH := a.flowHeight(width-2*pad, labels, bh)
	fieldH := 0
	if o.reason {
		fieldH = int(a.fonts.lineSmall)*len(a.reasonLabelLines(width-2*pad)) + a.u(8) + a.u(54) + a.u(12)
	}
	textH := int(math.Ceil(linesHeight(a.wrap(a.overlayDoc(), float64(width-2*pad-a.gutter()))))) + 1
	chrome := 2*pad + fieldH + buttonsH + a.u(16)
	h := min(textH+chrome, a.h-2*a.u(16))
	y := (a.h - h) / 2
	r := image.Rect(mx, y, a.w-mx, y+h)
	o.body = image.Rect(r.Min.X+pad, r.Min.Y+pad, r.Max.X-pad, r.Max.Y-pad-buttonsH-fieldH-a.u(16))
	a.register(&o.scroll, o.body)
	if o.reason {
		top := o.body.Max.Y + a.u(8) + int(a.fonts.lineSmall)*len(a.reasonLabelLines(width-2*pad))
		o.field = image.Rect(r.Min.X+pad, top, r.Max.X-pad, top+a.u(54))
	}
	// Buttons right-aligned in the last rows.
	rects := a.flow(image.Rect(r.Min.X+pad, r.Max.Y-pad-buttonsH, r.Max.X-pad, r.Max.Y-pad), labels, bh)
	// flow fills from the left; move each row to the right edge.
	rowEnd := map[int]int{}
	for _, rr := range rects {
		rowEnd[rr.Min.Y] = max(rowEnd[rr.Min.Y], rr.Max.X)
	}
	for i, c := range chs {
		rr := rects[i].Add(image.Pt(r.Max.X-pad-rowEnd[rects[i].Min.Y], 0))
		a.addButton(c.key, c.label, rr, c.kind, c.e)
	}
	a.overlayRect = r
}

// reasonLabelLines is the reason field's label, wrapped.
func (a *App) reasonLabelLines(width int) []string {
	key := "reason_label"
	if a.reasonRequired {
		key = "reason_label_required"
	}
	return wrapText(a.t(key), a.fonts.small, float64(width))
}

// paintOverlay dims the scene and draws the overlay's panel and text.
func (a *App) paintOverlay(dst *ebiten.Image) {
	a.setLayer(layerOverlay)
	defer a.setLayer(layerBase)
	vector.FillRect(dst, 0, 0, float32(a.w), float32(a.h), colorAlpha(a.c.bg, 0xe0), false)
	o := a.overlay
	r := a.overlayRect
	a.drawPanel(dst, r, a.c.panel)
	edge := a.c.accent
	if o.bad {
		edge = a.c.bad
	}
	vector.StrokeRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), float32(a.u(5)), edge, false)
	c := o.scroll.content(a)
	ls := a.wrap(a.overlayDoc(), float64(c.Dx()))
	o.scroll.setMax(linesHeight(ls))
	a.drawLines(dst.SubImage(c).(*ebiten.Image), ls, float64(c.Min.X), float64(c.Min.Y), o.scroll.skip(), true)
	a.paintScrollbar(dst, &o.scroll)
	if o.reason {
		y := float64(o.body.Max.Y + a.u(8))
		for _, l := range a.reasonLabelLines(o.field.Dx()) {
			a.drawText(dst, l, a.fonts.small, a.c.dim, float64(o.field.Min.X), y+(a.fonts.lineSmall-textHeight(a.fonts.small))/2)
			y += a.fonts.lineSmall
		}
	}
}

// drawOverlayField draws the reason being typed, with its caret.
func (a *App) drawOverlayField(screen *ebiten.Image) {
	o := a.overlay
	if o == nil || !o.reason {
		return
	}
	a.drawLineEdit(screen, o.field, &o.why, "")
}

// drawLineEdit draws a one-line field with its text and caret; the text
// scrolls left to keep the caret in view.
func (a *App) drawLineEdit(screen *ebiten.Image, r image.Rectangle, e *lineEdit, prompt string) {
	a.drawPanel(screen, r, a.c.term)
	f := a.fonts.mono
	x := float64(r.Min.X + a.u(12))
	y := float64(r.Min.Y) + (float64(r.Dy())-textHeight(f))/2
	if prompt != "" {
		op := &text.DrawOptions{}
		op.GeoM.Translate(x, y)
		op.ColorScale.ScaleWithColor(a.c.accent)
		text.Draw(screen, prompt, f, op)
		x += text.Advance(prompt, f)
	}
	avail := float64(r.Max.X-a.u(12)) - x
	left := string(e.text[:e.cur])
	s := string(e.text)
	for text.Advance(left, f) > avail-float64(a.u(4)) && len(left) > 0 {
		_, n := firstRune(left)
		left, s = left[n:], s[n:]
	}
	for text.Advance(s, f) > avail && len(s) > len(left) {
		rs := []rune(s)
		s = string(rs[:len(rs)-1])
	}
	op := &text.DrawOptions{}
	op.GeoM.Translate(x, y)
	op.ColorScale.ScaleWithColor(a.c.text)
	text.Draw(screen, s, f, op)
	if a.ui.GetFocusedWidget() == nil {
		cx := x + text.Advance(left, f)
		vector.FillRect(screen, float32(cx), float32(y), float32(max(2, a.u(3))), float32(textHeight(f)), a.c.accent, false)
	}
}

// firstRune returns the first rune of s and the index after it.
func firstRune(s string) (rune, int) {
	for i, r := range s {
		if i > 0 {
			return r, i
		}
	}
	return 0, len(s)
}

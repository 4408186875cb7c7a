package ui

import (
	"fmt"
	"image"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"takedown/game"
)

// firstStep is the guidance an empty desk gives: the scenario's site and
// the first thing that can be done with it, from the View. It is advice,
// not a rule: any command may come first.
func (a *App) firstStep() (text string, act *game.ActionView) {
	v := a.m.view
	if v.Entries > 0 || a.readOnlyDesk() {
		return "", nil
	}
	if e := v.Entity(v.Scenario.Site); e != nil && len(e.Actions) > 0 {
		return a.t("first_step_text", game.Str("line", e.Actions[0].Line), game.Ent("site", e.ID)), &e.Actions[0]
	}
	return a.t("first_step_help"), nil
}

// bannerHeight is the height of the end-of-case banner that replaces the
// typing line.
func (a *App) bannerHeight(width int) int {
	txt := a.t("case_ended", game.Txt("title", a.m.view.Ending.Title))
	label := a.t("open_debrief")
	lines := wrapText(txt, a.fonts.bold, float64(width-a.buttonWidth(label)-4*a.u(12)))
	return max(a.u(64), int(float64(len(lines))*a.fonts.lineBody)+2*a.u(10))
}

// buildConsole adds the debrief's button once the case has ended, and
// registers the transcript's scroll area.
func (d *deskScene) buildConsole(a *App) {
	l := d.lay
	a.register(&d.console, l.out)
	if a.m.view.Ending != nil {
		label := a.t("open_debrief")
		w := a.buttonWidth(label)
		bh := a.u(48)
		r := l.input
		y := r.Min.Y + (r.Dy()-bh)/2
		a.addButton("banner_debrief", label, image.Rect(r.Max.X-a.u(12)-w, y, r.Max.X-a.u(12), y+bh), bPrimary, goTo(SceneDebrief))
	}
}

// updateConsole handles typing, completion and Enter.
func (d *deskScene) updateConsole(a *App) []effect {
	in := &a.in
	var out []effect
	if d.popup != "" {
		return nil
	}
	changed, enter := d.edit.edit(in, a.m.history)
	if changed {
		d.hints = nil
		a.dirty = max(a.dirty, 2)
	}
	if in.has(ebiten.KeyTab) && len(d.edit.text) > 0 {
		var names []string
		for _, e := range a.m.view.Entities {
			names = append(names, e.ID)
		}
		d.hints = d.edit.complete(verbNames(), names)
		out = append(out, repaint())
	}
	if enter && a.ui.GetFocusedWidget() == nil && !a.busy() {
		line := strings.TrimSpace(d.edit.String())
		d.edit.set("")
		d.edit.hist = -1
		d.hints = nil
		if line != "" {
			out = append(out, a.lineEffect(line))
		}
	}
	return out
}

// paintConsole draws the console: its title, the first step or the end
// banner, the transcript (newest at the bottom) and the typing hint.
func (d *deskScene) paintConsole(a *App, dst *ebiten.Image) {
	l := d.lay
	a.drawPanel(dst, l.console, a.c.term)
	a.drawText(dst, a.t("console"), a.fonts.bold, a.c.accent, float64(l.head.Min.X+a.u(12)), float64(l.head.Min.Y)+(float64(l.head.Dy())-textHeight(a.fonts.bold))/2)
	d.paintTranscript(a, dst)
	if e := a.m.view.Ending; e != nil {
		r := l.input
		a.drawPanel(dst, inset(r, a.u(4)), a.c.panel2)
		label := a.t("open_debrief")
		txt := a.t("case_ended", game.Txt("title", e.Title))
		lines := wrapText(txt, a.fonts.bold, float64(r.Dx()-a.buttonWidth(label)-4*a.u(12)))
		y := float64(r.Min.Y) + (float64(r.Dy())-float64(len(lines))*a.fonts.lineBody)/2
		for _, s := range lines {
			a.drawText(dst, s, a.fonts.bold, a.c.accent, float64(r.Min.X+a.u(16)), y+(a.fonts.lineBody-textHeight(a.fonts.bold))/2)
			y += a.fonts.lineBody
		}
	} else if a.readOnlyDesk() {
		a.paintWatchInput(dst, l.input)
	}
	hint := a.consoleHint()
	if len(d.hints) > 0 {
		hint = strings.Join(d.hints, "  ")
	}
	ls := a.wrap(doc{{st: stSmall, text: hint}}, float64(l.hint.Dx()-2*a.u(12)))
	a.drawLines(dst.SubImage(l.hint).(*ebiten.Image), ls, float64(l.hint.Min.X+a.u(12)), float64(l.hint.Min.Y+a.u(2)), 0, true)
}

// paintTranscript draws the commands and what they caused. After a
// command, its answer is shown from its start when it is longer than the
// view: help, status and the case file read from the top.
func (d *deskScene) paintTranscript(a *App, dst *ebiten.Image) {
	s := &d.console
	c := s.content(a)
	width := float64(c.Dx() - a.u(12))
	key := fmt.Sprint(width, a.lang, a.scale, a.fonts.px)
	if key != d.wrapKey || len(d.starts) > len(a.m.console) {
		d.wrapped, d.starts, d.wrapKey = nil, nil, key
	}
	for _, e := range a.m.console[len(d.starts):] {
		var dd doc
		txt := strings.TrimRight(a.p.Msg(e.msg), "\n")
		if e.err != nil {
			txt = a.p.Err(e.err)
		}
		switch e.kind {
		case "command":
			dd = append(dd, para{st: stMonoCmd, text: fmt.Sprintf("[%s] > %s", a.p.Time(e.at), txt), gap: 8})
		case "output":
			dd = append(dd, para{st: stMono, text: txt, indent: 16})
		case "error":
			dd = append(dd, para{st: stBad, text: txt, indent: 16})
		default:
			dd = append(dd, para{st: stInfo, text: "• " + txt, indent: 8})
		}
		d.starts = append(d.starts, len(d.wrapped))
		d.wrapped = append(d.wrapped, a.wrap(dd, width)...)
	}
	// On an empty desk, the first step heads the transcript.
	lines := d.wrapped
	first := 0
	if txt, _ := a.firstStep(); txt != "" {
		head := a.wrap(doc{{st: stAccent, text: a.t("first_step")}, {st: stBody, text: txt}, {st: stSmall, gap: 6}}, width)
		first = len(head)
		lines = append(head, d.wrapped...)
	}
	total := linesHeight(lines)
	s.setMax(total)
	if d.showFrom >= 0 {
		if d.showFrom < len(d.starts) {
			above := linesHeight(lines[:first+d.starts[d.showFrom]])
			// pos counts from the bottom: the view starts at the entry
			// when what follows it is taller than the view.
			s.pos = max(0, s.max-above)
		} else {
			s.pos = 0
		}
		d.showFrom = -1
	}
	a.drawLines(dst.SubImage(c).(*ebiten.Image), lines, float64(c.Min.X+a.u(8)), float64(c.Min.Y), s.skip(), true)
	a.paintScrollbar(dst, s)
}

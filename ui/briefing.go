package ui

import (
	"image"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"takedown/game"
)

// briefingScene is the complaint and the situation, read before play.
type briefingScene struct {
	text, facts scrollArea
	left, right image.Rectangle
}

func (b *briefingScene) id() string { return SceneBriefing }

func (b *briefingScene) update(a *App) []effect { return a.pageKeys(&b.text, true) }

func (b *briefingScene) build(a *App) {
	body := a.buildFrame([]pageButton{{key: "to_desk", label: a.t("to_desk"), kind: bPrimary, e: goTo(SceneDesk), right: true}})
	b.left, b.right = a.columns(body, 62)
	a.register(&b.text, inset(b.left, a.u(18)))
	if !b.right.Empty() {
		a.register(&b.facts, inset(b.right, a.u(18)))
	}
}

// briefingDoc is the scenario's title and briefing.
func (a *App) briefingDoc(v *game.View) doc {
	sc := v.Scenario
	var d doc
	d = append(d, para{st: stTitle, text: a.p.Text(sc.Title)})
	d.head(a.t("briefing"))
	for _, p := range strings.Split(a.p.Text(sc.Briefing), "\n\n") {
		d = append(d, para{st: stLarge, text: strings.ReplaceAll(p, "\n", " "), gap: 10})
	}
	return d
}

// roleDoc is who the trainee plays, the clock and the objectives.
func (a *App) roleDoc(v *game.View) doc {
	sc := v.Scenario
	var r doc
	r.head(a.t("you_play"))
	r.add(stBold, a.entityName(v, sc.Unit))
	if u := v.Entity(sc.Unit); u != nil {
		r.add(stDim, a.p.Msg(u.KindMsg)+" · "+a.entityName(v, u.Country))
	}
	r.add(stBody, a.t("officer")+": "+a.p.Text(sc.Officer))
	r.head(a.t("clock"))
	r.add(stBody, a.t("starts")+": "+a.p.Time(0))
	r.add(stBody, a.t("deadline")+": "+a.p.Date(sc.Deadline))
	if sc.Duration > 0 {
		r.add(stBody, a.t("duration")+": "+a.p.Span(sc.Duration))
	}
	r.head(a.t("objectives"))
	for _, o := range sc.Goals {
		r = append(r, para{st: stBody, text: "• " + a.p.Text(o.Text), indent: 6})
	}
	return r
}

func (b *briefingScene) paint(a *App, dst *ebiten.Image) {
	a.paintTopBar(dst)
	v := a.m.view
	a.drawPanel(dst, b.left, a.c.panel)
	if b.right.Empty() {
		a.paintDoc(dst, &b.text, append(a.briefingDoc(v), a.roleDoc(v)...))
		return
	}
	a.drawPanel(dst, b.right, a.c.panel)
	a.paintDoc(dst, &b.text, a.briefingDoc(v))
	a.paintDoc(dst, &b.facts, a.roleDoc(v))
}

package ui

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"

	"takedown/game"
)

// handoffScene checks the package before it goes to the unit that may
// open a criminal case; sending it asks first, with the same checklist.
type handoffScene struct {
	check, items scrollArea
	left, right  image.Rectangle
}

func (h *handoffScene) id() string { return SceneHandoff }

func (h *handoffScene) update(a *App) []effect { return a.pageKeys(&h.check, true) }

func (h *handoffScene) build(a *App) {
	v := a.m.view
	hv := v.Handoff
	bs := []pageButton{{key: "back", label: a.t("back"), kind: bNormal, e: goTo(SceneDesk)}}
	if hv.CanSend {
		for _, id := range hv.Targets {
			e := v.Entity(id)
			if e == nil {
				continue
			}
			for _, act := range e.Actions {
				if act.Verb != "handoff" {
					continue
				}
				kind := bPrimary
				if len(hv.Missing) > 0 {
					kind = bNormal
				}
				send := then(a.actionEffect(act), goTo(SceneDesk))
				bs = append(bs, pageButton{key: "cmd:" + act.Line, label: a.t("send_to", game.Ent("unit", id)), kind: kind, e: send, right: true})
			}
		}
	}
	body := a.buildFrame(bs)
	h.left, h.right = a.columns(body, 50)
	a.register(&h.check, inset(h.left, a.u(18)))
	if !h.right.Empty() {
		a.register(&h.items, inset(h.right, a.u(18)))
	}
}

// handoffDoc is the checklist: what is missing, the suspects and the
// damages against the threshold.
func (a *App) handoffDoc(v *game.View) doc {
	hv := v.Handoff
	var d doc
	d = append(d, para{st: stTitle, text: a.t("handoff_title")})
	d.add(stBody, a.t("handoff_intro"))
	switch {
	case hv.CaseOpen:
		d = append(d, para{st: stGood, text: "✓ " + a.t("case_open"), gap: 10})
	case hv.Pending:
		d = append(d, para{st: stWarn, text: a.t("already_sent"), gap: 10})
	}
	d.head(a.t("missing"))
	for _, c := range a.checklist() {
		st := stGood
		if c.warn {
			st = stBad
		}
		d = append(d, para{st: st, text: c.text, indent: 6})
	}
	d.head(a.t("suspects"))
	if len(v.Suspects) == 0 {
		d = append(d, para{st: stDim, text: a.t("none"), indent: 6})
	}
	for _, p := range v.Suspects {
		d = append(d, para{st: stBody, text: "• " + a.entityName(v, p), indent: 6})
	}
	d.head(a.t("damages"))
	st := stWarn
	if v.Damages.Serious {
		st = stGood
	}
	d = append(d, para{st: st, text: a.meterText(v.Damages), indent: 6})
	return d
}

// packageDoc lists the evidence that would go in the package.
func (a *App) packageDoc(v *game.View) doc {
	var r doc
	r.head(a.t("package_items"))
	if len(v.Evidence) == 0 {
		r.add(stDim, a.t("case_empty"))
	}
	for _, e := range v.Evidence {
		if e.Admissible {
			r = append(r, para{st: stGood, text: "✓ " + e.Num + "  " + a.p.Msg(e.Title)})
		} else {
			r = append(r, para{st: stBad, text: "✗ " + e.Num + "  " + a.p.Msg(e.Title) + " — " + a.t("intel_only")})
		}
	}
	return r
}

func (h *handoffScene) paint(a *App, dst *ebiten.Image) {
	a.paintTopBar(dst)
	v := a.m.view
	a.drawPanel(dst, h.left, a.c.panel)
	if h.right.Empty() {
		a.paintDoc(dst, &h.check, append(a.handoffDoc(v), a.packageDoc(v)...))
		return
	}
	a.drawPanel(dst, h.right, a.c.panel)
	a.paintDoc(dst, &h.check, a.handoffDoc(v))
	a.paintDoc(dst, &h.items, a.packageDoc(v))
}

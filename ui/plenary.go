package ui

import (
	"fmt"
	"image"
	"slices"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"takedown/game"
	"takedown/room"
)

// The plenary's pages: every team's outcome side by side, the timelines
// aligned by key decision, then one page per kind of key decision.
const (
	plenOutcomes  = "outcomes"
	plenTimelines = "timelines"
)

// plenaryPages lists the plenary's pages in order.
func plenaryPages() []string {
	out := []string{plenOutcomes, plenTimelines}
	for _, k := range room.KeyKinds() {
		out = append(out, "kind-"+k)
	}
	return out
}

// plenaryScene is the debrief of the whole room, for the projector: the
// outcome and score of every team side by side; every case's key
// decisions in columns, so that the timelines line up; and for each kind
// of key decision, the share of the room that chose each option, where it
// led, and what the computed other branch led to.
type plenaryScene struct {
	page    string
	scrolls map[string]*scrollArea
	heading []string
	headAt  image.Point
	body    image.Rectangle
	cards   []plenCard
	table   grid
	head    image.Rectangle
	view    image.Rectangle
	lines   []stackLine
}

// plenCard is one card of the outcomes page, placed in the scrolled
// content.
type plenCard struct {
	r     image.Rectangle // in content coordinates
	lines []stackLine
}

func (p *plenaryScene) id() string { return ScenePlenary }

func (p *plenaryScene) area() *scrollArea {
	if p.scrolls == nil {
		p.scrolls = map[string]*scrollArea{}
	}
	s := p.scrolls[p.page]
	if s == nil {
		s = &scrollArea{}
		p.scrolls[p.page] = s
	}
	return s
}

// show moves to a page.
func (p *plenaryScene) show(a *App, page string) {
	if slices.Contains(plenaryPages(), page) {
		p.page = page
		a.rebuild = true
	}
}

// step returns the page n steps from the one shown, or "".
func (p *plenaryScene) step(n int) string { return stepPage(plenaryPages(), p.page, n) }

func (p *plenaryScene) update(a *App) []effect {
	var out []effect
	if a.in.has(ebiten.KeyArrowRight) {
		if s := p.step(1); s != "" {
			out = append(out, roomEff("page", s))
		}
	}
	if a.in.has(ebiten.KeyArrowLeft) {
		if s := p.step(-1); s != "" {
			out = append(out, roomEff("page", s))
		}
	}
	return append(out, a.pageKeys(p.area(), false)...)
}

// pageLabel names a page on its tab.
func (a *App) plenPageLabel(page string) string {
	if k, ok := strings.CutPrefix(page, "kind-"); ok {
		return a.t("room.kind_" + k)
	}
	return a.t("room.page_" + page)
}

func (p *plenaryScene) build(a *App) {
	hr := a.room.host
	if hr == nil {
		a.scene = a.title
		a.title.build(a)
		return
	}
	if !hr.wantPlenary.Load() {
		hr.wantPlenary.Store(true)
		hr.wake()
	}
	if !slices.Contains(plenaryPages(), p.page) {
		p.page = plenOutcomes
	}
	bs := []pageButton{{key: "back_dashboard", label: a.t("room.back_dashboard"), kind: bNormal, e: goTo(SceneDashboard)},
		{key: "export", label: a.t("room.export"), kind: bNormal, e: roomEff("export")},
		{key: "room_reports", label: a.t("room.reports"), kind: bNormal, e: roomEff("reports")}}
	if s := p.step(-1); s != "" {
		bs = append(bs, pageButton{key: "prev", label: a.t("prev_page"), kind: bNormal, e: roomEff("page", s), right: true})
	}
	if s := p.step(1); s != "" {
		bs = append(bs, pageButton{key: "next", label: a.t("next_page"), kind: bPrimary, e: roomEff("page", s), right: true})
	}
	body := a.buildFrame(bs)
	pages := plenaryPages()
	labels := make([]string, len(pages))
	for i, pg := range pages {
		labels[i] = a.plenPageLabel(pg)
	}
	rects, th := a.justify(body, labels, a.u(52))
	p.heading = nil
	if th > a.u(60) && float64(body.Dy())/a.scale < 760 {
		i := slices.Index(pages, p.page)
		p.heading = wrapText(a.t("page_of", game.Num("n", int64(i+1)), game.Num("of", int64(len(pages))), game.Str("page", labels[i])), a.fonts.head, float64(body.Dx()))
		p.headAt = body.Min
		body.Min.Y += int(float64(len(p.heading))*a.fonts.lineHead) + a.u(8)
	} else {
		for i, pg := range pages {
			kind := bTab
			if pg == p.page {
				kind = bTabOn
			}
			a.addButton("plen:"+pg, labels[i], rects[i], kind, roomEff("page", pg))
		}
		body.Min.Y += th + a.u(12)
	}
	p.body = body
	s := p.area()
	pl := hr.plen
	switch {
	case pl == nil:
		a.register(s, inset(body, a.u(18)))
	case p.page == plenTimelines:
		p.table = a.timelineGrid(pl)
		p.table.layout(a, float64(body.Dx()-a.gutter()))
		p.head = image.Rect(body.Min.X, body.Min.Y, body.Max.X-a.gutter(), body.Min.Y+int(p.table.headH))
		p.view = image.Rect(body.Min.X, p.head.Max.Y, body.Max.X, body.Max.Y)
		a.register(s, p.view)
		s.buttons = true
		s.setMax(p.table.height)
		p.table.buttons(a, s.content(a), s.skip())
	case p.page == plenOutcomes:
		a.register(s, body)
		p.cards = a.outcomeCards(pl, s.content(a).Dx())
		h := 0
		for _, c := range p.cards {
			h = max(h, c.r.Max.Y)
		}
		s.setMax(float64(h))
	default:
		a.register(s, inset(body, a.u(18)))
		kind := strings.TrimPrefix(p.page, "kind-")
		p.lines = a.decisionLines(pl, kind, float64(s.content(a).Dx()-a.u(8)))
	}
}

func (p *plenaryScene) paint(a *App, dst *ebiten.Image) {
	a.paintTopBar(dst)
	hr := a.room.host
	if hr == nil {
		return
	}
	y := float64(p.headAt.Y)
	for _, l := range p.heading {
		a.drawText(dst, l, a.fonts.head, a.c.accent, float64(p.headAt.X), y+(a.fonts.lineHead-textHeight(a.fonts.head))/2)
		y += a.fonts.lineHead
	}
	s := p.area()
	pl := hr.plen
	switch {
	case pl == nil:
		a.drawPanel(dst, p.body, a.c.panel)
		a.paintStack(dst, s, stack(a.t("loading"), a.fonts.large, a.c.dim, a.fonts.lineLarge, 0, float64(s.content(a).Dx())))
	case p.page == plenTimelines:
		p.table.paintHead(a, dst, p.head)
		p.table.paintRows(a, dst, s.content(a), s.skip())
		a.paintScrollbar(dst, s)
	case p.page == plenOutcomes:
		c := s.content(a)
		sub := dst.SubImage(c).(*ebiten.Image)
		for _, card := range p.cards {
			r := card.r.Add(image.Pt(c.Min.X, c.Min.Y-int(s.skip())))
			a.drawPanel(sub, r, a.c.panel)
			inner := inset(r, a.u(14))
			y := float64(inner.Min.Y)
			for _, l := range card.lines {
				y += l.gap
				th := textHeight(l.face)
				top := y + (l.lh-th)/2
				if top >= float64(c.Min.Y)-0.5 && top+th <= float64(c.Max.Y)+0.5 {
					a.drawText(sub, l.text, l.face, l.col, float64(inner.Min.X), top)
				}
				y += l.lh
			}
		}
		a.paintScrollbar(dst, s)
	default:
		a.drawPanel(dst, p.body, a.c.panel)
		a.paintStack(dst, s, p.lines)
	}
}

// resultColor is the colour of a result.
func (a *App) resultColor(result string) colorT {
	switch result {
	case "win":
		return a.c.good
	case "partial":
		return a.c.warn
	case "loss":
		return a.c.bad
	}
	return a.c.dim
}

// outcomeCards lays out a card per team (and one for those without a
// team), or per trainee when there are no teams, in rows as wide as the
// content.
func (a *App) outcomeCards(pl *room.Plenary, width int) []plenCard {
	type card struct {
		title string
		cols  []room.Column
		team  *room.TeamOutcome
	}
	var cards []card
	for i := range pl.Teams {
		t := &pl.Teams[i]
		c := card{title: t.Team, team: t}
		for _, col := range pl.Columns {
			if strings.EqualFold(col.Team, t.Team) {
				c.cols = append(c.cols, col)
			}
		}
		cards = append(cards, c)
	}
	var loose []room.Column
	for _, col := range pl.Columns {
		if col.Team == "" {
			loose = append(loose, col)
		}
	}
	if len(pl.Teams) == 0 {
		for _, col := range loose {
			cards = append(cards, card{title: col.Name, cols: []room.Column{col}})
		}
	} else if len(loose) > 0 {
		cards = append(cards, card{title: a.t("room.no_team"), cols: loose})
	}
	if len(cards) == 0 {
		return []plenCard{{r: image.Rect(0, 0, width, a.u(100)), lines: stack(a.t("room.nobody"), a.fonts.large, a.c.dim, a.fonts.lineLarge, 0, float64(width-2*a.u(14)))}}
	}
	gap := a.u(16)
	minW := a.u(260)
	n := max(1, min(len(cards), (width+gap)/(minW+gap)))
	// Rows as even as the width allows: four teams side by side rather
	// than three and one below, out of the projector's view.
	rows := (len(cards) + n - 1) / n
	n = (len(cards) + rows - 1) / rows
	w := (width - gap*(n-1)) / n
	f := a.fonts
	var out []plenCard
	y := 0
	for row := 0; row*n < len(cards); row++ {
		var rowCards []plenCard
		h := 0
		for k := 0; k < n && row*n+k < len(cards); k++ {
			c := cards[row*n+k]
			tw := float64(w - 2*a.u(14))
			var ls []stackLine
			ls = append(ls, stack(c.title, f.head, a.c.accent, f.lineHead, 0, tw)...)
			ended, sum, best := 0, 0, 0
			results := map[string]int{}
			for _, col := range c.cols {
				if col.Ended {
					ended++
					sum += col.Score
					best = max(best, col.Score)
					results[col.Result]++
				}
			}
			if len(c.cols) > 1 || c.team != nil {
				ls = append(ls, stack(a.t("room.ended_of", game.Num("ended", int64(ended)), game.Count("n", int64(len(c.cols)))), f.small, a.c.dim, f.lineSmall, 2, tw)...)
				for _, res := range []string{"win", "partial", "loss"} {
					if results[res] > 0 {
						ls = append(ls, stack(a.t("room.result_n", game.Sub("result", game.M("result."+res)), game.Num("n", int64(results[res]))), f.bold, a.resultColor(res), f.lineBody, 4, tw)...)
					}
				}
				if ended > 0 {
					ls = append(ls, stack(a.t("room.mean_best", game.Num("mean", int64(sum/ended)), game.Num("best", int64(best))), f.large, a.c.text, f.lineLarge, 6, tw)...)
				}
			}
			for i, col := range c.cols {
				gap := 0.0
				if i == 0 {
					gap = 10
				}
				who := col.Name
				if len(c.cols) == 1 && c.team == nil {
					who = ""
				}
				ls = append(ls, stack(a.columnOutcome(who, col), f.body, a.resultColor(col.Result), f.lineBody, gap, tw)...)
			}
			ch := int(stackHeight(ls)) + 2*a.u(14)
			h = max(h, ch)
			x := k * (w + gap)
			rowCards = append(rowCards, plenCard{r: image.Rect(x, y, x+w, y+ch), lines: ls})
		}
		for i := range rowCards {
			rowCards[i].r.Max.Y = y + h
		}
		out = append(out, rowCards...)
		y += h + gap
	}
	return out
}

// columnOutcome says how one trainee's case ended, or how far it went.
func (a *App) columnOutcome(who string, c room.Column) string {
	res := a.t("room.playing_day", game.Num("day", int64(c.Day)))
	if c.Ended {
		res = a.t("room.result_score", game.Sub("result", game.M("result."+c.Result)), game.Num("score", int64(c.Score)))
	}
	if who == "" {
		return res
	}
	return a.t("room.who_what", game.Str("who", who), game.Str("what", res))
}

// timelineGrid is every case's key decisions side by side: one row per
// trainee, by team, one column per kind of decision, each saying on which
// day it was taken, whether the rules count it a mistake, or that it was
// not taken.
func (a *App) timelineGrid(pl *room.Plenary) grid {
	g := grid{cols: []gridCol{{head: a.t("room.col_trainee"), flex: true, minW: 110}, {head: a.t("room.col_outcome"), flex: true, minW: 100}}}
	kinds := room.KeyKinds()
	for _, k := range kinds {
		g.cols = append(g.cols, gridCol{head: a.t("room.kind_" + k), flex: true, minW: 70})
	}
	team := "\x00"
	for _, c := range pl.Columns {
		row := gridRow{key: "watch:" + c.ID}
		if c.Team != team && len(pl.Teams) > 0 {
			team = c.Team
			row.group = c.Team
			if c.Team == "" {
				row.group = a.t("room.no_team")
			}
		}
		out := gridCell{a.t("room.playing_day", game.Num("day", int64(c.Day))), stDim}
		if c.Ended {
			out = gridCell{a.t("room.result_score", game.Sub("result", game.M("result."+c.Result)), game.Num("score", int64(c.Score))), resultStyle(c.Result)}
		}
		row.cells = []gridCell{{c.Name, stBold}, out}
		for _, st := range c.Steps {
			row.cells = append(row.cells, a.stepCell(st))
		}
		g.rows = append(g.rows, row)
	}
	return g
}

// stepCell is one trainee's key decision of one kind.
func (a *App) stepCell(st room.Step) gridCell {
	switch st.Choice {
	case room.ChoiceNotTaken:
		return gridCell{"—", stDim}
	case room.ChoiceMistaken:
		return gridCell{"✗ " + a.t("room.day_n", game.Num("day", int64(st.Day))), stBad}
	}
	return gridCell{"✓ " + a.t("room.day_n", game.Num("day", int64(st.Day))), stGood}
}

// choiceColor is the colour of a choice.
func (a *App) choiceColor(c room.Choice) colorT {
	switch c {
	case room.ChoiceTaken:
		return a.c.info
	case room.ChoiceMistaken:
		return a.c.bad
	}
	return a.c.dim
}

// decisionLines is one kind of key decision across the room: each option
// with its share of the room (a bar), where it led, who chose it and why;
// then what the computed other branches led to.
func (a *App) decisionLines(pl *room.Plenary, kind string, width float64) []stackLine {
	f := a.fonts
	var ls []stackLine
	ls = append(ls, stack(a.keyKind(kind), f.title, a.c.text, f.lineTitle, 0, width)...)
	var sp *room.Split
	for i := range pl.Decisions {
		if pl.Decisions[i].Kind == kind {
			sp = &pl.Decisions[i]
		}
	}
	if sp == nil || len(pl.Columns) == 0 {
		return append(ls, stack(a.t("room.nobody"), f.large, a.c.dim, f.lineLarge, 8, width)...)
	}
	names := map[string]string{}
	ki := slices.Index(room.KeyKinds(), kind)
	whys := map[string]string{}
	for _, c := range pl.Columns {
		names[c.ID] = c.Name
		if ki >= 0 && ki < len(c.Steps) && c.Steps[ki].Why != "" {
			whys[c.ID] = c.Steps[ki].Why
		}
	}
	total := len(pl.Columns)
	for _, o := range sp.Options {
		pct := int(o.Share*100 + 0.5)
		label := a.t("room.choice_share", game.Sub("choice", game.M("room.choice."+string(o.Choice))), game.Num("n", int64(o.Count)), game.Num("of", int64(total)), game.Num("pct", int64(pct)))
		ls = append(ls, stack(label, f.head, a.choiceColor(o.Choice), f.lineHead, 16, width)...)
		ls = append(ls, stackLine{bar: o.Share, col: a.choiceColor(o.Choice), lh: f.lineBody})
		var led []string
		for _, res := range []string{"win", "partial", "loss"} {
			if n := o.Led[res]; n > 0 {
				led = append(led, a.t("room.result_n", game.Sub("result", game.M("result."+res)), game.Num("n", int64(n))))
			}
		}
		if n := o.Led["playing"]; n > 0 {
			led = append(led, a.t("room.still_playing", game.Num("n", int64(n))))
		}
		ledText := a.t("room.led_to", game.Str("results", strings.Join(led, " · ")))
		if o.Count > o.Led["playing"] {
			ledText += " — " + a.t("room.mean_score", game.Num("mean", int64(o.Mean+0.5)))
		}
		ls = append(ls, stack(ledText, f.large, a.c.text, f.lineLarge, 0, width)...)
		var who []string
		for _, id := range o.Trainees {
			who = append(who, names[id])
		}
		ls = append(ls, stack(joinNames(who), f.small, a.c.dim, f.lineSmall, 2, width)...)
		for _, id := range o.Trainees {
			if w := whys[id]; w != "" {
				ls = append(ls, stack(a.t("room.reason_of", game.Str("why", w), game.Str("who", names[id])), f.small, a.c.text, f.lineSmall, 2, width)...)
			}
		}
	}
	// The computed other branches, once each, with whose case they come
	// from.
	type alt struct {
		instead, result string
		w               game.WhatIf
		who             []string
	}
	var alts []*alt
	for _, o := range sp.Options {
		for _, al := range o.Alternatives {
			key := a.p.Msg(al.WhatIf.Instead) + "|" + fmt.Sprint(al.WhatIf.Result, al.WhatIf.Score, al.WhatIf.Day)
			i := slices.IndexFunc(alts, func(x *alt) bool { return x.instead+"|"+x.result == key })
			if i < 0 {
				alts = append(alts, &alt{instead: a.p.Msg(al.WhatIf.Instead), result: fmt.Sprint(al.WhatIf.Result, al.WhatIf.Score, al.WhatIf.Day), w: al.WhatIf})
				i = len(alts) - 1
			}
			alts[i].who = append(alts[i].who, names[al.Trainee])
		}
	}
	ls = append(ls, stack(a.t("room.alternatives"), f.head, a.c.accent, f.lineHead, 24, width)...)
	if len(alts) == 0 {
		return append(ls, stack(a.t("room.no_alternatives"), f.body, a.c.dim, f.lineBody, 4, width)...)
	}
	for _, al := range alts {
		w := al.w
		ls = append(ls, stack(a.t("what_if")+": "+al.instead, f.large, a.c.info, f.lineLarge, 10, width)...)
		res := a.t("what_if_result", game.Sub("result", game.M("result."+w.Result)), game.Num("score", int64(w.Score)), game.Num("day", int64(w.Day)))
		ls = append(ls, stack(res, f.bold, a.resultColor(w.Result), f.lineBody, 0, width)...)
		if w.Reason.ID != "" {
			ls = append(ls, stack(a.p.Msg(w.Reason), f.body, a.c.text, f.lineBody, 0, width)...)
		}
		ls = append(ls, stack(a.t("room.from_cases", game.Str("names", joinNames(al.who))), f.small, a.c.dim, f.lineSmall, 2, width)...)
	}
	return ls
}

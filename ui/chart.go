package ui

import (
	"image"
	"image/color"
	"math"
	"sort"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/game"
)

// onChart says whether an entity is a box on the link chart, or a party
// (a unit, an association, a rights holder) in the strip below it.
func onChart(e *game.Entity) bool {
	switch e.Kind {
	case game.KindUnit:
		return false
	case game.KindOrg:
		return e.Role != "association" && e.Role != "rights_holder"
	}
	return true
}

// kindColor is the stripe colour of an entity kind.
func (a *App) kindColor(e *game.Entity) color.NRGBA {
	switch e.Kind {
	case game.KindDomain:
		return a.c.info
	case game.KindIP, game.KindServer:
		return color.NRGBA{0x5c, 0xe0, 0xd8, 0xff}
	case game.KindASN:
		return color.NRGBA{0xc3, 0x9b, 0xff, 0xff}
	case game.KindOrg:
		return a.c.warn
	case game.KindPerson:
		return a.c.bad
	case game.KindAlias, game.KindGroup:
		return color.NRGBA{0xff, 0x8f, 0xd0, 0xff}
	case game.KindAccount, game.KindMailbox, game.KindPhone:
		return a.c.good
	}
	return a.c.dim
}

// chartNodes lays the known entities out and returns their boxes.
func (a *App) chartNodes(r image.Rectangle) map[string]image.Rectangle {
	out := map[string]image.Rectangle{}
	if a.m == nil {
		return out
	}
	pad := a.u(16)
	gap := a.u(10)
	var chart []*game.Entity
	var parties []*game.Entity
	for _, e := range a.m.s.KnownEntities() {
		if onChart(e) {
			chart = append(chart, e)
		} else if e.ID != a.m.sc.Unit {
			parties = append(parties, e)
		}
	}
	cols := a.chartLayers(chart)
	inner := image.Rect(r.Min.X+pad, r.Min.Y+pad+int(a.fonts.lineSmall), r.Max.X-pad, r.Max.Y-pad)
	if len(parties) > 0 {
		chipH := a.u(44)
		// Parties wrap in rows at the bottom.
		var labels []string
		for _, e := range parties {
			labels = append(labels, a.m.name(e.ID, a.lang))
		}
		rows := a.chipRows(inner, labels, chipH)
		stripH := rows*(chipH+gap) + int(a.fonts.lineSmall)
		strip := image.Rect(inner.Min.X, inner.Max.Y-stripH+int(a.fonts.lineSmall), inner.Max.X, inner.Max.Y)
		for i, cr := range a.chips(strip, labels, chipH) {
			out[parties[i].ID] = cr
		}
		inner.Max.Y -= stripH + gap
	}
	// Columns are the steps along the trail: each entity stands one column
	// right of the furthest entity that links to it.
	colGap := a.u(36)
	colW := (inner.Dx() - (len(cols)-1)*colGap) / max(1, len(cols))
	for i, list := range cols {
		n := len(list)
		h := min(a.u(66), (inner.Dy()-(n-1)*gap)/n)
		x := inner.Min.X + i*(colW+colGap)
		for k, e := range list {
			y := inner.Min.Y + k*(h+gap)
			out[e.ID] = image.Rect(x, y, x+colW, y+h)
		}
	}
	a.desk.cols = a.desk.cols[:0]
	for _, list := range cols {
		a.desk.cols = append(a.desk.cols, a.columnHead(list))
	}
	a.desk.colW, a.desk.colGap = colW, colGap
	return out
}

// chartLayers puts entities in columns by how far along the trail they
// are: one column right of the furthest entity that links to them, or by
// kind when nothing does. Each column is ordered by where the entities
// linking to it stand, so that links cross little.
func (a *App) chartLayers(es []*game.Entity) [][]*game.Entity {
	in := map[string]bool{}
	for _, e := range es {
		in[e.ID] = true
	}
	parents := map[string][]string{}
	for _, e := range es {
		for _, rel := range sortedRels(e.Links) {
			if t := e.Links[rel]; in[t] && t != e.ID {
				parents[t] = append(parents[t], e.ID)
			}
		}
	}
	depth := map[string]int{}
	for _, e := range es {
		depth[e.ID] = kindColumn(e)
	}
	for range es { // longest path, bounded in case of a cycle
		changed := false
		for _, e := range es {
			d := 0
			if len(parents[e.ID]) == 0 {
				d = kindColumn(e)
			}
			for _, p := range parents[e.ID] {
				d = max(d, depth[p]+1)
			}
			d = min(d, 5)
			if d != depth[e.ID] {
				depth[e.ID], changed = d, true
			}
		}
		if !changed {
			break
		}
	}
	maxD := 0
	for _, e := range es {
		maxD = max(maxD, depth[e.ID])
	}
	cols := make([][]*game.Entity, maxD+1)
	for _, e := range es {
		cols[depth[e.ID]] = append(cols[depth[e.ID]], e)
	}
	pos := map[string]float64{}
	for c, list := range cols {
		if c > 0 {
			key := func(e *game.Entity) float64 {
				ps := parents[e.ID]
				if len(ps) == 0 {
					return 1e9
				}
				sum := 0.0
				for _, p := range ps {
					sum += pos[p]
				}
				return sum / float64(len(ps))
			}
			sort.SliceStable(list, func(i, k int) bool { return key(list[i]) < key(list[k]) })
		}
		for i, e := range list {
			pos[e.ID] = float64(i)
		}
	}
	var out [][]*game.Entity
	for _, list := range cols {
		if len(list) > 0 {
			out = append(out, list)
		}
	}
	return out
}

// kindColumn is where an entity nothing links to stands: sites and
// aliases first, then addresses and accounts, then companies and networks,
// then people.
func kindColumn(e *game.Entity) int {
	switch e.Kind {
	case game.KindDomain, game.KindAlias, game.KindGroup:
		return 0
	case game.KindIP, game.KindAccount, game.KindMailbox, game.KindPhone, game.KindServer:
		return 1
	case game.KindPerson:
		return 3
	}
	return 2
}

// columnHead names what a column holds: the kinds in it.
func (a *App) columnHead(list []*game.Entity) string {
	var kinds []string
	seen := map[string]bool{}
	for _, e := range list {
		k := kindName(e, a.lang)
		if !seen[k] {
			seen[k] = true
			kinds = append(kinds, k)
		}
	}
	return strings.Join(kinds, ", ")
}

// chips lays out small labelled boxes left to right, wrapping.
func (a *App) chips(r image.Rectangle, labels []string, h int) []image.Rectangle {
	gap := a.u(10)
	x, y := r.Min.X, r.Min.Y
	var out []image.Rectangle
	for _, l := range labels {
		w := min(int(textWidth(l, a.fonts.small))+a.u(28), r.Dx())
		if x+w > r.Max.X && x > r.Min.X {
			x, y = r.Min.X, y+h+gap
		}
		out = append(out, image.Rect(x, y, x+w, y+h))
		x += w + gap
	}
	return out
}

func (a *App) chipRows(r image.Rectangle, labels []string, h int) int {
	rs := a.chips(r, labels, h)
	rows := map[int]bool{}
	for _, c := range rs {
		rows[c.Min.Y] = true
	}
	return max(1, len(rows))
}

// paintChart draws the link chart: links first, then the boxes.
func (a *App) paintChart(dst *ebiten.Image, r image.Rectangle) {
	d := &a.desk
	nodes := d.nodes
	if len(nodes) == 0 {
		a.drawText(dst, a.t("chart_empty"), a.fonts.body, a.c.dim, float64(r.Min.X+a.u(20)), float64(r.Min.Y+a.u(20)))
		return
	}
	// Column headings.
	pad := a.u(16)
	for i, h := range a.desk.cols {
		x := r.Min.X + pad + i*(a.desk.colW+a.desk.colGap)
		a.drawText(dst, ellipsize(h, a.fonts.small, float64(a.desk.colW)), a.fonts.small, a.c.dim, float64(x), float64(r.Min.Y+a.u(6)))
	}
	s := a.m.s
	ids := make([]string, 0, len(nodes))
	for id := range nodes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	lw := float32(max(1, a.u(2.5)))
	// Links between neighbouring columns go under the boxes; links that
	// jump a column are dashed and drawn over them, so that they are not
	// mistaken for links to the box they cross.
	var over [][4]float32
	var overCol []color.NRGBA
	for _, id := range ids {
		e := a.m.sc.Entity(id)
		from := nodes[id]
		for _, rel := range sortedRels(e.Links) {
			to, ok := nodes[e.Links[rel]]
			if !ok || !s.Known(e.Links[rel]) {
				continue
			}
			x1, y1, x2, y2 := linkEnds(from, to)
			col := a.c.line
			if id == d.selected || e.Links[rel] == d.selected {
				col = a.c.accent
			}
			if crossesBox(nodes, id, e.Links[rel], x1, y1, x2, y2) {
				over = append(over, [4]float32{x1, y1, x2, y2})
				overCol = append(overCol, col)
				continue
			}
			vector.StrokeLine(dst, x1, y1, x2, y2, lw, col, true)
			vector.FillCircle(dst, x2, y2, lw*2.2, col, true)
		}
	}
	for _, id := range ids {
		a.paintNode(dst, a.m.sc.Entity(id), nodes[id])
	}
	for i, l := range over {
		dashed(dst, l[0], l[1], l[2], l[3], lw, float32(a.u(10)), overCol[i])
		vector.FillCircle(dst, l[2], l[3], lw*2.2, overCol[i], true)
	}
}

// crossesBox reports whether a straight link passes through a box other
// than its ends.
func crossesBox(nodes map[string]image.Rectangle, from, to string, x1, y1, x2, y2 float32) bool {
	for id, r := range nodes {
		if id == from || id == to {
			continue
		}
		for t := float32(0.05); t < 1; t += 0.05 {
			x, y := x1+(x2-x1)*t, y1+(y2-y1)*t
			if image.Pt(int(x), int(y)).In(r) {
				return true
			}
		}
	}
	return false
}

// dashed draws a dashed line.
func dashed(dst *ebiten.Image, x1, y1, x2, y2, width, dash float32, col color.NRGBA) {
	dx, dy := x2-x1, y2-y1
	n := int(float32(math.Hypot(float64(dx), float64(dy))) / dash)
	for i := 0; i < n; i += 2 {
		t0, t1 := float32(i)/float32(n), float32(min(i+1, n))/float32(n)
		vector.StrokeLine(dst, x1+dx*t0, y1+dy*t0, x1+dx*t1, y1+dy*t1, width, col, true)
	}
}

// linkEnds picks the sides of two boxes a link joins.
func linkEnds(a, b image.Rectangle) (x1, y1, x2, y2 float32) {
	mid := func(r image.Rectangle) (float32, float32) {
		return float32(r.Min.X+r.Max.X) / 2, float32(r.Min.Y+r.Max.Y) / 2
	}
	ax, ay := mid(a)
	bx, by := mid(b)
	switch {
	case b.Min.X >= a.Max.X:
		return float32(a.Max.X), ay, float32(b.Min.X), by
	case b.Max.X <= a.Min.X:
		return float32(a.Min.X), ay, float32(b.Max.X), by
	case b.Min.Y >= a.Max.Y:
		return ax, float32(a.Max.Y), bx, float32(b.Min.Y)
	default:
		return ax, float32(a.Min.Y), bx, float32(b.Max.Y)
	}
}

// paintNode draws one entity's box: name, kind, country and state.
func (a *App) paintNode(dst *ebiten.Image, e *game.Entity, r image.Rectangle) {
	s := a.m.s
	ground := a.c.panel2
	vector.FillRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), ground, false)
	stripe := float32(a.u(8))
	vector.FillRect(dst, float32(r.Min.X), float32(r.Min.Y), stripe, float32(r.Dy()), a.kindColor(e), false)
	border, bw := a.c.line, float32(max(1, a.u(1.5)))
	if e.ID == a.desk.selected {
		border, bw = a.c.accent, float32(a.u(4))
	}
	vector.StrokeRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), bw, border, false)
	x := float64(r.Min.X) + float64(stripe) + float64(a.u(8))
	w := float64(r.Max.X) - x - float64(a.u(6))
	name := a.m.name(e.ID, a.lang)
	var tags []string
	tags = append(tags, kindName(e, a.lang))
	if c := a.m.country(e); c != "" {
		tags = append(tags, strings.ToUpper(c))
	}
	switch {
	case s.SiteDown(e.ID):
		tags = append(tags, game.Text{En: "DOWN", Ru: "ОТКЛЮЧЁН"}.In(a.lang))
	case s.Arrested(e.ID):
		tags = append(tags, game.Text{En: "detained", Ru: "задержан"}.In(a.lang))
	case s.Fled(e.ID):
		tags = append(tags, game.Text{En: "fled", Ru: "скрылся"}.In(a.lang))
	}
	if r.Dy() >= int(a.fonts.lineBody+a.fonts.lineSmall) {
		y := float64(r.Min.Y) + (float64(r.Dy())-a.fonts.lineBody-a.fonts.lineSmall)/2
		nf := a.fonts.bold
		if textWidth(name, nf) > w {
			// A long name drops to the smaller face before it is cut.
			nf = a.fonts.small
		}
		a.drawText(dst, ellipsize(name, nf, w), nf, a.c.text, x, y+(a.fonts.lineBody-a.lineOf(nf))/2)
		a.drawText(dst, ellipsize(strings.Join(tags, " · "), a.fonts.small, w), a.fonts.small, a.c.dim, x, y+a.fonts.lineBody)
	} else {
		f := a.fonts.small
		y := float64(r.Min.Y) + (float64(r.Dy())-a.fonts.lineSmall)/2
		a.drawText(dst, ellipsize(name, f, w), f, a.c.text, x, y)
	}
}

// kindName is an entity's kind, or its role for organisations, in words.
func kindName(e *game.Entity, l game.Lang) string {
	names := map[string]game.Text{
		"domain": {En: "domain", Ru: "домен"}, "ip": {En: "IP address", Ru: "IP-адрес"}, "asn": {En: "network (ASN)", Ru: "сеть (ASN)"},
		"unit": {En: "unit", Ru: "подразделение"}, "person": {En: "person", Ru: "человек"}, "alias": {En: "alias", Ru: "псевдоним"},
		"group": {En: "release group", Ru: "релиз-группа"}, "account": {En: "payment account", Ru: "платёжный счёт"},
		"mailbox": {En: "mailbox", Ru: "почтовый ящик"}, "phone": {En: "phone", Ru: "телефон"}, "server": {En: "server", Ru: "сервер"},
		"registrar": {En: "registrar", Ru: "регистратор"}, "host": {En: "hosting company", Ru: "хостинг"}, "isp": {En: "ISP", Ru: "провайдер"},
		"payment": {En: "payment processor", Ru: "платёжная система"}, "bank": {En: "bank", Ru: "банк"},
		"association": {En: "association", Ru: "ассоциация"}, "rights_holder": {En: "rights holder", Ru: "правообладатель"},
		"webmail": {En: "webmail", Ru: "почтовый сервис"}, "mobile": {En: "mobile operator", Ru: "оператор связи"}, "police": {En: "police", Ru: "полиция"},
		"cybercrime": {En: "cybercrime unit", Ru: "подразделение «К»"}, "investigative": {En: "investigators", Ru: "следствие"},
		"prosecutor": {En: "prosecutor", Ru: "прокуратура"}, "customs": {En: "customs", Ru: "таможня"},
	}
	k := e.Kind
	if e.Role != "" {
		k = e.Role
	}
	if t, ok := names[k]; ok {
		return t.In(l)
	}
	return k
}

// textWidth is the advance of a line of text.
func textWidth(s string, f text.Face) float64 { return text.Advance(s, f) }

// lineOf is the line height of a face the window uses.
func (a *App) lineOf(f text.Face) float64 {
	if f == a.fonts.small {
		return a.fonts.lineSmall
	}
	return a.fonts.lineBody
}

package ui

import (
	"image"
	"image/color"
	"slices"
	"sort"
	"strings"

	"takedown/game"
)

// chartState is the link chart laid out: every known entity of the trail
// as a box in columns along the trail, every known relation as a labelled
// line, the parties to the case in a strip, and a legend. Positions are in
// content coordinates: the graph scrolls when the boxes need more height
// than the panel has.
type chartState struct {
	r       image.Rectangle // the panel
	empty   bool
	graph   image.Rectangle // where the boxes go, on screen
	boxes   map[string]image.Rectangle
	nodes   map[string]image.Rectangle // on screen and in view: for clicks
	names   map[string][]string
	tags    map[string][]string
	edges   []chartEdge
	parties []chip
	toggle  image.Rectangle // the button that shows or hides the parties
	// partiesOpen is 0 until the trainee shows (1) or hides (2) the
	// parties.
	partiesOpen int
	legend      []chip
	scroll      scrollArea
	// the face and line height of the boxes' names
	nameFace textFace
	nameLine float64
}

// chartEdge is one relation drawn on the chart.
type chartEdge struct {
	from, to string
	style    edgeStyle
	label    []string
	at       image.Rectangle // the label's box; empty when it found no room
}

// edgeStyle is how a relation is drawn.
type edgeStyle int

const (
	edgeLink   edgeStyle = iota // what the entity is linked to
	edgeTool                    // found by a tool run on the other
	edgeRecord                  // named in a record about the other
)

// chip is a small labelled box: a party to the case, or a legend entry.
type chip struct {
	id    string
	lines []string
	r     image.Rectangle
	col   color.NRGBA
	edge  edgeStyle // for a legend entry of a line
	line  bool      // a legend entry of a line rather than a kind
	sel   bool      // the legend entry of the selection's links
}

// kindColor is the stripe colour of an entity kind.
func (a *App) kindColor(kind string) color.NRGBA {
	switch kind {
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

// edgeColor is the colour of a relation's line.
func (a *App) edgeColor(s edgeStyle, selected bool) color.NRGBA {
	switch {
	case selected:
		return a.c.accent
	case s == edgeTool:
		return color.NRGBA{0x7c, 0xc4, 0xff, 0xc0}
	case s == edgeRecord:
		return color.NRGBA{0xff, 0xa9, 0x4d, 0xc0}
	}
	return color.NRGBA{0x9a, 0xaa, 0xbe, 0xff}
}

func styleOf(rel string) edgeStyle {
	switch {
	case strings.HasPrefix(rel, "found_by_"):
		return edgeTool
	case rel == "record":
		return edgeRecord
	}
	return edgeLink
}

// nodeTags are the second line of an entity's box: kind, country, state.
func (a *App) nodeTags(e *game.EntityView) string {
	tags := []string{a.p.Msg(e.KindMsg)}
	if e.Country != "" {
		tags = append(tags, strings.ToUpper(e.Country))
	}
	for _, st := range e.Status {
		switch st {
		case "down", "detained", "fled":
			tags = append(tags, a.t("status_"+st))
		}
	}
	return strings.Join(tags, " · ")
}

// build lays the chart out in r and adds a button over each box, which
// does onNode's effect.
func (c *chartState) build(a *App, r image.Rectangle, v *game.View, selected string, onNode func(id string) effect) {
	c.r = r
	c.boxes, c.nodes = map[string]image.Rectangle{}, map[string]image.Rectangle{}
	c.names, c.tags = map[string][]string{}, map[string][]string{}
	c.edges, c.parties = c.edges[:0], c.parties[:0]
	pad := a.u(14)
	inner := inset(r, pad)
	var trail, parties []*game.EntityView
	for i := range v.Entities {
		e := &v.Entities[i]
		switch {
		case !e.Party:
			trail = append(trail, e)
		case !e.Own:
			parties = append(parties, e)
		}
	}
	c.empty = len(trail)+len(parties) == 0
	if c.empty {
		return
	}
	// The legend at the bottom; the parties above it, behind a toggle
	// that starts open when they leave the graph most of the panel. Closed,
	// the toggle leads the legend's row when both fit on it.
	legend, lh := a.chartLegend(inner)
	bottom := inner.Max.Y - lh - a.u(8)
	c.legend = legend
	c.toggle = image.Rectangle{}
	if len(parties) > 0 {
		var labels []string
		for _, e := range parties {
			labels = append(labels, a.p.Text(e.Name))
		}
		chips, partiesH := a.layoutChips(labels, image.Rect(inner.Min.X, 0, inner.Max.X, 0))
		th := a.u(40)
		open := c.partiesOpen
		if open == 0 {
			open = 2
			if float64(bottom-inner.Min.Y-partiesH-th) >= 0.75*float64(inner.Dy()) {
				open = 1
			}
		}
		label := a.t("parties_show", game.Count("n", int64(len(parties))))
		next := 1
		if open == 1 {
			label, next = a.t("parties_hide", game.Count("n", int64(len(parties)))), 2
		}
		w := min(a.buttonWidth(label), inner.Dx())
		oneRow := int(a.fonts.lineSmall) + a.u(8)
		right := image.Rect(inner.Min.X+w+a.u(16), inner.Min.Y, inner.Max.X, inner.Max.Y)
		if l2, h2 := a.chartLegend(right); open == 2 && lh == oneRow && h2 == oneRow {
			row := max(th, oneRow)
			for i := range l2 {
				l2[i].r = l2[i].r.Add(image.Pt(0, -(row-oneRow)/2))
			}
			c.legend = l2
			c.toggle = image.Rect(inner.Min.X, inner.Max.Y-row+(row-th)/2, inner.Min.X+w, inner.Max.Y-(row-th)/2)
			bottom = inner.Max.Y - row - a.u(8)
		} else {
			if open == 1 {
				top := bottom - partiesH
				for i := range chips {
					chips[i].id = parties[i].ID
					chips[i].col = a.kindColor(parties[i].Kind)
					chips[i].r = chips[i].r.Add(image.Pt(0, top))
					c.parties = append(c.parties, chips[i])
				}
				bottom = top - a.u(8)
			}
			c.toggle = image.Rect(inner.Min.X, bottom-th, inner.Min.X+w, bottom)
			bottom = c.toggle.Min.Y - a.u(8)
		}
		a.addButton("parties", label, c.toggle, bQuiet, effect{kind: effParties, num: next})
	}
	c.graph = image.Rect(inner.Min.X, inner.Min.Y, inner.Max.X, bottom)
	c.layoutNodes(a, trail)
	// Buttons over the boxes in view, then over the parties.
	view := c.scroll.content(a)
	off := image.Pt(view.Min.X, view.Min.Y-int(c.scroll.skip()))
	ids := make([]string, 0, len(c.boxes))
	for id := range c.boxes {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, k int) bool {
		ri, rk := c.boxes[ids[i]], c.boxes[ids[k]]
		if ri.Min.X != rk.Min.X {
			return ri.Min.X < rk.Min.X
		}
		return ri.Min.Y < rk.Min.Y
	})
	for _, id := range ids {
		if rr := c.boxes[id].Add(off); rr.In(view) {
			c.nodes[id] = rr
			a.addButton("node:"+id, "", rr, bGhost, onNode(id))
		}
	}
	for _, p := range c.parties {
		c.nodes[p.id] = p.r
		a.addButton("node:"+p.id, "", p.r, bGhost, onNode(p.id))
	}
	c.placeLabels(a, v, selected)
}

// layoutNodes places the trail's boxes: columns along the trail, a column
// split in two or more when its boxes do not fit its height, names wrapped
// to the columns' width, boxes spread over the height. Names take the
// smaller face when the columns are too narrow for their longest words;
// the graph scrolls when the boxes need more height than it has.
func (c *chartState) layoutNodes(a *App, trail []*game.EntityView) {
	cols := chartLayers(trail)
	gap, colGap := a.u(12), a.u(30)
	vpad := a.u(7)
	stripe := a.u(8)
	view := c.graph
	a.register(&c.scroll, view)
	c.scroll.buttons = true
	W := view.Dx() - a.gutter()
	H := view.Dy()
	n := len(cols)
	c.nameFace, c.nameLine = a.fonts.bold, a.fonts.lineBody
	minWidth := func(f textFace) int {
		w := a.u(120)
		for _, e := range trail {
			for _, word := range strings.Fields(a.p.Text(e.Name)) {
				w = max(w, int(textWidth(word, f))+stripe+2*a.u(8)+a.u(4))
			}
		}
		return w
	}
	fits := func(w int) bool { return n*w+(n-1)*colGap <= W }
	minW := minWidth(c.nameFace)
	if !fits(minW) {
		c.nameFace, c.nameLine = a.fonts.small, a.fonts.lineSmall
		minW = minWidth(c.nameFace)
	}
	if !fits(minW) {
		minW = max(a.u(60), (W-(n-1)*colGap)/n) // words of names break
	}
	kmax := max(n, (W+colGap)/(minW+colGap))
	heights := map[string]int{}
	var parts [][]*game.EntityView // the sub-columns, left to right
	colW := 0
	K := n
	for iter := 0; iter < 6; iter++ {
		colW = max(minW, (W-(K-1)*colGap)/K)
		textW := float64(colW - stripe - 2*a.u(8))
		for _, e := range trail {
			c.names[e.ID] = wrapText(a.p.Text(e.Name), c.nameFace, textW)
			c.tags[e.ID] = wrapText(a.nodeTags(e), a.fonts.small, textW)
			heights[e.ID] = 2*vpad + int(float64(len(c.names[e.ID]))*c.nameLine+float64(len(c.tags[e.ID]))*a.fonts.lineSmall)
		}
		// Split each column where its boxes would pass the bottom; with
		// too many columns, let them grow taller than the view instead.
		limit := H
		for {
			parts = parts[:0]
			for _, l := range cols {
				y := 0
				start := 0
				for k, e := range l {
					h := heights[e.ID]
					if k > start && y+h > limit {
						parts = append(parts, l[start:k])
						start, y = k, 0
					}
					y += h + gap
				}
				parts = append(parts, l[start:])
			}
			if len(parts) <= kmax {
				break
			}
			limit += limit / 5
		}
		if len(parts) == K {
			break
		}
		K = len(parts)
	}
	// Boxes no wider than a long name needs; the columns spread over the
	// width.
	maxW := max(minW, a.u(460))
	spare := 0
	if colW > maxW {
		spare = (colW - maxW) * len(parts)
		colW = maxW
	}
	colGap += spare / (len(parts) + 1)
	contentH := H
	x := spare / (len(parts) + 1)
	for _, part := range parts {
		total := -gap
		for _, e := range part {
			total += heights[e.ID] + gap
		}
		// Spread the boxes over the height when they fit, else stack them.
		space := 0.0
		if total <= H {
			space = float64(H-total+gap*len(part)) / float64(len(part))
		}
		y := space / 2
		for _, e := range part {
			h := heights[e.ID]
			c.boxes[e.ID] = image.Rect(x, int(y), x+colW, int(y)+h)
			if space > 0 {
				y += float64(h) + space
			} else {
				y += float64(h + gap)
			}
		}
		contentH = max(contentH, total)
		x += colW + colGap
	}
	c.scroll.setMax(float64(contentH))
	// Relations between boxes, in a stable order.
	ids := make([]string, 0, len(trail))
	byID := map[string]*game.EntityView{}
	for _, e := range trail {
		ids = append(ids, e.ID)
		byID[e.ID] = e
	}
	slices.Sort(ids)
	for _, id := range ids {
		for _, l := range byID[id].Links {
			if _, ok := c.boxes[l.To]; !ok || l.To == id {
				continue
			}
			c.edges = append(c.edges, chartEdge{from: id, to: l.To, style: styleOf(l.Rel), label: []string{a.p.Msg(l.Msg)}})
		}
	}
}

// placeLabels finds room for each relation's label along its line: the
// selected entity's first, then the rest; a label that finds no room is
// left out (its line's colour and the legend still say what it is).
func (c *chartState) placeLabels(a *App, v *game.View, selected string) {
	var placed []image.Rectangle
	grow := a.u(3)
	free := func(r image.Rectangle) bool {
		if !r.In(image.Rect(0, 0, c.graph.Dx()-a.gutter(), max(c.scroll.box.Dy(), int(c.scroll.max)+c.scroll.box.Dy()))) {
			return false
		}
		for _, b := range c.boxes {
			if r.Overlaps(b.Inset(-grow)) {
				return false
			}
		}
		for _, p := range placed {
			if r.Overlaps(p.Inset(-grow)) {
				return false
			}
		}
		return true
	}
	order := make([]int, 0, len(c.edges))
	for i, e := range c.edges {
		if e.from == selected || e.to == selected {
			order = append(order, i)
		}
	}
	for i, e := range c.edges {
		if e.from != selected && e.to != selected {
			order = append(order, i)
		}
	}
	maxW := float64(a.u(250))
	for _, i := range order {
		e := &c.edges[i]
		x1, y1, x2, y2 := linkEnds(c.boxes[e.from], c.boxes[e.to])
		lines := wrapText(e.label[0], a.fonts.small, maxW)
		if len(lines) > 2 {
			lines = wrapText(e.label[0], a.fonts.small, maxW*1.5)
		}
		e.label = lines
		w := int(maxWidth(lines, a.fonts.small)) + 2*a.u(6)
		h := int(float64(len(lines))*a.fonts.lineSmall) + a.u(2)
		e.at = image.Rectangle{}
	search:
		for _, t := range []float32{0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8} {
			for _, dy := range []int{0, -h/2 - a.u(2), h/2 + a.u(2)} {
				cx, cy := x1+(x2-x1)*t, y1+(y2-y1)*t+float32(dy)
				r := image.Rect(int(cx)-w/2, int(cy)-h/2, int(cx)-w/2+w, int(cy)-h/2+h)
				if free(r) {
					e.at = r
					placed = append(placed, r)
					break search
				}
			}
		}
	}
}

// chartLegend lays out the legend of the lines, at the bottom of inner,
// and returns it and its height. The boxes need none: each says its kind
// in words.
func (a *App) chartLegend(inner image.Rectangle) ([]chip, int) {
	var labels []string
	var items []chip
	for _, s := range []struct {
		key string
		st  edgeStyle
		sel bool
	}{{"legend_link", edgeLink, false}, {"legend_tool", edgeTool, false}, {"legend_record", edgeRecord, false}, {"legend_selected", edgeLink, true}} {
		labels = append(labels, a.t(s.key))
		items = append(items, chip{line: true, edge: s.st, sel: s.sel, col: a.edgeColor(s.st, s.sel)})
	}
	chips, h := a.layoutChips(labels, image.Rect(inner.Min.X, 0, inner.Max.X, 0))
	top := inner.Max.Y - h
	for i := range chips {
		chips[i].col, chips[i].line, chips[i].edge, chips[i].sel = items[i].col, items[i].line, items[i].edge, items[i].sel
		chips[i].r = chips[i].r.Add(image.Pt(0, top))
	}
	return chips, h
}

// layoutChips places labelled chips left to right in rows within r's
// width, from y 0; a label too long for a row wraps inside its chip.
func (a *App) layoutChips(labels []string, r image.Rectangle) ([]chip, int) {
	gap := a.u(10)
	swatch := a.u(34)
	x, y := r.Min.X, 0
	rowH := 0
	var out []chip
	for _, l := range labels {
		lines := []string{l}
		w := swatch + int(textWidth(l, a.fonts.small)) + a.u(12)
		if w > r.Dx() {
			lines = wrapText(l, a.fonts.small, float64(r.Dx()-swatch-a.u(12)))
			w = r.Dx()
		}
		h := int(float64(len(lines))*a.fonts.lineSmall) + a.u(8)
		if x+w > r.Max.X && x > r.Min.X {
			x, y = r.Min.X, y+rowH+gap/2
			rowH = 0
		}
		out = append(out, chip{lines: lines, r: image.Rect(x, y, x+w, y+h)})
		rowH = max(rowH, h)
		x += w + gap
	}
	return out, y + rowH
}

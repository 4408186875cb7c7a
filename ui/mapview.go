package ui

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
	xvector "golang.org/x/image/vector"

	"takedown/game"
	"takedown/worldmap"
)

// mapState is the map tab laid out: the picture of the countries in play
// with the channel that reaches each, a legend, and a list that says
// where things stand in each country. The outlines are rendered once into
// an image and again only when what they show changes.
type mapState struct {
	area   image.Rectangle // the picture
	legend []chip
	list   *scrollArea
	img    *ebiten.Image
	key    string
	proj   worldmap.Projection
}

// outlines returns the map's outlines, waiting for them the first time:
// they load off the loop while the window opens, long before a map is
// shown. It is nil if they failed to load.
func (a *App) outlines() *worldmap.Map {
	if a.worlds != nil {
		a.world = <-a.worlds
		a.worlds = nil
	}
	return a.world
}

// channelColor is the colour of a legal channel on the map.
func (a *App) channelColor(ch game.Channel) color.NRGBA {
	switch ch {
	case game.ChannelDomestic, game.ChannelPreserve:
		return a.c.good
	case game.ChannelMLAT:
		return a.c.info
	case game.ChannelPreserveOnly:
		return a.c.warn
	}
	return a.c.bad
}

// channelStyle is the text style of a channel's name.
func channelStyle(ch game.Channel) style {
	switch ch {
	case game.ChannelDomestic, game.ChannelPreserve:
		return stGood
	case game.ChannelMLAT:
		return stInfo
	case game.ChannelPreserveOnly:
		return stWarn
	}
	return stBad
}

// inPlay reports whether a country is on the case: home, or something
// found there.
func inPlay(c *game.CountryView) bool { return c.Home || len(c.Found) > 0 }

// layout splits the tab: the picture and its legend beside the list when
// the panel is wide, above it when not.
func (m *mapState) layout(a *App, r image.Rectangle, v *game.View, list *scrollArea) {
	m.list = list
	pad := a.u(14)
	inner := inset(r, pad)
	var picture, rest image.Rectangle
	if inner.Dx() >= inner.Dy()*5/4 {
		split := inner.Min.X + inner.Dx()*58/100
		picture = image.Rect(inner.Min.X, inner.Min.Y, split-pad/2, inner.Max.Y)
		rest = image.Rect(split+pad/2, inner.Min.Y, inner.Max.X, inner.Max.Y)
	} else {
		split := inner.Min.Y + inner.Dy()*55/100
		picture = image.Rect(inner.Min.X, inner.Min.Y, inner.Max.X, split-pad/2)
		rest = image.Rect(inner.Min.X, split+pad/2, inner.Max.X, inner.Max.Y)
	}
	labels, items := a.mapLegend(v)
	chips, h := a.layoutChips(labels, image.Rect(picture.Min.X, 0, picture.Max.X, 0))
	for i := range chips {
		chips[i].col, chips[i].line = items[i].col, items[i].line
		chips[i].r = chips[i].r.Add(image.Pt(0, picture.Max.Y-h))
	}
	m.legend = chips
	m.area = image.Rect(picture.Min.X, picture.Min.Y, picture.Max.X, picture.Max.Y-h-a.u(8))
	a.register(list, rest)
}

// mapLegend names every symbol of the map: home, each channel in play,
// and countries where nothing has been found yet.
func (a *App) mapLegend(v *game.View) ([]string, []chip) {
	labels := []string{a.t("legend_home")}
	items := []chip{{col: a.fill(&game.CountryView{Home: true})}}
	seen := map[game.Channel]bool{}
	for i := range v.Countries {
		c := &v.Countries[i]
		if c.Home || seen[c.Channel] {
			continue
		}
		seen[c.Channel] = true
		labels = append(labels, a.p.Msg(c.ChannelMsg))
		items = append(items, chip{col: a.channelColor(c.Channel), line: true})
	}
	labels = append(labels, a.t("legend_not_found"))
	items = append(items, chip{col: a.fill(&game.CountryView{})})
	return labels, items
}

// mapCodes lists the scenario's countries that the outlines have.
func (a *App) mapCodes(v *game.View) []string {
	var codes []string
	world := a.outlines()
	for _, c := range v.Countries {
		if world != nil && world.Country(strings.ToLower(c.ID)) != nil {
			codes = append(codes, strings.ToLower(c.ID))
		}
	}
	return codes
}

// fill is the colour a country's outline is filled with.
func (a *App) fill(c *game.CountryView) color.NRGBA {
	switch {
	case c == nil:
		return color.NRGBA{0x26, 0x31, 0x3e, 0xff}
	case c.Home:
		return blend(a.c.accent, a.c.panel, 0.55)
	case len(c.Found) > 0:
		return blend(a.channelColor(c.Channel), a.c.panel, 0.45)
	}
	return color.NRGBA{0x3a, 0x48, 0x58, 0xff}
}

// blend mixes a colour into a ground by f.
func blend(c, ground color.NRGBA, f float64) color.NRGBA {
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*f + float64(y)*(1-f)) }
	return color.NRGBA{mix(c.R, ground.R), mix(c.G, ground.G), mix(c.B, ground.B), 0xff}
}

// render draws the outlines into the cached image when what they show has
// changed: the size, or which countries are home, found, and reached by
// which channel. The outlines are rasterized on the CPU (x/image/vector,
// each country within its own box) and written to the image once: filling
// 240 paths through the GPU's stencil takes seconds on a software renderer.
func (m *mapState) render(a *App, v *game.View) {
	codes := a.mapCodes(v)
	world := a.outlines()
	if world == nil || len(codes) == 0 || m.area.Empty() {
		return
	}
	var key strings.Builder
	fmt.Fprint(&key, m.area.Size(), a.scale)
	for _, c := range v.Countries {
		fmt.Fprint(&key, c.ID, c.Home, len(c.Found) > 0, c.Channel)
	}
	if m.img != nil && key.String() == m.key {
		return
	}
	m.key = key.String()
	w, h := m.area.Dx(), m.area.Dy()
	if m.img == nil || m.img.Bounds().Dx() != w || m.img.Bounds().Dy() != h {
		if m.img != nil {
			m.img.Deallocate()
		}
		m.img = bigImage(w, h)
	}
	proj, err := world.Fit(codes, float64(w), float64(h), float64(a.u(30)))
	if err != nil {
		return
	}
	m.proj = proj
	pix := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(pix, pix.Bounds(), image.NewUniform(a.c.term), image.Point{}, draw.Src)
	o := outliner{pix: pix, step: 1.5}
	for _, wc := range world.Countries() {
		cv := v.Country(wc.Code)
		edge, width := a.c.line, max(1, float64(a.u(1.2)))
		if cv != nil && inPlay(cv) {
			edge, width = blend(a.c.text, a.fill(cv), 0.6), max(1.2, float64(a.u(2)))
		}
		o.country(proj, wc, a.fill(cv), edge, width)
	}
	m.img.WritePixels(pix.Pix)
}

// outliner rasterizes countries into an image.
type outliner struct {
	pix   *image.RGBA
	z     xvector.Rasterizer
	pts   []worldmap.Point
	rings [][]worldmap.Point
	step  float64 // points closer than this to the last one are left out
}

// country fills a country's rings, even-odd, and strokes its borders.
func (o *outliner) country(proj worldmap.Projection, wc *worldmap.Country, fill, edge color.NRGBA, width float64) {
	b := o.pix.Bounds()
	o.rings = o.rings[:0]
	box := image.Rectangle{}
	for _, ring := range wc.Rings {
		o.pts = proj.AppendRing(o.pts[:0], ring)
		if !ringVisible(o.pts, b.Inset(-b.Dx()/4)) {
			continue
		}
		last := o.pts[0]
		kept := []worldmap.Point{last}
		for _, p := range o.pts[1:] {
			if dx, dy := p.X-last.X, p.Y-last.Y; dx*dx+dy*dy >= o.step*o.step {
				kept = append(kept, p)
				last = p
			}
		}
		if len(kept) < 3 {
			continue
		}
		o.rings = append(o.rings, kept)
		for _, p := range kept {
			box = box.Union(image.Rect(int(p.X)-3, int(p.Y)-3, int(p.X)+4, int(p.Y)+4))
		}
	}
	box = box.Intersect(b)
	if box.Empty() {
		return
	}
	off := func(p worldmap.Point) (float32, float32) {
		return float32(p.X - float64(box.Min.X)), float32(p.Y - float64(box.Min.Y))
	}
	// The fill: the rasterizer adds coverage, so rings of opposite
	// winding (an enclave's hole) cancel.
	o.z.Reset(box.Dx(), box.Dy())
	for _, r := range o.rings {
		o.z.MoveTo(off(r[0]))
		for _, p := range r[1:] {
			o.z.LineTo(off(p))
		}
		o.z.ClosePath()
	}
	o.z.Draw(o.pix, box, image.NewUniform(fill), image.Point{})
	// The border: a thin quadrilateral along each edge.
	o.z.Reset(box.Dx(), box.Dy())
	hw := width / 2
	for _, r := range o.rings {
		for i := range r {
			p, q := r[i], r[(i+1)%len(r)]
			dx, dy := q.X-p.X, q.Y-p.Y
			l := math.Hypot(dx, dy)
			if l == 0 {
				continue
			}
			nx, ny := -dy/l*hw, dx/l*hw
			o.z.MoveTo(off(worldmap.Point{X: p.X + nx, Y: p.Y + ny}))
			o.z.LineTo(off(worldmap.Point{X: q.X + nx, Y: q.Y + ny}))
			o.z.LineTo(off(worldmap.Point{X: q.X - nx, Y: q.Y - ny}))
			o.z.LineTo(off(worldmap.Point{X: p.X - nx, Y: p.Y - ny}))
			o.z.ClosePath()
		}
	}
	o.z.Draw(o.pix, box, image.NewUniform(edge), image.Point{})
}

// ringVisible reports whether a projected ring is two pixels across
// and reaches into the bounds.
func ringVisible(pts []worldmap.Point, b image.Rectangle) bool {
	if len(pts) < 3 {
		return false
	}
	minX, minY, maxX, maxY := pts[0].X, pts[0].Y, pts[0].X, pts[0].Y
	for _, p := range pts {
		minX, maxX = min(minX, p.X), max(maxX, p.X)
		minY, maxY = min(minY, p.Y), max(maxY, p.Y)
	}
	if maxX-minX < 2 && maxY-minY < 2 {
		return false
	}
	return maxX >= float64(b.Min.X) && minX <= float64(b.Max.X) && maxY >= float64(b.Min.Y) && minY <= float64(b.Max.Y)
}

// paint draws the map: the cached outlines, a line from home to each
// country in play in the colour of its channel, a marker with each
// country's code, the legend and the list.
func (m *mapState) paint(a *App, dst *ebiten.Image, v *game.View) {
	m.render(a, v)
	if m.img != nil && !m.area.Empty() {
		op := &ebiten.DrawImageOptions{}
		op.GeoM.Translate(float64(m.area.Min.X), float64(m.area.Min.Y))
		dst.DrawImage(m.img, op)
		vector.StrokeRect(dst, float32(m.area.Min.X), float32(m.area.Min.Y), float32(m.area.Dx()), float32(m.area.Dy()), 1, a.c.line, false)
		m.paintMarkers(a, dst, v)
	}
	for _, ch := range m.legend {
		a.paintChip(dst, ch, false)
	}
	a.paintDoc(dst, m.list, a.countriesDoc(v))
}

// paintMarkers draws the channels and the countries' codes on the map.
func (m *mapState) paintMarkers(a *App, dst *ebiten.Image, v *game.View) {
	world := a.outlines()
	if world == nil {
		return
	}
	sub := dst.SubImage(m.area).(*ebiten.Image)
	type marker struct {
		c    *game.CountryView
		x, y float32
	}
	var ms []marker
	rad := float32(a.u(22))
	for i := range v.Countries {
		c := &v.Countries[i]
		wc := world.Country(strings.ToLower(c.ID))
		if wc == nil {
			continue
		}
		p := m.proj.Project(wc.Label)
		x, y := float32(m.area.Min.X)+float32(p.X), float32(m.area.Min.Y)+float32(p.Y)
		// Keep markers apart: a crowded one moves down.
		for moved := true; moved; {
			moved = false
			for _, o := range ms {
				if dx, dy := o.x-x, o.y-y; dx*dx+dy*dy < 4*rad*rad {
					y = o.y + 2*rad + float32(a.u(4))
					moved = true
				}
			}
		}
		ms = append(ms, marker{c, x, y})
	}
	var home *marker
	for i := range ms {
		if ms[i].c.Home {
			home = &ms[i]
		}
	}
	if home != nil {
		for _, mk := range ms {
			if mk.c.Home || len(mk.c.Found) == 0 {
				continue
			}
			col := a.channelColor(mk.c.Channel)
			w := float32(max(2, a.u(5)))
			vector.StrokeLine(sub, home.x, home.y, mk.x, mk.y, w*2, a.c.term, false)
			vector.StrokeLine(sub, home.x, home.y, mk.x, mk.y, w, col, false)
		}
	}
	for _, mk := range ms {
		col := a.c.line
		switch {
		case mk.c.Home:
			col = a.c.accent
		case len(mk.c.Found) > 0:
			col = a.channelColor(mk.c.Channel)
		}
		vector.FillCircle(sub, mk.x, mk.y, rad, a.c.term, false)
		vector.StrokeCircle(sub, mk.x, mk.y, rad, float32(max(2, a.u(4))), col, false)
		code := strings.ToUpper(mk.c.ID)
		r := image.Rect(int(mk.x-rad), int(mk.y-rad), int(mk.x+rad), int(mk.y+rad))
		if r.In(m.area) {
			a.drawTextCentered(sub, code, a.fonts.button, a.c.text, r)
		}
	}
}

// countriesDoc says, for each country, the channel that reaches it, what
// its law offers, where the requests and data there stand, with their
// countdowns, and what was found there.
func (a *App) countriesDoc(v *game.View) doc {
	var d doc
	for i := range v.Countries {
		c := &v.Countries[i]
		head := strings.ToUpper(c.ID) + "  " + a.p.Text(c.Name)
		if c.Home {
			head = a.t("home_country", game.Str("code", strings.ToUpper(c.ID)), game.Txt("name", c.Name))
		}
		st := stHead
		if !inPlay(c) {
			st = stBold
		}
		d = append(d, para{st: st, text: head, gap: 12})
		if !inPlay(c) {
			d = append(d, para{st: stDim, text: a.t("not_in_play") + " · " + a.p.Msg(c.ChannelMsg), indent: 10})
			continue
		}
		d = append(d, para{st: channelStyle(c.Channel), text: a.p.Msg(c.ChannelMsg), indent: 10})
		facts := []string{a.yesNo("fact_budapest", c.Budapest), a.yesNo("fact_247", c.Network247)}
		if c.Retention > 0 {
			facts = append(facts, a.t("fact_retention", game.Span("span", c.Retention)))
		}
		d = append(d, para{st: stSmall, text: strings.Join(facts, " · "), indent: 10})
		for _, s := range c.Status {
			d = append(d, para{st: stBody, text: "• " + a.p.Msg(s), indent: 10})
		}
		if len(c.Found) > 0 && !c.Home {
			var names []string
			for _, id := range c.Found {
				names = append(names, a.entityName(v, id))
			}
			d = append(d, para{st: stDim, text: a.t("map_found", game.Str("names", strings.Join(names, ", "))), indent: 10})
		}
	}
	return d
}

// yesNo renders a fact that holds or not.
func (a *App) yesNo(key string, yes bool) string {
	if yes {
		return a.t(key + "_yes")
	}
	return a.t(key + "_no")
}

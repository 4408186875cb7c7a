package ui

import (
	"bytes"
	"context"
	"image"
	"strconv"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"takedown/game"
	"takedown/room"
	"takedown/room/lan"
)

// The join form's fields.
const (
	fieldAddr = iota
	fieldCode
	fieldName
	fieldTeam
	fieldCount
)

// joinScene joins a room: the address (or join address) and the code the
// instructor shows, the trainee's name and team. Rooms announced on the
// local network are listed to fill the address in; typing it always works.
type joinScene struct {
	fields  [fieldCount]lineEdit
	active  int
	boxes   [fieldCount]image.Rectangle
	labels  [fieldCount]image.Point
	note    string // what to fix before joining, or what happens
	joining bool
	stale   map[string]bool // room codes whose kept seat the host no longer knows

	last    *seatFile // the room joined last, read when the scene opened
	lastCh  chan *seatFile
	found   []lan.Room
	looking bool
	foundCh chan []lan.Room

	// laid out by build
	intro   []string
	introAt image.Point
	noteLs  []string
	noteAt  image.Point
	lanHead []string
	lanAt   image.Point
	lanNote []string
	lanNoAt image.Point
	list    scrollArea
}

func (j *joinScene) id() string { return SceneJoin }

// openJoin shows the join form: filled in from the room joined last, and
// looking for rooms on the network.
func (a *App) openJoin() {
	j := a.room.join
	if j.stale == nil {
		j.stale = map[string]bool{}
	}
	if j.last == nil && j.lastCh == nil {
		ch := make(chan *seatFile, 1)
		j.lastCh = ch
		store := a.opt.Store
		go func() { ch <- readLastSeat(store) }()
	}
	j.browse(a)
	j.note = ""
	a.goTo(SceneJoin)
}

// browse looks for rooms on the local network for a few seconds, off the
// loop.
func (j *joinScene) browse(a *App) {
	if j.looking {
		return
	}
	j.looking = true
	ch := make(chan []lan.Room, 1)
	j.foundCh = ch
	nw := a.room.net
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		rooms, _ := nw.Browse(ctx) // finding nothing is what a blocked network looks like too
		ch <- rooms
	}()
}

// settleJoin waits for the join form's background reads, for screenshots
// and tests.
func (a *App) settleJoin() {
	j := a.room.join
	if j.lastCh != nil {
		j.takeLast(<-j.lastCh)
	}
	if j.foundCh != nil {
		j.found, j.looking, j.foundCh = <-j.foundCh, false, nil
	}
	a.rebuild = true
}

// pollJoinScene takes what the join form's background reads brought.
func (a *App) pollJoinScene() bool {
	j := a.room.join
	got := false
	if j.lastCh != nil {
		select {
		case f := <-j.lastCh:
			j.takeLast(f)
			got = true
		default:
		}
	}
	if j.foundCh != nil {
		select {
		case rs := <-j.foundCh:
			j.found, j.looking, j.foundCh = rs, false, nil
			got = true
		default:
		}
	}
	if got && a.scene == j {
		a.rebuild = true
	}
	return got
}

// takeLast fills the empty fields from the room joined last.
func (j *joinScene) takeLast(f *seatFile) {
	j.lastCh = nil
	j.last = f
	if f == nil {
		return
	}
	for i, v := range []string{f.addr, f.code, f.name, f.team} {
		if len(j.fields[i].text) == 0 {
			j.fields[i].set(v)
		}
	}
}

// act carries out the form's effects.
func (j *joinScene) act(a *App, verb, arg string) {
	switch verb {
	case "field":
		if n, err := strconv.Atoi(arg); err == nil && n >= 0 && n < fieldCount {
			j.active = n
			a.ui.ClearFocus()
		}
	case "lan":
		if n, err := strconv.Atoi(arg); err == nil && n >= 0 && n < len(j.found) && len(j.found[n].Addrs) > 0 {
			j.fields[fieldAddr].set(j.found[n].Addrs[0])
			j.active = fieldCode
		}
	case "browse":
		j.browse(a)
	case "connect":
		if j.joining {
			return
		}
		j.note = ""
		a.joinRoom(j.fields[fieldAddr].String(), j.fields[fieldCode].String(), j.fields[fieldName].String(), j.fields[fieldTeam].String())
	case "leave":
		if s := a.room.seat; s != nil {
			if a.m == s.m {
				a.m = nil
			}
			a.leaveSeat(s)
			a.room.seat = nil
		}
	}
	a.rebuild = true
}

func (j *joinScene) update(a *App) []effect {
	var out []effect
	f := &j.fields[j.active]
	changed, enter := f.edit(&a.in, nil)
	max := []int{200, room.CodeLength + 4, room.MaxName, room.MaxTeam}[j.active]
	if len(f.text) > max {
		f.text = f.text[:max]
		f.cur = min(f.cur, max)
	}
	if changed {
		a.dirty = 2
		if j.active == fieldCode || j.active == fieldAddr {
			a.repaint = true // the note on a kept seat follows the code
		}
	}
	if a.in.has(ebiten.KeyTab) {
		if a.in.Shift {
			j.active = (j.active + fieldCount - 1) % fieldCount
		} else {
			j.active = (j.active + 1) % fieldCount
		}
		a.ui.ClearFocus()
		a.dirty = 2
	}
	if enter && a.ui.GetFocusedWidget() == nil {
		out = append(out, roomEff("connect"))
	}
	return append(out, a.pageKeys(&j.list, false)...)
}

// seatNote says that Join takes the trainee back to a seat kept for the
// code typed, if there is one.
func (a *App) seatNote() string {
	j := a.room.join
	code := room.NormalizeCode(j.fields[fieldCode].String())
	if _, c, err := room.ParseJoin(j.fields[fieldAddr].String()); err == nil && c != "" && code == "" {
		code = c
	}
	if f := j.last; f != nil && f.token != "" && code == room.NormalizeCode(f.code) && !j.stale[code] {
		n := 0
		if l, err := game.ParseLog(bytes.NewReader(f.log)); err == nil {
			n = len(l.Entries)
		}
		return a.t("room.seat_kept", game.Str("code", f.code), game.Str("name", f.name), game.Count("n", int64(n)))
	}
	return ""
}

func (j *joinScene) build(a *App) {
	bs := []pageButton{{key: "back_title", label: a.t("room.back_title"), kind: bNormal, e: goTo(SceneTitle)}}
	if s := a.room.seat; s != nil {
		bs = append(bs, pageButton{key: "leave", label: a.t("room.leave", game.Str("code", s.code)), kind: bNormal, e: roomEff("leave")})
	}
	bs = append(bs, pageButton{key: "connect", label: a.t("room.join"), kind: bPrimary, e: roomEff("connect"), right: true})
	body := a.buildFrame(bs)
	gap := a.u(12)
	y := body.Min.Y
	j.intro = wrapText(a.t("room.join_intro"), a.fonts.body, float64(body.Dx()))
	j.introAt = image.Pt(body.Min.X, y)
	y += int(float64(len(j.intro))*a.fonts.lineBody) + gap
	// The fields, two to a row.
	bh := a.u(54)
	labelH := int(a.fonts.lineSmall)
	half := (body.Dx() - 2*gap) / 2
	split := []int{body.Dx() * 3 / 5, half}
	for row := 0; row < 2; row++ {
		w0 := split[row]
		xs := [][2]int{{body.Min.X, body.Min.X + w0}, {body.Min.X + w0 + 2*gap, body.Max.X}}
		for k := 0; k < 2; k++ {
			i := row*2 + k
			j.labels[i] = image.Pt(xs[k][0], y)
			j.boxes[i] = image.Rect(xs[k][0], y+labelH+a.u(4), xs[k][1], y+labelH+a.u(4)+bh)
			a.addButton("field:"+strconv.Itoa(i), "", j.boxes[i], bGhost, roomEff("field", strconv.Itoa(i)))
		}
		y += labelH + a.u(4) + bh + gap
	}
	// What to fix, or the seat Join goes back to.
	note := j.note
	if j.joining {
		note = a.t("room.joining")
	} else if note == "" {
		note = a.seatNote()
	}
	j.noteLs = nil
	if note != "" {
		j.noteLs = wrapText(note, a.fonts.bold, float64(body.Dx()))
	}
	j.noteAt = image.Pt(body.Min.X, y)
	y += int(float64(len(j.noteLs))*a.fonts.lineBody) + gap
	// The rooms found on the network.
	j.lanHead, j.lanNote = nil, nil
	again := a.t("room.look_again")
	aw := a.buttonWidth(again)
	if body.Max.Y-y < bh {
		j.list.box = image.Rectangle{}
		return
	}
	j.lanHead = wrapText(a.t("room.on_network"), a.fonts.head, float64(body.Dx()-aw-gap))
	hh := max(bh, int(float64(len(j.lanHead))*a.fonts.lineHead))
	j.lanAt = image.Pt(body.Min.X, y+(hh-int(float64(len(j.lanHead))*a.fonts.lineHead))/2)
	if !j.looking {
		a.addButton("browse", again, image.Rect(body.Max.X-aw, y+(hh-bh)/2, body.Max.X, y+(hh+bh)/2), bQuiet, roomEff("browse"))
	}
	y += hh + gap/2
	status := ""
	switch {
	case j.looking:
		status = a.t("room.looking")
	case len(j.found) == 0:
		status = a.t("room.none_found")
	}
	if status != "" {
		ls := wrapText(status, a.fonts.body, float64(body.Dx()))
		if y+int(float64(len(ls))*a.fonts.lineBody) <= body.Max.Y {
			j.lanNote, j.lanNoAt = ls, image.Pt(body.Min.X, y)
		}
		j.list.box = image.Rectangle{}
		return
	}
	a.register(&j.list, image.Rect(body.Min.X, y, body.Max.X, body.Max.Y))
	j.list.buttons = true
	c := j.list.content(a)
	var labels []string
	for _, r := range j.found {
		addr := ""
		if len(r.Addrs) > 0 {
			addr = r.Addrs[0]
		}
		labels = append(labels, a.t("room.found", game.Str("title", r.Title), game.Str("addr", addr)))
	}
	h := a.flowHeight(c.Dx(), labels, bh)
	j.list.setMax(float64(h))
	rs := a.flow(image.Rect(c.Min.X, c.Min.Y-int(j.list.skip()), c.Max.X, c.Min.Y-int(j.list.skip())+h), labels, bh)
	for i, r := range rs {
		if r.In(c) {
			a.addButton("lan:"+strconv.Itoa(i), labels[i], r, bNormal, roomEff("lan", strconv.Itoa(i)))
		}
	}
}

// fieldLabel is a field's label.
func (a *App) fieldLabel(i int) string {
	return a.t([]string{"room.f_addr", "room.f_code", "room.f_name", "room.f_team"}[i])
}

func (j *joinScene) paint(a *App, dst *ebiten.Image) {
	a.paintTopBar(dst)
	y := float64(j.introAt.Y)
	for _, l := range j.intro {
		a.drawText(dst, l, a.fonts.body, a.c.text, float64(j.introAt.X), y+(a.fonts.lineBody-textHeight(a.fonts.body))/2)
		y += a.fonts.lineBody
	}
	for i := range j.fields {
		label := a.fieldLabel(i)
		w := float64(j.boxes[i].Dx())
		for textWidth(label, a.fonts.small) > w && len(label) > 0 {
			// A label too long for its field keeps its first line.
			label = wrapText(label, a.fonts.small, w)[0]
		}
		col := a.c.dim
		if i == j.active {
			col = a.c.accent
		}
		a.drawText(dst, label, a.fonts.small, col, float64(j.labels[i].X), float64(j.labels[i].Y)+(a.fonts.lineSmall-textHeight(a.fonts.small))/2)
	}
	y = float64(j.noteAt.Y)
	for _, l := range j.noteLs {
		a.drawText(dst, l, a.fonts.bold, a.c.accent, float64(j.noteAt.X), y+(a.fonts.lineBody-textHeight(a.fonts.bold))/2)
		y += a.fonts.lineBody
	}
	y = float64(j.lanAt.Y)
	for _, l := range j.lanHead {
		a.drawText(dst, l, a.fonts.head, a.c.accent, float64(j.lanAt.X), y+(a.fonts.lineHead-textHeight(a.fonts.head))/2)
		y += a.fonts.lineHead
	}
	y = float64(j.lanNoAt.Y)
	for _, l := range j.lanNote {
		a.drawText(dst, l, a.fonts.body, a.c.dim, float64(j.lanNoAt.X), y+(a.fonts.lineBody-textHeight(a.fonts.body))/2)
		y += a.fonts.lineBody
	}
	a.paintScrollbar(dst, &j.list)
}

// drawLive draws the fields, the one being typed in with its caret.
func (j *joinScene) drawLive(a *App, screen *ebiten.Image) {
	for i := range j.fields {
		if i == j.active {
			a.drawLineEdit(screen, j.boxes[i], &j.fields[i], "")
			continue
		}
		r := j.boxes[i]
		a.drawPanel(screen, r, a.c.panel)
		f := a.fonts.mono
		s := j.fields[i].String()
		avail := float64(r.Dx() - 2*a.u(12))
		for text.Advance(s, f) > avail && len(s) > 0 {
			_, n := firstRune(s)
			s = s[n:]
		}
		op := &text.DrawOptions{}
		op.GeoM.Translate(float64(r.Min.X+a.u(12)), float64(r.Min.Y)+(float64(r.Dy())-textHeight(f))/2)
		op.ColorScale.ScaleWithColor(a.c.dim)
		text.Draw(screen, s, f, op)
	}
}

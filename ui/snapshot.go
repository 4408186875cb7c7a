package ui

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"

	"takedown/engine"
	"takedown/game"
)

// forker is implemented by engines that can replay their session to a
// point: the local engine. The debrief's timeline uses it to show the case
// as it stood then; a room's client need not offer it.
type forker interface {
	// Fork returns a new session replayed to just before log entry n.
	Fork(n int) (*engine.Session, error)
}

// forked is the case as it stood at a point, replayed off the loop.
type forked struct {
	view *game.View
	err  error
}

// fork replays the case to just before log entry n off the loop.
func (a *App) fork(n int) {
	f, ok := a.engine().(forker)
	if !ok || a.busy() {
		return
	}
	ch := make(chan forked, 1)
	a.forking = ch
	go func() {
		s, err := f.Fork(n)
		if s == nil {
			ch <- forked{err: err}
			return
		}
		defer s.Close()
		ch <- forked{view: s.View(), err: err}
	}()
	a.repaint = true
}

// pollFork takes a finished replay, if there is one.
func (a *App) pollFork() bool {
	if a.forking == nil {
		return false
	}
	select {
	case f := <-a.forking:
		a.forking = nil
		a.takeFork(f)
		return true
	default:
		return false
	}
}

// waitFork waits for a replay under way, for screenshots and tests.
func (a *App) waitFork() {
	if a.forking != nil {
		f := <-a.forking
		a.forking = nil
		a.takeFork(f)
	}
}

// takeFork shows the case as it stood, or why it cannot be.
func (a *App) takeFork(f forked) {
	if f.view == nil {
		a.overlay = &overlay{title: a.t("snapshot_error"), lines: []string{a.p.Err(f.err)}, bad: true}
		a.rebuild = true
		return
	}
	s := a.snapshot
	s.view, s.title = f.view, a.t("snapshot_title", game.When("at", f.view.Now))
	s.scroll = map[string]*scrollArea{}
	a.scene = s
	a.rebuild = true
	a.ui.ClearFocus()
}

// snapshotScene shows the case as it stood at a point of the timeline,
// read-only: the link chart, map, inbox, calendar and case file of that
// moment with its damages, and the way back to the debrief.
type snapshotScene struct {
	view    *game.View
	title   string
	tab     string
	banner  []string
	bannerR image.Rectangle
	content image.Rectangle
	// damageLines counts the banner's last lines, which give the damages.
	damageLines int
	scroll      map[string]*scrollArea
	chart       chartState
	mp          mapState
	cal         calState
}

func (s *snapshotScene) id() string { return SceneSnapshot }

func (s *snapshotScene) area(tab string) *scrollArea {
	if s.scroll == nil {
		s.scroll = map[string]*scrollArea{}
	}
	sc := s.scroll[tab]
	if sc == nil {
		sc = &scrollArea{}
		s.scroll[tab] = sc
	}
	return sc
}

func (s *snapshotScene) update(a *App) []effect {
	for i, t := range []string{TabChart, TabMap, TabInbox, TabCalendar, TabCase} {
		if a.in.has(ebiten.KeyF1 + ebiten.Key(i)) {
			return []effect{{kind: effSnapTab, arg: t}}
		}
	}
	if a.in.has(ebiten.KeyEscape) {
		return []effect{goTo(SceneDebrief)}
	}
	return a.pageKeys(s.area(s.tab), false)
}

func (s *snapshotScene) build(a *App) {
	if s.view == nil {
		a.scene = a.debrief
		a.debrief.build(a)
		return
	}
	top := a.buildTopBar()
	pad := a.u(20)
	body := image.Rect(pad, top+a.u(12), a.w-pad, a.h-pad)
	// The banner says which moment this is, and the damages then; the way
	// back sits at its right.
	label := a.t("back_debrief")
	bw := a.buttonWidth(label) + a.u(20)
	textW := body.Dx() - bw - 3*a.u(16)
	s.banner = wrapText(s.title+" — "+a.t("read_only"), a.fonts.bold, float64(textW))
	dl := wrapText(a.meterText(s.view.Damages), a.fonts.body, float64(textW))
	s.banner, s.damageLines = append(s.banner, dl...), len(dl)
	bh := max(int(float64(len(s.banner))*a.fonts.lineBody)+2*a.u(10), a.u(70))
	s.bannerR = image.Rect(body.Min.X, body.Min.Y, body.Max.X, body.Min.Y+bh)
	a.addButton("back_debrief", label, image.Rect(body.Max.X-a.u(12)-bw, body.Min.Y+(bh-a.u(54))/2, body.Max.X-a.u(12), body.Min.Y+(bh+a.u(54))/2), bPrimary, goTo(SceneDebrief))
	tabs := []string{TabChart, TabMap, TabInbox, TabCalendar, TabCase}
	labels := a.tabLabels(tabs, body.Dx())
	rects, th := a.justify(image.Rect(body.Min.X, s.bannerR.Max.Y+a.u(8), body.Max.X, body.Max.Y), labels, a.u(52))
	for i, t := range tabs {
		kind := bTab
		if t == s.tab {
			kind = bTabOn
		}
		a.addButton("snap:"+t, labels[i], rects[i], kind, effect{kind: effSnapTab, arg: t})
	}
	s.content = image.Rect(body.Min.X, s.bannerR.Max.Y+a.u(8)+th+a.u(8), body.Max.X, body.Max.Y)
	inner := inset(s.content, a.u(2))
	switch s.tab {
	case TabChart:
		s.chart.build(a, inner, s.view, "", func(string) effect { return effect{} })
	case TabMap:
		s.mp.layout(a, inner, s.view, s.area(TabMap))
	case TabCalendar:
		s.cal.layout(a, inner, s.view, s.area(TabCalendar))
	default:
		a.register(s.area(s.tab), inset(s.content, a.u(14)))
	}
}

func (s *snapshotScene) paint(a *App, dst *ebiten.Image) {
	a.paintTopBar(dst)
	v := s.view
	a.drawPanel(dst, s.bannerR, a.c.panel2)
	y := float64(s.bannerR.Min.Y) + (float64(s.bannerR.Dy())-float64(len(s.banner))*a.fonts.lineBody)/2
	for i, l := range s.banner {
		face, col := a.fonts.bold, a.c.accent
		if i >= len(s.banner)-s.damageLines {
			face, col = a.fonts.body, a.c.text
		}
		a.drawText(dst, l, face, col, float64(s.bannerR.Min.X+a.u(16)), y+(a.fonts.lineBody-textHeight(face))/2)
		y += a.fonts.lineBody
	}
	a.drawPanel(dst, s.content, a.c.panel)
	sub := dst.SubImage(inset(s.content, a.u(2))).(*ebiten.Image)
	switch s.tab {
	case TabChart:
		s.chart.paint(a, sub, v, "")
	case TabMap:
		s.mp.paint(a, sub, v)
	case TabInbox:
		a.paintDoc(sub, s.area(TabInbox), a.inboxDoc(v))
	case TabCalendar:
		s.cal.paint(a, sub, v)
	case TabCase:
		a.paintDoc(sub, s.area(TabCase), a.caseDoc(v))
	}
}

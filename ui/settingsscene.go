package ui

import (
	"errors"
	"image"
	"net/url"
	"slices"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"takedown/records"
)

// SceneSettings is the settings scene's name, as the screenshot command
// takes it.
const SceneSettings = "settings"

// settingsField is one text field of the settings scene.
type settingsField struct {
	key    string // the recordSettings key it edits
	label  string // catalogue key of its label
	secret bool   // drawn as dots, never as typed
	edit   lineEdit
	r      image.Rectangle // on screen; empty when scrolled out of view
}

// placedText is a line of the settings scene at its place in the content.
type placedText struct {
	s  string
	st style
	y  int // from the content's top
	x  int
}

// settingsScene edits the settings kept between runs: the LRS the
// training records go to, the trainee's account, the folder reports are
// written to, and whether a key decision needs a reason. The credentials
// are drawn as dots, always. The records' settings take effect when saved.
type settingsScene struct {
	fields  []*settingsField
	focus   int // the field typed into
	filled  bool
	scroll  scrollArea
	panel   image.Rectangle
	texts   []placedText
	note    string // what the last Save did
	noteBad bool
}

func newSettingsScene() *settingsScene {
	return &settingsScene{fields: []*settingsField{
		{key: "lrs-endpoint", label: "settings.endpoint"},
		{key: "lrs-username", label: "settings.username", secret: true},
		{key: "lrs-password", label: "settings.password", secret: true},
		{key: "lrs-home", label: "settings.home"},
		{key: "lrs-account", label: "settings.account"},
		{key: "reports", label: "settings.reports"},
	}}
}

func (s *settingsScene) id() string { return SceneSettings }

// fill puts the saved settings in the fields.
func (s *settingsScene) fill(a *App) {
	for _, f := range s.fields {
		f.edit.set(*a.recSet.field(f.key))
		f.edit.hist = -1
	}
	s.filled = true
}

func (s *settingsScene) build(a *App) {
	if !s.filled {
		s.fill(a)
	}
	body := a.buildFrame([]pageButton{
		{key: "back", label: a.t("settings.back"), kind: bNormal, e: effect{kind: effSetting, arg: "records-back"}},
		{key: "send_now", label: a.t("settings.send_now"), kind: bNormal, e: effect{kind: effSetting, arg: "records-send"}, right: true},
		{key: "save_settings", label: a.t("settings.save"), kind: bPrimary, e: effect{kind: effSetting, arg: "records-save"}, right: true},
	})
	s.panel = body
	a.register(&s.scroll, inset(body, a.u(20)))
	s.scroll.buttons = true
	c := s.scroll.content(a)
	// Two columns when the panel is wide: the records at the left, the
	// reports and the decisions at the right, so that a large screen
	// shows every setting without scrolling.
	gapX := a.u(48)
	two := c.Dx()-a.u(8) >= 2*a.u(560)+gapX
	cw := min(c.Dx()-a.u(8), a.u(1300))
	if two {
		cw = min((c.Dx()-a.u(8)-gapX)/2, a.u(1000))
	}
	s.texts = s.texts[:0]
	x, y := 0, 0
	addText := func(str string, st style, gap int) {
		face, _, lh := a.face(st)
		y += a.u(float64(gap))
		for _, l := range wrapText(str, face, float64(cw)) {
			s.texts = append(s.texts, placedText{s: l, st: st, y: y, x: x})
			y += int(lh)
		}
	}
	type laid struct {
		f    *settingsField
		x, y int
	}
	var fields []laid
	addField := func(f *settingsField) {
		addText(a.t(f.label), stSmall, 12)
		y += a.u(4)
		fields = append(fields, laid{f, x, y})
		y += a.u(54)
	}
	addText(a.t("settings.records_head"), stHead, 0)
	addText(a.t("settings.records_about"), stDim, 4)
	for _, f := range s.fields[:5] {
		addField(f)
	}
	if l, warn := a.recordsLine(); l != "" {
		st := stBody
		if warn {
			st = stWarn
		}
		addText(a.t("records.head")+": "+l, st, 14)
	}
	if s.note != "" {
		st := stGood
		if s.noteBad {
			st = stBad
		}
		addText(s.note, st, 8)
	}
	left := y
	if two {
		x, y = cw+gapX, -a.u(24)
	}
	addText(a.t("settings.reports_head"), stHead, 24)
	addText(a.t("settings.reports_about"), stDim, 4)
	addField(s.fields[5])
	addText(a.t("settings.decisions_head"), stHead, 24)
	reason := a.t("setting_reason_optional")
	if a.reasonRequired {
		reason = a.t("setting_reason_required")
	}
	toggleW := min(a.buttonWidth(reason), cw)
	// A label wider than the column goes on two lines or more.
	n := len(wrapText(reason, a.fonts.button, float64(toggleW-2*a.u(6))))
	bh := max(a.u(52), int(float64(n)*a.fonts.lineButton)+a.u(14))
	y += a.u(10)
	toggleY := y
	y += bh
	s.scroll.setMax(float64(max(y, left)))
	off := image.Pt(c.Min.X, c.Min.Y-int(s.scroll.skip()))
	for _, l := range fields {
		r := image.Rect(l.x, l.y, l.x+cw, l.y+a.u(54)).Add(off)
		l.f.r = image.Rectangle{}
		if r.In(c) {
			l.f.r = r
		}
	}
	if r := image.Rect(x, toggleY, x+toggleW, toggleY+bh).Add(off); r.In(c) {
		a.addButton("set:reason", reason, r, bQuiet, effect{kind: effSetting, arg: "reason"})
	}
}

func (s *settingsScene) update(a *App) []effect {
	var out []effect
	if a.in.Left && !a.prev.Left {
		p := image.Pt(a.in.X, a.in.Y)
		for i, f := range s.fields {
			if p.In(f.r) {
				s.focus = i
				a.ui.ClearFocus()
				out = append(out, repaint())
			}
		}
	}
	if a.ui.GetFocusedWidget() == nil && s.focus >= 0 && s.focus < len(s.fields) {
		in := a.in
		// Up and Down move between the fields; the field itself keeps no
		// history to recall.
		in.Keys = slices.DeleteFunc(slices.Clone(in.Keys), func(k ebiten.Key) bool {
			switch k {
			case ebiten.KeyArrowUp:
				s.move(-1)
				out = append(out, repaint())
				return true
			case ebiten.KeyArrowDown:
				s.move(1)
				out = append(out, repaint())
				return true
			}
			return false
		})
		changed, enter := s.fields[s.focus].edit.edit(&in, nil)
		if changed {
			a.dirty = max(a.dirty, 2)
		}
		if enter {
			s.move(1)
			out = append(out, repaint())
		}
	}
	return append(out, a.pageKeys(&s.scroll, false)...)
}

// move moves the typing to the next (or previous) field.
func (s *settingsScene) move(d int) {
	s.focus = (s.focus + d + len(s.fields)) % len(s.fields)
}

func (s *settingsScene) paint(a *App, dst *ebiten.Image) {
	a.paintTopBar(dst)
	a.drawPanel(dst, s.panel, a.c.panel)
	c := s.scroll.content(a)
	sub := dst.SubImage(c).(*ebiten.Image)
	skip := int(s.scroll.skip())
	for _, t := range s.texts {
		face, col, lh := a.face(t.st)
		top := float64(c.Min.Y+t.y-skip) + (lh-textHeight(face))/2
		if top < float64(c.Min.Y)-0.5 || top+textHeight(face) > float64(c.Max.Y)+0.5 {
			continue
		}
		a.drawText(sub, t.s, face, col, float64(c.Min.X+t.x), top)
	}
	a.paintScrollbar(dst, &s.scroll)
}

// drawLive draws the fields, the one typed into with its caret.
func (s *settingsScene) drawLive(a *App, screen *ebiten.Image) {
	for i, f := range s.fields {
		if f.r.Empty() {
			continue
		}
		shown := f.edit
		if f.secret {
			shown.text = []rune(strings.Repeat("•", len(f.edit.text)))
		}
		if i == s.focus && a.ui.GetFocusedWidget() == nil {
			a.drawLineEdit(screen, f.r, &shown, "")
			sw := float32(max(2, a.u(3)))
			vector.StrokeRect(screen, float32(f.r.Min.X), float32(f.r.Min.Y), float32(f.r.Dx()), float32(f.r.Dy()), sw, a.c.accent, false)
			continue
		}
		a.drawPanel(screen, f.r, a.c.term)
		face := a.fonts.mono
		s := string(shown.text)
		for text.Advance(s, face) > float64(f.r.Dx()-2*a.u(12)) && s != "" {
			rs := []rune(s)
			s = string(rs[:len(rs)-1])
		}
		op := &text.DrawOptions{}
		op.GeoM.Translate(float64(f.r.Min.X+a.u(12)), float64(f.r.Min.Y)+(float64(f.r.Dy())-textHeight(face))/2)
		op.ColorScale.ScaleWithColor(a.c.text)
		text.Draw(screen, s, face, op)
	}
}

// applySetting carries out the settings scene's buttons.
func (a *App) applySetting(arg string) {
	s := a.settings
	switch arg {
	case "records-back":
		s.filled, s.note = false, ""
		a.goTo(SceneTitle)
	case "records-send":
		if a.keeper != nil {
			a.keeper.retry()
		}
		s.note, s.noteBad = a.t("settings.sending"), false
		a.rebuild = true
	case "records-save":
		set := a.recSet
		for _, f := range s.fields {
			*set.field(f.key) = f.edit.String()
		}
		if problems := a.checkRecordSettings(set); len(problems) > 0 {
			s.note, s.noteBad = strings.Join(problems, " "), true
			a.rebuild = true
			return
		}
		a.recSet = set
		a.saveSettings()
		if a.keeper != nil {
			a.keeper.configure(set)
		}
		s.note, s.noteBad = a.t("settings.saved"), false
		a.rebuild = true
	}
}

// checkRecordSettings says what is wrong with the records' settings, in
// the reader's language.
func (a *App) checkRecordSettings(set recordSettings) []string {
	var out []string
	if set.endpoint != "" || set.username != "" || set.password != "" {
		if _, err := set.config(); err != nil {
			var ce *records.ConfigError
			fields := map[string]bool{}
			for _, e := range unjoin(err) {
				if errors.As(e, &ce) {
					fields[ce.Field] = true
				}
			}
			if fields["endpoint"] {
				out = append(out, a.t("settings.bad_endpoint"))
			}
			if len(fields) > 1 || !fields["endpoint"] {
				out = append(out, a.t("settings.bad_credentials"))
			}
		}
	}
	if set.home != "" {
		if u, err := url.Parse(set.home); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			out = append(out, a.t("settings.bad_home"))
		}
	}
	if strings.Contains(set.account, "@") {
		out = append(out, a.t("settings.no_email"))
	}
	if acc := set.accountOf(); acc.Name != "" {
		actor := records.Actor{ObjectType: "Agent", Account: acc}
		if err := actor.Check(); err != nil && len(out) == 0 {
			out = append(out, a.t("settings.bad_home"))
		}
	}
	return out
}

// unjoin lists the errors joined in err, recursively.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, unjoin(e)...)
		}
		return out
	}
	return []error{err}
}

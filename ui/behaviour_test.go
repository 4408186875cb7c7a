package ui

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"takedown/game"
	"takedown/save"
	"takedown/scenarios"
)

// midgame makes an app two days into the reference case, on the desk.
func midgame(t *testing.T) *driver {
	t.Helper()
	return stateDriver(t, caseStates()[2])
}

// lastEntry returns the last command of the session's log.
func (d *driver) lastEntry() game.LogEntry {
	d.t.Helper()
	l, err := game.ParseLog(bytes.NewReader(d.app.m.log))
	if err != nil {
		d.t.Fatal(err)
	}
	if len(l.Entries) == 0 {
		return game.LogEntry{}
	}
	return l.Entries[len(l.Entries)-1]
}

// TestMenuTakesItsClicks opens the site's context menu and clicks an
// action that lies over another box: the action runs, and the box below
// is not selected. A click outside the menu only closes it.
func TestMenuTakesItsClicks(t *testing.T) {
	d := midgame(t)
	d.rightClick("node:kadr-hd.ru")
	if d.app.desk.popup != "kadr-hd.ru" {
		t.Fatalf("right click opened the menu of %q", d.app.desk.popup)
	}
	// An item over another entity's box, if the layout put one there.
	item := "menu:dns kadr-hd.ru"
	r := d.target(item)
	for id, nr := range d.app.desk.chart.nodes {
		if id != "kadr-hd.ru" && nr.Overlaps(r) {
			t.Logf("the menu item lies over %s", id)
		}
	}
	before := len(d.logLines())
	d.click(item)
	if got := d.logLines(); len(got) != before+1 || got[len(got)-1] != "dns kadr-hd.ru" {
		t.Fatalf("clicking the menu item logged %v", got[before:])
	}
	if d.app.desk.selected != "kadr-hd.ru" {
		t.Errorf("the click reached the box under the menu: %q selected", d.app.desk.selected)
	}
	// Open it again and click beside it, on another box.
	d.rightClick("node:kadr-hd.ru")
	menu := d.app.desk.menu.r
	var other string
	for id, nr := range d.app.desk.chart.nodes {
		if id != "kadr-hd.ru" && !nr.Overlaps(menu) {
			other = id
			break
		}
	}
	if other == "" {
		t.Skip("no box outside the menu")
	}
	before = len(d.logLines())
	d.click("node:" + other)
	if d.app.desk.popup != "" {
		t.Error("a click outside the menu did not close it")
	}
	if d.app.desk.selected != "kadr-hd.ru" || len(d.logLines()) != before {
		t.Errorf("a click outside the menu also acted: selected %q, %d new commands", d.app.desk.selected, len(d.logLines())-before)
	}
}

// TestHandoffGoesThroughTheChecklist sends the package from the context
// menu: the menu leads to the checklist, the checklist's button asks, and
// the reason typed goes into the log with the command.
func TestHandoffGoesThroughTheChecklist(t *testing.T) {
	d := midgame(t)
	if !d.has("node:inv-dept") {
		d.click("parties")
	}
	d.rightClick("node:inv-dept")
	d.click("menu:handoff inv-dept")
	if d.app.Scene() != SceneHandoff {
		t.Fatalf("the menu's hand-off led to %s, want the checklist", d.app.Scene())
	}
	before := len(d.logLines())
	d.click("cmd:handoff inv-dept")
	title, lines := d.app.Overlay()
	if title == "" || !d.has("yes") {
		t.Fatalf("sending the package did not ask first")
	}
	if !strings.Contains(strings.Join(lines, "\n"), "✗") {
		t.Errorf("the question does not list what the package lacks: %q", lines)
	}
	if len(d.logLines()) != before {
		t.Fatal("the package went before the answer")
	}
	d.typeLine("the damages are proven") // Enter answers Yes
	e := d.lastEntry()
	if e.Line != "handoff inv-dept" || e.Why != "the damages are proven" {
		t.Errorf("logged %q with reason %q", e.Line, e.Why)
	}
}

// TestTypedFinalCommandAsks types a command that cannot be undone: it
// asks as its button would, and No leaves the case as it was.
func TestTypedFinalCommandAsks(t *testing.T) {
	d := midgame(t)
	before := len(d.logLines())
	d.typeLine("handoff inv-dept")
	if !d.has("no") {
		t.Fatal("a typed hand-off did not ask")
	}
	d.click("no")
	if len(d.logLines()) != before {
		t.Error("No sent the package")
	}
}

// TestReasonCanBeRequired turns the setting on: Yes without a reason says
// so and does nothing.
func TestReasonCanBeRequired(t *testing.T) {
	d := midgame(t)
	d.onLoop(func() { d.app.reasonRequired = true })
	before := len(d.logLines())
	d.typeLine("handoff inv-dept")
	d.click("yes")
	if len(d.logLines()) != before || d.app.overlay == nil || d.app.overlay.note == "" {
		t.Fatal("Yes without a required reason went ahead, or said nothing")
	}
	d.typeLine("case is ready")
	if e := d.lastEntry(); e.Line != "handoff inv-dept" || e.Why != "case is ready" {
		t.Errorf("logged %q with reason %q", e.Line, e.Why)
	}
}

// TestHelpReadsFromTheTop types help: the console shows the answer from
// its start, not its last lines.
func TestHelpReadsFromTheTop(t *testing.T) {
	d := midgame(t)
	d.typeLine("help")
	s := &d.app.desk.console
	if s.max <= 0 {
		t.Skip("the help fits the console")
	}
	if s.pos == 0 {
		t.Errorf("after help the console shows the last lines (scrolled %v of %v)", s.pos, s.max)
	}
}

// TestTyposGetASuggestion types a verb and a name with a typo: the
// rules put what was probably meant into the refusal, and the console
// shows it.
func TestTyposGetASuggestion(t *testing.T) {
	d := midgame(t)
	for _, line := range []string{"whoiss kadr-hd.ru", "whois kadr-hd.r"} {
		d.typeLine(line)
		c := d.app.m.console
		last := c[len(c)-1]
		if last.err == nil {
			t.Fatalf("%q was not refused", line)
		}
		var u *game.UsageError
		if !errors.As(last.err, &u) {
			t.Fatalf("%q: %v is not a usage error", line, last.err)
		}
		sug, ok := u.Msg.Arg("suggest")
		if !ok || sug.Str == "" {
			// The rules suggest verbs; names are theirs to add.
			t.Logf("%q: the rules give no suggestion (%s)", line, u.Msg.ID)
			continue
		}
		if msg := d.app.p.Err(last.err); !strings.Contains(msg, sug.Str) {
			t.Errorf("%q: the console shows %q, without the suggestion %q", line, msg, sug.Str)
		}
	}
}

// TestEmptyDeskSaysWhereToStart opens a new case: the desk names the first
// step from the View, and the site's actions are shown.
func TestEmptyDeskSaysWhereToStart(t *testing.T) {
	d := stateDriver(t, caseStates()[1])
	d.click("to_desk")
	txt, act := d.app.firstStep()
	if txt == "" || act == nil || act.Line != "whois kadr-hd.ru" {
		t.Fatalf("first step %q %v", txt, act)
	}
	if !d.has("cmd:whois kadr-hd.ru") {
		t.Error("the site's actions are not on the desk")
	}
	d.click("cmd:whois kadr-hd.ru")
	if txt, _ := d.app.firstStep(); txt != "" {
		t.Error("the first step stays after the first command")
	}
}

// TestTimelineOpensTheCaseThen clicks an entry of the debrief's timeline:
// the case as it stood then is shown, read-only, and Back returns.
func TestTimelineOpensTheCaseThen(t *testing.T) {
	d := stateDriver(t, caseStates()[3])
	d.onLoop(func() { _ = d.app.SetScene(SceneDebrief + "-" + pageTimeline) })
	d.idle(2)
	var key string
	for _, k := range d.app.Targets() {
		if strings.HasPrefix(k, "tl:") {
			key = k
			break
		}
	}
	if key == "" {
		t.Fatal("no timeline entry can be opened")
	}
	d.click(key)
	if d.app.Scene() != SceneSnapshot {
		t.Fatalf("the entry led to %s", d.app.Scene())
	}
	if got, all := d.app.snapshot.view.Entries, d.app.View().Entries; got >= all {
		t.Errorf("the snapshot has %d commands of %d: not an earlier point", got, all)
	}
	d.click("snap:" + TabMap)
	d.click("back_debrief")
	if !strings.HasPrefix(d.app.Scene(), SceneDebrief) {
		t.Errorf("Back led to %s", d.app.Scene())
	}
}

// TestPresenterModeIsRemembered turns presenter mode on with F6: the next
// start is in presenter mode, its text a thirtieth of the screen.
func TestPresenterModeIsRemembered(t *testing.T) {
	dir := t.TempDir()
	store, err := save.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Size: size720, Source: src, Store: store, Scenarios: []string{scenarios.Default}})
	})
	d.key(ebiten.KeyF6)
	if !d.app.presenter {
		t.Fatal("F6 did not turn presenter mode on")
	}
	d.onLoop(d.app.Close)
	store.Close()
	store2, err := save.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store2.Close()
	r := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Size: size720, Source: src, Store: store2, Scenarios: []string{scenarios.Default}})
	})
	if !r.app.presenter {
		t.Error("presenter mode was not remembered")
	}
	if r.app.fonts.px < 24 {
		t.Errorf("presenter body text at 720p is %.0f px, want 24 or more", r.app.fonts.px)
	}
}

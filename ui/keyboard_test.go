package ui

import (
	"testing"

	"github.com/ebitenui/ebitenui/widget"
	"github.com/hajimehoshi/ebiten/v2"

	"takedown/scenarios"
)

// focusOn presses Tab until the named button has the focus.
func (d *driver) focusOn(key string) {
	d.t.Helper()
	for i := 0; i < 80; i++ {
		if b := d.app.buttons[key]; b != nil && d.app.ui.GetFocusedWidget() == widget.Focuser(b) {
			return
		}
		d.key(ebiten.KeyTab)
	}
	d.t.Fatalf("Tab never reached %q on %s", key, d.app.Scene())
}

// TestKeyboardOnly starts a case, selects an entity on the link chart and
// runs one of its actions without the mouse.
func TestKeyboardOnly(t *testing.T) {
	d := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Size: size720, Source: src, Scenarios: []string{scenarios.Default}})
	})
	d.focusOn("start")
	d.key(ebiten.KeyEnter)
	d.idle(2)
	if d.app.Scene() != SceneBriefing {
		t.Fatalf("Enter on Start led to %s", d.app.Scene())
	}
	d.focusOn("to_desk")
	d.key(ebiten.KeyEnter)
	d.idle(2)
	if d.app.Scene() != "desk:chart" {
		t.Fatalf("Enter on the briefing's button led to %s", d.app.Scene())
	}
	d.focusOn("node:kadr-hd.ru")
	d.key(ebiten.KeyEnter)
	d.idle(2)
	if d.app.desk.selected != "kadr-hd.ru" {
		t.Fatalf("Enter on the site's box selected %q", d.app.desk.selected)
	}
	d.focusOn("cmd:whois kadr-hd.ru")
	d.step(Input{Chars: []rune{' '}}, false)
	d.idle(2)
	d.settle()
	log := d.logLines()
	if len(log) != 1 || log[0] != "whois kadr-hd.ru" {
		t.Fatalf("Space on the whois button logged %v", log)
	}
	// Typing takes the focus back to the console.
	d.typeLine("dns kadr-hd.ru")
	if n := len(d.logLines()); n != 2 {
		t.Fatalf("typing after a button logged %d commands, want 2", n)
	}
	// F2 opens the map.
	d.key(ebiten.KeyF2)
	if d.app.Scene() != "desk:map" {
		t.Errorf("F2 showed %s", d.app.Scene())
	}
}

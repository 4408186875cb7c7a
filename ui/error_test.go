package ui

import (
	"strings"
	"testing"
)

// TestScriptErrorOverlay plays a scenario whose handler fails: the window
// shows file:line: message, keeps running, and the command stays done.
func TestScriptErrorOverlay(t *testing.T) {
	d := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Scenario: "testdata/broken.lua", Size: size720, Source: src})
	})
	d.click("to_desk")
	d.typeLine("capture kadr-hd.ru")
	title, lines := d.app.Overlay()
	if title == "" {
		t.Fatal("no overlay after the script error")
	}
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "testdata/broken.lua:") {
		t.Fatalf("overlay lines %q, want testdata/broken.lua:LINE: message", lines)
	}
	d.golden("script-error")
	d.click("dismiss")
	if title, _ := d.app.Overlay(); title != "" {
		t.Fatal("Continue did not close the overlay")
	}
	if n := len(d.logLines()); n != 1 {
		t.Errorf("%d commands logged after the error, want 1: progress must be kept", n)
	}
	d.typeLine("dns kadr-hd.ru")
	if n := len(d.logLines()); n != 2 {
		t.Errorf("%d commands logged, want 2: play must go on after the error", n)
	}
}

// TestLoadErrorKeepsRunning opens a scenario that cannot load: the title
// shows the positioned problems and the app goes on.
func TestLoadErrorKeepsRunning(t *testing.T) {
	d := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Scenario: "testdata/no-such.lua", Size: size720, Source: src})
	})
	title, lines := d.app.Overlay()
	if title == "" || len(lines) == 0 || !strings.Contains(lines[0], "no-such.lua") {
		t.Fatalf("overlay %q %q, want the file named", title, lines)
	}
	if d.app.Scene() != SceneTitle {
		t.Errorf("scene %s, want the title", d.app.Scene())
	}
	d.click("dismiss")
	d.click("scenario:film-site")
	d.click("start")
	if d.app.Scene() != SceneBriefing {
		t.Errorf("after the error, Start led to %s", d.app.Scene())
	}
}

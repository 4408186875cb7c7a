package ui

import (
	"os"

	"path/filepath"
	"strings"
	"takedown/catalog"
	"takedown/game"
	"testing"
	"time"
)

func TestReloadReplaysTheSessionOnTheNewVersion(t *testing.T) {
	dir := t.TempDir()
	orig, err := os.ReadFile("../scenarios/film-site.lua")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "film-site.lua")
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	cat := catalog.New()
	p, err := compileRef(cat, path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := startLocal(p, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{"whois kadr-hd.ru", "dns kadr-hd.ru", "asn 198.51.100.23", "capture kadr-hd.ru"} {
		if _, err := m.eng.Exec(game.LogEntry{Line: l}); err != nil {
			t.Fatal(err)
		}
	}
	m.view = m.eng.View()
	w := newWatcher(m.src, 1)
	if w.poll() {
		t.Fatal("an unchanged file was seen as changed")
	}

	// The author rewords a host's name: the session comes back to the same point.
	edited := strings.Replace(string(orig), `name = "Nordhost B.V.",`, `name = "Nordhost Hosting B.V.",`, 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(path, time.Now().Add(time.Second), time.Now().Add(time.Second))
	if !w.poll() {
		t.Fatal("the change was not noticed")
	}
	nm, err := reloadMatch(cat, m)
	if err != nil {
		t.Fatal(err)
	}
	if nm.view.Now != m.view.Now || nm.view.Entries != 4 || len(nm.view.Evidence) != 1 {
		t.Errorf("reloaded session is not at the same point: now %v vs %v, log %d", nm.view.Now, m.view.Now, nm.view.Entries)
	}
	if nm.name("nordhost", "en") != "Nordhost Hosting B.V." {
		t.Errorf("the new version was not taken: %q", nm.name("nordhost", "en"))
	}

	// A mistake keeps the previous version running and says where it is.
	if err := os.WriteFile(path, []byte(strings.Replace(edited, "\nreturn {", "\nadd_entity { id = \"x\", kind = \"org\", colour = 1 }\nreturn {", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := reloadMatch(cat, nm); err == nil || !strings.Contains(err.Error(), "film-site.lua:") || !strings.Contains(err.Error(), `unknown field "colour"`) {
		t.Fatalf("want a positioned error, got %v", err)
	}
	if nm.eng.View().Entries != 4 {
		t.Error("the running session changed after a failed reload")
	}
}

func TestWatcherIgnoresEmbeddedScenarios(t *testing.T) {
	src, err := catalog.New().Find("film-site")
	if err != nil {
		t.Fatal(err)
	}
	if w := newWatcher(src, 1); w != nil {
		t.Error("an embedded scenario was watched")
	}
}

// TestHotReloadInTheWindow edits the scenario file while the app runs: the
// app takes the new version at the same point; a broken edit shows the
// positioned error and the previous version keeps running.
func TestHotReloadInTheWindow(t *testing.T) {
	dir := t.TempDir()
	orig, _ := os.ReadFile("../scenarios/film-site.lua")
	path := filepath.Join(dir, "film-site.lua")
	os.WriteFile(path, orig, 0o644)
	d := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Scenario: path, Size: size720, Source: src})
	})
	d.click("to_desk")
	d.typeLine("dns kadr-hd.ru")
	d.typeLine("asn 198.51.100.23")

	edited := strings.Replace(string(orig), `name = "Nordhost B.V.",`, `name = "Nordhost Hosting B.V.",`, 1)
	os.WriteFile(path, []byte(edited), 0o644)
	os.Chtimes(path, time.Now().Add(2*time.Second), time.Now().Add(2*time.Second))
	d.idle(reloadInterval + 2)
	if got := d.app.m.name("nordhost", "en"); got != "Nordhost Hosting B.V." {
		t.Fatalf("the edit was not taken: %q", got)
	}
	if n := len(d.logLines()); n != 2 {
		t.Errorf("%d commands after reload, want 2", n)
	}

	broken := strings.Replace(edited, "\nreturn {", "\nadd_entity { id = \"x\", kind = \"org\", colour = 1 }\nreturn {", 1)
	os.WriteFile(path, []byte(broken), 0o644)
	os.Chtimes(path, time.Now().Add(4*time.Second), time.Now().Add(4*time.Second))
	d.idle(reloadInterval + 2)
	title, lines := d.app.Overlay()
	if title == "" || len(lines) == 0 || !strings.Contains(strings.Join(lines, "\n"), `film-site.lua:`) {
		t.Fatalf("overlay %q %q, want the positioned problem", title, lines)
	}
	d.click("dismiss")
	d.typeLine("whois kadr-hd.ru")
	if n := len(d.logLines()); n != 3 {
		t.Errorf("the previous version stopped: %d commands logged, want 3", n)
	}
}

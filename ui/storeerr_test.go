package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"takedown/catalog"
	"takedown/game"
	"takedown/save"
)

// TestSecondWindowSaysSavesAreOff checks that a window started while
// another has the save folder open says, in the window, that nothing will
// be saved and why, and still plays.
func TestSecondWindowSaysSavesAreOff(t *testing.T) {
	dir := t.TempDir()
	first, err := save.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	_, lockErr := save.Open(dir)
	if lockErr == nil {
		t.Skip("this platform cannot lock the save folder")
	}
	d := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Scenario: "film-site", Size: size720, Source: src, StoreErr: lockErr})
	})
	title, lines := d.app.Overlay()
	if title != "Progress will not be saved" {
		t.Fatalf("overlay %q, want the saves-off warning", title)
	}
	if len(lines) != 1 || !strings.Contains(lines[0], dir) || !strings.Contains(lines[0], "another running Takedown") {
		t.Errorf("overlay lines %q, want the folder and the other Takedown named", lines)
	}
	d.click("dismiss")
	d.click("to_desk")
	d.typeLine("whois kadr-hd.ru")
	if n := len(d.logLines()); n != 1 {
		t.Errorf("%d commands played after the warning, want 1", n)
	}
}

// TestPartlyReplayedSaveIsKeptWhole checks that when a changed scenario
// replays only the first commands of a save, the whole save is kept aside
// before anything is saved over it, and the trainee is told where.
func TestPartlyReplayedSaveIsKeptWhole(t *testing.T) {
	dir := t.TempDir()
	orig, err := os.ReadFile("../scenarios/film-site.lua")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "film-site.lua")
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	store, err := save.Open(filepath.Join(dir, "saves"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
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
	id, err := scenarioID(p)
	if err != nil {
		t.Fatal(err)
	}
	whole := encodeSave(savedState{source: path, lang: "en", scene: SceneDesk, log: m.eng.LogText()})
	m.eng.Close()
	if _, err := store.Write(saveName(id), whole); err != nil {
		t.Fatal(err)
	}

	// The author renumbers the host's address: the third command no longer replays.
	if err := os.WriteFile(path, []byte(strings.ReplaceAll(string(orig), "198.51.100.23", "198.51.100.99")), 0o644); err != nil {
		t.Fatal(err)
	}
	o := loadSession(catalog.New(), store, path, true, false, false, 1)
	if o.m == nil || o.err == nil {
		t.Fatalf("want a partly replayed session and its error, got %v, %v", o.m, o.err)
	}
	defer o.m.eng.Close()
	if n := o.m.eng.View().Entries; n != 2 {
		t.Fatalf("%d commands replayed, want 2", n)
	}
	if o.copyErr != nil || !strings.HasPrefix(o.copied, store.Dir()) {
		t.Fatalf("copy %q, %v; want a file in the save folder", o.copied, o.copyErr)
	}
	raw, err := os.ReadFile(o.copied)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, whole) {
		t.Error("the kept copy does not hold the whole save")
	}
	for range 4 { // more saves than the store keeps generations
		if _, err := store.Write(saveName(id), encodeSave(savedState{source: path, log: o.m.eng.LogText()})); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(o.copied); err != nil {
		t.Errorf("the kept copy did not survive later saves: %v", err)
	}
}

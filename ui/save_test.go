package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"takedown/save"
)

// TestSaveAndResume plays a few commands, then opens the scenario again
// from the same save folder and checks it resumes at the same point; then
// damages the newest save and checks the app says so and falls back to the
// previous good one.
func TestSaveAndResume(t *testing.T) {
	dir := t.TempDir()
	store, err := save.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Scenario: "film-site", Size: size720, Source: src, Store: store})
	})
	d.click("to_desk")
	for _, line := range []string{"whois kadr-hd.ru", "dns kadr-hd.ru", "asn 198.51.100.23"} {
		d.typeLine(line)
	}
	d.click("tab:" + TabMap)
	want := d.app.View().Checksum
	if n := len(d.logLines()); n != 3 {
		t.Fatalf("%d commands logged, want 3", n)
	}
	d.onLoop(d.app.Close)
	store.Close()

	// A second window on the same folder resumes where the first stopped.
	store2, err := save.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	r := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Scenario: "film-site", Size: size720, Source: src, Store: store2})
	})
	if got := r.app.View().Checksum; got != want {
		t.Errorf("resumed at checksum %s, want %s", got, want)
	}
	if r.app.Scene() != "desk:map" {
		t.Errorf("resumed on %s, want desk:map", r.app.Scene())
	}
	if title, _ := r.app.Overlay(); title != "" {
		t.Errorf("resuming a good save showed %q", title)
	}

	r.onLoop(r.app.Close)
	store2.Close()

	// Damage the newest file: the app says so and resumes the one before.
	newest := filepath.Join(dir, saveName("film-site")+".sav")
	b, err := os.ReadFile(newest)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)-5] ^= 0x55
	if err := os.WriteFile(newest, b, 0o644); err != nil {
		t.Fatal(err)
	}
	store3, err := save.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	c := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Scenario: "film-site", Size: size720, Source: src, Store: store3})
	})
	title, lines := c.app.Overlay()
	if title == "" || len(lines) == 0 {
		t.Fatalf("a damaged save showed no message")
	}
	if !strings.Contains(strings.Join(lines, "\n"), saveName("film-site")) {
		t.Errorf("the message does not name the save: %q", lines)
	}
	if n := len(c.logLines()); n != 3 {
		// The tab switch was saved last, so the generation before it
		// still holds all three commands.
		t.Errorf("fell back to a save with %d commands, want 3", n)
	}
	c.key(escapeKeyForTest)
	if title, _ := c.app.Overlay(); title != "" {
		t.Errorf("Escape did not dismiss the message")
	}
}

package room

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"takedown/catalog"
	"takedown/game"
)

// playAll plays commands and lets the rules refuse some: walkthroughs of
// other seeds may meet another state in the room's.
func playAll(c *Client, lines []string) {
	for _, l := range lines {
		_, _ = c.Exec(game.LogEntry{Line: l})
	}
}

// The export holds the whole room; read back, every log replays to the
// state the host and the app reached.
func TestExportReplays(t *testing.T) {
	h := startHost(t, filmSite(t), Options{Seed: 7})
	a, b, c := join(t, h, "Anna", "Red"), join(t, h, "Boris", "Blue"), join(t, h, "Chen", "")
	playAll(a, moves(t, "win"))
	playAll(b, moves(t, "lose-early-takedown"))
	playAll(c, moves(t, "win")[:7])
	if _, err := h.Notice(Target{}, "Five minutes"); err != nil {
		t.Fatal(err)
	}
	for _, cl := range []*Client{a, b, c} {
		waitFor(t, "the notice", func() bool { return instructorEntries(cl) == 1 || cl.Status().Ended })
	}
	syncAll(t, a, b, c)

	path := filepath.Join(t.TempDir(), ArchiveName(h.Code(), h.opt.Now()))
	if err := h.ExportFile(path); err != nil {
		t.Fatal(err)
	}
	ar, err := ReadArchive(path)
	if err != nil {
		t.Fatal(err)
	}
	m := ar.Manifest
	if m.Seed != 7 || m.Scenario.ID != "film-site" || m.Scenario.Hash != h.bundle.Hash || len(m.Trainees) != 3 || len(m.Orders) != 1 {
		t.Fatalf("manifest: %+v", m)
	}
	prog, err := ar.Compile(LocalCompiler(catalog.New()))
	if err != nil {
		t.Fatal(err)
	}
	for i, cl := range []*Client{a, b, c} {
		s, err := ar.Replay(prog, i)
		if err != nil {
			t.Fatalf("replay %s: %v", m.Trainees[i].Name, err)
		}
		if got, want := string(s.LogText()), string(cl.LogText()); got != want {
			t.Errorf("%s: replayed log differs from the app's", m.Trainees[i].Name)
		}
		if s.Game().Checksum() != m.Trainees[i].Checksum || s.Game().Checksum() != cl.View().Checksum {
			t.Errorf("%s: checksum %s, manifest %s", m.Trainees[i].Name, s.Game().Checksum(), m.Trainees[i].Checksum)
		}
		s.Close()
	}
	if m.Trainees[0].Result != "win" || m.Trainees[2].Ending != "" {
		t.Errorf("outcomes: %+v", m.Trainees)
	}
}

// A damaged or hostile archive is refused with the reason, never trusted.
func TestReadArchiveRefusesBadFiles(t *testing.T) {
	h := startHost(t, filmSite(t), Options{})
	playAll(join(t, h, "Anna", ""), moves(t, "win")[:3])
	var good bytes.Buffer
	if err := h.Export(&good); err != nil {
		t.Fatal(err)
	}
	// rewrite copies the good archive, changing files.
	rewrite := func(change func(name string, b []byte) []byte) []byte {
		zr, err := zip.NewReader(bytes.NewReader(good.Bytes()), int64(good.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		zw := zip.NewWriter(&out)
		for _, f := range zr.File {
			rc, _ := f.Open()
			var b bytes.Buffer
			b.ReadFrom(rc)
			rc.Close()
			nb := change(f.Name, b.Bytes())
			if nb == nil {
				continue
			}
			w, _ := zw.Create(f.Name)
			w.Write(nb)
		}
		zw.Close()
		return out.Bytes()
	}
	manifest := func(edit func(m *Manifest)) func(string, []byte) []byte {
		return func(name string, b []byte) []byte {
			if name != "manifest.json" {
				return b
			}
			var m Manifest
			json.Unmarshal(b, &m)
			edit(&m)
			nb, _ := json.Marshal(m)
			return nb
		}
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("hello"), "not a room archive"},
		{"no manifest", rewrite(func(n string, b []byte) []byte {
			if n == "manifest.json" {
				return nil
			}
			return b
		}), "lacks manifest.json"},
		{"newer", rewrite(manifest(func(m *Manifest) { m.Version = ArchiveVersion + 1 })), "made by a newer release"},
		{"other format", rewrite(manifest(func(m *Manifest) { m.Format = "zip" })), `format "zip"`},
		{"escaping path", rewrite(manifest(func(m *Manifest) { m.Trainees[0].Log = "../../etc/passwd" })), "lacks ../../etc/passwd"},
		{"bad log", rewrite(func(n string, b []byte) []byte {
			if strings.HasPrefix(n, "logs/") {
				return []byte("takedown-log 2\nscenario film-site x\n")
			}
			return b
		}), "logs/t1.log"},
		{"huge scenario", rewrite(func(n string, b []byte) []byte {
			if n == "scenario/scenario.lua" {
				return make([]byte, catalog.MaxScenario+1)
			}
			return b
		}), "larger than"},
	} {
		_, err := ReadArchiveFrom(bytes.NewReader(tc.data), int64(len(tc.data)))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

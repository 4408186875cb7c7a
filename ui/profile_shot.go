package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"time"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
	"takedown/i18n"
	"takedown/records"
	"takedown/save"
	"takedown/walkthrough"
)

// SceneProfile is the title scene of a trainee who has played: the
// screenshot command and the tests make saves for it (profile_shot.go).
const SceneProfile = "profile"

// profileSessions are the sessions the profile screenshot's trainee has:
// a walkthrough each, played to the end or for its first commands only.
func profileSessions() []struct {
	scenario, moves string
	commands        int // 0 plays all
} {
	return []struct {
		scenario, moves string
		commands        int
	}{
		{"film-site", "scenarios/film-site.win.moves", 0},
		{"music-store", "scenarios/music-store.lose-early-takedown.moves", 0},
		{"software-site", "scenarios/software-site.win.moves", 9},
	}
}

// shotAccount is the profile screenshot's trainee: an account number on
// an academy's LMS, and an LRS that the app never sends to (its keeper
// holds the statements), as the settings scene shows them; the key and
// secret are drawn as dots.
func shotAccount() recordSettings {
	return recordSettings{home: "https://lms.academy.example/", account: "1625378",
		endpoint: "https://lrs.academy.example/xapi/", username: "academy-key", password: "academy-secret"}
}

// writeProfileSaves plays the profile's sessions headless with a fixed
// clock and keeps each in the store, as the app saves it, and its
// statements in the outbox folder.
func writeProfileSaves(cat *catalog.Catalog, store Store, outDir string, lang game.Lang) error {
	base := time.Date(2026, 3, 2, 18, 0, 0, 0, time.UTC)
	out, err := records.OpenOutbox(outDir)
	if err != nil {
		return err
	}
	defer out.Close()
	text, err := i18n.Load()
	if err != nil {
		return err
	}
	for i, ps := range profileSessions() {
		src, err := cat.Find(ps.scenario)
		if err != nil {
			return err
		}
		b, err := src.ReadMoves(ps.moves)
		if err != nil {
			return err
		}
		mv, err := walkthrough.Parse(ps.moves, bytes.NewReader(b))
		if err != nil {
			return err
		}
		p, err := engine.Open(cat, ps.scenario)
		if err != nil {
			return err
		}
		at := base.Add(time.Duration(i) * 24 * time.Hour)
		s, err := p.NewSession(engine.Options{Seed: mv.Seed, Clock: func() time.Time {
			at = at.Add(2 * time.Minute)
			return at
		}})
		if err != nil {
			return err
		}
		n := 0
		for _, st := range mv.Steps {
			if st.Command == "" {
				continue
			}
			if ps.commands > 0 && n == ps.commands {
				break
			}
			n++
			if _, err := s.Do(game.ActorTrainee, st.Command); err != nil {
				s.Close()
				return err
			}
		}
		data := encodeSave(savedState{source: ps.scenario, lang: lang, scene: SceneDesk, tab: TabChart, log: s.LogText()})
		if _, err := store.Write(saveName(s.View().Scenario.ID), data); err != nil {
			s.Close()
			return err
		}
		sts, err := records.Statements(records.Session{Log: s.Log(), Events: s.Events(), View: s.View()},
			records.StatementOptions{Account: shotAccount().accountOf(), Text: text, Suspend: true})
		s.Close()
		if err != nil {
			return err
		}
		if err := records.Push(out, sts); err != nil {
			return err
		}
	}
	return nil
}

// prepareProfileShot makes an app whose trainee has played: a won case,
// a lost one and one in progress, with statements waiting for an LRS; it
// shows the title scene (the profile) or the settings. The saves are made
// in a new temporary folder, removed when the app closes.
func prepareProfileShot(o ShotOptions, src Source) (*App, error) {
	dir, err := os.MkdirTemp("", "takedown-profile-")
	if err != nil {
		return nil, err
	}
	store, err := save.Open(filepath.Join(dir, "saves"))
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	cat := catalog.New()
	outDir := filepath.Join(dir, "outbox")
	if err := writeProfileSaves(cat, store, outDir, o.Lang); err != nil {
		store.Close()
		os.RemoveAll(dir)
		return nil, err
	}
	if src == nil {
		src = stillSource{}
	}
	acc := shotAccount()
	a, err := New(Options{Lang: o.Lang, Scale: o.Scale, Size: o.Size, Source: src, Catalog: cat, Presenter: o.Presenter,
		Store: store, Records: RecordsOptions{Dir: outDir, Account: acc.account, Home: acc.home, Endpoint: acc.endpoint,
			Username: acc.username, Password: acc.password, hold: true}})
	if err != nil {
		store.Close()
		os.RemoveAll(dir)
		return nil, err
	}
	a.profile.cleanup = func() {
		store.Close()
		os.RemoveAll(dir)
	}
	a.recSet = acc // what the settings scene shows
	a.settle()
	a.keeper.flush()
	a.askProfile()
	a.waitProfile()
	a.title.selected = "film-site"
	scene := SceneTitle
	if o.Scene == SceneSettings {
		scene = SceneSettings
	}
	if err := a.SetScene(scene); err != nil {
		return nil, err
	}
	return a, nil
}

package report

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
	"takedown/i18n"
	"takedown/records"
	"takedown/save"
	"takedown/scripting/sandbox"
	"takedown/walkthrough"
)

func loadText(t testing.TB) *i18n.Catalog {
	t.Helper()
	c, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// played is a walkthrough of film-site played as a trainee would: each
// command a minute after the last, with a reason at the key decisions.
type played struct {
	prog *engine.Program
	log  game.SessionLog
}

func play(t testing.TB, moves string) played {
	t.Helper()
	src, err := catalog.New().Find("film-site")
	if err != nil {
		t.Fatal(err)
	}
	prog, errs := engine.Compile(src, sandbox.Limits{})
	if errs != nil {
		t.Fatal(errs)
	}
	b, err := src.ReadMoves(moves)
	if err != nil {
		t.Fatal(err)
	}
	mv, err := walkthrough.Parse(moves, bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 1, 18, 0, 0, 0, time.UTC)
	es, err := prog.NewSession(engine.Options{Seed: mv.Seed, Clock: func() time.Time { now = now.Add(time.Minute); return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer es.Close()
	for _, st := range mv.Steps {
		if st.Command == "" {
			continue
		}
		e := game.LogEntry{Line: st.Command, Actor: "trainee/lena"}
		if c, _ := game.ParseCommand(st.Command); slices.Contains(records.KeyDecisions(), c.Verb) {
			e.Why = "Because <b>the file</b> is ready & the data is frozen"
		}
		if _, err := es.Exec(e); err != nil {
			t.Fatalf("%s: %s: %v", moves, st.Command, err)
		}
	}
	return played{prog: prog, log: es.Log()}
}

func write(t testing.TB, p played, l game.Lang) []byte {
	t.Helper()
	r, err := Build(p.prog, p.log, Options{Lang: l, Text: loadText(t), Scenario: "film-site",
		Account: records.Account{HomePage: "https://lms.academy.test", Name: "1625378"}})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sections are the ids of the report's sections, in order.
var sections = []string{"overview", "summary", "objectives", "strengths", "improvements", "decisions",
	"timeline", "strength", "evidence", "rationale", "plan", "session"}

// checkPage checks a report's HTML (as written, or as a browser's DOM):
// every section in order, two SVG charts, no text a catalogue lacks, no
// template failure, nothing loaded from elsewhere and no script.
func checkPage(t *testing.T, page string) {
	t.Helper()
	last := -1
	for _, id := range sections {
		i := strings.Index(page, `<section id="`+id+`">`)
		if i < 0 || i < last {
			t.Errorf("section %q missing or out of order", id)
		}
		last = i
	}
	if n := strings.Count(page, "<svg"); n != 2 {
		t.Errorf("%d SVG charts, want 2", n)
	}
	for _, bad := range []string{"⟨", "<no value>", "ZgotmplZ", "%!", "template:", "<script", "http-equiv", "src=", "@import", "url("} {
		if strings.Contains(page, bad) {
			i := strings.Index(page, bad)
			t.Errorf("the page holds %q: …%s…", bad, page[max(0, i-80):min(len(page), i+80)])
		}
	}
}

func TestReportPages(t *testing.T) {
	for _, moves := range []string{"scenarios/film-site.win.moves", "scenarios/film-site.lose-logs-expired.moves", "scenarios/film-site.lose-early-takedown.moves"} {
		p := play(t, moves)
		for _, l := range []game.Lang{game.EN, game.RU} {
			t.Run(filepath.Base(moves)+"/"+string(l), func(t *testing.T) {
				page := string(write(t, p, l))
				checkPage(t, page)
				if !strings.Contains(page, `<html lang="`+string(l)+`">`) {
					t.Errorf("the page is not marked as %s", l)
				}
				// The reason is shown, escaped, in the rationale and at the
				// decisions.
				if n := strings.Count(page, "Because &lt;b&gt;the file&lt;/b&gt; is ready &amp; the data is frozen"); n < 2 {
					t.Errorf("the typed reason appears %d times, want at least 2", n)
				}
				for _, want := range map[game.Lang][]string{
					game.EN: {"After-action report", "What was supposed to happen?", "1625378 · https://lms.academy.test"},
					game.RU: {"Отчёт о результатах занятия", "Что должно было произойти?", "Операция «Премьера»"},
				}[l] {
					if !strings.Contains(page, want) {
						t.Errorf("the page lacks %q", want)
					}
				}
				if again := string(write(t, p, l)); again != page {
					t.Error("the same session gave two different reports")
				}
			})
		}
	}
}

func TestRate(t *testing.T) {
	for _, tc := range []struct {
		met  bool
		n    int
		want Rating
	}{
		{true, 0, RatingP}, {true, 1, RatingS}, {true, 2, RatingS}, {true, 3, RatingM}, {true, 9, RatingM},
		{false, 0, RatingU}, {false, 5, RatingU},
	} {
		if got := Rate(tc.met, tc.n); got != tc.want {
			t.Errorf("Rate(%v, %d) = %s, want %s", tc.met, tc.n, got, tc.want)
		}
	}
}

// TestRatings checks the ratings of a win (nothing but P) and of a loss
// with returns and lost data (U for what was not met, S or M for the rest).
func TestRatings(t *testing.T) {
	for _, tc := range []struct {
		moves string
		allow []Rating
		needU bool
	}{
		{"scenarios/film-site.win.moves", []Rating{RatingP}, false},
		{"scenarios/film-site.lose-logs-expired.moves", []Rating{RatingS, RatingM, RatingU}, true},
	} {
		t.Run(tc.moves, func(t *testing.T) {
			p := play(t, tc.moves)
			r, err := Build(p.prog, p.log, Options{Lang: game.EN, Text: loadText(t)})
			if err != nil {
				t.Fatal(err)
			}
			rs := r.rate(r.challenges())
			if len(rs) == 0 {
				t.Fatal("nothing rated")
			}
			u := false
			for _, x := range rs {
				if !slices.Contains(tc.allow, x.Rating) {
					t.Errorf("%q rated %s, want one of %v", x.Text, x.Rating, tc.allow)
				}
				u = u || x.Rating == RatingU
				if len(x.Evidence) == 0 {
					t.Errorf("%q has no evidence for its rating", x.Text)
				}
			}
			if u != tc.needU {
				t.Errorf("some U: %v, want %v", u, tc.needU)
			}
		})
	}
}

// TestReadSource reads a session back from every kind of file it is kept
// in, and refuses what is none.
func TestReadSource(t *testing.T) {
	p := play(t, "scenarios/film-site.lose-threshold.moves")
	var logText bytes.Buffer
	if _, err := p.log.WriteTo(&logText); err != nil {
		t.Fatal(err)
	}
	payload := append([]byte("takedown-save 1\nsource film-site\nlang ru\nscene desk\ntab chart\n\n"), logText.Bytes()...)
	dir := t.TempDir()
	st, err := save.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Write("session-film-site", payload); err != nil {
		t.Fatal(err)
	}
	st.Close()
	saveFile, err := os.ReadFile(filepath.Join(dir, "session-film-site.sav"))
	if err != nil {
		t.Fatal(err)
	}
	damaged := bytes.Replace(saveFile, []byte("seed"), []byte("sEed"), 1)
	page := write(t, p, game.RU)

	for _, tc := range []struct {
		name     string
		in       []byte
		kind     string
		scenario string
		lang     game.Lang
		err      string
	}{
		{"save file", saveFile, KindSave, "film-site", game.RU, ""},
		{"save payload", payload, KindPayload, "film-site", game.RU, ""},
		{"session log", logText.Bytes(), KindLog, "", "", ""},
		{"session log with a BOM", append([]byte("\ufeff"), logText.Bytes()...), KindLog, "", "", ""},
		{"report", page, KindReport, "film-site", game.RU, ""},
		{"damaged save", damaged, "", "", "", "checksum"},
		{"save of a newer format", bytes.Replace(saveFile, []byte("format 1"), []byte("format 9"), 1), "", "", "", "format 9"},
		{"an HTML page", []byte("<!DOCTYPE html><html><body><p>hello</p></body></html>"), "", "", "", "not a Takedown"},
		{"a report whose session is cut", page[:bytes.Index(page, []byte(`id="takedown-log"`))+200], "", "", "", "not closed"},
		{"nothing", nil, "", "", "", "not a Takedown"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ReadSource(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("error %v, want one about %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Kind != tc.kind || s.Scenario != tc.scenario || s.Lang != tc.lang {
				t.Errorf("source %s %q %q, want %s %q %q", s.Kind, s.Scenario, s.Lang, tc.kind, tc.scenario, tc.lang)
			}
			l, err := s.ParseLog()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(l.Entries, p.log.Entries) || l.Seed != p.log.Seed || l.Hash != p.log.Hash {
				t.Error("the log read back differs from the session's")
			}
		})
	}
}

// TestReportReplays checks that a report opened again gives the same
// report: the session it embeds is whole.
func TestReportReplays(t *testing.T) {
	p := play(t, "scenarios/film-site.lose-early-takedown.moves")
	first := write(t, p, game.EN)
	s, err := ReadSource(first)
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.ParseLog()
	if err != nil {
		t.Fatal(err)
	}
	again := write(t, played{prog: p.prog, log: l}, game.EN)
	if !bytes.Equal(first, again) {
		t.Error("the report written from a report differs from the first")
	}
}

func TestBuildRefusesADivergedLog(t *testing.T) {
	p := play(t, "scenarios/film-site.lose-threshold.moves")
	l := p.log
	l.Entries = slices.Clone(l.Entries)
	l.Entries[3].Sum = "0000000000000000"
	if _, err := Build(p.prog, l, Options{Lang: game.EN, Text: loadText(t)}); err == nil {
		t.Error("a log that diverges at entry 4 gave a report")
	}
}

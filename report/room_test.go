package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"takedown/game"
	"takedown/records"
)

// TestWriteRoom writes a room's reports: one page per trainee whose log
// replays, named after the trainee, and an index that lists every trainee
// with the outcome and score, links each report, and says what is wrong
// with a log that does not replay instead of dropping it.
func TestWriteRoom(t *testing.T) {
	win := play(t, "scenarios/film-site.win.moves")
	lose := play(t, "scenarios/film-site.lose-early-takedown.moves")
	bad := play(t, "scenarios/film-site.win.moves")
	bad.log.Entries = append([]game.LogEntry(nil), bad.log.Entries...)
	bad.log.Entries[2].Sum = "0000000000000000"
	dir := filepath.Join(t.TempDir(), "reports")
	logs := []RoomLog{
		{ID: "t1", Name: "Lena K.", Team: "North", Log: win.log},
		{ID: "t2", Name: "Борис", Team: "South", Log: lose.log},
		{ID: "t3", Name: "../../etc", Team: "South", Log: bad.log},
	}
	index, err := WriteRoom(dir, win.prog, "TK4R7M", logs, Options{Lang: game.EN, Text: loadText(t), Scenario: "film-site",
		Account: records.Account{HomePage: "https://lms.academy.example/"}})
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	for _, want := range []string{"Workshop room TK4R7M", `href="01-lena-k.html"`, `href="02-t2.html"`, "Lena K.", "Борис", "../../etc", ">100<"} {
		if !strings.Contains(html, want) {
			t.Errorf("the index lacks %q", want)
		}
	}
	if strings.Contains(html, "03-") {
		t.Error("the index links a report for a log that does not replay")
	}
	if !strings.Contains(html, "replay") {
		t.Error("the index does not say why the third log has no report")
	}
	for _, f := range []string{"01-lena-k.html", "02-t2.html"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		checkPage(t, string(b))
	}
	if es, _ := os.ReadDir(dir); len(es) != 3 {
		t.Errorf("%d files in the reports folder, want two reports and the index", len(es))
	}
}

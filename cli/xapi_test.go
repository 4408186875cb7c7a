package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// statementsOf parses what xapi printed.
func statementsOf(t *testing.T, out string) []map[string]any {
	t.Helper()
	var sts []map[string]any
	if err := json.Unmarshal([]byte(out), &sts); err != nil {
		t.Fatalf("xapi printed no JSON array: %v\n%s", err, out)
	}
	return sts
}

func TestXAPIFromMoves(t *testing.T) {
	code, out, errOut := run("xapi", "--scenario", "film-site", "--moves", "../scenarios/film-site.lose-threshold.moves",
		"--actor", "1625378", "--home", "https://lms.academy.test/")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	sts := statementsOf(t, out)
	if len(sts) < 5 {
		t.Fatalf("%d statements", len(sts))
	}
	first, last := sts[0], sts[len(sts)-1]
	verb := func(s map[string]any) string { return s["verb"].(map[string]any)["id"].(string) }
	if !strings.HasSuffix(verb(first), "/initialized") || !strings.HasSuffix(verb(last), "/terminated") {
		t.Errorf("first %s, last %s", verb(first), verb(last))
	}
	acc := first["actor"].(map[string]any)["account"].(map[string]any)
	if acc["name"] != "1625378" || acc["homePage"] != "https://lms.academy.test/" {
		t.Errorf("account %v", acc)
	}
	if strings.Contains(out, "mbox") {
		t.Error("the statements carry an e-mail address")
	}
	_, again, _ := run("xapi", "--scenario", "film-site", "--moves", "../scenarios/film-site.lose-threshold.moves",
		"--actor", "1625378", "--home", "https://lms.academy.test/")
	if again != out {
		t.Error("the same walkthrough printed different statements")
	}
}

// TestSessionFiles checks that a report written from a walkthrough is a
// session file for both commands: xapi prints from it what it prints from
// the walkthrough, and report rewrites it identically.
func TestSessionFiles(t *testing.T) {
	dir := t.TempDir()
	rep := filepath.Join(dir, "report.html")
	moves := []string{"--scenario", "film-site", "--moves", "../scenarios/film-site.lose-early-takedown.moves"}
	if code, _, errOut := run(append([]string{"report", "--lang", "ru", "--out", rep}, moves...)...); code != ExitOK {
		t.Fatalf("report: exit %d: %s", code, errOut)
	}
	page, err := os.ReadFile(rep)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(page), "<!DOCTYPE html>") || !strings.Contains(string(page), `lang="ru"`) {
		t.Error("the report is not a Russian HTML page")
	}
	_, fromMoves, _ := run(append([]string{"xapi"}, moves...)...)
	code, fromReport, errOut := run("xapi", rep)
	if code != ExitOK {
		t.Fatalf("xapi REPORT: exit %d: %s", code, errOut)
	}
	if fromReport != fromMoves {
		t.Error("the statements of the report's session differ from the walkthrough's")
	}
	again := filepath.Join(dir, "again.html")
	if code, _, errOut := run("report", rep, "--out", again); code != ExitOK {
		t.Fatalf("report REPORT: exit %d: %s", code, errOut)
	}
	page2, err := os.ReadFile(again)
	if err != nil {
		t.Fatal(err)
	}
	if string(page2) != string(page) {
		t.Error("the report written from the report differs (the language should come from it too)")
	}
}

func TestXAPIAndReportUsage(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(junk, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"xapi without a session", []string{"xapi"}, "session file"},
		{"xapi with both", []string{"xapi", junk, "--moves", "../scenarios/film-site.win.moves"}, "not both"},
		{"xapi of a file that is no session", []string{"xapi", junk}, "not a Takedown"},
		{"xapi with an e-mail", []string{"xapi", "--moves", "../scenarios/film-site.win.moves", "--actor", "a@b.test"}, "e-mail"},
		{"report without --out", []string{"report", "--moves", "../scenarios/film-site.win.moves"}, "--out"},
		{"report in an unknown language", []string{"report", "--moves", "../scenarios/film-site.win.moves", "--lang", "xx", "--out", filepath.Join(dir, "r.html")}, "--lang"},
		{"report of a missing file", []string{"report", filepath.Join(dir, "none.sav"), "--out", filepath.Join(dir, "r.html")}, "none.sav"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := run(tc.args...)
			if code != ExitUsage || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stderr %q: want exit %d and %q", code, errOut, ExitUsage, tc.want)
			}
		})
	}
}

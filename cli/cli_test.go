package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func run(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = Main(args, Env{Stdout: &o, Stderr: &e})
	return code, o.String(), e.String()
}

func TestRunJSONIsByteIdentical(t *testing.T) {
	args := []string{"run", "--scenario", "film-site", "--moves", "../scenarios/film-site.win.moves", "--seed", "11", "--json"}
	c1, a, _ := run(args...)
	c2, b, _ := run(args...)
	if a != b {
		t.Fatal("two runs with the same seed differ")
	}
	var res Result
	if err := json.Unmarshal([]byte(a), &res); err != nil {
		t.Fatal(err)
	}
	if res.Seed != 11 || res.Scenario != "film-site" || len(res.Events) == 0 || len(res.Hash) != 64 {
		t.Errorf("result header wrong: seed %d scenario %q events %d hash %q", res.Seed, res.Scenario, len(res.Events), res.Hash)
	}
	// The walkthrough's expectations were written for seed 1; whatever seed 11
	// does, the exit code must say whether they held.
	if (c1 == ExitOK) != (res.Ending == "conviction") || c1 != c2 {
		t.Errorf("exit code %d does not match ending %q", c1, res.Ending)
	}
	_, c, _ := run("run", "--moves", "../scenarios/film-site.win.moves", "--seed", "12", "--json")
	if c == a {
		t.Error("a different seed gave the same output")
	}
}

func TestRunPrintsTranscriptAndOutcome(t *testing.T) {
	code, out, errOut := run("run", "--moves", "../scenarios/film-site.lose-threshold.moves")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"> whois kadr-hd.ru", "REDACTED FOR PRIVACY", "Ending: Convicted, but short of the case (partial)", "Score:",
		"Cause (minor-tier):", "[ ] 3. "} {
		if !strings.Contains(out, want) {
			t.Errorf("transcript lacks %q", want)
		}
	}
}

func TestTestCommandCountsWalkthroughs(t *testing.T) {
	code, out, _ := run("test")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	if !regexp.MustCompile(`^\d+ passed, 0 failed$`).MatchString(last) || code != ExitOK {
		t.Fatalf("exit %d, last line %q\n%s", code, last, out)
	}
	if !strings.Contains(out, "ok   scenarios/film-site.win.moves (ending conviction") {
		t.Errorf("no line for the winning walkthrough:\n%s", out)
	}
}

func TestTestCommandReportsFailures(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile("../scenarios/film-site.lua")
	os.WriteFile(filepath.Join(dir, "copy.lua"), src, 0o644)
	os.WriteFile(filepath.Join(dir, "copy.wrong.moves"), []byte("whois kadr-hd.ru\nexpect known nordhost\n"), 0o644)
	code, out, _ := run("test", dir)
	if code != ExitFinding || !strings.Contains(out, "copy.wrong.moves:2: expected known nordhost") || !strings.HasSuffix(strings.TrimSpace(out), "0 passed, 1 failed") {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

func TestCheck(t *testing.T) {
	if code, out, errOut := run("check", "../scenarios"); code != ExitOK {
		t.Fatalf("embedded scenarios fail check (exit %d):\n%s%s", code, out, errOut)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.lua")
	os.WriteFile(bad, []byte("scenario { id = \"x\" }\nadd_entity { id = \"y\", kind = \"org\", jurisdiction = \"ru\", colour = 1 }\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.one.moves"), []byte("whois\n"), 0o644)
	code, out, _ := run("check", dir)
	if code != ExitFinding {
		t.Fatalf("exit %d for a broken scenario", code)
	}
	for _, want := range []string{filepath.ToSlash(bad) + `:2: add_entity: unknown field "colour"`, filepath.ToSlash(bad) + `:1: scenario: missing field "api"`, "bad.one.moves:1: Usage: whois DOMAIN"} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{
		{"frobnicate"},
		{"run"},
		{"run", "--moves", "/nonexistent.moves"},
		{"run", "--scenario", "atlantis", "--moves", "../scenarios/film-site.win.moves"},
		{"check"},
		{"check", "/nonexistent"},
		{"run", "--bogus"},
	} {
		if code, _, errOut := run(args...); code != ExitUsage || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

func TestDocs(t *testing.T) {
	_, md, _ := run("docs")
	_, stub, _ := run("docs", "--luals")
	if !strings.HasPrefix(md, "# Takedown scenario API") || !strings.HasPrefix(stub, "---@meta") {
		t.Fatal("docs output malformed")
	}
}

func TestRandomWalksFindNoErrorsAndReportEndings(t *testing.T) {
	code, out, _ := run("test", "--random", "30", "--seed", "3")
	if code != ExitOK || !strings.Contains(out, "random scenarios/film-site.lua: 30 walks; endings reached: ") {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

func TestRandomWalksReportDeadEndsWithAReplayableWalk(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile("template/scenario.lua")
	// A handler that fails on the first command: every walk must report it.
	broken := strings.Replace(string(src), "return {\n", "return {\n  on_command = function(ev) error(\"boom\") end,\n", 1)
	os.WriteFile(filepath.Join(dir, "b.lua"), []byte(strings.ReplaceAll(broken, "NAME", "b")), 0o644)
	os.WriteFile(filepath.Join(dir, "b.x.moves"), []byte("wait 1h\nexpect script-errors == 1\n"), 0o644)
	code, out, _ := run("test", dir, "--random", "5")
	if code != ExitFinding || !strings.Contains(out, "script error in walk") || !strings.Contains(out, "boom") || !strings.Contains(out, "    seed ") {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

func TestNewScenarioPassesCheckAndTest(t *testing.T) {
	dir := t.TempDir()
	if code, out, errOut := run("new", "--dir", dir, "my-case"); code != ExitOK {
		t.Fatalf("exit %d %s %s", code, out, errOut)
	}
	if code, out, _ := run("check", dir); code != ExitOK {
		t.Fatalf("the template fails check:\n%s", out)
	}
	if code, out, _ := run("test", filepath.Join(dir, "my-case.lua")); code != ExitOK || !strings.HasSuffix(strings.TrimSpace(out), "2 passed, 0 failed") {
		t.Fatalf("the template fails its walkthroughs:\n%s", out)
	}
	if code, _, _ := run("new", "--dir", dir, "my-case"); code != ExitUsage {
		t.Error("new overwrote an existing scenario")
	}
	if code, _, _ := run("new", "Bad Name"); code != ExitUsage {
		t.Error("new accepted a bad name")
	}
}

func TestGraph(t *testing.T) {
	_, dot, _ := run("graph", "film-site")
	_, mer, _ := run("graph", "film-site", "--format", "mermaid")
	for _, want := range []string{"digraph", "kadr-hd.ru", "record rec-host-logs", "ending conviction", "takedown before arrest"} {
		if !strings.Contains(dot, want) {
			t.Errorf("dot lacks %q", want)
		}
	}
	if !strings.HasPrefix(mer, "flowchart LR") || !strings.Contains(mer, "-- \"raid while computers are on about p-lebedev\" -->") {
		t.Errorf("mermaid output wrong:\n%.400s", mer)
	}
	if code, _, _ := run("graph", "film-site", "--format", "svg"); code != ExitUsage {
		t.Error("unknown format accepted")
	}
}

func TestCheckReportsObjectivesNoWalkthroughMeets(t *testing.T) {
	dir := t.TempDir()
	if code, _, _ := run("new", "--dir", dir, "obj"); code != ExitOK {
		t.Fatal("new failed")
	}
	path := filepath.Join(dir, "obj.lua")
	src, _ := os.ReadFile(path)
	extra := "add_objective { id = \"never\", text = { en = \"n\", ru = \"н\" }, check = function() return false end }\n"
	os.WriteFile(path, []byte(strings.Replace(string(src), "-- Every rules outcome", extra+"-- Every rules outcome", 1)), 0o644)
	code, out, _ := run("check", dir)
	if code != ExitFinding || !strings.Contains(out, `objective "never" is met by none of the walkthroughs`) || !strings.Contains(out, "obj.lua:") {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

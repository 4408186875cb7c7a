package game

import (
	"os"
	"strings"
	"testing"
)

// TestRulesDocIsGenerated checks that docs/rules.md is what RulesDoc writes,
// and that every verb, event kind, data key, condition, cause and flag has
// its line: the document cannot drift from the engine.
func TestRulesDocIsGenerated(t *testing.T) {
	doc := RulesDoc()
	for _, v := range Verbs() {
		if verbRules()[v.Name] == "" || !strings.Contains(doc, "`"+v.Usage()+"`") {
			t.Errorf("verb %s has no line", v.Name)
		}
	}
	for _, k := range EventKinds() {
		if !strings.Contains(doc, "| `"+string(k.Kind)+"` |") {
			t.Errorf("event kind %s has no line", k.Kind)
		}
	}
	for c := range conditionWords() {
		if conditionRules()[c] == "" {
			t.Errorf("condition %s is not explained", c)
		}
	}
	for _, c := range causeIDs() {
		if !strings.Contains(doc, "`"+c+"`") {
			t.Errorf("cause %s is not listed", c)
		}
	}
	for _, f := range RuleFlags() {
		if !strings.Contains(doc, "`"+string(f.Flag)+"`") {
			t.Errorf("flag %s is not listed", f.Flag)
		}
	}
	b, err := os.ReadFile("../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != doc {
		t.Error("docs/rules.md is out of date: run make docs")
	}
}

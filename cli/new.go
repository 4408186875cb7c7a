package cli

import (
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

//go:embed template/*.lua template/*.moves
var template embed.FS

// newScenario writes NAME.lua and its walkthroughs from the template.
func (env Env) newScenario(args []string) (int, error) {
	fl := newFlags("new", env)
	dir := fl.String("dir", ".", "folder to write into")
	rest, err := parse(fl, args)
	if err != nil {
		return 0, err
	}
	if len(rest) != 1 {
		return 0, fmt.Errorf("usage: new NAME (lowercase letters, digits and -)")
	}
	name := rest[0]
	if !validName(name) {
		return 0, fmt.Errorf("%q is not a scenario name: use lowercase letters, digits and -, starting with a letter", name)
	}
	files := map[string]string{
		"template/scenario.lua":         name + ".lua",
		"template/win.moves":            name + ".win.moves",
		"template/lose-threshold.moves": name + ".lose-threshold.moves",
	}
	for _, out := range files {
		if _, err := os.Stat(filepath.Join(*dir, out)); err == nil {
			return 0, fmt.Errorf("%s already exists: nothing written", filepath.Join(*dir, out))
		}
	}
	for _, in := range []string{"template/scenario.lua", "template/win.moves", "template/lose-threshold.moves"} {
		b, err := template.ReadFile(in)
		if err != nil {
			return 0, err
		}
		out := filepath.Join(*dir, files[in])
		if err := os.WriteFile(out, []byte(strings.ReplaceAll(string(b), "NAME", name)), 0o644); err != nil {
			return 0, err
		}
		fmt.Fprintln(env.Stdout, "wrote", out)
	}
	fmt.Fprintf(env.Stdout, "next: go run . check %s && go run . test %s\n",
		filepath.Join(*dir, name+".lua"), filepath.Join(*dir, name+".lua"))
	return ExitOK, nil
}

func validName(s string) bool {
	if s == "" || len(s) > 48 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

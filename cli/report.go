package cli

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"takedown/game"
	"takedown/report"
	"takedown/safefile"
)

func (env Env) report(args []string) (int, error) {
	fl := newFlags("report", env)
	sf := addSessionFlags(fl)
	lang := fl.String("lang", "", "language of the report: "+langList(env.Text)+" (default: the session's, else en)")
	out := fl.String("out", "", "the HTML file to write")
	actor := fl.String("actor", "", "the trainee's account name, as the overview shows it (default: the log's trainee)")
	home := fl.String("home", "", "the home page of the academy's LMS, shown with the account")
	rest, err := parse(fl, args)
	if err != nil {
		return 0, err
	}
	if *out == "" {
		return 0, errors.New("--out FILE.html is required")
	}
	ld, err := env.load(sf, rest)
	if err != nil {
		return 0, err
	}
	defer ld.es.Close()
	l := game.EN
	switch {
	case *lang != "":
		if l, err = parseLang(env.Text, *lang); err != nil {
			return 0, err
		}
	case ld.source.Lang != "":
		l = env.Text.Supported(ld.source.Lang)
	}
	log := ld.es.Log()
	opt := report.Options{Lang: l, Text: env.Text, Scenario: ld.source.Scenario}
	if *actor != "" {
		opt.Account = account(*actor, *home, log)
	}
	r, err := report.Build(ld.prog, log, opt)
	if err != nil {
		return 0, err
	}
	var b bytes.Buffer
	if err := r.Write(&b); err != nil {
		return 0, err
	}
	if err := writeFile(*out, b.Bytes()); err != nil {
		return 0, err
	}
	fmt.Fprintf(env.Stderr, "wrote %s\n", *out)
	return ExitOK, nil
}

// writeFile writes a file whole or not at all: a temporary file beside it,
// synced, then renamed over it.
func writeFile(path string, data []byte) error {
	if strings.HasSuffix(path, string(filepath.Separator)) {
		return fmt.Errorf("--out %s is a folder, not a file", path)
	}
	return safefile.WriteWhole(path, data)
}

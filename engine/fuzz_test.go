package engine_test

import (
	"errors"
	"os"
	"testing"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
)

// FuzzResume resumes arbitrary log text against film-site: nothing panics,
// every failure is an error of the rules' kinds, and a session that comes
// back writes a log that resumes to the same state.
func FuzzResume(f *testing.F) {
	for _, p := range []string{"testdata/release1-film-site.log"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("takedown-log 2\nscenario film-site -\nseed 3\n@0 0 trainee 0 whois kadr-hd.ru\n@10 0 trainee 0 wait 3d\nend 2\n")
	f.Add("takedown-log 2\nscenario film-site -\nseed 1\n@0 0 instructor 0 pause\n@0 0 trainee 0 whois kadr-hd.ru\nend 2\n")
	f.Add("takedown-log 2\nscenario other -\nseed 1\nend 0\n")
	p, err := engine.Open(catalog.New(), "film-site")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, log string) {
		s, err := p.ResumeText([]byte(log), engine.Options{})
		if s == nil {
			var u *game.UsageError
			var l *game.LogError
			var r *game.ReplayError
			if err == nil || !(errors.As(err, &u) || errors.As(err, &l) || errors.As(err, &r)) {
				t.Fatalf("no session and error %T %v", err, err)
			}
			return
		}
		defer s.Close()
		again, err := p.ResumeText(s.LogText(), engine.Options{})
		if err != nil {
			t.Fatalf("the log written back does not resume: %v", err)
		}
		defer again.Close()
		if again.View().Checksum != s.View().Checksum {
			t.Fatal("the log written back resumes to another state")
		}
	})
}

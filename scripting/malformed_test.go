package scripting_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"takedown/scripting"
)

// TestMalformedFixtures loads every file in testdata/malformed. Each line
// that should cause a problem ends with a comment `-- want: "text"`; the
// problems reported must be exactly those lines, each containing its text.
func TestMalformedFixtures(t *testing.T) {
	files, _ := filepath.Glob("testdata/malformed/*.lua")
	if len(files) < 15 {
		t.Fatalf("only %d fixtures", len(files))
	}
	want := regexp.MustCompile(`-- want: "((?:[^"\\]|\\.)*)"`)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			expect := map[int]string{}
			for i, line := range strings.Split(string(src), "\n") {
				if m := want.FindStringSubmatch(line); m != nil {
					s, err := strconv.Unquote(`"` + m[1] + `"`)
					if err != nil {
						t.Fatalf("line %d: bad want: %v", i+1, err)
					}
					expect[i+1] = s
				}
			}
			if len(expect) == 0 {
				t.Fatal("fixture has no want comment")
			}
			o := opts()
			o.Limits = scripting.DefaultLimitsForTest()
			_, script, errs := scripting.Load(f, src, o)
			if script != nil {
				errs = script.Lint()
				script.Close()
			}
			got := map[int][]string{}
			for _, e := range errs {
				if e.File != f {
					t.Errorf("problem in another file: %v", e)
					continue
				}
				got[e.Line] = append(got[e.Line], e.Error())
			}
			for line, text := range expect {
				found := false
				for _, g := range got[line] {
					found = found || strings.Contains(g, text)
				}
				if !found {
					t.Errorf("%s:%d: want a problem containing %q; got %v", f, line, text, fmtAll(errs))
				}
				delete(got, line)
			}
			for line, g := range got {
				t.Errorf("%s:%d: unexpected problem %v", f, line, g)
			}
		})
	}
}

func fmtAll(errs scripting.ErrorList) string {
	var b strings.Builder
	for _, e := range errs {
		fmt.Fprintf(&b, "\n  %v", e)
	}
	return b.String()
}

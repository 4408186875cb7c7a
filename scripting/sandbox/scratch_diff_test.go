package sandbox

import (
	"os"
	"strings"
	"testing"
)

func TestScratchDiff(t *testing.T) {
	src, _ := os.ReadFile("/tmp/diff/" + os.Getenv("CASES") + ".lua")
	var out []string
	s := New(Limits{}, nil, func(l string) { out = append(out, l) })
	p, err := s.Compile("cases.lua", src)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Run(p); err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/diff/" + os.Getenv("CASES") + "_sb.txt", []byte(strings.Join(out, "\n")+"\n"), 0o644)
}

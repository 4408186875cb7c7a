package save

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestKeepCopy checks that a copy kept aside holds the data in the save
// format, survives later Writes that rotate every generation out, is never
// read back as the save, and that its name parses as a kept-aside file.
func TestKeepCopy(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	whole := []byte("the whole session, 300 commands")
	if _, err := s.Write("case", whole); err != nil {
		t.Fatal(err)
	}
	w, err := s.KeepCopy("case", whole)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Files) != 1 || w.Files[0] != "case.sav.copy-1" {
		t.Fatalf("kept %q, want case.sav.copy-1", w.Files)
	}
	for i := range generations + 2 {
		if _, err := s.Write("case", fmt.Appendf(nil, "part %d", i)); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := os.ReadFile(filepath.Join(dir, "case.sav.copy-1"))
	if err != nil {
		t.Fatalf("the copy is gone after %d writes: %v", generations+2, err)
	}
	got, err := decode(raw)
	if err != nil || !bytes.Equal(got, whole) {
		t.Errorf("the copy decodes to %q, %v; want %q", got, err, whole)
	}
	data, _, err := s.Read("case")
	if err != nil || string(data) != fmt.Sprintf("part %d", generations+1) {
		t.Errorf("Read returned %q, %v; want the newest write", data, err)
	}
	f, ok := parseFile("case.sav.copy-1")
	if !ok || f.kept != keptCopy || f.n != 1 || f.name != "case" {
		t.Errorf("parseFile(case.sav.copy-1) = %+v, %v", f, ok)
	}
	w, err = s.KeepCopy("case", whole)
	if err != nil || w.Files[0] != "case.sav.copy-2" {
		t.Errorf("a second copy kept as %v, %v; want case.sav.copy-2 first", w, err)
	}
}

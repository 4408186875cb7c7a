package safefile

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteWhole checks that the file holds the data, replaces an older
// one, is readable by everyone, and leaves no temporary file behind, and
// that a write into a missing folder fails without leaving anything.
func TestWriteWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	for _, data := range []string{"first", "second, longer"} {
		if err := WriteWhole(path, []byte(data)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != data {
			t.Fatalf("read %q, %v; want %q", got, err, data)
		}
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, %v; want 0644", info.Mode(), err)
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("%d files in the folder, want the report alone", len(es))
	}
	if err := WriteWhole(filepath.Join(dir, "missing", "r.html"), []byte("x")); err == nil {
		t.Error("a write into a missing folder succeeded")
	}
}
